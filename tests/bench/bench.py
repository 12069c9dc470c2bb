"""Performance benchmark for the kiosk (tracker issue 7).

Run: .venv/bin/python tests/bench/bench.py [--quick] [--only startup,interactive,...]

Prints human-readable lines, PASS/FAIL for each target it measured, and ONE
JSON object on its last line. Start-up is timed from outside, in fresh
processes: `clinic-kiosk --exit-after-first-paint` against the floors of
floor.py. Each in-process measure runs in its own process (workers.py) so
one does not warm or bloat another. Logs and config go to a temporary
folder; Qt runs offscreen (on a 1920x1080 screen for the workers).
Not collected by pytest (pyproject: norecursedirs = tests/bench).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
KIOSK = Path(sys.executable).parent / "clinic-kiosk"
FLOOR = HERE / "floor.py"
WORKERS = HERE / "workers.py"
PARTS = ("startup", "interactive", "soak", "idle", "attract")

SCREENS = {
    "screens": [
        {
            "name": "bench",
            "x": 0,
            "y": 0,
            "width": 1920,
            "height": 1080,
            "logicalDpi": 96,
            "logicalBaseDpi": 96,
            "dpr": 1,
        }
    ]
}

# The programs whose start-up is timed, in the order of each round: the app
# and the stack floor side by side (the target), then the bare floors (for
# information). See floor.py.
STARTS = {
    "app": [str(KIOSK), "--exit-after-first-paint"],
    "stack_floor": [sys.executable, str(FLOOR), "--stack"],
    "floor": [sys.executable, str(FLOOR)],
    "floor_qt": [sys.executable, str(FLOOR), "--names-qt"],
}

# name: (comparison, limit), checked against the JSON values
TARGETS = {
    "startup_ratio_to_stack_floor": ("<=", 1.3),
    "first_open_ms_topics": ("<=", 50.0),
    "first_open_ms_references": ("<=", 50.0),
    "first_open_ms_contact": ("<=", 50.0),
    "next_slide_ms_p95": ("<=", 16.0),
    "transition_fps": (">=", 50.0),
    "rss_mb_start": ("<=", 150.0),
    "rss_growth_mb": ("<=", 5.0),
    "idle_cpu_pct": ("<=", 1.0),
    "attract_cpu_pct": ("<=", 5.0),
}


def say(text: str) -> None:
    print(text, flush=True)


# --------------------------------------------------------------------------
# start-up: fresh processes, the app and each floor in alternating pairs
# --------------------------------------------------------------------------
def time_to_first_paint(command: list[str], env: dict[str, str], timeout: float = 60) -> float:
    start = time.perf_counter()
    proc = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True
    )
    try:
        for line in proc.stdout:
            if line.strip() == "first-paint":
                elapsed = time.perf_counter() - start
                break
        else:
            raise RuntimeError(f"{command[0]} ended without printing first-paint")
        proc.wait(timeout=timeout)
        return elapsed
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def bench_startup(env: dict[str, str], runs: int) -> dict[str, float]:
    # `pip install` of the wheel compiles every module to bytecode; an
    # editable checkout run with PYTHONDONTWRITEBYTECODE (as this machine
    # sets it) would compile all of them again on every start instead.
    import compileall

    compileall.compile_dir(ROOT / "app", quiet=1)
    # One discarded round: the first start after an install reads cold files.
    for command in STARTS.values():
        time_to_first_paint(command, env)
    times: dict[str, list[float]] = {name: [] for name in STARTS}
    for _ in range(runs):
        for name, command in STARTS.items():
            times[name].append(time_to_first_paint(command, env))
    for name, values in times.items():
        say(f"start-up {name:11s} s: " + " ".join(f"{t:.3f}" for t in values))

    def ratio(floor: str) -> float:
        # Each app start is timed beside a start of the floor; on a busy
        # machine the ratio within a pair is steadier than that of medians.
        pairs = zip(times["app"], times[floor], strict=True)
        return round(statistics.median(a / f for a, f in pairs), 2)

    return {
        "startup_s": round(statistics.median(times["app"]), 3),
        "stack_floor_startup_s": round(statistics.median(times["stack_floor"]), 3),
        "startup_ratio_to_stack_floor": ratio("stack_floor"),
        "floor_startup_s": round(statistics.median(times["floor"]), 3),
        "startup_ratio_to_floor": ratio("floor"),
        "floor_qt_startup_s": round(statistics.median(times["floor_qt"]), 3),
        "startup_ratio_to_floor_qt": ratio("floor_qt"),
        "startup_pairs": runs,
    }


def run_worker(name: str, env: dict[str, str], quick: bool) -> dict:
    command = [sys.executable, str(WORKERS), name, *(["--quick"] if quick else [])]
    out = subprocess.run(command, env=env, capture_output=True, text=True, timeout=900)
    lines = out.stdout.strip().splitlines()
    for line in lines[:-1]:
        say(f"  [{name}] {line}")
    if out.returncode != 0 or not lines:
        sys.stderr.write(out.stderr)
        raise RuntimeError(f"worker {name} failed ({out.returncode})")
    return json.loads(lines[-1])


# --------------------------------------------------------------------------
# targets
# --------------------------------------------------------------------------
def check(results: dict) -> list[str]:
    """A PASS or FAIL line for each target measured, then the information."""
    lines = []
    for name, (op, limit) in TARGETS.items():
        if name not in results:
            continue
        value = results[name]
        ok = value <= limit if op == "<=" else value >= limit
        if name == "startup_ratio_to_stack_floor":
            label = (
                f"startup_s {results['startup_s']:.3f} <= {limit} x the stack floor "
                f"{results['stack_floor_startup_s']:.3f} (median ratio of "
                f"{results['startup_pairs']} alternating pairs: {value:.2f})"
            )
        else:
            label = f"{name} {value} {op} {limit}"
        lines.append(f"{'PASS' if ok else 'FAIL'}  {label}")
    for floor, what in (("floor", "a bare window"), ("floor_qt", "a bare window naming Qt")):
        if f"{floor}_startup_s" in results:
            lines.append(
                f"info  startup_s against {what} {results[f'{floor}_startup_s']:.3f}: "
                f"ratio {results[f'startup_ratio_to_{floor}']:.2f}"
            )
    return lines


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="small sizes, to try the script")
    parser.add_argument("--only", help=f"comma-separated parts: {','.join(PARTS)}")
    args = parser.parse_args()
    parts = args.only.split(",") if args.only else list(PARTS)
    unknown = set(parts) - set(PARTS)
    if unknown:
        parser.error(f"unknown parts {sorted(unknown)}; the parts are {', '.join(PARTS)}")

    with tempfile.TemporaryDirectory(prefix="kiosk-bench-") as tmp:
        screens = Path(tmp) / "screens.json"
        screens.write_text(json.dumps(SCREENS), encoding="utf-8")
        base = dict(os.environ)
        base["CLINIC_KIOSK_LOG_DIR"] = str(Path(tmp) / "log")
        base["CLINIC_KIOSK_CONFIG_DIR"] = str(Path(tmp) / "config")
        base["CLINIC_KIOSK_DATA_DIR"] = str(Path(tmp) / "data")  # the soak's usage counts
        # No socket file left by another kiosk or a test run: finding one,
        # a start-up would knock on it first.
        base["TMPDIR"] = tmp
        # Start-up: the plain offscreen platform for the app and the floors.
        startup_env = dict(base, QT_QPA_PLATFORM="offscreen")
        worker_env = dict(base, QT_QPA_PLATFORM=f"offscreen:configfile={screens}")
        say(f"clinic-kiosk benchmark on {os.cpu_count()} cores, {sys.version.split()[0]}")
        results: dict = {}
        for part in parts:
            t0 = time.perf_counter()
            if part == "startup":
                results.update(bench_startup(startup_env, 3 if args.quick else 15))
            else:
                results.update(run_worker(part, worker_env, args.quick))
            say(f"  ({part} took {time.perf_counter() - t0:.1f} s)")
    for line in check(results):
        say(line)
    print(json.dumps(results), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
