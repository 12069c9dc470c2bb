"""Reading level of a slide's short text, for `check` notes and warnings.

textstat is imported on first use (it loads dictionaries, ~1 s) and only here, so
the kiosk itself never pays for it. It is pinned to 0.7.8, which works offline.
textstat keeps the language as global state, hence the lock.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

MAX_GRADE = 8.0  # patient material: aim for grade 6-8
MIN_SZIGRISZT = 65.0  # Szigriszt-Pazos / INFLESZ: 65+ is "fairly easy" or easier

_lock = threading.Lock()


@dataclass(frozen=True)
class Readability:
    note: str  # always reported
    warning: str  # "" when the text is easy enough


def assess(text: str, language: str) -> Readability:
    import textstat  # here, not at the top: slow, and only `check` needs it

    base = language.lower().replace("_", "-").split("-")[0]
    with _lock:
        words = textstat.lexicon_count(text) if text.strip() else 0
        count = f"{words} word{'s' if words != 1 else ''}"
        if not words:
            return Readability(f"reading level not measured, {count}", "")
        if base == "en":
            textstat.set_lang("en_US")
            grade = textstat.flesch_kincaid_grade(text)
            warn = ""
            if grade > MAX_GRADE:
                warn = (
                    f"reading grade {grade:.1f} is above {MAX_GRADE:g}; "
                    "use shorter sentences and everyday words"
                )
            return Readability(f"reading grade {grade:.1f} (Flesch-Kincaid), {count}", warn)
        if base == "es":
            textstat.set_lang("es")
            score = textstat.szigriszt_pazos(text)
            warn = ""
            if score < MIN_SZIGRISZT:
                warn = (
                    f"Szigriszt-Pazos readability {score:.1f} is below {MIN_SZIGRISZT:g}; "
                    "use shorter sentences and everyday words"
                )
            return Readability(
                f"Szigriszt-Pazos readability {score:.1f} "
                f"({MIN_SZIGRISZT:g}+ is fairly easy or easier), {count}",
                warn,
            )
        return Readability(f"reading level not measured for '{language}', {count}", "")
