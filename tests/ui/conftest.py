"""A small pack on disk and a window showing it, for the UI tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.content.loader import load_pack
from app.main import make_application
from app.ui.main_window import MainWindow

REFERENCES = [
    {
        "id": "alpha2020",
        "type": "article-journal",
        "title": "Alpha study of things",
        "container-title": "Journal of Tests",
        "author": [{"family": "Alpha", "given": "Ann B."}],
        "issued": {"date-parts": [[2020, 3]]},
        "volume": "1",
        "issue": "2",
        "page": "3-4",
        "DOI": "10.1000/alpha",
        "note": "Alpha found something small.",
    },
    {
        "id": "beta2021",
        "type": "article-journal",
        "title": "Beta review",
        "container-title": "Review Letters",
        "author": [{"family": "Beta", "given": "Bo"}],
        "issued": {"date-parts": [[2021, 5]]},
        "volume": "9",
        "page": "10-20",
        "DOI": "10.1000/beta",
        "note": "Beta looked at many studies.",
    },
]

LONG = " ".join(["This sentence is here so the text is long enough to scroll."] * 60)

SLIDES = {
    "010-first.md": (
        "---\ntitle: First slide\nicon: fa6s.house\n---\n"
        "Hello from the first slide. [@alpha2020]\n\n<!-- more -->\nMore words about alpha.\n\n"
        "<!-- Say hello. -->\n"
    ),
    "020-second.md": (
        f"---\ntitle: Second slide\nicon: fa6s.brain\n---\n{LONG}\n\nSee the review. [@beta2021]\n"
    ),
    "030-third.md": "---\ntitle: Third slide\nicon: fa6s.phone\n---\nThe end. [@alpha2020]\n",
}


def write_pack(root: Path) -> Path:
    (root / "en").mkdir(parents=True)
    (root / "deck.toml").write_text(
        'title = "Test deck"\nlanguages = ["en"]\n'
        "reviewed = 2026-01-01\nreview_due = 2099-01-01\n"
        "[kiosk]\nattract_seconds = 12\nidle_seconds = 90\nwarning_seconds = 30\n",
        encoding="utf-8",
    )
    (root / "clinic.toml").write_text(
        'sample = true\nname = "Test Clinic"\nphone = "+1 555 010 0100"\ntext = "+1 555 010 0101"\n'
        'address = "1 Test Road"\nhours = ["Mon-Fri 9-5"]\n'
        'website = "https://clinic.example"\ncrisis_line = "988"\n',
        encoding="utf-8",
    )
    (root / "references.json").write_text(json.dumps(REFERENCES), encoding="utf-8")
    for name, text in SLIDES.items():
        (root / "en" / name).write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def pack_dir(tmp_path: Path) -> Path:
    return write_pack(tmp_path / "pack")


@pytest.fixture
def window(qtbot, pack_dir: Path) -> MainWindow:
    return open_pack(qtbot, pack_dir)


def open_pack(qtbot, pack_dir: Path, **options) -> MainWindow:
    """A window showing the pack in `pack_dir` at 1920x1080, no transition;
    `options` go to MainWindow (warm_up_ms=None: no warm-up)."""
    make_application()  # the bundled font, as the real app has it
    win = MainWindow(speech_engine="mock", **options)
    qtbot.addWidget(win)
    win.set_content(load_pack(pack_dir))
    win.slides.transition.enabled = False
    win.resize(1920, 1080)
    win.show()
    qtbot.waitExposed(win)
    return win


def bundled_at(qtbot, size: tuple[int, int], language: str = "en") -> MainWindow:
    """The bundled pack in `language` at `size`, no warm-up."""
    from app import resources

    window = MainWindow(speech_engine="mock", warm_up_ms=None)
    qtbot.addWidget(window)
    window.resize(*size)
    window.slides.transition.enabled = False
    window.load(resources.content_dir(), language)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def config_dir(tmp_path, monkeypatch):
    """The staff settings (the PIN) in a folder of the test's own."""
    folder = tmp_path / "config"
    monkeypatch.setenv("CLINIC_KIOSK_CONFIG_DIR", str(folder))
    return folder


@pytest.fixture
def bundled_window(qtbot) -> MainWindow:
    """The bundled pack, every language loaded, at 1920x1080 (warm-up off)."""
    return open_bundled(qtbot, warm_up_ms=None)


def open_bundled(qtbot, warm_up_ms: int | None) -> MainWindow:
    """The bundled pack at 1920x1080, shown, every language loaded."""
    from app import resources
    from tests.ui.helpers import wait_loaded

    make_application()
    win = MainWindow(speech_engine="mock", warm_up_ms=warm_up_ms)
    qtbot.addWidget(win)
    win.load(Path(resources.content_dir()))
    win.slides.transition.enabled = False
    win.resize(1920, 1080)
    win.show()
    qtbot.waitExposed(win)
    wait_loaded(qtbot, win)
    return win


SPANISH = {
    "010-first.md": "---\ntitle: Primera\nicon: fa6s.house\n---\nHola. [@alpha2020]\n",
    "020-second.md": "---\ntitle: Segunda\nicon: fa6s.brain\n---\nOtra. [@beta2021]\n",
    "030-third.md": "---\ntitle: Tercera\nicon: fa6s.phone\n---\nFin. [@alpha2020]\n",
}


@pytest.fixture
def bilingual(pack_dir):
    deck = pack_dir / "deck.toml"
    deck.write_text(
        deck.read_text(encoding="utf-8").replace('["en"]', '["en", "es"]'), encoding="utf-8"
    )
    (pack_dir / "es").mkdir()
    (pack_dir / "es" / "strings.toml").write_text(
        'language_name = "Español"\nnext = "Siguiente"\ntext_size = "Tamaño del texto"\n',
        encoding="utf-8",
    )
    (pack_dir / "en" / "strings.toml").write_text('language_name = "English"\n', encoding="utf-8")
    for name, text in SPANISH.items():
        (pack_dir / "es" / name).write_text(text, encoding="utf-8")
    return pack_dir
