"""Real worker processes on a database of their own: a periodic task fires once per slot
however many `crm worker`s run, a job deferred for later survives its worker being killed, and
the pool sweep runs by itself, with nobody calling it."""

from __future__ import annotations

import asyncio
import json
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from tests.platform.databases import fresh_database
from tests.platform.servers import BIN, ROOT, clean_environment

pytestmark = pytest.mark.slow

# Two workspaces, each with a customer nobody followed up for 100 days (the sweep's default
# is 30), owned by a rep.
SETUP = """
import asyncio, datetime as dt, json
from crm.core.db import init_db, close_db
from crm.auth.service import create_workspace
from crm.auth.models import User
from crm.customers.models import Customer

async def main():
    await init_db()
    out = {}
    for slug in ("north", "south"):
        ws = await create_workspace(f"{slug} Co", slug, {})
        rep = await User.create(workspace_id=ws.id, email=f"rep@{slug}.test", name="Rep",
                                role="sales_rep", password_hash="x")
        c = await Customer.create(workspace_id=ws.id, name="Stale", name_key="stale",
                                  owner_id=rep.id)
        await Customer.filter(id=c.id).update(
            created_at=dt.datetime.now(dt.UTC) - dt.timedelta(days=100))
        out[slug] = {"workspace": str(ws.id), "customer": str(c.id)}
    print(json.dumps(out))
    await close_db()
asyncio.run(main())
"""

# What the test reads of the database: every job, and which customers are in the pool.
STATE = """
import asyncio, json
from crm.core.db import init_db, close_db
from crm.core.models import Job
from crm.customers.models import Customer

async def main():
    await init_db()
    jobs = await Job.all().values("workspace_id", "task_name", "status", "args")
    pooled = await Customer.filter(in_pool=True).values_list("id", flat=True)
    print(json.dumps({"jobs": jobs, "pooled": [str(p) for p in pooled]}, default=str))
    await close_db()
asyncio.run(main())
"""

DEFER_LATER = """
import asyncio, datetime as dt, sys
from crm.core.db import init_db, close_db
from crm.core import jobs

async def main():
    await init_db()
    await jobs.defer("customers.pool_sweep", workspace_id=sys.argv[1],
                     run_at=dt.datetime.now(dt.UTC) + dt.timedelta(seconds=float(sys.argv[2])))
    await close_db()
asyncio.run(main())
"""


@pytest.fixture
async def database_url(tmp_path: Path) -> AsyncIterator[str]:
    async with fresh_database(tmp_path, "crm_jobs") as url:
        yield url


def script(env: dict[str, str], code: str, *args: str) -> Any:
    done = subprocess.run([sys.executable, "-c", code, *args], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    return json.loads(lines[-1]) if lines else None


async def prepared(database_url: str, **settings: str) -> tuple[dict[str, str], Any]:
    env = clean_environment(DATABASE_URL=database_url, CRM_LOG_FORMAT="text",
                            CRM_WEBHOOKS_POLL_SECONDS="0.5", CRM_JOBS_POLL_SECONDS="0.5",
                            **settings)
    done = await asyncio.to_thread(subprocess.run, [str(BIN / "crm"), "migrate"], env=env,
                                   cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return env, await asyncio.to_thread(script, env, SETUP)


def worker(env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    with log.open("ab") as out:
        return subprocess.Popen([str(BIN / "crm"), "worker"], env=env, cwd=ROOT,
                                stdout=out, stderr=subprocess.STDOUT)


async def stop(proc: subprocess.Popen[bytes]) -> int:
    proc.send_signal(signal.SIGTERM)
    return await asyncio.to_thread(proc.wait, 30)


async def test_two_workers_fire_each_periodic_slot_once_and_the_sweep_runs_by_itself(
        database_url: str, tmp_path: Path):
    # Every three seconds (a sixth cron field counts seconds), so slots come quickly.
    env, world = await prepared(database_url, CRM_POOL_SWEEP_CRON="* * * * * */3")
    log = tmp_path / "workers.log"
    workers = [worker(env, log), worker(env, log)]
    try:
        deadline = time.monotonic() + 90
        while True:
            state = await asyncio.to_thread(script, env, STATE)
            sweeps = [j for j in state["jobs"] if j["task_name"] == "customers.pool_sweep"
                      and j["status"] == "succeeded"]
            slots = {j["args"]["timestamp"] for j in sweeps}
            if len(slots) >= 4:
                break
            assert time.monotonic() < deadline, log.read_text()[-4000:]
            await asyncio.sleep(1)
        assert all(w.poll() is None for w in workers), log.read_text()[-4000:]
    finally:
        codes = [await stop(w) for w in workers]
    # SIGTERM ends them cleanly.
    assert codes == [0, 0], log.read_text()[-4000:]
    # The sweep ran by itself: both stale customers are back in the pool.
    assert sorted(state["pooled"]) == sorted(w["customer"] for w in world.values())
    # One job per workspace per slot, whichever worker fired it.
    per_slot = Counter((j["workspace_id"], j["args"]["timestamp"]) for j in state["jobs"]
                       if j["task_name"] == "customers.pool_sweep")
    assert per_slot and set(per_slot.values()) == {1}, per_slot
    assert {ws for ws, _ in per_slot} == {w["workspace"] for w in world.values()}


async def test_a_job_deferred_for_later_survives_its_worker_being_killed(
        database_url: str, tmp_path: Path):
    # The sweep's own schedule is far away: only the deferred job can move the customer.
    env, world = await prepared(database_url, CRM_POOL_SWEEP_CRON="0 0 1 1 *")
    north = world["north"]
    await asyncio.to_thread(script, env, DEFER_LATER, north["workspace"], "6")
    log = tmp_path / "worker.log"
    first = worker(env, log)
    await asyncio.sleep(2)
    first.send_signal(signal.SIGKILL)
    await asyncio.to_thread(first.wait, 15)
    state = await asyncio.to_thread(script, env, STATE)
    assert state["pooled"] == []
    [waiting] = [j for j in state["jobs"] if j["task_name"] == "customers.pool_sweep"]
    assert waiting["status"] == "todo"

    second = worker(env, log)
    try:
        deadline = time.monotonic() + 60
        while north["customer"] not in state["pooled"]:
            assert time.monotonic() < deadline, log.read_text()[-4000:]
            await asyncio.sleep(0.5)
            state = await asyncio.to_thread(script, env, STATE)
    finally:
        assert await stop(second) == 0
    [done] = [j for j in state["jobs"] if j["task_name"] == "customers.pool_sweep"]
    assert done["status"] == "succeeded"
    # Only the workspace it was deferred for was swept.
    assert state["pooled"] == [north["customer"]]
