"""What the Orca screen reader says about the kiosk, for a person to read:
Orca runs against the kiosk under the harness's Xvfb and D-Bus, a few keys
are pressed, and Orca's own log of what it spoke is printed.

    .venv/bin/python -m tests.outside.orca_speaks

Needs Debian's orca (apt-get install orca); not part of the suite. The PC
needs no sound card: speech-dispatcher gets a module that writes nothing,
so Orca never waits for audio (with none, espeak-ng blocks Orca's first
utterance and with it every key the kiosk receives)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.outside.kiosk_under_reader import running_kiosk, tab_to

SILENT_MODULE = 'GenericExecuteSynth "true"\nAddVoice "en" "MALE1" "en"\n'
SPOKEN = re.compile(r"SPEECH OUTPUT: '(.*?)' ?\{'established")
KEY_ECHO = {"tab ", "space ", "return ", "escape ", "left shift ", "right ", "home "}


def quiet_speech_dispatcher(folder: Path) -> None:
    """The session's speech-dispatcher config (XDG_CONFIG_HOME is folder/config)."""
    conf = folder / "config" / "speech-dispatcher"
    conf.mkdir(parents=True)
    (conf / "silent.conf").write_text(SILENT_MODULE, encoding="utf-8")
    (conf / "speechd.conf").write_text(
        f'AddModule "silent" "sd_generic" "{conf / "silent.conf"}"\nDefaultModule silent\n',
        encoding="utf-8",
    )


def main() -> None:
    if shutil.which("orca") is None:
        sys.exit("needs orca (apt-get install orca)")
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        quiet_speech_dispatcher(folder)
        log = folder / "orca-debug.log"
        with running_kiosk(folder, 3600) as kiosk:
            session = kiosk.session
            (folder / "orca-prefs").mkdir()
            command = ["orca", "--debug-file", str(log), "-u", str(folder / "orca-prefs")]
            orca = subprocess.Popen(
                command, env=session.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
            )
            try:
                session.wait_until(
                    lambda: log.exists() and "SPEECH OUTPUT" in log.read_text(errors="replace"),
                    60,
                    "Orca's first words",
                )
                time.sleep(5)  # Orca reads the window and its focus
                for _ in range(2):
                    session.key("Right")
                    time.sleep(3)
                tab_to(session, kiosk.strings["next"])
                session.key("Return")
                time.sleep(3)
                tab_to(session, kiosk.english.language_names["es"])
                session.key("space")
                time.sleep(3)
                session.key("Right")
                time.sleep(3)
            finally:
                orca.terminate()
                orca.wait(10)
        print("== What Orca said (its debug log, key echo left out) ==")
        for line in log.read_text(errors="replace").splitlines():
            match = SPOKEN.search(line)
            if match and match.group(1) not in KEY_ECHO:
                print(line.split(" - ")[0], match.group(1))


if __name__ == "__main__":
    main()
