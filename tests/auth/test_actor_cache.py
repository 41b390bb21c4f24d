"""A signed-in user's role and team reach are remembered between requests (no SQL to
authenticate), and forgotten as soon as a user or team of the workspace changes: in this
process at once, in the others through Redis."""

from __future__ import annotations

from typing import Any

from tests.conftest import SQLCounter, World

ME = "{ me { role } }"


async def test_a_remembered_user_costs_no_statement_to_authenticate(world: World) -> None:
    await world.gql("rep1", ME)
    with SQLCounter() as counter:
        await world.gql("rep1", "{ __typename }")
    assert counter.statements == []


async def test_a_role_changed_in_this_process_is_seen_on_the_next_request(world: World) -> None:
    """rep1 reads only their own customers; made an admin, they read rep2's on the next
    request."""
    from tests import factories as f
    theirs = await f.customer(world, "rep2", name="rep2's customer")
    assert theirs.name not in await customer_names(world, "rep1")
    user = world.users["rep1"]
    user.role = "admin"
    await user.save()
    assert theirs.name in await customer_names(world, "rep1")


async def customer_names(world: World, who: str) -> set[str]:
    body = await world.gql(who, "{ customers(first: 50) { edges { node { name } } } }")
    return {e["node"]["name"] for e in body["data"]["customers"]["edges"]}


async def test_a_team_change_reaches_its_manager_at_once(world: World) -> None:
    """A rep moved into the manager's team is within the manager's reach on the next request."""
    from tests import factories as f
    c = await f.customer(world, "rep3", name="West's customer")
    assert c.name not in await customer_names(world, "manager")
    rep3 = world.users["rep3"]
    rep3.team_id = world.teams["East"].id
    await rep3.save()
    assert c.name in await customer_names(world, "manager")


async def test_a_change_in_another_process_is_seen_through_redis(world: World,
                                                                  shared_redis: Any) -> None:
    from crm.auth import actors
    await world.gql("rep1", ME)
    with SQLCounter() as remembered:
        await world.gql("rep1", ME)
    # Another API process saved a user of this workspace: it moved the shared counter.
    await shared_redis.incr(actors.PREFIX + str(world.workspace.id))
    with SQLCounter() as after:
        await world.gql("rep1", ME)
    # The user is read again (the statement that finds them), where before it was not.
    assert len([s for s in after.statements if "app_user" in s]) > len(
        [s for s in remembered.statements if "app_user" in s])


def test_users_and_teams_change_only_in_ways_the_cache_hears_of() -> None:
    """The remembered actors are forgotten on a User's or Team's save or delete signal; a
    queryset update, a bulk update or raw SQL on their tables fires none and would leave a
    disabled user or a lost role answered for the cache's lifetime."""
    import re
    from pathlib import Path

    backend = Path(__file__).resolve().parents[2] / "backend" / "crm"
    silent = re.compile(r"\b(User|Team)\.(filter|all|exclude)\([^\n]*\)\s*\.(update|delete)\("
                        r"|\b(User|Team)\.bulk_(update|create)\(|UPDATE\s+\"?(app_user|team)\b",
                        re.IGNORECASE)
    found = [f"{path.relative_to(backend)}: {m.group(0)}" for path in backend.rglob("*.py")
             if "migrations" not in path.parts
             for m in silent.finditer(path.read_text())]
    assert not found, found
