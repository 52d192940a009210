"""The defence-industry section: export periods and their basis, trade shares, deals and their versions."""
from __future__ import annotations

import re

import pandas as pd
import pytest

from conftest import ROOT, run_brief
from helpers.analysis import industry
from helpers.evidence.data import ParameterError, check_flag, load_all

AS_OF = "2025-01-31"


@pytest.fixture(scope="module")
def ev():
    return load_all(AS_OF)


def raw(name: str) -> pd.DataFrame:
    return pd.read_csv(ROOT / "data" / f"{name}.csv", dtype=str, keep_default_na=False)


# -- exports by period ---------------------------------------------------------------------------

def test_export_periods_equal_the_data_and_flag_the_period_that_is_not_comparable(ev):
    exports = industry.export_values(ev.arms_trade, ev.sources, AS_OF)
    data = raw("arms_trade")
    data = data[data["measure"] == "export value"]
    assert sorted(exports["value"]) == sorted(float(v) for v in data["value"])
    assert exports["period_start"].is_monotonic_increasing
    flagged = exports.set_index("figure_id")["comparable"]
    # the three-year 2021-2023 figure (probably contract value) is never part of the five-year series
    assert flagged["export_value_2011_2015"] and flagged["export_value_2016_2020"]
    assert not flagged["export_value_2021_2023"]


@pytest.mark.parametrize("earlier, later, words", [
    (1.2, 3.8, "more than tripled"), (1, 2, "doubled"), (1, 2.5, "more than doubled"),
    (10, 12, "rose by 20%"), (10, 8, "fell by 20%"), (1, 5, "more than quadrupled")])
def test_growth_words(earlier, later, words):
    assert industry.growth_words(earlier, later) == words


def test_a_period_counts_only_once_it_is_over_and_its_source_published(ev):
    mid_2023 = load_all("2023-06-30")
    assert industry.export_values(mid_2023.arms_trade, mid_2023.sources, "2023-06-30").empty  # SWP not yet out
    end_2022 = load_all("2022-12-31")
    shares, total = industry.trade_shares(end_2022.arms_trade, end_2022.sources, "export share", "2022-12-31")
    assert total is not None and total["value"] == 24  # PISM (2022) counts from the end of 2022
    early = load_all("2022-06-30")
    shares, total = industry.trade_shares(early.arms_trade, early.sources, "export share", "2022-06-30")
    assert shares.empty and total is None


def test_unknown_measure_is_a_clear_error(ev):
    with pytest.raises(ParameterError, match="export value"):
        industry.trade_figures(ev.arms_trade, ev.sources, "exports", AS_OF)


# -- the arms trade with NATO countries ----------------------------------------------------------

def test_trade_shares_keep_the_group_total_apart_and_the_hedges(ev):
    countries, total = industry.trade_shares(ev.arms_trade, ev.sources, "export share", AS_OF)
    assert total["partner"] == "NATO members" and total["qualifier"] == "about"
    assert "NATO members" not in set(countries["partner"])
    assert list(countries["value"]) == sorted(countries["value"], reverse=True)
    exact, under = industry.named_share_total(countries)
    assert exact == 14 + 6 + 3 and under == 2  # Turkey and Estonia are 'under 1%', not summed as 1%
    imports, none = industry.trade_shares(ev.arms_trade, ev.sources, "import share", AS_OF)
    assert none is None and industry.named_share_total(imports) == (63 + 27 + 8 + 1.5, 0)


# -- deals ---------------------------------------------------------------------------------------

def test_both_versions_of_the_poland_deal_are_kept(ev):
    deals = industry.deals_in_view(ev.arms_deals, ev.sources, AS_OF)
    poland = deals[deals["deal_id"] == "poland_2022"]
    assert set(poland["source_id"]) == {"pism2022", "swp2025"} and set(poland["versions"]) == {2}
    quantities = industry.quantities_by_source(ev.arms_deal_items, deals, "poland_2022")
    assert quantities.loc["tank"].tolist() == [1000, 980]
    assert quantities.loc["self-propelled howitzer"].tolist() == [672, 648]
    assert quantities.loc["combat aircraft"].tolist() == [48, 48]


def test_where_the_poland_versions_agree_and_differ(ev):
    deals = industry.deals_in_view(ev.arms_deals, ev.sources, AS_OF)
    agree, differ = industry.agreement(industry.quantities_by_source(ev.arms_deal_items, deals, "poland_2022"))
    assert agree == [("combat aircraft", 48)] and differ == ["tank", "self-propelled howitzer"]


def test_chart_and_table_totals_equal_the_data(ev):
    deals = industry.deals_in_view(ev.arms_deals, ev.sources, AS_OF)
    data = raw("arms_deals")
    assert len(deals) == len(data)  # every row of the data is a row of the table and a bar of the chart
    rows = industry.chart_rows(deals)
    stated = pd.to_numeric(data["value"], errors="coerce")
    assert rows["usd_bn"].sum() * 1e9 == pytest.approx(stated[data["currency"] == "USD"].sum())
    table = industry.deals_table(deals)
    assert (table["Value"] == "not stated").sum() == stated.isna().sum()
    assert "USD 12.4 billion" in set(table["Value"]) and "USD 14 billion (potential)" in set(table["Value"])


