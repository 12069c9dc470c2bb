"""The on-disk cache of a loaded pack: used only while nothing has changed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from app.content import pack_cache
from app.content.loader import load_pack
from app.content.pack_cache import load_pack_cached
from tests.content.packs import write_pack

ROOT = Path(__file__).resolve().parents[2]


def test_cached_result_equals_a_fresh_load(tmp_path, monkeypatch):
    monkeypatch.setenv("CLINIC_KIOSK_CACHE_DIR", str(tmp_path / "cache"))
    pack = write_pack(tmp_path)
    first = load_pack_cached(pack)
    assert list((tmp_path / "cache").glob("pack-*.pickle"))
    second = load_pack_cached(pack)
    assert second == first == load_pack(pack)


def test_any_edit_loads_the_pack_afresh(tmp_path, monkeypatch):
    monkeypatch.setenv("CLINIC_KIOSK_CACHE_DIR", str(tmp_path / "cache"))
    pack = write_pack(tmp_path)
    load_pack_cached(pack)
    slide = sorted((pack / "en").glob("*.md"))[0]
    text = slide.read_text(encoding="utf-8")
    stat = slide.stat()
    # Same size, and the modification time put back as a copy tool might:
    # the change of ctime still shows.
    slide.write_text(text.replace("What is ketamine?", "What is ketamine!"), encoding="utf-8")
    os.utime(slide, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert load_pack_cached(pack).pack.slides[0].title == "What is ketamine!"


def test_language_is_part_of_the_key(tmp_path, monkeypatch):
    from tests.content.packs import spanish_files

    monkeypatch.setenv("CLINIC_KIOSK_CACHE_DIR", str(tmp_path / "cache"))
    pack = write_pack(tmp_path, spanish_files())
    assert load_pack_cached(pack, "en").pack.language == "en"
    assert load_pack_cached(pack, "es").pack.language == "es"
    assert load_pack_cached(pack, "en").pack.language == "en"


def test_damaged_cache_file_is_ignored(tmp_path, monkeypatch, caplog):
    monkeypatch.setenv("CLINIC_KIOSK_CACHE_DIR", str(tmp_path / "cache"))
    pack = write_pack(tmp_path)
    load_pack_cached(pack)
    (cached,) = (tmp_path / "cache").glob("pack-*.pickle")
    cached.write_bytes(b"not a pickle")
    assert load_pack_cached(pack) == load_pack(pack)
    assert "ignoring the pack cache" in caplog.text


def test_unwritable_cache_still_loads(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("CLINIC_KIOSK_CACHE_DIR", str(blocker / "cache"))
    assert load_pack_cached(write_pack(tmp_path)).pack is not None


def test_a_cache_hit_never_imports_markdown(tmp_path):
    pack = write_pack(tmp_path)
    env = {**os.environ, "CLINIC_KIOSK_CACHE_DIR": str(tmp_path / "cache"), "PYTHONPATH": str(ROOT)}
    code = (
        "import sys\n"
        "from app.content.pack_cache import load_pack_cached\n"
        f"result = load_pack_cached({str(pack)!r})\n"
        "print(result.pack is not None, 'markdown' in sys.modules)\n"
    )
    runs = [
        subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
        for _ in range(2)
    ]
    assert [r.stdout.split() for r in runs] == [["True", "True"], ["True", "False"]]


def test_keep_only_a_few_cache_files(tmp_path, monkeypatch):
    monkeypatch.setenv("CLINIC_KIOSK_CACHE_DIR", str(tmp_path / "cache"))
    pack = write_pack(tmp_path)
    slide = sorted((pack / "en").glob("*.md"))[0]
    for i in range(pack_cache.KEEP + 3):
        slide.write_text(slide.read_text(encoding="utf-8") + f"\nMore {i}.\n", encoding="utf-8")
        load_pack_cached(pack)
    assert len(list((tmp_path / "cache").glob("pack-*.pickle"))) == pack_cache.KEEP


def test_an_entry_whose_fingerprint_differs_is_never_used(tmp_path, monkeypatch):
    # The file name is only a checksum: a different pack that happened to
    # share it must not be shown. The full fingerprint inside decides.
    import pickle
    from dataclasses import replace

    monkeypatch.setenv("CLINIC_KIOSK_CACHE_DIR", str(tmp_path / "cache"))
    pack = write_pack(tmp_path)
    load_pack_cached(pack)
    (cached,) = (tmp_path / "cache").glob("pack-*.pickle")
    key, result = pickle.loads(cached.read_bytes())
    first = replace(result.pack.slides[0], title="Not this pack")
    other = replace(result, pack=replace(result.pack, slides=(first, *result.pack.slides[1:])))
    cached.write_bytes(pickle.dumps(("some other pack", other)))
    assert load_pack_cached(pack).pack.slides[0].title == "What is ketamine?"
    cached.write_bytes(pickle.dumps((key, other)))  # the same fingerprint: used
    assert load_pack_cached(pack).pack.slides[0].title == "Not this pack"
