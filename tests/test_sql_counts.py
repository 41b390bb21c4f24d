"""Every list and connection field of the schema costs the same number of SQL statements for a
page of 5 and a page of 50 parents (or, for a list without paging, for 5 rows and for 50): a
field read once per row would show as more statements for more rows.

The data is the demo seed, in a workspace of its own: many owners across two teams, every
kind of record. A test fails for a list field of the schema that has no case here, so a new
list cannot land without its count."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import httpx
import pytest
from graphql import GraphQLList, GraphQLNonNull, GraphQLObjectType, get_named_type

from crm.core.ids import decode_id, to_global_id
from crm.schema import get_schema
from tests.conftest import SQLCounter

# Items built in Python from their parent row's own columns (no statement of their own).
VALUE_TYPES = {"Money", "FieldChange", "CommissionTier", "ContributionRate", "TaxBracket",
               "PayslipLine", "CommissionPayment", "UserError", "FieldPermission",
               # an approval rule's (and request's) steps and limits: its own JSON columns
               "ApprovalStep", "DiscountLimit"}
# Built from the policy table in memory.
NO_STATEMENT = {"Me.permissions", "TypePermission.actions", "Query.oauthScopes",
                # an OAuth client's own JSON columns
                "OAuthClient.allowedScopes", "OAuthClient.redirectUris",
                # the named approvers of a step, from its rule's JSON column
                "ApprovalStep.userIds"}


def list_fields() -> set[str]:
    """Fields of the schema that return a list or a connection of records."""
    schema = get_schema()._schema
    out = set()
    for type_name, gtype in schema.type_map.items():
        if (type_name.startswith("__") or not isinstance(gtype, GraphQLObjectType)
                or type_name == "Mutation"
                or type_name.endswith(("Payload", "Result", "Edge", "Connection"))):
            continue
        for name, gfield in gtype.fields.items():
            inner = gfield.type.of_type if isinstance(gfield.type, GraphQLNonNull) else gfield.type
            named = get_named_type(gfield.type)
            is_connection = isinstance(named, GraphQLObjectType) and named.name.endswith(
                "Connection")
            if (isinstance(inner, GraphQLList) or is_connection) and named.name not in VALUE_TYPES:
                out.add(f"{type_name}.{name}")
    return out - NO_STATEMENT


@dataclass
class Case:
    """A query whose size is `n` (a page of `n` parents, or `n` ids, or `n` days), who runs it,
    and where in the answer the `n` items are (to prove the larger run read more of them)."""

    who: str
    query: str
    items: tuple[str | int, ...]
    variables: Callable[[int, Any], dict[str, Any]] = field(default=lambda n, _d: {"n": n})
    # The two sizes compared (fewer than 5 where the seed has fewer rows: one's own payslips).
    sizes: tuple[int, int] = (5, 50)
    # For lists without paging: add `k` rows before each run instead of asking for more.
    grow: Callable[[Any, int], Awaitable[None]] | None = None


def _page(root: str, selection: str, who: str = "admin", args: str = "") -> Case:
    """A page of `n` of a root list; with `args="filter: $f"`, orders holding the nested records
    (returns, shipments) so the small page reaches them too."""
    if args:
        return Case(who, f"query($n: Int!, $f: OrderFilter) {{ {root}(first: $n, {args}) {{ "
                         f"edges {{ node {{ id {selection} }} }} }} }}", (root, "edges"),
                    variables=lambda n, d: {"n": n, "f": d.orders_holding(selection)})
    return Case(who, f"query($n: Int!) {{ {root}(first: $n) {{ edges {{ node {{ id "
                     f"{selection} }} }} }} }}", (root, "edges"))


CASES: dict[str, Case] = {
    # Paged roots.
    "Query.customers": _page("customers", "name owner { name } team { name }"),
    "Query.publicPool": _page("publicPool", "name", "rep1"),
    "Query.leads": _page("leads", "name owner { name } customer { name }"),
    "Query.opportunities": _page("opportunities", "title stage { name } customer { name }"),
    "Query.myTasks": _page("myTasks", "title customer { name } opportunity { title }", "rep1"),
    # Subjects of two types, some the rep may no longer read, and who caused each.
    "Query.notifications": _page("notifications", "kind read actor { name } subject { id "
                                 "... on Task { title } ... on Customer { name } }", "rep1"),
    "Query.products": _page("products", "sku line { name }"),
    "Query.stockLevels": _page("stockLevels", "onHand product { sku } warehouse { code }"),
    "Query.stockMovements": _page("stockMovements", "kind product { sku } warehouse { code }"),
    "Query.orders": _page("orders", "number customer { name } owner { name }"),
    "Query.shipments": _page("shipments", "status carrier order { number shipToAddress "
                             "customer { name } } warehouse { code }"),
    "Query.employees": _page("employees", "employeeNumber user { name } team { name }", "hr"),
    "Query.payRuns": _page("payRuns", "period", "hr"),
    "Query.myPayslips": dataclasses.replace(_page("myPayslips", "period net { amount }", "rep1"),
                                            sizes=(2, 50)),
    "Query.users": _page("users", "name team { name manager { name } }"),
    "Query.auditTrail": Case(
        "admin", "query($n: Int!, $o: ID!) { auditTrail(objectId: $o, first: $n) { edges { "
        "node { action actor { name } changes { field } } } } }", ("auditTrail", "edges"),
        variables=lambda n, d: {"n": n, "o": d.busy_customer}),
    # Relations under a page of parents.
    "Customer.tags": _page("customers", "tags { name }"),
    "Customer.contacts": _page("customers", "contacts { name customer { name } }"),
    "Customer.history": _page("customers", "history(first: 3) { edges { node { action } } }"),
    "Customer.opportunities": _page("customers", "opportunities(openOnly: true) { title "
                                    "owner { name } }"),
    "Customer.tasks": _page("customers", "tasks { title assignee { name } }"),
    "Query.approvalRules": dataclasses.replace(_page(
        "approvalRules", "name threshold { amount } discountLimits { role limit } "
        "steps { by role userIds }"), sizes=(2, 5)),
    "Query.approvalRequests": dataclasses.replace(_page(
        "approvalRequests", "ruleName subjectId steps { by } rule { name } requester { name } "
        "order { number }"), sizes=(5, 12)),
    "ApprovalRequest.decisions": dataclasses.replace(_page(
        "approvalRequests", "decisions { comment approver { name } }"), sizes=(5, 12)),
    "ApprovalRequest.waitingFor": dataclasses.replace(_page(
        "approvalRequests", "waitingFor { step user { name } }"), sizes=(5, 12)),
    "Customer.timeline": _page("customers", "timeline(first: 5) { totalCount edges { node { "
                               "kind interaction { summary } stageChange { toStage { name } } "
                               "auditEvent { action } } } }"),
    "Customer.orders": _page("customers", "orders(first: 3) { totalCount edges { node { number "
                             "} } }"),
    "Customer.lifecycleChanges": _page("customers", "lifecycleChanges(first: 3) { totalCount "
                                       "edges { node { toStage reason customer { name } } } }"),
    "Customer.lifetimeValue": _page("customers", "lifetimeValue { amount } lastOrderAt"),
    "Opportunity.stageHistory": _page("opportunities", "stageHistory(first: 5) { edges { node "
                                      "{ toStage { name } changedBy { name } } } }"),
    "Order.lines": _page("orders", "lines { quantity product { sku } warehouse { code } }"),
    "Order.shipments": _page("orders", "shipments { status warehouse { code } }"),
    "Order.payments": _page("orders", "payments { amount { amount } recordedBy { name } }"),
    "Order.returns": _page("orders", "returns { status }", args="filter: $f"),
    "Order.history": _page("orders", "history(first: 3) { edges { node { action } } }"),
    "Shipment.lines": _page("orders", "shipments { lines { quantity orderLine { position } } }",
                            args="filter: $f"),
    "Shipment.trackingEvents": _page("orders", "shipments { trackingEvents { status } }",
                                     args="filter: $f"),
    "ReturnRequest.lines": _page("orders", "returns { lines { quantity orderLine { position } } }",
                                 args="filter: $f"),
    "Product.stock": _page("products", "stock { onHand warehouse { code } }"),
    "Employee.payslips": _page("employees", "payslips { period }", "hr"),
    "Employee.history": _page("employees", "history(first: 3) { edges { node { action } } }",
                              "hr"),
    "PayRun.payslips": _page("payRuns", "payslips(first: 5) { edges { node { employeeNumber } } "
                             "}", "hr"),
    "Team.members": _page("users", "team { members { name } }"),
    # Lists without paging: sized by their arguments, or grown between the runs.
    "Query.nodes": Case("admin", "query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Customer { "
                        "name owner { name } } } }", ("nodes",),
                        variables=lambda n, d: {"ids": d.customer_ids[:n]}),
    "Query.salesSummary": Case(
        "admin", "query($p: PeriodInput!) { salesSummary(period: $p, groupBy: DAY, by: OWNER) "
        "{ periodStart owner { name } } }", ("salesSummary",),
        variables=lambda n, d: {"p": d.busy_period(n)}),
    "Query.tags": Case("admin", "{ tags { name } }", ("tags",), grow=lambda d, k: d.more_tags(k)),
    "Query.savedViews": Case("rep1", "{ savedViews(list: CUSTOMERS) { name owner { name } } }",
                             ("savedViews",), grow=lambda d, k: d.more_views(k)),
    "Query.teams": Case("admin", "{ teams { name manager { name } } }", ("teams",),
                        grow=lambda d, k: d.more_teams(k)),
    "Query.oauthClients": Case("admin", "{ oauthClients { name clientId allowedScopes } }",
                               ("oauthClients",), grow=lambda d, k: d.more_oauth_clients(k)),
    "Query.pipelineStages": Case("admin", "{ pipelineStages { name } }", ("pipelineStages",),
                                 grow=lambda d, k: d.more_stages(k)),
    "Query.pipelineSummary": Case("admin", "{ pipelineSummary { stage { name } count } }",
                                  ("pipelineSummary",), grow=lambda d, k: d.more_stages(k)),
    "Query.productLines": Case("admin", "{ productLines { name parent { name } } }",
                               ("productLines",), grow=lambda d, k: d.more_product_lines(k)),
    "Query.warehouses": Case("admin", "{ warehouses { code } }", ("warehouses",),
                             grow=lambda d, k: d.more_warehouses(k)),
    "Query.lowStock": Case("admin", "{ lowStock { level { onHand product { sku } } } }",
                           ("lowStock",), grow=lambda d, k: d.more_low_stock(k)),
    "Query.compensationPlans": Case("hr", "{ compensationPlans { name } }",
                                    ("compensationPlans",), grow=lambda d, k: d.more_plans(k)),
    "Query.payAdjustments": Case("hr", "{ payAdjustments(year: 2030, month: 1) { kind employee "
                                 "{ employeeNumber } } }", ("payAdjustments",),
                                 grow=lambda d, k: d.more_adjustments(k)),
    # The change feed: a page of `n` changed customers, and of `n` deleted ones.
    "ChangeFeed.nodes": Case(
        "admin", "query($n: Int!) { changes(first: $n, types: [CUSTOMER]) { nodes { id ... on "
        "Customer { name owner { name } team { name } } } } }", ("changes", "nodes")),
    "ChangeFeed.removals": Case(
        "admin", "query { changes(first: 500, types: [CUSTOMER]) { removals { id reason } "
        "nodes { id } } }", ("changes", "removals"), grow=lambda d, k: d.more_deleted(k)),
    "Query.leadScoringRules": Case("admin", "{ leadScoringRules { kind field points } }",
                                   ("leadScoringRules",),
                                   grow=lambda d, k: d.more_scoring_rules(k)),
    "Query.webhookEndpoints": Case("admin", "{ webhookEndpoints { url eventTypes } }",
                                   ("webhookEndpoints",), grow=lambda d, k: d.more_webhooks(k)),
    "WebhookEndpoint.eventTypes": Case("admin", "{ webhookEndpoints { eventTypes } }",
                                       ("webhookEndpoints",),
                                       grow=lambda d, k: d.more_webhooks(k)),
    "Query.webhookDeliveries": Case(
        "admin", "query($e: ID!) { webhookDeliveries(endpoint: $e, first: 100) { eventType "
        "status payload } }", ("webhookDeliveries",),
        variables=lambda n, d: {"e": d.webhook_endpoint},
        grow=lambda d, k: d.more_webhook_deliveries(k)),
    "Query.jobs": Case("admin", "query($n: Int!) { jobs(first: $n) { totalCount edges { node { "
                       "id taskName status attempts scheduledAt lastError } } } }",
                       ("jobs", "edges"), grow=lambda d, k: d.more_jobs(k)),
    "Query.workflows": _page("workflows", "name objectType owner { name }"),
    "Query.workflowRuns": _page("workflowRuns", "status version workflow { name } "
                                "steps { action output }"),
    "WorkflowRun.steps": _page("workflowRuns", "steps { index action attempts }"),
    "TeamPerformance.reps": Case(
        "hr", "query($p: PeriodInput!) { teamPerformance(period: $p) { reps { user { name } "
        "opportunitiesWon customersHeld } } }", ("teamPerformance", "reps"),
        variables=lambda n, d: {"p": d.busy_period(365)}, grow=lambda d, k: d.more_reps(k)),
}


class Demo:
    """The demo seed in a workspace of its own, and what the cases need beyond it."""

    def __init__(self, client: httpx.AsyncClient) -> None:
        self.client = client
        self.tokens: dict[str, str] = {}
        self.customer_ids: list[str] = []
        self.reports: list[dict[str, Any]] = []
        self.busy_customer = ""
        self.webhook_endpoint = ""

    async def make(self) -> Demo:
        import crm.seed as seed
        from crm.auth.models import User
        from crm.auth.tokens import issue_access_token
        from crm.customers.models import Customer

        slug = f"counts{uuid.uuid4().hex[:8]}"
        old = seed.DEMO_SLUG
        seed.DEMO_SLUG = slug
        try:
            self.ws = await seed.seed_demo(echo=lambda _line: None)
        finally:
            seed.DEMO_SLUG = old
        users = {u.email.split("@")[0]: u async for u in User.filter(workspace_id=self.ws.id)}
        self.users = users
        self.tokens = {who: issue_access_token(u.id, self.ws.id, u.role)[0]
                       for who, u in users.items()}
        self.customer_ids = [to_global_id("Customer", c.id) for c in await Customer.filter(
            workspace_id=self.ws.id).order_by("name").limit(60)]
        await self._history_and_runs()
        await self._workflows_and_runs()
        await self._orders_with_children()
        await self._notifications()
        await self._events_past_the_feed_horizon()
        return self

    async def _notifications(self) -> None:
        """rep1's bell: about their tasks and about customers, theirs and others'."""
        from crm.collaboration.service import notify
        from crm.customers.models import Customer
        from crm.sales.models import Task
        rep = self.users["rep1"]
        tasks = await Task.filter(workspace_id=self.ws.id, assignee_id=rep.id).limit(30)
        customers = await Customer.filter(workspace_id=self.ws.id).limit(30)
        # Interleaved: a page of 5 reads both types, as a page of 50 does (one read per type).
        subjects = [s for pair in zip([("Task", t.id) for t in tasks],
                                      [("Customer", c.id) for c in customers], strict=False)
                    for s in pair]
        assert len(subjects) >= 55
        for i, (kind, pk) in enumerate(subjects):
            await notify(self.ws.id, [rep.id], kind="test.count", title=f"n{i}",
                         subject_type=kind, subject_id=pk,
                         actor_user_id=self.users["admin"].id if i % 2 else None)
        await self._approval_requests()
        await self._events_past_the_feed_horizon()
        return self

    async def _approval_requests(self) -> None:
        """Orders of reps held by an approval rule (both managers, then an admin), one
        manager having approved each: requests with decisions and approvers still waited
        for."""
        from crm.approvals import service as approvals
        from crm.approvals.models import ApproverSource, RuleKind, StepMode
        from crm.orders import service as orders
        from crm.orders.service.lifecycle import confirmation_to_approve
        admin = await self.actor("admin")
        await approvals.create_rule(admin, approvals.RuleSpec(
            name="Every order", kind=RuleKind.ORDER_AMOUNT, threshold=(Decimal(0), "CNY"),
            steps=[approvals.StepSpec(by=ApproverSource.ROLE, role="sales_manager",
                                      mode=StepMode.ALL_OF),
                   approvals.StepSpec(by=ApproverSource.ROLE, role="admin")]))
        by_id = {u.id: who for who, u in self.users.items() if u.role == "sales_rep"}
        made = 0
        for order in await orders.orders_query(admin).filter(
                owner_id__in=list(by_id)).order_by("number").limit(15):
            rep = await self.actor(by_id[order.owner_id])
            refusal = await approvals.guard(rep, await confirmation_to_approve(order))
            assert refusal is not None and refusal.params is not None
            await approvals.decide(await self.actor("manager"),
                                   decode_id(str(refusal.params["request"]), "ApprovalRequest"),
                                   approvals.DecisionKind.APPROVE, "seen")
            made += 1
        assert made >= 12

    async def _events_past_the_feed_horizon(self) -> None:
        """The change feed hands out only events older than its safety lag: the history
        written above is made an hour old, so the feed's cases see it without waiting."""
        from crm.core.models import AuditEvent
        await AuditEvent.filter(workspace_id=self.ws.id).update(
            created_at=dt.datetime.now(dt.UTC) - dt.timedelta(hours=1))

    async def more_deleted(self, k: int) -> None:
        from crm.customers import service as customers
        admin = await self.actor("admin")
        for _i in range(k):
            row = await customers.create_customer(
                admin, {"name": f"Gone {uuid.uuid4().hex[:8]}"}, allow_duplicate=True)
            await customers.delete_customer(admin, row.id)
        await self._events_past_the_feed_horizon()

    async def actor(self, who: str) -> Any:
        from crm.auth.service import actor_for_user
        return await actor_for_user(self.users[who], request_id="counts")

    async def _history_and_runs(self) -> None:
        """The seed writes in bulk, without audit events: give some customers, orders and
        employees a history, and hr more pay runs with payslips."""
        from crm.customers import service as customers
        from crm.customers.models import Customer
        from crm.orders import service as orders
        from crm.payroll import service as payroll
        from crm.payroll.models import Employee

        admin = await self.actor("admin")
        rows = list(await Customer.filter(workspace_id=self.ws.id, deleted_at=None).order_by(
            "name").limit(60))
        for i, c in enumerate(rows):
            await customers.update_customer(admin, c.id, {"industry": f"Trade {i}"}, None)
        for i in range(8):
            await customers.update_customer(admin, rows[0].id, {"region": f"Region {i}"}, None)
        self.busy_customer = to_global_id("Customer", rows[0].id)
        for o in await orders.orders_query(admin).filter(status="draft").limit(12):
            await orders.update_order(admin, o.id, {"notes": "checked"}, None)
        hr = await self.actor("hr")
        for e in await Employee.filter(workspace_id=self.ws.id).limit(8):
            await payroll.update_employee(hr, e.id, {"title": "Senior"}, None)
        for month in range(1, 9):
            run = await payroll.create_pay_run(hr, 2020, month)
            await payroll.calculate_pay_run(hr, run.id)
            await payroll.approve_pay_run(await self.actor("finance"), run.id)

    async def _orders_with_children(self) -> None:
        from crm.orders.models import Order, ReturnRequest, Shipment
        ws = self.ws.id
        returned = set(await ReturnRequest.filter(workspace_id=ws).values_list("order_id",
                                                                              flat=True))
        shipped = set(await Shipment.filter(workspace_id=ws).values_list("order_id", flat=True))
        numbers = dict(await Order.filter(workspace_id=ws).values_list("id", "number"))
        self.with_returns = sorted(numbers[i] for i in returned)[:50]
        self.with_shipments = sorted(numbers[i] for i in shipped)[:50]
        assert len(self.with_returns) > 5 and len(self.with_shipments) > 5

    def orders_holding(self, selection: str) -> dict[str, Any]:
        numbers = self.with_returns if "returns" in selection else self.with_shipments
        return {"number": {"in": numbers}}

    def busy_period(self, days: int) -> dict[str, str]:
        end = dt.date.today() + dt.timedelta(days=1)
        return {"start": (end - dt.timedelta(days=days)).isoformat(), "end": end.isoformat()}

    # --- growing the lists without paging ----------------------------------------------------

    async def more_tags(self, k: int) -> None:
        from crm.customers.service import create_tag
        admin = await self.actor("admin")
        for _i in range(k):
            await create_tag(admin, {"name": f"Counted {uuid.uuid4().hex[:8]}"})

    async def more_scoring_rules(self, k: int) -> None:
        """The set is replaced as a whole: the new one has `k` rules more (up to the limit)."""
        from crm.lifecycle import service
        from crm.lifecycle.models import ScoringField, ScoringKind, ScoringOperator
        admin = await self.actor("admin")
        now = len(await service.scoring_rules(admin))
        await service.set_scoring_rules(admin, [service.RuleInput(
            ScoringKind.FIELD, i + 1, ScoringField.SOURCE, ScoringOperator.EQUALS, f"s{i}")
            for i in range(min(now + k, service.MAX_RULES))])

    async def more_views(self, k: int) -> None:
        """Half the rep's own, half shared by managers: both halves of the menu grow."""
        from crm.auth.models import ListKey
        from crm.auth.service import create_saved_view
        rep, manager = await self.actor("rep1"), await self.actor("manager")
        for i in range(k):
            who, shared = (rep, False) if i % 2 else (manager, True)
            await create_saved_view(who, ListKey.CUSTOMERS, f"View {uuid.uuid4().hex[:8]}",
                                    {"q": f"q{i}"}, shared=shared)

    async def more_teams(self, k: int) -> None:
        from crm.auth.models import Team
        for _i in range(k):
            await Team.create(workspace_id=self.ws.id, name=f"Team {uuid.uuid4().hex[:8]}",
                              manager_id=self.users["manager"].id)

    async def more_oauth_clients(self, k: int) -> None:
        from crm.auth.models import OAuthClient
        for _i in range(k):
            await OAuthClient.create(workspace_id=self.ws.id, name=f"App {uuid.uuid4().hex[:8]}",
                                     client_id="crm_" + uuid.uuid4().hex,
                                     allowed_scopes=["customers:read"])

    async def more_stages(self, k: int) -> None:
        from crm.sales.models import PipelineStage
        base = await PipelineStage.filter(workspace_id=self.ws.id).count()
        for i in range(base, base + k):
            await PipelineStage.create(workspace_id=self.ws.id, name=f"阶段 {i}",
                                       name_en=f"Stage {i}", position=100 + i, probability=50)

    async def more_product_lines(self, k: int) -> None:
        from crm.catalogue.service import create_product_line
        admin = await self.actor("admin")
        for _i in range(k):
            await create_product_line(admin, f"Line {uuid.uuid4().hex[:8]}")

    async def more_warehouses(self, k: int) -> None:
        from crm.stock.service import create_warehouse
        admin = await self.actor("admin")
        for i in range(k):
            await create_warehouse(admin, {"code": f"W{uuid.uuid4().hex[:6]}", "name": f"Warehouse {i}"})

    async def more_low_stock(self, k: int) -> None:
        from crm.stock.models import StockLevel
        ids = await StockLevel.filter(workspace_id=self.ws.id, reorder_point__lt=10**6).limit(
            k).values_list("id", flat=True)
        await StockLevel.filter(id__in=list(ids)).update(reorder_point=10**6)

    async def more_plans(self, k: int) -> None:
        from crm.payroll.service import create_plan
        hr = await self.actor("hr")
        for _i in range(k):
            await create_plan(hr, {"name": f"Plan {uuid.uuid4().hex[:8]}", "tiers": [], "new_customer_bonus": None})

    async def more_adjustments(self, k: int) -> None:
        from crm.payroll.models import Employee
        from crm.payroll.service import add_adjustment
        hr = await self.actor("hr")
        employees = list(await Employee.filter(workspace_id=self.ws.id))
        for i in range(k):
            await add_adjustment(hr, {"employee_id": employees[i % len(employees)].id,
                                      "kind": "bonus", "amount": Decimal(100), "year": 2030,
                                      "month": 1, "description": f"Bonus {i}",
                                      "corrects_payslip_id": None})

    async def more_reps(self, k: int) -> None:
        from crm.auth.models import User
        for _i in range(k):
            tag = uuid.uuid4().hex[:8]
            await User.create(workspace_id=self.ws.id, email=f"rep{tag}@counts.test",
                              name=f"Rep {tag}", role="sales_rep", password_hash="x",
                              team_id=self.users["rep1"].team_id)

    async def more_jobs(self, k: int) -> None:
        from crm.core import jobs
        # Due long after any test's clock: they wait, listed.
        for _i in range(k):
            await jobs.defer("customers.pool_sweep", workspace_id=str(self.ws.id),
                             run_at=dt.datetime(2199, 1, 1, tzinfo=dt.UTC))
    async def _workflows_and_runs(self) -> None:
        """Sixty workflows owned by a manager (so their team reads them too), each with a run of
        two steps."""
        from crm.automation.models import (
            RunStatus,
            Workflow,
            WorkflowRun,
            WorkflowRunStep,
            WorkflowVersion,
        )
        owner = next(u for u in self.users.values() if u.role == "sales_manager")
        flows = [Workflow(workspace_id=self.ws.id, name=f"Flow {i}", object_type="Customer",
                          trigger={"type": "created"}, actions=[], owner_id=owner.id)
                 for i in range(60)]
        await Workflow.bulk_create(flows)
        await WorkflowVersion.bulk_create([
            WorkflowVersion(workspace_id=self.ws.id, workflow_id=f.id, version=1,
                            definition={"name": f.name}) for f in flows])
        runs = [WorkflowRun(workspace_id=self.ws.id, workflow_id=f.id, version=1,
                            status=RunStatus.SUCCEEDED) for f in flows]
        await WorkflowRun.bulk_create(runs)
        await WorkflowRunStep.bulk_create([
            WorkflowRunStep(workspace_id=self.ws.id, run_id=r.id, index=i, action="notify",
                            input={}, output={"notified": 1}) for r in runs for i in range(2)])
        self.workflow_manager = next(k for k, u in self.users.items() if u.id == owner.id)

    async def more_webhooks(self, k: int) -> None:
        from crm.webhooks.models import WebhookEndpoint
        # Switched off: the demo's own writes queue nothing for them.
        for _i in range(k):
            await WebhookEndpoint.create(workspace_id=self.ws.id, url="https://example.com/h",
                                         event_types=["order.paid", "customer.created"],
                                         secret="whsec_counted", enabled=False)

    async def more_webhook_deliveries(self, k: int) -> None:
        from crm.webhooks.models import WebhookDelivery, WebhookEndpoint
        if not self.webhook_endpoint:
            row = await WebhookEndpoint.create(workspace_id=self.ws.id, url="https://example.com/d",
                                               event_types=["order.paid"], secret="whsec_counted",
                                               enabled=False)
            self.webhook_endpoint = to_global_id("WebhookEndpoint", row.id)
        endpoint_id = decode_id(self.webhook_endpoint, "WebhookEndpoint")
        await WebhookDelivery.bulk_create([
            WebhookDelivery(workspace_id=self.ws.id, endpoint_id=endpoint_id,
                            event_id=uuid.uuid4(), event_type="order.paid",
                            payload={"id": str(i)}, next_attempt_at=dt.datetime.now(dt.UTC))
            for i in range(k)])

    # --- asking -------------------------------------------------------------------------------

    async def run(self, case: Case, n: int) -> tuple[int, int, bool]:
        """(statements, items at the case's path, whether every root field compiled) for a
        query of size `n`."""
        headers = {"Authorization": f"Bearer {self.tokens[case.who]}"}
        # Signed in just before: the user's role and team reach are remembered, so what is
        # counted is the query's own statements.
        await self.client.post("/graphql", json={"query": "{ __typename }"}, headers=headers)
        with SQLCounter() as sql:
            resp = await self.client.post(
                "/graphql", json={"query": case.query, "variables": case.variables(n, self)},
                headers=headers)
        body = resp.json()
        assert not body.get("errors"), body["errors"][:3]
        node: Any = body["data"]
        for step in case.items:
            node = node[step]
        report = (body.get("extensions") or {}).get("compiled") or {}
        self.reports.append(report)
        compiled = bool(report.get("compiled")) and not report.get("resolverPath")
        return sql.count, len(node), compiled


