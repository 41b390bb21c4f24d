"""Cost hints of the auth module's lists (see crm.core.cost)."""

from crm.core.cost import register_cost_hint

# One entry per object type of the policy (29 today) and one per field of that type.
register_cost_hint("Me", "permissions", size=30)
register_cost_hint("TypePermission", "fields", size=20)
