"""An update of the data, as an analyst would make it, and a brief in which every sentence stays true (issue 16).

A copy of the project gets a new government in Seoul, a NATO summit at which South Korea is represented below head
of state, contracts priced in KRW and EUR, and a later cut-off; no notebook or test is edited. The build must succeed
and its words must pass the same checks as the parameter matrix, and the claims the update could falsify are checked
by property: who is in office, what counts as the president attending, and that sums in different currencies are
never compared."""
from __future__ import annotations

import csv
import re
import shutil

import pytest

from conftest import ROOT, run_brief
from helpers.evidence.validate import load_package
from helpers.pipeline.matrix import all_quotes, problems, visible_text

pytestmark = pytest.mark.e2e

CUT_OFF = "2026-11-20"
NEW_PRESIDENT = "Han Synthetic"
SOURCE = {"source_id": "synthetic_update", "short_cite": "Synthetic Wire (2026)", "title": "A synthetic wire report for tests",
          "author": "", "publisher": "Synthetic Wire", "date": "2026-11-19", "date_precision": "day",
          "kind": "news report", "url": "https://example.org/synthetic-update", "retrieved": "2026-11-20",
          "identification": "certain", "in_seeds": "false", "seed_file": "",
          "notes": "Invented by tests/test_update.py; never part of the real data."}
EXCERPT = ("Han Synthetic was sworn in as president on 1 August 2026. At the Ankara summit on 7 July 2026 South Korea "
           "was represented by its foreign minister. Poland signed a KRW 3 trillion contract for K9 howitzers in "
           "September 2026. Estonia ordered rocket launchers worth EUR 200 million in October 2026.")


def _rows(path):
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return reader.fieldnames, list(reader)


