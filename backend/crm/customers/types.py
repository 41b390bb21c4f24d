"""GraphQL types of customers, contacts and tags."""

from __future__ import annotations

import datetime as dt
from typing import Any

import strawberry

from crm.auth.types import AuditEvent, Team, User, history
from crm.core.connections import Connection, SortKey
from crm.core.enums import public_enum
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
from crm.core.payloads import errors_field, result_field
from crm.core.relations import many_to_many, to_many, to_one
from crm.customers import models

# An alias of the model's enum, not public_enum's result: mypy takes only an alias as a type.
CustomerKind = models.CustomerKind
public_enum(
    CustomerKind, name="CustomerKind", description="Whether a customer is an "
    "organisation or a private individual.",
    values={"COMPANY": "A company or other organisation (企业客户); its people are contacts.",
            "PERSON": "A private individual (个人客户)."})
LifecycleStage = models.LifecycleStage
public_enum(
    LifecycleStage, name="LifecycleStage",
    description="Where the customer is in its life with us (客户阶段); set by people, and "
    "moved by the workspace's lifecycle rules (see lifecycleSettings).",
    values={"PROSPECT": "Known to us, interest not yet shown (潜在客户).",
            "LEAD": "Has shown interest and is being qualified.",
            "OPPORTUNITY": "A deal with it is being worked.",
            "CUSTOMER": "Has bought from us (成交客户).",
            "LOYAL": "Buys again and again (忠诚客户).",
            "AT_RISK": "Bought before, but no order and no interaction for a while (流失预警).",
            "CHURNED": "Has stopped buying from us (流失客户)."})
CustomerLevel = models.CustomerLevel
public_enum(
    CustomerLevel, name="CustomerLevel",
    description="How important a customer is to us (客户等级), from A (most) to D (least).",
    values={"A": "Key account: the most important customers (重点客户).",
            "B": "Important customers.",
            "C": "Ordinary customers; new customers start here.",
            "D": "The least important customers."})


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

_CLIENT_ID = "A UUID chosen by the client (offline creation, retries): sending it again returns " \
    "the record the first call made instead of a second one."


@strawberry.input(description="A contact made together with a new customer.")
class ContactFieldsInput:
    name: str = strawberry.field(description="Full name, at most 120 characters.")
    title: str | None = strawberry.field(default=None, description="Job title, e.g. 采购经理.")
    phone: str | None = strawberry.field(default=None, description="Phone number.")
    email: str | None = strawberry.field(default=None,
                                         description="Email address; stored in lower case.")
    im_handle: str | None = strawberry.field(
        default=None, description="WeChat, QQ, DingTalk or similar account name.")
    is_primary: bool = strawberry.field(
        default=False, description="The customer's main contact; a later primary one takes "
        "the mark from an earlier one.")


@strawberry.input(description="A new customer (客户), optionally with its tags and contacts. "
                  "It is owned by ownerId, or by you when ownerId is omitted.")
class CreateCustomerInput:
    id: strawberry.ID | None = strawberry.field(default=None, description=_CLIENT_ID)
    name: str = strawberry.field(
        description="The company's or the person's name, at most 200 characters; the duplicate "
        "check compares it ignoring case and extra spaces.")
    kind: CustomerKind = strawberry.field(default=models.CustomerKind.COMPANY,
                                          description="A company or a person; COMPANY if omitted.")
    industry: str | None = strawberry.field(default=None, description="The customer's trade.")
    region: str | None = strawberry.field(default=None,
                                          description="Province, city or sales region.")
    address: str | None = strawberry.field(default=None, description="Postal address.")
    phone: str | None = strawberry.field(
        default=None, description="Main phone number; the duplicate check compares its digits.")
    email: str | None = strawberry.field(
        default=None, description="Main email address; stored in lower case and checked for "
        "duplicates.")
    source: str | None = strawberry.field(
        default=None, description="Where the customer came from, e.g. 展会 (trade fair) or web.")
    lifecycle_stage: LifecycleStage = strawberry.field(
        default=models.LifecycleStage.PROSPECT, description="Where the customer is in its "
        "life with us; PROSPECT if omitted.")
    level: CustomerLevel = strawberry.field(default=models.CustomerLevel.C,
                                            description="How important it is; C if omitted.")
    owner_id: strawberry.ID | None = strawberry.field(
        default=None, description="The rep who will own it, an active user you may give "
        "customers to; you when omitted.")
    tag_ids: list[strawberry.ID] = strawberry.field(
        default_factory=list, description="Tags to put on it; every one must exist.")
    contacts: list[ContactFieldsInput] = strawberry.field(
        default_factory=list, description="Contacts to create with it, in the same transaction.")
    allow_duplicate: bool = strawberry.field(
        default=False, description="Create even when a customer with the same name, phone or "
        "email exists.")


