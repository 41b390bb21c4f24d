"""Warehouses, stock levels per product and warehouse, and the append-only movements ledger.

A level's `on_hand` and `reserved` always equal the sums of its movements' deltas: every change
of a level appends its movement in the same transaction (see `crm.stock.service`).
"""

from __future__ import annotations

import uuid
from enum import Enum
from typing import Any, ClassVar

from tortoise import fields

from crm.core.models import Record, WorkspaceScoped


class MovementKind(str, Enum):
    RECEIVE = "receive"
    RESERVE = "reserve"
    RELEASE = "release"
    SHIP = "ship"
    ADJUST = "adjust"
    RETURN = "return"
    TRANSFER_OUT = "transfer_out"
    TRANSFER_IN = "transfer_in"


class Warehouse(Record):
    """A place that holds stock (仓库)."""

    code = fields.CharField(max_length=30)
    name = fields.CharField(max_length=120)
    location = fields.CharField(max_length=300, null=True)
    is_default = fields.BooleanField(default=False)
    active = fields.BooleanField(default=True)

    policy_type: ClassVar[str] = "Warehouse"

    class Meta:
        table = "warehouse"
        unique_together = (("workspace_id", "code"),)


class StockLevel(WorkspaceScoped):
    """How much of one product one warehouse holds, and how much of it is promised to orders."""

    product: Any = fields.ForeignKeyField("crm.Product", related_name=False,
                                          on_delete=fields.CASCADE)
    product_id: uuid.UUID
    warehouse: Any = fields.ForeignKeyField("crm.Warehouse", related_name=False,
                                            on_delete=fields.CASCADE)
    warehouse_id: uuid.UUID
    on_hand = fields.IntField(default=0)
    reserved = fields.IntField(default=0)
    reorder_point = fields.IntField(default=0)
    reorder_quantity = fields.IntField(default=0)

    policy_type: ClassVar[str] = "StockLevel"

    @property
    def available(self) -> int:
        return self.on_hand - self.reserved

    class Meta:
        table = "stock_level"
        unique_together = (("workspace_id", "product_id", "warehouse_id"),)
        indexes = (("workspace_id", "warehouse_id"),)


class StockMovement(WorkspaceScoped):
    """One line of the stock ledger: never updated, never deleted."""

    level: Any = fields.ForeignKeyField("crm.StockLevel", related_name=False,
                                        on_delete=fields.CASCADE)
    level_id: uuid.UUID
    product_id = fields.UUIDField()
    warehouse_id = fields.UUIDField()
    kind = fields.CharEnumField(MovementKind, max_length=20)
    quantity = fields.IntField()
    on_hand_delta = fields.IntField(default=0)
    reserved_delta = fields.IntField(default=0)
    reason = fields.CharField(max_length=300, null=True)
    # What caused it: an order, shipment, return request or transfer.
    reference_type = fields.CharField(max_length=40, null=True)
    reference_id = fields.UUIDField(null=True)
    created_by_id = fields.UUIDField(null=True)

    policy_type: ClassVar[str] = "StockMovement"

    class Meta:
        table = "stock_movement"
        indexes = (("workspace_id", "level_id", "created_at"),
                   ("workspace_id", "product_id", "created_at"),
                   ("workspace_id", "reference_id"))
