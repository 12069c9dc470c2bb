"""Every slide as a tile, icon and title; tap one to go there."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.content.model import Pack
from app.content.strings import word
from app.ui.screens.scrolling_screen import ScrollingScreen
from app.ui.theme import Metrics, Theme
from app.ui.widgets.accessible import hide_from_readers
from app.ui.widgets.buttons import press_with_enter
from app.ui.widgets.icons import icon
from app.ui.widgets.labels import make_label


class TopicTile(QPushButton):
    """A button whose words wrap: QPushButton's own text cannot."""

    def __init__(self, number: int, title: str, icon_name: str) -> None:
        super().__init__()
        self.setProperty("role", "tile")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        press_with_enter(self)
        self.setAccessibleName(f"{number}. {title}")
        self.icon_name = icon_name
        self.icon_label = QLabel()
        hide_from_readers(self.icon_label)
        self.text_label = make_label(f"{number}. {title}")
        self.text_label.setMinimumWidth(1)  # wrap rather than widen the window
        # The slide on screen, marked in words as well as by colour.
        self.here_label = make_label("", "muted")
        self.here_label.hide()
        words = QVBoxLayout()
        words.addWidget(self.text_label)
        words.addWidget(self.here_label)
        for label in (self.icon_label, self.text_label, self.here_label):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        row = QHBoxLayout(self)
        row.addWidget(self.icon_label)
        row.addLayout(words, 1)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

    def mark_current(self, current: bool, words: str) -> None:
        """`words` ("You are here") under the title and as its description."""
        self.setProperty("current", current)
        self.here_label.setText(f"\u2713 {words}")
        self.here_label.setVisible(current)
        self.setAccessibleDescription(words if current else "")
        self.style().unpolish(self)
        self.style().polish(self)

    def apply_style(self, theme: Theme, m: Metrics) -> None:
        side = m.px(64, 36)
        self.icon_label.setPixmap(icon(self.icon_name, theme.accent).pixmap(QSize(side, side)))
        self.icon_label.setFixedWidth(side + m.gap // 2)
        self.layout().setContentsMargins(m.gap, m.gap, m.gap, m.gap)
        self.setMinimumHeight(m.px(150, 72))

    def sizeHint(self) -> QSize:
        return self.layout().sizeHint()


class TopicsScreen(ScrollingScreen):
    slideChosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QGridLayout(), parent)
        self.tiles: list[TopicTile] = []
        self.here = ""  # the words that mark the current topic
        self.columns = 3
        self._style: tuple[Theme, Metrics] | None = None

    def set_pack(self, pack: Pack) -> None:
        self.header.set_texts(pack.strings["back"], pack.strings["topics_title"])
        self.here = word(pack.strings, "current_topic")
        for tile in self.tiles:
            self.body.removeWidget(tile)
            tile.deleteLater()
        self.tiles = []
        for i, slide in enumerate(pack.slides):
            tile = TopicTile(i + 1, slide.title, slide.icon)
            tile.clicked.connect(lambda _=False, index=i: self.slideChosen.emit(index))
            self.tiles.append(tile)
        self._place_tiles()
        if self._style:
            self.apply_style(*self._style, portrait=self.columns == 2)

    def mark_current(self, index: int) -> None:
        for i, tile in enumerate(self.tiles):
            tile.mark_current(i == index, self.here)

    def entry_focus(self) -> QWidget:
        """The current topic."""
        current = [tile for tile in self.tiles if tile.property("current")]
        return current[0] if current else super().entry_focus()

    def _place_tiles(self) -> None:
        for i, tile in enumerate(self.tiles):
            self.body.addWidget(tile, i // self.columns, i % self.columns)
        for column in range(4):
            self.body.setColumnStretch(column, 1 if column < self.columns else 0)
        self.body.setRowStretch(len(self.tiles) // self.columns + 1, 1)

    def apply_style(self, theme: Theme, m: Metrics, portrait: bool) -> None:
        self._style = (theme, m)
        super().apply_style(theme, m, portrait)
        self.body.setSpacing(m.gap)
        columns = 2 if portrait else 3
        if columns != self.columns:
            self.columns = columns
            for tile in self.tiles:
                self.body.removeWidget(tile)
            self._place_tiles()
        for tile in self.tiles:
            tile.apply_style(theme, m)
