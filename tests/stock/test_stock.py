"""Stock: receiving, adjusting, transferring, reorder rules and low stock, through the API;
every scenario ends with each level equal to the sum of its ledger."""

from __future__ import annotations

import asyncio

from crm.core.errors import ErrorCode, ServiceError
from crm.stock import service
from crm.stock.models import StockMovement
from tests.conftest import World
from tests.orders.helpers import assert_ledger, gid, level, make_shop


def _m(name: str, payload: str) -> str:
    return (f"mutation($input: {name[0].upper() + name[1:]}Input!) {{ {name}(input: $input) "
            f"{{ {payload} errors {{ field code message }} }} }}")


async def test_receive_adjust_transfer_through_the_api(world: World):
    shop = await make_shop(world, widgets=0, gadgets=0)
    w, main, second = gid("Product", shop.widget.id), gid("Warehouse", shop.main.id), \
        gid("Warehouse", shop.second.id)
    body = await world.gql("warehouse", _m("receiveStock", "level { onHand available }"),
                           {"input": {"productId": w, "warehouseId": main, "quantity": 40,
                                      "reason": "PO-7"}})
    assert body["data"]["receiveStock"]["level"] == {"onHand": 40, "available": 40}
    body = await world.gql("warehouse", _m("adjustStock", "level { onHand }"), {
        "input": {"productId": w, "warehouseId": main, "delta": -3, "reason": "盘点 count"}})
    assert body["data"]["adjustStock"]["level"] == {"onHand": 37}
    transfer = _m("transferStock", "source { onHand } target { onHand }")
    body = await world.gql("warehouse", transfer, {
        "input": {"productId": w, "fromWarehouseId": main, "toWarehouseId": second,
                  "quantity": 7}})
    assert body["data"]["transferStock"]["source"] == {"onHand": 30}
    assert body["data"]["transferStock"]["target"] == {"onHand": 7}
    body = await world.gql("admin", """query($p: ID!) { stockMovements(filter: {product: {eq: $p}}, first: 10) {
        edges { node { kind quantity onHandDelta reason warehouse { code } } } } }""", {"p": w})
    kinds = [(e["node"]["kind"], e["node"]["onHandDelta"])
             for e in body["data"]["stockMovements"]["edges"]]
    assert sorted(kinds) == sorted([("RECEIVE", 40), ("ADJUST", -3), ("TRANSFER_OUT", -7),
                                    ("TRANSFER_IN", 7)])
    await assert_ledger(world)


async def test_bad_stock_input_is_refused_and_nothing_written(world: World):
    shop = await make_shop(world, widgets=5, gadgets=0)
    w, main, second = gid("Product", shop.widget.id), gid("Warehouse", shop.main.id), \
        gid("Warehouse", shop.second.id)
    before = await StockMovement.filter(workspace_id=world.workspace.id).count()
    cases = [
        ("warehouse", "receiveStock", {"productId": w, "warehouseId": main, "quantity": 0},
         ("quantity", "INVALID")),
        ("warehouse", "receiveStock", {"productId": w, "warehouseId": main, "quantity": -4},
         ("quantity", "INVALID")),
        ("warehouse", "adjustStock", {"productId": w, "warehouseId": main, "delta": -6,
                                      "reason": "lost"}, ("delta", "INSUFFICIENT_STOCK")),
        ("warehouse", "adjustStock", {"productId": w, "warehouseId": main, "delta": 2,
                                      "reason": " "}, ("reason", "INVALID")),
        ("warehouse", "transferStock", {"productId": w, "fromWarehouseId": main,
                                        "toWarehouseId": second, "quantity": 6},
         ("quantity", "INSUFFICIENT_STOCK")),
        ("warehouse", "transferStock", {"productId": w, "fromWarehouseId": main,
                                        "toWarehouseId": main, "quantity": 1},
         ("toWarehouseId", "INVALID")),
        ("warehouse", "receiveStock", {"productId": gid("Product", shop.service.id),
                                       "warehouseId": main, "quantity": 1},
         ("productId", "INVALID")),
        ("rep1", "receiveStock", {"productId": w, "warehouseId": main, "quantity": 1},
         (None, "FORBIDDEN")),
    ]
    payload = {"receiveStock": "level { onHand }", "adjustStock": "level { onHand }",
               "transferStock": "source { onHand }"}
    for who, name, inp, expected in cases:
        body = await world.gql(who, _m(name, payload[name]), {"input": inp})
        errors = body["data"][name]["errors"]
        assert [(e["field"], e["code"]) for e in errors] == [expected], (name, inp)
    assert await StockMovement.filter(workspace_id=world.workspace.id).count() == before
    assert await level(None, shop.widget, shop.main) == (5, 0)


