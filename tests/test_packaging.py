"""The wheel carries the bundled pack and font, so `pip install .` works
from any folder."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_contains_content_fonts_licence_desktop_file_and_icon(tmp_path):
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
    # What a desktop or compositor shows for the app id clinic-kiosk.
    assert "app/bundled/assets/desktop/clinic-kiosk.desktop" in names
    assert "app/bundled/assets/desktop/clinic-kiosk.svg" in names
    assert "app/ui/main_window.py" in names


def test_the_desktop_file_names_the_app_id_and_the_icon_is_an_svg():
    import configparser
    import xml.etree.ElementTree as ET

    folder = ROOT / "assets" / "desktop"
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(folder / "clinic-kiosk.desktop", encoding="utf-8")
    fields = entry["Desktop Entry"]
    assert (fields["Type"], fields["Icon"], fields["StartupWMClass"]) == (
        "Application",
        "clinic-kiosk",
        "clinic-kiosk",
    )
    assert fields["Exec"] == "clinic-kiosk"
    root = ET.parse(folder / "clinic-kiosk.svg").getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"


def test_the_application_names_its_desktop_file_and_has_the_icon(qapp):
    from app.main import make_application

    app = make_application()
    assert app.desktopFileName() == "clinic-kiosk"
    assert not app.windowIcon().isNull()
    assert app.windowIcon().pixmap(64, 64).width() == 64  # the SVG draws
