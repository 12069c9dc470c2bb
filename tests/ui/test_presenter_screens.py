"""Two screens: the console goes on the one the slides are not on. Qt's
offscreen platform takes a screen layout only when it starts, so this runs
in a fresh process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = textwrap.dedent(
    """
    import sys
    from pathlib import Path

    from PySide6.QtGui import QGuiApplication

    from app.content.loader import load_pack
    from app.main import make_application
    from app.ui.main_window import MainWindow
    from app.ui.presenter.presenter_mode import PresenterMode
    from tests.ui.conftest import write_pack

    app = make_application()
    assert [s.name() for s in QGuiApplication.screens()] == ["A", "B"]
    window = MainWindow(speech_engine="mock")
    window.set_content(load_pack(write_pack(Path(sys.argv[1]))))
    window.resize(1280, 800)
    window.show()
    mode = PresenterMode(window)
    mode.start()
    app.processEvents()
    assert not mode.one_screen
    # --present: the slides on the projector (not the primary screen) ...
    assert window.screen().name() == "B", window.screen().name()
    assert window.isFullScreen()
    assert window.geometry().x() == 1920, window.geometry()
    # ... the console full screen on the other.
    assert mode.console.isVisible()
    assert mode.console.screen().name() == "A", mode.console.screen().name()
    assert mode.console.geometry().width() == 1920
    assert not mode.console.switch_button.isVisible()  # nothing to switch with two screens
    assert mode.console.slide_label.text() == "Slide 1 of 3"
    mode.finish()

    # From a kiosk on screen A: the console goes to B.
    window2 = MainWindow(speech_engine="mock")
    window2.set_content(load_pack(Path(sys.argv[1])))
    window2.show()
    mode2 = PresenterMode(window2, audience_screen=QGuiApplication.screens()[0])
    mode2.start()
    app.processEvents()
    assert window2.screen().name() == "A"
    assert mode2.console.screen().name() == "B"
    mode2.finish()
    print("ok")
    """
)


def test_console_goes_on_the_other_screen(tmp_path):
    screens = {
        "screens": [
            {
                "name": name,
                "x": x,
                "y": 0,
                "width": 1920,
                "height": 1080,
                "logicalDpi": 96,
                "logicalBaseDpi": 96,
                "dpr": 1,
            }
            for name, x in (("A", 0), ("B", 1920))
        ]
    }
    config = tmp_path / "screens.json"
    config.write_text(json.dumps(screens), encoding="utf-8")
    script = tmp_path / "two_screens.py"
    script.write_text(SCRIPT, encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    env["PYTHONPATH"] = str(ROOT)
    result = subprocess.run(
        [sys.executable, str(script), str(tmp_path / "pack")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("ok")
