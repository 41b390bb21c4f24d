"""Per-request DataLoaders. Never share one between requests: it caches rows and the actor."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Awaitable, Callable, Hashable, Iterable
from typing import Any, TypeVar

from strawberry.dataloader import DataLoader
from tortoise.queryset import QuerySet

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Loaders:
    """The registry on the request context: one loader per relation, built on first use."""

    def __init__(self) -> None:
        self._loaders: dict[str, DataLoader[Any, Any]] = {}

    def get(self, name: str, load: Callable[[list[Any]], Awaitable[list[Any]]]) -> DataLoader[Any, Any]:
        loader = self._loaders.get(name)
        if loader is None:
            loader = DataLoader(load_fn=load)
            self._loaders[name] = loader
        return loader

    def clear(self) -> None:
        self._loaders.clear()


def by_key(rows: Iterable[Any], keys: list[K], attr: str = "id") -> list[Any]:
    """One row (or None) per key, in the order of the keys."""
    index = {getattr(r, attr): r for r in rows}
    return [index.get(k) for k in keys]


def grouped(rows: Iterable[Any], keys: list[K], attr: str) -> list[list[Any]]:
    """The rows of each key, in the order of the keys."""
    groups: dict[Any, list[Any]] = defaultdict(list)
    for r in rows:
        groups[getattr(r, attr)].append(r)
    return [groups.get(k, []) for k in keys]


async def load_by_ids(qs: QuerySet[Any], ids: list[uuid.UUID]) -> list[Any]:
    return by_key(await qs.filter(id__in=list(set(ids))), ids)
