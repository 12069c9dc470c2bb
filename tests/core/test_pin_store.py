import logging
import os
import stat
import sys

import pytest

from app.core import pin_store
from app.core.pin_store import load_pin_hash, pin_path, save_pin_hash

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


def test_unreadable_path_is_none(tmp_path, caplog):
    folder = tmp_path / "staff-pin"
    folder.mkdir()  # a folder where the file should be
    with caplog.at_level(logging.WARNING):
        assert load_pin_hash(folder) is None
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
