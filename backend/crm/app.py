"""The Starlette application: /graphql, /healthz, and the built SPA at /."""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import orjson
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Receive, Scope, Send
from strawberry.asgi import GraphQL
from strawberry.types.unset import UNSET

from crm.auth.service import actor_from_access_token
from crm.core.db import close_db, init_db
from crm.core.errors import ServiceError
from crm.core.extensions import with_codes
from crm.core.graphql import Context
from crm.schema import get_schema
from crm.settings import Settings, get_settings

log = logging.getLogger("crm.app")
MAX_BODY = 1_000_000


class JSONTooDeep(Exception):
    """A request body nests deeper than the JSON decoder's stack."""


class CRMGraphQL(GraphQL):
    def decode_json(self, data: str | bytes) -> object:
        # A body of 1,000 nested filters is 2,000 JSON levels: the decoder runs out of stack
        # before any guard of ours sees the value. It is the client's, so answer it as one.
        try:
            return json.loads(data)
        except RecursionError:
            raise JSONTooDeep from None

    async def run(self, request: Any, context: Any = UNSET, root_value: Any = UNSET) -> Any:  # type: ignore[override]
        try:
            return await super().run(request, context, root_value)
        except JSONTooDeep:
            return Response(orjson.dumps({
                "data": None,
                "errors": [{"message": "The request nests too deeply to be read",
                            "extensions": {"code": "LIMIT_REACHED"}}],
                "extensions": {"cost": 0},
            }), media_type="application/json")

    async def get_context(self, request: Any, response: Any) -> Context:  # type: ignore[override]
        request_id = request.headers.get("x-request-id") or uuid.uuid4().hex
        request_id = request_id[:64]
        actor = None
        auth_error = None
        header = request.headers.get("authorization")
        if header:
            scheme, _, token = header.partition(" ")
            if scheme.lower() != "bearer" or not token:
                auth_error = "Authorization must be 'Bearer <accessToken>'"
            else:
                try:
                    actor = await actor_from_access_token(token.strip(), request_id)
                except ServiceError as exc:
                    auth_error = exc.message
        if response is not None:
            response.headers["x-request-id"] = request_id
        return Context(request=request, response=response, actor=actor, request_id=request_id,
                       auth_error=auth_error)

    async def process_result(self, request: Any, result: Any) -> Any:  # type: ignore[override]
        # Every error carries extensions.code, including the ones raised before execution.
        return with_codes(dict(await super().process_result(request, result)))

    def encode_json(self, data: object) -> bytes:  # type: ignore[override]
        return orjson.dumps(data)


class BodyLimit:
    """Refuse request bodies over a size before they are read into memory."""

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None and length.isdigit() and int(length) > self.limit:
            await PlainTextResponse("Request body too large", status_code=413)(scope, receive, send)
            return
        seen = 0

        async def limited() -> Any:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise ValueError("Request body too large")
            return message

        await self.app(scope, limited, send)


async def healthz(_request: Request) -> Response:
    return JSONResponse({"status": "ok"})


class SPA(StaticFiles):
    """The built admin app; unknown paths get index.html so client-side routes work."""

    async def get_response(self, path: str, scope: Scope) -> Response:
        try:
            response = await super().get_response(path, scope)
        except Exception:
            response = None
        if response is None or response.status_code == 404:
            return FileResponse(Path(str(self.directory)) / "index.html")
        return response


def create_app(settings: Settings | None = None, *, manage_db: bool = True) -> Starlette:
    settings = settings or get_settings()
    settings.validate()
    graphql_app = CRMGraphQL(
        get_schema(),
        graphql_ide="graphiql" if settings.debug else None,
        allow_queries_via_get=True,
    )

    @asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        if manage_db:
            await init_db(settings)
        try:
            yield
        finally:
            if manage_db:
                await close_db()

    routes: list[Any] = [
        Route("/healthz", healthz),
        Route("/graphql", graphql_app, methods=["GET", "POST"]),
    ]
    if (settings.static_dir / "index.html").exists():
        routes.append(Mount("/", app=SPA(directory=settings.static_dir, html=True), name="spa"))
    app = Starlette(routes=routes, lifespan=lifespan)
    app.add_middleware(BodyLimit)
    return app
