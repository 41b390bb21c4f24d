"""Stock: warehouses, stock levels and the movements ledger."""
