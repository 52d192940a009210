"""Comparing administrations: terms as counted, milestones attributed by date, rates, the focus matrix and its evidence."""
from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from conftest import ROOT
from helpers.analysis import compare
from helpers.evidence.data import AMBIGUOUS, NO_PRESIDENT, ParameterError, administration_on, load_all, resolve_administrations

MOON, YOON = "Moon Jae-in", "Yoon Suk-yeol"


@pytest.fixture(scope="module")
def ev():
    return load_all("2025-01-31", data_dir=ROOT / "data")


@pytest.fixture(scope="module")
def ms(ev):
    return compare.milestones(ev.events, ev.sources, ev.administrations, ev.as_of)


def _raw(name: str) -> pd.DataFrame:
    return pd.read_csv(ROOT / "data" / f"{name}.csv", dtype=str, keep_default_na=False)


# -- the parameter -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("value, expected", [
    (["Moon Jae-in", "Yoon"], ["Moon Jae-in", "Yoon"]),
    ('["Lee Myung-bak", "Park Geun-hye"]', ["Lee Myung-bak", "Park Geun-hye"]),   # papermill -p passes a string
    ("[Lee Myung-bak, Park]", ["Lee Myung-bak", "Park"]),                          # YAML flow list
    ("Moon, Yoon , Park", ["Moon", "Yoon", "Park"]),
    ("Moon", ["Moon"]),
])
def test_parameter_accepts_lists_and_list_strings(value, expected):
    assert compare.parse_names(value) == expected


def test_full_and_short_names_resolve_for_every_administration_in_the_table(ev):
    admins = ev.administrations
    for row in admins.itertuples():
        other = admins[admins["administration"] != row.administration].iloc[0]["administration"]
        assert resolve_administrations(compare.parse_names(f"{row.short_name}, {other}"), admins)[0] == row.administration
        assert resolve_administrations([row.administration.upper(), other], admins)[0] == row.administration


@pytest.mark.parametrize("bad", ['["Moon", "Trump"]', "Moon", "Moon, Moon Jae-in", "Lee Jae-myung, Moon"])
def test_unknown_or_too_few_administrations_are_rejected_with_a_clear_message(ev, bad):
    with pytest.raises(ParameterError) as error:
        resolve_administrations(compare.parse_names(bad), ev.administrations)
    message = str(error.value)
    assert message.startswith("administrations:")
    if "unknown" in message:  # the valid names are listed (Lee Jae-myung took office after the default cut-off)
        for name in ev.administrations["administration"]:
            assert name in message
        assert "Lee Jae-myung" not in message.split("valid names")[1]


# -- terms ---------------------------------------------------------------------------------------------------

def test_terms_are_counted_to_their_end_or_to_the_cut_off(ev):
    terms = compare.term_table(ev.administrations, [MOON, YOON], ev.as_of).set_index("administration")
    moon, yoon = terms.loc[MOON], terms.loc[YOON]
    raw = _raw("administrations").set_index("administration")
    assert moon["start_date"] == date.fromisoformat(raw.loc[MOON, "start_date"])
    assert moon["counted_end"] == date.fromisoformat(raw.loc[MOON, "end_date"]) and not moon["open"]
    assert moon["years"] == pytest.approx(5.0, abs=0.01)
    # Yoon's term ends after the default cut-off: open, counted to as_of, powers suspended before it
    assert yoon["open"] and yoon["end_date"] is None and yoon["counted_end"] == ev.as_of
    assert yoon["years"] == pytest.approx(((ev.as_of - yoon["start_date"]).days + 1) / 365.25)
    assert yoon["powers_suspended"] == date.fromisoformat(raw.loc[YOON, "powers_suspended_date"])


def test_a_suspension_after_the_cut_off_is_not_known():
    early = load_all("2024-06-30", data_dir=ROOT / "data")
    yoon = compare.term_table(early.administrations, [YOON], early.as_of).iloc[0]
    assert yoon["powers_suspended"] is None and yoon["counted_end"] == date(2024, 6, 30)


def test_possible_administrations_cover_terms_and_gaps(ev):
    admins = ev.administrations
    assert compare.possible_administrations(date(2019, 1, 1), date(2019, 12, 31), admins) == [MOON]
    assert compare.possible_administrations(date(2022, 5, 1), date(2022, 5, 31), admins) == [MOON, YOON]
    # 2017: Park until her removal on 10 March, an acting president, then Moon from 10 May
    assert set(compare.possible_administrations(date(2017, 1, 1), date(2017, 12, 31), admins)) == \
        {"Park Geun-hye", NO_PRESIDENT, MOON}


