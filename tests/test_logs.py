"""app/logs.py: a rotating log file, uncaught exceptions logged not fatal, recent errors."""

from __future__ import annotations

import errno
import io
import logging
import os
import sys
import threading
from contextlib import contextmanager
from pathlib import Path

import pytest

from app.system import logs


@pytest.fixture(autouse=True)
def clean_logging():
    """Leave the root logger and the recent errors as they were."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    recent = logs.recent_errors()
    yield
    for handler in root.handlers:
        if handler not in handlers:
            handler.close()
    root.handlers[:] = handlers
    root.setLevel(level)
    logs._recent.clear()
    logs._recent.extend(recent)


@contextmanager
def hooks_restored():
    # Restored inside the test: pytest and pytest-qt swap these hooks around each test call.
    saved = sys.excepthook, threading.excepthook
    try:
        yield
    finally:
        sys.excepthook, threading.excepthook = saved


def read_log(path: Path) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return path.read_text(encoding="utf-8")


def test_log_dir_can_be_overridden(monkeypatch, tmp_path):
    monkeypatch.setenv(logs.LOG_DIR_ENV, str(tmp_path / "here"))
    assert logs.log_dir() == tmp_path / "here"


def test_log_dir_default_is_the_users_log_folder(monkeypatch):
    monkeypatch.delenv(logs.LOG_DIR_ENV, raising=False)
    assert "clinic-kiosk" in logs.log_dir().parts


def test_setup_writes_a_log_file_with_time_level_and_logger(tmp_path):
    path = logs.setup_logging(tmp_path / "logs")
    logging.getLogger("app.test").info("hello log")
    assert path == tmp_path / "logs" / logs.LOG_FILE
    line = read_log(path).splitlines()[-1]
    assert line.endswith("INFO app.test: hello log")
    assert line[:4].isdigit()  # starts with the date


def test_setup_uses_the_env_folder_by_default(monkeypatch, tmp_path):
    monkeypatch.setenv(logs.LOG_DIR_ENV, str(tmp_path))
    assert logs.setup_logging() == tmp_path / logs.LOG_FILE


def test_setup_twice_adds_no_handlers_twice(tmp_path):
    before = len(logging.getLogger().handlers)
    logs.setup_logging(tmp_path)
    after_one = len(logging.getLogger().handlers)
    path = logs.setup_logging(tmp_path)
    assert len(logging.getLogger().handlers) == after_one > before
    logging.getLogger("app.test").warning("once")
    assert read_log(path).count("once") == 1


def test_the_log_rotates(tmp_path):
    path = logs.setup_logging(tmp_path, max_bytes=500, backups=2)
    for n in range(100):
        logging.getLogger("app.test").info("line %d of filler text", n)
    read_log(path)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == [logs.LOG_FILE, f"{logs.LOG_FILE}.1", f"{logs.LOG_FILE}.2"]
    assert path.stat().st_size <= 500


def test_an_unwritable_folder_falls_back_and_keeps_going(monkeypatch, tmp_path):
    monkeypatch.setattr(logs.tempfile, "gettempdir", lambda: str(tmp_path / "tmp"))
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    path = logs.setup_logging(blocker / "logs")
    logging.getLogger("app.test").info("still logging")
    assert path == tmp_path / "tmp" / "clinic-kiosk" / logs.LOG_FILE
    assert "still logging" in read_log(path)


def test_with_no_writable_folder_at_all_it_logs_to_stderr_only(monkeypatch, tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setattr(logs.tempfile, "gettempdir", lambda: str(blocker / "tmp"))
    path = logs.setup_logging(blocker / "logs")
    logging.getLogger("app.test").info("still logging")
    assert not path.exists()
    ours = [h for h in logging.getLogger().handlers if (h.get_name() or "").startswith(logs._OURS)]
    assert not any(isinstance(h, logging.FileHandler) for h in ours)
    err = capsys.readouterr().err
    assert "no log file, stderr only" in err
    assert "INFO app.test: still logging" in err


def test_the_hook_logs_the_traceback_and_returns(tmp_path):
    path = logs.setup_logging(tmp_path)
    with hooks_restored():
        logs.install_exception_hook()
        try:
            raise ValueError("boom in a slot")
        except ValueError:
            sys.excepthook(*sys.exc_info())  # what Python does for an uncaught one
    text = read_log(path)
    assert "ERROR app.system.logs: uncaught exception" in text
    assert "Traceback" in text and "ValueError: boom in a slot" in text


def test_an_exception_in_a_qt_slot_is_logged_and_the_app_runs_on(qtbot, tmp_path):
    from PySide6.QtCore import QTimer

    logs.setup_logging(tmp_path)
    ran: list[str] = []

    def broken_slot():
        raise RuntimeError("slot failed")

    with hooks_restored():
        logs.install_exception_hook()
        QTimer.singleShot(0, broken_slot)
        QTimer.singleShot(1, lambda: ran.append("after"))
        qtbot.waitUntil(lambda: ran == ["after"])
    assert any("RuntimeError: slot failed" in e for e in logs.recent_errors())


def test_keyboard_interrupt_goes_to_the_default_hook(monkeypatch, tmp_path):
    logs.setup_logging(tmp_path)
    seen = []
    monkeypatch.setattr(sys, "__excepthook__", lambda *args: seen.append(args[0]))
    with hooks_restored():
        logs.install_exception_hook()
        sys.excepthook(KeyboardInterrupt, KeyboardInterrupt(), None)
    assert seen == [KeyboardInterrupt]
    assert logs.recent_errors() == []


def test_a_thread_exception_is_logged(tmp_path):
    logs.setup_logging(tmp_path)

    def work():
        raise OSError("disk gone")

    with hooks_restored():
        logs.install_exception_hook()
        thread = threading.Thread(target=work, name="worker")
        thread.start()
        thread.join()
    assert len(logs.recent_errors()) == 1
    assert "in thread worker" in logs.recent_errors()[0]
    assert "OSError: disk gone" in logs.recent_errors()[0]


def test_recent_errors_keeps_the_last_twenty_errors_only(tmp_path):
    logs.setup_logging(tmp_path)
    logging.getLogger("app.test").warning("a warning is not an error")
    for n in range(25):
        logging.getLogger("app.test").error("problem %d", n)
    recent = logs.recent_errors()
    assert len(recent) == 20
    assert recent[0].endswith("app.test: problem 5")
    assert recent[-1].endswith("app.test: problem 24")


class FullDisk:
    """A stream on a full disk: every write fails with ENOSPC."""

    def seek(self, offset: int, whence: int = 0) -> int:
        return 0  # the handler asks the size before it writes

    def tell(self) -> int:
        return 0

    def write(self, text: str) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def flush(self) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def close(self) -> None:
        pass


def test_a_full_disk_is_said_once_on_stderr_and_the_kiosk_goes_on(tmp_path, capsys):
    path = logs.setup_logging(tmp_path / "logs")
    (file_handler,) = [
        h
        for h in logging.getLogger().handlers
        if isinstance(h, logging.FileHandler) and (h.get_name() or "").startswith(logs._OURS)
    ]
    file_handler.stream.close()
    file_handler.stream = FullDisk()
    try:
        for n in range(3):
            logging.getLogger("app.test").warning("line %d", n)
    finally:
        file_handler.stream = io.StringIO()  # the disk is freed before the handler closes
    err = capsys.readouterr().err
    assert err.count("clinic-kiosk: cannot write the log") == 1
    assert f"cannot write the log {path}: No space left on device; going on without it" in err
    assert "Traceback" not in err and "--- Logging error ---" not in err
    assert "WARNING app.test: line 2" in err  # stderr still gets every line


def test_the_crash_log_rotates_at_start_when_over_its_size(tmp_path):
    log_file = tmp_path / logs.LOG_FILE
    crashes = tmp_path / logs.CRASH_FILE
    crashes.write_text("old crash\n" * 100, encoding="utf-8")  # 1000 bytes
    handle = logs.open_crash_log(log_file, max_bytes=500)
    assert handle is not None
    with handle:
        handle.write("new crash\n")
    assert crashes.read_text(encoding="utf-8") == "new crash\n"
    assert (tmp_path / "crashes.log.1").read_text(encoding="utf-8") == "old crash\n" * 100
    # Under the size it is only appended to.
    handle = logs.open_crash_log(log_file, max_bytes=500)
    assert handle is not None
    with handle:
        handle.write("another\n")
    assert crashes.read_text(encoding="utf-8") == "new crash\nanother\n"


def test_an_unwritable_crash_log_is_said_and_crashes_go_to_stderr(tmp_path, monkeypatch, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    enabled = []
    monkeypatch.setattr(logs.faulthandler, "enable", lambda file: enabled.append(file))
    assert logs.enable_crash_log(blocker / logs.LOG_FILE) is None
    assert enabled == [sys.stderr]
    assert "native crashes go to stderr" in capsys.readouterr().err


def test_enable_crash_log_hands_faulthandler_the_file(tmp_path, monkeypatch):
    enabled = []
    monkeypatch.setattr(logs.faulthandler, "enable", lambda file: enabled.append(file))
    monkeypatch.setattr(logs, "_crash_log", None)
    try:
        assert logs.enable_crash_log(tmp_path / logs.LOG_FILE) == tmp_path / logs.CRASH_FILE
        assert [f.name for f in enabled] == [str(tmp_path / logs.CRASH_FILE)]
    finally:
        logs._crash_log.close()
