"""One error family: every error chronicle raises says where it happened and why, and survives pickling."""

from __future__ import annotations

import pickle

import pytest

from chronicle import errors
from chronicle.errors import ArticleError, ChronicleError, CorpusLocked, ModelNotFound, RunFolderTaken

FAMILY = [
    getattr(errors, name) for name in dir(errors)
    if isinstance(getattr(errors, name), type) and issubclass(getattr(errors, name), Exception)
]


def test_every_error_is_a_chronicle_error():
    assert len(FAMILY) > 5 and all(issubclass(cls, ChronicleError) for cls in FAMILY)


def test_message_is_where_then_reason():
    assert str(CorpusLocked("database is locked", where="news.duckdb")) == "news.duckdb: database is locked"
    assert str(ModelNotFound("no English spaCy pipeline is installed")) == "no English spaCy pipeline is installed"


def test_at_places_an_error_once():
    error = ArticleError("binary file, not text").at("a.txt").at("b.txt")
    assert (error.where, error.reason, str(error)) == ("a.txt", "binary file, not text", "a.txt: binary file, not text")


def test_article_error_is_still_a_value_error():
    with pytest.raises(ValueError):
        raise ArticleError("empty HTML page")


@pytest.mark.parametrize("cls", FAMILY)
def test_pickling_keeps_where_and_reason(cls):
    """Errors cross processes (the local pool, Ray): the copy must say the same thing."""
    copy = pickle.loads(pickle.dumps(cls("reason", where="here")))
    assert (type(copy), copy.where, copy.reason, copy.exit_code) == (cls, "here", "reason", cls.exit_code)


def test_exit_codes():
    """2: chronicle cannot run as asked (no model, no Ray, an --out folder it may not replace); 1: the rest."""
    two = {cls.__name__ for cls in FAMILY if cls.exit_code == 2}
    assert two == {"ModelNotFound", "RayUnavailable", "RunFolderTaken", "MissingDependency"}
    assert issubclass(RunFolderTaken, errors.RunError)
