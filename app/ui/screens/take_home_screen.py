"""Take this home: the pack's questions to ask, the clinic's numbers and
where to get help now, as words and as one QR code that holds those words
(app/content/take_home.py). A phone camera shows the text: nothing is
looked up, tracked or sent, and the kiosk stores nothing."""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QAccessible, QPainter
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from app.content.model import Pack
from app.content.take_home import MAX_TAKE_HOME_BYTES, take_home_blocks, take_home_text
from app.ui.screens.scrolling_screen import ScrollingScreen
from app.ui.theme import Metrics, Theme
from app.ui.widgets.accessible import focusable_text, set_role
from app.ui.widgets.labels import make_label
from app.ui.widgets.qr_code import QUIET_ZONE, paint_qr

log = logging.getLogger(__name__)

# Level M (15 % of the code may be lost): a touchscreen has fingerprints and
# glare. Level L would make the modules about a tenth bigger; Q would cost a
# version and more, for damage a screen never has.
ERROR_LEVEL = "m"


def text_modules(text: str) -> list[list[bool]]:
    """`text` as a QR code's modules, quiet zone included, in UTF-8 (what
    phone cameras read; it holds every language); [] when it is too long."""
    import segno  # only this screen and the contact screens need it

    size = len(text.encode("utf-8"))
    if not 0 < size <= MAX_TAKE_HOME_BYTES:
        if size:
            log.warning("take-home text not drawn as a QR code: %d bytes is too long", size)
        return []
    code = segno.make(text, error=ERROR_LEVEL, encoding="utf-8", micro=False)
    return [[bool(v) for v in row] for row in code.matrix_iter(scale=1, border=QUIET_ZONE)]


