"""Take this home: from the last slide and from Contact, a QR code that a
real decoder (zxing-cpp) reads back as exactly the words shown beside it;
the last slide's Start again; the count of screens opened."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from app import resources
from app.content.loader import load_pack
from app.content.take_home import take_home_text
from app.system.usage_store import TAKE_HOME, UsageStore
from app.ui.kiosk.usage_counter import UsageCounter
from app.ui.main_window import MainWindow
from tests.ui.helpers import decode_qr, decode_qr_image


def tap(qtbot, button) -> None:
    assert button.isVisible(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def to_last_slide(win: MainWindow) -> None:
    win.controller.go(len(win.pack.slides) - 1)


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_code_reads_back_as_exactly_the_words(bundled_window, qtbot, language):
    win = bundled_window
    win.set_language(language)
    to_last_slide(win)
    tap(qtbot, win.slides.last_slide.take_home)
    assert win.showing("take_home")
    screen = win.take_home
    expected = take_home_text(win.pack.clinic, win.pack.strings)
    assert screen.text == expected
    # The code as drawn on screen, and the whole window as a camera sees it.
    assert decode_qr(screen.code) == [expected]
    assert decode_qr(win) == [expected]
    # The same words beside it: every line of the text is on a visible label.
    shown = "\n".join(label.text() for label in screen.blocks if label.isVisible())
    for line in expected.splitlines():
        assert line.removeprefix("- ") in shown
    # Scannable from a metre on a 1080p screen: at least 6 px a module. A
    # 24-inch screen is 531 mm wide; a phone's 1920-pixel video frame at about
    # 65 degrees sees 1274 mm at 1 m, so the screen is 800 of its pixels wide.
    assert screen.code.module_px >= 6
    far = win.grab().toImage().scaledToWidth(800, Qt.TransformationMode.SmoothTransformation)
    assert decode_qr_image(far) == [expected]
    pack = load_pack(Path(resources.content_dir()), language).pack
    assert pack.clinic.crisis_line in expected and pack.clinic.emergency in expected


def test_contact_opens_it_and_back_returns_to_contact(bundled_window, qtbot):
    win = bundled_window
    win.open_contact()
    tap(qtbot, win.contact.take_home_button)
    assert win.showing("take_home")
    tap(qtbot, win.take_home.header.back_button)
    assert win.showing("contact")
    tap(qtbot, win.contact.header.back_button)
    assert win.showing("slides")


def test_a_language_switch_stays_on_the_screen_in_the_new_words(bundled_window, qtbot):
    win = bundled_window
    to_last_slide(win)
    tap(qtbot, win.slides.last_slide.take_home)
    tap(qtbot, win.take_home.header.comfort.language_button)
    assert win.pack.language == "es"
    assert win.showing("take_home")
    screen = win.take_home
    assert "Preguntas para hacernos" in screen.text
    assert decode_qr(screen.code) == [screen.text]
    # Only the new words show, at once: the old labels are gone before any paint.
    shown = [label.text() for label in screen.words.findChildren(QLabel) if label.isVisible()]
    assert shown == [screen.caption.text(), *(label.text() for label in screen.blocks)]
    assert not any("Questions to ask us" in text for text in shown)
    assert screen.entry_focus().hasFocus()
    assert screen.entry_focus().accessibleName().startswith("Preguntas para hacernos\n- ")


def test_the_last_slide_offers_start_again_and_take_home_instead_of_a_dead_next(
    bundled_window, qtbot
):
    win = bundled_window
    slides = win.slides
    assert slides.next_button.isVisible() and not slides.last_slide.isVisible()
    to_last_slide(win)
    assert not slides.next_button.isVisible()
    assert slides.last_slide.start_again.accessibleName() == "Start again"
    assert slides.last_slide.take_home.accessibleName() == "Take this home"
    # Start again keeps this patient's choices: it is the same person.
    win.comfort.set_text_size(2)
    win.comfort.toggle_contrast()
    win.set_language("es")
    tap(qtbot, slides.last_slide.start_again)
    assert win.controller.index == 0
    assert slides.next_button.isVisible() and not slides.last_slide.isVisible()
    assert (win.pack.language, win.text_size, win.high_contrast) == ("es", 2, True)
    assert slides.title_label.hasFocus()


def test_opening_it_is_counted(bundled_window, qtbot, tmp_path):
    store = UsageStore(tmp_path / "usage.sqlite3")
    counter = UsageCounter(bundled_window, store, attracting=lambda: False)
    try:
        to_last_slide(bundled_window)
        tap(qtbot, bundled_window.slides.last_slide.take_home)
        bundled_window.open_contact()
        tap(qtbot, bundled_window.contact.take_home_button)
        counter.stop()
        rows = [row for row in store.rows() if row[3] == TAKE_HOME]
        assert sum(row[4] for row in rows) == 2
    finally:
        counter.close()


def test_words_too_long_for_a_code_show_without_one(bundled_window, qtbot, caplog):
    win = bundled_window
    win.pack.strings["take_home_questions"] = "\n".join(f"Question number {i}?" for i in range(60))
    to_last_slide(win)
    tap(qtbot, win.slides.last_slide.take_home)
    screen = win.take_home
    assert screen.code.modules == [] and not screen.code_column.isVisible()
    assert "Question number 59?" in screen.blocks[1].text()
    assert "too long" in caplog.text


def test_the_idle_reset_closes_it(qtbot, pack_dir, tmp_path, monkeypatch):
    from tests.ui.kiosk_helpers import end_session, fire, start_kiosk

    monkeypatch.setenv("CLINIC_KIOSK_CONFIG_DIR", str(tmp_path / "config"))
    session, clock = start_kiosk(qtbot, pack_dir)
    try:
        win = session.window
        session.idle.input()  # a patient wakes the kiosk
        win.open_contact()
        tap(qtbot, win.contact.take_home_button)
        assert win.showing("take_home")
        clock.advance(90)
        fire(session)  # Still reading?
        clock.advance(30)
        fire(session)  # the reset
        assert win.showing("slides") and win.controller.index == 0
    finally:
        end_session(session)
