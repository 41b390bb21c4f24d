from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from crm.settings import Settings, get_settings, override_settings


@pytest.fixture
def limits() -> Iterator[Callable[..., Settings]]:
    """Lets a test change limits (`limits(max_query_cost=11)`), read per request, and puts the
    settings back after."""
    original = get_settings()

    def change(**changes: int) -> Settings:
        changed = original.model_copy(update=changes)
        override_settings(changed)
        return changed

    yield change
    override_settings(original)
