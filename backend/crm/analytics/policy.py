"""Who sees the figures of analytics.

Sales figures (`salesSummary`) are sums over the orders the caller may read, and need read
access to order totals. Team performance lists reps by the `RepPerformance` row scope: hr every
rep, a sales manager the reps of their teams, a rep only themself; the figures carry no pay.
"""

from crm.core.policy import FieldRule, ObjectRule, RowScope

A, T, OWN = RowScope.ALL, RowScope.TEAM, RowScope.OWN

OBJECTS = {
    "RepPerformance": ObjectRule(read={"hr": A, "admin": A, "sales_manager": T, "sales_rep": OWN}),
}

FIELDS: dict[str, FieldRule] = {}
