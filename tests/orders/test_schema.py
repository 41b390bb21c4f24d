"""The exported schema names what the orders issue promises."""

from __future__ import annotations

from pathlib import Path

SCHEMA = Path(__file__).resolve().parents[2] / "schema.graphql"


def test_schema_has_the_order_and_stock_types_and_operations():
    sdl = SCHEMA.read_text()
    for t in ("Product", "ProductLine", "Warehouse", "StockLevel", "StockMovement", "Order",
              "OrderLine", "Shipment", "Payment", "ReturnRequest"):
        assert f"type {t} implements Node" in sdl, t
    for op in ("createOrder", "confirmOrder", "cancelOrder", "createShipment", "recordPayment",
               "createReturnRequest", "receiveStock", "adjustStock", "transferStock", "lowStock",
               "salesSummary", "orders"):
        assert f"  {op}(" in sdl, op
