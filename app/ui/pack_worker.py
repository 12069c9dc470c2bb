"""One pack load at a time in a worker thread, its result handed back to
the UI thread by a queued signal.

Reading a big pack takes seconds (Python-Markdown renders every slide), and
the screen must answer taps meanwhile. The worker runs plain functions of
app/content that touch no widget; `stop()` waits for a load under way and
drops its result, so no thread outlives the window that started it.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal

log = logging.getLogger(__name__)


class PackWorker(QObject):
    done = Signal(object)  # what the job returned, in this object's thread
    _finished = Signal(object, object)  # (thread, result) from the worker thread

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._name = name
        self._thread: threading.Thread | None = None
        self._finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)

    @property
    def busy(self) -> bool:
        return self._thread is not None

    def start(self, job: Callable[[], object]) -> bool:
        """Run `job` in a new thread; False (nothing started) while one runs."""
        if self._thread is not None:
            return False
        thread = threading.Thread(target=self._run, args=(job,), name=self._name, daemon=True)
        self._thread = thread
        thread.start()
        return True

    def stop(self) -> None:
        """Wait for a job under way to end; its result is dropped."""
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join()

    def _run(self, job: Callable[[], object]) -> None:
        try:
            result = job()
        except Exception:  # the loaders never raise; this is a bug of ours
            log.exception("%s failed", self._name)
            result = None
        with contextlib.suppress(RuntimeError):  # this object was deleted meanwhile
            self._finished.emit(threading.current_thread(), result)

    def _on_finished(self, thread: threading.Thread, result: object) -> None:
        if thread is not self._thread:
            return  # stopped meanwhile: dropped
        thread.join()  # it has handed over its result: it is ending
        self._thread = None
        if result is not None:
            self.done.emit(result)
