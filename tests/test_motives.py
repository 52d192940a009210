"""Section 3's analysis (helpers.analysis.motives): the partners parameter, who came to NATO's meetings and at what
level, NATO's words, the sources' versions of them and the cut-off rules. Each rule is tested on small frames built
here; the few tests on data/ state properties that any correct update of the data keeps."""
from __future__ import annotations

import re
from datetime import date

import pandas as pd
import pytest

from conftest import ROOT
from helpers.analysis import motives
from helpers.evidence.data import ParameterError, load_all
from helpers.evidence.dates import parse_partial_date
from helpers.writing import judgements

IP4 = ["South Korea", "Japan", "Australia", "New Zealand"]
NOTEBOOK = ROOT / "notebooks" / "03_nato_motives.py"


def dated(rows: list[dict], column: str = "date") -> pd.DataFrame:
    """A frame with the derived interval columns load_all adds (start, end, year)."""
    frame = pd.DataFrame(rows)
    intervals = [parse_partial_date(t, p) for t, p in zip(frame[column], frame["date_precision"])]
    return frame.assign(start=[i.start for i in intervals], end=[i.end for i in intervals],
                        year=[i.start.year for i in intervals])


# -- fixtures: four meetings, the partners at some of them ----------------------------------------------------------------

@pytest.fixture
def summits():
    row = lambda mid, kind, place, when, precision: {  # noqa: E731
        "meeting_id": mid, "meeting": mid, "meeting_type": kind, "location": place, "date": when,
        "date_precision": precision, "source_id": "s1", "quote": "q"}
    return dated([
        row("fm_2020", "foreign ministers", "", "2020-12", "month"),
        row("summit_a", "summit", "Alpha", "2023-07", "month"),
        row("summit_b", "summit", "Beta", "2024-07", "month"),
        row("summit_c", "summit", "Gamma", "2025-06", "month"),
        row("nobody", "summit", "Delta", "2021-06", "month"),
    ])


@pytest.fixture
def participation():
    row = lambda mid, partner, level, status="attended": {  # noqa: E731
        "meeting_id": mid, "partner": partner, "participation": status, "level": level, "source_id": f"src_{mid}",
        "quote": "q"}
    return pd.DataFrame([
        row("fm_2020", "South Korea", "foreign minister"), row("fm_2020", "Japan", "foreign minister"),
        row("summit_a", "South Korea", "head of state or government"), row("summit_a", "Japan", "head of state or government"),
        row("summit_a", "Australia", "head of state or government"), row("summit_a", "New Zealand", "unspecified"),
        row("summit_b", "South Korea", "head of state or government"), row("summit_b", "Japan", "head of state or government"),
        row("summit_b", "Australia", "deputy prime minister"), row("summit_b", "New Zealand", "", "expected"),
        row("summit_c", "South Korea", "national security adviser"), row("summit_c", "Japan", "foreign minister"),
        row("summit_c", "Australia", "deputy prime minister"), row("summit_c", "New Zealand", "head of state or government"),
    ])


# -- the partners parameter -------------------------------------------------------------------------------------------------

def test_partners_are_matched_loosely_kept_in_order_and_deduplicated(participation):
    assert motives.check_partners(IP4, participation) == IP4
    assert motives.check_partners(["  south korea", "JAPAN", "Japan"], participation) == ["South Korea", "Japan"]
    assert motives.check_partners("New Zealand", participation) == ["New Zealand"]


@pytest.mark.parametrize("bad", [["Korea"], ["Japan", "Finland"], [], ["South Korea", ""]])
def test_unknown_or_empty_partners_are_refused_with_the_valid_names(participation, bad):
    with pytest.raises(ParameterError) as error:
        motives.check_partners(bad, participation)
    message = str(error.value)
    assert message.startswith("partners:")
    assert all(partner in message for partner in IP4)


# -- who came, and at what level --------------------------------------------------------------------------------------------

def test_every_meeting_and_partner_has_one_cell_and_absence_is_no_source(summits, participation):
    long = motives.summit_participation(summits, participation, IP4, "2026-06-30", since=2020)
    assert len(long) == len(summits) * len(IP4)
    grid = motives.participation_matrix(long)
    assert list(grid.columns) == IP4 and list(grid.index)[0] == "fm_2020"
    assert (grid.loc["nobody"] == motives.NO_SOURCE).all()
    assert grid.loc["fm_2020", "Australia"] == motives.NO_SOURCE
    assert grid.loc["summit_b", "New Zealand"] == motives.EXPECTED


