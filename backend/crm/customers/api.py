"""Query and Mutation fields of customers, contacts, tags and the public pool."""

from __future__ import annotations

from collections.abc import Awaitable
from typing import Any

import strawberry
from strawberry.types import Info
from tortoise.expressions import Q, Subquery

from crm.core.connections import Connection, SortKey, paginate
from crm.core.errors import ServiceError
from crm.core.filters import FilterField, build_filter, build_order, column, id_converter, scalar_q
from crm.core.graphql import actor_of
from crm.core.ids import decode_id, decode_ids, parse_client_uuid
from crm.core.payloads import respond
from crm.core.policy import Actor
from crm.core.scoping import scoped
from crm.customers import service
from crm.customers.models import Contact as ContactModel
from crm.customers.models import CustomerTag
from crm.customers.models import Tag as TagModel
from crm.customers.types import (
    BulkCustomersPayload,
    ClaimFromPoolInput,
    ContactPayload,
    CreateContactInput,
    CreateCustomerInput,
    CreateTagInput,
    Customer,
    CustomerFilter,
    CustomerOrder,
    CustomerPayload,
    CustomerResult,
    IdInput,
    MergeCustomersInput,
    ReleaseToPoolInput,
    Tag,
    TagCustomersInput,
    TagPayload,
    TransferCustomersInput,
    UpdateContactInput,
    UpdateCustomerInput,
    UpdateTagInput,
)


def given(input_obj: Any, names: list[str]) -> dict[str, Any]:
    """The fields the client sent (UNSET = not sent; null = clear it)."""
    out = {}
    for n in names:
        v = getattr(input_obj, n, strawberry.UNSET)
        if v is not strawberry.UNSET:
            out[n] = v
    return out


def _tags_q(value: list[strawberry.ID], _actor: Actor, *, every: bool) -> Q:
    tag_ids = decode_ids([str(v) for v in value], "Tag", "tags")
    if not every:
        return Q(id__in=Subquery(CustomerTag.filter(tag_id__in=tag_ids).values("customer_id")))
    q = Q()
    for t in tag_ids:
        q &= Q(id__in=Subquery(CustomerTag.filter(tag_id=t).values("customer_id")))
    return q


def _search_q(text: str, _actor: Actor) -> Q:
    text = text.strip()
    if not text:
        return Q()
    contacts = ContactModel.filter(name__icontains=text, deleted_at=None).values("customer_id")
    return Q(name__icontains=text) | Q(id__in=Subquery(contacts))


def _contact_q(match: Any, actor: Actor) -> Q:
    from crm.core.filters import require_readable
    q = Q(deleted_at=None)
    for attr in ("name", "title", "phone", "email"):
        flt = getattr(match, attr, strawberry.UNSET)
        if flt not in (None, strawberry.UNSET):
            require_readable(actor, "Contact", attr, "filter")
            q &= scalar_q(attr, flt)
    return Q(id__in=Subquery(ContactModel.filter(q).values("customer_id")))


def _opportunity_q(match: Any, actor: Actor) -> Q:
    from crm.sales.service import customer_ids_with_opportunities
    return Q(id__in=customer_ids_with_opportunities(actor, match))


CUSTOMER_FILTERS: dict[str, FilterField] = {
    "search": FilterField("name", _search_q),
    "name": column("name", "name"),
    "kind": column("kind", "kind"),
    "industry": column("industry", "industry"),
    "region": column("region", "region"),
    "source": column("source", "source"),
    "phone": column("phone", "phone"),
    "email": column("email", "email"),
    "lifecycle_stage": column("lifecycle_stage", "lifecycleStage"),
    "level": column("level", "level"),
    "owner": column("owner_id", "owner", id_converter("User", "owner")),
    "team": column("team_id", "team", id_converter("Team", "team")),
    "in_pool": column("in_pool", "inPool"),
    "tags_any": FilterField("tags", lambda v, a: _tags_q(v, a, every=False)),
    "tags_all": FilterField("tags", lambda v, a: _tags_q(v, a, every=True)),
    "created_at": column("created_at", "createdAt"),
    "updated_at": column("updated_at", "updatedAt"),
    "last_follow_up_at": column("last_follow_up_at", "lastFollowUpAt"),
    "next_follow_up_at": column("next_follow_up_at", "nextFollowUpAt"),
    "contact": FilterField("contacts", _contact_q),
    "opportunity": FilterField("opportunities", _opportunity_q),
}
CUSTOMER_SORTS = {
    "name": ("name", "name"),
    "createdAt": ("created_at", "createdAt"),
    "updatedAt": ("updated_at", "updatedAt"),
    "level": ("level", "level"),
}


