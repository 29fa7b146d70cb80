"""The events_news scorer's name matching (eval/events_news.py)."""

from eval.events_news import names_match


def test_same_country_by_two_names_matches_both_ways():
    assert names_match(["DPRK"], {"North Korea"}) and names_match(["North Korea"], {"DPRK"})
    assert names_match(["PRC"], {"China"}) and names_match(["China"], {"PRC"})


def test_different_countries_and_non_countries_do_not_match():
    assert not names_match(["Russia"], {"Ukraine"})
    assert not names_match(["Chinese"], {"China"})  # a demonym is no country name
    assert not names_match(["Antony Blinken"], {"United States"})
