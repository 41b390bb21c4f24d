"""Who sees warehouses, stock levels and the movements ledger.

Stock is no secret inside the company: everyone who sells or ships reads it; the warehouse role
and admins change it. Stock carries no prices, so there are no field rules here.
"""

from crm.core.policy import ObjectRule, RowScope

A, N = RowScope.ALL, RowScope.NONE

_STOCK_READ = {"admin": A, "sales_manager": A, "sales_rep": A, "warehouse": A, "finance": A,
               "viewer": A, "support": A, "marketing": N, "hr": N}
_STOCK_WRITE = {"admin": A, "warehouse": A}

OBJECTS = {
    "Warehouse": ObjectRule(read=_STOCK_READ, write=_STOCK_WRITE),
    "StockLevel": ObjectRule(read=_STOCK_READ, write=_STOCK_WRITE),
    "StockMovement": ObjectRule(read=_STOCK_READ),
}

FIELDS: dict = {}

# Audit keys each type shows under another field's policy (None: never shown in history):
# a transfer records the quantity moved out of the level's stock on hand.
AUDIT_AS: dict[str, str | None] = {"StockLevel.quantity": "onHand",
                                   "StockMovement.levelId": None}
