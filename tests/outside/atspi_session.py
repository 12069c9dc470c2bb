"""The real kiosk under Xvfb, read over AT-SPI as the Orca screen reader does.

AtspiSession starts, each in a private folder:
- Xvfb on a display it picks itself (-displayfd: no race for a free number);
- a private D-Bus session bus (its address only in our children's environment);
- at-spi-bus-launcher, which starts the accessibility bus; the registry
  daemon (at-spi2-registryd) is started by that bus when first asked for;
- atspi_reader.py under the system python3, where Debian's pyatspi is
  (PyPI has none, and the venv cannot import the system's gi);
- `python -m app --kiosk --content PACK` with Qt's accessibility bridge on.

Tests read the tree, the focused object and the AT-SPI events through the
reader, press keys with xdotool on that display, and wait with deadlines
on the events themselves (no fixed sleeps). close() ends every process,
found by a marker in its environment, even ones D-Bus started for us."""

from __future__ import annotations

import contextlib
import json
import os
import selectors
import shutil
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
READER = Path(__file__).with_name("atspi_reader.py")
SYSTEM_PYTHON = "/usr/bin/python3"
BUS_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"
APP_NAME = "clinic-kiosk"  # the application's name on the AT-SPI desktop
MARKER = "CLINIC_KIOSK_ATSPI_SESSION"  # in every child's environment, to find them all
START_SECONDS = 60  # a cold start on a busy 2-core machine

# Variables of the developer's own desktop that must not reach our children.
DESKTOP_VARIABLES = (
    "DISPLAY",
    "WAYLAND_DISPLAY",
    "DBUS_SESSION_BUS_ADDRESS",
    "AT_SPI_BUS_ADDRESS",
    "QT_QPA_PLATFORM",
    "XAUTHORITY",
    "SESSION_MANAGER",
)


def missing_tools() -> list[str]:
    """What this machine lacks to run the kiosk under a screen reader's eyes."""
    missing = [tool for tool in ("Xvfb", "xdotool", "dbus-daemon") if shutil.which(tool) is None]
    if not os.access(BUS_LAUNCHER, os.X_OK):
        missing.append(f"{BUS_LAUNCHER} (at-spi2-core)")
    if not os.access(SYSTEM_PYTHON, os.X_OK):
        missing.append(SYSTEM_PYTHON)
    else:
        probe = subprocess.run(
            [SYSTEM_PYTHON, "-I", "-c", "import pyatspi"], capture_output=True, timeout=60
        )
        if probe.returncode != 0:
            missing.append("pyatspi for /usr/bin/python3 (python3-pyatspi)")
    return missing


def walk(node: dict) -> Iterator[dict]:
    """A tree from AtspiSession.tree(), node by node, parents first."""
    yield node
    for child in node["children"]:
        yield from walk(child)


def find_all(tree: dict, role: str | None = None, name: str | None = None) -> list[dict]:
    """Nodes with this role and this exact name (None: any)."""
    return [
        node
        for node in walk(tree)
        if (role is None or node["role"] == role) and (name is None or node["name"] == name)
    ]


def on_screen(node: dict) -> dict:
    """A full tree (showing_only=False) cut down to what is showing."""
    children = [on_screen(c) for c in node["children"] if "showing" in c["states"]]
    return {**node, "children": children}


def outline(node: dict, depth: int = 0) -> str:
    """The tree as indented lines, `[role] 'name' (states)`, for a failure or a record."""
    line = "  " * depth + f"[{node['role']}] {node['name']!r}"
    states = [s for s in node["states"] if s not in ("enabled", "sensitive", "visible")]
    if states:
        line += f" ({', '.join(states)})"
    if node.get("description"):
        line += f" description={node['description'][:60]!r}"
    return "\n".join([line, *(outline(child, depth + 1) for child in node["children"])])


