"""Query and Mutation fields of products and product lines."""

from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from crm.catalogue import service
from crm.catalogue.types import (
    PRODUCT_FILTER,
    PRODUCT_SORT,
    CreateProductInput,
    CreateProductLineInput,
    Product,
    ProductLine,
    ProductLinePayload,
    ProductPayload,
    SetProductActiveInput,
    UpdateProductInput,
)
from crm.core.connections import Connection
from crm.core.graphql import actor_of
from crm.core.ids import decode_id, optional_id, parse_client_uuid
from crm.core.inputs import given
from crm.core.lists import list_field
from crm.core.payloads import respond


@strawberry.type
class CatalogueQuery:
    @strawberry.field(description="Product lines, as a flat list (follow `parent` for the tree).")
    async def product_lines(self, info: Info) -> list[ProductLine]:
        return await service.product_lines_query(actor_of(info)).order_by(  # type: ignore[no-any-return]
            "name")

    products: Connection[Product] = list_field(
        service.products_query, PRODUCT_FILTER, PRODUCT_SORT,
        description="Products of the catalogue, by SKU unless sorted otherwise.")


def _product_changes(input: UpdateProductInput) -> dict[str, Any]:
    changes = given(input, ["name", "unit", "line_id"])
    if changes.get("line_id"):
        changes["line_id"] = decode_id(str(changes["line_id"]), "ProductLine", "lineId")
    return changes


@strawberry.type
class CatalogueMutation:
    @strawberry.mutation(description="A new product line, under a parent line if given.")
    async def create_product_line(self, info: Info, input: CreateProductLineInput
                                  ) -> ProductLinePayload:
        return await respond(ProductLinePayload, "product_line", service.create_product_line(
            actor_of(info), input.name, optional_id(input.parent_id, "ProductLine", "parentId"),
            parse_client_uuid(input.id)))

    @strawberry.mutation(description="A new product; the SKU must be new in the workspace.")
    async def create_product(self, info: Info, input: CreateProductInput) -> ProductPayload:
        return await respond(ProductPayload, "product", service.create_product(
            actor_of(info), {"sku": input.sku, "name": input.name, "unit": input.unit,
                             "active": input.active, "track_stock": input.track_stock,
                             "line_id": optional_id(input.line_id, "ProductLine", "lineId")},
            list_price=input.list_price, cost_price=input.cost_price,
            tax_rate=input.tax_rate, product_id=parse_client_uuid(input.id)))

    @strawberry.mutation(description="Rename or re-price a product (placed orders keep their "
                         "prices).")
    async def update_product(self, info: Info, input: UpdateProductInput) -> ProductPayload:
        return await respond(ProductPayload, "product", service.update_product(
            actor_of(info), decode_id(input.id, "Product"), _product_changes(input),
            list_price=input.list_price, cost_price=input.cost_price,
            tax_rate=input.tax_rate, expected_version=input.expected_version), with_current=True)

    @strawberry.mutation(description="Stop or resume selling a product.")
    async def set_product_active(self, info: Info, input: SetProductActiveInput) -> ProductPayload:
        return await respond(ProductPayload, "product", service.set_product_active(
            actor_of(info), decode_id(input.id, "Product"), input.active))


Query = CatalogueQuery
Mutation = CatalogueMutation
