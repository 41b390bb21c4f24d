"""Error codes and the exceptions services raise.

Business and validation errors travel back in mutation payloads as `UserError`s; errors about
the request itself (authentication, a forbidden field, a bad argument) are GraphQL errors that
keep their `extensions.code`. Anything else is the server's fault and is masked.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

import strawberry
from graphql import GraphQLError
from strawberry.scalars import JSON


@strawberry.enum(description="Why a request or one of its items failed.")
class ErrorCode(Enum):
    INVALID = strawberry.enum_value(
        "INVALID",
        description="The input breaks a rule of its field (format, length, range); `field` names it.")
    NOT_FOUND = strawberry.enum_value("NOT_FOUND", description="No such record, or not one you may read.")
    FORBIDDEN = strawberry.enum_value("FORBIDDEN", description="Your role may not read or change this.")
    CONFLICT = strawberry.enum_value(
        "CONFLICT",
        description="Someone changed the record since you read it: reload, retry with its new version.")
    DUPLICATE = strawberry.enum_value(
        "DUPLICATE", description="A record with the same identity already exists.")
    LIMIT_REACHED = strawberry.enum_value(
        "LIMIT_REACHED", description="The request is too large: a page, list, cost or input over its limit.")
    INSUFFICIENT_STOCK = strawberry.enum_value(
        "INSUFFICIENT_STOCK", description="Not enough stock is available for the quantity asked.")
    INVALID_STATE = strawberry.enum_value(
        "INVALID_STATE", description="The record's status does not allow this step now.")
    UNAUTHENTICATED = strawberry.enum_value(
        "UNAUTHENTICATED", description="Sign in first, or your session has expired.")
    RATE_LIMITED = strawberry.enum_value(
        "RATE_LIMITED", description="Too many attempts: wait before trying again.")
    INVALID_CREDENTIALS = strawberry.enum_value(
        "INVALID_CREDENTIALS", description="The email or password is wrong.")
    APPROVAL_REQUIRED = strawberry.enum_value(
        "APPROVAL_REQUIRED",
        description="An approval rule holds the operation until it is approved: `params` names "
        "the `rule` and the pending `request` (an ApprovalRequest id); the same operation with "
        "the same figures goes through once the request is approved.")
    UNAVAILABLE = strawberry.enum_value(
        "UNAVAILABLE", description="A part the server needs is down; try again shortly.")


@strawberry.type(description="A business or validation error of a mutation or one of its items.")
class UserError:
    field: str | None = strawberry.field(
        description="The input field at fault (camelCase, e.g. `lines.0.quantity`); null when "
                    "the error is about the whole request.")
    code: ErrorCode = strawberry.field(description="What went wrong, for programs to act on.")
    message: str = strawberry.field(description="What went wrong, for people to read.")
    params: dict[str, Any] | None = strawberry.field(
        default=None, graphql_type=JSON | None,
        description="The figures the message is made of, by name (e.g. `product`, `available`, "
        "`wanted` for INSUFFICIENT_STOCK; `limit` for LIMIT_REACHED), so a client can word it in "
        "its user's language; null when the message has none.")


class ServiceError(Exception):
    """A rule of the business refused the request; nothing was written."""

    def __init__(
        self,
        code: ErrorCode,
        message: str,
        field: str | None = None,
        *,
        details: dict[str, Any] | None = None,
        params: dict[str, str | int] | None = None,
    ) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field
        self.details = details or {}
        self.params = params

    def as_user_errors(self) -> list[UserError]:
        return [in_client_language(UserError(field=self.field, code=self.code,
                                             message=self.message, params=self.params))]


def in_client_language(error: UserError) -> UserError:
    """The error with its message in the language the request asked for."""
    from crm.core.i18n import message
    code = str(getattr(error.code, "value", error.code))
    error.message = message(code, error.message, error.field, error.params)
    return error


class ValidationFailed(ServiceError):
    """Several fields of one input are wrong; all of them are reported at once."""

    def __init__(self, errors: list[UserError]) -> None:
        super().__init__(ErrorCode.INVALID, "; ".join(e.message for e in errors))
        self.errors = errors

    def as_user_errors(self) -> list[UserError]:
        return [in_client_language(e) for e in self.errors]


def not_found(what: str, field: str | None = "id") -> ServiceError:
    return ServiceError(ErrorCode.NOT_FOUND, f"{what} not found", field)


class RateLimited(Exception):
    """Too many attempts: the caller may try again after `retry_after` seconds. The GraphQL
    layer answers it as a RATE_LIMITED error with `extensions.retryAfter` and a Retry-After
    header."""

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.message = message
        self.retry_after = retry_after

    def as_error(self, **located: Any) -> GraphQLError:
        """The GraphQL error the client gets (`nodes`/`path` when it is a field's)."""
        return GraphQLError(self.message, **located,
                            extensions={"code": "RATE_LIMITED", "retryAfter": self.retry_after})


class ClientError(GraphQLError):
    """A GraphQL error that is the client's own: it keeps its message and code."""

    def __init__(self, message: str, code: ErrorCode, **extra: Any) -> None:
        super().__init__(message, extensions={"code": code.value, **extra})


class Forbidden(ClientError):
    def __init__(self, message: str = "You may not see this field") -> None:
        super().__init__(message, ErrorCode.FORBIDDEN)


class Unauthenticated(ClientError):
    def __init__(self, message: str = "Sign in first: send Authorization: Bearer <accessToken>") -> None:
        super().__init__(message, ErrorCode.UNAUTHENTICATED)


class BadInput(ClientError):
    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message, ErrorCode.INVALID, **({"field": field} if field else {}))
