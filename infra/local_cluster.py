"""The production shape on one machine, from Debian's packages, for a try-out and for the
cluster test: a PostgreSQL primary and a streaming replica, pgbouncer in transaction mode (the
settings of infra/pgbouncer.ini), Redis, two `crm serve` processes and a proxy in front of them.

    infra/local-cluster up [--no-seed] [--json]   start it all; prints the URLs
    infra/local-cluster run                       the same, until Ctrl-C, then stops it all
    infra/local-cluster down [DIR]                stop it all and remove its directory

Everything lives in one new directory under the system's temp dir and listens on free ports of
127.0.0.1; the machine's own PostgreSQL and Redis are left alone. The API processes reach the
primary through pgbouncer (CRM_PGBOUNCER=true), read from the replica (DATABASE_REPLICA_URL)
and share state through Redis (REDIS_URL). The proxy is a TCP round robin (one backend per
client connection), enough to stand for nginx here.

Needs: PostgreSQL's server binaries (`postgresql-15`; PG_BIN to point elsewhere), `pgbouncer`
(infra/ensure-pgbouncer.sh installs it) and `redis-server`. PostgreSQL and pgbouncer refuse to
run as root: run as root, they run as the `postgres` system user.
Only the standard library: it runs from the checkout's virtualenv (which has `crm`).
"""

from __future__ import annotations

import argparse
import asyncio
import configparser
import contextlib
import itertools
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
POINTER = ROOT / "var" / "local-cluster.json"  # the last `up`, for a bare `down`
STATE = "cluster.json"


class ClusterError(RuntimeError):
    """A part of the cluster cannot start; the message says which and why."""


def pg_bin() -> Path:
    if os.environ.get("PG_BIN"):
        return Path(os.environ["PG_BIN"])
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"),
                   key=lambda p: int(p.parts[-3]) if p.parts[-3].isdigit() else 0)
    return found[-1].parent if found else Path("/usr/lib/postgresql/15/bin")


def pgbouncer_bin() -> str | None:
    return shutil.which("pgbouncer") or next(
        (p for p in ("/usr/sbin/pgbouncer", "/usr/bin/pgbouncer") if os.access(p, os.X_OK)), None)


def crm_bin() -> str:
    beside = Path(sys.executable).parent / "crm"
    found = str(beside) if beside.exists() else shutil.which("crm")
    if not found:
        raise ClusterError("no `crm` command: run with the checkout's .venv (make install)")
    return found


def missing_parts() -> list[str]:
    """What is not installed (the test skips on it outside CI)."""
    missing = []
    if not (pg_bin() / "initdb").exists():
        missing.append(f"PostgreSQL server binaries ({pg_bin()})")
    if not pgbouncer_bin():
        missing.append("pgbouncer (infra/ensure-pgbouncer.sh)")
    if not shutil.which("redis-server"):
        missing.append("redis-server")
    return missing


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def service_user() -> str | None:
    """PostgreSQL and pgbouncer will not run as root: then they run as `postgres`."""
    if os.geteuid() != 0:
        return None
    import pwd
    try:
        pwd.getpwnam("postgres")
    except KeyError:
        raise ClusterError("running as root needs a `postgres` user for PostgreSQL") from None
    return "postgres"


