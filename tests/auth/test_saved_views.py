"""Saved views of the admin app's lists: who reads, shares, changes and deletes them, and what
state the server keeps."""

from __future__ import annotations

from typing import Any

from crm.core.models import AuditEvent
from tests.conftest import World

CREATE = """mutation($input: CreateSavedViewInput!) { createSavedView(input: $input) {
  savedView { id name list state shared isDefault version owner { name } }
  errors { field code message params } } }"""
UPDATE = """mutation($input: UpdateSavedViewInput!) { updateSavedView(input: $input) {
  savedView { id name state shared isDefault version } errors { field code message } } }"""
DELETE = """mutation($id: ID!) { deleteSavedView(input: {id: $id}) {
  savedView { id name } errors { field code message } } }"""
LIST = """query($list: SavedViewList!) { savedViews(list: $list) { id name shared isDefault
  owner { name } } }"""

STATE = {"q": "华", "filters": {"stage": "CUSTOMER", "tags": ["t1", "t2"]},
         "sort": {"field": "NAME", "direction": "ASC"}, "size": 50}


async def create(world: World, who: str, name: str, *, state: Any = None, shared: bool = False,
                 list_key: str = "CUSTOMERS", lang: str | None = None,
                 **extra: Any) -> dict[str, Any]:
    headers = {"Authorization": f"Bearer {world.tokens[who]}"}
    if lang:
        headers["Accept-Language"] = lang
    resp = await world.client.post("/graphql", headers=headers, json={"query": CREATE, "variables": {
        "input": {"list": list_key, "name": name, "state": STATE if state is None else state,
                  "shared": shared, **extra}}})
    body = resp.json()
    assert not body.get("errors"), body["errors"]
    payload: dict[str, Any] = body["data"]["createSavedView"]
    return payload


async def names(world: World, who: str, list_key: str = "CUSTOMERS") -> list[str]:
    body = await world.gql(who, LIST, {"list": list_key})
    return [v["name"] for v in body["data"]["savedViews"]]


async def test_a_rep_keeps_views_of_their_own_and_the_state_comes_back_as_saved(world: World):
    made = await create(world, "rep1", "  My A customers ")
    assert made["errors"] == []
    view = made["savedView"]
    assert view["name"] == "My A customers" and view["list"] == "CUSTOMERS"
    assert view["state"] == STATE and view["shared"] is False and view["version"] == 1
    assert view["owner"] == {"name": "Rep1"}
    assert await names(world, "rep1") == ["My A customers"]
    # another list's views are another menu; a colleague does not see an unshared view
    assert await names(world, "rep1", "ORDERS") == []
    assert await names(world, "rep2") == []
    body = await world.gql("rep2", "query($id: ID!) { node(id: $id) { id } }", {"id": view["id"]})
    assert body["data"]["node"] is None
    body = await world.gql("rep1", "query($id: ID!) { node(id: $id) { ... on SavedView { name "
                           "} } }", {"id": view["id"]})
    assert body["data"]["node"] == {"name": "My A customers"}


async def test_a_rep_may_not_share_but_a_manager_may_and_reps_of_the_workspace_see_it(
        world: World):
    refused = await create(world, "rep1", "Team view", shared=True)
    assert refused["savedView"] is None
    assert [(e["field"], e["code"]) for e in refused["errors"]] == [("shared", "FORBIDDEN")]
    mine = (await create(world, "rep1", "Mine"))["savedView"]
    body = await world.gql("rep1", UPDATE, {"input": {"id": mine["id"], "shared": True}})
    assert body["data"]["updateSavedView"]["errors"][0]["code"] == "FORBIDDEN"

    shared = (await create(world, "manager", "East pipeline", shared=True))["savedView"]
    assert shared["shared"] is True
    await create(world, "manager", "Manager's own")
    # every role of the workspace reads it, the West team's rep included; own views first
    assert await names(world, "rep1") == ["Mine", "East pipeline"]
    assert await names(world, "rep3") == ["East pipeline"]
    assert await names(world, "viewer") == ["East pipeline"]
    assert await names(world, "manager") == ["East pipeline", "Manager's own"]
    admin_shared = (await create(world, "admin", "Company view", shared=True))["savedView"]
    assert admin_shared["shared"] is True


