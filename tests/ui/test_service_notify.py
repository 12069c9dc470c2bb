"""The real kiosk under a pretend systemd: a datagram socket the test listens
on as $NOTIFY_SOCKET. READY comes once the first slide is painted, WATCHDOG
pings keep coming from the UI thread and stop when it freezes, SIGTERM and
SIGINT end even the locked kiosk with status 0 and STOPPING=1."""

from __future__ import annotations

import itertools
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import pytest

from app.main import FREEZE_VARIABLE
from app.system import service_notify

WATCHDOG_USEC = 400_000  # pings every 200 ms


class Manager:
    """What systemd does with a Type=notify unit: a datagram socket, heard."""

    def __init__(self, abstract: bool = False) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="notify-"))  # short: socket paths
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        if abstract:
            name = f"clinic-kiosk-test-{uuid.uuid4().hex[:8]}"
            self.sock.bind("\0" + name)
            self.address = "@" + name
        else:
            self.address = str(self.folder / "notify")
            self.sock.bind(self.address)
        self.heard: list[tuple[float, str]] = []  # when, and each line

    def listen_until(self, predicate, seconds: float = 60) -> bool:
        """Hear datagrams until `predicate(lines)` holds or time runs out."""
        deadline = time.monotonic() + seconds
        while not predicate(self.lines()):
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            self.sock.settimeout(left)
            try:
                datagram = self.sock.recv(4096)
            except TimeoutError:
                return False
            now = time.monotonic()
            self.heard += [(now, line) for line in datagram.decode().splitlines()]
        return True

    def lines(self) -> list[str]:
        return [line for _, line in self.heard]

    def pings(self) -> list[float]:
        return [when for when, line in self.heard if line == "WATCHDOG=1"]

    def close(self) -> None:
        self.sock.close()
        shutil.rmtree(self.folder)


@pytest.fixture
def manager():
    made = Manager()
    yield made
    made.close()


@pytest.fixture
def kiosk(tmp_path, pack_dir):
    """Starts one kiosk with the manager's socket; killed at the end."""
    started: list[subprocess.Popen] = []
    runtime = Path(tempfile.mkdtemp(prefix="kiosk-"))

    def start(manager: Manager, **extra_env: str) -> subprocess.Popen:
        env = dict(os.environ)
        env.update(
            QT_QPA_PLATFORM="offscreen",
            XDG_RUNTIME_DIR=str(runtime),
            CLINIC_KIOSK_LOG_DIR=str(tmp_path / "log"),
            CLINIC_KIOSK_CONFIG_DIR=str(tmp_path / "config"),
            NOTIFY_SOCKET=manager.address,
            WATCHDOG_USEC=str(WATCHDOG_USEC),
            **extra_env,
        )
        command = [sys.executable, "-m", "app", "--kiosk", "--content", str(pack_dir)]
        started.append(subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL))
        return started[-1]

    yield start
    for process in started:
        process.kill()
        process.wait(timeout=30)
    shutil.rmtree(runtime)


def log_text(tmp_path: Path) -> str:
    return (tmp_path / "log" / "clinic-kiosk.log").read_text(encoding="utf-8")


def test_ready_after_the_first_paint_then_pings(manager, kiosk):
    kiosk(manager)
    assert manager.listen_until(lambda lines: "READY=1" in lines)
    lines = manager.lines()
    ready = lines.index("READY=1")
    assert lines[ready + 1] == "STATUS=showing Test deck"  # the pack's window, painted
    assert "STATUS=loading the content pack" in lines[:ready]
    assert manager.listen_until(lambda lines: lines.count("WATCHDOG=1") >= 10)
    after_ready = [t for t in manager.pings() if t >= manager.heard[ready][0]]
    gaps = [later - earlier for earlier, later in itertools.pairwise(after_ready)]
    assert gaps and max(gaps) < 1.0, gaps  # every 0.2 s, with room for a busy machine


def test_a_frozen_ui_stops_the_pings(manager, kiosk):
    process = kiosk(manager, **{FREEZE_VARIABLE: "1000"})
    assert manager.listen_until(lambda lines: "READY=1" in lines)
    assert manager.listen_until(lambda lines: lines.count("WATCHDOG=1") >= 3)
    # Frozen one second after the first paint: pings stop, the process lives on.
    assert not manager.listen_until(lambda lines: lines.count("WATCHDOG=1") >= 30, seconds=8)
    last = manager.pings()[-1]
    assert not manager.listen_until(lambda lines: False, seconds=2)  # two more silent seconds
    assert manager.pings()[-1] == last
    assert process.poll() is None  # frozen, not ended: systemd's watchdog is what ends it


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT])
def test_a_stop_signal_ends_the_locked_kiosk_cleanly(manager, kiosk, tmp_path, stop):
    process = kiosk(manager)
    assert manager.listen_until(lambda lines: "READY=1" in lines)
    process.send_signal(stop)
    assert process.wait(timeout=30) == 0
    assert manager.listen_until(lambda lines: "STOPPING=1" in lines, seconds=5)
    assert f"{stop.name} received; closing the kiosk" in log_text(tmp_path)


def test_abstract_socket_addresses_are_understood(monkeypatch):
    manager = Manager(abstract=True)
    try:
        monkeypatch.setenv("NOTIFY_SOCKET", manager.address)
        assert service_notify.notify("STATUS=hello")
        assert manager.listen_until(lambda lines: "STATUS=hello" in lines, seconds=5)
    finally:
        manager.close()


def test_without_a_manager_nothing_is_sent(monkeypatch):
    monkeypatch.delenv("NOTIFY_SOCKET", raising=False)
    assert not service_notify.notify("READY=1")


def test_the_watchdog_interval_is_half_the_managers(monkeypatch):
    monkeypatch.setenv("WATCHDOG_USEC", "30000000")
    monkeypatch.delenv("WATCHDOG_PID", raising=False)
    assert service_notify.watchdog_interval_ms() == 15_000
    monkeypatch.setenv("WATCHDOG_PID", "1")  # meant for another process
    assert service_notify.watchdog_interval_ms() is None
    monkeypatch.setenv("WATCHDOG_PID", str(os.getpid()))
    monkeypatch.setenv("WATCHDOG_USEC", "0")
    assert service_notify.watchdog_interval_ms() is None
