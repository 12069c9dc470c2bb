"""Usage counts on disk: how often each thing happened, per hour, never who
or in what order. Qt-free; SQLite through the standard library.

One table, `counts`, keyed by (hour 'YYYY-MM-DDTHH' in local time, language,
slide id or '', event kind) holding a count. It is a WITHOUT ROWID table, so
rows sit in key order on disk and carry no row number that could tell in
which order they were first written.

`count()` only adds to a dictionary in memory, so a page turn never waits
for the disk; `flush()` (the kiosk calls it every minute and at exit) adds
the batch with one UPSERT per key. Nothing here raises: a corrupt database
is moved aside and a fresh one started, a full disk or a read-only folder
drops the batch, each with one log line."""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
from collections import Counter
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import platformdirs

log = logging.getLogger(__name__)

# Overrides the folder, as CLINIC_KIOSK_CONFIG_DIR and CLINIC_KIOSK_LOG_DIR
# do: tests never touch the machine's real counts.
DATA_DIR_ENV = "CLINIC_KIOSK_DATA_DIR"
FILE_NAME = "usage.sqlite3"
HOUR_FORMAT = "%Y-%m-%dT%H"

# Every kind of event counted. Slide: the slide on screen at the time ('' for
# none). Kept in the README for the clinic's privacy officer: change both.
SLIDE_VIEWED = "slide_viewed"  # a patient kept a slide on screen for DWELL seconds
ATTRACT_SHOWN = "attract_shown"  # the attract loop showed it (proof of play)
LEARN_MORE = "learn_more"  # "Learn more" unfolded
TOPICS = "topics_opened"
REFERENCES = "references_opened"  # The science, from its button or a citation mark
CONTACT = "contact_opened"
TAKE_HOME = "take_home_opened"  # from Contact or the last slide
TEXT_SIZE = "text_size"  # the text size button pressed
CONTRAST = "contrast"  # the contrast button pressed
LISTEN = "listen"  # the Listen button pressed
LANGUAGE = "language"  # the language button pressed (counted in the new language)
IDLE_RESET = "idle_reset"  # the kiosk cleared itself for the next patient
ANSWER_RIGHT = "answer_right"  # check-yourself slides, per question
ANSWER_WRONG = "answer_wrong"
EVENTS = (
    SLIDE_VIEWED, ATTRACT_SHOWN, LEARN_MORE, TOPICS, REFERENCES, CONTACT, TAKE_HOME,
    TEXT_SIZE, CONTRAST, LISTEN, LANGUAGE, IDLE_RESET, ANSWER_RIGHT, ANSWER_WRONG,
)  # fmt: skip

SCHEMA = """
CREATE TABLE IF NOT EXISTS counts (
    hour     TEXT NOT NULL CHECK (length(hour) = 13),
    language TEXT NOT NULL,
    slide    TEXT NOT NULL,
    event    TEXT NOT NULL,
    count    INTEGER NOT NULL CHECK (count > 0),
    PRIMARY KEY (hour, language, slide, event)
) WITHOUT ROWID
"""
UPSERT = """
INSERT INTO counts (hour, language, slide, event, count) VALUES (?, ?, ?, ?, ?)
ON CONFLICT (hour, language, slide, event) DO UPDATE SET count = count + excluded.count
"""
_BROKEN = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}


class _Damaged(sqlite3.DatabaseError):
    """The file opens but SQLite's own check finds it damaged."""


def _damaged(exc: sqlite3.Error) -> bool:
    """A file that is not a database, or a damaged one (not a full disk)."""
    return isinstance(exc, _Damaged) or getattr(exc, "sqlite_errorcode", None) in _BROKEN


Row = tuple[str, str, str, str, int]  # hour, language, slide, event, count


def data_dir() -> Path:
    """$CLINIC_KIOSK_DATA_DIR, else the platform's user data folder."""
    override = os.environ.get(DATA_DIR_ENV, "").strip()
    if override:
        return Path(override).expanduser()
    return platformdirs.user_data_path("clinic-kiosk", appauthor=False)


def usage_path() -> Path:
    return data_dir() / FILE_NAME


