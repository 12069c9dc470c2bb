"""`clinic-kiosk check --layout`: every screen of a pack laid out offscreen
in every language, screen size, text size and theme, and each place where
words are cut off or overlap, as Problems naming the file the words come
from and the combination that cut them.

One window per screen size is made and reused: the language, text size and
theme change in it as a patient would change them. Windows are never shown
on a screen (WA_DontShowOnScreen); they are laid out exactly as shown ones.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from app.content.hours_text import opening_words
from app.content.model import Problem

SIZES = ((1920, 1080), (1366, 768), (1080, 1920))
TEXT_SIZES = ("normal", "large", "largest")
THEMES = ("calm", "high contrast")


@dataclass(frozen=True)
class Combination:
    language: str
    size: tuple[int, int]
    text_size: int
    high_contrast: bool

    def __str__(self) -> str:
        width, height = self.size
        theme = THEMES[self.high_contrast]
        return f"{self.language}, {width}x{height}, {TEXT_SIZES[self.text_size]} text, {theme}"


def check_layout(
    folder: Path,
    sizes=SIZES,
    languages: tuple[str, ...] | None = None,
    text_sizes=(0, 1, 2),
    themes=(False, True),
) -> list[Problem]:
    """Every misfit of the pack at `folder` (all combinations by default)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from app.content.pack_shelf import load_every_language
    from app.main import make_application

    make_application()
    results = load_every_language(folder)
    errors = [p for r in results.values() for p in r.problems if p.is_error]
    if errors or not results:
        return errors or [Problem(str(folder), 0, "error", "no language of the pack loads")]
    wanted = languages or tuple(results)
    problems: list[Problem] = []
    for size in sizes:
        with _Kiosk(folder, size) as kiosk:
            for language in wanted:
                for text_size in text_sizes:
                    for high_contrast in themes:
                        combo = Combination(language, size, text_size, high_contrast)
                        kiosk.set_look(combo)
                        problems += kiosk.check_every_screen(combo)
    return _unique(problems)


def _unique(problems: list[Problem]) -> list[Problem]:
    seen: set[str] = set()
    kept = []
    for problem in problems:
        if str(problem) not in seen:
            seen.add(str(problem))
            kept.append(problem)
    return kept


