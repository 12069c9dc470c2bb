"""Logging for an unattended kiosk: a rotating file, stderr, and no crash on a bug.

Qt-free. An uncaught exception (in a Qt slot, in a thread) is logged with its
traceback and the kiosk keeps running; the last few errors stay in memory for
a staff diagnostics screen.
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
import threading
import time
from collections import deque
from logging.handlers import RotatingFileHandler
from pathlib import Path

import platformdirs

APP_NAME = "clinic-kiosk"
LOG_DIR_ENV = "CLINIC_KIOSK_LOG_DIR"
LOG_FILE = "clinic-kiosk.log"
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
RECENT = 20
MAX_BYTES = 1 << 20
BACKUPS = 5

log = logging.getLogger(__name__)

_recent: deque[str] = deque(maxlen=RECENT)
_OURS = "clinic-kiosk:"  # prefix of our handlers' names, so a second setup replaces them


class _RecentErrors(logging.Handler):
    """Keeps one line per error: time, logger, message, and the exception's last line."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            when = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(record.created))
            text = f"{when} {record.name}: {record.getMessage()}"
            exc = record.exc_info[1] if record.exc_info else None
            if exc is not None:
                text += f" ({type(exc).__name__}: {exc})"
            _recent.append(text)
        except Exception:
            self.handleError(record)


def log_dir() -> Path:
    """Where the log files go: $CLINIC_KIOSK_LOG_DIR, else the platform's user log folder."""
    override = os.environ.get(LOG_DIR_ENV)
    if override:
        return Path(override)
    return platformdirs.user_log_path(APP_NAME, appauthor=False)


def setup_logging(
    directory: Path | None = None,
    level: int = logging.INFO,
    max_bytes: int = MAX_BYTES,
    backups: int = BACKUPS,
) -> Path:
    """Log to a rotating file and stderr; calling it again replaces, never duplicates.

    The log file's path is returned, also when it could not be opened (then
    only stderr is written, and a warning says why)."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if (handler.get_name() or "").startswith(_OURS):
            root.removeHandler(handler)
            handler.close()
    recent = _RecentErrors(level=logging.ERROR)
    handlers: list[logging.Handler] = [logging.StreamHandler(sys.stderr), recent]
    path, file_handler, failure = _open_log(directory or log_dir(), max_bytes, backups)
    if file_handler is not None:
        handlers.append(file_handler)
    for handler in handlers:
        handler.set_name(_OURS + type(handler).__name__)
        handler.setFormatter(logging.Formatter(FORMAT))
        root.addHandler(handler)
    root.setLevel(level)
    if failure:
        log.warning("%s", failure)
    return path


def _open_log(
    directory: Path, max_bytes: int, backups: int
) -> tuple[Path, RotatingFileHandler | None, str]:
    # A read-only or full home must not stop the kiosk: try the temp folder, then stderr only.
    tried = []
    for folder in (Path(directory), Path(tempfile.gettempdir()) / APP_NAME):
        path = folder / LOG_FILE
        try:
            folder.mkdir(parents=True, exist_ok=True)
            handler = RotatingFileHandler(
                path, maxBytes=max_bytes, backupCount=backups, encoding="utf-8"
            )
        except OSError as exc:
            tried.append(f"{path}: {exc.strerror or exc}")
            continue
        failure = f"cannot write the log at {tried[0]}; logging to {path}" if tried else ""
        return path, handler, failure
    return Path(directory) / LOG_FILE, None, "no log file, stderr only: " + "; ".join(tried)


def install_exception_hook() -> None:
    """Log uncaught exceptions at ERROR instead of letting them end the kiosk."""
    sys.excepthook = _log_uncaught
    threading.excepthook = _log_uncaught_in_thread


def recent_errors() -> list[str]:
    """The last errors logged (oldest first), for staff diagnostics."""
    return list(_recent)


def _log_uncaught(exc_type, exc, tb) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)  # Ctrl+C at a terminal still stops it
        return
    log.error("uncaught exception", exc_info=(exc_type, exc, tb))


def _log_uncaught_in_thread(args: threading.ExceptHookArgs) -> None:
    if issubclass(args.exc_type, SystemExit):
        return  # a thread's normal way out, as the default hook treats it
    if issubclass(args.exc_type, KeyboardInterrupt):
        threading.__excepthook__(args)
        return
    name = args.thread.name if args.thread else "?"
    log.error(
        "uncaught exception in thread %s",
        name,
        exc_info=(args.exc_type, args.exc_value, args.exc_traceback),
    )
