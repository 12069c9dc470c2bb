"""The house's import rules (pyproject.toml [tool.importlinter];
docs/architecture.md), checked by import-linter on the real source."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def lint_imports(cwd: Path) -> subprocess.CompletedProcess:
    command = Path(sys.executable).with_name("lint-imports")
    return subprocess.run(
        [str(command), "--no-cache"], cwd=cwd, capture_output=True, text=True, timeout=120
    )


def test_every_import_contract_is_kept():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "4 kept, 0 broken" in result.stdout


def test_a_qt_import_in_the_rules_breaks_a_contract(tmp_path):
    # A copy of the package with one forbidden import: the check must see it.
    shutil.copytree(ROOT / "app", tmp_path / "app", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    rules = tmp_path / "app" / "core" / "navigation.py"
    rules.write_text("from PySide6.QtCore import QObject\n" + rules.read_text(encoding="utf-8"))
    result = lint_imports(tmp_path)
    assert result.returncode != 0
    assert "Content and rules know nothing of Qt BROKEN" in result.stdout
    assert "app.core.navigation -> PySide6 (l.1)" in result.stdout