class Cluster:
    """Start with `up()`, stop with `down()`; `state` holds the URLs, ports and pids."""

    def __init__(self, state: dict[str, Any] | None = None) -> None:
        self.state: dict[str, Any] = state or {"pids": {}, "datadirs": []}

    @property
    def dir(self) -> Path:
        return Path(self.state["dir"])

    # --- starting -------------------------------------------------------------------------

    def up(self, *, seed: bool = True, read_your_writes: int = 5,
           echo: Any = print) -> dict[str, Any]:
        if missing := missing_parts():
            raise ClusterError("missing: " + ", ".join(missing))
        started = time.monotonic()
        self.user = service_user()
        directory = Path(tempfile.mkdtemp(prefix="crm-cluster-"))
        os.chmod(directory, 0o755)
        if self.user:
            shutil.chown(directory, self.user, self.user)
        self.state.update(dir=str(directory), started_at=time.time())
        try:
            self._primary(echo)
            self._replica(echo)
            self._pgbouncer(echo)
            self._redis(echo)
            self._api(seed, read_your_writes, echo)
            self._proxy(echo)
        except BaseException:
            echo("local-cluster: a part did not start; stopping the rest")
            self.down(echo=lambda *_: None)
            raise
        self.state["startup_seconds"] = round(time.monotonic() - started, 1)
        self._save()
        return self.state

    def _run(self, args: list[str], *, as_service: bool = False, env: dict[str, str] | None = None,
             what: str) -> str:
        proc = subprocess.run(args, capture_output=True, text=True, cwd=self.dir, env=env,
                              user=self.user if as_service else None, timeout=120)
        if proc.returncode != 0:
            raise ClusterError(f"{what} failed ({' '.join(args[:2])}): "
                               f"{(proc.stderr or proc.stdout).strip()[-2000:]}")
        return proc.stdout

    def _spawn(self, name: str, args: list[str], *, as_service: bool = False,
               env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
        log = open(self.dir / f"{name}.log", "ab")
        proc = subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                cwd=self.dir, env=env, user=self.user if as_service else None,
                                start_new_session=True)
        log.close()
        self.state["pids"][name] = proc.pid
        self._save()
        return proc

    def _wait_port(self, name: str, port: int, proc: subprocess.Popen[bytes] | None,
                   seconds: float = 20) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if proc is not None and proc.poll() is not None:
                raise ClusterError(f"{name} exited ({proc.returncode}): {self._tail(name)}")
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.5):
                return
            time.sleep(0.05)
        raise ClusterError(f"{name} does not listen on {port} after {seconds}s: {self._tail(name)}")

    def _tail(self, name: str) -> str:
        path = self.dir / f"{name}.log"
        return path.read_text(errors="replace")[-1500:] if path.exists() else "(no log)"

    def _save(self) -> None:
        if "dir" in self.state and self.dir.exists():
            (self.dir / STATE).write_text(json.dumps(self.state, indent=2))

    def _primary(self, echo: Any) -> None:
        b = pg_bin()
        port, pw = free_port(), secrets.token_hex(12)
        data = self.dir / "primary"
        (self.dir / "pwfile").write_text(pw + "\n")
        if self.user:
            shutil.chown(self.dir / "pwfile", self.user)
        self._run([str(b / "initdb"), "-D", str(data), "-U", "postgres", "--pwfile",
                   str(self.dir / "pwfile"), "-E", "UTF8", "--no-locale", "--no-sync",
                   "--auth-local=trust", "--auth-host=scram-sha-256"],
                  as_service=True, what="initdb")
        with open(data / "postgresql.conf", "a") as conf:
            conf.write(f"""
# local-cluster
listen_addresses = '127.0.0.1'
port = {port}
unix_socket_directories = '{self.dir}'
wal_level = replica
max_wal_senders = 5
hot_standby = on
max_connections = 60
shared_buffers = 32MB
fsync = off
""")
        self.state["datadirs"].append(str(data))
        self._save()
        self._run([str(b / "pg_ctl"), "-D", str(data), "-l", str(self.dir / "primary.log"), "-w",
                   "-t", "30", "start"], as_service=True, what="starting the primary")
        crm_pw, repl_pw = secrets.token_hex(12), secrets.token_hex(12)
        psql = [str(b / "psql"), "-h", str(self.dir), "-p", str(port), "-U", "postgres", "-X",
                "-v", "ON_ERROR_STOP=1", "-d", "postgres"]
        self._run([*psql, "-c", f"CREATE ROLE crm LOGIN PASSWORD '{crm_pw}'",
                   "-c", f"CREATE ROLE replicator LOGIN REPLICATION PASSWORD '{repl_pw}'",
                   "-c", "CREATE DATABASE crm OWNER crm"], as_service=True, what="creating roles")
        self.state.update(
            primary_port=port, crm_password=crm_pw, replicator_password=repl_pw,
            primary_url=f"postgres://crm:{crm_pw}@127.0.0.1:{port}/crm",
            primary_admin_url=f"postgres://postgres:{pw}@127.0.0.1:{port}/crm")
        echo(f"local-cluster: primary   127.0.0.1:{port}")

    def _replica(self, echo: Any) -> None:
        b = pg_bin()
        port, p = free_port(), self.state
        data = self.dir / "replica"
        conninfo = (f"host=127.0.0.1 port={p['primary_port']} user=replicator "
                    f"password={p['replicator_password']}")
        self._run([str(b / "pg_basebackup"), "-d", conninfo, "-D", str(data), "-R", "-X", "stream",
                   "-c", "fast", "--no-sync"], as_service=True, what="pg_basebackup")
        with open(data / "postgresql.conf", "a") as conf:
            conf.write(f"\n# the replica\nport = {port}\nhot_standby_feedback = on\n")
        self.state["datadirs"].append(str(data))
        self._save()
        self._run([str(b / "pg_ctl"), "-D", str(data), "-l", str(self.dir / "replica.log"), "-w",
                   "-t", "30", "start"], as_service=True, what="starting the replica")
        pw = (self.dir / "pwfile").read_text().strip()
        self.state.update(
            replica_port=port,
            replica_url=f"postgres://crm:{p['crm_password']}@127.0.0.1:{port}/crm",
            replica_admin_url=f"postgres://postgres:{pw}@127.0.0.1:{port}/crm")
        echo(f"local-cluster: replica   127.0.0.1:{port} (streaming from the primary)")

    def _pgbouncer(self, echo: Any) -> None:
        """infra/pgbouncer.ini as shipped, pointed at this primary on a free port."""
        port, p = free_port(), self.state
        ini = configparser.ConfigParser(interpolation=None)
        ini.optionxform = str  # type: ignore[assignment,method-assign]
        ini.read(ROOT / "infra" / "pgbouncer.ini")
        ini["databases"] = {"crm": f"host=127.0.0.1 port={p['primary_port']} dbname=crm"}
        ini["pgbouncer"].update({
            "listen_addr": "127.0.0.1", "listen_port": str(port),
            "auth_file": str(self.dir / "userlist.txt"), "unix_socket_dir": str(self.dir),
            "pidfile": str(self.dir / "pgbouncer.pid"), "max_client_conn": "200",
        })
        # A plain-text password in the userlist serves scram-sha-256 on both sides.
        (self.dir / "userlist.txt").write_text(f'"crm" "{p["crm_password"]}"\n')
        with open(self.dir / "pgbouncer.ini", "w") as f:
            ini.write(f)
        if self.user:
            for name in ("userlist.txt", "pgbouncer.ini"):
                shutil.chown(self.dir / name, self.user)
        proc = self._spawn("pgbouncer", [str(pgbouncer_bin()), str(self.dir / "pgbouncer.ini")],
                           as_service=True)
        self._wait_port("pgbouncer", port, proc)
        self.state.update(pgbouncer_port=port,
                          pgbouncer_url=f"postgres://crm:{p['crm_password']}@127.0.0.1:{port}/crm")
        echo(f"local-cluster: pgbouncer 127.0.0.1:{port} (transaction pooling)")

    def _redis(self, echo: Any) -> None:
        port = free_port()
        proc = self._spawn("redis", ["redis-server", "--bind", "127.0.0.1", "--port", str(port),
                                     "--save", "", "--appendonly", "no", "--dir", str(self.dir)],
                           as_service=True)
        self._wait_port("redis", port, proc)
        self.state.update(redis_port=port, redis_url=f"redis://127.0.0.1:{port}/0")
        echo(f"local-cluster: redis     127.0.0.1:{port}")

    def _crm_env(self, **extra: str) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items()
               if not k.startswith("CRM_") and k not in ("DATABASE_URL", "DATABASE_REPLICA_URL",
                                                          "REDIS_URL", "SECRET_KEY")}
        env.update(CRM_LOG_FORMAT="text", CRM_DATA_DIR=str(self.dir / "data"), **extra)
        return env

    def _api(self, seed: bool, read_your_writes: int, echo: Any) -> None:
        p, crm = self.state, crm_bin()
        direct = self._crm_env(DATABASE_URL=p["primary_url"])
        # Migrations (and the seed) talk to the primary directly, not through the pool.
        self._run([crm, "migrate"], env=direct, what="crm migrate")
        if seed:
            self._run([crm, "seed", "--demo"], env=direct, what="crm seed --demo")
        env = self._crm_env(
            CRM_ENV="production", SECRET_KEY=secrets.token_urlsafe(48),
            DATABASE_URL=p["pgbouncer_url"], CRM_PGBOUNCER="true",
            DATABASE_REPLICA_URL=p["replica_url"], REDIS_URL=p["redis_url"],
            CRM_READ_YOUR_WRITES=str(read_your_writes))
        procs = {}
        for name in ("api-a", "api-b"):
            port = free_port()
            procs[name] = (port, self._spawn(name, [crm, "serve", "--host", "127.0.0.1",
                                                    "--port", str(port)], env=env))
            p[f"{name.replace('-', '_')}_url"] = f"http://127.0.0.1:{port}"
        for name, (port, proc) in procs.items():
            self._wait_ready(name, port, proc)
            echo(f"local-cluster: {name}     http://127.0.0.1:{port}")

    def _wait_ready(self, name: str, port: int, proc: subprocess.Popen[bytes],
                    seconds: float = 45) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise ClusterError(f"{name} exited ({proc.returncode}): {self._tail(name)}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=2) as r:
                    if r.status == 200:
                        return
            except OSError:
                pass
            time.sleep(0.1)
        raise ClusterError(f"{name} is not ready after {seconds}s: {self._tail(name)}")

    def _proxy(self, echo: Any) -> None:
        port, p = free_port(), self.state
        backends = [p["api_a_url"].rsplit(":", 1)[1], p["api_b_url"].rsplit(":", 1)[1]]
        proc = self._spawn("proxy", [sys.executable, str(Path(__file__).resolve()), "proxy",
                                     str(port), *backends])
        self._wait_port("proxy", port, proc)
        p.update(proxy_port=port, url=f"http://127.0.0.1:{port}")
        echo(f"local-cluster: proxy     http://127.0.0.1:{port}  (GraphQL at /graphql)")

    # --- stopping -------------------------------------------------------------------------

    def down(self, echo: Any = print) -> None:
        """Stop every process this cluster started (by its recorded pid) and remove its
        directory. Safe to call twice, and on a cluster that started only in part."""
        pids: dict[str, int] = self.state.get("pids", {})
        for name in reversed(list(pids)):
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(pids[name], signal.SIGTERM)
        deadline = time.monotonic() + 10
        for name in list(pids):
            while _alive(pids[name]) and time.monotonic() < deadline:
                time.sleep(0.05)
            if _alive(pids[name]):
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.killpg(pids[name], signal.SIGKILL)
        user = service_user() if "dir" in self.state else None
        for data in reversed(self.state.get("datadirs", [])):
            if Path(data, "postmaster.pid").exists():
                subprocess.run([str(pg_bin() / "pg_ctl"), "-D", data, "-m", "immediate", "-w",
                                "-t", "20", "stop"], capture_output=True, user=user, timeout=60)
        if "dir" in self.state:
            shutil.rmtree(self.dir, ignore_errors=True)
            echo(f"local-cluster: stopped, removed {self.dir}")
        with contextlib.suppress(OSError, ValueError):
            if POINTER.exists() and json.loads(POINTER.read_text()).get("dir") == \
                    self.state.get("dir"):
                POINTER.unlink()

    @classmethod
    def load(cls, where: str | None) -> Cluster:
        if where is None:
            if not POINTER.exists():
                raise ClusterError("no cluster started from this checkout: name its directory")
            where = json.loads(POINTER.read_text())["dir"]
        path = Path(where) / STATE
        if not path.exists():
            raise ClusterError(f"no cluster state at {path}")
        return cls(json.loads(path.read_text()))


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie child of ours (the `run` command) is dead too.
    with contextlib.suppress(ChildProcessError):
        done, _ = os.waitpid(pid, os.WNOHANG)
        return done == 0
    return True


# --- the proxy -----------------------------------------------------------------------------

async def _serve_proxy(listen: int, backends: list[int]) -> None:
    """Round robin over the backends, one per client connection (HTTP/1.1 keep-alive stays
    on its backend), bytes passed through unchanged."""
    turn = itertools.cycle(backends)

    async def pipe(src: asyncio.StreamReader, dst: asyncio.StreamWriter) -> None:
        try:
            while data := await src.read(65536):
                dst.write(data)
                await dst.drain()
        except (ConnectionError, OSError):
            pass
        finally:
            with contextlib.suppress(Exception):
                dst.close()

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        for _ in backends:  # a backend that refuses is skipped
            try:
                up_r, up_w = await asyncio.open_connection("127.0.0.1", next(turn))
                break
            except OSError:
                continue
        else:
            writer.close()
            return
        await asyncio.gather(pipe(reader, up_w), pipe(up_r, writer))

    server = await asyncio.start_server(handle, "127.0.0.1", listen)
    stop = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        asyncio.get_running_loop().add_signal_handler(sig, stop.set)
    async with server:
        await stop.wait()


# --- the command ---------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="infra/local-cluster", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    for name in ("up", "run"):
        cmd = sub.add_parser(name, help="start the cluster" + (" until Ctrl-C" if name == "run" else ""))
        cmd.add_argument("--no-seed", action="store_true", help="skip `crm seed --demo`")
        cmd.add_argument("--read-your-writes", type=int, default=5, metavar="SECONDS")
        cmd.add_argument("--json", action="store_true", help="print the state as JSON")
    down = sub.add_parser("down", help="stop the cluster and remove its directory")
    down.add_argument("dir", nargs="?", help="the cluster's directory (default: the last `up`)")
    proxy = sub.add_parser("proxy", help=argparse.SUPPRESS)
    proxy.add_argument("listen", type=int)
    proxy.add_argument("backends", type=int, nargs="+")
    args = parser.parse_args(argv)

    if args.command == "proxy":
        asyncio.run(_serve_proxy(args.listen, args.backends))
        return 0
    try:
        if args.command == "down":
            Cluster.load(args.dir).down()
            return 0
        cluster = Cluster()
        echo = (lambda *a: print(*a, file=sys.stderr)) if args.json else print
        state = cluster.up(seed=not args.no_seed, read_your_writes=args.read_your_writes, echo=echo)
        POINTER.parent.mkdir(parents=True, exist_ok=True)
        POINTER.write_text(json.dumps({"dir": state["dir"]}))
        if args.json:
            print(json.dumps(state))
        else:
            print(f"\nCRM at {state['url']}  (sign in as admin@demo.test / demo-pass-123 when "
                  f"seeded)\nStarted in {state['startup_seconds']}s. Stop: infra/local-cluster "
                  f"down {state['dir']}")
        if args.command == "run":
            signal.signal(signal.SIGTERM, signal.default_int_handler)
            try:
                while True:
                    time.sleep(3600)
            except KeyboardInterrupt:
                cluster.down()
        return 0
    except ClusterError as exc:
        print(f"local-cluster: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
