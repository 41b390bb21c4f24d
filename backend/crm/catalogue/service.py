"""The rules of products and product lines: what the company sells and at what price."""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

from tortoise.expressions import F, Q
from tortoise.transactions import in_transaction

from crm.catalogue.models import Product, ProductLine
from crm.core import audit
from crm.core.errors import ErrorCode, ServiceError, not_found
from crm.core.money import parse_money, parse_percent
from crm.core.policy import Actor
from crm.core.records import earlier_create, find_for_write, require_write_scope, update_versioned
from crm.core.scoping import readable, scoped
from crm.core.validation import check_fields, clean_text


async def create_product_line(actor: Actor, name: str, parent_id: uuid.UUID | None = None,
                              line_id: uuid.UUID | None = None) -> ProductLine:
    require_write_scope(actor, "ProductLine")
    values = clean_text({"name": name})
    check_fields(ProductLine, values)
    if (earlier := await earlier_create(actor, ProductLine, line_id, request={
            "values": values, "parent_id": parent_id})) is not None:
        return earlier
    if parent_id is not None and not await ProductLine.filter(
            workspace_id=actor.workspace_id, id=parent_id, deleted_at=None).exists():
        raise not_found("Parent product line", "parentId")
    async with in_transaction("default"):
        row = await ProductLine.create(id=line_id or uuid.uuid4(), workspace_id=actor.workspace_id,
                                       parent_id=parent_id, created_by_id=actor.user_id, **values)
        await audit.record_created(actor, row)
    return row


def _price(money: Any) -> Any:
    """A MoneyInput-like price as plain data, for comparing a replayed create with the first."""
    return None if money is None else {"amount": money.amount, "currency": money.currency}


PRODUCT_COLUMNS = ["sku", "name", "unit", "active", "track_stock", "line_id"]


async def create_product(actor: Actor, values: dict[str, Any], *, list_price: Any = None,
                         cost_price: Any = None, tax_rate: Decimal | None = None,
                         product_id: uuid.UUID | None = None) -> Product:
    """A product; prices are MoneyInput-like objects (amount, currency) of one currency."""
    require_write_scope(actor, "Product")
    values = clean_text(values)
    check_fields(Product, values)
    if (earlier := await earlier_create(actor, Product, product_id, request={
            "values": values, "list_price": _price(list_price), "cost_price": _price(cost_price),
            "tax_rate": tax_rate})) is not None:
        return earlier
    currency = list_price.currency if list_price is not None else "CNY"
    row_values: dict[str, Any] = dict(values, currency=currency)
    if list_price is not None:
        row_values["list_price_minor"] = parse_money(list_price.amount, currency, "listPrice")
    if cost_price is not None:
        if actor.field_access("Product", "costPrice").rank < 3:
            raise ServiceError(ErrorCode.FORBIDDEN, "You may not set cost prices", "costPrice")
        if cost_price.currency != currency:
            raise ServiceError(ErrorCode.INVALID, "Cost and list price need the same currency",
                               "costPrice.currency")
        row_values["cost_price_minor"] = parse_money(cost_price.amount, currency, "costPrice")
    if tax_rate is not None:
        row_values["tax_rate_bp"] = parse_percent(tax_rate, "taxRate")
    if values.get("line_id") and not await ProductLine.filter(
            workspace_id=actor.workspace_id, id=values["line_id"], deleted_at=None).exists():
        raise not_found("Product line", "lineId")
    async with in_transaction("default"):
        if await Product.filter(workspace_id=actor.workspace_id, sku=values["sku"]).exists():
            raise ServiceError(ErrorCode.DUPLICATE, f"SKU {values['sku']} exists", "sku")
        row = await Product.create(id=product_id or uuid.uuid4(), workspace_id=actor.workspace_id,
                                   created_by_id=actor.user_id, **row_values)
        await audit.record(actor, "Product", row.id, "create",
                           audit.diff({}, audit.snapshot(row, list(row_values))))
    return row


async def set_product_active(actor: Actor, product_id: uuid.UUID, active: bool) -> Product:
    require_write_scope(actor, "Product")
    async with in_transaction("default"):
        row = await get_product(actor, product_id)
        if row.active != active:
            await Product.filter(id=row.id).update(active=active, version=F("version") + 1)
            await audit.record(actor, "Product", row.id, "update", {"active": [row.active, active]})
            row.active = active
            row.version += 1
    return row


async def update_product(actor: Actor, product_id: uuid.UUID, changes: dict[str, Any], *,
                         list_price: Any = None, cost_price: Any = None,
                         tax_rate: Decimal | None = None,
                         expected_version: int | None = None) -> Product:
    """Rename, re-price or re-file a product. Prices keep the product's currency; orders
    already placed keep the prices they were placed at."""
    changes = clean_text({k: v for k, v in changes.items() if k in ("name", "unit", "line_id")})
    check_fields(Product, changes)
    async with in_transaction("default"):
        row = await find_for_write(actor, Product, product_id)
        if list_price is not None:
            if list_price.currency != row.currency:
                raise ServiceError(ErrorCode.INVALID, f"The product is priced in {row.currency}",
                                   "listPrice.currency")
            changes["list_price_minor"] = parse_money(list_price.amount, row.currency,
                                                      "listPrice")
        if cost_price is not None:
            if actor.field_access("Product", "costPrice").rank < 3:
                raise ServiceError(ErrorCode.FORBIDDEN, "You may not set cost prices",
                                   "costPrice")
            if cost_price.currency != row.currency:
                raise ServiceError(ErrorCode.INVALID, f"The product is priced in {row.currency}",
                                   "costPrice.currency")
            changes["cost_price_minor"] = parse_money(cost_price.amount, row.currency,
                                                      "costPrice")
        if tax_rate is not None:
            changes["tax_rate_bp"] = parse_percent(tax_rate, "taxRate")
        if changes.get("line_id") and not await ProductLine.filter(
                workspace_id=actor.workspace_id, id=changes["line_id"], deleted_at=None).exists():
            raise not_found("Product line", "lineId")
        return await update_versioned(actor, row, changes, expected_version)


async def get_product(actor: Actor, product_id: uuid.UUID, field: str = "id") -> Product:
    row = await scoped(Product, actor).filter(id=product_id).first()
    if row is None:
        raise not_found("Product", field)
    return row


async def products_by_ids(actor: Actor, ids: list[uuid.UUID]) -> dict[uuid.UUID, Product]:
    """The products the actor may read, by id."""
    return {p.id: p for p in await readable(Product, actor).filter(id__in=list(set(ids)))}


async def products_in_workspace(workspace_id: uuid.UUID, ids: list[uuid.UUID]
                                ) -> dict[uuid.UUID, Product]:
    """Products by id for the business rules of other modules (stock tracking, SKUs in
    messages), whoever acts: an order line's product is part of the order."""
    return {p.id: p for p in await Product.filter(workspace_id=workspace_id,
                                                  id__in=list(set(ids)))}


def products_query(actor: Actor) -> Any:
    return scoped(Product, actor)


def product_lines_query(actor: Actor) -> Any:
    return scoped(ProductLine, actor)


def product_search_q(text: str) -> Q:
    text = text.strip()
    return Q(name__icontains=text) | Q(sku__icontains=text) if text else Q()
