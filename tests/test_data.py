"""The shipped data validate, and each kind of bad input gets a message naming file, row, column and expectation."""
from __future__ import annotations

import csv
import os
from datetime import date, timedelta
from pathlib import Path

import pytest

from conftest import ROOT
from helpers.evidence.data import AMBIGUOUS, KEYS, administration_for, load_all, published_sources
from helpers.evidence.quotes import MAX_QUOTE_CHARS, quote_problems
from helpers.evidence.validate import validate_data

TODAY = date(2026, 11, 22)


def test_shipped_data_validate():
    assert validate_data(ROOT / "data", TODAY) == []


def test_every_row_is_sourced_and_quoted_briefly():
    for table in sorted((ROOT / "data").glob("*.csv")):
        with open(table, encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        assert rows, f"{table.name} is empty"
        if "quote" in rows[0]:
            for number, row in enumerate(rows, start=2):
                assert len(row["quote"]) <= MAX_QUOTE_CHARS, f"{table.name} row {number}: quote too long"


CUT_OFFS = ["2010-06-30", "2017-05-10", "2022-05-10"]


@pytest.mark.parametrize("as_of", CUT_OFFS)
def test_a_fact_is_on_record_only_once_its_source_is_published(as_of):
    """load_all cuts by publication as well as by date, so no notebook needs its own filter (terms, the source list
    and the store of excerpts are not facts recorded by a source and stay whole)."""
    everything = load_all(date.max, data_dir=ROOT / "data")
    ev = load_all(as_of, data_dir=ROOT / "data")
    known = published_sources(everything.sources, as_of)
    for name, frame in ev.tables.items():
        if name in ("administrations", "sources", "excerpts") or "source_id" not in frame:
            continue
        assert set(frame["source_id"]) <= known, f"{name}: a row from a source published after {as_of}"
        whole = everything.tables[name]
        dated = whole[whole["start"] <= ev.as_of] if "start" in whole else whole
        if "period_start" in whole and "start" not in whole:
            dated = whole[whole["period_start"] <= ev.as_of.year]
        assert len(frame) == int(dated["source_id"].isin(known).sum()), f"{name}: a published row was left out"


def test_a_summit_is_announced_once_its_source_is_published_and_held_once_its_date_is_past():
    """Evidence.summit: None before its announcement is published, ahead between publication and the meeting (while
    the table itself leaves the meeting out), held from its first day on."""
    everything = load_all(date.max, data_dir=ROOT / "data")
    published = everything.sources.set_index("source_id")["end"]
    for meeting in everything.summits.itertuples():
        announced = published[meeting.source_id]
        if announced < meeting.start:
            before = load_all(announced - timedelta(days=1), data_dir=ROOT / "data")
            assert before.summit(meeting.meeting_id) is None, meeting.meeting_id
            between = load_all(meeting.start - timedelta(days=1), data_dir=ROOT / "data")
            row = between.summit(meeting.meeting_id)
            assert row is not None and bool(row["ahead"]), meeting.meeting_id
            assert meeting.meeting_id not in set(between.summits["meeting_id"])
        held = load_all(max(meeting.end, announced), data_dir=ROOT / "data").summit(meeting.meeting_id)
        assert held is not None and not bool(held["ahead"]), meeting.meeting_id


def test_a_row_asked_for_by_id_is_none_while_later_but_a_typo_stops_with_the_closest_ids():
    everything = load_all(date.max, data_dir=ROOT / "data")
    ev = load_all(CUT_OFFS[0], data_dir=ROOT / "data")
    for table, column in KEYS.items():
        if table not in ev.tables or table == "administrations":
            continue
        ids = set(everything.tables[table][column])
        later = sorted(ids - set(ev.tables[table][column]))
        if later:
            assert ev.row(table, later[0]) is None
        some = sorted(ids)[0]
        with pytest.raises(LookupError) as error:
            ev.row(table, some + "x")
        assert repr(some + "x") in str(error.value) and f"data/{table}.csv" in str(error.value)
        assert some in str(error.value)  # the closest id is offered


def test_events_cover_2005_onward_and_enough_rows():
    events = load_all("2026-11-22", data_dir=ROOT / "data").events
    assert len(events) > 50
    assert events["year"].min() == 2005


@pytest.mark.skipif(not os.environ.get("BRIEF_SEEDS_DIR"), reason="set BRIEF_SEEDS_DIR to the seeds folder to check quotes against the sources")
def test_every_quote_is_found_in_its_source():
    assert quote_problems(ROOT / "data", Path(os.environ["BRIEF_SEEDS_DIR"])) == []


def test_administration_is_derived_from_dates():
    admins = load_all("2025-01-31", data_dir=ROOT / "data").administrations
    assert administration_for(date(2022, 5, 5), date(2022, 5, 5), admins) == "Moon Jae-in"
    assert administration_for(date(2022, 5, 10), date(2022, 5, 10), admins) == "Yoon Suk-yeol"
    assert administration_for(date(2022, 1, 1), date(2022, 12, 31), admins) == AMBIGUOUS
    assert administration_for(date(2019, 1, 1), date(2019, 12, 31), admins) == "Moon Jae-in"


def test_as_of_cuts_tables_and_opens_the_incumbent_term():
    early = load_all("2020-12-31", data_dir=ROOT / "data")
    assert early.events["start"].max() <= date(2020, 12, 31)
    assert early.administrations.iloc[-1]["administration"] == "Moon Jae-in"
    assert early.administrations.iloc[-1]["end_date"] is None  # in office at the cut-off


def _edit(path: Path, row: int, column: str, value: str) -> None:
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    fields = list(rows[0].keys())
    rows[row - 2][column] = value
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def _drop_column(path: Path, name: str) -> None:
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    fields = [f for f in rows[0] if f != name]
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fields, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def _last_row(path: Path) -> int:
    with open(path, encoding="utf-8", newline="") as handle:
        return 1 + len(list(csv.DictReader(handle)))


def _rename_column(path: Path, old: str, new: str) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[0] = lines[0].replace(old, new)
    path.write_text("\n".join(lines), encoding="utf-8")


CASES = {
    "bad date": (lambda d: _edit(d / "events.csv", 3, "date", "2006-13"), ["data/events.csv", "row 3", "'date'", "2006-13"]),
    "impossible day": (lambda d: _edit(d / "events.csv", 3, "date", "2006-02-30") or _edit(d / "events.csv", 3, "date_precision", "day"), ["row 3", "'date'", "real calendar date"]),
    "precision mismatch": (lambda d: _edit(d / "events.csv", 4, "date_precision", "day"), ["row 4", "'date'", "date_precision"]),
    "text in a number": (lambda d: _edit(d / "arms_trade.csv", 2, "value", "lots"), ["data/arms_trade.csv", "row 2", "'value'", "a number"]),
    "negative amount": (lambda d: _edit(d / "arms_deals.csv", 2, "value", "-5"), ["data/arms_deals.csv", "row 2", "'value'", "at least 0"]),
    "duplicate id": (lambda d: _edit(d / "events.csv", 3, "event_id", "political_dialogue_2005"), ["data/events.csv", "row 3", "unique"]),
    "unknown source": (lambda d: _edit(d / "events.csv", 5, "source_id", "nowhere2099"), ["data/events.csv", "row 5", "nowhere2099"]),
    "unknown administration": (lambda d: _edit(d / "cooperation_areas.csv", 2, "actor_type", "administration") or _edit(d / "cooperation_areas.csv", 2, "actor", "Kim Dae-jung"),
                               ["data/cooperation_areas.csv", "row 2", "'actor'", "Kim Dae-jung", "Moon Jae-in"]),
    "bad enum": (lambda d: _edit(d / "events.csv", 2, "category", "gossip"), ["row 2", "'category'", "one of"]),
    "missing column": (lambda d: _rename_column(d / "events.csv", "quote", "quotation"), ["data/events.csv", "row 1", "quote"]),
    "dropped column": (lambda d: _drop_column(d / "events.csv", "quote"), ["data/events.csv", "row 1", "'quote'", "missing"]),
    "blank last row": (lambda d: (d / "events.csv").write_text((d / "events.csv").read_text(encoding="utf-8") + ",,,\n", encoding="utf-8"),
                       ["data/events.csv", "no blank rows"]),
    "unknown type in the schema": (lambda d: (d / "datapackage.yaml").write_text((d / "datapackage.yaml").read_text(encoding="utf-8").replace("type: string", "type: int", 1), encoding="utf-8"),
                                   ["datapackage.yaml", "'int'", "known field type", "sources"]),
    "blank title": (lambda d: _edit(d / "events.csv", 3, "title", "   "), ["data/events.csv", "row 3", "'title'", "only spaces"]),
    "missing file": (lambda d: (d / "summits.csv").unlink(), ["data/summits.csv", "exist"]),
    "empty table": (lambda d: (d / "indicators.csv").write_text((d / "indicators.csv").read_text().split("\n")[0] + "\n"), ["data/indicators.csv", "empty"]),
    "invalid utf-8": (lambda d: (d / "events.csv").write_bytes((d / "events.csv").read_bytes().replace(b"Ban Ki-moon", b"Ban K\xffi-moon", 1)), ["data/events.csv", "UTF-8"]),
    "unbalanced quote": (lambda d: (d / "events.csv").write_text((d / "events.csv").read_text(encoding="utf-8").replace(",political dialogue,", ',"political dialogue,', 1), encoding="utf-8"), ["data/events.csv", "quote"]),
    "future date": (lambda d: _edit(d / "events.csv", 2, "date", "2099"), ["row 2", "2099", "has happened"]),
    # The last source is an outside document (sources are added at the end); its address pasted from a page's HTML.
    "address with an HTML entity": (lambda d: _edit(d / "sources.csv", _last_row(d / "sources.csv"), "url", "https://example.org/view?seq=1&amp;page=2"),
                                    ["data/sources.csv", "'url'", "&amp;"]),
    "overlapping terms": (lambda d: _edit(d / "administrations.csv", 6, "start_date", "2022-05-01"), ["data/administrations.csv", "start_date", "Moon Jae-in"]),
}


def test_a_dropped_column_is_one_message_not_one_per_row(data_copy):
    _drop_column(data_copy / "events.csv", "quote")
    problems = [p for p in validate_data(data_copy, TODAY) if p.file == "data/events.csv"]
    assert len(problems) == 1 and problems[0].column == "quote", "\n".join(map(str, problems))


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_kind_of_bad_data_is_named(case, data_copy):
    breaker, words = CASES[case]
    breaker(data_copy)
    problems = validate_data(data_copy, TODAY)
    assert problems, f"{case}: no problem reported"
    message = "\n".join(map(str, problems))
    for word in words:
        assert word in message, f"{case}: {word!r} not in:\n{message}"


def test_a_summit_may_be_announced_for_a_date_still_to_come_but_nothing_else_may_be(data_copy):
    _edit(data_copy / "summits.csv", 2, "date", "2099-07-07")
    _edit(data_copy / "summits.csv", 2, "date_precision", "day")
    assert not validate_data(data_copy, TODAY)
    _edit(data_copy / "events.csv", 2, "date", "2099")
    _edit(data_copy / "events.csv", 2, "date_precision", "year")
    assert [p.column for p in validate_data(data_copy, TODAY)] == ["date"]


def test_all_problems_are_reported_at_once(data_copy):
    _edit(data_copy / "events.csv", 3, "date", "2006-13")
    _edit(data_copy / "arms_trade.csv", 2, "value", "lots")
    problems = validate_data(data_copy, TODAY)
    assert {p.file for p in problems} >= {"data/events.csv", "data/arms_trade.csv"}


def test_a_version_asked_for_is_none_while_its_source_is_later_but_a_mistyped_conflict_stops():
    everything = load_all(date.max, data_dir=ROOT / "data")
    ev = load_all(CUT_OFFS[0], data_dir=ROOT / "data")
    some = everything.conflict_versions.iloc[0]
    assert everything.version(some["conflict_id"], some["source_id"]) is not None
    later = ev.published_later["conflict_versions"]
    if len(later):
        row = later.iloc[0]
        on_record = ev.conflict_versions[(ev.conflict_versions["conflict_id"] == row["conflict_id"])
                                         & (ev.conflict_versions["source_id"] == row["source_id"])]
        assert (ev.version(row["conflict_id"], row["source_id"]) is None) is on_record.empty
    with pytest.raises(LookupError) as error:
        ev.version(some["conflict_id"] + "x", some["source_id"])
    assert some["conflict_id"] in str(error.value)


def test_a_wrong_seeds_folder_is_never_read_as_all_quotes_found(tmp_path):
    from helpers.evidence.quotes import quote_problems

    assert any("no such folder" in p for p in quote_problems(ROOT / "data", tmp_path / "nowhere"))
    empty = tmp_path / "seeds"
    empty.mkdir()
    assert any("is not in" in p for p in quote_problems(ROOT / "data", empty))


@pytest.mark.skipif(not os.environ.get("BRIEF_SEEDS_DIR"), reason="set BRIEF_SEEDS_DIR to the seeds folder to check quotes against the sources")
def test_an_invented_quote_from_a_seed_document_is_found(data_copy):
    from helpers.evidence.quotes import quote_problems

    with open(data_copy / "sources.csv", encoding="utf-8") as handle:
        seeded = {r["source_id"] for r in csv.DictReader(handle) if r["seed_file"]}
    with open(data_copy / "events.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    number = next(i for i, r in enumerate(rows, start=2) if r["source_id"] in seeded)
    _edit(data_copy / "events.csv", number, "quote", "words no seed document ever contained")
    found = quote_problems(data_copy, Path(os.environ["BRIEF_SEEDS_DIR"]))
    assert any(f"events.csv, row {number}" in p for p in found), found
