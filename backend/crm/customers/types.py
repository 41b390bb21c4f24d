"""GraphQL types of customers, contacts and tags."""

from __future__ import annotations

import datetime as dt
import uuid
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from strawberry.types import Info

from crm.auth.loaders import team_loader, user_loader
from crm.auth.types import AuditEvent, Team, User, audit_history
from crm.core.connections import Connection, SortDirection
from crm.core.errors import UserError
from crm.core.filters import (
    BooleanFilter,
    DateTimeFilter,
    IDFilter,
    StringFilter,
    enum_filter,
)
from crm.core.graphql import Node, actor_of, node_type, require_visible
from crm.core.money import Money
from crm.customers import models
from crm.customers.loaders import contacts_loader, tags_loader

if TYPE_CHECKING:
    from crm.orders.types import Order
    from crm.sales.types import Interaction, Opportunity, Task, TimelineEntry

CustomerKind = models.CustomerKind
strawberry.enum(CustomerKind, name="CustomerKind")
LifecycleStage = models.LifecycleStage
strawberry.enum(LifecycleStage, name="LifecycleStage")
CustomerLevel = models.CustomerLevel
strawberry.enum(CustomerLevel, name="CustomerLevel", description="A = most important")

SalesLazy = "crm.sales.types"
OrdersLazy = "crm.orders.types"


async def _fetch_customers(actor: Any, ids: list[uuid.UUID]) -> dict[uuid.UUID, Any]:
    from crm.customers.service import customers_by_ids
    return await customers_by_ids(actor, ids)


async def _fetch_contacts(actor: Any, ids: list[uuid.UUID]) -> dict[uuid.UUID, Any]:
    from crm.core.scoping import scoped
    return {c.id: c for c in await scoped(models.Contact, actor, include_pool=True).filter(id__in=ids)}


async def _fetch_tags(actor: Any, ids: list[uuid.UUID]) -> dict[uuid.UUID, Any]:
    from crm.core.scoping import scoped
    return {t.id: t for t in await scoped(models.Tag, actor).filter(id__in=ids)}


@node_type(models.Tag, _fetch_tags)
@strawberry.type(description="A custom label on customers, e.g. 重点客户.")
class Tag(Node):
    name: str
    color: str
    group: str | None
    version: int
    created_at: dt.datetime
    deleted_at: dt.datetime | None


@node_type(models.Contact, _fetch_contacts)
@strawberry.type(description="A person at a customer.")
class Contact(Node):
    name: str
    title: str | None
    phone: str | None
    email: str | None
    im_handle: str | None = strawberry.field(description="WeChat, QQ, DingTalk or similar.")
    is_primary: bool
    version: int
    created_at: dt.datetime
    updated_at: dt.datetime
    deleted_at: dt.datetime | None

    @strawberry.field
    async def customer(self, root: strawberry.Parent[Any], info: Info) -> Customer | None:
        from crm.customers.loaders import customer_loader
        return require_visible(info, "Customer", await customer_loader(info).load(root.customer_id))


