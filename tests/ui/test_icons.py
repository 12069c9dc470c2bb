"""Icons through qtawesome: drawing by name, the fallback for an unknown name,
and the icon check `clinic-kiosk check` passes to the content layer."""

from __future__ import annotations

import logging
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage

from app.content.check import check_pack
from app.content.loader import load_pack
from app.ui.main_window import MainWindow
from app.ui.widgets.icons import DOCUMENTED_FONTS, FALLBACK_ICON, icon, icon_problem
from tests.ui.conftest import write_pack

ROOT = Path(__file__).resolve().parents[2]
TEAL = "#0A4E57"
FIRST = "en/010-first.md"


@pytest.fixture(autouse=True)
def application(qapp):
    """qtawesome needs a running Qt application."""
    return qapp


def image(name: str, colour: str = TEAL, side: int = 48) -> QImage:
    return icon(name, colour).pixmap(QSize(side, side)).toImage()


def with_first_icon(tmp_path: Path, name: str) -> Path:
    pack = write_pack(tmp_path / "pack")
    first = pack / FIRST
    first.write_text(
        first.read_text(encoding="utf-8").replace("icon: fa6s.house", f"icon: {name}"),
        encoding="utf-8",
    )
    return pack


def test_every_icon_the_app_names_exists():
    names = set()
    for path in (ROOT / "app").rglob("*.py"):
        names |= set(re.findall(r'"((?:fa6s?|fa6b|mdi6?)\.[a-z0-9-]+)"', path.read_text()))
    assert FALLBACK_ICON in names and len(names) > 10
    assert {name: icon_problem(name) for name in names} == dict.fromkeys(names, "")


def test_a_named_icon_is_drawn_in_its_colour():
    drawn = image("fa6s.syringe")
    assert not drawn.isNull()
    colours = {
        drawn.pixelColor(x, y).name()
        for x in range(drawn.width())
        for y in range(drawn.height())
        if drawn.pixelColor(x, y).alpha() == 255
    }
    assert colours == {QColor(TEAL).name()}
    assert image("fa6s.syringe") == drawn
    assert image("fa6s.phone") != drawn


def test_an_unknown_name_is_drawn_as_the_fallback_and_logged_once(caplog):
    caplog.set_level(logging.WARNING, logger="app.ui.widgets.icons")
    name = "fa6s.no-such-icon-in-this-test"
    assert image(name) == image(FALLBACK_ICON)
    assert image(name) == image(FALLBACK_ICON)  # drawn again: not logged again
    assert [r.getMessage() for r in caplog.records] == [
        f"unknown icon '{name}': no icon 'no-such-icon-in-this-test' in qtawesome's fa6s font;"
        f" drawing {FALLBACK_ICON} instead"
    ]


def test_a_slide_without_an_icon_gets_the_fallback_quietly(caplog):
    caplog.set_level(logging.WARNING, logger="app.ui.widgets.icons")
    assert image("") == image(FALLBACK_ICON)
    assert caplog.records == []


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("fa6s.syringe", ""),
        (
            "fa6s.syringes",
            "unknown icon 'fa6s.syringes': no icon 'syringes' in qtawesome's fa6s font",
        ),
        (
            "fa6s.a.b",
            "unknown icon 'fa6s.a.b': no icon 'a.b' in qtawesome's fa6s font",
        ),
        (
            "fa7s.syringe",
            "unknown icon font 'fa7s' in 'fa7s.syringe' (known: "
            "ei, fa5, fa5b, fa5s, fa6, fa6b, fa6s, mdi, mdi6, msc, ph, ri)",
        ),
        ("syringe", "icon 'syringe' should look like fa6s.syringe (font prefix, dot, icon name)"),
        ("fa6s.", "icon 'fa6s.' should look like fa6s.syringe (font prefix, dot, icon name)"),
    ],
)
def test_icon_problem_messages(name, message):
    assert icon_problem(name) == message


def test_every_documented_font_is_in_the_installed_qtawesome():
    for font in DOCUMENTED_FONTS:  # known fonts: only the icon name is wrong
        assert icon_problem(f"{font}.no-such-icon").startswith("unknown icon '"), font


def test_the_kiosk_shows_the_fallback_for_a_slide_with_an_unknown_icon(qtbot, tmp_path):
    result = load_pack(with_first_icon(tmp_path, "fa6s.houses"))
    # The kiosk loads it; check reports the name. (The test pack's clinic.toml
    # has the old free-text hours, which are warned about.)
    assert [p for p in result.problems if not p.path.endswith("clinic.toml")] == []
    window = MainWindow(speech_engine="mock")
    qtbot.addWidget(window)
    window.set_content(result)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    label = window.slides.icon_label
    shown = label.pixmap().toImage()
    side = window.metrics.icon
    assert shown == icon(FALLBACK_ICON, window.theme.accent).pixmap(QSize(side, side)).toImage()


def test_check_reports_an_unknown_icon_with_file_and_line(tmp_path):
    pack = with_first_icon(tmp_path, "fa6s.houses")
    errors = [p for p in check_pack(pack, icon_problem=icon_problem) if p.is_error]
    assert [str(p) for p in errors] == [
        f"{pack / FIRST}:3: error: unknown icon 'fa6s.houses': "
        "no icon 'houses' in qtawesome's fa6s font"
    ]


def test_the_check_command_reports_a_bad_icon_without_a_display(tmp_path):
    pack = with_first_icon(tmp_path, "fa7s.house")
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run(
        [sys.executable, "-m", "app", "check", str(pack)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        env={**env, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 1, result.stderr
    errors = [line for line in result.stdout.splitlines() if ": error: " in line]
    assert errors == [
        f"{pack / FIRST}:3: error: unknown icon font 'fa7s' in 'fa7s.house' (known: "
        "ei, fa5, fa5b, fa5s, fa6, fa6b, fa6s, mdi, mdi6, msc, ph, ri)"
    ]
    assert result.stderr == ""


def drawn_columns(picture: QImage) -> tuple[int, int]:
    """The first and last column with any ink."""
    columns = [
        x
        for x in range(picture.width())
        if any(picture.pixelColor(x, y).alpha() for y in range(picture.height()))
    ]
    return columns[0], columns[-1]


@pytest.mark.parametrize(
    "name", ["fa6s.people-group", "fa6s.comments", "fa6s.scale-balanced", "fa6s.brain"]
)
def test_wide_icons_keep_their_edges(name):
    # A glyph wider than tall used to run off both sides of its square box.
    first, last = drawn_columns(image(name, side=64))
    assert first > 0 and last < 63, (name, first, last)
