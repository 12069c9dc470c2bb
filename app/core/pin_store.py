"""Where the staff PIN's hash and its lockout live on disk. Never logs the
PIN or the hash.

Both files are read only when they are regular files: a FIFO in their place
would block the kiosk on open, a folder or a device is no PIN.
"""

from __future__ import annotations

import contextlib
import json
import logging
import math
import os
import stat
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import platformdirs

from app.core.staff_pin import Lockout, is_pin_hash

log = logging.getLogger(__name__)

# Overrides the folder so tests and CI never read or overwrite the real staff
# PIN of the machine they run on, and a service unit can point at a folder of
# its choosing (the kiosk user's home may be read-only).
CONFIG_DIR_ENV = "CLINIC_KIOSK_CONFIG_DIR"
FILE_NAME = "staff-pin"
LOCKOUT_NAME = "staff-pin-lockout"  # beside the PIN: tries and lockout, across restarts
_MAX_BYTES = 4096  # both files hold one short line


class _NotRegular(OSError):
    pass


def pin_path() -> Path:
    """The staff PIN file: in the user's config folder unless overridden."""
    override = os.environ.get(CONFIG_DIR_ENV, "").strip()
    if override:
        return Path(override).expanduser() / FILE_NAME
    return platformdirs.user_config_path("clinic-kiosk") / FILE_NAME


def lockout_path(pin: Path | None = None) -> Path:
    return (pin or pin_path()).with_name(LOCKOUT_NAME)


def save_pin_hash(stored: str, path: Path | None = None) -> None:
    """Write `stored` (a `hash_pin` result) atomically, readable by the owner only.

    A new PIN starts with a clean slate: the old lockout is removed.
    Raises ValueError for anything that is not a PIN hash, so a raw PIN passed
    by mistake never reaches the disk, and OSError when the file can't be written.
    """
    if not is_pin_hash(stored):
        raise ValueError("not a PIN hash; pass the result of hash_pin()")
    path = path or pin_path()
    _write_atomically(path, stored + "\n")
    with contextlib.suppress(OSError):  # none there, or not a file: load refuses it
        lockout_path(path).unlink()


def load_pin_hash(path: Path | None = None) -> str | None:
    """The stored hash, or None when missing, unreadable or malformed (logged)."""
    path = path or pin_path()
    try:
        text = _read_regular_file(path)
    except FileNotFoundError:
        log.warning("no staff PIN is set (%s does not exist)", path)
        return None
    except _NotRegular:
        log.warning("ignoring the staff PIN file %s: it is not a regular file", path)
        return None
    except OSError as error:
        log.warning("cannot read the staff PIN file %s: %s", path, error.strerror or error)
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


def save_lockout(
    lockout: Lockout, path: Path | None = None, now: Callable[[], float] = time.time
) -> bool:
    """Write the gate's tries and lockout atomically; False (logged) when the
    disk refuses, and the kiosk goes on with the lockout in memory."""
    path = path or lockout_path()
    record = {
        "misses": lockout.misses,
        "lockouts": lockout.lockouts,
        # Wall time, so a lockout outlasts a reboot; the monotonic clock does not.
        "locked_until": round(now() + lockout.seconds_left, 3) if lockout.seconds_left else 0,
    }
    try:
        _write_atomically(path, json.dumps(record) + "\n")
    except OSError as error:
        log.warning("cannot save the PIN lockout to %s: %s", path, error.strerror or error)
        return False
    return True


def load_lockout(
    path: Path | None = None,
    now: Callable[[], float] = time.time,
    max_seconds: float = 3600,
) -> Lockout:
    """Where the last kiosk left the PIN gate; a fresh gate when there is no
    readable record. A lockout never reaches past `max_seconds` from now, so
    a clock set back cannot lock staff out for longer."""
    path = path or lockout_path()
    try:
        record = json.loads(_read_regular_file(path))
        misses, lockouts = record["misses"], record["lockouts"]
        until = float(record["locked_until"])
        if not all(isinstance(n, int) and 0 <= n < 1000 for n in (misses, lockouts)):
            raise ValueError("counts out of range")
        if not math.isfinite(until):
            raise ValueError("not a time")
    except FileNotFoundError:
        return Lockout()
    except _NotRegular:
        log.warning("ignoring the PIN lockout file %s: it is not a regular file", path)
        return Lockout()
    except OSError as error:
        log.warning("cannot read the PIN lockout file %s: %s", path, error.strerror or error)
        return Lockout()
    except (ValueError, KeyError, TypeError):  # JSONDecodeError and bad bytes are ValueErrors
        log.warning("ignoring the PIN lockout file %s: not a lockout record", path)
        return Lockout()
    left = min(max(until - now(), 0.0), max_seconds)
    return Lockout(misses, lockouts, left)


def _read_regular_file(path: Path) -> str:
    # O_NONBLOCK: opening a FIFO returns at once instead of waiting for a
    # writer; fstat then says what was opened, with no gap to swap it.
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise _NotRegular(path)
        return os.read(fd, _MAX_BYTES).decode("ascii")
    finally:
        os.close(fd)


def _write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    # Temp file in the same folder, then os.replace: a crash or power cut
    # leaves the old file or the new one, never half a file.
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o600)  # mkstemp already does; say it where it matters
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