async def test_low_stock_lists_levels_at_their_reorder_point(world: World):
    shop = await make_shop(world, widgets=12, gadgets=30)
    w, g, main = gid("Product", shop.widget.id), gid("Product", shop.gadget.id), \
        gid("Warehouse", shop.main.id)
    for p, point, qty in [(w, 15, 50), (g, 10, 20)]:
        body = await world.gql("warehouse", _m("setReorderRule", "level { reorderPoint }"), {
            "input": {"productId": p, "warehouseId": main, "reorderPoint": point,
                      "reorderQuantity": qty}})
        assert body["data"]["setReorderRule"]["errors"] == []
    body = await world.gql("manager", """{ lowStock { suggestedQuantity
        level { available reorderPoint product { sku } } } }""")
    rows = body["data"]["lowStock"]
    assert [(r["level"]["product"]["sku"], r["level"]["available"], r["suggestedQuantity"])
            for r in rows] == [("W-1", 12, 53)]


async def test_concurrent_adjustments_never_go_negative(world: World):
    shop = await make_shop(world, widgets=10, gadgets=0)
    actor = await world.actor("warehouse")
    results = await asyncio.gather(*(
        service.adjust_stock(actor, shop.widget.id, shop.main.id, -3, "breakage")
        for _ in range(6)), return_exceptions=True)
    ok = [r for r in results if not isinstance(r, BaseException)]
    assert len(ok) == 3
    assert all(isinstance(r, ServiceError) and r.code is ErrorCode.INSUFFICIENT_STOCK
               for r in results if isinstance(r, BaseException))
    assert await level(None, shop.widget, shop.main) == (1, 0)
    await assert_ledger(world)


async def test_retried_creates_with_the_client_id_answer_with_the_first_record(world):
    """The same create again gets the first record back; the same id with another input is a
    CONFLICT, never the first record passed off as the second."""
    import uuid

    import pytest

    from crm.catalogue import service as catalogue_service
    from crm.stock import service as stock_service
    admin = await world.actor("admin")
    wid, lid, pid = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    first = await stock_service.create_warehouse(admin, {"code": "R1", "name": "Retry"}, wid)
    again = await stock_service.create_warehouse(admin, {"code": "R1", "name": "Retry"}, wid)
    assert again.id == first.id and again.code == "R1"
    with pytest.raises(ServiceError) as refused:
        await stock_service.create_warehouse(admin, {"code": "R2", "name": "Other"}, wid)
    assert (refused.value.code, refused.value.field) == (ErrorCode.CONFLICT, "id")
    line = await catalogue_service.create_product_line(admin, "Retry line", line_id=lid)
    assert (await catalogue_service.create_product_line(admin, "Retry line", line_id=lid)
            ).id == line.id
    with pytest.raises(ServiceError):
        await catalogue_service.create_product_line(admin, "Other", line_id=lid)
    product = await catalogue_service.create_product(admin, {"sku": "RT-1", "name": "Retry"},
                                                  product_id=pid)
    twice = await catalogue_service.create_product(admin, {"sku": "RT-1", "name": "Retry"},
                                                product_id=pid)
    assert twice.id == product.id and twice.sku == "RT-1"
    with pytest.raises(ServiceError):
        await catalogue_service.create_product(admin, {"sku": "RT-2", "name": "Other"},
                                               product_id=pid)
