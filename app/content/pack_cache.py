"""A loaded pack kept on disk between starts, so the kiosk shows its first
slide without importing and running Python-Markdown (about 0.2 s here).

The cache is keyed by every file's path, size and modification time, the
language, today's date (review warnings depend on it) and the app version:
any edit to the pack, or a new release, loads it afresh. It lives in the
user cache folder, never in the pack. A cache that cannot be read or written
is ignored; the pack is then simply loaded."""

from __future__ import annotations

import logging
import os
import pickle
import zlib
from datetime import date
from pathlib import Path

from app import __version__
from app.content.model import LoadResult

log = logging.getLogger(__name__)

CACHE_DIR_ENV = "CLINIC_KIOSK_CACHE_DIR"
KEEP = 6


def cache_dir() -> Path:
    override = os.environ.get(CACHE_DIR_ENV, "").strip()
    if override:
        return Path(override).expanduser()
    import platformdirs

    return platformdirs.user_cache_path("clinic-kiosk", appauthor=False)


def _fingerprint(root: Path, language: str | None) -> str:
    """Everything the loaded pack depends on, as text."""
    # The path as given and as resolved: the cached Pack.root is the one given.
    parts = [__version__, str(language), str(date.today()), str(root), str(root.resolve())]
    entries = []
    # os.walk rather than Path.rglob: this runs at every start, and the
    # plain-string walk takes half the time.
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]  # .git, sync tools' files
        relative = os.path.relpath(folder, root)
        for name in dirs + [f for f in files if not f.startswith(".")]:
            path = os.path.join(folder, name)
            try:
                stat = os.stat(path)
            except OSError:
                continue
            # ctime too: tools can set a file's mtime back (rsync -a), never its ctime.
            key = name if relative == "." else os.path.join(relative, name)
            entries.append(f"{key}\0{stat.st_size}\0{stat.st_mtime_ns}\0{stat.st_ctime_ns}")
    return "\n".join(parts + sorted(entries))


def load_pack_cached(root: Path, language: str | None = None) -> LoadResult:
    """load_pack(root, language), from the cache when nothing has changed."""
    root = Path(root)
    try:
        key = _fingerprint(root, language)
    except OSError:
        key = None
    # A checksum names the file; the whole fingerprint stored inside it must
    # match too, so two packs can never share an entry. (zlib, not hashlib:
    # it is already loaded, and hashlib's OpenSSL costs start-up time.)
    path = cache_dir() / f"pack-{zlib.crc32(key.encode()):08x}.pickle" if key else None
    if path is not None:
        try:
            with path.open("rb") as handle:
                stored_key, result = pickle.load(handle)
            if stored_key == key and isinstance(result, LoadResult):
                return result
        except FileNotFoundError:
            pass
        except Exception as exc:  # a damaged cache file: load the pack instead
            log.warning("ignoring the pack cache %s: %s", path, exc)
    from app.content.loader import load_pack  # imports Python-Markdown

    result = load_pack(root, language)
    if path is not None and result.pack is not None:
        _save(path, key, result)
    return result


def _save(path: Path, key: str, result: LoadResult) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp")
        with temporary.open("wb") as handle:
            pickle.dump((key, result), handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
        # Keep the few newest (one per language, say); edits leave stale ones.
        stale = sorted(path.parent.glob("pack-*.pickle"), key=lambda p: p.stat().st_mtime)
        for old in stale[:-KEEP]:
            old.unlink(missing_ok=True)
    except OSError as exc:
        log.info("pack cache not written (%s); the next start loads the pack", exc)
