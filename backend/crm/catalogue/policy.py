"""Who sees products and their prices.

Everyone who deals with customers or goods reads the catalogue; admins and sales managers
change it. Cost prices and margins: `admin`, `finance` and sales managers only; list prices
are hidden from the warehouse and hr.
"""

from crm.core.policy import Access, FieldRule, ObjectRule, RowScope

A, N = RowScope.ALL, RowScope.NONE
R, W, NONE = Access.READ, Access.WRITE, Access.NONE

_CATALOGUE_READ = {"admin": A, "sales_manager": A, "sales_rep": A, "warehouse": A, "finance": A,
                   "viewer": A, "support": A, "marketing": A, "hr": N}

OBJECTS = {
    "ProductLine": ObjectRule(read=_CATALOGUE_READ, write={"admin": A, "sales_manager": A}),
    "Product": ObjectRule(read=_CATALOGUE_READ, write={"admin": A, "sales_manager": A}),
}

# Cost prices and margins.
COST = FieldRule(roles={"admin": R, "finance": R, "sales_manager": R}, default=NONE)
COST_WRITE = FieldRule(roles={"admin": W, "finance": R, "sales_manager": R}, default=NONE)
LIST_PRICE = FieldRule(roles={"admin": W, "sales_manager": W, "warehouse": NONE, "hr": NONE},
                       default=R)

FIELDS = {
    "Product.listPrice": LIST_PRICE,
    "Product.costPrice": COST_WRITE,
    "Product.margin": COST,
}

# Audit keys each type shows under another field's policy (None: never shown in history).
AUDIT_AS: dict[str, str | None] = {"Product.currency": "listPrice"}
