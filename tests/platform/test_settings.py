"""Settings are a closed set of values, checked before the server starts; a wrong one stops the
`crm` command with one line naming the variable, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from crm.settings import Settings, SettingsError, load_settings

CRM = [sys.executable, "-m", "crm.cli"]


def run_crm(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items()
             if not k.startswith("CRM_") and k not in ("DATABASE_URL", "SECRET_KEY", "REDIS_URL")}
    return subprocess.run([*CRM, *args], env={**clean, **env}, capture_output=True, text=True,
                          timeout=60, check=False)


def one_line_refusal(proc: subprocess.CompletedProcess[str], *words: str) -> None:
    assert proc.returncode != 0, proc.stdout
    assert "Traceback" not in proc.stderr, proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, proc.stderr
    for word in words:
        assert word in lines[0], lines[0]


def test_a_mistyped_environment_refuses_to_start(monkeypatch):
    monkeypatch.setenv("CRM_ENV", "prod")
    with pytest.raises(SettingsError, match="CRM_ENV"):
        load_settings()
    one_line_refusal(run_crm("serve", CRM_ENV="prod"), "CRM_ENV", "prod", "production")


def test_durations_take_seconds_or_units_and_refuse_anything_else(monkeypatch):
    monkeypatch.setenv("CRM_ACCESS_TOKEN_TTL", "15m")
    assert load_settings().access_token_ttl == 900
    monkeypatch.setenv("CRM_ACCESS_TOKEN_TTL", "2h")
    assert load_settings().access_token_ttl == 7200
    monkeypatch.setenv("CRM_ACCESS_TOKEN_TTL", "fifteen minutes")
    with pytest.raises(SettingsError, match="CRM_ACCESS_TOKEN_TTL"):
        load_settings()
    one_line_refusal(run_crm("migrate", CRM_ACCESS_TOKEN_TTL="15 minutes"), "CRM_ACCESS_TOKEN_TTL")


def test_a_collector_address_that_is_not_one_refuses_to_start(monkeypatch):
    for wrong in ("otel-collector:4318", "4318", "grpc://collector:4317"):
        monkeypatch.setenv("OTEL_EXPORTER_OTLP_ENDPOINT", wrong)
        with pytest.raises(SettingsError, match="OTEL_EXPORTER_OTLP_ENDPOINT"):
            load_settings()
    monkeypatch.setenv("OTEL_EXPORTER_OTLP_ENDPOINT", "https://collector.example.cn:4318")
    assert load_settings().otel_endpoint == "https://collector.example.cn:4318"
    one_line_refusal(run_crm("migrate", OTEL_EXPORTER_OTLP_ENDPOINT="collector"),
                     "OTEL_EXPORTER_OTLP_ENDPOINT")


def test_production_without_a_private_key_refuses_in_one_line():
    one_line_refusal(run_crm("serve", CRM_ENV="production"), "SECRET_KEY")
    one_line_refusal(run_crm("serve", CRM_ENV="production", SECRET_KEY="short"), "SECRET_KEY")


def test_an_unreachable_database_is_one_line_at_migrate_and_serve():
    url = "postgres://postgres@127.0.0.1:9/nowhere"
    one_line_refusal(run_crm("migrate", DATABASE_URL=url), "database")
    one_line_refusal(run_crm("serve", "--port", "0", DATABASE_URL=url), "database")
    one_line_refusal(run_crm("seed", "--demo", DATABASE_URL=url), "database")


def test_tests_build_settings_without_reading_the_environment(monkeypatch):
    monkeypatch.setenv("CRM_ENV", "production")
    monkeypatch.setenv("CRM_MAX_DEPTH", "3")
    s = Settings(env="test", secret_key="k" * 40, max_depth=7)
    assert (s.env, s.max_depth) == ("test", 7)


def test_cors_origins_are_a_list_of_origins(monkeypatch):
    monkeypatch.setenv("CRM_CORS_ORIGINS", "https://crm.example.com, http://localhost:5173/")
    assert load_settings().cors_origins == ["https://crm.example.com", "http://localhost:5173"]
    monkeypatch.setenv("CRM_CORS_ORIGINS", "crm.example.com")
    with pytest.raises(SettingsError, match="CRM_CORS_ORIGINS"):
        load_settings()


def test_the_version_is_printed():
    proc = run_crm("--version")
    assert proc.returncode == 0 and "0.1.0" in proc.stdout


def test_an_installed_package_keeps_its_database_out_of_the_working_directory(tmp_path: Path):
    """Outside a checkout the default database sits in the virtualenv (or the user's data
    directory), whatever directory the command is run from."""
    code = ("import sys, crm.settings as s; from pathlib import Path;"
            "s.ROOT = Path(sys.argv[1]);"
            "print(s.Settings(env='test').database_url)")
    env = {k: v for k, v in os.environ.items() if not k.startswith("CRM_")}
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path / "site-packages")],
                         cwd=tmp_path, env=env, capture_output=True, text=True, check=True).stdout
    assert str(tmp_path) not in out
    assert out.startswith(f"sqlite://{sys.prefix}") or ".local/share/crm" in out


def test_every_setting_is_documented():
    from crm.settings import Settings, env_name
    root = Path(__file__).resolve().parents[2]
    doc = (root / "docs" / "settings.md").read_text(encoding="utf-8")
    missing = [env_name(f) for f in Settings.model_fields if f"`{env_name(f)}`" not in doc]
    assert not missing, f"docs/settings.md does not describe {missing}"
    for page in [root / "README.md", *(root / "docs").glob("*.md")]:
        assert "../shared" not in page.read_text(encoding="utf-8"), page
