"""GraphQL types of products and product lines."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import strawberry

from crm.catalogue import models
from crm.core.connections import SortKey
from crm.core.errors import UserError
from crm.core.filters import FilterSpec, SortSpec, custom, flag_filter, ref, text
from crm.core.graphql import Node, node_type
from crm.core.money import Money, MoneyInput, money_field, percent_of
from crm.core.payloads import errors_field, result_field
from crm.core.relations import to_one


@node_type(models.ProductLine)
@strawberry.type(description="A group of products, in a tree (产品线).")
class ProductLine(Node):
    name: str = strawberry.field(description="The line's name.")
    version: int = strawberry.field(description="Increases with every change.")
    created_at: dt.datetime = strawberry.field(description="When it was made.")
    parent: ProductLine | None = to_one("parent_id", description="The line above this one.")


@node_type(models.Product)
@strawberry.type(description="Something we sell; the SKU is unique in the workspace.")
class Product(Node):
    sku: str = strawberry.field(description="Stock-keeping unit, unique in the workspace.")
    name: str = strawberry.field(description="The product's name.")
    unit: str = strawberry.field(description="What one is counted in (pcs, box, kg...).")
    active: bool = strawberry.field(description="Still on sale.")
    track_stock: bool = strawberry.field(description="Stock is reserved and shipped for it.")
    version: int = strawberry.field(description="Increases with every change.")
    created_at: dt.datetime = strawberry.field(description="When it was made.")
    updated_at: dt.datetime = strawberry.field(description="When it last changed.")
    line: ProductLine | None = to_one("line_id", description="Its product line.")

    list_price: Money | None = money_field("list_price_minor", description="The price of one unit.")

    cost_price: Money | None = money_field(
        "cost_price_minor", description="What one unit costs us.")

    margin: Money | None = money_field(
        "list_price_minor", "-cost_price_minor", description="List price minus cost price.")

    @strawberry.field(description="Default tax rate in percent.")
    def tax_rate(self, root: strawberry.Parent[Any]) -> Decimal:
        return percent_of(root.tax_rate_bp)


# --- inputs and payloads -----------------------------------------------------------------------

@strawberry.input(description="A new product line.")
class CreateProductLineInput:
    id: strawberry.ID | None = strawberry.field(
        default=None, description="A UUID chosen by the client (offline creation, retries).")
    name: str = strawberry.field(description="The line's name.")
    parent_id: strawberry.ID | None = strawberry.field(default=None,
                                                       description="The line above it.")


@strawberry.input(description="A new product.")
class CreateProductInput:
    id: strawberry.ID | None = strawberry.field(
        default=None, description="A UUID chosen by the client (offline creation, retries).")
    sku: str = strawberry.field(description="Unique in the workspace.")
    name: str = strawberry.field(description="The product's name.")
    line_id: strawberry.ID | None = strawberry.field(default=None, description="Its product line.")
    unit: str = strawberry.field(default="pcs", description="What one is counted in.")
    list_price: MoneyInput = strawberry.field(description="The price of one unit.")
    cost_price: MoneyInput | None = strawberry.field(
        default=None, description="What one unit costs us (same currency as the list price).")
    tax_rate: Decimal | None = strawberry.field(default=None, description="Percent, e.g. \"13\".")
    track_stock: bool = strawberry.field(default=True,
                                         description="Reserve and ship stock for it.")
    active: bool = strawberry.field(default=True, description="On sale from now.")


@strawberry.input(description="Changes to a product; omitted fields stay as they are.")
class UpdateProductInput:
    id: strawberry.ID = strawberry.field(description="The product.")
    expected_version: int | None = strawberry.field(
        default=None, description="Refuse with CONFLICT if the product changed since.")
    name: str | None = strawberry.field(default=strawberry.UNSET, description="A new name.")
    unit: str | None = strawberry.field(default=strawberry.UNSET, description="A new unit.")
    line_id: strawberry.ID | None = strawberry.field(default=strawberry.UNSET,
                                                     description="Another product line.")
    list_price: MoneyInput | None = strawberry.field(default=None, description="A new price.")
    cost_price: MoneyInput | None = strawberry.field(default=None, description="A new cost.")
    tax_rate: Decimal | None = strawberry.field(default=None, description="A new rate, percent.")


@strawberry.input(description="Stop or resume selling a product.")
class SetProductActiveInput:
    id: strawberry.ID = strawberry.field(description="The product.")
    active: bool = strawberry.field(description="On sale or not.")


@strawberry.type(description="The product line written, or why not.")
class ProductLinePayload:
    product_line: ProductLine | None = result_field("the product line")
    errors: list[UserError] = errors_field()


@strawberry.type(description="The product written, or why not.")
class ProductPayload:
    product: Product | None = result_field("the product", current_on_conflict=True)
    errors: list[UserError] = errors_field()


# --- lists ---------------------------------------------------------------------------------------

def _search_q(value: str, _actor: Any) -> Any:
    from crm.catalogue.service import product_search_q
    return product_search_q(value)


PRODUCT_FILTER = FilterSpec("Product", [
    custom("search", str, _search_q, policy="name", description="Text in the name or the SKU."),
    text("sku"), text("name"), ref("line", "ProductLine"), flag_filter("active"),
    flag_filter("track_stock"),
], "ProductFilter", __name__, "Which products to list.")
PRODUCT_SORT = SortSpec("Product", {
    "SKU": ("sku", "sku"), "NAME": ("name", "name"), "CREATED_AT": ("created_at", "createdAt"),
    "LIST_PRICE": ("list_price_minor", "listPrice"),
}, [SortKey("sku")], "ProductSort", __name__)
