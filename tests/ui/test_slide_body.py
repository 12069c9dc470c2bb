"""The slide text's second lock: it draws pictures only from files inside the pack."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument

from app.ui.screens.slide_body import SlideBody

SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="9"/>'
IMAGE = QTextDocument.ResourceType.ImageResource.value


@pytest.fixture
def body(qtbot, tmp_path):
    (tmp_path / "pack" / "media").mkdir(parents=True)
    (tmp_path / "pack" / "media" / "box.svg").write_text(SVG, encoding="utf-8")
    (tmp_path / "outside.svg").write_text(SVG, encoding="utf-8")
    view = SlideBody()
    qtbot.addWidget(view)
    view.set_pack_root(tmp_path / "pack")
    return view


def drawn(view: SlideBody, url: str) -> bool:
    return not view.loadResource(IMAGE, QUrl(url)).isNull()


def test_a_picture_in_the_pack_is_drawn(body):
    assert drawn(body, "media/box.svg")


def test_pictures_outside_the_pack_are_not_drawn(body, tmp_path):
    (tmp_path / "pack" / "media" / "link.svg").symlink_to(tmp_path / "outside.svg")
    assert not drawn(body, "../outside.svg")
    assert not drawn(body, "media/link.svg")
    assert not drawn(body, QUrl.fromLocalFile(str(tmp_path / "outside.svg")).toString())
    assert not drawn(body, "media/missing.svg")


def test_without_a_pack_nothing_is_drawn(body):
    body.set_pack_root(None)
    assert not drawn(body, "media/box.svg")
