"""The exported SDL is what the code builds, and the migrations cover every model."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import strawberry

from crm.schema import export_sdl
from crm.settings import ROOT

TYPES = ["Customer", "Contact", "Tag", "Lead", "Opportunity", "PipelineStage", "Interaction",
         "Task", "AuditEvent", "User", "Team"]
FIELDS = ["me", "customers", "node", "login", "refreshToken", "transferCustomers",
          "claimFromPool", "releaseToPool", "mergeCustomers", "convertLead", "moveOpportunity",
          "addTags", "pipelineSummary"]


def test_schema_file_is_current():
    on_disk = (ROOT / "schema.graphql").read_text(encoding="utf-8")
    assert on_disk == export_sdl(), "schema.graphql is stale: run `crm export-schema`"


def test_schema_has_the_foundation():
    sdl = Path(ROOT / "schema.graphql").read_text(encoding="utf-8")
    for t in TYPES:
        assert f"type {t} " in sdl, t
    for f in FIELDS:
        assert f"  {f}(" in sdl or f"  {f}:" in sdl, f


def test_every_model_change_has_a_migration():
    # In a separate process: the autodetector binds the model classes to its own context.
    result = subprocess.run([sys.executable, "-m", "crm.cli", "makemigrations", "--check"],
                            capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No changes detected" in result.stdout


@strawberry.type
class Leaky:
    mobile_phone: str


@strawberry.type
class LeakyQuery:
    leaky: Leaky


def test_sensitive_field_without_rule_refuses_to_build():
    from crm.core.graphql import PolicyBuildError, apply_policy
    from crm.core.policy import PolicyTable

    schema = strawberry.Schema(query=LeakyQuery)
    try:
        apply_policy(schema._schema, PolicyTable())
    except PolicyBuildError as exc:
        assert "Leaky.mobilePhone" in str(exc)
    else:
        raise AssertionError("a sensitive field without a rule must not build")
