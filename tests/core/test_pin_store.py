import logging
import os
import stat
import sys

import pytest

from app.core import pin_store
from app.core.pin_store import (
    load_lockout,
    load_pin_hash,
    lockout_path,
    pin_path,
    save_lockout,
    save_pin_hash,
)
from app.core.staff_pin import Lockout

STORED = "scrypt$16384$8$1$" + "ab" * 16 + "$" + "cd" * 32


def test_env_var_overrides_the_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("CLINIC_KIOSK_CONFIG_DIR", str(tmp_path / "conf"))
    assert pin_path() == tmp_path / "conf" / "staff-pin"


def test_default_is_the_user_config_folder(tmp_path, monkeypatch):
    monkeypatch.delenv("CLINIC_KIOSK_CONFIG_DIR", raising=False)
    monkeypatch.setattr(
        pin_store.platformdirs, "user_config_path", lambda app: tmp_path / "cfg" / app
    )
    assert pin_path() == tmp_path / "cfg" / "clinic-kiosk" / "staff-pin"


def test_empty_env_var_is_ignored(tmp_path, monkeypatch):
    monkeypatch.setenv("CLINIC_KIOSK_CONFIG_DIR", "")
    monkeypatch.setattr(pin_store.platformdirs, "user_config_path", lambda app: tmp_path / app)
    assert pin_path() == tmp_path / "clinic-kiosk" / "staff-pin"


def test_round_trip_through_the_env_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("CLINIC_KIOSK_CONFIG_DIR", str(tmp_path / "a" / "b"))
    save_pin_hash(STORED)
    assert (tmp_path / "a" / "b" / "staff-pin").is_file()
    assert load_pin_hash() == STORED


def test_save_replaces_and_leaves_no_temp_files(tmp_path):
    path = tmp_path / "staff-pin"
    save_pin_hash(STORED, path)
    other = STORED.replace("ab", "ef")
    save_pin_hash(other, path)
    assert load_pin_hash(path) == other
    assert [p.name for p in tmp_path.iterdir()] == ["staff-pin"]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_file_is_private(tmp_path):
    path = tmp_path / "staff-pin"
    old = os.umask(0)  # the mode must not depend on a permissive umask
    try:
        save_pin_hash(STORED, path)
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_save_refuses_a_raw_pin(tmp_path):
    path = tmp_path / "staff-pin"
    with pytest.raises(ValueError):
        save_pin_hash("2468", path)
    assert not path.exists()


def test_failed_write_cleans_up(tmp_path, monkeypatch):
    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(pin_store.os, "replace", broken_replace)
    with pytest.raises(OSError):
        save_pin_hash(STORED, tmp_path / "staff-pin")
    assert list(tmp_path.iterdir()) == []


def test_missing_file_is_none(tmp_path, caplog):
    with caplog.at_level(logging.WARNING):
        assert load_pin_hash(tmp_path / "nope") is None
    assert "no staff PIN" in caplog.text


def test_malformed_file_is_none_and_not_logged(tmp_path, caplog):
    path = tmp_path / "staff-pin"
    path.write_text("2468\n", encoding="ascii")
    with caplog.at_level(logging.WARNING):
        assert load_pin_hash(path) is None
    assert "does not hold a PIN hash" in caplog.text
    assert "2468" not in caplog.text


def test_binary_file_is_none(tmp_path, caplog):
    path = tmp_path / "staff-pin"
    path.write_bytes(b"\xff\xfe1234")
    with caplog.at_level(logging.WARNING):
        assert load_pin_hash(path) is None
    assert "1234" not in caplog.text


def test_a_folder_where_the_file_should_be_is_refused(tmp_path, caplog):
    folder = tmp_path / "staff-pin"
    folder.mkdir()
    with caplog.at_level(logging.WARNING):
        assert load_pin_hash(folder) is None
    assert "not a regular file" in caplog.text


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX FIFOs")
def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path, caplog):
    """Opened the plain way, a FIFO blocks until something writes to it:
    the staff door would freeze the kiosk (pytest-timeout would fail this)."""
    fifo = tmp_path / "staff-pin"
    os.mkfifo(fifo)
    os.mkfifo(lockout_path(fifo))
    with caplog.at_level(logging.WARNING):
        assert load_pin_hash(fifo) is None
        assert load_lockout(lockout_path(fifo)) == Lockout()
    assert caplog.text.count("not a regular file") == 2


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root reads anything")
def test_unreadable_file_is_none(tmp_path, caplog):
    path = tmp_path / "staff-pin"
    save_pin_hash(STORED, path)
    path.chmod(0)
    with caplog.at_level(logging.WARNING):
        assert load_pin_hash(path) is None
    assert "cannot read" in caplog.text


