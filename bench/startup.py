"""How long a command takes to start and answer: the store queries and ``chronicle sql``.

Each command runs ``--rounds`` times as a new process on a small store, next to ``python -c
pass`` in the same run (the floor any Python command pays). Prints the median and p95 wall time
of each and its ratio to that floor. Their output goes to a pipe, where a table is plain text;
``sql (terminal)`` runs ``chronicle sql`` on a pseudo-terminal, where rich draws the table. Target: every command that does not parse text answers in
at most 0.3 s (median), which it can only do without importing spaCy (``tests/test_startup.py``
checks that part on every test run).

    python -m bench.startup [--rounds 20]
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET_S = 0.3
COMMANDS = (
    ("sql", ["sql", "select 1"]),
    ("actors", ["actors", "--top", "10"]),
    ("quotes", ["quotes", "--limit", "10"]),
    ("events", ["events", "--limit", "10"]),
    ("timeline", ["timeline", "Blinken", "--limit", "10"]),
)


def chronicle_command() -> list[str]:
    script = Path(sys.executable).with_name("chronicle")
    if script.exists():
        return [str(script)]
    found = shutil.which("chronicle")
    return [found] if found else [sys.executable, "-m", "chronicle.cli"]


def timed(argv: list[str], rounds: int, terminal: bool = False) -> tuple[list[float], list[float]]:
    """Wall seconds and CPU seconds (user + system) of each run. On a busy machine the CPU time
    still says what the command costs where the wall time says what a user waits."""
    wall, cpu = [], []
    for _ in range(rounds):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        if terminal:
            _on_terminal(argv)
        else:
            subprocess.run(argv, check=True, capture_output=True)
        wall.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return wall, cpu


def _on_terminal(argv: list[str]) -> None:
    """Run ``argv`` with a pseudo-terminal as its output, reading what it writes."""
    import os
    import pty

    main_fd, child_fd = pty.openpty()
    try:
        process = subprocess.Popen(argv, stdout=child_fd, stderr=child_fd, stdin=subprocess.DEVNULL)
        os.close(child_fd)
        while True:
            try:
                if not os.read(main_fd, 65536):
                    break
            except OSError:  # the terminal closes when the command ends
                break
        if process.wait():
            raise subprocess.CalledProcessError(process.returncode, argv)
    finally:
        os.close(main_fd)


def p95(values: list[float]) -> float:
    ranked = sorted(values)
    return ranked[min(len(ranked) - 1, round(0.95 * (len(ranked) - 1)))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args(argv)
    from chronicle.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "s.duckdb"
        with Store(db):
            pass
        floor, floor_cpu = timed([sys.executable, "-c", "pass"], args.rounds)
        base = statistics.median(floor)
        print(f"{'python -c pass':25} wall median {base:6.3f} s  p95 {p95(floor):6.3f} s  "
              f"cpu median {statistics.median(floor_cpu):6.3f} s")
        met = True
        for name, command in (*COMMANDS, ("sql (terminal)", ["sql", "select 1"])):
            times, cpu = timed([*chronicle_command(), *command, "--db", str(db)], args.rounds, "terminal" in name)
            median = statistics.median(times)
            met &= median <= TARGET_S
            print(f"{'chronicle ' + name:25} wall median {median:6.3f} s  p95 {p95(times):6.3f} s  "
                  f"cpu median {statistics.median(cpu):6.3f} s  ratio {median / base:5.1f}x  "
                  f"{'met' if median <= TARGET_S else 'NOT met'} (<= {TARGET_S} s)")
    print(f"target: every command <= {TARGET_S} s: {'met' if met else 'not met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
