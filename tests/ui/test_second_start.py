"""Real kiosk processes: one per seat. A second start raises the first and
exits with ALREADY_RUNNING; five started at once leave exactly one; a kiosk
killed outright leaves a socket that does not block the next start; another
display is another seat."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from app.system import exit_codes

LISTENING = "listening for later starts at "


@pytest.fixture
def runtime_dir():
    """The kiosks' own XDG_RUNTIME_DIR, short enough for socket paths."""
    folder = Path(tempfile.mkdtemp(prefix="kiosk-"))
    yield folder
    shutil.rmtree(folder)


@pytest.fixture
def kiosks(tmp_path, pack_dir, runtime_dir):
    """Starts kiosks in the background; every one is killed at the end."""
    started: list[subprocess.Popen] = []

    def start(*extra: str, display: str = ":0") -> subprocess.Popen:
        env = dict(os.environ)
        for variable in ("WAYLAND_DISPLAY", "XDG_SEAT"):
            env.pop(variable, None)
        env.update(
            QT_QPA_PLATFORM="offscreen",
            XDG_RUNTIME_DIR=str(runtime_dir),
            DISPLAY=display,  # names the seat; offscreen Qt does not use it
            CLINIC_KIOSK_LOG_DIR=str(tmp_path / "log"),
            CLINIC_KIOSK_CONFIG_DIR=str(tmp_path / "config"),
        )
        command = [sys.executable, "-m", "app", "--content", str(pack_dir), *extra]
        started.append(
            subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        )
        return started[-1]

    yield start
    for process in started:
        process.kill()
        process.wait(timeout=30)


def log_text(tmp_path: Path) -> str:
    path = tmp_path / "log" / "clinic-kiosk.log"
    return path.read_text(encoding="utf-8") if path.exists() else ""


def wait_until_listening(qtbot, tmp_path: Path, times: int) -> None:
    qtbot.waitUntil(lambda: log_text(tmp_path).count(LISTENING) >= times, timeout=60_000)


def test_a_second_start_raises_the_first_and_exits(qtbot, tmp_path, kiosks):
    first = kiosks()
    wait_until_listening(qtbot, tmp_path, times=1)
    second = kiosks()
    assert second.wait(timeout=60) == exit_codes.ALREADY_RUNNING
    qtbot.waitUntil(
        lambda: "asked the kiosk to come to the front" in log_text(tmp_path), timeout=10_000
    )
    assert "a kiosk runs on this seat; asked it to come to the front" in log_text(tmp_path)
    assert first.poll() is None  # the first kiosk is still up


def test_five_kiosks_started_at_once_leave_one(qtbot, tmp_path, kiosks):
    started = time.monotonic()
    processes = [kiosks("--kiosk") for _ in range(5)]
    qtbot.waitUntil(lambda: sum(p.poll() is not None for p in processes) == 4, timeout=60_000)
    settled = time.monotonic() - started
    running = [p for p in processes if p.poll() is None]
    assert len(running) == 1
    assert sorted(p.returncode for p in processes if p not in running) == [11] * 4
    assert settled < 30, f"the four took {settled:.1f} s to leave"
    wait_until_listening(qtbot, tmp_path, times=1)
    assert running[0].poll() is None
    assert log_text(tmp_path).count(LISTENING) == 1


def test_two_displays_get_a_kiosk_each(qtbot, tmp_path, kiosks):
    first, second = kiosks(display=":0"), kiosks(display=":1")
    wait_until_listening(qtbot, tmp_path, times=2)
    assert first.poll() is None and second.poll() is None


@pytest.mark.skipif(os.name != "posix", reason="a socket file is left only on Unix")
def test_a_killed_kiosk_does_not_block_the_next_start(qtbot, tmp_path, kiosks, runtime_dir):
    first = kiosks()
    wait_until_listening(qtbot, tmp_path, times=1)
    first.kill()  # SIGKILL: no chance to remove its socket
    first.wait(timeout=30)
    assert [p for p in runtime_dir.iterdir() if not p.name.endswith(".lock")]
    after_crash = kiosks()
    wait_until_listening(qtbot, tmp_path, times=2)
    # ...and it is the one a later start now finds.
    assert kiosks().wait(timeout=60) == exit_codes.ALREADY_RUNNING
    assert after_crash.poll() is None
