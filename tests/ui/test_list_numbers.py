"""A numbered list's numbers show whole at every text size: Qt indents a
list by a fixed 40 px and draws the numbers inside it, so at the largest
text "1." used to stick out past the left edge of the slide's words."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtGui import QColor

from app.ui.main_window import MainWindow


def ink_at_left_edge_of_lists(win: MainWindow) -> int:
    """Pixels of text colour in the first 3 columns of the words' box, on the
    first lines of a list's items (where a number cut at the edge would show)."""
    body = win.slides.body
    image = body.viewport().grab().toImage()
    # The paper: the commonest colour of a sample of the box.
    sample = Counter(
        image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)
    )
    paper = QColor(sample.most_common(1)[0][0]).lightness()
    layout, top = body.document().documentLayout(), body.verticalScrollBar().value()
    rows = set()
    block = body.document().begin()
    while block.isValid():
        if block.textList() is not None:  # its number sits on its first line
            line = block.layout().lineAt(0)
            first = layout.blockBoundingRect(block).top() + line.y() - top
            rows.update(range(max(0, int(first)), int(first + line.height())))
        block = block.next()
    assert rows, "no list on this slide"
    return sum(
        1
        for x in range(3)
        for y in rows
        if y < image.height() and abs(QColor(image.pixel(x, y)).lightness() - paper) > 80
    )


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("text_size", [0, 1, 2])
def test_list_numbers_are_never_cut_at_the_left(bundled_window, qtbot, language, text_size):
    win = bundled_window
    win.set_language(language)
    win.comfort.set_text_size(text_size)
    last = len(win.pack.slides) - 1  # "To sum up": a numbered list
    assert "<ol" in win.pack.slides[last].body_html
    win.controller.go(last)
    qtbot.waitUntil(lambda: win.slides.slide is win.pack.slides[last])
    assert ink_at_left_edge_of_lists(win) == 0
