"""Who may see and change what, written down as the business states it, independently of
`policy.py`: the tests compare what the API does against these facts, and compare `policy.py`
against them too, so a wrong rule in the table cannot agree with itself.

Rows: `all`, `team` (the owner is in my team or below, me included), `own` (the owner is me),
`none`. Fields: `write`, `read`, `masked`, `none`; `owner` is the access on one's own rows
(one's team's, for a team scope) when it is better than the role's.
"""

from __future__ import annotations

from dataclasses import dataclass

ROLES = ("admin", "sales_manager", "sales_rep", "marketing", "support", "warehouse", "finance",
         "hr", "viewer")
A, T, O, N = "all", "team", "own", "none"  # noqa: E741 (the scopes read as in the policy)
W, R, M = "write", "read", "masked"
SALES = ("sales_manager", "sales_rep")


def by_role(default: str, **roles: str) -> dict[str, str]:
    assert set(roles) <= set(ROLES), roles
    return {r: roles.get(r, default) for r in ROLES}


# --- rows: who reads which ------------------------------------------------------------------

EVERYONE = by_role(A)
# A rep works their own customers, a manager their team's; support, marketing, finance, the
# viewer and admins see every customer; the warehouse and hr none. A customer's contacts and
# follow-ups go with it.
CUSTOMER_WORK = by_role(A, sales_manager=T, sales_rep=O, warehouse=N, hr=N)
# Deals: as customers, but support does not see the pipeline.
DEALS = by_role(A, sales_manager=T, sales_rep=O, support=N, warehouse=N, hr=N)
# Orders and what hangs off them: the warehouse ships every order; hr sees none.
ORDERS = by_role(A, sales_manager=T, sales_rep=O, hr=N)
# Money received: as orders, but neither the warehouse nor support.
PAYMENTS = by_role(A, sales_manager=T, sales_rep=O, warehouse=N, support=N, hr=N)
# Pay is private: hr and finance.
PAYROLL = by_role(N, hr=A, finance=A)
STOCK = by_role(A, marketing=N, hr=N)
CATALOGUE = by_role(A, hr=N)

ROW_FACTS: dict[str, dict[str, str]] = {
    # Colleagues, teams, the pipeline's stages: everyone. Change records too: what each shows
    # is filtered field by field, and only for objects one reads.
    "User": EVERYONE, "Team": EVERYONE, "PipelineStage": EVERYONE, "AuditEvent": EVERYONE,
    "Customer": CUSTOMER_WORK, "Contact": CUSTOMER_WORK, "Interaction": CUSTOMER_WORK,
    # Tags are the workspace's labels: everyone who sees customers sees all of them.
    "Tag": by_role(A, warehouse=N, hr=N),
    # Leads: sales by ownership, marketing (who brings them) and the viewer all.
    "Lead": by_role(A, sales_manager=T, sales_rep=O, support=N, warehouse=N, finance=N, hr=N),
    "Opportunity": DEALS, "StageChange": DEALS,
    # Tasks are personal: one's own; a manager their team's; admins and the viewer all.
    "Task": by_role(O, admin=A, sales_manager=T, viewer=A),
    "ProductLine": CATALOGUE, "Product": CATALOGUE,
    "Warehouse": STOCK, "StockLevel": STOCK, "StockMovement": STOCK,
    "Order": ORDERS, "OrderLine": ORDERS, "Shipment": ORDERS, "ReturnRequest": ORDERS,
    "Payment": PAYMENTS,
    "Employee": PAYROLL, "CompensationPlan": PAYROLL, "PayrollSettings": PAYROLL,
    "PayRun": PAYROLL, "PayAdjustment": PAYROLL,
    # Everyone reads their own payslips; hr and finance all of them (admins only their own).
    "Payslip": by_role(O, hr=A, finance=A),
    # Team performance (no pay in it): hr and admins every rep, a manager their teams, a rep
    # themself.
    "RepPerformance": by_role(N, hr=A, admin=A, sales_manager=T, sales_rep=O),
    # A list's saved views: everyone reads their own and the ones shared in the workspace (what
    # tests/auth/test_saved_views.py checks); no role reads a colleague's unshared view.
    "SavedView": EVERYONE,
    # Webhooks send the workspace's events to other systems: admins alone set them up.
    "WebhookEndpoint": by_role(N, admin=A), "WebhookDelivery": by_role(N, admin=A),
    # Third-party clients are registered and managed by the workspace's admins.
    "OAuthClient": by_role(N, admin=A),
    # A notification is its recipient's alone, whatever their role.
    "Notification": by_role(O),
    # Background jobs (what failed and why): admins alone watch and retry them.
    "Job": by_role(N, admin=A),
    # Lifecycle and scoring rules: the sales side and marketing read them (a grade means
    # something only with its thresholds), admins and sales managers change them; a customer's
    # stage changes are read with the customer.
    "LifecycleSettings": by_role(N, admin=A, sales_manager=A, sales_rep=A, marketing=A, viewer=A),
    "LeadScoringRule": by_role(N, admin=A, sales_manager=A, sales_rep=A, marketing=A, viewer=A),
    "LifecycleChange": CUSTOMER_WORK,
    # Workflows act as their owner: admins read all, managers their team's, marketing its own;
    # reps and the back office none. Versions and runs are read with their workflow, and the
    # engine's bookkeeping (firings, rotations) by nobody.
    "Workflow": by_role(N, admin=A, sales_manager=T, marketing=O),
    "WorkflowVersion": by_role(N, admin=A, sales_manager=T, marketing=O),
    "WorkflowRun": by_role(N, admin=A, sales_manager=T, marketing=O),
    "WorkflowRunStep": by_role(N, admin=A, sales_manager=T, marketing=O),
    "WorkflowFiring": by_role(N), "WorkflowRotation": by_role(N),
    # Approval rules are named in every refusal they cause, so everyone reads them. A request
    # is read by whoever made it (and by its approvers, beyond the scope), by managers for
    # their team, by admins all; its decisions and waiting approvers go with it.
    "ApprovalRule": by_role(A), "ApprovalRequest": by_role(O, sales_manager=T, admin=A),
    "ApprovalDecision": by_role(O, sales_manager=T, admin=A),
    "ApprovalAssignee": by_role(O, sales_manager=T, admin=A),
}
# Types whose rows have no rule of their own: read exactly when their parent type's are.
SAME_AS = {"ShipmentLine": "Shipment", "TrackingEvent": "Shipment", "ReturnLine": "ReturnRequest"}
# Rows read through their parent row: a contact when its customer is read.
PARENT: dict[str, tuple[str, str]] = {
    "Contact": ("customer_id", "Customer"), "Interaction": ("customer_id", "Customer"),
    "StageChange": ("opportunity_id", "Opportunity"),
    "OrderLine": ("order_id", "Order"), "Shipment": ("order_id", "Order"),
    "Payment": ("order_id", "Order"), "ReturnRequest": ("order_id", "Order"),
    "ShipmentLine": ("shipment_id", "Shipment"), "TrackingEvent": ("shipment_id", "Shipment"),
    "ReturnLine": ("return_request_id", "ReturnRequest"),
    "LifecycleChange": ("customer_id", "Customer"),
}
# Whose a row is.
OWNER = {"Customer": "owner_id", "Lead": "owner_id", "Opportunity": "owner_id",
         "Task": "assignee_id", "Order": "owner_id", "Payslip": "owner_id",
         "Employee": "user_id", "Contact": "owner_id", "Notification": "user_id"}