# -- milestones ----------------------------------------------------------------------------------------------

def test_forecasts_are_not_milestones(ev):
    flagged = set(ev.events[compare.forecasts(ev.events, ev.sources)]["event_id"])
    assert "cyber_exercises_planned_2023_pism" in flagged            # dated after its source was published
    assert "partnership_document_expected_2022_pism" in flagged      # titled as an expectation
    assert {"locked_shields_2021", "itpp_vilnius_2023_07", "ccdcoe_application_2019"}.isdisjoint(flagged)


def test_each_event_counts_once_and_context_is_left_out(ev, ms):
    versions = [v for vs in ms["versions"] for v in vs]
    assert len(versions) == len(set(versions))                       # no event in two milestones
    assert not set(ms["category"]) & set(compare.CONTEXT)
    raw = _raw("events").set_index("event_id")
    for m in ms.itertuples():
        assert len({raw.loc[v, "version_of"] or v for v in m.versions}) == 1   # versions of one event only


def test_certain_milestones_fall_inside_the_term_they_are_credited_to(ev, ms):
    certain = ms[ms["status"] == compare.CERTAIN]
    for m in certain.itertuples():
        assert administration_on(m.start, ev.administrations) == m.administration
        assert administration_on(m.end, ev.administrations) == m.administration
        assert set(m.version_administrations) == {m.administration}
    uncertain = ms[ms["status"] == compare.UNCERTAIN]
    assert (uncertain["administration"] == AMBIGUOUS).all()
    assert all(len(c) >= 2 for c in uncertain["candidates"])         # never silently assigned


def test_the_ccdcoe_dating_trap(ms):
    by_id = ms.set_index("event_id")
    membership = by_id.loc["ccdcoe_membership_2022_05_05"]
    # 5 May 2022 falls under Moon, but SWP places the accession in Yoon's term: uncertain between the two
    assert membership["status"] == compare.UNCERTAIN and membership["reason"] == compare.VERSIONS_DIFFER
    assert membership["candidates"] == [MOON, YOON]
    assert set(membership["versions"]) == {"ccdcoe_membership_2022_05_05", "ccdcoe_membership_yoon_term_swp"}
    application = by_id.loc["ccdcoe_application_2019"]
    assert application["status"] == compare.CERTAIN and application["administration"] == MOON


def test_an_earlier_expectation_does_not_move_a_step_to_another_term(ms):
    locked = ms.set_index("event_id").loc["locked_shields_2021"]
    assert locked["status"] == compare.CERTAIN and locked["administration"] == MOON
    assert locked["versions"] == ["locked_shields_2021"]


def test_a_year_that_spans_a_change_of_government_is_uncertain(ms):
    revision = ms.set_index("event_id").loc["ipcp_revision_2017_swp"]
    assert revision["status"] == compare.UNCERTAIN and revision["reason"] == compare.STRADDLES
    assert MOON in revision["candidates"] and "Park Geun-hye" in revision["candidates"]


def test_nothing_after_the_cut_off_is_counted():
    early = load_all("2023-06-30", data_dir=ROOT / "data")
    ms = compare.milestones(early.events, early.sources, early.administrations, early.as_of)
    assert (ms["end"] <= early.as_of).all()
    assert "airworthiness_agreement_2024_07" not in set(ms["event_id"])
    # a step dated only to a year is not counted before the year is over
    mid = load_all("2024-06-30", data_dir=ROOT / "data")
    ms_mid = compare.milestones(mid.events, mid.sources, mid.administrations, mid.as_of)
    assert "yoon_third_summit_2024" not in set(ms_mid["event_id"])


def test_attribution_follows_the_dates_in_the_table_for_any_administration(ev):
    """A new administration in the data needs no code change: split Yoon's term in two and the milestones follow."""
    admins = ev.administrations.copy()
    i = admins.index[admins["administration"] == YOON][0]
    admins.loc[i, "end_date"] = date(2023, 6, 30)
    extra = admins.loc[[i]].assign(administration="Test President", short_name="Test", start_date=date(2023, 7, 1),
                                   end_date=None, powers_suspended_date=None)
    admins = pd.concat([admins, extra], ignore_index=True)
    ms = compare.milestones(ev.events, ev.sources, admins, ev.as_of)
    by_id = ms.set_index("event_id")
    assert by_id.loc["military_staff_talks_2023_02", "administration"] == YOON
    assert by_id.loc["airworthiness_agreement_2024_07", "administration"] == "Test President"
    assert by_id.loc["itpp_vilnius_2023_07", "administration"] == "Test President"
    assert by_id.loc["yoon_second_summit_2023", "status"] == compare.UNCERTAIN   # "2023" spans the new change
    terms = compare.term_table(admins, [YOON, "Test President"], ev.as_of)
    rates = compare.rates_by_administration(ms, terms)
    assert rates["certain"].sum() == len(ms[(ms["status"] == compare.CERTAIN)
                                            & ms["administration"].isin([YOON, "Test President"])])


