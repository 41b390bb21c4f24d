"""Orders: products, orders/contracts, shipments, payments and returns."""