async def _bulk(call: Awaitable[list[service.ItemResult]]) -> BulkCustomersPayload:
    """A result per customer; an error that stops the whole request comes back alone."""
    from crm.core.ids import to_global_id
    try:
        results = await call
    except ServiceError as exc:
        return BulkCustomersPayload(results=[], succeeded=0, failed=0, errors=exc.as_user_errors())
    items = [CustomerResult(id=strawberry.ID(to_global_id("Customer", r.id)), ok=r.ok,
                            customer=r.record, errors=r.errors) for r in results]
    ok = sum(1 for r in results if r.ok)
    return BulkCustomersPayload(results=items, succeeded=ok, failed=len(results) - ok)


async def _customer_list(info: Info, filter: CustomerFilter | None, order_by: list[CustomerOrder] | None,
                         first: int | None, after: str | None, last: int | None,
                         before: str | None, pool: bool) -> Connection[Any]:
    actor = actor_of(info)
    qs = service.customers_query(actor, pool=pool)
    qs = qs.filter(build_filter(actor, "Customer", filter, CUSTOMER_FILTERS))
    keys = build_order(actor, "Customer", order_by, CUSTOMER_SORTS,
                       [SortKey("updated_at", descending=True)])
    return await paginate(qs, keys, first=first, after=after, last=last, before=before)


@strawberry.type
class CustomersQuery:
    @strawberry.field(description="Customers in your row scope (not the pool, for sales roles).")
    async def customers(
        self, info: Info, filter: CustomerFilter | None = None,
        order_by: list[CustomerOrder] | None = None, first: int | None = None,
        after: str | None = None, last: int | None = None, before: str | None = None,
    ) -> Connection[Customer]:
        return await _customer_list(info, filter, order_by, first, after, last, before, pool=False)

    @strawberry.field(description="The public pool (公海): customers anyone in sales may claim.")
    async def public_pool(
        self, info: Info, filter: CustomerFilter | None = None,
        order_by: list[CustomerOrder] | None = None, first: int | None = None,
        after: str | None = None, last: int | None = None, before: str | None = None,
    ) -> Connection[Customer]:
        return await _customer_list(info, filter, order_by, first, after, last, before, pool=True)

    @strawberry.field(description="Tags of the workspace.")
    async def tags(self, info: Info) -> list[Tag]:
        actor = actor_of(info)
        return await scoped(TagModel, actor).order_by("group", "name")  # type: ignore[return-value]


def _duplicates(exc: ServiceError) -> dict[str, Any]:
    return {"duplicates": exc.details.get("matches", [])}