@strawberry.input(description="Changes to a customer; omitted fields stay as they are, null "
                  "clears an optional one. Owner and pool membership change through "
                  "transferCustomers, releaseToPool and claimFromPool.")
class UpdateCustomerInput:
    id: strawberry.ID = strawberry.field(description="The customer.")
    expected_version: int | None = strawberry.field(
        default=None, description="The version you read: refuse with CONFLICT, and return the "
        "customer as it is now, if it changed since.")
    name: str | None = strawberry.field(default=strawberry.UNSET, description="A new name.")
    kind: CustomerKind | None = strawberry.field(default=strawberry.UNSET,
                                                 description="Company or person.")
    industry: str | None = strawberry.field(default=strawberry.UNSET,
                                            description="The customer's trade.")
    region: str | None = strawberry.field(default=strawberry.UNSET,
                                          description="Province, city or sales region.")
    address: str | None = strawberry.field(default=strawberry.UNSET,
                                           description="Postal address.")
    phone: str | None = strawberry.field(default=strawberry.UNSET,
                                         description="Main phone number.")
    email: str | None = strawberry.field(default=strawberry.UNSET,
                                         description="Main email address.")
    source: str | None = strawberry.field(default=strawberry.UNSET,
                                          description="Where the customer came from.")
    lifecycle_stage: LifecycleStage | None = strawberry.field(
        default=strawberry.UNSET, description="A new lifecycle stage.")
    level: CustomerLevel | None = strawberry.field(default=strawberry.UNSET,
                                                   description="A new level.")
    next_follow_up_at: dt.datetime | None = strawberry.field(
        default=strawberry.UNSET, description="When the next follow-up is due; null clears it. "
        "logInteraction also sets it.")


@strawberry.input(description="A new contact at a customer you may change.")
class CreateContactInput:
    id: strawberry.ID | None = strawberry.field(default=None, description=_CLIENT_ID)
    customer_id: strawberry.ID = strawberry.field(description="The customer they work for.")
    name: str = strawberry.field(description="Full name, at most 120 characters.")
    title: str | None = strawberry.field(default=None, description="Job title.")
    phone: str | None = strawberry.field(default=None, description="Phone number.")
    email: str | None = strawberry.field(default=None,
                                         description="Email address; stored in lower case.")
    im_handle: str | None = strawberry.field(
        default=None, description="WeChat, QQ, DingTalk or similar account name.")
    is_primary: bool = strawberry.field(
        default=False, description="Make them the customer's main contact (the previous one "
        "stops being it).")


@strawberry.input(description="Changes to a contact; omitted fields stay as they are, null "
                  "clears an optional one.")
class UpdateContactInput:
    id: strawberry.ID = strawberry.field(description="The contact.")
    expected_version: int | None = strawberry.field(
        default=None, description="The version you read: refuse with CONFLICT, and return the "
        "contact as it is now, if it changed since.")
    name: str | None = strawberry.field(default=strawberry.UNSET, description="A new name.")
    title: str | None = strawberry.field(default=strawberry.UNSET, description="Job title.")
    phone: str | None = strawberry.field(default=strawberry.UNSET, description="Phone number.")
    email: str | None = strawberry.field(default=strawberry.UNSET, description="Email address.")
    im_handle: str | None = strawberry.field(
        default=strawberry.UNSET, description="WeChat, QQ, DingTalk or similar account name.")
    is_primary: bool | None = strawberry.field(
        default=strawberry.UNSET, description="true makes them the main contact and unmarks "
        "the previous one; false unmarks them.")


@strawberry.input(description="A new tag of the workspace.")
class CreateTagInput:
    id: strawberry.ID | None = strawberry.field(default=None, description=_CLIENT_ID)
    name: str = strawberry.field(
        description="The label, at most 60 characters; refused with DUPLICATE if a tag has it, "
        "even a deleted one (restore that instead).")
    color: str = strawberry.field(default="blue",
                                  description="An antd colour name or a #rrggbb value.")
    group: str | None = strawberry.field(
        default=None, description="A group name; tags of one group are shown together.")


@strawberry.input(description="Changes to a tag; omitted fields stay as they are.")
class UpdateTagInput:
    id: strawberry.ID = strawberry.field(description="The tag.")
    expected_version: int | None = strawberry.field(
        default=None, description="The version you read: refuse with CONFLICT, and return the "
        "tag as it is now, if it changed since.")
    name: str | None = strawberry.field(
        default=strawberry.UNSET, description="A new label, unique in the workspace.")
    color: str | None = strawberry.field(default=strawberry.UNSET,
                                         description="An antd colour name or a #rrggbb value.")
    group: str | None = strawberry.field(default=strawberry.UNSET,
                                         description="Another group; null takes it out of any.")


