"""Schema extensions: error masking with an allow-list of client errors, and the cap on errors
per response."""

from __future__ import annotations

import logging
from collections.abc import Iterator

from graphql import GraphQLError
from strawberry.extensions import SchemaExtension
from tortoise.exceptions import ValidationError as TortoiseValidationError

from crm.core.errors import ClientError, RateLimited, ServiceError
from crm.core.limits import cap_errors
from crm.settings import get_settings

log = logging.getLogger("crm.errors")
# Messages of Strawberry's depth, alias and token limiters, and of graphql-core's own nesting
# limits on documents and variables (beyond our input bounds, e.g. a literal the parser stops).
_LIMIT_WORDS = ("aliases found", "maximum operation depth", "token limit", "tokens",
                "nested too deeply")


class MaskServerErrors(SchemaExtension):
    """Client errors keep their message and `extensions.code`; anything else is the server's
    fault: logged with the request id and replaced by a message with no stack and no SQL.

    At most `max_errors` errors are kept (then one that says how many were left out), cut
    before masking so that a response of 15,000 failing rows does not log 15,000 stacks."""

    def on_operation(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        errors = getattr(result, "errors", None)
        if result is None or not errors:
            return
        limit = get_settings().max_errors
        if len(errors) > limit:
            log.warning("Request %s had %d errors; the response lists %d", self._request_id(),
                        len(errors), limit)
        result.errors = [self._process(e) for e in cap_errors(list(errors), limit)]  # type: ignore[union-attr]

    def on_stream_result(self, result: object) -> Iterator[None]:  # type: ignore[override]
        # A subscription's operation lasts as long as its socket: each event it pushes is
        # masked and capped on its own, before it is sent.
        errors = getattr(result, "errors", None)
        if errors:
            result.errors = [self._process(e) for e in cap_errors(  # type: ignore[attr-defined]
                list(errors), get_settings().max_errors)]
        yield

    def _request_id(self) -> str:
        ctx = self.execution_context.context
        return getattr(ctx, "request_id", "-")

    def _process(self, error: GraphQLError) -> GraphQLError:
        original = error.original_error
        if original is None or isinstance(original, ClientError):
            return error
        if isinstance(original, ServiceError):
            return GraphQLError(original.message, nodes=error.nodes, path=error.path,
                                extensions={"code": original.code.value,
                                            **({"field": original.field} if original.field else {})})
        if isinstance(original, GraphQLError):
            return error
        if isinstance(original, RateLimited):
            return original.as_error(nodes=error.nodes, path=error.path)
        from crm.core.db import unavailable
        if unavailable(original):
            # The database (or Redis) went away mid-request: retryable, and not the client's.
            log.warning("Dependency unavailable in request %s at %s: %r", self._request_id(),
                        error.path, original)
            return GraphQLError("The service is unavailable; retry shortly", nodes=error.nodes,
                                path=error.path, extensions={"code": "UNAVAILABLE", "retryAfter": 5,
                                                             "requestId": self._request_id()})
        if number_out_of_range(original):
            # A number beyond its column (a stock level past int32, a total past int64): the
            # input's fault, and the write's transaction has rolled back.
            log.warning("Number out of range in request %s at %s: %s", self._request_id(),
                        error.path, original)
            return GraphQLError("A number is too large to be stored", nodes=error.nodes,
                                path=error.path, extensions={"code": "INVALID"})
        if isinstance(original, TortoiseValidationError):
            # The ORM refused a value before any SQL ran (too long for its column, say): the
            # input was the client's. Services check their inputs first; this is the net.
            log.warning("Input refused by the ORM in request %s at %s: %s", self._request_id(),
                        error.path, original)
            return GraphQLError(f"Invalid input: {original}"[:300], nodes=error.nodes,
                                path=error.path, extensions={"code": "INVALID"})
        request_id = self._request_id()
        log.error("Unexpected error in request %s at %s", request_id, error.path,
                  exc_info=(type(original), original, original.__traceback__))
        return GraphQLError(
            "Internal server error",
            nodes=error.nodes,
            path=error.path,
            extensions={"code": "INTERNAL", "requestId": request_id},
        )


def number_out_of_range(exc: BaseException | None) -> bool:
    """Whether the driver refused a number too large for its column (through Tortoise's
    wrapping: the driver's error is the cause)."""
    seen = 0
    while exc is not None and seen < 5:
        name = type(exc).__name__
        if isinstance(exc, OverflowError) or name == "NumericValueOutOfRangeError":
            return True
        if name == "DataError" and "out of" in str(exc) and "range" in str(exc):
            return True
        exc = exc.__cause__ or exc.__context__
        seen += 1
    return False


def error_code_of(formatted: dict) -> str:
    """The code of an error that reached the client without one: parse, validation, variable
    and limit errors are the client's."""
    message = formatted.get("message", "")
    return "LIMIT_REACHED" if any(word in message for word in _LIMIT_WORDS) else "INVALID"


def with_codes(response: dict) -> dict:
    for err in response.get("errors") or []:
        ext = err.setdefault("extensions", {})
        if "code" not in ext:
            ext["code"] = error_code_of(err)
    return response
