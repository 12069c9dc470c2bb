"""A check-yourself slide in the real window: by touch, by keyboard, for a
screen reader, at every size and text size, forgotten at the idle reset,
counted per question, in the presenter console and on the handout."""

from __future__ import annotations

import logging
from datetime import datetime

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from app.content.loader import load_pack
from app.content.strings import DEFAULT_STRINGS
from app.export.handout import build_handout
from app.system.usage_store import UsageStore
from app.ui.main_window import MainWindow
from app.ui.presenter.presenter_mode import PresenterMode
from app.ui.screens import check_view
from app.ui.screens.question_card import AnswerButton, QuestionCard
from tests.fake_clock import FakeClock
from tests.ui.conftest import open_pack
from tests.ui.helpers import drag
from tests.ui.kiosk_helpers import end_session, start_kiosk

K = Qt.Key
CHECK = """\
---
title: Check yourself
icon: fa6s.circle-check
kind: check
---
Tap an answer.

## Which slide says hello?
- [ ] The third slide
  The third slide says the end. Try another.
- [x] The first slide
  It says hello from the first slide.
- [ ] The second slide
  The second slide is long, and says no hello.

[First slide](010-first.md)

## Which slide is last?
- [x] The third slide
  It ends the deck.
- [ ] The first slide
  The first slide comes first.

[Third slide](030-third.md)
"""
WRONG = "The third slide says the end. Try another."
RIGHT = "It says hello from the first slide."


@pytest.fixture
def quiz_dir(pack_dir):
    (pack_dir / "en" / "025-check.md").write_text(CHECK, encoding="utf-8")
    return pack_dir


def quiz_window(qtbot, pack_dir) -> MainWindow:
    """The pack at 1920x1080 on its check slide (the third)."""
    win = open_pack(qtbot, pack_dir)
    win.controller.go(2)
    return win


@pytest.fixture
def quiz(qtbot, quiz_dir) -> MainWindow:
    return quiz_window(qtbot, quiz_dir)


def first_card(win: MainWindow):
    return win.slides.check.cards[0]


