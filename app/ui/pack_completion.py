"""The rest of the pack after the first paint, in a worker thread.

Start-up reads only what the first screen needs (app/content/opening.py):
the first slide, the others placeholders. Once it is painted, the worker
loads every language in full (the one on screen first, reporting its slides
as they render) and the window takes the complete pack in place: same slide,
same screen. Staff's "Reload content" uses a worker of its own.

While the load runs, whatever needs more than is there waits here, never
on an incomplete pack: a page turn onto a slide not yet rendered (shown as
soon as it is, a few milliseconds at most for the next slide), Topics and
The science (opened at once, filled when the pack is complete; see
MainWindow.fill), a language switch (done when every language is in).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal

from app.content.model import Slide
from app.content.pack_shelf import has_errors, load_every_language
from app.ui.pack_worker import PackWorker

log = logging.getLogger(__name__)

# How often the worker hands the slides rendered so far to the UI thread:
# often enough that a page turn never waits long, rarely enough that the
# UI thread's share of the work (one tuple each time) stays negligible.
PROGRESS_S = 0.1
# When the slide is not painted soon after the window is shown (another
# screen went up first), the load starts anyway.
START_ANYWAY_MS = 500

Check = Callable[[], bool]


class PackCompletion(QObject):
    completed = Signal()  # the pack on screen is complete, every language in the shelf
    reloaded = Signal(object)  # dict[str, LoadResult]: a staff reload, swapped in or refused
    _progress = Signal(object)  # (slides so far, pictures) from the worker thread

    def __init__(self, window) -> None:
        super().__init__(window)  # the window: self.parent() (no reference cycle)
        self._worker = PackWorker("pack-complete", self)
        self._worker.done.connect(self._on_done)
        self._reloader = PackWorker("pack-reload", self)
        self._reloader.done.connect(self._on_reloaded)
        self._progress.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        self._pack = None  # the pack being completed
        self._target = None  # the widget whose first paint starts the load
        self._waiting: dict[str, tuple[Check, Callable[[], None]]] = {}
        self._start_timer = QTimer(self)
        self._start_timer.setObjectName("pack-complete-start")
        self._start_timer.setSingleShot(True)
        self._start_timer.timeout.connect(self.start)

    @property
    def _window(self):
        return self.parent()

    @property
    def running(self) -> bool:
        return self._worker.busy

    @property
    def finished(self) -> bool:
        """The pack on screen is complete and every language of it in the shelf."""
        w = self._window
        if w.pack is None:
            return True
        languages = w.pack.deck.languages
        return self._done() and all(w.shelf.holds(lang) for lang in languages)

    def start_after_paint(self) -> None:
        """Start once the slide (or front desk) screen has been painted."""
        w = self._window
        target = w.slides.card if w.pack is not None else w
        target.installEventFilter(self)
        self._target = target
        self._start_timer.start(START_ANYWAY_MS)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.Paint:
            # On the next event-loop turn, not now: this is the card's paint,
            # and a worker started here would take the interpreter from the
            # rest of the first paint (the words, the picture) and its flush.
            watched.removeEventFilter(self)
            self._target = None
            self._start_timer.start(0)
        return False

    def start(self) -> None:
        """Load what the shelf lacks; `completed` at once when nothing."""
        w = self._window
        pack = w.pack
        self._start_timer.stop()
        if self._target is not None:
            self._target.removeEventFilter(self)
            self._target = None
        if self._worker.busy:
            return
        if self.finished:
            self._wake()
            self.completed.emit()
            return
        self._pack = pack
        root, first = w.shelf.root, pack.slides[0].path.parent
        last = [0.0]

        def report(slides: list[Slide], pictures: dict[str, bytes]) -> None:
            # In the worker thread: the slides of the deck's first language.
            now = time.monotonic()
            if slides[0].path.parent == first and now - last[0] >= PROGRESS_S:
                last[0] = now
                self._progress.emit((tuple(slides), dict(pictures)))

        self._worker.start(lambda: load_every_language(root, report))

    def stop(self) -> None:
        self._waiting.clear()
        self._start_timer.stop()
        self._worker.stop()
        self._reloader.stop()

    def defer(self, key: str, action: Callable[[], None], ready: Check | None = None) -> bool:
        """True when `action` must wait for the load: it is then run once
        `ready()` holds (None: once the load is done). One waits per `key`."""
        ready = ready or self._done
        if ready():
            return False
        self._waiting[key] = (ready, action)
        if not self._worker.busy:
            self.start()
        return True

    def _done(self) -> bool:
        pack = self._window.pack
        return pack is None or (pack.complete and not self._worker.busy)

    def holds(self, language: str) -> Check:
        """A check: `language` can be shown without loading on this thread."""
        return lambda: self._done() or self._window.shelf.holds(language)

    def rendered(self, index: int) -> Check:
        """A check: slide `index` of the pack on screen is rendered."""
        return lambda: (
            self._window.pack is None
            or self._window.pack.rendered is None
            or (index < self._window.pack.rendered)
        )

    def _wake(self) -> None:
        for key, (ready, action) in list(self._waiting.items()):
            if ready() and self._waiting.pop(key, None) is not None:
                action()

    def _on_progress(self, given: tuple[tuple[Slide, ...], dict[str, bytes]]) -> None:
        slides, pictures = given
        pack = self._window.pack
        if pack is not self._pack or pack.complete or len(slides) <= pack.rendered:
            return
        # The placeholders after the last slide rendered (files are in name order).
        last = slides[-1].path.name
        rest = [s for s in pack.slides[pack.rendered :] if s.path.name > last]
        # The pack changes in place, on the UI thread only: the screens hold it.
        pack.pictures.update(pictures)
        pack.slides = (*slides, *rest)
        pack.rendered = len(slides)
        self._wake()

    def _on_done(self, results: dict) -> None:
        w, pack, self._pack = self._window, self._window.pack, None
        if pack is not None and w.shelf is not None and not pack.complete:
            # The same pack, now whole, at the same slide and screen (never left
            # incomplete: a pack changed on disk meanwhile is shown as it is now).
            w.shelf.replace(results)
            result = results.get(pack.language) or next(iter(results.values()))
            w.set_content(result, start=None, keep_screen=True)
        elif pack is not None and w.shelf is not None:
            for language, result in results.items():
                if language and not w.shelf.holds(language):
                    w.shelf.put(result)
        self._wake()
        self.completed.emit()

    # --- staff reload -------------------------------------------------------
    def reload(self) -> None:
        """Staff asked for it: load the pack on disk in the background and
        swap it in if every language loads cleanly; else keep the pack on screen."""
        if self._window.shelf is not None:
            root = self._window.shelf.root
            self._reloader.start(lambda: load_every_language(root))

    def _on_reloaded(self, results: dict) -> None:
        w = self._window
        if any(has_errors(result) for result in results.values()):
            for problem in (p for r in results.values() for p in r.problems if p.is_error):
                log.error("reload refused, keeping the pack on screen: %s", problem)
        else:
            w.offer_pack(results, now=True)
        self.reloaded.emit(results)
