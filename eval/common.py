"""Shared pieces of the evaluations: where the data is, and the floors."""

from __future__ import annotations

import json
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("CHRONICLE_DATA", ROOT.parent / "shared" / "data"))
SEED = Path(os.environ.get("CHRONICLE_SEED", ROOT.parent / "shared" / "seed"))
FLOORS = ROOT / "eval" / "floors.json"


def load_floors() -> dict[str, float]:
    return json.loads(FLOORS.read_text()) if FLOORS.exists() else {}


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts (0.0 where undefined)."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def polnear_published(data: Path = DATA) -> dict[str, str]:
    """PolNeAR file name (``X.txt``) → publication date, from ``metadata.tsv`` ({} without it)."""
    meta = data / "polnear" / "metadata.tsv"
    if not meta.exists():
        return {}
    lines = meta.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    out = {}
    for line in lines[1:]:
        cells = dict(zip(header, line.split("\t")))
        if cells.get("filename") and cells.get("publication_date"):
            out[cells["filename"] + ".txt"] = cells["publication_date"]
    return out
