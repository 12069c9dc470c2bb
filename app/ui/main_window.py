"""The kiosk window: a stack of screens (slides, topics, references,
contact, front desk) and the keyboard map. It draws and forwards; the rules
live in app.core through the controller."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QWidget

from app.content.loader import LoadResult
from app.content.model import Pack
from app.content.strings import DEFAULT_STRINGS
from app.ui.contact_screen import ContactScreen
from app.ui.controller import DeckController
from app.ui.front_desk_screen import FrontDeskScreen
from app.ui.reference_screen import ReferenceScreen
from app.ui.slide_screen import SlideScreen
from app.ui.theme import CALM, Metrics, Theme, style_sheet
from app.ui.topics_screen import TopicsScreen

log = logging.getLogger(__name__)

NEXT_KEYS = {Qt.Key.Key_Right, Qt.Key.Key_PageDown, Qt.Key.Key_Space}
PREVIOUS_KEYS = {Qt.Key.Key_Left, Qt.Key.Key_PageUp}
# Keys that page through the deck even while a button has keyboard focus (a
# focused QPushButton would otherwise eat the arrows). Space stays with the
# focused button, which it presses, as keyboard users expect.
SHORTCUT_KEYS = (
    Qt.Key.Key_Right,
    Qt.Key.Key_Left,
    Qt.Key.Key_PageDown,
    Qt.Key.Key_PageUp,
    Qt.Key.Key_Home,
    Qt.Key.Key_End,
    Qt.Key.Key_Down,
    Qt.Key.Key_Up,
)


class MainWindow(QMainWindow):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme: Theme = CALM
        self.metrics = Metrics(1.0)
        self.pack: Pack | None = None
        self.controller = DeckController(0, self)
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)

        self.slides = SlideScreen()
        self.topics = TopicsScreen()
        self.references = ReferenceScreen()
        self.contact = ContactScreen()
        self.front_desk = FrontDeskScreen()
        for screen in (self.slides, self.topics, self.references, self.contact, self.front_desk):
            self.stack.addWidget(screen)

        c = self.controller
        c.slideChanged.connect(self._on_slide_changed)
        self.slides.nextRequested.connect(c.next)
        self.slides.previousRequested.connect(c.previous)
        self.slides.swiped.connect(c.step)
        self.slides.topicsRequested.connect(self.open_topics)
        self.slides.referencesRequested.connect(lambda: self.open_references(None))
        self.slides.contactRequested.connect(self.open_contact)
        self.slides.citationClicked.connect(self.open_references)
        self.topics.slideChosen.connect(self._jump_from_overlay)
        self.references.slideChosen.connect(self._jump_from_overlay)
        for screen in (self.topics, self.references, self.contact):
            screen.backRequested.connect(self.back_to_slides)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.slides.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        for key in SHORTCUT_KEYS:
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.activated.connect(lambda key=key: self._navigation_key(key))
        self._last_size = None

    # --- content -------------------------------------------------------
    def set_content(self, result: LoadResult) -> None:
        for problem in result.problems:
            log.log(logging.ERROR if problem.is_error else logging.WARNING, "%s", problem)
        self.pack = result.pack
        if self.pack is None:
            self.front_desk.set_clinic(result.clinic, dict(DEFAULT_STRINGS))
            self.stack.setCurrentWidget(self.front_desk)
            self.setWindowTitle(result.clinic.name or DEFAULT_STRINGS["front_desk_title"])
            return
        pack = self.pack
        self.setWindowTitle(pack.deck.title)
        self.slides.set_pack(pack)
        self.topics.set_pack(pack)
        self.references.set_pack(pack)
        self.contact.set_clinic(pack.clinic, pack.strings)
        self._apply_style()
        self.controller.reset(len(pack.slides))
        self.stack.setCurrentWidget(self.slides)
        self.slides.setFocus()  # keys page the deck from the start

    # --- screens -------------------------------------------------------
    @property
    def current_screen(self) -> QWidget:
        return self.stack.currentWidget()

    def open_topics(self) -> None:
        self.topics.mark_current(self.controller.index)
        self.stack.setCurrentWidget(self.topics)

    def open_references(self, ref_id: str | None = None) -> None:
        self.references.show_reference(ref_id)
        self.stack.setCurrentWidget(self.references)

    def open_contact(self) -> None:
        self.stack.setCurrentWidget(self.contact)

    def back_to_slides(self) -> None:
        if self.pack is not None:
            self.stack.setCurrentWidget(self.slides)
            self.slides.setFocus()

    def _jump_from_overlay(self, index: int) -> None:
        self.controller.go(index)
        self.back_to_slides()

    def _on_slide_changed(self, index: int, direction: int) -> None:
        self.slides.show_slide(index, direction)

    # --- keyboard ------------------------------------------------------
    def _navigation_key(self, key: Qt.Key) -> bool:
        """Act on a paging key; False when it means nothing here."""
        if self.current_screen is not self.slides:
            return False
        c = self.controller
        if key in NEXT_KEYS:
            c.next()
        elif key in PREVIOUS_KEYS:
            c.previous()
        elif key == Qt.Key.Key_Home:
            c.first()
        elif key == Qt.Key.Key_End:
            c.last()
        elif key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            # Up and Down scroll long text first, then change the slide.
            bar = self.slides.body.verticalScrollBar()
            down = key == Qt.Key.Key_Down
            if down and bar.value() < bar.maximum():
                bar.setValue(bar.value() + bar.pageStep() // 2)
            elif not down and bar.value() > bar.minimum():
                bar.setValue(bar.value() - bar.pageStep() // 2)
            elif down:
                c.next()
            else:
                c.previous()
        else:
            return False
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        key = event.key()
        if self.current_screen is not self.slides and key in (
            Qt.Key.Key_Escape,
            Qt.Key.Key_Back,
            Qt.Key.Key_Backspace,
        ):
            self.back_to_slides()
        elif not self._navigation_key(key):
            super().keyPressEvent(event)

    # --- look ----------------------------------------------------------
    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self._apply_style()

    def _apply_style(self) -> None:
        size = self.size()
        if size == self._last_size:
            return  # a new pack in the same window: the look has not changed
        self._last_size = size
        metrics = self.metrics = Metrics.for_size(size.width(), size.height())
        portrait = size.height() > size.width()
        self.setStyleSheet(style_sheet(self.theme, metrics))
        for screen in (self.topics, self.references, self.contact, self.front_desk):
            screen.apply_style(self.theme, metrics, portrait)
        self.slides.apply_style(self.theme, metrics, portrait)
