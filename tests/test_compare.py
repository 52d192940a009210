"""Comparing administrations (helpers.analysis.compare): terms as counted, steps credited by date, rates, the
judgements built on them, the focus matrix, labels and firsts.

The rules are tested on small frames built here; the shipped data are only checked for properties that any correct
update of data/ keeps (a new row or a later cut-off never requires editing this file)."""
from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from conftest import ROOT
from helpers.analysis import compare
from helpers.evidence.data import AMBIGUOUS, NO_PRESIDENT, ParameterError, administration_on, load_all
from helpers.evidence.dates import parse_partial_date
from helpers.writing import judgements


# -- fixtures built here ---------------------------------------------------------------------------------------

def _admins(rows) -> pd.DataFrame:
    """An administrations table: (name, short, camp, start, end or None, suspended or None, end_basis, doctrine, quote)."""
    records = []
    for name, short, camp, start, end, suspended, basis, doctrine, quote in rows:
        records.append({"administration": name, "short_name": short, "camp": camp,
                        "start_date": date.fromisoformat(start), "end_date": date.fromisoformat(end) if end else None,
                        "powers_suspended_date": date.fromisoformat(suspended) if suspended else None,
                        "end_basis": basis, "doctrine": doctrine, "source_id": "s_old", "quote": quote,
                        "dates_source_id": "s_old"})
    return pd.DataFrame(records)


ADMINS = _admins([
    ("Alpha One", "Alpha", "liberal", "2010-01-01", "2014-12-31", None, "end of term", "Open Door", "the “Open Door” line"),
    ("Beta Two", "Beta", "conservative", "2015-01-01", "2019-12-31", "2019-06-01", "removed from office by a court",
     "Strategy for a Free Peaceful Region", "a Strategy for a Free, Peaceful Region"),
    ("Gamma Three", "Gamma T.", "liberal", "2020-02-10", None, None, "incumbent", "", ""),
])


def _sources(rows) -> pd.DataFrame:
    out = []
    for source_id, published in rows:
        interval = parse_partial_date(published)
        out.append({"source_id": source_id, "date": published, "end": interval.end, "start": interval.start})
    return pd.DataFrame(out)


SOURCES = _sources([("s_old", "2012"), ("s_new", "2021-06"), ("s_late", "2024-03-01")])


def _events(rows) -> pd.DataFrame:
    """(event_id, date, title, category, source_id, quote, version_of)."""
    out = []
    for event_id, when, title, category, source, quote, version_of in rows:
        interval = parse_partial_date(when)
        out.append({"event_id": event_id, "date": when, "date_precision": interval.precision, "title": title,
                    "description": title, "category": category, "source_id": source, "quote": quote,
                    "version_of": version_of, "start": interval.start, "end": interval.end,
                    "year": interval.start.year})
    return pd.DataFrame(out)


EVENTS = _events([
    ("a1", "2011-03", "Talks", "political dialogue", "s_old", "talks held", ""),
    ("a2", "2012", "Programme signed", "partnership framework", "s_old", "a programme", ""),
    ("a3", "2012-05-04", "Programme noted", "partnership framework", "s_new", "noted", "a2"),  # a version of a2
    ("b1", "2016-02", "Exercise", "military cooperation", "s_new", "for the first time, an exercise", ""),
    ("b2", "2019-08-01", "Late talks", "political dialogue", "s_new", "talks", ""),          # after the suspension
    ("ab", "2015", "Straddling year", "political dialogue", "s_new", "in 2015", ""),          # in Beta's first year
    ("x1", "2015-01", "Setting", "NATO policy", "s_new", "context", ""),                      # context: not a step
    ("g1", "2021-03", "Contract", "defence industry", "s_late", "a contract", ""),           # source published 2024
    ("g2", "2020-02", "Gap month", "political dialogue", "s_new", "in February 2020", ""),   # spans the gap and Gamma
])


# -- the parameter ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("value, expected", [
    (["Moon Jae-in", "Yoon"], ["Moon Jae-in", "Yoon"]),
    ('["Lee Myung-bak", "Park Geun-hye"]', ["Lee Myung-bak", "Park Geun-hye"]),   # papermill -p passes a string
    ("[Lee Myung-bak, Park]", ["Lee Myung-bak", "Park"]),                          # YAML flow list
    ("Moon, Yoon , Park", ["Moon", "Yoon", "Park"]),
    ("Moon", ["Moon"]),
])
def test_parameter_accepts_lists_and_list_strings(value, expected):
    assert compare.parse_names(value) == expected


