"""The priority score (exact on small frames, driven by the data, honouring as_of) and the audience framing."""
from __future__ import annotations

import csv
import shutil
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from helpers.analysis import scoring
from helpers.evidence.data import ParameterError, load_all, published_sources

AS_OF = date(2025, 1, 31)


def admins() -> pd.DataFrame:
    return pd.DataFrame({
        "administration": ["Lib One", "Con Two"],
        "short_name": ["One", "Two"],
        "camp": ["liberal", "conservative"],
        "start_date": [date(2017, 5, 10), date(2022, 5, 10)],
    })


def frameworks() -> pd.DataFrame:
    return pd.DataFrame({
        "framework_id": ["old_programme", "membership"],
        "short_name": ["Old", "Member"],
        "kind": ["programme", "membership"],
        "end_date": ["2023-07", ""],
    })


def coop(*extra) -> pd.DataFrame:
    rows = [
        # area, actor_type, actor, emphasis, source_id
        ("cyber defence", "administration", "Lib One", "priority", "s1"),
        ("cyber defence", "administration", "Con Two", "present", "s1"),
        ("cyber defence", "administration", "Con Two", "priority", "s2"),   # a second source: strongest emphasis counts once
        ("cyber defence", "framework", "old_programme", "priority", "s1"),
        ("cyber defence", "framework", "membership", "present", "s1"),
        ("energy security", "framework", "old_programme", "priority", "s1"),
        ("defence industry", "administration", "Con Two", "present", "s1"),
        *extra,
    ]
    return pd.DataFrame(rows, columns=["area", "actor_type", "actor", "emphasis", "source_id"]).assign(quote="q")


def events(*extra) -> pd.DataFrame:
    rows = [
        # event_id, category, title, description, start, form (an extra row without a form is a contract)
        ("cyber_exercise", "cyber and technology", "Joins cyber exercise", "A cyber defence exercise.", date(2021, 1, 1),
         "exercise"),
        ("tech_project", "cyber and technology", "Science project", "A Science for Peace and Security project.",
         date(2015, 1, 1), "project"),
        ("cyber_summit_talk", "summitry", "Summit on cyber", "Leaders talked about cyber.", date(2022, 6, 1), "meeting"),
        ("deal", "defence industry", "Arms deal", "Howitzers sold.", date(2022, 7, 1), "contract"),
        *[row if len(row) == 6 else (*row, "contract") for row in extra],
    ]
    frame = pd.DataFrame(rows, columns=["event_id", "category", "title", "description", "start", "form"])
    return frame.assign(year=[d.year for d in frame["start"]], source_id="s1")


def scores(coop_frame=None, event_frame=None, **kwargs) -> pd.DataFrame:
    return scoring.score_areas(coop() if coop_frame is None else coop_frame, admins(), frameworks(),
                               events() if event_frame is None else event_frame, AS_OF, **kwargs).set_index("area")


# -- the rule, exactly ----------------------------------------------------------------------------------

def test_score_components_follow_the_stated_rule():
    s, w = scores(), scoring.WEIGHTS
    cyber = s.loc["cyber defence"]
    # both governments singled it out (Con Two's strongest emphasis across sources is priority)
    assert cyber["administrations_points"] == 2 * w.admin_priority
    assert cyber["camps_points"] == 2 * w.camp
    # old_programme: priority, ended 2023-07 (not in force); membership: present and in force
    assert cyber["frameworks_points"] == w.framework_priority + w.framework_present + w.in_force
    # one practical milestone: the exercise; the summit talk is not a result, the science project is another area
    assert cyber["results"] == ["cyber_exercise"] and cyber["results_points"] == w.result
    assert cyber["total"] == 2 * 2 + 2 * 2 + (2 + 1 + 1) + 1 == 13
    assert s.loc["energy security", "total"] == w.framework_priority == 2
    assert s.loc["defence industry", "total"] == w.admin_present + w.camp + w.result == 4
    assert s.loc["cyber defence", "camps"] == ["conservative", "liberal"]
    assert s.loc["defence industry", "camps"] == ["conservative"]


def test_areas_are_sorted_by_total_and_ties_share_a_rank():
    s = scoring.score_areas(coop(), admins(), frameworks(), events(), AS_OF)
    assert list(s["area"]) == ["cyber defence", "defence industry", "energy security"]
    assert list(s["total"]) == [13, 4, 2] and list(s["rank"]) == [1, 2, 3]
    # the membership (in force) also lists energy security: 2 + 1 + 1 = 4, level with defence industry
    tie = scoring.score_areas(coop(("energy security", "framework", "membership", "present", "s1")),
                              admins(), frameworks(), events(), AS_OF)
    assert list(tie["total"]) == [13, 4, 4] and list(tie["rank"]) == [1, 2, 2]
    assert list(tie["area"]) == ["cyber defence", "defence industry", "energy security"]  # ties by name


def test_weights_are_the_rule():
    equal = scores(weights=scoring.Weights.equal()).loc["cyber defence"]
    assert equal["total"] == 2 + 2 + (1 + 1 + 1) + 1
    doubled = scores(weights=scoring.Weights(result=5)).loc["cyber defence"]
    assert doubled["results_points"] == 5 and doubled["total"] == 13 - 1 + 5


