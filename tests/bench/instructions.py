"""Start-up in instructions, not seconds: the kiosk and the floors of
floor.py counted by valgrind from process start to the first painted slide.

Run: .venv/bin/python tests/bench/instructions.py   (about a minute; needs
valgrind, Debian package `valgrind`). Not collected by pytest.
With --parts (about 3 minutes) it counts each step of startup_parts.py
instead: where the kiosk's start-up goes, step by step.

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

# Runs `target` (a module name, or a script path and its arguments) and ends
# the process when it prints "first-paint". With ENUM_CENSUS set it says
# instead how many Python enum classes were made by then: PySide makes each
# Qt enum through enum's functional API (EnumType._create_) when its class,
# or the `Qt` namespace, is first used.
WRAPPER = """
import builtins, enum, os, runpy, sys
made = []
if os.environ.get("ENUM_CENSUS"):
    _create = enum.EnumType._create_
    def _counted(cls, *args, **kwargs):
        made.append(_create(cls, *args, **kwargs))
        return made[-1]
    enum.EnumType._create_ = _counted
_print = builtins.print
def _at_first_paint(*args, **kwargs):
    if args and args[0] == "first-paint":
        if made:
            members = sum(len(e.__members__) for e in made)
            sys.stderr.write(f"enum-census {len(made)} {members}\\n")
        sys.stderr.flush()
        os._exit(0)
    return _print(*args, **kwargs)
builtins.print = _at_first_paint
target = sys.argv[1]
if target.endswith(".py"):
    sys.argv = sys.argv[1:]
    runpy.run_path(target, run_name="__main__")
else:
    sys.argv = ["clinic-kiosk", "--exit-after-first-paint"]
    runpy.run_module(target, run_name="__main__")
"""


def count(target: list[str], env: dict[str, str]) -> float:
    """Millions of instructions from process start to the first paint."""
    return instructions([sys.executable, "-c", WRAPPER, *target], env)


def instructions(command: list[str], env: dict[str, str]) -> float:
    valgrind = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"]
    found = _search_stderr([*valgrind, *command], env, r"Collected : (\d+)", timeout=600)
    return int(found.group(1)) / 1e6


def _search_stderr(command: list[str], env: dict[str, str], pattern: str, timeout: float):
    out = subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )
    found = re.search(pattern, out.stderr)
    if not found:
        raise RuntimeError(f"no {pattern!r} from {command}:\n{out.stderr[-2000:]}")
    return found


def parts(env: dict[str, str]) -> None:
    """Each step of startup_parts.py in instructions: every prefix of the
    steps is counted in its own process (as many at once as there are cores)."""
    from concurrent.futures import ThreadPoolExecutor

    script = str(HERE / "startup_parts.py")
    # One timed run, for the steps' names only.
    names = list(json.loads(_run([sys.executable, script, "--once", "0"], env)))
    commands = [[sys.executable, script, "--stop-after", str(n)] for n in range(1, len(names) + 1)]
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        totals = list(pool.map(lambda command: instructions(command, env), commands))
    before = 0.0
    for name, total in zip(names, totals, strict=True):
        print(f"{total - before:8.1f} M  {name}")
        before = total
    print(f"{totals[-1]:8.1f} M  in all")


def _run(command: list[str], env: dict[str, str]) -> str:
    out = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    return out.stdout.strip().splitlines()[-1]


def enum_census(target: list[str], env: dict[str, str]) -> tuple[int, int]:
    """(enum classes, their members) made up to the first paint; no valgrind."""
    command = [sys.executable, "-c", WRAPPER, *target]
    census_env = dict(env, ENUM_CENSUS="1")
    found = _search_stderr(command, census_env, r"enum-census (\d+) (\d+)", timeout=120)
    return int(found.group(1)), int(found.group(2))


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
        if "--parts" in sys.argv:
            parts(env)
            return 0
        targets = {
            "app": ["app"],
            "stack_floor": [str(HERE / "floor.py"), "--stack"],
            "floor": [str(HERE / "floor.py")],
            "floor_qt": [str(HERE / "floor.py"), "--names-qt"],
        }
        counts = {name: count(target, env) for name, target in targets.items()}
        census = {name: enum_census(target, env) for name, target in targets.items()}
    app = counts["app"]
    print(f"app {app:.1f} M instructions")
    for name in ("stack_floor", "floor", "floor_qt"):
        print(f"{name} {counts[name]:.1f} M: app {app / counts[name]:.2f} x that")
    for name, (classes, members) in census.items():
        print(f"{name}: {classes} Python enum classes ({members} members) made by the first paint")
    result = {
        "startup_minstr": round(app, 1),
        **{f"{name}_startup_minstr": round(counts[name], 1) for name in targets if name != "app"},
        "ratio_to_stack_floor": round(app / counts["stack_floor"], 3),
        "ratio_to_floor": round(app / counts["floor"], 3),
        "ratio_to_floor_qt": round(app / counts["floor_qt"], 3),
        "enum_classes": {name: classes for name, (classes, _) in census.items()},
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
