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
from app.ui.widgets.buttons import make_button, press_with_enter, set_button_text
from app.ui.widgets.icons import icon
from app.ui.widgets.labels import make_label

# Tiles on one page: a pack of 2000 slides gets pages of tiles, not 2000
# widgets (3 ms and 90 KB each); the tiles are reused from page to page.
TILES_PER_PAGE = 60


class TopicTile(QPushButton):
    """A button whose words wrap: QPushButton's own text cannot."""

    def __init__(self, number: int, title: str, icon_name: str) -> None:
        super().__init__()
        self.setProperty("role", "tile")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        press_with_enter(self)
        self.icon_label = QLabel()
        hide_from_readers(self.icon_label)
        self.text_label = make_label()
        self._style: tuple[Theme, Metrics] | None = None
        self.set_topic(number, title, icon_name)
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

    def set_topic(self, number: int, title: str, icon_name: str) -> None:
        self.setAccessibleName(f"{number}. {title}")
        self.text_label.setText(f"{number}. {title}")
        self.icon_name = icon_name
        if self._style is not None:
            self.apply_style(*self._style)

    def mark_current(self, current: bool, words: str) -> None:
        """`words` ("You are here") under the title and as its description."""
        self.setProperty("current", current)
        self.here_label.setText(f"\u2713 {words}")
        self.here_label.setVisible(current)
        self.setAccessibleDescription(words if current else "")
        self.style().unpolish(self)
        self.style().polish(self)

    def apply_style(self, theme: Theme, m: Metrics) -> None:
        self._style = (theme, m)
        side = m.px(64, 36)
        self.icon_label.setPixmap(icon(self.icon_name, theme.accent).pixmap(QSize(side, side)))
        self.icon_label.setFixedWidth(side + m.gap // 2)
        self.layout().setContentsMargins(m.gap, m.gap, m.gap, m.gap)
        self.setMinimumHeight(m.px(150, 72))

    def sizeHint(self) -> QSize:
        return self.layout().sizeHint()


class TopicsScreen(ScrollingScreen):
    TITLE = "topics_title"
    slideChosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QGridLayout(), parent)
        self.tiles: list[TopicTile] = []
        self.here = ""  # the words that mark the current topic
        self.columns = 3
        self._style: tuple[Theme, Metrics] | None = None
        self._topics: list[tuple[int, str, str]] = []  # every slide: number, title, icon
        self.page = 0
        self.current = -1  # the slide marked "You are here", on whichever page
        self.pager = QHBoxLayout()  # below the tiles, only when there are pages
        self.previous_page = make_button("secondary")
        self.next_page = make_button("secondary")
        self.page_label = make_label("", "muted")
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for widget in (self.previous_page, self.page_label, self.next_page):
            self.pager.addWidget(widget, 1 if widget is self.page_label else 0)
        self.previous_page.clicked.connect(lambda: self.show_page(self.page - 1))
        self.next_page.clicked.connect(lambda: self.show_page(self.page + 1))
        self.outer.addLayout(self.pager)

    def set_pack(self, pack: Pack) -> None:
        self.header.set_texts(pack.strings["back"], pack.strings["topics_title"])
        self.here = word(pack.strings, "current_topic")
        set_button_text(self.previous_page, pack.strings["previous"])
        set_button_text(self.next_page, pack.strings["next"])
        self._topics = [(i + 1, s.title, s.icon) for i, s in enumerate(pack.slides)]
        for tile in self.tiles:
            self.body.removeWidget(tile)
        wanted = min(len(self._topics), TILES_PER_PAGE)
        for tile in self.tiles[wanted:]:
            tile.deleteLater()
        del self.tiles[wanted:]
        while len(self.tiles) < wanted:
            tile = TopicTile(0, "", "")
            place = len(self.tiles)
            tile.clicked.connect(lambda _=False, p=place: self._choose(p))
            self.tiles.append(tile)
        self._place_tiles()
        self.show_page(0)
        if self._style:
            self.apply_style(*self._style, portrait=self.columns == 2)

    def show_page(self, page: int) -> None:
        """Tiles for slides page * TILES_PER_PAGE onwards."""
        pages = max(1, -(-len(self._topics) // TILES_PER_PAGE))
        page = min(max(page, 0), pages - 1)
        if page != self.page:
            self.scroll.verticalScrollBar().setValue(0)  # a new page starts at its top
        self.page = page
        shown = self._topics[self.page * TILES_PER_PAGE :][: len(self.tiles)]
        for tile, topic in zip(self.tiles, shown, strict=False):
            tile.set_topic(*topic)
        for i, tile in enumerate(self.tiles):
            tile.setVisible(i < len(shown))
            if self.here:
                tile.mark_current(self.page * TILES_PER_PAGE + i == self.current, self.here)
        first = self.page * TILES_PER_PAGE + 1
        self.page_label.setText(f"{first}–{first + len(shown) - 1} / {len(self._topics)}")
        self.previous_page.setEnabled(self.page > 0)
        self.next_page.setEnabled(self.page < pages - 1)
        for widget in (self.previous_page, self.page_label, self.next_page):
            widget.setVisible(pages > 1)

    def _choose(self, place: int) -> None:
        self.slideChosen.emit(self.page * TILES_PER_PAGE + place)

    def mark_current(self, index: int) -> None:
        self.current = index
        self.show_page(index // TILES_PER_PAGE)

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
