"""The access matrix: every role reads every type's fields and every declared relation, through
`nodes` with a named fragment and with aliases, through the type's list, and one level down
through each relation, on records that cross owners and teams (a customer transferred from rep1
to rep3 keeps rep1's opportunity and order; a rep2 customer next to rep1's; the pool).

Expected answers come from `access_facts.py` (the business's words), never from `policy.py`;
`policy.py` is then held to the same facts, and a harness flips each rule of the policy in
turn and requires the matrix to notice."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import pytest
from graphql import (
    GraphQLEnumType,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
    get_named_type,
)

import crm.schema as schema_module
from crm.core.graphql import MODEL_TYPES, NODE_TYPES
from crm.core.ids import to_global_id
from crm.core.money import MoneyInput
from crm.core.policy import Access, FieldRule, ObjectRule, RowScope, load_policy
from crm.core.scoping import parent_rule_problems
from crm.schema import get_schema, model_of_all
from tests import factories as f
from tests.conftest import World
from tests.security.access_facts import (
    FIELD_FACTS,
    OWNER,
    PARENT,
    POOL_READERS,
    ROLES,
    ROW_FACTS,
    SAME_AS,
    WRITE_FACTS,
    A,
    M,
    N,
    O,
    R,
    T,
    W,
    masked,
)

USER_OF_ROLE = {"admin": "admin", "sales_manager": "manager", "sales_rep": "rep1",
                "marketing": "marketing", "support": "support", "warehouse": "warehouse",
                "finance": "finance", "hr": "hr", "viewer": "viewer"}
TEAMS = {"manager": {"manager", "rep1", "rep2"}, "manager2": {"manager2", "rep3"}}
RANK = {N: 0, M: 1, R: 2, W: 3}
# The root list of a type, and the rows of it a list leaves out for a role.
ROOT_LISTS = {"Customer": "customers", "Lead": "leads", "Opportunity": "opportunities",
              "Order": "orders", "Product": "products", "User": "users",
              "StockLevel": "stockLevels", "StockMovement": "stockMovements",
              "Employee": "employees", "PayRun": "payRuns"}


def relations() -> list[Any]:
    get_schema()
    assert schema_module.BOUND is not None
    return schema_module.BOUND.relations


def relation_of(type_name: str, field_name: str) -> Any:
    return next((r for r in relations() if r.owner_type == type_name
                 and r.field_name == field_name), None)


# --- the fixture: records that cross owners and teams ------------------------------------------

@dataclass
class Fixture:
    world: World
    rows: dict[str, dict[uuid.UUID, Any]] = field(default_factory=dict)
    user_ids: dict[str, uuid.UUID] = field(default_factory=dict)
    # Many-to-many links (a customer's tags), by the source row.
    links: dict[uuid.UUID, set[uuid.UUID]] = field(default_factory=dict)

    def row(self, type_name: str, pk: uuid.UUID | None) -> Any:
        return None if pk is None else self.rows.get(type_name, {}).get(pk)


async def build(world: World) -> Fixture:
    from crm.catalogue import service as catalogue
    from crm.customers import service as customers
    from crm.orders import service as orders
    from crm.payroll import service as payroll
    from crm.sales import service as sales
    from crm.stock import service as stock
    from crm.webhooks import service as webhooks
    from crm.webhooks.events import EventType

    admin = await world.actor("admin")
    # Subscribed first, so the customers below queue deliveries (switched off at the end: the
    # relay of another test must not send them).
    hook, _secret = await webhooks.create_endpoint(admin, "https://example.com/matrix",
                                                   [EventType.CUSTOMER_CREATED])
    tag = await f.tag(world, "Matrix")
    c1 = await f.customer(world, "rep1", name="Matrix rep1", address="上海市浦东新区1号",
                          tag_ids=[tag.id])
    c2 = await f.customer(world, "rep2", name="Matrix rep2", address="杭州市西湖区2号")
    c3 = await f.customer(world, "rep3", name="Matrix rep3", address="广州市天河区3号",
                          tag_ids=[tag.id])
    moved = await f.customer(world, "rep1", name="Matrix moved", address="北京市朝阳区4号")
    pooled = await f.customer(world, "rep2", name="Matrix pool", address="深圳市南山区5号")
    deals = {}
    for who, c in (("rep1", c1), ("rep2", c2), ("rep3", c3), ("rep1", moved)):
        opp = await f.opportunity(world, c, who)
        await sales.move_opportunity(await world.actor(who), opp.id, world.stages[1].id)
        await f.interaction(world, c, who, summary=f"Called {c.name}")
        await sales.create_task(await world.actor(who), {"title": f"Visit {c.name}",
                                                         "customer_id": c.id,
                                                         "opportunity_id": opp.id})
        deals[c.id] = opp
    await sales.create_task(await world.actor("marketing"), {"title": "Flyers"})
    await sales.create_task(await world.actor("support"), {"title": "Call back"})
    for who in ("rep1", "rep3", "marketing"):
        await sales.create_lead(await world.actor(who), {
            "name": f"Lead {who}", "phone": "13512345678", "email": f"lead.{who}@example.com"})
    lead = await sales.create_lead(await world.actor("rep1"), {"name": "Lead converted",
                                                               "company": "Converted Co"})
    await sales.convert_lead(await world.actor("rep1"), lead.id, allow_duplicate=True)

    warehouse = await stock.create_warehouse(admin, {"code": "MX", "name": "Matrix WH",
                                                     "is_default": True})
    line = await catalogue.create_product_line(admin, "Matrix line")
    product = await catalogue.create_product(
        admin, {"sku": f"MX-{uuid.uuid4().hex[:6]}", "name": "Matrix widget",
                "line_id": line.id},
        list_price=MoneyInput(amount=Decimal("100.00"), currency="CNY"),
        cost_price=MoneyInput(amount=Decimal("60.00"), currency="CNY"), tax_rate=Decimal("13"))
    await stock.receive_stock(admin, product.id, warehouse.id, 100, "opening")
    for who, c in (("rep1", c1), ("rep2", c2), ("rep3", c3), ("rep1", moved)):
        actor = await world.actor(who)
        order = await orders.create_order(actor, customer_id=c.id, lines=[
            orders.LineInput(product_id=product.id, quantity=3)])
        if c is moved:
            continue  # a draft of rep1's, on a customer that goes to rep3
        manager = await world.actor("manager2" if who == "rep3" else "manager")
        await orders.confirm_order(manager, order.id)
        await orders.create_shipment(admin, order.id, None, carrier="SF")
        await orders.record_payment(admin, order.id, Decimal("100.00"), "CNY")
        if who == "rep1":
            shipped = await orders.order_lines(order.id)
            await orders.create_return_request(
                actor, order.id, orders.ReturnKind.RETURN, "Damaged",
                [orders.QuantityInput(shipped[0].id, 1)])
    await customers.transfer_customers(admin, [moved.id], world.users["rep3"].id, "Matrix move")
    await customers.release_to_pool(await world.actor("rep2"), [pooled.id])

    hr = await world.actor("hr")
    await payroll.ensure_settings(world.workspace.id)
    plan = await payroll.create_plan(hr, {"name": "Matrix plan", "tiers": [
        {"threshold": Decimal(0), "rate": Decimal("0.05")}], "new_customer_bonus": Decimal(100)})
    employees = []
    for i, who in enumerate(USER_OF_ROLE.values()):
        employees.append(await payroll.create_employee(hr, {
            "user_id": world.users[who].id, "employee_number": f"M{i}",
            "hire_date": dt.date(2020, 1, 1), "base_salary": Decimal("10000"),
            "bank_account": f"62220000111{i:05d}", "compensation_plan_id": plan.id,
            "team_id": world.users[who].team_id}))
    await payroll.update_employee(hr, employees[0].id, {"base_salary": Decimal("12000")}, None)
    today = dt.date.today()
    run = await payroll.create_pay_run(hr, today.year - 1, 6)
    await payroll.add_adjustment(hr, {"employee_id": employees[0].id, "kind": "bonus",
                                      "amount": Decimal(500), "year": today.year - 1, "month": 6,
                                      "description": "Matrix bonus",
                                      "corrects_payslip_id": None})
    await payroll.calculate_pay_run(hr, run.id)
    await payroll.approve_pay_run(await world.actor("finance"), run.id)
    from crm.payroll.models import Payslip
    slip = await Payslip.get(pay_run_id=run.id, employee_id=employees[0].id)
    await payroll.add_adjustment(hr, {"employee_id": employees[0].id, "kind": "correction",
                                      "amount": Decimal(200), "year": today.year - 1,
                                      "month": 7, "description": "Matrix correction",
                                      "corrects_payslip_id": slip.id})

    # Shared saved views, which every role of the workspace reads (that a colleague's unshared
    # view is nobody else's is tests/auth/test_saved_views.py's).
    from crm.auth import service as auth
    from crm.auth.models import ListKey
    for who in ("manager", "admin"):
        await auth.create_saved_view(await world.actor(who), ListKey.CUSTOMERS, f"Matrix {who}",
                                     {"q": who}, shared=True)
    await webhooks.update_endpoint(admin, hook.id, {"enabled": False})
    from crm.auth import oauth
    await oauth.create_client(admin, name="Matrix partner", allowed_scopes=["customers:read"])
    # A notification for each user, about a record some of them cannot read: each reads only
    # their own.
    from crm.collaboration import service as collaboration
    for u in world.users.values():
        await collaboration.notify(world.workspace.id, [u.id], kind="matrix",
                                   title=f"For {u.name}", subject_type="Customer",
                                   subject_id=c1.id)

    fx = Fixture(world, user_ids={who: u.id for who, u in world.users.items()})
    for cls, model in MODEL_TYPES.items():
        name = cls.__strawberry_definition__.name
        fx.rows[name] = {r.id: r async for r in model.filter(workspace_id=world.workspace.id)}
    return fx


# --- expectations, from the facts --------------------------------------------------------------

def scope_of(role: str, type_name: str) -> str:
    return ROW_FACTS[SAME_AS.get(type_name, type_name)][role]


def sees(fx: Fixture, role: str, type_name: str, row: Any) -> bool:
    """Whether the role's user reads this row, by the facts."""
    if row is None or getattr(row, "deleted_at", None) is not None:
        return False
    scope = scope_of(role, type_name)
    if scope == N:
        return False
    if type_name in PARENT:
        column, parent_type = PARENT[type_name]
        return sees(fx, role, parent_type, fx.row(parent_type, getattr(row, column)))
    if scope == A:
        return True
    if type_name == "Customer" and row.in_pool and role in POOL_READERS:
        return True
    return owned(fx, role, type_name, row)


