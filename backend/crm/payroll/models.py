"""Employees, compensation plans, benefit settings, pay runs, payslips and adjustments.

Money is stored as integer minor units with a currency code; rates as exact decimal text
inside JSON (never a float, never a rounding DecimalField).
"""

from __future__ import annotations

import uuid
from enum import Enum
from typing import Any, ClassVar

from tortoise import fields

from crm.core.models import Record, WorkspaceScoped


class EmployeeStatus(str, Enum):
    ACTIVE = "active"
    ON_LEAVE = "on_leave"
    TERMINATED = "terminated"


class PayRunStatus(str, Enum):
    DRAFT = "draft"
    CALCULATED = "calculated"
    APPROVED = "approved"
    PAID = "paid"


class AdjustmentKind(str, Enum):
    BONUS = "bonus"
    DEDUCTION = "deduction"
    CORRECTION = "correction"


class CompensationPlan(Record):
    """Base salary plus commission tiers on collected revenue.

    `commission_tiers` is a list of {"threshold_minor": int, "rate": "0.05"} (rates as text).
    """

    name = fields.CharField(max_length=120)
    description = fields.TextField(null=True)
    currency = fields.CharField(max_length=3, default="CNY")
    commission_tiers: Any = fields.JSONField(default=list)
    new_customer_bonus_minor = fields.BigIntField(default=0)

    policy_type: ClassVar[str] = "CompensationPlan"

    class Meta:
        table = "compensation_plan"
        unique_together = (("workspace_id", "name"),)


class PayrollSettings(WorkspaceScoped):
    """Benefit settings of a workspace (五险一金 rates, leave, the tax table).

    `contributions` is a list of {"code", "label", "employee_rate", "employer_rate"} and
    `tax_brackets` a list of {"threshold_minor", "rate", "quick_deduction_minor"}, rates as
    decimal text.
    """

    currency = fields.CharField(max_length=3, default="CNY")
    contributions: Any = fields.JSONField(default=list)
    tax_brackets: Any = fields.JSONField(default=list)
    monthly_basic_deduction_minor = fields.BigIntField(default=500000)
    annual_leave_days = fields.IntField(default=5)
    version = fields.IntField(default=1)

    policy_type: ClassVar[str] = "PayrollSettings"

    class Meta:
        table = "payroll_settings"
        unique_together = (("workspace_id",),)


class Employee(Record):
    """A person on the payroll, linked to their CRM user."""

    user: Any = fields.ForeignKeyField("crm.User", related_name=False, on_delete=fields.RESTRICT)
    user_id: uuid.UUID
    employee_number = fields.CharField(max_length=40)
    department = fields.CharField(max_length=120, null=True)
    team_id = fields.UUIDField(null=True)
    title = fields.CharField(max_length=120, null=True)
    hire_date = fields.DateField()
    status = fields.CharEnumField(EmployeeStatus, max_length=20, default=EmployeeStatus.ACTIVE)
    currency = fields.CharField(max_length=3, default="CNY")
    base_salary_minor = fields.BigIntField(default=0)
    bank_account = fields.CharField(max_length=64, null=True)
    social_insurance_base_minor = fields.BigIntField(default=0)
    # Monthly 专项附加扣除 (special additional deductions) taken off taxable income.
    monthly_tax_allowance_minor = fields.BigIntField(default=0)
    plan: Any = fields.ForeignKeyField("crm.CompensationPlan", related_name=False, null=True,
                                       on_delete=fields.SET_NULL)
    plan_id: uuid.UUID | None
    annual_leave_days = fields.IntField(default=5)
    annual_leave_used_days = fields.IntField(default=0)

    policy_type: ClassVar[str] = "Employee"
    owner_column: ClassVar[str | None] = "user_id"

    @property
    def owner_id(self) -> uuid.UUID:
        return self.user_id

    class Meta:
        table = "employee"
        unique_together = (("workspace_id", "user_id"), ("workspace_id", "employee_number"))


