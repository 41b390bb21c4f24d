"""Hooks through which a lower module lets higher ones act, without importing them.

A customer merge must move the merged customer's opportunities, interactions and orders, which
belong to modules above `customers`. Those modules register their step here (in their
`service.py`); `customers` runs whatever is registered, inside its own transaction. Guards
work the same way: a module above may refuse a change below it (a customer with open orders
is not deleted) and says why in the user's words.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from crm.core.errors import ServiceError
from crm.core.models import AuditEvent
from crm.core.policy import Actor

F = TypeVar("F")


@dataclass
class Hook(Generic[F]):
    name: str
    steps: list[F] = field(default_factory=list)

    def register(self, step: F) -> F:
        if step not in self.steps:
            self.steps.append(step)
        return step

    def registered(self) -> list[F]:
        # Every module's service registers its steps when imported: import them all first, so a
        # caller (the CLI, a job, a test) never runs a hook with a step missing.
        from crm.modules import submodules
        submodules("service")
        return list(self.steps)


# (actor, from customer, into customer) -> how many records of each kind moved.
MergeStep = Callable[[Actor, uuid.UUID, uuid.UUID], Awaitable[dict[str, int]]]
CUSTOMER_MERGED: Hook[MergeStep] = Hook("customer merged")


# (actor, customer, its former owner, its new owner or None for the pool), inside the move's
# transaction: what followed the former owner (their open tasks) follows the customer.
ReassignStep = Callable[[Actor, uuid.UUID, uuid.UUID, uuid.UUID | None], Awaitable[None]]
CUSTOMER_REASSIGNED: Hook[ReassignStep] = Hook("customer reassigned")

# (actor, the record's id) -> why the change is refused, or None to let it through.
GuardStep = Callable[[Actor, uuid.UUID], Awaitable[str | None]]
CUSTOMER_DELETING: Hook[GuardStep] = Hook("customer deleting")
OPPORTUNITY_REOPENING: Hook[GuardStep] = Hook("won opportunity leaving won")


async def refusal(hook: Hook[GuardStep], actor: Actor, record_id: uuid.UUID) -> str | None:
    """The first registered guard's reason to refuse, if any."""
    for step in hook.registered():
        if (reason := await step(actor, record_id)) is not None:
            return reason
    return None

# (actor, the audit event just written), inside the write's transaction: what must happen
# atomically with every write (an outbox row for the webhooks subscribed to it). Steps must
# cost nothing for the common case: they run on every write.
AuditStep = Callable[[Actor, AuditEvent], Awaitable[None]]
AUDIT_RECORDED: Hook[AuditStep] = Hook("audit event recorded")


@dataclass(frozen=True)
class GuardedOperation:
    """An operation a workspace may put under approval, with the facts an approval covers.

    `kind` names the operation: `order.confirm` (facts: `currency`, `totalMinor`, `lines`, each
    with `product`, `quantity`, `unitPriceMinor`, `discountBp`, `listPriceMinor`,
    `listCurrency` and, when known, `pricedBy`: the id of who last set the line's price),
    `payRun.approve` (`currency`, `grossMinor`, `netMinor`, `payslips`), `return.refund`
    (`currency`, `amountMinor`) and `customers.transfer` (the subject is the new owner:
    `toOwner`, `toTeam`, `customers`, each with `id` and `team`). An approval is for
    these exact facts: the same operation with other figures needs a new one."""

    kind: str
    subject_type: str
    subject_id: uuid.UUID
    facts: dict[str, Any]
    # How people name the subject in messages and in the inbox ("SO-2026-0042").
    label: str = ""


# (actor, operation) -> the refusal when an approval the operation needs is missing, else None.
# The step records the pending request it asks for, so callers run it OUTSIDE the operation's
# own transaction (its rollback would take the request with it), and may run it again inside,
# on the locked rows, to close the gap between the two.
ApprovalStep = Callable[[Actor, "GuardedOperation"], Awaitable["ServiceError | None"]]
APPROVAL_NEEDED: Hook[ApprovalStep] = Hook("operation needing approval")


async def require_approval(actor: Actor, operation: GuardedOperation) -> None:
    """Raise the first registered step's refusal (APPROVAL_REQUIRED) of `operation`, if any."""
    for step in APPROVAL_NEEDED.registered():
        if (refusal_ := await step(actor, operation)) is not None:
            raise refusal_