def test_presence_counts_a_leader_only_at_head_of_state_or_government_level(summits, participation):
    long = motives.summit_participation(summits, participation, IP4, "2026-06-30", since=2020)
    items = {m.meeting_id: m for m in motives.presence(long)}
    assert "nobody" not in items  # a meeting with no partner recorded is not drawn or counted
    c = items["summit_c"]
    assert c.leaders == ["New Zealand"]
    assert c.below == [("South Korea", "national security adviser"), ("Japan", "foreign minister"),
                       ("Australia", "deputy prime minister")]
    assert c.represented_by == ["South Korea’s national security adviser", "Japan’s foreign minister",
                                "Australia’s deputy prime minister"]
    a = items["summit_a"]
    assert a.leaders == ["South Korea", "Japan", "Australia"] and a.not_given == ["New Zealand"]
    b = items["summit_b"]
    assert b.expected == ["New Zealand"] and "New Zealand" not in b.attended  # expected is not attendance
    assert items["fm_2020"].no_record == ["Australia", "New Zealand"]
    for m in items.values():  # the rule itself: leaders are exactly the head-of-state-or-government rows
        rows = participation[(participation["meeting_id"] == m.meeting_id) & (participation["participation"] == "attended")]
        assert sorted(m.leaders) == sorted(rows.loc[[judgements.is_leader_level(v) for v in rows["level"]], "partner"])


def test_presence_names_meetings_by_kind_and_place(summits, participation):
    long = motives.summit_participation(summits, participation, IP4, "2026-06-30", since=2020)
    items = {m.meeting_id: m for m in motives.presence(long)}
    assert items["summit_c"].name == "the summit in Gamma" and items["summit_c"].place == "Gamma"
    assert items["fm_2020"].name == "the foreign ministers' meeting"
    assert [m.meeting_id for m in motives.summits(list(items.values()))] == ["summit_a", "summit_b", "summit_c"]


def test_level_change_compares_partner_by_partner_and_skips_levels_not_given(summits, participation):
    long = motives.summit_participation(summits, participation, IP4, "2026-06-30", since=2020)
    change = motives.level_change(long, "summit_b", "summit_c")
    assert change.lower == ("South Korea", "Japan") and change.same == ("Australia",)
    assert change.higher == () and change.not_compared == ("New Zealand",)  # expected at summit_b: not compared
    assert change.fell and not change.rose
    earlier = motives.level_change(long, "summit_a", "summit_b")
    assert earlier.not_compared == ("New Zealand",)  # 'unspecified' is not a level to compare
    assert earlier.lower == ("Australia",)
    reverse = motives.level_change(long, "summit_c", "summit_b")
    assert reverse.rose and not reverse.fell


def test_a_meeting_counts_only_once_its_whole_date_is_past(summits, participation):
    mid_month = motives.summit_participation(summits, participation, IP4, "2025-06-15", since=2020)
    assert "summit_c" not in set(mid_month["meeting_id"])  # "June 2025" may still be ahead on 15 June
    month_end = motives.summit_participation(summits, participation, IP4, "2025-06-30", since=2020)
    assert "summit_c" in set(month_end["meeting_id"])
    later = motives.summit_participation(summits, participation, IP4, "2026-06-30", since=2023)
    assert later["year"].min() >= 2023


def test_the_figure_data_has_one_row_per_meeting_and_partner(summits, participation):
    long = motives.summit_participation(summits, participation, ["South Korea", "Australia"], "2026-06-30", since=2020)
    items = motives.presence(long)
    table = motives.presence_table(items, ["South Korea", "Australia"])
    assert len(table) == 2 * len(items)
    assert set(table.loc[table["meeting_id"] == "fm_2020", "level"]) == {"foreign minister", "no record"}
    figure = motives.participation_chart(items, ["South Korea", "Australia"])
    labels = {t.get_text() for t in figure.axes[0].texts}
    assert {"Leader", "Security adviser", "Deputy PM", "No record"} <= labels


# -- NATO's words -------------------------------------------------------------------------------------------------------------

@pytest.fixture
def statements():
    row = lambda sid, when, precision, threat, source="s1", quote="q": {  # noqa: E731
        "statement_id": sid, "document": sid.replace("_", " "), "date": when, "date_precision": precision,
        "threat": threat, "characterisation": "c", "source_id": source, "quote": quote}
    return dated([
        row("doc_2019", "2019", "year", "China", "primary", "present both opportunities and challenges that we"),
        row("doc_2018", "2018-07", "month", "North Korea"),
        row("doc_2022", "2022-06", "month", "China-Russia partnership"),
        row("doc_2022", "2022-06", "month", "Russia"),
        row("doc_2024", "2024-07", "month", "North Korea-Russia military cooperation"),
        row("doc_2024", "2024-07", "month", "China"),
    ])


