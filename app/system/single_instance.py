"""One kiosk per user: a second start asks the first to come to the front, then exits.

A local socket (a Unix domain socket, or a named pipe on Windows), never a
network one. The name includes the user id so two users on one PC each get
their own kiosk.

Start-up only asks "is a kiosk already running?" (`ask_first_to_raise`): on
Unix that is a plain connect to the socket file, if there is one, without
loading QtNetwork.
Listening (`listen`) waits until the first slide is on screen.
"""

from __future__ import annotations

import logging
import os
import re

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)

RAISE = b"raise"
TIMEOUT_MS = 1000  # a first instance that does not answer in this long is hung or gone
MAX_LINE = 64  # a peer sending more than this without a newline is not one of us


def server_name(key: str) -> str:
    """The socket name for `key` and the current user."""
    if hasattr(os, "getuid"):
        user = str(os.getuid())
    else:
        import getpass  # Windows: no uid

        user = getpass.getuser()
    return re.sub(r"[^A-Za-z0-9_.-]", "_", f"{key}-{user}")


def socket_path(name: str) -> str | None:
    """Where QLocalServer puts socket `name` on Unix (Qt's temp folder), or
    None where it uses something else (named pipes on Windows)."""
    if os.name != "posix":
        return None
    # QDir::tempPath() on Unix: $TMPDIR, else /tmp, cleaned.
    return os.path.join(os.path.normpath(os.environ.get("TMPDIR") or "/tmp"), name)


class SingleInstance(QObject):
    activationRequested = Signal()

    def __init__(self, key: str = "clinic-kiosk", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._name = server_name(key)
        self._server = None  # a QLocalServer once listening

    @property
    def name(self) -> str:
        return self._name

    def ask_first_to_raise(self) -> bool:
        """True when a kiosk already runs (and was asked to come to the front)."""
        if self._server is not None:
            return False
        path = socket_path(self._name)
        if path is None:
            return self._ask_with_qt()
        if not os.path.exists(path):
            return False  # the usual start: no kiosk, and no need to load socket
        import socket

        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as peer:
            peer.settimeout(TIMEOUT_MS / 1000)
            try:
                peer.connect(path)
            except OSError:
                return False  # no socket file, or a crashed run's: nobody listens
            try:
                peer.sendall(RAISE + b"\n")
            except OSError:
                log.warning("another kiosk is running but did not take the request to raise")
            # Connected means a first instance is alive: never start a second one.
            return True

    def listen(self) -> bool:
        """True: we are the first and now listen for later starts. False:
        another kiosk is listening (it may have begun since we asked, two
        starts at once); it was asked to raise, and this one should quit."""
        if self._server is not None:
            return True
        if self.ask_first_to_raise():
            return False
        from PySide6.QtNetwork import QLocalServer

        # Nobody answered, so a socket file left here is a crashed run's: clear it.
        QLocalServer.removeServer(self._name)
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        server.newConnection.connect(self._accept)
        if not server.listen(self._name):
            # Better two kiosks than none: run on without the guard.
            log.warning("single-instance guard unavailable: %s", server.errorString())
            server.deleteLater()
            return True
        self._server = server
        return True

    def release(self) -> None:
        """Stop listening (also removes the socket file)."""
        if self._server is not None:
            self._server.close()
            self._server.deleteLater()
            self._server = None

    def _ask_with_qt(self) -> bool:
        from PySide6.QtNetwork import QLocalSocket

        peer = QLocalSocket(self)
        try:
            peer.connectToServer(self._name)
            if not peer.waitForConnected(TIMEOUT_MS):
                return False
            peer.write(RAISE + b"\n")
            peer.flush()
            sent = peer.waitForBytesWritten(TIMEOUT_MS) or peer.bytesToWrite() == 0
            if not sent:
                log.warning("another kiosk is running but did not take the request to raise")
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

    def _read(self, peer) -> None:
        while peer.canReadLine():
            line = bytes(peer.readLine().data()).strip()
            if line == RAISE:
                self.activationRequested.emit()
        if peer.bytesAvailable() > MAX_LINE:
            peer.abort()