@pytest.fixture(scope="module")
async def demo(app: Any) -> Demo:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                 base_url="http://test") as client:
        yield await Demo(client).make()


def test_every_list_field_of_the_schema_has_a_count():
    assert sorted(list_fields() - set(CASES)) == []
    schema = get_schema()._schema
    # ...and every case names a field that exists (a list of values read by a loader, such as
    # lifetimeValue, is counted too).
    assert [c for c in CASES if c.split(".")[1] not in schema.type_map[c.split(".")[0]].fields] == []


@pytest.mark.parametrize("name", sorted(CASES))
async def test_five_and_fifty_cost_the_same_statements(demo: Demo, name: str):
    case = CASES[name]
    small_n, large_n = case.sizes
    if case.grow is not None:
        await case.grow(demo, small_n)
        small = await demo.run(case, small_n)
        await case.grow(demo, large_n - small_n)
        large = await demo.run(case, large_n)
    else:
        small = await demo.run(case, small_n)
        large = await demo.run(case, large_n)
    assert large[1] > small[1], (name, "the larger run must read more items", small, large)
    assert small[0] == large[0], (name, {"statements 5": small[0], "statements 50": large[0]})
    if large[2]:
        # Compiled: the whole root field, relations and counts included, is one statement.
        assert large[0] == 1, (name, large[0])


# Cases whose whole query compiles to one statement; the others reach a field with its own
# resolver (money, team, computed values) and run on the resolver path.
COMPILED = {
    "Customer.contacts", "Customer.opportunities", "Customer.orders", "Customer.tags",
    "Customer.tasks", "Opportunity.stageHistory", "Order.lines", "Order.payments", "Order.returns",
    "Order.shipments", "PayRun.payslips", "Product.stock", "Query.customers", "Query.employees",
    "Query.leads", "Query.opportunities", "Query.orders", "Query.products", "Query.publicPool",
    "Query.shipments", "Query.stockLevels", "Query.stockMovements", "Query.users",
    "Shipment.trackingEvents", "Team.members"}


async def test_compiled_cases_compile(demo: Demo) -> None:
    for name in sorted(COMPILED):
        case = CASES[name]
        statements, _items, compiled = await demo.run(case, case.sizes[0])
        assert compiled, (name, demo.reports[-1])
        assert statements == 1, (name, statements)