def test_choosing_orders_by_term_and_accepts_short_names():
    assert compare.choose_administrations("Gamma T., alpha", ADMINS, ADMINS) == (["Alpha One", "Gamma Three"], [], [])


def test_a_term_after_the_cut_off_is_left_out_and_the_closest_earlier_one_added():
    early = ADMINS[ADMINS["start_date"] <= date(2016, 1, 1)]
    names, later, added = compare.choose_administrations(["Beta", "Gamma Three"], early, ADMINS)
    assert later == ["Gamma Three"] and added == ["Alpha One"] and names == ["Alpha One", "Beta Two"]


def test_unknown_names_are_rejected_with_the_valid_ones():
    with pytest.raises(ParameterError) as error:
        compare.choose_administrations(["Alpha", "Delta"], ADMINS, ADMINS)
    assert "Delta" in str(error.value) and all(n in str(error.value) for n in ADMINS["administration"])
    with pytest.raises(ParameterError):
        compare.choose_administrations(["Alpha", "Beta"], ADMINS[ADMINS["start_date"] <= date(2009, 1, 1)], ADMINS)


# -- terms and steps --------------------------------------------------------------------------------------------

def test_terms_are_counted_to_their_end_or_the_cut_off_with_the_suspension_kept():
    terms = compare.term_table(ADMINS, ["Beta Two", "Gamma Three"], date(2022, 1, 31)).set_index("administration")
    beta, gamma = terms.loc["Beta Two"], terms.loc["Gamma Three"]
    assert beta["counted_end"] == date(2019, 12, 31) and not beta["open"]
    assert beta["powers_suspended"] == date(2019, 6, 1)
    assert beta["years_to_suspension"] < beta["years"]
    assert gamma["open"] and gamma["counted_end"] == date(2022, 1, 31)


def test_steps_count_once_by_date_and_leave_out_context_forecasts_and_later_sources():
    ms = compare.milestones(EVENTS, SOURCES, ADMINS, date(2022, 1, 31)).set_index("event_id")
    assert "x1" not in ms.index                                  # the setting is not a step
    assert "a3" not in ms.index and set(ms.loc["a2", "versions"]) == {"a2", "a3"}   # one step, two versions
    assert "g1" not in ms.index                                  # its source was published after the cut-off
    assert ms.loc["a1", "administration"] == "Alpha One" and ms.loc["a1", "status"] == compare.CERTAIN
    assert ms.loc["ab", "status"] == compare.CERTAIN             # 2015 lies wholly in Beta's term
    assert ms.loc["g2", "status"] == compare.UNCERTAIN           # February 2020: a gap, then Gamma
    assert ms.loc["g2", "candidates"] == [NO_PRESIDENT, "Gamma Three"]
    later = compare.milestones(EVENTS, SOURCES, ADMINS, date(2024, 6, 30)).set_index("event_id")
    assert later.loc["g1", "administration"] == "Gamma Three"    # once its source is out, it counts


def test_a_version_in_another_term_makes_a_step_uncertain():
    events = pd.concat([EVENTS, _events([("a4", "2015-03", "Programme (late version)", "partnership framework",
                                          "s_new", "in 2015", "a2")])], ignore_index=True)
    ms = compare.milestones(events, SOURCES, ADMINS, date(2022, 1, 31)).set_index("event_id")
    assert ms.loc["a2", "status"] == compare.UNCERTAIN and ms.loc["a2", "reason"] == compare.VERSIONS_DIFFER
    assert ms.loc["a2", "candidates"] == ["Alpha One", "Beta Two"]


def test_rates_and_the_rate_to_the_suspension_go_the_right_way():
    terms = compare.term_table(ADMINS, ["Alpha One", "Beta Two"], date(2022, 1, 31))
    ms = compare.milestones(EVENTS, SOURCES, ADMINS, date(2022, 1, 31))
    rates = compare.rates_by_administration(ms, terms).set_index("administration")
    beta = rates.loc["Beta Two"]
    assert beta["certain"] == 3 and beta["certain_to_suspension"] == 2     # b2 came after the suspension
    assert beta["rate_to_suspension"] == pytest.approx(2 / terms.set_index("administration").loc["Beta Two",
                                                                                                "years_to_suspension"])
    assert pd.isna(rates.loc["Alpha One", "rate_to_suspension"])
    # with every step before the suspension, counting to it shortens the term and so raises the rate
    early = ms[ms["event_id"] != "b2"]
    beta_early = compare.rates_by_administration(early, terms).set_index("administration").loc["Beta Two"]
    assert beta_early["rate_to_suspension"] > beta_early["rate"]


