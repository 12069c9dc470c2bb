"""A pack's pictures, checked for what they are before anything draws them.

Without Qt: the loader reads each picture once, checks it here and keeps its
bytes in the Pack, so the screens draw from memory (a deleted pack folder
leaves its pictures on screen) and never from a file that changed since.

- The extension must match the bytes: PNG, JPEG or SVG, nothing else (a
  slide's image pointing at deck.toml is refused).
- PNG and JPEG: width and height read from the header, within MAX_SIDE,
  MAX_PIXELS and MAX_ASPECT, so no picture can take gigabytes to decode; a
  PNG's chunks are checked whole (CRC, the end chunk) so a cut or corrupt
  file is named by check, not drawn as a hole.
- SVG: parsed with defusedxml, which refuses a DOCTYPE and so every entity
  (a "billion laughs" file); every reference (href, xlink:href, CSS url(),
  @import) must stay inside the picture: an #id, or a PNG or JPEG embedded
  as data:. Qt's SVG renderer would otherwise open any file the kiosk's user
  may read, on screen and in the printed handout.
"""

from __future__ import annotations

import base64
import re
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path
from xml.etree.ElementTree import Element

import defusedxml.ElementTree as safe_xml
from defusedxml import DefusedXmlException

from app.content.files import inside_pack, pack_file, read_bytes
from app.content.limits import MAX_ASPECT, MAX_PIXELS, MAX_SIDE, MAX_SVG_ELEMENTS, PICTURE_LIMIT
from app.content.model import Figure

_PNG = b"\x89PNG\r\n\x1a\n"
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_KINDS = {".png": "png", ".jpg": "jpeg", ".jpeg": "jpeg", ".svg": "svg"}
_XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
_EMBEDDED = re.compile(r"data:image/(png|jpeg);base64,", re.IGNORECASE)
_CSS_URL = re.compile(r"url\(\s*['\"]?\s*([^'\")\s]*)", re.IGNORECASE)
_LENGTH = re.compile(r"^\s*([0-9.]+(?:e[+-]?\d+)?)\s*(px)?\s*$", re.IGNORECASE)


def image_problems(src: str, alt: str, root: Path) -> list[str]:
    """Why an image may not be shown; [] when it is a file inside the pack with alt text."""
    problems = []
    if not src.strip():
        problems.append("image has no path")
    elif src.startswith("//") or _SCHEME.match(src):
        problems.append(
            f"image {src} is refused: images must be files in the pack "
            "(no http:, https:, data: or other URLs)"
        )
    elif src.startswith(("/", "\\")) or Path(src).is_absolute():
        problems.append(
            f"image {src} is refused: use a path relative to the pack folder, like media/x.svg"
        )
    elif not inside_pack(root, root / src):
        problems.append(f"image {src} is refused: it is outside the pack folder")
    elif pack_file(root, src) is None:
        problems.append(f"image {src} not found (paths are relative to the pack folder)")
    if not alt.strip():
        problems.append(
            f"image {src or '(no path)'} has no alt text; describe it for people who cannot see it"
        )
    return problems


@dataclass
class PackPictures:
    """Where one render of a slide puts the pictures it accepts."""

    root: Path
    pictures: dict[str, bytes]  # src -> bytes, shared by a language's renders
    figures: list[Figure] | None  # None: images stay in the text

    def keep(self, src: str) -> list[str]:
        """Read and check the picture `src` once; why it is refused, if it is."""
        if src in self.pictures:
            return []
        path = pack_file(self.root, src)
        data, why = read_bytes(path, PICTURE_LIMIT, "picture") if path else (None, "")
        if data is None:
            return [f"image {src}: {why}"]
        problem = picture_problem(path.name, data)
        if problem:
            return [f"image {src} {problem}; it is not shown"]
        self.pictures[src] = data
        return []


def picture_problem(name: str, data: bytes) -> str:
    """Why the picture `name` (a file name, for its extension) may not be
    shown; "" when it may."""
    kind = _KINDS.get(_extension(name))
    if kind is None:
        return "is not a PNG, JPEG or SVG picture (by its name)"
    if kind == "png":
        return _png_problem(data)
    if kind == "jpeg":
        return _jpeg_problem(data)
    return svg_problem(data)


def _extension(name: str) -> str:
    dot = name.rfind(".")
    return name[dot:].lower() if dot != -1 else ""


def _size_problem(width: int, height: int) -> str:
    if width <= 0 or height <= 0:
        return f"has no size ({width}x{height})"
    if max(width, height) > MAX_SIDE or width * height > MAX_PIXELS:
        return (
            f"is {width}x{height} pixels; pictures may be up to {MAX_SIDE} pixels a side "
            f"and {MAX_PIXELS // 1_000_000} million pixels (make it smaller)"
        )
    return _aspect_problem(width, height)


def _aspect_problem(width: float, height: float) -> str:
    if max(width, height) > MAX_ASPECT * min(width, height):
        return (
            f"is {width:g} by {height:g}: more than {MAX_ASPECT} times as wide as it is "
            "high or the other way round, too thin to show"
        )
    return ""


