"""A notice over the whole window: a dimmed backdrop and a card in the middle.

Patient screens use these instead of modal dialogs (docs/architecture.md): they never
block the event loop, and the idle reset can close every one of them. While
one is up, Tab and Shift+Tab go round its own controls only, as in a dialog,
and a screen reader is told it is a dialog (or an alert)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAccessible, QColor, QPainter
from PySide6.QtWidgets import QApplication, QFrame, QVBoxLayout, QWidget
from shiboken6 import isValid

from app.ui.theme import Metrics
from app.ui.widgets.accessible import set_role


class Overlay(QWidget):
    def __init__(self, window: QWidget, role=QAccessible.Role.Dialog) -> None:
        super().__init__(window)
        set_role(self, role)
        self.card = QFrame()
        self.card.setProperty("role", "card")
        self.card_layout = QVBoxLayout(self.card)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(self.card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(1)
        self.hide()
        window.installEventFilter(self)  # follow the window's size
        self._return_to: QWidget | None = None  # focused before it opened

    def open(self) -> None:
        focused = QApplication.focusWidget()
        if focused is not None and focused is not self and not self.isAncestorOf(focused):
            self._return_to = focused
        self.setGeometry(self.parentWidget().rect())
        self.raise_()
        self.show()
        self.setFocus()

    def focusNextPrevChild(self, forward: bool) -> bool:  # noqa: N802 (Qt API)
        """Tab from the last control comes back to the first: focus never
        reaches the screen beneath."""
        if not self.isVisible():  # closing: Qt asks where the focus goes now
            back, self._return_to = self._return_to, None
            if back is not None and isValid(back) and back.isVisible():
                back.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
            return super().focusNextPrevChild(forward)
        stops = self.tab_stops()
        if not stops:
            return True  # nothing here takes the focus, and nothing beneath may
        focused = QApplication.focusWidget()
        step = 1 if forward else -1
        at = stops.index(focused) + step if focused in stops else (0 if forward else -1)
        stops[at % len(stops)].setFocus(
            Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason
        )
        return True

    def tab_stops(self) -> list[QWidget]:
        """The controls Tab visits, in Qt's focus order."""
        stops, widget = [], self.nextInFocusChain()
        while widget is not self:
            if (
                self.isAncestorOf(widget)
                and widget.isVisibleTo(self)
                and widget.isEnabled()
                and widget.focusPolicy().value & Qt.FocusPolicy.TabFocus.value
            ):
                stops.append(widget)
            widget = widget.nextInFocusChain()
        return stops

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.Resize and watched is self.parentWidget():
            self.setGeometry(self.parentWidget().rect())
        return False

    def apply_style(self, m: Metrics) -> None:
        self.card_layout.setContentsMargins(m.margin * 2, m.margin, m.margin * 2, m.margin)
        self.card_layout.setSpacing(m.gap)
        self.card.setMinimumWidth(m.px(720, 400))
        self.card.setMaximumWidth(max(m.px(1100, 400), self.parentWidget().width() - 2 * m.margin))

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt API)
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(26, 35, 48, 170))  # ink, dimmed
        painter.end()

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt API)
        event.accept()  # taps on the backdrop never reach the slide beneath
