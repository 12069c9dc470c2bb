"""Topics, references and contact: open, use, come back."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from app.content.loader import load_pack
from app.ui.main_window import MainWindow
from tests.ui.helpers import anchor_point, decode_qr


def test_topic_grid_jumps_to_the_chosen_slide(window, qtbot):
    window.slides.topics_button.click()
    assert window.current_screen is window.topics
    titles = [tile.text_label.text() for tile in window.topics.tiles]
    assert titles == ["1. First slide", "2. Second slide", "3. Third slide"]
    qtbot.mouseClick(window.topics.tiles[2], Qt.MouseButton.LeftButton)
    assert window.current_screen is window.slides
    assert window.slides.title_label.text() == "Third slide"


def test_citation_opens_reference_and_back_restores_the_slide(window, qtbot):
    window.controller.go(1)
    body = window.slides.body
    bar = body.verticalScrollBar()
    point = anchor_point(body, "cite:beta2021")
    qtbot.mouseClick(body.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.waitUntil(lambda: window.current_screen is window.references)
    card = window.references.card_for("beta2021")
    assert card.property("highlight") is True
    assert "Beta B. Beta review. Review Letters. 2021 May;9:10-20." in card.citation.text()
    assert card.note.text() == "Beta looked at many studies."
    assert card.qr is not None and card.qr.data == "https://doi.org/10.1000/beta"
    scroll_before = bar.value()
    window.references.header.back_button.click()
    assert window.current_screen is window.slides
    assert window.slides.title_label.text() == "Second slide"
    assert bar.value() == scroll_before > 0


def test_reference_lists_the_slides_that_cite_it(window):
    window.slides.references_button.click()
    card = window.references.card_for("alpha2020")
    assert [b.text() for b in card.slide_buttons] == ["First slide", "Third slide"]
    card.slide_buttons[1].click()
    assert window.current_screen is window.slides
    assert window.slides.title_label.text() == "Third slide"


def test_escape_leaves_an_overlay(window, qtbot):
    window.slides.contact_button.click()
    assert window.current_screen is window.contact
    qtbot.keyClick(window.contact, Qt.Key.Key_Escape)
    assert window.current_screen is window.slides


def test_contact_screen_shows_numbers_and_their_qr_codes_scan(window, qtbot):
    window.slides.contact_button.click()
    contact = window.contact
    assert contact.header.title.text() == "Test Clinic"
    assert contact.phone_card.value.text() == "+1\u00a0555\u00a0010\u00a00100"
    assert contact.text_card.value.text() == "+1\u00a0555\u00a0010\u00a00101"
    assert "988" in contact.crisis.text()
    assert decode_qr(contact.phone_card.qr) == ["tel:+15550100100"]
    assert decode_qr(contact.text_card.qr) == ["sms:+15550100101"]
    assert decode_qr(contact.website_card.qr) == ["https://clinic.example"]


def test_reference_qr_code_scans_to_the_doi(window):
    window.slides.references_button.click()
    card = window.references.card_for("alpha2020")
    assert decode_qr(card.qr) == ["https://doi.org/10.1000/alpha"]


def test_pack_with_no_slides_shows_the_front_desk_screen(qtbot, pack_dir: Path):
    for slide in (pack_dir / "en").glob("*.md"):
        slide.unlink()
    win = MainWindow(speech_engine="mock")
    qtbot.addWidget(win)
    win.set_content(load_pack(pack_dir))
    win.resize(1920, 1080)
    win.show()
    assert win.current_screen is win.front_desk
    assert win.front_desk.title.text() == "Please ask at the front desk"
    assert "Test Clinic" in win.front_desk.details.text()
    assert "+1 555 010 0100" in win.front_desk.details.text()


def test_missing_pack_folder_still_shows_the_front_desk(qtbot, tmp_path: Path):
    win = MainWindow(speech_engine="mock")
    qtbot.addWidget(win)
    win.set_content(load_pack(tmp_path / "nowhere"))
    win.show()
    assert win.current_screen is win.front_desk
