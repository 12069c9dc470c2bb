"""The display off and on through a fake wlr-randr on PATH that records its
arguments: asynchronous, the latest wish wins, failures logged once."""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

import pytest

from app.system.display_power import DisplayPower, output_names

PLAIN = (
    'HDMI-A-1 "Dell Inc. DELL P2419H (HDMI-A-1)"\n  Enabled: yes\n  Modes:\n'
    "    1920x1080 px, 60.000000 Hz (preferred, current)\n"
    'DP-2 "Unknown (DP-2)"\n  Enabled: yes\n'
    'eDP-1 "Built-in (eDP-1)"\n  Enabled: no\n'
)
LISTING = (
    '[{"name": "HDMI-A-1", "enabled": true}, {"name": "DP-2", "enabled": true},'
    ' {"name": "eDP-1", "enabled": false}]'
)


def fake_wlr_randr(folder: Path, body: str = "") -> Path:
    """A wlr-randr that writes each call's arguments as a line of calls.txt."""
    script = folder / "wlr-randr"
    script.write_text(
        "#!/bin/sh\n"
        f'echo "$*" >> "{folder}/calls.txt"\n'
        f"if [ $# = 0 ]; then printf '%s' '{PLAIN}'; fi\n" + body,
        encoding="utf-8",
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return folder / "calls.txt"


@pytest.fixture
def on_path(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    return tmp_path


def calls(record: Path) -> list[str]:
    return record.read_text(encoding="utf-8").splitlines() if record.exists() else []


def settle(qtbot, power: DisplayPower) -> None:
    qtbot.waitUntil(
        lambda: not power.busy and not power.soon.isActive() and power.wanted == power.applied,
        timeout=5000,
    )


def test_off_and_on_for_a_named_output(qtbot, on_path):
    record = fake_wlr_randr(on_path)
    power = DisplayPower("HDMI-A-1")
    power.set_on(False)
    assert power.busy  # started, not waited for
    settle(qtbot, power)
    power.set_on(True)
    settle(qtbot, power)
    assert calls(record) == ["--output HDMI-A-1 --off", "--output HDMI-A-1 --on"]


def test_without_a_name_the_enabled_outputs_are_found_once(qtbot, on_path):
    record = fake_wlr_randr(on_path)
    power = DisplayPower()
    power.set_on(False)
    settle(qtbot, power)
    power.set_on(True)
    settle(qtbot, power)
    assert calls(record) == [
        "",
        "--output HDMI-A-1 --off --output DP-2 --off",
        "--output HDMI-A-1 --on --output DP-2 --on",
    ]


def test_quick_wishes_end_with_the_latest(qtbot, on_path):
    record = fake_wlr_randr(on_path)
    power = DisplayPower("HDMI-A-1")
    power.set_on(False)
    power.set_on(True)
    power.set_on(False)
    settle(qtbot, power)
    # The first call was under way; of the two wishes after it only the last is run.
    assert calls(record) == ["--output HDMI-A-1 --off"]
    power.set_on(True)
    settle(qtbot, power)
    assert calls(record)[-1] == "--output HDMI-A-1 --on"


def test_a_missing_wlr_randr_is_logged_once(qtbot, tmp_path, monkeypatch, caplog):
    monkeypatch.setenv("PATH", str(tmp_path))  # nothing there
    power = DisplayPower("HDMI-A-1")
    with caplog.at_level(logging.WARNING, logger="app.system.display_power"):
        for on in (False, True, False, True):
            with qtbot.waitSignal(power.done, timeout=5000):
                power.set_on(on)
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1
    assert "wlr-randr could not start" in warnings[0].getMessage()


def test_a_failing_wlr_randr_is_logged_once_and_not_retried(qtbot, on_path, caplog):
    record = fake_wlr_randr(on_path, 'echo "no such output" >&2\nexit 1\n')
    power = DisplayPower("HDMI-A-9")
    with caplog.at_level(logging.WARNING, logger="app.system.display_power"):
        power.set_on(False)
        settle(qtbot, power)
        power.set_on(True)
        settle(qtbot, power)
    assert calls(record) == ["--output HDMI-A-9 --off", "--output HDMI-A-9 --on"]
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and "no such output" in warnings[0]


def test_a_hanging_wlr_randr_is_killed(qtbot, on_path, monkeypatch):
    fake_wlr_randr(on_path, "exec sleep 30\n")
    power = DisplayPower("HDMI-A-1")
    power.timeout.setInterval(200)
    with qtbot.waitSignal(power.done, timeout=5000):
        power.set_on(False)
    qtbot.waitUntil(lambda: not power.soon.isActive())
    assert not power.busy and not power.timeout.isActive()


def test_output_names_reads_the_plain_and_the_json_listing():
    assert output_names(PLAIN) == ["HDMI-A-1", "DP-2"]
    assert output_names(LISTING) == ["HDMI-A-1", "DP-2"]
    assert output_names("[not json") == output_names("") == []


def test_wlopm_powers_every_output_down_without_a_listing(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    script = tmp_path / "wlopm"
    script.write_text(f'#!/bin/sh\necho "$*" >> "{tmp_path}/calls.txt"\n', encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    power = DisplayPower("", "wlopm")
    power.set_on(False)
    settle(qtbot, power)
    power.set_on(True)
    settle(qtbot, power)
    assert calls(tmp_path / "calls.txt") == ["--off *", "--on *"]
