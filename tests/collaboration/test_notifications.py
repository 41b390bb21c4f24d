"""Notifications: each user reads, counts and marks only their own, by every path."""

from __future__ import annotations

import uuid
from typing import Any

from crm.collaboration.service import notify
from crm.core.ids import to_global_id
from crm.core.models import AuditEvent
from tests import factories as f
from tests.conftest import World

LIST = """query($f: NotificationFilter) { notifications(first: 20, filter: $f) {
    totalCount edges { node { id kind title read actor { name } subject { __typename id } } } } }"""
COUNT = "{ unreadNotificationCount }"
MARK = """mutation($i: MarkNotificationsReadInput!) { markNotificationsRead(input: $i) {
    marked results { id ok errors { code } notification { read } } errors { code field } } }"""
NODE = "query($id: ID!) { node(id: $id) { id ... on Notification { title } } }"


async def send(world: World, who: str, title: str, **kw: Any) -> None:
    await notify(world.workspace.id, [world.users[who].id], kind="test.ping", title=title, **kw)


async def titles(world: World, who: str, flt: dict[str, Any] | None = None) -> list[str]:
    body = await world.gql(who, LIST, {"f": flt})
    return [e["node"]["title"] for e in body["data"]["notifications"]["edges"]]


async def ids(world: World, who: str) -> list[str]:
    body = await world.gql(who, LIST)
    return [e["node"]["id"] for e in body["data"]["notifications"]["edges"]]


async def test_a_user_lists_and_counts_only_their_own_newest_first(world: World):
    await send(world, "rep1", "first")
    await send(world, "rep2", "for rep2")
    await send(world, "rep1", "second")
    assert await titles(world, "rep1") == ["second", "first"]
    assert await titles(world, "rep2") == ["for rep2"]
    # The admin reads every customer, but not other people's notifications.
    assert await titles(world, "admin") == []
    assert (await world.gql("rep1", COUNT))["data"]["unreadNotificationCount"] == 2
    assert (await world.gql("admin", COUNT))["data"]["unreadNotificationCount"] == 0


async def test_node_of_someone_elses_notification_is_null(world: World):
    await send(world, "rep1", "private")
    [mine] = await ids(world, "rep1")
    assert (await world.gql("rep1", NODE, {"id": mine}))["data"]["node"]["title"] == "private"
    for who in ("rep2", "manager", "admin"):
        assert (await world.gql(who, NODE, {"id": mine}))["data"]["node"] is None


async def test_another_workspace_sees_nothing(world: World):
    from crm.auth.models import User
    from crm.auth.service import create_workspace
    from crm.auth.tokens import issue_access_token
    other = await create_workspace("Other", f"other-{uuid.uuid4().hex[:8]}")
    for who, role in (("their_admin", "admin"), ("their_rep", "sales_rep")):
        user = await User.create(workspace_id=other.id, email=f"{who}@other.test", name=who,
                                 role=role, password_hash="x")
        world.tokens[who] = issue_access_token(user.id, other.id, role)[0]
        world.users[who] = user
    await notify(other.id, [world.users["their_rep"].id], kind="test.ping", title="theirs")
    await send(world, "rep1", "ours")
    [mine] = await ids(world, "rep1")
    assert await titles(world, "their_rep") == ["theirs"]
    assert await titles(world, "rep1") == ["ours"]
    for who in ("their_admin", "their_rep"):
        assert (await world.gql(who, NODE, {"id": mine}))["data"]["node"] is None
        body = await world.gql(who, MARK, {"i": {"ids": [mine]}})
        assert body["data"]["markNotificationsRead"]["errors"][0]["code"] == "NOT_FOUND"
    assert (await world.gql("rep1", COUNT))["data"]["unreadNotificationCount"] == 1


async def test_unread_filter_and_marking_some_then_all(world: World):
    for t in ("a", "b", "c"):
        await send(world, "rep1", t)
    _c, b, _a = await ids(world, "rep1")
    body = (await world.gql("rep1", MARK, {"i": {"ids": [b]}}))["data"]["markNotificationsRead"]
    assert body["errors"] == [] and body["marked"] == 1
    assert body["results"] == [{"id": b, "ok": True, "errors": [],
                                "notification": {"read": True}}]
    assert await titles(world, "rep1", {"unread": True}) == ["c", "a"]
    assert await titles(world, "rep1", {"unread": False}) == ["b"]
    # Marking a read one again changes nothing and is no error.
    again = (await world.gql("rep1", MARK, {"i": {"ids": [b]}}))["data"]["markNotificationsRead"]
    assert again["errors"] == [] and again["marked"] == 0
    every = (await world.gql("rep1", MARK, {"i": {"all": True}}))["data"]["markNotificationsRead"]
    assert every["errors"] == [] and every["marked"] == 2
    assert (await world.gql("rep1", COUNT))["data"]["unreadNotificationCount"] == 0


async def test_marking_an_unknown_or_someone_elses_id_is_not_found_and_marks_nothing(world: World):
    await send(world, "rep1", "mine")
    await send(world, "rep2", "theirs")
    [mine], [theirs] = await ids(world, "rep1"), await ids(world, "rep2")
    unknown = to_global_id("Notification", uuid.uuid4())
    before = await AuditEvent.filter(workspace_id=world.workspace.id,
                                     object_type="Notification", action="update").count()
    for bad in (theirs, unknown):
        body = (await world.gql("rep1", MARK, {"i": {"ids": [mine, bad]}}))[
            "data"]["markNotificationsRead"]
        assert body["marked"] == 0
        assert [e["code"] for e in body["errors"]] == ["NOT_FOUND"]
        assert [(r["ok"], [e["code"] for e in r["errors"]]) for r in body["results"]] == [
            (False, []), (False, ["NOT_FOUND"])]
    # Nothing was written: both still unread, no audit event of a change.
    assert (await world.gql("rep1", COUNT))["data"]["unreadNotificationCount"] == 1
    assert (await world.gql("rep2", COUNT))["data"]["unreadNotificationCount"] == 1
    assert await AuditEvent.filter(workspace_id=world.workspace.id,
                                   object_type="Notification", action="update").count() == before


async def test_mark_input_needs_exactly_one_of_ids_and_all(world: World):
    for given in ({}, {"ids": [], "all": False}, {"ids": ["x"], "all": True}):
        body = (await world.gql("rep1", MARK, {"i": given}, expect_errors=True))
        payload = (body.get("data") or {}).get("markNotificationsRead")
        codes = ([e["code"] for e in payload["errors"]] if payload else
                 [e["extensions"]["code"] for e in body["errors"]])
        assert codes == ["INVALID"], (given, body)


async def test_the_subject_is_shown_only_while_the_reader_may_read_it(world: World):
    from crm.customers import service as customers
    c = await f.customer(world, "rep1", name="Acme")
    await send(world, "rep1", "about acme", subject_type="Customer", subject_id=c.id,
               actor_user_id=world.users["manager"].id)
    body = await world.gql("rep1", LIST)
    node = body["data"]["notifications"]["edges"][0]["node"]
    assert node["subject"] == {"__typename": "Customer", "id": f.gid("Customer", c)}
    assert node["actor"] == {"name": "Manager"}
    # Moved to another rep: rep1 keeps the notification but no longer sees the record.
    await customers.transfer_customers(await world.actor("admin"), [c.id], world.users["rep2"].id, "handover")
    body = await world.gql("rep1", LIST)
    assert body["data"]["notifications"]["edges"][0]["node"]["subject"] is None
