"""The HTTP edge: request ids, access lines and metrics, security headers, body limits, and the
built SPA. Pure ASGI middleware, so the request's context reaches the GraphQL resolvers."""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Any

import orjson
from starlette.datastructures import Headers, MutableHeaders
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect
from starlette.responses import FileResponse, Response
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from crm.core import metrics, requests
from crm.core.i18n import negotiate

log = logging.getLogger("crm.http")
access_log = logging.getLogger("crm.access")

MAX_BODY = 1_000_000

# The built SPA loads its own scripts and styles from /assets; antd writes its CSS-in-JS into
# <style> elements, hence 'unsafe-inline' for styles only. No page may frame ours.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
       "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'")
# GraphiQL (development only) loads its bundle from a CDN and runs inline scripts.
CSP_GRAPHIQL = ("default-src 'self'; script-src 'self' 'unsafe-inline' https://unpkg.com; "
                "style-src 'self' 'unsafe-inline' https://unpkg.com; img-src 'self' data: https:; "
                "font-src 'self' data: https:; connect-src 'self'; frame-ancestors 'none'")
HSTS = "max-age=31536000; includeSubDomains"


def error_body(message: str, code: str, **extensions: Any) -> bytes:
    """The GraphQL-shaped error every non-GraphQL refusal uses, so clients read one format."""
    return orjson.dumps({"errors": [{"message": message,
                                     "extensions": {"code": code, **extensions}}]})


def json_error(status: int, message: str, code: str, headers: dict[str, str] | None = None,
               **extensions: Any) -> Response:
    info = requests.current()
    if info is not None:
        extensions.setdefault("requestId", info.request_id)
    return Response(error_body(message, code, **extensions), status_code=status,
                    media_type="application/json", headers=headers)


class RequestContext:
    """Outermost layer: gives each request the server's own id (the client's x-request-id is
    kept apart, sanitised), writes one access line and the metrics, adds the security headers,
    and turns an exception that escaped everything into one logged traceback and a coded 500."""

    def __init__(self, app: ASGIApp, *, hsts: bool = False) -> None:
        self.app = app
        self.hsts = hsts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        client = scope.get("client")
        info = requests.begin(headers.get("x-request-id"), client[0] if client else None,
                              negotiate(headers.get("accept-language")))
        started = time.perf_counter()
        status = 500
        response_started = False
        secure = self.hsts or scope.get("scheme") == "https"

        async def send_with_headers(message: Message) -> None:
            nonlocal status, response_started
            if message["type"] == "http.response.start":
                response_started = True
                status = message["status"]
                out = MutableHeaders(scope=message)
                out["x-request-id"] = info.request_id
                out.setdefault("x-content-type-options", "nosniff")
                out.setdefault("x-frame-options", "DENY")
                out.setdefault("referrer-policy", "strict-origin-when-cross-origin")
                out.setdefault("content-security-policy", CSP)
                if secure:
                    out.setdefault("strict-transport-security", HSTS)
                standing = info.notes.get("ratelimit")
                if standing is not None:
                    out.update(standing.headers())
                retry_after = info.notes.get("retry_after")
                if retry_after:
                    out.setdefault("retry-after", str(retry_after))
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        except ClientDisconnect:
            # The client went away before sending its whole body (a closed tab, a navigation):
            # nobody is waiting for an answer and nothing on our side failed.
            status = 499
            log.info("Client disconnected during %s %s", scope.get("method"), scope.get("path"))
        except Exception:
            log.exception("Unhandled error answering %s %s", scope.get("method"), scope.get("path"))
            if not response_started:
                await json_error(500, "Internal server error", "INTERNAL")(
                    scope, receive, send_with_headers)
        finally:
            elapsed = time.perf_counter() - started
            route = metrics.route_of(scope.get("path", ""))
            metrics.HTTP_REQUESTS.labels(metrics.method_of(scope.get("method", "")), route,
                                         str(status)).inc()
            metrics.HTTP_LATENCY.labels(route).observe(elapsed)
            access_log.info(
                "%s %s %s %.1fms", scope.get("method"), scope.get("path"), status, elapsed * 1000,
                extra={"method": scope.get("method"), "path": scope.get("path"), "status": status,
                       "duration_ms": round(elapsed * 1000, 2), "client": info.client_address,
                       "operation": info.notes.get("operation"),
                       "client_request_id": info.client_request_id})


class BodyTooLarge(Exception):
    pass


class BodyLimit:
    """Refuse request bodies over a size, whether they announce a length or arrive chunked,
    before they are read whole into memory."""

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY) -> None:
        self.app = app
        self.limit = limit

    def too_large(self) -> Response:
        return json_error(413, f"The request body is larger than {self.limit} bytes",
                          "LIMIT_REACHED")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = Headers(scope=scope).get("content-length")
        if length is not None and length.isdigit() and int(length) > self.limit:
            await self.too_large()(scope, receive, send)
            return
        seen = 0
        started = False

        async def limited() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise BodyTooLarge
            return message

        async def watch(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, limited, watch)
        except BodyTooLarge:
            if not started:
                await self.too_large()(scope, receive, send)


class SPA(StaticFiles):
    """The built admin app. Hashed files under /assets are cached for a year; a missing one is
    a 404 (an HTML page in its place breaks the browser's module loader with a misleading
    error); any other unknown path is a client-side route and gets index.html, never cached,
    so a deployment is picked up on the next load."""

    async def get_response(self, path: str, scope: Scope) -> Response:
        if path.startswith("assets/") or path.startswith("assets\\"):
            response = await super().get_response(path, scope)
            if response.status_code == 200:
                response.headers["cache-control"] = "public, max-age=31536000, immutable"
            return response
        index = path in ("", ".", "index.html")
        found: Response | None = None
        if not index:
            try:
                found = await super().get_response(path, scope)
            except HTTPException as exc:
                if exc.status_code != 404:
                    raise
        page = found if found is not None and found.status_code != 404 else \
            FileResponse(Path(str(self.directory)) / "index.html")
        if page.media_type == "text/html" or found is None or index:
            page.headers["cache-control"] = "no-cache"
        return page