def owned(fx: Fixture, role: str, type_name: str, row: Any) -> bool:
    """The row is the role's user's own, or their team's when the role's scope is a team."""
    column = OWNER.get(type_name)
    owner = getattr(row, column, None) if column else None
    if owner is None:
        return False
    who = USER_OF_ROLE[role]
    if owner == fx.user_ids[who]:
        return True
    return scope_of(role, type_name) == T and owner in {fx.user_ids[u] for u in TEAMS.get(who, ())}


def field_access(fx: Fixture, role: str, type_name: str, name: str, row: Any) -> str:
    fact = FIELD_FACTS.get(f"{type_name}.{name}")
    if fact is None:
        return R
    access = fact.roles[role]
    if fact.owner is not None and RANK[fact.owner] > RANK[access] and owned(fx, role, type_name,
                                                                             row):
        access = fact.owner
    return access


# --- what to ask ---------------------------------------------------------------------------------

def _unwrap(gtype: Any) -> Any:
    return gtype.of_type if isinstance(gtype, GraphQLNonNull) else gtype


def _leaf_selection(gtype: GraphQLObjectType, name: str) -> str | None:
    """The selection of a field that is not a relation: a scalar by name, a value object (Money,
    a payslip line) with its first scalar; None for fields this matrix does not read."""
    gfield = gtype.fields[name]
    if any(isinstance(a.type, GraphQLNonNull) and a.default_value is None
           for a in gfield.args.values()):
        return None
    named = get_named_type(gfield.type)
    if isinstance(named, GraphQLScalarType | GraphQLEnumType):
        return name
    if isinstance(named, GraphQLObjectType) and named.name not in MODEL_TYPE_NAMES \
            and not named.name.endswith("Connection"):
        first = next(n for n, x in named.fields.items()
                     if isinstance(get_named_type(x.type), GraphQLScalarType))
        return f"{name} {{ {first} }}"
    return None


