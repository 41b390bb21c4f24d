"""The payroll models are fully covered by migrations (no model change left without one)."""

from __future__ import annotations

from crm.core.migrations import pending_migrations
from crm.settings import get_settings


async def test_no_model_change_is_left_without_a_migration(database: str):
    writers = await pending_migrations(get_settings())
    assert writers == [], [w.name for w in writers]