@strawberry.input(description="Tags to put on, or take off, many customers at once.")
class TagCustomersInput:
    customer_ids: list[strawberry.ID] | None = strawberry.field(
        default=None,
        description="The customers, 1 to 1000; each must be one you may change. Give either "
        "customerIds or matching.")
    matching: CustomerFilter | None = strawberry.field(  # type: ignore[name-defined]  # noqa: F821
        default=None,
        description="Instead of ids: every customer in your row scope that matches this filter "
        "(as `customers(filter:)` lists them), at most 1000.")
    tag_ids: list[strawberry.ID] = strawberry.field(
        description="The tags, at least one; all must exist or nothing is done.")


@strawberry.input(description="Give customers to another owner (批量转移).")
class TransferCustomersInput:
    ids: list[strawberry.ID] | None = strawberry.field(
        default=None,
        description="The customers, 1 to 1000; each must be one you may change. Give either "
        "ids or matching.")
    matching: CustomerFilter | None = strawberry.field(  # type: ignore[name-defined]  # noqa: F821
        default=None,
        description="Instead of ids: every customer in your row scope that matches this filter "
        "(as `customers(filter:)` lists them), at most 1000.")
    to_owner_id: strawberry.ID = strawberry.field(
        description="The new owner: an active sales user or admin within your write scope. The "
        "customers join the new owner's team.")
    reason: str = strawberry.field(
        description="Why they move, 1 to 500 characters; kept in each customer's history.")


@strawberry.input(description="Customers to return to the public pool (公海).")
class ReleaseToPoolInput:
    ids: list[strawberry.ID] | None = strawberry.field(
        default=None,
        description="The customers, 1 to 1000; each must be one you may change and not already "
        "in the pool. Give either ids or matching.")
    matching: CustomerFilter | None = strawberry.field(  # type: ignore[name-defined]  # noqa: F821
        default=None,
        description="Instead of ids: every customer in your row scope that matches this filter "
        "(as `customers(filter:)` lists them), at most 1000.")
    reason: str | None = strawberry.field(
        default=None, description="Why they are released; kept in each customer's history.")


@strawberry.input(description="Customers to take from the public pool (公海).")
class ClaimFromPoolInput:
    ids: list[strawberry.ID] | None = strawberry.field(
        default=None,
        description="Pool customers, 1 to 1000, claimed in order; once you hold the workspace's "
        "limit per rep, the rest fail with LIMIT_REACHED. Give either ids or matching.")
    matching: CustomerFilter | None = strawberry.field(  # type: ignore[name-defined]  # noqa: F821
        default=None,
        description="Instead of ids: every pool customer that matches this filter (as "
        "`publicPool(filter:)` lists them), at most 1000, claimed in id order up to your limit.")


@strawberry.input(description="Two records of one customer to make one.")
class MergeCustomersInput:
    into_id: strawberry.ID = strawberry.field(
        description="The customer that stays; its empty fields are filled from the other.")
    from_id: strawberry.ID = strawberry.field(
        description="The duplicate: its contacts, tags, opportunities, follow-ups, tasks and "
        "orders move over, then it is deleted as merged.")


# --- payloads ---------------------------------------------------------------------------------

@strawberry.type(description="The customer written, or why not.")
class CustomerPayload:
    customer: Customer | None = result_field("the customer", current_on_conflict=True)
    errors: list[UserError] = errors_field()
    duplicates: list[Customer] = strawberry.field(
        default_factory=list, description="The customers a DUPLICATE error matched.")


@strawberry.type(description="The contact written, or why not.")
class ContactPayload:
    contact: Contact | None = result_field("the contact", current_on_conflict=True)
    errors: list[UserError] = errors_field()


@strawberry.type(description="The tag written, or why not.")
class TagPayload:
    tag: Tag | None = result_field("the tag", current_on_conflict=True)
    errors: list[UserError] = errors_field()


@strawberry.type(description="The outcome for one customer of a bulk operation.")
class CustomerResult:
    id: strawberry.ID = strawberry.field(description="The customer's global id, as sent.")
    ok: bool = strawberry.field(description="The operation was done for this customer.")
    customer: Customer | None = strawberry.field(
        description="The customer as it is now; null when it failed.")
    errors: list[UserError] = strawberry.field(
        description="Why this customer was left as it was; empty when ok.")


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
    "NAME": ("name_sort", "name"), "CREATED_AT": ("created_at", "createdAt"),
    "UPDATED_AT": ("updated_at", "updatedAt"), "LEVEL": ("level", "level"),
    "LAST_FOLLOW_UP_AT": ("last_follow_up_at", "lastFollowUpAt"),
    "NEXT_FOLLOW_UP_AT": ("next_follow_up_at", "nextFollowUpAt"),
}, [SortKey("updated_at", descending=True)], "CustomerSort", __name__)
