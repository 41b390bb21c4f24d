"""The demo workspace's default approval rules: a rep's discounts beyond 10% go to their
manager, orders above 100,000 CNY to a sales manager and then an admin, transfers across teams
to an admin, and (switched off, for an admin to turn on) refunds above 10,000 CNY to finance:
the demo's returns are refunded by finance in its walkthroughs. Pay runs are left unguarded: finance already
approves them, and admins read no payroll."""

from __future__ import annotations

from decimal import Decimal

from crm.approvals import service
from crm.approvals.models import ApproverSource, RuleKind
from crm.core.policy import system_actor
from crm.core.seeding import DemoData

S = service.StepSpec

DEFAULT_RULES = [
    service.RuleSpec(name="折扣审批 Discounts beyond the role's limit", kind=RuleKind.LINE_DISCOUNT,
                     discount_limits={"sales_rep": Decimal("10"), "sales_manager": Decimal("25")},
                     steps=[S(by=ApproverSource.MANAGER, level=1)]),
    service.RuleSpec(name="大额订单 Orders above 100,000 CNY", kind=RuleKind.ORDER_AMOUNT,
                     threshold=(Decimal("100000"), "CNY"),
                     steps=[S(by=ApproverSource.ROLE, role="sales_manager"),
                            S(by=ApproverSource.ROLE, role="admin")]),
    service.RuleSpec(name="大额退款 Refunds above 10,000 CNY", kind=RuleKind.REFUND_AMOUNT,
                     threshold=(Decimal("10000"), "CNY"), enabled=False,
                     steps=[S(by=ApproverSource.ROLE, role="finance")]),
    service.RuleSpec(name="跨团队转移 Transfers across teams", kind=RuleKind.CUSTOMER_TRANSFER,
                     steps=[S(by=ApproverSource.ROLE, role="admin")]),
]


async def seed_demo(demo: DemoData) -> None:
    admin = system_actor(demo.workspace.id, "seed")
    for spec in DEFAULT_RULES:
        await service.create_rule(admin, spec)
    demo.echo(f"  {len(DEFAULT_RULES)} approval rules")
