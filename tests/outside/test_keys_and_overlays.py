"""Keys, overlays, states and images, read from outside as Orca reads them
(issue 18): Enter presses what has the focus, the PIN pad and the staff menu
keep the focus and close on Esc, a wrong PIN is read out, the Contrast box
and Learn more say their state, the current topic says so in words, QR
codes and figures are images and decorative icons are not there at all."""

from __future__ import annotations

from app.core.pin_store import save_pin_hash
from app.core.staff_pin import hash_pin
from tests.outside.atspi_session import walk
from tests.outside.kiosk_under_reader import (
    Kiosk,
    labels_saying,
    press,
    press_tab,
    showing_screen_title,
    tab_to,
    title_objects,
)

PIN = "2468"


def test_enter_and_keypad_enter_press_the_focused_button(kiosk, reader):
    s = kiosk.strings
    tab_to(reader, s["contact"])
    reader.key("Return")
    reader.wait_until(lambda: labels_saying(reader, kiosk.english.clinic.phone), 10, "Contact")
    tab_to(reader, s["back"])
    reader.key("KP_Enter")
    first = kiosk.english.slides[0].title
    reader.wait_until(lambda: title_objects(reader, first), 10, "the slides again")
    # Back puts the focus on the button that left the slides.
    assert reader.focused()["name"] == s["contact"]


def test_escape_from_topics_returns_the_focus_to_the_topics_button(kiosk, reader):
    s = kiosk.strings
    press(reader, s["topics"])
    reader.wait_until(lambda: showing_screen_title(reader, s["topics_title"]), 10, "Topics")
    focus = reader.focused()
    first = kiosk.english.slides[0].title
    # Topics opens on the current topic, marked in words, not only by colour.
    assert focus["name"] == f"1. {first}" and focus["description"] == s["current_topic"]
    reader.key("Escape")
    reader.wait_until(lambda: title_objects(reader, first), 10, "the slides again")
    assert reader.focused()["name"] == s["topics"]


def open_pin_pad(kiosk: Kiosk) -> dict:
    reader, title = kiosk.session, kiosk.strings["staff_pin_title"]
    reader.key("ctrl+alt+shift+s")
    return reader.wait_until(lambda: reader.find("dialog", title), 10, "the PIN pad")[0]


def test_the_pin_pad_keeps_the_focus_and_closes_on_escape(kiosk, reader):
    s = kiosk.strings
    open_pin_pad(kiosk)
    reached = {(press_tab(reader) or {}).get("name") for _ in range(20)}
    # No PIN is set yet: the pad says so, and that message is a Tab stop too.
    pad = {s["delete"], s["ok"], s["cancel"], *"0123456789", s["no_pin"]}
    assert reached <= pad, reached - pad  # never Español or Next behind it
    reader.key("Escape")
    reader.wait_until(lambda: not reader.find("dialog", s["staff_pin_title"]), 5, "the pad to go")
    focus = reader.focused()
    assert focus is not None and focus["name"].strip() and "showing" in focus["states"], focus


def test_a_wrong_pin_is_read_out_and_the_staff_menu_closes_on_escape(kiosk, reader):
    s = kiosk.strings
    save_pin_hash(hash_pin(PIN), reader.folder / "config" / "clinic-kiosk" / "staff-pin")
    open_pin_pad(kiosk)
    reader.key(*"1357", "Return")
    wrong = s["pin_wrong"].split("{")[0]
    focus = reader.wait_until(
        lambda: (f := reader.focused()) and f["name"].startswith(wrong) and f, 5, "the message"
    )
    assert "showing" in focus["states"]
    reader.key(*PIN, "Return")
    menu = s["staff_menu_title"]
    reader.wait_until(lambda: reader.find("dialog", menu), 10, "the staff menu")
    assert reader.focused()["name"] == s["resume"]
    reader.key("Escape")
    reader.wait_until(lambda: not reader.find("dialog", menu), 5, "the menu to close")


def test_the_contrast_box_toggled_by_its_action_changes_every_screen(kiosk, reader):
    s = kiosk.strings
    (box,) = reader.find("check box", s["contrast"])
    assert "checked" not in box["states"]
    reader.action(box, "Toggle")
    reader.wait_until(
        lambda: "checked" in reader.find("check box", s["contrast"])[0]["states"], 5, "checked"
    )
    press(reader, s["topics"])
    reader.wait_until(lambda: showing_screen_title(reader, s["topics_title"]), 10, "Topics")
    (on_topics,) = reader.find("check box", s["contrast"])
    assert "checked" in on_topics["states"]
    reader.action(on_topics, "Toggle")  # back to the calm theme for the next test
    reader.wait_until(
        lambda: "checked" not in reader.find("check box", s["contrast"])[0]["states"], 5, "off"
    )


def test_learn_more_says_whether_it_is_open(kiosk, reader):
    s = kiosk.strings
    # Qt shows a checkable push button as a check box: checked is open.
    (more,) = reader.find("check box", s["learn_more"])
    assert "checked" not in more["states"]
    press(reader, s["learn_more"], role="check box")
    (less,) = reader.wait_until(lambda: reader.find("check box", s["show_less"]), 5, "Show less")
    assert "checked" in less["states"]


def test_qr_codes_and_figures_are_named_images_and_icons_are_not_read(kiosk, reader):
    images = [n for n in walk(reader.tree()) if n["role"] == "image"]
    assert images == [], images  # the slide's icon repeats its title
    press(reader, kiosk.strings["contact"])
    clinic = kiosk.english.clinic
    reader.wait_until(lambda: labels_saying(reader, clinic.phone), 10, "Contact")
    names = [n["name"] for n in walk(reader.tree()) if n["role"] == "image"]
    assert kiosk.strings["qr_code"].format(target="tel:+15550100100") in names, names
    reader.key("Escape")
    index, slide = next((i, s) for i, s in enumerate(kiosk.english.slides) if s.figures)
    for _ in range(index):
        reader.key("Right")
    reader.wait_until(lambda: title_objects(reader, slide.title), 10, "a slide with a figure")
    names = [n["name"] for n in walk(reader.tree()) if n["role"] == "image"]
    assert names == [slide.figures[0].alt]
