"""The attract loop's welcome screen: the clinic's name, a glimpse of what
is inside (the slide the loop is on: its icon, title and picture, changing
every few seconds), "Touch the screen to start" in every language of the
pack at once, and a pause control that is always there (WCAG 2.2.2:
anything that moves by itself can be paused).

It covers the whole window while the loop runs, so no slide control shows
half-hidden beneath it and nothing looks tappable that a first touch would
swallow. A touch anywhere (or any key) starts: the kiosk's input filter
sees it first (idle_loop.IdleLoop.input)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QLocale, QObject, QSize, Qt, Signal
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QBoxLayout, QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.content.every_language import word_in_every_language
from app.content.model import Pack, Slide
from app.ui.screens.figure_view import FigureView
from app.ui.theme import Metrics, Theme
from app.ui.widgets.accessible import focusable_text, hide_from_readers, set_role
from app.ui.widgets.buttons import make_button, set_button_text
from app.ui.widgets.icons import icon

INVITATION_KEY = "touch_to_start"


class WelcomeScreen(QFrame):
    pauseToggled = Signal(bool)  # True: paused

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("welcome")
        # A dialog named for the clinic: a screen reader says the name, then
        # the focused invitation.
        set_role(self, QAccessible.Role.Dialog)
        self.clinic_name = self._label("title")
        self.preview = QFrame()
        self.preview.setProperty("role", "card")
        self.preview_icon = QLabel()
        hide_from_readers(self.preview_icon)  # the title says it
        self.preview_title = self._label("heading")
        self.preview_figure = FigureView()
        self.preview_figure.hide()
        self.hand = QLabel()
        self.hand.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hide_from_readers(self.hand)
        self.invitations: list[QLabel] = []
        self.pause_button = make_button()
        # A key ends the loop (that is its stop), so the keyboard never needs
        # this button; and a tap must not leave the focus on it, where the
        # next key would be taken for a press of it.
        self.pause_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.pause_button.clicked.connect(self._toggle)

        self.preview_icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        words = QVBoxLayout()
        words.addStretch(1)
        words.addWidget(self.preview_icon)
        words.addWidget(self.preview_title)
        words.addStretch(1)
        # Picture beside the words in landscape, above them in portrait.
        self.preview_layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, self.preview)
        self.preview_layout.addWidget(self.preview_figure)
        self.preview_layout.addLayout(words, 1)
        self.invite_column = QVBoxLayout()
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.pause_button)
        # The invitation is the middle of the screen; the glimpse of the
        # slides sits under it, the pause control in the corner below.
        self.outer = QVBoxLayout(self)
        self.outer.addWidget(self.clinic_name)
        self.outer.addStretch(1)
        self.outer.addWidget(self.hand)
        self.outer.addLayout(self.invite_column)
        self.outer.addStretch(1)
        self.outer.addWidget(self.preview)
        self.outer.addLayout(bottom)

        self.paused = False
        self._strings: dict[str, str] = {}
        self._theme: Theme | None = None
        self._metrics = Metrics(1.0)
        self._pictures: dict[str, bytes] = {}
        self._slide: Slide | None = None
        window.installEventFilter(self)  # follow the window's size
        self.hide()

    def _label(self, role: str) -> QLabel:
        label = QLabel()
        label.setProperty("role", role)
        label.setTextFormat(Qt.TextFormat.PlainText)  # a pack's words, never HTML
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        return label

    # --- words --------------------------------------------------------------
    def set_pack(self, pack: Pack | None, strings: dict[str, str]) -> None:
        """The clinic's name and the invitation in each of the pack's
        languages, each label in its own language for a screen reader."""
        self._strings = strings
        if pack is None:
            words = {"": strings[INVITATION_KEY]}
            name = ""
        else:
            # The language on screen first (at the idle reset: the pack's first).
            languages = dict.fromkeys((pack.language, *pack.deck.languages))
            words = word_in_every_language(pack.root, tuple(languages), INVITATION_KEY)
            name = pack.clinic.name or pack.deck.title
            self._pictures = pack.pictures
        self.clinic_name.setText(name)
        self.clinic_name.setVisible(bool(name))
        for label in self.invitations:
            self.invite_column.removeWidget(label)
            label.deleteLater()
        self.invitations = []
        # A language that lacks the word shows the English one: once is enough.
        shown: dict[str, str] = {}
        for language, text in words.items():
            if text not in shown.values():
                shown[language] = text
        words = shown
        for language, text in words.items():
            label = focusable_text(self._label("invite"), text)
            label.setText(text)
            if language:
                label.setLocale(QLocale(language))
            self.invite_column.addWidget(label)
            self.invitations.append(label)
        self.setAccessibleName(name or strings[INVITATION_KEY])
        self.setAccessibleDescription(" · ".join(words.values()))
        self._show_state()

    def show_slide(self, slide: Slide | None) -> None:
        """The glimpse of the slide the loop is on."""
        self._slide = slide
        self.preview.setVisible(slide is not None)
        if slide is None:
            return
        self.preview_title.setText(slide.title)
        figure = slide.figures[0] if slide.figures else None
        picture = self._pictures.get(figure.src) if figure else None
        self.preview_figure.set_picture(picture, figure.alt if figure else "")
        self.preview_figure.setVisible(self.preview_figure.has_picture)
        self._size_figure()
        self._draw_icons()

    # --- the pause control --------------------------------------------------
    def set_paused(self, paused: bool) -> None:
        self.paused = paused
        self._show_state()

    def _toggle(self) -> None:
        self.set_paused(not self.paused)
        self.pauseToggled.emit(self.paused)

    def _show_state(self) -> None:
        if not self._strings:
            return
        set_button_text(self.pause_button, self._strings["play" if self.paused else "pause"])
        self._draw_icons()

    # --- showing ------------------------------------------------------------
    def open(self) -> None:
        """Over the whole window, the focus on the first invitation (read out)."""
        self.setGeometry(self.parentWidget().rect())
        self.raise_()
        self.show()
        if self.invitations:
            self.invitations[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.Resize and watched is self.parentWidget():
            self.setGeometry(self.parentWidget().rect())
        return False

    def apply_style(self, theme: Theme, m: Metrics) -> None:
        self._theme, self._metrics = theme, m
        window = self.parentWidget()
        portrait = window.height() > window.width()
        side = m.margin * 2
        self.outer.setContentsMargins(side, side, side, m.margin)
        self.outer.setSpacing(m.margin if portrait else m.gap)
        self.preview_layout.setContentsMargins(m.margin, m.margin, m.margin, m.margin)
        self.preview_layout.setSpacing(m.margin)
        self.preview_layout.setDirection(
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )
        self.invite_column.setSpacing(m.gap)
        self.preview_figure.set_theme(theme)
        self._size_figure()
        self.pause_button.setMinimumWidth(m.px(220, 140))
        self.pause_button.setIconSize(QSize(m.px(36, 20), m.px(36, 20)))
        # The invitation: larger than any heading, in the accent colour.
        self.setStyleSheet(
            f'QLabel[role="invite"] {{ font-size: {m.px(56, 30)}px; font-weight: bold;'
            f" color: {theme.accent}; }}"
        )
        self._draw_icons()

    def _size_figure(self) -> None:
        """A set share of the screen's height, so the glimpse does not jump
        from slide to slide: a fifth (landscape, beside the title) or
        a quarter (portrait, above it) of the screen's height."""
        window = self.parentWidget()
        share = 0.25 if window.height() > window.width() else 0.2
        height = round(window.height() * share)
        # Down to half that when the words need the room (a long clinic name,
        # many languages on a small screen): the picture gives way, not them.
        self.preview_figure.setMinimumHeight(height // 2)
        self.preview_figure.setMaximumHeight(height)
        self.preview_figure.setMinimumWidth(round(height * 16 / 9))

    def _draw_icons(self) -> None:
        t, m = self._theme, self._metrics
        if t is None:
            return
        self.hand.setPixmap(icon("fa6s.hand-pointer", t.accent).pixmap(QSize(m.icon, m.icon)))
        name = "fa6s.play" if self.paused else "fa6s.pause"
        self.pause_button.setIcon(icon(name, t.accent))
        if self._slide is not None:
            side = m.px(72, 40)
            self.preview_icon.setPixmap(icon(self._slide.icon, t.accent).pixmap(QSize(side, side)))
