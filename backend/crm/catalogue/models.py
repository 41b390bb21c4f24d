"""Products and product lines (产品线): what the company sells, below stock and orders.

Prices are integer minor units (`*_minor`) in the product's `currency`; the tax rate is in
basis points (1 bp = 0.01 percent).
"""

from __future__ import annotations

import uuid
from typing import Any, ClassVar

from tortoise import fields

from crm.core.models import Record


class ProductLine(Record):
    """A group of products, in a tree (产品线)."""

    name = fields.CharField(max_length=120)
    parent: Any = fields.ForeignKeyField("crm.ProductLine", related_name=False, null=True,
                                         on_delete=fields.SET_NULL)
    parent_id: uuid.UUID | None

    policy_type: ClassVar[str] = "ProductLine"

    class Meta:
        table = "product_line"
        indexes = (("workspace_id", "parent_id"),)


class Product(Record):
    """Something we sell, identified by a SKU unique in the workspace."""

    sku = fields.CharField(max_length=60)
    name = fields.CharField(max_length=200)
    line: Any = fields.ForeignKeyField("crm.ProductLine", related_name=False, null=True,
                                       on_delete=fields.SET_NULL)
    line_id: uuid.UUID | None
    unit = fields.CharField(max_length=20, default="pcs")
    currency = fields.CharField(max_length=3, default="CNY")
    list_price_minor = fields.BigIntField(default=0)
    cost_price_minor = fields.BigIntField(default=0)
    tax_rate_bp = fields.IntField(default=0)
    active = fields.BooleanField(default=True)
    track_stock = fields.BooleanField(default=True)

    policy_type: ClassVar[str] = "Product"

    class Meta:
        table = "product"
        unique_together = (("workspace_id", "sku"),)
        indexes = (("workspace_id", "line_id"), ("workspace_id", "name"))
