"""Citation numbers across a language's slides, each slide rendered once."""

from __future__ import annotations

import re
from collections import Counter

import markdown

from app.content.loader import load_pack
from app.content.model import Pack
from tests.content.packs import SIMMLER, WALSH, references_json, spanish_files, write_pack

THIRD = {"id": "third2020", "title": "A third study", "author": [{"family": "Third"}]}
LINK = re.compile(r'<a href="cite:([^"]+)">(\d+)</a>')


def slide(body: str, more: str = "") -> str:
    return f"---\ntitle: T\n---\n{body}\n" + (f"\n<!-- more -->\n{more}\n" if more else "")


def three_slides(tmp_path, name="pack"):
    """walsh is first cited in slide 1's Learn more, third in slide 2's body,
    simmler only in slide 3; references.json lists them in another order."""
    return write_pack(
        tmp_path,
        {
            "references.json": references_json(SIMMLER, THIRD, WALSH),
            "en/010-what-is-ketamine.md": slide("No citation here.", "Some. [@walsh2021ketamine]"),
            "en/020-is-it-safe.md": slide(
                "Two. [@third2020; @walsh2021ketamine]", "Again. [@third2020]"
            ),
            "en/030-last.md": slide("Last. [@simmler2022dual] [@walsh2021ketamine]"),
        },
        name,
    )


def links(html: str) -> list[tuple[str, int]]:
    return [(ref_id, int(number)) for ref_id, number in LINK.findall(html)]


def loaded(root, language=None) -> Pack:
    result = load_pack(root, language)
    assert result.pack is not None, result.problems
    return result.pack


def test_numbers_follow_first_citation_across_slides_and_learn_more(tmp_path):
    pack = loaded(three_slides(tmp_path))
    first, second, third = pack.slides
    assert [(r.id, r.number) for r in pack.references] == [
        ("walsh2021ketamine", 1),
        ("third2020", 2),
        ("simmler2022dual", 3),
    ]
    assert links(first.body_html) == []
    assert links(first.more_html) == [("walsh2021ketamine", 1)]
    assert links(second.body_html) == [("third2020", 2), ("walsh2021ketamine", 1)]
    assert links(second.more_html) == [("third2020", 2)]
    assert links(third.body_html) == [("simmler2022dual", 3), ("walsh2021ketamine", 1)]


def test_the_short_part_is_numbered_before_its_learn_more(tmp_path):
    root = write_pack(
        tmp_path,
        {
            "en/010-what-is-ketamine.md": slide("One. [@simmler2022dual]", "[@walsh2021ketamine]"),
            "en/020-is-it-safe.md": slide("[@walsh2021ketamine] [@simmler2022dual]"),
        },
    )
    pack = loaded(root)
    assert [(r.id, r.number) for r in pack.references] == [
        ("simmler2022dual", 1),
        ("walsh2021ketamine", 2),
    ]
    assert links(pack.slides[0].more_html) == [("walsh2021ketamine", 2)]


def test_every_link_shows_the_number_of_its_reference(tmp_path):
    for language in ("en", "es"):
        pack = loaded(write_pack(tmp_path, spanish_files(), name=language), language)
        numbers = {r.id: r.number for r in pack.references}
        shown = [link for s in pack.slides for link in links(s.body_html + s.more_html)]
        assert shown, language
        assert all(numbers[ref_id] == number for ref_id, number in shown), language


def test_each_part_of_each_slide_is_rendered_once(tmp_path, monkeypatch):
    converted: Counter[str] = Counter()
    convert = markdown.Markdown.convert

    def counting(self, source):
        converted[source.strip()] += 1
        return convert(self, source)

    monkeypatch.setattr(markdown.Markdown, "convert", counting)
    loaded(three_slides(tmp_path))
    assert converted == {
        "No citation here.": 1,
        "Some. [@walsh2021ketamine]": 1,
        "Two. [@third2020; @walsh2021ketamine]": 1,
        "Again. [@third2020]": 1,
        "Last. [@simmler2022dual] [@walsh2021ketamine]": 1,
    }


def test_a_part_that_cannot_render_gives_out_no_numbers(tmp_path, monkeypatch):
    convert = markdown.Markdown.convert

    def failing_on_two(self, source):
        if source.strip().startswith("Two."):
            raise RecursionError("too deep")
        return convert(self, source)

    monkeypatch.setattr(markdown.Markdown, "convert", failing_on_two)
    result = load_pack(three_slides(tmp_path))
    assert any("cannot be rendered" in p.message for p in result.problems)
    second = result.pack.slides[1]
    assert second.body_html == ""
    # third2020 is first cited (and shown) in the Learn more after the failed part.
    assert links(second.more_html) == [("third2020", 2)]
    assert [(r.id, r.number) for r in result.pack.references][:2] == [
        ("walsh2021ketamine", 1),
        ("third2020", 2),
    ]
