"""Team scope reaches the teams below: a manager sees the reps of their sub-teams."""

from __future__ import annotations

from crm.auth.models import Team, User
from tests import factories as f
from tests.conftest import World


async def test_manager_reaches_sub_teams_but_not_sibling_teams(world: World):
    sub = await Team.create(workspace_id=world.workspace.id, name="East-Shanghai",
                            parent_id=world.teams["East"].id)
    rep = await User.create(workspace_id=world.workspace.id, email=f"sub@{world.workspace.slug}.test",
                            name="Sub Rep", role="sales_rep", team_id=sub.id, password_hash="x")
    world.users["sub"] = rep
    from crm.auth.tokens import issue_access_token
    world.tokens["sub"] = issue_access_token(rep.id, world.workspace.id, rep.role)[0]
    theirs = await f.customer(world, "sub", name="Sub customer")
    west = await f.customer(world, "rep3", name="West customer")
    body = await world.gql("manager", "{ customers { edges { node { name } } } }")
    names = {e["node"]["name"] for e in body["data"]["customers"]["edges"]}
    assert "Sub customer" in names and "West customer" not in names
    body = await world.gql("manager", "query($id: ID!) { node(id: $id) { ... on Customer { phone } } }",
                           {"id": f.gid("Customer", theirs)})
    assert body["data"]["node"]["phone"] == theirs.phone  # their manager sees contact details
    body = await world.gql("manager2", "query($id: ID!) { node(id: $id) { id } }",
                           {"id": f.gid("Customer", theirs)})
    assert body["data"]["node"] is None
    body = await world.gql("sub", "{ me { team { name parent { name manager { email } } } } }")
    team = body["data"]["me"]["team"]
    assert team["parent"] == {"name": "East", "manager": {"email": world.users["manager"].email}}
    assert west.owner_id == world.users["rep3"].id
