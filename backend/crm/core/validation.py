"""Input checks every module shares: lengths from the model, emails, phones, versions."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from tortoise import fields as tfields

from crm.core.errors import ErrorCode, ServiceError, UserError, ValidationFailed

EMAIL_RE = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[^@\s]{2,}$")
PHONE_RE = re.compile(r"^\+?[0-9][0-9 ()\-]{3,30}$")


def camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(p.title() for p in rest)


def check_fields(model: type, values: dict[str, Any]) -> None:
    """Every problem of one input at once: too long, required text empty, bad email or phone."""
    errors: list[UserError] = []
    fields_map = model._meta.fields_map  # type: ignore[attr-defined]
    for name, value in values.items():
        field = fields_map.get(name)
        api_name = camel(name)
        if value is None and field is not None and not field.null:
            errors.append(UserError(field=api_name, code=ErrorCode.INVALID,
                                    message=f"{api_name} must not be null"))
            continue
        if isinstance(value, str):
            max_length = getattr(field, "max_length", None)
            if isinstance(field, tfields.CharField) and max_length and len(value) > max_length:
                errors.append(UserError(field=api_name, code=ErrorCode.INVALID,
                                        message=f"{api_name} is longer than {max_length} characters"))
            elif isinstance(field, tfields.TextField) and len(value) > 20000:
                errors.append(UserError(field=api_name, code=ErrorCode.INVALID,
                                        message=f"{api_name} is longer than 20000 characters"))
            if field is not None and not field.null and not value.strip() \
                    and isinstance(field, tfields.CharField | tfields.TextField):
                errors.append(UserError(field=api_name, code=ErrorCode.INVALID,
                                        message=f"{api_name} must not be empty"))
        if value and name.endswith("email") and isinstance(value, str) and not EMAIL_RE.match(value):
            errors.append(UserError(field=api_name, code=ErrorCode.INVALID,
                                    message=f"{value!r} is not a valid email address"))
        if value and name.endswith("phone") and isinstance(value, str) and not PHONE_RE.match(value):
            errors.append(UserError(field=api_name, code=ErrorCode.INVALID,
                                    message=f"{value!r} is not a valid phone number"))
        if value and name.endswith("_url") and isinstance(value, str) and not is_web_link(value):
            # A link is opened by colleagues' browsers: `javascript:` or `file:` would run or
            # read there, so only web addresses are kept.
            errors.append(UserError(field=api_name, code=ErrorCode.INVALID,
                                    message=f"{api_name} must be an http:// or https:// link"))
    if errors:
        raise ValidationFailed(errors)


def is_web_link(value: str) -> bool:
    """An absolute http(s) address with a host and nothing a browser would read otherwise."""
    if any(c.isspace() or ord(c) < 32 for c in value):
        return False
    try:
        parts = urlsplit(value)
        return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)
    except ValueError:  # e.g. an unclosed IPv6 bracket
        return False


def clean_text(values: dict[str, Any]) -> dict[str, Any]:
    """Strip surrounding blanks; an empty optional text becomes null."""
    out: dict[str, Any] = {}
    for k, v in values.items():
        if isinstance(v, str):
            v = v.strip()
        out[k] = v
    return out


def check_version(row: Any, expected: int | None) -> None:
    if expected is not None and row.version != expected:
        raise ServiceError(
            ErrorCode.CONFLICT,
            f"The record changed since you read it (version {row.version}, you sent {expected})",
            "expectedVersion",
            details={"current": row},
        )
