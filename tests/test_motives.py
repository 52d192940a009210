"""NATO's motives: the meeting x partner matrix, the statements timeline and the `partners` parameter."""
from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from conftest import ROOT
from helpers.analysis import motives
from helpers.evidence.data import ParameterError, load_all
from helpers.evidence.quotes import verbatim

IP4 = ["Australia", "Japan", "New Zealand", "South Korea"]


@pytest.fixture(scope="module")
def ev():
    return load_all("2025-01-31", data_dir=ROOT / "data")


def _raw(name: str) -> pd.DataFrame:
    return pd.read_csv(ROOT / "data" / f"{name}.csv", dtype=str, keep_default_na=False)


# -- the partners parameter ------------------------------------------------------------------------

def test_valid_partners_are_those_in_the_participation_table(ev):
    assert motives.known_partners(ev.summit_participation) == sorted(set(_raw("summit_participation")["partner"]))
    assert motives.check_partners(IP4, ev.summit_participation) == IP4


def test_partner_names_are_matched_loosely_and_deduplicated(ev):
    assert motives.check_partners(["  south korea", "JAPAN", "Japan"], ev.summit_participation) == ["South Korea", "Japan"]
    assert motives.check_partners("New Zealand", ev.summit_participation) == ["New Zealand"]


@pytest.mark.parametrize("bad", [["Korea"], ["Japan", "Finland"], [], ["South Korea", ""]])
def test_unknown_or_empty_partners_are_rejected_with_the_valid_list(ev, bad):
    with pytest.raises(ParameterError) as error:
        motives.check_partners(bad, ev.summit_participation)
    message = str(error.value)
    assert message.startswith("partners:")
    for partner in motives.known_partners(ev.summit_participation):
        assert partner in message


# -- the participation matrix ----------------------------------------------------------------------

def test_matrix_has_every_meeting_and_partner_and_matches_the_data(ev):
    long = motives.summit_participation(ev.summits, ev.summit_participation, IP4, ev.as_of, since=2020)
    grid = motives.participation_matrix(long)
    summits = _raw("summits")
    assert list(grid.columns) == IP4
    assert set(grid.index) == set(summits["meeting_id"])  # every meeting in the data is from 2020 on, before the cut-off
    assert grid.size == len(summits) * len(IP4)
    rows = _raw("summit_participation")
    rows = rows[rows["partner"].isin(IP4)]
    # every data row appears with its status; every other cell is 'no source'
    for row in rows.itertuples():
        assert grid.loc[row.meeting_id, row.partner] == row.participation
    assert (grid == motives.NO_SOURCE).sum().sum() == grid.size - len(rows)
    assert set(grid.stack()) <= set(motives.STATUSES)


def test_meetings_are_in_date_order_and_partners_in_given_order(ev):
    order = ["South Korea", "Japan"]
    long = motives.summit_participation(ev.summits, ev.summit_participation, order, ev.as_of)
    grid = motives.participation_matrix(long)
    starts = ev.summits.set_index("meeting_id").loc[list(grid.index), "start"]
    assert list(starts) == sorted(starts)
    assert list(grid.columns) == order


def test_counts_of_meetings_attended(ev):
    long = motives.summit_participation(ev.summits, ev.summit_participation, IP4, ev.as_of, since=2020)
    rows = _raw("summit_participation")
    attended = rows[rows["participation"] == "attended"]
    rok = set(attended[attended["partner"] == "South Korea"]["meeting_id"])
    assert set(motives.meetings_attended(long, ["South Korea"])) == rok
    assert set(motives.meetings_attended(long)) == set(attended["meeting_id"])
    every = {m for m, group in attended.groupby("meeting_id") if set(group["partner"]) >= set(IP4)}
    assert set(motives.meetings_attended(long, every=True)) == every
    # 'expected' is not attendance
    expected = rows[rows["participation"] == "expected"]["meeting_id"]
    assert not set(expected) & every


def test_since_drops_earlier_meetings(ev):
    later = motives.summit_participation(ev.summits, ev.summit_participation, IP4, ev.as_of, since=2023)
    assert later["year"].min() >= 2023
    assert "nato_fm_2020_12" not in set(later["meeting_id"])