MODEL_TYPE_NAMES = {cls.__strawberry_definition__.name for cls in MODEL_TYPES}


def leaves(type_name: str) -> dict[str, str]:
    gtype = get_schema()._schema.type_map[type_name]
    out = {}
    for name in gtype.fields:
        if relation_of(type_name, name) is not None or name == "id":
            continue
        selection = _leaf_selection(gtype, name)
        if selection is not None:
            out[name] = selection
    return out


def _key_of(type_name: str) -> str:
    """How rows of a type are told apart in an answer."""
    fields = get_schema()._schema.type_map[type_name].fields
    return "id" if "id" in fields else next(iter(leaves(type_name)))


def relation_selection(rel: Any, nested: bool) -> str:
    target = rel.target_type
    inner = _key_of(target)
    if nested and target != "AuditEvent":
        inner = " ".join([inner, *leaves(target).values()])
    if rel.kind == "page":
        # A page the size of the fixture's children, so a type with many connections still
        # reads a list of 100 of its rows within the query-cost budget.
        return f"{rel.field_name}(first: 10) {{ edges {{ node {{ {inner} }} }} }}"
    return f"{rel.field_name} {{ {inner} }}"


def aliased(type_name: str, name: str) -> bool:
    """Which fields the aliased read renames: every field a rule restricts, and every relation
    (a policy keyed on response names would miss them); the query stays under the alias
    limit."""
    return f"{type_name}.{name}" in FIELD_FACTS or relation_of(type_name, name) is not None


