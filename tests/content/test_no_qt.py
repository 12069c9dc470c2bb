"""app/content and app/core must never load Qt, not even through another
library at run time. (The import contracts in pyproject.toml check the
source's imports; this runs the modules.)"""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import app.content
import app.core

QT_MODULES = ("PySide6", "shiboken6", "qtawesome", "PyQt5", "PyQt6", "qtpy")
PACKAGES = {"app.content": app.content, "app.core": app.core}


def module_names() -> list[str]:
    names = []
    for prefix, package in PACKAGES.items():
        names.append(prefix)
        for info in pkgutil.walk_packages(package.__path__, prefix + "."):
            names.append(info.name)
    return names


def test_importing_every_module_loads_no_qt():
    code = (
        "import importlib, sys\n"
        f"for name in {module_names()!r}:\n"
        "    importlib.import_module(name)\n"
        "    # run the lazy imports too\n"
        "from app.content import readability\n"
        "readability.assess('A short text.', 'en')\n"
        f"bad = sorted(m for m in sys.modules if m.split('.')[0] in {QT_MODULES!r})\n"
        "assert not bad, bad\n"
    )
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert "app.content.loader" in module_names()
