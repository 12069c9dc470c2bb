"""What a screen reader hears: the real kiosk under Xvfb, read from outside
over AT-SPI with pyatspi, as Orca reads it.

One kiosk for the module (conftest.py); the idle warning has its own, in
test_idle_warning.py. The tests after "issue 18" are what a blind patient
missed before it: what a slide change says, where the focus lands, the
contact details, citations, the idle alert and the language of the words.
test_keys_and_overlays.py has the rest (Enter, overlays, states, images)."""

from __future__ import annotations

from tests.outside.atspi_session import outline, walk
from tests.outside.kiosk_under_reader import (
    BUTTONS,
    CONTROLS,
    Kiosk,
    back_to_first_slide,
    labels_saying,
    press,
    press_tab,
    showing_screen_title,
    slide_body,
    tab_to,
    title_objects,
)


# --- what works today ------------------------------------------------------
def test_the_kiosk_window_is_on_the_desktop_named_after_the_deck(kiosk, reader):
    frames = reader.find("frame")
    assert len(frames) == 1, outline(reader.tree())
    assert frames[0]["name"].startswith(kiosk.english.deck.title)
    assert "active" in frames[0]["states"]


def test_every_button_on_screen_has_a_name(kiosk, reader):
    buttons = [n for n in walk(reader.tree()) if n["role"] in BUTTONS]
    assert [b for b in buttons if not b["name"].strip()] == []
    names = {b["name"] for b in buttons}
    s = kiosk.strings
    assert {s["previous"], s["next"], s["topics"], s["references"], s["contact"]} <= names


def test_previous_is_named_but_not_sensitive_on_the_first_slide(kiosk, reader):
    (previous,) = reader.find("push button", kiosk.strings["previous"])
    assert "sensitive" not in previous["states"]
    (following,) = reader.find("push button", kiosk.strings["next"])
    assert "sensitive" in following["states"]


def test_the_slide_words_are_readable_text(kiosk, reader):
    slide = kiosk.english.slides[0]
    body = slide_body(reader, slide.title)
    first_sentence = slide.body_text.split(".")[0]
    assert first_sentence in body["text"]
    assert first_sentence in body["description"]


def test_next_changes_the_title_objects_name_and_the_progress(kiosk, reader):
    second = kiosk.english.slides[1].title
    mark = reader.mark()
    reader.key("Right")
    reader.wait_until(lambda: title_objects(reader, second), 10, "the second slide's title")
    assert reader.find("label", kiosk.progress(1))

    def renamed() -> list[str]:
        return [
            e["data"]
            for e in reader.events_since(mark)
            if e["type"] == "object:property-change:accessible-name"
        ]

    # The events travel over D-Bus on their own: wait for both to arrive.
    reader.wait_until(
        lambda: second in renamed() and kiosk.progress(1) in renamed(), 10, "both renames"
    )


def test_the_contact_screen_shows_the_phone_number_and_crisis_line(kiosk, reader):
    press(reader, kiosk.strings["contact"])
    clinic = kiosk.english.clinic
    reader.wait_until(lambda: labels_saying(reader, clinic.phone), 10, "the phone number")
    crisis = kiosk.strings["crisis"].format(crisis_line=clinic.crisis_line)
    assert reader.find("label", crisis)
    qr_names = [n["name"] for n in walk(reader.tree()) if n["name"].startswith("QR code")]
    assert any(name.endswith(clinic.phone.replace(" ", "")) for name in qr_names), qr_names


# --- issue 18: what a blind patient missed ---------------------------------
def test_next_announces_position_and_title(kiosk, reader):
    second = kiosk.english.slides[1].title
    wanted = (kiosk.progress(1), second)
    mark = reader.mark()
    reader.key("Right")
    reader.wait_until(lambda: title_objects(reader, second), 10, "the second slide's title")

    def told() -> bool:
        for event in reader.events_since(mark):
            if event["type"] == "object:announcement" and all(
                part in str(event["data"]) for part in wanted
            ):
                return True
        focus = reader.focused()
        said = f"{focus['name']} {focus['description']}" if focus else ""
        return all(part in said for part in wanted)

    reader.wait_until(told, 2, f"an announcement or focus carrying {': '.join(wanted)!r}")