def selection(type_name: str, prefix: str = "") -> str:
    def named(name: str, text: str) -> str:
        if prefix and aliased(type_name, name):
            return f"{prefix}{name}: {text}"
        return text

    parts = [named(n, s) for n, s in leaves(type_name).items()]
    for rel in relations():
        if rel.owner_type == type_name:
            parts.append(named(rel.field_name, relation_selection(rel, nested=rel.kind == "one")))
    return "id " + " ".join(parts)


# --- checking one answer -------------------------------------------------------------------------

@dataclass
class Checker:
    fx: Fixture
    role: str
    truth: dict[tuple[str, uuid.UUID, str], Any]
    errors_at: dict[tuple[Any, ...], str]
    problems: list[str] = field(default_factory=list)
    seen_errors: set[tuple[Any, ...]] = field(default_factory=set)
    checks: int = 0

    def fail(self, where: list[Any], text: str) -> None:
        self.problems.append(f"{self.role} at {'.'.join(map(str, where))}: {text}")

    def expect_error(self, path: list[Any]) -> bool:
        key = tuple(path)
        self.seen_errors.add(key)
        return self.errors_at.get(key) == "FORBIDDEN"

    def row_fields(self, type_name: str, row: Any, answer: dict[str, Any], path: list[Any],
                   prefix: str = "", nested: bool = True) -> None:
        def key(name: str) -> str:
            return prefix + name if prefix and aliased(type_name, name) else name

        for name in leaves(type_name):
            self.leaf(type_name, row, name, answer.get(key(name)), [*path, key(name)])
        if not nested:
            return
        for rel in relations():
            if rel.owner_type == type_name:
                self.relation(rel, row, answer.get(key(rel.field_name)),
                              [*path, key(rel.field_name)])

    def leaf(self, type_name: str, row: Any, name: str, got: Any, path: list[Any]) -> None:
        self.checks += 1
        access = field_access(self.fx, self.role, type_name, name, row)
        truth = self.truth.get((type_name, row.id, name), ...)
        fact = FIELD_FACTS.get(f"{type_name}.{name}")
        if access == N:
            if got is not None or not self.expect_error(path):
                self.fail(path, f"must be null with FORBIDDEN, got {got!r}")
            return
        if self.errors_at.get(tuple(path)):
            self.seen_errors.add(tuple(path))
            self.fail(path, f"unexpected error {self.errors_at[tuple(path)]}")
        if truth is ...:
            return  # no role reads it in clear: nothing to compare with
        if access == M:
            value = truth
            kind = fact.mask if fact else "text"
            expected = masked(value, kind) if not isinstance(value, dict) else None
            if got != expected:
                self.fail(path, f"masked must be {expected!r}, got {got!r}")
        elif got != truth:
            self.fail(path, f"must be {truth!r}, got {got!r}")

    def relation(self, rel: Any, row: Any, got: Any, path: list[Any]) -> None:
        self.checks += 1
        access = field_access(self.fx, self.role, rel.owner_type, rel.field_name, row)
        if access == N:
            if got is not None or not self.expect_error(path):
                self.fail(path, f"must be null with FORBIDDEN, got {got!r}")
            return
        target = rel.target_type
        key = _key_of(target)
        if rel.kind == "one":
            related = self.fx.row(target, getattr(row, rel.key))
            if related is None or getattr(related, "deleted_at", None) is not None:
                if got is not None:
                    self.fail(path, f"no {target} there, got {got!r}")
                return
            if not sees(self.fx, self.role, target, related):
                if got is not None or not self.expect_error(path):
                    self.fail(path, f"{target} of another scope must be null with FORBIDDEN, "
                                    f"got {got!r}")
                return
            if got is None:
                self.fail(path, f"must be its {target}")
                return
            if key == "id" and got.get("id") != _gid(target, related):
                self.fail(path, f"must be {target} {related.id}, got {got.get('id')}")
            if target != "AuditEvent":
                self.row_fields(target, related, got, path, nested=False)
            return
        related_rows = self.children(rel, row)
        expected = [r for r in related_rows if sees(self.fx, self.role, target, r)]
        if got is None:
            self.fail(path, f"must list its readable {target}, got null")
            return
        items = got["edges"] if rel.kind == "page" else got
        if rel.kind == "page":
            items = [e["node"] for e in items]
        if key == "id":
            want = sorted(_gid(target, r) for r in expected)
            have = sorted(i["id"] for i in items)
            if want != have:
                self.fail(path, f"must list {len(want)} readable {target}, got {len(have)}")
        elif len(items) != len(expected):
            self.fail(path, f"must list {len(expected)} readable {target}, got {len(items)}")

    def children(self, rel: Any, row: Any) -> list[Any]:
        rows = self.fx.rows.get(rel.target_type, {}).values()
        if rel.kind == "through":
            linked = self.fx.links.get(row.id, set())
            return [r for r in rows if r.id in linked and getattr(r, "deleted_at", None) is None]
        return [r for r in rows if getattr(r, rel.key, None) == row.id
                and getattr(r, "deleted_at", None) is None]

    def unexplained_errors(self) -> None:
        for path, code in self.errors_at.items():
            if path not in self.seen_errors:
                self.problems.append(f"{self.role}: unexpected error {code} at {path}")


