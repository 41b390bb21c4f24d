"""Hooks through which a lower module lets higher ones act, without importing them.

A customer merge must move the merged customer's opportunities, interactions and orders, which
belong to modules above `customers`. Those modules register their step here (in their
`service.py`); `customers` runs whatever is registered, inside its own transaction.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

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
