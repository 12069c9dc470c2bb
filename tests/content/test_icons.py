"""app/content/icons.py: qtawesome's icon names and glyphs, read from its files."""

from __future__ import annotations

from app.content import icons

TABLE = '''"""qtawesome, as it lays out its __init__.py."""
import os

_BUNDLED_FONTS = (
    (
        "fa6s",
        "fontawesome6-solid-webfont-6.7.2.ttf",
        "fontawesome6-solid-webfont-charmap-6.7.2.json",
    ),
    ("ei", "elusiveicons-webfont-2.0.ttf", "elusiveicons-webfont-charmap-2.0.json"),
)


def load_font(prefix, ttf, charmap):
    return (prefix, ttf, charmap)
'''


def test_the_font_table_is_read_from_qtawesomes_init(tmp_path):
    init = tmp_path / "__init__.py"
    init.write_text(TABLE, encoding="utf-8")
    assert icons._bundled_fonts(init) == {
        "fa6s": "fontawesome6-solid-webfont-charmap-6.7.2.json",
        "ei": "elusiveicons-webfont-charmap-2.0.json",
    }


def test_a_table_we_cannot_read_gives_nothing_not_an_error(tmp_path):
    init = tmp_path / "__init__.py"
    for text in (
        "",  # no table at all
        "_BUNDLED_FONTS = (\n    load(),\n)\n",  # not a literal
        "_BUNDLED_FONTS = (\n    ('fa6s',\n",  # cut short
        "_BUNDLED_FONTS = (\n    ('fa6s',),\n)\n",  # rows too short
    ):
        init.write_text("import os\n" + text, encoding="utf-8")
        assert icons._bundled_fonts(init) == {}, text
    assert icons._bundled_fonts(tmp_path / "missing.py") == {}


def test_the_installed_qtawesome_gives_the_icons_the_kiosk_draws():
    # The real package: the table parses and the glyphs the buttons use exist.
    assert {"fa6s", "fa6", "mdi6"} <= set(icons.charmap_files())
    for name in ("fa6s.arrow-right", "fa6s.phone", "fa6s.book-open"):
        found = icons.glyph(name)
        assert found is not None, name
        font, code = found
        assert font.is_file() and font.suffix == ".ttf"
        assert code > 0
    assert icons.glyph("fa6s.no-such-icon") is None
    assert icons.glyph("nofont.syringe") is None
    assert icons.icon_problem("fa6s.no-such-icon").startswith("unknown icon")
    assert icons.icon_problem("fa6s.syringe") == ""
