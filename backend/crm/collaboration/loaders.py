"""The record a notification is about, loaded as `node(id:)` loads it."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from crm.core.graphql import NODE_TYPES
from crm.core.loaders import LoaderKey
from crm.core.policy import Actor


async def _subjects(actor: Actor, keys: list[tuple[str, uuid.UUID]]) -> Sequence[Any]:
    # One read per type on the page, each through that type's own row scope (its node fetch):
    # a record the reader may no longer see (moved to another owner, deleted) comes back None.
    by_type: dict[str, list[uuid.UUID]] = {}
    for type_name, pk in keys:
        by_type.setdefault(type_name, []).append(pk)
    found: dict[tuple[str, uuid.UUID], Any] = {}
    for type_name, pks in by_type.items():
        spec = NODE_TYPES.get(type_name)
        if spec is None:
            continue
        for pk, row in (await spec.fetch(actor, list(dict.fromkeys(pks)))).items():
            found[(type_name, pk)] = row
    return [found.get(k) for k in keys]


SUBJECT: LoaderKey[tuple[str, uuid.UUID], Any] = LoaderKey("notification.subject", _subjects)