def _gid(type_name: str, row: Any) -> str:
    if type_name == "StageChange":
        return str(row.id)
    return to_global_id(type_name, row.id)


# --- asking, for one role and one type -----------------------------------------------------------

async def gql(world: World, who: str, query: str, variables: dict[str, Any]) -> dict[str, Any]:
    resp = await world.client.post("/graphql", json={"query": query, "variables": variables},
                                   headers={"Authorization": f"Bearer {world.tokens[who]}"})
    assert resp.status_code == 200, resp.text
    return resp.json()


def _errors(body: dict[str, Any]) -> dict[tuple[Any, ...], str]:
    out: dict[tuple[Any, ...], str] = {}
    for e in body.get("errors") or []:
        out[tuple(e.get("path") or ())] = e.get("extensions", {}).get("code", "")
    return out


# Types read only through a root field of their own, not as nodes.
ROOT_CHECKS = {"RepPerformance", "PayrollSettings", "OAuthClient", "LifecycleSettings",
               "LeadScoringRule"}
# Types read through one root field, not as nodes: readable or refused as a whole.
ROOT_READS = {"LifecycleSettings": "{ lifecycleSettings { atRiskDays } }",
              "LeadScoringRule": "{ leadScoringRules { points } }"}


async def check_root(fx: Fixture, role: str, type_name: str) -> Checker:
    who = USER_OF_ROLE[role]
    checker = Checker(fx, role, {}, {})
    if type_name in ROOT_READS:
        body = await gql(fx.world, who, ROOT_READS[type_name], {})
        readable = any(v is not None for v in (body.get("data") or {}).values())
        if readable != (scope_of(role, type_name) != N):
            checker.fail([type_name], f"readable {readable}")
        return checker
    if type_name == "OAuthClient":
        # Not a node: read through its list alone, refused as a whole to who may not.
        body = await gql(fx.world, who, "{ oauthClients { name } }", {})
        names = (body.get("data") or {}).get("oauthClients")
        expected = ["Matrix partner"] if scope_of(role, type_name) != N else None
        if names is None and expected is None:
            return checker
        if [c["name"] for c in names or []] != expected:
            checker.fail(["oauthClients"], f"listed {names}, expected {expected}")
        return checker
    if type_name == "PayrollSettings":
        body = await gql(fx.world, who, "{ payrollSettings { currency } }", {})
        readable = (body.get("data") or {}).get("payrollSettings") is not None
        if readable != (scope_of(role, type_name) != N):
            checker.fail(["payrollSettings"], f"readable {readable}")
        return checker
    start = dt.date.today().replace(day=1)
    body = await gql(fx.world, who, """query($p: PeriodInput!) { teamPerformance(period: $p) {
        reps { user { name } } } }""", {"p": {"start": start.isoformat(),
                                             "end": (start + dt.timedelta(days=40)).isoformat()}})
    reps = ((body.get("data") or {}).get("teamPerformance") or {}).get("reps")
    scope = scope_of(role, type_name)
    sales = {w for w, u in fx.world.users.items() if u.role in ("sales_rep", "sales_manager")}
    expected = {N: None, A: sales, T: TEAMS.get(who, {who}) & sales, O: {who} & sales}[scope]
    got = None if reps is None else {r["user"]["name"].lower() for r in reps}
    if got != expected:
        checker.fail(["teamPerformance"], f"reps {got}, expected {expected}")
    return checker