def test_whitespace_around_the_hash_is_tolerated(tmp_path):
    path = tmp_path / "staff-pin"
    path.write_text(f"  {STORED}\r\n", encoding="ascii")
    assert load_pin_hash(path) == STORED


def test_success_logs_nothing_and_never_the_hash(tmp_path, caplog):
    path = tmp_path / "staff-pin"
    with caplog.at_level(logging.DEBUG):
        save_pin_hash(STORED, path)
        load_pin_hash(path)
    assert STORED not in caplog.text
    assert "cd" * 32 not in caplog.text


# The lockout beside the PIN


class WallClock:
    """time.time, moved by hand: what the lockout file is written in."""

    def __init__(self) -> None:
        self.now = 1_750_000_000.0

    def __call__(self) -> float:
        return self.now


def test_the_lockout_lives_beside_the_pin(tmp_path, monkeypatch):
    monkeypatch.setenv("CLINIC_KIOSK_CONFIG_DIR", str(tmp_path))
    assert lockout_path() == tmp_path / "staff-pin-lockout"


def test_a_lockout_outlasts_a_restart_by_the_wall_clock(tmp_path):
    path, wall = tmp_path / "staff-pin-lockout", WallClock()
    assert save_lockout(Lockout(misses=0, lockouts=3, seconds_left=240), path, now=wall)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    wall.now += 100  # the kiosk was down for 100 s
    assert load_lockout(path, now=wall) == Lockout(misses=0, lockouts=3, seconds_left=140)
    wall.now += 1000
    assert load_lockout(path, now=wall) == Lockout(misses=0, lockouts=3, seconds_left=0)
    assert [p.name for p in tmp_path.iterdir()] == ["staff-pin-lockout"]


def test_misses_are_kept_too(tmp_path):
    path, wall = tmp_path / "staff-pin-lockout", WallClock()
    save_lockout(Lockout(misses=3), path, now=wall)
    assert load_lockout(path, now=wall) == Lockout(misses=3)


def test_a_clock_set_back_cannot_lengthen_a_lockout_past_the_cap(tmp_path):
    path, wall = tmp_path / "staff-pin-lockout", WallClock()
    save_lockout(Lockout(lockouts=7, seconds_left=3600), path, now=wall)
    wall.now -= 30 * 24 * 3600  # a month back
    assert load_lockout(path, now=wall, max_seconds=3600).seconds_left == 3600


def test_no_record_is_a_fresh_gate_and_a_bad_one_is_logged(tmp_path, caplog):
    path = tmp_path / "staff-pin-lockout"
    assert load_lockout(path) == Lockout()
    for text in ("{", "[]", '{"misses": -1, "lockouts": 0, "locked_until": 0}',
                 '{"misses": 1, "lockouts": 0, "locked_until": "NaN"}', "\xff"):  # fmt: skip
        path.write_text(text, encoding="latin-1")
        caplog.clear()
        with caplog.at_level(logging.WARNING):
            assert load_lockout(path) == Lockout()
        assert "not a lockout record" in caplog.text, text


def test_a_disk_that_refuses_the_lockout_is_logged_and_the_kiosk_goes_on(tmp_path, caplog):
    folder = tmp_path / "staff-pin-lockout"
    folder.mkdir()  # os.replace cannot put a file over a folder
    with caplog.at_level(logging.WARNING):
        assert not save_lockout(Lockout(misses=1), folder)
    assert "cannot save the PIN lockout" in caplog.text
    assert list(folder.iterdir()) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["staff-pin-lockout"]


def test_a_new_pin_clears_the_lockout(tmp_path):
    pin = tmp_path / "staff-pin"
    save_lockout(Lockout(lockouts=4, seconds_left=900), lockout_path(pin))
    save_pin_hash(STORED, pin)
    assert not lockout_path(pin).exists()
