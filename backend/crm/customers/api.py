"""Query and Mutation fields of customers, contacts, tags and the public pool."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable
from typing import Any

import strawberry
from strawberry.types import Info

from crm.core.connections import Connection
from crm.core.errors import ServiceError
from crm.core.graphql import actor_of
from crm.core.ids import decode_id, decode_ids, parse_client_uuid, to_global_id
from crm.core.inputs import delete_and_restore, given
from crm.core.lists import list_field
from crm.core.payloads import respond
from crm.core.scoping import scoped
from crm.customers import service
from crm.customers.models import Tag as TagModel
from crm.customers.types import (
    CUSTOMER_FILTER,
    CUSTOMER_SORT,
    BulkCustomersPayload,
    ClaimFromPoolInput,
    ContactPayload,
    CreateContactInput,
    CreateCustomerInput,
    CreateTagInput,
    Customer,
    CustomerPayload,
    CustomerResult,
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


def _results(results: list[service.ItemResult]) -> dict[str, Any]:
    items = [CustomerResult(id=strawberry.ID(to_global_id("Customer", r.id)), ok=r.ok,
                            customer=r.record, errors=r.errors) for r in results]
    ok = sum(1 for r in results if r.ok)
    return {"results": items, "succeeded": ok, "failed": len(results) - ok}


async def _bulk(call: Awaitable[list[service.ItemResult]]) -> BulkCustomersPayload:
    """A result per customer; an error that stops the whole request comes back alone."""
    return await respond(BulkCustomersPayload, None, call, shape=_results)


@strawberry.type
class CustomersQuery:
    customers: Connection[Customer] = list_field(
        lambda actor: service.customers_query(actor, pool=False), CUSTOMER_FILTER, CUSTOMER_SORT,
        description="Customers in your row scope (not the pool, for sales roles).")
    public_pool: Connection[Customer] = list_field(
        lambda actor: service.customers_query(actor, pool=True), CUSTOMER_FILTER, CUSTOMER_SORT,
        description="The public pool (公海): customers anyone in sales may claim.")

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

    delete_customer, restore_customer = delete_and_restore(
        "Customer", CustomerPayload, "customer", service.delete_customer, service.restore_customer)

    @strawberry.mutation(description="Add a contact to a customer you may change; a primary "
                         "contact takes the mark from the customer's previous one.")
    async def create_contact(self, info: Info, input: CreateContactInput) -> ContactPayload:
        values = given(input, ["name", "title", "phone", "email", "im_handle", "is_primary"])
        return await respond(
            ContactPayload, "contact",
            service.create_contact(actor_of(info),
                                         decode_id(input.customer_id, "Customer", "customerId"),
                                         values, parse_client_uuid(input.id)))

    @strawberry.mutation(description="Change a contact of a customer you may change; send "
                         "expectedVersion to avoid lost updates.")
    async def update_contact(self, info: Info, input: UpdateContactInput) -> ContactPayload:
        changes = given(input, ["name", "title", "phone", "email", "im_handle", "is_primary"])
        return await respond(
            ContactPayload, "contact",
            service.update_contact(actor_of(info), decode_id(input.id, "Contact"),
                                         changes, input.expected_version), with_current=True)

    delete_contact, restore_contact = delete_and_restore(
        "Contact", ContactPayload, "contact", service.delete_contact, service.restore_contact)

    @strawberry.mutation(description="Create a tag of the workspace; DUPLICATE if its name is "
                         "taken, even by a deleted tag.")
    async def create_tag(self, info: Info, input: CreateTagInput) -> TagPayload:
        return await respond(
            TagPayload, "tag",
            service.create_tag(actor_of(info), given(input, ["name", "color", "group"]),
                                     parse_client_uuid(input.id)))

    @strawberry.mutation(description="Rename, recolour or regroup a tag; every customer "
                         "carrying it shows the change.")
    async def update_tag(self, info: Info, input: UpdateTagInput) -> TagPayload:
        return await respond(
            TagPayload, "tag",
            service.update_tag(actor_of(info), decode_id(input.id, "Tag"),
                                     given(input, ["name", "color", "group"]),
                                     input.expected_version), with_current=True)

    delete_tag, restore_tag = delete_and_restore(
        "Tag", TagPayload, "tag", service.delete_tag, service.restore_tag)

    @strawberry.mutation(description="Put tags on many customers; a result per customer.")
    async def add_tags(self, info: Info, input: TagCustomersInput) -> BulkCustomersPayload:
        return await _bulk_call(service.add_tags, info, input)

    @strawberry.mutation(description="Take tags off many customers; a result per customer.")
    async def remove_tags(self, info: Info, input: TagCustomersInput) -> BulkCustomersPayload:
        return await _bulk_call(service.remove_tags, info, input)

    @strawberry.mutation(description="批量转移: give customers to another owner, with a reason.")
    async def transfer_customers(self, info: Info, input: TransferCustomersInput
                                 ) -> BulkCustomersPayload:
        actor = actor_of(info)

        async def transfer() -> list[service.ItemResult]:
            ids = await _chosen(actor, input.ids, input.matching)
            return await service.transfer_customers(
                actor, ids, decode_id(input.to_owner_id, "User", "toOwnerId"), input.reason)
        return await _bulk(transfer())

    @strawberry.mutation(description="Return customers to the public pool (公海).")
    async def release_to_pool(self, info: Info, input: ReleaseToPoolInput) -> BulkCustomersPayload:
        actor = actor_of(info)

        async def release() -> list[service.ItemResult]:
            ids = await _chosen(actor, input.ids, input.matching)
            return await service.release_to_pool(actor, ids, input.reason)
        return await _bulk(release())

    @strawberry.mutation(description="Claim customers from the pool, up to your limit.")
    async def claim_from_pool(self, info: Info, input: ClaimFromPoolInput) -> BulkCustomersPayload:
        actor = actor_of(info)

        async def claim() -> list[service.ItemResult]:
            ids = await _chosen(actor, input.ids, input.matching, pool=True)
            return await service.claim_from_pool(actor, ids)
        return await _bulk(claim())

    @strawberry.mutation(description="Merge a duplicate into another customer.")
    async def merge_customers(self, info: Info, input: MergeCustomersInput) -> CustomerPayload:
        return await respond(
            CustomerPayload, "customer",
            service.merge_customers(actor_of(info),
                                          decode_id(input.into_id, "Customer", "intoId"),
                                          decode_id(input.from_id, "Customer", "fromId")),
            on_error=_duplicates)


async def _chosen(actor: Any, ids: list[strawberry.ID] | None, matching: Any,
                  field: str = "ids", *, pool: bool = False) -> list[uuid.UUID]:
    """Parse the ids or the filter of a bulk input; the service picks the customers."""
    return await service.chosen_customers(
        actor, decode_ids([str(i) for i in ids], "Customer", field) if ids is not None else None,
        CUSTOMER_FILTER.q(actor, matching) if matching is not None else None,
        field=field, pool=pool)


async def _bulk_call(fn: Any, info: Info, input: TagCustomersInput) -> BulkCustomersPayload:
    actor = actor_of(info)

    async def call() -> list[service.ItemResult]:
        ids = await _chosen(actor, input.customer_ids, input.matching, "customerIds")
        return await fn(actor, ids, decode_ids([str(i) for i in input.tag_ids], "Tag", "tagIds"))
    return await _bulk(call())


Query = CustomersQuery
Mutation = CustomersMutation
