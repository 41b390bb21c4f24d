"""Attacks on what issue 11 added (OAuth, subscriptions, the change feed, webhooks, saved
views), each one a request an adversary can send: the answer must be a coded client error,
never an internal error, and never more than the caller may have."""

from __future__ import annotations

import base64

import orjson
import pytest

from tests.conftest import World

FEED = "query($since: String) { changes(since: $since) { cursor hasMore } }"


def cursor_of(body: object) -> str:
    return base64.urlsafe_b64encode(orjson.dumps(body)).decode()


@pytest.mark.parametrize("forged", [
    {"t": "2026-01-01T00:00:00+00:00", "e": [1]},
    {"t": "2026-01-01T00:00:00+00:00", "e": {"a": 1}},
    {"t": "2026-01-01T00:00:00+00:00", "e": 12},
    {"t": "9999-12-31T23:59:59-14:00", "e": None},
    {"t": "0001-01-01T00:00:00+14:00", "e": None},
    {"t": ["2026"], "e": None},
])
async def test_a_forged_change_feed_cursor_is_a_coded_error(world: World, forged: object) -> None:
    body = await world.gql("rep1", FEED, {"since": cursor_of(forged)}, expect_errors=True)
    assert [e["extensions"]["code"] for e in body["errors"]] == ["INVALID"], body
    assert body["errors"][0]["extensions"]["field"] == "since"
