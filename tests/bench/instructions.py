"""Start-up in instructions, not seconds: the kiosk and the bare-window floor
counted by valgrind from process start to the first painted slide.

Run: .venv/bin/python tests/bench/instructions.py   (about 30 s; needs
valgrind, Debian package `valgrind`). Not collected by pytest.

Wall-clock start-up on a shared 2-core machine moves by 20 % from run to
run; the instruction count is the same every time for the same code, so it
shows whether a change to start-up helps, even by a millisecond. It is not
the time: Python's bytecode loop and the dynamic loader run at different
speeds per instruction, so the ratio here is not the ratio bench.py reports.
Each process ends at once when it would print "first-paint" (os._exit), so
shutting Qt down is not counted.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]

# Runs `target` (a module name or a script path) and ends the process when
# it prints "first-paint".
WRAPPER = """
import builtins, os, runpy, sys
_print = builtins.print
def _at_first_paint(*args, **kwargs):
    if args and args[0] == "first-paint":
        os._exit(0)
    return _print(*args, **kwargs)
builtins.print = _at_first_paint
target = sys.argv[1]
if target.endswith(".py"):
    sys.argv = [target]
    runpy.run_path(target, run_name="__main__")
else:
    sys.argv = ["clinic-kiosk", "--exit-after-first-paint"]
    runpy.run_module(target, run_name="__main__")
"""


def count(target: str, env: dict[str, str]) -> float:
    out = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"]
        + [sys.executable, "-c", WRAPPER, target],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    found = re.search(r"Collected : (\d+)", out.stderr)
    if not found:
        raise RuntimeError(f"valgrind gave no count for {target}:\n{out.stderr[-2000:]}")
    return int(found.group(1)) / 1e6


def main() -> int:
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (Debian: apt-get install valgrind)", file=sys.stderr)
        return 1
    import compileall

    compileall.compile_dir(ROOT / "app", quiet=1)  # as an installed wheel would be
    with tempfile.TemporaryDirectory(prefix="kiosk-instructions-") as tmp:
        env = dict(
            os.environ,
            QT_QPA_PLATFORM="offscreen",
            CLINIC_KIOSK_LOG_DIR=str(Path(tmp) / "log"),
            TMPDIR=tmp,  # no other kiosk's socket file
        )
        count("app", env)  # fills the pack cache if this checkout has none yet
        app = count("app", env)
        floor = count(str(HERE / "floor.py"), env)
    print(f"app {app:.1f} M instructions, floor {floor:.1f} M: {app / floor:.2f} x")
    result = {
        "startup_minstr": round(app, 1),
        "floor_startup_minstr": round(floor, 1),
        "ratio": round(app / floor, 3),
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
