"""A clinic's numbers as the URIs their QR codes hold."""

from __future__ import annotations

from app.content.model import phone_uri


def test_phone_uri_keeps_only_digits_and_plus():
    assert phone_uri("tel", "+1 (555) 010-0100") == "tel:+15550100100"
    assert phone_uri("sms", "555.010.0101") == "sms:5550100101"