@node_type(models.Customer, _fetch_customers)
@strawberry.type(description="A company or a person we sell to (客户).")
class Customer(Node):
    name: str
    kind: CustomerKind
    industry: str | None
    region: str | None
    address: str | None
    phone: str | None
    email: str | None
    source: str | None
    lifecycle_stage: LifecycleStage
    level: CustomerLevel
    in_pool: bool = strawberry.field(description="In the public pool (公海), owned by nobody.")
    last_follow_up_at: dt.datetime | None
    next_follow_up_at: dt.datetime | None
    version: int
    created_at: dt.datetime
    updated_at: dt.datetime
    deleted_at: dt.datetime | None

    @strawberry.field
    async def owner(self, root: strawberry.Parent[Any], info: Info) -> User | None:
        if root.owner_id is None:
            return None
        return require_visible(info, "User", await user_loader(info).load(root.owner_id))

    @strawberry.field
    async def team(self, root: strawberry.Parent[Any], info: Info) -> Team | None:
        if root.team_id is None:
            return None
        return require_visible(info, "Team", await team_loader(info).load(root.team_id))

    @strawberry.field
    async def tags(self, root: strawberry.Parent[Any], info: Info) -> list[Tag]:
        return await tags_loader(info).load(root.id)

    @strawberry.field
    async def contacts(self, root: strawberry.Parent[Any], info: Info) -> list[Contact]:
        return await contacts_loader(info).load(root.id)

    @strawberry.field(description="The customer's opportunities; `openOnly` skips won and lost.")
    async def opportunities(
        self, root: strawberry.Parent[Any], info: Info, open_only: bool = False
    ) -> list[Annotated[Opportunity, strawberry.lazy(SalesLazy)]]:
        from crm.sales.loaders import opportunities_of_customer_loader
        actor = actor_of(info)
        rows = await opportunities_of_customer_loader(info, open_only).load(root.id)
        return [r for r in rows if actor.can_read_row("Opportunity", r)]

    @strawberry.field(description="The latest follow-up (跟进记录).")
    async def last_interaction(self, root: strawberry.Parent[Any], info: Info
                               ) -> Annotated[Interaction, strawberry.lazy(SalesLazy)] | None:
        from crm.sales.loaders import interaction_loader
        if root.last_interaction_id is None:
            return None
        return await interaction_loader(info).load(root.last_interaction_id)

    @strawberry.field(description="Tasks about this customer.")
    async def tasks(self, root: strawberry.Parent[Any], info: Info, open_only: bool = False
                    ) -> list[Annotated[Task, strawberry.lazy(SalesLazy)]]:
        from crm.sales.loaders import tasks_of_customer_loader
        actor = actor_of(info)
        rows = await tasks_of_customer_loader(info, open_only).load(root.id)
        return [r for r in rows if actor.can_read_row("Task", r)]

    @strawberry.field(description="Interactions, stage changes and changes, newest first.")
    async def timeline(
        self, root: strawberry.Parent[Any], info: Info, first: int | None = 20,
        after: str | None = None,
    ) -> Connection[Annotated[TimelineEntry, strawberry.lazy(SalesLazy)]]:
        from crm.sales.service import customer_timeline
        return await customer_timeline(actor_of(info), root, first=first, after=after)

    @strawberry.field(description="Changes to this customer's fields, newest first.")
    async def history(self, root: strawberry.Parent[Any], info: Info, first: int | None = 20,
                      after: str | None = None) -> Connection[AuditEvent]:
        return await audit_history(actor_of(info), "Customer", root, first=first, after=after)

    # --- orders (crm.orders) ---
    @strawberry.field(description="The customer's orders you may see, newest first.")
    async def orders(self, root: strawberry.Parent[Any], info: Info
                     ) -> list[Annotated[Order, strawberry.lazy(OrdersLazy)]]:
        from crm.orders.loaders import orders_of_customer_loader
        actor = actor_of(info)
        return [o for o in await orders_of_customer_loader(info).load(root.id)
                if actor.can_read_row("Order", o)]

    @strawberry.field(description="Money collected from the customer, net of refunds, per "
                      "currency.")
    async def lifetime_value(self, root: strawberry.Parent[Any], info: Info) -> list[Money] | None:
        from crm.orders.loaders import customer_stats_loader
        stats = await customer_stats_loader(info).load(root.id)
        return [Money.of(m, c) for m, c in stats.lifetime]  # type: ignore[misc]

    @strawberry.field(description="When the customer last placed an order (not cancelled).")
    async def last_order_at(self, root: strawberry.Parent[Any], info: Info) -> dt.datetime | None:
        from crm.orders.loaders import customer_stats_loader
        return (await customer_stats_loader(info).load(root.id)).last_order_at


# --- inputs -----------------------------------------------------------------------------------

@strawberry.input
class ContactFields:
    name: str
    title: str | None = None
    phone: str | None = None
    email: str | None = None
    im_handle: str | None = None
    is_primary: bool = False


@strawberry.input
class CreateCustomerInput:
    id: strawberry.ID | None = strawberry.field(
        default=None, description="A UUID chosen by the client (offline creation, retries).")
    name: str
    kind: CustomerKind = models.CustomerKind.COMPANY
    industry: str | None = None
    region: str | None = None
    address: str | None = None
    phone: str | None = None
    email: str | None = None
    source: str | None = None
    lifecycle_stage: LifecycleStage = models.LifecycleStage.PROSPECT
    level: CustomerLevel = models.CustomerLevel.C
    owner_id: strawberry.ID | None = None
    tag_ids: list[strawberry.ID] = strawberry.field(default_factory=list)
    contacts: list[ContactFields] = strawberry.field(default_factory=list)
    allow_duplicate: bool = strawberry.field(
        default=False, description="Create even when a customer with the same name, phone or "
        "email exists.")


@strawberry.input
class UpdateCustomerInput:
    id: strawberry.ID
    expected_version: int | None = None
    name: str | None = strawberry.UNSET
    kind: CustomerKind | None = strawberry.UNSET
    industry: str | None = strawberry.UNSET
    region: str | None = strawberry.UNSET
    address: str | None = strawberry.UNSET
    phone: str | None = strawberry.UNSET
    email: str | None = strawberry.UNSET
    source: str | None = strawberry.UNSET
    lifecycle_stage: LifecycleStage | None = strawberry.UNSET
    level: CustomerLevel | None = strawberry.UNSET
    next_follow_up_at: dt.datetime | None = strawberry.UNSET


@strawberry.input
class IdInput:
    id: strawberry.ID


@strawberry.input
class CreateContactInput:
    id: strawberry.ID | None = None
    customer_id: strawberry.ID
    name: str
    title: str | None = None
    phone: str | None = None
    email: str | None = None
    im_handle: str | None = None
    is_primary: bool = False


