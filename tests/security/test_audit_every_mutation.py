"""Every mutation leaves an audit trail that cannot silently lose a field.

For each Mutation field of the schema: set up what it needs, read every audited row of the
workspace (all DB columns), perform the mutation through GraphQL, read the rows again, and
compare. Every column that changed must appear in the audit events the mutation wrote for that
record, with the right old and new values; a new record's event must carry every column the
user supplied or the business set (a column still at an empty default, false, zero or
empty text, may be left out). Before that, the same mutation is made to fail right after its
first audit row is written, then after its second, and so on: neither the rows nor the write
may persist, and the client must be told it failed. The audit event lives and dies with the
write's own transaction, wherever in the write it is recorded.

The cases are a table; `test_every_mutation_has_a_case` fails when the schema has a mutation
that is neither a case nor an exemption with its reason, so a new mutation cannot land
unaudited.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from typing import Any

import pytest
from graphql import get_named_type

from crm.core.audit import DERIVED
from crm.core.ids import to_global_id
from crm.core.jobs import task as jobs_task
from crm.core.models import AuditEvent
from crm.core.policy import BOOKKEEPING_COLUMNS, history_key, load_policy
from crm.core.validation import camel
from crm.modules import submodules
from crm.schema import get_schema
from tests.conftest import World
from tests.orders.helpers import Shop, make_shop

# --- what is audited, and what is not ---------------------------------------------------------

# Mutations that write no business record, each with the reason.
EXEMPT = {
    "login": "not audited: sessions (a refresh token row, no business record)",
    "refreshToken": "not audited: sessions (rotates the refresh token)",
    "logout": "not audited: sessions (revokes the refresh token)",
    "dryRunWorkflow": "writes nothing: it says what a workflow would do",
}

# Rows whose changes are recorded by another record's events, not their own.
NOT_AUDITED_ALONE = {
    # An order's lines are its content: added or replaced, the order's event names them
    # (`LINKS`) and their amounts are audited on the order as its totals (subtotal, tax, total,
    # cost); the counters fulfilment moves on them (reserved, shipped, returned quantities) are
    # recorded by the stock ledger and the shipment and return rows.
    "OrderLine",
    # Itself a history row: the stage history of an opportunity, written beside its move event.
    "StageChange",
    # Itself the ledger: each row is the record of one stock change, beside the level's event.
    "StockMovement",
    # Computed in bulk from audited inputs (employees, adjustments, settings); the pay run's
    # event records the run's totals and payslip count.
    "Payslip",
    # Itself a log: a webhook delivery is the outbox row of an audit event, and its attempts are
    # the relay's; redelivering or testing is an event of the endpoint's.
    "WebhookDelivery",
    # A workflow's versions are its history themselves (each save's event records the change);
    # runs and their steps are the run log; firings and rotations are the engine's bookkeeping.
    "WorkflowVersion", "WorkflowRun", "WorkflowRunStep", "WorkflowFiring", "WorkflowRotation",
    # Itself a history row: a lifecycle rule's stage move, written beside the customer's
    # `lifecycle` event that records the stage change and its reason.
    "LifecycleChange",
}

# Columns that are not business values. The record's own upkeep (BOOKKEEPING_COLUMNS: id,
# workspace, version, created/updated at, created_by, which the event itself records as its
# actor), and keys derived from other columns for indexing (DERIVED). `deleted_at` is not
# bookkeeping here: a delete or restore must say so.
BOOKKEEPING = (BOOKKEEPING_COLUMNS - {"deleted_at"}) | DERIVED
# Copies of a parent's column kept on the child for row scoping, audited on the parent: a
# contact's owner is always its customer's owner (moved with it by transfer, release, claim).
COPIED = {"Contact.owner_id"}
# Secrets never go into history: a webhook's signing key is audited as its hint
# (`secret_hint`), on create and on every rotation.
SECRETS = {"WebhookEndpoint.secret",
           # A password's hash is audited as `password: set`, never as the hash itself.
           "User.password_hash"}


def audited_models() -> list[type]:
    """Models audited as themselves, in a workspace."""
    found = []
    for module in submodules("models"):
        for value in vars(module).values():
            if (isinstance(value, type) and value.__module__ == module.__name__
                    and getattr(value, "policy_type", "") == value.__name__
                    and not value._meta.abstract and "workspace_id" in value._meta.db_fields
                    and value.__name__ not in NOT_AUDITED_ALONE):
                found.append(value)
    return found


def business_columns(model: type) -> list[str]:
    return sorted(c for c in model._meta.db_fields
                  if c not in BOOKKEEPING and f"{model.__name__}.{c}" not in COPIED
                  and f"{model.__name__}.{c}" not in SECRETS)


# --- comparing a column with what the audit says ----------------------------------------------

def audit_keys(column: str) -> list[str]:
    """The keys an audit may record a column under: the column, its API name (`paid_minor` ->
    `paid`, `owner_id` -> `ownerId`), or the relation it points to (`owner_id` -> `owner`)."""
    keys = [column, history_key(column), camel(column)]
    for suffix in ("_minor", "_bp"):
        if column.endswith(suffix):
            keys.append(column[:-len(suffix)])
    if column.endswith("_id"):
        keys += [column[:-3], camel(column[:-3])]
    return list(dict.fromkeys(keys))


def _as_datetime(value: Any) -> dt.datetime | None:
    if isinstance(value, dt.datetime):
        parsed = value
    elif isinstance(value, str):
        try:
            parsed = dt.datetime.fromisoformat(value)
        except ValueError:
            return None
    else:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def normalise(column: str, value: Any) -> Any:
    """One comparable form for a DB value and for an audited one. Money and rates may be
    audited in minor units (an int, or an int as a string) or as a decimal string: both become
    a Decimal in major units (two decimals: the tests use CNY)."""
    if value is None:
        return None
    if isinstance(value, Enum):
        value = value.value
    if isinstance(value, uuid.UUID):
        return str(value)
    if column.endswith(("_minor", "_bp")) and not isinstance(value, bool):
        if isinstance(value, int) or (isinstance(value, str) and value.lstrip("-").isdigit()):
            return Decimal(int(value)).scaleb(-2)
        return Decimal(str(value)).normalize()
    if isinstance(value, dt.datetime) or (isinstance(value, str) and "T" in value
                                          and _as_datetime(value)):
        return _as_datetime(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return value.normalize()
    if isinstance(value, (list, dict)):
        return json.dumps(value, sort_keys=True, default=str)
    return value


def same(column: str, db_value: Any, audited: Any) -> bool:
    return bool(normalise(column, db_value) == normalise(column, audited))


def empty(value: Any) -> bool:
    """A starting value that says nothing a create event's "from nothing" does not."""
    return value is None or value is False or value == 0 or value in ("", [], {})


# --- reading the workspace --------------------------------------------------------------------

Rows = dict[tuple[str, uuid.UUID], dict[str, Any]]

# Rows whose values the stock ledger keeps: a level's on hand and reserved are the sums of its
# movements (`ledger_mismatches` proves it), so each change of them must come with new
# movements of that level adding up to it; the movement rows are the record of the change.
LEDGER = {"StockLevel": ("level_id", {"on_hand": "on_hand_delta", "reserved": "reserved_delta"})}
# Link rows audited on the record they belong to, under one key: tagging a customer is an event
# of the customer's, naming the tags.
LINKS = {"CustomerTag": ("customer_id", "tags"),
         # An order's lines, added or replaced: the order's event names them.
         "OrderLine": ("order_id", "lines")}