@strawberry.type
class CustomersMutation:
    @strawberry.mutation(description="Create a customer; DUPLICATE names a match unless allowed.")
    async def create_customer(self, info: Info, input: CreateCustomerInput) -> CustomerPayload:
        actor = actor_of(info)
        values = given(input, ["name", "kind", "industry", "region", "address", "phone", "email",
                               "source", "lifecycle_stage", "level"])
        return await respond(CustomerPayload, "customer", service.create_customer(
            actor, values,
            customer_id=parse_client_uuid(input.id),
            owner_id=decode_id(input.owner_id, "User", "ownerId") if input.owner_id else None,
            tag_ids=decode_ids([str(t) for t in input.tag_ids], "Tag", "tagIds"),
            contacts=[given(c, ["name", "title", "phone", "email", "im_handle", "is_primary"])
                      for c in input.contacts],
            allow_duplicate=input.allow_duplicate,
        ), on_error=_duplicates)

    @strawberry.mutation(description="Change a customer; send expectedVersion to avoid lost updates.")
    async def update_customer(self, info: Info, input: UpdateCustomerInput) -> CustomerPayload:
        actor = actor_of(info)
        changes = given(input, ["name", "kind", "industry", "region", "address", "phone", "email",
                                "source", "lifecycle_stage", "level", "next_follow_up_at"])
        return await respond(
            CustomerPayload, "customer",
            service.update_customer(actor, decode_id(input.id, "Customer"),
                                                 changes, input.expected_version),
            on_error=_duplicates, with_current=True)

    @strawberry.mutation(description="Soft-delete a customer (restore brings it back).")
    async def delete_customer(self, info: Info, input: IdInput) -> CustomerPayload:
        return await respond(
            CustomerPayload, "customer",
            service.delete_customer(actor_of(info), decode_id(input.id, "Customer")),
            on_error=_duplicates)

    @strawberry.mutation
    async def restore_customer(self, info: Info, input: IdInput) -> CustomerPayload:
        return await respond(
            CustomerPayload, "customer",
            service.restore_customer(actor_of(info), decode_id(input.id, "Customer")),
            on_error=_duplicates)

    @strawberry.mutation
    async def create_contact(self, info: Info, input: CreateContactInput) -> ContactPayload:
        values = given(input, ["name", "title", "phone", "email", "im_handle", "is_primary"])
        return await respond(
            ContactPayload, "contact",
            service.create_contact(actor_of(info),
                                         decode_id(input.customer_id, "Customer", "customerId"),
                                         values, parse_client_uuid(input.id)))

    @strawberry.mutation
    async def update_contact(self, info: Info, input: UpdateContactInput) -> ContactPayload:
        changes = given(input, ["name", "title", "phone", "email", "im_handle", "is_primary"])
        return await respond(
            ContactPayload, "contact",
            service.update_contact(actor_of(info), decode_id(input.id, "Contact"),
                                         changes, input.expected_version), with_current=True)

    @strawberry.mutation
    async def delete_contact(self, info: Info, input: IdInput) -> ContactPayload:
        return await respond(
            ContactPayload, "contact",
            service.delete_contact(actor_of(info), decode_id(input.id, "Contact")))

    @strawberry.mutation
    async def restore_contact(self, info: Info, input: IdInput) -> ContactPayload:
        return await respond(
            ContactPayload, "contact",
            service.restore_contact(actor_of(info), decode_id(input.id, "Contact")))

    @strawberry.mutation
    async def create_tag(self, info: Info, input: CreateTagInput) -> TagPayload:
        return await respond(
            TagPayload, "tag",
            service.create_tag(actor_of(info), given(input, ["name", "color", "group"]),
                                     parse_client_uuid(input.id)))

    @strawberry.mutation
    async def update_tag(self, info: Info, input: UpdateTagInput) -> TagPayload:
        return await respond(
            TagPayload, "tag",
            service.update_tag(actor_of(info), decode_id(input.id, "Tag"),
                                     given(input, ["name", "color", "group"]),
                                     input.expected_version), with_current=True)

    @strawberry.mutation
    async def delete_tag(self, info: Info, input: IdInput) -> TagPayload:
        return await respond(
            TagPayload, "tag",
            service.delete_tag(actor_of(info), decode_id(input.id, "Tag")))

    @strawberry.mutation
    async def restore_tag(self, info: Info, input: IdInput) -> TagPayload:
        return await respond(
            TagPayload, "tag",
            service.restore_tag(actor_of(info), decode_id(input.id, "Tag")))

    @strawberry.mutation(description="Put tags on many customers; a result per customer.")
    async def add_tags(self, info: Info, input: TagCustomersInput) -> BulkCustomersPayload:
        return await _bulk_call(service.add_tags, info, input)

    @strawberry.mutation(description="Take tags off many customers; a result per customer.")
    async def remove_tags(self, info: Info, input: TagCustomersInput) -> BulkCustomersPayload:
        return await _bulk_call(service.remove_tags, info, input)

    @strawberry.mutation(description="批量转移: give customers to another owner, with a reason.")
    async def transfer_customers(self, info: Info, input: TransferCustomersInput
                                 ) -> BulkCustomersPayload:
        return await _bulk(service.transfer_customers(
            actor_of(info), decode_ids([str(i) for i in input.ids], "Customer"),
            decode_id(input.to_owner_id, "User", "toOwnerId"), input.reason))

    @strawberry.mutation(description="Return customers to the public pool (公海).")
    async def release_to_pool(self, info: Info, input: ReleaseToPoolInput) -> BulkCustomersPayload:
        return await _bulk(service.release_to_pool(
            actor_of(info), decode_ids([str(i) for i in input.ids], "Customer"), input.reason))

    @strawberry.mutation(description="Claim customers from the pool, up to your limit.")
    async def claim_from_pool(self, info: Info, input: ClaimFromPoolInput) -> BulkCustomersPayload:
        return await _bulk(service.claim_from_pool(
            actor_of(info), decode_ids([str(i) for i in input.ids], "Customer")))

    @strawberry.mutation(description="Merge a duplicate into another customer.")
    async def merge_customers(self, info: Info, input: MergeCustomersInput) -> CustomerPayload:
        return await respond(
            CustomerPayload, "customer",
            service.merge_customers(actor_of(info),
                                          decode_id(input.into_id, "Customer", "intoId"),
                                          decode_id(input.from_id, "Customer", "fromId")),
            on_error=_duplicates)


async def _bulk_call(fn: Any, info: Info, input: TagCustomersInput) -> BulkCustomersPayload:
    return await _bulk(fn(actor_of(info),
                          decode_ids([str(i) for i in input.customer_ids], "Customer", "customerIds"),
                          decode_ids([str(i) for i in input.tag_ids], "Tag", "tagIds")))


Query = CustomersQuery
Mutation = CustomersMutation
