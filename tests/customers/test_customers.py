"""Customers, contacts and tags through the API: rules, versions, filters, paging, audit."""

from __future__ import annotations

from crm.core.ids import to_global_id
from tests import factories as f
from tests.conftest import World

CREATE = """mutation($input: CreateCustomerInput!) {
  createCustomer(input: $input) {
    customer { id name phone email version owner { email } contacts { name phone } tags { name } }
    errors { field code message } duplicates { id name }
  }
}"""
UPDATE = """mutation($input: UpdateCustomerInput!) {
  updateCustomer(input: $input) { customer { id name version } errors { field code message } }
}"""


async def test_create_customer_with_contacts_and_tags(world: World):
    tag = await f.tag(world, "VIP")
    body = await world.gql("rep1", CREATE, {"input": {
        "name": "上海星辰科技有限公司", "phone": "13812345678", "email": "Info@Star.cn",
        "tagIds": [f.gid("Tag", tag)],
        "contacts": [{"name": "王伟", "phone": "13912345678", "isPrimary": True}]}})
    payload = body["data"]["createCustomer"]
    assert payload["errors"] == []
    c = payload["customer"]
    assert c["owner"]["email"] == world.users["rep1"].email
    assert c["email"] == "info@star.cn"
    assert c["phone"] == "13812345678"  # the owner sees it whole
    assert [t["name"] for t in c["tags"]] == ["VIP"]
    assert c["contacts"] == [{"name": "王伟", "phone": "13912345678"}]
    assert c["version"] == 1


async def test_duplicate_is_refused_unless_allowed(world: World):
    first = await f.customer(world, "rep3", name="Acme Ltd", phone="+86 138-0000-1111")
    body = await world.gql("rep1", CREATE, {"input": {"name": "acme  ltd"}})
    payload = body["data"]["createCustomer"]
    assert payload["customer"] is None
    assert payload["errors"][0]["code"] == "DUPLICATE"
    # rep3's customer is not rep1's to read: the match is said to exist, never named.
    assert "Acme Ltd" not in payload["errors"][0]["message"]
    mine = await world.gql("rep3", CREATE, {"input": {"name": "acme  ltd"}})
    assert "Acme Ltd" in mine["data"]["createCustomer"]["errors"][0]["message"]
    body = await world.gql("rep1", CREATE, {"input": {"name": "Other", "phone": "8613800001111"}})
    assert [(e["field"], e["code"]) for e in body["data"]["createCustomer"]["errors"]] == [
        ("phone", "DUPLICATE")]
    body = await world.gql("rep1", CREATE, {"input": {"name": "Acme Ltd", "allowDuplicate": True}})
    assert body["data"]["createCustomer"]["errors"] == []
    assert first.name == "Acme Ltd"


async def test_client_chosen_id_makes_retries_safe(world: World):
    import uuid
    cid = str(uuid.uuid4())
    one = await world.gql("rep1", CREATE, {"input": {"id": cid, "name": "Offline Co"}})
    two = await world.gql("rep1", CREATE, {"input": {"id": cid, "name": "Offline Co"}})
    assert one["data"]["createCustomer"]["customer"]["id"] == two["data"]["createCustomer"]["customer"]["id"]
    from crm.customers.models import Customer
    assert await Customer.filter(id=cid).count() == 1


async def test_bad_input_gets_every_error_and_writes_nothing(world: World):
    from crm.customers.models import Customer
    before = await Customer.filter(workspace_id=world.workspace.id).count()
    body = await world.gql("rep1", CREATE, {"input": {"name": "x" * 201, "email": "not-an-email",
                                                      "phone": "call me"}})
    errors = body["data"]["createCustomer"]["errors"]
    assert {e["field"] for e in errors} == {"name", "email", "phone"}
    assert {e["code"] for e in errors} == {"INVALID"}
    body = await world.gql("rep1", CREATE, {"input": {"name": "   "}})
    assert body["data"]["createCustomer"]["errors"][0]["field"] == "name"
    assert await Customer.filter(workspace_id=world.workspace.id).count() == before


async def test_stale_version_is_a_conflict_with_the_current_record(world: World):
    c = await f.customer(world)
    cid = f.gid("Customer", c)
    ok = await world.gql("rep1", UPDATE, {"input": {"id": cid, "expectedVersion": 1, "name": "New"}})
    assert ok["data"]["updateCustomer"]["customer"]["version"] == 2
    stale = await world.gql("rep1", UPDATE, {"input": {"id": cid, "expectedVersion": 1,
                                                       "name": "Lost update"}})
    payload = stale["data"]["updateCustomer"]
    assert payload["errors"][0]["code"] == "CONFLICT"
    assert payload["customer"] == {"id": cid, "name": "New", "version": 2}


