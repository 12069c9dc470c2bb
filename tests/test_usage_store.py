"""app/system/usage_store.py: hourly counts in SQLite that survive damage,
full disks and read-only folders, and cannot describe a visit."""

from __future__ import annotations

import logging
import os
import re
import sqlite3
from datetime import datetime

import pytest

from app.content.pack_toml import parse_deck
from app.system import usage_store
from app.system.usage_store import LISTEN, SLIDE_VIEWED, TEXT_SIZE, UsageStore


class Now:
    """A wall clock the test sets."""

    def __init__(self) -> None:
        self.at = datetime(2025, 3, 4, 9, 15, 42, 123456)

    def __call__(self) -> datetime:
        return self.at


@pytest.fixture
def now():
    return Now()


@pytest.fixture
def store(tmp_path, now):
    store = UsageStore(tmp_path / "data" / "usage.sqlite3", now=now)
    yield store
    store.close()


def test_counts_add_up_per_hour_language_slide_and_event(store, now):
    store.count(SLIDE_VIEWED, "en", "what-is-ketamine")
    store.count(SLIDE_VIEWED, "en", "what-is-ketamine")
    store.flush()
    store.count(SLIDE_VIEWED, "en", "what-is-ketamine")  # added to the stored row
    store.count(SLIDE_VIEWED, "es", "what-is-ketamine")
    now.at = now.at.replace(hour=10, minute=1)
    store.count(TEXT_SIZE, "en")
    assert store.rows() == [
        ("2025-03-04T09", "en", "what-is-ketamine", "slide_viewed", 3),
        ("2025-03-04T09", "es", "what-is-ketamine", "slide_viewed", 1),
        ("2025-03-04T10", "en", "", "text_size", 1),
    ]
    assert store.rows(since="2025-03-04T10") == [("2025-03-04T10", "en", "", "text_size", 1)]


def test_counts_survive_closing_and_reopening(tmp_path, now):
    path = tmp_path / "usage.sqlite3"
    first = UsageStore(path, now=now)
    first.count(LISTEN, "en", "a")
    first.close()  # at exit: the batch in memory is written
    again = UsageStore(path, now=now)
    assert again.rows() == [("2025-03-04T09", "en", "a", "listen", 1)]
    again.close()


def test_an_unknown_event_is_not_stored(store, caplog):
    store.count("patient_name", "en")
    assert store.rows() == []
    assert "not a usage event" in caplog.text


def test_no_row_is_finer_than_an_hour_and_no_column_can_identify_a_visit(store):
    for event in usage_store.EVENTS:
        store.count(event, "en", "slide")
    store.flush()
    db = sqlite3.connect(store.path)
    try:
        tables = [name for (name,) in db.execute("SELECT name FROM sqlite_master")]
        columns = [(row[1], row[2], row[5]) for row in db.execute("PRAGMA table_info(counts)")]
        hours = [hour for (hour,) in db.execute("SELECT hour FROM counts")]
        with pytest.raises(sqlite3.OperationalError, match="rowid"):
            db.execute("SELECT rowid FROM counts")  # WITHOUT ROWID: no insertion order
    finally:
        db.close()
    # Only the counts table (and the primary key's automatic index).
    assert [t for t in tables if not t.startswith("sqlite_autoindex")] == ["counts"]
    # (name, type, part of the key): nothing else, no id, no time but the hour.
    assert columns == [
        ("hour", "TEXT", 1),
        ("language", "TEXT", 2),
        ("slide", "TEXT", 3),
        ("event", "TEXT", 4),
        ("count", "INTEGER", 0),
    ]
    assert hours and all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d", hour) for hour in hours)


def test_reset_forgets_every_count(store):
    store.count(SLIDE_VIEWED, "en", "a")
    store.flush()
    store.count(SLIDE_VIEWED, "en", "b")  # still in memory: forgotten too
    assert store.reset()
    store.flush()
    assert store.rows() == []


def _fill(store: UsageStore, keys: int) -> None:
    for i in range(keys):
        store.count(SLIDE_VIEWED, "en", f"slide-{i:05}")
    store.close()