def test_as_of_excludes_meetings_not_yet_over():
    # On 15 October 2024 the October 2024 meetings and a summit dated only "2024" may not have happened yet.
    early = load_all("2024-10-15", data_dir=ROOT / "data")
    long = motives.summit_participation(early.summits, early.summit_participation, IP4, early.as_of)
    assert "nato_dm_2024_10" not in set(long["meeting_id"])
    assert "nato_summit_2024" not in set(long["meeting_id"])
    assert (long["end"] <= date(2024, 10, 15)).all()
    # and the helper applies as_of itself, even to uncut tables
    full = load_all("2025-01-31", data_dir=ROOT / "data")
    cut = motives.summit_participation(full.summits, full.summit_participation, IP4, "2023-01-01")
    assert set(cut["meeting_id"]) == {"nato_fm_2020_12", "brussels_summit_2021", "madrid_summit_2022"}


def test_no_meetings_gives_an_empty_matrix():
    early = load_all("2019-06-30", data_dir=ROOT / "data")
    long = motives.summit_participation(early.summits, early.summit_participation, IP4, early.as_of, since=2020)
    assert long.empty and motives.participation_matrix(long).empty
    assert motives.meetings_attended(long) == []


# -- the statements timeline -----------------------------------------------------------------------

def test_timeline_keeps_every_row_in_date_order(ev):
    timeline = motives.statements_timeline(ev.nato_statements, ev.as_of)
    assert len(timeline) == len(_raw("nato_statements"))
    assert list(timeline["start"]) == sorted(timeline["start"])
    docs = motives.documents(timeline)
    assert list(docs["statement_id"]) == list(dict.fromkeys(timeline["statement_id"]))
    assert sum(len(t) for t in docs["threats"]) == len(timeline)


def test_first_mentions_trace_the_shift(ev):
    timeline = motives.statements_timeline(ev.nato_statements, ev.as_of)
    firsts = motives.first_named(timeline)
    assert timeline["first_named"].sum() == timeline["threat"].nunique() == len(firsts)
    assert firsts["China"]["statement_id"] == "london_declaration_2019"
    assert firsts["China"]["characterisation"] == "challenge"
    assert firsts["China-Russia partnership"]["statement_id"] == "strategic_concept_2022"
    assert firsts["North Korea-Russia military cooperation"]["statement_id"] == "rutte_statement_2024_10"
    order = motives.threats_by_first_mention(timeline)
    assert order[0] == "North Korea" and order.index("China") < order.index("China-Russia partnership")
    assert set(motives.threats_in_order(timeline)) == set(order)


def test_timeline_honours_as_of():
    early = load_all("2022-12-31", data_dir=ROOT / "data")
    timeline = motives.statements_timeline(early.nato_statements, early.as_of)
    assert timeline["end"].max() <= date(2022, 12, 31)
    assert "North Korea-Russia military cooperation" not in set(timeline["threat"])
    # a statement dated only "2019" does not count before the year is over
    mid_2019 = load_all("2019-06-30", data_dir=ROOT / "data")
    assert "london_declaration_2019" not in set(motives.statements_timeline(mid_2019.nato_statements, mid_2019.as_of)["statement_id"])


def test_dash_only_touches_the_links_to_russia():
    assert motives.dash("China-Russia partnership") == "China–Russia partnership"
    assert motives.dash("North Korea-Russia military cooperation") == "North Korea–Russia military cooperation"
    assert motives.dash("Indo-Pacific security") == "Indo-Pacific security"


# -- the sources' arguments (data/assessments.csv) -------------------------------------------------

NOTEBOOK = ROOT / "notebooks" / "03_nato_motives.py"


def test_assessment_returns_the_row_with_its_source_and_quote(ev):
    raw = _raw("assessments").set_index("assessment_id")
    for assessment_id, expected in raw.iterrows():
        row = motives.assessment(ev.assessments, assessment_id)
        assert (row["source_id"], row["claim"], row["quote"]) == (expected["source_id"], expected["claim"], expected["quote"])


def test_an_unknown_assessment_id_is_a_clear_error(ev):
    with pytest.raises(LookupError) as error:
        motives.assessment(ev.assessments, "rok_reluctance_chna")
    message = str(error.value)
    assert "'rok_reluctance_chna'" in message and "data/assessments.csv" in message
    assert "rok_reluctance_china" in message  # the valid ids are listed
    # whatever the cut-off: a typo must never silently drop a paragraph
    with pytest.raises(LookupError):
        motives.available_assessment(ev.assessments, ev.sources, "no_such_id", "2000-01-01")


def test_every_assessment_the_section_uses_exists():
    import re
    used = set(re.findall(r'claim\("([a-z0-9_]+)"\)', NOTEBOOK.read_text()))
    listed = re.search(r"LIMIT_IDS = \[(.*?)\]", NOTEBOOK.read_text(), re.S).group(1)
    used |= set(re.findall(r'"([a-z0-9_]+)"', listed))
    assert len(used) >= 10
    assert used <= set(_raw("assessments")["assessment_id"])


