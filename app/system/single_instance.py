"""One kiosk per user: a second start asks the first to come to the front, then exits.

A QLocalServer (a Unix domain socket, or a named pipe on Windows), never a
network one. `listen()` at start-up: connect to a running kiosk and ask it to
come to the front, or else become the one that listens.
"""

from __future__ import annotations

import getpass
import logging
import os
import re

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QAbstractSocket, QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

RAISE = b"raise"
TIMEOUT_MS = 1000  # a first instance that does not answer in this long is hung or gone
MAX_LINE = 64  # a peer sending more than this without a newline is not one of us


def server_name(key: str = "clinic-kiosk") -> str:
    """The local socket's name for `key` and the current user, so two users
    on one PC each get their own kiosk. A bare name: Qt puts it in its temp
    folder on Unix (an absolute path here would put it there instead)."""
    user = str(os.getuid()) if hasattr(os, "getuid") else getpass.getuser()
    return re.sub(r"[^A-Za-z0-9_.-]", "_", f"{key}-{user}")


class SingleInstance(QObject):
    activationRequested = Signal()  # a later start asked this kiosk to come to the front

    def __init__(self, key: str = "clinic-kiosk", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(key)
        self._server: QLocalServer | None = None

    def listen(self) -> bool:
        """True: this is the first kiosk, now listening for later starts.
        False: another kiosk runs; it was asked to come to the front, and
        this one should end."""
        if self._server is not None:
            return True
        if self._ask_running_to_raise():
            return False
        # Default socket options: with UserAccessOption Qt moves its new socket
        # over any old one, taking the name from a kiosk that is running.
        server = QLocalServer(self)
        server.newConnection.connect(self._accept)
        listening = server.listen(self.name)
        if not listening and server.serverError() == QAbstractSocket.SocketError.AddressInUseError:
            # Someone has the name. A kiosk started at the same moment (a
            # double click) answers now; a killed one's socket file does not.
            if self._ask_running_to_raise():
                server.deleteLater()
                return False
            log.info("removing the socket a crashed kiosk left behind: %s", self.name)
            QLocalServer.removeServer(self.name)
            listening = server.listen(self.name)
        if not listening:
            # Better two kiosks than none: run on without the guard.
            log.warning("single-instance guard unavailable: %s", server.errorString())
            server.deleteLater()
            return True
        log.info("listening for later starts at %s", server.fullServerName())
        self._server = server
        return True

    def release(self) -> None:
        """Stop listening (also removes the socket file)."""
        if self._server is not None:
            self._server.close()
            self._server.deleteLater()
            self._server = None

    def _ask_running_to_raise(self) -> bool:
        """True when a kiosk answers on the name (it was asked to come to the front)."""
        peer = QLocalSocket(self)
        try:
            peer.connectToServer(self.name)
            if not peer.waitForConnected(TIMEOUT_MS):
                return False  # no socket, or a dead one's: nobody listens
            peer.write(RAISE + b"\n")
            if not peer.waitForBytesWritten(TIMEOUT_MS) and peer.bytesToWrite():
                log.warning("another kiosk is running but did not take the request to raise")
            peer.disconnectFromServer()
            # Connected means a first instance is alive: never start a second one.
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
