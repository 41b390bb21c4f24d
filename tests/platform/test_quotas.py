"""Limits per caller: past its requests per minute or its query cost per minute a caller is
refused with RATE_LIMITED, a time to retry and HTTP 429, whichever way its query would have been
answered (a kept answer included); every answer says where the caller stands; one caller's use
never refuses another; with Redis the counts are shared by every API process."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from crm.core import quotas
from crm.settings import get_settings, override_settings
from tests.conftest import World

LIST = "query QuotaList { customers(first: 5) { totalCount edges { node { name } } } }"


@pytest.fixture
def tight() -> Iterator[None]:
    before = get_settings()
    override_settings(before.model_copy(update={"request_rate_per_caller": "5/minute",
                                                "cost_budget_per_minute": 40}))
    try:
        yield
    finally:
        override_settings(before)


async def ask(world: World, who: str, query: str = LIST, **extra: Any) -> Any:
    return await world.client.post("/graphql", json={"query": query, **extra}, headers={
        "Authorization": f"Bearer {world.tokens[who]}"})


def codes(resp: Any) -> list[str]:
    return [e["extensions"]["code"] for e in resp.json().get("errors") or []]


async def test_past_its_request_rate_a_caller_is_told_when_to_come_back(world: World,
                                                                        tight: None) -> None:
    await quotas.reset()
    remaining = []
    for _ in range(5):
        # The same query each time: from the second on it is a kept answer.
        resp = await ask(world, "rep1", "{ me { role } }")
        assert resp.status_code == 200 and not codes(resp)
        assert resp.headers["ratelimit-limit"] == "5"
        remaining.append(int(resp.headers["ratelimit-remaining"]))
    assert remaining == [4, 3, 2, 1, 0]
    refused = await ask(world, "rep1", "{ me { role } }")
    assert refused.status_code == 429
    assert codes(refused) == ["RATE_LIMITED"]
    retry = refused.json()["errors"][0]["extensions"]["retryAfter"]
    assert 1 <= retry <= 60 and refused.headers["retry-after"] == str(retry)
    # Another user is another caller.
    assert not codes(await ask(world, "rep2", "{ me { role } }"))


async def test_a_kept_answer_counts_like_any_other(world: World) -> None:
    """The shortcut for repeated queries is no way around the limits."""
    before = get_settings()
    override_settings(before.model_copy(update={"request_rate_per_caller": "3/minute"}))
    await quotas.reset()
    try:
        answers = [await ask(world, "rep1") for _ in range(3)]
        assert (answers[-1].json().get("extensions") or {}).get("compiled", {}).get("kept")
        refused = await ask(world, "rep1")
        assert refused.status_code == 429 and codes(refused) == ["RATE_LIMITED"]
    finally:
        override_settings(before)


async def test_the_cost_budget_refuses_before_anything_runs(world: World,
                                                            sql_counter: Any) -> None:
    before = get_settings()
    override_settings(before.model_copy(update={"cost_budget_per_minute": 15}))
    await quotas.reset()
    try:
        first = await ask(world, "rep1")
        cost = first.json()["extensions"]["cost"]
        assert 5 <= cost <= 7, "the budget of 15 fits this query twice, not thrice"
        assert not codes(await ask(world, "rep1"))
        with sql_counter:
            refused = await ask(world, "rep1")
        assert codes(refused) == ["RATE_LIMITED"]
        assert "budget of 15 per minute" in refused.json()["errors"][0]["message"]
        assert refused.json().get("data") is None
        assert not [s for s in sql_counter.statements if "customer" in s.lower()]
        # A different query, on the view's path, is refused the same way.
        other = await ask(world, "rep1", "query Other { customers(first: 3) { totalCount } }")
        assert codes(other) == ["RATE_LIMITED"]
        assert not codes(await ask(world, "rep3"))
    finally:
        override_settings(before)


async def test_a_chinese_caller_is_refused_in_chinese(world: World, tight: None) -> None:
    await quotas.reset()
    for _ in range(5):
        await ask(world, "rep1", "{ me { role } }")
    refused = await world.client.post("/graphql", json={"query": "{ me { role } }"}, headers={
        "Authorization": f"Bearer {world.tokens['rep1']}", "Accept-Language": "zh-CN"})
    assert refused.json()["errors"][0]["message"] == "操作太频繁，请稍后再试"


async def test_counts_are_shared_through_redis(world: World, tight: None,
                                               shared_redis: Any) -> None:
    await quotas.reset()
    for _ in range(5):
        assert not codes(await ask(world, "rep1", "{ me { role } }"))
    keys = [k async for k in shared_redis.scan_iter("crm-quota*")]
    assert keys, "another API process counts this caller's requests from Redis"
    assert codes(await ask(world, "rep1", "{ me { role } }")) == ["RATE_LIMITED"]


async def test_unreachable_counters_refuse_nobody(world: World) -> None:
    before = get_settings()
    override_settings(before.model_copy(update={"redis_url": "redis://127.0.0.1:1/0"}))
    try:
        resp = await ask(world, "rep1", "{ me { role } }")
        assert resp.status_code == 200 and not codes(resp)
        assert "ratelimit-remaining" not in resp.headers
    finally:
        override_settings(before)


async def spent(world: World, who: str) -> int:
    """The cost charged to a caller in this window, read from the counters."""
    actor = await world.actor(who)
    q = quotas._quotas()
    stats = await q.limiter.get_window_stats(q.cost, "cost", *quotas.caller(actor))
    return q.cost.amount - stats.remaining


async def test_a_query_the_kept_statements_hand_back_is_charged_once(world: World) -> None:
    """A kept statement that meets a row the reader may not see hands the query to the resolver
    path; the request is still one operation and costs its cost once, not once per path tried."""
    from crm.customers.models import Customer
    from tests import factories as f
    cust = await f.customer(world, "rep1")
    await f.opportunity(world, cust, "rep1")
    # The customer goes to another team: the rep's own deal now points at a row it cannot read.
    await Customer.filter(id=cust.id).update(owner_id=world.users["rep3"].id)
    query = "query Handed { opportunities(first: 5) { edges { node { title customer { name } } } } }"
    await quotas.reset()
    costs = []
    for _ in range(3):
        resp = await ask(world, "rep1", query)
        assert codes(resp) == ["FORBIDDEN"]
        costs.append(resp.json()["extensions"]["cost"])
    assert await spent(world, "rep1") == sum(costs)


async def test_over_its_cost_budget_a_caller_gets_429_whichever_path_answers(world: World) -> None:
    """Past the cost budget the whole request is refused: HTTP 429 with RATE_LIMITED, a
    Retry-After header equal to extensions.retryAfter, and no data, alike for a repeated query
    (a kept answer) and a new one (the view), in either media type."""
    before = get_settings()
    override_settings(before.model_copy(update={"cost_budget_per_minute": 15}))
    await quotas.reset()
    try:
        assert not codes(await ask(world, "rep1"))
        assert not codes(await ask(world, "rep1"))
        refusals = {
            "kept": await ask(world, "rep1"),
            "view": await ask(world, "rep1", "query Fresh { customers(first: 3) { totalCount } }"),
        }
        for accept in ("application/graphql-response+json", "application/json"):
            refusals[f"kept {accept}"] = await world.client.post(
                "/graphql", json={"query": LIST}, headers={
                    "Authorization": f"Bearer {world.tokens['rep1']}", "Accept": accept})
        for path, resp in refusals.items():
            assert resp.status_code == 429, (path, resp.text)
            assert codes(resp) == ["RATE_LIMITED"], path
            body = resp.json()
            assert body.get("data") is None, path
            retry = body["errors"][0]["extensions"]["retryAfter"]
            assert 1 <= retry <= 60 and resp.headers["retry-after"] == str(retry), path
    finally:
        override_settings(before)


async def test_a_refused_request_still_says_where_its_caller_stands(world: World,
                                                                   tight: None) -> None:
    """Every answer to a signed-in request carries the RateLimit headers, the 429 included: the
    limit, nothing remaining, and the seconds until the window frees up (Retry-After's)."""
    await quotas.reset()
    for _ in range(5):
        await ask(world, "rep1", "{ me { role } }")
    refused = await ask(world, "rep1", "{ me { role } }")
    assert refused.status_code == 429
    assert refused.headers["ratelimit-limit"] == "5"
    assert refused.headers["ratelimit-remaining"] == "0"
    assert refused.headers["ratelimit-reset"] == refused.headers["retry-after"]


async def test_a_refused_operation_costs_nothing(world: World) -> None:
    """An operation refused for its cost does not run, so it spends nothing: what was left of
    the budget stays for a smaller one, and the refusal says how much is left."""
    await refused_costs_nothing(world)


async def test_a_refused_operation_costs_nothing_in_redis(world: World,
                                                          shared_redis: Any) -> None:
    await refused_costs_nothing(world)


async def refused_costs_nothing(world: World) -> None:
    before = get_settings()
    override_settings(before.model_copy(update={"cost_budget_per_minute": 15}))
    await quotas.reset()
    try:
        small = "query Small { me { role } }"
        first = await ask(world, "rep1")
        cost = first.json()["extensions"]["cost"]
        assert not codes(await ask(world, "rep1"))
        left = 15 - 2 * cost
        assert 1 <= left < cost
        refused = await ask(world, "rep1")
        assert codes(refused) == ["RATE_LIMITED"]
        assert f"{left} of your budget of 15 per minute is left" in \
            refused.json()["errors"][0]["message"]
        fits = await ask(world, "rep1", small)
        assert not codes(fits), fits.text
        assert await spent(world, "rep1") == 2 * cost + fits.json()["extensions"]["cost"]
    finally:
        override_settings(before)


async def test_a_redis_that_never_answers_is_given_up_on_quickly(world: World) -> None:
    """Failing open is only worth it when it is quick: a Redis that takes connections but never
    answers (a hung process, a half-open network) costs each check well under a second, not
    seconds per request."""
    import asyncio
    import time

    async def silent(_reader: Any, writer: Any) -> None:
        await asyncio.sleep(3600)

    server = await asyncio.start_server(silent, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    before = get_settings()
    override_settings(before.model_copy(update={"redis_url": f"redis://127.0.0.1:{port}/0"}))
    try:
        actor = await world.actor("rep1")
        for check in (lambda: quotas.admit(actor), lambda: quotas.spend(actor, 5)):
            started = time.monotonic()
            assert await check() is None
            assert time.monotonic() - started < 1.5
    finally:
        override_settings(before)
        server.close()


async def test_counters_that_fail_after_a_refusal_still_refuse_with_429(
        world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    """When Redis stops answering between counting an operation over the budget and reporting
    the window, the refusal stands: a 429 with a Retry-After of at most the window, never a
    500."""
    from redis.exceptions import ConnectionError as RedisConnectionError
    before = get_settings()
    override_settings(before.model_copy(update={"cost_budget_per_minute": 15}))
    await quotas.reset()
    try:
        assert not codes(await ask(world, "rep1"))
        assert not codes(await ask(world, "rep1"))

        async def gone(*_args: Any, **_kwargs: Any) -> Any:
            raise RedisConnectionError("gone")

        monkeypatch.setattr(quotas._quotas().limiter, "get_window_stats", gone)
        for query in (LIST, "query Fresh { customers(first: 3) { totalCount } }"):
            refused = await ask(world, "rep1", query)
            assert refused.status_code == 429, refused.text
            retry = refused.json()["errors"][0]["extensions"]["retryAfter"]
            assert 1 <= retry <= 60
    finally:
        override_settings(before)
