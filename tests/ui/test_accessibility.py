"""Screen readers, keyboards and fingers: names, focus and target sizes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractButton

from app.content.loader import load_pack
from app.ui.main_window import MainWindow

BUTTON_ROLES = {QAccessible.Role.PushButton, QAccessible.Role.Button, QAccessible.Role.CheckBox}


def accessible_nodes(interface, found=None):
    """Every visible node of Qt's accessibility tree under `interface`."""
    found = [] if found is None else found
    if interface is None or not interface.isValid():
        return found
    if interface.state().invisible:
        return found
    found.append(interface)
    for i in range(interface.childCount()):
        accessible_nodes(interface.child(i), found)
    return found


def screens(win):
    yield "slides", win.back_to_slides
    yield "topics", win.open_topics
    yield "references", lambda: win.open_references(None)
    yield "contact", win.open_contact


@pytest.fixture
def shown(qtbot, pack_dir):
    def make(width, height):
        win = MainWindow(speech_engine="mock")
        qtbot.addWidget(win)
        win.set_content(load_pack(pack_dir))
        win.resize(width, height)
        win.show()
        qtbot.waitExposed(win)
        return win

    return make


def test_every_control_has_an_accessible_name_and_role(shown):
    win = shown(1920, 1080)
    for name, open_screen in screens(win):
        open_screen()
        nodes = accessible_nodes(QAccessible.queryAccessibleInterface(win))
        buttons = [n for n in nodes if n.role() in BUTTON_ROLES]
        assert len(buttons) >= 3, name
        unnamed = [n.object() for n in buttons if not n.text(QAccessible.Text.Name).strip()]
        assert unnamed == [], f"{name}: buttons without a name: {unnamed}"
        # Words, not padding: the spaces that keep icons off words are not read.
        for node in buttons:
            label = node.text(QAccessible.Text.Name)
            assert label == label.strip(), label


def test_slide_text_and_qr_codes_are_named_for_screen_readers(shown):
    win = shown(1920, 1080)
    body = QAccessible.queryAccessibleInterface(win.slides.body)
    assert body.text(QAccessible.Text.Name) == "First slide"
    win.open_contact()
    qr = QAccessible.queryAccessibleInterface(win.contact.phone_card.qr)
    assert qr.text(QAccessible.Text.Name) == "QR code: tel:+15550100100"


def visible_buttons(win):
    return [b for b in win.findChildren(QAbstractButton) if b.isVisible()]


@pytest.mark.parametrize(("width", "height"), [(1920, 1080), (1366, 768), (1080, 1920)])
def test_every_touch_target_is_at_least_48_px(shown, width, height):
    win = shown(width, height)
    for name, open_screen in screens(win):
        open_screen()
        small = [
            (b.accessibleName(), b.width(), b.height())
            for b in visible_buttons(win)
            if b.width() < 48 or b.height() < 48
        ]
        assert small == [], f"{name} at {width}x{height}: {small}"


def test_primary_controls_are_at_least_72_px_at_1080p(shown):
    win = shown(1920, 1080)
    s = win.slides
    primary = [s.next_button, s.previous_button, s.contact_button, s.topics_button]
    primary += [s.references_button, s.more_button]
    for button in primary:
        assert button.height() >= 72 and button.width() >= 72, button.accessibleName()
    for screen in (win.topics, win.references, win.contact):
        back = screen.header.back_button
        win.stack.setCurrentWidget(screen)
        assert back.height() >= 72 and back.width() >= 72


def test_tab_reaches_every_button_on_the_slide_screen(shown, qtbot):
    win = shown(1920, 1080)
    win.slides.setFocus()
    reached = set()
    for _ in range(40):
        qtbot.keyClick(win.focusWidget(), Qt.Key.Key_Tab)
        reached.add(win.focusWidget())
    wanted = {b for b in visible_buttons(win) if win.slides.isAncestorOf(b) and b.isEnabled()}
    assert wanted - reached == set()


def test_keyboard_focus_is_visible(shown, qtbot):
    win = shown(1920, 1080)
    button = win.slides.topics_button
    before = button.grab().toImage()
    button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(button.hasFocus)
    after = button.grab().toImage()
    # The focus ring colour appears on the button's edge.
    edge = after.pixelColor(2, after.height() // 2).name()
    assert edge != before.pixelColor(2, before.height() // 2).name()
    assert edge == win.theme.focus.lower()