def test_the_timeline_is_in_date_order_and_marks_each_first_mention_once(statements):
    timeline = motives.statements_timeline(statements, "2026-06-30")
    assert list(timeline["end"]) == sorted(timeline["end"])  # a month or year sorts at its end (cannot precede a day in it)
    firsts = motives.first_named(timeline)
    assert timeline["first_named"].sum() == timeline["threat"].nunique() == len(firsts)
    assert firsts["China"]["statement_id"] == "doc_2019"
    assert motives.threats_by_first_mention(timeline)[:2] == ["North Korea", "China"]
    docs = motives.documents(timeline)
    assert list(docs["statement_id"]) == ["doc_2018", "doc_2019", "doc_2022", "doc_2024"]
    assert docs.iloc[2]["threats"] == ["Russia", "China-Russia partnership"]  # in THREAT_ORDER
    assert motives.statement(timeline, "doc_2024", "China") is not None
    assert motives.statement(timeline, "doc_2024", "Russia") is None


def test_a_text_known_only_to_its_month_follows_a_text_dated_to_a_day_of_that_month(statements):
    day = statements.iloc[0].to_dict() | {"statement_id": "doc_2019_day", "date": "2019-12-03", "date_precision": "day"}
    extra = pd.concat([statements, dated([day])], ignore_index=True)
    order = list(motives.documents(motives.statements_timeline(extra, "2026-06-30"))["statement_id"])
    assert order.index("doc_2019_day") < order.index("doc_2019")


def test_a_statement_dated_to_the_year_counts_from_the_last_day_of_that_year(statements):
    assert "doc_2019" not in set(motives.statements_timeline(statements, "2019-06-30")["statement_id"])
    assert "doc_2019" in set(motives.statements_timeline(statements, "2019-12-31")["statement_id"])


def test_a_document_is_quoted_only_from_a_row_that_holds_the_words(statements):
    versions = pd.DataFrame([
        {"conflict_id": "c", "source_id": "seed", "claim": "x", "quote": "NATO described China as a “challenge”"},
        {"conflict_id": "c", "source_id": "record", "claim": "y", "quote": "run counter to our values and interests."},
    ])
    london = statements.iloc[0]
    assert motives.with_phrase([None, london, versions], "opportunities and challenges")["source_id"] == "primary"
    assert motives.with_phrase([versions], "run counter to our values and interests")["source_id"] == "record"
    assert motives.with_phrase([versions, london], "a challenge") is None  # a paraphrase is never quoted as the text
    assert motives.with_phrase([], "anything") is None


def test_known_versions_keep_this_sections_disputes_and_sources_published_by_the_cut_off():
    conflicts = pd.DataFrame([{"conflict_id": "ours", "topic": "t", "kind": "disagreement", "section": "nato_motives",
                               "treatment": "follow the record"},
                              {"conflict_id": "theirs", "topic": "t", "kind": "dating", "section": "history",
                               "treatment": "x"}])
    versions = pd.DataFrame([{"conflict_id": "ours", "source_id": "old", "claim": "a", "quote": "q"},
                             {"conflict_id": "ours", "source_id": "new", "claim": "b", "quote": "q"},
                             {"conflict_id": "theirs", "source_id": "old", "claim": "c", "quote": "q"}])
    sources = dated([{"source_id": "old", "date": "2019", "date_precision": "year"},
                     {"source_id": "new", "date": "2025-06", "date_precision": "month"}])
    kept = motives.known_versions(conflicts, versions, sources, "2024-12-31")
    assert list(kept["source_id"]) == ["old"] and list(kept["treatment"]) == ["follow the record"]
    assert len(motives.known_versions(conflicts, versions, sources, "2025-06-30")) == 2


def test_the_threats_chart_shortens_long_names_but_keeps_every_document(statements):
    timeline = motives.statements_timeline(statements, "2026-06-30")
    docs = motives.documents(timeline)
    figure = motives.threats_chart(docs, motives.threats_by_first_mention(timeline), motives.first_named(timeline))
    assert len(figure.axes[0].get_yticklabels()) == len(docs)
    doc = {"date": "2024-10", "date_precision": "month",
           "document": "Statement by NATO Secretary General Mark Rutte on North Korean troops"}
    assert motives.short_document(doc) == "October 2024 · Rutte statement on North Korean troops"
    assert motives.short_document({"date": "2018", "date_precision": "year", "document": "NATO Brussels Summit 2018"}) \
        == "2018 · NATO Brussels Summit"


