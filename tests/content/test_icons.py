"""Icon names in the content layer: checked only through the IconCheck the
Qt side passes in (qtawesome needs Qt; the real one is tested in tests/ui)."""

from __future__ import annotations

from app.content.check import check_pack
from app.content.loader import load_pack
from app.content.problems import error
from tests.content.checking import cites_both, slide
from tests.content.packs import write_pack

SLIDE = "en/010-what-is-ketamine.md"


def sample_icons(name: str) -> str:
    """A stand-in for app.ui.widgets.icons.icon_problem: knows the sample pack's icons."""
    return "" if name in ("fa6s.syringe", "fa6s.shield-heart") else f"no such icon {name}"


def test_check_reports_a_bad_icon_on_its_line(tmp_path):
    root = write_pack(tmp_path, {SLIDE: slide(cites_both(), icon="fa6s.syringes")})
    problems = [p for p in check_pack(root, icon_problem=sample_icons) if p.is_error]
    assert problems == [error(str(root / SLIDE), 3, "no such icon fa6s.syringes")]
    assert str(problems[0]) == f"{root / SLIDE}:3: error: no such icon fa6s.syringes"


def test_the_check_is_asked_once_per_named_icon_and_never_for_none(tmp_path):
    asked: list[str] = []

    def recording(name: str) -> str:
        asked.append(name)
        return ""

    no_icon = "---\ntitle: Safe\n---\nYes. [@simmler2022dual]\n"
    root = write_pack(tmp_path, {"en/020-is-it-safe.md": no_icon})
    assert not [p for p in check_pack(root, icon_problem=recording) if p.is_error]
    assert asked == ["fa6s.syringe"]  # the first slide's; the second names none


def test_without_a_check_icon_names_pass_through_for_the_kiosk_to_draw(tmp_path):
    root = write_pack(tmp_path, {SLIDE: slide(cites_both(), icon="fa6s.syringes")})
    result = load_pack(root)
    assert result.problems == []
    assert result.pack.slides[0].icon == "fa6s.syringes"  # the kiosk draws its default
    assert not [p for p in check_pack(root) if p.is_error]
