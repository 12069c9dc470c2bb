"""The Markdown renderer on plain strings: citations, safety, plain text."""

from __future__ import annotations

from pathlib import Path

from app.content.render import html_to_text, render_section
from app.content.slide_file import Section, split_slide


def render(text: str, known=(), root: Path = Path("/nonexistent-pack"), numbers=None):
    section = Section(text, 1)
    return render_section(section, path="s.md", root=root, known=known, numbers=numbers or {})


def test_citation_group_renders_separate_links():
    out = render("Yes [@a; @b].", {"a", "b"})
    assert out.html == (
        '<p>Yes<sup class="cite">\u00a0<a href="cite:a">1</a>,<a href="cite:b">2</a></sup>.</p>'
    )
    assert out.citations == ("a", "b")
    assert out.text == "Yes."


def test_citation_is_glued_to_the_word_before_it():
    # A no-break space instead of the source's spaces: the number can never
    # start a line on its own (Spanish slide 9, the handout).
    out = render("Read it with care.   [@a] Next.", {"a"})
    assert out.html == (
        '<p>Read it with care.<sup class="cite">\u00a0<a href="cite:a">1</a></sup> Next.</p>'
    )
    assert out.text == "Read it with care. Next."
    assert render("[@a] first.", {"a"}).html.startswith('<p><sup class="cite"><a ')


def test_citation_in_code_is_code():
    out = render("`[@a]`", {"a"})
    assert out.html == "<p><code>[@a]</code></p>"
    assert out.citations == ()


def test_citations_in_order_of_first_use():
    out = render("[@b] then [@a] then [@b]", {"a", "b"})
    assert out.citations == ("b", "a")


def test_raw_html_dropped_text_kept():
    out = render('<span onclick="x()">Hi</span> <script>alert(1)</script>')
    assert "<span" not in out.html and "<script" not in out.html
    assert out.text == "Hi alert(1)"


def test_links_become_plain_text():
    out = render("Go to [the site](https://x.example) or <https://y.example>.")
    assert out.html == "<p>Go to the site or https://y.example.</p>"
    assert [p.severity for p in out.problems] == ["warning", "warning"]


def test_refused_image_is_not_rendered_but_its_alt_text_is():
    out = render("![x](https://e.org/a.png) after")
    assert "<img" not in out.html
    assert out.html == "<p>x after</p>"


def test_image_inside_pack(tmp_path):
    (tmp_path / "media").mkdir()
    (tmp_path / "media" / "a.svg").write_text("<svg/>")
    out = render("![An A](media/a.svg)", root=tmp_path)
    assert out.html == '<p><img alt="An A" src="media/a.svg"></p>'
    assert out.problems == ()


def test_second_bad_image_with_same_path_gets_its_own_line(tmp_path):
    (tmp_path / "media").mkdir()
    (tmp_path / "media" / "a.svg").write_text("<svg/>")
    out = render("![An A](media/a.svg)\n\ntext\n\n![](media/a.svg)", root=tmp_path)
    assert [(p.line, p.severity) for p in out.problems] == [(5, "error")]


def test_html_to_text_unescapes_and_drops_citations():
    html = '<p>A &amp; B<sup class="cite"><a href="cite:x">1</a></sup>.</p><ul><li>one</li></ul>'
    assert html_to_text(html) == "A & B.\none"


def test_split_slide_keeps_line_numbers():
    text = "---\ntitle: T\nicon: fa6s.syringe\n---\nA\n<!-- note\ntwo -->\nB\n<!-- more -->\nC\n"
    source = split_slide(text, "s.md")
    assert (source.title, source.icon, source.title_line, source.icon_line) == (
        "T",
        "fa6s.syringe",
        2,
        3,
    )
    assert source.notes == ["note\ntwo"]
    body_lines = source.body.text.split("\n")
    assert body_lines[4] == "A" and body_lines[7] == "B"
    assert source.more == Section("C\n", 10)


def test_no_front_matter_means_no_title():
    source = split_slide("Title: not front matter\n\nText", "s.md")
    assert source.title == ""
    assert "Title: not front matter" in source.body.text


def test_multiline_front_matter_value():
    source = split_slide("---\ntitle: A long\n    title\n---\nX", "s.md")
    assert source.title == "A long title"