def workspace_models() -> list[type]:
    """Every model with rows in a workspace: what a failed write must leave untouched."""
    found = []
    for module in submodules("models"):
        for value in vars(module).values():
            if (isinstance(value, type) and value.__module__ == module.__name__
                    and hasattr(value, "_meta") and not value._meta.abstract
                    and "workspace_id" in value._meta.db_fields):
                found.append(value)
    return [*found, AuditEvent]


async def read_rows(workspace_id: uuid.UUID, models: list[type] | None = None) -> Rows:
    rows: Rows = {}
    for model in models if models is not None else audited_models():
        columns = sorted(model._meta.db_fields)
        for row in await model.filter(workspace_id=workspace_id).values(*columns):
            rows[(model.__name__, row["id"])] = row
    return rows


async def audit_ids(workspace_id: uuid.UUID) -> set[uuid.UUID]:
    return set(await AuditEvent.filter(workspace_id=workspace_id).values_list("id", flat=True))


def _recorded(type_name: str, column: str, events: list[AuditEvent]) -> list[tuple[Any, str]]:
    """(old and new, key) of each event recording `column`, in the order they were written."""
    def found(keys: list[str]) -> list[tuple[Any, str]]:
        return [(e.changes[k], k) for e in events for k in dict.fromkeys(keys)
                if k in (e.changes or {})]

    direct = found(audit_keys(column))
    alias = load_policy().audit_as.get(f"{type_name}.{camel(column)}")
    if direct or not column.endswith("_id") or not alias:
        return direct
    # An id audited under the field that shows what it points to (`plan_id` as
    # `compensation_plan`), as the module's AUDIT_AS says.
    return found([k for e in events for k in (e.changes or {}) if history_key(k) == alias])


def check_trail(before: Rows, after: Rows, events: list[AuditEvent]) -> list[str]:
    """What the events lost: each changed column missing or with the wrong old or new value."""
    by_object: dict[tuple[str, uuid.UUID], list[AuditEvent]] = {}
    for event in events:
        by_object.setdefault((event.object_type, event.object_id), []).append(event)
    problems = []
    for key, row in after.items():
        type_name, pk = key
        if type_name not in _models():
            continue
        old_row = before.get(key)
        mine = by_object.get((_model(type_name).policy_type, pk), [])
        if old_row is None:
            changed = {c: (None, row[c]) for c in business_columns(_model(type_name))
                       if not empty(row[c])}
        else:
            changed = {c: (old_row[c], row[c]) for c in business_columns(_model(type_name))
                       if not same(c, old_row[c], row[c])}
        if type_name in LEDGER:
            problems += _check_ledger(type_name, pk, changed, before, after)
            if old_row is None:  # a level made on its first movement: the ledger says so
                changed = {}
        if not changed:
            continue
        if not mine:
            problems.append(f"{type_name} {'created' if old_row is None else 'changed'} "
                            f"({sorted(changed)}) with no audit event")
            continue
        for column, (old, new) in sorted(changed.items()):
            recorded = _recorded(type_name, column, mine)
            if not recorded:
                problems.append(f"{type_name}.{column} {old!r} -> {new!r} is not audited "
                                f"(events: {[e.action for e in mine]})")
                continue
            first_old, last_new = recorded[0][0][0], recorded[-1][0][1]
            if not same(column, old, first_old) or not same(column, new, last_new):
                problems.append(f"{type_name}.{column} audited as {recorded[0][1]} "
                                f"{first_old!r} -> {last_new!r}, but changed {old!r} -> {new!r}")
    for link, (parent, audit_key) in LINKS.items():
        for key in (before.keys() ^ after.keys()):
            if key[0] == link:
                row = after.get(key) or before[key]
                parent_events = [e for (_t, pk), found in by_object.items()
                                 if pk == row[parent] for e in found]
                if not any(audit_key in (e.changes or {}) for e in parent_events):
                    problems.append(f"{link} {'added' if key in after else 'removed'} with no "
                                    f"'{audit_key}' event on its {parent[:-3]}")
    for key in before.keys() - after.keys():
        if key[0] in _models():
            problems.append(f"{key[0]} {key[1]} vanished")
    return problems


def _check_ledger(type_name: str, pk: uuid.UUID, changed: dict[str, tuple[Any, Any]],
                  before: Rows, after: Rows) -> list[str]:
    link, columns = LEDGER[type_name]
    moves = [row for key, row in after.items()
             if key[0] == "StockMovement" and key not in before and row[link] == pk]
    problems = []
    for column, delta_column in columns.items():
        old, new = changed.pop(column, (None, None))
        change = (new or 0) - (old or 0)
        if sum(m[delta_column] for m in moves) != change:
            problems.append(f"{type_name}.{column} moved by {change}, its new movements by "
                            f"{sum(m[delta_column] for m in moves)}")
    return problems


_MODELS: dict[str, type] = {}


def _models() -> dict[str, type]:
    if not _MODELS:
        _MODELS.update({m.__name__: m for m in audited_models()})
    return _MODELS


def _model(type_name: str) -> type:
    return _models()[type_name]


# --- the cases --------------------------------------------------------------------------------

class Ctx:
    """What a case sets up, through the services, as the users of the `world` would."""

    def __init__(self, world: World) -> None:
        self.world = world
        self._shop: Shop | None = None

    async def actor(self, who: str) -> Any:
        return await self.world.actor(who)

    def user(self, who: str) -> str:
        return to_global_id("User", self.world.users[who].id)

    async def shop(self) -> Shop:
        if self._shop is None:
            self._shop = await make_shop(self.world)
        return self._shop

    async def customer(self, who: str = "rep1", **values: Any) -> Any:
        from tests import factories
        return await factories.customer(self.world, who, **values)

    async def order(self, state: str = "draft") -> Any:
        """An order of rep1's customer: two widgets and one gadget, taken as far as `state`."""
        from crm.orders import service as orders
        shop = await self.shop()
        rep1, admin = await self.actor("rep1"), await self.actor("admin")
        order = await orders.create_order(rep1, customer_id=shop.customer.id, lines=[
            orders.LineInput(shop.widget.id, 2), orders.LineInput(shop.gadget.id, 1)])
        if state == "draft":
            return order
        order = await orders.confirm_order(admin, order.id)
        if state == "confirmed":
            return order
        shipment = await orders.create_shipment(admin, order.id, None)
        self.shipment = shipment
        if state == "shipped":
            return order
        await orders.update_shipment_status(admin, shipment.id, orders.ShipmentStatus.DELIVERED)
        return order

    async def order_line(self, order: Any, position: int = 0) -> Any:
        from crm.orders.models import OrderLine
        return await OrderLine.get(order_id=order.id, position=position)

    async def return_request(self, state: str = "requested") -> Any:
        from crm.orders import service as orders
        order = await self.order("delivered")
        admin = await self.actor("admin")
        line = await self.order_line(order)
        ret = await orders.create_return_request(admin, order.id, orders.ReturnKind.RETURN,
                                                 "Broken", [orders.QuantityInput(line.id, 1)])
        if state in ("approved", "received"):
            ret = await orders.approve_return(admin, ret.id)
        if state == "received":
            ret = await orders.receive_return(admin, ret.id)
        return ret

    async def won_opportunity(self) -> Any:
        from crm.sales import service as sales
        from tests import factories
        cust = await self.customer()
        opp = await factories.opportunity(self.world, cust)
        won = next(s for s in self.world.stages if s.is_won)
        return await sales.move_opportunity(await self.actor("rep1"), opp.id, won.id)

    async def plan(self) -> Any:
        from crm.payroll import service as payroll
        return await payroll.create_plan(await self.actor("hr"), {
            "name": "Sales", "tiers": [{"threshold": Decimal(0), "rate": Decimal("0.03")}],
            "new_customer_bonus": Decimal(500)})

    async def employee(self, who: str = "rep1") -> Any:
        from crm.payroll import service as payroll
        return await payroll.create_employee(await self.actor("hr"), {
            "user_id": self.world.users[who].id, "employee_number": f"E-{who}",
            "department": "Sales", "title": who, "hire_date": dt.date(2024, 1, 1),
            "base_salary": Decimal("12000"), "bank_account": "6222020000000001"})

    async def pay_run(self, state: str = "draft") -> Any:
        from crm.payroll import service as payroll
        hr = await self.actor("hr")
        await self.employee()
        run = await payroll.create_pay_run(hr, 2026, 1)
        if state in ("calculated", "approved"):
            run = await payroll.calculate_pay_run(hr, run.id)
        if state == "approved":
            run = await payroll.approve_pay_run(await self.actor("finance"), run.id)
        return run


