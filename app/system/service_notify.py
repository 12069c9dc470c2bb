"""Tell systemd how the kiosk is doing, in the sd_notify protocol, spoken
directly: one datagram of "NAME=value" lines to the Unix socket in
$NOTIFY_SOCKET ("@" at its start: the abstract namespace). systemd sets it
for a unit with Type=notify; without it nothing is sent.

  READY=1     the first slide is on screen (app.main sends it then)
  STATUS=...  one line for `systemctl status`
  WATCHDOG=1  every half of $WATCHDOG_USEC (set by WatchdogSec=), from a timer
              on the UI thread: a frozen UI stops pinging, and systemd kills
              the kiosk and starts it again
  STOPPING=1  a clean exit has begun
"""

from __future__ import annotations

import logging
import os
import socket

from PySide6.QtCore import QObject, QTimer

log = logging.getLogger(__name__)


def notify(*lines: str) -> bool:
    """Send these lines to the service manager; False when there is none
    (or it cannot be reached: that is logged, and the kiosk goes on)."""
    address = os.environ.get("NOTIFY_SOCKET", "")
    if not address:
        return False
    if address.startswith("@"):
        address = "\0" + address[1:]
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC) as sock:
            sock.sendto("\n".join(lines).encode(), address)
    except OSError as exc:
        log.warning("cannot tell the service manager %s: %s", lines[0], exc)
        return False
    return True


def watchdog_interval_ms() -> int | None:
    """Half the watchdog time systemd asked for, or None without a watchdog
    (or one meant for another process: $WATCHDOG_PID)."""
    pid = os.environ.get("WATCHDOG_PID", "")
    if pid and pid != str(os.getpid()):
        return None
    try:
        usec = int(os.environ.get("WATCHDOG_USEC", ""))
    except ValueError:
        return None
    return max(1, usec // 2000) if usec > 0 else None


class ServiceNotifier(QObject):
    """READY, STATUS and STOPPING when asked; WATCHDOG pings from the start."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pings = QTimer(self)
        self._pings.setObjectName("watchdog")
        self._pings.timeout.connect(lambda: notify("WATCHDOG=1"))
        interval = watchdog_interval_ms()
        if interval is not None and os.environ.get("NOTIFY_SOCKET"):
            self._pings.start(interval)
            log.info("pinging the service manager's watchdog every %d ms", interval)

    def ready(self, status: str) -> None:
        notify("READY=1", f"STATUS={status}")

    def status(self, text: str) -> None:
        notify(f"STATUS={text}")

    def stopping(self, status: str) -> None:
        self._pings.stop()
        notify("STOPPING=1", f"STATUS={status}")
