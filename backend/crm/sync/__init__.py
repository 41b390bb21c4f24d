"""Mobile sync: the change feed (`changes`) an offline-first app catches up from."""
