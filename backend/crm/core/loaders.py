"""Per-request DataLoaders. Never share one between requests: it caches rows and the actor.

A loader is named by a `LoaderKey` object, not a string: the key carries the batch function
and its key and value types, so `loaders.get(CUSTOMER_STATS).load(customer_id)` is checked by
mypy (a misspelt key is a NameError, a wrong key type a type error). The loaders of declared
relations (`core.relations`) are built from the declarations and live in the same registry.
"""

from __future__ import annotations

import asyncio
import uuid
from collections import defaultdict
from collections.abc import Awaitable, Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from strawberry.dataloader import DataLoader
from tortoise.queryset import QuerySet

if TYPE_CHECKING:
    from crm.core.policy import Actor

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class SharedLoader(DataLoader[K, V]):
    """A DataLoader whose answer for a key is shared by every field that asks for it, and so
    must outlive any one of them: graphql-core cancels the sibling fields of a field that
    fails, and cancelling a waiter of the shared future would cancel it for the others too
    (they then failed with CancelledError, not their own result). Each caller awaits a shield."""

    def load(self, key: K) -> Awaitable[V]:  # type: ignore[override]
        return asyncio.shield(super().load(key))


@dataclass(frozen=True, eq=False)
class LoaderKey(Generic[K, V]):
    """One kind of batch load: `load(actor, keys)` returns one value per key, in key order."""

    name: str
    load: Callable[[Actor, list[K]], Awaitable[Sequence[V]]]


class Loaders:
    """The registry on the request context: one loader per key (and variant), built on first
    use with the request's actor."""

    def __init__(self, actor: Callable[[], Actor]) -> None:
        self._actor = actor
        self._loaders: dict[tuple[object, Hashable], DataLoader[Any, Any]] = {}

    def get(self, key: LoaderKey[K, V]) -> DataLoader[K, V]:
        loader = self._loaders.get((key, None))
        if loader is None:
            actor = self._actor()

            async def load(keys: list[K]) -> Sequence[V]:
                return await key.load(actor, keys)

            loader = SharedLoader(load_fn=load)
            self._loaders[(key, None)] = loader
        return loader

    def built(self, owner: object, variant: Hashable,
              make: Callable[[Actor], Callable[[list[Any]], Awaitable[Sequence[Any]]]]
              ) -> DataLoader[Any, Any]:
        """The loader of `owner` (a relation) for one variant of its arguments."""
        loader = self._loaders.get((owner, variant))
        if loader is None:
            loader = SharedLoader(load_fn=make(self._actor()))
            self._loaders[(owner, variant)] = loader
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
