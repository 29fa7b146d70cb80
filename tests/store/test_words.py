"""Version 11: the word index keyed by article number and kept sorted by word finds what the
words of the texts give, before and after it is sorted, and follows new versions of an article."""

from __future__ import annotations

import dataclasses

from chronicle.store import Store, byactor, words

from .conftest import record_1, record_2


def found(con, q: str) -> list[str]:
    sql, params = words.matching(words.query_words(con, q))
    return sorted(r[0] for r in con.execute(sql, params).fetchall())


def test_a_query_word_finds_the_articles_with_a_word_it_starts_before_and_after_sorting(tmp_path):
    one, two = record_1().article.id, record_2().article.id
    with Store(tmp_path / "s.duckdb") as s:
        s.add([record_1(), record_2()])
        con = s.connection
        for _ in range(2):  # as appended, then sorted by word
            assert found(con, "Otieno") == sorted([one, two])
            assert found(con, "sanction") == [two]  # "sanctioned"
            assert found(con, "ethiopia accused") == [one]  # every word, anywhere in the text
            assert found(con, "ethiopia sanctioned") == []
            assert found(con, "otienoz") == []
            assert words.candidates(con, "kenyan") == [two]
            assert "word_articles" in byactor.compact(con, force=True)
        assert con.execute("SELECT list(word ORDER BY rowid) = list(word ORDER BY word) FROM word_articles").fetchone()[0]


def test_a_new_version_is_indexed_under_a_new_number_and_the_old_words_go(tmp_path):
    with Store(tmp_path / "s.duckdb") as s:
        s.add([record_1(), record_2()])
        con = s.connection
        before = dict(con.execute("SELECT article_id, n FROM article_numbers").fetchall())
        two = record_2()
        s.add([dataclasses.replace(two, article=dataclasses.replace(two.article, text="Nobody spoke of sanctions."),
                                   actors=(), quotes=(), events=(), dates=())])
        after = dict(con.execute("SELECT article_id, n FROM article_numbers").fetchall())
        assert after[two.article.id] > max(before.values()) and after[record_1().article.id] == before[record_1().article.id]
        assert con.execute("SELECT count(*) FROM word_articles WHERE n = ?", [before[two.article.id]]).fetchone()[0] == 0
        assert found(con, "sanctions") == [two.article.id] and found(con, "acceptable") == []


def test_prefix_range_bounds_the_words_a_word_starts():
    low, high = words.prefix_range("trump")
    assert (low, high) == ("trump", "trumq")
    assert all(low <= w < high for w in ("trump", "trumps", "trump2"))
    assert not any(low <= w < high for w in ("trum", "trumq", "trunk"))
