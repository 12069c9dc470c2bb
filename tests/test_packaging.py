"""The wheel carries the bundled pack and font, so `pip install .` works
from any folder."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_contains_content_fonts_and_licence(tmp_path):
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (wheel,) = tmp_path.glob("clinic_kiosk-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "app/bundled/content/deck.toml" in names
    assert "app/bundled/content/clinic.toml" in names
    assert "app/bundled/content/references.json" in names
    assert any(n.startswith("app/bundled/content/en/") and n.endswith(".md") for n in names)
    assert any(n.startswith("app/bundled/content/media/") for n in names)
    assert "app/bundled/assets/fonts/OFL.txt" in names
    assert "app/bundled/assets/fonts/AtkinsonHyperlegible_400Regular.ttf" in names
    assert not any("screenshots" in n for n in names)
    assert "app/ui/main_window.py" in names
