"""`covenants ui`: the Dagster UI over this repository's code location, bound to 127.0.0.1 unless told otherwise.

Runs `dagster dev -w <repo>/workspace.yaml -h HOST -p PORT` on the project's instance (pipelines.instance: DAGSTER_HOME
is `<repo>/.dagster_home` unless set), the one `covenants run` records its runs in.

`dagster dev` maps SIGTERM to whatever SIGINT does; started with a plain `&` SIGINT is ignored, so it ignores both.
Here it is started in its own process group with SIGINT and SIGTERM at their defaults, and on Ctrl-C, SIGTERM or
SIGHUP we send it SIGINT (it then shuts its webserver and daemon down), wait, and end the whole group if anything
is left, so that stopping `covenants ui` never leaves a webserver or daemon behind.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from pipelines.instance import BATCH_ENVIRONMENT, prepare_home
from pipelines.layout import ROOT

WORKSPACE = ROOT / "workspace.yaml"
GRACE_SECONDS = 30  # what `dagster dev` may take to stop its webserver and daemon after SIGINT
FORWARDED = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


def command(host: str, port: int) -> list[str]:
    return [sys.executable, "-m", "dagster", "dev", "-w", str(WORKSPACE), "-h", host, "-p", str(port)]


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


def _stop(process: subprocess.Popen) -> None:
    """SIGINT to `dagster dev` (it stops its webserver and daemon), then SIGTERM and at last SIGKILL to whatever is
    left of its process group (a code server may outlive it), returning only once the group is empty."""
    pgid = process.pid  # start_new_session: dagster dev leads its own process group
    if process.poll() is None:
        try:
            process.send_signal(signal.SIGINT)
            process.wait(timeout=GRACE_SECONDS)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            pass
    for sig, seconds in ((signal.SIGTERM, 15), (signal.SIGKILL, 5)):
        if not _group_alive(pgid):
            break
        try:
            os.killpg(pgid, sig)
        except ProcessLookupError:
            break
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and (process.poll() is None or _group_alive(pgid)):
            time.sleep(0.2)
    process.wait()


def serve(host: str = "127.0.0.1", port: int = 3000, *, home: Path | None = None) -> int:
    """Run the Dagster UI until it exits or this process is interrupted or terminated; return its exit code.

    `home` is DAGSTER_HOME (the run history and schedules; pipelines.instance), which tests point at a scratch folder.
    """
    home = prepare_home(home)
    env = {**os.environ, "DAGSTER_HOME": str(home), **BATCH_ENVIRONMENT}  # runs launched from the UI batch as `run` does
    requested: list[int] = []

    def forward(signum, _frame) -> None:
        requested.append(signum)

    # Handlers installed before the child starts: a caught signal is reset to its default in the child on exec,
    # whereas an ignored one (as under `nohup` or `&`) would stay ignored there.
    previous = {sig: signal.signal(sig, forward) for sig in FORWARDED}
    try:
        process = subprocess.Popen(command(host, port), cwd=ROOT, env=env, start_new_session=True)
        try:
            print(f"Dagster UI on http://{host}:{port} (DAGSTER_HOME={home}); Ctrl-C stops it.", file=sys.stderr, flush=True)
            while process.poll() is None and not requested:
                try:
                    process.wait(timeout=0.5)
                except subprocess.TimeoutExpired:
                    pass
        finally:
            _stop(process)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    code = process.returncode
    if requested:
        return 0 if code in (0, -signal.SIGINT, -signal.SIGTERM) else 128 + requested[0]
    return code if code >= 0 else 128 - code