# -- rates and counts ----------------------------------------------------------------------------------------

def test_rates_totals_and_breakdowns_agree(ev, ms):
    names = [MOON, YOON]
    terms = compare.term_table(ev.administrations, names, ev.as_of)
    rates = compare.rates_by_administration(ms, terms).set_index("administration")
    for name in names:
        certain = compare.certain_for(ms, name)
        assert rates.loc[name, "certain"] == len(certain)
        years = terms.set_index("administration").loc[name, "years"]
        assert rates.loc[name, "rate"] == pytest.approx(len(certain) / years)
        assert rates.loc[name, "rate_upper"] >= rates.loc[name, "rate"]
    cats = compare.by_category(ms, terms)
    assert cats.groupby("administration")["count"].sum().to_dict() == rates["certain"].to_dict()
    per_year = compare.by_year(ms, names)
    assert per_year[names].to_numpy().sum() == rates["certain"].sum()
    assert per_year[compare.UNCERTAIN].sum() == len(compare.uncertain_for(ms, names))
    assert rates.loc[YOON, "rate_to_suspension"] is not None and pd.isna(rates.loc[MOON, "rate_to_suspension"])


def test_pace_is_similar_when_the_uncertain_milestones_could_close_the_gap():
    clear = pd.DataFrame({"rate": [6.6, 1.6], "rate_upper": [7.0, 2.0]})
    assert compare.pace(clear) == "far more intense"
    close = pd.DataFrame({"rate": [1.0, 0.8], "rate_upper": [1.5, 1.6]})
    assert compare.pace(close) == "similar"
    modest = pd.DataFrame({"rate": [1.5, 1.2], "rate_upper": [1.5, 1.2]})
    assert compare.pace(modest) == "more intense"


def test_evidence_coverage_of_a_term_after_the_last_source():
    late = load_all("2025-12-31", data_dir=ROOT / "data")
    terms = compare.term_table(late.administrations, [YOON, "Lee Jae-myung"], late.as_of)
    until = compare.evidence_end(late.sources, late.as_of)
    assert until == date(2025, 1, 31)                                   # SWP (2025), the latest core source
    covered = compare.covered_years(terms, until)
    assert covered["Lee Jae-myung"] == 0 and covered[YOON] > compare.MIN_YEARS


# -- focus areas ---------------------------------------------------------------------------------------------

def test_focus_matrix_shows_the_strongest_emphasis_coded(ev):
    rows = compare.focus_rows(ev.cooperation_areas, ev.sources, [MOON, YOON], ev.as_of)
    grid = compare.focus_matrix(rows, [MOON, YOON])
    raw = _raw("cooperation_areas")
    raw = raw[(raw["actor_type"] == "administration") & raw["actor"].isin([MOON, YOON])]
    assert set(grid.index) == set(raw["area"]) and list(grid.columns) == [MOON, YOON]
    for (area, actor), group in raw.groupby(["area", "actor"]):
        expected = "priority" if "priority" in set(group["emphasis"]) else "present"
        assert grid.loc[area, actor] == expected
    assert (grid != "").sum().sum() == raw.groupby(["area", "actor"]).ngroups
    assert set(compare.shared_areas(grid, "priority")) == {"cyber defence", "defence industry"}
    assert set(compare.shared_areas(grid)) >= {"cyber defence", "defence industry", "interoperability"}
    assert compare.only_areas(grid, YOON) == ["military-to-military talks"]
    assert set(compare.only_areas(grid, MOON)) == {"CBRN defence", "science and technology"}
    assert compare.shared_areas(grid)[:2] == compare.shared_areas(grid, "priority")  # shared priorities first


