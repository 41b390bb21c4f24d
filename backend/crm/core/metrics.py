"""Prometheus metrics. Every label takes a bounded set of values, so a client cannot grow the
server's memory or the scrape by sending new paths or operation names."""

from __future__ import annotations

import re
import threading

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.exposition import CONTENT_TYPE_LATEST

REGISTRY = CollectorRegistry(auto_describe=True)
CONTENT_TYPE = CONTENT_TYPE_LATEST

HTTP_REQUESTS = Counter("crm_http_requests_total", "HTTP requests answered.",
                        ["method", "route", "status"], registry=REGISTRY)
HTTP_LATENCY = Histogram("crm_http_request_duration_seconds", "Time to answer an HTTP request.",
                         ["route"], registry=REGISTRY,
                         buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10))
GRAPHQL_OPERATIONS = Counter("crm_graphql_operations_total", "GraphQL operations by name.",
                             ["operation"], registry=REGISTRY)
GRAPHQL_ERRORS = Counter("crm_graphql_errors_total", "GraphQL errors by extensions.code.",
                         ["code"], registry=REGISTRY)
LOGIN_REFUSALS = Counter("crm_login_rate_limited_total", "Sign-ins refused by the rate limit.",
                         ["scope"], registry=REGISTRY)

_METHODS = frozenset({"GET", "POST", "OPTIONS", "HEAD", "PUT", "PATCH", "DELETE"})
_ROUTES = frozenset({"/graphql", "/livez", "/healthz", "/readyz", "/metrics"})
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,63}$")
MAX_OPERATION_NAMES = 200
_seen_operations: set[str] = set()
_lock = threading.Lock()


def route_of(path: str) -> str:
    if path in _ROUTES:
        return path
    if path.startswith("/assets/"):
        return "/assets"
    if path.startswith("/oauth/"):
        return "/oauth"
    return "spa"


def method_of(method: str) -> str:
    return method if method in _METHODS else "OTHER"


def operation_label(name: str | None) -> str:
    """The first MAX_OPERATION_NAMES well-formed names keep their label; later ones share one."""
    if not name:
        return "anonymous"
    if not _NAME.match(name):
        return "invalid"
    with _lock:
        if name in _seen_operations:
            return name
        if len(_seen_operations) < MAX_OPERATION_NAMES:
            _seen_operations.add(name)
            return name
    return "other"


def code_label(code: object) -> str:
    text = str(code)
    return text if re.match(r"^[A-Z_]{1,40}$", text) else "OTHER"


def render() -> bytes:
    return generate_latest(REGISTRY)
