"""Query, Mutation and Subscription fields of orders, shipments, payments and returns."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from typing import Annotated, Any

import strawberry
from strawberry.types import Info

from crm.core import live
from crm.core.connections import Connection
from crm.core.graphql import actor_of
from crm.core.ids import decode_id, optional_id, parse_client_uuid
from crm.core.inputs import IdInput, given, id_mutation
from crm.core.lists import list_field
from crm.core.payloads import respond
from crm.orders import service
from crm.orders.types import (
    ORDER_FILTER,
    ORDER_SORT,
    SHIPMENT_FILTER,
    SHIPMENT_SORT,
    CancelOrderInput,
    ConfirmOrderInput,
    CreateOrderInput,
    CreateReturnRequestInput,
    CreateShipmentInput,
    Order,
    OrderPayload,
    PaymentPayload,
    RecordPaymentInput,
    RefundReturnInput,
    RejectReturnInput,
    ReplaceOrderLinesInput,
    ReturnRequestPayload,
    Shipment,
    ShipmentPayload,
    UpdateOrderInput,
    UpdateShipmentStatusInput,
)


def _lines(items: Any) -> list[service.QuantityInput] | None:
    if items is None:
        return None
    return [service.QuantityInput(decode_id(str(i.order_line_id), "OrderLine",
                                            f"lines.{n}.orderLineId"), i.quantity)
            for n, i in enumerate(items)]


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
    orders: Connection[Order] = list_field(service.orders_query, ORDER_FILTER, ORDER_SORT,
                                           description="Orders in your row scope.")
    shipments: Connection[Shipment] = list_field(
        service.shipments_query, SHIPMENT_FILTER, SHIPMENT_SORT,
        description="Shipments of the orders in your row scope, oldest first: the warehouse's "
        "queue of what waits for the carrier (PENDING) and what is on its way (IN_TRANSIT).")


@strawberry.type
class OrdersMutation:
    @strawberry.mutation(description="Create a DRAFT order; its number and totals are computed on "
                         "the server. No stock is reserved until confirmOrder.")
    async def create_order(self, info: Info, input: CreateOrderInput) -> OrderPayload:
        return await respond(OrderPayload, "order", service.create_order(
            actor_of(info), customer_id=optional_id(input.customer_id, "Customer", "customerId"),
            lines=_order_lines(input.lines), currency=input.currency,
            opportunity_id=optional_id(input.opportunity_id, "Opportunity", "opportunityId"),
            owner_id=optional_id(input.owner_id, "User", "ownerId"),
            warehouse_id=optional_id(input.warehouse_id, "Warehouse", "warehouseId"),
            ordered_on=input.ordered_on,
            contract=service.ContractFields(
                contract_signed_on=input.contract_signed_on,
                contract_start=input.contract_start, contract_end=input.contract_end,
                terms=input.terms, attachment_url=input.attachment_url, notes=input.notes,
                ship_to_name=input.ship_to_name, ship_to_phone=input.ship_to_phone,
                ship_to_address=input.ship_to_address),
            order_id=parse_client_uuid(input.id), idempotency_key=input.idempotency_key))

    @strawberry.mutation(description="Change an order's contract fields and notes; refused once "
                         "it is CANCELLED.")
    async def update_order(self, info: Info, input: UpdateOrderInput) -> OrderPayload:
        return await respond(OrderPayload, "order", service.update_order(
            actor_of(info), decode_id(input.id, "Order"),
            given(input, service.ORDER_TEXT_COLUMNS), input.expected_version), with_current=True)

    @strawberry.mutation(description="Replace the lines of an order while it is DRAFT; totals "
                         "are computed again.")
    async def replace_order_lines(self, info: Info, input: ReplaceOrderLinesInput
                                  ) -> OrderPayload:
        return await respond(OrderPayload, "order", service.replace_order_lines(
            actor_of(info), decode_id(input.id, "Order"), _order_lines(input.lines),
            input.expected_version), with_current=True)

    @strawberry.mutation(description="Confirm a draft and reserve its stock, all or nothing; "
                         "INSUFFICIENT_STOCK names each short line.")
    async def confirm_order(self, info: Info, input: ConfirmOrderInput) -> OrderPayload:
        return await respond(OrderPayload, "order", service.confirm_order(
            actor_of(info), decode_id(input.id, "Order"),
            warehouse_id=optional_id(input.warehouse_id, "Warehouse", "warehouseId"),
            idempotency_key=input.idempotency_key))

    @strawberry.mutation(description="Cancel a DRAFT or CONFIRMED order; reserved stock is "
                         "released. Refused once something shipped or was paid.")
    async def cancel_order(self, info: Info, input: CancelOrderInput) -> OrderPayload:
        return await respond(OrderPayload, "order", service.cancel_order(
            actor_of(info), decode_id(input.id, "Order"), input.reason))

    complete_order = id_mutation(service.complete_order, "Order", OrderPayload, "order",
                                 description="Close a DELIVERED order as COMPLETED.")

    @strawberry.mutation(description="Ship some or all of what is left of a CONFIRMED or "
                         "PARTIALLY_SHIPPED order; the reserved stock leaves the warehouse "
                         "and the order becomes PARTIALLY_SHIPPED or SHIPPED.")
    async def create_shipment(self, info: Info, input: CreateShipmentInput) -> ShipmentPayload:
        return await respond(ShipmentPayload, "shipment", service.create_shipment(
            actor_of(info), decode_id(input.order_id, "Order", "orderId"), _lines(input.lines),
            carrier=input.carrier, tracking_number=input.tracking_number,
            idempotency_key=input.idempotency_key))

    @strawberry.mutation(description="Record the carrier's progress: in transit, delivered. The "
                         "order is DELIVERED once all its shipments are.")
    async def update_shipment_status(self, info: Info, input: UpdateShipmentStatusInput
                                     ) -> ShipmentPayload:
        return await respond(ShipmentPayload, "shipment", service.update_shipment_status(
            actor_of(info), decode_id(input.id, "Shipment"), input.status,
            location=input.location, note=input.note, occurred_at=input.occurred_at))

    @strawberry.mutation(description="Record money received against an order (回款) and update its "
                         "payment status; more than the balance due is refused.")
    async def record_payment(self, info: Info, input: RecordPaymentInput) -> PaymentPayload:
        return await respond(PaymentPayload, "payment", service.record_payment(
            actor_of(info), decode_id(input.order_id, "Order", "orderId"),
            input.amount.amount, input.amount.currency, method=input.method,
            received_on=input.received_on, reference=input.reference,
            idempotency_key=input.idempotency_key))

    @strawberry.mutation(description="Ask to return or exchange shipped goods (退换货), up to what "
                         "shipped and is not claimed by another return.")
    async def create_return_request(self, info: Info, input: CreateReturnRequestInput
                                    ) -> ReturnRequestPayload:
        return await respond(ReturnRequestPayload, "return_request", service.create_return_request(
            actor_of(info), decode_id(input.order_id, "Order", "orderId"), input.kind,
            input.reason, _lines(input.lines) or [],
            warehouse_id=optional_id(input.warehouse_id, "Warehouse", "warehouseId"),
            idempotency_key=input.idempotency_key))

    approve_return = id_mutation(
        service.approve_return, "ReturnRequest", ReturnRequestPayload, "return_request",
        description="Accept a REQUESTED return; the goods may then come back.")

    @strawberry.mutation(description="Refuse a REQUESTED or APPROVED return, with the reason.")
    async def reject_return(self, info: Info, input: RejectReturnInput) -> ReturnRequestPayload:
        return await respond(ReturnRequestPayload, "return_request", service.reject_return(
            actor_of(info), decode_id(input.id, "ReturnRequest"), input.reason))

    receive_return = id_mutation(
        service.receive_return, "ReturnRequest", ReturnRequestPayload, "return_request",
        description="The goods of an APPROVED return are back: restock them; a return is "
        "RECEIVED, an exchange ships replacements and is REPLACED.")

    @strawberry.mutation(description="Refund a RECEIVED return as a negative payment and close "
                         "it as REFUNDED; exchanges are refused.")
    async def refund_return(self, info: Info, input: RefundReturnInput) -> ReturnRequestPayload:
        return await respond(ReturnRequestPayload, "return_request", service.refund_return(
            actor_of(info), decode_id(input.id, "ReturnRequest"), amount=input.amount,
            method=input.method, received_on=input.received_on, reference=input.reference))


@strawberry.type
class OrdersSubscription:
    @strawberry.subscription(description="An order as it changes (status, payments, shipping, "
                             "lines), each push as `node(id:)` would read it; NOT_FOUND for an "
                             "order outside your row scope.")
    async def order_changed(self, info: Info, id: Annotated[strawberry.ID, strawberry.argument(
            description="The order.")]) -> AsyncGenerator[Order, None]:
        pk = decode_id(str(id), "Order", "id")
        await service.order_to_watch(actor_of(info), pk)
        async for actor, _notice in live.notices(
                info, lambda n: n.object_type == "Order" and n.object_id == pk):
            row = await service.order_as_listed(actor, pk)
            if row is not None:
                yield row  # type: ignore[misc]  # the model row resolves as its type


Query = OrdersQuery
Mutation = OrdersMutation
Subscription = OrdersSubscription
_ = IdInput
