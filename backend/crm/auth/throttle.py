"""Sign-in limits (attempts per client address, failures per account) and the customer
duplicate check per user, refused with a time to retry instead of slowed down (a delay holds
the attacker's connection and the real user's alike, and counts kept forever grow without
end).

Counters live in Redis when REDIS_URL is set, so every API process sees the same counts;
otherwise in this process's memory. Both expire with their window (the `limits` library's
sliding-window counters: two numbers per key), so memory is bounded by the traffic of one
window.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

from limits import RateLimitItem, parse_many
from limits.aio.strategies import SlidingWindowCounterRateLimiter

from crm.core import metrics
from crm.core.errors import RateLimited
from crm.core.quotas import storage
from crm.settings import get_settings


@dataclass
class _Limits:
    key: tuple[str | None, str, str, str]
    limiter: SlidingWindowCounterRateLimiter
    per_address: list[RateLimitItem]
    per_account: list[RateLimitItem]
    per_duplicate_check: list[RateLimitItem]


_current: _Limits | None = None


def _limits() -> _Limits:
    global _current
    s = get_settings()
    key = (s.redis_url, s.login_rate_per_address, s.login_failures_per_account,
           s.duplicate_checks_per_user)
    if _current is None or _current.key != key:
        _current = _Limits(key, SlidingWindowCounterRateLimiter(storage(s.redis_url, "crm-login")),
                           parse_many(s.login_rate_per_address),
                           parse_many(s.login_failures_per_account),
                           parse_many(s.duplicate_checks_per_user))
    return _current


async def _retry_after(lim: _Limits, item: RateLimitItem, *ids: str) -> int:
    stats = await lim.limiter.get_window_stats(item, *ids)
    return max(1, math.ceil(stats.reset_time - time.time()))


async def before_attempt(address: str | None, account: str) -> None:
    """Count the attempt against its address; refuse when the address or the account is over."""
    lim = _limits()
    if address:
        for item in lim.per_address:
            if not await lim.limiter.hit(item, "address", address):
                metrics.LOGIN_REFUSALS.labels("address").inc()
                raise RateLimited("Too many sign-in attempts from your address",
                                  await _retry_after(lim, item, "address", address))
    for item in lim.per_account:
        if not await lim.limiter.test(item, "account", account):
            metrics.LOGIN_REFUSALS.labels("account").inc()
            raise RateLimited("Too many failed sign-ins for this account",
                              await _retry_after(lim, item, "account", account))


async def failed(account: str) -> None:
    lim = _limits()
    for item in lim.per_account:
        await lim.limiter.hit(item, "account", account)


async def succeeded(account: str) -> None:
    """A right password clears the account's failures, so its owner is not locked out by the
    attempts that came before theirs."""
    lim = _limits()
    for item in lim.per_account:
        await lim.limiter.clear(item, "account", account)


async def before_duplicate_check(user: str) -> None:
    """Count one duplicate check of a user; refuse when they are over their rate."""
    lim = _limits()
    for item in lim.per_duplicate_check:
        if not await lim.limiter.hit(item, "duplicates", user):
            raise RateLimited("Too many duplicate checks: wait, or create with allowDuplicate "
                              "if you know the customer is new",
                              await _retry_after(lim, item, "duplicates", user))


async def reset() -> None:
    """Forget every count (tests, and an operator after an incident)."""
    await _limits().limiter.storage.reset()
