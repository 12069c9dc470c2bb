"""A pack's title, however long and however unbroken, stays inside the
window: the buttons beside and below it are never pushed off screen, and
a title is shown as the words it is, never as HTML."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect

from app.content.loader import load_pack
from app.ui.main_window import MainWindow


def window_titled(qtbot, pack_dir, title: str):
    first = pack_dir / "en" / "010-first.md"
    first.write_text(
        first.read_text(encoding="utf-8").replace("title: First slide", f"title: {title}"),
        encoding="utf-8",
    )
    win = MainWindow(speech_engine="mock", warm_up_ms=None)
    qtbot.addWidget(win)
    win.set_content(load_pack(pack_dir))
    win.resize(*SIZE)
    win.show()
    qtbot.waitExposed(win)
    return win


SIZE = (1366, 768)


def inside(win, widget) -> bool:
    """Is `widget` wholly inside the 1366x768 the window was given? (A
    window grows past its size when its contents demand it.)"""
    box = QRect(widget.mapTo(win, widget.rect().topLeft()), widget.size())
    return QRect(0, 0, *SIZE).contains(box) and widget.isVisibleTo(win)


@pytest.mark.parametrize("title", ["W" * 5000, "Ketamine" * 600, "a " * 2500])
def test_a_huge_title_leaves_every_button_on_screen(qtbot, pack_dir, title):
    win = window_titled(qtbot, pack_dir, title)
    slides = win.slides
    for button in (
        slides.next_button,
        slides.previous_button,
        slides.topics_button,
        slides.contact_button,
        slides.references_button,
    ):
        assert inside(win, button), button.text()
    assert inside(win, slides.title_label)
    assert len(win.pack.slides[0].title.replace("\u200b", "")) <= 120


def test_a_title_is_never_read_as_html(qtbot, pack_dir, tmp_path):
    win = window_titled(qtbot, pack_dir, f'<img src="{tmp_path}/x.png"> <b>Bold</b>')
    assert win.slides.title_label.text().startswith("<img")
    assert win.slides.title_label.textFormat().name == "PlainText"


@pytest.mark.parametrize("name", ["W" * 5000, "Clinic" * 800])
def test_a_huge_clinic_name_leaves_the_header_buttons_on_screen(qtbot, pack_dir, name):
    clinic = pack_dir / "clinic.toml"
    clinic.write_text(
        clinic.read_text(encoding="utf-8").replace("Test Clinic", name), encoding="utf-8"
    )
    (pack_dir / "en" / "strings.toml").write_text(f'topics_title = "{name}"\n', encoding="utf-8")
    win = window_titled(qtbot, pack_dir, "First slide")
    for open_screen, screen in (
        (win.slides.contact_button, win.contact),
        (win.slides.topics_button, win.topics),
    ):
        open_screen.click()
        qtbot.waitUntil(lambda screen=screen: win.current_screen is screen)
        header = screen.header
        assert inside(win, header.back_button)
        assert inside(win, header.comfort)
        header.back_button.click()
