"""Where a slide's words and picture go on its card, and how big the picture
may be: the words get the room they need, the picture what is left.

Four shapes, chosen by the screen's orientation and the patient's text size:

- SIDE (landscape, normal text): the words beside the picture, which
  narrows until the short part shows whole.
- STACKED (portrait, normal text): the picture over the words, as tall as
  the words leave room for.
- COLUMN (landscape, large and largest text): title, buttons, picture and
  disclaimer in a column at the left; the words alone take the card's full
  height at the right, so many lines show at once.
- TALL (portrait, large and largest text): the words first, the picture
  under them in the room that is left.

A short part too long for any picture size keeps the smallest picture and
scrolls, with a cue that there is more (slide_body.ScrollCue).
"""

from __future__ import annotations

from enum import Enum
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QBoxLayout, QGridLayout, QTextEdit, QWidget

from app.ui.screens.figure_view import FigureView
from app.ui.widgets.layout_now import lay_out_now

if TYPE_CHECKING:
    from app.content.model import Figure
    from app.ui.screens.slide_screen import SlideScreen

ANY_SIZE = 16_777_215  # QWIDGETSIZE_MAX
SMALLEST_SIDE_PICTURE = 0.22  # of the words' and picture's width together
SMALLEST_STACKED_PICTURE = 0.18  # of their height together
COLUMN_SHARE = (2, 3)  # the left column's and the words' stretch in COLUMN
# Lines of words a slide shows at once at large and largest text (issue 17),
# fewer on a small landscape screen.
MIN_LINES, MIN_LINES_SMALL, SMALL_HEIGHT = 8, 6, 800


class Shape(Enum):
    SIDE = "side"
    STACKED = "stacked"
    COLUMN = "column"
    TALL = "tall"


def shape_for(portrait: bool, text_scale: float) -> Shape:
    if text_scale > 1.0:
        return Shape.TALL if portrait else Shape.COLUMN
    return Shape.STACKED if portrait else Shape.SIDE


def place(
    grid: QGridLayout,
    shape: Shape,
    title_row: QBoxLayout,
    body: QWidget,
    figure: FigureView,
    below: QBoxLayout,
    disclaimer: QWidget | None = None,
    check: QWidget | None = None,
) -> None:
    """Put the card's parts in `grid` for `shape` (`disclaimer` joins the
    column in COLUMN; otherwise the caller keeps it under the card). `check`,
    a check slide's questions, shares the words' cell: only one of the two
    shows."""
    for item in (title_row, below):
        grid.removeItem(item)
    for widget in (body, figure, disclaimer, check):
        if widget is not None:
            grid.removeWidget(widget)

    def words(*cell: int) -> None:
        grid.addWidget(body, *cell)
        if check is not None:
            grid.addWidget(check, *cell)

    for index in range(4):
        grid.setRowStretch(index, 0)
        grid.setColumnStretch(index, 0)
    # The buttons under the title: in a row, or stacked in the narrow column.
    below.setDirection(
        QBoxLayout.Direction.TopToBottom
        if shape is Shape.COLUMN
        else QBoxLayout.Direction.LeftToRight
    )
    if shape is Shape.COLUMN:
        grid.addLayout(title_row, 0, 0)
        grid.addLayout(below, 1, 0)
        grid.addWidget(figure, 2, 0)
        if disclaimer is not None:
            grid.addWidget(disclaimer, 3, 0)
        words(0, 1, 4, 1)
        grid.setRowStretch(2, 1)
        grid.setColumnStretch(0, COLUMN_SHARE[0])
        grid.setColumnStretch(1, COLUMN_SHARE[1])
        return
    grid.addLayout(title_row, 0, 0, 1, 2)
    if shape is Shape.SIDE:
        words(1, 0)
        grid.addWidget(figure, 1, 1)
        body_row = 1
    else:
        body_row = 2 if shape is Shape.STACKED else 1
        words(body_row, 0, 1, 2)
        grid.addWidget(figure, 3 - body_row, 0, 1, 2)
    grid.setColumnStretch(0, 1)
    grid.setRowStretch(body_row, 1)  # the words take what the picture leaves
    grid.addLayout(below, 3, 0, 1, 2)


def words_height(body: QTextEdit, width: int) -> float:
    """How tall the body's text is when laid out `width` px wide."""
    document = body.document().clone()
    document.setTextWidth(max(1, width))
    height = document.size().height()
    document.deleteLater()
    return height


