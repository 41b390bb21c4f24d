"""Settings from the environment, with embedded defaults that run on a fresh machine."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from crm.modules import model_modules

DEFAULT_SECRET = "dev-secret-change-me"
ROOT = Path(__file__).resolve().parents[2]



class SettingsError(RuntimeError):
    """The settings cannot run the server safely."""


@dataclass(frozen=True)
class Settings:
    env: str = "development"
    database_url: str = f"sqlite://{ROOT / 'var' / 'crm.sqlite3'}"
    database_replica_url: str | None = None
    redis_url: str | None = None
    secret_key: str = DEFAULT_SECRET
    access_token_ttl: int = 900
    refresh_token_ttl: int = 30 * 24 * 3600
    max_depth: int = 12
    max_aliases: int = 30
    max_tokens: int = 4000
    max_page_size: int = 100
    # The budget of one operation's cost (crm.core.cost). The admin SPA's heaviest document,
    # PayRunPayslips (100 payslips with their lines), costs 2,902, its customer list at 100
    # rows 703 (tests/security/test_query_cost.py computes every document); 10,000 leaves
    # integrations room for wider selections and refuses the 30 x customers(first:
    # 100) with their relations, which costs 2,424,030 (80,801 for one of the 30).
    max_query_cost: int = 10_000
    # Errors in one response; beyond it the list is cut and one LIMIT_REACHED error says so.
    max_errors: int = 100
    # Every argument and variable value: nesting of input objects and lists.
    max_input_depth: int = 10
    # Inside filter inputs (`*Filter` types and `filter:` arguments): items per list, and
    # input objects plus list items in one argument or variable.
    max_filter_width: int = 50
    max_filter_nodes: int = 200
    max_string_length: int = 2000
    static_dir: Path = ROOT / "frontend" / "dist"
    demo_password: str = "demo-pass-123"
    cors_origins: list[str] = field(default_factory=list)

    @property
    def is_production(self) -> bool:
        return self.env == "production"

    @property
    def debug(self) -> bool:
        return self.env in ("development", "test")

    def validate(self) -> None:
        if self.is_production and self.secret_key == DEFAULT_SECRET:
            raise SettingsError("SECRET_KEY must be set to a private value when CRM_ENV=production")
        if self.is_production and len(self.secret_key) < 32:
            raise SettingsError("SECRET_KEY must be at least 32 characters in production")

    def tortoise_config(self, url: str | None = None) -> dict:
        return {
            "connections": {"default": normalise_db_url(url or self.database_url)},
            "apps": {
                "crm": {
                    "models": model_modules(),
                    "default_connection": "default",
                    "migrations": "crm.migrations",
                }
            },
            "use_tz": True,
            "timezone": "UTC",
        }


def normalise_db_url(url: str) -> str:
    # Heroku-style postgresql:// URLs are common in the wild; Tortoise names the scheme postgres://
    if url.startswith("postgresql://"):
        url = "postgres://" + url[len("postgresql://") :]
    if url.startswith("sqlite://"):
        path = url[len("sqlite://") :]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
    return url


def load_settings() -> Settings:
    env = os.environ
    kwargs: dict = {"env": env.get("CRM_ENV", "development")}
    if env.get("DATABASE_URL"):
        kwargs["database_url"] = env["DATABASE_URL"]
    if env.get("DATABASE_REPLICA_URL"):
        kwargs["database_replica_url"] = env["DATABASE_REPLICA_URL"]
    if env.get("REDIS_URL"):
        kwargs["redis_url"] = env["REDIS_URL"]
    if env.get("SECRET_KEY"):
        kwargs["secret_key"] = env["SECRET_KEY"]
    if env.get("CRM_DEMO_PASSWORD"):
        kwargs["demo_password"] = env["CRM_DEMO_PASSWORD"]
    if env.get("CRM_STATIC_DIR"):
        kwargs["static_dir"] = Path(env["CRM_STATIC_DIR"])
    if env.get("CRM_ACCESS_TOKEN_TTL"):
        kwargs["access_token_ttl"] = int(env["CRM_ACCESS_TOKEN_TTL"])
    for name in ("max_query_cost", "max_errors", "max_input_depth", "max_filter_width",
                 "max_filter_nodes"):
        raw = env.get(f"CRM_{name.upper()}")
        if raw:
            kwargs[name] = _positive_int(f"CRM_{name.upper()}", raw)
    if env.get("CRM_CORS_ORIGINS"):
        kwargs["cors_origins"] = [o.strip() for o in env["CRM_CORS_ORIGINS"].split(",") if o.strip()]
    return Settings(**kwargs)


def _positive_int(name: str, raw: str) -> int:
    try:
        value = int(raw)
    except ValueError:
        raise SettingsError(f"{name} must be a whole number, not {raw!r}") from None
    if value < 1:
        raise SettingsError(f"{name} must be at least 1")
    return value


_settings: Settings | None = None


def get_settings() -> Settings:
    global _settings
    if _settings is None:
        _settings = load_settings()
    return _settings


def override_settings(settings: Settings) -> None:
    global _settings
    _settings = settings