@pytest.mark.parametrize("as_of, pism_available", [("2022-09-30", False), ("2022-12-31", True), ("2025-01-31", True)])
def test_an_argument_counts_only_once_its_source_was_certainly_published(ev, as_of, pism_available):
    # PISM's bulletin is dated only "2022": it may have appeared as late as 31 December 2022.
    assert motives.published_by(ev.sources, "pism2022", as_of) is pism_available
    row = motives.available_assessment(ev.assessments, ev.sources, "rok_reluctance_china", as_of)
    assert (row is not None) is pism_available
    # EIAS (2019) was out by then in every case
    assert motives.available_assessment(ev.assessments, ev.sources, "rok_hedging", as_of) is not None


def test_assessments_are_not_cut_by_load_all_but_the_helper_applies_as_of():
    early = load_all("2021-06-30", data_dir=ROOT / "data")
    assert len(early.assessments) == len(_raw("assessments"))
    available = [i for i in early.assessments["assessment_id"]
                 if motives.available_assessment(early.assessments, early.sources, i, early.as_of) is not None]
    assert set(early.assessments.set_index("assessment_id").loc[available, "source_id"]) == {"eias2019"}
    with pytest.raises(LookupError):
        motives.published_by(early.sources, "nosuch2020", early.as_of)


def test_verbatim_returns_only_words_the_quote_contains(ev):
    row = motives.assessment(ev.assessments, "china_no_official_statement")
    # the quote has a typographic apostrophe; a straight one in the phrase still matches, and the quote's own comes back
    assert verbatim(row, "South Korea's decision to join the CCDCOE") == "South Korea’s decision to join the CCDCOE"
    assert verbatim(row, "official announcement") in row["quote"]
    for paraphrase in ("official statement", "", "China has not made an official announcement about Japan"):
        with pytest.raises(ValueError):
            verbatim(row, paraphrase)


def test_by_topic_groups_every_row_once_in_order(ev):
    ids = ["china_no_official_statement", "rok_hedging", "china_media_chess_piece", "rok_hedging", "nato_limited_leverage"]
    rows = [motives.assessment(ev.assessments, i) for i in ids] + [None]
    grouped = motives.by_topic(rows)
    assert list(grouped["topic"]) == ["China's reaction", "Seoul's reluctance to name China",
                                      "NATO's limited leverage on the Peninsula"]
    assert list(grouped.iloc[0]["assessment_ids"]) == ["china_no_official_statement", "china_media_chess_piece"]
    assert sum(len(i) for i in grouped["assessment_ids"]) == len(set(ids))
    assert all(len(c) == len(s) == len(i) for c, s, i in zip(grouped["claims"], grouped["source_ids"], grouped["assessment_ids"]))
    assert motives.by_topic([]).empty


# -- figures for a period ---------------------------------------------------------------------------

@pytest.mark.parametrize("as_of, kept", [("2022-06-30", False), ("2022-12-30", False), ("2022-12-31", True), ("2023-01-01", True)])
def test_a_figure_for_a_year_counts_once_the_year_is_over(ev, as_of, kept):
    pew = ev.indicators[ev.indicators["indicator_id"] == "pew_unfavourable_china_2022"]
    assert (len(motives.period_over(pew, as_of)) == 1) is kept
    share = ev.arms_trade[ev.arms_trade["figure_id"] == "export_share_2017_2021_nato_members"]
    assert len(motives.period_over(share, as_of)) == 1  # 2017-2021 was over in every case
    assert motives.period_over(share, "2021-06-30").empty


# -- the statements timeline with an outside record ---------------------------------------------------

def test_russia_first_appears_with_the_2022_strategic_concept_from_an_outside_record(ev):
    timeline = motives.statements_timeline(ev.nato_statements, ev.as_of)
    first = motives.first_named(timeline)["Russia"]
    assert first["statement_id"] == "strategic_concept_2022"
    outside = set(ev.sources.loc[ev.sources["in_seeds"] == False, "source_id"])  # noqa: E712
    assert first["source_id"] in outside
    # every other row of the timeline comes from the core sources
    assert set(timeline.loc[timeline["source_id"].isin(outside), "threat"]) == {"Russia"}
    # the document gains a threat, not a row: the strategic concept is still one document
    docs = motives.documents(timeline)
    concept = docs[docs["statement_id"] == "strategic_concept_2022"].iloc[0]
    assert "Russia" in concept["threats"] and len(docs) == _raw("nato_statements")["statement_id"].nunique()
