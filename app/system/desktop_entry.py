"""The desktop file and icon shipped in the wheel (assets/desktop/).

A compositor or desktop finds the kiosk's name and icon through the desktop
file whose name matches the app's id, `clinic-kiosk` (Qt's desktop file
name). `clinic-kiosk service --desktop-file` prints it with this
installation's command and icon filled in, ready to save.
"""

from __future__ import annotations

from pathlib import Path

from app import resources

DESKTOP_ID = "clinic-kiosk"
FILE_NAME = f"{DESKTOP_ID}.desktop"


def desktop_dir() -> Path:
    return resources.assets_dir() / "desktop"


def icon_path() -> Path:
    return desktop_dir() / f"{DESKTOP_ID}.svg"


def desktop_file_text(executable: str) -> str:
    """The shipped desktop file with Exec= and Icon= as absolute paths."""
    lines = []
    for line in (desktop_dir() / FILE_NAME).read_text(encoding="utf-8").splitlines():
        if line.startswith("Exec="):
            line = f"Exec={_exec_word(executable)}"
        elif line.startswith("Icon="):
            line = f"Icon={icon_path()}"
        lines.append(line)
    header = [
        "# Save as ~/.local/share/applications/clinic-kiosk.desktop (one user)",
        "# or /usr/share/applications/clinic-kiosk.desktop (everyone).",
    ]
    return "\n".join(header + lines) + "\n"


def _exec_word(executable: str) -> str:
    # The desktop entry spec's Exec quoting: double quotes, with \ " ` $
    # escaped; then the string escape doubles every backslash; % is %%.
    word = executable.replace("%", "%%")
    if any(c in word for c in " \t\n\"'\\><~|&;$*?#()`"):
        word = '"' + "".join("\\" + c if c in '"`$\\' else c for c in word) + '"'
    return word.replace("\\", "\\\\")
