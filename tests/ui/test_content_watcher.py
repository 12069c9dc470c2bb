"""ContentWatcher: a pack changed on disk is reloaded once it settles, and only if clean."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer

from app.content import pack_shelf
from app.ui import content_watcher
from app.ui.content_watcher import ContentWatcher
from app.ui.main_window import MainWindow
from tests.ui.conftest import SLIDES, write_pack

SETTLE_MS = 50
FIRST = "010-first.md"


@pytest.fixture
def loads(monkeypatch) -> list[Path]:
    """Every load of the whole pack the watcher makes."""
    calls: list[Path] = []
    real = pack_shelf.load_languages

    def counting(root, *args):
        calls.append(root)
        return real(root)

    monkeypatch.setattr(pack_shelf, "load_languages", counting)
    return calls


@pytest.fixture
def watcher(qtbot, pack_dir: Path, loads) -> ContentWatcher:
    watcher = ContentWatcher(pack_dir, settle_ms=SETTLE_MS)
    yield watcher
    watcher.stop()
    watcher.deleteLater()


def retitle(pack_dir: Path, title: str, language: str = "en") -> None:
    text = SLIDES[FIRST].replace("title: First slide", f"title: {title}")
    (pack_dir / language / FIRST).write_text(text, encoding="utf-8")


def first_title(results, language: str = "en") -> str:
    return results[language].pack.slides[0].title


def test_nothing_is_loaded_or_pending_until_something_changes(watcher, loads, pack_dir):
    assert not watcher.pending
    assert loads == []
    assert str(pack_dir / "en") in watcher.watched()
    assert str(pack_dir / "en" / FIRST) in watcher.watched()


def test_an_edited_title_is_offered(qtbot, watcher, pack_dir):
    with qtbot.waitSignal(watcher.packReady) as ready:
        retitle(pack_dir, "A new title")
    assert first_title(ready.args[0]) == "A new title"
    assert not any(p.is_error for p in ready.args[0]["en"].problems)


def test_invalid_toml_is_rejected_and_logged(qtbot, watcher, pack_dir, caplog):
    with qtbot.waitSignal(watcher.packRejected) as rejected:
        (pack_dir / "deck.toml").write_text('title = "unclosed\n', encoding="utf-8")
    errors = rejected.args[0]
    assert errors and all(p.is_error for p in errors)
    assert any("deck.toml" in p.path for p in errors)
    logged = [r for r in caplog.records if r.name == "app.ui.content_watcher"]
    assert any("deck.toml" in r.getMessage() for r in logged)


def test_an_unknown_citation_is_rejected(qtbot, watcher, pack_dir):
    text = SLIDES[FIRST].replace("[@alpha2020]", "[@nobody1999]")
    with qtbot.waitSignal(watcher.packRejected) as rejected:
        (pack_dir / "en" / FIRST).write_text(text, encoding="utf-8")
    assert any("nobody1999" in p.message for p in rejected.args[0])


def test_a_fixed_pack_is_offered_after_a_rejection(qtbot, watcher, pack_dir):
    deck = (pack_dir / "deck.toml").read_text(encoding="utf-8")
    with qtbot.waitSignal(watcher.packRejected):
        (pack_dir / "deck.toml").write_text("not toml [", encoding="utf-8")
    with qtbot.waitSignal(watcher.packReady) as ready:
        (pack_dir / "deck.toml").write_text(deck, encoding="utf-8")
    assert first_title(ready.args[0]) == "First slide"


def test_quick_writes_make_one_load(qtbot, watcher, loads, pack_dir):
    with qtbot.waitSignal(watcher.packReady) as ready:
        for n in range(5):
            retitle(pack_dir, f"Draft {n}")
        (pack_dir / "en" / "040-fourth.md").write_text(
            "---\ntitle: Fourth\n---\nMore.\n", encoding="utf-8"
        )
    assert first_title(ready.args[0]) == "Draft 4"
    assert len(ready.args[0]["en"].pack.slides) == 4
    assert loads == [pack_dir]
    assert not watcher.pending


def test_writes_spread_over_the_settle_time_make_one_load(qtbot, loads, pack_dir):
    watcher = ContentWatcher(pack_dir, settle_ms=1000)
    for n in range(4, 8):
        new = pack_dir / "en" / f"0{n}0-more-{n}.md"
        new.write_text(f"---\ntitle: Slide {n}\n---\nWords.\n", encoding="utf-8")
        # Handled (and the timer restarted) once the watcher watches the new file.
        qtbot.waitUntil(lambda new=new: str(new) in watcher.watched())
        assert loads == []
    with qtbot.waitSignal(watcher.packReady) as ready:
        pass
    assert len(ready.args[0]["en"].pack.slides) == 7
    assert loads == [pack_dir]


def test_a_rename_over_a_file_is_seen_and_the_new_file_watched(qtbot, watcher, pack_dir):
    # How editors and sync tools save: write a temporary file, rename it over.
    temp = pack_dir / "en" / ".010-first.md.tmp"
    temp.write_text(SLIDES[FIRST].replace("First slide", "Renamed in"), encoding="utf-8")
    with qtbot.waitSignal(watcher.packReady) as ready:
        temp.replace(pack_dir / "en" / FIRST)
    assert first_title(ready.args[0]) == "Renamed in"
    with qtbot.waitSignal(watcher.packReady) as ready:
        retitle(pack_dir, "Edited in place")
    assert first_title(ready.args[0]) == "Edited in place"


def test_a_language_folder_deleted_and_recreated_is_still_watched(qtbot, watcher, pack_dir):
    saved = pack_dir.parent / "saved-en"
    shutil.copytree(pack_dir / "en", saved)
    with qtbot.waitSignal(watcher.packRejected):
        shutil.rmtree(pack_dir / "en")
    assert str(pack_dir / "en") not in watcher.watched()
    with qtbot.waitSignal(watcher.packReady):
        shutil.copytree(saved, pack_dir / "en")
    qtbot.waitUntil(lambda: str(pack_dir / "en" / FIRST) in watcher.watched())
    # An in-place edit changes no folder: only a watch on the new file sees it.
    with qtbot.waitSignal(watcher.packReady) as ready:
        retitle(pack_dir, "After the checkout")
    assert first_title(ready.args[0]) == "After the checkout"


def test_a_new_folder_is_watched(qtbot, watcher, pack_dir):
    with qtbot.waitSignal(watcher.packReady):
        (pack_dir / "media").mkdir()
        (pack_dir / "media" / "note.txt").write_text("a", encoding="utf-8")
    assert str(pack_dir / "media" / "note.txt") in watcher.watched()


def test_a_deleted_pack_folder_is_awaited_and_reloaded(qtbot, watcher, pack_dir):
    with qtbot.waitSignal(watcher.packRejected) as rejected:
        shutil.rmtree(pack_dir)
    assert "not found" in rejected.args[0][0].message
    assert watcher.watched() == [str(pack_dir.parent)]
    with qtbot.waitSignal(watcher.packReady) as ready:
        write_pack(pack_dir)
    assert first_title(ready.args[0]) == "First slide"
    assert str(pack_dir / "en" / FIRST) in watcher.watched()
    assert str(pack_dir.parent) not in watcher.watched()


def test_touching_files_without_changing_them_offers_nothing(qtbot, watcher, loads, pack_dir):
    with qtbot.waitSignal(watcher.packReady):
        retitle(pack_dir, "Changed once")
    with qtbot.assertNotEmitted(watcher.packReady), qtbot.assertNotEmitted(watcher.packRejected):
        retitle(pack_dir, "Changed once")  # the same bytes again, as a sync tool rewrites
        qtbot.waitUntil(lambda: len(loads) == 2 and not watcher.pending)


def make_bilingual(pack_dir: Path) -> None:
    shutil.copytree(pack_dir / "en", pack_dir / "es")
    deck = pack_dir / "deck.toml"
    deck.write_text(
        deck.read_text(encoding="utf-8").replace('["en"]', '["en", "es"]'), encoding="utf-8"
    )


def test_every_language_of_a_change_is_loaded_and_offered_together(qtbot, watcher, pack_dir):
    with qtbot.waitSignal(watcher.packReady) as ready:
        make_bilingual(pack_dir)
        retitle(pack_dir, "Primera", language="es")
    assert sorted(ready.args[0]) == ["en", "es"]
    assert first_title(ready.args[0], "es") == "Primera"
    assert first_title(ready.args[0], "en") == "First slide"


def test_a_change_broken_in_one_language_is_rejected_for_all(qtbot, watcher, pack_dir):
    with qtbot.waitSignal(watcher.packReady):
        make_bilingual(pack_dir)
    broken = SLIDES[FIRST].replace("[@alpha2020]", "[@nobody1999]")
    with qtbot.waitSignal(watcher.packRejected) as rejected:
        retitle(pack_dir, "New English title")
        (pack_dir / "es" / FIRST).write_text(broken, encoding="utf-8")
    assert any("nobody1999" in p.message for p in rejected.args[0])


@pytest.fixture
def gated_loads(monkeypatch):
    """The watcher's loads wait until the test opens the gate, as a large
    pack keeps a load busy for seconds."""
    gate = threading.Event()
    waited: list[bool] = []
    real = content_watcher.load_every_language

    def slow(root):
        waited.append(gate.wait(timeout=10))  # False: nobody opened it in time
        return real(root)

    monkeypatch.setattr(content_watcher, "load_every_language", slow)
    yield gate, waited
    gate.set()


def test_a_slow_load_never_freezes_a_running_window(qtbot, pack_dir, gated_loads):
    gate, waited = gated_loads
    window = MainWindow(speech_engine="mock", warm_up_ms=None)
    qtbot.addWidget(window)
    window.load(pack_dir)
    window.show()
    watcher = ContentWatcher(pack_dir, settle_ms=SETTLE_MS, parent=window)
    watcher.packReady.connect(window.offer_pack)
    ticks: list[int] = []
    ticker = QTimer(window)  # a UI-thread timer: it ticks only while the event loop runs
    ticker.timeout.connect(lambda: ticks.append(1))
    ticker.start(5)
    retitle(pack_dir, "Dropped in")
    qtbot.waitUntil(lambda: watcher.loading)
    loading_since = len(ticks)
    # Ten more ticks while the load is blocked: the UI thread is free.
    qtbot.waitUntil(lambda: len(ticks) >= loading_since + 10)
    assert watcher.loading
    with qtbot.waitSignal(watcher.packReady) as ready:
        gate.set()
    assert waited == [True]
    assert first_title(ready.args[0]) == "Dropped in"
    assert window.has_pending_pack
    ticker.stop()
    watcher.stop()


def test_stop_waits_for_a_load_under_way_and_drops_it(qtbot, watcher, pack_dir, gated_loads):
    gate, _ = gated_loads
    retitle(pack_dir, "Never offered")
    qtbot.waitUntil(lambda: watcher.loading)
    opener = threading.Timer(0.05, gate.set)  # opened from another thread while stop() waits
    opener.start()
    with qtbot.assertNotEmitted(watcher.packReady, wait=100):
        watcher.stop()
    opener.join()
    assert not watcher.pending
    assert not [t for t in threading.enumerate() if t.name == "pack-load"]


def test_a_slide_written_in_two_chunks_is_shown_only_whole(qtbot, watcher, pack_dir):
    # The copy pauses longer than the settle time after the first chunk: the
    # watcher loads the half-written file, refuses it, and takes the whole one.
    whole = SLIDES[FIRST].replace("First slide", "Señales del cuerpo").encode()
    cut = whole.index("ñ".encode()) + 1  # in the middle of a two-byte character
    path = pack_dir / "en" / FIRST
    with qtbot.waitSignal(watcher.packRejected) as rejected:
        path.write_bytes(whole[:cut])
    assert any("UTF-8" in p.message and p.path == str(path) for p in rejected.args[0])
    with qtbot.waitSignal(watcher.packReady) as ready, path.open("ab") as handle:
        handle.write(whole[cut:])
    assert first_title(ready.args[0]) == "Señales del cuerpo"


def test_front_matter_cut_short_is_refused(qtbot, watcher, pack_dir):
    path = pack_dir / "en" / FIRST
    with qtbot.waitSignal(watcher.packRejected) as rejected:
        path.write_text("---\ntitle: A new ti", encoding="utf-8")
    assert any("closing ---" in p.message for p in rejected.args[0])
    with qtbot.waitSignal(watcher.packReady) as ready:
        retitle(pack_dir, "A new title")
    assert first_title(ready.args[0]) == "A new title"