class UsageStore:
    def __init__(
        self, path: Path | None = None, now: Callable[[], datetime] = datetime.now
    ) -> None:
        self.path = path or usage_path()
        self.now = now
        self._pending: Counter[tuple[str, str, str, str]] = Counter()
        self._db: sqlite3.Connection | None = None
        self._trouble = ""  # the last failure logged, so each is logged once

    # --- counting --------------------------------------------------------
    def count(self, event: str, language: str, slide: str = "") -> None:
        """One more `event` this hour. In memory only: flush() writes it."""
        if event not in EVENTS:
            log.error("not a usage event: %r", event)  # a bug, not worth stopping for
            return
        self._pending[(self.now().strftime(HOUR_FORMAT), language, slide, event)] += 1

    def flush(self) -> None:
        """Add the counts kept in memory to the database. A batch that cannot
        be written is dropped (logged once), so memory never grows."""
        if not self._pending:
            return
        batch = [(*key, n) for key, n in self._pending.items()]
        self._pending.clear()
        try:
            self._write(batch)
        except sqlite3.Error as exc:
            if not _damaged(exc):
                self._skip(exc)
                return
            self._move_aside(exc)
            try:
                self._write(batch)
            except sqlite3.Error as again:
                self._skip(again)
                return
        except OSError as exc:  # the folder cannot be made
            self._skip(exc)
            return
        if self._trouble:
            log.info("usage counting works again (%s)", self.path)
            self._trouble = ""

    def close(self) -> None:
        self.flush()
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
            self._db = None

    # --- reading (staff page, `clinic-kiosk stats`) -----------------------
    def rows(self, since: str = "") -> list[Row]:
        """Every count from the hour `since` ('YYYY-MM-DD' or longer) on, in
        key order; [] when the database cannot be read (logged)."""
        self.flush()
        try:
            db = self._connect()
            cursor = db.execute(
                "SELECT hour, language, slide, event, count FROM counts"
                " WHERE hour >= ? ORDER BY hour, language, slide, event",
                (since,),
            )
            return cursor.fetchall()
        except (sqlite3.Error, OSError) as exc:
            log.warning("cannot read the usage counts in %s: %s", self.path, exc)
            return []

    def reset(self) -> bool:
        """Forget every count (staff, behind the PIN). True when done."""
        self._pending.clear()
        try:
            db = self._connect()
            with db:
                db.execute("DELETE FROM counts")
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the WAL file forgets too
        except (sqlite3.Error, OSError) as exc:
            log.warning("cannot reset the usage counts in %s: %s", self.path, exc)
            return False
        log.info("usage counts reset")
        return True

    # --- the file ----------------------------------------------------------
    def _connect(self) -> sqlite3.Connection:
        if self._db is not None:
            return self._db
        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self.path, isolation_level=None)
        try:
            # WAL: a power cut loses the last commit at most, never the file.
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("PRAGMA secure_delete=ON")  # a reset overwrites, not just unlinks
            verdict = db.execute("PRAGMA quick_check").fetchone()[0]
            if verdict != "ok":
                raise _Damaged(f"quick_check: {verdict}")
            db.execute(SCHEMA)
        except BaseException:
            db.close()
            raise
        self._db = db
        return db

    def _write(self, batch: list[Row]) -> None:
        db = self._connect()
        with db:  # one transaction for the batch
            db.execute("BEGIN")
            db.executemany(UPSERT, batch)

    def _move_aside(self, exc: sqlite3.Error) -> None:
        """Keep the damaged file for a look later, and start afresh."""
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
            self._db = None
        aside = self.path.with_name(f"{self.path.name}.broken-{self.now():%Y%m%d-%H%M%S}")
        log.warning("the usage database %s is damaged (%s); moved to %s", self.path, exc, aside)
        for suffix in ("", "-wal", "-shm"):
            with contextlib.suppress(OSError):
                os.replace(f"{self.path}{suffix}", f"{aside}{suffix}")

    def _skip(self, exc: Exception) -> None:
        reason = str(exc)
        if reason != self._trouble:
            log.warning("usage not counted for now: cannot write %s: %s", self.path, reason)
            self._trouble = reason
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
            self._db = None
