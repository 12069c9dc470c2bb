"""A black or white cover over the whole audience window (B, ".", W)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QWidget

from app.core.presenter_keys import Blank

COLOURS = {Blank.BLACK: QColor("black"), Blank.WHITE: QColor("white")}


class Blackout(QWidget):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.colour: Blank | None = None  # None: the slides show
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setCursor(Qt.CursorShape.BlankCursor)
        self.hide()
        window.installEventFilter(self)  # follow the window's size

    def cover(self, colour: Blank) -> None:
        self.colour = colour
        self.setAccessibleName(colour.value)
        self.setGeometry(self.parentWidget().rect())
        self.raise_()
        self.show()
        self.update()

    def uncover(self) -> None:
        self.colour = None
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.Resize and watched is self.parentWidget():
            self.setGeometry(self.parentWidget().rect())
        return False

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt API)
        painter = QPainter(self)  # painted only while shown: between cover() and uncover()
        painter.fillRect(self.rect(), COLOURS[self.colour])
        painter.end()

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt API)
        event.accept()  # a click on the cover never reaches the slide beneath
