"""Icons by qtawesome name (Font Awesome and the other fonts qtawesome
bundles), and the check of a pack's icon names against them.

qtawesome needs a running Qt application (a QGuiApplication is enough, as
for `clinic-kiosk check`). A name it does not know never crashes the kiosk:
it is drawn as FALLBACK_ICON."""

from __future__ import annotations

import functools
import logging

import qtawesome
from PySide6.QtGui import QIcon

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


def icon(name: str, colour: str) -> QIcon:
    """The icon `name` in `colour`; qtawesome keeps each one it has made."""
    return qtawesome.icon(_drawable(name), color=colour)


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