@strawberry.input
class UpdateContactInput:
    id: strawberry.ID
    expected_version: int | None = None
    name: str | None = strawberry.UNSET
    title: str | None = strawberry.UNSET
    phone: str | None = strawberry.UNSET
    email: str | None = strawberry.UNSET
    im_handle: str | None = strawberry.UNSET
    is_primary: bool | None = strawberry.UNSET


@strawberry.input
class CreateTagInput:
    id: strawberry.ID | None = None
    name: str
    color: str = "blue"
    group: str | None = None


@strawberry.input
class UpdateTagInput:
    id: strawberry.ID
    expected_version: int | None = None
    name: str | None = strawberry.UNSET
    color: str | None = strawberry.UNSET
    group: str | None = strawberry.UNSET


@strawberry.input
class TagCustomersInput:
    customer_ids: list[strawberry.ID]
    tag_ids: list[strawberry.ID]


@strawberry.input
class TransferCustomersInput:
    ids: list[strawberry.ID]
    to_owner_id: strawberry.ID
    reason: str


@strawberry.input
class ReleaseToPoolInput:
    ids: list[strawberry.ID]
    reason: str | None = None


@strawberry.input
class ClaimFromPoolInput:
    ids: list[strawberry.ID]


@strawberry.input
class MergeCustomersInput:
    into_id: strawberry.ID
    from_id: strawberry.ID


# --- payloads ---------------------------------------------------------------------------------

@strawberry.type
class CustomerPayload:
    customer: Customer | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)
    duplicates: list[Customer] = strawberry.field(
        default_factory=list, description="The customers a DUPLICATE error matched.")


@strawberry.type
class ContactPayload:
    contact: Contact | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class TagPayload:
    tag: Tag | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type(description="The outcome for one customer of a bulk operation.")
class CustomerResult:
    id: strawberry.ID
    ok: bool
    customer: Customer | None
    errors: list[UserError]


@strawberry.type
class BulkCustomersPayload:
    results: list[CustomerResult]
    succeeded: int
    failed: int
    errors: list[UserError] = strawberry.field(default_factory=list)


# --- filters ----------------------------------------------------------------------------------

@strawberry.input(description="Match customers having a contact like this.")
class ContactMatch:
    name: StringFilter | None = strawberry.UNSET
    title: StringFilter | None = strawberry.UNSET
    phone: StringFilter | None = strawberry.UNSET
    email: StringFilter | None = strawberry.UNSET


@strawberry.input(description="Match customers having an opportunity like this.")
class OpportunityMatch:
    stage: IDFilter | None = strawberry.UNSET
    is_open: BooleanFilter | None = strawberry.UNSET
    title: StringFilter | None = strawberry.UNSET


@strawberry.input
class CustomerFilter:
    search: str | None = strawberry.field(
        default=strawberry.UNSET, description="Text in the name or a contact's name.")
    name: StringFilter | None = strawberry.UNSET
    kind: enum_filter(models.CustomerKind) | None = strawberry.UNSET  # type: ignore[valid-type]
    industry: StringFilter | None = strawberry.UNSET
    region: StringFilter | None = strawberry.UNSET
    source: StringFilter | None = strawberry.UNSET
    phone: StringFilter | None = strawberry.UNSET
    email: StringFilter | None = strawberry.UNSET
    lifecycle_stage: enum_filter(models.LifecycleStage) | None = strawberry.UNSET  # type: ignore[valid-type]
    level: enum_filter(models.CustomerLevel) | None = strawberry.UNSET  # type: ignore[valid-type]
    owner: IDFilter | None = strawberry.UNSET
    team: IDFilter | None = strawberry.UNSET
    in_pool: BooleanFilter | None = strawberry.UNSET
    tags_any: list[strawberry.ID] | None = strawberry.field(
        default=strawberry.UNSET, description="Has at least one of these tags.")
    tags_all: list[strawberry.ID] | None = strawberry.field(
        default=strawberry.UNSET, description="Has every one of these tags.")
    created_at: DateTimeFilter | None = strawberry.UNSET
    updated_at: DateTimeFilter | None = strawberry.UNSET
    last_follow_up_at: DateTimeFilter | None = strawberry.UNSET
    next_follow_up_at: DateTimeFilter | None = strawberry.UNSET
    contact: ContactMatch | None = strawberry.UNSET
    opportunity: OpportunityMatch | None = strawberry.UNSET
    and_: list[CustomerFilter] | None = strawberry.field(name="and", default=strawberry.UNSET)
    or_: list[CustomerFilter] | None = strawberry.field(name="or", default=strawberry.UNSET)
    not_: CustomerFilter | None = strawberry.field(name="not", default=strawberry.UNSET)


@strawberry.enum(name="CustomerSortField")
class CustomerSort(Enum):
    NAME = "name"
    CREATED_AT = "createdAt"
    UPDATED_AT = "updatedAt"
    LEVEL = "level"


@strawberry.input
class CustomerOrder:
    field: CustomerSort
    direction: SortDirection = SortDirection.ASC
