"""Section 4, the defence industry: deals and their versions, the version followed, money said and compared only like
with like, the aggregate figures kept on their own bases, and the section as built.

The unit tests run on small frames built here; the tests on data/ state properties that hold for any correct update of
the data (more rows, a later cut-off), never the shipped rows themselves."""
from __future__ import annotations

import re
from datetime import date

import pandas as pd
import pytest

from conftest import ROOT, run_brief
from helpers.analysis import industry
from helpers.evidence.data import ParameterError, check_flag, load_all, published_sources
from helpers.evidence.dates import parse_partial_date


# -- fixtures of our own ---------------------------------------------------------------------------------------------
def sources_frame(*rows) -> pd.DataFrame:
    """sources.csv rows: (source_id, date, in_seeds)."""
    frame = pd.DataFrame([{"source_id": s, "date": d, "date_precision": {4: "year", 7: "month", 10: "day"}[len(d)],
                           "in_seeds": seed, "short_cite": f"{s} ({d[:4]})", "publisher": s} for s, d, seed in rows])
    frame["start"] = [parse_partial_date(d).start for d in frame["date"]]
    frame["end"] = [parse_partial_date(d).end for d in frame["date"]]
    return frame


def deal_row(deal_id, source_id, date_text, value=None, currency="", basis="", contract_type="unspecified",
             qualifier="", usd=None, buyer="Poland", nato=True, quote="A deal.") -> dict:
    interval = parse_partial_date(date_text)
    return {"deal_id": deal_id, "date": date_text, "date_precision": interval.precision, "buyer": buyer,
            "buyer_nato_member": nato, "systems": "kit", "value": value, "value_qualifier": qualifier,
            "currency": currency, "value_usd": usd, "value_basis": basis, "contract_type": contract_type,
            "source_id": source_id, "quote": quote, "start": interval.start, "end": interval.end,
            "year": interval.start.year, "administration": "Someone"}


def deals_frame(*rows) -> pd.DataFrame:
    frame = pd.DataFrame(list(rows))
    frame["value"] = pd.to_numeric(frame["value"])
    frame["value_usd"] = pd.to_numeric(frame["value_usd"])
    return frame


def items_frame(*rows) -> pd.DataFrame:
    """arms_deal_items rows: (deal_id, source_id, system_type, quantity or None)."""
    frame = pd.DataFrame([{"deal_id": d, "source_id": s, "system": t, "system_type": t, "quantity": q, "quote": "q"}
                          for d, s, t, q in rows])
    frame["quantity"] = pd.to_numeric(frame["quantity"])
    return frame


SOURCES = sources_frame(("seed", "2025-01", True), ("wire", "2022-08-27", False), ("paper", "2025-10-08", False),
                        ("ministry", "2025-08-02", False))


# -- kinds and counts ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("contract_type, basis, kind", [
    ("framework", "", industry.SIGNED), ("executive", "contract value", industry.SIGNED),
    ("unspecified", "reported deal value", industry.SIGNED), ("order", "", industry.ORDERED),
    ("under negotiation", "potential deal value", industry.UNDER_NEGOTIATION),
    ("unspecified", "potential deal value", industry.UNDER_NEGOTIATION)])
def test_each_version_has_a_kind(contract_type, basis, kind):
    assert industry.version_kind(contract_type, basis) == kind


def test_a_deal_is_signed_when_any_source_reports_it_signed():
    assert industry.deal_kind([industry.ORDERED, industry.SIGNED]) == industry.SIGNED
    assert industry.deal_kind([industry.ORDERED, industry.ORDERED]) == industry.ORDERED
    assert industry.deal_kind([industry.UNDER_NEGOTIATION]) == industry.UNDER_NEGOTIATION
    with pytest.raises(ValueError):
        industry.deal_kind([])


def small_deals():
    return deals_frame(
        deal_row("pl_framework", "seed", "2022-07", 12.4e9, "USD", "reported deal value"),
        deal_row("pl_framework", "wire", "2022-07", contract_type="framework"),
        deal_row("pl_k2", "wire", "2022-08", 5.76e9, "USD", "contract value", "executive", "exact"),
        deal_row("no_order", "wire", "2022-11", contract_type="order", buyer="Norway"),
        deal_row("no_order", "seed", "2022-11", contract_type="order", buyer="Norway"),
        deal_row("ro_talks", "seed", "2025-01", 14e9, "USD", "potential deal value", "under negotiation", buyer="Romania"),
        deal_row("au", "seed", "2023-08", 2.4e9, "USD", "reported deal value", buyer="Australia", nato=False))


