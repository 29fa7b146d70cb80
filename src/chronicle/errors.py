"""chronicle's errors: one family, each saying where it happened and why.

Every error chronicle raises on purpose is a :class:`ChronicleError`. It carries
``where`` (a path, an input's origin, a store, a model name) and a one-line
``reason``; ``str(error)`` is ``"WHERE: reason"``. The command line catches
ChronicleError in one place and prints ``error: WHERE: reason``, exiting with
the error's ``exit_code`` (2: chronicle cannot run as asked, the model or the
engine is missing; 1: anything else).
"""

from __future__ import annotations


class ChronicleError(Exception):
    """Something chronicle cannot do; ``where`` it happened (or None) and a one-line ``reason``."""

    exit_code = 1

    def __init__(self, reason: str, where: str | None = None):
        super().__init__(reason)
        self.reason = reason
        self.where = None if where is None else str(where)

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}" if self.where else self.reason

    def __reduce__(self):
        # pickled across processes (the local pool, Ray): keep ``where`` as well as the reason
        return type(self), (self.reason, self.where)

    def at(self, where: object) -> "ChronicleError":
        """This error, placed at ``where`` unless it already says where it happened."""
        if self.where is None:
            self.where = str(where)
        return self


class ModelNotFound(ChronicleError):
    """No usable spaCy pipeline is installed, or the one asked for is missing; ``where`` names it."""

    exit_code = 2


class ArticleError(ChronicleError, ValueError):
    """An input that cannot become an article; ``where`` is the input when the reader knows it.

    Still a ValueError, as it was before the family existed.
    """


class CorpusError(ChronicleError):
    """A store that cannot be opened or used; ``where`` is the store's path."""


class CorpusLocked(CorpusError):
    """Another process holds the store open for writing."""


class SchemaError(CorpusError):
    """The file is not a chronicle store this version can read."""


class QueryError(CorpusError):
    """SQL the store could not run (a syntax error, an unknown table, a write to a read-only store)."""


class RunError(ChronicleError):
    """Not a chronicle Parquet run folder, or one this version cannot read; ``where`` is the folder."""


class RunFolderTaken(RunError):
    """The folder a Ray run would write holds something that is not a run: pick another ``--out``."""

    exit_code = 2


class RayUnavailable(ChronicleError):
    """Ray (``ray[data]``) is not installed or cannot start."""

    exit_code = 2


class RayStalled(ChronicleError):
    """A Ray run that made no progress for too long (no free CPU for its tasks, a lost node); ``where`` is the cluster."""


class MissingDependency(ChronicleError):
    """A package a feature needs is not installed; ``where`` names the package."""

    exit_code = 2
