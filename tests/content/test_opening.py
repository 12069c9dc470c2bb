"""load_opening: what the first screen needs, the same for 13 slides as for
2000; and the full load's progress, slide by slide in order."""

from __future__ import annotations

from app.content.loader import load_pack
from app.content.opening import load_opening
from app.content.pack_shelf import load_every_language
from tests.content.packs import spanish_files, write_pack


def test_the_first_slide_is_rendered_as_the_full_load_renders_it(tmp_path):
    root = write_pack(tmp_path)
    full = load_pack(root).pack
    opening = load_opening(root).pack
    assert opening is not None and full is not None
    assert opening.rendered == 1 and not opening.complete and full.complete
    assert opening.slides[0] == full.slides[0]  # its citation numbers are already final
    assert [s.id for s in opening.slides] == [s.id for s in full.slides]
    assert [s.path for s in opening.slides] == [s.path for s in full.slides]
    assert all(s.title == "" and s.body_html == "" for s in opening.slides[1:])
    assert opening.pictures.keys() <= full.pictures.keys()


def test_a_first_file_that_cannot_load_is_skipped_as_the_full_load_skips_it(tmp_path):
    root = write_pack(tmp_path, {"en/005-broken.md": "no front matter, no title\n"})
    opening = load_opening(root)
    full = load_pack(root)
    assert opening.pack.slides[0] == full.pack.slides[0]
    assert any("005-broken.md" in p.path and p.is_error for p in opening.problems)


def test_another_language_opens_in_that_language(tmp_path):
    root = write_pack(tmp_path, spanish_files())
    opening = load_opening(root, "es").pack
    assert opening.language == "es"
    assert opening.slides[0] == load_pack(root, "es").pack.slides[0]


def test_no_slide_at_all_gives_the_front_desk_and_the_reason(tmp_path):
    root = write_pack(tmp_path)
    for path in (root / "en").glob("*.md"):
        path.unlink()
    result = load_opening(root)
    assert result.pack is None
    assert any("no slides here" in p.message for p in result.problems)
    assert load_opening(tmp_path / "missing").pack is None


def test_progress_follows_the_first_language_slide_by_slide_in_order(tmp_path):
    root = write_pack(tmp_path, spanish_files())
    seen: list[tuple[str, ...]] = []
    results = load_every_language(
        root, lambda slides, pictures: seen.append(tuple(s.id for s in slides))
    )
    ids = tuple(s.id for s in results["en"].pack.slides)
    assert seen == [ids[: n + 1] for n in range(len(ids))]
    assert set(results) == {"en", "es"}
