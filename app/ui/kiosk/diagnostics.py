"""The diagnostics text staff see in the staff menu."""

from __future__ import annotations

from app import __version__
from app.core.pin_store import pin_path
from app.ui.main_window import MainWindow


def describe(window: MainWindow, log_file: str, recent_errors: list[str]) -> str:
    """Versions, review dates, translation status, where the PIN and the log
    live, and the last few errors."""
    pack = window.pack
    lines = [f"clinic-kiosk {__version__}", f"Content: {window.content_dir}"]
    if pack is not None:
        deck = pack.deck
        lines += [
            f"Pack: {deck.title} ({len(pack.slides)} slides, {pack.language})",
            f"Reviewed: {deck.reviewed or 'not recorded'}; review due: "
            f"{deck.review_due or 'not recorded'}",
        ]
        lines += [f"Translation {lang}: {status}" for lang, status in deck.translations.items()]
    lines.append(f"Staff PIN file: {pin_path()}")
    lines.append(f"Log file: {log_file}")
    lines.append("Recent errors:" if recent_errors else "Recent errors: none")
    lines += [f"  {message}" for message in recent_errors[-5:]]
    return "\n".join(lines)
