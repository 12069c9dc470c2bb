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
    # On Topics or The science opened while a big pack is still loading.
    "still_loading": "One moment, please. This page is still loading.",
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
    "pin_wrong_one": "That PIN is not right. 1 try left.",
    "pin_locked_one": "Too many tries. Please wait 1 second.",
    "no_pin": "No staff PIN is set. On this computer, run: clinic-kiosk set-pin",
    "staff_pin_hint": "Type the staff PIN, then OK.",
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
    # Staff presenter mode (console and key list).
    "presenter_mode": "Presenter mode",
    "presenter_title": "Presenter console",
    "presenter_current": "Now showing",
    "presenter_next": "Next",
    "presenter_last_slide": "End of the slides",
    "presenter_notes": "Speaker notes",
    "presenter_no_notes": "No notes for this slide.",
    "presenter_slide": "Slide {current} of {total}",
    "presenter_elapsed": "Elapsed {time}",
    "presenter_clock": "Clock {time}",
    "presenter_reset_timer": "Restart timer",
    "presenter_show_audience": "Audience view (S)",
    "presenter_blackout": "Black screen (B)",
    "presenter_keys": "Keys (?)",
    "presenter_end": "End presentation",
    "presenter_go_to": "Go to slide {number}, then Enter",
    "presenter_audience_black": "The audience sees a black screen",
    "presenter_audience_white": "The audience sees a white screen",
    "presenter_audience_screen": "The audience sees: {screen}",
    "presenter_language": "Language",
    "presenter_text_size": "Text size",
    "key_help_title": "Keys",
    "key_help_close": "Press any key to close",
    "key_next": "Next slide",
    "key_previous": "Previous slide",
    "key_first_last": "First, last slide",
    "key_go": "A number, then Enter: go to that slide",
    "key_overview": "All topics (again: back)",
    "key_black": "Black screen (any key: back)",
    "key_white": "White screen (any key: back)",
    "key_references": "References",
    "key_contact": "Contact us",
    "key_fullscreen": "Full screen on or off",
    "key_start": "Start from the first slide, resume here",
    "key_switch": "One screen: console or audience view",
    "key_help": "This list",
    # The printed handout (clinic-kiosk export --pdf).
    "handout_page": "Page {page} of {pages}",
    "handout_doi": "DOI: {doi}",
    # The handout's running title; empty: the deck's title (deck.toml).
    "handout_title": "",
    # A sentence that starts with one of these is for the touchscreen: the handout
    # and the projector in presenter mode leave it out (app/content/screen_words.py).
    "screen_words": "Tap, Touch, Click, Swipe",
    "handout_how_to_read": (
        'A small raised number points to a study listed under "{references}",'
        " near the end. The last page tells you how to reach us."
    ),
    # Help now: the button on every patient screen and the contact screen's
    # help lines. The numbers are in clinic.toml; the lines' names are here.
    "help_now": "Need help now?",
    "help_call_or_text": "Call or text {number}",
    "help_call": "Call {number}",
    "crisis_call": "Call the crisis line",
    "crisis_call_about": "Suicide & Crisis Lifeline. Any time, day or night.",
    "crisis_text_title": "Text the crisis line",
    "crisis_text_about": "Send a text any time, day or night.",
    "emergency": "In an emergency, call",
    "emergency_about": "If someone is in danger right now.",
    "helpline_name": "SAMHSA National Helpline",
    "helpline_about": "Free and private: information, and help to find treatment. "
    "Any time, in English and Spanish.",
    # An example pack (clinic.toml: sample = true) says so on its contact screen.
    "sample_details": "Sample clinic details",
    "sample_details_about": "The clinic's name, numbers and address here are made up "
    "for an example.",
    # Screen readers and keyboards (issue 18).
    "starting_over_one": "The screen will start over in {seconds} second.",
    "current_topic": "You are here",
    # Take this home (issue 20): the questions and numbers as a QR code of
    # text, and the last slide's buttons. take_home_questions: one question a
    # line, the pack's own (none by default: they are about its topic).
    "take_home": "Take this home",
    "take_home_scan": "Point your phone's camera at the code. These words show on your phone. "
    "Nothing is sent or saved.",
    "take_home_questions_title": "Questions to ask us",
    "take_home_questions": "",
    "take_home_crisis": "Crisis line, any time",
    "start_again": "Start again",
    "handout_questions_hint": "Write your answers, or your own questions, on the lines.",
    "handout_own_questions": "My own questions",
    # Check-yourself slides (kind: check): a patient taps an answer.
    "check_question": "Question {number} of {total}",
    "check_right": "Yes, that is right.",
    "check_not_quite": "Not quite, and that is OK. You can try another answer.",
    "check_answer_key": "Check yourself: the answers",
    "check_key_right": "Right: {answer}",
    "check_key_other": "Not right: {answer}",
    "check_tick": "Tick one answer for each question. The answers are below.",
    "check_see": "See the page: {title}",
    # Opening hours (clinic.toml [opening_hours]) and the closed screen.
    "day_monday": "Monday",
    "day_tuesday": "Tuesday",
    "day_wednesday": "Wednesday",
    "day_thursday": "Thursday",
    "day_friday": "Friday",
    "day_saturday": "Saturday",
    "day_sunday": "Sunday",
    "hours_line": "{days}: {times}",
    "hours_closed": "Closed",
    "closed_title": "The clinic is closed now",
    "closed_opens": "We open again {when} at {time}.",
    "closed_today": "today",
    "closed_tomorrow": "tomorrow",
    "closed_on_day": "on {day}",
    "closed_call_later": "Please call us to find out when we open again.",
    "closed_reach": "To reach us",
}


def word(strings: dict[str, str], key: str) -> str:
    """The pack's word for `key`, or the English default."""
    return strings.get(key) or DEFAULT_STRINGS[key]
