"""inside_pack and pack_file: the one answer to "is this path inside the pack"."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.content.check import check_pack
from app.content.files import inside_pack, pack_file
from app.content.loader import load_pack
from tests.content.packs import write_pack


@pytest.fixture
def root(tmp_path) -> Path:
    """A pack folder with media/pill.svg, and a file beside the pack."""
    pack = tmp_path / "pack"
    (pack / "media").mkdir(parents=True)
    (pack / "media" / "pill.svg").write_text("<svg/>", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("not for patients", encoding="utf-8")
    return pack


def test_a_file_in_the_pack_is_inside(root):
    assert inside_pack(root, root / "media" / "pill.svg")
    assert pack_file(root, "media/pill.svg") == (root / "media" / "pill.svg").resolve()


def test_dot_dot_that_stays_in_the_pack_is_inside(root):
    assert pack_file(root, "media/../media/pill.svg") == (root / "media" / "pill.svg").resolve()


def test_dot_dot_out_of_the_pack_is_outside(root):
    assert not inside_pack(root, root / ".." / "secret.txt")
    assert pack_file(root, "../secret.txt") is None
    assert pack_file(root, "media/../../secret.txt") is None


def test_an_absolute_path_elsewhere_is_outside(root, tmp_path):
    assert pack_file(root, str(tmp_path / "secret.txt")) is None


def test_a_link_out_of_the_pack_is_outside(root, tmp_path):
    (root / "media" / "link.txt").symlink_to(tmp_path / "secret.txt")
    assert not inside_pack(root, root / "media" / "link.txt")
    assert pack_file(root, "media/link.txt") is None


def test_a_link_to_a_file_in_the_pack_is_inside(root):
    (root / "other.svg").symlink_to(root / "media" / "pill.svg")
    assert pack_file(root, "other.svg") == (root / "media" / "pill.svg").resolve()


def test_a_pack_reached_through_a_link_still_finds_its_files(root, tmp_path):
    linked = tmp_path / "linked-pack"
    linked.symlink_to(root)
    assert pack_file(linked, "media/pill.svg") == (root / "media" / "pill.svg").resolve()


def test_a_link_loop_is_not_inside_and_never_raises(root):
    (root / "media" / "a.svg").symlink_to(root / "media" / "b.svg")
    (root / "media" / "b.svg").symlink_to(root / "media" / "a.svg")
    assert not inside_pack(root, root / "media" / "a.svg")
    assert pack_file(root, "media/a.svg") is None


def test_a_missing_file_is_inside_but_not_a_pack_file(root):
    assert inside_pack(root, root / "media" / "gone.svg")
    assert pack_file(root, "media/gone.svg") is None


def test_a_folder_is_not_a_pack_file(root):
    assert inside_pack(root, root / "media")
    assert pack_file(root, "media") is None


def test_a_name_the_system_cannot_take_is_not_inside(root):
    assert not inside_pack(root, root / "bad\0name.svg")
    assert pack_file(root, "bad\0name.svg") is None


def test_a_slide_that_is_a_link_loop_is_reported_not_raised(tmp_path):
    pack = write_pack(tmp_path)
    loop = pack / "en" / "030-loop.md"
    loop.symlink_to(pack / "en" / "040-loop.md")
    (pack / "en" / "040-loop.md").symlink_to(loop)
    result = load_pack(pack)
    assert [s.id for s in result.pack.slides] == ["what-is-ketamine", "is-it-safe"]
    errors = [p for p in check_pack(pack) if p.is_error]
    assert {p.path for p in errors} == {str(loop), str(pack / "en" / "040-loop.md")}
    assert all("outside the pack" in p.message for p in errors)