async def check_type(fx: Fixture, truth: dict[Any, Any], role: str, type_name: str) -> Checker:
    """Everything about one type for one role: through `nodes` with a named fragment and with
    every field aliased, and through the type's list."""
    if type_name in ROOT_CHECKS:
        return await check_root(fx, role, type_name)
    world = fx.world
    who = USER_OF_ROLE[role]
    rows = list(fx.rows.get(type_name, {}).values())
    ids = [_gid(type_name, r) for r in rows]
    query = f"""query($ids: [ID!]!) {{
      viaFragment: nodes(ids: $ids) {{ ...Fields }}
      viaAlias: nodes(ids: $ids) {{ ... on {type_name} {{ {selection(type_name, "a_")} }} }}
    }}
    fragment Fields on {type_name} {{ {selection(type_name)} }}"""
    body = await gql(world, who, query, {"ids": ids})
    checker = Checker(fx, role, truth, _errors(body))
    data = body.get("data") or {}
    for root, prefix in (("viaFragment", ""), ("viaAlias", "a_")):
        for i, row in enumerate(rows):
            got = (data.get(root) or [None] * len(rows))[i]
            visible = sees(fx, role, type_name, row)
            if got is None:
                if visible:
                    checker.fail([root, i], f"must reach {type_name} {row.id}")
                continue
            if not visible:
                checker.fail([root, i], f"must not reach {type_name} {row.id}")
                continue
            checker.row_fields(type_name, row, got, [root, i], prefix)
    listed = ROOT_LISTS.get(type_name)
    if listed is not None and scope_of(role, type_name) != N:
        body = await gql(world, who, f"{{ {listed}(first: 100) {{ edges {{ node {{ "
                                     f"{selection(type_name)} }} }} }} }}", {})
        errors = _errors(body)
        sub = Checker(fx, role, truth, errors)
        edges = ((body.get("data") or {}).get(listed) or {}).get("edges") or []
        by_id = {e["node"]["id"]: (i, e["node"]) for i, e in enumerate(edges)}
        for row in rows:
            expected = sees(fx, role, type_name, row) and not (
                type_name == "Customer" and row.in_pool and role in POOL_READERS)
            gid = _gid(type_name, row)
            if (gid in by_id) != expected:
                sub.fail([listed], f"{type_name} {row.id} listed: {gid in by_id}, "
                                   f"expected {expected}")
            if gid in by_id:
                i, node = by_id[gid]
                sub.row_fields(type_name, row, node, [listed, "edges", i, "node"])
        checker.problems += sub.problems
        checker.checks += sub.checks
    checker.unexplained_errors()
    return checker


async def gather_truth(fx: Fixture) -> dict[tuple[str, uuid.UUID, str], Any]:
    """Each field's value as a role that reads it in clear sees it (by the facts)."""
    truth: dict[tuple[str, uuid.UUID, str], Any] = {}
    for type_name in NODE_TYPES:
        rows = list(fx.rows.get(type_name, {}).values())
        if not rows:
            continue
        targets = {type_name: rows}
        for rel in relations():
            if rel.owner_type == type_name and rel.kind == "one":
                targets.setdefault(rel.target_type, [])
        for role in ROLES:
            who = USER_OF_ROLE[role]
            query = f"""query($ids: [ID!]!) {{ nodes(ids: $ids) {{ ... on {type_name} {{
                {selection(type_name)} }} }} }}"""
            body = await gql(fx.world, who, query, {"ids": [_gid(type_name, r) for r in rows]})
            for row, got in zip(rows, (body.get("data") or {}).get("nodes") or [], strict=False):
                if got is None:
                    continue
                _collect(fx, role, type_name, row, got, truth, nested=True)
    return truth


def _collect(fx: Fixture, role: str, type_name: str, row: Any, got: dict[str, Any],
             truth: dict[Any, Any], nested: bool) -> None:
    for name in leaves(type_name):
        if field_access(fx, role, type_name, name, row) in (R, W) and name in got:
            truth.setdefault((type_name, row.id, name), got[name])
    if not nested:
        return
    for rel in relations():
        if rel.owner_type == type_name and rel.kind == "one" and got.get(rel.field_name):
            related = fx.row(rel.target_type, getattr(row, rel.key))
            if related is not None and rel.target_type != "AuditEvent":
                _collect(fx, role, rel.target_type, related, got[rel.field_name], truth, False)


# --- the tests -----------------------------------------------------------------------------------

@pytest.fixture
async def matrix(world: World) -> tuple[Fixture, dict[Any, Any]]:
    fx = await build(world)
    from crm.customers.models import CustomerTag
    links: dict[uuid.UUID, set[uuid.UUID]] = {}
    async for link in CustomerTag.filter(workspace_id=world.workspace.id):
        links.setdefault(link.customer_id, set()).add(link.tag_id)
    fx.links = links
    return fx, await gather_truth(fx)


