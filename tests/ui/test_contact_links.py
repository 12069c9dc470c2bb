"""The contact screen's QR codes reach the clinic or are not drawn: an
extension is dialled as RFC 3966 says, a number that cannot be read keeps
its words but gets no code, and a website that is not https: is not shown."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtWidgets import QWidget

from app.content.loader import load_pack
from app.ui.main_window import MainWindow
from tests.ui.helpers import decode_qr


def contact_for(qtbot, pack_dir: Path, **values: str):
    path = pack_dir / "clinic.toml"
    text = path.read_text(encoding="utf-8")
    for key, value in values.items():
        text = re.sub(rf"^{key} = .*$", f'{key} = "{value}"', text, flags=re.M)
    path.write_text(text, encoding="utf-8")
    win = MainWindow(speech_engine="mock", warm_up_ms=None)
    qtbot.addWidget(win)
    win.set_content(load_pack(pack_dir))
    win.resize(1920, 1080)
    win.show()
    qtbot.waitExposed(win)
    win.slides.contact_button.click()
    return win, win.contact


def test_an_extension_is_dialled_as_rfc_3966_says(qtbot, pack_dir):
    _, contact = contact_for(qtbot, pack_dir, phone="+1 555 010 0100 ext. 23")
    assert decode_qr(contact.phone_card.qr) == ["tel:+15550100100;ext=23"]


def test_a_number_without_its_country_keeps_its_words_but_has_no_code(qtbot, pack_dir):
    _, contact = contact_for(qtbot, pack_dir, phone="1-800-FLOWERS")
    assert "FLOWERS" in contact.phone_card.value.text()
    qr = contact.phone_card.qr
    assert qr is None or not qr.isVisibleTo(contact.phone_card)  # no code for it
    assert decode_qr(contact.text_card.qr) == ["sms:+15550100101"]


def test_a_website_that_is_not_https_is_not_shown(qtbot, pack_dir):
    _, contact = contact_for(qtbot, pack_dir, website="javascript:alert(1)")
    assert contact.website_card is None
    texts = " ".join(
        label.text() for label in contact.findChildren(QWidget) if hasattr(label, "text")
    )
    assert "javascript" not in texts
