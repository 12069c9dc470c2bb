"""One kiosk per user: a second start asks the first to come to the front, then exits.

A local socket (a Unix domain socket, or a named pipe on Windows), never a
network one. The name includes the user id so two users on one PC each get
their own kiosk.
"""

from __future__ import annotations

import getpass
import logging
import os
import re

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

RAISE = b"raise"
TIMEOUT_MS = 1000  # a first instance that does not answer in this long is hung or gone
MAX_LINE = 64  # a peer sending more than this without a newline is not one of us


def server_name(key: str) -> str:
    """The socket name for `key` and the current user."""
    user = str(os.getuid()) if hasattr(os, "getuid") else getpass.getuser()
    return re.sub(r"[^A-Za-z0-9_.-]", "_", f"{key}-{user}")


class SingleInstance(QObject):
    activationRequested = Signal()

    def __init__(self, key: str = "clinic-kiosk", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._name = server_name(key)
        self._server: QLocalServer | None = None

    @property
    def name(self) -> str:
        return self._name

    def claim(self) -> bool:
        """True: we are the first and now listen. False: the first was asked to raise."""
        if self._server is not None:
            return True
        if self._ask_first_to_raise():
            return False
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

    def _ask_first_to_raise(self) -> bool:
        socket = QLocalSocket(self)
        try:
            socket.connectToServer(self._name)
            if not socket.waitForConnected(TIMEOUT_MS):
                return False
            socket.write(RAISE + b"\n")
            socket.flush()
            sent = socket.waitForBytesWritten(TIMEOUT_MS) or socket.bytesToWrite() == 0
            if not sent:
                log.warning("another kiosk is running but did not take the request to raise")
            socket.disconnectFromServer()
            # Connected means a first instance is alive: never start a second one.
            return True
        finally:
            socket.abort()
            socket.deleteLater()

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