def test_deals_are_counted_once_by_kind_whatever_the_number_of_versions():
    versions = industry.deals_in_view(small_deals(), SOURCES, "2026-06-30")
    deals = industry.deal_summary(versions, items_frame(("pl_k2", "wire", "tank", 180)), SOURCES)
    assert len(deals) == deals["deal_id"].nunique() == 5
    nato = deals[deals["buyer_nato_member"]]
    assert industry.kind_counts(nato) == {"signed": 2, "ordered": 1, "under negotiation": 1}
    assert industry.buyers_by_count(nato) == {"Poland": 2, "Norway": 1}  # talks are not counted as won


def test_nato_only_drops_the_buyers_outside_nato():
    everything = industry.deals_in_view(small_deals(), SOURCES, "2026-06-30")
    nato = industry.deals_in_view(small_deals(), SOURCES, "2026-06-30", nato_only=True)
    assert "Australia" in set(everything["buyer"]) and "Australia" not in set(nato["buyer"])
    assert len(nato) == int(everything["buyer_nato_member"].sum())


def test_a_version_is_used_only_once_its_source_is_published():
    # On 2022-12-31 only the wire report (August 2022) was out: the seed's versions (January 2025) are not yet evidence.
    versions = industry.deals_in_view(small_deals(), SOURCES, "2022-12-31")
    assert set(versions["source_id"]) == {"wire"}
    assert set(versions["versions"]) == {1}
    assert industry.deals_in_view(small_deals(), SOURCES, "2022-06-30").empty


def test_an_empty_view_still_has_the_columns_the_section_reads():
    versions = industry.deals_in_view(small_deals(), SOURCES, "2010-06-30")
    deals = industry.deal_summary(versions, items_frame(("pl_k2", "wire", "tank", 1)), SOURCES)
    assert deals.empty and {"kind", "equipment", "stated", "buyer_nato_member"} <= set(deals.columns)
    assert industry.kind_counts(deals.loc[deals["buyer_nato_member"]]) == {"signed": 0, "ordered": 0, "under negotiation": 0}


# -- the version followed --------------------------------------------------------------------------------------------
def test_the_record_is_followed_before_a_seed_document_and_a_contract_value_before_a_reported_one():
    versions = industry.deals_in_view(small_deals(), SOURCES, "2026-06-30")
    chosen = industry.followed(versions[versions["deal_id"] == "pl_framework"], SOURCES)
    assert chosen["source_id"] == "wire" and chosen["contract_type"] == "framework"  # not the seed's USD 12.4 billion
    k2 = deals_frame(
        deal_row("k2", "ministry", "2025-08", 6.5e9, "USD", "contract value", qualifier="about"),
        deal_row("k2", "paper", "2025-08-01", 8.9814e12, "KRW", "contract value", "executive", "exact"),
        deal_row("k2", "wire", "2025-08", 6.7e9, "USD", "contract value", "executive", "exact"))
    chosen = industry.followed(k2, SOURCES)
    assert chosen["source_id"] == "wire"  # a stated type, a US dollar value, unhedged


def test_a_deal_is_dated_as_precisely_as_any_version_dates_it():
    k2 = deals_frame(deal_row("k2", "wire", "2025-08", 6.7e9, "USD", "contract value", "executive", "exact"),
                     deal_row("k2", "paper", "2025-08-01", 8.9814e12, "KRW", "contract value", "executive", "exact"))
    k2["kind"], k2["by_date"] = industry.SIGNED, False
    deals = industry.deal_summary(k2, items_frame(("k2", "wire", "tank", 180)), SOURCES)
    row = deals.iloc[0]
    assert row["source_id"] == "wire" and row["date"] == "2025-08-01" and row["dated_by"] == "paper"
    assert row["values_differ"] and row["stated"]