def _png_problem(data: bytes) -> str:
    if not data.startswith(_PNG):
        return "is not a PNG file, though its name ends in .png"
    offset, seen = len(_PNG), []
    while offset + 12 <= len(data):
        length, kind = struct.unpack(">I4s", data[offset : offset + 8])
        end = offset + 12 + length
        if end > len(data):
            break
        body = data[offset + 8 : end - 4]
        if zlib.crc32(kind + body) != struct.unpack(">I", data[end - 4 : end])[0]:
            return f"is a damaged PNG (the {kind.decode('latin-1')!r} chunk is corrupt)"
        seen.append(kind)
        if kind == b"IHDR":
            if len(body) < 8:
                return "is a damaged PNG (its header is cut short)"
            width, height = struct.unpack(">II", body[:8])
            if problem := _size_problem(width, height):
                return problem
        if kind == b"IEND":
            break
        offset = end
    if not seen or seen[0] != b"IHDR" or b"IDAT" not in seen or seen[-1] != b"IEND":
        return "is a damaged or cut-short PNG (save it again)"
    return ""


def _jpeg_problem(data: bytes) -> str:
    if not data.startswith(b"\xff\xd8\xff"):
        return "is not a JPEG file, though its name ends in .jpg or .jpeg"
    offset = 2
    while offset + 4 <= len(data):
        if data[offset] != 0xFF:
            break
        marker = data[offset + 1]
        if marker == 0xFF:  # fill byte
            offset += 1
            continue
        (length,) = struct.unpack(">H", data[offset + 2 : offset + 4])
        # SOF0-SOF15 carry the size, except DHT (C4), JPG (C8) and DAC (CC).
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            if offset + 9 > len(data):
                break
            height, width = struct.unpack(">HH", data[offset + 5 : offset + 9])
            if problem := _size_problem(width, height):
                return problem
            return "" if b"\xff\xd9" in data[-1024:] else "is a cut-short JPEG (save it again)"
        offset += 2 + length
    return "is a damaged JPEG (no picture size found)"


def svg_problem(data: bytes) -> str:
    try:
        root = safe_xml.fromstring(data, forbid_dtd=True)
    except DefusedXmlException:
        return "is an SVG with a DOCTYPE or entities, which are refused (save it without them)"
    except (safe_xml.ParseError, ValueError) as exc:
        return f"is not a readable SVG ({exc})"
    if root.tag.rpartition("}")[2] != "svg":
        return "is not an SVG picture (its first element is not <svg>)"
    for count, element in enumerate(root.iter(), start=1):
        if count > MAX_SVG_ELEMENTS:
            return f"has over {MAX_SVG_ELEMENTS} elements, too many to draw quickly"
        if problem := _reference_problem(element):
            return problem
    return _svg_size_problem(root)


def _reference_problem(element: Element) -> str:
    tag = element.tag.rpartition("}")[2]
    css = " ".join(v for v in element.attrib.values() if "url(" in v.lower())
    for name, value in element.attrib.items():
        # Any namespace: Qt may read "xlink:href" by its written name.
        is_link = name.rpartition("}")[2].lower() == "href" and value.strip()
        if is_link and (problem := _target_problem(tag, value.strip())):
            return problem
    if tag == "style":
        css += " " + "".join(element.itertext())
    if "@import" in css.lower():
        return f"has a <{tag}> whose style imports another file (@import)"
    for target in _CSS_URL.findall(css):
        if problem := _target_problem(tag, target, f"url({target})"):
            return problem
    return ""


def _target_problem(tag: str, target: str, shown: str = "") -> str:
    """An #id is inside the picture; so is an embedded PNG or JPEG, which is
    checked as a picture of its own. Anything else reaches outside."""
    if target.startswith("#"):
        return ""
    embedded = _EMBEDDED.match(target)
    if not embedded:
        return _outside(tag, shown or target)
    kind = embedded.group(1).lower()
    try:
        data = base64.b64decode(target[embedded.end() :], validate=False)
    except ValueError:
        return f"has <{tag}> with an embedded picture that is not valid base64"
    problem = _png_problem(data) if kind == "png" else _jpeg_problem(data)
    return f"has <{tag}> with an embedded picture that {problem}" if problem else ""


def _outside(tag: str, target: str) -> str:
    shown = target if len(target) <= 80 else target[:77] + "..."
    return (
        f'has <{tag}> pointing at "{shown}", outside the picture; an SVG may use only '
        "#ids and PNG or JPEG pictures embedded as data:"
    )


def _svg_size_problem(root: Element) -> str:
    box = (root.get("viewBox") or "").replace(",", " ").split()
    width, height = _length(root.get("width")), _length(root.get("height"))
    if len(box) == 4:
        try:
            width, height = float(box[2]), float(box[3])
        except ValueError:
            return f"has a viewBox that is not four numbers: {root.get('viewBox')!r}"
    if width is None or height is None:
        return ""  # Qt draws it at its default size, 100 by 100
    if not (width > 0 and height > 0):  # also NaN
        return f"has no size ({width:g} by {height:g})"
    return _aspect_problem(width, height)


def _length(text: str | None) -> float | None:
    """An SVG width or height in pixels; None when absent or in other units
    (a percentage fills the box and cannot be too thin)."""
    found = _LENGTH.match(text or "")
    return float(found.group(1)) if found else None
