"""Stock is never oversold, an order's quantities never exceeded, and idempotent retries write
once, when many requests run at the same time. On PostgreSQL the calls run on separate pooled
connections (asserted by watching pg_stat_activity); on SQLite Tortoise serialises them."""

from __future__ import annotations

import asyncio
import contextlib
from decimal import Decimal
from typing import Any

import pytest

from crm.core.errors import ErrorCode, ServiceError
from crm.core.models import IdempotencyKey
from crm.orders import service
from crm.orders.models import Order, OrderLine, Payment
from crm.orders.service import LineInput, QuantityInput
from tests.conftest import DB_KIND, World
from tests.orders.helpers import assert_ledger, counts, level, make_shop


class Overlap:
    """On PostgreSQL, the most connections of the test database seen busy at once."""

    def __init__(self, database: str) -> None:
        self.url = database.replace("postgres://", "postgresql://")
        self.peak = 0
        self._task: asyncio.Task[Any] | None = None

    async def _watch(self) -> None:
        import asyncpg
        conn = await asyncpg.connect(self.url)
        try:
            while True:
                busy = await conn.fetchval(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                    "AND pid <> pg_backend_pid() AND state IN ('active', 'idle in transaction')")
                self.peak = max(self.peak, busy)
                await asyncio.sleep(0.001)
        finally:
            await conn.close()

    async def __aenter__(self) -> Overlap:
        if DB_KIND == "postgres":
            self._task = asyncio.create_task(self._watch())
            await asyncio.sleep(0.05)
        return self

    async def __aexit__(self, *exc: Any) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            assert self.peak >= 2, "the calls did not run on separate connections"


async def test_fifty_confirmations_against_ten_in_stock(world: World, database: str):
    shop = await make_shop(world, widgets=10)
    rep = await world.actor("rep1")
    drafts = [await service.create_order(rep, customer_id=shop.customer.id,
                                         lines=[LineInput(shop.widget.id, 1)]) for _ in range(50)]
    async with Overlap(database):
        results = await asyncio.gather(*(service.confirm_order(rep, d.id) for d in drafts),
                                       return_exceptions=True)
    confirmed = [r for r in results if isinstance(r, Order)]
    refused = [r for r in results if isinstance(r, ServiceError)]
    assert len(confirmed) == 10
    assert len(refused) == 40, [r for r in results if not isinstance(r, Order | ServiceError)]
    assert {r.code for r in refused} == {ErrorCode.INSUFFICIENT_STOCK}
    assert await level(None, shop.widget, shop.main) == (10, 10)
    assert await Order.filter(workspace_id=world.workspace.id, status="confirmed").count() == 10
    await assert_ledger(world)


async def test_concurrent_shipments_and_returns_never_exceed_the_order(world: World,
                                                                       database: str):
    shop = await make_shop(world)
    rep = await world.actor("rep1")
    warehouse = await world.actor("warehouse")
    order = await service.create_order(rep, customer_id=shop.customer.id,
                                       lines=[LineInput(shop.widget.id, 5)])
    await service.confirm_order(rep, order.id)
    line = (await service.order_lines(order.id))[0]
    async with Overlap(database):
        shipped = await asyncio.gather(*(
            service.create_shipment(warehouse, order.id, [QuantityInput(line.id, 1)])
            for _ in range(12)), return_exceptions=True)
    assert sum(1 for s in shipped if not isinstance(s, BaseException)) == 5
    assert all(isinstance(s, ServiceError) for s in shipped if isinstance(s, BaseException))
    line = await OrderLine.get(id=line.id)
    assert (line.shipped_quantity, line.reserved_quantity) == (5, 0)
    assert await level(None, shop.widget, shop.main) == (95, 0)
    async with Overlap(database):
        returned = await asyncio.gather(*(
            service.create_return_request(rep, order.id, service.ReturnKind.RETURN, "damaged",
                                          [QuantityInput(line.id, 2)])
            for _ in range(6)), return_exceptions=True)
    assert sum(1 for r in returned if not isinstance(r, BaseException)) == 2
    line = await OrderLine.get(id=line.id)
    assert line.returned_quantity == 4
    await assert_ledger(world)


