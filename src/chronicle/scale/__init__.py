"""Scale-out: many processes (``local``) or a Ray cluster (``ray``), one loaded pipeline each.

- :func:`chronicle.scale.local.ingest_local`: a multiprocessing pool, one
  spaCy pipeline per process, records written straight into a DuckDB store.
- :func:`chronicle.scale.ray_engine.ingest_ray`: Ray Data reads the inputs, a
  stateful actor per worker holds one pipeline and writes Parquet part files
  per table into one run directory.
- :func:`chronicle.scale.load.load_parquet`: merge a run directory into a
  DuckDB store (idempotent: a re-load replaces, never duplicates).

The Parquet tables have exactly the store's columns (:mod:`chronicle.scale.rows`),
so DuckDB can also query a run directory in place::

    SELECT * FROM read_parquet('RUN/quotes/*.parquet')
"""

from chronicle.scale.worker import ScaleStats

__all__ = ["ScaleStats"]
