"""The bundled pack's check-yourself slide as a screen reader meets it: each
answer a button named by its words, reached with Tab and pressed with
Space; what the answer tapped says is told at once."""

from __future__ import annotations

from tests.outside.kiosk_under_reader import press, showing_screen_title, title_objects


def test_a_pressed_answer_is_told_to_a_screen_reader(kiosk, reader):
    slides = kiosk.english.slides
    index = next(i for i, slide in enumerate(slides) if slide.kind == "check")
    slide = slides[index]
    press(reader, kiosk.strings["topics"])
    reader.wait_until(
        lambda: showing_screen_title(reader, kiosk.strings["topics_title"]), 10, "Topics"
    )
    press(reader, f"{index + 1}. {slide.title}")
    reader.wait_until(lambda: title_objects(reader, slide.title), 10, "the check slide")
    question = slide.questions[0]
    for answer in question.answers:
        assert reader.find("push button", answer.text), answer.text
    wrong = next(answer for answer in question.answers if not answer.right)
    mark = reader.mark()
    press(reader, wrong.text)  # Tab to it, then Space

    def told() -> bool:
        for event in reader.events_since(mark):
            if event["type"] == "object:announcement" and wrong.feedback in str(event["data"]):
                return True
        focus = reader.focused()
        return bool(focus) and wrong.feedback in focus.get("description", "")

    reader.wait_until(told, 5, f"the feedback {wrong.feedback!r} told at once")
    assert labels_with(reader, wrong.feedback)


def labels_with(reader, words: str) -> list[dict]:
    return [n for n in reader.find("label") if words in n["name"] or words in n.get("text", "")]
