"""Listen under a LANG this PC has no locale for (issue 18, item 12).

Found under Xvfb: with LANG=en_US.UTF-8 on a system that has only C.UTF-8,
speech-dispatcher (started by Qt on first use, with the kiosk's environment)
exits with "setlocale: No such file or directory", the engine reports an
error and Listen was hidden. With LANG unset it started."""

from __future__ import annotations

import locale
import os
import shutil
import subprocess
import sys
import textwrap

import pytest

from app.ui.read_aloud import give_speech_dispatcher_a_locale

MISSING = "xx_YY.UTF-8"  # a locale no system has


def test_a_missing_locale_gives_speech_c_utf8(monkeypatch):
    monkeypatch.setenv("LANG", MISSING)
    monkeypatch.delenv("LC_ALL", raising=False)
    give_speech_dispatcher_a_locale()
    assert os.environ["LC_ALL"] == "C.UTF-8"
    before = locale.setlocale(locale.LC_ALL)
    try:
        locale.setlocale(locale.LC_ALL, "")  # and C.UTF-8 is one this system has
    finally:
        locale.setlocale(locale.LC_ALL, before)


def test_an_installed_locale_is_left_alone(monkeypatch):
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    give_speech_dispatcher_a_locale()
    assert "LC_ALL" not in os.environ


def has_voices() -> bool:
    modules = "/usr/lib/speech-dispatcher-modules/sd_espeak-ng"
    return shutil.which("speech-dispatcher") is not None and os.path.exists(modules)


@pytest.mark.skipif(not has_voices(), reason="needs speech-dispatcher-espeak-ng")
def test_listen_is_offered_when_lang_names_a_missing_locale(tmp_path):
    """The real engine in a child process with its own speech-dispatcher,
    which is ended afterwards."""
    run = tmp_path / "run"
    run.mkdir(mode=0o700)
    script = textwrap.dedent(
        """
        from PySide6.QtWidgets import QApplication
        from app.ui.read_aloud import ReadAloud
        app = QApplication([])
        print(ReadAloud("speechd").can_read("en"))
        """
    )
    env = {**os.environ, "LANG": MISSING, "XDG_RUNTIME_DIR": str(run)}
    env.pop("LC_ALL", None)
    try:
        done = subprocess.run(
            [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60
        )
    finally:
        for line in subprocess.run(
            ["pgrep", "-f", f"socket-path {run}"], capture_output=True, text=True
        ).stdout.split():
            os.kill(int(line), 15)  # the speech-dispatcher this test started
    assert done.stdout.strip() == "True", done.stderr
