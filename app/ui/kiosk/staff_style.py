"""The look of the staff screens (PIN pad, staff menu, Usage page).

Staff screens keep one size at every patient text size: the patient's
"Text size" is for reading slides, and a PIN pad or a diagnostics box grown
half as large again would leave its card. Sizes still follow the window
(Metrics at the normal text size). The sheet is set on the overlay's card,
where it wins over the window's sheet for the card's own widgets; every size
the window's sheet grows with the text (words, buttons' words and least
height) is set here again, or the patient's size would still reach them.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.ui.theme import Metrics, Theme


def staff_metrics(m: Metrics) -> Metrics:
    """`m` at the normal text size."""
    return Metrics(unit=m.unit)


def apply_staff_look(card: QWidget, theme: Theme, m: Metrics) -> Metrics:
    """Sets the staff sizes on `card`; returns the Metrics they come from."""
    staff = staff_metrics(m)
    card.setStyleSheet(staff_sheet(theme, staff))
    return staff


def staff_sheet(t: Theme, m: Metrics) -> str:
    focus = m.px(6, 3)
    return f"""
    QLabel, QPlainTextEdit {{ font-size: {m.body}px; }}
    QLabel[role="heading"] {{ font-size: {m.px(44, 26)}px; font-weight: bold; }}
    QLabel[role="big"] {{ font-size: {m.px(50, 28)}px; font-weight: bold; }}
    QLabel[role="muted"] {{ font-size: {m.small}px; color: {t.muted}; }}
    QLabel[role="note"] {{ font-size: {m.small}px; }}
    QLabel[hint="true"] {{ color: {t.muted}; }}
    QLabel[role="field"] {{
        font-size: {m.px(50, 28)}px; font-weight: bold; background: {t.paper};
        border: 2px solid {t.border}; border-radius: {m.px(10, 6)}px;
    }}
    QGraphicsView {{ background: {t.surface}; border: none; }}
    QPlainTextEdit[role="diagnostics"] {{ font-size: {m.small}px; }}
    QPushButton {{ font-size: {m.button_text}px; min-height: {m.touch}px; }}
    QPushButton[role="quiet"] {{
        background: transparent; color: {t.muted}; font-weight: normal;
        border: 2px solid {t.border}; min-height: {m.touch_small}px;
        font-size: {m.small}px;
    }}
    QPushButton[role="quiet"]:focus {{ border: {focus}px solid {t.focus}; }}
    """
