"""`covenants ui`: dagster dev on 127.0.0.1 with a telemetry-free DAGSTER_HOME, stopped cleanly by SIGTERM."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request

from dagster import DagsterInstance

from pipelines.layout import ROOT
from pipelines.instance import prepare_home
from pipelines.ui import command


def test_the_dagster_home_disables_telemetry_and_runs_one_run_at_a_time(tmp_path):
    home = prepare_home(tmp_path / "home")
    config = (home / "dagster.yaml").read_text()
    assert "telemetry:\n  enabled: false" in config
    assert "max_concurrent_runs: 1" in config
    instance = DagsterInstance.from_config(str(home))
    assert not instance.telemetry_enabled
    assert not instance.nux_enabled  # no first-visit dialog asking for an e-mail address


def test_an_existing_instance_config_is_kept(tmp_path):
    (tmp_path / "dagster.yaml").write_text("telemetry:\n  enabled: false\n# mine\n")
    prepare_home(tmp_path)
    assert (tmp_path / "dagster.yaml").read_text().endswith("# mine\n")


def test_the_command_is_dagster_dev_on_the_workspace():
    assert command("127.0.0.1", 3000)[1:] == ["-m", "dagster", "dev", "-w", str(ROOT / "workspace.yaml"), "-h", "127.0.0.1", "-p", "3000"]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


def _dagster_dev(port: int) -> list[int]:
    found = subprocess.run(["pgrep", "-f", f"dagster dev -w {ROOT / 'workspace.yaml'} -h 127.0.0.1 -p {port}"], capture_output=True, text=True)
    return [int(pid) for pid in found.stdout.split()]


def test_serve_answers_on_127_0_0_1_and_stops_on_sigterm_with_everything_it_started(tmp_path):
    port = _free_port()
    script = f"import sys; from pathlib import Path; from pipelines.ui import serve; sys.exit(serve(port={port}, home=Path({str(tmp_path / 'home')!r})))"
    env = {**os.environ, "COVENANTS_DUCKDB": str(tmp_path / "covenants.duckdb"), "COVENANTS_OUT": str(tmp_path / "out")}
    ui = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline, info = time.monotonic() + 90, None
        while time.monotonic() < deadline and info is None and ui.poll() is None:
            try:
                info = urllib.request.urlopen(f"http://127.0.0.1:{port}/server_info", timeout=2).read().decode()
            except OSError:
                time.sleep(0.5)
        assert info is not None and '"dagster_version":"1.13.27"' in info.replace(" ", "")
        dev = _dagster_dev(port)
        assert len(dev) == 1
        ui.send_signal(signal.SIGTERM)
        assert ui.wait(timeout=60) == 0
        assert not _group_alive(dev[0]), "dagster dev left processes behind"
    finally:
        # A failed assertion must not leave dagster dev (its own process group) serving on the machine: ask serve to
        # stop it first, then kill whatever is still there.
        if ui.poll() is None:
            ui.send_signal(signal.SIGTERM)
            try:
                ui.wait(timeout=30)
            except subprocess.TimeoutExpired:
                ui.kill()
        for pid in _dagster_dev(port):
            if _group_alive(pid):
                os.killpg(pid, signal.SIGKILL)
