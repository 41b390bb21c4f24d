#!/usr/bin/env bash
# Starts the real backend on a fresh, seeded SQLite database for the browser tests.
# Run from frontend/ (Playwright's webServer does); serves the built SPA from frontend/dist.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
FRONTEND="$(cd "$HERE/.." && pwd)"
ROOT="$(cd "$FRONTEND/.." && pwd)"
CRM="$ROOT/.venv/bin/crm"
PORT="${E2E_PORT:-8765}"
TMP_DB_DIR="${E2E_DB_DIR:-$FRONTEND/e2e/.tmp}"

if [ ! -x "$CRM" ]; then
  echo "e2e/server.sh: $CRM not found; create the backend's virtualenv first (make install)" >&2
  exit 1
fi
if [ ! -f "$FRONTEND/dist/index.html" ]; then
  echo "e2e/server.sh: building the SPA first" >&2
  (cd "$FRONTEND" && npm run build)
fi

rm -rf "$TMP_DB_DIR"
mkdir -p "$TMP_DB_DIR"
export DATABASE_URL="sqlite://$TMP_DB_DIR/e2e.sqlite3"
export CRM_ENV="${CRM_ENV:-development}"
export CRM_STATIC_DIR="$FRONTEND/dist"
# The browser tests read the pages, not the access log: keep the run's output to warnings.
export CRM_LOG_LEVEL="${CRM_LOG_LEVEL:-WARNING}"
# The browser tests click faster than any person and sign in as the same few users all run.
export CRM_REQUEST_RATE_PER_CALLER="${CRM_REQUEST_RATE_PER_CALLER:-100000/minute}"
# The webhooks spec runs its receiver on this machine; the relay looks often so it is seen soon.
export CRM_WEBHOOKS_ALLOW_PRIVATE="${CRM_WEBHOOKS_ALLOW_PRIVATE:-true}"
export CRM_WEBHOOKS_POLL_SECONDS="${CRM_WEBHOOKS_POLL_SECONDS:-0.5}"
# Customers must not return to the pool under the other specs: the sweep's hour never comes.
export CRM_POOL_SWEEP_CRON="${CRM_POOL_SWEEP_CRON:-0 0 1 1 *}"
# The notifications spec waits for a task reminder: sweep for due ones every two seconds.
export CRM_REMINDERS_CRON="${CRM_REMINDERS_CRON:-* * * * * */2}"
unset CRM_DEMO_PASSWORD || true

cd "$ROOT"
"$CRM" migrate
"$CRM" seed --demo
# Two jobs that failed all their attempts, for the jobs spec to find and retry (one per language).
"$ROOT/.venv/bin/python" - <<'PY'
import asyncio, datetime as dt
from crm.core.db import init_db, close_db
from crm.core.models import Job
from crm.auth.models import Workspace

async def main() -> None:
    await init_db()
    ws = await Workspace.get(slug="demo")
    now = dt.datetime.now(dt.UTC)
    for i in range(2):
        await Job.create(workspace_id=ws.id, task_name="webhooks.deliver_due", status="failed",
                         args={"workspace_id": str(ws.id), "timestamp": int(now.timestamp())},
                         attempts=2, scheduled_at=now, started_at=now, finished_at=now,
                         last_error=f"ConnectError: receiver {i + 1} refused the connection")
    await close_db()
asyncio.run(main())
PY
exec "$CRM" serve --host 127.0.0.1 --port "$PORT"