def test_by_a_date_is_said_as_by():
    row = {"date": "2024-07", "date_precision": "month", "quote": "By July 2024, it had signed a deal.",
           "kind": industry.SIGNED}
    row["by_date"] = industry.dated_by_upper_bound(row)
    assert industry.deal_when(row) == "by July 2024"
    assert industry.deal_when({**row, "kind": industry.UNDER_NEGOTIATION}) == "as of July 2024"


# -- money as the sources state it ------------------------------------------------------------------------------------
@pytest.mark.parametrize("value, currency, qualifier, said", [
    (12.4e9, "USD", "exact", "USD 12.4 billion"), (920e6, "USD", "", "USD 920 million"),
    (5.6e12, "KRW", "exact", "KRW 5.6 trillion"), (8.9814e12, "KRW", None, "KRW 8.98 trillion"),
    (14e9, "PLN", "about", "about PLN 14 billion"), (15, "USD", "over", "over USD 15")])
def test_money_is_said_in_its_own_currency(value, currency, qualifier, said):
    assert industry.say_money(value, currency, qualifier) == said


def test_a_value_in_another_currency_carries_only_the_sources_own_dollar_figure():
    row = deal_row("ro", "paper", "2024-07", 1.3e12, "KRW", "contract value", usd=938e6)
    assert industry.deal_value(row) == "KRW 1.3 trillion (USD 938 million, the source's conversion)"
    assert industry.deal_value(row, usd=False) == "KRW 1.3 trillion"
    assert industry.deal_value(deal_row("x", "wire", "2022")) == "not stated"


def test_sums_are_added_only_like_with_like():
    a = deal_row("a", "wire", "2022-08", 5.76e9, "USD", "contract value")
    b = deal_row("b", "wire", "2022-09", 3e9, "USD", "contract value")
    total = industry.add_like([a, b])
    assert total.value == pytest.approx(8.76e9) and total.currency == "USD"
    assert industry.add_like([a, deal_row("c", "wire", "2022", 12.4e9, "USD", "reported deal value")]) is None  # basis
    assert industry.add_like([a, deal_row("d", "wire", "2025", 5.6e12, "KRW", "contract value")]) is None  # currency
    assert industry.add_like([a, deal_row("e", "wire", "2022")]) is None  # no value


def test_disagreeing_versions_in_one_currency_give_a_range_never_an_average():
    k2 = deals_frame(deal_row("k2", "ministry", "2025-08", 6.5e9, "USD", "contract value", qualifier="about"),
                     deal_row("k2", "wire", "2025-08", 6.7e9, "USD", "contract value", "executive", "exact"),
                     deal_row("k2", "paper", "2025-08-01", 8.9814e12, "KRW", "contract value", "executive"))
    low, high, sources = industry.value_range(k2, k2.iloc[1])
    assert (low, high) == (6.5e9, 6.7e9) and set(sources) == {"ministry", "wire"}  # the won figure stays apart
    assert industry.say_range(low, high, "USD") == "USD 6.5–6.7 billion"
    assert industry.say_range(3e9, 3e9, "USD") == "USD 3 billion"


# -- aggregate figures on their own bases ------------------------------------------------------------------------------
def trade(*rows) -> pd.DataFrame:
    """arms_trade rows: (figure_id, measure, partner, start, end, value, qualifier, unit, basis, source_id)."""
    return pd.DataFrame([dict(zip(("figure_id", "measure", "partner", "period_start", "period_end", "value", "qualifier",
                                   "unit", "basis", "source_id"), r), quote="q") for r in rows])


TIV = "share; SIPRI trend-indicator value (TIV) for five years"
TRADE_SOURCES = sources_frame(("old", "2025-01-25", False), ("new", "2026-01-14", False), ("office", "2026-01-01", False),
                              ("tiv24", "2025-03-10", False), ("tiv25", "2026-03-11", False), ("pism", "2022", True))
