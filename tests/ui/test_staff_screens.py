"""The staff screens look finished at every kiosk size and patient text
size: a PIN pad that keeps its shape, a staff menu whose diagnostics stay on
their card, Exit in a quiet place, a Usage page whose lines sit under its
charts."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt

from app.core.pin_store import save_pin_hash
from app.core.staff_pin import hash_pin
from tests.ui.kiosk_helpers import end_session, start_kiosk

SIZES = [(1920, 1080), (1366, 768), (1080, 1920)]
TEXT_SIZES = [0, 2]  # normal, largest
LONG_PATH = "/srv/clinic/content/media/" + "a-file-name-with-no-spaces-" * 6 + "end.svg"


@pytest.fixture
def kiosk(qtbot, pack_dir, tmp_path, monkeypatch):
    monkeypatch.setenv("CLINIC_KIOSK_CONFIG_DIR", str(tmp_path / "config"))
    save_pin_hash(hash_pin("2468"))
    session, _ = start_kiosk(qtbot, pack_dir)
    yield session
    end_session(session)


def at(qtbot, kiosk, size, text_size) -> None:
    window = kiosk.window
    window.hide()  # a shown window keeps its screen's size; a new one takes any
    window.resize(*size)
    window.show()
    qtbot.waitUntil(lambda: window.size().toTuple() == size)
    window.comfort.set_text_size(text_size)


def enter(qtbot, kiosk, pin: str) -> None:
    pad = kiosk.door.pin_pad
    for digit in pin:
        qtbot.mouseClick(pad.digit_buttons[digit], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(pad.ok_button, Qt.MouseButton.LeftButton)


def inside(widget, outer) -> QRect:
    """`widget`'s rectangle in `outer`'s coordinates."""
    return QRect(widget.mapTo(outer, widget.rect().topLeft()), widget.size())


def shape(pad) -> list[QRect]:
    keys = [*pad.digit_buttons.values(), pad.delete_button, pad.ok_button, pad.cancel_button]
    return [pad.card.geometry()] + [inside(w, pad) for w in (pad.title, pad.dots, *keys)]


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("text_size", TEXT_SIZES)
def test_the_pin_pad_keeps_its_shape_after_a_wrong_pin(kiosk, qtbot, size, text_size):
    at(qtbot, kiosk, size, text_size)
    kiosk.door.open()
    pad = kiosk.door.pin_pad
    qtbot.waitUntil(lambda: pad.card.isVisible() and pad.card.height() > 0)
    assert pad.message.text() == "Type the staff PIN, then OK."  # no empty band
    before = shape(pad)
    enter(qtbot, kiosk, "1111")
    assert pad.message.text() == "That PIN is not right. 4 tries left."
    qtbot.wait(0)  # a layout change would land in this turn of the event loop
    assert shape(pad) == before
    # The message fits the line kept for it, and the card fits the window.
    assert pad.message.heightForWidth(pad.message.width()) <= pad.message.height()
    assert pad.rect().contains(pad.card.geometry())


@pytest.mark.parametrize("size", SIZES)
def test_the_pin_keys_line_up_and_keep_the_staff_size(kiosk, qtbot, size):
    cards = []
    for text_size in TEXT_SIZES:
        at(qtbot, kiosk, size, text_size)
        kiosk.door.open()
        pad = kiosk.door.pin_pad
        qtbot.waitUntil(lambda pad=pad: pad.card.height() > 0)
        rows = [
            [pad.digit_buttons[d] for d in "123"],
            [pad.digit_buttons[d] for d in "456"],
            [pad.digit_buttons[d] for d in "789"],
            [pad.delete_button, pad.digit_buttons["0"], pad.ok_button],
        ]
        columns = [[inside(b, pad).x() for b in row] for row in rows]
        assert all(c == columns[0] for c in columns)  # the columns line up
        assert len({b.size().toTuple() for row in rows for b in row}) == 1  # one key size
        cancel = inside(pad.cancel_button, pad)
        assert cancel.left() == inside(rows[0][0], pad).left()
        assert cancel.right() == inside(rows[0][2], pad).right()
        # Every key's word fits on it.
        for button in (*pad.digit_buttons.values(), pad.delete_button, pad.ok_button):
            assert button.sizeHint().width() <= button.width()
        cards.append((pad.card.size(), pad.message.font().pixelSize()))
        kiosk.door.close()
    # The patient's text size does not reach the staff screens.
    assert cards[0] == cards[1]


def open_menu(qtbot, kiosk, diagnostics: str):
    kiosk.door.diagnostics = lambda: diagnostics
    kiosk.door.open()
    enter(qtbot, kiosk, "2468")
    menu = kiosk.door.staff_menu
    assert menu.isVisible()
    return menu


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("text_size", TEXT_SIZES)
def test_diagnostics_stay_on_their_card(kiosk, qtbot, size, text_size):
    at(qtbot, kiosk, size, text_size)
    lines = [f"Log file: {LONG_PATH}", "Recent errors:"]
    lines += [f"  {LONG_PATH}:12: error: a citation is not in references.json"] * 40
    menu = open_menu(qtbot, kiosk, "\n".join(lines))
    qtbot.mouseClick(menu.diagnostics_button, Qt.MouseButton.LeftButton)
    box = menu.diagnostics
    qtbot.waitUntil(lambda: box.isVisible() and box.viewport().width() > 0)
    assert menu.rect().contains(menu.card.geometry())  # the card in the window
    assert menu.card.rect().contains(box.geometry())  # the box on the card
    assert box.height() >= box.fontMetrics().lineSpacing() * 3
    # Long paths wrap: nothing runs off to the right.
    assert box.horizontalScrollBar().maximum() == 0
    assert box.document().size().width() <= box.viewport().width()
    buttons = [menu.resume_button, *menu._action_buttons(), menu.exit_button]
    for button in buttons:
        assert button.sizeHint().width() <= button.width(), button.accessibleName()
        assert menu.card.rect().contains(button.geometry()) or menu.card.rect().contains(
            inside(button, menu.card)
        )


@pytest.mark.parametrize("size", SIZES)
def test_exit_the_kiosk_is_last_and_quiet(kiosk, qtbot, size):
    at(qtbot, kiosk, size, 0)
    menu = open_menu(qtbot, kiosk, "")
    exit_button = inside(menu.exit_button, menu.card)
    others = [menu.resume_button, *menu._action_buttons()]
    assert all(exit_button.top() > inside(b, menu.card).bottom() for b in others)
    assert menu.exit_button.property("role") == "quiet"
    assert all(menu.exit_button.height() < b.height() for b in others)
    assert not menu.exit_button.font().bold()
    assert menu.resume_button.property("role") == "primary"
