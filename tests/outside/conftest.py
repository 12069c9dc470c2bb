"""The kiosk every outside-in module reads: one per module, on the first
slide in English before each test."""

from __future__ import annotations

import pytest

from tests.outside.kiosk_under_reader import (
    Kiosk,
    back_to_first_slide,
    require_tools,
    running_kiosk,
)


@pytest.fixture(scope="module")
def kiosk(tmp_path_factory) -> Kiosk:
    require_tools()
    with running_kiosk(tmp_path_factory.mktemp("kiosk"), idle_seconds=3600) as kiosk:
        yield kiosk


@pytest.fixture
def reader(kiosk):
    """The kiosk's AT-SPI session, on the first slide in English."""
    back_to_first_slide(kiosk)
    return kiosk.session