def policy_vs_facts() -> list[str]:
    """Where policy.py says something else than the facts."""
    table = load_policy()
    out = []
    for type_name, rule in table.objects.items():
        for kind, facts, scopes in (("read", ROW_FACTS, rule.read), ("write", WRITE_FACTS,
                                                                     rule.write)):
            if type_name not in facts:
                if kind == "read" or scopes:
                    out.append(f"{type_name}: no {kind} fact")
                continue
            for role in ROLES:
                got = scopes.get(role, RowScope.NONE).value
                if got != facts[type_name][role]:
                    out.append(f"{type_name} {kind} by {role}: policy {got}, facts "
                               f"{facts[type_name][role]}")
    out += [f"{t}: a fact without a rule" for t in ROW_FACTS if t not in table.objects]
    for key, rule in table.fields.items():
        fact = FIELD_FACTS.get(key)
        if fact is None:
            out.append(f"{key}: no field fact")
            continue
        for role in ROLES:
            if rule.for_role(role).value != fact.roles[role]:
                out.append(f"{key} by {role}: policy {rule.for_role(role).value}, facts "
                           f"{fact.roles[role]}")
        if (rule.owner.value if rule.owner else None) != fact.owner:
            out.append(f"{key} owner: policy {rule.owner}, facts {fact.owner}")
        if rule.mask != fact.mask:
            out.append(f"{key} mask: policy {rule.mask}, facts {fact.mask}")
        if rule.history_roles != fact.history:
            out.append(f"{key} history: policy {rule.history_roles}, facts {fact.history}")
    out += [f"{k}: a fact without a rule" for k in FIELD_FACTS if k not in table.fields]
    return out


def test_the_policy_says_what_the_facts_say():
    assert policy_vs_facts() == []


@pytest.mark.parametrize("role", ROLES)
async def test_every_role_reads_every_type_and_relation_as_the_facts_say(matrix, role):
    fx, truth = matrix
    problems: list[str] = []
    checks = 0
    for type_name in [*NODE_TYPES, *sorted(ROOT_CHECKS)]:
        if type_name not in ROOT_CHECKS and not fx.rows.get(type_name):
            continue
        result = await check_type(fx, truth, role, type_name)
        problems += result.problems
        checks += result.checks
    assert checks > 500, checks
    assert problems == [], "\n".join(problems[:40])


def test_every_relation_of_the_schema_is_in_the_matrix():
    """Each declared relation is read by the matrix: from the nodes of its type, or one level
    down from another type's to-one relation."""
    reached = set()
    for rel in relations():
        if rel.owner_type in NODE_TYPES:
            reached.add((rel.owner_type, rel.field_name))
    missing = [r.path for r in relations() if (r.owner_type, r.field_name) not in reached]
    # Relations of types that are not nodes are read when those types are reached (e.g.
    # StageChange.toStage under Opportunity.stageHistory); list them to keep them in sight.
    assert all(p.split(".")[0] in {"StageChange", "ShipmentLine", "ReturnLine", "AuditEvent",
                                   "TrackingEvent", "LifecycleChange"} for p in missing), missing


# --- flipping each rule of the policy ----------------------------------------------------------

def _row_flip(scope: RowScope) -> RowScope:
    # Flips a role's reach so that the fixture must show it: all rows to none, none to all,
    # one's own to everybody's, one's team's to one's own.
    return {RowScope.ALL: RowScope.NONE, RowScope.NONE: RowScope.ALL,
            RowScope.OWN: RowScope.ALL, RowScope.TEAM: RowScope.OWN}[scope]


def _field_flip(access: Access) -> Access:
    return {Access.WRITE: Access.MASKED, Access.READ: Access.NONE, Access.MASKED: Access.READ,
            Access.NONE: Access.READ}[access]


@dataclass
class Mutant:
    name: str
    role: str
    types: set[str]
    apply: Any
    undo: Any
    current: str = ""
    flipped: str = ""


