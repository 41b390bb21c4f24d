"""The CRM graph: one GraphQL graph over customers, sales, orders, stock, payroll and more."""