TRADE = trade(
    ("c21", "export contracts", "", 2021, 2021, 7.25, "about", "USD bn", "contracts signed", "old"),
    ("c22", "export contracts", "", 2022, 2022, 17.3, "exact", "USD bn", "contracts signed", "old"),
    ("c23a", "export contracts", "", 2023, 2023, 13.5, "exact", "USD bn", "contracts signed", "old"),
    ("c23b", "export contracts", "", 2023, 2023, 13.0, "exact", "USD bn", "contracts signed", "new"),
    ("c25a", "export contracts", "", 2025, 2025, 15, "over", "USD bn", "contracts signed", "new"),
    ("c25b", "export contracts", "", 2025, 2025, 15.2, "exact", "USD bn", "contracts signed", "office"),
    ("units", "export contracts", "", 2023, 2023, 2972, "exact", "units", "unclear", "old"),
    ("p24", "export share", "Poland", 2020, 2024, 46, "exact", "percent", TIV, "tiv24"),
    ("p25", "export share", "Poland", 2021, 2025, 58, "exact", "percent", TIV, "tiv25"),
    ("r25", "export rank", "", 2021, 2025, 9, "exact", "rank", "rank; " + TIV, "tiv25"),
    ("pism", "export share", "Poland", 2017, 2021, 3, "exact", "percent", "source not named", "pism"))


def test_the_governments_totals_follow_the_latest_report_for_each_year():
    totals = industry.contract_totals(TRADE, TRADE_SOURCES, "2026-06-30")
    assert set(totals["unit"]) == {"USD bn"}  # SWP's 'units' are not money
    followed = totals[totals["preferred"]].set_index("period_start")["value"]
    assert followed.to_dict() == {2021: 7.25, 2022: 17.3, 2023: 13.0, 2025: 15}
    assert totals.groupby("period_start")["preferred"].sum().eq(1).all()
    assert industry.latest_total(totals)["figure_id"] == "c25a"
    assert sorted(totals.loc[totals["differ"], "period_start"].unique()) == [2023, 2025]


def test_a_years_total_counts_only_once_the_year_is_over_and_its_report_published():
    totals = industry.contract_totals(TRADE, TRADE_SOURCES, "2025-06-30")
    assert set(totals["period_start"]) == {2021, 2022, 2023}  # 2025 not over; the January 2026 reports not out
    assert industry.latest_total(industry.contract_totals(TRADE, TRADE_SOURCES, "2020-12-31")) is None


def test_sums_of_years_take_one_version_a_year_and_need_every_year():
    totals = industry.contract_totals(TRADE, TRADE_SOURCES, "2026-06-30")
    assert industry.sum_of_years(totals, 2021, 2023, prefer="old") == pytest.approx(38.05)
    assert industry.sum_of_years(totals, 2021, 2023, prefer="new") == pytest.approx(37.55)
    assert industry.sum_of_years(totals, 2023, 2025) is None  # 2024 missing


def test_sipri_figures_are_kept_apart_and_the_latest_period_is_read():
    figures = industry.sipri_figures(TRADE, TRADE_SOURCES, "2026-06-30")
    assert set(figures["figure_id"]) == {"p24", "p25", "r25"}  # PISM's unnamed share and the money totals are not SIPRI
    latest = industry.latest_sipri(figures)
    assert latest["period"] == (2021, 2025) and latest["poland"]["value"] == 58 and latest["rank"]["value"] == 9
    assert latest["world"] is None
    assert industry.latest_sipri(industry.sipri_figures(TRADE, TRADE_SOURCES, "2025-06-30"))["period"] == (2020, 2024)


def test_unknown_measure_is_a_clear_error():
    with pytest.raises(ParameterError, match="export value"):
        industry.trade_figures(TRADE, TRADE_SOURCES, "exports", "2026-06-30")


@pytest.mark.parametrize("row, said", [
    ({"value": 7.25, "unit": "USD bn", "qualifier": "about"}, "about USD 7.25 billion"),
    ({"value": 58, "unit": "percent", "qualifier": "exact"}, "58%"),
    ({"value": 3, "unit": "percent", "qualifier": ""}, "3%"),
    ({"value": 15, "unit": "USD bn", "qualifier": "over"}, "over USD 15 billion")])
def test_an_aggregate_figure_is_said_with_its_unit_and_hedge(row, said):
    assert industry.say_figure(row) == said


@pytest.mark.parametrize("n, said", [(1, "first"), (9, "ninth"), (10, "10th"), (11, "11th"), (21, "21st"), (22, "22nd")])
def test_ordinals_in_house_style(n, said):
    assert industry.ordinal(n) == said


