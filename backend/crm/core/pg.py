"""The asyncpg connection the pool hands out.

Tortoise takes a pooled connection per statement, and asyncpg resets a connection's session
(advisory locks, cursors, LISTEN, settings) when it goes back: one more round trip after every
statement. Nothing here keeps session state (transactions end on release anyway, locks are
transaction-scoped), so the reset has nothing to undo and is not sent.
"""

from __future__ import annotations

from asyncpg.connection import Connection


class PooledConnection(Connection):  # type: ignore[misc]
    def get_reset_query(self) -> str:
        return ""
