"""What Qt tells a screen reader, in process (issue 18; tests/outside reads
the same over AT-SPI): roles, states, names, languages, where the focus
goes, and the keys that press and close."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QAccessible, QAccessibleActionInterface
from PySide6.QtWidgets import QApplication

from app.content.loader import load_pack
from app.content.strings import DEFAULT_STRINGS
from app.ui.kiosk.idle_prompt import IdlePrompt
from app.ui.kiosk.pin_pad import PinPad
from app.ui.kiosk.staff_menu import StaffMenu
from app.ui.presenter.presenter_mode import PresenterMode
from app.ui.theme import HIGH_CONTRAST
from tests.ui.helpers import wait_loaded
from tests.ui.kiosk_helpers import FakeClock

ROLE = QAccessible.Role


def interface(widget):
    return QAccessible.queryAccessibleInterface(widget)


def focused(qtbot, widget) -> None:
    qtbot.waitUntil(widget.hasFocus)


def test_a_slide_change_puts_the_focus_on_the_heading_with_its_place(window, qtbot):
    heading = window.slides.title_label
    window.slides.next_button.setFocus()
    focused(qtbot, window.slides.next_button)
    qtbot.keyClick(window.slides.next_button, Qt.Key.Key_Return)  # Enter presses Next
    focused(qtbot, heading)
    assert heading.text() == "Second slide"
    assert interface(heading).text(QAccessible.Text.Name) == "2 of 3: Second slide"


def test_back_returns_the_focus_to_the_control_that_left_the_slides(window, qtbot):
    window.slides.contact_button.setFocus()
    focused(qtbot, window.slides.contact_button)
    qtbot.keyClick(window.slides.contact_button, Qt.Key.Key_Space)
    assert window.current_screen is window.contact
    assert window.focusWidget() is window.contact.entry_focus()
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Escape)
    assert window.current_screen is window.slides
    focused(qtbot, window.slides.contact_button)


def test_a_chosen_topic_puts_the_focus_on_its_heading(window, qtbot):
    window.open_topics()
    tile = window.topics.tiles[2]
    assert window.focusWidget() is window.topics.tiles[0]  # the current topic
    assert window.topics.tiles[0].accessibleDescription() == DEFAULT_STRINGS["current_topic"]
    assert window.topics.tiles[0].here_label.isVisible() and not tile.here_label.isVisible()
    tile.setFocus()
    qtbot.keyClick(tile, Qt.Key.Key_Enter)  # keypad Enter presses too
    focused(qtbot, window.slides.title_label)
    assert window.slides.title_label.accessibleName() == "3 of 3: Third slide"


def test_contact_details_are_tab_stops_read_in_full(window, qtbot):
    window.open_contact()
    contact = window.contact
    names = []
    for _ in range(12):
        qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
        names.append(window.focusWidget().accessibleName())
    said = " | ".join(names)
    for words in ("Call us: +1 555 010 0100", "Text us: +1 555 010 0101", "1 Test Road"):
        assert words in said, said
    assert "Mon-Fri 9-5" in said
    assert interface(contact.phone_card.qr).role() == ROLE.Graphic


def test_citation_buttons_open_their_study_and_say_which(window, qtbot):
    (button,) = [b for b in window.slides.citations.buttons if b.isVisible()]
    assert button.accessibleName() == "Reference 1"
    assert "Journal of Tests" in button.accessibleDescription()
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Return)
    assert window.current_screen is window.references
    assert window.focusWidget().accessibleName().startswith("Reference 1: ")


def test_decorative_icons_are_hidden_and_learn_more_says_its_state(window):
    slides = window.slides
    assert interface(slides.icon_label).state().invisible
    more = interface(slides.more_button)
    assert more.state().checkable and not more.state().checked
    slides.more_button.click()
    assert more.state().checked and more.text(QAccessible.Text.Name) == "Show less"


def test_the_contrast_box_toggled_by_a_reader_changes_the_theme_everywhere(window):
    box = interface(window.slides.comfort.contrast_button)
    box.actionInterface().doAction(QAccessibleActionInterface.toggleAction())
    assert window.theme == HIGH_CONTRAST
    for bar in window.comfort_bars:
        assert bar.contrast_button.isChecked()
    window.topics.header.comfort.contrast_button.click()  # another copy turns it off
    assert not window.high_contrast
    assert not window.slides.comfort.contrast_button.isChecked()


def test_every_word_carries_the_packs_language(qtbot, bilingual, window):
    window.set_content(load_pack(bilingual))
    wait_loaded(qtbot, window)
    window.set_language("es")
    assert window.slides.title_label.locale().name().startswith("es")
    assert window.slides.body.locale().name().startswith("es")
    # The heading's interface comes from widgets/accessible.py: Qt gives it
    # the application's default locale.
    assert QLocale().name().startswith("es")
    window.set_language("en")
    assert window.slides.next_button.locale().name().startswith("en")
    assert QLocale().name().startswith("en")


@pytest.mark.parametrize(
    ("language", "one", "two"),
    [
        ("en", "in 1 second.", "in 2 seconds."),
        ("es", "en 1 segundo.", "en 2 segundos."),
    ],
)
def test_still_reading_is_an_alert_whose_countdown_reads_well(window, language, one, two):
    from app import resources

    strings = load_pack(resources.content_dir(), language).pack.strings
    prompt = IdlePrompt(window)
    prompt.set_strings(strings)
    assert interface(prompt).role() == ROLE.AlertMessage
    assert interface(prompt).text(QAccessible.Text.Name) == strings["still_reading"]
    prompt.show_seconds(1)
    assert prompt.countdown.text().endswith(one)
    assert prompt.accessibleDescription() == prompt.countdown.text()
    prompt.show_seconds(2)
    assert prompt.countdown.text().endswith(two)


def test_the_pin_pad_keeps_the_focus_says_a_wrong_pin_and_closes_on_escape(window, qtbot):
    pad = PinPad(window)
    pad.set_strings(window.strings)
    pad.apply_style(window.metrics)
    pad.open()
    assert interface(pad).role() == ROLE.Dialog
    pad.digit_buttons["1"].setFocus()
    for _ in range(30):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert pad.isAncestorOf(QApplication.focusWidget())
    pad.show_message(DEFAULT_STRINGS["pin_wrong"].format(tries=2))
    focused(qtbot, pad.message)  # a screen reader reads it
    qtbot.keyClick(pad.message, Qt.Key.Key_Escape)
    assert not pad.isVisible()


def test_the_staff_menu_closes_on_escape_and_enter_presses_its_buttons(window, qtbot):
    menu = StaffMenu(window)
    menu.set_strings(window.strings)
    menu.resumeRequested.connect(menu.hide)
    menu.open()
    focused(qtbot, menu.resume_button)
    qtbot.keyClick(menu.resume_button, Qt.Key.Key_Tab)
    qtbot.keyClick(menu.presenter_button, Qt.Key.Key_Tab)
    qtbot.keyClick(menu.reload_button, Qt.Key.Key_Tab)
    qtbot.keyClick(menu.diagnostics_button, Qt.Key.Key_Return)
    assert menu.diagnostics.isVisible()
    qtbot.keyClick(menu.diagnostics_button, Qt.Key.Key_Escape)
    assert not menu.isVisible()


def test_the_presenter_consoles_buttons_take_the_focus_and_its_list_says_where(window, qtbot):
    mode = PresenterMode(window, clock=FakeClock(), now=lambda: datetime(2026, 3, 4, 14, 5))
    mode.start()
    try:
        console = mode.console
        window.controller.go(1)
        assert console.slide_list.accessibleName() == "Slide 2 of 3"
        button = console.black_button
        assert button.focusPolicy() == Qt.FocusPolicy.TabFocus
        button.setFocus()
        qtbot.keyClick(button, Qt.Key.Key_Space)  # presses it, not the next slide
        assert mode.blackout.colour is not None
        assert window.controller.index == 1
    finally:
        mode.finish()


def test_a_study_button_gives_up_the_focus_before_it_names_another_study(window, qtbot):
    """Found with Orca: a focused "Study 1" renamed "Study 2" was read out
    before the new slide's heading."""
    (button,) = [b for b in window.slides.citations.buttons if b.isVisible()]
    button.setFocus()
    focused(qtbot, button)
    focus_when_renamed = []
    rename = button.setText
    button.setText = lambda text: (focus_when_renamed.append(button.hasFocus()), rename(text))
    qtbot.keyClick(button, Qt.Key.Key_Right)
    focused(qtbot, window.slides.title_label)
    assert button.accessibleName() == "Reference 2"
    assert focus_when_renamed == [False]


def test_tab_goes_heading_learn_more_studies_then_the_buttons_below(window, qtbot):
    slides = window.slides
    order = [slides.title_label, slides.more_button, slides.citations.buttons[0]]
    order.append(slides.next_button)  # Previous is off on the first slide
    slides.focus_heading()
    focused(qtbot, slides.title_label)
    for following in order[1:]:
        qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
        assert window.focusWidget() is following, window.focusWidget().accessibleName()
