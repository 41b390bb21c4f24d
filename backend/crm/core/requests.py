"""What the server knows about the request being served, for code far from the HTTP layer
(the audit trail, the login throttle, log lines): its own id, the id the client sent, and the
client's address."""

from __future__ import annotations

import re
import uuid
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

# A client's id is kept for correlation only: printable, short, and never trusted as ours.
_CLIENT_ID_CHARS = re.compile(r"[^A-Za-z0-9._:@/+=-]")
CLIENT_ID_MAX = 64


@dataclass(frozen=True)
class RequestInfo:
    request_id: str
    client_request_id: str | None
    client_address: str | None
    # The language of people-facing messages, from Accept-Language (crm.core.i18n).
    language: str = "en"
    # What the layers below tell the HTTP layer about this request: the GraphQL operation's
    # name, a Retry-After to send, the response media type the client asked for.
    notes: dict[str, Any] = field(default_factory=dict)


_current: ContextVar[RequestInfo | None] = ContextVar("crm_request", default=None)


def new_request_id() -> str:
    return uuid.uuid4().hex


def sanitise_client_id(value: str | None) -> str | None:
    if not value:
        return None
    cleaned = _CLIENT_ID_CHARS.sub("", value)[:CLIENT_ID_MAX]
    return cleaned or None


def begin(client_request_id: str | None, client_address: str | None,
          language: str = "en") -> RequestInfo:
    info = RequestInfo(new_request_id(), sanitise_client_id(client_request_id), client_address,
                       language)
    _current.set(info)
    return info


def current() -> RequestInfo | None:
    return _current.get()
