"""A deck too big for a dot a slide shows its place in words alone, on
every slide, the last one (with Start again and Take this home) too."""

from __future__ import annotations

from app.export.layout_check import settle_layout
from app.ui.main_window import MainWindow
from app.ui.screens.progress_dots import MAX_DOTS
from tests.ui.conftest import write_pack


def test_a_deck_past_the_dot_limit_shows_no_dots_on_any_slide(qtbot, tmp_path):
    pack = write_pack(tmp_path / "pack")
    count = MAX_DOTS + 6
    for n in range(4, count + 1):
        (pack / "en" / f"{n * 10:03d}-extra-{n}.md").write_text(
            f"---\ntitle: Extra slide {n}\nicon: fa6s.house\n---\nMore words. [@alpha2020]\n",
            encoding="utf-8",
        )
    window = MainWindow(speech_engine="mock", warm_up_ms=None)
    qtbot.addWidget(window)
    window.resize(1920, 1080)
    window.slides.transition.enabled = False
    window.load(pack)
    window.show()
    qtbot.waitExposed(window)
    slides = window.slides
    assert len(window.pack.slides) == count
    for index in (0, count // 2, count - 1, 0):
        window.controller.go(index)
        settle_layout()
        assert not slides.dots.isVisibleTo(slides), index
        assert slides.progress_label.isVisibleTo(slides), index
        assert slides.progress_label.text() == f"{index + 1} of {count}"
    assert slides.last_slide.isVisibleTo(slides) is False  # back on the first slide
