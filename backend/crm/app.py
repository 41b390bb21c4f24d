"""The Starlette application: /graphql, /livez, /readyz, /metrics, and the built SPA at /."""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress
from datetime import timedelta
from typing import Any

import orjson
from cross_web import HTTPException
from graphql import ExecutionResult, GraphQLError, Lexer, Source, TokenKind, parse
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.middleware.gzip import GZipMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Mount, Route, WebSocketRoute
from starlette.types import Receive, Scope, Send
from starlette.websockets import WebSocketDisconnect, WebSocketState
from strawberry.asgi import ASGIWebSocketAdapter, GraphQL
from strawberry.exceptions import ConnectionRejectionError
from strawberry.http.exceptions import NonJsonMessageReceived, NonTextMessageReceived
from strawberry.schema.exceptions import InvalidOperationTypeError
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL
from strawberry.subscriptions.protocols.graphql_transport_ws.handlers import (
    BaseGraphQLTransportWSHandler,
)

from crm.auth.service import actor_from_access_token
from crm.auth.tokens import read_access_token
from crm.core import bus, i18n, metrics, persisted, quotas, requests, tracing
from crm.core.compiled import answer_from_recipes
from crm.core.db import close_db, init_db, ping, unavailable
from crm.core.errors import RateLimited, ServiceError
from crm.core.extensions import with_codes
from crm.core.graphql import Context
from crm.core.logs import configure_logging
from crm.http import CSP_GRAPHIQL, SPA, BodyLimit, RequestContext, json_error
from crm.schema import build_schema, get_schema
from crm.settings import Settings, get_settings

log = logging.getLogger("crm.app")
GRAPHQL_RESPONSE = "application/graphql-response+json"
# The operation's name when the client names it only in the document (most do).
OPERATION_NAME = re.compile(r"^\s*(?:query|mutation|subscription)\s+([A-Za-z_][A-Za-z0-9_]*)")
# How long a client should wait before retrying when the database does not answer.
RETRY_AFTER = 5
# The keys of a request body the kept-answer shortcut knows; anything else goes to the view.
REQUEST_KEYS = frozenset({"query", "variables", "operationName", "extensions"})
# Where the shortcut leaves the actor it read, so the view does not read the token again.
KEPT_ACTOR = "crm.kept_actor"


class Unavailable(Exception):
    """A dependency the request needs (the database) does not answer: retry shortly."""


class JSONTooDeep(Exception):
    """A request body nests deeper than the JSON decoder's stack."""


def bearer_token(header: str) -> str | None:
    """The token of an `Authorization: Bearer <token>` header; None when it is not one."""
    scheme, _, token = header.partition(" ")
    token = token.strip()
    return token if scheme.lower() == "bearer" and token else None


def operation_name(query: Any, name: str | None) -> str | None:
    """The operation's name as the pipeline knows it: the one sent, or the document's first
    operation's own when it names one (Strawberry's choice)."""
    if name is None and isinstance(query, str):
        named = OPERATION_NAME.match(query)
        if named:
            return named.group(1)
        if not query.lstrip().startswith("{"):
            return first_operation_name(query)  # after a comment, a BOM or a fragment
    return name


def first_operation_name(query: str) -> str | None:
    """The name of the document's first operation, read token by token (nothing is parsed);
    None for an anonymous one or a text that does not lex."""
    lexer = Lexer(Source(query))
    depth = 0
    budget = get_settings().max_tokens  # past it the parser refuses the document anyway
    try:
        token = lexer.advance()
        while token.kind is not TokenKind.EOF and budget > 0:
            budget -= 1
            if token.kind is TokenKind.BRACE_L:
                if depth == 0 and token.prev is not None and token.prev.kind is TokenKind.SOF:
                    return None  # `{ ... }`: an anonymous query
                depth += 1
            elif token.kind is TokenKind.BRACE_R:
                depth -= 1
            elif depth == 0 and token.kind is TokenKind.NAME and token.value in (
                    "query", "mutation", "subscription"):
                following = lexer.advance()
                return following.value if following.kind is TokenKind.NAME else None
            token = lexer.advance()
    except GraphQLError:
        return None
    return None


