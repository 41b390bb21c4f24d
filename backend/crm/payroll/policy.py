"""Who sees payroll: private by design.

`hr` writes everything here; `finance` reads pay runs, payslips and what they are made of
(bank accounts masked); each employee reads their own payslips (row scope OWN on Payslip,
owner = the employee's user) and nothing else of payroll; every other role, `admin`
included, sees none of it (team performance, with no pay in it, is analytics'). Salary
history is readable by `hr` only.
"""

from crm.core.policy import Access, FieldRule, ObjectRule, RowScope

A, T, OWN, N = RowScope.ALL, RowScope.TEAM, RowScope.OWN, RowScope.NONE

_HR_FINANCE = {"hr": A, "finance": A}
_HR_WRITE = {"hr": A}

OBJECTS = {
    "Employee": ObjectRule(read=_HR_FINANCE, write=_HR_WRITE),
    "CompensationPlan": ObjectRule(read=_HR_FINANCE, write=_HR_WRITE),
    "PayrollSettings": ObjectRule(read=_HR_FINANCE, write=_HR_WRITE),
    # hr prepares and calculates a run; finance, who did not calculate it, approves and pays it.
    "PayRun": ObjectRule(read=_HR_FINANCE, write=_HR_WRITE, actions={
        "calculate": ("hr",), "approve": ("finance",), "markPaid": ("finance",)}),
    "PayAdjustment": ObjectRule(read=_HR_FINANCE, write=_HR_WRITE),
    # Everyone reaches their own payslips (myPayslips); hr and finance all of them.
    "Payslip": ObjectRule(read={"admin": OWN, "sales_manager": OWN, "sales_rep": OWN,
                                "marketing": OWN, "support": OWN, "warehouse": OWN,
                                "viewer": OWN, "finance": A, "hr": A},
                          write=_HR_WRITE),
}

# hr writes, finance reads, nobody else (they do not reach the rows anyway: belt and braces).
_PAY = FieldRule(roles={"hr": Access.WRITE, "finance": Access.READ})
# Salary: as _PAY, and its old and new values in the audit history are for hr only.
_SALARY = FieldRule(roles={"hr": Access.WRITE, "finance": Access.READ}, history_roles=("hr",))
# A payslip figure: hr and finance read it, the employee reads their own.
_SLIP = FieldRule(roles={"hr": Access.READ, "finance": Access.READ}, owner=Access.READ)

FIELDS = {
    "Employee.baseSalary": _SALARY,
    "Employee.socialInsuranceBase": _SALARY,
    "Employee.monthlyTaxAllowance": _SALARY,
    "Employee.bankAccount": FieldRule(roles={"hr": Access.WRITE}, default=Access.MASKED,
                                      mask="phone", history_roles=("hr",)),
    "Employee.compensationPlan": _PAY,
    "Employee.payslips": _PAY,
    "CompensationPlan.commissionTiers": _PAY,
    "CompensationPlan.newCustomerBonus": _PAY,
    "PayRun.gross": _PAY,
    "PayRun.net": _PAY,
    "PayRun.tax": _PAY,
    "PayRun.employerCost": _PAY,
    "PayRun.payslips": _PAY,
    "PayRun.payslipCount": _PAY,
    "PayAdjustment.amount": _PAY,
    "PayAdjustment.correctsPayslipId": _PAY,
    **{f"Payslip.{name}": _SLIP for name in (
        "base", "collected", "commission", "commissionPayments", "bonus", "adjustments",
        "gross", "employeeContributions", "employerContributions", "taxable", "tax", "net",
        "employerCost", "lines",
    )},
}

# Audit keys each type shows under another field's policy (None: never shown in history).
AUDIT_AS: dict[str, str | None] = {
    "Employee.currency": "baseSalary",
    "Employee.planId": "compensationPlan",
    "PayAdjustment.currency": "amount",
    "PayRun.approvedById": "approvedAt",
    "Payslip.ownerId": None,
    "Payslip.cumMonths": None,
    "Payslip.cumContributions": None,
    "Payslip.cumOtherDeductions": None,
    "Payslip.cumTax": None,
    "Payslip.cumGross": None,
    "Payslip.payments": "commissionPayments",
}
