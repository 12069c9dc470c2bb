"""The one way to find bundled files (fonts, icons, the default pack).

In an installed wheel the top-level assets/ and content/ live inside the
package as app/bundled/assets and app/bundled/content (see pyproject.toml).
In a source checkout they sit beside the package. Either way the lookup goes
through the package's own location, never the current directory.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def _bundled(name: str) -> Path:
    # Installed (wheel or editable): app.bundled.<name> is a mapped package.
    try:
        located = resources.files(f"app.bundled.{name}")
        path = Path(str(located))
        if path.is_dir():
            return path
    except (ModuleNotFoundError, TypeError):
        pass
    # Source checkout run without installing: the folder beside app/.
    return Path(str(resources.files("app"))).parent / name


def content_dir() -> Path:
    """The bundled content pack."""
    return _bundled("content")


def assets_dir() -> Path:
    return _bundled("assets")


def font_files() -> list[Path]:
    """Atkinson Hyperlegible, bundled with its licence (SIL OFL)."""
    return sorted((assets_dir() / "fonts").glob("*.ttf"))
