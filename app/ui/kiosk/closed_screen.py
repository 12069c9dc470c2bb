"""The closed screen: outside opening hours, over the whole kiosk window, a
calm note that the clinic is closed, when it opens again, how to reach it,
and the help lines, which a closed clinic never hides.

Dim by default (a dark page, soft but readable text: at least 7:1) and
bright for a while after a touch; closed_hours.py decides which. Every
touch, click or key is `touched` and goes no further, except the staff
chord, which still opens the staff door beneath."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QAccessible, QColor, QKeySequence, QPainter
from PySide6.QtWidgets import QBoxLayout, QLabel, QVBoxLayout, QWidget

from app.content.model import Clinic
from app.content.strings import word
from app.ui.kiosk.staff_door import STAFF_CHORD
from app.ui.screens.help_now import help_summary
from app.ui.theme import Metrics, Theme
from app.ui.widgets.accessible import focusable_text, hide_from_readers, set_role
from app.ui.widgets.icons import icon
from app.ui.widgets.labels import make_label

# Dim: (page, text) for each theme; the text is 8:1 on the page or more
# (tests/ui/test_closed_screen.py measures it).
DIM = {"calm": ("#0B1016", "#A9B4BF"), "high-contrast": ("#000000", "#C8C8C8")}
ICON = "fa6s.moon"


def whole(number: str) -> str:
    """A phone number that never breaks across lines (no-break spaces)."""
    return number.replace(" ", "\u00a0")


class ClosedScreen(QWidget):
    touched = Signal()

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        set_role(self, QAccessible.Role.Dialog)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.bright = False
        self._theme: Theme | None = None
        self._metrics: Metrics | None = None
        self.moon = QLabel()
        hide_from_readers(self.moon)
        self.title = make_label("", "title")
        self.opens = make_label("", "big")
        self.reach_heading = make_label("", "heading")
        self.reach = make_label("", "big")
        self.help_heading = make_label("", "heading")
        self.help = make_label("", "big")
        for label in self.labels():
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # Landscape: what and when on the left, the help lines on the right;
        # portrait: one column. Each heading sits close to its lines.
        self.groups = [QVBoxLayout() for _ in range(4)]
        for group, parts in zip(
            self.groups,
            (
                (self.moon, self.title),
                (self.opens,),
                (self.reach_heading, self.reach),
                (self.help_heading, self.help),
            ),
            strict=True,
        ):
            for part in parts:
                group.addWidget(
                    part,
                    0,
                    Qt.AlignmentFlag.AlignHCenter if part is self.moon else Qt.AlignmentFlag(0),
                )
        self.columns = [QVBoxLayout(), QVBoxLayout()]
        self.outer = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        for column in self.columns:
            self.outer.addLayout(column, 1)
        self.portrait: bool | None = None
        self._arrange(False)
        self.hide()
        window.installEventFilter(self)  # follow the window's size

    def labels(self) -> tuple[QLabel, ...]:
        """Every label of the page, top to bottom."""
        top = (self.title, self.opens)
        return (*top, self.reach_heading, self.reach, self.help_heading, self.help)

    def set_content(self, clinic: Clinic, strings: dict[str, str], opens: str) -> None:
        """The words, in the pack's language; `opens` says when it opens again."""
        s = strings
        self.title.setText(word(s, "closed_title"))
        self.opens.setText(opens)
        reach = []
        if clinic.phone:
            reach.append(f"{word(s, 'call_us')}: {whole(clinic.phone)}")
        if clinic.text:
            reach.append(f"{word(s, 'text_us')}: {whole(clinic.text)}")
        self.reach_heading.setText(word(s, "closed_reach"))
        self.reach.setText("\n".join(reach))
        self.reach_heading.setVisible(bool(reach))
        self.reach.setVisible(bool(reach))
        self.help_heading.setText(word(s, "help_now"))
        help_lines = help_summary(clinic, s)
        numbers = (clinic.crisis_line, clinic.crisis_text, clinic.emergency, clinic.helpline)
        for number in sorted({n for n in numbers if n}, key=len, reverse=True):
            help_lines = [line.replace(number, whole(number)) for line in help_lines]
        self.help.setText("\n".join(help_lines))
        # Each part a Tab stop read in full; the whole page is the description.
        focusable_text(self.title, self.title.text())
        focusable_text(self.opens, opens)
        focusable_text(self.reach, f"{self.reach_heading.text()}: {', '.join(reach)}")
        focusable_text(
            self.help, f"{self.help_heading.text()}: {', '.join(help_summary(clinic, s))}"
        )
        self.setAccessibleName(self.title.text())
        self.setAccessibleDescription(
            " ".join(label.accessibleName() for label in (self.opens, self.reach, self.help))
        )

    def open(self) -> None:
        self.setGeometry(self.parentWidget().rect())
        self.raise_()
        self.show()
        self.setFocus()

    def set_bright(self, bright: bool) -> None:
        self.bright = bright
        self._restyle()

    def apply_style(self, theme: Theme, m: Metrics) -> None:
        self._theme, self._metrics = theme, m
        self._arrange(self.parentWidget().height() > self.parentWidget().width())
        self.outer.setContentsMargins(m.margin * 2, m.margin, m.margin * 2, m.margin)
        self.outer.setSpacing(m.margin * 2)
        for column in self.columns:
            column.setSpacing(m.margin)
        for group in self.groups:
            group.setSpacing(m.gap // 2)
        self._restyle()

    def _arrange(self, portrait: bool) -> None:
        """Portrait: every group in the first column; landscape: the help
        lines in a second one. Each column centred top to bottom."""
        if portrait == self.portrait:
            return
        self.portrait = portrait
        for column in self.columns:
            while column.count():
                item = column.takeAt(0)
                if item.layout() is not None:
                    item.layout().setParent(None)
        shares = (self.groups, []) if portrait else (self.groups[:3], self.groups[3:])
        for column, groups in zip(self.columns, shares, strict=True):
            column.addStretch(1)
            for group in groups:
                column.addLayout(group)
            column.addStretch(1)
        self.outer.setStretch(1, 0 if portrait else 1)

    def _sizes(self, scale: float) -> dict[str, int]:
        """Type sizes of this page: the window's, not the patient's text size
        (the screen comes after the idle reset has put it back), times `scale`."""
        m = self._metrics
        return {
            "title": round(m.px(64, 30) * scale),
            "big": round(m.px(46, 22) * scale),
            "heading": round(m.px(34, 18) * scale),
            "moon": round(m.px(110, 48) * scale),
        }

    def colours(self) -> tuple[str, str]:
        """(page, text) as the screen shows now."""
        theme = self._theme
        if theme is None:
            return DIM["calm"]
        if self.bright:
            return theme.paper, theme.ink
        return DIM.get(theme.name, DIM["calm"])

    def _restyle(self) -> None:
        """Colours for bright or dim, and the largest type (at most the
        design size) with which every word fits on the page."""
        if self._metrics is None:
            return
        _, text = self.colours()
        self.setGeometry(self.parentWidget().rect())
        scale = 1.0
        while True:
            sizes = self._sizes(scale)
            self.setStyleSheet(
                f"QLabel {{ color: {text}; background: transparent; }}"
                f'QLabel[role="title"] {{ font-size: {sizes["title"]}px; }}'
                f'QLabel[role="big"] {{ font-size: {sizes["big"]}px; }}'
                f'QLabel[role="heading"] {{ font-size: {sizes["heading"]}px; }}'
            )
            self.moon.setFixedSize(QSize(sizes["moon"], sizes["moon"]))
            if scale <= 0.5 or self._fits():
                break
            scale -= 0.1
        self.moon.setPixmap(icon(ICON, text).pixmap(sizes["moon"], sizes["moon"]))
        self.update()

    def _fits(self) -> bool:
        layout = self.outer
        if layout.totalMinimumSize().width() > self.width():
            return False
        if layout.hasHeightForWidth():
            return layout.totalHeightForWidth(self.width()) <= self.height()
        return layout.totalSizeHint().height() <= self.height()

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt API)
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(self.colours()[0]))
        painter.end()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.Resize and watched is self.parentWidget():
            self.setGeometry(self.parentWidget().rect())
            if self._theme is not None and self._metrics is not None:
                self.apply_style(self._theme, self._metrics)
        return False

    def event(self, event) -> bool:
        # The slide keys beneath are window shortcuts: claimed here, they
        # arrive as key presses that only wake the screen. The staff chord is
        # left to the staff door.
        if event.type() == QEvent.Type.ShortcutOverride and QKeySequence(
            event.keyCombination()
        ) != QKeySequence(STAFF_CHORD):
            event.accept()
            return True
        return super().event(event)

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt API)
        event.accept()
        self.touched.emit()

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt API)
        event.accept()
        self.touched.emit()

    def focusNextPrevChild(self, forward: bool) -> bool:  # noqa: N802 (Qt API)
        """Tab goes round the parts of this page, never to the slide beneath."""
        parts = (self.title, self.opens, self.reach, self.help)
        stops = [label for label in parts if label.isVisibleTo(self)]
        if not stops:
            return True
        focused = self.focusWidget()
        step = 1 if forward else -1
        at = stops.index(focused) + step if focused in stops else (0 if forward else -1)
        stops[at % len(stops)].setFocus(Qt.FocusReason.TabFocusReason)
        return True