def test_credited_names_a_step_only_when_it_is_certain_and_among_those_compared():
    ms = compare.milestones(EVENTS, SOURCES, ADMINS, date(2022, 1, 31))
    assert compare.credited(ms, "a3", ["Alpha One"])["event_id"] == "a2"  # asked by a version's id
    assert compare.credited(ms, "a1", ["Beta Two"]) is None
    assert compare.credited(ms, "g2", ["Gamma Three"]) is None            # uncertain
    assert compare.credited(ms, "nowhere", ["Alpha One"]) is None


def test_evidence_ends_with_the_latest_source_published_by_the_cut_off():
    assert compare.evidence_end(SOURCES, date(2022, 1, 31)) == date(2021, 6, 30)
    assert compare.evidence_end(SOURCES, date(2021, 6, 15)) == date(2012, 12, 31)
    assert compare.evidence_end(SOURCES, date(2030, 1, 1)) == date(2024, 3, 1)


# -- judgements ------------------------------------------------------------------------------------------------

def _rates(values: dict, upper: dict | None = None) -> pd.DataFrame:
    return pd.DataFrame({"administration": list(values), "rate": list(values.values()),
                         "rate_upper": [(upper or values)[n] for n in values]})


def test_pace_leader_needs_a_real_margin_and_says_ties_as_ties():
    covered = pd.Series({"A": 5.0, "B": 5.0, "C": 5.0})
    clear = compare.compare_pace(_rates({"A": 2.0, "B": 8.6}), covered)
    assert clear.leader == "B" and clear.runner_up == "A" and clear.word == "far more" and clear.holds
    tie = compare.compare_pace(_rates({"A": 0.25, "B": 0.2}), covered)     # issue 16: not a lead
    assert tie.leader is None and tie.tie and tie.word == "similar" and set(tie.tied) == {"A", "B"}
    three = compare.compare_pace(_rates({"A": 1.0, "B": 4.0, "C": 1.2}), covered)
    assert three.leader == "B" and three.runner_up == "C" and set(three.others) == {"A", "C"}


def test_pace_is_not_robust_when_the_uncertain_steps_could_close_the_gap():
    covered = pd.Series({"A": 5.0, "B": 5.0})
    shaky = compare.compare_pace(_rates({"A": 1.0, "B": 2.0}, {"A": 1.9, "B": 2.0}), covered)
    assert shaky.leader == "B" and not shaky.holds


def test_a_term_with_too_little_evidence_is_not_rated():
    pace = compare.compare_pace(_rates({"A": 2.0, "B": 9.0}), pd.Series({"A": 5.0, "B": 0.9}))
    assert pace.rated == ("A",) and pace.unrated == ("B",) and not pace.comparable and pace.word is None
    assert not judgements.enough_years(0.99) and judgements.enough_years(1.0)


def test_mix_and_category_leads_use_the_lead_rule():
    cats = pd.DataFrame([
        {"category": "cyber", "administration": "A", "count": 4, "per_year": 0.8},
        {"category": "cyber", "administration": "B", "count": 1, "per_year": 0.3},
        {"category": "industry", "administration": "A", "count": 0, "per_year": 0.0},
        {"category": "industry", "administration": "B", "count": 10, "per_year": 3.4},
        {"category": "talks", "administration": "A", "count": 1, "per_year": 0.25},
        {"category": "talks", "administration": "B", "count": 1, "per_year": 0.2},
    ])
    a = compare.mix(cats, "A")
    assert a.leader == "cyber" and a.count == 4 and a.total == 5 and a.share == "most"
    level = compare.mix(pd.DataFrame([{"category": c, "administration": "P", "count": 1, "per_year": 0.25}
                                      for c in ("x", "y", "z")]), "P")
    assert level.leader is None and set(level.tied) == {"x", "y", "z"} and level.share == "one"
    assert compare.mix(cats, "nobody") is None
    leads = {c.category: c.leader for c in compare.category_leads(cats, ["A", "B"])}
    assert leads == {"industry": "B", "cyber": "A", "talks": None}   # 0.25 against 0.2 a year is a tie


# -- focus areas -----------------------------------------------------------------------------------------------

