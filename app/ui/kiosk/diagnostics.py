"""The diagnostics text staff see in the staff menu."""

from __future__ import annotations

from app import __version__
from app.content.model import Clinic
from app.core.pin_store import pin_path
from app.ui.main_window import MainWindow


def describe(window: MainWindow, log_file: str, recent_errors: list[str]) -> str:
    """Versions, review dates, translation status, the help lines, whether
    the clinic details are a sample, where the PIN and the log live, and the
    last few errors."""
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
        lines += _clinic_lines(pack.clinic)
    lines.append(f"Staff PIN file: {pin_path()}")
    lines.append(f"Log file: {log_file}")
    lines.append("Recent errors:" if recent_errors else "Recent errors: none")
    lines += [f"  {message}" for message in recent_errors[-5:]]
    return "\n".join(lines)


def _clinic_lines(clinic: Clinic) -> list[str]:
    """What patients are told to call, for staff to confirm before going live."""
    lines = []
    if clinic.sample:
        lines.append(
            "Sample clinic details: clinic.toml says sample = true, and the contact "
            "screen says so. Put in the real details and delete that line before going live."
        )
    numbers = (
        ("crisis line", clinic.crisis_line),
        ("crisis text", clinic.crisis_text),
        ("emergency", clinic.emergency),
        ("helpline", clinic.helpline),
    )
    shown = ", ".join(f"{name} {number or 'none'}" for name, number in numbers)
    return [*lines, f"Help lines: {shown}"]
