"""Revoked access tokens: a denylist of sign-in sessions (the `fid` claim of access tokens,
the family id of their refresh tokens).

An access token is a signed JWT that stays valid until it expires; signing out or a refresh
token's reuse must end it sooner. Logout names the session by its refresh token, not by the
access tokens it issued, so the list holds session ids: one entry ends every access token of
the session, whichever process issued it. Each entry lives only as long as the tokens it names could,
so the list is bounded by the sign-outs of one access-token lifetime. It is read on every
authenticated request, from memory or one Redis round trip, never from SQL.
"""

from __future__ import annotations

import heapq
import time
from typing import Protocol

from crm.settings import get_settings

PREFIX = "crm:revoked:"
# A hard ceiling for one process's memory; past it the entries closest to expiry go first.
MEMORY_LIMIT = 200_000


class Denylist(Protocol):
    async def revoke(self, key: str, seconds: int) -> None: ...
    async def any_revoked(self, keys: list[str]) -> bool: ...


class MemoryDenylist:
    def __init__(self, limit: int = MEMORY_LIMIT) -> None:
        self.limit = limit
        self._expiry: dict[str, float] = {}
        self._heap: list[tuple[float, str]] = []

    def _purge(self, now: float) -> None:
        while self._heap and (self._heap[0][0] <= now or len(self._expiry) > self.limit):
            at, key = heapq.heappop(self._heap)
            if self._expiry.get(key) == at:
                del self._expiry[key]

    async def revoke(self, key: str, seconds: int) -> None:
        now = time.monotonic()
        at = max(self._expiry.get(key, 0.0), now + seconds)
        self._expiry[key] = at
        heapq.heappush(self._heap, (at, key))
        self._purge(now)

    async def any_revoked(self, keys: list[str]) -> bool:
        now = time.monotonic()
        return any(self._expiry.get(k, 0.0) > now for k in keys)

    def __len__(self) -> int:
        return len(self._expiry)


class RedisDenylist:
    def __init__(self, url: str) -> None:
        self.url = url

    async def revoke(self, key: str, seconds: int) -> None:
        from redis.exceptions import RedisError

        from crm.core.shared import redis_client
        try:
            await redis_client(self.url).set(PREFIX + key, b"1", ex=max(seconds, 1))
        except RedisError as exc:
            raise ConnectionError(f"Redis is unavailable: {exc}") from None

    async def any_revoked(self, keys: list[str]) -> bool:
        from redis.exceptions import RedisError

        from crm.core.shared import redis_client
        if not keys:
            return False
        try:
            return bool(await redis_client(self.url).exists(*(PREFIX + k for k in keys)))
        except RedisError as exc:
            # Failing closed: a revoked token must not pass because Redis is away; the
            # request gets a retryable 503 instead.
            raise ConnectionError(f"Redis is unavailable: {exc}") from None


_memory = MemoryDenylist()


def denylist() -> Denylist:
    url = get_settings().redis_url
    return RedisDenylist(url) if url else _memory


def keys_of(claims: dict) -> list[str]:
    keys = ["fid:" + claims["fid"]] if isinstance(claims.get("fid"), str) else []
    if isinstance(claims.get("client_id"), str):
        # An OAuth token also ends alone (RFC 7009 names it by itself) or with its client.
        keys.append("cid:" + claims["client_id"])
        if isinstance(claims.get("jti"), str):
            keys.append("jti:" + claims["jti"])
    return keys


async def revoke_key(key: str, seconds: int | None = None) -> None:
    await denylist().revoke(key, seconds if seconds is not None
                            else get_settings().access_token_ttl)


async def revoke_family(family_id: str) -> None:
    """Every access token of a sign-in session: none outlives the access-token lifetime."""
    await denylist().revoke("fid:" + family_id, get_settings().access_token_ttl)


async def is_revoked(claims: dict) -> bool:
    return await denylist().any_revoked(keys_of(claims))