async def test_unknown_and_foreign_ids(world: World):
    import uuid
    missing = to_global_id("Customer", uuid.uuid4())
    body = await world.gql("rep1", UPDATE, {"input": {"id": missing, "name": "x"}})
    assert body["data"]["updateCustomer"]["errors"][0]["code"] == "NOT_FOUND"
    theirs = await f.customer(world, "rep3")
    body = await world.gql("rep1", UPDATE, {"input": {"id": f.gid("Customer", theirs), "name": "x"}})
    assert body["data"]["updateCustomer"]["errors"][0]["code"] == "NOT_FOUND"
    body = await world.gql("rep1", UPDATE, {"input": {"id": "garbage!", "name": "x"}},
                           expect_errors=True)
    assert body["errors"][0]["extensions"]["code"] == "INVALID"
    tag = await f.tag(world, "T")
    body = await world.gql("rep1", UPDATE, {"input": {"id": f.gid("Tag", tag), "name": "x"}},
                           expect_errors=True)
    assert body["errors"][0]["extensions"]["code"] == "INVALID"


async def test_soft_delete_hides_everywhere_and_restore_brings_back(world: World):
    c = await f.customer(world, name="Gone Co")
    cid = f.gid("Customer", c)
    body = await world.gql("rep1", "mutation($id: ID!) { deleteCustomer(input: {id: $id}) { customer { deletedAt } errors { code } } }", {"id": cid})
    assert body["data"]["deleteCustomer"]["customer"]["deletedAt"] is not None
    listed = await world.gql("rep1", '{ customers(filter: {search: "Gone"}) { totalCount } }')
    assert listed["data"]["customers"]["totalCount"] == 0
    node = await world.gql("rep1", "query($id: ID!) { node(id: $id) { id } }", {"id": cid})
    assert node["data"]["node"] is None
    await world.gql("rep1", "mutation($id: ID!) { restoreCustomer(input: {id: $id}) { errors { code } } }", {"id": cid})
    listed = await world.gql("rep1", '{ customers(filter: {search: "Gone"}) { totalCount } }')
    assert listed["data"]["customers"]["totalCount"] == 1