def test_nato_only_drops_the_non_nato_comparison(ev):
    everything = industry.deals_in_view(ev.arms_deals, ev.sources, AS_OF)
    nato = industry.deals_in_view(ev.arms_deals, ev.sources, AS_OF, nato_only=True)
    assert "Australia" in set(everything["buyer"]) and "Australia" not in set(nato["buyer"])
    assert len(nato) == everything["buyer_nato_member"].sum()


def test_deals_are_in_reading_order_with_versions_together(ev):
    deals = industry.deals_in_view(ev.arms_deals, ev.sources, AS_OF)
    assert list(dict.fromkeys(deals["deal_id"])) == ["poland_2022", "norway_2022", "australia_2023",
                                                       "romania_k9_2024", "romania_package"]


def test_an_upper_bound_date_is_said_as_by(ev):
    deals = industry.deals_in_view(ev.arms_deals, ev.sources, AS_OF).set_index("deal_id")
    assert industry.deal_when(deals.loc["romania_k9_2024"]) == "by July 2024"
    assert industry.deal_when(deals.loc["australia_2023"]) == "August 2023"
    assert industry.deal_when(deals.loc["romania_package"]) == "as of January 2025"  # talks, dated by their report


def test_orders_are_counted_apart_from_signed_deals(ev):
    deals = industry.deals_in_view(ev.arms_deals, ev.sources, AS_OF)
    nato_signed = deals[deals["buyer_nato_member"] & (deals["status"] == industry.SIGNED)]
    assert industry.deal_count(nato_signed) == "two signed deals and one order"  # Poland, Romania; Norway's order


def test_largest_signed_and_pending_deals(ev):
    deals = industry.deals_in_view(ev.arms_deals, ev.sources, AS_OF)
    assert industry.largest(deals, industry.SIGNED, nato=True)["deal_id"] == "poland_2022"
    assert industry.largest(deals, industry.UNDER_NEGOTIATION, nato=True)["deal_id"] == "romania_package"


def test_as_of_hides_deals_and_versions_not_yet_published():
    end_2022 = load_all("2022-12-31")
    deals = industry.deals_in_view(end_2022.arms_deals, end_2022.sources, "2022-12-31")
    # only PISM (2022) had been published: one version of the Poland deal, and no SWP deals
    assert list(deals["source_id"]) == ["pism2022"] and deals.iloc[0]["versions"] == 1


@pytest.mark.parametrize("value, expected", [(True, True), (False, False), ("true", True), ("False", False)])
def test_nato_only_flag(value, expected):
    assert check_flag("nato_only", value) is expected


def test_a_bad_flag_is_a_clear_error():
    with pytest.raises(ParameterError, match="nato_only: 'yes'"):
        check_flag("nato_only", "yes")


# -- the section as built ------------------------------------------------------------------------

def section_html(brief_html: str) -> str:
    start = brief_html.index('id="section-defence_industry"')
    return brief_html[start:brief_html.index("</section>", start)]


def test_section_numbers_equal_the_data(brief_html):
    section = section_html(brief_html)
    figures = re.findall(r'<figure class="chart"', section)
    assert len(figures) >= 3, "the section must carry at least three numbered figures"
    for value in ("USD 1.2 billion", "USD 3.8 billion", "USD 38 billion", "USD 12.4 billion", "USD 920 million",
                  "about 24%", "63%", "under 1%"):
        assert value in section, value
    assert "1,000 tanks" in section and "980 tanks" in section  # both Poland versions, each sourced
    assert "delivery times" in section  # the brief says the sources do not compare them, rather than claiming speed


def test_nato_only_build_leaves_out_australia(tmp_path):
    """The whole pipeline with nato_only: the section's table and charts have no non-NATO buyer."""
    out = tmp_path / "out"
    result = run_brief("build", "--no-pdf", "--only", "04_defence_industry", "-p", "nato_only", "true",
                       "--output", out)
    assert result.returncode == 0, result.stdout + result.stderr
    section = (out / "sections" / "defence_industry.html").read_text(encoding="utf-8")
    assert "Table 4.1" in section and "Norway" in section
    assert "Australia" not in section
    assert "USD 12.4 billion" in section


def test_other_sections_are_referred_to_by_their_number_in_brief_yml(ev):
    from helpers.writing.section import Section

    sec = Section(number=3, slug="nato_motives", title="t", evidence=ev)
    assert sec.section_ref("defence_industry", "the section on the defence industry") == "Section 4"
    assert sec.section_ref("no_such_section", "the section on it") == "the section on it"