# The public pool: sales people read pool customers (to claim them), contact details masked.
POOL_READERS = SALES


# --- rows: who changes which -----------------------------------------------------------------

SALES_WRITE = by_role(N, admin=A, sales_manager=T, sales_rep=O)
WRITE_FACTS: dict[str, dict[str, str]] = {
    "User": by_role(N, admin=A), "Team": by_role(N, admin=A),
    "Customer": SALES_WRITE, "Contact": SALES_WRITE,
    "Tag": by_role(N, admin=A, sales_manager=A, sales_rep=A, marketing=A),
    "Lead": by_role(N, admin=A, sales_manager=T, sales_rep=O, marketing=A),
    "PipelineStage": by_role(N, admin=A),
    "Opportunity": SALES_WRITE,
    "Interaction": by_role(N, admin=A, sales_manager=T, sales_rep=O, support=A),
    "Task": by_role(O, admin=A, sales_manager=T, viewer=N),
    "ProductLine": by_role(N, admin=A, sales_manager=A),
    "Product": by_role(N, admin=A, sales_manager=A),
    "Warehouse": by_role(N, admin=A, warehouse=A), "StockLevel": by_role(N, admin=A, warehouse=A),
    "Order": SALES_WRITE, "OrderLine": SALES_WRITE,
    "Shipment": by_role(N, admin=A, warehouse=A, sales_manager=T),
    "Payment": by_role(N, admin=A, finance=A, sales_manager=T),
    "ReturnRequest": by_role(N, admin=A, sales_manager=T, sales_rep=O, support=A, warehouse=A,
                             finance=A),
    "Employee": by_role(N, hr=A), "CompensationPlan": by_role(N, hr=A),
    "PayrollSettings": by_role(N, hr=A), "PayRun": by_role(N, hr=A),
    "PayAdjustment": by_role(N, hr=A), "Payslip": by_role(N, hr=A),
    # One's own saved views, whatever the role; sharing is a manager's and an admin's step.
    "SavedView": by_role(O),
    "WebhookEndpoint": by_role(N, admin=A), "WebhookDelivery": by_role(N, admin=A),
    "OAuthClient": by_role(N, admin=A),
    "Notification": by_role(O),
    "Job": by_role(N, admin=A),
    "LifecycleSettings": by_role(N, admin=A, sales_manager=A),
    "LeadScoringRule": by_role(N, admin=A, sales_manager=A),
    # Admins change every workflow; managers and marketing their own.
    "Workflow": by_role(N, admin=A, sales_manager=O, marketing=O),
    # Admins write the rules; requesters withdraw their own requests (approving is the current
    # step's approvers', whatever their scope).
    "ApprovalRule": by_role(N, admin=A), "ApprovalRequest": by_role(O, sales_manager=T, admin=A),
}