async def test_concurrent_retries_with_one_key_write_once(world: World, database: str):
    shop = await make_shop(world)
    rep = await world.actor("rep1")
    before = await counts(world)

    def create() -> Any:
        return service.create_order(rep, customer_id=shop.customer.id,
                                    lines=[LineInput(shop.widget.id, 2)],
                                    idempotency_key="offline-42")

    async with Overlap(database):
        orders = await asyncio.gather(*(create() for _ in range(10)))
    assert len({o.id for o in orders}) == 1
    after = await counts(world)
    assert after["Order"] == before["Order"] + 1
    assert after["IdempotencyKey"] == before["IdempotencyKey"] + 1
    # A later retry returns the same order and writes nothing.
    assert (await create()).id == orders[0].id
    assert await counts(world) == after
    # The same key with another input is a conflict, and writes nothing.
    with pytest.raises(ServiceError) as err:
        await service.create_order(rep, customer_id=shop.customer.id,
                                   lines=[LineInput(shop.widget.id, 3)],
                                   idempotency_key="offline-42")
    assert err.value.code is ErrorCode.CONFLICT
    assert await counts(world) == after

    order = await service.confirm_order(rep, orders[0].id, idempotency_key="confirm-1")
    finance = await world.actor("finance")
    async with Overlap(database):
        payments = await asyncio.gather(*(
            service.record_payment(finance, order.id, Decimal("100.00"), "CNY",
                                   idempotency_key="pay-1") for _ in range(8)))
    assert len({p.id for p in payments}) == 1
    assert await Payment.filter(order_id=order.id).count() == 1
    assert (await Order.get(id=order.id)).paid_minor == 10000
    # A confirm retried after success returns the confirmed order, it does not fail.
    assert (await service.confirm_order(rep, order.id, idempotency_key="confirm-1")).id == order.id
    assert await IdempotencyKey.filter(workspace_id=world.workspace.id).count() == 3
    await assert_ledger(world)


async def test_concurrent_orders_get_distinct_numbers(world: World):
    shop = await make_shop(world)
    rep = await world.actor("rep1")
    orders = await asyncio.gather(*(
        service.create_order(rep, customer_id=shop.customer.id,
                             lines=[LineInput(shop.gadget.id, 1)]) for _ in range(15)))
    assert len({o.number for o in orders}) == 15


async def test_confirmations_adjustments_and_transfers_racing_on_one_level(world: World,
                                                                          database: str):
    from crm.stock import service as stock
    shop = await make_shop(world, widgets=15)
    rep = await world.actor("rep1")
    keeper = await world.actor("warehouse")
    drafts = [await service.create_order(rep, customer_id=shop.customer.id,
                                         lines=[LineInput(shop.widget.id, 1),
                                                LineInput(shop.gadget.id, 1)])
              for _ in range(20)]
    calls: list[Any] = [service.confirm_order(rep, d.id) for d in drafts]
    calls += [stock.adjust_stock(keeper, shop.widget.id, shop.main.id, -1, "breakage")
              for _ in range(5)]
    calls += [stock.transfer_stock(keeper, shop.widget.id, shop.main.id, shop.second.id, 1)
              for _ in range(5)]
    calls += [stock.transfer_stock(keeper, shop.widget.id, shop.second.id, shop.main.id, 1)
              for _ in range(3)]
    async with Overlap(database):
        results = await asyncio.gather(*calls, return_exceptions=True)
    unexpected = [r for r in results
                  if isinstance(r, BaseException) and not isinstance(r, ServiceError)]
    assert unexpected == []
    main_on_hand, main_reserved = await level(None, shop.widget, shop.main)
    second_on_hand, second_reserved = await level(None, shop.widget, shop.second)
    assert 0 <= main_reserved <= main_on_hand and second_reserved == 0 <= second_on_hand
    confirmed = await Order.filter(workspace_id=world.workspace.id, status="confirmed").count()
    assert confirmed == main_reserved
    assert main_on_hand + second_on_hand == 15 - sum(
        1 for r in results[20:25] if not isinstance(r, BaseException))
    await assert_ledger(world)