async def test_views_never_cross_workspaces(world: World):
    import uuid

    from crm.auth.models import User
    from crm.auth.service import create_workspace
    from crm.auth.tokens import issue_access_token
    other = await create_workspace("Other", f"other-{uuid.uuid4().hex[:8]}")
    for who, role in (("their_manager", "sales_manager"), ("their_rep", "sales_rep")):
        user = await User.create(workspace_id=other.id, email=f"{who}@other.test", name=who,
                                 role=role, password_hash="x")
        world.tokens[who] = issue_access_token(user.id, other.id, role)[0]
    theirs = (await create(world, "their_manager", "Other company's", shared=True))["savedView"]
    await create(world, "manager", "Ours", shared=True)
    assert await names(world, "rep1") == ["Ours"]
    assert await names(world, "their_rep") == ["Other company's"]
    for who in ("rep1", "admin"):
        body = await world.gql(who, "query($id: ID!) { node(id: $id) { id } }", {"id": theirs["id"]})
        assert body["data"]["node"] is None
        body = await world.gql(who, UPDATE, {"input": {"id": theirs["id"], "name": "Taken"}})
        assert body["data"]["updateSavedView"]["errors"][0]["code"] == "NOT_FOUND"
        body = await world.gql(who, DELETE, {"id": theirs["id"]})
        assert body["data"]["deleteSavedView"]["errors"][0]["code"] == "NOT_FOUND"
    assert await names(world, "their_rep") == ["Other company's"]


async def test_only_the_owner_changes_a_view_and_an_admin_may_delete_any(world: World):
    shared = (await create(world, "manager", "Shared", shared=True))["savedView"]
    for who in ("rep1", "manager2", "admin"):
        body = await world.gql(who, UPDATE, {"input": {"id": shared["id"], "name": "Mine now"}})
        out = body["data"]["updateSavedView"]
        assert out["savedView"] is None
        assert [(e["field"], e["code"]) for e in out["errors"]] == [("id", "FORBIDDEN")]
    body = await world.gql("rep1", DELETE, {"id": shared["id"]})
    assert body["data"]["deleteSavedView"]["errors"][0]["code"] == "FORBIDDEN"
    assert await names(world, "rep1") == ["Shared"]

    body = await world.gql("manager", UPDATE, {"input": {
        "id": shared["id"], "name": "Renamed", "expectedVersion": 1, "shared": False}})
    renamed = body["data"]["updateSavedView"]["savedView"]
    assert (renamed["name"], renamed["shared"], renamed["version"]) == ("Renamed", False, 2)
    # unshared, it left the colleagues' menus
    assert await names(world, "rep1") == []
    body = await world.gql("manager", UPDATE, {"input": {"id": shared["id"], "name": "Stale",
                                                         "expectedVersion": 1}})
    stale = body["data"]["updateSavedView"]
    assert stale["errors"][0]["code"] == "CONFLICT" and stale["savedView"]["name"] == "Renamed"

    # an admin removes a view a manager left shared, audited as theirs
    left = (await create(world, "manager", "Left behind", shared=True))["savedView"]
    body = await world.gql("admin", DELETE, {"id": left["id"]})
    assert body["data"]["deleteSavedView"] == {"savedView": {"id": left["id"], "name": "Left behind"},
                                               "errors": []}
    assert await names(world, "manager") == ["Renamed"]
    from crm.core.ids import parse_global_id
    events = await AuditEvent.filter(object_id=parse_global_id(left["id"])[1]).order_by("created_at")
    assert [(e.action, e.actor_user_id) for e in events] == [
        ("create", world.users["manager"].id), ("delete", world.users["admin"].id)]
    assert events[1].changes["deleted_at"][0] is None
    # the owner brings it back (undo), or saves under its name again and gets it back restated
    body = await world.gql("manager", """mutation($id: ID!) { restoreSavedView(input: {id: $id})
      { savedView { name shared } errors { code } } }""", {"id": left["id"]})
    assert body["data"]["restoreSavedView"] == {"savedView": {"name": "Left behind",
                                                              "shared": True}, "errors": []}
    await world.gql("manager", DELETE, {"id": left["id"]})
    again = await create(world, "manager", "Left behind", state={"q": "new"})
    assert again["errors"] == [] and again["savedView"]["id"] == left["id"]
    assert (again["savedView"]["state"], again["savedView"]["shared"]) == ({"q": "new"}, False)
    assert await names(world, "rep1") == []