# --- fields -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class FieldFact:
    roles: dict[str, str]
    owner: str | None = None
    mask: str = "text"
    # Who reads its old and new values in history (None: whoever reads the field).
    history: tuple[str, ...] | None = None


def field(default: str, *, owner: str | None = None, mask: str = "text",
          history: tuple[str, ...] | None = None, **roles: str) -> FieldFact:
    return FieldFact(by_role(default, **roles), owner, mask, history)


def _contact_detail(mask: str) -> FieldFact:
    # A customer's phone, email, address, IM handle: its owner and their managers change them,
    # admins too, support reads them to help; everyone else sees them masked.
    return field(M, admin=W, support=R, owner=W, mask=mask)


def _lead_detail(mask: str) -> FieldFact:
    # A lead's contact details: its owner, marketing (who brought it) and admins; masked for
    # the rest.
    return field(M, admin=W, marketing=W, owner=W, mask=mask)


# Prices and amounts: everyone who deals in money; never the warehouse, never hr.
MONEY = field(R, warehouse=N, hr=N)
# Payments of an order: as money, minus support (who sees no payment rows either).
PAYMENT_LIST = field(R, warehouse=N, hr=N, support=N)
# Cost and margin: admins, finance, sales managers.
COST = field(N, admin=R, finance=R, sales_manager=R)
PAY = field(N, hr=W, finance=R)
SALARY = field(N, hr=W, finance=R, history=("hr",))
SLIP = field(N, hr=R, finance=R, owner=R)

FIELD_FACTS: dict[str, FieldFact] = {
    "Customer.phone": _contact_detail("phone"), "Customer.email": _contact_detail("email"),
    "Customer.address": _contact_detail("text"),
    "Contact.phone": _contact_detail("phone"), "Contact.email": _contact_detail("email"),
    "Contact.imHandle": _contact_detail("text"),
    "Lead.phone": _lead_detail("phone"), "Lead.email": _lead_detail("email"),
    # The list price: admins and managers set it; the warehouse and hr never see it.
    "Product.listPrice": field(R, admin=W, sales_manager=W, warehouse=N, hr=N),
    "Product.costPrice": field(N, admin=W, finance=R, sales_manager=R),
    "Product.margin": COST,
    **{f"Order.{f}": MONEY for f in ("subtotal", "tax", "total", "paid", "returned",
                                     "balanceDue", "paymentStatus")},
    "Order.payments": PAYMENT_LIST, "Order.margin": COST,
    # Where an order's goods go: those who sell set it, the warehouse ships to it and support
    # answers about it; everyone else who reaches the order sees it masked.
    "Order.shipToPhone": field(M, admin=W, sales_manager=W, sales_rep=W, warehouse=R, support=R,
                               mask="phone"),
    "Order.shipToAddress": field(M, admin=W, sales_manager=W, sales_rep=W, warehouse=R,
                                 support=R),
    **{f"OrderLine.{f}": MONEY for f in ("unitPrice", "discount", "taxRate", "net", "tax",
                                         "total")},
    "OrderLine.unitCost": COST, "OrderLine.margin": COST,
    "ReturnRequest.refund": MONEY, "Customer.lifetimeValue": MONEY,
    "Employee.baseSalary": SALARY, "Employee.socialInsuranceBase": SALARY,
    "Employee.monthlyTaxAllowance": SALARY,
    # A bank account: hr in clear; masked for anyone else who reaches the employee.
    "Employee.bankAccount": field(M, hr=W, mask="phone", history=("hr",)),
    "Employee.compensationPlan": PAY, "Employee.payslips": PAY,
    "CompensationPlan.commissionTiers": PAY, "CompensationPlan.newCustomerBonus": PAY,
    **{f"PayRun.{f}": PAY for f in ("gross", "net", "tax", "employerCost", "payslips",
                                    "payslipCount")},
    "PayAdjustment.amount": PAY, "PayAdjustment.correctsPayslipId": PAY,
    # A hint of a webhook's signing secret (the secret is shown once): admins only.
    "WebhookEndpoint.secretHint": field(N, admin=R),
    **{f"Payslip.{f}": SLIP for f in (
        "base", "collected", "commission", "commissionPayments", "bonus", "adjustments",
        "gross", "employeeContributions", "employerContributions", "taxable", "tax", "net",
        "employerCost", "lines")},
}


# --- masking, as a user sees it ----------------------------------------------------------------

def masked(value: object, kind: str) -> object:
    """What a masked value looks like: 138****5678, z***@example.com, 上********."""
    if value is None:
        return None
    if not isinstance(value, str):
        return None  # a masked number or date would say too much: hidden
    if kind == "phone":
        text = value.strip()
        if len(text) <= 4:
            return "*" * len(text)
        head = 3 if len(text) >= 9 else 1
        return text[:head] + "*" * (len(text) - head - 4) + text[-4:]
    if kind == "email" and "@" in value:
        local, _, domain = value.partition("@")
        return (local[:1] or "*") + "***@" + domain
    if len(value) <= 1:
        return "*"
    return value[:1] + "*" * min(len(value) - 1, 8)
