"""How long a command takes to start and answer: the store queries and ``chronicle sql``.

Each command runs ``--rounds`` times as a new process on a small store, next to ``python -c
pass`` in the same run (the floor any Python command pays), and ``chronicle sql`` once more through
typer (as every command ran before the entry point read query command lines itself). Prints the median and p95 wall time
of each, its CPU time (user + system; the least of the runs is the best guess at an idle machine's
time on a busy one) and its wall time's ratio to that floor. Their output goes to a pipe, where a table is plain text;
``sql (terminal)`` runs ``chronicle sql`` on a pseudo-terminal, where rich draws the table. Target: every command that does not parse text answers in
at most 0.3 s (median), which it can only do without importing spaCy (``tests/test_startup.py``
checks that part on every test run).

    python -m bench.startup [--rounds 20]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET_S = 0.3
COMMANDS = (
    ("sql", ["sql", "select 1"]),
    ("actors", ["actors", "--top", "10"]),
    ("quotes", ["quotes", "--limit", "10"]),
    ("events", ["events", "--limit", "10"]),
    ("timeline", ["timeline", "Blinken", "--limit", "10"]),
)


def chronicle_command(folder: Path) -> list[str]:
    """The ``chronicle`` program as pip writes it for the entry point ``pyproject.toml`` names (an
    installed script may be from an older install), with this interpreter."""
    import tomllib

    entry = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]["chronicle"]
    module, _, function = entry.partition(":")
    script = folder / "chronicle"
    script.write_text(f"#!{sys.executable}\nimport sys\nfrom {module} import {function}\n"
                      f"if __name__ == '__main__':\n    sys.exit({function}())\n")
    script.chmod(0o755)
    return [str(script)]


def compile_bytecode() -> None:
    """Write the package's bytecode, as installing it does: where ``PYTHONDONTWRITEBYTECODE`` is set
    (as on the machine these notes were measured on) every run would otherwise compile chronicle's
    modules again, about 0.1 s of each start that no installed copy pays."""
    import compileall

    import chronicle

    compileall.compile_dir(str(Path(chronicle.__file__).parent), quiet=1)


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

    compile_bytecode()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "s.duckdb"
        with Store(db):
            pass
        program = chronicle_command(Path(tmp))
        print("load average (1, 5, 15 min) before: %.2f %.2f %.2f" % os.getloadavg())
        floor, floor_cpu = timed([sys.executable, "-c", "pass"], args.rounds)
        base = statistics.median(floor)
        print(f"{'python -c pass':25} wall median {base:6.3f} s  p95 {p95(floor):6.3f} s  "
              f"cpu median {statistics.median(floor_cpu):6.3f} s  min {min(floor_cpu):6.3f} s")
        met = True
        for name, command in (*COMMANDS, ("sql (terminal)", ["sql", "select 1"])):
            times, cpu = timed([*program, *command, "--db", str(db)], args.rounds, "terminal" in name)
            median = statistics.median(times)
            met &= median <= TARGET_S
            print(f"{'chronicle ' + name:25} wall median {median:6.3f} s  p95 {p95(times):6.3f} s  "
                  f"cpu median {statistics.median(cpu):6.3f} s  min {min(cpu):6.3f} s  ratio {median / base:5.1f}x  "
                  f"{'met' if median <= TARGET_S else 'NOT met'} (<= {TARGET_S} s)")
        # the same command through typer, as the entry point ``chronicle.cli:app`` ran every command
        times, cpu = timed([sys.executable, "-c", "from chronicle.cli import app; app()", "sql", "select 1", "--db",
                            str(db)], args.rounds)
        print(f"{'sql through typer':25} wall median {statistics.median(times):6.3f} s  p95 {p95(times):6.3f} s  "
              f"cpu median {statistics.median(cpu):6.3f} s  min {min(cpu):6.3f} s  ratio {statistics.median(times) / base:5.1f}x  (for comparison)")
    print("load average (1, 5, 15 min) after: %.2f %.2f %.2f" % os.getloadavg())
    print(f"target: every command <= {TARGET_S} s: {'met' if met else 'not met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
