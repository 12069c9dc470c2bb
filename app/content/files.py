"""Reading pack files as text without ever raising: every failure is a Problem."""

from __future__ import annotations

from pathlib import Path

from app.content.characters import strip_unsafe, unsafe_characters, unsafe_message
from app.content.limits import KiB, MiB
from app.content.model import Problem
from app.content.problems import error


def read_bytes(path: Path, limit: int, what: str = "file") -> tuple[bytes | None, str]:
    """The file's bytes, or None and why not (for a message about `what`)."""
    try:
        size = path.stat().st_size
        if not path.is_file():
            return None, f"{what} is not a regular file"
        if size > limit:
            return None, too_big(size, limit, what)
        with path.open("rb") as handle:
            # Read one byte past the limit: the file may have grown since stat().
            data = handle.read(limit + 1)
    except FileNotFoundError:
        return None, f"{what} is missing"
    except PermissionError:
        return None, f"cannot read {what}: permission denied"
    except OSError as exc:
        return None, f"cannot read {what}: {exc.strerror or exc}"
    if len(data) > limit:
        return None, too_big(len(data), limit, what)
    return data, ""


def read_text(path: Path, limit: int, what: str = "file") -> tuple[str | None, list[Problem]]:
    """The file's text with newlines normalised, or None and the reason."""
    shown = str(path)
    data, why = read_bytes(path, limit, what)
    if data is None:
        return None, [error(shown, 1, why)]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return None, [error(shown, line, "not valid UTF-8 text; save the file as UTF-8")]
    text = normalise_newlines(text)
    found = unsafe_characters(text)
    if found:
        line = text.count("\n", 0, found[0][0]) + 1
        return strip_unsafe(text), [error(shown, line, unsafe_message(found))]
    return text, []


def too_big(size: int, limit: int, what: str) -> str:
    plural = {"slide": "slides", "picture": "pictures"}.get(what, "files")
    cap = f"{limit // MiB} MiB" if limit >= MiB else f"{limit // KiB} KiB"
    return f"{what} is {size / MiB:.1f} MB; {plural} over {cap} are not loaded"


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def inside_pack(root: Path, path: Path) -> bool:
    """Does `path`, with every link followed, stay inside the pack folder `root`?
    A path that cannot be resolved (a link loop, a bad name) is not inside."""
    try:
        return path.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError, ValueError):
        return False


def pack_file(root: Path, src: str) -> Path | None:
    """The regular file `src` names, relative to the pack folder, or None when
    it is missing or reaches outside the pack. The loader refuses such
    pictures; the screens and the handout ask again before they open one."""
    path = root / src
    if not inside_pack(root, path):
        return None
    try:
        path = path.resolve()
        return path if path.is_file() else None
    except OSError:  # e.g. a folder on the way we may not read
        return None
