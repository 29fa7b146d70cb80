"""What chronicle is and which version: read by the package and by what records a record's origin."""

import importlib
import sys
from collections.abc import Callable

__version__ = "0.1.0"

# Articles per nlp.pipe batch and per transaction of an ingest (here, so chronicle.corpus can name
# it without importing the ingest machinery, which commands that only query a store never load).
DEFAULT_BATCH_SIZE = 64
# Above this an "article" is not a news article, and spaCy's parser would need gigabytes of memory
# for it: the readers refuse it with a clear error instead.
MAX_CHARS = 1_000_000


def lazy_attributes(package: str, where: dict[str, str]) -> Callable[[str], object]:
    """A module ``__getattr__`` (PEP 562) that imports each name of ``where`` (name -> module) on
    first use and keeps it, so importing ``package`` does not import what those names need."""
    def __getattr__(name: str) -> object:
        if name in where:
            value = getattr(importlib.import_module(where[name]), name)
            setattr(sys.modules[package], name, value)
            return value
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    return __getattr__
