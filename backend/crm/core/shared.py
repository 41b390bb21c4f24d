"""State shared between API processes through Redis when REDIS_URL is set.

One client per URL and event loop; what uses it (token revocation, sign-in limits) falls back
to process memory when no Redis is configured, which is right for one process only."""

from __future__ import annotations

import asyncio
from typing import Any

_clients: dict[tuple[str, int], Any] = {}


def redis_client(url: str) -> Any:
    import redis.asyncio as redis

    key = (url, id(asyncio.get_running_loop()))
    client = _clients.get(key)
    if client is None:
        client = redis.from_url(url, socket_timeout=2, socket_connect_timeout=2)
        _clients[key] = client
    return client


async def redis_ping(url: str) -> bool:
    from redis.exceptions import RedisError

    try:
        return bool(await redis_client(url).ping())
    except (RedisError, OSError):
        return False
