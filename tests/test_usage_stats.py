"""`clinic-kiosk stats`: the numbers on a terminal, CSV out, and CSVs of
several kiosks merged by adding rows."""

from __future__ import annotations

from datetime import datetime

import pytest

from app import cli
from app.system import usage_report
from app.system.usage_store import (
    CONTACT,
    DATA_DIR_ENV,
    IDLE_RESET,
    LEARN_MORE,
    SLIDE_VIEWED,
    TEXT_SIZE,
    UsageStore,
)


def kiosk_counts(folder, visits) -> None:
    """A kiosk's store in `folder`: (when, language, slide, event) each once."""
    clock = [datetime(2025, 1, 1)]
    store = UsageStore(folder / "usage.sqlite3", now=lambda: clock[0])
    for when, language, slide, event in visits:
        clock[0] = when
        store.count(event, language, slide)
    store.close()


def stats(monkeypatch, capsys, folder, *args: str) -> str:
    monkeypatch.setenv(DATA_DIR_ENV, str(folder))
    assert cli.main(["stats", *args]) == 0
    return capsys.readouterr().out


MONDAY = datetime(2025, 3, 3, 9, 12)
TUESDAY = datetime(2025, 3, 4, 14, 40)


@pytest.fixture
def two_kiosks(tmp_path):
    kiosk_counts(
        tmp_path / "waiting-room",
        [
            (MONDAY, "en", "what-is-ketamine", SLIDE_VIEWED),
            (MONDAY, "en", "what-is-ketamine", SLIDE_VIEWED),
            (MONDAY, "en", "what-is-ketamine", LEARN_MORE),
            (MONDAY, "en", "", IDLE_RESET),
            (TUESDAY, "es", "side-effects", SLIDE_VIEWED),
        ],
    )
    kiosk_counts(
        tmp_path / "recovery",
        [
            (MONDAY, "en", "what-is-ketamine", SLIDE_VIEWED),  # same key: adds up
            (TUESDAY, "en", "side-effects", CONTACT),
            (TUESDAY, "en", "side-effects", TEXT_SIZE),
        ],
    )
    return tmp_path


def test_stats_prints_topics_use_by_day_and_comfort(two_kiosks, monkeypatch, capsys):
    out = stats(monkeypatch, capsys, two_kiosks / "waiting-room")
    assert "From 2025-03-03 to 2025-03-04" in out
    topics = out.split("Topics viewed")[1].split("Kiosk use by day")[0]
    rows = [line.split() for line in topics.strip().splitlines()[1:]]
    # slide, viewed, learn more, references, contact; most viewed first
    assert rows == [["what-is-ketamine", "2", "1", "0", "0"], ["side-effects", "1", "0", "0", "0"]]
    by_day = out.split("Kiosk use by day")[1].split("Comfort settings used")[0].split()
    assert by_day[3:] == ["2025-03-03", "3", "1", "2025-03-04", "1", "0"]


def test_since_leaves_out_earlier_days(two_kiosks, monkeypatch, capsys):
    out = stats(monkeypatch, capsys, two_kiosks / "waiting-room", "--since", "2025-03-04")
    assert "side-effects" in out and "what-is-ketamine" not in out


def test_an_empty_kiosk_says_so(tmp_path, monkeypatch, capsys):
    assert "No usage counted" in stats(monkeypatch, capsys, tmp_path / "new")


def test_two_kiosks_csvs_merge_by_adding_rows(two_kiosks, monkeypatch, capsys):
    a, b, merged = (two_kiosks / name for name in ("a.csv", "b.csv", "merged.csv"))
    stats(monkeypatch, capsys, two_kiosks / "waiting-room", "--csv", str(a))
    stats(monkeypatch, capsys, two_kiosks / "recovery", "--csv", str(b))
    assert a.read_text(encoding="utf-8").splitlines()[:2] == [
        "hour,language,slide,event,count",
        "2025-03-03T09,en,,idle_reset,1",
    ]
    out = stats(monkeypatch, capsys, two_kiosks / "nowhere", "--from", str(a), "--from", str(b),
                "--csv", str(merged))  # fmt: skip
    assert "wrote 6 rows" in out
    assert usage_report.read_csv(merged) == [
        ("2025-03-03T09", "en", "", "idle_reset", 1),
        ("2025-03-03T09", "en", "what-is-ketamine", "learn_more", 1),
        ("2025-03-03T09", "en", "what-is-ketamine", "slide_viewed", 3),
        ("2025-03-04T14", "en", "side-effects", "contact_opened", 1),
        ("2025-03-04T14", "en", "side-effects", "text_size", 1),
        ("2025-03-04T14", "es", "side-effects", "slide_viewed", 1),
    ]
    # Appending one file's rows to another's (a spreadsheet, `tail -n +2`)
    # and summing by the first four columns gives the same.
    appended = a.read_text(encoding="utf-8") + "".join(
        b.read_text(encoding="utf-8").splitlines(True)[1:]
    )
    (two_kiosks / "appended.csv").write_text(appended, encoding="utf-8")
    rows = usage_report.read_csv(two_kiosks / "appended.csv")
    assert usage_report.merge(rows) == usage_report.read_csv(merged)


def test_a_bad_csv_is_refused_with_its_line(tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text("hour,language,slide,event,count\n2025-03-03T09,en,,idle_reset,many\n")
    assert cli.main(["stats", "--from", str(bad)]) == 1
    assert "bad.csv:2: not a usage row" in capsys.readouterr().err


def test_a_bad_day_is_refused(capsys):
    with pytest.raises(SystemExit):
        cli.main(["stats", "--since", "2025-13-01"])
    assert "expected a day like" in capsys.readouterr().err
