"""One kiosk per seat: a later start on the same display asks the running
kiosk to come to the front, then exits (exit_codes.ALREADY_RUNNING).

Where: the user's runtime folder ($XDG_RUNTIME_DIR, else Qt's temp folder),
under a name that holds the user and the display the kiosk shows on
(WAYLAND_DISPLAY, else DISPLAY, else XDG_SEAT), so kiosks on two displays
never meet.

Who is the kiosk: the one holding a lock file there (flock). The kernel drops
the lock when its process ends, however it ends, so a lock is never stale,
and of starts at the same moment exactly one gets it. The holder listens on
a QLocalServer beside it (a Unix domain socket, never a network one); a
later start that cannot take the lock connects there to ask for the front.
The lock file is never removed: removing it would let a third start lock a
new file while a second still waits on the old one.
"""

from __future__ import annotations

import fcntl
import logging
import os
import re
from pathlib import Path

from PySide6.QtCore import QDir, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

RAISE = b"raise"
TIMEOUT_MS = 1000  # a running kiosk that does not take the request in this long is hung
MAX_LINE = 64  # a peer sending more than this without a newline is not one of us


def seat() -> str:
    """The display this kiosk shows on, as it names itself."""
    for variable in ("WAYLAND_DISPLAY", "DISPLAY", "XDG_SEAT"):
        if os.environ.get(variable):
            return os.environ[variable]
    return ""


def server_name(key: str = "clinic-kiosk") -> str:
    """The local socket's full path for `key`, this user and this display."""
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    folder = Path(runtime) if runtime and Path(runtime).is_dir() else Path(QDir.tempPath())
    parts = [key, str(os.getuid()), seat()]
    return str(folder / re.sub(r"[^A-Za-z0-9_.-]", "_", "-".join(p for p in parts if p)))


class SingleInstance(QObject):
    activationRequested = Signal()  # a later start asked this kiosk to come to the front

    def __init__(self, key: str = "clinic-kiosk", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(key)
        self.lock_path = self.name + ".lock"
        self._claimed = False  # this is the kiosk on this seat
        self._lock: int | None = None  # the lock file's descriptor, held while it is
        self._server: QLocalServer | None = None

    def listen(self) -> bool:
        """True: this is the kiosk on this seat, now listening for later
        starts. False: another kiosk holds the seat; it was asked to come to
        the front (if it is far enough into its start to listen), and this
        one should end."""
        if self._claimed:
            return True
        if not self._take_lock():
            if self._ask_running_to_raise():
                log.info("a kiosk runs on this seat; asked it to come to the front")
            else:
                log.info("a kiosk is starting on this seat; it comes to the front itself")
            return False
        self._claimed = True
        # Holding the lock, nobody else listens here: a socket file left
        # behind by a killed kiosk is removed, never one in use.
        QLocalServer.removeServer(self.name)
        server = QLocalServer(self)
        server.newConnection.connect(self._accept)
        if not server.listen(self.name):
            log.warning("later starts cannot reach this kiosk: %s", server.errorString())
            server.deleteLater()
            return True
        log.info("listening for later starts at %s", server.fullServerName())
        self._server = server
        return True

    def release(self) -> None:
        """Stop listening (removes the socket file) and give up the seat."""
        if self._server is not None:
            self._server.close()
            self._server.deleteLater()
            self._server = None
        if self._lock is not None:
            os.close(self._lock)  # closing drops the lock
            self._lock = None
        self._claimed = False

    def _take_lock(self) -> bool:
        """True when this process now holds the seat's lock, or when the
        lock cannot be used at all (better two kiosks than none)."""
        try:
            descriptor = os.open(self.lock_path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
        except OSError as exc:
            log.warning("one-kiosk-per-seat lock unavailable (%s); starting anyway", exc)
            return True
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(descriptor)
            return False
        except OSError as exc:
            log.warning("one-kiosk-per-seat lock unavailable (%s); starting anyway", exc)
            os.close(descriptor)
            return True
        self._lock = descriptor
        return True

    def _ask_running_to_raise(self) -> bool:
        """True when a kiosk answers on the name (it was asked to come to the front)."""
        peer = QLocalSocket(self)
        try:
            peer.connectToServer(self.name)
            if not peer.waitForConnected(TIMEOUT_MS):
                return False
            peer.write(RAISE + b"\n")
            if not peer.waitForBytesWritten(TIMEOUT_MS) and peer.bytesToWrite():
                log.warning("the running kiosk did not take the request to come to the front")
            peer.disconnectFromServer()
            return True
        finally:
            peer.abort()
            peer.deleteLater()

    def _accept(self) -> None:
        while self._server is not None and self._server.hasPendingConnections():
            peer = self._server.nextPendingConnection()
            peer.readyRead.connect(lambda peer=peer: self._read(peer))
            peer.disconnected.connect(peer.deleteLater)
            if peer.bytesAvailable():
                self._read(peer)

    def _read(self, peer: QLocalSocket) -> None:
        while peer.canReadLine():
            line = bytes(peer.readLine().data()).strip()
            if line == RAISE:
                self.activationRequested.emit()
        if peer.bytesAvailable() > MAX_LINE:
            peer.abort()