def tap(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def test_the_questions_show_in_place_of_the_words(quiz):
    slides = quiz.slides
    assert slides.check.isVisible() and not slides.body.isVisible()
    assert slides.check.intro.text().strip() == "<p>Tap an answer.</p>"
    card = first_card(quiz)
    assert card.number.text() == "Question 1 of 2"
    assert card.text.text() == "Which slide says hello?"
    assert [b.words.text() for b in card.answers] == [
        "The third slide",
        "The first slide",
        "The second slide",
    ]
    assert not card.feedback_box.isVisible()
    quiz.controller.go(0)  # an ordinary slide: its words, no questions
    assert slides.body.isVisible() and not slides.check.isVisible()


def test_a_tap_says_at_once_whether_it_is_right_and_why(quiz, qtbot):
    card = first_card(quiz)
    with qtbot.waitSignal(quiz.slides.check.answered) as wrong:
        tap(qtbot, card.answers[0])
    assert wrong.args == [1, False]
    assert card.feedback_box.isVisible()
    assert card.verdict.text() == DEFAULT_STRINGS["check_not_quite"]
    assert card.feedback.text() == WRONG
    # Try again: every answer can still be tapped.
    assert all(button.isEnabled() for button in card.answers)
    with qtbot.waitSignal(quiz.slides.check.answered) as right:
        tap(qtbot, card.answers[1])
    assert right.args == [1, True]
    assert card.verdict.text() == DEFAULT_STRINGS["check_right"]
    assert card.feedback.text() == RIGHT
    assert [b.property("state") for b in card.answers] == ["", "right", ""]


def test_the_link_goes_to_the_slide_that_explains_it(quiz, qtbot):
    card = quiz.slides.check.cards[1]
    tap(qtbot, card.answers[1])
    assert card.link.isVisible() and card.link.accessibleName() == "Third slide"
    tap(qtbot, card.link)
    assert quiz.controller.index == 3
    assert quiz.slides.title_label.text() == "Third slide"


def test_the_keyboard_reaches_and_presses_every_answer(quiz, qtbot):
    slides = quiz.slides
    slides.focus_heading()
    card = first_card(quiz)
    qtbot.keyClick(slides.title_label, K.Key_Tab)
    assert quiz.focusWidget() is card.text  # the question, read with its number
    qtbot.keyClick(card.text, K.Key_Tab)
    assert quiz.focusWidget() is card.answers[0]
    qtbot.keyClick(card.answers[0], K.Key_Space)
    assert card.feedback.text() == WRONG
    assert quiz.focusWidget() is card.answers[0]  # the focus stays on the answer
    qtbot.keyClick(card.answers[0], K.Key_Tab)
    assert quiz.focusWidget() is card.feedback  # the feedback comes next
    qtbot.keyClick(card.feedback, K.Key_Tab)
    assert quiz.focusWidget() is card.link
    qtbot.keyClick(card.link, K.Key_Tab)
    assert quiz.focusWidget() is card.answers[1]
    qtbot.keyClick(card.answers[1], K.Key_Return)
    assert card.feedback.text() == RIGHT


def test_a_screen_reader_hears_each_answer_and_its_feedback(quiz, qtbot, monkeypatch):
    said = []

    class Reader:
        @staticmethod
        def updateAccessibility(event):  # noqa: N802 (Qt's name)
            said.append((event.object(), event.message()))

    monkeypatch.setattr(check_view, "QAccessible", Reader)
    card = first_card(quiz)
    assert [b.accessibleName() for b in card.answers] == [
        "The third slide",
        "The first slide",
        "The second slide",
    ]
    assert card.text.accessibleName() == "Question 1 of 2: Which slide says hello?"
    tap(qtbot, card.answers[0])
    heard = f"{DEFAULT_STRINGS['check_not_quite']} {WRONG}"
    assert said == [(card.answers[0], heard)]
    assert card.answers[0].accessibleDescription() == heard
    assert card.feedback.accessibleName() == heard


def test_answers_vanish_with_the_idle_reset_and_are_never_logged(quiz, qtbot, caplog):
    caplog.set_level(logging.DEBUG)
    tap(qtbot, first_card(quiz).answers[0])
    quiz.reset_for_next_patient()
    quiz.controller.go(2)
    card = first_card(quiz)
    assert not card.feedback_box.isVisible()
    assert all(not b.property("state") for b in card.answers)
    assert not any(WRONG in record.getMessage() for record in caplog.records)


def test_answers_vanish_when_the_patient_turns_away_and_back(quiz, qtbot):
    card = first_card(quiz)
    tap(qtbot, card.answers[1])
    assert card.feedback_box.isVisible()
    quiz.controller.go(1)
    quiz.controller.go(2)  # the same cards again, made once: nothing tapped shows
    assert first_card(quiz) is card
    assert not card.feedback_box.isVisible() and card.picked is None
    assert all(not b.property("state") and not b.accessibleDescription() for b in card.answers)
    assert quiz.slides.check.verticalScrollBar().value() == 0


@pytest.mark.parametrize("size", [(1920, 1080), (1366, 768), (1080, 1920)])
@pytest.mark.parametrize("contrast", [False, True])
def test_every_word_fits_at_the_largest_text(quiz, qtbot, size, contrast):
    quiz.resize(*size)
    quiz.comfort.set_text_size(2)
    if contrast:
        quiz.comfort.toggle_contrast()
    for card in quiz.slides.check.cards:
        tap(qtbot, card.answers[0])
    qtbot.waitUntil(lambda: quiz.slides.check.page.height() > quiz.slides.check.height())
    check = quiz.slides.check
    assert check.page.width() <= check.viewport().width()  # no sideways scrolling
    for card in check.cards:
        for label in (card.text, card.feedback, *(b.words for b in card.answers)):
            assert label.height() >= label.heightForWidth(label.width()), label.text()
        for button in card.answers:
            assert button.height() >= quiz.metrics.touch
    assert quiz.theme.accent in check.styleSheet()


def test_each_answer_is_counted_per_question(qtbot, quiz_dir, tmp_path, monkeypatch):
    monkeypatch.setenv("CLINIC_KIOSK_CONFIG_DIR", str(tmp_path / "config"))
    store = UsageStore(tmp_path / "usage.sqlite3", now=lambda: datetime(2025, 3, 4, 9, 30))
    session, _ = start_kiosk(qtbot, quiz_dir, usage=store)
    try:
        tap(qtbot, session.window.slides.next_button)  # the first touch ends the attract loop
        session.window.controller.go(2)
        cards = session.window.slides.check.cards
        tap(qtbot, cards[0].answers[0])
        tap(qtbot, cards[0].answers[1])
        tap(qtbot, cards[1].answers[0])
        session.suspend()
        counted = {(slide, event): n for _, _, slide, event, n in store.rows()}
        assert {k: n for k, n in counted.items() if k[1].startswith("answer")} == {
            ("check#1", "answer_wrong"): 1,
            ("check#1", "answer_right"): 1,
            ("check#2", "answer_right"): 1,
        }
    finally:
        end_session(session)
        store.close()


def test_the_presenter_sees_the_answers_before_the_audience(quiz, qtbot):
    mode = PresenterMode(quiz, clock=FakeClock(), now=lambda: datetime(2026, 3, 4, 14, 5))
    mode.start()
    try:
        notes = mode.console.notes.toPlainText()
        assert notes.startswith("Check yourself: the answers\n\n1. Which slide says hello?")
        assert "Right: The first slide\n  " + RIGHT in notes
        assert "Not right: The third slide\n  " + WRONG in notes
        assert not first_card(quiz).feedback_box.isVisible()  # the audience has not tapped
    finally:
        mode.finish()


def test_the_handout_has_boxes_to_tick_and_the_answers(quiz_dir):
    text = build_handout(load_pack(quiz_dir).pack).html
    assert "\u2610\u2002The third slide" in text
    assert text.index("Which slide says hello?") < text.index("Check yourself: the answers")
    assert "Right: The first slide</b><br/>" + RIGHT in text


def test_a_drag_on_an_answer_scrolls_and_taps_nothing(quiz, qtbot):
    check = quiz.slides.check
    button = first_card(quiz).answers[1]
    answers = []
    check.answered.connect(lambda *args: answers.append(args))
    middle = button.rect().center()
    drag(button, middle + QPoint(0, 40), middle - QPoint(0, 40))
    qtbot.waitUntil(lambda: check.verticalScrollBar().value() > 0)
    assert answers == [] and not button.isDown()
    assert quiz.controller.index == 2


def test_a_sideways_swipe_on_the_questions_changes_the_slide(quiz):
    button = first_card(quiz).answers[1]
    middle = button.rect().center()
    drag(button, middle + QPoint(300, 0), middle - QPoint(300, 0))
    assert quiz.controller.index == 3


SECOND_CHECK = """\
---
title: Check yourself again
icon: fa6s.circle-check
kind: check
---
## Which slide is long?
- [ ] The first slide
  It is short.
- [ ] The third slide
  It is short too.
- [x] The second slide
  It has many sentences.
- [ ] None of them
  One of them is long.

[Second slide](020-second.md)

## Is there a first slide?
- [x] Yes
  It says hello.
- [ ] No
  There is one: it says hello.

[First slide](010-first.md)

## Is there a third slide?
- [x] Yes
  It ends the deck.
- [ ] No
  There is one: it ends the deck.

[Third slide](030-third.md)
"""


def tab_walk(win: MainWindow, start) -> list:
    """The widgets Tab reaches inside the check view, from `start` on."""
    start.setFocus()
    reached = []
    while True:
        QTest.keyClick(win.focusWidget(), K.Key_Tab)
        focused = win.focusWidget()
        if not win.slides.check.isAncestorOf(focused) or focused in reached:
            return reached
        reached.append(focused)


def test_the_next_check_slide_shows_its_own_questions_whole(qtbot, quiz_dir):
    """The cards of one check slide are given the next one's questions:
    its answers, words, names and Tab order, none of the last one's."""
    (quiz_dir / "en" / "028-check-again.md").write_text(SECOND_CHECK, encoding="utf-8")
    win = quiz_window(qtbot, quiz_dir)
    check = win.slides.check
    tap(qtbot, check.cards[0].answers[2])  # something tapped, then on
    win.controller.go(3)
    assert win.slides.title_label.text() == "Check yourself again"
    shown = [c for c in check.findChildren(QuestionCard) if c.isVisibleTo(check)]
    assert shown == check.cards and len(shown) == 3
    assert [c.number.text() for c in shown] == [f"Question {n} of 3" for n in (1, 2, 3)]
    assert shown[0].text.accessibleName() == "Question 1 of 3: Which slide is long?"
    visible = [
        [
            b.accessibleName()
            for b in c.findChildren(AnswerButton)
            if b.isVisibleTo(c) and b.property("role") == "answer"
        ]
        for c in shown
    ]
    assert visible == [
        ["The first slide", "The third slide", "The second slide", "None of them"],
        ["Yes", "No"],
        ["Yes", "No"],
    ]
    assert all(not c.feedback_box.isVisibleTo(check) and c.picked is None for c in shown)
    assert all(not b.property("state") for c in shown for b in c.answers)
    expected = [w for c in shown for w in (c.text, *c.answers)]
    assert tab_walk(win, win.slides.title_label) == expected
    with qtbot.waitSignal(check.answered) as right:
        tap(qtbot, shown[0].answers[3])
    assert right.args == [1, False]
    assert shown[0].feedback.text() == "One of them is long."
    layout = shown[0].layouts[0]
    assert layout.indexOf(shown[0].feedback_box) == layout.indexOf(shown[0].answers[3]) + 1
    # Back to the first check slide: two questions again, the third card hidden.
    win.controller.go(2)
    shown = [c for c in check.findChildren(QuestionCard) if c.isVisibleTo(check)]
    assert shown == check.cards and len(shown) == 2
    assert [b.accessibleName() for b in shown[1].answers] == ["The third slide", "The first slide"]
    assert tab_walk(win, win.slides.title_label) == [w for c in shown for w in (c.text, *c.answers)]
    tap(qtbot, shown[0].answers[1])
    assert shown[0].feedback.text() == RIGHT