class _Kiosk:
    """One window at one size, with the kiosk's overlays and a presenter console."""

    def __init__(self, folder: Path, size: tuple[int, int]) -> None:
        self.folder, self.size = folder, size

    def __enter__(self) -> _Kiosk:
        from PySide6.QtCore import Qt

        from app.ui.kiosk.closed_screen import ClosedScreen
        from app.ui.kiosk.idle_loop import IdleLoop
        from app.ui.kiosk.staff_door import StaffDoor
        from app.ui.main_window import MainWindow
        from app.ui.presenter.console import PresenterConsole

        window = MainWindow(speech_engine=None, warm_up_ms=None)
        window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
        window.resize(*self.size)
        window.slides.transition.enabled = False
        window.load(self.folder)
        window.show()
        self.window = window
        self.idle = IdleLoop(window, clock=lambda: 0.0, parent=window)
        self.idle.suspend()  # nothing moves by itself while we measure
        self.door = StaffDoor(window, clock=lambda: 0.0, diagnostics=str, parent=window)
        self.closed = ClosedScreen(window)
        self.closed.hide()
        self.console = PresenterConsole()
        self.console.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
        self.console.resize(*self.size)
        self.console.show()
        return self

    def __exit__(self, *exc) -> None:
        import shiboken6

        for timer_owner in (self.idle, self.door):
            timer_owner.suspend()
        for top in (self.console, self.window):
            top.hide()
            shiboken6.delete(top)

    # --- the look --------------------------------------------------------
    def set_look(self, combo: Combination) -> None:
        window = self.window
        window.back_to_slides()
        window.set_language(combo.language)
        window.comfort.set_text_size(combo.text_size)
        if window.comfort.high_contrast != combo.high_contrast:
            window.comfort.toggle_contrast()
        # Listen shows wherever a voice exists: measure with it there.
        for bar in window.comfort_bars:
            bar.read_aloud_button.setVisible(bar.with_read_aloud)
        self.console.set_pack(window.pack)
        self.console.apply_style(window.theme, window.comfort.text_scale)

    # --- the screens -----------------------------------------------------
    def check_every_screen(self, combo: Combination) -> list[Problem]:
        window, pack = self.window, self.window.pack
        if pack is None:
            return []
        strings_file = str(pack.root / pack.language / "strings.toml")
        found: list[Problem] = []
        for index, slide in enumerate(pack.slides):
            window.controller.go(index)
            window.back_to_slides()
            found += self._measure(window.slides, str(slide.path), "the slide", combo)
            found += self._short_part(slide.path, combo)
            if slide.more_html:
                window.slides.toggle_more()
                found += self._measure(window.slides, str(slide.path), "Learn more", combo)
                window.slides.toggle_more()
        window.controller.go(0)
        window.open_topics()
        tiles = {
            tile: str(s.path) for tile, s in zip(window.topics.tiles, pack.slides, strict=True)
        }
        found += self._measure(window.topics, strings_file, "Topics", combo, tiles)
        references_file = str(pack.root / "references.json")
        for reference in pack.references or [None]:
            window.open_references(reference.id if reference else None)
            found += self._measure(window.references, references_file, "The science", combo)
        window.open_contact()
        found += self._measure(window.contact, str(pack.root / "clinic.toml"), "Contact", combo)
        from app.ui import take_home_door

        take_home_door.open_take_home(window, back_to_contact=True)
        found += self._measure(window.take_home, strings_file, "Take this home", combo)
        window.back_to_slides()
        for name, screen, opened in self._kiosk_overlays():
            opened()
            found += self._measure(screen, strings_file, name, combo)
            screen.hide()
        for index, slide in enumerate(pack.slides):
            following = pack.slides[index + 1].title if index + 1 < len(pack.slides) else ""
            self.console.show_slide(index, len(pack.slides), slide.notes, following)
            found += self._measure(self.console, str(slide.path), "the presenter console", combo)
        return found

    def _kiosk_overlays(self) -> Iterator[tuple[str, object, Callable[[], None]]]:
        idle, door = self.idle, self.door

        def attract() -> None:
            idle.welcome.show_slide(self.window.slides.slide)
            idle.welcome.open()

        def closed() -> None:
            pack = self.window.pack
            # The longest "we open again" there is: a date a week away, in its language.
            now = dt.datetime(2027, 12, 22, 18, 0)
            opens = opening_words(now, now + dt.timedelta(days=7, hours=-7), pack.strings)
            self.closed.set_content(pack.clinic, pack.strings, opens)
            self.closed.apply_style(self.window.theme, self.window.metrics)
            self.closed.open()

        def still_reading() -> None:
            idle.prompt.show_seconds(88)  # two digits, as wide as any countdown
            idle.prompt.open()

        yield "the attract screen", idle.welcome, attract
        yield "the closed screen", self.closed, closed
        yield "Still reading?", idle.prompt, still_reading
        yield "the PIN pad", door.pin_pad, door.pin_pad.open
        yield "the staff menu", door.staff_menu, door.staff_menu.open

    def _measure(self, screen, path: str, where: str, combo, owners=None) -> list[Problem]:
        from app.export.layout_measure import misfits

        settle_layout()
        found = []
        for misfit in misfits(screen):
            source = path
            for owner, owner_path in (owners or {}).items():
                if owner is misfit.widget or owner.isAncestorOf(misfit.widget):
                    source = owner_path
            message = f"{where}: {misfit.message} [{combo}]"
            found.append(Problem(source, 1, "error", message))
        return found

    def _short_part(self, path: Path, combo: Combination) -> list[Problem]:
        """At normal text the short part shows whole; larger, enough lines of it."""
        from app.export.layout_measure import body_lines

        body = self.window.slides.body
        taken, shown = body_lines(body)
        scrolls = body.verticalScrollBar().maximum() > 0
        if combo.text_size == 0:
            if scrolls:
                message = (
                    f"the short part needs scrolling at normal text: {taken:.1f} lines "
                    f"of text, {shown:.1f} show [{combo}]"
                )
                return [Problem(str(path), 1, "error", message)]
            return []
        from app.ui.screens.slide_layout import least_lines

        least = least_lines(combo.size[1])
        if scrolls and shown < least:
            message = f"only {shown:.1f} lines of text show at once, fewer than {least} [{combo}]"
            return [Problem(str(path), 1, "warning", message)]
        return []


def settle_layout() -> None:
    """Lay out whatever is waiting to be laid out, without painting; delete
    what a screen replaced (the event loop would, at once)."""
    from PySide6.QtCore import QCoreApplication, QEvent

    from app.ui.widgets.layout_now import lay_out_now

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    lay_out_now()
