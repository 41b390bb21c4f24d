"""argon2 password hashes, computed off the event loop.

One argon2 hash costs tens of milliseconds of CPU and 64 MiB of memory; on the event loop it
stalls every other request of the process (eight clients signing in pushed a health check from
under a millisecond to a hundred). The hashes run in a small thread pool of their own (argon2
releases the GIL), sized to the cores so a burst of sign-ins queues instead of exhausting memory.
"""

from __future__ import annotations

import asyncio
import os
from concurrent.futures import ThreadPoolExecutor

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()
# Verified against when the user is unknown, so both cases take the same time.
_DUMMY_HASH = _hasher.hash("not-a-real-password")
_pool = ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2), thread_name_prefix="argon2")


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


async def hash_password_async(password: str) -> str:
    return await asyncio.get_running_loop().run_in_executor(_pool, hash_password, password)


async def verify_password_async(password_hash: str | None, password: str) -> bool:
    return await asyncio.get_running_loop().run_in_executor(_pool, verify_password, password_hash,
                                                            password)
