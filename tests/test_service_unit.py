"""app/service_unit.py: a systemd user unit that systemd reads back as intended."""

from __future__ import annotations

import configparser
import shlex
from pathlib import Path

from app.system.service_unit import quote_arg, unit_text


def parse(text: str) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str  # systemd keys are case-sensitive
    parser.read_string(text)
    return parser


def test_the_unit_runs_the_kiosk_and_restarts_it():
    unit = parse(unit_text("/usr/bin/clinic-kiosk"))
    assert unit["Service"]["ExecStart"] == "/usr/bin/clinic-kiosk --kiosk"
    assert unit["Service"]["Restart"] == "always"
    assert unit["Service"]["RestartSec"] == "3"
    assert unit["Unit"]["After"] == "graphical-session.target"
    assert unit["Install"]["WantedBy"] == "graphical-session.target"


def test_the_comments_say_where_to_save_it_and_how_to_enable_it():
    text = unit_text("/usr/bin/clinic-kiosk")
    assert "~/.config/systemd/user/clinic-kiosk.service" in text
    assert "systemctl --user enable --now clinic-kiosk" in text
    comments = [line for line in text.splitlines() if "systemctl" in line]
    assert all(line.startswith("#") for line in comments)


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
