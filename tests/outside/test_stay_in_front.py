"""Under an ordinary window manager the kiosk comes back: the real kiosk on
Xvfb with openbox, minimised or unmapped from outside with xdotool, is
mapped, full screen and the active window again within a few seconds.

With CLINIC_KIOSK_SCREENSHOTS=<folder> each test leaves a screenshot of the
whole screen there (ImageMagick's `import`), for a person to look at."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from tests.ui.conftest import write_pack

TOOLS = ("Xvfb", "openbox", "xdotool", "xwininfo")
MISSING = [tool for tool in TOOLS if shutil.which(tool) is None]
pytestmark = pytest.mark.skipif(
    bool(MISSING), reason=f"needs {', '.join(MISSING)} (Debian: xvfb openbox xdotool x11-utils)"
)

SIZE = (1280, 800)


class Desktop:
    """Xvfb, openbox on it, and one kiosk; every process ended by close()."""

    def __init__(self, pack: Path, folder: Path) -> None:
        self.folder = folder
        self.processes: list[subprocess.Popen] = []
        self.env = {k: v for k, v in os.environ.items() if k not in ("WAYLAND_DISPLAY", "DISPLAY")}
        runtime = Path(tempfile.mkdtemp(prefix="kiosk-"))  # short: socket paths
        self.runtime = runtime
        self.env.update(
            QT_QPA_PLATFORM="xcb",
            XDG_RUNTIME_DIR=str(runtime),
            CLINIC_KIOSK_LOG_DIR=str(folder / "log"),
            CLINIC_KIOSK_CONFIG_DIR=str(folder / "config"),
            HOME=str(folder),
        )
        self.window = ""  # the kiosk's X window id, once found()
        try:
            self.env["DISPLAY"] = self._start_xvfb()
            self._spawn(["openbox", "--sm-disable"])
            self._spawn([sys.executable, "-m", "app", "--kiosk", "--content", str(pack)])
        except BaseException:
            self.close()
            raise

    def found(self) -> bool:
        """The kiosk's window is on screen (searched again until it is: Qt
        makes its window anew when the kiosk locks it down)."""
        done = subprocess.run(
            ["xdotool", "search", "--onlyvisible", "--name", "Test deck"],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=30,
        )
        self.window = done.stdout.split()[0] if done.returncode == 0 and done.stdout else ""
        return bool(self.window)

    def _start_xvfb(self) -> str:
        read_end, write_end = os.pipe()
        width, height = SIZE
        command = f"Xvfb -displayfd {write_end} -screen 0 {width}x{height}x24 -nolisten tcp"
        self._spawn(command.split(), pass_fds=(write_end,))
        os.close(write_end)
        with os.fdopen(read_end) as display:
            return ":" + display.readline().strip()

    def _spawn(self, command: list[str], **options) -> None:
        log = open(self.folder / f"{Path(command[0]).name}.log", "wb")  # noqa: SIM115
        self.processes.append(
            subprocess.Popen(command, env=self.env, stdout=log, stderr=log, **options)
        )
        log.close()

    def x(self, command: list[str], check: bool = True) -> str:
        done = subprocess.run(
            command, env=self.env, capture_output=True, text=True, timeout=30, check=check
        )
        return done.stdout.strip()

    def in_front(self) -> bool:
        info = self.x(["xwininfo", "-id", self.window], check=False)
        active = self.x(["xdotool", "getactivewindow"], check=False)
        full = f"Width: {SIZE[0]}" in info and f"Height: {SIZE[1]}" in info
        return "Map State: IsViewable" in info and full and int(active or 0) == int(self.window)

    def screenshot(self, name: str) -> None:
        folder = os.environ.get("CLINIC_KIOSK_SCREENSHOTS")
        if folder and shutil.which("import"):
            Path(folder).mkdir(parents=True, exist_ok=True)
            self.x(["import", "-window", "root", str(Path(folder) / f"{name}.png")])

    def log_text(self) -> str:
        return (self.folder / "log" / "clinic-kiosk.log").read_text(encoding="utf-8")

    def close(self) -> None:
        for process in reversed(self.processes):
            process.kill()
            process.wait(timeout=30)
        shutil.rmtree(self.runtime)


@pytest.fixture
def desktop(qtbot, tmp_path):
    made = Desktop(write_pack(tmp_path / "pack"), tmp_path)
    try:
        qtbot.waitUntil(made.found, timeout=60_000)
        qtbot.waitUntil(made.in_front, timeout=60_000)
        # Only once it has settled (its first restore logged, if any) is it
        # put away: a window still being mapped ignores a minimise.
        qtbot.waitUntil(lambda: "listening for later starts" in made.log_text(), timeout=60_000)
        yield made
    finally:
        made.close()


@pytest.mark.parametrize("put_away", ["windowminimize", "windowunmap"])
def test_the_kiosk_comes_back_when_put_away_from_outside(desktop, qtbot, put_away):
    before = desktop.log_text().count("bringing it back")
    tried = [0.0]

    def seen_put_away() -> bool:
        # The kiosk may be back before a poll could see it gone: its log says
        # that it brought itself back. A busy window manager can drop the
        # request, so it is made again every 3 s until the kiosk saw it.
        if desktop.log_text().count("bringing it back") > before:
            return True
        if time.monotonic() - tried[0] > 3:
            tried[0] = time.monotonic()
            desktop.x(["xdotool", put_away, desktop.window], check=False)
        return False

    qtbot.waitUntil(seen_put_away, timeout=20_000)
    qtbot.waitUntil(desktop.in_front, timeout=15_000)
    desktop.screenshot(f"after-{put_away}")


@pytest.mark.skipif(shutil.which("xmessage") is None, reason="needs xmessage (x11-utils)")
def test_the_kiosk_takes_the_active_window_back(desktop, qtbot):
    # Another window takes the focus, as Alt+Tab would give it.
    command = ["xmessage", "-geometry", "300x100+10+10", "another window"]
    other = subprocess.Popen(
        command, env=desktop.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        # Searched again until found, not with --sync: xdotool gives up at once
        # when a window it is looking at goes away (Qt remakes the kiosk's).
        found = []

        def other_is_up() -> bool:
            found[:] = desktop.x(["xdotool", "search", "--name", "xmessage"], check=False).split()
            return bool(found)

        qtbot.waitUntil(other_is_up, timeout=15_000)
        desktop.x(["xdotool", "windowactivate", found[0]], check=False)
        qtbot.waitUntil(desktop.in_front, timeout=5000)
        desktop.screenshot("after-another-window")
    finally:
        other.kill()
        other.wait(timeout=30)
