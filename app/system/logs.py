"""Logging for an unattended kiosk: a rotating file, stderr, and no crash on a bug.

Qt-free. An uncaught exception (in a Qt slot, in a thread) is logged with its
traceback and the kiosk keeps running; the last few errors stay in memory for
a staff diagnostics screen. A log that cannot be written (a full disk) is
said once on stderr, and the kiosk goes on. Native crashes go to
crashes.log beside the log (faulthandler), rotated at start.
"""

from __future__ import annotations

import faulthandler
import logging
import os
import sys
import tempfile
import threading
import time
from collections import deque
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import TextIO

import platformdirs

APP_NAME = "clinic-kiosk"
LOG_DIR_ENV = "CLINIC_KIOSK_LOG_DIR"
LOG_FILE = "clinic-kiosk.log"
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
RECENT = 20
MAX_BYTES = 1 << 20
BACKUPS = 5
CRASH_FILE = "crashes.log"
CRASH_MAX_BYTES = 256 << 10  # rotated to crashes.log.1 at start when over this

log = logging.getLogger(__name__)

_recent: deque[str] = deque(maxlen=RECENT)
_crash_log: TextIO | None = None  # kept open for faulthandler while the kiosk runs
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


class _LogFile(RotatingFileHandler):
    """The rotating log file; a write that fails (disk full, folder gone) is
    said once on stderr instead of a traceback for every line."""

    reported = False

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 (logging API)
        if self.reported:
            return
        self.reported = True
        exc = sys.exc_info()[1]
        reason = os.strerror(exc.errno) if isinstance(exc, OSError) and exc.errno else exc
        _say(f"cannot write the log {self.baseFilename}: {reason}; going on without it")


def _say(message: str) -> None:
    # Straight to stderr: logging is what failed.
    try:
        sys.stderr.write(f"clinic-kiosk: {message}\n")
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):
        pass  # no stderr either (closed, or None under pythonw)


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


def _open_log(directory: Path, max_bytes: int, backups: int) -> tuple[Path, _LogFile | None, str]:
    # A read-only or full home must not stop the kiosk: try the temp folder, then stderr only.
    tried = []
    for folder in (Path(directory), Path(tempfile.gettempdir()) / APP_NAME):
        path = folder / LOG_FILE
        try:
            folder.mkdir(parents=True, exist_ok=True)
            handler = _LogFile(path, maxBytes=max_bytes, backupCount=backups, encoding="utf-8")
        except OSError as exc:
            tried.append(f"{path}: {exc.strerror or exc}")
            continue
        failure = f"cannot write the log at {tried[0]}; logging to {path}" if tried else ""
        return path, handler, failure
    return Path(directory) / LOG_FILE, None, "no log file, stderr only: " + "; ".join(tried)


def enable_crash_log(log_file: Path, max_bytes: int = CRASH_MAX_BYTES) -> Path | None:
    """Send native crash tracebacks (faulthandler) to crashes.log beside
    `log_file`, or to stderr when it cannot be opened; its path, or None."""
    global _crash_log
    handle = open_crash_log(log_file, max_bytes)
    faulthandler.enable(handle if handle is not None else sys.stderr)
    if _crash_log is not None:  # a second call: the handler has let go of it
        _crash_log.close()
    _crash_log = handle
    return Path(handle.name) if handle is not None else None


def open_crash_log(log_file: Path, max_bytes: int = CRASH_MAX_BYTES) -> TextIO | None:
    """crashes.log beside `log_file`, open for appending, after moving it to
    crashes.log.1 when it is over `max_bytes`; None (said on stderr) when
    the folder refuses."""
    path = Path(log_file).with_name(CRASH_FILE)
    try:
        if path.stat().st_size > max_bytes:
            os.replace(path, path.with_name(CRASH_FILE + ".1"))
    except FileNotFoundError:
        pass
    except OSError as exc:
        _say(f"cannot rotate {path}: {exc.strerror or exc}")
    try:
        return open(path, "a", encoding="utf-8")  # noqa: SIM115 (open for the process's life)
    except OSError as exc:
        _say(f"cannot open {path}: {exc.strerror or exc}; native crashes go to stderr")
        return None


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
