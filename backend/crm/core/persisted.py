"""Automatic persisted queries: a client sends the sha256 of a document instead of the document.

The protocol mobile clients speak (Apollo's, `extensions.persistedQuery = {version: 1,
sha256Hash}`): a request with a hash alone is answered from the document stored under it, or
refused with PERSISTED_QUERY_NOT_FOUND, on which the client sends the document with its hash
once; the server checks that the hash is the document's and stores it. Over GET the URL then
names the document by hash, so it stays short and a cache can key on it.

Documents are stored in Redis when REDIS_URL is set (every API process finds what any of them
stored) and in a bounded memory map in front of it. The hash is checked, so nobody can store a
document under another's hash; documents are not data, so they are shared by workspaces.
"""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass
from typing import Any

from crm.core.lru import LRU

log = logging.getLogger("crm.persisted")
PREFIX = "crm:apq:"
HASH = re.compile(r"^[0-9a-f]{64}$")
# A document longer than this (in UTF-8 bytes) is run but not stored: the map stays bounded (1,000 of
# them at most), and no real client's operation comes near it.
MAX_STORED = 64 * 1024
KEEP_SECONDS = 30 * 24 * 3600
NOT_FOUND = "PERSISTED_QUERY_NOT_FOUND"

_local: LRU[str] = LRU(1000)


@dataclass
class Refused(Exception):
    """The request's persisted query cannot be used; `code` says why."""

    code: str
    message: str


def requested_hash(extensions: Any) -> str | None:
    """The sha256 the request names in `extensions.persistedQuery`, None when it names none."""
    if not isinstance(extensions, dict) or extensions.get("persistedQuery") is None:
        return None
    asked = extensions["persistedQuery"]
    if not isinstance(asked, dict) or asked.get("version") != 1:
        raise Refused("INVALID", "extensions.persistedQuery must be {version: 1, sha256Hash}")
    digest = asked.get("sha256Hash")
    if not isinstance(digest, str) or not HASH.match(digest):
        raise Refused("INVALID", "extensions.persistedQuery.sha256Hash must be 64 lowercase "
                                 "hexadecimal digits")
    return digest


async def resolve(query: Any, extensions: Any) -> Any:
    """The document to run: `query` itself (checked against the requested hash when the request
    sends both), or the one stored under the requested hash. Nothing is stored here: see
    `keep`."""
    digest = requested_hash(extensions)
    if digest is None:
        return query
    if query is None:
        found = _local.get(digest)
        if found is None:
            found = await _shared_get(digest)
            if found is None:
                raise Refused(NOT_FOUND, "PersistedQueryNotFound: send the query with its hash")
            _local.put(digest, found)
        return found
    if not isinstance(query, str):
        return query  # the view refuses a query that is not text
    if hashlib.sha256(query.encode()).hexdigest() != digest:
        raise Refused("INVALID", "extensions.persistedQuery.sha256Hash is not the sha256 of "
                                 "the query")
    return query


async def keep(query: Any, extensions: Any) -> None:
    """Store a document sent with its hash, once it has run for a signed-in caller (its answer
    has data): text that does not parse or validate, or that comes without a valid token, is
    never kept, so Redis holds real clients' operations and not whatever anyone sends."""
    try:
        digest = requested_hash(extensions)
    except Refused:
        return
    if digest is None or not isinstance(query, str):
        return
    text = query.encode()
    if len(text) > MAX_STORED or hashlib.sha256(text).hexdigest() != digest:
        return  # the bound is on bytes: 64 K characters of Chinese are 192 KB
    if _local.get(digest) is None:
        _local.put(digest, query)
        await _shared_put(digest, query)


def forget_local() -> None:
    """Empty this process's map (tests: what remains is what Redis shares)."""
    _local.clear()


async def _shared_get(digest: str) -> str | None:
    url = _redis_url()
    if not url:
        return None
    from redis.exceptions import RedisError

    from crm.core.shared import redis_client
    try:
        found = await redis_client(url).get(PREFIX + digest)
    except (RedisError, OSError) as exc:
        # The client sends the document again: nothing is lost but a round trip.
        log.warning("Persisted queries: Redis unavailable (%r)", exc)
        return None
    return found.decode() if isinstance(found, bytes) else found


async def _shared_put(digest: str, query: str) -> None:
    url = _redis_url()
    if not url:
        return
    from redis.exceptions import RedisError

    from crm.core.shared import redis_client
    try:
        await redis_client(url).set(PREFIX + digest, query.encode(), ex=KEEP_SECONDS)
    except (RedisError, OSError) as exc:
        log.warning("Persisted queries: Redis unavailable (%r)", exc)


def _redis_url() -> str | None:
    from crm.settings import get_settings
    return get_settings().redis_url
