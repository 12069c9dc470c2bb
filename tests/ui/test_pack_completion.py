"""Start-up shows the first slide of a pack read only that far; the rest
loads in a worker thread, and nothing meets an incomplete pack meanwhile."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt

from app.content.loader import load_pack
from app.content.opening import load_opening
from app.content.pack_shelf import load_every_language
from app.content.strings import DEFAULT_STRINGS
from app.ui.main_window import MainWindow


@pytest.fixture
def gate(monkeypatch):
    """The worker's load waits until the test opens the gate."""
    opened = threading.Event()

    def gated(root, progress=None):
        opened.wait(10)
        return load_every_language(root, progress)

    monkeypatch.setattr("app.ui.pack_completion.load_every_language", gated)
    yield opened
    opened.set()  # never leave the worker waiting


def started(qtbot, root) -> MainWindow:
    window = MainWindow(speech_engine="mock", warm_up_ms=0)
    qtbot.addWidget(window)
    window.slides.transition.enabled = False
    window.resize(1920, 1080)
    window.load(root, loaded=load_opening(root))
    window.show()
    qtbot.waitExposed(window)
    return window


def tap(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_taps_before_the_pack_is_complete_wait_for_it_and_are_kept(qtbot, pack_dir, gate):
    window = started(qtbot, pack_dir)
    assert window.slides.title_label.text() == "First slide"
    assert window.slides.progress_label.text().endswith("3")  # the whole deck's count
    qtbot.waitUntil(lambda: window.loading.running)
    tap(qtbot, window.slides.next_button)
    assert window.controller.index == 1
    assert window.slides.title_label.text() == "First slide"  # not a blank slide
    tap(qtbot, window.slides.topics_button)
    topics = window.topics
    assert window.current_screen is topics
    assert not topics.tiles  # never a list of empty titles
    # Never a blank screen either: its header in full, and what is happening.
    assert topics.header.title.text() == "All topics"
    assert topics.header.back_button.accessibleName() == "Back"
    assert topics.header.help_now.accessibleName() == window.slides.help_now.accessibleName()
    assert topics.waiting.isVisible() and not topics.scroll.isVisible()
    assert topics.waiting.text() == DEFAULT_STRINGS["still_loading"]
    assert window.focusWidget() is topics.waiting  # read out by a screen reader
    with qtbot.waitSignal(window.warmedUp, timeout=10_000):
        gate.set()
    assert window.pack.complete
    assert window.current_screen is topics  # the patient's screen stays
    assert not topics.waiting.isVisible() and topics.scroll.isVisible()
    titles = [tile.text_label.text() for tile in topics.tiles]
    assert titles == ["1. First slide", "2. Second slide", "3. Third slide"]
    assert window.focusWidget() is topics.entry_focus()  # the focus moved on with it
    window.back_to_slides()
    assert window.slides.title_label.text() == "Second slide"


def test_the_complete_pack_numbers_citations_as_a_full_load_does(qtbot, pack_dir):
    window = started(qtbot, pack_dir)
    qtbot.waitUntil(lambda: window.loading.finished and not window.loading.running)
    full = load_pack(pack_dir).pack
    assert window.pack.slides == full.slides
    assert [(r.id, r.number) for r in window.pack.references] == [
        (r.id, r.number) for r in full.references
    ]
    window.open_references("beta2021")
    card = window.references.card_for("beta2021")
    assert card.heading.text().endswith("2")
    assert [b.text() for b in card.slide_buttons] == ["Second slide"]


def test_a_language_switch_while_loading_waits_for_the_language(qtbot, bilingual, gate):
    window = started(qtbot, bilingual)
    qtbot.waitUntil(lambda: window.loading.running)
    tap(qtbot, window.slides.comfort.language_button)
    assert window.pack.language == "en"  # not loaded on the UI thread
    gate.set()
    qtbot.waitUntil(lambda: window.pack.language == "es", timeout=10_000)
    assert window.slides.title_label.text() == "Primera"


def test_closing_the_window_while_loading_leaves_no_thread(qtbot, pack_dir, gate):
    window = started(qtbot, pack_dir)
    qtbot.waitUntil(lambda: window.loading.running)
    gate.set()
    window.close()
    assert not window.loading.running


def test_topics_of_a_big_pack_come_in_pages_and_mark_the_slide_on_any_page(qtbot, tmp_path):
    root = tmp_path / "big"
    (root / "en").mkdir(parents=True)
    (root / "deck.toml").write_text('title = "Big"\nlanguages = ["en"]\n', encoding="utf-8")
    (root / "references.json").write_text("[]", encoding="utf-8")
    for n in range(130):
        (root / "en" / f"{n:03}-s{n}.md").write_text(f"---\ntitle: Topic {n + 1}\n---\nWords.\n")
    window = started(qtbot, root)
    qtbot.waitUntil(lambda: window.loading.finished and not window.loading.running)
    window.controller.go(125)
    tap(qtbot, window.slides.topics_button)
    topics = window.topics
    assert len(topics.tiles) == 60  # widgets for one page, whatever the pack's size
    shown = [t.text_label.text() for t in topics.tiles if not t.isHidden()]
    assert shown == [f"{n}. Topic {n}" for n in range(121, 131)]
    assert [t.here_label.isVisible() for t in topics.tiles if not t.isHidden()][5]
    assert topics.page_label.text() == "121\u2013130 / 130"
    tap(qtbot, topics.previous_page)
    assert topics.tiles[0].text_label.text() == "61. Topic 61"
    assert not any(t.here_label.isVisible() for t in topics.tiles)
    tap(qtbot, topics.tiles[3])
    assert window.controller.index == 63


def test_the_science_opened_while_loading_says_so_then_shows_the_study_asked_for(
    qtbot, pack_dir, gate
):
    window = started(qtbot, pack_dir)
    qtbot.waitUntil(lambda: window.loading.running)
    window.open_references("beta2021")
    references = window.references
    assert references.header.title.text() == "The science behind this"
    assert references.waiting.isVisible() and not references.cards
    gate.set()
    qtbot.waitUntil(lambda: window.loading.finished)
    assert not references.waiting.isVisible()
    card = references.card_for("beta2021")
    qtbot.waitUntil(card.isVisible)
    assert card.property("highlight")  # still the study the patient asked for
    assert window.focusWidget() is card.heading