def gid(type_name: str, row: Any) -> str:
    return to_global_id(type_name, row.id)


@dataclass(frozen=True)
class Case:
    who: str
    make_input: Callable[[Ctx], Awaitable[dict[str, Any]]]
    known_gap: str | None = None


CASES: dict[str, Case] = {}


def case(name: str, who: str, *, known_gap: str | None = None
         ) -> Callable[[Callable[[Ctx], Awaitable[dict[str, Any]]]], Any]:
    """Register the mutation `name`, performed by `who`, with the input the function builds."""
    def register(fn: Callable[[Ctx], Awaitable[dict[str, Any]]]) -> Any:
        assert name not in CASES, name
        CASES[name] = Case(who, fn, known_gap)
        return fn
    return register


def money(amount: str) -> dict[str, str]:
    return {"amount": amount, "currency": "CNY"}


# customers ---------------------------------------------------------------------------------

@case("createCustomer", "rep1")
async def _create_customer(c: Ctx) -> dict[str, Any]:
    return {"name": "Acme Trading", "kind": "COMPANY", "industry": "Retail", "region": "East",
            "address": "1 Bund Road", "phone": "13800001111", "email": "buy@acme.test",
            "source": "fair", "lifecycleStage": "PROSPECT", "level": "B", "tagIds": [],
            "contacts": [], "allowDuplicate": True}


@case("updateCustomer", "rep1")
async def _update_customer(c: Ctx) -> dict[str, Any]:
    cust = await c.customer()
    return {"id": gid("Customer", cust), "name": "Renamed", "kind": "PERSON",
            "industry": "Food", "region": "North", "address": "2 Road", "phone": "13900002222",
            "email": "new@acme.test", "source": "web", "lifecycleStage": "CUSTOMER",
            "level": "A", "nextFollowUpAt": "2030-01-02T03:04:05+00:00"}


@case("deleteCustomer", "rep1")
async def _delete_customer(c: Ctx) -> dict[str, Any]:
    return {"id": gid("Customer", await c.customer())}


@case("restoreCustomer", "admin")
async def _restore_customer(c: Ctx) -> dict[str, Any]:
    from crm.customers import service
    cust = await c.customer()
    await service.delete_customer(await c.actor("admin"), cust.id)
    return {"id": gid("Customer", cust)}


@case("createContact", "rep1")
async def _create_contact(c: Ctx) -> dict[str, Any]:
    cust = await c.customer(contacts=[])
    return {"customerId": gid("Customer", cust), "name": "Li Lei", "title": "Buyer",
            "phone": "13700003333", "email": "li@acme.test", "imHandle": "wx-li",
            "isPrimary": True}


async def _contact(c: Ctx) -> Any:
    from crm.customers.models import Contact
    cust = await c.customer()
    return await Contact.get(customer_id=cust.id)


@case("updateContact", "rep1")
async def _update_contact(c: Ctx) -> dict[str, Any]:
    return {"id": gid("Contact", await _contact(c)), "name": "Han Meimei", "title": "CEO",
            "phone": "13600004444", "email": "han@acme.test", "imHandle": "wx-han",
            "isPrimary": False}


@case("deleteContact", "rep1")
async def _delete_contact(c: Ctx) -> dict[str, Any]:
    return {"id": gid("Contact", await _contact(c))}


@case("restoreContact", "rep1")
async def _restore_contact(c: Ctx) -> dict[str, Any]:
    from crm.customers import service
    contact = await _contact(c)
    await service.delete_contact(await c.actor("rep1"), contact.id)
    return {"id": gid("Contact", contact)}


@case("createSavedView", "manager")
async def _create_saved_view(c: Ctx) -> dict[str, Any]:
    # shared and default, so the create that takes the default from the previous one is checked
    await _saved_view(c, "Earlier", is_default=True)
    return {"list": "CUSTOMERS", "name": "East A", "shared": True, "isDefault": True,
            "state": {"q": "华", "filters": {"level": "A"}, "sort": {"field": "NAME",
                                                                    "direction": "ASC"},
                      "size": 50}}


async def _saved_view(c: Ctx, name: str = "Mine", **extra: Any) -> Any:
    from crm.auth.models import ListKey
    from crm.auth.service import create_saved_view
    return await create_saved_view(await c.actor("manager"), ListKey.CUSTOMERS, name,
                                   {"q": "x"}, **extra)


@case("updateSavedView", "manager")
async def _update_saved_view(c: Ctx) -> dict[str, Any]:
    await _saved_view(c, "Earlier", is_default=True)
    return {"id": gid("SavedView", await _saved_view(c)), "name": "Renamed", "shared": True,
            "isDefault": True, "state": {"filters": {"tags": ["a", "b"]}, "size": 100}}


@case("deleteSavedView", "manager")
async def _delete_saved_view(c: Ctx) -> dict[str, Any]:
    return {"id": gid("SavedView", await _saved_view(c))}


@case("restoreSavedView", "manager")
async def _restore_saved_view(c: Ctx) -> dict[str, Any]:
    from crm.auth.service import delete_saved_view
    view = await _saved_view(c)
    await delete_saved_view(await c.actor("manager"), view.id)
    return {"id": gid("SavedView", view)}


@case("createTag", "admin")
async def _create_tag(c: Ctx) -> dict[str, Any]:
    return {"name": "VIP", "color": "#ff0000", "group": "Value"}


async def _tag(c: Ctx, name: str = "Key") -> Any:
    from tests import factories
    return await factories.tag(c.world, name)


@case("updateTag", "admin")
async def _update_tag(c: Ctx) -> dict[str, Any]:
    return {"id": gid("Tag", await _tag(c)), "name": "Key account", "color": "#00ff00",
            "group": "Tier"}


@case("deleteTag", "admin")
async def _delete_tag(c: Ctx) -> dict[str, Any]:
    return {"id": gid("Tag", await _tag(c))}


# users and teams (administration) ------------------------------------------------------------

async def _link_token(issued: Any) -> str:
    return str(issued.link.split("token=", 1)[1])


