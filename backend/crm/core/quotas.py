"""Limits per caller: requests per minute, and query cost per minute.

A caller is, for an OAuth token, its client and the user it acts for (each user of an
integration, and its service account, has its own windows), else the signed-in user.
Requests are counted once per HTTP request, whichever path answers it; cost is charged per
operation, with the cost the read path computes (`crm.core.cost`) before anything runs. Over
either, the request is refused with RATE_LIMITED, `extensions.retryAfter` and a Retry-After
header; every counted response carries `RateLimit-Limit`, `RateLimit-Remaining` and
`RateLimit-Reset` (seconds).

Counters live in Redis when REDIS_URL is set, so every API process counts together; otherwise
in this process's memory. They are the `limits` library's fixed windows (as public APIs such as
GitHub's count): the count starts again at `RateLimit-Reset`, which is exact to say, and each
check costs a tenth of a sliding window's on this hot path (~15 us against ~60 us a request in
memory). Counters expire with their window, so memory stays bounded by one window's callers.
"""

from __future__ import annotations

import logging
import math
import time
from dataclasses import dataclass
from typing import Any

from limits import RateLimitItem, RateLimitItemPerMinute, parse_many
from limits.aio.storage import MemoryStorage
from limits.aio.strategies import FixedWindowRateLimiter
from limits.storage import storage_from_string
from redis.exceptions import RedisError

from crm.core.errors import RateLimited
from crm.settings import get_settings

log = logging.getLogger("crm.quotas")
_memory = MemoryStorage()
UNREACHABLE = (RedisError, OSError)
CHECK_TIMEOUT = 0.5
# The request note naming the operation (its text and variables keys) whose cost the request
# has charged already: a kept answer whose statement handed the query to the resolver path.
PREPAID = "cost_prepaid"


def storage(redis_url: str | None, prefix: str) -> Any:
    """Where counters live: Redis under `prefix` when configured, else this process's memory."""
    if redis_url:
        # Every request waits on these checks: a Redis that does not answer is given up on in
        # half a second (the limits library's default waits 5 s, twice a request), not awaited.
        return storage_from_string(f"async+{redis_url}", implementation="redispy",
                                   key_prefix=prefix, socket_timeout=CHECK_TIMEOUT,
                                   socket_connect_timeout=CHECK_TIMEOUT)
    return _memory


@dataclass
class _Quotas:
    key: tuple[str | None, str, int]
    limiter: FixedWindowRateLimiter
    requests: list[RateLimitItem]
    cost: RateLimitItem


_current: _Quotas | None = None


def _quotas() -> _Quotas:
    global _current
    s = get_settings()
    key = (s.redis_url, s.request_rate_per_caller, s.cost_budget_per_minute)
    if _current is None or _current.key != key:
        _current = _Quotas(key, FixedWindowRateLimiter(storage(s.redis_url, "crm-quota")),
                           parse_many(s.request_rate_per_caller),
                           RateLimitItemPerMinute(s.cost_budget_per_minute))
    return _current


def caller(actor: Any) -> tuple[str, ...]:
    """The window's key: an OAuth token counts per client and, within it, per user it acts
    for (a client's service account is one caller), so one busy user of an integration does
    not use up the others' requests; a sign-in token counts per user."""
    client = getattr(actor, "client_id", None)
    if client:
        return ("client", str(client), str(actor.user_id or "service"))
    return ("user", str(actor.user_id))


@dataclass(frozen=True)
class Standing:
    """What the response's RateLimit headers say: the tightest request limit."""

    limit: int
    remaining: int
    reset: int

    def headers(self) -> dict[str, str]:
        return {"ratelimit-limit": str(self.limit), "ratelimit-remaining": str(self.remaining),
                "ratelimit-reset": str(self.reset)}


class OverLimit(RateLimited):
    """A request refused by a request limit, with the standing its 429 reports."""

    def __init__(self, message: str, standing: Standing) -> None:
        super().__init__(message, standing.reset)
        self.standing = standing


async def admit(actor: Any) -> Standing | None:
    """Count one request of the actor's caller; RateLimited when it is over a request limit.
    None when the counters cannot be reached: a limit is not worth refusing everyone for."""
    try:
        return await _admit(actor)
    except UNREACHABLE as exc:
        log.warning("Request limits not counted: Redis unavailable (%r)", exc)
        return None


_rates: dict[str, list[RateLimitItem]] = {}


def request_limits(actor: Any, q: _Quotas) -> list[RateLimitItem]:
    """The caller's request limits: its OAuth client's own when its admin set them."""
    own = getattr(actor, "request_rate", None)
    if not own:
        return q.requests
    found = _rates.get(own)
    if found is None:
        try:
            found = parse_many(own)
        except ValueError:
            found = q.requests  # checked when it was set; a bad one falls back to the default
        if len(_rates) < 1000:
            _rates[own] = found
    return found


async def _admit(actor: Any) -> Standing:
    q = _quotas()
    who = caller(actor)
    standing: Standing | None = None
    for item in request_limits(actor, q):
        allowed = await q.limiter.hit(item, "requests", *who)
        stats = await q.limiter.get_window_stats(item, "requests", *who)
        reset = max(1, math.ceil(stats.reset_time - time.time()))
        if not allowed:
            raise OverLimit(f"Too many requests: at most {item.amount} per {_window(item)}",
                            Standing(item.amount, 0, reset))
        if standing is None or stats.remaining < standing.remaining:
            standing = Standing(item.amount, stats.remaining, reset)
    assert standing is not None
    return standing


async def spend(actor: Any, cost: int) -> None:
    """Charge an operation's cost to its caller's budget; RateLimited when it would go over."""
    if cost <= 0:
        return
    q = _quotas()
    who = caller(actor)
    try:
        allowed = await q.limiter.hit(q.cost, "cost", *who, cost=cost)
    except UNREACHABLE as exc:
        log.warning("Query cost not counted: Redis unavailable (%r)", exc)
        return
    if not allowed:
        # Refused, it runs and spends nothing: the hit counted it, so give it back.
        try:
            await q.limiter.storage.incr(q.cost.key_for("cost", *who), q.cost.get_expiry(),
                                         amount=-cost)
            stats = await q.limiter.get_window_stats(q.cost, "cost", *who)
            left = f"{stats.remaining} of your budget"
            wait = max(1, math.ceil(stats.reset_time - time.time()))
        except UNREACHABLE as exc:
            # The hit refused it: that stands, with the window's length as the time to wait.
            log.warning("Query cost window not read: Redis unavailable (%r)", exc)
            left, wait = "too little of your budget", int(q.cost.get_expiry())
        raise RateLimited(f"This operation costs {cost} and {left} of {q.cost.amount} per "
                          "minute is left: wait, or ask for smaller pages", wait)


async def reset() -> None:
    """Forget every count (tests, and an operator after an incident)."""
    await _quotas().limiter.storage.reset()


def _window(item: RateLimitItem) -> str:
    unit = item.GRANULARITY.name
    return unit if item.multiples == 1 else f"{item.multiples} {unit}s"
