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


@strawberry.enum(description="Why a request or one of its items failed.")
class ErrorCode(Enum):
    INVALID = "INVALID"
    NOT_FOUND = "NOT_FOUND"
    FORBIDDEN = "FORBIDDEN"
    CONFLICT = "CONFLICT"
    DUPLICATE = "DUPLICATE"
    LIMIT_REACHED = "LIMIT_REACHED"
    INSUFFICIENT_STOCK = "INSUFFICIENT_STOCK"
    INVALID_STATE = "INVALID_STATE"
    UNAUTHENTICATED = "UNAUTHENTICATED"
    RATE_LIMITED = "RATE_LIMITED"
    INVALID_CREDENTIALS = "INVALID_CREDENTIALS"
    UNAVAILABLE = "UNAVAILABLE"


@strawberry.type(description="A business or validation error of a mutation or one of its items.")
class UserError:
    field: str | None
    code: ErrorCode
    message: str


class ServiceError(Exception):
    """A rule of the business refused the request; nothing was written."""

    def __init__(
        self,
        code: ErrorCode,
        message: str,
        field: str | None = None,
        *,
        details: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field
        self.details = details or {}

    def as_user_errors(self) -> list[UserError]:
        return [UserError(field=self.field, code=self.code, message=self.message)]


class ValidationFailed(ServiceError):
    """Several fields of one input are wrong; all of them are reported at once."""

    def __init__(self, errors: list[UserError]) -> None:
        super().__init__(ErrorCode.INVALID, "; ".join(e.message for e in errors))
        self.errors = errors

    def as_user_errors(self) -> list[UserError]:
        return list(self.errors)


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