async def admit(actor: Any) -> None:
    """Count the request against its caller's limits (once per HTTP request); the standing goes
    into the response's RateLimit headers."""
    try:
        standing = await quotas.admit(actor)
    except quotas.OverLimit as exc:
        if info := requests.current():
            info.notes["ratelimit"] = exc.standing  # the 429 says where the caller stands too
        raise
    if standing is not None and (info := requests.current()):
        info.notes["ratelimit"] = standing


NOT_ALLOWED = "PERSISTED_QUERY_NOT_ALLOWED"


async def trusted_document(actor: Any, extensions: Any) -> str:
    """The registered operation a trusted-documents client names by its hash; anything else
    (a document sent as text, an unregistered hash) is refused before it is parsed."""
    from crm.auth.oauth import trusted_operation
    digest = persisted.requested_hash(extensions)
    found = await trusted_operation(actor.client_id, digest) if digest else None
    if found is None:
        raise persisted.Refused(NOT_ALLOWED, "This client may run only its registered "
                                "operations: send the sha256 of one in extensions.persistedQuery")
    return found


def accepts_graphql_response(accept: str) -> bool:
    """Whether Accept lists application/graphql-response+json with a quality above 0."""
    if GRAPHQL_RESPONSE not in accept:
        return False
    for part in accept.split(","):
        media, *params = (p.strip() for p in part.split(";"))
        if media.lower() != GRAPHQL_RESPONSE:
            continue
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    return float(value) > 0
                except ValueError:
                    return False
        return True
    return False


def count_operation(name: str | None) -> None:
    """The operation in the metrics and in the request's access line."""
    info = requests.current()
    if info is not None:
        info.notes["operation"] = metrics.operation_label(name)
    metrics.GRAPHQL_OPERATIONS.labels(metrics.operation_label(name)).inc()


# Close codes of graphql-transport-ws: the server refuses the connection (a token that is
# not, or no longer, valid), and a message over the size limit (RFC 6455's own code).
FORBIDDEN_CLOSE = 4403
TOO_BIG_CLOSE = 1009


class SocketAdapter(ASGIWebSocketAdapter):
    """Strawberry's Starlette socket with a size limit on what the client sends, and text
    frames for what it receives (browsers' clients parse text; orjson gives bytes)."""

    async def iter_json(self, *, ignore_parsing_errors: bool = False) -> Any:
        limit = get_settings().max_socket_message_bytes
        try:
            while self.ws.application_state != WebSocketState.DISCONNECTED:
                text = await self.ws.receive_text()
                if len(text) > limit or len(text.encode()) > limit:
                    await self.ws.close(TOO_BIG_CLOSE, f"Messages are limited to {limit} bytes")
                    return
                try:
                    yield self.view.decode_json(text)
                except ValueError as exc:
                    if not ignore_parsing_errors:
                        raise NonJsonMessageReceived from exc
        except KeyError as exc:
            raise NonTextMessageReceived from exc
        except WebSocketDisconnect:
            pass

    async def send_json(self, message: Any) -> None:
        encoded = self.view.encode_json(message)
        try:
            await self.ws.send_text(encoded.decode() if isinstance(encoded, bytes) else encoded)
        except WebSocketDisconnect as exc:
            from strawberry.http.exceptions import WebSocketDisconnected
            raise WebSocketDisconnected from exc


TOO_MANY_CLOSE = 4429
# Open sockets per caller in this process (see CRM_MAX_SOCKETS_PER_CALLER).
_open_sockets: dict[str, int] = {}


def socket_caller(actor: Any) -> str:
    return f"{actor.workspace_id}:{actor.user_id or actor.client_id}"