@case("inviteUser", "admin")
async def _invite_user(c: Ctx) -> dict[str, Any]:
    return {"email": "new.hire@example.test", "name": "New Hire", "role": "sales_rep",
            "teamId": gid("Team", c.world.teams["East"])}


@case("acceptInvite", "admin")
async def _accept_invite(c: Ctx) -> dict[str, Any]:
    from crm.auth import service
    issued = await service.invite_user(await c.actor("admin"), email="invitee@example.test",
                                       name="Invitee", role="support")
    return {"token": await _link_token(issued), "password": "a-long-new-password"}


@case("completePasswordReset", "admin")
async def _complete_password_reset(c: Ctx) -> dict[str, Any]:
    from crm.auth import service
    issued = await service.reset_user_password(await c.actor("admin"), c.world.users["rep1"].id)
    return {"token": await _link_token(issued), "password": "a-long-new-password"}


@case("updateUser", "admin")
async def _update_user(c: Ctx) -> dict[str, Any]:
    return {"id": c.user("rep1"), "name": "Rep One", "role": "sales_manager",
            "teamId": gid("Team", c.world.teams["West"])}


async def _signed_in(c: Ctx, who: str) -> None:
    """A session of `who` (a refresh token row), which disabling must revoke with the user."""
    from crm.auth import service
    from tests.conftest import PASSWORD
    await service.login(c.world.users[who].email, PASSWORD)


@case("disableUser", "admin")
async def _disable_user(c: Ctx) -> dict[str, Any]:
    await _signed_in(c, "rep1")
    return {"id": c.user("rep1")}


@case("enableUser", "admin")
async def _enable_user(c: Ctx) -> dict[str, Any]:
    from crm.auth import service
    await service.set_user_active(await c.actor("admin"), c.world.users["rep1"].id, False)
    return {"id": c.user("rep1")}


@case("resetUserPassword", "admin")
async def _reset_user_password(c: Ctx) -> dict[str, Any]:
    return {"id": c.user("rep1")}


@case("changeMyPassword", "rep1")
async def _change_my_password(c: Ctx) -> dict[str, Any]:
    from tests.conftest import PASSWORD
    await _signed_in(c, "rep1")
    return {"currentPassword": PASSWORD, "newPassword": "another-long-password"}


@case("createTeam", "admin")
async def _create_team(c: Ctx) -> dict[str, Any]:
    return {"name": "East Shanghai", "managerId": c.user("manager"),
            "parentTeamId": gid("Team", c.world.teams["East"])}


@case("updateTeam", "admin")
async def _update_team(c: Ctx) -> dict[str, Any]:
    return {"id": gid("Team", c.world.teams["East"]), "name": "East China",
            "managerId": c.user("manager2"), "parentTeamId": gid("Team", c.world.teams["West"])}


# OAuth clients -------------------------------------------------------------------------------

async def _oauth_client(c: Ctx) -> Any:
    from crm.auth import oauth
    made = await oauth.create_client(await c.actor("admin"), name="Partner",
                                     allowed_scopes=["customers:read"], service_role="viewer",
                                     redirect_uris=["https://partner.example/cb"])
    return made.client


@case("createOAuthClient", "admin")
async def _create_oauth_client(c: Ctx) -> dict[str, Any]:
    return {"name": "ERP", "confidential": True, "redirectUris": ["https://erp.example/cb"],
            "allowedScopes": ["orders:read", "customers:read"], "serviceRole": "finance",
            "trustedDocuments": True}


@case("rotateOAuthClientSecret", "admin")
async def _rotate_oauth_client_secret(c: Ctx) -> dict[str, Any]:
    return {"id": gid("OAuthClient", await _oauth_client(c))}


@case("updateOAuthClient", "admin")
async def _update_oauth_client(c: Ctx) -> dict[str, Any]:
    return {"id": gid("OAuthClient", await _oauth_client(c)), "name": "Partner 2",
            "redirectUris": ["https://partner.example/cb2"], "allowedScopes": ["sales:read"],
            "serviceRole": "admin", "trustedDocuments": True}


@case("disableOAuthClient", "admin")
async def _disable_oauth_client(c: Ctx) -> dict[str, Any]:
    return {"id": gid("OAuthClient", await _oauth_client(c))}


@case("restoreTag", "admin")
async def _restore_tag(c: Ctx) -> dict[str, Any]:
    from crm.customers import service
    tag = await _tag(c)
    await service.delete_tag(await c.actor("admin"), tag.id)
    return {"id": gid("Tag", tag)}


@case("addTags", "rep1")
async def _add_tags(c: Ctx) -> dict[str, Any]:
    return {"customerIds": [gid("Customer", await c.customer())],
            "tagIds": [gid("Tag", await _tag(c))]}


@case("removeTags", "rep1")
async def _remove_tags(c: Ctx) -> dict[str, Any]:
    tag = await _tag(c)
    cust = await c.customer(tag_ids=[tag.id])
    return {"customerIds": [gid("Customer", cust)], "tagIds": [gid("Tag", tag)]}


@case("transferCustomers", "manager")
async def _transfer_customers(c: Ctx) -> dict[str, Any]:
    return {"ids": [gid("Customer", await c.customer())], "toOwnerId": c.user("rep2"),
            "reason": "rep1 moves region"}


@case("releaseToPool", "rep1")
async def _release_to_pool(c: Ctx) -> dict[str, Any]:
    return {"ids": [gid("Customer", await c.customer())], "reason": "no budget"}


@case("claimFromPool", "rep2")
async def _claim_from_pool(c: Ctx) -> dict[str, Any]:
    from crm.customers import service
    cust = await c.customer()
    await service.release_to_pool(await c.actor("rep1"), [cust.id], "no budget")
    return {"ids": [gid("Customer", cust)]}


@case("mergeCustomers", "admin")
async def _merge_customers(c: Ctx) -> dict[str, Any]:
    from crm.orders import service as orders
    from crm.sales import service as sales
    from tests import factories
    into = await c.customer(industry=None, region=None)
    source = await c.customer(industry="Steel", region="South")
    # Everything that belongs to a customer moves with the merge: each row must say so.
    shop = await c.shop()
    rep1 = await c.actor("rep1")
    await factories.opportunity(c.world, source)
    await factories.interaction(c.world, source)
    await sales.create_task(rep1, {"title": "Visit", "customer_id": source.id})
    order = await orders.create_order(rep1, customer_id=source.id,
                                      lines=[orders.LineInput(shop.service.id, 1)])
    await orders.confirm_order(rep1, order.id)
    await orders.record_payment(await c.actor("finance"), order.id, Decimal("10"), "CNY")
    return {"intoId": gid("Customer", into), "fromId": gid("Customer", source)}


# sales -------------------------------------------------------------------------------------

@case("createLead", "rep1")
async def _create_lead(c: Ctx) -> dict[str, Any]:
    return {"name": "Wang Wu", "company": "Wang Co", "title": "Owner", "phone": "13500005555",
            "email": "wang@lead.test", "source": "fair", "notes": "Met at the fair"}


async def _lead(c: Ctx) -> Any:
    from crm.sales import service
    return await service.create_lead(await c.actor("rep1"), {
        "name": "Zhao Liu", "company": "Zhao Co", "phone": "13400006666"})


