"""`clinic-kiosk check --layout`: packs made not to fit are caught, the
bundled pack reports nothing, and the clipping bugs of issue 17 stay fixed
(each measured the way the checker measures: laid-out text against its box)."""

from __future__ import annotations

import pytest

from app import cli, resources
from app.content.model import Problem
from app.export.layout_check import SIZES, check_layout, settle_layout
from app.export.layout_measure import body_lines, misfits
from app.main import make_application
from app.ui.kiosk.idle_loop import IdleLoop
from app.ui.main_window import MainWindow
from tests.ui.conftest import bundled_at, write_pack

LANDSCAPE = ((1920, 1080),)
NORMAL_CALM = {"text_sizes": (0,), "themes": (False,)}
LONG_WORDS = " ".join(["Ketamine is a medicine that doctors use for surgery."] * 40)


def messages(problems: list[Problem]) -> list[str]:
    return [str(problem) for problem in problems]


def slide(title: str, words: str, icon: str = "fa6s.brain") -> str:
    return f"---\ntitle: {title}\nicon: {icon}\n---\n{words}\n"


@pytest.fixture(autouse=True)
def application(qapp):
    make_application()  # the bundled font, as the checker has it
    return qapp


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_the_bundled_pack_reports_nothing(size):
    # Every language, text size and theme at this screen size.
    problems = check_layout(resources.content_dir(), sizes=(size,))
    assert messages(problems) == []


def test_a_very_long_slide_is_caught(tmp_path):
    pack = write_pack(tmp_path / "pack")
    long_file = pack / "en" / "015-long.md"
    long_file.write_text(slide("A long one", LONG_WORDS), encoding="utf-8")
    problems = check_layout(pack, sizes=LANDSCAPE, **NORMAL_CALM)
    scrolling = [p for p in problems if p.path == str(long_file)]
    assert len(scrolling) == 1
    assert "needs scrolling at normal text" in scrolling[0].message
    assert "[en, 1920x1080, normal text, calm]" in scrolling[0].message
    assert str(scrolling[0]).startswith(f"{long_file}:1: error: ")


def test_a_long_crisis_line_name_is_caught(tmp_path):
    pack = write_pack(tmp_path / "pack")
    # "Need help now?" names the crisis line on one line of a button: too long
    # a name widens the bar past the screen's edge.
    name = "Call or text the Suicide and Crisis Lifeline " + "of the whole country, " * 6
    name += "day or night, at {number}"
    (pack / "en" / "strings.toml").write_text(f'help_call_or_text = "{name}"\n', encoding="utf-8")
    clinic = pack / "clinic.toml"
    clinic.write_text(
        clinic.read_text(encoding="utf-8") + 'crisis_text = "988"\n', encoding="utf-8"
    )
    problems = check_layout(pack, sizes=((1366, 768),), **NORMAL_CALM)
    cut = [p for p in problems if "the Suicide and Cri" in p.message and "is cut off" in p.message]
    assert cut, messages(problems)
    assert {p.message.split(":")[0] for p in cut} >= {"the slide", "Contact"}


def test_a_button_word_too_long_for_the_screen_is_caught(tmp_path):
    pack = write_pack(tmp_path / "pack")
    words = "Find out a great deal more about this subject, " * 5 + "right now"
    (pack / "en" / "strings.toml").write_text(f'learn_more = "{words}"\n', encoding="utf-8")
    (pack / "en" / "010-first.md").write_text(
        slide("First", "Short.\n\n<!-- more -->\n\nMore words."), encoding="utf-8"
    )
    problems = check_layout(pack, sizes=((1366, 768),), text_sizes=(2,), themes=(False,))
    assert any(words[:30] in p.message and "is cut off" in p.message for p in problems), messages(
        problems
    )


