"""Run every evaluation, print one score table, fail when a score is below its floor.

Each evaluation is a module here with ``NAME`` and ``run() -> dict[str, float]``
(or ``None`` when its data is absent). Floors live in ``eval/floors.json`` as
``{"module.metric": floor}``. ``python -m eval dates`` runs one evaluation.
"""

from __future__ import annotations

import importlib
import sys

from rich.console import Console
from rich.table import Table

from eval.common import load_floors

EVALUATIONS = ("actors", "dates", "quotes", "quotes_news", "events", "events_news", "corpus_actors", "places",
               "positions")


def main(argv: list[str]) -> int:
    names = argv or list(EVALUATIONS)
    floors = load_floors()
    console = Console()
    table = Table(title="chronicle evaluations")
    for column in ("metric", "score", "floor", ""):
        table.add_column(column)
    failed: list[str] = []
    for name in names:
        try:
            module = importlib.import_module(f"eval.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"eval.{name}":
                continue  # not written yet
            raise
        scores = module.run()
        if scores is None:
            console.print(f"[yellow]{name}: data not found, skipped[/yellow]")
            continue
        for key in floors:
            if key.split(".", 1)[0] == name and key.split(".", 1)[1] not in scores:
                failed.append(f"{key} has a floor but was not reported")
        for metric, score in scores.items():
            key = f"{name}.{metric}"
            floor = floors.get(key)
            ok = floor is None or score + 1e-9 >= floor
            if not ok:
                failed.append(f"{key} = {score:.3f} < floor {floor:.3f}")
            table.add_row(key, f"{score:.3f}", "" if floor is None else f"{floor:.3f}", "" if ok else "[red]BELOW[/red]")
    console.print(table)
    for line in failed:
        console.print(f"[red]below floor: {line}[/red]")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