def free_picture(figure: FigureView) -> None:
    """No size of its own: the layout's stretch decides (COLUMN)."""
    figure.setMinimumSize(0, 0)
    figure.setMaximumSize(ANY_SIZE, ANY_SIZE)


def fit_beside(body: QTextEdit, figure: FigureView, spacing: int) -> None:
    """SIDE: the widest picture that leaves the words their full height.
    Call with the layout active; it sets the picture's width."""
    together = body.width() + figure.width() + spacing
    room = body.viewport().height()
    # Never wider than half, nor than the picture's own shape at this height.
    widest = min(together // 2, round(figure.height() * figure.aspect))
    narrowest = round(together * SMALLEST_SIDE_PICTURE)
    frame = body.width() - body.viewport().width()

    def fits(picture: int) -> bool:
        return words_height(body, together - picture - spacing - frame) <= room

    width = widest
    if not fits(widest):
        low, high = narrowest, widest  # fits(low) may be false: a long slide
        while high - low > 8:
            middle = (low + high) // 2
            low, high = (middle, high) if fits(middle) else (low, middle)
        width = low
    figure.setMinimumSize(0, 0)
    figure.setMaximumSize(ANY_SIZE, ANY_SIZE)
    figure.setFixedWidth(max(narrowest, width))


def fit_column(grid: QGridLayout, body: QTextEdit, figure: FigureView) -> None:
    """COLUMN: the picture takes the height the title, the buttons and the
    disclaimer leave in the column, none when they leave none. Call with the
    layout active; it sets the picture's height."""
    width = figure.width()
    taken = 0
    rows = 0
    for row in (0, 1, 3):
        item = grid.itemAtPosition(row, 0)
        if item is None or item.isEmpty():
            continue
        rows += 1
        hint = item.heightForWidth(width) if item.hasHeightForWidth() else -1
        taken += hint if hint >= 0 else item.sizeHint().height()
    free = body.height() - taken - rows * grid.verticalSpacing()
    if free < body.height() * SMALLEST_STACKED_PICTURE:
        free = 0  # a thumbnail nobody can read: no picture rather than that
    figure.setMinimumSize(0, 0)
    figure.setMaximumSize(ANY_SIZE, ANY_SIZE)
    figure.setFixedHeight(max(0, min(free, figure.heightForWidth(width))))


def line_height(body: QTextEdit) -> float:
    """The height of one line of the body's first paragraph, leading included."""
    document = body.document()
    block = document.firstBlock()
    lines = max(1, block.layout().lineCount())
    return document.documentLayout().blockBoundingRect(block).height() / lines


def least_lines(window_height: int) -> int:
    """Lines of words that show at once at large text, whatever the picture."""
    return MIN_LINES_SMALL if window_height < SMALL_HEIGHT else MIN_LINES


def fit_stacked(
    body: QTextEdit, figure: FigureView, spacing: int, tallest: int, keep_lines: int = 0
) -> None:
    """STACKED and TALL: the picture takes the height the words leave, at
    most `tallest`; it shrinks no further than a share of the room, or than
    what leaves `keep_lines` lines of words (then none). Call with the layout
    active; it sets the picture's height."""
    together = body.height() + figure.height() + spacing
    frame = body.height() - body.viewport().height()
    needed = words_height(body, body.viewport().width()) + frame
    natural = min(tallest, figure.heightForWidth(figure.width()))
    kept = keep_lines * line_height(body) + 2 * body.document().documentMargin() + frame
    smallest = min(natural, round(together * SMALLEST_STACKED_PICTURE))
    smallest = max(0, min(smallest, round(together - spacing - kept)))
    height = max(smallest, min(natural, round(together - needed - spacing)))
    figure.setMinimumSize(0, 0)
    figure.setMaximumSize(ANY_SIZE, ANY_SIZE)
    figure.setFixedHeight(height)


def _in_a_row(layout: QBoxLayout) -> bool:
    return layout.direction() == QBoxLayout.Direction.LeftToRight


def below_height(grid: QGridLayout, disclaimer: QWidget, width: int) -> int:
    """The height the column's buttons and disclaimer take under the title."""
    item = grid.itemAtPosition(1, 0)
    buttons = item.sizeHint().height() if item is not None else 0
    inside = grid.indexOf(disclaimer) >= 0
    return buttons + (disclaimer.heightForWidth(width) if inside else 0)


def put_disclaimer(screen: SlideScreen, in_column: bool) -> None:
    """The disclaimer in the card's column (COLUMN), or under the card."""
    grid, disclaimer = screen.card_layout, screen.disclaimer
    if (grid.indexOf(disclaimer) >= 0) == in_column:
        return
    grid.removeWidget(disclaimer)
    screen.outer.removeWidget(disclaimer)
    if in_column:
        grid.addWidget(disclaimer, 3, 0)
    else:
        screen.outer.addWidget(disclaimer)
    disclaimer.show()  # a layout shows a moved widget only on the next event-loop pass
    align = Qt.AlignmentFlag.AlignLeft if in_column else Qt.AlignmentFlag.AlignCenter
    disclaimer.setAlignment(align)
    screen.outer.activate()
    grid.activate()


def arrange_card(screen: SlideScreen, shape: Shape) -> None:
    """The slide screen's card in `shape`. The disclaimer joins the column
    in COLUMN while it has room (the words keep the height), else sits
    under the card."""
    if shape is screen.shape:
        return
    screen.shape = shape
    put_disclaimer(screen, in_column=False)
    place(
        screen.card_layout,
        shape,
        screen.title_row,
        screen.body,
        screen.figure,
        screen.below_text,
        check=screen.check,
    )
    if shape is Shape.COLUMN:
        put_disclaimer(screen, in_column=True)


def fit_card(screen: SlideScreen) -> None:
    """Lay the slide screen out now, its picture taking the room its words
    (already in the body) leave."""
    grid, figure, body = screen.card_layout, screen.figure, screen.body
    # The new slide's words and buttons have posted layout requests (a study
    # button's new number changes its width): take them first, or the card
    # is fitted to old sizes and laid out again after the first paint.
    lay_out_now()
    free_picture(figure)
    screen.outer.activate()
    grid.activate()
    column = screen.shape is Shape.COLUMN
    # In the narrow column the title wraps more than the grid allows for.
    # (A label's height for a width is never under its minimum: reset first.)
    title = screen.title_label
    title.setMinimumHeight(0)
    if column:
        # The buttons under the title side by side while they fit the column.
        wide = screen.below_text.sizeHint().width() if _in_a_row(screen.below_text) else 0
        if not wide:
            screen.below_text.setDirection(QBoxLayout.Direction.LeftToRight)
            wide = screen.below_text.sizeHint().width()
        fits = wide <= figure.width() or wide <= title.width() + screen.icon_label.width()
        direction = QBoxLayout.Direction.LeftToRight if fits else QBoxLayout.Direction.TopToBottom
        screen.below_text.setDirection(direction)
        grid.activate()
    if column:
        # The disclaimer leaves a column the title fills for under the card.
        disclaimer, inside = screen.disclaimer, grid.indexOf(screen.disclaimer) >= 0
        needed = title.heightForWidth(title.width()) + 3 * grid.verticalSpacing()
        needed += below_height(grid, disclaimer, title.width())
        needed += 0 if inside else disclaimer.heightForWidth(title.width())
        height = body.height() + (0 if inside else disclaimer.height() + screen.outer.spacing())
        put_disclaimer(screen, in_column=needed <= height)
    if column:  # never more than the column holds, so the window's minimum stays inside it
        others = below_height(grid, screen.disclaimer, title.width())
        room = body.height() - others - 3 * grid.verticalSpacing()
        title.setMinimumHeight(max(0, min(title.heightForWidth(title.width()), room)))
    if figure.isHidden() and not column:
        return
    if column:
        grid.activate()
        fit_column(grid, body, figure)
    elif screen.shape is Shape.SIDE:
        fit_beside(body, figure, grid.horizontalSpacing())
    else:
        keep = least_lines(screen.height()) if screen.shape is Shape.TALL else 0
        fit_stacked(body, figure, grid.verticalSpacing(), screen.metrics.px(620), keep)
    screen.outer.activate()
    grid.activate()


def picture_below(figure: Figure) -> str:
    """The slide's picture as HTML after its words, for a column with no
    room for it: the body draws it from the pack's pictures (slide_body)."""
    return f'<p align="center"><img src="{escape(figure.src)}" alt="{escape(figure.alt)}"/></p>'