class PayRun(Record):
    """The payroll of one month: DRAFT, CALCULATED, APPROVED (immutable), PAID."""

    year = fields.IntField()
    month = fields.IntField()
    currency = fields.CharField(max_length=3, default="CNY")
    status = fields.CharEnumField(PayRunStatus, max_length=20, default=PayRunStatus.DRAFT)
    gross_minor = fields.BigIntField(default=0)
    net_minor = fields.BigIntField(default=0)
    tax_minor = fields.BigIntField(default=0)
    employer_cost_minor = fields.BigIntField(default=0)
    payslip_count = fields.IntField(default=0)
    calculated_at = fields.DatetimeField(null=True)
    approved_at = fields.DatetimeField(null=True)
    approved_by_id = fields.UUIDField(null=True)
    paid_at = fields.DatetimeField(null=True)

    policy_type: ClassVar[str] = "PayRun"

    class Meta:
        table = "pay_run"
        unique_together = (("workspace_id", "year", "month"),)


class Payslip(WorkspaceScoped):
    """The pay of one employee in one run, with explanation lines for every figure.

    `owner_id` is the user of the employee, so the row scope OWN gives each person their own.
    `payments` lists the payments the commission came from and `lines` how each figure was
    calculated. The cumulative columns carry the tax year forward to the next month.
    """

    pay_run: Any = fields.ForeignKeyField("crm.PayRun", related_name=False,
                                          on_delete=fields.CASCADE)
    pay_run_id: uuid.UUID
    employee: Any = fields.ForeignKeyField("crm.Employee", related_name=False,
                                           on_delete=fields.RESTRICT)
    employee_id: uuid.UUID
    owner_id = fields.UUIDField()
    employee_name = fields.CharField(max_length=120)
    employee_number = fields.CharField(max_length=40)
    year = fields.IntField()
    month = fields.IntField()
    status = fields.CharEnumField(PayRunStatus, max_length=20, default=PayRunStatus.CALCULATED)
    currency = fields.CharField(max_length=3)
    base_minor = fields.BigIntField()
    collected_minor = fields.BigIntField()
    commission_minor = fields.BigIntField()
    bonus_minor = fields.BigIntField()
    adjustments_minor = fields.BigIntField()
    gross_minor = fields.BigIntField()
    employee_contributions_minor = fields.BigIntField()
    employer_contributions_minor = fields.BigIntField()
    taxable_minor = fields.BigIntField()
    tax_minor = fields.BigIntField()
    net_minor = fields.BigIntField()
    employer_cost_minor = fields.BigIntField()
    cum_months = fields.IntField()
    cum_gross_minor = fields.BigIntField()
    cum_contributions_minor = fields.BigIntField()
    cum_other_deductions_minor = fields.BigIntField()
    cum_tax_minor = fields.BigIntField()
    payments: Any = fields.JSONField(default=list)
    lines: Any = fields.JSONField(default=list)

    policy_type: ClassVar[str] = "Payslip"
    owner_column: ClassVar[str | None] = "owner_id"

    class Meta:
        table = "payslip"
        unique_together = (("workspace_id", "pay_run_id", "employee_id"),)
        indexes = (("workspace_id", "owner_id", "year", "month"),
                   ("workspace_id", "employee_id", "year", "month"))


class PayAdjustment(Record):
    """A one-off bonus or deduction entered by HR, or a correction of an approved run that
    goes into a later run. Applies to the run of (year, month)."""

    employee: Any = fields.ForeignKeyField("crm.Employee", related_name=False,
                                           on_delete=fields.CASCADE)
    employee_id: uuid.UUID
    kind = fields.CharEnumField(AdjustmentKind, max_length=20)
    amount_minor = fields.BigIntField()
    currency = fields.CharField(max_length=3)
    year = fields.IntField()
    month = fields.IntField()
    description = fields.CharField(max_length=500)
    corrects_payslip_id = fields.UUIDField(null=True)

    policy_type: ClassVar[str] = "PayAdjustment"

    class Meta:
        table = "pay_adjustment"
        indexes = (("workspace_id", "year", "month"), ("workspace_id", "employee_id"))
