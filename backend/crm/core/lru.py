"""A small least-recently-used map, for work that repeats with the same query: its cost, its
literals, its compiled statements."""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Hashable
from typing import Any, Generic, TypeVar

import orjson

V = TypeVar("V")


class LRU(Generic[V]):
    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[Hashable, V] = OrderedDict()

    def get(self, key: Hashable) -> V | None:
        found = self._items.get(key)
        if found is not None:
            self._items.move_to_end(key)
        return found

    def put(self, key: Hashable, value: V) -> None:
        self._items[key] = value
        self._items.move_to_end(key)
        while len(self._items) > self.size:
            self._items.popitem(last=False)

    def clear(self) -> None:
        self._items.clear()

    def __len__(self) -> int:
        return len(self._items)


def _digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=32).digest()


def text_key(query: str | None, operation_name: str | None = None) -> bytes:
    """A query text (and the operation named in it) as a cache key: a digest, so that an entry
    costs the same whatever the text; a key of the text itself kept up to a megabyte (a body's
    limit, comments and one long name included) in every cache it entered."""
    parts = [query, operation_name]
    return _digest(orjson.dumps(parts))


def variables_key(variables: Any) -> bytes | None:
    """Variables as a cache key (a digest of their JSON, as for texts); None for values too deep
    to write (such a request is refused by the input bounds, and never kept)."""
    try:
        return _digest(orjson.dumps(variables, option=orjson.OPT_SORT_KEYS))
    except (orjson.JSONEncodeError, TypeError):
        return None
