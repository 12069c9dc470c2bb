"""Start-up floors: the least a window like the kiosk's can take to paint.

Run: python tests/bench/floor.py [--stack | --names-qt]

Each variant prints "first-paint" once its first paint has been handled,
then quits: the same contract as `clinic-kiosk --exit-after-first-paint`.

--stack   the stack floor, the one the start-up target is measured against:
          the libraries the kiosk is built on, each used once. A short slide
          written in Markdown is turned into HTML by Python-Markdown and shown
          as rich text, a button carries a qtawesome icon, and `Qt` is named.
          Whatever the kiosk takes beyond this is the kiosk's own start-up.
(none)    a bare PySide6 window showing one page of plain text: no library
          but Qt, and `Qt` never named. For information only.
--names-qt  the bare window setting one alignment. Naming anything in
          PySide's `Qt` namespace makes PySide build all of that namespace's
          Python enums (93 of them), which the bare window skips. For
          information only.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QVBoxLayout, QWidget

PAGE = " ".join(["A page of patient information, set in plain words for the waiting room."] * 12)

SLIDE = """\
# What the science says

Most facts on these pages come from **three published studies**. The small
raised numbers show which one.

- Tap *Next* to go on.
- Tap *Topics* to choose a page.

You can stop at any time and talk with someone on our team.
"""


class FirstPaint(QObject):
    """Prints "first-paint" once the watched widget's first paint is handled."""

    def __init__(self, app: QApplication) -> None:
        super().__init__()
        self.app = app

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._done)
        return False

    def _done(self) -> None:
        print("first-paint", flush=True)
        self.app.quit()


def bare_page(layout: QVBoxLayout, names_qt: bool) -> QLabel:
    title = QLabel("What the science says")
    text = QLabel(PAGE)
    text.setWordWrap(True)
    if names_qt:
        from PySide6.QtCore import Qt

        title.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    layout.addWidget(title)
    layout.addWidget(text, 1)
    return text


def stack_page(layout: QVBoxLayout) -> QLabel:
    import markdown
    import qtawesome
    from PySide6.QtCore import Qt

    text = QLabel(markdown.markdown(SLIDE))
    text.setTextFormat(Qt.TextFormat.RichText)
    text.setWordWrap(True)
    home = QPushButton("Topics")
    home.setIcon(qtawesome.icon("fa6s.house"))
    layout.addWidget(text, 1)
    layout.addWidget(home)
    return text


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QWidget()
    window.setWindowTitle("floor")
    layout = QVBoxLayout(window)
    if "--stack" in sys.argv:
        text = stack_page(layout)
    else:
        text = bare_page(layout, names_qt="--names-qt" in sys.argv)
    window.resize(1280, 800)
    window.show()
    first = FirstPaint(app)
    text.installEventFilter(first)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