# -- the Poland accounts and the governments' priorities ---------------------------------------------------------------
def test_the_poland_accounts_put_each_analysis_beside_the_framework_and_the_later_contracts():
    raw = deals_frame(
        deal_row("pl", "seed", "2022-07", 12.4e9, "USD", "reported deal value"),
        deal_row("pl", "wire", "2022-07", contract_type="framework"),
        deal_row("pl_k2", "wire", "2022-08", 5.76e9, "USD", "contract value", "executive"),
        deal_row("pl_fa50", "wire", "2022-09", 3e9, "USD", "contract value", "executive"),
        deal_row("pl_rockets", "wire", "2022-10"),  # an agreement, implemented by the next row: not counted twice
        deal_row("pl_rockets_exec", "wire", "2022-11", contract_type="executive"),
        deal_row("pl_later", "paper", "2025-08", 6.7e9, "USD", "contract value", "executive"))
    items = items_frame(("pl", "seed", "tank", 980), ("pl", "wire", "tank", 980), ("pl_k2", "wire", "tank", 180),
                        ("pl_fa50", "wire", "combat aircraft", 48), ("pl_later", "paper", "tank", 180),
                        ("pl_rockets", "wire", "rocket artillery", 288), ("pl_rockets_exec", "wire", "rocket artillery", 218))
    versions = industry.deals_in_view(raw, SOURCES, "2026-06-30")
    deals = industry.deal_summary(versions, items, SOURCES)
    accounts = industry.poland_versions(versions, deals, items, "pl", 2022)
    assert [a["kind"] for a in accounts] == ["source", "source", "contracts"]
    contracts = accounts[-1]
    assert contracts["quantities"] == {"tank": 180, "combat aircraft": 48, "rocket artillery": 218}  # not 2025's
    assert contracts["when"] == "August–November 2022"
    labels = [industry.account_label(a, lambda s: s.upper()) for a in accounts]
    assert labels == ["SEED, July 2022", "Framework agreements, July 2022", "Contracts, August–November 2022"]
    table = industry.accounts_table(accounts, labels, ["tank", "combat aircraft"], lambda *s: "; ".join(s))
    assert list(table["Combat aircraft"]) == ["not given", "not given", "48"]


def test_shared_priorities_need_every_government_since_the_first_named():
    admins = pd.DataFrame({"administration": ["A", "B", "C"], "start_date": [date(2013, 1, 1), date(2017, 5, 10),
                                                                              date(2022, 5, 10)], "camp": ["x", "y", "x"]})
    areas = pd.DataFrame([{"area": a, "actor_type": "administration", "actor": g, "emphasis": e, "source_id": "wire",
                           "quote": "q"} for a, g, e in [("industry", "B", "priority"), ("industry", "C", "priority"),
                                                         ("cyber", "B", "priority"), ("cyber", "C", "present"),
                                                         ("industry", "A", "present")]])
    governments, shared, rows = industry.shared_priorities(areas, admins, SOURCES, "2026-06-30", since="B")
    assert governments == ["B", "C"] and shared == ["industry"] and len(rows) == 2
    governments, shared, rows = industry.shared_priorities(areas, admins, SOURCES, "2026-06-30", since="Z")
    assert governments == [] and shared == [] and rows.empty
    assert industry.shared_priorities(areas, admins, SOURCES, "2022-06-30", since="B")[1] == []  # source not yet out


# -- parameters ---------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("value, expected", [(True, True), (False, False), ("true", True), ("False", False)])
def test_nato_only_flag(value, expected):
    assert check_flag("nato_only", value) is expected


def test_a_bad_flag_is_a_clear_error():
    with pytest.raises(ParameterError, match="nato_only: 'yes'"):
        check_flag("nato_only", "yes")


