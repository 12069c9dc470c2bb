"""A pack's SVG pictures in the high-contrast theme: drawn for the calm
palette (dark words on light cards), they would sit as bright boxes in a
black screen. Every colour the picture names is turned over in lightness
(hue and saturation kept), so light fills become near-black, dark words
near-white and the teal and brown accents light tints of themselves: the
picture's own contrasts stay, on the theme's black. Raster pictures
(photos) are left alone: turned over they would look like negatives."""

from __future__ import annotations

import re

from PySide6.QtGui import QColor

from app.ui.theme import HIGH_CONTRAST, Theme

# A colour given to a paint property, as an attribute (fill="#1A2330") or in
# style text (fill: #1A2330). Only these properties: "#abc" elsewhere may be
# a reference to an element's id.
_PAINT = re.compile(
    r"(?<![\w-])((?:fill|stroke|stop-color|flood-color|lighting-color|color)"
    r"""\s*(?:=\s*["']|:)\s*)(#[0-9a-fA-F]{3,8}\b|rgb\([^)]*\)|[a-zA-Z]+)"""
)
_ROOT = re.compile(r"<svg\b([^>]*)>")


def for_theme(svg: bytes, theme: Theme) -> bytes:
    """`svg` as drawn in `theme`: unchanged in the calm theme."""
    if theme.name != HIGH_CONTRAST.name:
        return svg
    text = svg.decode("utf-8", errors="replace")
    text = _PAINT.sub(lambda match: match.group(1) + _turned(match.group(2)), text)
    # Unpainted shapes and words are black in SVG, unseen on black: give the
    # picture the theme's ink as its default paint.
    root = _ROOT.search(text)
    if root is not None and not re.search(r"(?<![\w-])fill\s*=", root.group(1)):
        text = text[: root.end(1)] + f' fill="{theme.ink}"' + text[root.end(1) :]
    return text.encode("utf-8")


def _turned(value: str) -> str:
    colour = QColor(value)
    if not colour.isValid() or value.lower() in ("none", "transparent", "currentcolor"):
        return value
    hue, saturation, lightness, _ = colour.getHslF()
    turned = QColor.fromHslF(max(hue, 0.0), saturation, 1.0 - lightness)
    return turned.name()
