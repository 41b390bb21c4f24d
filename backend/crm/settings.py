"""Settings from the environment, with embedded defaults that run on a fresh machine.

The settings are a closed set of typed values checked when they are read: a mistyped
environment name, a duration that is not one, or a production run without a private key
stops the process with one line saying which variable is wrong, before anything listens.
`docs/settings.md` lists every variable.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import Annotated, Any, ClassVar, Literal

from pydantic import AliasChoices, BeforeValidator, Field, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, PydanticBaseSettingsSource, SettingsConfigDict

from crm.modules import model_modules

DEFAULT_SECRET = "dev-secret-change-me"
ROOT = Path(__file__).resolve().parents[2]
ENV_PREFIX = "CRM_"


class SettingsError(RuntimeError):
    """The settings cannot run the server safely."""


def in_checkout() -> bool:
    return (ROOT / "pyproject.toml").exists() and (ROOT / "backend" / "crm").is_dir()


def default_data_dir() -> Path:
    """Where the embedded SQLite database lives when DATABASE_URL is not set.

    A checkout keeps it in ./var beside the sources (what `make run` shows). An installed
    package never writes under the current directory, which changes with every shell: it uses
    the virtualenv it is installed in, else the user's XDG data directory.
    """
    if in_checkout():
        return ROOT / "var"
    if sys.prefix != sys.base_prefix:
        return Path(sys.prefix) / "var" / "crm"
    xdg = os.environ.get("XDG_DATA_HOME")
    return (Path(xdg) if xdg else Path.home() / ".local" / "share") / "crm"


def default_static_dir() -> Path:
    # The SPA is built into the checkout's frontend/dist. An installed package ships none: it
    # looks beside its data and says at start (see crm.app) that it serves the API only.
    return ROOT / "frontend" / "dist" if in_checkout() else default_data_dir() / "static"


_DURATION = re.compile(r"^\s*(\d+)\s*(s|m|h|d)?\s*$")
_UNIT_SECONDS = {None: 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_duration(value: object) -> object:
    """Seconds as an integer, or a number with a unit: 900, 15m, 12h, 30d."""
    if isinstance(value, bool):
        raise ValueError("a duration is a number of seconds or a number with s, m, h or d")
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        match = _DURATION.match(value)
        if match:
            return int(match.group(1)) * _UNIT_SECONDS[match.group(2)]
    raise ValueError(f"{value!r} is not a duration: write seconds (900) or 15m, 12h, 30d")


def parse_origins(value: object) -> object:
    if isinstance(value, str):
        return [o.strip().rstrip("/") for o in value.split(",") if o.strip()]
    return value


Duration = Annotated[int, BeforeValidator(parse_duration), Field(gt=0)]
Origins = Annotated[list[str], NoDecode, BeforeValidator(parse_origins)]


class Settings(BaseSettings):
    """Every setting of the server; `load_settings()` reads them from the environment.

    Built directly (`Settings(env="test", ...)`) it reads nothing from the environment, so
    tests state every value they depend on.
    """

    model_config = SettingsConfigDict(
        frozen=True, extra="forbid", env_prefix=ENV_PREFIX, validate_by_name=True,
        validate_by_alias=True, validate_default=True,
    )

    env: Literal["development", "test", "production"] = "development"
    database_url: str = Field(default="", validation_alias=AliasChoices("database_url", "DATABASE_URL"))
    database_replica_url: str | None = Field(
        default=None, validation_alias=AliasChoices("database_replica_url", "DATABASE_REPLICA_URL"))
    redis_url: str | None = Field(default=None, validation_alias=AliasChoices("redis_url", "REDIS_URL"))
    # OpenTelemetry's own variable names, so a collector's usual environment configures us too.
    otel_endpoint: str | None = Field(default=None, validation_alias=AliasChoices(
        "otel_endpoint", "OTEL_EXPORTER_OTLP_ENDPOINT"))
    otel_service_name: str = Field(default="crm-api", validation_alias=AliasChoices(
        "otel_service_name", "OTEL_SERVICE_NAME"))
    # PostgreSQL reached through pgbouncer in transaction mode: a server connection changes
    # between transactions, so asyncpg's named prepared statements would meet a server that
    # has them already (DuplicatePreparedStatementError) or lacks them. On, the statement cache
    # is off (statement_cache_size=0) on every PostgreSQL connection. pgbouncer < 1.21 (Debian
    # 12 ships 1.18) cannot track prepared statements, so this is the only way through it.
    pgbouncer: bool = False
    # After a user's mutation, that user's reads stay on the primary this long (the replica
    # may not have replayed the write yet). Used only with DATABASE_REPLICA_URL.
    read_your_writes: Duration = 5
    secret_key: str = Field(default=DEFAULT_SECRET, validation_alias=AliasChoices("secret_key", "SECRET_KEY"))
    access_token_ttl: Duration = 900
    refresh_token_ttl: Duration = 30 * 24 * 3600
    # How long an invitation link (/accept-invite?token=...) and an admin's password reset link
    # (/reset-password?token=...) stay valid; each works once.
    invite_ttl: Duration = 7 * 24 * 3600
    password_reset_ttl: Duration = 24 * 3600
    # The OAuth server's issuer identifier (RFC 8414), e.g. https://crm.example.com; empty:
    # the URL each request came to.
    oauth_issuer: str = ""
    max_depth: int = Field(default=12, ge=1, le=100)
    max_aliases: int = Field(default=30, ge=1, le=1000)
    max_tokens: int = Field(default=4000, ge=100, le=1_000_000)
    max_page_size: int = Field(default=100, ge=1, le=10_000)
    # The budget of one operation's cost (crm.core.cost). The admin SPA's heaviest document,
    # PayRunPayslips (100 payslips with their lines), costs 2,902, its customer list at 100
    # rows 703 (tests/security/test_query_cost.py computes every document); 10,000 leaves
    # integrations room for wider selections and refuses the 30 x customers(first:
    # 100) with their relations, which costs 2,424,030 (80,801 for one of the 30).
    max_query_cost: int = Field(default=10_000, ge=1)
    # Per caller (a token's OAuth client, else its user): requests, and the summed cost of
    # operations, per minute (crm.core.quotas). A person clicking never comes near either;
    # an integration that polls hard is told when to come back.
    request_rate_per_caller: str = "1200/minute"
    cost_budget_per_minute: int = Field(default=1_000_000, ge=1)
    # Root fields of a query that compile (crm.core.compiled) are answered by one SQL statement
    # each; off, every field runs on the resolver path (the reference the compiled one is
    # tested against).
    compiled_reads: bool = True
    # The change feed (`changes`) hands out only audit events older than this, and on
    # PostgreSQL none younger than the oldest open writing transaction minus this: it covers
    # the clock difference between API processes and the database, and on SQLite a writer
    # that stamped its event before it got the write lock.
    sync_lag: Annotated[int, BeforeValidator(parse_duration), Field(ge=0)] = 2
    # Most records one `changes` page returns (its `first`).
    sync_max_page: int = Field(default=500, ge=1, le=10_000)
    # How long a signed-in user's role and team reach are trusted without reading the database
    # (crm.auth.actors); a change of a user or team ends it at once in this process and, with
    # Redis, in every process. 0 reads them on every request.
    actor_cache_seconds: int = Field(default=10, ge=0, le=3600)
    # Errors in one response; beyond it the list is cut and one LIMIT_REACHED error says so.
    max_errors: int = Field(default=100, ge=1)
    # Every argument and variable value: nesting of input objects and lists.
    max_input_depth: int = Field(default=10, ge=1)
    # Inside filter inputs (`*Filter` types and `filter:` arguments): items per list, and
    # input objects plus list items in one argument or variable.
    max_filter_width: int = Field(default=50, ge=1)
    max_filter_nodes: int = Field(default=200, ge=1)
    # Longest text any String input may carry, in characters. 10,000 characters of any
    # script stay under SQLite's 50,000-byte LIKE pattern limit, so a filter cannot fail there.
    max_string_length: int = Field(default=10_000, ge=100, le=1_000_000)
    data_dir: Path = Field(default_factory=default_data_dir)
    # Subscriptions over graphql-transport-ws (crm.core.live): operations one socket may run
    # at once, how long a new socket may wait before its connection_init, and the largest
    # message a client may send (a subscribe is one document; 64 KiB is many times the SPA's).
    max_subscriptions_per_socket: int = Field(default=20, ge=1, le=1000)
    # Sockets one caller (a user, or an OAuth client's service account) may hold open in one
    # process: each holds listeners until its token expires, and opening them costs only the
    # rate limit, so without a ceiling one token could pile up thousands.
    max_sockets_per_caller: int = Field(default=10, ge=1, le=10_000)
    socket_init_timeout: Duration = 10
    max_socket_message_bytes: int = Field(default=65_536, ge=1024, le=16 * 1024 * 1024)
    static_dir: Path = Field(default_factory=default_static_dir)
    demo_password: str = "demo-pass-123"
    cors_origins: Origins = Field(default_factory=list)
    # Introspection is off in production unless this says otherwise (a private deployment
    # whose clients generate code from the live schema, say).
    allow_introspection: bool | None = None
    login_rate_per_address: str = "30/minute"
    login_failures_per_account: str = "10 per 15 minutes"
    # Duplicate checks answer "does a customer with this phone exist?" for customers the user
    # may not read: bounded, so trying numbers one by one stays slower than useful.
    duplicate_checks_per_user: str = "60/minute;600/hour"
    log_format: Literal["json", "text"] = "json"
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    metrics_enabled: bool = True
    # Background jobs (crm.core.jobs). `crm serve` runs a job worker in each process unless
    # this is false (then run `crm worker`). On SQLite it is the only runner besides `crm worker`.
    jobs_in_server: bool = True
    # How often an idle SQLite runner looks for due jobs (a defer in-process wakes it at once).
    jobs_poll_seconds: float = Field(default=1.0, gt=0, le=60)
    # Retry backoff: this many seconds after the first failure, doubled after each further one.
    jobs_retry_base_seconds: float = Field(default=10.0, ge=0)
    jobs_retry_max_seconds: float = Field(default=3600.0, ge=0)
    # SQLite: a job still running after this long was left by a dead process and runs again.
    jobs_stalled_seconds: float = Field(default=900.0, gt=0)
    # When the public-pool sweep runs by itself (cron, five fields, UTC): hourly by default.
    pool_sweep_cron: str = "0 * * * *"
    # Outbound webhooks (docs/webhooks.md).
    webhooks_relay: bool = True
    webhooks_allow_private: bool = False
    webhooks_timeout: float = Field(default=10.0, gt=0, le=120)
    # Seconds before each retry; the number of attempts is one more than the delays.
    webhooks_retry_delays: str = "30,120,600,3600,10800,21600,43200"
    webhooks_disable_after: int = Field(default=5, ge=1)
    webhooks_poll_seconds: float = Field(default=2.0, gt=0)
    webhooks_batch: int = Field(default=20, ge=1, le=1000)
    webhooks_cache_seconds: float = Field(default=10.0, ge=0)
    # Workflows (crm.automation): how deep workflows may fire one another before a run is
    # stopped, how often a failing step is tried, how long the enabled ones are cached.
    workflow_max_depth: int = Field(default=3, ge=1, le=10)
    # How many runs one write (or all the writes of one run) may queue; further workflows it
    # fires are recorded as stopped.
    workflow_max_runs_per_event: int = Field(default=20, ge=1, le=1000)
    workflow_step_attempts: int = Field(default=3, ge=1, le=10)
    workflows_cache_seconds: float = Field(default=10.0, ge=0)
    # When due task reminders are sent (crm.collaboration): cron, UTC, a sixth field for
    # seconds; every minute by default, so a reminder is at most a minute late.
    reminders_cron: str = "* * * * *"

    def __init__(self, **values: Any) -> None:
        try:
            super().__init__(**values)
        except ValidationError as exc:
            raise SettingsError(describe(exc)) from None

    # Only load_settings() reads the process environment (and no .env file, ever).
    reads_environment: ClassVar[bool] = False

    @classmethod
    def settings_customise_sources(
        cls, settings_cls: type[BaseSettings], init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource, dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return (init_settings, env_settings) if cls.reads_environment else (init_settings,)

    @field_validator("login_rate_per_address", "login_failures_per_account",
                     "duplicate_checks_per_user", "request_rate_per_caller")
    @classmethod
    def _rate(cls, value: str) -> str:
        from limits import parse_many

        try:
            parse_many(value)
        except ValueError:
            raise ValueError(f"{value!r} is not a rate: write e.g. 30/minute or 10 per 15 minutes") \
                from None
        return value

    @field_validator("otel_endpoint")
    @classmethod
    def _collector(cls, value: str | None) -> str | None:
        # A typo here would not fail: spans would be dropped quietly, batch after batch.
        if value is not None and not re.match(r"^https?://[^/\s]+", value):
            raise ValueError(f"{value!r} is not a collector address: write e.g. "
                             "http://otel-collector:4318")
        return value or None

    @field_validator("cors_origins")
    @classmethod
    def _origins(cls, value: list[str]) -> list[str]:
        for origin in value:
            if origin != "*" and not re.match(r"^https?://[^/\s]+$", origin):
                raise ValueError(f"{origin!r} is not an origin such as https://crm.example.com")
        return value

    @model_validator(mode="after")
    def _safe_for_production(self) -> Settings:
        if not self.database_url:
            object.__setattr__(self, "database_url", f"sqlite://{self.data_dir / 'crm.sqlite3'}")
        if self.is_production:
            if self.secret_key == DEFAULT_SECRET:
                raise ValueError("SECRET_KEY must be set to a private value when CRM_ENV=production")
            if len(self.secret_key) < 32:
                raise ValueError("SECRET_KEY must be at least 32 characters in production")
            if "*" in self.cors_origins:
                raise ValueError("CRM_CORS_ORIGINS=* is refused in production: name the origins")
        return self

    @property
    def is_production(self) -> bool:
        return self.env == "production"

    @property
    def debug(self) -> bool:
        return self.env in ("development", "test")

    @property
    def introspection(self) -> bool:
        return not self.is_production if self.allow_introspection is None else self.allow_introspection

    def validate(self) -> None:  # type: ignore[override]
        """Kept for callers of the former dataclass: the checks now run when the settings are
        built, so a Settings that exists is valid."""

    @field_validator("webhooks_retry_delays")
    @classmethod
    def _delays(cls, value: str) -> str:
        try:
            delays = [float(p) for p in value.split(",") if p.strip()]
        except ValueError:
            raise ValueError("must be seconds separated by commas, e.g. 30,120,600") from None
        if any(d <= 0 for d in delays):
            raise ValueError("every delay must be more than 0 seconds")
        return value

    @property
    def webhook_delays(self) -> list[float]:
        """Seconds before each retry of a webhook delivery."""
        return [float(p) for p in self.webhooks_retry_delays.split(",") if p.strip()]

    def tortoise_config(self, url: str | None = None, *, replica: bool = False) -> dict:
        """The ORM's configuration. With `replica` (the API server does so) and a
        DATABASE_REPLICA_URL, a second connection "replica" and the router that sends a query
        operation's reads to it (crm.core.replicas); commands and migrations use the primary."""
        connections: dict[str, Any] = {
            "default": _connection(normalise_db_url(url or self.database_url, self.pgbouncer))}
        routers: list[str] = []
        if replica and self.database_replica_url and url is None:
            connections["replica"] = _connection(
                normalise_db_url(self.database_replica_url, self.pgbouncer))
            routers.append("crm.core.replicas.ReplicaRouter")
        return {
            "connections": connections,
            "routers": routers,
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


class _FromEnvironment(Settings):
    """The same settings, read from the process environment."""

    reads_environment: ClassVar[bool] = True


def env_name(field: str) -> str:
    """The environment variable of a setting."""
    info = Settings.model_fields[field]
    alias = info.validation_alias
    if isinstance(alias, AliasChoices):
        return str(alias.choices[-1])
    return ENV_PREFIX + field.upper()


def describe(exc: ValidationError) -> str:
    """One line per wrong variable, named as the operator wrote it."""
    parts = []
    for err in exc.errors():
        loc = err["loc"][0] if err["loc"] else ""
        name = env_name(str(loc)) if loc in Settings.model_fields else str(loc)
        message = err["msg"].removeprefix("Value error, ")
        given = err.get("input")
        if err["type"] == "literal_error":
            message = f"{given!r} is not one of: {message.removeprefix('Input should be ')}"
        # A rule across settings (production needs a key) names its variables itself.
        parts.append(f"{name}: {message}" if name else message)
    return "; ".join(parts) or str(exc).splitlines()[0]


def _connection(url: str) -> str | dict[str, Any]:
    """A PostgreSQL URL as Tortoise's connection dictionary, so that the pool hands out
    connections that skip asyncpg's reset round trip (crm.core.pg); other URLs as they are."""
    if not url.startswith(("postgres://", "asyncpg://")):
        return url
    from tortoise.backends.base.config_generator import expand_db_url

    from crm.core.pg import PooledConnection
    config = expand_db_url(url)
    config["credentials"]["connection_class"] = PooledConnection
    return config


def normalise_db_url(url: str, pgbouncer: bool = False) -> str:
    # Heroku-style postgresql:// URLs are common in the wild; Tortoise names the scheme postgres://
    if url.startswith("postgresql://"):
        url = "postgres://" + url[len("postgresql://") :]
    if pgbouncer and url.startswith(("postgres://", "asyncpg://")) \
            and "statement_cache_size=" not in url:
        # Tortoise passes URL parameters to asyncpg.create_pool (see CRM_PGBOUNCER).
        url += ("&" if "?" in url else "?") + "statement_cache_size=0"
    if url.startswith("sqlite://"):
        path = url[len("sqlite://") :]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
    return url


def unknown_variables(environ: dict[str, str] | None = None) -> list[str]:
    """CRM_* variables that name no setting (a typo would otherwise be silently ignored).
    The test harness's own CRM_TEST_*/CRM_FUZZ_* variables are not settings."""
    environ = dict(os.environ) if environ is None else environ
    known = {env_name(f) for f in Settings.model_fields}
    return sorted(k for k in environ if k.upper().startswith(ENV_PREFIX) and k.upper() not in known
                  and not k.upper().startswith(("CRM_TEST_", "CRM_FUZZ_", "CRM_SCHEMA")))


def load_settings() -> Settings:
    return _FromEnvironment()


_settings: Settings | None = None


def get_settings() -> Settings:
    global _settings
    if _settings is None:
        _settings = load_settings()
    return _settings


def override_settings(settings: Settings) -> None:
    global _settings
    _settings = settings