def _coop(rows):
    return pd.DataFrame([{"area": a, "actor_type": "administration", "actor": actor, "emphasis": e,
                          "source_id": s, "quote": q} for a, actor, e, s, q in rows])


COOP = _coop([
    ("cyber defence", "Alpha One", "priority", "s_old", "q1"),
    ("cyber defence", "Beta Two", "present", "s_new", "q2"),
    ("cyber defence", "Beta Two", "priority", "s_new", "q3"),
    ("defence industry", "Beta Two", "present", "s_new", "q2"),
    ("non-proliferation", "Alpha One", "present", "s_late", "q4"),   # its source is published only in 2024
])


def test_focus_matrix_keeps_the_strongest_emphasis_and_waits_for_publication():
    rows = compare.focus_rows(COOP, SOURCES, ["Alpha One", "Beta Two"], date(2022, 1, 31))
    grid = compare.focus_matrix(rows, ["Alpha One", "Beta Two"])
    assert grid.loc["cyber defence", "Beta Two"] == "priority" and "non-proliferation" not in grid.index
    assert compare.shared_areas(grid) == ["cyber defence"] == compare.shared_areas(grid, "priority")
    assert compare.only_areas(grid, "Beta Two") == ["defence industry"]
    table = compare.evidence_table(rows, ["Alpha One", "Beta Two"])
    assert len(table) == rows.groupby(["actor", "source_id", "quote"]).ngroups
    assert judgements.breadth(len(compare.shared_areas(grid)), len(grid)) == "broad"


# -- names, labels, firsts, instruments ------------------------------------------------------------------------

def test_display_names_and_labels():
    admins = ADMINS.set_index("administration", drop=False)
    assert compare.display_name(admins.loc["Alpha One"]) == "Alpha"
    assert compare.display_name(admins.loc["Gamma Three"]) == "Gamma Three"     # 'Gamma T.' is a chart label
    assert compare.label_phrase(admins.loc["Alpha One"]) == "Open Door"         # as the quote spells it
    assert compare.label_phrase(admins.loc["Beta Two"]) is None                  # the quote has commas the data lack
    assert compare.label_phrase(admins.loc["Gamma Three"]) is None
    row = {"doctrine": "Peace-first approach", "quote": "cooperation under a Peace-First approach"}
    assert compare.label_phrase(row) == "Peace-First approach"                   # the source's capitals, not the data's
    assert compare.removed(admins.loc["Beta Two"]) and not compare.removed(admins.loc["Alpha One"])


@pytest.mark.parametrize("quote, first", [
    ("For the first time, in December 2020, the Republic of Korea participated", True),
    ("marking NATO’s first such deal with an Asian country", True),
    ("at his first NATO summit in June 2022, President Yoon said", False),   # his own first, not the relationship's
    ("talks held in Seoul", False),
])
def test_firsts_are_what_the_sources_call_firsts(quote, first):
    assert compare.first_in_relationship(quote) is first


def test_firsts_of_a_government():
    ms = compare.milestones(EVENTS, SOURCES, ADMINS, date(2022, 1, 31))
    assert list(compare.firsts(ms, "Beta Two")["event_id"]) == ["b1"]


def _frameworks(rows):
    out = []
    for fid, start, end_date, superseded in rows:
        interval = parse_partial_date(start)
        out.append({"framework_id": fid, "name": fid, "short_name": fid.upper(), "kind": "programme",
                    "start_date": start, "date_precision": interval.precision, "end_date": end_date,
                    "superseded_by": superseded, "source_id": "s_old", "start": interval.start,
                    "end": interval.end})
    return pd.DataFrame(out)


def test_instruments_begun_inherited_and_handed_over():
    frameworks = _frameworks([("p1", "2011", "2016-03", "p2"), ("p2", "2016-03", "", ""), ("m1", "2013-06-02", "", ""),
                              ("c1", "2014-12", "", "")])
    begun = compare.frameworks_begun(frameworks, ADMINS, "Alpha One", date(2022, 1, 31))
    assert list(begun["framework_id"]) == ["p1", "m1", "c1"]
    assert set(compare.inherited(frameworks, date(2015, 1, 1))["framework_id"]) == {"p1", "m1", "c1"}
    assert set(compare.inherited(frameworks, date(2020, 2, 10))["framework_id"]) == {"m1", "c1", "p2"}   # p1 ended
    handover = compare.handovers(frameworks, ADMINS, date(2022, 1, 31)).iloc[0]
    assert (handover["from_id"], handover["to_id"], handover["from_admin"], handover["to_admin"]) == \
        ("p1", "p2", "Alpha One", "Beta Two")


