"""OpenTelemetry traces, when an OTLP endpoint is configured: a span per HTTP request
(Starlette's instrumentation), per GraphQL operation and resolver phase (Strawberry's
extension) and per SQL statement on PostgreSQL (asyncpg's instrumentation), exported over
OTLP/HTTP in batches. Without an endpoint nothing is imported or wrapped, so the default
costs nothing.
"""

from __future__ import annotations

from typing import Any

from crm.settings import Settings

_provider: Any = None


def tracing_enabled(settings: Settings) -> bool:
    return bool(settings.otel_endpoint)


def configure_tracing(settings: Settings) -> None:
    """Install the process's tracer provider once (OpenTelemetry allows one per process)."""
    global _provider
    if _provider is not None or not tracing_enabled(settings):
        return
    from opentelemetry import trace
    from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
    from opentelemetry.instrumentation.asyncpg import AsyncPGInstrumentor
    from opentelemetry.sdk.resources import Resource
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import BatchSpanProcessor

    assert settings.otel_endpoint is not None
    provider = TracerProvider(resource=Resource.create({"service.name": settings.otel_service_name}))
    provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter(
        endpoint=settings.otel_endpoint.rstrip("/") + "/v1/traces")))
    trace.set_tracer_provider(provider)
    AsyncPGInstrumentor().instrument()
    _provider = provider


def instrument_app(app: Any, settings: Settings) -> None:
    if tracing_enabled(settings):
        from opentelemetry.instrumentation.starlette import StarletteInstrumentor
        StarletteInstrumentor.instrument_app(app)


def graphql_extensions(settings: Settings) -> list[Any]:
    if not tracing_enabled(settings):
        return []
    from strawberry.extensions.tracing import OpenTelemetryExtension
    return [OpenTelemetryExtension]


def flush() -> None:
    """Send what is buffered (at shutdown, so the last requests' spans are not lost)."""
    if _provider is not None:
        _provider.force_flush()