class SocketHandler(BaseGraphQLTransportWSHandler[Any, Any]):
    """graphql-transport-ws with the socket's token watch stopped when the socket ends, and a
    ceiling on the sockets one caller holds open."""

    async def send_message(self, message: Any) -> None:
        if message.get("type") == "connection_ack" and self.context.over_limit:
            # The connection is accepted by on_ws_connect only to be refused here, where a
            # close code of our own (not Strawberry's 4403, which says "sign in again") fits.
            await self.websocket.close(TOO_MANY_CLOSE, "Too many open sockets for this caller")
            return
        # Every error carries extensions.code over the socket too (validation errors included).
        errors: list[Any] = []
        if message.get("type") == "error":
            message["payload"] = errors = with_codes({"errors": message["payload"]})["errors"]
        elif message.get("type") == "next" and isinstance(message.get("payload"), dict):
            errors = with_codes(message["payload"]).get("errors") or []
        for err in errors:
            err["message"] = i18n.message(str(err["extensions"].get("code")), err.get("message", ""))
        await super().send_message(message)

    async def handle_subscribe(self, message: Any) -> None:
        """A subscribe message is the client's to get wrong: a shape the protocol does not
        allow closes the socket with 4400 (Strawberry would fail on it, unanswered), and a
        document that does not parse is that operation's coded error (Strawberry's stream
        would end it with a bare `complete`, the error only in our log)."""
        payload = message.get("payload")
        if not isinstance(message.get("id"), str) or not isinstance(payload, dict) \
                or not isinstance(payload.get("query"), str) \
                or not isinstance(payload.get("variables"), dict | None) \
                or not isinstance(payload.get("operationName"), str | None):
            await self.handle_invalid_message("A subscribe message has a string id and a "
                                              "payload with a string query")
            return
        if self.connection_acknowledged and message["id"] not in self.operations:
            actor = getattr(self.context, "actor", None)
            if actor is not None and actor.trusted_documents:
                # A trusted-documents client runs only what it registered, over the socket
                # as over HTTP: the subscription is named by its hash, never sent as text.
                try:
                    payload["query"] = await trusted_document(actor, payload.get("extensions"))
                except persisted.Refused as exc:
                    await self.send_message({"id": message["id"], "type": "error", "payload": [
                        GraphQLError(exc.message, extensions={"code": exc.code}).formatted]})
                    return
            try:
                parse(payload["query"], max_tokens=get_settings().max_tokens)
            except GraphQLError as exc:
                exc.extensions = {**(exc.extensions or {}), "code": "INVALID"}
                await self.send_message({"id": message["id"], "type": "error",
                                         "payload": [exc.formatted]})
                return
        await super().handle_subscribe(message)

    async def shutdown(self) -> None:
        watch = getattr(self.context, "token_watch", None)
        if watch is not None:
            watch.cancel()
        counted = self.context.socket_caller
        if counted is not None:
            self.context.socket_caller = None
            left = _open_sockets.get(counted, 1) - 1
            if left > 0:
                _open_sockets[counted] = left
            else:
                _open_sockets.pop(counted, None)
        await super().shutdown()