def test_names_are_matched_as_whole_words():
    moon = {"administration": "Moon Jae-in", "short_name": "Moon"}
    assert compare.mentions("a shared objective of both the Moon and Yoon administration", moon)
    assert not compare.mentions("Moonlight diplomacy", moon)
    assert compare.slug("Lee M.") == "lee_m"


# -- properties of the shipped data (true for any correct update) ----------------------------------------------

@pytest.fixture(scope="module")
def shipped():
    ev = load_all("2026-06-30", data_dir=ROOT / "data")
    return ev, compare.milestones(ev.events, ev.sources, ev.administrations, ev.as_of)


def test_shipped_steps_are_credited_only_inside_their_terms(shipped):
    ev, ms = shipped
    for m in ms[ms["status"] == compare.CERTAIN].itertuples():
        assert administration_on(m.start, ev.administrations) == m.administration
        assert administration_on(m.end, ev.administrations) == m.administration
    uncertain = ms[ms["status"] == compare.UNCERTAIN]
    assert (uncertain["administration"] == AMBIGUOUS).all()
    assert all(len(c) >= 2 for c in uncertain["candidates"])
    versions = [v for vs in ms["versions"] for v in vs]
    assert len(versions) == len(set(versions))
    assert not set(ms["category"]) & set(compare.CONTEXT)


@pytest.mark.parametrize("cut_off", ["2017-05-10", "2022-05-10", "2025-01-31"])
def test_shipped_steps_at_an_earlier_cut_off_were_known_then(cut_off):
    ev = load_all(cut_off, data_dir=ROOT / "data")
    ms = compare.milestones(ev.events, ev.sources, ev.administrations, ev.as_of)
    published = set(ev.sources.loc[ev.sources["end"] <= ev.as_of, "source_id"])
    assert (ms["end"] <= ev.as_of).all()
    assert set(ms["source_id"]) <= published


def test_shipped_rates_agree_with_their_breakdowns(shipped):
    ev, ms = shipped
    names = list(ev.administrations["administration"])
    terms = compare.term_table(ev.administrations, names, ev.as_of)
    rates = compare.rates_by_administration(ms, terms).set_index("administration")
    cats = compare.by_category(ms, terms)
    assert cats.groupby("administration")["count"].sum().reindex(names, fill_value=0).to_dict() == \
        rates["certain"].to_dict()
    per_year = compare.by_year(ms, names)
    assert per_year[names].to_numpy().sum() == rates["certain"].sum()
    for name in names:
        assert rates.loc[name, "rate_upper"] >= rates.loc[name, "rate"]


def test_a_government_drawn_but_not_compared_adds_its_certain_steps_and_no_uncertain_ones():
    ev = load_all("2026-06-30", data_dir=ROOT / "data")
    ms = compare.milestones(ev.events, ev.sources, ev.administrations, ev.as_of)
    names = list(ev.administrations["administration"])[-3:-1]  # two governments compared, the latest drawn beside them
    latest = list(ev.administrations["administration"])[-1]
    compared, drawn = compare.by_year(ms, names), compare.by_year_also(ms, names, [latest])
    assert list(drawn.columns) == [*names, latest, compare.UNCERTAIN]
    assert drawn[latest].sum() == len(compare.certain_for(ms, latest))
    # The compared governments' bars and the uncertain steps are exactly those of by_year.
    assert drawn.loc[compared.index, [*names, compare.UNCERTAIN]].equals(compared.astype(int))
    assert list(drawn.index) == list(range(min(drawn.index), max(drawn.index) + 1))


def test_a_count_from_some_sources_keeps_the_steps_any_version_of_which_they_record():
    ms = compare.milestones(EVENTS, SOURCES, ADMINS, date(2022, 1, 31))
    old = compare.recorded_by(ms, EVENTS, {"s_old"})
    # a2 is recorded by s_old and has a version from s_new: one step, kept once
    assert set(old["event_id"]) == {"a1", "a2"}
    assert set(compare.recorded_by(ms, EVENTS, {"s_new"})["event_id"]) >= {"a2", "b1"}
    assert compare.recorded_by(ms, EVENTS, set()).empty
    events = EVENTS.assign(also_sources=["s_extra" if e == "b1" else "" for e in EVENTS["event_id"]])
    assert list(compare.recorded_by(ms, events, {"s_extra"})["event_id"]) == ["b1"]
