# SPDX-FileCopyrightText: 2026 The infoblad team
# SPDX-License-Identifier: EUPL-1.2
"""Measure infoblad's start-up and scale against their budgets, side by side in one run.

    python benchmarks/bench.py [--runs 15] [--no-scale] [--check]

Start-up: the median wall time of each command is compared with the floor, the time
Python takes to `import typer, rich.console, rich.table` (the user's stack). Reading
commands and --help must stay within 1.3x of it; peak memory within 1.3x of the
floor's (POSIX only: measured with wait4).

Scale: a generated content pack of 5,000 entries (2,000 narratives, 2,000 lessons,
1,000 quiz questions); `search`, `validate` and `narratives ID` with that pack must
stay within 4x of their time on the built-in content. The pack's first run, which
parses its YAML and fills the cache, is reported separately.

Runs are interleaved (floor, command, floor, command, ...) so a busy machine slows
both sides alike. Standard library only. Uses throw-away data and cache folders.
With --check the exit code is 1 when a bound is exceeded.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
STARTUP_BOUND = 1.3
MEMORY_BOUND = 1.3
SCALE_BOUND = 4.0

STARTUP = {
    "narratives": ["narratives"],
    "lessons": ["lessons"],
    "contact": ["contact"],
    "--help": ["--help"],
    "home screen": [],
    "narratives niet-gehoord": ["narratives", "niet-gehoord"],
    "cases": ["cases"],
    "personal": ["personal"],
    "about": ["about"],
    "narratives niet-gehoord --short": ["narratives", "niet-gehoord", "--short"],
    "tip": ["tip"],
    "quiz (first screen)": ["quiz", "--seed", "1", "--no-save"],
    "search vertrouwen": ["search", "vertrouwen"],
    "search (words not in the content)": ["search", "informatieavond", "voorbereiden"],
}
BOUNDED = {
    "narratives",
    "lessons",
    "contact",
    "--help",
    "home screen",
    "narratives niet-gehoord",
    "cases",
    "personal",
    "about",
    "search vertrouwen",
    "search (words not in the content)",
    "narratives niet-gehoord --short",
    "tip",
}
SCALE = {
    "search vertrouwen": ["search", "vertrouwen"],
    "validate": ["validate"],
    "narratives niet-gehoord": ["narratives", "niet-gehoord"],
}


def infoblad_command(python: str) -> list[str]:
    """The installed console script next to the interpreter, else python -m infoblad_cli."""
    folder = Path(python).parent
    for name in ("infoblad.exe", "infoblad"):
        if (folder / name).exists():
            return [str(folder / name)]
    return [python, "-m", "infoblad_cli"]


def run_once(command: list[str], env: dict[str, str]) -> tuple[float, float | None]:
    """Wall time in seconds and peak memory in MB (None where it cannot be measured)."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env
    )
    if hasattr(os, "wait4"):
        _, _, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        process.returncode = 0
        divisor = 1024 * 1024 if sys.platform == "darwin" else 1024  # bytes on macOS, KB elsewhere
        return elapsed, usage.ru_maxrss / divisor
    process.wait()
    return time.perf_counter() - start, None


def measure(
    commands: dict[str, list[str]], runs: int, env: dict[str, str]
) -> dict[str, list[tuple[float, float | None]]]:
    results: dict[str, list[tuple[float, float | None]]] = {name: [] for name in commands}
    for command in commands.values():  # warm-up: bytecode and the content cache
        run_once(command, env)
    for _ in range(runs):
        for name, command in commands.items():
            results[name].append(run_once(command, env))
    return results


def median(values: list[float]) -> float:
    return statistics.median(values)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1].strip())
    parser.add_argument("--runs", type=int, default=15, help="runs per command (default 15; at least 9)")
    parser.add_argument("--python", default=sys.executable, help="the interpreter infoblad is installed in")
    parser.add_argument("--no-scale", action="store_true", help="skip the 5,000-entry measurements")
    parser.add_argument("--check", action="store_true", help="exit 1 when a bound is exceeded")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="infoblad-bench-"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("INFOBLAD_")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # installed packages run from their bytecode
    env.update(
        {"INFOBLAD_DATA_DIR": str(work / "data"), "INFOBLAD_CACHE_DIR": str(work / "cache"), "NO_COLOR": "1"}
    )
    tool = infoblad_command(args.python)
    floor = [args.python, "-c", "import typer, rich.console, rich.table"]
    failed = False

    print(f"infoblad start-up: median of {args.runs} runs, interleaved with the floor")
    print(f"floor: {' '.join(floor[1:])}")
    commands = {"floor": floor, **{name: tool + argv for name, argv in STARTUP.items()}}
    results = measure(commands, args.runs, env)
    floor_time = median([t for t, _ in results["floor"]])
    memories = [m for _, m in results["floor"] if m is not None]
    floor_memory = median(memories) if memories else None
    print(f"{'command':28} {'median':>9} {'ratio':>6} {'peak MB':>8} {'ratio':>6}  bound")
    for name, values in results.items():
        wall = median([t for t, _ in values])
        ratio = wall / floor_time
        mems = [m for _, m in values if m is not None]
        memory = median(mems) if mems else None
        mem_ratio = memory / floor_memory if memory and floor_memory else None
        verdict = ""
        if name in BOUNDED:
            ok = ratio <= STARTUP_BOUND and (mem_ratio is None or mem_ratio <= MEMORY_BOUND)
            failed |= not ok
            verdict = f"<= {STARTUP_BOUND}x  {'ok' if ok else 'OVER'}"
        elif name != "floor":
            verdict = "(not bounded)"
        mem_text = f"{memory:8.1f} {mem_ratio:6.2f}" if memory and mem_ratio else f"{'-':>8} {'-':>6}"
        print(f"{name:28} {wall * 1000:7.1f}ms {ratio:6.2f} {mem_text}  {verdict}")

    if not args.no_scale:
        sys.path.insert(0, str(HERE))
        import make_scale_pack

        pack = work / "scale-pack"
        sys.argv = ["make_scale_pack", str(pack)]
        make_scale_pack.main()
        first = run_once([*tool, "validate", str(pack)], env)[0]
        print(
            f"\nscale: a pack of 5,000 entries; its first run (parse YAML, fill the cache) took {first:.2f} s"
        )
        scaled = {}
        for name, argv in SCALE.items():
            scaled[f"{name} (built-in)"] = tool + argv
            extra = [str(pack)] if argv == ["validate"] else ["--content-dir", str(pack)]
            scaled[f"{name} (+5,000)"] = tool + argv + extra
        results = measure(scaled, args.runs, env)
        print(f"{'command':28} {'built-in':>9} {'+5,000':>9} {'ratio':>6}  bound")
        for name in SCALE:
            base = median([t for t, _ in results[f"{name} (built-in)"]])
            big = median([t for t, _ in results[f"{name} (+5,000)"]])
            ok = big / base <= SCALE_BOUND
            failed |= not ok
            print(
                f"{name:28} {base * 1000:7.1f}ms {big * 1000:7.1f}ms {big / base:6.2f}  "
                f"<= {SCALE_BOUND}x  {'ok' if ok else 'OVER'}"
            )
    print("\nall within bounds" if not failed else "\nSOME BOUNDS EXCEEDED")
    import shutil

    shutil.rmtree(work, ignore_errors=True)
    return 1 if failed and args.check else 0


if __name__ == "__main__":
    sys.exit(main())
