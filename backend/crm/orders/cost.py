"""Cost hints of the orders module's lists (see crm.core.cost): what an order typically holds,
where the default of 10 per list would make every page of orders look ten times its size."""

from crm.core.cost import register_cost_hint

# A product's stock holds one level per warehouse, and companies run a few warehouses.
register_cost_hint("Product", "stock", size=3)
# Payments come in one or a few parts; goods leave in one or two shipments and rarely return.
register_cost_hint("Order", "payments", size=3)
register_cost_hint("Order", "shipments", size=2)
register_cost_hint("Order", "returns", size=1)
# A shipment or a return carries some of its order's lines; a shipment's tracking, a few events.
register_cost_hint("Shipment", "lines", size=5)
register_cost_hint("Shipment", "trackingEvents", size=5)
register_cost_hint("ReturnRequest", "lines", size=3)
