"""Small widgets the screens share."""

from __future__ import annotations

from app.ui.widgets.labels import make_label


def test_labels_show_pack_words_as_plain_text(qapp):
    # Markup in a pack's words is shown as typed, never obeyed: the tags
    # take room on screen.
    marked = make_label("<b>x</b>", "heading")
    bare = make_label("x", "heading")
    assert marked.sizeHint().width() > 3 * bare.sizeHint().width()
    assert marked.wordWrap() and marked.property("role") == "heading"
