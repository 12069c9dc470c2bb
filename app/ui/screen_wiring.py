"""What the window's screens ask for, wired to the window that does it:
page turns, opening and closing the overlays, the comfort buttons of every
screen. Called once, from MainWindow's constructor."""

from __future__ import annotations


def connect(window) -> None:
    c, slides = window.controller, window.slides
    c.slideChanged.connect(window.on_slide_changed)
    slides.nextRequested.connect(c.next)
    slides.previousRequested.connect(c.previous)
    slides.swiped.connect(c.step)
    slides.topicsRequested.connect(window.open_topics)
    slides.referencesRequested.connect(lambda: window.open_references(None))
    slides.contactRequested.connect(window.open_contact)
    slides.helpRequested.connect(window.open_help)
    slides.citationClicked.connect(window.open_references)
    window.topics.slideChosen.connect(window.jump_from_overlay)
    window.references.slideChosen.connect(window.jump_from_overlay)
    for screen in window.overlays:
        screen.backRequested.connect(window.back_to_slides)
        screen.header.helpRequested.connect(window.open_help)
    for bar in window.comfort_bars:
        bar.languageRequested.connect(window.next_language)
        bar.textSizeRequested.connect(window.comfort.next_text_size)
        bar.contrastRequested.connect(window.comfort.toggle_contrast)
        bar.readAloudRequested.connect(window.toggle_read_aloud)