# -- properties of the shipped data ---------------------------------------------------------------------------------
@pytest.mark.parametrize("as_of", ["2022-12-31", "2025-01-31", "2026-06-30"])
def test_on_the_data_every_deal_counts_once_and_every_version_is_published_by_the_cut_off(as_of):
    ev = load_all(as_of)
    versions = industry.deals_in_view(ev.arms_deals, ev.sources, ev.as_of)
    assert set(versions["source_id"]) <= published_sources(ev.sources, ev.as_of)
    deals = industry.deal_summary(versions, ev.arms_deal_items, ev.sources)
    assert sorted(deals["deal_id"]) == sorted(versions["deal_id"].unique())
    counts = industry.kind_counts(deals)
    assert sum(counts.values()) == len(deals)
    # Each followed version is one of the deal's own versions.
    pairs = set(zip(versions["deal_id"], versions["source_id"]))
    assert all((d, s) in pairs for d, s in zip(deals["deal_id"], deals["source_id"]))


def test_on_the_data_a_sipri_figure_is_never_money_and_a_contract_total_never_sipri():
    ev = load_all("2026-06-30")
    sipri = industry.sipri_figures(ev.arms_trade, ev.sources, ev.as_of)
    assert not (sipri["unit"].str.startswith("USD")).any()
    totals = industry.contract_totals(ev.arms_trade, ev.sources, ev.as_of)
    assert not any(industry.is_sipri(r) for _, r in totals.iterrows())


# -- the section as built ---------------------------------------------------------------------------------------------
def section_text(html: str) -> str:
    """The visible words of the section itself (no styles, scripts or the quotations shown on hover)."""
    html = re.sub(r"<(style|script)\b.*?</\1>", "", html, flags=re.S)
    start = html.find('id="section-defence_industry"')
    html = html[start:html.find("</section>", start)] if start >= 0 else html
    html = re.sub(r'<span class="quote-pop".*?</span>', "", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.fixture(scope="module")
def built_nato_only(tmp_path_factory):
    out = tmp_path_factory.mktemp("industry")
    result = run_brief("build", "--no-pdf", "--only", "defence_industry", "--name", "brief", "-p", "nato_only", "true",
                       "-p", "as_of", "2026-06-30", "--output", out)
    assert result.returncode == 0, result.stdout + result.stderr
    return (out / "sections" / "defence_industry.html").read_text(encoding="utf-8")


def test_nato_only_build_shows_no_buyer_outside_nato(built_nato_only):
    data = pd.read_csv(ROOT / "data" / "arms_deals.csv", dtype=str, keep_default_na=False)
    outside = set(data.loc[data["buyer_nato_member"] == "false", "buyer"]) - set(data.loc[data["buyer_nato_member"] == "true", "buyer"])
    table = re.search(r'id="tab-defence_industry-deals".*?</table>', built_nato_only, flags=re.S)
    if table:
        assert "not a NATO member" not in table.group(0)
        for buyer in outside:
            assert f">{buyer}<" not in table.group(0)


def test_the_built_section_keeps_each_value_as_its_source_states_it(built_nato_only):
    text = section_text(built_nato_only)
    assert "()" not in text and "nan" not in text.split()
    ev = load_all("2026-06-30")
    versions = industry.deals_in_view(ev.arms_deals, ev.sources, ev.as_of, nato_only=True)
    for _, row in versions[versions["value"].notna()].iterrows():
        assert industry.say_money(row["value"], row["currency"], row["value_qualifier"]) in text


def test_every_system_type_in_the_schema_has_a_reviewed_plural():
    """A new system_type in datapackage.yaml must be looked at: 'artillerys' would reach the page otherwise."""
    import yaml

    from conftest import ROOT

    package = yaml.safe_load((ROOT / "data" / "datapackage.yaml").read_text(encoding="utf-8"))
    items = next(r for r in package["resources"] if r["name"] == "arms_deal_items")
    enum = next(f for f in items["schema"]["fields"] if f["name"] == "system_type")["constraints"]["enum"]
    reviewed = {"tank": "tanks", "self-propelled howitzer": "self-propelled howitzers",
                "rocket artillery": "rocket launchers", "combat aircraft": "combat aircraft",
                "infantry fighting vehicle": "infantry fighting vehicles",
                "ammunition supply vehicle": "ammunition supply vehicles", "support vehicle": "support vehicles",
                "air defence system": "air defence systems", "missile": "missiles", "submarine": "submarines",
                "other": "other equipment"}
    assert set(enum) <= set(reviewed), f"plural not reviewed for: {sorted(set(enum) - set(reviewed))}"
    assert {t: industry.system_name(t) for t in enum} == {t: reviewed[t] for t in enum}
