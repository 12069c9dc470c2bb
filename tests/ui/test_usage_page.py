"""The staff Usage page: charts of the counts, CSV export and reset."""

from __future__ import annotations

import os
from datetime import date, datetime

import pytest

from app.system import usage_report
from app.system.usage_store import CONTACT, SLIDE_VIEWED, TEXT_SIZE, UsageStore
from tests.ui.kiosk_helpers import end_session, start_kiosk

TODAY = date(2025, 3, 20)


@pytest.fixture
def store(tmp_path):
    when = [datetime(2025, 3, 1, 10)]
    store = UsageStore(tmp_path / "usage.sqlite3", now=lambda: when[0])
    for day, slide, times in (
        (19, "first", 5),
        (19, "third", 2),
        (2, "third", 9),
        (1, "second", 4),
    ):
        when[0] = datetime(2025, 3, day, 10)
        for _ in range(times):
            store.count(SLIDE_VIEWED, "en", slide)
    store.count(CONTACT, "en", "third")
    store.count(TEXT_SIZE, "en", "third")
    store.flush()
    yield store
    store.close()


@pytest.fixture
def page(qtbot, pack_dir, store, tmp_path, monkeypatch):
    monkeypatch.setenv("CLINIC_KIOSK_CONFIG_DIR", str(tmp_path / "config"))
    session, _ = start_kiosk(qtbot, pack_dir, usage=store)
    menu = session.door.staff_menu
    menu.open()  # as after the right PIN
    assert menu.usage_button.isVisibleTo(menu)
    menu.usage_button.click()
    page = session.usage_page
    page.today = lambda: TODAY
    page.refresh()
    yield page
    end_session(session)


def bars(page) -> dict[str, dict[str, float]]:
    chart = page.topics.chart()
    (series,) = chart.series()
    names = chart.axes()[0].categories()
    return {
        bar_set.label(): dict(zip(names, (bar_set.at(i) for i in range(len(names))), strict=True))
        for bar_set in series.barSets()
    }


def test_topics_viewed_over_7_and_30_days_by_title(page):
    assert page.isVisible() and page.parentWidget().findChild(type(page)) is not None
    # The slide on 1 March is more than 30 days before... no: 20 days; all three are in.
    assert bars(page) == {
        "Last 30 days": {"Second slide": 4, "First slide": 5, "Third slide": 11},
        "Last 7 days": {"Second slide": 0, "First slide": 5, "Third slide": 2},
    }
    (line,) = page.by_day.chart().series()
    assert line.count() == 30 and line.at(29).y() == 0 and line.at(28).y() == 7
    assert "text size 1" in page.comfort.text()


def test_export_writes_a_csv_to_the_folder_staff_choose(page, tmp_path):
    stick = tmp_path / "usb"
    stick.mkdir()
    page.folder = lambda parent: str(stick)
    page.export_button.click()
    written = stick / "clinic-kiosk-usage-2025-03-20.csv"
    assert usage_report.read_csv(written) == page.store.rows()
    assert "Exported 6 rows" in page.status.text()


def test_reset_takes_two_presses(page):
    page.reset_button.click()
    assert page.store.rows() and "Press again" in page.status.text()
    page.reset_button.click()
    assert page.store.rows() == []
    assert bars(page) == {"Last 30 days": {"": 0}, "Last 7 days": {"": 0}}


@pytest.mark.parametrize("size", [(1920, 1080), (1366, 768), (1080, 1920)])
@pytest.mark.parametrize("text_size", [0, 2])
def test_the_page_renders_at_kiosk_sizes(page, qtbot, size, text_size):
    window = page.parentWidget()
    window.hide()  # a shown window keeps its screen's size; a new one takes any
    window.resize(*size)
    window.show()
    window.comfort.set_text_size(text_size)
    qtbot.waitUntil(lambda: window.size().toTuple() == size)
    qtbot.waitUntil(lambda: page.size() == window.size())
    image = window.grab().toImage()
    out = os.environ.get("USAGE_PAGE_PNG")
    if out:  # for a look at it
        image.save(f"{out}-{size[0]}x{size[1]}-t{text_size}.png")
    assert page.card.geometry().right() <= size[0] and page.card.geometry().bottom() <= size[1]
    assert page.topics.height() >= 200
    # The comfort line sits under the charts, as tall as its wrapped words.
    comfort = page.comfort
    assert comfort.geometry().top() >= page.by_day.geometry().bottom()
    assert comfort.height() >= comfort.heightForWidth(comfort.width())
    assert page.export_button.geometry().top() >= comfort.geometry().bottom()
