"""Start a Reflex app in production mode for a benchmark, and stop it.

Used by bench/bench_events.py for both the real app (repository root) and the
bare page (bench/bare_app). Each run builds into its own work directory
(REFLEX_WEB_WORKDIR / REFLEX_STATES_WORKDIR), so a running scripts/run.sh or
the e2e tests are left alone. With `redis_url`, Reflex 0.10.1 starts several
backend workers (Granian: GRANIAN_WORKERS, default min(2 x cores + 1, 8)).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class RunningApp:
    base_url: str
    backend_url: str
    proc: subprocess.Popen
    log_path: Path

    def pids(self) -> list[int]:
        """Every process of the server's group (leader, Granian workers)."""
        out = subprocess.run(
            ["ps", "-o", "pid=", "-g", str(self.proc.pid)],
            capture_output=True,
            text=True,
        ).stdout
        return [int(p) for p in out.split()]

    def backend_rss_kib(self) -> dict[int, int]:
        """Resident memory of each Python process of the group (KiB); the
        frontend is served by the backend in prod, so this is all of it."""
        found = {}
        for pid in self.pids():
            try:
                status = Path(f"/proc/{pid}/status").read_text()
                cmd = Path(f"/proc/{pid}/cmdline").read_bytes()
            except OSError:
                continue
            if b"python" not in cmd:
                continue
            for row in status.splitlines():
                if row.startswith("VmRSS:"):
                    found[pid] = int(row.split()[1])
        return found


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status == 200
    except OSError:
        return False


@contextmanager
def running_app(
    app_dir: Path,
    work: Path,
    db_url: str | None = None,
    redis_url: str | None = None,
    workers: int | None = None,
    timeout: float = 600,
    extra_env: dict[str, str] | None = None,
) -> Iterator[RunningApp]:
    work.mkdir(parents=True, exist_ok=True)
    port = free_port()
    env = dict(os.environ)
    for key in ("REFLEX_REDIS_URL", "REFLEX_USE_NPM", "GRANIAN_WORKERS"):
        env.pop(key, None)
    env.update(
        REFLEX_TELEMETRY_ENABLED="false",
        REFLEX_CHECK_LATEST_VERSION="0",
        REFLEX_USE_SYSTEM_BUN="1",
        REFLEX_WEB_WORKDIR=str(work / ".web"),
        REFLEX_STATES_WORKDIR=str(work / ".states"),
        PYTHONUNBUFFERED="1",
        PYTHONPATH=str(ROOT),
    )
    if db_url:
        env["REFLEX_DB_URL"] = db_url
    if redis_url:
        env["REFLEX_REDIS_URL"] = redis_url
    if workers:
        env["GRANIAN_WORKERS"] = str(workers)
    env.update(extra_env or {})
    if not env.get("NPM_CONFIG_REGISTRY"):
        registry = subprocess.run(
            ["npm", "config", "get", "registry"], capture_output=True, text=True
        ).stdout.strip()
        if registry:
            env["NPM_CONFIG_REGISTRY"] = registry
    log_path = work / "server.log"
    command = [
        sys.executable,
        "-m",
        "reflex",
        "run",
        "--env",
        "prod",
        "--frontend-port",
        str(port),
        "--backend-host",
        "127.0.0.1",
    ]
    base = f"http://localhost:{port}"
    started = time.monotonic()
    with open(log_path, "w") as log:
        proc = subprocess.Popen(
            command,
            cwd=app_dir,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        while not (_answers(f"{base}/ping") and _answers(base)):
            if proc.poll() is not None:
                raise RuntimeError(f"reflex run exited: see {log_path}")
            if time.monotonic() - started > timeout:
                raise RuntimeError(f"app not up after {timeout} s: see {log_path}")
            time.sleep(1)
        print(
            f"app {app_dir.name} up at {base} in {time.monotonic() - started:.0f} s",
            flush=True,
        )
        yield RunningApp(base_url=base, backend_url=base, proc=proc, log_path=log_path)
    finally:
        stop(proc)


def stop(proc: subprocess.Popen) -> None:
    """End the server's process group (only the one we started)."""
    for sig, wait in ((signal.SIGTERM, 20), (signal.SIGKILL, 10)):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            return
        try:
            proc.wait(timeout=wait)
            os.killpg(proc.pid, 0)
        except ProcessLookupError:
            return
        except subprocess.TimeoutExpired:
            continue
        time.sleep(1)
