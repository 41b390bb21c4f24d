"""The modules form layers in the order of `crm.modules.MODULES`: a module uses only the modules
before it, and only through their service (the GraphQL rooms may also build on the GraphQL
rooms below: a type adds relations to a lower module's type). Checked on every import of every
file of every module, the ones inside functions included, so a lazy import cannot hide one."""

from __future__ import annotations

import ast
from pathlib import Path

import crm
from crm.modules import MODULES

PACKAGE = Path(crm.__file__).parent
# Rooms that may import another module's room of the same kind: GraphQL builds on GraphQL.
GRAPHQL_ROOMS = {"types", "api", "loaders"}
# What a module may import from a lower one, by the importing room.
ALLOWED = {
    "graphql": {"service", "types", "loaders"},
    "other": {"service"},
}
# Demo data is written in bulk, row objects of several modules at once (documented exception).
SEED_MAY_IMPORT = {"service", "models"}


def _room_of(path: Path, module_dir: Path) -> str:
    rel = path.relative_to(module_dir)
    return rel.parts[0].removesuffix(".py")


def _imports(tree: ast.AST) -> list[tuple[str, int, bool]]:
    """(imported module, line, under TYPE_CHECKING) for every import of a file."""
    found: list[tuple[str, int, bool]] = []
    type_checking_lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for inner in ast.walk(node):
                type_checking_lines.add(getattr(inner, "lineno", -1))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            # `from crm.sales import service` names the room in the imported names;
            # `from crm.sales.models import X` in the module.
            names = ([node.module] if node.module.count(".") >= 2
                     else [f"{node.module}.{a.name}" for a in node.names])
            for name in names:
                found.append((name, node.lineno, node.lineno in type_checking_lines))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                found.append((alias.name, node.lineno, node.lineno in type_checking_lines))
    return found


def layering_problems() -> list[str]:
    order = {m: i for i, m in enumerate(MODULES)}
    problems: list[str] = []
    # The core is below every module: it knows none of them (hooks let them act through it).
    for path in sorted((PACKAGE / "core").rglob("*.py")):
        for name, line, _type_only in _imports(ast.parse(path.read_text(encoding="utf-8"))):
            parts = name.split(".")
            if len(parts) >= 2 and parts[0] == "crm" and parts[1] in order:
                problems.append(f"{path.relative_to(PACKAGE)}:{line} imports {name}: the core "
                                "uses no module")
    for module in MODULES:
        module_dir = PACKAGE / module
        for path in sorted(module_dir.rglob("*.py")):
            room = _room_of(path, module_dir)
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for name, line, type_only in _imports(tree):
                parts = name.split(".")
                if len(parts) < 2 or parts[0] != "crm" or parts[1] not in order:
                    continue
                other = parts[1]
                where = f"{path.relative_to(PACKAGE)}:{line} imports {name}"
                if other == module:
                    continue
                if order[other] > order[module]:
                    problems.append(f"{where}: {other} comes after {module}")
                    continue
                if len(parts) < 3:
                    continue  # `from crm.sales import service`: the name is checked on its own
                other_room = parts[2]
                if room == "seed":
                    allowed = SEED_MAY_IMPORT
                elif room in GRAPHQL_ROOMS:
                    allowed = ALLOWED["graphql"]
                else:
                    allowed = ALLOWED["other"]
                if other_room not in allowed and not (type_only and other_room == "models"):
                    problems.append(f"{where}: a {room} may use {other}'s "
                                    f"{' or '.join(sorted(allowed))} only")
    return problems


def test_no_module_reaches_above_itself_or_past_a_service():
    assert layering_problems() == []


def test_the_check_catches_an_upward_and_a_sideways_import(tmp_path, monkeypatch):
    """The rule is not vacuous: a customers file importing sales, or orders reading sales'
    models, are both reported."""
    fake = tmp_path / "crm"
    (fake / "core").mkdir(parents=True)
    (fake / "core" / "policy.py").write_text("from crm.orders import service\n")
    for module in MODULES:
        (fake / module).mkdir(parents=True)
        (fake / module / "__init__.py").write_text("")
    (fake / "customers" / "service.py").write_text(
        "def f():\n    from crm.sales import service as sales\n    return sales\n")
    (fake / "orders" / "service.py").write_text("from crm.sales.models import Opportunity\n")
    (fake / "orders" / "types.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
        "    from crm.catalogue.models import Product\nfrom crm.customers.types import Customer\n")
    monkeypatch.setattr(__import__(__name__, fromlist=["PACKAGE"]), "PACKAGE", fake)
    problems = layering_problems()
    assert any("customers/service.py:2 imports crm.sales" in p and "comes after" in p
               for p in problems), problems
    assert any("orders/service.py:1 imports crm.sales.models" in p for p in problems), problems
    assert not any("orders/types.py" in p for p in problems), problems
    assert any("core/policy.py:1" in p for p in problems), problems


def test_no_type_checks_rows_by_hand():
    """Row scope on relations is the relations' mechanism's (core.relations): a type that calls a
    row check itself could forget one, or check the wrong row."""
    checks = {"can_read_row", "row_in_scope", "require_visible", "scoped", "readable"}
    found = []
    for path in sorted(PACKAGE.glob("*/types.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
                if name in checks:
                    found.append(f"{path.relative_to(PACKAGE)}:{node.lineno} calls {name}")
    assert found == []