async def test_filters_tags_search_related_and_paging(world: World):
    vip = await f.tag(world, "VIP")
    hot = await f.tag(world, "Hot")
    a = await f.customer(world, name="Alpha", tag_ids=[vip.id, hot.id], region="East")
    b = await f.customer(world, name="Beta", tag_ids=[vip.id], region="West")
    await f.customer(world, name="Gamma", contacts=[{"name": "Zed Zhou", "is_primary": True}])
    await f.opportunity(world, b)

    async def names(flt: dict) -> list[str]:
        body = await world.gql("rep1", "query($f: CustomerFilter) { customers(filter: $f, orderBy: [{field: NAME}]) { edges { node { name } } } }", {"f": flt})
        return [e["node"]["name"] for e in body["data"]["customers"]["edges"]]

    assert await names({"tagsAny": [f.gid("Tag", vip)]}) == ["Alpha", "Beta"]
    assert await names({"tagsAll": [f.gid("Tag", vip), f.gid("Tag", hot)]}) == ["Alpha"]
    assert await names({"search": "zed"}) == ["Gamma"]
    assert await names({"region": {"eq": "West"}}) == ["Beta"]
    assert await names({"or": [{"name": {"eq": "Alpha"}}, {"name": {"startsWith": "gam"}}]}) == ["Alpha", "Gamma"]
    assert await names({"not": {"name": {"in": ["Alpha", "Beta"]}}}) == ["Gamma"]
    assert await names({"opportunity": {"isOpen": {"eq": True}}}) == ["Beta"]
    assert await names({"contact": {"name": {"contains": "zhou"}}}) == ["Gamma"]
    assert a.id != b.id

    seen: list[str] = []
    after = None
    while True:
        body = await world.gql("rep1", "query($a: String) { customers(first: 2, after: $a, orderBy: [{field: NAME, direction: DESC}]) { totalCount pageInfo { hasNextPage endCursor } edges { node { name } } } }", {"a": after})
        page = body["data"]["customers"]
        seen += [e["node"]["name"] for e in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert seen == ["Gamma", "Beta", "Alpha"]
    body = await world.gql("rep1", "{ customers(last: 2, orderBy: [{field: NAME}]) { pageInfo { hasPreviousPage } edges { node { name } } } }")
    assert [e["node"]["name"] for e in body["data"]["customers"]["edges"]] == ["Beta", "Gamma"]
    assert body["data"]["customers"]["pageInfo"]["hasPreviousPage"] is True


async def test_filter_or_sort_on_masked_field_is_refused(world: World):
    await f.customer(world, "rep3", phone="13811112222")
    body = await world.gql("viewer", '{ customers(filter: {phone: {eq: "13811112222"}}) { totalCount } }',
                           expect_errors=True)
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert body["data"] is None
    body = await world.gql("viewer", '{ customers(filter: {contact: {phone: {startsWith: "139"}}}) { totalCount } }',
                           expect_errors=True)
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    body = await world.gql("support", '{ customers(filter: {phone: {eq: "13811112222"}}) { totalCount } }')
    assert body["data"]["customers"]["totalCount"] == 1


async def test_page_size_is_capped(world: World):
    body = await world.gql("rep1", "{ customers(first: 101) { totalCount } }", expect_errors=True)
    assert body["errors"][0]["extensions"]["code"] == "INVALID"
    body = await world.gql("rep1", "{ customers(first: -1) { totalCount } }", expect_errors=True)
    assert body["errors"][0]["extensions"]["code"] == "INVALID"
    body = await world.gql("rep1", '{ customers(after: "bm90IGEgY3Vyc29y") { totalCount } }', expect_errors=True)
    assert body["errors"][0]["extensions"]["code"] == "INVALID"


async def test_tags_in_bulk_report_per_customer(world: World):
    mine = await f.customer(world, "rep1")
    theirs = await f.customer(world, "rep3")
    tag = await f.tag(world, "Key")
    q = """mutation($i: TagCustomersInput!) { addTags(input: $i) { succeeded failed results { id ok errors { code } customer { tags { name } } } } }"""
    body = await world.gql("rep1", q, {"i": {"customerIds": [f.gid("Customer", mine), f.gid("Customer", theirs)], "tagIds": [f.gid("Tag", tag)]}})
    out = body["data"]["addTags"]
    assert (out["succeeded"], out["failed"]) == (1, 1)
    assert out["results"][0]["customer"]["tags"] == [{"name": "Key"}]
    assert out["results"][1]["errors"][0]["code"] == "NOT_FOUND"
    body = await world.gql("rep1", q.replace("addTags", "removeTags"), {"i": {"customerIds": [f.gid("Customer", mine)], "tagIds": [f.gid("Tag", tag)]}})
    assert body["data"]["removeTags"]["results"][0]["customer"]["tags"] == []


async def test_contacts_crud_and_primary(world: World):
    c = await f.customer(world)
    q = """mutation($i: CreateContactInput!) { createContact(input: $i) { contact { id isPrimary } errors { code field } } }"""
    body = await world.gql("rep1", q, {"i": {"customerId": f.gid("Customer", c), "name": "New Boss", "isPrimary": True}})
    new_id = body["data"]["createContact"]["contact"]["id"]
    body = await world.gql("rep1", "query($id: ID!) { node(id: $id) { ... on Customer { contacts { name isPrimary } } } }", {"id": f.gid("Customer", c)})
    contacts = body["data"]["node"]["contacts"]
    assert contacts[0] == {"name": "New Boss", "isPrimary": True}
    assert sum(1 for x in contacts if x["isPrimary"]) == 1
    body = await world.gql("rep1", q, {"i": {"customerId": f.gid("Customer", c), "name": "Bad", "email": "nope"}})
    assert body["data"]["createContact"]["errors"][0]["field"] == "email"
    body = await world.gql("rep1", "mutation($id: ID!) { deleteContact(input: {id: $id}) { contact { deletedAt } } }", {"id": new_id})
    assert body["data"]["deleteContact"]["contact"]["deletedAt"]


async def test_every_write_is_audited_with_old_and_new(world: World):
    c = await f.customer(world, name="Before")
    cid = f.gid("Customer", c)
    await world.gql("rep1", UPDATE, {"input": {"id": cid, "name": "After", "phone": "13700000000"}})
    body = await world.gql("rep1", "query($id: ID!) { auditTrail(objectId: $id) { edges { node { action actor { email } requestId changes { field old new } } } } }", {"id": cid})
    events = [e["node"] for e in body["data"]["auditTrail"]["edges"]]
    assert [e["action"] for e in events] == ["update", "create"]
    changes = {ch["field"]: (ch["old"], ch["new"]) for ch in events[0]["changes"]}
    assert changes["name"] == ("Before", "After")
    assert changes["phone"][1] == "13700000000"
    assert events[0]["actor"]["email"] == world.users["rep1"].email
    # The viewer reads the same history with contact details masked.
    history = await world.gql("viewer", "query($id: ID!) { node(id: $id) { ... on Customer { history { edges { node { changes { field old new } } } } } } }", {"id": cid})
    latest = {ch["field"]: ch["new"] for ch in history["data"]["node"]["history"]["edges"][0]["node"]["changes"]}
    assert latest["phone"] == "137****0000"
    assert latest["name"] == "After"


async def test_workspaces_are_isolated(world: World, client):
    from tests.conftest import world as make_world  # noqa: F401
    mine = await f.customer(world, "admin", name="Ours")
    from crm.auth.models import User
    from crm.auth.service import create_workspace
    from crm.auth.tokens import issue_access_token
    other = await create_workspace("Other", "other-" + mine.id.hex[:8])
    stranger = await User.create(workspace_id=other.id, email="admin@other.test", name="X",
                                 role="admin", password_hash="x")
    token = issue_access_token(stranger.id, other.id, "admin")[0]
    world.tokens["stranger"] = token
    body = await world.gql("stranger", "query($id: ID!) { node(id: $id) { id } customers { totalCount } }",
                           {"id": f.gid("Customer", mine)})
    assert body["data"]["node"] is None
    assert body["data"]["customers"]["totalCount"] == 0
    body = await world.gql("stranger", UPDATE, {"input": {"id": f.gid("Customer", mine), "name": "Stolen"}})
    assert body["data"]["updateCustomer"]["errors"][0]["code"] == "NOT_FOUND"


async def test_owner_reads_contact_changes_in_the_timeline_in_clear(world: World):
    c = await f.customer(world, "rep1")
    from crm.customers.models import Contact
    contact = await Contact.get(customer_id=c.id)
    await world.gql("rep1", "mutation($i: UpdateContactInput!) { updateContact(input: $i) { errors { code } } }",
                    {"i": {"id": f.gid("Contact", contact), "phone": "13912340000"}})
    q = "query($id: ID!) { node(id: $id) { ... on Customer { timeline { edges { node { auditEvent { objectType action changes { field new } } } } } } } }"
    def phone_of(body):
        for e in body["data"]["node"]["timeline"]["edges"]:
            ev = e["node"]["auditEvent"]
            if ev and ev["objectType"] == "Contact" and ev["action"] == "update":
                return {ch["field"]: ch["new"] for ch in ev["changes"]}["phone"]
    assert phone_of(await world.gql("rep1", q, {"id": f.gid("Customer", c)})) == "13912340000"
    assert phone_of(await world.gql("viewer", q, {"id": f.gid("Customer", c)})) == "139****0000"


async def test_chinese_names_sort_by_pinyin_among_latin_ones(world: World):
    for name in ("Zebra Ltd", "张伟贸易", "Apple Co", "北京科技", "yahoo 雅虎"):
        await f.customer(world, "rep1", name=name)
    q = """query($d: SortDirection!) { customers(first: 20, orderBy: [{field: NAME, direction: $d}]) {
        edges { node { name } } } }"""
    names = [e["node"]["name"] for e in
             (await world.gql("rep1", q, {"d": "ASC"}))["data"]["customers"]["edges"]]
    # apple, bei jing, yahoo, zebra, zhang wei: not every Latin name before every Chinese one
    assert names == ["Apple Co", "北京科技", "yahoo 雅虎", "Zebra Ltd", "张伟贸易"]
    backwards = [e["node"]["name"] for e in
                 (await world.gql("rep1", q, {"d": "DESC"}))["data"]["customers"]["edges"]]
    assert backwards == names[::-1]
    # A renamed customer sorts by its new name.
    from crm.customers.models import Customer
    from crm.customers.service import update_customer
    renamed = await Customer.get(name="Zebra Ltd", workspace_id=world.workspace.id)
    await update_customer(await world.actor("rep1"), renamed.id, {"name": "阿里巴巴"})
    names = [e["node"]["name"] for e in
             (await world.gql("rep1", q, {"d": "ASC"}))["data"]["customers"]["edges"]]
    assert names[:2] == ["阿里巴巴", "Apple Co"]  # a li ba ba < apple
