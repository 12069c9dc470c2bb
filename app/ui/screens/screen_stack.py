"""The window's screens, one at a time, and where the keyboard focus goes
when the screen changes.

A change of screen moves the focus in one step to a named control of the new
screen (the current topic, the study asked for, the crisis line, the
slide's heading), so a screen reader says one thing: where the patient now
is. The slides are home: leaving them remembers the focused control, and
Back returns to it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QStackedWidget, QWidget
from shiboken6 import isValid

from app.ui.screens.slide_screen import SlideScreen
from app.ui.widgets.accessible import set_role


class ScreenStack(QStackedWidget):
    def __init__(self, slides: SlideScreen, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # A plain container, not a "layered pane" a screen reader would name.
        set_role(self, QAccessible.Role.Client)
        self.slides = slides
        self.addWidget(slides)
        self._return_to: QWidget | None = None  # focused on the slides when they were left

    def show_screen(self, screen: QWidget, focus: QWidget | None) -> None:
        """`screen` up with the focus on `focus` (None, or not on that
        screen: the slide's heading on the slides, else nothing moves it)."""
        usable = focus is not None and isValid(focus) and screen.isAncestorOf(focus)
        if not (usable and focus.isVisibleTo(screen)):
            focus = self.slides.title_label if screen is self.slides else None
        if self.currentWidget() is screen and (focus is None or focus.hasFocus()):
            return
        focused = self.window().focusWidget()
        if self.currentWidget() is self.slides and screen is not self.slides:
            self._return_to = focused
        if focused is not None:
            # Or the stack moves it to the new screen first, and a screen
            # reader starts saying that.
            focused.clearFocus()
        self.setCurrentWidget(screen)
        if focus is not None:
            focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_slides(self, heading: bool = False) -> None:
        """The slides, the focus back where it was when they were left;
        with `heading` (a slide chosen, a new language, a new patient) on
        the slide's heading."""
        focus, self._return_to = self._return_to, None
        self.show_screen(self.slides, None if heading else focus)