@case("updateLead", "rep1")
async def _update_lead(c: Ctx) -> dict[str, Any]:
    return {"id": gid("Lead", await _lead(c)), "name": "Zhao Qi", "company": "Zhao Ltd",
            "title": "CFO", "phone": "13400007777", "email": "zhao@lead.test", "source": "web",
            "status": "QUALIFIED", "notes": "Budget in Q3"}


@case("deleteLead", "rep1")
async def _delete_lead(c: Ctx) -> dict[str, Any]:
    return {"id": gid("Lead", await _lead(c))}


@case("restoreLead", "rep1")
async def _restore_lead(c: Ctx) -> dict[str, Any]:
    from crm.sales import service
    lead = await _lead(c)
    await service.delete_lead(await c.actor("rep1"), lead.id)
    return {"id": gid("Lead", lead)}


@case("convertLead", "rep1")
async def _convert_lead(c: Ctx) -> dict[str, Any]:
    return {"leadId": gid("Lead", await _lead(c)), "createOpportunity": True,
            "opportunityTitle": "First deal", "amount": money("5000.00"),
            "allowDuplicate": True}


@case("createOpportunity", "rep1")
async def _create_opportunity(c: Ctx) -> dict[str, Any]:
    second = sorted((s for s in c.world.stages if not (s.is_won or s.is_lost)),
                    key=lambda s: s.position)[1]
    return {"customerId": gid("Customer", await c.customer()), "title": "Big deal",
            "stageId": gid("PipelineStage", second), "amount": money("12345.67"),
            "probability": 30, "expectedCloseDate": "2030-06-30"}


async def _opportunity(c: Ctx) -> Any:
    from tests import factories
    return await factories.opportunity(c.world, await c.customer())


@case("updateOpportunity", "rep1")
async def _update_opportunity(c: Ctx) -> dict[str, Any]:
    return {"id": gid("Opportunity", await _opportunity(c)), "title": "Bigger deal",
            "amount": money("2000.50"), "probability": 60, "expectedCloseDate": "2030-07-31"}


@case("moveOpportunity", "rep1")
async def _move_opportunity(c: Ctx) -> dict[str, Any]:
    lost = next(s for s in c.world.stages if s.is_lost)
    return {"id": gid("Opportunity", await _opportunity(c)),
            "stageId": gid("PipelineStage", lost), "lostReason": "Too expensive",
            "note": "They went with a rival"}


@case("deleteOpportunity", "rep1")
async def _delete_opportunity(c: Ctx) -> dict[str, Any]:
    return {"id": gid("Opportunity", await _opportunity(c))}


@case("restoreOpportunity", "rep1")
async def _restore_opportunity(c: Ctx) -> dict[str, Any]:
    from crm.sales import service
    opp = await _opportunity(c)
    await service.delete_opportunity(await c.actor("rep1"), opp.id)
    return {"id": gid("Opportunity", opp)}


@case("logInteraction", "rep1")
async def _log_interaction(c: Ctx) -> dict[str, Any]:
    from crm.customers.models import Contact
    from tests import factories
    cust = await c.customer()
    contact = await Contact.get(customer_id=cust.id)
    opp = await factories.opportunity(c.world, cust)
    return {"customerId": gid("Customer", cust), "contactId": gid("Contact", contact),
            "opportunityId": gid("Opportunity", opp), "kind": "MEETING", "direction": "OUTBOUND",
            "occurredAt": "2026-01-05T10:00:00+00:00", "summary": "Demo went well",
            "outcome": "Wants a quote", "nextFollowUpAt": "2030-01-12T10:00:00+00:00"}


@case("createTask", "rep1")
async def _create_task(c: Ctx) -> dict[str, Any]:
    cust = await c.customer()
    return {"title": "Send quote", "description": "With the discount",
            "dueAt": "2030-02-01T09:00:00+00:00", "remindAt": "2030-01-31T09:00:00+00:00",
            "priority": "HIGH", "customerId": gid("Customer", cust)}


async def _task(c: Ctx) -> Any:
    from crm.sales import service
    return await service.create_task(await c.actor("rep1"), {"title": "Call back"})


@case("updateTask", "rep1")
async def _update_task(c: Ctx) -> dict[str, Any]:
    return {"id": gid("Task", await _task(c)), "title": "Call back today",
            "description": "About the quote", "dueAt": "2030-03-01T09:00:00+00:00",
            "remindAt": "2030-03-01T08:00:00+00:00", "priority": "URGENT", "status": "DONE"}


@case("deleteTask", "rep1")
async def _delete_task(c: Ctx) -> dict[str, Any]:
    return {"id": gid("Task", await _task(c))}


# catalogue ---------------------------------------------------------------------------------

@case("createProductLine", "admin")
async def _create_product_line(c: Ctx) -> dict[str, Any]:
    return {"name": "Software", "parentId": gid("ProductLine", (await c.shop()).line)}


@case("createProduct", "admin")
async def _create_product(c: Ctx) -> dict[str, Any]:
    shop = await c.shop()
    return {"sku": "P-9", "name": "Printer", "lineId": gid("ProductLine", shop.line),
            "unit": "box", "listPrice": money("888.88"), "costPrice": money("444.44"),
            "taxRate": "13", "trackStock": True, "active": True}


@case("updateProduct", "admin")
async def _update_product(c: Ctx) -> dict[str, Any]:
    from crm.catalogue import service
    shop = await c.shop()
    other = await service.create_product_line(await c.actor("admin"), "Spares")
    return {"id": gid("Product", shop.widget), "name": "Widget Pro", "unit": "set",
            "lineId": gid("ProductLine", other), "listPrice": money("249.99"),
            "costPrice": money("130.00"), "taxRate": "6"}


@case("setProductActive", "admin")
async def _set_product_active(c: Ctx) -> dict[str, Any]:
    return {"id": gid("Product", (await c.shop()).gadget), "active": False}


# stock -------------------------------------------------------------------------------------

@case("createWarehouse", "admin")
async def _create_warehouse(c: Ctx) -> dict[str, Any]:
    return {"code": "BJ", "name": "北京仓 Beijing", "location": "Chaoyang", "isDefault": False}


@case("receiveStock", "warehouse")
async def _receive_stock(c: Ctx) -> dict[str, Any]:
    shop = await c.shop()
    return {"productId": gid("Product", shop.widget), "warehouseId": gid("Warehouse", shop.main),
            "quantity": 7, "reason": "delivery 42"}


@case("adjustStock", "warehouse")
async def _adjust_stock(c: Ctx) -> dict[str, Any]:
    shop = await c.shop()
    return {"productId": gid("Product", shop.widget), "warehouseId": gid("Warehouse", shop.main),
            "delta": -3, "reason": "count found fewer"}


@case("transferStock", "warehouse")
async def _transfer_stock(c: Ctx) -> dict[str, Any]:
    from crm.stock import service
    shop = await c.shop()
    # The target level exists already, so the transfer changes two rows, not creates one.
    await service.receive_stock(await c.actor("admin"), shop.widget.id, shop.second.id, 1)
    return {"productId": gid("Product", shop.widget),
            "fromWarehouseId": gid("Warehouse", shop.main),
            "toWarehouseId": gid("Warehouse", shop.second), "quantity": 5, "reason": "rebalance"}


@case("setReorderRule", "warehouse")
async def _set_reorder_rule(c: Ctx) -> dict[str, Any]:
    shop = await c.shop()
    return {"productId": gid("Product", shop.widget), "warehouseId": gid("Warehouse", shop.main),
            "reorderPoint": 10, "reorderQuantity": 50}


