"""客户管理: customers, contacts, tags, the public pool, duplicates and merges."""