async def test_names_are_unique_per_owner_and_list(world: World):
    assert (await create(world, "rep1", "Hot"))["errors"] == []
    again = await create(world, "rep1", "Hot")
    assert [(e["field"], e["code"]) for e in again["errors"]] == [("name", "DUPLICATE")]
    # the same name is free on another list and for another user
    assert (await create(world, "rep1", "Hot", list_key="LEADS"))["errors"] == []
    assert (await create(world, "rep2", "Hot"))["errors"] == []
    other = (await create(world, "rep1", "Cold"))["savedView"]
    body = await world.gql("rep1", UPDATE, {"input": {"id": other["id"], "name": "Hot"}})
    assert body["data"]["updateSavedView"]["errors"][0]["code"] == "DUPLICATE"


async def test_one_default_per_owner_and_list(world: World):
    first = (await create(world, "rep1", "First", isDefault=True))["savedView"]
    second = (await create(world, "rep1", "Second"))["savedView"]
    other_list = (await create(world, "rep1", "Leads", list_key="LEADS", isDefault=True))
    body = await world.gql("rep1", UPDATE, {"input": {"id": second["id"], "isDefault": True}})
    assert body["data"]["updateSavedView"]["savedView"]["isDefault"] is True
    views = (await world.gql("rep1", LIST, {"list": "CUSTOMERS"}))["data"]["savedViews"]
    assert {v["name"]: v["isDefault"] for v in views} == {"First": False, "Second": True}
    assert other_list["savedView"]["isDefault"] is True
    assert first["isDefault"] is True
    # deleting the default and undoing it: it comes back as the default, alone
    await world.gql("rep1", DELETE, {"id": second["id"]})
    await world.gql("rep1", UPDATE, {"input": {"id": first["id"], "isDefault": True}})
    await world.gql("rep1", """mutation($id: ID!) { restoreSavedView(input: {id: $id}) {
      errors { code } } }""", {"id": second["id"]})
    views = (await world.gql("rep1", LIST, {"list": "CUSTOMERS"}))["data"]["savedViews"]
    assert {v["name"]: v["isDefault"] for v in views} == {"First": False, "Second": True}


async def test_the_state_is_checked_key_by_key_with_codes(world: World):
    bad = await create(world, "rep1", "Bad", state={
        "q": "x", "filters": {"stage": 3, "bad name": "x"}, "sort": {"field": "name; drop"},
        "size": 7, "page": 3, "columns": ["name"]})
    assert bad["savedView"] is None
    assert sorted((e["field"], e["code"]) for e in bad["errors"]) == [
        ("state.columns", "INVALID"), ("state.filters", "INVALID"),
        ("state.filters.stage", "INVALID"), ("state.page", "INVALID"),
        ("state.size", "INVALID"), ("state.sort", "INVALID")]
    huge = await create(world, "rep1", "Huge", state={"filters": {"region": ["x" * 150] * 40}})
    assert [(e["field"], e["code"], e["params"]) for e in huge["errors"]] == [
        ("state", "LIMIT_REACHED", {"limit": 4096})]
    not_an_object = await create(world, "rep1", "List", state=["q"])
    assert [(e["field"], e["code"]) for e in not_an_object["errors"]] == [("state", "INVALID")]
    empty_name = await create(world, "rep1", "   ")
    assert [(e["field"], e["code"]) for e in empty_name["errors"]] == [("name", "INVALID")]
    # a Chinese client reads the refusal in Chinese, with the same code and figures
    zh = await create(world, "rep1", "Huge", state={"filters": {"region": ["x" * 150] * 40}},
                      lang="zh-CN")
    assert zh["errors"][0]["code"] == "LIMIT_REACHED" and "4096" in zh["errors"][0]["message"]
    # blanks are dropped: what is kept is what the list puts in its URL
    kept = await create(world, "rep1", "Trimmed", state={"q": "  ", "filters": {"tags": [" ", "a"],
                                                                                "level": ""}})
    assert kept["savedView"]["state"] == {"filters": {"tags": ["a"]}}
    assert await names(world, "rep1") == ["Trimmed"]


async def test_a_retried_create_returns_the_first_view(world: World):
    import uuid
    pk = str(uuid.uuid4())
    first = (await create(world, "rep1", "Offline", id=pk))["savedView"]
    again = (await create(world, "rep1", "Offline", id=pk))["savedView"]
    assert first["id"] == again["id"]
    taken = await create(world, "rep2", "Someone else's id", id=pk)
    assert taken["errors"][0]["code"] == "CONFLICT"
