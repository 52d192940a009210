"""Section 5's rules: a recommendation is made only when its evidence is in the data, ordered for its reader."""
from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from helpers.analysis import recommendations as recs
from helpers.evidence.data import ParameterError


class _Evidence:
    """Just enough of helpers.evidence.data.Evidence: rows by table and id."""

    def __init__(self, present: set[tuple[str, str]]):
        self.present = present

    def row(self, table, key):
        return {"id": key} if (table, key) in self.present else None


def test_a_recommendation_needs_all_its_evidence():
    everything = {need for r in recs.RECOMMENDATIONS for need in r.needs}
    assert [r.key for r in recs.supported(_Evidence(everything))] == [r.key for r in recs.RECOMMENDATIONS]
    without_programme = everything - {("indicators", "itpp_duration")}
    assert "programme" not in [r.key for r in recs.supported(_Evidence(without_programme))]
    assert recs.supported(_Evidence(set())) == []


def test_a_recommendation_the_data_record_as_done_is_no_longer_made():
    everything = {need for r in recs.RECOMMENDATIONS for need in r.needs}
    for rec in (r for r in recs.RECOMMENDATIONS if r.done_when):
        done = _Evidence(everything | {rec.done_when[0]})
        assert rec.key not in [r.key for r in recs.supported(done)]
        assert len(recs.supported(done)) == len(recs.RECOMMENDATIONS) - 1


def test_a_done_row_not_yet_in_the_data_is_no_error_but_an_unknown_table_is():
    class Strict(_Evidence):
        def row(self, table, key):
            if table not in ("events", "assessments", "frameworks", "indicators", "summits"):
                raise KeyError(table)
            if (table, key) not in self.present:
                raise LookupError(key)  # as Evidence.row does for an id that is not in the table
            return {"id": key}

    everything = {need for r in recs.RECOMMENDATIONS for need in r.needs}
    assert len(recs.supported(Strict(everything))) == len(recs.RECOMMENDATIONS)
    broken = recs.Recommendation("x", "both", (), done_when=(("no_such_table", "y"),))
    with pytest.raises(KeyError):
        recs.supported(Strict(everything), (broken,))


def test_order_puts_the_readers_own_actions_first_and_keeps_the_general_order_within():
    made = list(recs.RECOMMENDATIONS)
    assert recs.order_for(made, "general") == made
    for audience, own in (("nato", "nato"), ("rok", "rok")):
        ordered = recs.order_for(made, audience)
        groups = [r.addressed for r in ordered]
        assert groups[0] == own and groups[-1] != own
        same = [r for r in ordered if r.addressed == "both"]
        assert same == [r for r in made if r.addressed == "both"]


def test_unknown_audience_is_a_clear_error():
    with pytest.raises(ParameterError, match="audience"):
        recs.order_for([], "press")


def test_government_at_a_day_and_an_acting_president_gap():
    admins = pd.DataFrame({
        "administration": ["Yoon Suk-yeol", "Lee Jae-myung"], "short_name": ["Yoon", "Lee J."],
        "start_date": [date(2022, 5, 10), date(2025, 6, 4)], "end_date": [date(2025, 4, 4), None],
    })
    assert recs.government_at(admins, date(2024, 1, 1)) == "Yoon Suk-yeol"
    assert recs.government_at(admins, date(2025, 5, 1)) is None
    assert recs.government_at(admins, date(2026, 6, 30)) == "Lee Jae-myung"


def test_successor_follows_superseded_by():
    frameworks = pd.DataFrame({"framework_id": ["ipcp", "itpp"], "superseded_by": ["itpp", ""], "name": ["A", "B"]})
    assert recs.successor_of(frameworks, "ipcp")["name"] == "B"
    assert recs.successor_of(frameworks, "itpp") is None
    assert recs.successor_of(frameworks, "missing") is None