class CRMGraphQL(GraphQL):
    websocket_adapter_class = SocketAdapter  # type: ignore[assignment]
    graphql_transport_ws_handler_class = SocketHandler

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        # What the request's transactions committed is published once it is answered.
        async with bus.committed():
            await self.answer_http(scope, receive, send)

    async def on_ws_connect(self, context: Any) -> Any:
        """The socket's token comes in its connection_init payload (`{"authorization": "Bearer
        <accessToken>"}`), verified as an HTTP request's is, revocation included; a refused
        one closes the socket with 4403."""
        params = context.connection_params or {}
        raw = params.get("authorization") or params.get("Authorization")
        token = bearer_token(raw) if isinstance(raw, str) else None
        if token is None:
            raise ConnectionRejectionError({"message": "Send {authorization: 'Bearer <token>'}"})
        websocket = context.request

        async def reauthenticate() -> Any:
            try:
                actor = await actor_from_access_token(token, context.request_id)
            except ServiceError:
                with suppress(Exception):
                    await websocket.close(FORBIDDEN_CLOSE, "Forbidden")
                raise
            context.actor = actor
            return actor

        try:
            context.actor = await actor_from_access_token(token, context.request_id)
            await admit(context.actor)  # a connection counts as a request of its caller
        except ServiceError:
            raise ConnectionRejectionError({"message": "The token is invalid or expired"}
                                           ) from None
        except RateLimited:
            raise ConnectionRejectionError({"message": "Too many requests; retry later"}
                                           ) from None
        caller = socket_caller(context.actor)
        if _open_sockets.get(caller, 0) >= get_settings().max_sockets_per_caller:
            context.over_limit = True  # closed with 4429 instead of the acknowledgement
            return None
        _open_sockets[caller] = _open_sockets.get(caller, 0) + 1
        context.socket_caller = caller
        context.reauthenticate = reauthenticate
        context.token_watch = asyncio.create_task(self._close_at_expiry(websocket, token))
        return None

    @staticmethod
    async def _close_at_expiry(websocket: Any, token: str) -> None:
        """An idle socket does not outlive its token: it closes when the token expires, and
        the client reconnects with a fresh one."""
        import time
        try:
            expires = float(read_access_token(token).get("exp", 0))
        except Exception:
            expires = 0.0
        await asyncio.sleep(max(0.0, expires - time.time()))
        with suppress(Exception):
            await websocket.close(FORBIDDEN_CLOSE, "The token expired")

    async def answer_http(self, scope: Scope, receive: Receive, send: Send) -> None:
        request = Request(scope=scope, receive=receive)
        try:
            response = await self.kept_answer(request) or await self.run(request)
        except HTTPException as exc:
            response = self._refusal(request, exc)
        except JSONTooDeep:
            # A body of 1,000 nested filters is 2,000 JSON levels: the decoder runs out of
            # stack before any guard of ours sees the value. It is the client's: say so.
            response = Response(orjson.dumps({
                "data": None,
                "errors": [{"message": "The request nests too deeply to be read",
                            "extensions": {"code": "LIMIT_REACHED"}}],
                "extensions": {"cost": 0},
            }), media_type="application/json")
        except RateLimited as exc:
            if info := requests.current():
                info.notes["retry_after"] = exc.retry_after
            response = json_error(429, i18n.message("RATE_LIMITED", exc.message), "RATE_LIMITED",
                                  retryAfter=exc.retry_after)
        except Unavailable:
            response = json_error(503, "The service is unavailable; retry shortly", "UNAVAILABLE",
                                  headers={"retry-after": str(RETRY_AFTER)},
                                  retryAfter=RETRY_AFTER)
        if self.graphql_ide and response.media_type == "text/html":
            response.headers["content-security-policy"] = CSP_GRAPHIQL
        await response(scope, receive, send)

    async def kept_answer(self, request: Request) -> Response | None:
        """The answer to a query its actor sent just now with the same variables, from the
        statements kept for it (`answer_from_recipes`), before the view parses anything: a
        mobile app's or the SPA's repeated list costs one statement and little Python. None
        for anything else, which the view then reads from the same (cached) body."""
        if request.method != "POST" or not get_settings().compiled_reads:
            return None
        token = bearer_token(request.headers.get("authorization", ""))
        if token is None or not request.headers.get("content-type", "").startswith(
                "application/json"):
            return None
        body = await request.body()  # a body over the limit or a disconnect ends the request
        try:
            data = self.parse_json(body)
        except Exception:
            return None  # the view refuses it in its own words
        if not isinstance(data, dict) or not data.keys() <= REQUEST_KEYS \
                or not isinstance(data.get("extensions"), dict | None):
            return None  # the view refuses extensions that are not an object
        try:
            query = await persisted.resolve(data.get("query"), data.get("extensions"))
        except persisted.Refused:
            return None  # the view refuses it
        variables, name = data.get("variables"), data.get("operationName")
        if not isinstance(query, str) or not isinstance(variables, dict | None) \
                or not isinstance(name, str | None):
            return None
        info = requests.current()
        try:
            actor = await actor_from_access_token(token, info.request_id if info else "")
        except Exception:
            return None  # a refused token or an unavailable database: the view says which
        request.scope[KEPT_ACTOR] = (token, actor)
        await admit(actor)
        if actor.trusted_documents:
            return None  # the view checks its document against the client's registered ones
        name = operation_name(query, name)
        answer = await answer_from_recipes(query, name, variables or {}, actor)
        if answer is None:
            return None
        count_operation(name)
        if answer.data is not None:
            await persisted.keep(data.get("query"), data.get("extensions"))
        sub_response = await self.get_sub_response(request)
        return self.create_response(await self.process_result(request, answer), sub_response)

    def _refusal(self, request: Request, exc: HTTPException) -> Response:
        # GraphQL over HTTP: a mutation over GET is a wrong method, not a bad request.
        if isinstance(exc.__cause__, InvalidOperationTypeError) and request.method == "GET":
            return json_error(405, "Mutations need POST", "INVALID", headers={"allow": "POST"})
        code = {404: "NOT_FOUND", 413: "LIMIT_REACHED"}.get(
            exc.status_code, "INVALID" if exc.status_code < 500 else "INTERNAL")
        return json_error(exc.status_code, exc.reason, code)

    async def get_context(self, request: Any, response: Any) -> Context:  # type: ignore[override]
        info = requests.current()
        if info is None and request.scope["type"] == "websocket":
            # A socket has no access line, but its own id and language (the operations'
            # tasks inherit them), so its errors read in the language of its handshake.
            client = request.scope.get("client")
            info = requests.begin(request.headers.get("x-request-id"),
                                  client[0] if client else None,
                                  i18n.negotiate(request.headers.get("accept-language")))
        request_id = info.request_id if info else requests.new_request_id()
        actor = None
        auth_error = None
        header = request.headers.get("authorization")
        if header:
            token = bearer_token(header)
            if token is None:
                auth_error = "Authorization must be 'Bearer <accessToken>'"
            elif request.scope.get(KEPT_ACTOR, ("",))[0] == token:
                actor = request.scope[KEPT_ACTOR][1]  # read and counted for this request already
            else:
                try:
                    actor = await actor_from_access_token(token, request_id)
                    await admit(actor)
                except ServiceError as exc:
                    auth_error = exc.message
                except RateLimited:
                    raise
                except Exception as exc:
                    if not unavailable(exc):
                        raise
                    log.warning("Database unavailable while reading a token: %r", exc)
                    raise Unavailable from None
        return Context(request=request, response=response, actor=actor, request_id=request_id,
                       auth_error=auth_error, socket=request.scope["type"] == "websocket")

    async def get_sub_response(self, request: Any) -> Any:
        info = requests.current()
        if info is not None and accepts_graphql_response(request.headers.get("accept", "")):
            info.notes["media_type"] = GRAPHQL_RESPONSE
        sub_response = await super().get_sub_response(request)
        if request.method == "GET":
            # A query by GET (a persisted one, say) may be kept by the client's own cache, but
            # never by a shared one: the answer is the token's.
            sub_response.headers["cache-control"] = "private"
            sub_response.headers["vary"] = "Authorization, Accept, Accept-Language"
        return sub_response

    def parse_json(self, data: str | bytes) -> Any:  # type: ignore[override]
        try:
            parsed = orjson.loads(data)
        except orjson.JSONDecodeError as exc:
            # orjson refuses documents nested beyond its depth limit (1024).
            if "depth" in str(exc).lower() or "recursion" in str(exc).lower():
                raise JSONTooDeep from None
            raise
        if not isinstance(parsed, (dict, list)):
            raise HTTPException(400, "The body must be a JSON object with a `query`")
        return parsed

    async def execute_single(self, request: Any, request_adapter: Any, sub_response: Any,
                             context: Any, root_value: Any, request_data: Any) -> Any:
        sent = request_data.query
        actor = getattr(context, "actor", None)
        try:
            if actor is not None and actor.trusted_documents:
                query = await trusted_document(actor, request_data.extensions)
            else:
                query = await persisted.resolve(sent, request_data.extensions)
        except persisted.Refused as exc:
            return ExecutionResult(data=None, errors=[GraphQLError(
                exc.message, extensions={"code": exc.code})], extensions={"cost": 0})
        if query is not request_data.query:
            request_data = dataclasses.replace(request_data, query=query)
        name = operation_name(request_data.query, request_data.operation_name
                              if isinstance(request_data.operation_name, str) else None)
        count_operation(name)
        variables = request_data.variables
        if (actor is not None and isinstance(request_data.query, str) and get_settings()
                .compiled_reads and (variables is None or isinstance(variables, dict))):
            # Keyed by the operation's name as the pipeline knows it: the one sent, or the
            # document's own when it has one operation.
            answer = await answer_from_recipes(request_data.query, name, variables or {}, actor)
            if answer is not None:
                if answer.data is not None:
                    await persisted.keep(sent, request_data.extensions)
                return answer
        result = await super().execute_single(request, request_adapter, sub_response, context,
                                              root_value, request_data)
        if actor is not None and getattr(result, "data", None) is not None:
            await persisted.keep(sent, request_data.extensions)  # it parsed, validated and ran
        return result

    async def process_result(self, request: Any, result: Any) -> Any:  # type: ignore[override]
        # Every error carries extensions.code, including the ones raised before execution.
        response = with_codes(dict(await super().process_result(request, result)))
        info = requests.current()
        for err in response.get("errors") or []:
            ext = err.get("extensions") or {}
            metrics.GRAPHQL_ERRORS.labels(metrics.code_label(ext.get("code"))).inc()
            err["message"] = i18n.message(str(ext.get("code")), err.get("message", ""))
            if info is not None and isinstance(ext.get("retryAfter"), int):
                info.notes["retry_after"] = max(ext["retryAfter"], info.notes.get("retry_after", 0))
            if info is not None and ext.get("code") == "UNAVAILABLE":
                info.notes["unavailable"] = True
        return response

    def create_response(self, response_data: Any, sub_response: Any) -> Response:  # type: ignore[override]
        info = requests.current()
        notes = info.notes if info else {}
        request_error = (isinstance(response_data, dict) and response_data.get("data") is None
                         and bool(response_data.get("errors"))
                         and not any("path" in e for e in response_data["errors"]))
        graphql_response = notes.get("media_type") == GRAPHQL_RESPONSE
        if graphql_response and request_error:
            # graphql-over-http: a request that never reached execution (it did not parse,
            # validate or coerce its variables) has no `data` and says so in the status.
            response_data = {k: v for k, v in response_data.items() if k != "data"}
        response = super().create_response(response_data, sub_response)
        if graphql_response:
            response.headers["content-type"] = GRAPHQL_RESPONSE
            if request_error:
                response.status_code = 400
        if request_error and all((e.get("extensions") or {}).get("code") == "RATE_LIMITED"
                                 for e in response_data["errors"]):
            response.status_code = 429  # the caller's limits refused the whole request
        if notes.get("unavailable") and isinstance(response_data, dict) \
                and not any((response_data.get("data") or {}).values()):
            response.status_code = 503
        return response

    def encode_json(self, data: object) -> bytes:  # type: ignore[override]
        return orjson.dumps(data)


