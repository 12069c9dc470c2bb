"""qtawesome icons with a safe fallback: a typo in a pack never crashes."""

from __future__ import annotations

import logging

from PySide6.QtGui import QIcon

FALLBACK_ICON = "fa6s.circle-info"
log = logging.getLogger(__name__)


def icon(name: str, colour: str) -> QIcon:
    import qtawesome

    try:
        return qtawesome.icon(name, color=colour)
    except Exception:  # qtawesome raises bare Exception for unknown names
        log.warning("unknown icon %r, using %s", name, FALLBACK_ICON)
        return qtawesome.icon(FALLBACK_ICON, color=colour)