def test_dash_only_touches_the_links_to_russia():
    assert motives.dash("China-Russia partnership") == "China–Russia partnership"
    assert motives.dash("Indo-Pacific security") == "Indo-Pacific security"


# -- figures for a period ------------------------------------------------------------------------

@pytest.mark.parametrize("as_of, kept", [("2022-06-30", False), ("2022-12-30", False), ("2022-12-31", True)])
def test_a_figure_for_a_year_counts_once_the_year_is_over(as_of, kept):
    indicators = pd.DataFrame([{"indicator_id": "share", "value": 80.0, "period_start": 2022, "period_end": 2022}])
    assert (motives.indicator(indicators, "share", as_of) is not None) is kept
    assert motives.indicator(indicators, "missing", "2030-01-01") is None


def test_done_keeps_a_row_only_once_its_interval_is_over():
    row = dated([{"date": "2025-06", "date_precision": "month"}]).iloc[0]
    assert motives.done(row, "2025-06-29") is None
    assert motives.done(row, date(2025, 6, 30)) is row
    assert motives.done(None, "2030-01-01") is None


@pytest.fixture
def assessments():
    return pd.DataFrame([{"assessment_id": "later", "topic": "t", "claim": "c", "source_id": "bulletin", "quote": "q"},
                         {"assessment_id": "earlier", "topic": "t", "claim": "c", "source_id": "report", "quote": "q"}])


def test_by_topic_groups_every_row_once_in_order(assessments):
    rows = [assessments.iloc[1], assessments.iloc[0], assessments.iloc[1], None]
    grouped = motives.by_topic(rows)
    assert list(grouped["topic"]) == ["t"] and grouped.iloc[0]["assessment_ids"] == ["earlier", "later"]
    assert motives.by_topic([]).empty


# -- properties of the section against data/ ---------------------------------------------------------------------------------

def test_every_argument_the_section_names_exists_in_the_data():
    used = set(re.findall(r'claim\("([a-z0-9_]+)"\)', NOTEBOOK.read_text()))
    assert used
    known = set(pd.read_csv(ROOT / "data" / "assessments.csv", dtype=str)["assessment_id"])
    assert used <= known, sorted(used - known)


def test_every_shipped_meeting_counts_leaders_by_the_rule():
    ev = load_all(data_dir=ROOT / "data")
    partners = motives.known_partners(ev.summit_participation)
    long = motives.summit_participation(ev.summits, ev.summit_participation, partners, ev.as_of)
    for m in motives.presence(long):
        rows = ev.summit_participation[(ev.summit_participation["meeting_id"] == m.meeting_id)
                                       & (ev.summit_participation["participation"] == motives.ATTENDED)]
        leaders = rows.loc[[judgements.is_leader_level(v) for v in rows["level"]], "partner"]
        assert sorted(m.leaders) == sorted(leaders)
        assert set(m.attended) == set(rows["partner"])


def test_a_first_is_said_only_on_a_record_that_says_it_from_the_meeting_or_its_note():
    participation = pd.DataFrame([{"meeting_id": "madrid_summit_2022", "partner": "Japan", "source_id": "office",
                                   "quote": "The Prime Minister attended the summit."},
                                  {"meeting_id": "other", "partner": "Japan", "source_id": "elsewhere",
                                   "quote": "took part for the first time"}])
    conflicts = pd.DataFrame([{"conflict_id": "who_came", "meeting_id": "madrid_summit_2022"},
                              {"conflict_id": "unrelated", "meeting_id": ""}])
    versions = pd.DataFrame([{"conflict_id": "who_came", "source_id": "nato",
                              "quote": "participated in a NATO Summit for the first time."},
                             {"conflict_id": "unrelated", "source_id": "blog", "quote": "the first time ever"}])
    found = motives.said_first("madrid_summit_2022", participation, conflicts, versions)
    assert list(found["source_id"]) == ["nato"]
    assert motives.said_first("other", participation, conflicts, versions.iloc[0:0])["source_id"].tolist() == ["elsewhere"]
    assert motives.said_first("madrid_summit_2022", participation.iloc[:1], conflicts, versions.iloc[1:]).empty
