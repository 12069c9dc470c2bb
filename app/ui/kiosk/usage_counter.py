"""Counts what patients use on the kiosk into a UsageStore, from the
window's own signals. Only counts: which slide, which button, in which
language, never who or in what order (see app/system/usage_store.py).

The store keeps increments in memory; a one-minute timer and close() write
them, so a page turn never waits for the disk."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from app.system import usage_store as kinds
from app.system.usage_store import UsageStore
from app.ui.main_window import MainWindow

log = logging.getLogger(__name__)

DWELL_MS = 5000  # a slide on screen this long was read, not paged past
FLUSH_MS = 60_000


class UsageCounter(QObject):
    def __init__(
        self,
        window: MainWindow,
        store: UsageStore,
        attracting: Callable[[], bool],
        parent: QObject | None = None,
    ) -> None:
        """`attracting`: is the attract loop running (nobody is reading)?"""
        super().__init__(parent)
        self.on = True  # off while staff present (stop/resume)
        self.window, self.store, self.attracting = window, store, attracting
        self.dwell_timer = QTimer(self, singleShot=True, interval=DWELL_MS)
        self.dwell_timer.timeout.connect(self._dwelt)
        self.flush_timer = QTimer(self, interval=FLUSH_MS)
        self.flush_timer.timeout.connect(store.flush)
        self._overlays = {
            window.topics: kinds.TOPICS,
            window.references: kinds.REFERENCES,
            window.contact: kinds.CONTACT,
            window.take_home: kinds.TAKE_HOME,  # from Contact or the last slide
        }
        window.controller.slideChanged.connect(self.dwell_timer.start)
        window.packChanged.connect(self.dwell_timer.start)  # a new pack shows its slide
        window.stack.currentChanged.connect(self._screen_changed)
        # After the slide screen's own slot, so the slide shows its new state.
        window.slides.more_button.clicked.connect(self._more_toggled)
        # Right or not, per question of a check-yourself slide ("check-yourself#2").
        window.slides.check.answered.connect(
            lambda number, right: self.count(
                kinds.ANSWER_RIGHT if right else kinds.ANSWER_WRONG, question=number
            )
        )
        for bar in window.comfort_bars:  # presses, not the idle reset's restore
            bar.textSizeRequested.connect(lambda: self.count(kinds.TEXT_SIZE))
            bar.contrastRequested.connect(lambda: self.count(kinds.CONTRAST))
            bar.readAloudRequested.connect(lambda: self.count(kinds.LISTEN))
            bar.languageRequested.connect(lambda: self.count(kinds.LANGUAGE))
        self.dwell_timer.start()
        self.flush_timer.start()

    def count(self, event: str, slide: bool = True, question: int = 0) -> None:
        """One `event` on the slide showing (or on none; or on its question
        number `question`), unless the pack says not to count."""
        pack = self.window.pack
        if not self.on or pack is None or not pack.deck.usage_counting:
            return
        slide_id = pack.slides[self.window.controller.index].id if slide else ""
        slide_id += f"#{question}" if question else ""
        self.store.count(event, pack.language, slide_id)

    def idle_reset(self) -> None:
        self.count(kinds.IDLE_RESET, slide=False)

    def stop(self) -> None:
        """No more counting (presenter mode, exit); what was counted is written."""
        self.on = False
        self.dwell_timer.stop()
        self.flush_timer.stop()
        self.store.flush()

    def resume(self) -> None:
        self.on = True
        self.dwell_timer.start()
        self.flush_timer.start()

    def close(self) -> None:
        self.stop()
        self.store.close()

    def _dwelt(self) -> None:
        if self.window.showing("slides"):
            self.count(kinds.ATTRACT_SHOWN if self.attracting() else kinds.SLIDE_VIEWED)

    def _screen_changed(self, index: int) -> None:
        event = self._overlays.get(self.window.stack.widget(index))
        if event is not None:
            self.count(event)

    def _more_toggled(self) -> None:
        if self.window.slides.expanded:
            self.count(kinds.LEARN_MORE)
