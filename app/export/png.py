"""`clinic-kiosk export --png`: every screen rendered to PNG without a display."""

from __future__ import annotations

import os
from pathlib import Path


def export_png(
    content_dir: Path,
    out_dir: Path,
    size: tuple[int, int],
    language: str | None = None,
    text_size: int = 0,
    high_contrast: bool = False,
) -> list[Path]:
    # An offscreen window is exactly the asked-for size, whatever the
    # monitor (or lack of one) is.
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication

    from app.main import build_window, make_application
    from app.ui import take_home_door

    make_application()
    window = build_window(content_dir, language, size)
    window.slides.transition.enabled = False
    window.comfort.set_text_size(text_size)
    if high_contrast:
        window.comfort.toggle_contrast()
    window.resize(*size)
    window.show()
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []

    def save(name: str) -> None:
        QApplication.processEvents()
        path = out_dir / f"{name}.png"
        window.grab().save(str(path))
        written.append(path)

    pack = window.pack
    if pack is None:
        save("front-desk")
        _dispose(window)
        return written
    for i, slide in enumerate(pack.slides):
        window.controller.go(i)
        window.back_to_slides()
        save(f"{i + 1:02d}-{slide.id}")
        if slide.more_html:
            window.slides.toggle_more()
            save(f"{i + 1:02d}-{slide.id}-more")
    window.controller.go(0)
    window.open_topics()
    save("topics")
    window.open_references(None)
    save("references")
    window.open_contact()
    save("contact")
    take_home_door.open_take_home(window, back_to_contact=True)
    save("take-home")
    _dispose(window)
    return written


def _dispose(window) -> None:
    # Delete the widgets while Qt is still alive; left to Python's shutdown,
    # PySide can tear them down after QApplication and crash on exit.
    import shiboken6

    window.close()
    shiboken6.delete(window)
