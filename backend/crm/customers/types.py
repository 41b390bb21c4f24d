"""GraphQL types of customers, contacts and tags."""

from __future__ import annotations

import datetime as dt
from typing import Any

import strawberry

from crm.auth.types import AuditEvent, Team, User, history
from crm.core.connections import Connection, SortKey
from crm.core.errors import UserError
from crm.core.filters import (
    FilterSpec,
    SortSpec,
    choice,
    custom,
    flag_filter,
    ref,
    related,
    text,
    when,
)
from crm.core.graphql import Node, node_type
from crm.core.relations import many_to_many, to_many, to_one
from crm.customers import models

CustomerKind = models.CustomerKind
strawberry.enum(CustomerKind, name="CustomerKind", description="A company or a person.")
LifecycleStage = models.LifecycleStage
strawberry.enum(LifecycleStage, name="LifecycleStage",
                description="Where the customer is in its life with us.")
CustomerLevel = models.CustomerLevel
strawberry.enum(CustomerLevel, name="CustomerLevel", description="A = most important")


@node_type(models.Tag)
@strawberry.type(description="A custom label on customers, e.g. 重点客户.")
class Tag(Node):
    name: str = strawberry.field(description="The label, unique in the workspace.")
    color: str = strawberry.field(description="An antd colour name or a #rrggbb value.")
    group: str | None = strawberry.field(description="Tags of one group are shown together.")
    version: int = strawberry.field(description="Increases with every change (send it back as "
                                    "expectedVersion).")
    created_at: dt.datetime = strawberry.field(description="When it was made.")
    deleted_at: dt.datetime | None = strawberry.field(description="Set while it is deleted.")


@node_type(models.Contact)
@strawberry.type(description="A person at a customer.")
class Contact(Node):
    name: str = strawberry.field(description="Full name.")
    title: str | None = strawberry.field(description="Job title.")
    phone: str | None = strawberry.field(description="Phone number.")
    email: str | None = strawberry.field(description="Email address.")
    im_handle: str | None = strawberry.field(description="WeChat, QQ, DingTalk or similar.")
    is_primary: bool = strawberry.field(description="The customer's main contact.")
    version: int = strawberry.field(description="Increases with every change.")
    created_at: dt.datetime = strawberry.field(description="When it was made.")
    updated_at: dt.datetime = strawberry.field(description="When it last changed.")
    deleted_at: dt.datetime | None = strawberry.field(description="Set while it is deleted.")
    customer: Customer | None = to_one("customer_id", description="Whom they work for.")


@node_type(models.Customer)
@strawberry.type(description="A company or a person we sell to (客户).")
class Customer(Node):
    name: str = strawberry.field(description="The company's or the person's name.")
    kind: CustomerKind = strawberry.field(description="A company or a person.")
    industry: str | None = strawberry.field(description="The customer's trade.")
    region: str | None = strawberry.field(description="Province, city or sales region.")
    address: str | None = strawberry.field(description="Postal address.")
    phone: str | None = strawberry.field(description="Main phone number.")
    email: str | None = strawberry.field(description="Main email address.")
    source: str | None = strawberry.field(description="Where the customer came from.")
    lifecycle_stage: LifecycleStage = strawberry.field(description="Prospect, customer, ...")
    level: CustomerLevel = strawberry.field(description="How important the customer is.")
    in_pool: bool = strawberry.field(description="In the public pool (公海), owned by nobody.")
    last_follow_up_at: dt.datetime | None = strawberry.field(
        description="When someone last followed up.")
    next_follow_up_at: dt.datetime | None = strawberry.field(
        description="When the next follow-up is due.")
    version: int = strawberry.field(description="Increases with every change.")
    created_at: dt.datetime = strawberry.field(description="When it was made.")
    updated_at: dt.datetime = strawberry.field(description="When it last changed.")
    deleted_at: dt.datetime | None = strawberry.field(description="Set while it is deleted.")
    owner: User | None = to_one("owner_id", description="The rep who follows the customer up.")
    team: Team | None = to_one("team_id", description="The owner's team when it was assigned.")
    tags: list[Tag] = many_to_many(models.CustomerTag, "customer_id", "tag_id", order_by=["name"],
                                   size=5, description="Its tags, by name.")
    contacts: list[Contact] = to_many("customer_id", order_by=["-is_primary", "name"], size=5,
                                      description="Its contacts, the primary one first.")
    history: Connection[AuditEvent] = history("customer")


# --- inputs -----------------------------------------------------------------------------------

@strawberry.input
class ContactFieldsInput:
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
    contacts: list[ContactFieldsInput] = strawberry.field(default_factory=list)
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


@strawberry.type(description="What a bulk operation on customers did, customer by customer.")
class BulkCustomersPayload:
    results: list[CustomerResult] = strawberry.field(
        default_factory=list, description="One result per customer asked for, in order.")
    succeeded: int = strawberry.field(default=0, description="How many succeeded.")
    failed: int = strawberry.field(default=0, description="How many failed.")
    errors: list[UserError] = strawberry.field(
        default_factory=list, description="Errors that stopped the whole operation.")


# --- filters ---------------------------------------------------------------------------------

CONTACT_FILTER = FilterSpec("Contact", [text("name"), text("title"), text("phone"), text("email")],
                            "ContactFilter", __name__, "Match contacts like this.")


def _search_q(value: str, _actor: Any) -> Any:
    from crm.customers.service import customer_search_q
    return customer_search_q(value)


def _tags_q(every: bool) -> Any:
    def build(value: list[strawberry.ID], _actor: Any) -> Any:
        from crm.core.ids import decode_ids
        from crm.customers.service import customers_tagged_q
        return customers_tagged_q(decode_ids([str(v) for v in value], "Tag", "tags"), every=every)
    return build


CUSTOMER_FILTER = FilterSpec("Customer", [
    custom("search", str, _search_q, policy="name",
           description="Text in the name or a contact's name."),
    text("name"), choice("kind", models.CustomerKind), text("industry"), text("region"),
    text("source"), text("phone"), text("email"),
    choice("lifecycle_stage", models.LifecycleStage), choice("level", models.CustomerLevel),
    ref("owner", "User"), ref("team", "Team"), flag_filter("in_pool"),
    custom("tags_any", list[strawberry.ID], _tags_q(every=False), policy="tags",
           description="Has at least one of these tags."),
    custom("tags_all", list[strawberry.ID], _tags_q(every=True), policy="tags",
           description="Has every one of these tags."),
    when("created_at"), when("updated_at"), when("last_follow_up_at"), when("next_follow_up_at"),
    related("contact", CONTACT_FILTER, models.Contact, "customer_id", policy="contacts",
            description="Has a contact like this."),
], "CustomerFilter", __name__, "Which customers to list.")

CUSTOMER_SORT = SortSpec("Customer", {
    "NAME": ("name", "name"), "CREATED_AT": ("created_at", "createdAt"),
    "UPDATED_AT": ("updated_at", "updatedAt"), "LEVEL": ("level", "level"),
    "LAST_FOLLOW_UP_AT": ("last_follow_up_at", "lastFollowUpAt"),
    "NEXT_FOLLOW_UP_AT": ("next_follow_up_at", "nextFollowUpAt"),
}, [SortKey("updated_at", descending=True)], "CustomerSort", __name__)