# orders ------------------------------------------------------------------------------------

@case("createOrder", "rep1")
async def _create_order(c: Ctx) -> dict[str, Any]:
    shop = await c.shop()
    return {"customerId": gid("Customer", shop.customer), "orderedOn": "2026-01-10",
            "warehouseId": gid("Warehouse", shop.main),
            "lines": [{"productId": gid("Product", shop.widget), "quantity": 2, "discount": "10"},
                      {"productId": gid("Product", shop.gadget), "quantity": 1, "discount": "0"}],
            "contractSignedOn": "2026-01-09", "contractStart": "2026-01-10",
            "contractEnd": "2026-12-31", "terms": "Net 30",
            "attachmentUrl": "https://files.test/contract.pdf", "notes": "Rush"}


@case("updateOrder", "rep1")
async def _update_order(c: Ctx) -> dict[str, Any]:
    order = await c.order()
    return {"id": gid("Order", order), "contractSignedOn": "2026-02-01",
            "contractStart": "2026-02-02", "contractEnd": "2026-03-01", "terms": "Net 60",
            "attachmentUrl": "https://files.test/v2.pdf", "notes": "Call first"}


@case("replaceOrderLines", "rep1")
async def _replace_order_lines(c: Ctx) -> dict[str, Any]:
    order = await c.order()
    shop = await c.shop()
    return {"id": gid("Order", order),
            "lines": [{"productId": gid("Product", shop.service), "quantity": 3,
                       "discount": "5"}]}


@case("confirmOrder", "rep1")
async def _confirm_order(c: Ctx) -> dict[str, Any]:
    return {"id": gid("Order", await c.order())}


@case("cancelOrder", "rep1")
async def _cancel_order(c: Ctx) -> dict[str, Any]:
    return {"id": gid("Order", await c.order("confirmed")), "reason": "Changed their mind"}


@case("completeOrder", "admin")
async def _complete_order(c: Ctx) -> dict[str, Any]:
    return {"id": gid("Order", await c.order("delivered"))}


@case("createShipment", "warehouse")
async def _create_shipment(c: Ctx) -> dict[str, Any]:
    return {"orderId": gid("Order", await c.order("confirmed")), "carrier": "SF Express",
            "trackingNumber": "SF123456"}


@case("updateShipmentStatus", "warehouse")
async def _update_shipment_status(c: Ctx) -> dict[str, Any]:
    await c.order("shipped")
    return {"id": gid("Shipment", c.shipment), "status": "DELIVERED", "location": "Shanghai",
            "note": "Signed by reception", "occurredAt": "2026-01-20T15:00:00+00:00"}


@case("recordPayment", "finance")
async def _record_payment(c: Ctx) -> dict[str, Any]:
    return {"orderId": gid("Order", await c.order("confirmed")), "amount": money("100.00"),
            "method": "ALIPAY", "receivedOn": "2026-01-15", "reference": "ALI-778"}


@case("createReturnRequest", "admin")
async def _create_return_request(c: Ctx) -> dict[str, Any]:
    order = await c.order("delivered")
    line = await c.order_line(order)
    return {"orderId": gid("Order", order), "kind": "RETURN", "reason": "Arrived broken",
            "lines": [{"orderLineId": gid("OrderLine", line), "quantity": 1}]}


@case("approveReturn", "admin")
async def _approve_return(c: Ctx) -> dict[str, Any]:
    return {"id": gid("ReturnRequest", await c.return_request())}


@case("rejectReturn", "admin")
async def _reject_return(c: Ctx) -> dict[str, Any]:
    return {"id": gid("ReturnRequest", await c.return_request()), "reason": "Out of warranty"}


@case("receiveReturn", "warehouse")
async def _receive_return(c: Ctx) -> dict[str, Any]:
    return {"id": gid("ReturnRequest", await c.return_request("approved"))}


@case("refundReturn", "finance")
async def _refund_return(c: Ctx) -> dict[str, Any]:
    from crm.orders import service
    ret = await c.return_request("received")
    order = await service.lock_order(await c.actor("admin"), ret.order_id)
    await service.record_payment(await c.actor("finance"), order.id,
                                 Decimal(order.total_minor).scaleb(-2), "CNY")
    return {"id": gid("ReturnRequest", ret), "amount": "100.00", "method": "BANK_TRANSFER",
            "receivedOn": "2026-01-25", "reference": "REFUND-1"}


# payroll -----------------------------------------------------------------------------------

@case("createCompensationPlan", "hr")
async def _create_compensation_plan(c: Ctx) -> dict[str, Any]:
    return {"name": "Field sales", "description": "Reps on the road",
            "tiers": [{"threshold": money("0"), "rate": "0.02"},
                      {"threshold": money("50000"), "rate": "0.04"}],
            "newCustomerBonus": money("300")}


@case("updateCompensationPlan", "hr")
async def _update_compensation_plan(c: Ctx) -> dict[str, Any]:
    return {"id": gid("CompensationPlan", await c.plan()), "name": "Inside sales",
            "description": "Reps at the desk",
            "tiers": [{"threshold": money("0"), "rate": "0.05"}],
            "newCustomerBonus": money("800")}


@case("createEmployee", "hr")
async def _create_employee(c: Ctx) -> dict[str, Any]:
    plan = await c.plan()
    return {"userId": c.user("rep2"), "employeeNumber": "E-77", "department": "Sales",
            "title": "Rep", "hireDate": "2025-03-01", "baseSalary": money("15000.50"),
            "bankAccount": "6222020000000077", "socialInsuranceBase": money("12000"),
            "monthlyTaxAllowance": money("1000"),
            "compensationPlanId": gid("CompensationPlan", plan),
            "teamId": to_global_id("Team", c.world.teams["East"].id), "annualLeaveDays": 12}


@case("updateEmployee", "hr")
async def _update_employee(c: Ctx) -> dict[str, Any]:
    employee = await c.employee()
    plan = await c.plan()
    return {"id": gid("Employee", employee), "employeeNumber": "E-88", "department": "Ops",
            "title": "Lead", "status": "ON_LEAVE", "baseSalary": money("16000"),
            "bankAccount": "6222020000000088", "socialInsuranceBase": money("13000"),
            "monthlyTaxAllowance": money("1500"),
            "compensationPlanId": gid("CompensationPlan", plan),
            "teamId": to_global_id("Team", c.world.teams["West"].id), "annualLeaveDays": 15,
            "annualLeaveUsedDays": 2}


@case("updatePayrollSettings", "hr")
async def _update_payroll_settings(c: Ctx) -> dict[str, Any]:
    from crm.payroll import service
    await service.payroll_settings(await c.actor("hr"))
    return {"contributions": [{"code": "pension", "label": "Pension", "employeeRate": "0.08",
                               "employerRate": "0.16"}],
            "taxBrackets": [{"threshold": money("0"), "rate": "0.03",
                             "quickDeduction": money("0")},
                            {"threshold": money("36000"), "rate": "0.1",
                             "quickDeduction": money("2520")}],
            "monthlyBasicDeduction": money("6000"), "annualLeaveDays": 10}


@case("addPayAdjustment", "hr")
async def _add_pay_adjustment(c: Ctx) -> dict[str, Any]:
    return {"employeeId": gid("Employee", await c.employee()), "kind": "BONUS",
            "amount": money("888.00"), "year": 2026, "month": 2, "description": "Top seller"}


