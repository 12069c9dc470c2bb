"""Laying a screen out now, before it paints, rather than over the next few
event-loop passes.

Qt lays widgets out when it delivers their posted LayoutRequest events, and
each level that changes size posts one more to its parent, so a change deep
in a screen (a study button's new number, a new title) climbs one level per
event-loop pass. The window paints between those passes, then lays out and
paints again: a page turn drawn two or three times. Delivering them here,
once per level, lets it be laid out whole and painted once."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent

# Card, slide screen, screen stack, window, and a row inside the card: the
# deepest chain a screen has. A pass with nothing waiting costs microseconds.
LEVELS = 6


def lay_out_now() -> None:
    """Deliver every waiting layout request, and those they post to parents."""
    for _ in range(LEVELS):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
