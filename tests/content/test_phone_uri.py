"""A clinic's numbers as the URIs their QR codes hold (RFC 3966 tel:, RFC
5724 sms:), read by libphonenumber's rules: never another number."""

from __future__ import annotations

import pytest

from app.content.model import phone_problem, phone_uri


@pytest.mark.parametrize(
    ("scheme", "number", "uri"),
    [
        ("tel", "+1 (555) 010-0100", "tel:+15550100100"),
        ("tel", "+1 555 010 0100 ext. 23", "tel:+15550100100;ext=23"),
        ("tel", "+44 20 7946 0018 x5", "tel:+442079460018;ext=5"),
        ("tel", "+1-800-FLOWERS", "tel:+18003569377"),  # letters as on a keypad
        ("sms", "+1 555.010.0101", "sms:+15550100101"),
    ],
)
def test_numbers_become_their_uris(scheme, number, uri):
    assert phone_problem(scheme, number) == ""
    assert phone_uri(scheme, number) == uri


@pytest.mark.parametrize(
    ("scheme", "number", "why"),
    [
        ("tel", "1-800-FLOWERS", "country code"),  # which country? never a guess
        ("tel", "555.010.0101", "country code"),
        ("tel", "+1 555", "too few"),
        ("tel", "call us", "not a phone number"),
        ("tel", "+1 555 010 0100 555 010 0100 555", "not a phone number"),
        ("tel", "+1 " + "5" * 5000, "too long"),
        ("sms", "+1 555 010 0100 ext. 23", "extension"),
    ],
)
def test_numbers_that_would_reach_someone_else_are_refused(scheme, number, why):
    assert why in phone_problem(scheme, number)
    assert phone_uri(scheme, number) == ""


@pytest.mark.parametrize(
    ("number", "uri"),
    [("988", "tel:988"), ("911", "tel:911"), ("116 123", "tel:116123"), ("112", "tel:112")],
)
def test_a_short_service_number_is_dialled_as_written(number, uri):
    assert phone_uri("tel", number) == uri
    assert phone_problem("tel", number) == ""


def test_a_long_number_still_needs_its_country_code():
    assert phone_uri("tel", "1-800-662-4357") == ""
    assert "country code" in phone_problem("tel", "1-800-662-4357")
    assert phone_uri("tel", "+1 800 662 4357") == "tel:+18006624357"
