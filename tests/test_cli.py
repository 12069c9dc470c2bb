"""The command line as a user runs it: a separate process each time."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

from tests.ui.conftest import write_pack

ROOT = Path(__file__).resolve().parent.parent


def run(
    *args: str, cwd: Path, stdin: str | None = None, env: dict | None = None
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        input=stdin,
        env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
    )


def test_check_passes_on_the_bundled_pack_from_another_folder(tmp_path):
    result = run("check", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error:" not in result.stdout


def test_check_fails_with_file_and_line_on_a_broken_pack(tmp_path):
    pack = write_pack(tmp_path / "pack")
    (pack / "deck.toml").write_text('title = "x"\nlanguages = [\n', encoding="utf-8")
    result = run("check", str(pack), cwd=tmp_path)
    assert result.returncode == 1
    assert f"{pack / 'deck.toml'}:" in result.stdout
    assert "error:" in result.stdout
    assert "Traceback" not in result.stderr


def test_content_option_works_before_and_after_the_command(tmp_path):
    pack = write_pack(tmp_path / "pack")
    (pack / "clinic.toml").write_text('name = "No phone"\n', encoding="utf-8")
    for args in (("--content", str(pack), "check"), ("check", "--content", str(pack))):
        result = run(*args, cwd=tmp_path)
        assert result.returncode == 1, args
        assert "phone" in result.stdout


def test_export_writes_every_screen_at_the_asked_size(tmp_path):
    pack = write_pack(tmp_path / "pack")
    out = tmp_path / "png"
    result = run(
        "--content", str(pack), "export", "--png", str(out), "--size", "1080x1920", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in out.glob("*.png"))
    assert names == [
        "01-first-more.png",
        "01-first.png",
        "02-second.png",
        "03-third.png",
        "contact.png",
        "references.png",
        "take-home.png",
        "topics.png",
    ]
    image = QImage(str(out / "01-first.png"))
    assert (image.width(), image.height()) == (1080, 1920)
    # Not blank: a rendered slide has many distinct colours (text, icon, buttons).
    colours = {image.pixel(x, y) for x in range(0, 1080, 9) for y in range(0, 1920, 9)}
    assert len(colours) > 20


def test_set_pin_stores_only_a_salted_hash(tmp_path):
    config = tmp_path / "config"
    env = {"CLINIC_KIOSK_CONFIG_DIR": str(config)}
    result = run("set-pin", cwd=tmp_path, stdin="582047\n", env=env)
    assert result.returncode == 0, result.stderr
    stored = (config / "staff-pin").read_text(encoding="utf-8")
    assert stored.startswith("scrypt$") and "582047" not in stored
    assert (config / "staff-pin").stat().st_mode & 0o777 == 0o600
    assert "582047" not in result.stdout + result.stderr

    from app.core.staff_pin import verify_pin

    assert verify_pin("582047", stored.strip())


def test_set_pin_refuses_a_short_pin(tmp_path):
    env = {"CLINIC_KIOSK_CONFIG_DIR": str(tmp_path / "config")}
    result = run("set-pin", cwd=tmp_path, stdin="12\n", env=env)
    assert result.returncode == 1
    assert "PIN not set" in result.stderr
    assert not (tmp_path / "config" / "staff-pin").exists()


def test_service_prints_a_restarting_user_unit(tmp_path):
    result = subprocess.run(
        [str(Path(sys.executable).with_name("clinic-kiosk")), "service"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "Restart=always" in result.stdout
    assert "--kiosk" in result.stdout


def test_export_at_the_largest_text_in_high_contrast(tmp_path):
    pack = write_pack(tmp_path / "pack")
    out = tmp_path / "png"
    result = run(
        "--content", str(pack), "export", "--png", str(out), "--size", "1366x768",
        "--text-size", "largest", "--high-contrast", cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    image = QImage(str(out / "01-first.png"))
    assert (image.width(), image.height()) == (1366, 768)
    # The high-contrast theme: a black window.
    assert image.pixelColor(3, 3).name() == "#000000"