def mutants() -> Iterator[Mutant]:
    table = load_policy()
    rel_targets: dict[str, set[str]] = {}
    for rel in relations():
        rel_targets.setdefault(rel.target_type, set()).add(rel.owner_type)
    for type_name, rule in list(table.objects.items()):
        # Who shows a change of this type's rows: the type's own nodes, the types that relate
        # to it, and the children read through it.
        shown_by = {type_name} | rel_targets.get(type_name, set())
        shown_by |= {c for c, (_col, p) in PARENT.items() if p == type_name}
        shown_by |= {c for c, p in SAME_AS.items() if p == type_name}
        shown_by |= {o for c in list(shown_by) for o in rel_targets.get(c, set())}
        for role in ROLES:
            current = rule.read.get(role, RowScope.NONE)
            flipped = _row_flip(current)

            def apply(t: str = type_name, r: ObjectRule = rule, ro: str = role,
                      s: RowScope = flipped) -> None:
                table.objects[t] = ObjectRule(read={**r.read, ro: s}, write=r.write)

            def undo(t: str = type_name, r: ObjectRule = rule) -> None:
                table.objects[t] = r

            yield Mutant(f"{type_name} rows for {role}: {current.value} -> {flipped.value}",
                         role, shown_by, apply, undo)
    for key, frule in list(table.fields.items()):
        type_name, _field = key.split(".")
        for role in ROLES:
            current = frule.for_role(role)
            flipped = _field_flip(current)

            def apply(k: str = key, fr: FieldRule = frule, ro: str = role,
                      a: Access = flipped) -> None:
                table.fields[k] = FieldRule(roles={**{x: fr.for_role(x) for x in ROLES}, ro: a},
                                            default=fr.default, owner=fr.owner, mask=fr.mask,
                                            history_roles=fr.history_roles)

            def undo(k: str = key, fr: FieldRule = frule) -> None:
                table.fields[k] = fr

            shown = {type_name} | rel_targets.get(type_name, set())
            yield Mutant(f"{key} for {role}: {current.value} -> {flipped.value}", role, shown,
                         apply, undo, current.value, flipped.value)
        if frule.owner is not None:
            def apply_owner(k: str = key, fr: FieldRule = frule) -> None:
                table.fields[k] = FieldRule(roles=fr.roles, default=fr.default, owner=None,
                                            mask=fr.mask, history_roles=fr.history_roles)

            def undo_owner(k: str = key, fr: FieldRule = frule) -> None:
                table.fields[k] = fr

            for role in ROLES:
                yield Mutant(f"{key} owner access dropped, seen by {role}", role, {type_name},
                             apply_owner, undo_owner)


# Mutants no fixture can show, each with its reason (equivalent mutants): they change nothing a
# user of that role could ever see.
# Types of issue 14 that the fixture holds no rows of yet (a job, approval rules and requests
# whose row scope also follows who requested and who decides, workflows and their runs, stage
# changes, lifecycle rules): flipping their rules is not yet seen by the matrix. Their access is
# tested in tests/jobs, tests/approvals, tests/automation and tests/lifecycle meanwhile.
NOT_YET_IN_FIXTURE = {
    "Job", "ApprovalRule", "ApprovalRequest", "ApprovalDecision", "ApprovalAssignee",
    "Workflow", "WorkflowVersion", "WorkflowRun", "WorkflowRunStep", "WorkflowFiring",
    "WorkflowRotation", "LifecycleSettings", "LeadScoringRule", "LifecycleChange",
}


def _unobservable(m: Mutant) -> str | None:
    subject = m.name.split(" ")[0]
    if subject.split(".")[0] in NOT_YET_IN_FIXTURE:
        return "no row of the type in the fixture yet (issue 14's types)"
    if "." not in subject:
        return None
    type_name, _field = subject.split(".")
    scope = scope_of(m.role, type_name)
    if scope == N:
        return "the role reads no row of the type"
    fact = FIELD_FACTS[subject]
    if fact.owner is not None and scope in (O, T):
        # Such a role reads only its own (or its team's) rows, where the owner access decides.
        if "owner access dropped" not in m.name and RANK[fact.owner] >= max(
                RANK[m.current], RANK[m.flipped]):
            return "the role reads only rows where the owner access applies"
    if "owner access dropped" in m.name and RANK[fact.roles[m.role]] >= RANK[fact.owner]:
        return "the role's own access is no lower than the owner's"
    if "owner access dropped" in m.name and m.role not in ("sales_rep", "sales_manager") and (
            type_name != "Payslip"):
        return "the role owns no row of the type"
    return None


@pytest.mark.slow
async def test_flipping_any_rule_of_the_policy_is_noticed(matrix):
    fx, truth = matrix
    survivors, killed, skipped = [], 0, []
    table = load_policy()
    for mutant in mutants():
        reason = _unobservable(mutant)
        if reason:
            skipped.append((mutant.name, reason))
            continue
        mutant.apply()
        try:
            caught = bool(policy_vs_facts())
            invariant = bool(parent_rule_problems(model_of_all(), table))
            behaviour = False
            if invariant:
                behaviour = True  # the schema refuses to build on it
            for type_name in sorted(mutant.types & (set(NODE_TYPES) | ROOT_CHECKS)):
                if behaviour:
                    break
                if type_name in ROOT_CHECKS or fx.rows.get(type_name):
                    behaviour = bool((await check_type(fx, truth, mutant.role, type_name)).problems)
        finally:
            mutant.undo()
        if caught and behaviour:
            killed += 1
        else:
            survivors.append(f"{mutant.name} (facts check {caught}, behaviour {behaviour})")
    assert table is load_policy()
    from collections import Counter
    reasons = Counter(reason for _name, reason in skipped)
    print(f"policy mutants: {killed} killed, {len(survivors)} survived, {len(skipped)} "
          f"equivalent ({dict(reasons)})")
    assert survivors == [], "\n".join(survivors[:40])
