"""A page at either end of the day order is looked for among the days at that end first
(``query.window_cut``): the same rows as the whole table gives."""

from __future__ import annotations

from chronicle.store import query


def _pages(corpus) -> list:
    con = corpus.connection
    out = []
    for order in ("asc", "desc"):
        for limit, offset in ((1, 0), (2, 1), (3, 0), (2, 4), (10, 0), (1, 9)):
            page = {"order": order, "limit": limit, "offset": offset}
            out.append(corpus.sql(*query.select_timeline(con, **page)))
            out.append(corpus.sql(*query.select_timeline(con, type="ACCUSE", **page)))
            out.append(corpus.sql(*query.select_quotes(query.quote_where(con), **page)))
            out.append(corpus.sql(*query.select_events(query.event_where(con), **page)))
            out.append(corpus.sql(*query.select_events(query.event_where(con, type="accuse"), **page)))
    return out


def test_a_page_found_in_a_window_of_days_is_the_page_of_the_whole_table(corpus, monkeypatch):
    cuts = []
    cut = query.window_cut

    def recorded(*args, **kwargs):
        cuts.append(cut(*args, **kwargs))
        return cuts[-1]

    # Windows of 1, 2, 4 ... days over the fixture's days (2024-03-12 to 2024-05-03).
    monkeypatch.setattr(query, "WINDOW_DAYS", 1)
    monkeypatch.setattr(query, "WINDOW_GROWTH", 2)
    monkeypatch.setattr(query, "window_cut", recorded)
    windowed = _pages(corpus)
    assert any(c is not None for c in cuts) and any(c is None for c in cuts)  # both paths were taken
    monkeypatch.setattr(query, "window_cut", lambda *args, **kwargs: None)
    assert _pages(corpus) == windowed
    assert any(windowed)


def test_the_window_is_the_days_that_hold_the_page(corpus, monkeypatch):
    import datetime as dt

    monkeypatch.setattr(query, "WINDOW_DAYS", 1)
    monkeypatch.setattr(query, "WINDOW_GROWTH", 2)
    con = corpus.connection
    events = query.event_where(con, statuses=None)
    # Events on 2024-03-12, 03-14 and 05-03 (two): the newest two are on 05-03, within a day of it.
    assert query.window_cut([(events.window, events)], "desc", 2) == (">=", dt.date(2024, 5, 2))
    assert query.window_cut([(events.window, events)], "asc", 1) == ("<=", dt.date(2024, 3, 13))
    assert query.window_cut([(events.window, events)], "desc", 99) is None  # every day: read everything
    assert query.window_cut([(events.window, events)], "desc", 0) is None
