"""Icons by qtawesome name (Font Awesome and the other fonts qtawesome
bundles), and the check of a pack's icon names against them.

qtawesome needs a running Qt application (a QGuiApplication is enough, as
for `clinic-kiosk check`). A name it does not know never crashes the kiosk:
it is drawn as FALLBACK_ICON."""

from __future__ import annotations

import functools
import logging

import qtawesome
from PySide6.QtGui import QFontMetricsF, QIcon

FALLBACK_ICON = "fa6s.circle-info"
# The fonts qtawesome's documentation lists, named in the message about an
# unknown font: qtawesome has no public call that lists its fonts.
DOCUMENTED_FONTS = (
    "fa5",
    "fa5s",
    "fa5b",
    "fa6",
    "fa6s",
    "fa6b",
    "ei",
    "mdi",
    "mdi6",
    "ph",
    "ri",
    "msc",
)
log = logging.getLogger(__name__)


# qtawesome draws a glyph at this share of the icon's height (its painter's
# default), whatever the glyph's width.
_QTAWESOME_DRAW_SHARE = 0.875
_MOST_OF_THE_BOX = 0.96  # a wide glyph keeps a hair of room at each side


def icon(name: str, colour: str) -> QIcon:
    """The icon `name` in `colour`; qtawesome keeps each one it has made.
    A glyph wider than tall (people-group, comments, scales) is drawn smaller,
    so it fits the square box instead of losing its left and right edges."""
    drawable = _drawable(name)
    return qtawesome.icon(drawable, color=colour, scale_factor=_scale_to_fit(drawable))


@functools.cache
def _scale_to_fit(name: str) -> float:
    """qtawesome's scale_factor that keeps the glyph `name` inside a square."""
    prefix = name.partition(".")[0]
    size = 100.0
    metrics = QFontMetricsF(qtawesome.font(prefix, size))
    width = metrics.boundingRect(qtawesome.charmap(name)).width()
    drawn = width / size * _QTAWESOME_DRAW_SHARE  # the glyph's width per unit of box height
    return min(1.0, _MOST_OF_THE_BOX / drawn) if drawn > 0 else 1.0


@functools.cache  # once per name, so a bad name is logged once, not on every slide
def _drawable(name: str) -> str:
    if not name:
        return FALLBACK_ICON  # the slide names no icon
    problem = icon_problem(name)
    if not problem:
        return name
    log.warning("%s; drawing %s instead", problem, FALLBACK_ICON)
    return FALLBACK_ICON


def icon_problem(name: str) -> str:
    """Why qtawesome cannot draw `name`; "" when it can. The loader takes
    this as its icon check (see app.content.loader.IconCheck)."""
    prefix, dot, glyph = name.partition(".")
    if not dot or not glyph:
        return f"icon '{name}' should look like fa6s.syringe (font prefix, dot, icon name)"
    if not _has_font(prefix):
        known = ", ".join(sorted(font for font in DOCUMENTED_FONTS if _has_font(font)))
        return f"unknown icon font '{prefix}' in '{name}' (known: {known})"
    try:
        qtawesome.charmap(name)
    except (KeyError, ValueError):  # ValueError: a second dot in the icon's own name
        return f"unknown icon '{name}': no icon '{glyph}' in qtawesome's {prefix} font"
    return ""


def _has_font(prefix: str) -> bool:
    try:
        qtawesome.font(prefix, 16)
    except KeyError:
        return False
    return True
