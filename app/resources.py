"""The one way to find bundled files (fonts, icons, the default pack).

In an installed wheel the top-level assets/ and content/ live inside the
package as app/bundled/assets and app/bundled/content (see pyproject.toml).
In a source checkout they sit beside the package. Either way the lookup goes
through the package's own location, never the current directory.

Not importlib.resources: Qt needs real file paths (fonts, pictures), and in
a source checkout the folders are not inside any package at all.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent  # the installed or checked-out app/


def _bundled(name: str) -> Path:
    # Installed from a wheel: app/bundled/<name> holds the files.
    installed = PACKAGE / "bundled" / name
    if installed.is_dir():
        return installed
    # A source checkout (editable install or plain run): beside app/.
    return PACKAGE.parent / name


def content_dir() -> Path:
    """The bundled content pack."""
    return _bundled("content")


def assets_dir() -> Path:
    return _bundled("assets")


def font_files() -> list[Path]:
    """Atkinson Hyperlegible, bundled with its licence (SIL OFL)."""
    return sorted((assets_dir() / "fonts").glob("*.ttf"))
