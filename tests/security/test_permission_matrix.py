"""The permission matrix: every role x every field of the foundation's types, read through
`node`, a list, a nested relation, aliases and fragments, and written through the update
mutations. Expectations come from the facts in access_facts.py, never from policy.py."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pytest
from graphql import GraphQLEnumType, GraphQLNonNull, GraphQLObjectType, GraphQLScalarType

from crm.core.policy import ROLES, Access
from crm.schema import get_schema
from tests import factories as f
from tests.conftest import ROLES_BY_USER, World
from tests.security.access_facts import FIELD_FACTS, ROW_FACTS, WRITE_FACTS, masked

USER_OF_ROLE = {"admin": "admin", "sales_manager": "manager", "sales_rep": "rep1",
                "marketing": "marketing", "support": "support", "warehouse": "warehouse",
                "finance": "finance", "hr": "hr", "viewer": "viewer"}
TEAM = {"manager": {"manager", "rep1", "rep2"}, "manager2": {"manager2", "rep3"}}
TYPES = ["Customer", "Contact", "Tag", "Lead", "Opportunity", "Interaction", "Task",
         "PipelineStage", "User", "Team"]
PARENT_SCOPED = {"Contact": "Customer", "Interaction": "Customer"}
SALES = {"sales_manager", "sales_rep"}


def leaf_fields(type_name: str) -> list[str]:
    gtype = get_schema()._schema.type_map[type_name]
    assert isinstance(gtype, GraphQLObjectType)
    out = []
    for name, field in gtype.fields.items():
        t = field.type.of_type if isinstance(field.type, GraphQLNonNull) else field.type
        if isinstance(t, GraphQLScalarType | GraphQLEnumType) and not field.args:
            out.append(name)
    return out


@dataclass
class Thing:
    type_name: str
    row: Any
    owner: str | None  # the user key in the world that owns it (or its parent)
    in_pool: bool = False

    @property
    def gid(self) -> str:
        return f.gid(self.type_name, self.row)


def expected_visible(role: str, who: str, thing: Thing) -> bool:
    """By the facts (tests/security/access_facts.py), never by policy.py."""
    type_name = PARENT_SCOPED.get(thing.type_name, thing.type_name)
    scope = ROW_FACTS[thing.type_name][role]
    if scope == "none":
        return False
    if scope == "all" or type_name in ("PipelineStage", "User", "Team", "Tag"):
        return True
    if thing.in_pool and role in SALES:
        return True
    if thing.owner is None:
        return False
    if scope == "own":
        return thing.owner == who
    return thing.owner in TEAM.get(who, {who})


def expected_access(role: str, who: str, thing: Thing, field: str) -> Access:
    fact = FIELD_FACTS.get(f"{thing.type_name}.{field}")
    if fact is None:
        return Access.READ
    access = Access(fact.roles[role])
    if fact.owner is not None and thing.owner is not None:
        scope = ROW_FACTS[thing.type_name][role]
        mine = thing.owner == who or (scope == "team" and thing.owner in TEAM.get(who, {who}))
        if mine and Access(fact.owner).rank > access.rank:
            access = Access(fact.owner)
    return access


async def build(world: World) -> list[Thing]:
    from crm.customers import service as customers
    from crm.sales import service as sales
    things: list[Thing] = []
    tag = await f.tag(world, "Matrix")
    things.append(Thing("Tag", tag, None))
    for owner in ("rep1", "rep3"):
        c = await f.customer(world, owner, name=f"Matrix {owner}", address="上海市浦东新区1号",
                             tag_ids=[tag.id])
        things.append(Thing("Customer", c, owner))
        from crm.customers.models import Contact
        things.append(Thing("Contact", await Contact.get(customer_id=c.id), owner))
        opp = await f.opportunity(world, c, owner)
        things.append(Thing("Opportunity", opp, owner))
        things.append(Thing("Interaction", await f.interaction(world, c, owner), owner))
        task = await sales.create_task(await world.actor(owner), {"title": f"t {owner}",
                                                                  "customer_id": c.id})
        things.append(Thing("Task", task, owner))
        lead = await sales.create_lead(await world.actor(owner), {
            "name": f"Lead {owner}", "phone": "13512345678", "email": "lead@example.com"})
        things.append(Thing("Lead", lead, owner))
    pooled = await f.customer(world, "rep2", name="Matrix pool")
    await customers.release_to_pool(await world.actor("rep2"), [pooled.id])
    from crm.customers.models import Contact, Customer
    pooled = await Customer.get(id=pooled.id)
    things.append(Thing("Customer", pooled, None, in_pool=True))
    things.append(Thing("Contact", await Contact.get(customer_id=pooled.id), None, in_pool=True))
    things.append(Thing("PipelineStage", world.stages[0], None))
    things.append(Thing("User", world.users["rep3"], None))
    things.append(Thing("Team", world.teams["West"], None))
    return things


def check_value(role: str, thing: Thing, field: str, access: Access, got: Any, truth: Any,
                errors: list[dict], path: list[Any]) -> None:
    where = f"{role} {thing.type_name}.{field} at {path}"
    at_path = [e for e in errors if e.get("path") == path]
    if access is Access.NONE:
        assert got is None, where
        assert at_path and at_path[0]["extensions"]["code"] == "FORBIDDEN", where
        return
    assert not at_path, (where, at_path)
    if access is Access.MASKED and truth is not None:
        kind = FIELD_FACTS[f"{thing.type_name}.{field}"].mask
        assert got == masked(truth, kind), (where, got, masked(truth, kind))
    else:
        assert got == truth, (where, got, truth)


@pytest.mark.parametrize("role", ROLES)
async def test_read_matrix(world: World, role: str):
    things = await build(world)
    who = USER_OF_ROLE[role]
    assert ROLES_BY_USER[who] == role
    for thing in things:
        fields = leaf_fields(thing.type_name)
        aliased = " ".join(f"f_{name}: {name}" for name in fields)
        plain = " ".join(f"{name}" for name in fields)
        # One node read through a named fragment, one through an inline fragment with every
        # field aliased: a policy keyed on response names instead of fields would fail one.
        query = f"""query($id: ID!) {{
          viaFragment: node(id: $id) {{ ...Fields }}
          viaAlias: node(id: $id) {{ ... on {thing.type_name} {{ {aliased} }} }}
        }}
        fragment Fields on {thing.type_name} {{ {plain} }}"""
        truth_body = await world.gql("admin", query, {"id": thing.gid})
        truth = truth_body["data"]["viaFragment"]
        body = await world.gql(who, query, {"id": thing.gid}, expect_errors=True)
        errors = body.get("errors") or []
        for root, prefix in (("viaFragment", ""), ("viaAlias", "f_")):
            node = (body.get("data") or {}).get(root)
            if not expected_visible(role, who, thing):
                assert node is None, f"{role} must not reach {thing.type_name} of {thing.owner}"
                continue
            assert node is not None, f"{role} should reach {thing.type_name} of {thing.owner}"
            for name in fields:
                access = expected_access(role, who, thing, name)
                check_value(role, thing, name, access, node[prefix + name], truth[name],
                            errors, [root, prefix + name])


@pytest.mark.parametrize("role", ROLES)
async def test_read_matrix_through_lists_and_relations(world: World, role: str):
    things = await build(world)
    who = USER_OF_ROLE[role]
    customers = [t for t in things if t.type_name == "Customer" and not t.in_pool]
    fields = leaf_fields("Customer")
    selection = " ".join(fields)
    query = f"""{{ customers(first: 100) {{ edges {{ node {{ id {selection} }} }} }}
                  opportunities(first: 100) {{ edges {{ node {{ id customer {{ id {selection} }} }} }} }} }}"""
    truth = await world.gql("admin", query)
    truth_rows = {e["node"]["id"]: e["node"] for e in truth["data"]["customers"]["edges"]}
    body = await world.gql(who, query, expect_errors=True)
    errors = body.get("errors") or []
    if ROW_FACTS["Customer"][role] == "none":
        assert body["data"] is None or not body["data"]["customers"]["edges"]
        return
    edges = body["data"]["customers"]["edges"]
    listed = {e["node"]["id"]: (i, e["node"]) for i, e in enumerate(edges)}
    for thing in customers:
        visible = expected_visible(role, who, thing)
        assert (thing.gid in listed) == visible, (role, thing.owner)
        if not visible:
            continue
        i, node = listed[thing.gid]
        for name in fields:
            check_value(role, thing, name, expected_access(role, who, thing, name), node[name],
                        truth_rows[thing.gid][name], errors, ["customers", "edges", i, "node", name])
    if ROW_FACTS["Opportunity"][role] == "none":
        return
    for i, edge in enumerate(body["data"]["opportunities"]["edges"]):
        nested = edge["node"]["customer"]
        owner_thing = next(t for t in customers if t.gid == (nested or {}).get("id")) if nested else None
        if nested is None:
            assert any(e["path"][:4] == ["opportunities", "edges", i, "node"] for e in errors)
            continue
        assert owner_thing is not None and expected_visible(role, who, owner_thing)


WRITES = {
    "Customer": ("updateCustomer", "UpdateCustomerInput",
                 {"name": "Renamed", "phone": "13900001111", "email": "w@example.com",
                  "address": "北京", "industry": "X"}),
    "Contact": ("updateContact", "UpdateContactInput",
                {"name": "N", "phone": "13900002222", "email": "c@example.com", "imHandle": "wx"}),
    "Lead": ("updateLead", "UpdateLeadInput", {"name": "L", "phone": "13900003333",
                                               "email": "l@example.com"}),
    "Opportunity": ("updateOpportunity", "UpdateOpportunityInput", {"title": "T"}),
    "Task": ("updateTask", "UpdateTaskInput", {"title": "T"}),
    "Tag": ("updateTag", "UpdateTagInput", {"color": "red"}),
}


def expected_write(role: str, who: str, thing: Thing, field: str) -> bool:
    scope = WRITE_FACTS[thing.type_name][role]
    if scope == "none":
        return False
    if scope != "all" and thing.type_name != "Tag":
        if thing.owner is None:
            return False
        if scope == "own" and thing.owner != who:
            return False
        if scope == "team" and thing.owner not in TEAM.get(who, {who}):
            return False
    if f"{thing.type_name}.{field}" not in FIELD_FACTS:
        return True
    return expected_access(role, who, thing, field) is Access.WRITE


@pytest.mark.parametrize("role", ROLES)
async def test_write_matrix(world: World, role: str):
    things = await build(world)
    who = USER_OF_ROLE[role]
    for thing in things:
        if thing.type_name not in WRITES or thing.in_pool:
            continue
        mutation, input_type, values = WRITES[thing.type_name]
        payload_field = mutation.removeprefix("update")
        payload_field = payload_field[0].lower() + payload_field[1:]
        for field, value in values.items():
            q = f"""mutation($i: {input_type}!) {{ {mutation}(input: $i) {{
                      {payload_field} {{ id }} errors {{ code field }} }} }}"""
            body = await world.gql(who, q, {"i": {"id": thing.gid, field: value}})
            out = body["data"][mutation]
            allowed = expected_write(role, who, thing, field)
            where = (role, thing.type_name, thing.owner, field, out["errors"])
            if allowed:
                assert out["errors"] == [], where
            else:
                assert out["errors"] and out["errors"][0]["code"] in ("FORBIDDEN", "NOT_FOUND"), where


@pytest.mark.parametrize("role", ROLES)
async def test_create_matrix(world: World, role: str):
    who = USER_OF_ROLE[role]
    creates = {
        "Customer": ("createCustomer", "CreateCustomerInput", {"name": f"New {role}", "allowDuplicate": True}),
        "Lead": ("createLead", "CreateLeadInput", {"name": f"Lead {role}"}),
        "Tag": ("createTag", "CreateTagInput", {"name": f"Tag {role}"}),
        "Task": ("createTask", "CreateTaskInput", {"title": f"Task {role}",
                                                   "dueAt": dt.datetime.now(dt.UTC).isoformat()}),
    }
    for type_name, (mutation, input_type, values) in creates.items():
        payload_field = type_name[0].lower() + type_name[1:]
        body = await world.gql(who, f"mutation($i: {input_type}!) {{ {mutation}(input: $i) {{ {payload_field} {{ id }} errors {{ code }} }} }}", {"i": values})
        out = body["data"][mutation]
        allowed = WRITE_FACTS[type_name][role] != "none"
        assert (out["errors"] == []) == allowed, (role, type_name, out["errors"])


# The other writes of the foundation, each tried by every role on rep1's records; allowed
# exactly when the role's write scope on the object (on every object, when a write makes or
# changes several: converting a lead makes a customer) reaches rep1's rows.
OTHER_WRITES = {
    "deleteCustomer": ("Customer", "mutation($c: ID!) { deleteCustomer(input: {id: $c}) { errors { code } } }"),
    "restoreCustomer": ("Customer", "mutation($c: ID!) { restoreCustomer(input: {id: $c}) { errors { code } } }"),
    "createContact": ("Customer", 'mutation($c: ID!) { createContact(input: {customerId: $c, name: "N"}) { errors { code } } }'),
    "deleteContact": ("Contact", "mutation($k: ID!) { deleteContact(input: {id: $k}) { errors { code } } }"),
    "addTags": ("Customer", "mutation($c: ID!, $t: ID!) { addTags(input: {customerIds: [$c], tagIds: [$t]}) { errors { code } results { errors { code } } } }"),
    "removeTags": ("Customer", "mutation($c: ID!, $t: ID!) { removeTags(input: {customerIds: [$c], tagIds: [$t]}) { errors { code } results { errors { code } } } }"),
    "transferCustomers": ("Customer", 'mutation($c: ID!, $u: ID!) { transferCustomers(input: {ids: [$c], toOwnerId: $u, reason: "r"}) { errors { code } results { errors { code } } } }'),
    "releaseToPool": ("Customer", "mutation($c: ID!) { releaseToPool(input: {ids: [$c]}) { errors { code } results { errors { code } } } }"),
    "mergeCustomers": ("Customer", "mutation($c: ID!, $d: ID!) { mergeCustomers(input: {intoId: $c, fromId: $d}) { errors { code } } }"),
    "createOpportunity": ("Opportunity", 'mutation($c: ID!) { createOpportunity(input: {customerId: $c, title: "T"}) { errors { code } } }'),
    "moveOpportunity": ("Opportunity", "mutation($o: ID!, $s: ID!) { moveOpportunity(input: {id: $o, stageId: $s}) { errors { code } } }"),
    "deleteOpportunity": ("Opportunity", "mutation($o: ID!) { deleteOpportunity(input: {id: $o}) { errors { code } } }"),
    "logInteraction": (("Interaction", "Customer"), 'mutation($c: ID!) { logInteraction(input: {customerId: $c, kind: CALL, summary: "s"}) { errors { code } } }'),
    "convertLead": (("Lead", "Customer"), "mutation($l: ID!) { convertLead(input: {leadId: $l, allowDuplicate: true}) { errors { code } } }"),
    "deleteLead": ("Lead", "mutation($l: ID!) { deleteLead(input: {id: $l}) { errors { code } } }"),
    "deleteTask": ("Task", "mutation($k: ID!) { deleteTask(input: {id: $k}) { errors { code } } }"),
}


def _errors(out: dict) -> list[dict]:
    return out["errors"] + [e for r in out.get("results", []) for e in r["errors"]]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("mutation", sorted(OTHER_WRITES))
async def test_other_writes_matrix(world: World, role: str, mutation: str):
    from crm.customers.models import Contact
    from crm.sales import service as sales
    who = USER_OF_ROLE[role]
    type_name, query = OTHER_WRITES[mutation]
    c = await f.customer(world, "rep1", name=f"W {mutation}")
    dup = await f.customer(world, "rep1", name=f"W dup {mutation}")
    tag = await f.tag(world, f"W {mutation}")
    if mutation == "removeTags":
        from crm.customers import service as customers
        await customers.add_tags(await world.actor("rep1"), [c.id], [tag.id])
    opp = await f.opportunity(world, c)
    lead = await sales.create_lead(await world.actor("rep1"), {"name": f"Lead {mutation}"})
    task = await sales.create_task(await world.actor("rep1"), {"title": "t", "customer_id": c.id})
    contact = await Contact.get(customer_id=c.id)
    if mutation == "restoreCustomer":
        from crm.customers import service as customers
        await customers.delete_customer(await world.actor("rep1"), c.id)
    variables = {"c": f.gid("Customer", c), "d": f.gid("Customer", dup), "t": f.gid("Tag", tag),
                 "u": f.gid("User", world.users["rep2"]), "o": f.gid("Opportunity", opp),
                 "s": f.gid("PipelineStage", world.stages[1]), "l": f.gid("Lead", lead),
                 "k": f.gid("Task", task) if mutation == "deleteTask" else f.gid("Contact", contact)}
    used = {k: v for k, v in variables.items() if f"${k}" in query}
    body = await world.gql(who, query, used)
    errors = _errors(body["data"][mutation])
    types = (type_name,) if isinstance(type_name, str) else type_name
    scopes = [WRITE_FACTS[t][role] for t in types]
    allowed = all(scope == "all" or (scope == "own" and who == "rep1") or (
        scope == "team" and "rep1" in TEAM.get(who, {who})) for scope in scopes)
    if mutation == "transferCustomers" and role == "sales_rep":
        allowed = False  # a rep cannot give customers to someone outside their own scope
    if allowed:
        assert errors == [], (role, mutation, errors)
    else:
        assert errors and errors[0]["code"] in ("FORBIDDEN", "NOT_FOUND"), (role, mutation, errors)
