"""The modules of the graph, in dependency order: a module may use the modules before it,
never those after it (a test checks every import). Adding a module is one line here: its
models, policy, api (`Query`/`Mutation`) and demo seeder are found by convention."""

from __future__ import annotations

import importlib
from types import ModuleType

MODULES: list[str] = [
    "auth",
    "customers",
    "sales",
    "catalogue",
    "stock",
    "orders",
    "payroll",
    "collaboration",
    "lifecycle",
    "analytics",
    "sync",
    "webhooks",
    "jobs",
    "approvals",
    "automation",
]


def model_modules() -> list[str]:
    import importlib.util
    return ["crm.core.models", *(f"crm.{m}.models" for m in MODULES
                                 if importlib.util.find_spec(f"crm.{m}.models") is not None)]


def submodules(room: str) -> list[ModuleType]:
    """Each module's `room` (policy, api, seed...), where the module has one."""
    found = []
    for m in MODULES:
        try:
            found.append(importlib.import_module(f"crm.{m}.{room}"))
        except ModuleNotFoundError as exc:
            if exc.name != f"crm.{m}.{room}":
                raise
    return found
