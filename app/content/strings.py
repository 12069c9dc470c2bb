"""The words the UI shows. A pack's `<lang>/strings.toml` sets them per
language; a key it lacks falls back to the pack's English, then to these."""

from __future__ import annotations

# Placeholders in braces are filled in by the UI with str.format.
DEFAULT_STRINGS: dict[str, str] = {
    "language_name": "English",  # this language's name, in this language
    "previous": "Previous",
    "next": "Next",
    "topics": "Topics",
    "references": "References",
    "contact": "Contact us",
    "learn_more": "Learn more",
    "show_less": "Show less",
    "back": "Back",
    "progress": "{current} of {total}",
    "topics_title": "All topics",
    "references_title": "The science behind this",
    "reference_label": "Reference {number}",
    "cited_on": "Cited on these slides:",
    "scan_paper": "Scan to read the paper on your phone",
    "contact_title": "Contact us",
    "call_us": "Call us",
    "text_us": "Text us",
    "scan_to_call": "Scan to call",
    "scan_to_text": "Scan to text",
    "address": "Address",
    "hours": "Hours",
    "website": "Scan to visit our website",
    "crisis": "In a crisis? Call {crisis_line} any time.",
    "disclaimer": "This is education, not medical advice. Talk with our team about your care.",
    "front_desk_title": "Please ask at the front desk",
    "front_desk_body": "This screen is resting right now. Our team is happy to help you.",
    # Unattended kiosk: the attract loop and the idle prompt.
    "touch_to_start": "Touch the screen to start",
    "pause": "Pause",
    "play": "Play",
    "still_reading": "Still reading?",
    "starting_over": "The screen will start over in {seconds} seconds.",
    "keep_reading": "Keep reading",
    # Staff only: PIN pad and staff menu.
    "staff_pin_title": "Staff PIN",
    "pin_wrong": "That PIN is not right. {tries} tries left.",
    "pin_locked": "Too many tries. Please wait {seconds} seconds.",
    "no_pin": "No staff PIN is set. On this computer, run: clinic-kiosk set-pin",
    "cancel": "Cancel",
    "ok": "OK",
    "delete": "Delete",
    "staff_menu_title": "Staff menu",
    "resume": "Resume",
    "reload_content": "Reload content",
    "diagnostics": "Diagnostics",
    "exit_kiosk": "Exit the kiosk",
    # Comfort controls on every patient screen.
    "text_size": "Text size",
    "text_normal": "Normal",
    "text_large": "Large",
    "text_largest": "Largest",
    "contrast": "Contrast",
    "read_aloud": "Listen",
    "stop_reading": "Stop",
    "qr_code": "QR code: {target}",
}
