"""With an OTLP endpoint configured, a real server sends its traces there: a span for the HTTP
request, one for the GraphQL operation, and on PostgreSQL one per SQL statement, all in one
trace. The collector here is a plain HTTP server decoding what the OTLP exporter posts."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import AsyncIterator, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest
from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import ExportTraceServiceRequest

from tests.conftest import DB_KIND
from tests.platform.databases import fresh_database
from tests.platform.servers import clean_environment, free_port, running_server


class Collector:
    """Spans received, as (trace id, name, service name)."""

    def __init__(self) -> None:
        self.spans: list[tuple[bytes, str, str]] = []
        self.paths: list[str] = []


@pytest.fixture
def collector() -> Iterator[tuple[str, Collector]]:
    received = Collector()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("content-length", 0)))
            received.paths.append(self.path)
            request = ExportTraceServiceRequest()
            request.ParseFromString(body)
            for resource_spans in request.resource_spans:
                service = next((a.value.string_value for a in resource_spans.resource.attributes
                                if a.key == "service.name"), "")
                for scope in resource_spans.scope_spans:
                    for span in scope.spans:
                        received.spans.append((span.trace_id, span.name, service))
            self.send_response(200)
            self.send_header("content-type", "application/x-protobuf")
            self.end_headers()

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}", received
    finally:
        server.shutdown()


@pytest.fixture
async def database_url(tmp_path: Path) -> AsyncIterator[str]:
    async with fresh_database(tmp_path, "crm_trace") as url:
        yield url


async def test_a_request_becomes_one_trace_at_the_collector(collector, database_url: str,
                                                            tmp_path: Path):
    endpoint, received = collector
    env = clean_environment(DATABASE_URL=database_url, CRM_STATIC_DIR=str(tmp_path / "no-spa"),
                            OTEL_EXPORTER_OTLP_ENDPOINT=endpoint,
                            OTEL_SERVICE_NAME="crm-api-traced")
    log_path = tmp_path / "server.log"
    # The server flushes its spans as it stops, at the end of the block.
    async with running_server(env, log_path) as base, \
            httpx.AsyncClient(base_url=base, timeout=10) as client:
        body = (await client.post("/graphql", json={
            "query": "mutation SignIn { login(input: {email: \"nobody@example.com\", "
                     "password: \"wrong-password\"}) { errors { code } } }"})).json()
        assert body["data"]["login"]["errors"] == [{"code": "INVALID_CREDENTIALS"}]
    deadline = time.monotonic() + 15
    while not any("SignIn" in name for _, name, _ in received.spans):
        assert time.monotonic() < deadline, (received.spans, log_path.read_text()[-3000:])
        await asyncio.sleep(0.2)
    assert set(received.paths) == {"/v1/traces"}
    graphql = next(span for span in received.spans if "SignIn" in span[1])
    in_trace = [name for trace_id, name, _ in received.spans if trace_id == graphql[0]]
    assert any(name.startswith("POST /graphql") for name in in_trace), in_trace
    assert {service for _, _, service in received.spans} == {"crm-api-traced"}
    if DB_KIND == "postgres":
        # The sign-in looked the user up: that statement is a span of the same trace.
        assert "SELECT" in in_trace, in_trace
