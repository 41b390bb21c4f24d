"""Global IDs: base64 of `Type:uuid`, the Relay convention. Clients may also send raw UUIDs."""

from __future__ import annotations

import base64
import binascii
import uuid

from crm.core.errors import BadInput


def to_global_id(type_name: str, pk: uuid.UUID | str) -> str:
    return base64.b64encode(f"{type_name}:{pk}".encode()).decode()


def parse_global_id(value: str, field: str = "id") -> tuple[str, uuid.UUID]:
    try:
        raw = base64.b64decode(value.encode(), validate=True).decode()
        type_name, _, pk = raw.partition(":")
        if not type_name or not pk:
            raise ValueError(value)
        return type_name, uuid.UUID(pk)
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise BadInput(f"{value!r} is not a valid id", field) from None


def decode_id(value: str, expected: str | tuple[str, ...], field: str = "id") -> uuid.UUID:
    """The UUID inside a global id of the expected type; a bare UUID is accepted too."""
    try:
        return uuid.UUID(value)
    except (ValueError, AttributeError, TypeError):
        pass
    type_name, pk = parse_global_id(value, field)
    allowed = (expected,) if isinstance(expected, str) else expected
    if type_name not in allowed:
        raise BadInput(f"{field} must be the id of a {' or '.join(allowed)}, not a {type_name}", field)
    return pk


def decode_ids(values: list[str], expected: str | tuple[str, ...], field: str = "ids") -> list[uuid.UUID]:
    return [decode_id(v, expected, field) for v in values]


def parse_client_uuid(value: str | None, field: str = "id") -> uuid.UUID | None:
    """A client-chosen id for offline creation and retries."""
    if value is None:
        return None
    try:
        return uuid.UUID(value)
    except ValueError:
        raise BadInput(f"{field} must be a UUID", field) from None


def optional_id(value: str | None, expected: str | tuple[str, ...], field: str) -> uuid.UUID | None:
    """The UUID of an optional id argument (None when not sent)."""
    return decode_id(str(value), expected, field) if value else None
