"""Where the staff PIN's hash lives on disk. Never logs the PIN or the hash."""

from __future__ import annotations

import contextlib
import logging
import os
import tempfile
from pathlib import Path

import platformdirs

from app.core.staff_pin import is_pin_hash

log = logging.getLogger(__name__)

# Overrides the folder so tests and CI never read or overwrite the real staff
# PIN of the machine they run on, and a service unit can point at a folder of
# its choosing (the kiosk user's home may be read-only).
CONFIG_DIR_ENV = "CLINIC_KIOSK_CONFIG_DIR"
FILE_NAME = "staff-pin"


def pin_path() -> Path:
    """The staff PIN file: in the user's config folder unless overridden."""
    override = os.environ.get(CONFIG_DIR_ENV, "").strip()
    if override:
        return Path(override).expanduser() / FILE_NAME
    return platformdirs.user_config_path("clinic-kiosk") / FILE_NAME


def save_pin_hash(stored: str, path: Path | None = None) -> None:
    """Write `stored` (a `hash_pin` result) atomically, readable by the owner only.

    Raises ValueError for anything that is not a PIN hash, so a raw PIN passed
    by mistake never reaches the disk, and OSError when the file can't be written.
    """
    if not is_pin_hash(stored):
        raise ValueError("not a PIN hash; pass the result of hash_pin()")
    path = path or pin_path()
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    # Temp file in the same folder, then os.replace: a crash or power cut
    # leaves the old PIN or the new one, never half a file that locks staff out.
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{FILE_NAME}.", suffix=".tmp")
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write(stored + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o600)  # mkstemp already does; say it where it matters
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def load_pin_hash(path: Path | None = None) -> str | None:
    """The stored hash, or None when missing, unreadable or malformed (logged)."""
    path = path or pin_path()
    try:
        text = path.read_text(encoding="ascii")
    except FileNotFoundError:
        log.warning("no staff PIN is set (%s does not exist)", path)
        return None
    except OSError as error:
        log.warning("cannot read the staff PIN file %s: %s", path, error.strerror)
        return None
    except UnicodeDecodeError:
        # Not the error's text: it quotes bytes of the file.
        log.warning("ignoring the staff PIN file %s: it is not plain text", path)
        return None
    stored = text.strip()
    if not is_pin_hash(stored):
        log.warning("ignoring the staff PIN file %s: it does not hold a PIN hash", path)
        return None
    return stored
