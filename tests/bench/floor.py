"""The start-up floor: a bare PySide6 window showing one page of text.

Prints "first-paint" once its first paint has been handled, then quits, the
same contract as `clinic-kiosk --exit-after-first-paint`. Nothing but Qt:
whatever the kiosk takes beyond this is the kiosk's own start-up cost.

With --names-qt it also sets one alignment, as nearly every real window
does. Naming anything in PySide's `Qt` namespace makes PySide build all of
that namespace's Python enums (93 of them), a cost this bare window skips;
bench.py reports the kiosk against this variant too, for information only.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

PAGE = " ".join(["A page of patient information, set in plain words for the waiting room."] * 12)


class FirstPaint(QObject):
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


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QWidget()
    window.setWindowTitle("floor")
    title = QLabel("What the science says")
    text = QLabel(PAGE)
    text.setWordWrap(True)
    if "--names-qt" in sys.argv:
        from PySide6.QtCore import Qt

        title.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    layout = QVBoxLayout(window)
    layout.addWidget(title)
    layout.addWidget(text, 1)
    window.resize(1280, 800)
    window.show()
    first = FirstPaint(app)
    text.installEventFilter(first)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