class AtspiSession:
    def __init__(self, pack: Path, folder: Path, kiosk: bool = True) -> None:
        self.pack = pack
        self.folder = folder
        self.kiosk = kiosk
        self.marker = uuid.uuid4().hex
        self.processes: dict[str, subprocess.Popen] = {}
        self.logs: dict[str, Path] = {}
        self.env: dict[str, str] = {}
        self.events: list[dict] = []  # every AT-SPI event seen so far, oldest first
        self._reader_buffer = b""
        self._selector = selectors.DefaultSelector()

    # --- start and stop ----------------------------------------------
    def __enter__(self) -> AtspiSession:
        try:
            self.start()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def start(self) -> None:
        """Start everything, in order, each waiting for the one before; on
        failure the caller calls close() (__enter__ does)."""
        assert not self.processes, "an AtspiSession starts once"
        for name in ("run", "tmp", "logs", "home", "config", "data", "cache", "state"):
            (self.folder / name).mkdir(parents=True, exist_ok=True)
        (self.folder / "run").chmod(0o700)  # XDG_RUNTIME_DIR must be private
        self.env = {k: v for k, v in os.environ.items() if k not in DESKTOP_VARIABLES}
        self.env.update(
            {
                MARKER: self.marker,
                "XDG_RUNTIME_DIR": str(self.folder / "run"),
                "TMPDIR": str(self.folder / "tmp"),
                "HOME": str(self.folder / "home"),
                "XDG_CONFIG_HOME": str(self.folder / "config"),
                "XDG_DATA_HOME": str(self.folder / "data"),
                "XDG_CACHE_HOME": str(self.folder / "cache"),
                "XDG_STATE_HOME": str(self.folder / "state"),
            }
        )
        self.env["DISPLAY"] = self._start_xvfb()
        self.env["DBUS_SESSION_BUS_ADDRESS"] = self._start_session_bus()
        self._spawn("bus-launcher", [BUS_LAUNCHER, "--launch-immediately"])
        # The reader waits for the accessibility bus, then says "ready".
        self._spawn(
            "reader",
            [SYSTEM_PYTHON, "-I", str(READER)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
        self._selector.register(self.processes["reader"].stdout, selectors.EVENT_READ)
        self._read_reply(START_SECONDS)
        self._start_kiosk()

    def _start_xvfb(self) -> str:
        # -displayfd: Xvfb takes a free display and writes its number once ready.
        number = self._spawn_and_read(
            "xvfb",
            lambda fd: (
                f"Xvfb -displayfd {fd} -screen 0 1920x1080x24 -nolisten tcp -noreset".split()
            ),
            "Xvfb's display number",
        )
        return f":{number}"

    def _start_session_bus(self) -> str:
        bus = self.folder / "run" / "bus"
        return self._spawn_and_read(
            "session-bus",
            lambda fd: [
                "dbus-daemon",
                "--session",
                "--nofork",
                "--nopidfile",
                f"--address=unix:path={bus}",
                f"--print-address={fd}",
            ],
            "the session bus address",
        )

    def _spawn_and_read(self, name: str, command: Callable[[str], list[str]], what: str) -> str:
        """Start `command(fd)`, which writes one line to fd once it is ready; that line."""
        read_end, write_end = os.pipe()
        try:
            self._spawn(name, command(str(write_end)), pass_fds=(write_end,))
            os.close(write_end)  # ours; the child holds its own copy
            write_end = -1
            return self._read_line(read_end, START_SECONDS, what)
        finally:
            os.close(read_end)
            if write_end >= 0:
                os.close(write_end)

    def _start_kiosk(self) -> None:
        env = {
            "QT_ACCESSIBILITY": "1",
            "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
            "QT_QPA_PLATFORM": "xcb",
            "CLINIC_KIOSK_LOG_DIR": str(self.folder / "logs"),
            "PYTHONPATH": str(ROOT),
        }
        mode = ["--kiosk"] if self.kiosk else []
        command = [sys.executable, "-m", "app", *mode, "--content", str(self.pack)]
        self._spawn("kiosk", command, extra_env=env)
        self.wait_until(
            self._kiosk_window, START_SECONDS, "the kiosk's window on the AT-SPI desktop"
        )

    def _kiosk_window(self) -> dict | None:
        if self.processes["kiosk"].poll() is not None:
            raise RuntimeError(f"the kiosk ended at start:\n{self.log_tail('kiosk')}")
        if APP_NAME not in self.request("apps"):
            return None
        frames = [n for n in find_all(self.tree(), "frame") if "showing" in n["states"]]
        return frames[0] if frames and frames[0]["children"] else None

    def _spawn(self, name: str, command: list[str], extra_env: dict | None = None, **kw) -> None:
        log = self.folder / "logs" / f"{name}.out"
        self.logs[name] = log
        with open(log, "wb") as out:
            kw.setdefault("stdout", out)
            self.processes[name] = subprocess.Popen(
                command,
                env={**self.env, **(extra_env or {})},
                cwd=self.folder,
                stderr=out,
                process_group=0,  # its own group: killpg reaches its children too
                **kw,
            )

    def _read_line(self, fd: int, seconds: float, what: str) -> str:
        deadline = time.monotonic() + seconds
        text = b""
        with selectors.DefaultSelector() as selector:
            selector.register(fd, selectors.EVENT_READ)
            while b"\n" not in text:
                if not selector.select(max(0.0, deadline - time.monotonic())):
                    raise TimeoutError(f"no {what} after {seconds} s")
                chunk = os.read(fd, 4096)
                if not chunk:
                    raise RuntimeError(f"no {what}: {self._dead_processes()}")
                text += chunk
        return text.decode().strip()

    def close(self) -> None:
        """End every process of the session, politely first, then for sure."""
        reader = self.processes.get("reader")
        if reader is not None and reader.stdin is not None:
            with contextlib.suppress(BrokenPipeError):  # it had ended already
                reader.stdin.close()  # the reader ends its loop on end of input
        for name in reversed(list(self.processes)):
            process = self.processes[name]
            if process.poll() is None:
                self._signal_group(process, signal.SIGTERM)
            try:
                process.wait(5)
            except subprocess.TimeoutExpired:
                self._signal_group(process, signal.SIGKILL)
                process.wait(5)
            if process.stdout is not None:
                process.stdout.close()
        for pid in self.leftover_pids():  # started by D-Bus or a daemon, in no group of ours
            self._kill_and_wait(pid)
        self._selector.close()

    @staticmethod
    def _kill_and_wait(pid: int) -> None:
        """SIGKILL, then wait until the process is gone (a speech-dispatcher
        the kiosk started is still listed for a moment after the signal)."""
        try:
            handle = os.pidfd_open(pid)
        except ProcessLookupError:
            return
        try:
            with contextlib.suppress(ProcessLookupError):
                signal.pidfd_send_signal(handle, signal.SIGKILL)
            with selectors.DefaultSelector() as selector:
                selector.register(handle, selectors.EVENT_READ)
                selector.select(5)  # readable once it has ended
        finally:
            os.close(handle)

    @staticmethod
    def _signal_group(process: subprocess.Popen, sig: int) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, sig)

    def leftover_pids(self) -> list[int]:
        """Live processes carrying this session's marker in their environment."""
        wanted = f"{MARKER}={self.marker}".encode()
        found = []
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit() or int(entry.name) == os.getpid():
                continue
            try:
                environ = (entry / "environ").read_bytes()
                zombie = "\nState:\tZ" in (entry / "status").read_text()
            except OSError:
                continue  # ended meanwhile, or not ours to read
            if wanted in environ.split(b"\0") and not zombie:
                found.append(int(entry.name))
        return found

    def _dead_processes(self) -> str:
        dead = [n for n, p in self.processes.items() if p.poll() is not None]
        return "; ".join(f"{n} ended:\n{self.log_tail(n)}" for n in dead) or "all still running"

    def log_tail(self, name: str, lines: int = 30) -> str:
        log = self.logs.get(name)
        if log is None or not log.exists():
            return ""
        return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])

    # --- talking to the reader -----------------------------------------
    def request(self, cmd: str, seconds: float = 30, **args: Any) -> Any:
        reader = self.processes["reader"]
        reader.stdin.write((json.dumps({"cmd": cmd, **args}) + "\n").encode())
        reader.stdin.flush()
        reply = self._read_reply(seconds)
        if not reply["ok"]:
            raise RuntimeError(f"reader: {cmd} failed: {reply['error']}")
        return reply["result"]

    def _read_reply(self, seconds: float) -> dict:
        deadline = time.monotonic() + seconds
        stdout = self.processes["reader"].stdout
        while b"\n" not in self._reader_buffer:
            if not self._selector.select(max(0.0, deadline - time.monotonic())):
                raise TimeoutError(f"the AT-SPI reader did not answer in {seconds} s")
            chunk = os.read(stdout.fileno(), 65536)
            if not chunk:
                raise RuntimeError(f"the AT-SPI reader ended:\n{self.log_tail('reader')}")
            self._reader_buffer += chunk
        line, self._reader_buffer = self._reader_buffer.split(b"\n", 1)
        return json.loads(line)

    # --- what tests use --------------------------------------------------
    def tree(self, showing_only: bool = True) -> dict:
        """The kiosk's accessible tree; by default only what is on screen."""
        return self.request("tree", app=APP_NAME, showing_only=showing_only)

    def find(self, role: str | None = None, name: str | None = None) -> list[dict]:
        """Objects on screen with this role and exact name."""
        return find_all(self.tree(), role, name)

    def focused(self) -> dict | None:
        """The object with the focused state, as a screen reader asks for it."""
        found = self.request("focused", app=APP_NAME)
        return found[-1] if found else None  # the deepest one, if Qt ever marks two

    def key(self, *keys: str) -> None:
        """Press and release keys (xdotool names: Right, Tab, space, shift+Tab)."""
        subprocess.run(
            ["xdotool", "key", *keys], env=self.env, check=True, timeout=30, capture_output=True
        )

    def action(self, node: dict, name: str) -> None:
        """An object's own action ("Press", "Toggle"), as a reader's activate command."""
        self.request("action", app=APP_NAME, path=node["path"], name=name)

    def activate_link(self, node: dict, index: int) -> None:
        self.request("activate_link", app=APP_NAME, path=node["path"], index=index)

    def mark(self) -> int:
        """A point in the event log: events_since(mark) are the ones after it."""
        self.pull_events()
        return self.events[-1]["serial"] if self.events else 0

    def events_since(self, mark: int) -> list[dict]:
        self.pull_events()
        return [event for event in self.events if event["serial"] > mark]

    def pull_events(self, wait_ms: int = 0) -> None:
        """Fetch new events; with `wait_ms`, wait up to that long for one to come."""
        since = self.events[-1]["serial"] if self.events else 0
        self.events += self.request("events", since=since, wait_ms=wait_ms)

    def wait_until(self, condition: Callable[[], Any], seconds: float, what: str) -> Any:
        """`condition()`'s first true value, checked again whenever AT-SPI
        reports something (or every quarter second); AssertionError after
        `seconds`."""
        deadline = time.monotonic() + seconds
        while True:
            value = condition()
            if value:
                return value
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(f"waited {seconds} s for {what}")
            self.pull_events(wait_ms=max(1, min(250, int(left * 1000))))
