"""The presenter's own screen: the slide now showing and the next one as the
audience sees them, the speaker notes in large type, elapsed time and the
clock, the slide number, and every slide in a list to jump to.

It draws and forwards: app.ui.presenter.console_feed fills it and
app.ui.presenter.presenter_mode decides what each request does."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.content.model import Pack
from app.content.strings import word
from app.ui.presenter.slide_picture import SlidePicture
from app.ui.theme import CALM, Metrics, Theme, style_sheet
from app.ui.widgets.accessible import show_language
from app.ui.widgets.buttons import make_button, set_button_text
from app.ui.widgets.kinetic import enable_flick


def _label(role: str = "") -> QLabel:
    label = QLabel()
    label.setProperty("role", role)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class PresenterConsole(QWidget):
    slideChosen = Signal(int)
    switchRequested = Signal()  # one screen: show the audience view
    blackRequested = Signal()
    helpRequested = Signal()
    resetTimerRequested = Signal()
    languageRequested = Signal()
    textSizeRequested = Signal()
    endRequested = Signal()  # the End button or the window's close button

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.strings: dict[str, str] = {}
        self.theme: Theme = CALM
        self.metrics = Metrics(1.0)
        self.text_scale = 1.0
        self.setWindowFlag(Qt.WindowType.Window)

        self.slide_label = _label("heading")
        self.digits_label = _label("heading")
        self.elapsed_label = _label("heading")
        self.clock_label = _label("heading")
        # Each button's words (a string key), set with the pack's strings.
        self._words: dict[QPushButton, str] = {}
        self.reset_timer_button = self._button("presenter_reset_timer", self.resetTimerRequested)
        header = QHBoxLayout()
        header.addWidget(self.slide_label)
        header.addWidget(self.digits_label)
        header.addStretch(1)
        header.addWidget(self.elapsed_label)
        header.addWidget(self.reset_timer_button)
        header.addSpacing(24)
        header.addWidget(self.clock_label)
        self.header = header

        self.current_heading = _label("muted")
        self.current = SlidePicture()
        self.next_heading = _label("muted")
        self.next = SlidePicture()
        self.next_title = _label("muted")
        self.next_title.setWordWrap(True)
        self.notes_heading = _label("muted")
        self.notes = QTextBrowser()
        self.notes.setProperty("role", "notes")
        self.notes.setOpenLinks(False)
        self.notes.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        enable_flick(self.notes)
        self.slide_list = QListWidget()
        self.slide_list.setProperty("role", "slides")
        self.slide_list.setWordWrap(True)
        self.slide_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # Titles wrap, so it never scrolls sideways; it scrolls smoothly, by
        # finger too, with the console's own scroll bar (apply_style).
        self.slide_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.slide_list.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        enable_flick(self.slide_list)
        self.slide_list.itemClicked.connect(
            lambda item: self.slideChosen.emit(self.slide_list.row(item))
        )

        grid = QGridLayout()
        grid.addWidget(self.current_heading, 0, 0)
        grid.addWidget(self.current, 1, 0)
        grid.addWidget(self.next_heading, 2, 0)
        grid.addWidget(self.next, 3, 0)
        grid.addWidget(self.next_title, 4, 0)
        grid.addWidget(self.notes_heading, 0, 1)
        grid.addWidget(self.notes, 1, 1, 4, 1)
        grid.addWidget(self.slide_list, 1, 2, 4, 1)
        grid.setColumnStretch(0, 5)
        grid.setColumnStretch(1, 6)
        grid.setColumnStretch(2, 3)
        grid.setRowStretch(1, 3)
        grid.setRowStretch(3, 2)
        self.grid = grid

        self.status_label = _label("muted")
        self.language_button = self._button("presenter_language", self.languageRequested)
        self.text_size_button = self._button("presenter_text_size", self.textSizeRequested)
        self.switch_button = self._button("presenter_show_audience", self.switchRequested)
        self.black_button = self._button("presenter_blackout", self.blackRequested)
        self.help_button = self._button("presenter_keys", self.helpRequested)
        self.end_button = self._button("presenter_end", self.endRequested, role="contact")
        footer = QHBoxLayout()
        footer.addWidget(self.status_label, 1)
        for button in self.buttons:
            footer.addWidget(button)
        self.footer = footer

        self.outer = QVBoxLayout(self)
        self.outer.addLayout(header)
        self.outer.addLayout(grid, 1)
        self.outer.addLayout(footer)
        self._closing_on_purpose = False
        self._style_key: tuple[Theme, Metrics] | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def _button(self, words: str, request: SignalInstance, role: str = "") -> QPushButton:
        button = make_button(role)
        button.clicked.connect(request)
        # Tab reaches them (Space or Enter presses the one focused); a click
        # leaves the focus where it was, so a clicker's keys still page.
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self._words[button] = words
        return button

    @property
    def buttons(self) -> tuple[QPushButton, ...]:
        """The footer's buttons, left to right."""
        return (
            self.language_button,
            self.text_size_button,
            self.switch_button,
            self.black_button,
            self.help_button,
            self.end_button,
        )

    # --- content ---------------------------------------------------------
    def set_pack(self, pack: Pack | None) -> None:
        strings = pack.strings if pack is not None else {}
        self.strings = strings
        self.setWindowTitle(word(strings, "presenter_title"))
        if pack is not None:
            show_language(self, pack.language)
        self.current_heading.setText(word(strings, "presenter_current"))
        self.next_heading.setText(word(strings, "presenter_next"))
        self.notes_heading.setText(word(strings, "presenter_notes"))
        self.current.setAccessibleName(word(strings, "presenter_current"))
        self.next.setAccessibleName(word(strings, "presenter_next"))
        self.notes.setAccessibleName(word(strings, "presenter_notes"))
        for button, key in self._words.items():
            set_button_text(button, word(strings, key))
        self.slide_list.clear()
        slides = pack.slides if pack is not None else ()
        for i, slide in enumerate(slides):
            item = QListWidgetItem(f"{i + 1}. {slide.title}")
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{i + 1}. {slide.title}")
            self.slide_list.addItem(item)

    def show_slide(
        self,
        index: int,
        total: int,
        notes: tuple[str, ...],
        next_title: str,
    ) -> None:
        s = self.strings
        self.slide_label.setText(word(s, "presenter_slide").format(current=index + 1, total=total))
        self.next_title.setText(next_title or word(s, "presenter_last_slide"))
        text = "\n\n".join(notes) if notes else word(s, "presenter_no_notes")
        self.notes.setPlainText(text)
        self.notes.verticalScrollBar().setValue(0)
        self.slide_list.setCurrentRow(index)
        self.slide_list.setAccessibleName(self.slide_label.text())  # "Slide 3 of 14"
        item = self.slide_list.item(index)
        if item is not None:
            self.slide_list.scrollToItem(item)

    def show_pictures(self, current: QPixmap, following: QPixmap) -> None:
        self.current.set_picture(current)
        self.next.set_picture(following)

    def show_times(self, elapsed: str, clock: str) -> None:
        self.elapsed_label.setText(word(self.strings, "presenter_elapsed").format(time=elapsed))
        self.clock_label.setText(word(self.strings, "presenter_clock").format(time=clock))

    def show_digits(self, digits: str) -> None:
        text = word(self.strings, "presenter_go_to").format(number=digits) if digits else ""
        self.digits_label.setText(text)

    def show_status(self, text: str) -> None:
        self.status_label.setText(text)

    def set_language_available(self, available: bool) -> None:
        """The Language button, for a pack in more than one language."""
        self.language_button.setVisible(available)

    def set_one_screen(self, one: bool) -> None:
        self.switch_button.setVisible(one)

    # --- look ------------------------------------------------------------
    def apply_style(self, theme: Theme, text_scale: float = 1.0) -> None:
        size = self.size()
        m = Metrics.for_size(size.width(), size.height(), text_scale)
        if (theme, m) == self._style_key:
            return  # style sheets are slow to apply: only when something changed
        self._style_key = (theme, m)
        self.theme, self.text_scale, self.metrics = theme, text_scale, m
        # The console is read from a step away: notes in large type, the rest
        # a little smaller than the slides so more fits.
        notes = round(m.px(44, 22) * text_scale)
        list_text = round(m.px(28, 16) * text_scale)
        self.setStyleSheet(
            style_sheet(theme, m)
            + f"""
            QTextBrowser[role="notes"] {{
                font-size: {notes}px; border: 2px solid {theme.border};
                padding: {m.gap}px;
            }}
            QListWidget[role="slides"] {{
                font-size: {list_text}px; border: 2px solid {theme.border};
                background: {theme.surface};
            }}
            QListWidget[role="slides"]::item {{ padding: {m.gap // 2}px; }}
            QListWidget[role="slides"]::item:selected {{
                background: {theme.accent}; color: {theme.accent_ink};
            }}
            QPushButton {{ min-height: {m.touch_small}px; font-size: {m.px(26, 16)}px; }}
            QScrollBar:vertical {{
                width: {m.px(16, 10)}px; background: {theme.surface}; border: none; margin: 0;
            }}
            QScrollBar::handle:vertical {{
                background: {theme.muted}; border-radius: {m.px(8, 5)}px; min-height: 40px;
            }}
            QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical {{ background: none; }}
            """
        )
        self.outer.setContentsMargins(m.margin, m.margin // 2, m.margin, m.margin // 2)
        self.outer.setSpacing(m.gap)
        self.grid.setHorizontalSpacing(m.margin)
        self.grid.setVerticalSpacing(m.gap // 2)
        self.header.setSpacing(m.gap)
        self.footer.setSpacing(m.gap)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        if Metrics.for_size(self.width(), self.height(), self.text_scale) != self.metrics:
            self.apply_style(self.theme, self.text_scale)

    def close_on_purpose(self) -> None:
        self._closing_on_purpose = True
        self.close()

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().closeEvent(event)
        if not self._closing_on_purpose:
            self.endRequested.emit()  # the window manager's close button
