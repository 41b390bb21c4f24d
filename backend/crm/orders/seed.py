"""Demo data of stock and orders: 2 warehouses with stock for the catalogue's products, and 300
orders per scale unit in every status with shipments, payments, returns and exchanges.

Everything is written with bulk inserts. Stock levels are computed at the end from the movements
generated along the way, so every level equals the sum of its ledger and never goes negative.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict

from crm.catalogue.models import Product
from crm.core.seeding import DemoData, bulk_insert
from crm.orders.models import (
    Order,
    OrderLine,
    OrderSequence,
    OrderStatus,
    Payment,
    PaymentMethod,
    PaymentStatus,
    ReturnKind,
    ReturnLine,
    ReturnRequest,
    ReturnStatus,
    Shipment,
    ShipmentLine,
    ShipmentStatus,
    TrackingEvent,
)
from crm.orders.service import line_amounts, payment_status, returned_value
from crm.stock.models import MovementKind, StockLevel, StockMovement, Warehouse

# status, weight
_STATUSES = [(OrderStatus.DRAFT, 10), (OrderStatus.CONFIRMED, 14),
             (OrderStatus.PARTIALLY_SHIPPED, 10), (OrderStatus.SHIPPED, 14),
             (OrderStatus.DELIVERED, 16), (OrderStatus.COMPLETED, 26), (OrderStatus.CANCELLED, 10)]
_CARRIERS = ["顺丰 SF Express", "京东物流 JD Logistics", "中通 ZTO", "德邦 Deppon", "EMS"]
_REASONS = ["外观破损 Damaged in transit", "型号不符 Wrong model", "质量问题 Defective",
            "客户不再需要 No longer needed"]


class _Stock:
    """Levels kept in memory while movements are generated; written once at the end."""

    def __init__(self, demo: DemoData) -> None:
        self.demo = demo
        self.level_ids: dict[tuple[uuid.UUID, uuid.UUID], uuid.UUID] = {}
        self.on_hand: dict[tuple[uuid.UUID, uuid.UUID], int] = defaultdict(int)
        self.reserved: dict[tuple[uuid.UUID, uuid.UUID], int] = defaultdict(int)
        self.movements: list[StockMovement] = []

    def move(self, product_id: uuid.UUID, warehouse_id: uuid.UUID, kind: MovementKind, qty: int,
             on_hand: int, reserved: int, at: dt.datetime, ref_type: str | None = None,
             ref_id: uuid.UUID | None = None, reason: str | None = None,
             by: uuid.UUID | None = None) -> None:
        key = (product_id, warehouse_id)
        level_id = self.level_ids.setdefault(key, uuid.uuid4())
        self.on_hand[key] += on_hand
        self.reserved[key] += reserved
        assert self.on_hand[key] >= self.reserved[key] >= 0
        self.movements.append(StockMovement(
            id=uuid.uuid4(), workspace_id=self.demo.workspace.id, level_id=level_id,
            product_id=product_id, warehouse_id=warehouse_id, kind=kind, quantity=qty,
            on_hand_delta=on_hand, reserved_delta=reserved, reason=reason,
            reference_type=ref_type, reference_id=ref_id, created_by_id=by, created_at=at,
            updated_at=at))

    def available(self, product_id: uuid.UUID, warehouse_id: uuid.UUID) -> int:
        key = (product_id, warehouse_id)
        return self.on_hand[key] - self.reserved[key]


async def seed_demo(demo: DemoData) -> None:
    rng, wid, now, scale = demo.rng, demo.workspace.id, demo.now, demo.scale
    users = demo.users
    warehouse_user = users.get("warehouse@demo.test")
    finance_user = users.get("finance@demo.test")
    wh_by = warehouse_user.id if warehouse_user else None
    fin_by = finance_user.id if finance_user else None

    # The catalogue's seed ran before (module order): sell what it made.
    products = list(await Product.filter(workspace_id=wid).order_by("sku"))
    warehouses = [
        Warehouse(id=uuid.uuid4(), workspace_id=wid, code="SH", name="上海仓 Shanghai",
                  location="上海市浦东新区外高桥保税区", is_default=True),
        Warehouse(id=uuid.uuid4(), workspace_id=wid, code="GZ", name="广州仓 Guangzhou",
                  location="广州市黄埔区科学城"),
    ]
    stock = _Stock(demo)
    opening = now - dt.timedelta(days=400)
    for p in products:
        if not p.track_stock:
            continue
        for w in warehouses:
            stock.move(p.id, w.id, MovementKind.RECEIVE, 400 * scale, 400 * scale, 0, opening,
                       reason="期初库存 Opening stock", by=wh_by)

    owned = [c for c in demo.customers if c.owner_id is not None]
    orders: list[Order] = []
    order_lines: list[OrderLine] = []
    shipments: list[Shipment] = []
    shipment_lines: list[ShipmentLine] = []
    events: list[TrackingEvent] = []
    payments: list[Payment] = []
    returns: list[ReturnRequest] = []
    return_lines: list[ReturnLine] = []
    sequence: dict[int, int] = defaultdict(int)
    statuses, weights = zip(*_STATUSES, strict=True)
    n_orders = 300 * scale
    days = sorted(rng.randint(1, 360) for _ in range(n_orders))[::-1]

    def ship(order: Order, wanted: list[tuple[OrderLine, int]], at: dt.datetime,
             status: ShipmentStatus, return_id: uuid.UUID | None = None) -> None:
        sh = Shipment(id=uuid.uuid4(), workspace_id=wid, order_id=order.id,
                      warehouse_id=order.warehouse_id, carrier=rng.choice(_CARRIERS),
                      tracking_number=f"SF{rng.randint(10**11, 10**12 - 1)}", status=status,
                      shipped_at=at if status is not ShipmentStatus.PENDING else None,
                      delivered_at=at + dt.timedelta(days=2)
                      if status is ShipmentStatus.DELIVERED else None,
                      return_request_id=return_id, created_by_id=wh_by, created_at=at,
                      updated_at=at)
        shipments.append(sh)
        events.append(TrackingEvent(workspace_id=wid, shipment_id=sh.id,
                                    status=ShipmentStatus.PENDING, occurred_at=at, note="Packed"))
        if status is not ShipmentStatus.PENDING:
            events.append(TrackingEvent(workspace_id=wid, shipment_id=sh.id,
                                        status=ShipmentStatus.IN_TRANSIT,
                                        occurred_at=at + dt.timedelta(hours=6), location="上海"))
        if status is ShipmentStatus.DELIVERED:
            events.append(TrackingEvent(workspace_id=wid, shipment_id=sh.id,
                                        status=ShipmentStatus.DELIVERED,
                                        occurred_at=at + dt.timedelta(days=2)))
        for ol, q in wanted:
            shipment_lines.append(ShipmentLine(workspace_id=wid, shipment_id=sh.id,
                                               order_line_id=ol.id, quantity=q))
            if by_product[ol.product_id].track_stock:
                assert order.warehouse_id is not None
                stock.move(ol.product_id, order.warehouse_id, MovementKind.SHIP, q, -q, -q, at,
                           "Shipment", sh.id, by=wh_by)
            if return_id is None:
                ol.shipped_quantity += q
                ol.reserved_quantity -= q if by_product[ol.product_id].track_stock else 0

    def pay(order: Order, minor: int, on: dt.date, *, return_id: uuid.UUID | None = None) -> None:
        payments.append(Payment(
            workspace_id=wid, order_id=order.id, customer_id=order.customer_id,
            amount_minor=minor, currency=order.currency,
            method=rng.choice(list(PaymentMethod)[:5]), received_on=on,
            reference=f"BANK-{rng.randint(100000, 999999)}", recorded_by_id=fin_by,
            return_request_id=return_id,
            created_at=dt.datetime.combine(on, dt.time(10), tzinfo=dt.UTC),
            updated_at=dt.datetime.combine(on, dt.time(10), tzinfo=dt.UTC)))
        order.paid_minor += minor

    by_product = {p.id: p for p in products}
    for i in range(n_orders):
        customer = rng.choice(owned)
        status = rng.choices(statuses, weights)[0]
        created = now - dt.timedelta(days=days[i], hours=rng.randint(0, 8))
        sequence[created.year] += 1
        warehouse = rng.choice(warehouses)
        order = Order(
            id=uuid.uuid4(), workspace_id=wid,
            number=f"SO-{created.year}-{sequence[created.year]:06d}", customer_id=customer.id,
            owner_id=customer.owner_id, warehouse_id=warehouse.id, currency="CNY",
            ordered_on=created.date(), created_by_id=customer.owner_id, created_at=created,
            updated_at=created, terms="货到30天付款 Net 30" if rng.random() < 0.6 else None,
            contract_signed_on=created.date() if rng.random() < 0.5 else None,
            ship_to_name=customer.name, ship_to_phone=customer.phone,
            ship_to_address=customer.address)
        picks = rng.sample(products, rng.randint(1, 4))
        olines = []
        for pos, product in enumerate(picks):
            qty = rng.randint(1, 8) if product.track_stock else rng.randint(1, 3)
            discount = rng.choice([0, 0, 0, 500, 1000])
            amounts = line_amounts(qty, product.list_price_minor, discount, product.tax_rate_bp)
            olines.append(OrderLine(
                id=uuid.uuid4(), workspace_id=wid, order_id=order.id, position=pos,
                product_id=product.id, product_line_id=product.line_id,
                description=product.name, quantity=qty,
                unit_price_minor=product.list_price_minor, currency=order.currency,
                discount_bp=discount,
                tax_rate_bp=product.tax_rate_bp, net_minor=amounts.net_minor,
                tax_minor=amounts.tax_minor, total_minor=amounts.total_minor,
                unit_cost_minor=product.cost_price_minor, created_at=created,
                updated_at=created))
        order.subtotal_minor = sum(ol.net_minor for ol in olines)
        order.tax_minor = sum(ol.tax_minor for ol in olines)
        order.total_minor = sum(ol.total_minor for ol in olines)
        order.cost_minor = sum(ol.unit_cost_minor * ol.quantity for ol in olines)
        order_lines.extend(olines)
        orders.append(order)
        confirmed = status is not OrderStatus.DRAFT and not (
            status is OrderStatus.CANCELLED and rng.random() < 0.5)
        tracked_lines = [ol for ol in olines if by_product[ol.product_id].track_stock]
        if confirmed and any(stock.available(ol.product_id, warehouse.id) < ol.quantity
                             for ol in tracked_lines):
            status, confirmed = OrderStatus.DRAFT, False  # not enough stock: stays a draft
        order.status = status
        if not confirmed:
            if status is OrderStatus.CANCELLED:
                order.cancelled_at = created + dt.timedelta(days=1)
                order.cancel_reason = "客户取消 Customer cancelled"
            order.payment_status = payment_status(order)
            continue
        at = created + dt.timedelta(days=1)
        order.confirmed_at, order.confirmed_on = at, at.date()
        for ol in tracked_lines:
            stock.move(ol.product_id, warehouse.id, MovementKind.RESERVE, ol.quantity, 0,
                       ol.quantity, at, "Order", order.id, by=order.owner_id)
            ol.reserved_quantity, ol.warehouse_id = ol.quantity, warehouse.id
        if status is OrderStatus.CANCELLED:
            at = at + dt.timedelta(days=2)
            for ol in tracked_lines:
                stock.move(ol.product_id, warehouse.id, MovementKind.RELEASE, ol.quantity, 0,
                           -ol.quantity, at, "Order", order.id, "客户取消 Customer cancelled")
                ol.reserved_quantity = 0
            order.cancelled_at, order.cancel_reason = at, "客户取消 Customer cancelled"
            order.payment_status = payment_status(order)
            continue
        ship_at = at + dt.timedelta(days=rng.randint(1, 5))
        if status is OrderStatus.PARTIALLY_SHIPPED:
            first = olines[0]
            part = max(first.quantity // 2, 1) if len(olines) == 1 else first.quantity
            if len(olines) == 1 and first.quantity == 1:
                order.status = status = OrderStatus.CONFIRMED
            else:
                ship(order, [(first, part)], ship_at, ShipmentStatus.IN_TRANSIT)
        elif status in (OrderStatus.SHIPPED, OrderStatus.DELIVERED, OrderStatus.COMPLETED):
            final = ShipmentStatus.IN_TRANSIT if status is OrderStatus.SHIPPED \
                else ShipmentStatus.DELIVERED
            if len(olines) > 1 and rng.random() < 0.4:
                ship(order, [(olines[0], olines[0].quantity)], ship_at, final)
                ship(order, [(ol, ol.quantity) for ol in olines[1:]],
                     ship_at + dt.timedelta(days=2), final)
            else:
                ship(order, [(ol, ol.quantity) for ol in olines], ship_at, final)
            order.shipped_at = ship_at
            if final is ShipmentStatus.DELIVERED:
                order.delivered_at = ship_at + dt.timedelta(days=4)
            if status is OrderStatus.COMPLETED:
                order.completed_at = ship_at + dt.timedelta(days=30)
        # Payments: completed orders are paid; the others partly or not yet.
        due = order.total_minor
        pay_day = min((at + dt.timedelta(days=rng.randint(3, 40))).date(), now.date())
        if status is OrderStatus.COMPLETED or (
                status is OrderStatus.DELIVERED and rng.random() < 0.6):
            if rng.random() < 0.3:
                half = due // 2
                pay(order, half, pay_day)
                pay(order, due - half, min(pay_day + dt.timedelta(days=20), now.date()))
            else:
                pay(order, due, pay_day)
        elif rng.random() < 0.4:
            pay(order, due * rng.choice([20, 30, 50]) // 100, pay_day)
        # Returns and exchanges on some delivered or completed orders.
        if status in (OrderStatus.DELIVERED, OrderStatus.COMPLETED) and rng.random() < 0.12:
            ol = olines[0]
            kind = ReturnKind.RETURN if rng.random() < 0.6 else ReturnKind.EXCHANGE
            rstatus = rng.choice([ReturnStatus.REQUESTED, ReturnStatus.APPROVED,
                                  ReturnStatus.REFUNDED if kind is ReturnKind.RETURN
                                  else ReturnStatus.REPLACED,
                                  ReturnStatus.REFUNDED if kind is ReturnKind.RETURN
                                  else ReturnStatus.REPLACED, ReturnStatus.REJECTED])
            r_at = (order.delivered_at or ship_at) + dt.timedelta(days=3)
            ret = ReturnRequest(id=uuid.uuid4(), workspace_id=wid, order_id=order.id, kind=kind,
                                currency=order.currency,
                                status=rstatus, reason=rng.choice(_REASONS),
                                warehouse_id=warehouse.id, created_by_id=order.owner_id,
                                created_at=r_at, updated_at=r_at)
            returns.append(ret)
            return_lines.append(ReturnLine(workspace_id=wid, return_request_id=ret.id,
                                           order_line_id=ol.id, quantity=1))
            tracked_line = by_product[ol.product_id].track_stock
            if rstatus is ReturnStatus.REJECTED:
                ret.reject_reason, ret.closed_at = "超过退货期 Past the return window", r_at
            elif rstatus in (ReturnStatus.REQUESTED, ReturnStatus.APPROVED):
                ol.returned_quantity += 1
                if rstatus is ReturnStatus.APPROVED:
                    ret.approved_at = r_at + dt.timedelta(days=1)
            else:
                ret.approved_at = r_at + dt.timedelta(days=1)
                ret.received_at = ret.closed_at = r_at + dt.timedelta(days=4)
                if tracked_line:
                    stock.move(ol.product_id, warehouse.id, MovementKind.RETURN, 1, 1, 0,
                               ret.received_at, "ReturnRequest", ret.id, ret.reason, wh_by)
                if kind is ReturnKind.EXCHANGE:
                    if tracked_line:
                        stock.move(ol.product_id, warehouse.id, MovementKind.RESERVE, 1, 0, 1,
                                   ret.received_at, "ReturnRequest", ret.id, by=wh_by)
                    ship(order, [(ol, 1)], ret.received_at, ShipmentStatus.DELIVERED, ret.id)
                else:
                    value = returned_value(ol, 1)
                    refund = min(value, order.paid_minor)
                    ret.refund_minor = refund
                    order.returned_minor += value
                    if refund > 0:
                        pay(order, -refund, min(ret.received_at.date(), now.date()),
                            return_id=ret.id)
                    ol.returned_quantity += 1
        order.payment_status = payment_status(order)

    levels = []
    for (product_id, warehouse_id), level_id in stock.level_ids.items():
        key = (product_id, warehouse_id)
        levels.append(StockLevel(
            id=level_id, workspace_id=wid, product_id=product_id, warehouse_id=warehouse_id,
            on_hand=stock.on_hand[key], reserved=stock.reserved[key],
            reorder_point=0, reorder_quantity=0))
    # A few low levels for the low-stock alert.
    for lv in rng.sample(levels, min(3, len(levels))):
        lv.reorder_point = lv.on_hand - lv.reserved + 10
        lv.reorder_quantity = 100
    for lv in levels:
        if lv.reorder_point == 0:
            lv.reorder_point, lv.reorder_quantity = 50, 200

    await bulk_insert(Warehouse, warehouses)
    await bulk_insert(StockLevel, levels)
    await bulk_insert(StockMovement, stock.movements)
    await bulk_insert(Order, orders)
    await bulk_insert(OrderLine, order_lines)
    await bulk_insert(Shipment, shipments)
    await bulk_insert(ShipmentLine, shipment_lines)
    await bulk_insert(TrackingEvent, events)
    await bulk_insert(Payment, payments)
    await bulk_insert(ReturnRequest, returns)
    await bulk_insert(ReturnLine, return_lines)
    await bulk_insert(OrderSequence, [OrderSequence(workspace_id=wid, year=y, last_number=n)
                                      for y, n in sequence.items()])
    paid = sum(1 for o in orders if o.payment_status is PaymentStatus.PAID)
    demo.echo(f"Orders: {len(products)} products, {len(warehouses)} warehouses, {len(orders)} "
              f"orders ({paid} paid), {len(shipments)} shipments, {len(payments)} payments, "
              f"{len(returns)} returns, {len(stock.movements)} stock movements.")

