"""What a careless edit or a half-finished sync can leave behind: the loader
and check report it against the file, and never raise."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from app import resources
from app.content.check import check_pack
from app.content.loader import load_pack


@pytest.fixture
def pack(tmp_path) -> Path:
    root = tmp_path / "pack"
    shutil.copytree(resources.content_dir(), root)
    return root


def pack_files(root: Path) -> list[Path]:
    return sorted(
        p for p in root.rglob("*") if p.is_file() and p.suffix in (".toml", ".json", ".md")
    )


def test_every_file_cut_short_anywhere_is_reported_not_raised(pack):
    for path in pack_files(pack):
        original = path.read_bytes()
        for fraction in (0.0, 0.13, 0.5, 0.91):
            path.write_bytes(original[: int(len(original) * fraction)])
            result = load_pack(pack)  # must not raise
            problems = check_pack(pack)  # must not raise
            assert result.pack is not None or any(p.is_error for p in result.problems)
            for problem in problems:
                assert problem.path and problem.line >= 1, problem
        path.write_bytes(original)
    assert not [p for p in check_pack(pack) if p.is_error]


def test_invalid_utf8_in_each_file_names_that_file(pack):
    for path in pack_files(pack):
        original = path.read_bytes()
        path.write_bytes(original[:40] + b"\xff\xfe broken \xc3" + original[40:])
        errors = [p for p in check_pack(pack) if p.is_error]
        assert any(p.path == str(path) and "UTF-8" in p.message for p in errors), path
        path.write_bytes(original)


def test_language_folder_deleted_shows_the_front_desk_details(pack):
    shutil.rmtree(pack / "en")
    result = load_pack(pack)
    assert result.pack is None
    assert result.clinic.name == "Example Clinic"  # the calm screen still has the numbers
    assert any(p.is_error and str(pack / "en") in p.message for p in result.problems)


def test_slide_that_is_a_link_out_of_the_pack_is_not_read(pack, tmp_path):
    secret = tmp_path / "outside.md"
    secret.write_text("---\ntitle: Outside\n---\nNot part of the pack.\n", encoding="utf-8")
    link = pack / "en" / "005-outside.md"
    os.symlink(secret, link)
    result = load_pack(pack)
    assert all(slide.title != "Outside" for slide in result.pack.slides)
    assert any(p.path == str(link) and p.is_error for p in check_pack(pack))


def test_enormous_references_file_is_refused_by_size(pack):
    path = pack / "references.json"
    with path.open("ab") as handle:
        handle.truncate(20 * 1024 * 1024)  # a sparse 20 MB file: no time to write it
    problems = [p for p in check_pack(pack) if p.is_error and p.path == str(path)]
    assert problems and "MB" in problems[0].message