def assert_focus_on_a_named_control(focus: dict | None) -> None:
    assert focus is not None, "nothing has the focus"
    # A control, or words made a Tab stop (the slide's heading, the crisis line).
    readable = focus["role"] in ("heading", "label") and "focusable" in focus["states"]
    assert (focus["role"] in CONTROLS or readable) and focus["name"].strip(), focus
    assert "showing" in focus["states"], f"the focus is on a hidden object: {focus}"


def test_focus_at_start_is_on_a_named_control(kiosk):
    assert_focus_on_a_named_control(kiosk.focus_at_start)


def test_focus_after_opening_topics_is_on_a_named_control(kiosk, reader):
    """Works today: Qt moves the focus off the hidden Topics button, to the
    first topic."""
    press(reader, kiosk.strings["topics"])
    reader.wait_until(
        lambda: showing_screen_title(reader, kiosk.strings["topics_title"]), 10, "Topics"
    )
    assert_focus_on_a_named_control(reader.focused())


def test_focus_after_choosing_a_topic_is_on_a_named_control(kiosk, reader):
    third = kiosk.english.slides[2].title
    press(reader, kiosk.strings["topics"])
    reader.wait_until(
        lambda: showing_screen_title(reader, kiosk.strings["topics_title"]), 10, "Topics"
    )
    press(reader, f"3. {third}")
    reader.wait_until(lambda: title_objects(reader, third), 10, "the third slide")
    assert_focus_on_a_named_control(reader.focused())


def test_focus_after_back_is_on_a_named_control(kiosk, reader):
    press(reader, kiosk.strings["contact"])
    clinic = kiosk.english.clinic
    reader.wait_until(lambda: labels_saying(reader, clinic.phone), 10, "Contact")
    press(reader, kiosk.strings["back"])
    first = kiosk.english.slides[0].title
    reader.wait_until(lambda: title_objects(reader, first), 10, "the slides again")
    assert_focus_on_a_named_control(reader.focused())


def switch_to_spanish(kiosk: Kiosk) -> None:
    reader = kiosk.session
    press(reader, kiosk.english.language_names["es"])
    first = kiosk.spanish.slides[0].title
    reader.wait_until(lambda: title_objects(reader, first), 10, "the first slide in Spanish")


def test_focus_after_a_language_switch_is_on_a_named_control(kiosk, reader):
    switch_to_spanish(kiosk)
    assert_focus_on_a_named_control(reader.focused())


def test_tab_reaches_the_phone_number_and_the_crisis_line(kiosk, reader):
    press(reader, kiosk.strings["contact"])
    clinic = kiosk.english.clinic
    reader.wait_until(lambda: labels_saying(reader, clinic.phone), 10, "Contact")
    reached = [press_tab(reader) for _ in range(25)]
    said = " | ".join(f"{r['name']}" for r in reached if r)
    assert clinic.phone in said and clinic.crisis_line in said, said


def test_a_citation_is_a_button_that_says_which_study_it_opened(kiosk, reader):
    second = kiosk.english.slides[1]
    reference = next(r for r in kiosk.english.references if r.id == second.citations[0])
    study = kiosk.strings["reference_label"].format(number=reference.number)
    reader.key("Right")
    reader.wait_until(lambda: title_objects(reader, second.title), 10, "the second slide")
    (button,) = reader.find("push button", study)
    assert button["description"] == reference.citation
    tab_to(reader, study)
    reader.key("Return")
    reader.wait_until(
        lambda: showing_screen_title(reader, kiosk.strings["references_title"]),
        5,
        "the references screen",
    )
    focus = reader.wait_until(
        lambda: (f := reader.focused()) and f["name"].startswith(f"{study}: ") and f, 5, study
    )
    assert focus["name"] == f"{study}: {reference.citation}"


def test_spanish_text_objects_carry_language_es(kiosk, reader):
    """The object's Locale over AT-SPI (Qt puts no language in the text
    attributes); English again after switching back."""
    switch_to_spanish(kiosk)
    slide = kiosk.spanish.slides[0]
    nodes = [*title_objects(reader, slide.title), slide_body(reader, slide.title)]
    nodes += reader.find("push button", kiosk.spanish.strings["next"])
    assert len(nodes) == 3
    for node in nodes:
        language = node.get("text_language") or node["locale"]
        assert language.startswith("es"), f"{node['role']} {node['name']!r}: {language!r}"
    back_to_first_slide(kiosk)
    (heading,) = title_objects(reader, kiosk.english.slides[0].title)
    assert heading["locale"].startswith("en")
