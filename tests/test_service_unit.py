"""app/system/service_unit.py: units and a PAM file that systemd reads back as intended."""

from __future__ import annotations

import configparser
import os
import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

from app import cli
from app.system.exit_codes import ALREADY_RUNNING, STAFF_EXIT
from app.system.service_unit import pam_text, quote_arg, system_unit_text, unit_text

KIOSK = "/opt/clinic-kiosk/bin/clinic-kiosk"
CONTENT = Path("/srv/clinic-kiosk/content")


def parse(text: str) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str  # systemd keys are case-sensitive
    parser.read_string(text)
    return parser


def parse_multi(text: str) -> dict[str, list[str]]:
    """Every value of every key (systemd allows a key more than once)."""
    values: dict[str, list[str]] = {}
    for line in text.splitlines():
        if "=" in line and not line.startswith("#"):
            key, _, value = line.partition("=")
            values.setdefault(key, []).append(value)
    return values


@pytest.mark.parametrize("make", [lambda: unit_text(KIOSK), lambda: system_unit_text(KIOSK)])
def test_both_units_notify_ping_and_restart_with_backoff_but_not_after_staff_exit(make):
    service = parse(make())["Service"]
    assert service["Type"] == "notify"
    assert service["NotifyAccess"] == "all"  # the kiosk is cage's child
    assert service["WatchdogSec"] == "30s"
    assert service["Restart"] == "always"
    assert (service["RestartSec"], service["RestartSteps"], service["RestartMaxDelaySec"]) == (
        "2s",
        "5",
        "1min",
    )
    prevented = {int(status) for status in service["RestartPreventExitStatus"].split()}
    assert prevented == {STAFF_EXIT, ALREADY_RUNNING} == {10, 11}
    unit = parse(make())["Unit"]
    assert (unit["StartLimitIntervalSec"], unit["StartLimitBurst"]) == ("5min", "15")


def test_the_user_unit_runs_the_kiosk_and_waits_for_no_target_that_may_never_start():
    text = unit_text(KIOSK)
    assert parse(text)["Service"]["ExecStart"] == f"{KIOSK} --kiosk"
    settings = [line for line in text.splitlines() if not line.startswith("#")]
    assert not any("graphical-session.target" in line for line in settings)
    assert "[Install]" not in text  # started by the desktop's autostart, not enabled


def test_the_user_unit_says_how_to_save_it_and_start_it_from_the_session():
    text = unit_text(KIOSK)
    assert "mkdir -p ~/.config/systemd/user" in text
    assert "~/.config/systemd/user/clinic-kiosk.service" in text
    assert "systemctl --user import-environment DISPLAY WAYLAND_DISPLAY" in text
    assert "systemctl --user start clinic-kiosk.service" in text
    comments = [line for line in text.splitlines() if "systemctl" in line]
    assert all(line.startswith("#") for line in comments)


def test_the_system_unit_runs_cage_on_a_terminal_as_the_kiosk_user_in_a_pam_session():
    text = system_unit_text(KIOSK, CONTENT, user="frontdesk")
    unit, service = parse(text)["Unit"], parse(text)["Service"]
    assert shlex.split(service["ExecStart"]) == [
        "/usr/bin/cage", "--", KIOSK, "--kiosk", "--content", str(CONTENT),
    ]  # fmt: skip
    assert service["User"] == "frontdesk"
    assert service["PAMName"] == "clinic-kiosk"
    assert service["TTYPath"] == "/dev/tty7"
    assert service["UtmpIdentifier"] == "tty7"
    assert service["StandardInput"] == "tty-fail"
    assert parse_multi(text)["Environment"] == [
        "QT_QPA_PLATFORM=wayland",
        "XDG_SESSION_TYPE=wayland",
    ]
    after = " ".join(parse_multi(text)["After"]).split()
    assert {"systemd-user-sessions.service", "plymouth-quit-wait.service"} <= set(after)
    assert unit["Conflicts"] == "getty@tty7.service"
    assert parse(text)["Install"]["WantedBy"] == "graphical.target"


def test_another_terminal_and_bad_names_are_refused():
    service = parse(system_unit_text(KIOSK, tty="tty2"))["Service"]
    assert (service["TTYPath"], service["UtmpIdentifier"]) == ("/dev/tty2", "tty2")
    with pytest.raises(ValueError, match="user name"):
        system_unit_text(KIOSK, user="kiosk\nUser=root")
    with pytest.raises(ValueError, match="virtual terminal"):
        system_unit_text(KIOSK, tty="pts/0")


