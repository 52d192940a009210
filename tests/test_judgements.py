"""The rules behind judgement words: like with like, ties as ties, thresholds as stated (issue 16)."""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers.writing import judgements as j


@pytest.mark.parametrize("a, b, word", [
    (6.6, 1.6, "far more"), (1.6, 6.6, "far less"), (3.0, 2.0, "more"), (2.0, 3.0, "less"),
    (0.25, 0.2, "similar"),  # a quarter above, but a twentieth of a step a year apart: not a difference
    (2.2, 2.0, "similar"), (0.0, 0.0, "similar"), (1.0, 0.0, "far more"), (0.0, 1.0, "far less"),
    (4.0, 2.0, "far more"), (2.4, 2.0, "similar"), (2.5, 2.0, "more"),
])
def test_pace_words(a, b, word):
    assert j.pace(a, b).word == word


@given(st.floats(0, 50), st.floats(0, 50))
def test_pace_is_antisymmetric(a, b):
    opposite = {"far more": "far less", "more": "less", "similar": "similar", "less": "more", "far less": "far more"}
    assert j.pace(b, a).word == opposite[j.pace(a, b).word]


def test_pace_refuses_negative_or_missing_rates():
    with pytest.raises(ValueError):
        j.pace(-1, 2)
    with pytest.raises(ValueError):
        j.pace(float("nan"), 2)


def test_lead_needs_a_real_margin_and_says_ties_as_ties():
    assert j.lead({"Moon": 1.6, "Yoon": 6.6}).leader == "Yoon"
    tie = j.lead({"Park": 0.25, "Moon": 0.2, "Lee": 0.1})
    assert tie.leader is None and set(tie.tied) == {"Park", "Moon", "Lee"}
    assert j.lead({}).leader is None
    assert j.lead({"Only": 1.0}).leader == "Only"


@pytest.mark.parametrize("part, whole, word", [
    (4, 4, "all"), (2, 2, "both"), (0, 4, "none"), (3, 4, "most"), (2, 4, "half"), (1, 4, "one"), (1, 3, "one"),
    (2, 5, "some"), (3, 5, "most"), (1, 1, "the only"),
])
def test_share_words(part, whole, word):
    assert j.share_word(part, whole) == word


def test_most_needs_more_than_half():
    assert j.share_word(1, 4) != "most" and j.share_word(2, 4) == "half" and j.share_word(5, 9) == "most"


def test_breadth():
    assert j.breadth(8, 11) == "broad" and j.breadth(2, 11) == "narrow" and j.breadth(0, 0) == "none"


def test_money_is_compared_only_like_with_like():
    usd = j.Money(12.4e9, "USD", "reported deal value")
    krw = j.Money(5.6e12, "KRW", "reported deal value")
    assert j.compare_money(usd, krw) is None  # no USD equivalent given: not comparable
    krw_with_usd = j.Money(5.6e12, "KRW", "reported deal value", usd=3.9e9)
    result = j.compare_money(usd, krw_with_usd)
    assert result is not None and result.larger == 0 and result.footing == "USD as the sources give it"
    assert j.compare_money(usd, j.Money(6.5e9, "USD", "contract value")) is None  # another basis
    tie = j.compare_money(j.Money(100, "EUR", "contract value"), j.Money(103, "EUR", "contract value"))
    assert tie.larger is None


def test_who_is_in_office():
    terms = [("Moon", date(2017, 5, 10), date(2022, 5, 9)), ("Yoon", date(2022, 5, 10), date(2025, 4, 4)),
             ("Lee J.", date(2025, 6, 4), None)]
    assert j.in_office(terms, date(2022, 5, 5)) == "Moon"
    assert j.in_office(terms, date(2025, 5, 1)) is None  # an acting president
    assert j.in_office(terms, date(2026, 6, 30)) == "Lee J."
    assert j.still_in_office(None, date(2026, 6, 30))
    assert j.still_in_office(date(2025, 4, 4), date(2025, 1, 31))
    assert not j.still_in_office(date(2025, 4, 4), date(2026, 6, 30))


def test_representation_levels():
    assert j.is_leader_level("head of state or government")
    assert not j.is_leader_level("national security adviser")
    assert j.level_rank("head of state or government") < j.level_rank("national security adviser") < j.level_rank("x")


def test_first_only_when_the_source_says_so():
    assert j.says_first("the first-ever participation of the South Korean foreign minister")
    assert not j.says_first("South Korea joined the meeting")


def test_most_names_a_single_top_and_says_a_tie_by_naming_none():
    assert j.most({2024: 13, 2025: 16}) == 2025
    assert j.most({2014: 1, 2016: 1}) is None
    assert j.most({}) is None
    assert j.most({"cyber": 3}) == "cyber"