class TextCode(QWidget):
    """A QR code of a text, its side a whole number of pixels per module."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = ""
        self.modules: list[list[bool]] = []
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        set_role(self, QAccessible.Role.Graphic)

    def set_text(self, text: str) -> None:
        if text != self.text:
            self.text = text
            self.modules = text_modules(text)
            self.update()

    @property
    def module_px(self) -> int:
        """Screen pixels per module at the side the code has now."""
        count = len(self.modules)
        return self.width() // count if count else 0

    def fit(self, side: int) -> None:
        """As big as fits in `side` pixels, in whole pixels per module."""
        count = len(self.modules) or 1
        side = max(count, side // count * count)
        self.setFixedSize(side, side)

    def sizeHint(self) -> QSize:
        return self.size()

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt API)
        painter = QPainter(self)
        paint_qr(painter, QRectF(self.rect()), self.modules)
        painter.end()


# The words are the code's reference copy: at normal text they are set this
# much smaller, so they fit the page with the code, the help lines included
# (40 px body at 1080p becomes 28, the kiosk's body minimum, never less).
# A patient who asked for larger text gets it whole, and scrolls.
REFERENCE_SCALE = 0.7


def reference_copy_style(m: Metrics) -> str:
    """The words' style sheet: "" (the window's) unless the text is normal."""
    if m.text != 1.0:
        return ""
    body = max(m.text_px(28, 20), round(m.body * REFERENCE_SCALE))
    heading = round(m.text_px(44, 26) * REFERENCE_SCALE)
    return (
        f"QLabel {{ font-size: {body}px; }}"
        f' QLabel[role="heading"] {{ font-size: {max(body, heading)}px; font-weight: bold; }}'
        f' QLabel[role="muted"] {{ font-size: {m.small}px; }}'
    )


class TakeHomeScreen(ScrollingScreen):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QGridLayout(), parent)
        # Children of the scrolling page from the start, never windows.
        self.words = QFrame(self.host)
        self.words.setProperty("role", "card")
        self.words_layout = QVBoxLayout(self.words)
        self.caption = make_label("", "muted")  # how to use the code, above the words
        # The caption and the closing stretch stay in the layout for good;
        # each pack's blocks go between them. (Taken out and added again, the
        # caption kept its height for the first words it had: Qt cached it.)
        self.words_layout.addWidget(self.caption)
        self.words_layout.addStretch(1)
        self.blocks: list[QLabel] = []
        self.code_column = QFrame(self.host)
        self.code_column.setProperty("role", "card")
        self.column = QVBoxLayout(self.code_column)
        self.code = TextCode(self.code_column)
        self.column.addWidget(self.code, 0, Qt.AlignmentFlag.AlignCenter)
        self.text = ""
        self.from_contact = False  # Back returns there (app/ui/take_home_door.py)
        self.portrait: bool | None = None
        self.scroll.viewport().installEventFilter(self)
        self.host.installEventFilter(self)

    def set_pack(self, pack: Pack) -> None:
        s = pack.strings
        self.header.set_texts(s["back"], s["take_home"])
        self.text = take_home_text(pack.clinic, s)
        self.code.set_text(self.text)
        self.code_column.setVisible(bool(self.code.modules))
        self.code.setAccessibleName(s["qr_code"].format(target=s["take_home"]))
        self.code.setAccessibleDescription(s["take_home_scan"])
        self.caption.setText(s["take_home_scan"])
        self.caption.setVisible(bool(self.code.modules))
        for label in self.blocks:
            self.words_layout.removeWidget(label)
            label.hide()  # now: deleteLater waits for the event loop
            label.deleteLater()
        self.blocks = []
        # The same words the code holds, a label a block, each a Tab stop:
        # the questions under a heading, the help lines as the crisis banner.
        for kind, lines in take_home_blocks(pack.clinic, s):
            name = "\n".join(lines)  # the questions read with their heading
            if kind == "questions":
                self.blocks.append(make_label(lines[0], "heading"))
                lines = lines[1:]
            block = make_label("\n".join(lines), "crisis" if kind == "help" else "")
            self.blocks.append(focusable_text(block, name))
        for label in self.blocks:
            self.words_layout.insertWidget(self.words_layout.count() - 1, label)
        self._fit_code()

    def entry_focus(self) -> QWidget:
        """The first block a Tab reaches (the questions)."""
        stops = [label for label in self.blocks if label.focusPolicy() != Qt.FocusPolicy.NoFocus]
        return stops[0] if stops else super().entry_focus()

    def _arrange(self, portrait: bool) -> None:
        self.portrait = portrait
        self.body.removeWidget(self.words)
        self.body.removeWidget(self.code_column)
        if portrait:  # the code on top, where a phone held up meets it
            self.body.addWidget(self.code_column, 0, 0)
            self.body.addWidget(self.words, 1, 0)
        else:
            self.body.addWidget(self.words, 0, 0)
            self.body.addWidget(self.code_column, 0, 1, Qt.AlignmentFlag.AlignTop)
        self.body.setColumnStretch(0, 1)
        self.body.setColumnStretch(1, 0)
        self.body.setRowStretch(2, 1)

    def _fit_code(self) -> None:
        """The biggest code the page shows whole: in landscape beside the
        words (at most half the width), in portrait above them (at most
        half the height)."""
        view = self.scroll.viewport().size()
        margins = self.column.contentsMargins()
        across = margins.left() + margins.right() + self.body.contentsMargins().right()
        down = margins.top() + margins.bottom()
        if self.portrait:
            side = min(view.width() - across, view.height() // 2 - down)
        else:
            side = min(view.height() - down, view.width() // 2 - across)
        self.code.fit(max(1, side))

    def _fit_page(self) -> None:
        """The page as tall as its wrapped words need at its width. The
        scroll area sizes it by its minimum size, which Qt takes from the
        words' height at some earlier width or type size: labels were cut."""
        host = self.host
        host.setMinimumHeight(max(0, host.heightForWidth(host.width())))

    def apply_style(self, theme: Theme, m: Metrics, portrait: bool) -> None:
        super().apply_style(theme, m, portrait)
        self.words.setStyleSheet(reference_copy_style(m))
        self.body.setSpacing(m.gap)
        # A card's usual margin with the reference copy would push the help
        # lines below the fold.
        pad = m.gap if self.words.styleSheet() else m.margin
        self.words_layout.setContentsMargins(pad, pad, pad, pad)
        self.words_layout.setSpacing(m.gap)
        # The code brings its own white border (the quiet zone).
        self.column.setContentsMargins(m.gap, m.gap, m.gap, m.gap)
        if portrait != self.portrait:
            self._arrange(portrait)
        self._fit_code()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt API)
        # The page's visible size is known when its viewport is resized
        # (the window, the text size, the header's rows).
        if watched is self.scroll.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_code()
        # Its width (the scroll bar came or went) or its words (language,
        # text size) changed: their height for that width.
        if watched is self.host and event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest):
            self._fit_page()
        return False
