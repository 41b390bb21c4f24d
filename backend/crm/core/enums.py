"""Public enums: a model's Python enum exposed to GraphQL with a description for the type and
for every value, so the SDL explains each choice a client can send or receive."""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from typing import TypeVar

import strawberry

E = TypeVar("E", bound=type[Enum])


def public_enum(cls: E, *, name: str, description: str, values: Mapping[str, str]) -> E:
    """Register ``cls`` as the GraphQL enum ``name``; ``values`` maps each member's name to what
    it means. A member left out (or one named that does not exist) is refused at import, so a
    value added to the model cannot reach the schema undescribed."""
    members = set(cls.__members__)
    missing, unknown = members - set(values), set(values) - members
    if missing or unknown:
        raise ValueError(f"{name}: describe every value (missing {sorted(missing)}, "
                         f"unknown {sorted(unknown)})")
    strawberry.enum(cls, name=name, description=description)
    for value in cls.__strawberry_definition__.values:  # type: ignore[attr-defined]
        value.description = values[cls(value.value).name]
    return cls
