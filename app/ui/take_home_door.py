"""The ways to "Take this home": the Contact screen's button and the last
slide's, and the last slide's "Start again". The window calls install()
once; this module keeps the wiring out of main_window.py.

`window` is the MainWindow (not imported, so the window can import this)."""

from __future__ import annotations


def install(window) -> None:
    window.contact.takeHomeRequested.connect(lambda: open_take_home(window, back_to_contact=True))
    window.slides.last_slide.takeHomeRequested.connect(lambda: open_take_home(window))
    window.slides.last_slide.startAgainRequested.connect(lambda: start_again(window))
    screen = window.take_home
    # The window connects Back to the slides first; from Contact, Back goes on
    # to Contact again, where the patient came from.
    screen.backRequested.connect(lambda: _back(window))
    # A language switch puts the window on the slides unless it knows the
    # screen (main_window._show_pack); this runs after it, in the new words.
    screen.header.comfort.languageRequested.connect(lambda: open_take_home(window))


def open_take_home(window, back_to_contact: bool | None = None) -> None:
    if back_to_contact is not None:
        window.take_home.from_contact = back_to_contact
    window.fill(window.take_home)
    window.stack.show_screen(window.take_home, window.take_home.entry_focus())


def start_again(window) -> None:
    """Slide 1 for the same patient: their language, text size and contrast
    stay (the idle reset clears them, for the next patient)."""
    if window.controller.index == 0:
        window.slides.show_slide()
    else:
        window.controller.go(0)
    window.back_to_slides(heading=True)


def _back(window) -> None:
    if window.take_home.from_contact:
        window.open_contact()