def test_check_layout_prints_problems_and_fails(monkeypatch, capsys, tmp_path):
    found = [Problem(str(tmp_path / "en" / "010-a.md"), 1, "error", "the slide: cut")]
    monkeypatch.setattr("app.export.layout_check.check_layout", lambda folder: found)
    assert cli.main(["check", "--layout", str(tmp_path)]) == 1
    assert capsys.readouterr().out.strip() == f"{tmp_path}/en/010-a.md:1: error: the slide: cut"


# --- the bugs of issue 17, each on the real window --------------------------


def test_contact_after_a_change_of_look_shows_the_crisis_line_whole(qtbot):
    # Contact, Español, back, text size twice, contrast, Contact: the crisis
    # line and the address were cut until the language changed again.
    window = bundled_at(qtbot, (1366, 768))
    window.open_contact()
    window.next_language()
    window.back_to_slides()
    window.comfort.next_text_size()
    window.comfort.next_text_size()
    window.comfort.toggle_contrast()
    window.open_contact()
    settle_layout()
    assert window.pack.language == "es"
    assert [m.message for m in misfits(window.contact)] == []


def test_still_reading_shows_its_words_whole(qtbot):
    window = bundled_at(qtbot, (1920, 1080))
    idle = IdleLoop(window, clock=lambda: 0.0, parent=window)
    idle.suspend()
    for language, text_size, size in (("en", 0, (1920, 1080)), ("es", 2, (1366, 768))):
        window.resize(*size)
        window.set_language(language)
        window.comfort.set_text_size(text_size)
        idle.prompt.show_seconds(30)
        idle.prompt.open()
        settle_layout()
        assert [m.message for m in misfits(idle.prompt)] == [], (language, size)
        idle.prompt.hide()


def test_the_science_in_portrait_shows_every_summary_whole(qtbot):
    window = bundled_at(qtbot, (1080, 1920), "es")
    window.open_references(None)
    settle_layout()
    cut = [m.message for m in misfits(window.references)]
    assert cut == []


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_every_short_part_shows_whole_at_normal_text(qtbot, size, language):
    # Slide 6 stopped mid-sentence at 1920x1080 while room under its picture
    # was empty; Spanish 8 (landscape) and 6, 7, 9 (portrait) needed scrolling.
    window = bundled_at(qtbot, size, language)
    for index, _ in enumerate(window.pack.slides):
        window.controller.go(index)
        settle_layout()
        taken, shown = body_lines(window.slides.body)
        scrolls = window.slides.body.verticalScrollBar().maximum()
        assert scrolls == 0, (index, round(taken, 1), round(shown, 1))
        figure = window.slides.figure
        assert figure.isHidden() or min(figure.width(), figure.height()) > 100, index


@pytest.mark.parametrize(("size", "least"), [((1920, 1080), 8), ((1366, 768), 6)])
def test_largest_text_shows_enough_lines_at_once(qtbot, size, least):
    window = bundled_at(qtbot, size, "es")
    window.comfort.set_text_size(2)
    for index, _ in enumerate(window.pack.slides):
        window.controller.go(index)
        settle_layout()
        taken, shown = body_lines(window.slides.body)
        scrolls = window.slides.body.verticalScrollBar().maximum()
        assert shown >= least or not scrolls, (index, round(shown, 1))


def test_a_long_slide_scrolls_with_a_cue_that_there_is_more(qtbot, tmp_path):
    pack = write_pack(tmp_path / "pack")
    (pack / "en" / "010-first.md").write_text(slide("First", LONG_WORDS), encoding="utf-8")
    window = MainWindow(speech_engine="mock", warm_up_ms=None)
    qtbot.addWidget(window)
    window.resize(1920, 1080)
    window.load(pack)
    window.show()
    qtbot.waitExposed(window)
    cue = window.slides.body.cue
    assert cue.isVisible()
    bar = window.slides.body.verticalScrollBar()
    bar.setValue(bar.maximum())
    assert not cue.isVisible()  # at the end: nothing more below
