""" "Need help now?" on every patient screen, the help lines it opens, and a
sample pack's details marked as made up."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QPushButton

from app import resources
from app.content.loader import load_pack
from app.main import make_application
from app.ui.kiosk.diagnostics import describe
from app.ui.main_window import MainWindow
from app.ui.widgets.buttons import set_button_text
from tests.ui.helpers import decode_qr

HELP_LINES = (
    'crisis_line = "988"\ncrisis_text = "988"\nemergency = "911"\nhelpline = "+1 800 662 4357"\n'
)


def open_window(qtbot, pack: Path, language: str | None = None, size=(1920, 1080)) -> MainWindow:
    make_application()  # the bundled font: other fonts are wider
    win = MainWindow(speech_engine="mock", warm_up_ms=None)
    qtbot.addWidget(win)
    win.resize(*size)
    win.load(pack, language)
    win.slides.transition.enabled = False
    win.show()
    qtbot.waitExposed(win)
    return win


def with_clinic(pack_dir: Path, extra: str) -> Path:
    clinic = pack_dir / "clinic.toml"
    text = clinic.read_text(encoding="utf-8").replace('crisis_line = "988"\n', "")
    clinic.write_text(text + extra, encoding="utf-8")
    return pack_dir


def help_lines_in_view(win: MainWindow) -> bool:
    viewport = win.contact.scroll.viewport()
    top = win.contact.help_lines.mapTo(viewport, win.contact.help_lines.rect().topLeft()).y()
    return 0 <= top < viewport.height() // 2


def test_every_patient_screen_has_the_button_with_the_crisis_line(qtbot, pack_dir):
    win = open_window(qtbot, with_clinic(pack_dir, HELP_LINES))
    buttons = [win.slides.help_now]
    for open_screen in (win.open_topics, lambda: win.open_references(None), win.open_contact):
        open_screen()
        buttons.append(win.current_screen.header.help_now)
    for button in buttons:
        assert isinstance(button, QPushButton)
        assert button.objectName() == "help_now"
        assert button.focusPolicy() == Qt.FocusPolicy.StrongFocus
        assert button.text() == "\u2002Need help now?\n\u2002Call or text 988"
        assert button.accessibleName() == "Need help now? Call or text 988"


@pytest.mark.parametrize("screen", ["slides", "topics", "references", "contact"])
def test_the_button_opens_the_contact_screen_at_its_help_lines(qtbot, pack_dir, screen):
    win = open_window(qtbot, with_clinic(pack_dir, HELP_LINES))
    if screen == "slides":
        button = win.slides.help_now
    else:
        getattr(win, f"open_{screen}")()
        button = getattr(win, screen).header.help_now
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert win.current_screen is win.contact
    assert win.contact.scroll.verticalScrollBar().value() > 0  # below the clinic's own cards
    assert help_lines_in_view(win)
    win.back_to_slides()
    win.slides.contact_button.click()  # Contact us: from the top again
    assert win.contact.scroll.verticalScrollBar().value() == 0


def test_tab_reaches_the_button_on_the_slide_screen(qtbot, pack_dir):
    win = open_window(qtbot, pack_dir)
    win.slides.setFocus()
    for _ in range(20):
        qtbot.keyClick(win.focusWidget() or win, Qt.Key.Key_Tab)
        if win.focusWidget() is win.slides.help_now:
            break
    assert win.focusWidget() is win.slides.help_now
    qtbot.keyClick(win.slides.help_now, Qt.Key.Key_Space)
    assert win.current_screen is win.contact


def test_help_lines_show_each_number_and_a_qr_code_where_a_phone_can_use_it(qtbot, pack_dir):
    win = open_window(qtbot, with_clinic(pack_dir, HELP_LINES))
    win.open_help()
    cards = win.contact.help_lines.cards
    assert [card.heading.text() for card in cards] == [
        "Call the crisis line",
        "In an emergency, call",
        "Text the crisis line",
        "SAMHSA National Helpline",
    ]
    # Each number is a Tab stop read with its heading (issue 18).
    assert [card.value.accessibleName() for card in cards] == [
        "Call the crisis line: 988",
        "In an emergency, call: 911",
        "Text the crisis line: 988",
        "SAMHSA National Helpline: +1 800 662 4357",
    ]
    assert [decode_qr(card.qr) if card.qr else None for card in cards] == [
        ["tel:988"],
        None,  # 911 is dialled, not scanned
        ["sms:988"],
        ["tel:+18006624357"],
    ]


def test_another_country_sets_its_own_lines(qtbot, pack_dir):
    pack = with_clinic(pack_dir, 'crisis_line = "116 123"\nemergency = "999"\n')
    win = open_window(qtbot, pack)
    assert win.slides.help_now.accessibleName() == "Need help now? Call 116 123"
    win.open_help()
    cards = win.contact.help_lines.cards
    names = [card.value.accessibleName() for card in cards]
    assert names == ["Call the crisis line: 116 123", "In an emergency, call: 999"]  # no text line
    assert decode_qr(cards[0].qr) == ["tel:116123"]


def test_a_sample_pack_says_so_in_both_languages_and_keeps_its_qr_codes(qtbot):
    win = open_window(qtbot, resources.content_dir())
    win.open_contact()
    assert win.contact.sample.isVisible()
    assert win.contact.sample.text().startswith("Sample clinic details\n")
    assert decode_qr(win.contact.phone_card.qr) == ["tel:+15550100100"]  # what is configured
    win.set_language("es")
    assert win.current_screen is win.contact
    assert win.contact.sample.text().startswith("Datos de ejemplo de la clínica\n")
    assert win.contact.help_lines.heading.text() == "¿Necesita ayuda ahora?"
    assert "Sample clinic details" in describe(win, "/tmp/kiosk.log", [])


def test_real_details_are_not_marked(qtbot, pack_dir):
    clinic = pack_dir / "clinic.toml"
    clinic.write_text(clinic.read_text(encoding="utf-8").replace("sample = true\n", ""))
    win = open_window(qtbot, pack_dir)
    win.open_contact()
    assert not win.contact.sample.isVisible()
    text = describe(win, "/tmp/kiosk.log", [])
    assert "Sample clinic details" not in text
    assert "Help lines: crisis line 988, crisis text none, emergency 911, helpline none" in text


def test_the_front_desk_shows_the_help_lines(qtbot, pack_dir):
    for slide in (pack_dir / "en").glob("*.md"):
        slide.unlink()
    with_clinic(pack_dir, HELP_LINES)
    win = MainWindow(speech_engine="mock", warm_up_ms=None)
    qtbot.addWidget(win)
    win.set_content(load_pack(pack_dir))
    assert win.current_screen is win.front_desk
    assert win.front_desk.help_heading.text() == "Need help now?"
    assert win.front_desk.help_lines.text().split("\n") == [
        "Call or text 988",
        "In an emergency, call 911",
        "SAMHSA National Helpline: +1 800 662 4357",
    ]


def _buttons(screen) -> list[QPushButton]:
    return [b for b in screen.findChildren(QPushButton) if b.isVisible()]


def _rect(button: QPushButton, win: MainWindow) -> QRect:
    return QRect(button.mapTo(win, button.rect().topLeft()), button.size())


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("size", [(1920, 1080), (1366, 768), (1080, 1920)])
@pytest.mark.parametrize("text_size", [0, 2])
def test_the_button_fits_and_covers_no_other_control(qtbot, language, size, text_size):
    win = open_window(qtbot, resources.content_dir(), language, size)
    win.comfort.set_text_size(text_size)
    listen = win.slides.comfort.read_aloud_button  # as on a PC with a voice
    set_button_text(listen, win.pack.strings["read_aloud"])
    listen.show()
    window = QRect(0, 0, *size)
    for open_screen in (win.back_to_slides, win.open_topics, win.open_contact, win.open_help):
        open_screen()
        qtbot.waitUntil(lambda: win.current_screen.isVisible())
        win.current_screen.layout().activate()
        assert win.current_screen.minimumSizeHint().width() <= size[0]
        header = getattr(win.current_screen, "header", win.current_screen)
        controls = [_rect(b, win) for b in _buttons(header)]
        assert len(controls) >= 5, controls
        for i, one in enumerate(controls):
            assert window.contains(one), (open_screen, one)
            assert not any(one.intersects(other) for other in controls[i + 1 :])