@case("createPayRun", "hr")
async def _create_pay_run(c: Ctx) -> dict[str, Any]:
    await c.employee()
    return {"year": 2026, "month": 3}


@case("calculatePayRun", "hr")
async def _calculate_pay_run(c: Ctx) -> dict[str, Any]:
    return {"id": gid("PayRun", await c.pay_run())}


@case("approvePayRun", "finance")
async def _approve_pay_run(c: Ctx) -> dict[str, Any]:
    return {"id": gid("PayRun", await c.pay_run("calculated"))}


@case("markPayRunPaid", "finance")
async def _mark_pay_run_paid(c: Ctx) -> dict[str, Any]:
    return {"id": gid("PayRun", await c.pay_run("approved"))}


# webhooks ----------------------------------------------------------------------------------

# `.invalid` never resolves: a test ping fails at once, without the network.
HOOK_URL = "https://hooks.invalid/crm"


async def _webhook(c: Ctx) -> Any:
    from crm.webhooks import service
    from crm.webhooks.events import EventType
    endpoint, _secret = await service.create_endpoint(
        await c.actor("admin"), HOOK_URL, [EventType.CUSTOMER_CREATED], "Partner")
    return endpoint


@case("createWebhookEndpoint", "admin")
async def _create_webhook_endpoint(c: Ctx) -> dict[str, Any]:
    return {"url": HOOK_URL, "eventTypes": ["ORDER_PAID", "CUSTOMER_CREATED"],
            "description": "ERP"}


@case("updateWebhookEndpoint", "admin")
async def _update_webhook_endpoint(c: Ctx) -> dict[str, Any]:
    endpoint = await _webhook(c)
    return {"id": gid("WebhookEndpoint", endpoint), "url": HOOK_URL + "/v2",
            "eventTypes": ["ORDER_SHIPPED"], "description": "ERP v2", "enabled": False}


@case("rotateWebhookSecret", "admin")
async def _rotate_webhook_secret(c: Ctx) -> dict[str, Any]:
    return {"id": gid("WebhookEndpoint", await _webhook(c))}


@case("deleteWebhookEndpoint", "admin")
async def _delete_webhook_endpoint(c: Ctx) -> dict[str, Any]:
    return {"id": gid("WebhookEndpoint", await _webhook(c))}


@case("redeliverWebhook", "admin")
async def _redeliver_webhook(c: Ctx) -> dict[str, Any]:
    from crm.webhooks.models import WebhookDelivery
    endpoint = await _webhook(c)
    await c.customer("rep1", name="Hooked")
    delivery = await WebhookDelivery.get(endpoint_id=endpoint.id)
    return {"id": gid("WebhookDelivery", delivery)}


@case("testWebhookEndpoint", "admin")
async def _test_webhook_endpoint(c: Ctx) -> dict[str, Any]:
    return {"id": gid("WebhookEndpoint", await _webhook(c))}


# workflows ---------------------------------------------------------------------------------

def _flow_input(c: Ctx) -> dict[str, Any]:
    return {"name": "Welcome", "description": "Greets", "objectType": "CUSTOMER",
            "trigger": {"type": "created"}, "enabled": True,
            "actions": [{"type": "create_task", "title": "Call {record}", "dueInDays": 1}]}


async def _flow(c: Ctx) -> Any:
    from crm.automation import service
    return await service.create_workflow(await c.actor("admin"), service.Definition(
        "Flow", "", "Customer", {"type": "created"}, None,
        [{"type": "notify", "to": ["record_owner"], "title": "t"}]))


@case("createWorkflow", "admin")
async def _create_workflow(c: Ctx) -> dict[str, Any]:
    return _flow_input(c)


@case("updateWorkflow", "admin")
async def _update_workflow(c: Ctx) -> dict[str, Any]:
    return {"id": gid("Workflow", await _flow(c)), "name": "Renamed", "description": "New",
            "objectType": "LEAD", "trigger": {"type": "updated"},
            "condition": {"name": {"contains": "x"}}, "ownerId": c.user("manager"),
            "actions": [{"type": "create_task", "title": "t"}]}


@case("setWorkflowEnabled", "admin")
async def _set_workflow_enabled(c: Ctx) -> dict[str, Any]:
    return {"id": gid("Workflow", await _flow(c)), "enabled": True}


@case("deleteWorkflow", "admin")
async def _delete_workflow(c: Ctx) -> dict[str, Any]:
    return {"id": gid("Workflow", await _flow(c))}
# lifecycle ---------------------------------------------------------------------------------

@case("updateLifecycleSettings", "admin")
async def _update_lifecycle_settings(c: Ctx) -> dict[str, Any]:
    return {"atRiskDays": 30, "churnedDays": 100, "loyalOrders": 2, "gradeA": 80,
            "enabled": False}


@case("setLeadScoringRules", "manager")
async def _set_lead_scoring_rules(c: Ctx) -> dict[str, Any]:
    from crm.lifecycle import service
    from crm.lifecycle.models import ScoringField, ScoringKind, ScoringOperator
    # Rules of its own already, so the new set replaces them.
    await service.set_scoring_rules(await c.actor("admin"), [service.RuleInput(
        ScoringKind.FIELD, 5, ScoringField.SOURCE, ScoringOperator.EQUALS, "web")])
    return {"rules": [{"kind": "FIELD", "field": "TITLE", "operator": "CONTAINS",
                       "value": "CEO", "points": 30},
                      {"kind": "INTERACTIONS", "points": 5, "maxPoints": 20}]}


# --- the checks -------------------------------------------------------------------------------

def mutation_fields() -> set[str]:
    return set(get_schema()._schema.type_map["Mutation"].fields)


def mutation_text(name: str) -> str:
    gfield = get_schema()._schema.type_map["Mutation"].fields[name]
    input_type = get_named_type(gfield.args["input"].type).name
    # A bulk payload reports each item's failure apart from the operation's errors.
    failed = "failed" if "failed" in get_named_type(gfield.type).fields else ""
    return (f"mutation($input: {input_type}!) {{ {name}(input: $input) {{ {failed} "
            "errors { code field message } } }")


def test_every_mutation_has_a_case():
    fields = mutation_fields()
    assert sorted(fields - set(CASES) - set(EXEMPT)) == [], "mutations with no audit case"
    assert sorted((set(CASES) | set(EXEMPT)) - fields) == [], "cases of no mutation"
    assert not set(CASES) & set(EXEMPT)
    assert all(reason.strip() for reason in EXEMPT.values())


async def _perform(world: World, who: str, name: str, variables: dict[str, Any]
                   ) -> dict[str, Any]:
    resp = await world.client.post(
        "/graphql", json={"query": mutation_text(name), "variables": {"input": variables}},
        headers={"Authorization": f"Bearer {world.tokens[who]}"})
    return {"status": resp.status_code, "body": resp.json() if resp.content else {}}


class InjectedFailure(RuntimeError):
    pass

# --- approvals -------------------------------------------------------------------------------

_RULE_INPUT = {"name": "Big orders", "kind": "ORDER_AMOUNT",
               "threshold": {"amount": "500", "currency": "CNY"},
               "steps": [{"by": "ROLE", "role": "sales_manager"}]}