def test_focus_rows_wait_for_their_source_to_be_published():
    early = load_all("2024-12-31", data_dir=ROOT / "data")
    rows = compare.focus_rows(early.cooperation_areas, early.sources, [MOON, YOON], early.as_of)
    assert "swp2025" not in set(rows["source_id"]) and len(rows)


def test_evidence_table_backs_every_cell_once_per_quotation(ev):
    rows = compare.focus_rows(ev.cooperation_areas, ev.sources, [MOON, YOON], ev.as_of)
    table = compare.evidence_table(rows, [MOON, YOON])
    assert len(table) == rows.groupby(["actor", "source_id", "quote"]).ngroups
    cells = {(actor, area, emphasis) for actor, areas in zip(table["administration"], table["areas"])
             for area, emphasis in areas}
    assert cells == set(zip(rows["actor"], rows["area"], rows["emphasis"]))
    assert list(dict.fromkeys(table["administration"])) == [MOON, YOON]


# -- disputes, handovers, names ------------------------------------------------------------------------------

def test_disputes_are_linked_to_the_events_they_concern(ev):
    links = compare.conflict_links(ev.conflicts, ev.conflict_versions, ev.events, section="administrations")
    pairs = set(zip(links["conflict_id"], links["event_id"]))
    assert ("ccdcoe_membership_timing", "ccdcoe_membership_2022_05_05") in pairs
    assert ("ccdcoe_membership_timing", "ccdcoe_application_2019") in pairs
    assert ("cyber_exercises_start", "locked_shields_2021") in pairs
    assert ("cyber_exercises_start", "misp_2021") not in pairs        # only mentions the exercise in passing
    assert set(links["conflict_id"]) <= set(ev.conflicts[ev.conflicts["section"] == "administrations"]["conflict_id"])
    assert compare.term_conflicts(ev.conflicts, ev.administrations, YOON, "administrations") == ["yoon_administration_end"]
    assert compare.term_conflicts(ev.conflicts, ev.administrations, MOON, "administrations") == []


def test_handover_of_the_partnership_programme(ev):
    handovers = compare.handovers(ev.frameworks, ev.administrations, ev.as_of)
    ipcp = handovers.set_index("from_id").loc["ipcp"]
    assert ipcp["to_id"] == "itpp" and ipcp["from_admin"] == "Lee Myung-bak" and ipcp["to_admin"] == YOON


def test_frameworks_begun_and_in_force(ev):
    begun = compare.frameworks_begun(ev.frameworks, ev.administrations, YOON, ev.as_of)
    assert list(begun["framework_id"]) == ["mission_to_nato", "military_staff_talks", "itpp", "airworthiness_agreement"]
    live = set(compare.in_force(ev.frameworks, ev.as_of)["framework_id"])
    assert "itpp" in live and "ipcp" not in live and "contact_country" not in live


def test_names_are_matched_as_whole_words(ev):
    moon = ev.administrations.set_index("administration", drop=False).loc[MOON]
    assert compare.mentions("a shared objective of both the Moon and Yoon administration", moon)
    assert not compare.mentions("Moonlight diplomacy", moon)
    assert compare.slug("Lee M.") == "lee_m"


# -- choosing the administrations at an earlier cut-off ------------------------------------------------------

def test_a_term_that_began_after_the_cut_off_is_left_out_and_said_so():
    everyone = load_all(date.max, data_dir=ROOT / "data").administrations
    early = load_all("2019-12-31", data_dir=ROOT / "data")
    names, later, added = compare.choose_administrations([MOON, YOON], early.administrations, everyone)
    assert later == [YOON] and added == ["Park Geun-hye"] and names == ["Park Geun-hye", MOON]
    # at the default cut-off nothing changes, and the order is the order of taking office
    ev = load_all("2025-01-31", data_dir=ROOT / "data")
    assert compare.choose_administrations("Yoon, Moon", ev.administrations, everyone) == ([MOON, YOON], [], [])


def test_choosing_still_rejects_names_not_in_the_table():
    everyone = load_all(date.max, data_dir=ROOT / "data").administrations
    ev = load_all("2025-01-31", data_dir=ROOT / "data")
    with pytest.raises(ParameterError) as error:
        compare.choose_administrations(["Moon", "Kim Dae-jung"], ev.administrations, everyone)
    assert "Kim Dae-jung" in str(error.value)
    for name in everyone["administration"]:
        assert name in str(error.value)
    with pytest.raises(ParameterError):
        compare.choose_administrations(["Roh", "Lee M."], load_all("2004-01-01", data_dir=ROOT / "data").administrations,
                                       everyone)