@pytest.mark.parametrize("damage", ["garbage", "truncated"])
def test_a_damaged_database_is_moved_aside_and_counting_goes_on(tmp_path, now, caplog, damage):
    path = tmp_path / "usage.sqlite3"
    _fill(UsageStore(path, now=now), 3000)  # many pages, so half of them can go
    data = path.read_bytes()
    damaged = b"\x13 not a database \x37" * 500 if damage == "garbage" else data[: len(data) // 2]
    path.write_bytes(damaged)
    store = UsageStore(path, now=now)
    with caplog.at_level(logging.WARNING):
        store.count(LISTEN, "en", "a")
        store.flush()
    assert store.rows() == [("2025-03-04T09", "en", "a", "listen", 1)]
    store.close()
    aside = [p.name for p in tmp_path.iterdir() if ".broken-" in p.name]
    assert aside == ["usage.sqlite3.broken-20250304-091542"]
    assert (tmp_path / aside[0]).read_bytes() == damaged  # kept for a look later
    assert sum("is damaged" in r.message for r in caplog.records) == 1


def test_a_full_disk_skips_counting_with_one_log_line(store, monkeypatch, caplog):
    def full(batch):
        raise sqlite3.OperationalError("database or disk is full")

    store.count(SLIDE_VIEWED, "en", "kept")
    store.flush()
    monkeypatch.setattr(store, "_write", full)
    with caplog.at_level(logging.INFO):
        for _ in range(3):
            store.count(SLIDE_VIEWED, "en", "lost")
            store.flush()  # never raises
        monkeypatch.undo()
        store.count(SLIDE_VIEWED, "en", "after")
        store.flush()
    messages = [r.message for r in caplog.records]
    assert sum("disk is full" in m for m in messages) == 1
    assert any("works again" in m for m in messages)
    assert store._pending == {}  # the lost batches were dropped, memory does not grow
    assert [row[2] for row in store.rows()] == ["after", "kept"]


def test_a_really_full_database_file_is_survived(store, caplog):
    store.count(SLIDE_VIEWED, "en", "kept")
    store.flush()
    # SQLite's own SQLITE_FULL: the file may not grow by another page.
    pages = store._db.execute("PRAGMA page_count").fetchone()[0]
    store._db.execute(f"PRAGMA max_page_count = {pages}")
    for i in range(2000):
        store.count(SLIDE_VIEWED, "en", f"slide-{i:05}")
    with caplog.at_level(logging.WARNING):
        store.flush()
    assert "is full" in caplog.text
    assert store.rows() == [("2025-03-04T09", "en", "kept", "slide_viewed", 1)]


def test_a_data_folder_that_cannot_be_made_skips_counting(tmp_path, now, caplog):
    (tmp_path / "data").write_text("a file where the folder should be")
    store = UsageStore(tmp_path / "data" / "usage.sqlite3", now=now)
    with caplog.at_level(logging.WARNING):
        store.count(SLIDE_VIEWED, "en", "a")
        store.flush()
        store.count(SLIDE_VIEWED, "en", "a")
        store.flush()
    assert store.rows() == []
    assert sum("not counted" in r.message for r in caplog.records) == 1
    store.close()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_data_folder_skips_counting(tmp_path, now, caplog):
    folder = tmp_path / "data"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        store = UsageStore(folder / "usage.sqlite3", now=now)
        with caplog.at_level(logging.WARNING):
            store.count(SLIDE_VIEWED, "en", "a")
            store.flush()
        assert "not counted" in caplog.text
        store.close()
    finally:
        folder.chmod(0o700)


def test_a_read_only_database_skips_counting(store, monkeypatch, caplog):
    """As SQLite reports a file or folder it may not write (also for root,
    who the test above cannot stop)."""
    store.count(SLIDE_VIEWED, "en", "a")
    store.flush()
    store.close()
    real_connect = sqlite3.connect

    def read_only(path, **kwargs):
        return real_connect(f"file:{path}?mode=ro", uri=True, **kwargs)

    monkeypatch.setattr(usage_store.sqlite3, "connect", read_only)
    with caplog.at_level(logging.WARNING):
        store.count(SLIDE_VIEWED, "en", "b")
        store.flush()
    assert "readonly" in caplog.text
    assert store.rows() == [("2025-03-04T09", "en", "a", "slide_viewed", 1)]


def test_the_data_folder_follows_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv(usage_store.DATA_DIR_ENV, str(tmp_path / "counts"))
    assert usage_store.usage_path() == tmp_path / "counts" / "usage.sqlite3"


def test_deck_toml_can_switch_counting_off():
    assert parse_deck('title = "x"\n', "deck.toml")[0].usage_counting is True
    deck, problems = parse_deck("[usage]\ncounting = false\n", "deck.toml")
    assert deck.usage_counting is False and problems == []
    deck, problems = parse_deck('[usage]\ncounting = "no"\n', "deck.toml")
    assert deck.usage_counting is True
    assert [str(p) for p in problems] == [
        "deck.toml:2: error: 'usage.counting' must be true or false (no quotes), not text"
    ]