def test_rotation_turns_the_screen_before_the_kiosk_starts():
    exec_start = parse(system_unit_text(KIOSK, CONTENT, rotate_output="HDMI-A-1"))["Service"][
        "ExecStart"
    ]
    cage, dashes, shell, dash_c, script = shlex.split(exec_start)
    assert (cage, dashes, shell, dash_c) == ("/usr/bin/cage", "--", "/bin/sh", "-c")
    rotate, kiosk = script.split("; exec ")
    assert shlex.split(rotate) == [
        "/usr/bin/wlr-randr", "--output", "HDMI-A-1", "--transform", "90",
    ]  # fmt: skip
    assert shlex.split(kiosk) == [KIOSK, "--kiosk", "--content", str(CONTENT)]


def test_the_pam_file_opens_a_logind_session_without_a_password():
    lines = [line.split() for line in pam_text().splitlines() if not line.startswith("#")]
    assert ["session", "required", "pam_systemd.so"] in lines
    assert ["account", "required", "pam_unix.so"] in lines
    assert {kind for kind, *_ in lines} == {"auth", "account", "session"}


def test_the_content_path_is_absolute(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    unit = parse(unit_text("/opt/kiosk/bin/clinic-kiosk", Path("pack")))
    words = shlex.split(unit["Service"]["ExecStart"])
    assert words == ["/opt/kiosk/bin/clinic-kiosk", "--kiosk", "--content", str(tmp_path / "pack")]


def test_paths_with_spaces_are_quoted():
    exe = "/home/front desk/kiosk env/bin/clinic-kiosk"
    content = Path("/srv/Clinic Content/pack")
    exec_start = parse(unit_text(exe, content))["Service"]["ExecStart"]
    assert exec_start == (
        '"/home/front desk/kiosk env/bin/clinic-kiosk" --kiosk --content "/srv/Clinic Content/pack"'
    )
    assert shlex.split(exec_start) == [exe, "--kiosk", "--content", str(content)]


def test_systemd_specials_are_escaped():
    assert quote_arg("/srv/100%/pack") == "/srv/100%%/pack"
    assert quote_arg("/srv/$HOME") == "/srv/$$HOME"
    assert quote_arg('/srv/say "hi"\\') == '"/srv/say \\"hi\\"\\\\"'
    assert quote_arg(";") == '";"'
    assert quote_arg("") == '""'


# Keys systemd before 254 does not know; it says so and ignores them.
_OLD_SYSTEMD = re.compile(r"Unknown key '(RestartSteps|RestartMaxDelaySec)'")


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="needs systemd-analyze")
@pytest.mark.parametrize("kind", ["user", "system"])
def test_systemd_analyze_verify_finds_nothing_wrong(kind, tmp_path):
    exe = shutil.which("true")
    assert exe is not None
    if kind == "user":
        text, args = unit_text(exe), ["--user"]
    else:
        text, args = system_unit_text(exe, rotate_output="HDMI-A-1", cage=exe), []
    unit = tmp_path / "clinic-kiosk.service"
    unit.write_text(text, encoding="utf-8")
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    result = subprocess.run(
        ["systemd-analyze", *args, "verify", str(unit)],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "XDG_RUNTIME_DIR": str(runtime)},
    )
    complaints = [
        line
        for line in (result.stdout + result.stderr).splitlines()
        if line.strip() and not _OLD_SYSTEMD.search(line)
    ]
    assert result.returncode == 0, complaints
    assert complaints == []


def test_the_service_command_prints_the_system_unit_the_pam_file_and_the_desktop_file(capsys):
    assert cli.main(["service", "--system", "--user", "frontdesk", "--executable", KIOSK,
                     "--content", str(CONTENT)]) == 0  # fmt: skip
    service = parse(capsys.readouterr().out)["Service"]
    assert service["User"] == "frontdesk"
    assert shlex.split(service["ExecStart"])[2:] == [KIOSK, "--kiosk", "--content", str(CONTENT)]

    assert cli.main(["service", "--pam"]) == 0
    assert capsys.readouterr().out == pam_text()

    spaced = "/opt/front desk/clinic-kiosk"
    assert cli.main(["service", "--desktop-file", "--executable", spaced]) == 0
    entry = parse(capsys.readouterr().out)["Desktop Entry"]
    assert entry["Exec"] == '"/opt/front desk/clinic-kiosk"'
    assert entry["Name"] == "Clinic kiosk"
    icon = Path(entry["Icon"])
    assert icon.is_absolute() and icon.name == "clinic-kiosk.svg" and icon.is_file()


def test_the_service_command_refuses_a_bad_user_name(capsys):
    assert cli.main(["service", "--system", "--user", "Root Admin", "--executable", KIOSK]) == 2
    assert "no unit printed: not a user name" in capsys.readouterr().err