async def livez(_request: Request) -> Response:
    """The process answers: nothing else is checked, so a slow database never restarts it."""
    return JSONResponse({"status": "ok"})


def readiness(settings: Settings) -> Any:
    async def readyz(_request: Request) -> Response:
        """Whether this process can serve: the database answers, and Redis when configured."""
        checks: dict[str, str] = {}
        try:
            await ping(2.0)
            checks["database"] = "ok"
        except Exception as exc:
            checks["database"] = f"unavailable: {type(exc).__name__}"
        if settings.redis_url:
            from crm.core.shared import redis_ping
            checks["redis"] = "ok" if await redis_ping(settings.redis_url) else "unavailable"
        ready = all(v == "ok" for v in checks.values())
        return JSONResponse({"status": "ready" if ready else "unavailable", "checks": checks},
                            status_code=200 if ready else 503,
                            headers=None if ready else {"retry-after": str(RETRY_AFTER)})

    return readyz


async def metrics_endpoint(_request: Request) -> Response:
    body = await asyncio.to_thread(metrics.render)
    return Response(body, media_type=metrics.CONTENT_TYPE)


async def spa_missing(request: Request) -> Response:
    return PlainTextResponse(
        "The admin app is not built, so only the API is served here (/graphql). Build it with "
        "`make frontend-build` or point CRM_STATIC_DIR at a built frontend/dist.", status_code=404)


