"""Two real kiosk processes: the second start raises the first and ends; a
kiosk killed outright leaves a socket that does not block the next start."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.system.single_instance import server_name

LISTENING = "listening for later starts at "


def kiosk_env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        TMPDIR=str(tmp_path),  # the instance socket lives here, not in the shared /tmp
        CLINIC_KIOSK_LOG_DIR=str(tmp_path / "log"),
        CLINIC_KIOSK_CONFIG_DIR=str(tmp_path / "config"),
    )
    return env


def log_text(tmp_path: Path) -> str:
    path = tmp_path / "log" / "clinic-kiosk.log"
    return path.read_text(encoding="utf-8") if path.exists() else ""


@pytest.fixture
def start(tmp_path, pack_dir):
    """Starts a kiosk in the background; every one is killed at the end."""
    started: list[subprocess.Popen] = []

    def start_one() -> subprocess.Popen:
        command = [sys.executable, "-m", "app", "--content", str(pack_dir)]
        started.append(
            subprocess.Popen(
                command,
                env=kiosk_env(tmp_path),
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
        return started[-1]

    yield start_one
    for process in started:
        process.kill()
        process.wait(timeout=30)


def wait_until_listening(qtbot, tmp_path: Path, process: subprocess.Popen, times: int) -> None:
    qtbot.waitUntil(
        lambda: log_text(tmp_path).count(LISTENING) == times or process.poll() is not None,
        timeout=30_000,
    )
    assert process.poll() is None, "the kiosk ended"


def start_again(tmp_path: Path, pack_dir: Path) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "app", "--content", str(pack_dir)]
    return subprocess.run(command, env=kiosk_env(tmp_path), capture_output=True, timeout=60)


def test_a_second_start_raises_the_first_and_exits(qtbot, tmp_path, pack_dir, start):
    first = start()
    wait_until_listening(qtbot, tmp_path, first, times=1)
    second = start_again(tmp_path, pack_dir)
    assert second.returncode == 0
    qtbot.waitUntil(
        lambda: "asked the kiosk to come to the front" in log_text(tmp_path), timeout=10_000
    )
    assert "already running; brought it to the front" in log_text(tmp_path)
    assert first.poll() is None  # the first kiosk is still up


@pytest.mark.skipif(os.name != "posix", reason="a socket file is left only on Unix")
def test_a_killed_kiosk_does_not_block_the_next_start(qtbot, tmp_path, pack_dir, start):
    first = start()
    wait_until_listening(qtbot, tmp_path, first, times=1)
    first.kill()  # SIGKILL: no chance to remove its socket
    first.wait(timeout=30)
    assert (tmp_path / server_name()).exists()
    after_crash = start()
    wait_until_listening(qtbot, tmp_path, after_crash, times=2)
    assert "removing the socket a crashed kiosk left behind" in log_text(tmp_path)
    # ...and it is the one a later start now finds.
    assert start_again(tmp_path, pack_dir).returncode == 0
    assert log_text(tmp_path).count("already running; brought it to the front") == 1
    assert after_crash.poll() is None
