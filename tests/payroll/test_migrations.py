"""The payroll models are fully covered by migrations (no model change left without one).

The check initialises Tortoise on its own in-memory database, which would rebind the models
of this test process, so it runs in a child process.
"""

from __future__ import annotations

import subprocess
import sys

CHECK = """
import asyncio
from crm.core.migrations import pending_migrations
from crm.settings import get_settings
writers = asyncio.run(pending_migrations(get_settings()))
print([w.name for w in writers])
raise SystemExit(1 if writers else 0)
"""


def test_no_model_change_is_left_without_a_migration():
    result = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
