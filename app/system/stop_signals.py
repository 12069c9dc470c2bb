"""SIGINT and SIGTERM, delivered to the Qt event loop as a signal.

Python runs its signal handlers only between bytecodes of the main thread,
and Qt's event loop runs no Python while it waits, so a handler alone would
wait for the next tap. Instead the C-level handler writes the signal's
number to a socket (signal.set_wakeup_fd), a QSocketNotifier on the other end
wakes the loop, and `received` is emitted on the UI thread. The Python
handlers themselves do nothing; they only stop Python's defaults (SIGINT's
KeyboardInterrupt, SIGTERM's instant death)."""

from __future__ import annotations

import signal
import socket

from PySide6.QtCore import QObject, QSocketNotifier, Signal

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


def _leave_it_to_the_loop(signum, frame) -> None:
    """The wakeup socket carries the signal to the event loop."""


class StopSignals(QObject):
    received = Signal(str)  # "SIGINT" or "SIGTERM"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._reader, self._writer = socket.socketpair()
        for end in (self._reader, self._writer):
            end.setblocking(False)
        self._old_wakeup = signal.set_wakeup_fd(self._writer.fileno(), warn_on_full_buffer=False)
        self._old_handlers = {s: signal.signal(s, _leave_it_to_the_loop) for s in STOP_SIGNALS}
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._read)

    def close(self) -> None:
        """Python's own handling back, as it was."""
        self._notifier.setEnabled(False)
        signal.set_wakeup_fd(self._old_wakeup)
        for number, handler in self._old_handlers.items():
            signal.signal(number, handler)
        self._reader.close()
        self._writer.close()

    def _read(self) -> None:
        try:
            numbers = self._reader.recv(64)
        except BlockingIOError:
            return
        for number in numbers:
            if number in STOP_SIGNALS:
                self.received.emit(signal.Signals(number).name)