def oauth_routes() -> list[Route]:
    """The OAuth2 server's endpoints (crm.auth.oauth_server, crm.auth.consent)."""
    from crm.auth import consent
    from crm.auth import oauth_server as s
    return [
        Route("/oauth/token", s.token_endpoint, methods=["POST"]),
        Route("/oauth/revoke", s.revoke_endpoint, methods=["POST"]),
        Route("/oauth/introspect", s.introspect_endpoint, methods=["POST"]),
        Route("/oauth/authorize", consent.authorize_get, methods=["GET"]),
        Route("/oauth/authorize", consent.authorize_post, methods=["POST"]),
        Route("/oauth/authorize/sign-in", consent.sign_in_post, methods=["POST"]),
        Route("/.well-known/oauth-authorization-server", s.metadata_endpoint, methods=["GET"]),
    ]
class _Relay:
    def __init__(self) -> None:
        from crm.webhooks.relay import run_relay
        self.stopping = asyncio.Event()
        self.task = asyncio.create_task(run_relay(self.stopping), name="webhook-relay")

    async def stop(self) -> None:
        self.stopping.set()
        try:
            await asyncio.wait_for(self.task, timeout=15)
        except TimeoutError:
            self.task.cancel()


def start_relay() -> _Relay:
    return _Relay()


