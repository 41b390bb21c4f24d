"""A row loaded once for several fields stays theirs when one of them is cancelled: graphql-core
cancels the siblings of a field that fails, and the others must still get their row."""

from __future__ import annotations

import asyncio

from crm.core.loaders import SharedLoader


async def test_cancelling_one_waiter_leaves_the_others_their_answer():
    release = asyncio.Event()
    calls: list[list[int]] = []

    async def load(keys: list[int]) -> list[str]:
        calls.append(keys)
        await release.wait()
        return [f"row {k}" for k in keys]

    loader: SharedLoader[int, str] = SharedLoader(load_fn=load)
    doomed = asyncio.ensure_future(loader.load(7))
    survivor = asyncio.ensure_future(loader.load(7))
    await asyncio.sleep(0)  # both wait on the one batch
    doomed.cancel()
    release.set()
    assert await survivor == "row 7"
    assert calls == [[7]]  # one batch, not a second load for the survivor
    assert doomed.cancelled()
