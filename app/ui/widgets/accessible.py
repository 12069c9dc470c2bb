"""What a screen reader is told that Qt cannot guess from the widget alone.

Qt names each widget's accessible role from its class: a widget that paints
a QR code or a figure itself is a "filler", an overlay is a "panel", and an
icon beside a title is an unnamed image. `set_role` gives a widget the role
it has for a patient (an image, an alert, a dialog); `hide_from_readers`
takes a decorative icon out of what a screen reader walks. Both work through
Qt's public accessibility factory (QAccessible.installFactory), installed
the first time a widget is given a role.

`show_language` tells every object's language, so a screen reader can pick
a voice for it. `focusable_text` makes a label a Tab stop whose name is read in full, for
words a patient must be able to reach with the keyboard (a phone number)."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QObject, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAccessibleWidget, QLabel, QWidget

ROLE_PROPERTY = "accessibleRole"  # a QAccessible.Role value, read by the factory
DECORATIVE = -1  # ROLE_PROPERTY's value for "not there for a screen reader"

_installed = False


class _Decorative(QAccessibleWidget):
    """An icon that repeats its neighbour's words: invisible to readers."""

    def state(self) -> QAccessible.State:
        state = super().state()
        state.invisible = True
        return state


def _interface(key: str, obj: QObject) -> QAccessibleWidget | None:
    role = obj.property(ROLE_PROPERTY) if isinstance(obj, QWidget) else None
    if role is None:
        return None  # Qt's own interface for this class
    if role == DECORATIVE:
        return _Decorative(obj, QAccessible.Role.Graphic)
    return QAccessibleWidget(obj, QAccessible.Role(role))


def _install() -> None:
    global _installed
    if not _installed:
        QAccessible.installFactory(_interface)
        _installed = True


def set_role(widget: QWidget, role: QAccessible.Role) -> None:
    """Call before the widget is first shown: Qt keeps each interface it made."""
    _install()
    widget.setProperty(ROLE_PROPERTY, role.value)


def hide_from_readers(widget: QWidget) -> None:
    _install()
    widget.setProperty(ROLE_PROPERTY, DECORATIVE)


def focusable_text(label: QLabel, name: str) -> QLabel:
    """`label` as a Tab stop read as `name` (theme.py draws its focus ring)."""
    label.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    label.setProperty("focusable", True)
    label.setAccessibleName(name)
    return label


def show_language(window: QWidget, language: str) -> None:
    """Every object in `window` says it is in `language` ("es") over AT-SPI.
    Qt's own interfaces give their widget's locale; those the factory above
    makes have no attributes interface (PySide cannot add one), and for them
    Qt gives the application's default locale: both are set."""
    QLocale.setDefault(QLocale(language))
    window.setLocale(QLocale(language))