def _write(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def _primary_key(data, table) -> list[str]:
    schema = next(r["schema"] for r in load_package(data)["resources"] if r["name"] == table)
    return list(schema.get("primaryKey") or [])


def _append(data, table, **row):
    """Add a row; one with the same primary key (datapackage.yaml) as a row already in the data replaces it, as an
    update of that fact would, so the test still runs once the real data hold the same fact."""
    header, rows = _rows(data / f"{table}.csv")
    key = _primary_key(data, table)
    rows = [r for r in rows if not (key and all(r.get(k) == row.get(k, "") for k in key))]
    _write(data / f"{table}.csv", header, rows + [{k: row.get(k, "") for k in header}])


@pytest.fixture(scope="module")
def updated(tmp_path_factory):
    root = tmp_path_factory.mktemp("update") / "project"
    shutil.copytree(ROOT / "data", root / "data")
    shutil.copytree(ROOT / "notebooks", root / "notebooks", ignore=shutil.ignore_patterns("*.py", ".ipynb_checkpoints"))
    text = (ROOT / "brief.yml").read_text(encoding="utf-8")
    (root / "brief.yml").write_text(re.sub(r'as_of: "\d{4}-\d{2}-\d{2}"', f'as_of: "{CUT_OFF}"', text), encoding="utf-8")
    data = root / "data"
    _append(data, "sources", **SOURCE)
    _append(data, "excerpts", excerpt_id="synthetic_update_1", source_id="synthetic_update", excerpt=EXCERPT)
    header, admins = _rows(data / "administrations.csv")
    incumbent = max(admins, key=lambda r: r["start_date"])
    incumbent.update(end_date="2026-07-31", end_basis="end of term (synthetic, for tests)")
    _write(data / "administrations.csv", header, admins)
    _append(data, "administrations", administration=NEW_PRESIDENT, short_name="Han S.", camp="conservative",
            start_date="2026-08-01", end_basis="incumbent", source_id="synthetic_update",
            quote="Han Synthetic was sworn in as president on 1 August 2026", dates_source_id="synthetic_update",
            dates_quote="sworn in as president on 1 August 2026")
    _append(data, "events", event_id="synthetic_inauguration_2026_08_01", date="2026-08-01", date_precision="day",
            title="Han Synthetic sworn in", description="Han Synthetic was sworn in as president.",
            category="Korean domestic politics", form="office", actors="Han Synthetic; South Korea", source_id="synthetic_update",
            quote="Han Synthetic was sworn in as president on 1 August 2026")
    _append(data, "summits", meeting_id="ankara_summit_2026", meeting="NATO Summit, Ankara 2026", meeting_type="summit",
            location="Ankara", date="2026-07-07", date_precision="day", source_id="synthetic_update",
            quote="At the Ankara summit on 7 July 2026")
    _append(data, "summit_participation", meeting_id="ankara_summit_2026", partner="South Korea", participation="attended",
            level="foreign minister", source_id="synthetic_update",
            quote="South Korea was represented by its foreign minister")
    for deal, date, buyer, value, currency, system, kind, quantity, quote in (
            ("poland_k9_synthetic_2026", "2026-09", "Poland", "3000000000000", "KRW", "K9 howitzers", "self-propelled howitzer", "",
             "Poland signed a KRW 3 trillion contract for K9 howitzers in September 2026"),
            ("estonia_launchers_synthetic_2026", "2026-10", "Estonia", "200000000", "EUR", "rocket launchers", "rocket artillery", "",
             "Estonia ordered rocket launchers worth EUR 200 million in October 2026")):
        _append(data, "arms_deals", deal_id=deal, date=date, date_precision="month", buyer=buyer, buyer_nato_member="true",
                systems=system, value=value, value_qualifier="exact", currency=currency, value_basis="contract value",
                contract_type="executive", source_id="synthetic_update", quote=quote)
        _append(data, "arms_deal_items", deal_id=deal, source_id="synthetic_update", system=system, system_type=kind,
                quantity=quantity, quote=quote)
    checked = run_brief("check", env_extra={"BRIEF_ROOT": str(root)}, cwd=root)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    result = run_brief("build", "--no-pdf", env_extra={"BRIEF_ROOT": str(root)}, cwd=root)
    assert result.returncode == 0, result.stdout + result.stderr
    return root


@pytest.fixture(scope="module")
def publications(updated):
    return {name: (updated / "output" / f"{name}.html").read_text(encoding="utf-8") for name in ("brief", "report")}


def test_the_updated_brief_passes_the_matrix_checks(updated, publications):
    quotes = all_quotes(updated / "data")
    for name, page in publications.items():
        main = re.search(r"<main>(.*)</main>", page, flags=re.S).group(1)
        main = re.sub(r'<span class="quote-pop".*?</span></span>', "</span>", main, flags=re.S)
        main = re.sub(r'<section class="references".*?</section>', "", main, flags=re.S)  # titles, not quotations
        assert problems(main, quotes) == [], name


def test_the_government_in_office_is_the_one_the_data_say(publications):
    text = re.sub(r"\s+", " ", visible_text(publications["brief"]) + visible_text(publications["report"]))
    assert NEW_PRESIDENT in text  # the recommendations address the government in office at the cut-off
    assert not re.search(r"Lee Jae-myung[^.]{0,60}\b(still in office|in office since|the government in office)", text)


def test_a_summit_below_head_of_state_is_not_counted_as_the_president_attending(publications):
    text = visible_text(publications["report"])
    assert not re.search(r"President Han Synthetic attended|Han Synthetic attended the Ankara", text)


def test_sums_in_different_currencies_are_never_compared(publications):
    comparative = r"\b(dwarf\w*|larger than|bigger than|more than twice|exceed\w*|outweigh\w*|smaller than)\b"
    for page in publications.values():
        for sentence in re.split(r"(?<=[.!?])\s+", re.sub(r"\s+", " ", visible_text(page))):
            currencies = set(re.findall(r"\b(USD|KRW|EUR|PLN|NOK|AUD|RON|CAD)\s?\d", sentence))
            if len(currencies) > 1:
                assert not re.search(comparative, sentence), sentence


def test_a_new_deal_is_described_not_only_counted(publications):
    """A deal the narrative does not name is still listed where the deals are told, with its buyer and date."""
    text = re.sub(r"\s+", " ", visible_text(publications["report"]))
    for buyer, when in (("Poland", "September 2026"), ("Estonia", "October 2026")):
        assert re.search(rf"{buyer}, {when}, for ", text), f"{buyer}'s deal of {when} is not described"
