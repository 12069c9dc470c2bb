"""Usage counting in the kiosk: a scripted visit through the real window and
kiosk session (fake clock), then the counts the store holds."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt

from app.system.usage_store import UsageStore
from tests.ui.kiosk_helpers import end_session, fire, start_kiosk


@pytest.fixture
def store(tmp_path):
    store = UsageStore(tmp_path / "usage.sqlite3", now=lambda: datetime(2025, 3, 4, 9, 30))
    yield store
    store.close()


@pytest.fixture
def kiosk(qtbot, pack_dir, store, tmp_path, monkeypatch):
    monkeypatch.setenv("CLINIC_KIOSK_CONFIG_DIR", str(tmp_path / "config"))
    session, clock = start_kiosk(qtbot, pack_dir, usage=store)
    session.clock_ = clock
    yield session
    end_session(session)


def tap(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def dwell(session) -> None:
    """The slide stayed on screen long enough to count as read."""
    assert session.usage.dwell_timer.isActive()
    session.usage.dwell_timer.timeout.emit()


def counts(store: UsageStore) -> dict[tuple[str, str], int]:
    """(slide, event) -> count, all in the one hour and language of the test."""
    rows = store.rows()
    assert {(hour, language) for hour, language, *_ in rows} <= {("2025-03-04T09", "en")}
    return {(slide, event): n for _, _, slide, event, n in rows}


def test_a_scripted_visit_gives_the_expected_counts(kiosk, store, qtbot):
    win, slides = kiosk.window, kiosk.window.slides
    dwell(kiosk)  # the attract loop shows the first slide: nobody is reading
    tap(qtbot, slides.next_button)  # the first touch ends the loop
    dwell(kiosk)  # ... and now the first slide is read
    tap(qtbot, slides.more_button)  # Learn more: counted
    tap(qtbot, slides.more_button)  # Show less: not counted
    tap(qtbot, slides.next_button)  # paged past the second slide before the dwell
    tap(qtbot, slides.next_button)
    dwell(kiosk)
    tap(qtbot, slides.comfort.text_size_button)
    tap(qtbot, slides.comfort.text_size_button)
    tap(qtbot, slides.comfort.contrast_button)
    slides.comfort.read_aloud_button.click()
    tap(qtbot, slides.references_button)
    assert win.showing("references")
    tap(qtbot, win.references.header.back_button)
    tap(qtbot, slides.contact_button)
    tap(qtbot, win.contact.header.back_button)
    tap(qtbot, slides.topics_button)
    kiosk.clock_.advance(90)  # walked away: "Still reading?", then the reset
    fire(kiosk)
    kiosk.clock_.advance(30)
    fire(kiosk)
    assert win.showing("slides") and kiosk.idle.welcome.isVisible()
    kiosk.suspend()  # as at exit: what was counted is written
    assert counts(store) == {
        ("first", "attract_shown"): 1,
        ("first", "slide_viewed"): 1,
        ("first", "learn_more"): 1,
        ("third", "slide_viewed"): 1,
        ("third", "text_size"): 2,
        ("third", "contrast"): 1,
        ("third", "listen"): 1,
        ("third", "references_opened"): 1,
        ("third", "contact_opened"): 1,
        ("third", "topics_opened"): 1,
        ("", "idle_reset"): 1,
    }
    # The reset put text size and contrast back: that is not a patient's press.


def test_an_overlay_open_when_the_dwell_ends_counts_no_view(kiosk, store, qtbot):
    tap(qtbot, kiosk.window.slides.next_button)
    tap(qtbot, kiosk.window.slides.topics_button)
    dwell(kiosk)
    kiosk.suspend()
    assert counts(store) == {("first", "topics_opened"): 1}


def test_deck_toml_can_switch_counting_off(qtbot, pack_dir, store, tmp_path, monkeypatch):
    monkeypatch.setenv("CLINIC_KIOSK_CONFIG_DIR", str(tmp_path / "config"))
    deck = pack_dir / "deck.toml"
    deck.write_text(deck.read_text(encoding="utf-8") + "[usage]\ncounting = false\n")
    session, _ = start_kiosk(qtbot, pack_dir, usage=store)
    try:
        tap(qtbot, session.window.slides.next_button)
        dwell(session)
        tap(qtbot, session.window.slides.contact_button)
    finally:
        end_session(session)
    assert store.rows() == []


def test_counts_are_written_on_the_minute_not_on_the_page_turn(kiosk, store, qtbot):
    tap(qtbot, kiosk.window.slides.next_button)
    tap(qtbot, kiosk.window.slides.contact_button)
    assert store._db is None  # nothing has touched the disk yet
    assert kiosk.usage.flush_timer.isActive()
    kiosk.usage.flush_timer.timeout.emit()
    assert counts(store) == {("first", "contact_opened"): 1}


def test_presenter_mode_is_not_counted(kiosk, store, qtbot):
    tap(qtbot, kiosk.window.slides.next_button)
    kiosk.suspend()  # what start_presenter does first
    assert not kiosk.usage.dwell_timer.isActive() and not kiosk.usage.flush_timer.isActive()
    tap(qtbot, kiosk.window.slides.contact_button)  # staff, not the waiting room
    kiosk.resume()
    kiosk.window.back_to_slides()
    assert kiosk.usage.flush_timer.isActive()
    kiosk.suspend()
    assert counts(store) == {}
