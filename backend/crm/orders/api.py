"""Query and Mutation fields of products, orders, shipments, payments and returns."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import strawberry
from strawberry.types import Info
from tortoise.expressions import Q, Subquery

from crm.core.connections import Connection, SortKey, paginate
from crm.core.errors import ServiceError
from crm.core.filters import FilterField, build_filter, build_order, column, id_converter, scalar_q
from crm.core.graphql import actor_of
from crm.core.ids import decode_id, parse_client_uuid
from crm.core.money import Money
from crm.core.payloads import respond
from crm.core.policy import Actor
from crm.core.scoping import scoped
from crm.customers.api import given
from crm.orders import service
from crm.orders.models import OrderLine as OrderLineModel
from crm.orders.models import Product as ProductModel
from crm.orders.models import ProductLine as ProductLineModel
from crm.orders.types import (
    CancelOrderInput,
    ConfirmOrderInput,
    CreateOrderInput,
    CreateProductInput,
    CreateProductLineInput,
    CreateReturnRequestInput,
    CreateShipmentInput,
    Order,
    OrderFilter,
    OrderIdInput,
    OrderOrder,
    OrderPayload,
    PaymentPayload,
    PeriodInput,
    Product,
    ProductFilter,
    ProductLine,
    ProductLinePayload,
    ProductPayload,
    RecordPaymentInput,
    RefundReturnInput,
    RejectReturnInput,
    ReplaceOrderLinesInput,
    ReturnIdInput,
    ReturnRequestPayload,
    SalesBreakdown,
    SalesGrouping,
    SalesSummaryRow,
    SetProductActiveInput,
    ShipmentPayload,
    UpdateOrderInput,
    UpdateProductInput,
    UpdateShipmentStatusInput,
)


def _opt(value: Any, type_name: str, field: str) -> Any:
    return decode_id(str(value), type_name, field) if value else None


def _product_q(flt: Any, actor: Actor) -> Q:
    lines = scoped(OrderLineModel, actor).filter(
        scalar_q("product_id", flt, id_converter("Product", "product")))
    return Q(id__in=Subquery(lines.values("order_id")))


def _total_q(flt: Any, _actor: Actor) -> Q:
    return scalar_q("total_minor", flt, lambda v: int(Decimal(v) * 100))


ORDER_FILTERS: dict[str, FilterField] = {
    "number": column("number", "number"),
    "status": column("status", "status"),
    "payment_status": column("payment_status", "paymentStatus"),
    "customer": column("customer_id", "customer", id_converter("Customer", "customer")),
    "owner": column("owner_id", "owner", id_converter("User", "owner")),
    "product": FilterField("lines", _product_q),
    "ordered_on": column("ordered_on", "orderedOn"),
    "confirmed_on": column("confirmed_on", "confirmedAt"),
    "created_at": column("created_at", "createdAt"),
    "total": FilterField("total", _total_q),
}
ORDER_SORTS = {
    "number": ("number", "number"),
    "orderedOn": ("ordered_on", "orderedOn"),
    "createdAt": ("created_at", "createdAt"),
    "updatedAt": ("updated_at", "updatedAt"),
    "total": ("total_minor", "total"),
}


def _lines(items: Any) -> list[service.QuantityInput]:
    return [service.QuantityInput(decode_id(str(i.order_line_id), "OrderLine",
                                            f"lines.{n}.orderLineId"), i.quantity)
            for n, i in enumerate(items or [])]


def _order_lines(items: list[Any]) -> list[service.LineInput]:
    return [service.LineInput(
        product_id=decode_id(str(line.product_id), "Product", f"lines.{i}.productId"),
        quantity=line.quantity,
        unit_price=line.unit_price.amount if line.unit_price else None,
        unit_price_currency=line.unit_price.currency if line.unit_price else None,
        discount=line.discount, tax_rate=line.tax_rate, description=line.description)
        for i, line in enumerate(items)]


@strawberry.type
class OrdersQuery:
    @strawberry.field(description="Product lines, as a flat list (follow `parent` for the tree).")
    async def product_lines(self, info: Info) -> list[ProductLine]:
        return await scoped(ProductLineModel, actor_of(info)).order_by(  # type: ignore[return-value]
            "name")

    @strawberry.field
    async def products(
        self, info: Info, filter: ProductFilter | None = None, first: int | None = None,
        after: str | None = None,
    ) -> Connection[Product]:
        qs = scoped(ProductModel, actor_of(info))
        if filter is not None:
            if filter.search:
                qs = qs.filter(Q(name__icontains=filter.search) | Q(sku__icontains=filter.search))
            if filter.sku:
                qs = qs.filter(scalar_q("sku", filter.sku))
            if filter.line:
                qs = qs.filter(scalar_q("line_id", filter.line,
                                        id_converter("ProductLine", "line")))
            if filter.active is not None and filter.active is not strawberry.UNSET:
                qs = qs.filter(active=filter.active)
        return await paginate(qs, [SortKey("sku")], first=first, after=after)

    @strawberry.field(description="Orders in your row scope.")
    async def orders(
        self, info: Info, filter: OrderFilter | None = None,
        order_by: list[OrderOrder] | None = None, first: int | None = None,
        after: str | None = None, last: int | None = None, before: str | None = None,
    ) -> Connection[Order]:
        actor = actor_of(info)
        qs = service.orders_query(actor).filter(
            build_filter(actor, "Order", filter, ORDER_FILTERS))
        keys = build_order(actor, "Order", order_by, ORDER_SORTS,
                           [SortKey("created_at", descending=True)])
        return await paginate(qs, keys, first=first, after=after, last=last, before=before)

    @strawberry.field(description="Booked and collected amounts per period, by owner or product "
                      "line, over the orders you see.")
    async def sales_summary(
        self, info: Info, period: PeriodInput, group_by: SalesGrouping = SalesGrouping.MONTH,
        by: SalesBreakdown = SalesBreakdown.NONE,
    ) -> list[SalesSummaryRow]:
        from crm.auth.loaders import user_loader
        from crm.orders.loaders import product_line_loader
        rows = await service.sales_summary(actor_of(info), period.start, period.end,
                                           group_by.value, by.value)
        keys = list({r.key_id for r in rows if r.key_id is not None})
        found: dict[Any, Any] = {}
        if by is SalesBreakdown.OWNER:
            found = dict(zip(keys, await user_loader(info).load_many(keys), strict=True))
        elif by is SalesBreakdown.PRODUCT_LINE:
            found = dict(zip(keys, await product_line_loader(info).load_many(keys), strict=True))
        out = []
        for r in rows:
            owner = found.get(r.key_id) if by is SalesBreakdown.OWNER else None
            line = found.get(r.key_id) if by is SalesBreakdown.PRODUCT_LINE else None
            out.append(SalesSummaryRow(
                period_start=r.period_start, orders=r.orders,
                booked=[Money.of(v, c) for c, v in sorted(r.booked.items())],  # type: ignore[misc]
                collected=[Money.of(v, c) for c, v in sorted(r.collected.items())],  # type: ignore[misc]
                owner=owner, product_line=line))
        return out


def _order_error(exc: ServiceError) -> OrderPayload:
    return OrderPayload(errors=exc.as_user_errors())


@strawberry.type
class OrdersMutation:
    @strawberry.mutation
    async def create_product_line(self, info: Info, input: CreateProductLineInput
                                  ) -> ProductLinePayload:
        return await respond(
            ProductLinePayload, "product_line",
            service.create_product_line(
            actor_of(info), input.name, _opt(input.parent_id, "ProductLine", "parentId"),
            parse_client_uuid(input.id)))

    @strawberry.mutation
    async def create_product(self, info: Info, input: CreateProductInput) -> ProductPayload:
        return await respond(
            ProductPayload, "product",
            service.create_product(
            actor_of(info), {"sku": input.sku, "name": input.name, "unit": input.unit,
                             "active": input.active, "track_stock": input.track_stock,
                             "line_id": _opt(input.line_id, "ProductLine", "lineId")},
            list_price=input.list_price, cost_price=input.cost_price,
            tax_rate=input.tax_rate, product_id=parse_client_uuid(input.id)))

    @strawberry.mutation(description="Rename or re-price a product (placed orders keep their "
                         "prices).")
    async def update_product(self, info: Info, input: UpdateProductInput) -> ProductPayload:
        try:
            changes = given(input, ["name", "unit", "line_id"])
            if changes.get("line_id"):
                changes["line_id"] = decode_id(str(changes["line_id"]), "ProductLine", "lineId")
            row = await service.update_product(
                actor_of(info), decode_id(input.id, "Product"), changes,
                list_price=input.list_price, cost_price=input.cost_price,
                tax_rate=input.tax_rate, expected_version=input.expected_version)
        except ServiceError as exc:
            return ProductPayload(errors=exc.as_user_errors())
        return ProductPayload(product=row)  # type: ignore[arg-type]

    @strawberry.mutation(description="Stop or resume selling a product.")
    async def set_product_active(self, info: Info, input: SetProductActiveInput) -> ProductPayload:
        return await respond(
            ProductPayload, "product",
            service.set_product_active(actor_of(info),
                                               decode_id(input.id, "Product"), input.active))

    @strawberry.mutation(description="A draft order; totals are computed on the server.")
    async def create_order(self, info: Info, input: CreateOrderInput) -> OrderPayload:
        try:
            lines = _order_lines(input.lines)
            order = await service.create_order(
                actor_of(info), customer_id=_opt(input.customer_id, "Customer", "customerId"),
                lines=lines, currency=input.currency,
                opportunity_id=_opt(input.opportunity_id, "Opportunity", "opportunityId"),
                owner_id=_opt(input.owner_id, "User", "ownerId"),
                warehouse_id=_opt(input.warehouse_id, "Warehouse", "warehouseId"),
                ordered_on=input.ordered_on,
                contract=service.ContractFields(
                    contract_signed_on=input.contract_signed_on,
                    contract_start=input.contract_start, contract_end=input.contract_end,
                    terms=input.terms, attachment_url=input.attachment_url, notes=input.notes),
                order_id=parse_client_uuid(input.id), idempotency_key=input.idempotency_key)
        except ServiceError as exc:
            return _order_error(exc)
        return OrderPayload(order=order)  # type: ignore[arg-type]

    @strawberry.mutation(description="Change an order's contract fields and notes.")
    async def update_order(self, info: Info, input: UpdateOrderInput) -> OrderPayload:
        try:
            order = await service.update_order(
                actor_of(info), decode_id(input.id, "Order"),
                given(input, service.ORDER_TEXT_COLUMNS), input.expected_version)
        except ServiceError as exc:
            return _order_error(exc)
        return OrderPayload(order=order)  # type: ignore[arg-type]

    @strawberry.mutation(description="Replace the lines of a draft; totals are recomputed.")
    async def replace_order_lines(self, info: Info, input: ReplaceOrderLinesInput
                                  ) -> OrderPayload:
        try:
            order = await service.replace_order_lines(
                actor_of(info), decode_id(input.id, "Order"), _order_lines(input.lines),
                input.expected_version)
        except ServiceError as exc:
            return _order_error(exc)
        return OrderPayload(order=order)  # type: ignore[arg-type]

    @strawberry.mutation(description="Confirm a draft and reserve its stock, all or nothing; "
                         "INSUFFICIENT_STOCK names each short line.")
    async def confirm_order(self, info: Info, input: ConfirmOrderInput) -> OrderPayload:
        try:
            order = await service.confirm_order(
                actor_of(info), decode_id(input.id, "Order"),
                warehouse_id=_opt(input.warehouse_id, "Warehouse", "warehouseId"),
                idempotency_key=input.idempotency_key)
        except ServiceError as exc:
            return _order_error(exc)
        return OrderPayload(order=order)  # type: ignore[arg-type]

    @strawberry.mutation(description="Cancel before shipping; reserved stock is released.")
    async def cancel_order(self, info: Info, input: CancelOrderInput) -> OrderPayload:
        try:
            order = await service.cancel_order(actor_of(info), decode_id(input.id, "Order"),
                                               input.reason)
        except ServiceError as exc:
            return _order_error(exc)
        return OrderPayload(order=order)  # type: ignore[arg-type]

    @strawberry.mutation(description="Close a delivered order.")
    async def complete_order(self, info: Info, input: OrderIdInput) -> OrderPayload:
        try:
            order = await service.complete_order(actor_of(info), decode_id(input.id, "Order"))
        except ServiceError as exc:
            return _order_error(exc)
        return OrderPayload(order=order)  # type: ignore[arg-type]

    @strawberry.mutation(description="Ship some or all of a confirmed order's lines.")
    async def create_shipment(self, info: Info, input: CreateShipmentInput) -> ShipmentPayload:
        actor = actor_of(info)
        try:
            order_id = decode_id(input.order_id, "Order", "orderId")
            lines = _lines(input.lines)
            if input.lines is None:
                lines = [service.QuantityInput(line.id, line.quantity - line.shipped_quantity)
                         for line in await service.order_lines(order_id)
                         if line.quantity > line.shipped_quantity]
            shipment = await service.create_shipment(
                actor, order_id, lines, carrier=input.carrier,
                tracking_number=input.tracking_number, idempotency_key=input.idempotency_key)
        except ServiceError as exc:
            return ShipmentPayload(errors=exc.as_user_errors())
        return ShipmentPayload(shipment=shipment)  # type: ignore[arg-type]

    @strawberry.mutation(description="Record the carrier's progress: in transit, delivered.")
    async def update_shipment_status(self, info: Info, input: UpdateShipmentStatusInput
                                     ) -> ShipmentPayload:
        return await respond(
            ShipmentPayload, "shipment",
            service.update_shipment_status(
            actor_of(info), decode_id(input.id, "Shipment"), input.status,
            location=input.location, note=input.note, occurred_at=input.occurred_at))

    @strawberry.mutation(description="Money received against an order (回款).")
    async def record_payment(self, info: Info, input: RecordPaymentInput) -> PaymentPayload:
        return await respond(
            PaymentPayload, "payment",
            service.record_payment(
            actor_of(info), decode_id(input.order_id, "Order", "orderId"),
            input.amount.amount, input.amount.currency, method=input.method,
            received_on=input.received_on, reference=input.reference,
            idempotency_key=input.idempotency_key))

    @strawberry.mutation(description="Ask to return or exchange shipped goods (退换货).")
    async def create_return_request(self, info: Info, input: CreateReturnRequestInput
                                    ) -> ReturnRequestPayload:
        return await respond(
            ReturnRequestPayload, "return_request",
            service.create_return_request(
            actor_of(info), decode_id(input.order_id, "Order", "orderId"), input.kind,
            input.reason, _lines(input.lines),
            warehouse_id=_opt(input.warehouse_id, "Warehouse", "warehouseId"),
            idempotency_key=input.idempotency_key))

    @strawberry.mutation
    async def approve_return(self, info: Info, input: ReturnIdInput) -> ReturnRequestPayload:
        return await _return_call(service.approve_return, info, input.id)

    @strawberry.mutation
    async def reject_return(self, info: Info, input: RejectReturnInput) -> ReturnRequestPayload:
        return await _return_call(service.reject_return, info, input.id, input.reason)

    @strawberry.mutation(description="The goods are back: restock; an exchange ships "
                         "replacements.")
    async def receive_return(self, info: Info, input: ReturnIdInput) -> ReturnRequestPayload:
        return await _return_call(service.receive_return, info, input.id)

    @strawberry.mutation(description="Refund a received return as a negative payment.")
    async def refund_return(self, info: Info, input: RefundReturnInput) -> ReturnRequestPayload:
        return await respond(
            ReturnRequestPayload, "return_request",
            service.refund_return(
            actor_of(info), decode_id(input.id, "ReturnRequest"), amount=input.amount,
            method=input.method, received_on=input.received_on, reference=input.reference))


async def _return_call(fn: Any, info: Info, pk: strawberry.ID, *args: Any) -> ReturnRequestPayload:
    try:
        ret = await fn(actor_of(info), decode_id(pk, "ReturnRequest"), *args)
    except ServiceError as exc:
        return ReturnRequestPayload(errors=exc.as_user_errors())
    return ReturnRequestPayload(return_request=ret)


Query = OrdersQuery
Mutation = OrdersMutation