async def _sweep_reminders(every: float) -> None:
    """STOPGAP (issue 14): the reminder job on a timer in the server process, until core.jobs
    runs its periodic tasks in `crm serve` (then delete this and `reminders_poll_seconds`).
    Several processes may sweep at once: each reminder is claimed once."""
    from crm.collaboration.service import send_due_reminders
    while True:
        await asyncio.sleep(every)
        try:
            await send_due_reminders()
        except Exception as exc:  # the next sweep tries again; the API must not stop
            log.warning("Reminder sweep failed: %r", exc)


def create_app(settings: Settings | None = None, *, manage_db: bool = True) -> Starlette:
    settings = settings or get_settings()
    if manage_db:
        # A server's own process (each of `crm serve --workers N` is one) logs as configured;
        # tests that embed the app keep pytest's logging.
        configure_logging(settings)
        tracing.configure_tracing(settings)
    schema = get_schema() if settings is get_settings() else build_schema(settings)
    graphql_app = CRMGraphQL(
        schema,
        graphql_ide="graphiql" if settings.debug else None,
        allow_queries_via_get=True,
        # Only graphql-transport-ws: the legacy graphql-ws protocol is the one of Strawberry's
        # 2026 advisories (subscriptions before connection_init), and no client of ours uses it.
        subscription_protocols=[GRAPHQL_TRANSPORT_WS_PROTOCOL],
        connection_init_wait_timeout=timedelta(seconds=settings.socket_init_timeout),
        max_subscriptions_per_connection=settings.max_subscriptions_per_socket,
    )

    @asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        if manage_db:
            await init_db(settings, replica=True)
        # The webhook relay runs beside the API in each server process (several are safe: they
        # claim rows with SKIP LOCKED); CRM_WEBHOOKS_RELAY=false leaves it to `crm worker`.
        relay = start_relay() if manage_db and settings.webhooks_relay else None
        reminders = (asyncio.create_task(_sweep_reminders(settings.reminders_poll_seconds))
                     if manage_db and settings.reminders_poll_seconds else None)
        try:
            yield
        finally:
            if reminders is not None:
                reminders.cancel()
            if relay is not None:
                await relay.stop()
            tracing.flush()
            if manage_db:
                await close_db()

    routes: list[Any] = [
        Route("/livez", livez),
        Route("/healthz", livez),
        Route("/readyz", readiness(settings)),
        Route("/graphql", graphql_app, methods=["GET", "POST"]),
        WebSocketRoute("/graphql", graphql_app),
        *oauth_routes(),
    ]
    if settings.metrics_enabled:
        routes.append(Route("/metrics", metrics_endpoint))
    if (settings.static_dir / "index.html").exists():
        routes.append(Mount("/", app=SPA(directory=settings.static_dir, html=True), name="spa"))
    else:
        log.warning("No built admin app at %s: serving the API only. Run `make frontend-build` "
                    "or set CRM_STATIC_DIR.", settings.static_dir)
        routes.append(Route("/{path:path}", spa_missing))
    middleware = [
        Middleware(RequestContext, hsts=settings.is_production),
        Middleware(CORSMiddleware, allow_origins=settings.cors_origins,
                   allow_methods=["GET", "POST"],
                   allow_headers=["authorization", "content-type", "accept", "accept-language",
                                  "x-request-id"],
                   expose_headers=["x-request-id", "retry-after"], max_age=600),
        Middleware(GZipMiddleware, minimum_size=1000),
        Middleware(BodyLimit),
    ]
    app = Starlette(routes=routes, middleware=middleware, lifespan=lifespan)
    tracing.instrument_app(app, settings)
    return app