def test_adding_a_row_changes_the_score():
    before = scores().loc["defence industry", "total"]
    after = scores(coop(("defence industry", "administration", "Lib One", "priority", "s3"))).loc["defence industry"]
    assert after["total"] == before + scoring.WEIGHTS.admin_priority + scoring.WEIGHTS.camp
    more_results = scores(event_frame=events(("deal_2", "defence industry", "Second deal", "Tanks.", date(2023, 1, 1))))
    assert more_results.loc["defence industry", "total"] == before + scoring.WEIGHTS.result


def test_actors_not_yet_in_office_or_begun_do_not_count():
    # A government or framework missing from the (cut) tables contributes nothing.
    s = scoring.score_areas(coop(("maritime security", "administration", "Future Three", "priority", "s1"),
                                 ("cyber defence", "framework", "future_programme", "priority", "s1")),
                            admins(), frameworks(), events(), AS_OF).set_index("area")
    assert "maritime security" not in s.index
    assert s.loc["cyber defence", "total"] == 13


def test_in_force_honours_the_cut_off():
    assert scoring.in_force("", AS_OF)
    assert not scoring.in_force("2023-07", AS_OF)
    assert scoring.in_force("2023-07", date(2023, 6, 30))
    assert scoring.in_force("2026", AS_OF)
    early = scoring.score_areas(coop(), admins(), frameworks(), events(), date(2023, 6, 30)).set_index("area")
    assert early.loc["cyber defence", "frameworks_points"] == 2 + 1 + 1 + 1  # both frameworks still in force


def test_versions_of_one_milestone_count_once():
    versions = events(("cyber_exercise_other_version", "cyber and technology", "Joins cyber exercise (other source)",
                       "A cyber exercise, dated differently by another source.", date(2023, 1, 1)))
    assert len(scores(event_frame=versions).loc["cyber defence", "results"]) == 2
    linked = versions.assign(version_of=["", "", "", "", "cyber_exercise"])
    assert scores(event_frame=linked).loc["cyber defence", "results"] == ["cyber_exercise"]


def test_top_areas_and_both_camps():
    s = scoring.score_areas(coop(), admins(), frameworks(), events(), AS_OF)
    assert scoring.top_areas(s, 1) == ["cyber defence"]
    assert scoring.top_areas(s, 2) == ["cyber defence", "defence industry"]
    assert scoring.both_camps(s) == ["cyber defence"]


# -- on the real evidence --------------------------------------------------------------------------------

def test_as_of_drops_what_did_not_exist_yet():
    ev = load_all("2021-12-31")
    s = scoring.score_evidence(ev)
    assert "Yoon Suk-yeol" not in {a for names in s["administrations"] for a in names}
    assert not {"ccdcoe_membership", "itpp"} & {f for fs in s["frameworks"] for f in fs}
    counted = [e for ids in s["results"] for e in ids]
    assert counted and all(d <= date(2021, 12, 31) for d in ev.events.set_index("event_id").loc[counted, "start"])
    # Nothing rests on a source published after the cut-off, however early the facts it reports.
    known = published_sources(ev.sources, ev.as_of)
    assert set(ev.events.set_index("event_id").loc[counted, "source_id"]) <= known
    named = {(a, n) for a, names in zip(s["area"], s["administrations"]) for n in names}
    backed = {(r.area, r.actor) for r in ev.cooperation_areas.itertuples() if r.source_id in known}
    assert named <= backed


def _append(path, row):
    with open(path, encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    with open(path, "a", encoding="utf-8", newline="") as handle:
        csv.DictWriter(handle, header, lineterminator="\n").writerow(row)


def test_a_data_update_changes_the_scores(data_copy, tmp_path):
    before = scoring.score_evidence(load_all("2025-01-31", data_dir=data_copy)).set_index("area")
    data_copy = Path(shutil.copytree(data_copy, tmp_path / "updated"))  # load_all caches per folder within a process
    _append(data_copy / "cooperation_areas.csv", {
        "area": "defence industry", "actor_type": "framework", "actor": "itpp", "emphasis": "priority",
        "source_id": "swp2025", "quote": "defence industrial cooperation was an important topic during the NATO-IP4 talks in Vilnius"})
    rows = list(csv.DictReader(open(data_copy / "indicators.csv", encoding="utf-8")))
    for row in rows:
        if row["indicator_id"] == "itpp_cooperation_areas":
            row["value"] = "12"
    with open(data_copy / "indicators.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    ev = load_all("2025-01-31", data_dir=data_copy)
    after = scoring.score_evidence(ev).set_index("area")
    w = scoring.WEIGHTS
    assert after.loc["defence industry", "total"] == before.loc["defence industry", "total"] + w.framework_priority + w.in_force


def test_meetings_and_statements_are_not_practical_results_except_where_talks_are_the_area():
    talk = ("arms_talks", "defence industry", "Leaders discuss arms sales", "Talks on howitzers.", date(2023, 1, 1),
            "meeting")
    said = ("arms_pledge", "defence industry", "President pledges more exports", "A speech.", date(2023, 2, 1),
            "statement")
    staff = ("staff_talks", "military cooperation", "First military staff talks", "Staff talks in Seoul.",
             date(2023, 2, 1), "meeting")
    frame = events(talk, said, staff)
    industry = scoring.practical_results(frame, "defence industry")
    assert list(industry["event_id"]) == ["deal"]
    assert list(scoring.practical_results(frame, "military-to-military talks")["event_id"]) == ["staff_talks"]
    for area in scoring.RESULT_RULES:
        found = scoring.practical_results(frame, area)
        allowed = set(scoring.RESULT_FORMS) | ({"meeting"} if area in scoring.TALKS_AREAS else set())
        assert set(found["form"]) <= allowed, area
