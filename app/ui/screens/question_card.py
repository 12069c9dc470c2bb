"""One check-yourself question as widgets: its words, an answer button per
answer, and the feedback box shown under the answer tapped. A card is made
once and given question after question (set_question): making one costs a
page turn tens of milliseconds, new words on an old one almost nothing."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.content.model import Question
from app.ui.widgets.accessible import focusable_text, hide_from_readers


def wrapped_label(role: str = "", rich: bool = False) -> QLabel:
    """A label whose words wrap, styled by its `role` in the style sheet."""
    label = QLabel()
    label.setProperty("role", role)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    return label


class AnswerButton(QPushButton):
    """A push button whose words wrap (a QPushButton's own text never does),
    with a mark before them: an answer, or (role "checklink") the link to
    the slide that explains the question."""

    def __init__(self, text: str, role: str = "answer") -> None:
        super().__init__()
        self.setProperty("role", role)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAutoDefault(True)  # Enter presses it, as Space does
        self.mark = QLabel()
        hide_from_readers(self.mark)  # the feedback says right or not in words
        self.words = wrapped_label()
        hide_from_readers(self.words)  # the button's own name says it
        self.set_words(text)
        for child in (self.mark, self.words):
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        row = QHBoxLayout(self)
        row.addWidget(self.mark, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.words, 1)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_words(self, text: str) -> None:
        self.words.setText(text)
        self.setAccessibleName(text)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt API)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt API)
        return self.layout().totalHeightForWidth(width)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        width = max(self.width(), 200)
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(100, self.heightForWidth(max(self.width(), 200)))


class QuestionCard(QFrame):
    """One question, its answers, and the feedback of the answer tapped."""

    chosen = Signal(int)  # the answer's index

    def __init__(self) -> None:
        super().__init__()
        self.setProperty("role", "question")
        self.question: Question | None = None
        self.number = wrapped_label("muted")
        self.text = focusable_text(wrapped_label("question"), "")
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(self.number)
        self.layout_.addWidget(self.text)
        self.buttons: list[AnswerButton] = []  # every one made; the first few in use
        self.answers: list[AnswerButton] = []  # this question's
        self.verdict = wrapped_label("verdict")
        self.verdict.setProperty("focusable", True)  # the same inset as the words below it
        self.feedback = focusable_text(wrapped_label(), "")
        self.link = AnswerButton("", role="checklink")
        self.feedback_box = QFrame()
        self.feedback_box.setProperty("role", "feedback")
        inner = QVBoxLayout(self.feedback_box)
        inner.addWidget(self.verdict)
        inner.addWidget(self.feedback)
        inner.addWidget(self.link)
        self.layout_.addWidget(self.feedback_box)
        self.feedback_box.hide()
        self.layouts = (self.layout_, inner)
        self.picked: int | None = None

    def set_question(self, question: Question, heading: str) -> list[AnswerButton]:
        """Show `question`, nothing tapped. Returns the answer buttons made
        new for it (the view watches them for drags)."""
        self.clear()
        self.question = question
        self.number.setText(heading)
        self.text.setText(question.text)
        self.text.setAccessibleName(f"{heading}: {question.text}")
        made = self.make_answers(len(question.answers))
        self.answers = self.buttons[: len(question.answers)]
        for button, answer in zip(self.buttons, question.answers, strict=False):
            button.set_words(answer.text)
        for index, button in enumerate(self.buttons):
            button.setVisible(index < len(self.answers))
        return made

    def make_answers(self, count: int) -> list[AnswerButton]:
        """At least `count` answer buttons (the new ones hidden till used);
        returns those made now."""
        made = []
        while len(self.buttons) < count:
            button = AnswerButton("")
            index = len(self.buttons)
            button.clicked.connect(lambda _=False, i=index: self.chosen.emit(i))
            button.hide()
            self.layout_.insertWidget(self.layout_.indexOf(self.feedback_box), button)
            self.buttons.append(button)
            made.append(button)
        return made

    def put_feedback_under(self, index: int | None) -> None:
        """The feedback box right under answer `index`, or after them all."""
        self.layout_.removeWidget(self.feedback_box)
        at = (
            len(self.buttons) + 2
            if index is None
            else self.layout_.indexOf(self.answers[index]) + 1
        )
        self.layout_.insertWidget(at, self.feedback_box)

    @property
    def tab_stops(self) -> list[QWidget]:
        """In the order Tab reaches them: the answers, then the feedback
        under the one tapped and its link (Tab skips them while hidden)."""
        stops: list[QWidget] = []
        for index, button in enumerate(self.answers):
            stops.append(button)
            if index == self.picked:
                stops += [self.feedback, self.link]
        return stops if self.picked is not None else stops + [self.feedback, self.link]

    def clear(self) -> None:
        """Nothing tapped: no feedback, every answer plain."""
        if self.picked is not None:
            self.put_feedback_under(None)
        self.picked = None
        self.feedback_box.hide()
        for button in self.answers:
            if button.property("state"):
                button.setProperty("state", "")
                button.setAccessibleDescription("")
                button.style().unpolish(button)
                button.style().polish(button)