async def _approval_rule(c: Ctx) -> Any:
    from decimal import Decimal as D

    from crm.approvals import service as approvals
    from crm.approvals.models import ApproverSource, RuleKind
    return await approvals.create_rule(await c.actor("admin"), approvals.RuleSpec(
        name="Big orders", kind=RuleKind.ORDER_AMOUNT, threshold=(D("500"), "CNY"),
        steps=[approvals.StepSpec(by=ApproverSource.ROLE, role="sales_manager")]))


async def _held_request(c: Ctx) -> str:
    """rep1's order of 1000 CNY, held by a rule on orders over 500 CNY."""
    from crm.approvals import service as approvals
    from crm.orders import service as orders
    from crm.orders.service import LineInput
    from crm.orders.service.lifecycle import confirmation_to_approve
    await _approval_rule(c)
    shop = await c.shop()
    rep = await c.actor("rep1")
    order = await orders.create_order(rep, customer_id=shop.customer.id,
                                      lines=[LineInput(shop.service.id, 1)])
    refusal = await approvals.guard(rep, await confirmation_to_approve(order))
    assert refusal is not None and refusal.params is not None
    return str(refusal.params["request"])


@case("createApprovalRule", "admin")
async def _create_approval_rule(c: Ctx) -> dict[str, Any]:
    return dict(_RULE_INPUT)


@case("updateApprovalRule", "admin")
async def _update_approval_rule(c: Ctx) -> dict[str, Any]:
    rule = await _approval_rule(c)
    return {**_RULE_INPUT, "id": gid("ApprovalRule", rule), "enabled": False}


@case("deleteApprovalRule", "admin")
async def _delete_approval_rule(c: Ctx) -> dict[str, Any]:
    return {"id": gid("ApprovalRule", await _approval_rule(c))}


@case("restoreApprovalRule", "admin")
async def _restore_approval_rule(c: Ctx) -> dict[str, Any]:
    from crm.approvals import service as approvals
    rule = await _approval_rule(c)
    await approvals.delete_rule(await c.actor("admin"), rule.id)
    return {"id": gid("ApprovalRule", rule)}


@case("approve", "manager",
      known_gap="approvals: the decision, waiting-approver and notification rows a decision writes or deletes, and the pending key it clears, have no audit events of their own (only the request's status and step are audited)")
async def _approve(c: Ctx) -> dict[str, Any]:
    return {"id": await _held_request(c), "comment": "ok"}


@case("reject", "manager",
      known_gap="approvals: the decision, waiting-approver and notification rows a decision writes or deletes, and the pending key it clears, have no audit events of their own (only the request's status and step are audited)")
async def _reject(c: Ctx) -> dict[str, Any]:
    return {"id": await _held_request(c), "comment": "too cheap"}


@case("cancelApprovalRequest", "rep1",
      known_gap="approvals: the decision, waiting-approver and notification rows a decision writes or deletes, and the pending key it clears, have no audit events of their own (only the request's status and step are audited)")
async def _cancel_approval_request(c: Ctx) -> dict[str, Any]:
    return {"id": await _held_request(c)}



@pytest.mark.parametrize("name", sorted(CASES))
async def test_the_mutation_audits_every_changed_column_and_rolls_back_with_it(
        world: World, name: str, monkeypatch: pytest.MonkeyPatch):
    spec = CASES[name]
    ctx = Ctx(world)
    variables = await spec.make_input(ctx)
    ws = world.workspace.id
    # Payroll settings are made with their defaults on first use, by reads as well as writes:
    # they exist before any mutation here, as they do in a workspace that was ever looked at.
    from crm.payroll.service import ensure_settings
    await ensure_settings(ws)
    everything = workspace_models()

    # 1. The write fails right after its first audit row is written, then after its second,
    # and so on: nothing of it may persist, wherever in the write its events are (an event
    # written after the commit would outlive the failure, or its write would).
    real_create = AuditEvent.create.__func__  # type: ignore[attr-defined]
    written: list[uuid.UUID] = []
    fail_at = 1

    async def create_then_fail(cls: type, *args: Any, **kwargs: Any) -> Any:
        event = await real_create(cls, *args, **kwargs)
        written.append(event.id)
        if len(written) == fail_at:
            raise InjectedFailure("the write failed after its audit row was written")
        return event

    all_before, before_events = await read_rows(ws, everything), await audit_ids(ws)
    monkeypatch.setattr(AuditEvent, "create", classmethod(create_then_fail))
    while True:
        written.clear()
        result = await _perform(world, spec.who, name, variables)
        if len(written) < fail_at:
            break  # no event left to fail after: the write went through, checked below
        body = result["body"]
        payload = (body.get("data") or {}).get(name)
        assert body.get("errors") or (payload and payload["errors"]), (
            f"{name}: the client was told it succeeded (failed at event {fail_at})", result)
        assert await audit_ids(ws) == before_events, (
            f"{name}: audit event {fail_at} outlived its failed write")
        after_failure = await read_rows(ws, everything)
        assert after_failure == all_before, (
            f"{name}: the write outlived its audit event {fail_at}, which failed",
            sorted({k[0] for k in after_failure.keys() ^ all_before.keys()}
                   | {k[0] for k in after_failure if after_failure[k] != all_before.get(k)}))
        fail_at += 1
    monkeypatch.undo()
    assert fail_at > 1, f"{name} wrote no audit event"

    # 2. The write succeeded: every changed column is in its audit events, old and new.
    assert result["status"] == 200 and not result["body"].get("errors"), result
    payload = result["body"]["data"][name]
    assert payload["errors"] == [] and not payload.get("failed"), payload
    after = await read_rows(ws, everything)
    assert await audit_ids(ws) - before_events == set(written)
    # In the order they were written (the last run wrote them through the wrapper, which
    # failed none): timestamps may tie.
    stored = {e.id: e for e in await AuditEvent.filter(id__in=written)}
    events = [stored[pk] for pk in written]
    assert (after.keys() ^ all_before.keys()) - {("AuditEvent", e.id) for e in events} or any(
        after[k] != v for k, v in all_before.items() if k in after), f"{name} changed nothing"
    problems = check_trail(all_before, after, events)
    if spec.known_gap and problems:
        pytest.xfail(f"known gap: {spec.known_gap}: {problems}")
    assert problems == [], "; ".join(problems)



# --- notifications and jobs ----------------------------------------------------------------------

@case("markNotificationsRead", "rep1")
async def _mark_notifications_read(c: Ctx) -> dict[str, Any]:
    from crm.collaboration import service as collaboration
    from crm.collaboration.models import Notification
    await collaboration.notify(c.world.workspace.id, [c.world.users["rep1"].id], kind="test",
                               title="Call back Acme")
    note = await Notification.filter(user_id=c.world.users["rep1"].id).order_by(
        "-created_at").first()
    assert note is not None
    return {"ids": [gid("Notification", note)]}


@jobs_task("tests.audit_fails", retries=0)
async def _fails(**_: Any) -> None:
    raise RuntimeError("the receiving system is down")


@case("retryJob", "admin")
async def _retry_job(c: Ctx) -> dict[str, Any]:
    from crm.core import jobs
    from crm.core.models import Job
    await jobs.defer("tests.audit_fails", workspace_id=str(c.world.workspace.id))
    await jobs.run_pending()
    dead = await Job.filter(workspace_id=c.world.workspace.id,
                            task_name="tests.audit_fails").order_by("-created_at").first()
    assert dead is not None
    return {"id": gid("Job", dead)}
