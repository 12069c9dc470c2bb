"""WCAG contrast computed from each theme's own colours (WCAG 2.2 AAA for
text: 7:1; icons, large text and focus rings: at least 4.5:1 here)."""

from __future__ import annotations

import pytest

from app.ui.theme import THEMES, contrast_ratio

# (foreground, background, minimum, where the pair is used)
TEXT_PAIRS = [
    ("ink", "paper", "body text on the window"),
    ("ink", "surface", "slide text on its card"),
    ("muted", "paper", "disclaimer, captions"),
    ("muted", "surface", "citations in reference cards"),
    ("accent", "surface", "outlined button words"),
    ("accent", "paper", "outlined button words on the window"),
    ("accent_ink", "accent", "primary button words"),
    ("link", "surface", "citation numbers"),
    ("ink", "accent_soft", "crisis line, current topic, attract banner"),
]
NON_TEXT_PAIRS = [
    ("accent", "surface", "icons"),
    ("focus", "paper", "keyboard focus ring"),
    ("focus", "surface", "keyboard focus ring on cards"),
    ("disabled", "paper", "a dead button's words (WCAG asks nothing; still readable)"),
]


def contact_words(theme):
    # The Contact us button: its words on its own colour.
    return contrast_ratio(theme.accent_ink, theme.contact)


@pytest.mark.parametrize("theme", THEMES, ids=lambda t: t.name)
@pytest.mark.parametrize(("fg", "bg", "where"), TEXT_PAIRS)
def test_text_is_at_least_7_to_1(theme, fg, bg, where):
    ratio = contrast_ratio(getattr(theme, fg), getattr(theme, bg))
    assert ratio >= 7, f"{theme.name}: {where} ({fg} on {bg}) is {ratio:.2f}:1"


@pytest.mark.parametrize("theme", THEMES, ids=lambda t: t.name)
def test_contact_button_words_are_at_least_7_to_1(theme):
    assert contact_words(theme) >= 7


@pytest.mark.parametrize("theme", THEMES, ids=lambda t: t.name)
@pytest.mark.parametrize(("fg", "bg", "where"), NON_TEXT_PAIRS)
def test_icons_and_focus_are_at_least_4_5_to_1(theme, fg, bg, where):
    ratio = contrast_ratio(getattr(theme, fg), getattr(theme, bg))
    assert ratio >= 4.5, f"{theme.name}: {where} ({fg} on {bg}) is {ratio:.2f}:1"


# The edges that show where a control is (WCAG 1.4.11: 3:1 against what is
# next to them). Topic tiles are outlined in `muted` on the page.
OUTLINE_PAIRS = [
    ("muted", "paper", "topic tile outline on the page"),
    ("muted", "surface", "topic tile outline against its own face"),
    ("accent", "paper", "outlined button edge on the page"),
    ("accent", "surface", "outlined button edge on a card"),
]


@pytest.mark.parametrize("theme", THEMES, ids=lambda t: t.name)
@pytest.mark.parametrize(("fg", "bg", "where"), OUTLINE_PAIRS)
def test_control_outlines_are_at_least_3_to_1(theme, fg, bg, where):
    ratio = contrast_ratio(getattr(theme, fg), getattr(theme, bg))
    assert ratio >= 3, f"{theme.name}: {where} ({fg} on {bg}) is {ratio:.2f}:1"


def test_topic_tiles_are_outlined_in_a_colour_that_passes(window):
    """The style sheet draws tiles with the colour the pairs above check
    (the old `border` colour was 1.48:1 on the page)."""
    window.open_topics()
    tile = window.topics.tiles[1]
    image = tile.grab().toImage()
    edge = image.pixelColor(1, image.height() // 2).name()
    assert edge == window.theme.muted.lower()
    assert contrast_ratio(window.theme.border, window.theme.paper) < 3  # why not `border`


def test_ratio_matches_known_values():
    assert contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)
