"""What the demo seed hands to each module's `seed.seed_demo(demo)`: modules add their demo data
without importing the seed that calls them."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass
class DemoData:
    """What the core seed made, handed to each module's `seed.seed_demo(demo)`."""

    # The rows of the modules the core seed writes (typed loosely: core knows no module).
    workspace: Any
    users: dict[str, Any]  # by email
    customers: list[Any]
    opportunities: list[Any]
    rng: random.Random
    scale: int
    now: dt.datetime
    echo: Callable[[str], Any]


async def bulk_insert(model: Any, rows: list[Any]) -> None:
    """Insert in batches of 1,000 (SQLite caps the parameters of one statement)."""
    for start in range(0, len(rows), 1000):
        await model.bulk_create(rows[start:start + 1000])
