"""Cost hints of the customers module's lists (see crm.core.cost)."""

from crm.core.cost import register_cost_hint

# A customer carries a handful of tags and contacts, not the ten of an unhinted list.
register_cost_hint("Customer", "tags", size=5)
register_cost_hint("Customer", "contacts", size=5)
