"""A Parquet run directory: one folder per table of part files, and a manifest.

::

    RUN/
      _chronicle_run.json          what made it: pipeline, counts, engine, workers
      articles/part-<key>.parquet  one part file per extracted batch, per table
      quotes/part-<key>.parquet
      ...

A part's ``<key>`` is a hash of the origins in its batch (which inputs share
a batch is up to the scheduler); article and actor ids are deterministic. A run is written into a hidden staging folder beside
``RUN`` and swapped in when it finishes: a re-run replaces the directory, it
never adds a second copy of an article, and a crashed run leaves the old one.
Every table has at least one part (empty if need be), so globs such as
``read_parquet('RUN/quotes/*.parquet')`` always work.
"""

from __future__ import annotations

import glob
import hashlib
import json
import os
import shutil
import socket
import uuid
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from chronicle.errors import RunError, RunFolderTaken
from chronicle.scale.rows import to_arrow
from chronicle.store.schema import STORE_SCHEMA_VERSION, TABLES

MANIFEST = "_chronicle_run.json"
RUN_FORMAT = 1

def part_key(origins: list[str]) -> str:
    return hashlib.sha256("\n".join(origins).encode("utf-8")).hexdigest()[:20]


def write_part(root: str | Path, key: str, tables: dict[str, list[tuple]]) -> dict[str, int]:
    """Write one batch's rows as ``root/TABLE/part-KEY.parquet`` (non-empty tables only)."""
    counts = {}
    for table in TABLES:
        rows = tables.get(table) or []
        if not rows:
            continue
        folder = Path(root) / table
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f".part-{key}.{uuid.uuid4().hex[:8]}.tmp"
        pq.write_table(to_arrow(table, rows), tmp, compression="zstd")
        os.replace(tmp, folder / f"part-{key}.parquet")
        counts[table] = len(rows)
    return counts


OWNER = "_chronicle_owner"  # in a staging folder: "HOST PID" of the driver writing it


def staging_dir(run: str | Path) -> Path:
    """A new staging folder beside ``run``; the ones a killed driver of this host left go first."""
    run = Path(run)
    run.parent.mkdir(parents=True, exist_ok=True)
    for stale in run.parent.glob(f".{glob.escape(run.name)}.staging-*"):
        if _abandoned(stale):
            shutil.rmtree(stale, ignore_errors=True)
    stage = run.parent / f".{run.name}.staging-{uuid.uuid4().hex[:12]}"
    stage.mkdir()
    (stage / OWNER).write_text(f"{socket.gethostname()} {os.getpid()}\n", encoding="utf-8")
    return stage


def _abandoned(stage: Path) -> bool:
    """Whether the driver that made ``stage`` is gone: it named this host and its process has ended.
    A folder of another host, or of a live process, is left alone (a run may still be writing it)."""
    try:
        host, pid = (stage / OWNER).read_text(encoding="utf-8").split()
        if host != socket.gethostname():
            return False
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except (OSError, ValueError):  # no owner file yet, unreadable, or a process of another user
        return False
    return False


def finish_run(stage: Path, run: str | Path, manifest: dict[str, Any]) -> Path:
    """Fill empty tables, write the manifest and swap the staging folder in for ``run``."""
    run = Path(run)
    for tmp in stage.glob("*/.part-*.tmp"):  # a part a killed worker left half-written (its batch was redone)
        tmp.unlink(missing_ok=True)
    (stage / OWNER).unlink(missing_ok=True)
    for table in TABLES:
        folder = stage / table
        if not any(folder.glob("part-*.parquet")):
            folder.mkdir(exist_ok=True)
            pq.write_table(to_arrow(table, []), folder / "part-empty.parquet")
    manifest = {"chronicle_run": RUN_FORMAT, "store_schema": STORE_SCHEMA_VERSION, **manifest}
    (stage / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True, default=str) + "\n", encoding="utf-8")
    old = None
    if run.exists():
        if not (run / MANIFEST).exists() and any(run.iterdir()):
            shutil.rmtree(stage, ignore_errors=True)
            raise RunFolderTaken("exists and is not a chronicle Parquet run; give an empty or new folder", where=run)
        old = run.parent / f".{run.name}.old-{uuid.uuid4().hex[:12]}"
        os.replace(run, old)
    os.replace(stage, run)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    return run


def read_manifest(run: str | Path) -> dict[str, Any]:
    run = Path(run)
    path = run / MANIFEST
    if not run.is_dir():
        raise RunError("no such folder", where=run)
    if not path.exists():
        raise RunError(
            f"not a chronicle Parquet run (no {MANIFEST}); make one with chronicle ingest --engine ray", where=run
        )
    manifest = json.loads(path.read_text(encoding="utf-8"))
    if int(manifest.get("store_schema", 0)) > STORE_SCHEMA_VERSION:
        raise RunError(
            f"written for store schema {manifest['store_schema']}; this chronicle reads up to {STORE_SCHEMA_VERSION}",
            where=run,
        )
    return manifest
