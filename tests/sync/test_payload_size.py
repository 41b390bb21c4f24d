"""Small payloads: what a phone downloads for a list screen of 20 customers, and for a change
feed page of the same rows, is gzip-compressed. Run with `-s` to see the figures."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from crm.settings import get_settings, override_settings
from tests import factories as f
from tests.conftest import World

DOCUMENTS = Path(__file__).resolve().parents[2] / "frontend/src/pages/customers/documents.ts"


def spa_document(name: str) -> str:
    """A document as the SPA sends it (its fragment appended), read from its source."""
    text = DOCUMENTS.read_text(encoding="utf-8")
    blocks = dict(re.findall(r"export const (\w+) = graphql\(`(.*?)`\);", text, re.S))
    return blocks[name] + blocks["CustomerRowFields"]


FEED = """query($first: Int) { changes(first: $first, types: [CUSTOMER]) { cursor hasMore
  removals { type id reason }
  nodes { ... on Customer { id name industry region phone email source lifecycleStage level inPool
    lastFollowUpAt nextFollowUpAt createdAt owner { id name email } tags { id name color } } } } }"""


@pytest.fixture(autouse=True)
def no_lag() -> Iterator[None]:
    before = get_settings()
    override_settings(before.model_copy(update={"sync_lag": 0}))
    yield
    override_settings(before)


async def sizes(world: World, query: str, variables: dict[str, Any]) -> tuple[int, int, Any]:
    """(bytes of the JSON, bytes on the wire with gzip, the decoded body)."""
    headers = {"Authorization": f"Bearer {world.tokens['rep1']}", "Accept-Encoding": "gzip"}
    async with world.client.stream("POST", "/graphql", json={"query": query,
                                                             "variables": variables},
                                   headers=headers) as resp:
        assert resp.headers.get("content-encoding") == "gzip"
        wire = b"".join([chunk async for chunk in resp.aiter_raw()])
    import gzip
    import json
    plain = gzip.decompress(wire)
    body = json.loads(plain)
    assert not body.get("errors"), body
    return len(plain), len(wire), body


async def test_a_mobile_list_screen_and_a_feed_page_are_compressed(world: World):
    tag = await f.tag(world, "VIP")
    for n in range(20):
        await f.customer(world, "rep1", industry="Manufacturing", region="华东 Shanghai",
                         source="referral", tag_ids=[tag.id], name=f"上海客户 {n} Trading Co")
    plain, wire, body = await sizes(world, spa_document("CustomersQuery"), {"first": 20})
    assert len(body["data"]["customers"]["edges"]) == 20
    feed_plain, feed_wire, feed = await sizes(world, FEED, {"first": 20})
    assert len(feed["data"]["changes"]["nodes"]) == 20
    print(f"\ncustomers list, 20 rows: {plain} bytes, gzip {wire} bytes "
          f"({wire / plain:.0%})\nchange feed, 20 customers: {feed_plain} bytes, gzip "
          f"{feed_wire} bytes ({feed_wire / feed_plain:.0%})")
    assert wire < plain / 3 and feed_wire < feed_plain / 3
