"""The modules of the graph, in dependency order. Adding a module is one line here: its
models, policy, api (`Query`/`Mutation`) and demo seeder are found by convention."""

from __future__ import annotations

import importlib
from types import ModuleType

MODULES: list[str] = [
    "auth",
    "customers",
    "sales",
    "stock",
    "orders",
    "payroll",
]


def model_modules() -> list[str]:
    return ["crm.core.models", *(f"crm.{m}.models" for m in MODULES)]


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
