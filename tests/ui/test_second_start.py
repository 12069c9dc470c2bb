"""Two real kiosk processes: the second start raises the first and ends."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from app.system.single_instance import server_name


def kiosk_env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        TMPDIR=str(tmp_path),  # the instance socket lives here, not in the shared /tmp
        CLINIC_KIOSK_LOG_DIR=str(tmp_path / "log"),
        CLINIC_KIOSK_CONFIG_DIR=str(tmp_path / "config"),
    )
    return env


def test_a_second_start_raises_the_first_and_exits(qtbot, tmp_path, pack_dir):
    env = kiosk_env(tmp_path)
    command = [sys.executable, "-m", "app", "--content", str(pack_dir)]
    first = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        # The first listens once its first slide is up and the warm-up is
        # done; Qt puts the socket in $TMPDIR.
        sock = tmp_path / server_name("clinic-kiosk")
        qtbot.waitUntil(lambda: sock.exists() or first.poll() is not None, timeout=30_000)
        assert first.poll() is None, "the first kiosk ended"
        second = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)
        assert second.returncode == 0
        log = tmp_path / "log" / "clinic-kiosk.log"
        qtbot.waitUntil(
            lambda: "asked the kiosk to come to the front" in log.read_text(encoding="utf-8"),
            timeout=10_000,
        )
        text = log.read_text(encoding="utf-8")
        assert "already running; brought it to the front" in text
        assert first.poll() is None  # the first kiosk is still up
    finally:
        first.kill()
        first.wait(timeout=30)
