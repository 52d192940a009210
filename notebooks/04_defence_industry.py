# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Arms and industry: an interest both camps share
#
# How did South Korea become an arms supplier to NATO's members, why do both political camps in Seoul back the
# industry, and what do the figures on its exports measure?

# %% tags=["parameters"]
as_of = "2026-06-30"  # evidence cut-off (YYYY-MM-DD): only what the sources had published by then is counted or drawn
nato_only = False  # True: the chart and table show only deals with NATO members (Australia, the comparison, is left out)

# %%
import re

import pandas as pd

from helpers.analysis import industry
from helpers.analysis.industry import ORDERED, SIGNED, UNDER_NEGOTIATION
from helpers.evidence.data import check_flag, load_all
from helpers.writing import filters, judgements
from helpers.writing.filters import words
from helpers.writing.section import Section

nato_only = check_flag("nato_only", nato_only)
ev = load_all(as_of)
sec = Section(number=4, slug="defence_industry", evidence=ev)  # its title is the heading above
admins = ev.administrations

# What the words call on: a deal's value as its source states it (never converted), its date ('by July 2024' when
# the source gives only a latest date), the name of its type of agreement, an aggregate figure with its unit and
# hedge, and an ordinal in house style ('ninth').
said, when, label = industry.deal_value, industry.deal_when, industry.CONTRACT_LABELS
figure, ordinal = industry.say_figure, industry.ordinal


def dated_deal(row):
    """`{{ dated_deal(row) }}`: a deal's date with its preposition ('on 9 July 2024', 'in July 2022'), or 'by July 2024'
    when its source gives only a latest date."""
    return industry.deal_when(row) if row.get("by_date", False) else filters.dated(row)


def argued(assessment_id):
    """A source's argument (data/assessments.csv), or None when its source was not yet published at the cut-off."""
    return ev.row("assessments", assessment_id)


def reported(event_id):
    """A dated event on record at the cut-off (dated and published by then), else None."""
    return ev.row("events", event_id)


# %%
# The deals: every source's version of every deal published by the cut-off, and one row per deal for the version
# the report follows (industry.followed). Deals are counted from these rows, by kind, each once.
versions = industry.deals_in_view(ev.arms_deals, ev.sources, ev.as_of, nato_only=nato_only)
deals = industry.deal_summary(versions, ev.arms_deal_items, ev.sources)
nato = deals.loc[deals["buyer_nato_member"].astype(bool)]
counts = industry.kind_counts(nato)
taken = nato[nato["kind"].isin([SIGNED, ORDERED])]
signed = sec.num("signed", counts[SIGNED], words(counts[SIGNED]), sources=nato[nato["kind"] == SIGNED])
ordered = sec.num("ordered", counts[ORDERED], words(counts[ORDERED]), sources=nato[nato["kind"] == ORDERED])
won = sec.num("won", len(taken), words(len(taken)), sources=taken)
in_talks = counts[UNDER_NEGOTIATION]
per_buyer = industry.buyers_by_count(nato)
buyers = list(per_buyer)
n_buyers = sec.num("buyers", len(buyers), words(len(buyers)), sources=taken)
top = judgements.lead(per_buyer) if per_buyer else None
leader = top.leader if top is not None else None
leader_share = judgements.share_word(per_buyer[leader], len(taken)) if leader else None
first_deal = taken.iloc[0] if len(taken) else None
first_year = int(first_deal["year"]) if first_deal is not None else None
differing_deals = int(deals["values_differ"].sum()) if len(deals) else 0
all_currencies = sorted(set(versions.loc[versions["value"].notna(), "currency"])) if len(versions) else []


named_deals = set()  # the deals the narrative names, so the ones it does not are still said to be on record


def deal(deal_id):
    """The version of a deal the report follows, or None when the data (at this cut-off) do not have the deal."""
    named_deals.add(deal_id)
    rows = deals[deals["deal_id"] == deal_id]
    return rows.iloc[0] if len(rows) else None


def others(row, stated=True):
    """The other sources' versions of a deal (those that state a value); empty when `row` is None."""
    if row is None:
        return versions.iloc[0:0]
    rows = versions[(versions["deal_id"] == row["deal_id"]) & (versions["source_id"] != row["source_id"])]
    return rows[rows["value"].notna()] if stated else rows


def agreeing(row):
    """The other sources whose version of a deal gives the same value in the same currency: they share its citation."""
    alike = others(row)
    return list(alike[(alike["value"] == row["value"]) & (alike["currency"] == row["currency"])]["source_id"])


def units(row, source_id=None):
    """System type -> quantity for the deal of `row`: from `source_id`, else the first version that gives any."""
    if row is None:
        return {}
    for source in ([source_id] if source_id else [row["source_id"], *row["other_sources"]]):
        found = industry.quantities(ev.arms_deal_items, row["deal_id"], source)
        if found:
            return found
    return {}


# The deals the narrative names; each is None when the data, or an earlier cut-off, do not have it.
framework = deal("poland_2022")
executive_2022, fa50 = deal("poland_k2_k9_executive_2022_08"), deal("poland_fa50_executive_2022_09")
fa50_detail = others(fa50, stated=False)
fa50_detail = fa50_detail[fa50_detail["source_id"].isin(
    [s for s in fa50_detail["source_id"] if industry.quantities(ev.arms_deal_items, fa50["deal_id"], s)])] if fa50 is not None else fa50_detail
fa50_detail = fa50_detail.iloc[0] if len(fa50_detail) else None
chunmoo_2022, norway_2022 = deal("poland_chunmoo_2022_10"), deal("norway_2022")
romania_k9, romania_talks = deal("romania_k9_2024"), deal("romania_package")
k2_2025, norway_k9 = deal("poland_k2_second_executive_2025_08"), deal("norway_k9_2025_09")
estonia, homar_2025 = deal("estonia_chunmoo_2025_12"), deal("poland_homar_k_third_executive_2025_12")
norway_chunmoo, australia = deal("norway_chunmoo_2026_01"), deal("australia_2023")
# Poland's further executive contracts under Yoon Suk-yeol, after those of August and September 2022.
homar_1, k9_2023 = deal("poland_homar_k_first_executive_2022_11"), deal("poland_k9_second_executive_2023_12")
homar_2 = deal("poland_homar_k_second_executive_2024_04")
# Contracts with Allies signed before Poland's framework agreements of 2022, where the analyses' account begins.
earlier = taken[taken["end"] < framework["start"]].sort_values("start") if framework is not None else taken.iloc[0:0]
earlier_rows = [row for _, row in earlier.iterrows()]
earlier_govs = list(dict.fromkeys(earlier["administration"]))
# Deals with Allies that the narrative does not name (a data update adds one): listed, so none is only a count.
unnamed = taken[~taken["deal_id"].isin(named_deals) & ~taken["deal_id"].isin(earlier["deal_id"])].sort_values("start")
unnamed_rows = [row for _, row in unnamed.iterrows()]

exec_units, k2_units, norway_units = units(executive_2022), units(k2_2025), units(norway_2022)
fa50_count = units(fa50, fa50_detail["source_id"]).get("combat aircraft") if fa50_detail is not None else None
chunmoo_count = units(chunmoo_2022).get("rocket artillery")
norway_k9_count = units(norway_k9).get("self-propelled howitzer")
estonia_launchers = units(estonia).get("rocket artillery")
norway_launchers = units(norway_chunmoo).get("rocket artillery")
romania_k9_company = others(romania_k9)
romania_k9_company = romania_k9_company[~romania_k9_company["source_id"].isin(
    ev.sources.loc[ev.sources["in_seeds"] == True, "source_id"])]  # noqa: E712  (the seeds report second-hand)
romania_k9_company = romania_k9_company.iloc[0] if len(romania_k9_company) else None
romania_talks_source = sec.citations.name(romania_talks["source_id"]) if romania_talks is not None else None
estonia_other = others(estonia)
estonia_other = estonia_other.iloc[0] if len(estonia_other) else None
homar_1_count = units(homar_1).get("rocket artillery")
k9_2023_count = units(k9_2023).get("self-propelled howitzer")
homar_2_count = units(homar_2).get("rocket artillery")
homar_2_other = others(homar_2)
homar_2_other = homar_2_other[homar_2_other["currency"] != homar_2["currency"]].iloc[0] \
    if homar_2 is not None and (homar_2_other["currency"] != homar_2["currency"]).any() else None
homar_other = others(homar_2025)
homar_other = homar_other.iloc[0] if len(homar_other) else None
norway_project = others(norway_chunmoo)
norway_project = norway_project[norway_project["value_basis"] == "reported deal value"]
norway_project_rows = [row for _, row in norway_project.iterrows()]

# Poland's second K2 contract: its value on one basis and in one currency as the sources state it, a range where
# they differ (never an average, never a conversion); a version in another currency is said apart.
k2_range = industry.value_range(versions[versions["deal_id"] == k2_2025["deal_id"]], k2_2025) \
    if k2_2025 is not None and k2_2025["stated"] else None
k2_value = sec.num("k2_2025_value", k2_range[1], industry.say_range(k2_range[0], k2_range[1], k2_2025["currency"]),
                   sources=k2_range[2]) if k2_range else None
k2_spread = k2_range is not None and k2_range[0] != k2_range[1]
k2_rows = versions[(versions["deal_id"] == k2_2025["deal_id"]) & versions["source_id"].isin(k2_range[2])] \
    if k2_range else versions.iloc[0:0]
# Where they differ, each end of the range is said with the source that gives it.
k2_low = k2_rows.loc[k2_rows["value"].idxmin()] if k2_spread else None
k2_high = k2_rows.loc[k2_rows["value"].idxmax()] if k2_spread else None
k2_other = others(k2_2025)
k2_other = k2_other[k2_other["currency"] != k2_2025["currency"]] if k2_2025 is not None else k2_other
k2_other = k2_other.iloc[0] if len(k2_other) else None


# The governments in Seoul when the deals with NATO members were signed or ordered, the government at the cut-off and
# how many deals came under it if it is not the one that opened the market.
by_government = taken.groupby("administration").size().to_dict() if len(taken) else {}
government = admins[admins["end_date"].isna()].iloc[-1] if admins["end_date"].isna().any() else None
opened_under = first_deal["administration"] if first_deal is not None else None
successor = government if government is not None and opened_under is not None \
    and government["administration"] != opened_under else None
successor_count = by_government.get(successor["administration"], 0) if successor is not None else 0
under_successor = sec.num("under_successor", successor_count, words(successor_count),
                          sources=taken[taken["administration"] == successor["administration"]]) \
    if successor is not None else None
carried_on = successor is not None and successor_count > 0
# Of the successor's deals, the executive contracts carry out agreements signed before it took office.
executive_ids = set(versions.loc[versions["contract_type"] == "executive", "deal_id"])
successor_executive = taken[(taken["administration"] == successor["administration"])
                            & taken["deal_id"].isin(executive_ids)] if carried_on else taken.iloc[0:0]
executive_buyers = sorted(set(successor_executive["buyer"]))

# %%
# Poland's 2022 deal as each account gives it: the analyses (PISM, SWP), the framework agreements as Warsaw gave
# them, and the contracts signed later in 2022 taken together.
poland_accounts = industry.poland_versions(versions, deals, ev.arms_deal_items, "poland_2022", 2022)
seeds = set(ev.sources.loc[ev.sources["in_seeds"] == True, "source_id"])  # noqa: E712
source_accounts, framework_account, contracts_account, swp_value = [], None, None, None
for account in poland_accounts:
    row = account["rows"][0]
    account.update(says=industry.what_bought_quantities(account["quantities"]), row=row, stated=bool(pd.notna(row["value"])),
                   name=sec.citations.name(row["source_id"]))
    if account["kind"] == "contracts":
        contracts_account = account
    elif row["contract_type"] == "framework":
        framework_account = account
    else:
        source_accounts.append(account)
        swp_value = row if account["stated"] and row["source_id"] == "swp2025" else swp_value
# The executive contracts of 2022 are added together only when all are stated on one basis and in one currency.
executive_sum = industry.add_like(contracts_account["rows"]) if contracts_account is not None else None
executive_sum_said = industry.say_money(executive_sum.value, executive_sum.currency) if executive_sum is not None else None
n_executive = len(contracts_account["rows"]) if contracts_account is not None else 0
by_source = {a["row"]["source_id"]: a["quantities"] for a in source_accounts}
swp_matches_framework = framework_account is not None and by_source.get("swp2025") == framework_account["quantities"]
# Other records of the first step and of what SWP's figure measures (versions of the disputes in conflicts.csv).
rotem = ev.version("poland_quantities", "yonhap_rotem_1000_2022")
k2_framework_1000 = ev.version("poland_quantities", "warsawpoint_k2_framework_2023")
package_total = ev.version("poland_2022_value_basis", "nyt_via_sbby_2023")
package_total_name = re.sub(r"\s*\(\d{4}[a-z]?\)$", "", sec.citations.short(package_total["source_id"])) \
    if package_total is not None else None
# PISM's tank count matches the maker's initial deal when the maker's quote gives the same number.
pism_tanks = by_source.get("pism2022", {}).get("tank")
pism_tanks_as_rotem = rotem is not None and bool(pism_tanks) and f"{int(pism_tanks):,}" in rotem["quote"]
not_announced = ev.version("poland_2022_value_basis", "reuters_poland_value_2022")
tank_share = None
if framework_account is not None and contracts_account is not None:
    framework_tanks, contract_tanks = framework_account["quantities"].get("tank"), contracts_account["quantities"].get("tank")
    tank_share = (contract_tanks, framework_tanks) if framework_tanks and contract_tanks else None
account_labels = [industry.account_label(a, sec.citations.name) for a in poland_accounts]
poland_systems = list(dict.fromkeys(t for a in poland_accounts for t in a["quantities"]))
aircraft_agree = len({a["quantities"].get("combat aircraft") for a in poland_accounts}) == 1

# %%
# The aggregate figures, each on its own basis: SIPRI's ranks and shares (trend-indicator values of deliveries,
# five-year periods), the Korean government's annual totals of contracts signed (USD), and SWP's series.
sipri_rows = industry.sipri_figures(ev.arms_trade, ev.sources, ev.as_of)
sipri = industry.latest_sipri(sipri_rows)
sipri = sipri if sipri.get("rank") is not None else {}
poland_share = sec.num("poland_share_sipri", sipri["poland"]["value"], figure(sipri["poland"]), sources=sipri["poland"]) \
    if sipri.get("poland") is not None else None
poland_shares = sipri_rows[(sipri_rows["partner"] == "Poland") & (sipri_rows["measure"] == "export share")] \
    if len(sipri_rows) else sipri_rows
earlier_poland = poland_shares[poland_shares["period_end"] < sipri["period"][1]] if sipri else poland_shares.iloc[0:0]
earlier_poland = earlier_poland.iloc[-1] if len(earlier_poland) else None
shares = industry.trade_figures(ev.arms_trade, ev.sources, "export share", ev.as_of)
pism_poland = shares[(shares["partner"] == "Poland") & ~shares.apply(industry.is_sipri, axis=1)] if len(shares) else shares
pism_poland = pism_poland.iloc[0] if len(pism_poland) else None
nato_imports = ev.indicators[ev.indicators["indicator_id"] == "rok_share_nato_arms_imports_heraldk_2020_2024"]
nato_imports = industry.period_over(nato_imports, ev.as_of)
nato_imports = nato_imports.iloc[0] if len(nato_imports) else None
# The same 6.5% as Carnegie Europe gives it, for NATO's European members: the group SIPRI's share is of.
nato_europe = ev.row("indicators", "rok_share_nato_europe_arms_imports_carnegie") if nato_imports is not None else None

totals = industry.contract_totals(ev.arms_trade, ev.sources, ev.as_of)
followed_totals = totals[totals["preferred"]] if len(totals) else totals
first_total = followed_totals.iloc[0] if len(followed_totals) else None
peak_total = followed_totals.loc[followed_totals["value"].idxmax()] if len(followed_totals) else None
latest_total = industry.latest_total(totals)
differing_years = [str(y) for y in sorted(totals.loc[totals["differ"], "period_start"].unique())] if len(totals) else []
swp_series = industry.trade_figures(ev.arms_trade, ev.sources, "export value", ev.as_of)
last_swp = swp_series.iloc[-1] if len(swp_series) else None
# Does SWP's last figure equal the government's contract totals for the same years? Summed like with like (one
# basis, one currency), once with each source's figure for a year that two sources give.
sums = sorted({industry.sum_of_years(totals, int(last_swp["period_start"]), int(last_swp["period_end"]), prefer=s)
               for s in totals["source_id"].unique()} - {None}) if last_swp is not None and len(totals) else []
swp_matches_totals = bool(sums) and all(round(s) == round(float(last_swp["value"])) for s in sums)
sum_low, sum_high = (sums[0], sums[-1]) if sums else (None, None)
# The chart of Poland's share draws SIPRI's periods, with PISM's earlier, unsourced figure beside them (hatched).
share_rows = pd.concat([pd.DataFrame([pism_poland]) if pism_poland is not None else pd.DataFrame(), poland_shares],
                       ignore_index=True) if len(poland_shares) else pd.DataFrame()
high_year = int(peak_total["period_start"]) if peak_total is not None else None
sipri_growth = sipri.get("growth")
# SWP's growth rate and the record of what it compares; the governments in office over the later period.
growth_rows = industry.trade_figures(ev.arms_trade, ev.sources, "export growth", ev.as_of)
swp_growth = growth_rows[growth_rows["source_id"] == "swp2025"]
swp_growth = swp_growth.iloc[0] if len(swp_growth) else None
growth_read = ev.version("export_growth_window", "bna_exim_sipri_2022")
growth_governments = [a for a, start, end in zip(admins["administration"], admins["start_date"], admins["end_date"])
                      if swp_growth is not None and start.year <= swp_growth["period_end"]
                      and (pd.isna(end) or end.year >= swp_growth["period_start"])]
has_aggregates = bool(sipri) or len(totals) > 0 or len(swp_series) > 0 or pism_poland is not None
aggregate_kinds = int(bool(sipri) or pism_poland is not None) + int(len(totals) > 0) + int(len(swp_series) > 0)
swp_series_rows = [row for _, row in swp_series.iterrows()]
swp_unequal = swp_series.assign(years=swp_series["period_end"] - swp_series["period_start"])["years"].nunique() > 1 \
    if len(swp_series) else False

# %%
# Why both camps back the industry, and why European buyers turned to it: the sources' arguments and the record,
# each None before its source was published.
shared, crucial = argued("industry_shared_objective"), argued("nato_cooperation_crucial")
after_summit = argued("poland_deal_after_summit")
summit_push, standing = argued("yoon_summits_push_deals"), argued("industry_raises_rok_position")
budget = ev.indicators[ev.indicators["indicator_id"] == "defence_budget_growth_moon"]
budget = budget.iloc[0] if len(budget) else None
duda, wi = reported("yoon_duda_meeting_2022_06"), reported("hague_summit_rok_nsa_2025_06")
body, body_first = reported("defence_industry_body_agreed_2025_06"), reported("defence_industry_dialogue_first_2025_09_26")
nawrocki, ahn_event = reported("lee_nawrocki_2025_09"), reported("ahn_cavo_dragone_2025_09")
call_event = reported("lee_rutte_call_2026_02")
areas = ev.cooperation_areas
industry_areas = areas[(areas["area"] == "defence industry") & (areas["actor_type"] == "administration")]
lee_call = industry_areas[industry_areas["source_id"] == (call_event["source_id"] if call_event is not None else "")]
lee_call = lee_call.iloc[0] if len(lee_call) else None
ahn = industry_areas[industry_areas["source_id"] == (ahn_event["source_id"] if ahn_event is not None else "")]
ahn = ahn.iloc[0] if len(ahn) else None

# The areas of cooperation that every government since Moon's, of both camps, made a priority.
governments, priorities, priority_rows = industry.shared_priorities(ev.cooperation_areas, admins, ev.sources, ev.as_of,
                                                                    since="Moon Jae-in")
governments_named = [admins.loc[admins["administration"] == g, "administration"].iloc[0] for g in governments]
since_year = admins.loc[admins["administration"] == governments[0], "start_date"].iloc[0].year if governments else None
only_priority = priorities == ["defence industry"] and len(governments) >= 3
# How many areas the sources name as priorities of the latest of those governments (one: "the only area they name").
last_areas = ev.cooperation_areas[(ev.cooperation_areas["actor"] == governments[-1])
                                  & (ev.cooperation_areas["emphasis"] == "priority")]["area"].nunique() if governments else 0
both_camps_priority = "defence industry" in priorities and \
    admins.loc[admins["administration"].isin(governments), "camp"].nunique() > 1

attractive, replenish = argued("attractive_supplier_after_invasion"), argued("replenish_stocks_swp")
compatible, modernise = argued("nato_interest_compatibility"), argued("modernisation_alliance_forces")
transfer, contribution = argued("poland_technology_transfer"), argued("poland_positive_contribution")
replenish_pism, reluctant = argued("replenish_stocks_pism"), argued("rok_ukraine_limited_support")
ukraine_interest = argued("industry_requires_ukraine_interest")
has_camps = shared is not None or body is not None
# The reasons the sources give for buying Korean, in the order the report takes them.
reasons = [name for name, given in (("war", attractive is not None), ("fit", compatible is not None),
                                    ("industry", compatible is not None or transfer is not None)) if given]
tiv = argued("sipri_tiv_measures_volume")  # what SIPRI's shares measure, in SIPRI's words
joint_venture, plant = reported("hanwha_wb_joint_venture_2025_09"), reported("romania_k9_plant_groundbreaking_2026_02")
orka = reported("orka_saab_selected_2025_11")
canada, canada_final = reported("canada_submarine_shortlist_2025_08"), reported("canada_submarine_final_proposals_2026_03_02")

# %% [markdown] tags=["summary"]
# {% if carried_on and only_priority %}**Defence industry has become the most tangible interest South Korea shares
# with individual Allies, and it has outlasted the change of government in Seoul.** South Korean firms have won {{ won }} arms
# agreements, contracts and orders from {{ n_buyers }} NATO members since {{ first_year }}, {{ under_successor }} of them under
# {{ successor.administration }}.
# {% elif first_deal is not none and shared is not none %}**Defence industry has become an interest that Seoul's two
# political camps share with NATO's members.** South Korean firms have won {{ won }} arms agreements, contracts and orders from
# {{ n_buyers }} NATO members since {{ first_year }}, and SWP counts the industry's growth as an aim of both the
# liberal and the conservative government {{ cite(shared) }}.
# {% elif first_deal is not none %}**South Korea became an arms supplier to NATO members in {{ first_year }}.** By
# {{ ev.as_of | month }} its firms had won {{ won }} arms agreements, contracts and orders from {{ n_buyers }} of them,
# {{ buyers | and_list }} {{ cite(taken) }}.
# {% else %}**The sources published by {{ ev.as_of | day }} record no South Korean arms contract with a NATO
# member.**{% endif %}

# %% [markdown] tags=["key-numbers"]
# {% if k2_value is not none %}- **{{ k2_value }}** Poland's second executive contract for K2 tanks, {{ k2_2025 | when }} (contract value{% if k2_spread %}; the sources differ within this range{% endif %}){% endif %}
# {% if poland_share is not none %}- **{{ poland_share }}** Poland's share of South Korea's arms exports, {{ sipri.period | period }} (SIPRI trend-indicator values, a measure of the volume of arms transferred){% endif %}

# %% [markdown]
# {% if first_deal is not none %}
# ## From customer to supplier {#contracts}
# {% endif %}

# %% [markdown] tags=["brief"]
# {% if first_deal is not none %}South Korea has become an arms supplier to NATO's members{% if carried_on %}, and the
# trade has survived a change of government in Seoul{% endif %}. Since {{ first_deal | when("year") }} South Korean firms have won {{ won }}
# agreements, contracts and orders from {{ n_buyers }} Allies, {{ buyers | and_list }}{% if ordered.value %} ({{ signed }} signed,
# {{ ordered }} ordered){% endif %} ({{ fig("deals") }}).{% if leader and leader_share in ("most", "all") %} {{ leader }} accounts for
# {% if leader_share == "all" %}all of them{% else %}{{ per_buyer[leader] | words }} of the {{ won }}{% endif %}{% if framework is not none %},
# beginning with the framework agreements of {{ framework | when }} for tanks, howitzers and light combat
# aircraft{% endif %}.{% if k2_value is not none %} Its second executive contract for K2 tanks, for
# {{ k2_units.get("tank", 0) | words }} more, signed {{ k2_2025 | dated }}, is worth {{ k2_value }}{% if k2_spread %}:
# {{ said(k2_low) }} in {{ sec.citations.name(k2_low.source_id) }}'s report, {{ said(k2_high) }} in
# {{ sec.citations.name(k2_high.source_id) }}'s{% endif %} {{ cite(k2_rows) }}.{% endif %}{% endif %}{% if carried_on %} {{ under_successor | string | upper_first }} of the
# {{ won }} came after {{ successor.administration }} took office in {{ successor.start_date | month }}{% if
# successor_executive | length %}, {{ successor_executive | length | words }} of them follow-on contracts from
# {{ executive_buyers | and_list }}{% endif %}. ({{ see("contracts") }}){% endif %}{% else %}No source published by {{ ev.as_of | day }} covers South Korea's arms
# trade with NATO members, so this section has no contracts to report.{% endif %}

# %% [markdown] tags=["report"]
# {% if first_deal is not none %}{% if attractive is not none and earlier_rows %}Allies were buying Korean arms by
# {{ earlier_rows[0] | when("year") }}; Russia's war against Ukraine made South Korea, in SWP's words,
# {{ quote(attractive, "an even more attractive arms supplier") }}
# {{ cite(attractive) }}{% if carried_on %}, and the contracts did not stop with a change of government{% endif %}.
# {% elif attractive is not none %}The contracts came with the war in Ukraine
# {{ cite(attractive) }}{% if carried_on %}, and they did not stop with the government that signed the first of
# them{% endif %}. {% endif %}{{ fig("deals") }} shows each deal with a NATO member by buyer and date,
# in the colour of the government in office in Seoul when it was signed or ordered: {{ signed }} signed agreements
# and contracts and {{ ordered }} order{% if ordered.value != 1 %}s{% endif %}{% if in_talks %}, with
# {{ in_talks | count("deal") }} under negotiation{% endif %}, from {{ n_buyers }} buyers.
# {% if leader %}{{ leader }} accounts for {{ leader_share }} of the agreements, contracts and orders, {{ per_buyer[leader] | words }}
# of {{ won }}.{% elif top is not none %}No buyer clearly leads: {{ top.tied | and_list }} are level.{% endif %}{% endif %}

# %%
shown = deals
if len(shown):
    last_day = min(ev.as_of, max(shown["end"]))
    chart_start = int(shown["year"].min())
    sec.chart("deals", industry.deals_chart(shown, chart_start, last_day, admins, versions), sources=shown,
              data=shown[["deal_id", "buyer", "buyer_nato_member", "date", "date_precision", "kind", "equipment",
                          "value", "value_qualifier", "currency", "value_usd", "value_basis", "contract_type",
                          "administration", "source_id", "quote"]])
shown_rows = [row for _, row in shown.iterrows()]
non_nato_shown = sorted(set(shown.loc[~shown["buyer_nato_member"].astype(bool), "buyer"])) if len(shown) else []
non_nato_deals = int((~shown["buyer_nato_member"].astype(bool)).sum()) if len(shown) else 0

# %% [markdown]
# {% if shown | length %}
# ```{figure} deals
# :title: {% if leader and leader_share in ("most", "all") and carried_on %}Arms contracts with Allies continued under {{ successor.administration }}, led by {{ leader }}{% elif leader and leader_share in ("most", "all") %}{{ leader }} signed {{ leader_share }} of South Korea's arms contracts with NATO members{% elif first_deal is not none %}South Korea's arms contracts with {{ n_buyers }} NATO members since {{ first_year }}{% else %}South Korea's arms deals in the sources{% endif %}
# :alt: Timeline of South Korea's arms deals from {{ chart_start }} to {{ last_day | month }}: the {{ won }} agreements, contracts and orders of {{ n_buyers }} NATO members{% if in_talks %}, {{ in_talks | words }} more under negotiation{% endif %}{% if non_nato_deals %}, and for comparison {{ non_nato_deals | count("deal") }} with {{ non_nato_shown | and_list }}{% endif %}; one row per deal grouped by buyer: {% for r in shown_rows %}{{ r.buyer }}, {{ when(r, "month") }}, {{ r.equipment_short }}, {% if r.stated %}{% if r.kind == "under negotiation" %}a potential {% endif %}{{ said(r, false) }}{% else %}no value stated{% endif %}{% if not loop.last %}; {% endif %}{% endfor %}.
# Each dot is a deal at its date, in the colour of the government in Seoul at the time: filled when signed, hollow
# when ordered{% if in_talks %}, a diamond while in talks{% endif %}. Values as stated by the source followed for
# each deal, never converted or added.{% if non_nato_shown %} {{ non_nato_shown | and_list }}, not {% if non_nato_shown | length == 1 %}a NATO member, is{% else %}NATO members, are{% endif %}
# shown for comparison.{% endif %}
# ```
# {% endif %}

# %% [markdown] tags=["report"]
# {% if earlier_rows %}The earliest in the record came{% if earlier_govs | length == 1 %} under
# {{ earlier_govs[0] }}{% endif %}: {% for r in earlier_rows %}{{ r.buyer }} signed {{ dated_deal(r) }}{% if r.dated_by != r.source_id and r.dated_by not in agreeing(r) %}
# {{ cite(r.dated_by) }}{% endif %} for {{ r.equipment }} worth {{ said(r) }} {{ cite(r, agreeing(r)) }}{% if loop.revindex == 2 %} and {% elif not loop.last %}, {% endif %}{% endfor %}.
# {% endif %}{% if framework is not none %}{% if earlier_rows %}The large contracts began with Poland{% else %}Poland came
# first{% endif %}{% if after_summit is not none %}, shortly after Yoon Suk-yeol's first NATO summit
# {{ cite(after_summit) }}{% endif %}. {{ framework | dated | upper_first }} it signed framework agreements for
# K2 tanks, K9 howitzers and FA-50 light combat aircraft, with no value announced {{ cite(framework, not_announced) }}.
# {% if executive_2022 is not none %}Executive contracts, which carry the values, followed:
# {{ executive_2022 | dated }} for the first {{ exec_units.get("tank", 0) | words }} tanks and
# {{ exec_units.get("self-propelled howitzer", 0) | words }} howitzers, worth {{ said(executive_2022) }}
# {{ cite(executive_2022) }}{% if fa50 is not none %}, and {{ fa50 | dated }} for
# {% if fa50_count %}{{ fa50_count | words }} FA-50s{% else %}the FA-50s{% endif %}, worth {{ said(fa50) }}
# {{ cite(fa50, fa50_detail) }}{% endif %}.{% endif %}{% if chunmoo_2022 is not none %}
# {{ chunmoo_2022 | dated | upper_first }} Poland also signed an agreement for
# {{ chunmoo_count | words }} Chunmoo rocket launchers, whose value the report of it does not give
# {{ cite(chunmoo_2022) }}.{% endif %}{% if homar_1 is not none %} Executive contracts for the launchers, which Poland
# calls Homar-K, followed {{ dated_deal(homar_1) }}{% if homar_1_count %}, for {{ homar_1_count | words }} of them{% endif %},
# worth {{ said(homar_1) }} {{ cite(homar_1, homar_1.other_sources) }}{% if homar_2 is not none %}, and
# {{ dated_deal(homar_2) }}, for {% if homar_2_count %}{{ homar_2_count | words }}{% endif %} more with their
# missiles, worth {{ said(homar_2) }} {{ cite(homar_2) }}{% if homar_2_other is not none %} or {{ said(homar_2_other) }}
# by the Korean account {{ cite(homar_2_other) }}{% endif %}{% endif %}.{% endif %}{% if k9_2023 is not none %}
# A second K9 contract, {{ k9_2023 | dated("month") }}{% if k9_2023_count %}, was for {{ k9_2023_count | words }} howitzers{% endif %},
# worth {{ said(k9_2023) }} {{ cite(k9_2023) }}.{% endif %}{% endif %}
# {% if norway_2022 is not none %}{{ norway_2022 | dated | upper_first }} Norway also ordered
# {% if norway_units %}{{ norway_units.get("self-propelled howitzer", 0) | words }} more K9 howitzers and
# {{ norway_units.get("ammunition supply vehicle", 0) | words }} K10 ammunition vehicles{% else %}more K9 howitzers
# and K10 ammunition vehicles{% endif %} {{ cite(norway_2022) }}.{% endif %}
# {% if romania_k9 is not none %}Romania signed for K9 howitzers {{ dated_deal(romania_k9) }}, worth
# {{ said(romania_k9) }} {{ cite(romania_k9) }}{% if romania_k9_company is not none %}, or {{ said(romania_k9_company) }}
# in another report {{ cite(romania_k9_company) }}{% endif %}.{% endif %}
# {% if romania_talks is not none %}{{ romania_talks_source }} reported talks on a further package, for K2 tanks,
# Redback infantry fighting vehicles and Cheongung-II air defence missiles, worth a potential
# {{ said(romania_talks) }} {{ when(romania_talks) }} {{ cite(romania_talks) }}; the sources record no contract from them
# by {{ ev.as_of | day }}.{% endif %}
#
# {% if carried_on %}The second wave came under {{ successor.administration }}.{% if k2_2025 is not none %}
# {{ k2_2025 | dated | upper_first }} Poland signed a second executive contract for
# {{ k2_units.get("tank", 0) | words }} K2 tanks{% if k2_units.get("support vehicle") %} and
# {{ k2_units.get("support vehicle") | words }} support vehicles{% endif %}, worth {{ k2_value }}
# {{ cite(k2_rows) }}{% if k2_other is not none %}, or {{ said(k2_other) }} in the Korean contractor's figure as
# reported {{ cite(k2_other) }}{% endif %}.{% endif %}{% if norway_k9 is not none %} Norway's materiel agency
# {% if norway_k9.kind == "signed" %}signed a contract for{% else %}ordered{% endif %} {{ norway_k9_count | words }} more K9 howitzers {{ norway_k9 | dated }}
# {{ cite(norway_k9, norway_k9.other_sources) }}.{% endif %}{% if estonia is not none %} {{ estonia | dated | upper_first }}
# Estonia signed a contract for {{ estonia_launchers | words }} Chunmoo launchers and their missiles, worth
# {{ said(estonia) }} {{ cite(estonia) }}{% if estonia_other is not none %}, or {{ said(estonia_other) }} in another
# account {{ cite(estonia_other) }}{% endif %}.{% endif %}{% if homar_2025 is not none %} The same month Poland signed
# a third executive contract for the missiles of its Chunmoo launchers, known there as Homar-K: {{ said(homar_2025) }}
# {{ cite(homar_2025) }}{% if homar_other is not none %}, or {{ said(homar_other) }} by the Polish account
# {{ cite(homar_other) }}; the two figures are in different currencies and are not set against each other{% endif %}.{% endif %}
# {% if norway_chunmoo is not none %}{{ norway_chunmoo | dated | upper_first }} Norway signed
# for {{ norway_launchers | words }} Chunmoo launchers, worth {{ said(norway_chunmoo) }}
# {{ cite(norway_chunmoo) }}{% if norway_project | length %}. The figures in other reports,
# {% for r in norway_project_rows %}{{ said(r) }} {{ cite(r) }}{% if not loop.last %} and {% endif %}{% endfor %},
# are on another basis, that of the whole deal as reported; the maker describes Norway's whole acquisition project as
# {{ quote(norway_chunmoo, "budgeted at $2 billion") }} {{ cite(norway_chunmoo) }}{% endif %}.{% endif %}{% endif %}
# {% if unnamed_rows %}{{ unnamed_rows | length | count("further deal") | upper_first }} with
# {% if unnamed_rows | length == 1 %}an Ally is{% else %}Allies are{% endif %} on record: {% for r in unnamed_rows %}{{ r.buyer }},
# {{ industry.deal_when(r) }}, for {{ r.systems | lower_first }}{% if r.stated %}, worth {{ industry.deal_value(r) }}{% endif %}
# {{ cite(r) }}{% if not loop.last %}; {% endif %}{% endfor %} ({{ fig("deals") }}).{% endif %}
# {% if australia is not none and not nato_only %}Outside NATO, Australia's contract for Redback infantry fighting
# vehicles of {{ australia | when }}, worth {{ said(australia) }} {{ cite(australia) }}, is shown for
# comparison.{% endif %}
#
# ```{note}{% if earlier_rows and earlier_rows[0].versions > 1 %} norway_k9_2017_value{% endif %}{% if chunmoo_2022 is not none %} poland_chunmoo_2022_quantity{% endif %}{% if k9_2023 is not none and k9_2023.versions > 1 %} poland_k9_second_executive_date{% endif %}{% if k2_2025 is not none and k2_2025.versions > 1 %} poland_k2_2025_value{% endif %}{% if romania_k9 is not none and romania_k9.versions > 1 %} romania_k9_date romania_k9_value{% endif %}{% if estonia is not none and estonia.versions > 1 %} estonia_chunmoo_value{% endif %}{% if norway_chunmoo is not none and norway_chunmoo.versions > 1 %} norway_chunmoo_value{% endif %}{% if australia is not none and australia.versions > 1 and not nato_only %} redback_contract_date{% endif %}
# ```

# %%
# Every version of every deal, in date order, for the table written below; `followed` marks the version the report
# follows, `stated` a version that gives a value.
followed = {(r["deal_id"], r["source_id"]) for _, r in deals.iterrows()}
version_rows = [{**r, "followed": (r["deal_id"], r["source_id"]) in followed, "stated": pd.notna(r["value"])}
                for r in versions.to_dict("records")]
sec.table_sources("deals", sources=versions)

# %% [markdown] tags=["report"]
# {% if framework_account is not none %}
# ## Poland's first deal: the accounts and the record {#poland}
#
# {% if source_accounts | length > 1 %}Both accounts of Poland's 2022 deal in the analyses describe its first step,
# and that step was a set of framework agreements with no value announced.{% elif source_accounts %}The account of
# Poland's 2022 deal in {{ source_accounts[0].name }}'s analysis describes its first step, and that step was a set of
# framework agreements with no value announced.{% else %}Poland's first step, in 2022, was a set of framework
# agreements with no value announced.{% endif %}{% if source_accounts %} {% for a in source_accounts %}{{ a.name }} writes
# of {% if a.stated %}a {{ said(a.row) }} agreement{% else %}an agreement{% endif %}{% if a.row.date_precision != "year" %}
# signed {{ a.row | dated }}{% endif %} for {{ a.says }} {{ cite(a.row) }}{% if not loop.last %}; {% endif %}{% endfor %}.{% endif %}
# By Warsaw's account the framework agreements of {{ framework | when }} committed Poland to {{ framework_account.says }}
# {{ cite(framework) }}{% if swp_matches_framework %}, the quantities SWP gives{% endif %}.{% if pism_tanks_as_rotem %}
# PISM's {{ pism_tanks | number }} tanks is the number Hyundai Rotem, their maker, gave for its initial deal {{ cite(rotem) }}{% if k2_framework_1000 is not none %},
# and a later Polish report says the K2 framework agreement
# {{ quote(k2_framework_1000, "ultimately assumes the purchase of 1,000 K2 tanks") }} {{ cite(k2_framework_1000) }}{% endif %}.{% endif %}
# {% if contracts_account is not none %}The contracts that carry values were signed in {{ contracts_account.when }}
# ({{ tab("poland") }}){% if executive_sum is not none %}: the executive contracts of 2022, signed in {{ n_executive | words }} rounds, add up to
# {{ executive_sum_said }} in contract value{% endif %}{% if tank_share %}, and they covered
# {{ tank_share[0] | words }} of the {{ tank_share[1] | words }} tanks{% endif %}.{% endif %}
# {% if swp_value is not none %}SWP's {{ said(swp_value) }} is therefore not the value of a July agreement{% if not_announced is not none %},
# whose value had not been announced when {{ sec.citations.name(not_announced.source_id) }} reported
# {{ sec.citations.published_when(not_announced.source_id) }} {{ cite(not_announced) }}{% endif %}{% if package_total is not none %}. It matches
# the figure The New York Times gave, as {{ package_total_name }} summarises it, for all of Poland's 2022 contracts with
# Korean makers, for {{ quote(package_total, "tanks, howitzers, fighter jets, and rocket launchers") }}
# {{ cite(package_total) }}{% endif %}.{% endif %}
# This report follows the record: the framework quantities with their sources, and values only where a contract
# states one; the analyses' versions stand beside them ({{ fig("poland") }}).{% endif %}

# %%
if len(poland_accounts) > 1:
    poland_rows = pd.DataFrame([r for a in poland_accounts for r in a["rows"]])
    poland_sources = sorted({s for a in poland_accounts for s in a["sources"]})
    quantity_sources = sorted({s for a in poland_accounts for s in a["quantity_sources"]})  # what the chart draws
    sec.chart("poland", industry.poland_chart(poland_accounts, account_labels, poland_systems), sources=quantity_sources,
              data=industry.accounts_frame(poland_accounts, account_labels, poland_systems))
    sec.table_data("poland", industry.accounts_table(poland_accounts, account_labels, poland_systems, sec.cite_any),
                   sources=poland_sources, html_columns=("Sources",))

# %% [markdown] tags=["report"]
# {% if poland_accounts | length > 1 %}
# ```{figure} poland
# :title: {% if tank_share %}The contracts of 2022 covered {{ tank_share[0] | words }} of the {{ tank_share[1] | words }} tanks in the framework agreements{% else %}The accounts of Poland's 2022 deal side by side{% endif %}
# :alt: Grouped bar chart of the quantities in Poland's 2022 deal by account: {% for a in poland_accounts %}{{ account_labels[loop.index0] }}: {{ a.says }}{% if not loop.last %}; {% endif %}{% endfor %}.
# Units of each type of equipment as each account gives them{% if contracts_account is not none %}; the contracts
# signed in {{ contracts_account.when }} are taken together{% endif %}.{% if aircraft_agree %} All accounts agree on
# the aircraft.{% endif %}{% if chunmoo_2022 is not none and chunmoo_count and framework_account is not none %} The
# separate agreement of {{ chunmoo_2022 | when }} for {{ chunmoo_count | words }} rocket launchers is not one of the
# framework agreements of {{ framework_account.when }}, so their bar shows none.{% endif %}
# ```
#
# ```{table} poland
# The accounts of Poland's 2022 deal side by side: quantities, value with its basis, and the type of agreement.
# ```
#
# ```{note}{% if "swp2025" in by_source %} poland_quantities{% endif %}{% if swp_value is not none %} poland_2022_value_basis{% endif %}
# ```
# {% endif %}

# %% [markdown] tags=["report"]
# {% if has_aggregates %}
# ## What the aggregate figures measure {#aggregates}
#
# {% if aggregate_kinds > 1 %}{{ aggregate_kinds | words | upper_first }} kinds of aggregate figure circulate, and they
# measure different things; this report never sets one against another.{% endif %}
# {% if sipri %}SIPRI measures the volume of international transfers of major weapons in trend-indicator values
# {{ cite(tiv) }}, over five-year periods. By that measure South Korea was the world's {{ ordinal(sipri.rank.value) }}-largest arms
# exporter in {{ sipri.period | period }}{% if sipri.world is not none %}, with {{ figure(sipri.world) }} of world
# exports{% endif %} {{ cite(sipri.rank) }}{% if poland_share is not none %}, and Poland took {{ poland_share }} of
# its exports {{ cite(sipri.poland) }}{% if earlier_poland is not none %}, against {{ figure(earlier_poland) }} in
# {{ (earlier_poland.period_start, earlier_poland.period_end) | period }} {{ cite(earlier_poland) }}{% endif %}{% endif %}.
# {% if sipri_growth is not none %}Its exports in {{ sipri.period | period }} were {{ figure(sipri_growth) }} higher than
# in the five years before {{ cite(sipri_growth) }}.{% endif %}{% if swp_growth is not none and growth_read is not none %}
# SWP's growth rate, {{ quote(swp_growth, "over 176.8 per cent between 2017 and 2021") }} {{ cite(swp_growth) }},
# is of the same kind: it compares SIPRI's five-year periods {{ (swp_growth.period_start, swp_growth.period_end) | period }}
# and {{ (swp_growth.period_start - 5, swp_growth.period_end - 5) | period }} {{ cite(growth_read) }}, and
# the later period spans the governments of {{ growth_governments | and_list }}.{% endif %}
# {% if nato_imports is not none %}South Korea supplied {{ figure(nato_imports) }} of the arms imports of NATO's
# members in {{ (nato_imports.period_start, nato_imports.period_end) | period }}, as much as France, on SIPRI's measure
# as Herald Corp reports it {{ cite(nato_imports) }}{% if nato_europe is not none %}; Carnegie Europe, giving the same
# share for {{ nato_europe.period_start }}, names the importers as {{ quote(nato_europe, "European NATO states") }}
# {{ cite(nato_europe) }}{% endif %}.{% endif %}{% endif %}{% if pism_poland is not none %} For
# {{ (pism_poland.period_start, pism_poland.period_end) | period }}, PISM gave Poland {{ figure(pism_poland) }} of
# South Korea's arms exports, without naming its data source {{ cite(pism_poland) }}.{% endif %}
# {% if totals | length %}The Korean government counts {% if sipri %}something else: {% endif %}the value of export
# contracts signed in each calendar year. Its totals run from {{ figure(first_total) }} in
# {{ first_total.period_start }}{% if peak_total.period_start != first_total.period_start %} to {{ figure(peak_total) }}
# in {{ peak_total.period_start }}{% endif %}{% if latest_total.period_start != peak_total.period_start %} and
# {{ figure(latest_total) }} in {{ latest_total.period_start }}{% endif %}
# {{ cite(first_total, peak_total, latest_total) }} ({{ fig("exports") }}).{% if differing_years %} For
# {{ differing_years | and_list }} the government's figure differs between reports; this report follows the later
# report and shows both.{% endif %}{% endif %}
# {% if swp_series | length %}SWP gives a series of its own, attributed to SIPRI: {% for r in swp_series_rows %}{% if loop.last and not loop.first %}and {% endif %}{{ figure(r) }}
# for {{ (r.period_start, r.period_end) | period }}{% if loop.revindex > 2 %}, {% elif loop.revindex == 2 %} {% endif %}{% endfor %}
# {{ cite(swp_series) }}.{% if swp_unequal %} Its periods are of unequal length.{% endif %} SIPRI publishes volumes of
# transfers {{ cite(tiv) }}, while the government counts the value of contracts signed.{% if swp_matches_totals %} SWP's last figure matches the sum of the government's
# contract totals for the same years, {% if sum_low != sum_high %}USD {{ sum_low | number(2) }} or
# {{ sum_high | number(2) }} billion depending on which figure for a disputed year is used{% else %}USD
# {{ sum_low | number(2) }} billion{% endif %}, and not SIPRI's data.{% endif %}{% endif %}
# {% if sipri and totals | length %}This report follows SIPRI for shares and rank and the government's totals for the
# money value of contracts{% if swp_series | length %}, and uses SWP's series for neither{% endif %}.{% endif %}{% endif %}

# %%
if len(totals) or len(share_rows):
    trade_rows = pd.concat([totals, share_rows], ignore_index=True)
    sec.chart("exports", industry.exports_chart(totals, share_rows), sources=trade_rows,
              data=trade_rows[["figure_id", "measure", "partner", "period_start", "period_end", "value", "qualifier",
                               "unit", "basis", "source_id", "quote"]])
total_rows = [row for _, row in totals.iterrows()]
share_list = [row for _, row in share_rows.iterrows()] if len(share_rows) else []
# Poland's share rose only if SIPRI's own periods say so (PISM's unnamed source is not part of the series).
shares_rise = len(poland_shares) > 1 and list(poland_shares["value"]) == sorted(poland_shares["value"]) \
    and poland_shares["value"].iloc[-1] > poland_shares["value"].iloc[0]
peak_is_last = peak_total is not None and int(peak_total["period_start"]) == int(totals["period_start"].max())
both_panels = len(totals) > 0 and len(share_rows) > 0

# %% [markdown] tags=["report"]
# {% if totals | length or share_rows | length %}
# ```{figure} exports
# :title: {% if totals | length and not peak_is_last and shares_rise %}Contracts signed peaked in {{ high_year }}; Poland's share of the arms transferred rose{% elif totals | length and not peak_is_last %}The value of export contracts signed peaked in {{ high_year }}{% elif totals | length %}The value of export contracts signed was highest in {{ high_year }}, the latest year{% else %}Poland's share of South Korea's arms exports{% endif %}
# :alt: {% if totals | length %}Bar chart of the Korean government's annual totals of arms export contracts signed, in billions of US dollars: {% for r in total_rows %}{{ r.period_start }}, {{ figure(r) }}{% if not loop.last %}; {% endif %}{% endfor %}.{% endif %}{% if share_list %} Bar chart of Poland's share of South Korea's arms exports by five-year period: {% for r in share_list %}{{ (r.period_start, r.period_end) | period }}, {{ figure(r) }}{% if not loop.last %}; {% endif %}{% endfor %}.{% endif %}
# {% if totals | length %}{% if both_panels %}Left: t{% else %}T{% endif %}he value of export contracts signed in each
# calendar year, Korean government figures in billions of US dollars; where two reports of the government's figure
# differ, the bar is the later report's and the earlier one is drawn as a line across it, both labelled (later
# first).{% endif %}{% if share_list %} {% if both_panels %}Right: {% endif %}Poland's share of South
# Korea's arms exports over five-year periods, in per cent of SIPRI trend-indicator values (a
# measure of the volume of arms transferred){% if pism_poland is not none %}; the hatched bar is PISM's figure, which names no data source{% endif %}.{% endif %}
# {% if both_panels %}The two panels measure different things and share no axis.{% endif %}
# ```
#
# ```{note}{% if swp_series | length %} export_value_basis export_contracts_unit{% endif %}{% if differing_years %} rok_export_contracts_annual{% endif %}{% if swp_growth is not none %} export_growth_window{% endif %}
# ```
# {% endif %}

# %% [markdown] tags=["brief"]
# {% if first_deal is not none %}The values cannot simply be added: across the sources' versions of these deals they
# come in {{ all_currencies | length | words }} currencies and on different bases.{% if poland_share is not none and latest_total is not none %}
# The aggregate figures measure different things too. By SIPRI's measure of the volume of arms transferred
# {{ cite(tiv) }}, Poland took {{ poland_share }}
# of South Korea's arms exports in {{ sipri.period | period }} {{ cite(sipri.poland) }}; by Seoul's count, South
# Korea signed export contracts worth {{ figure(latest_total) }} in {{ latest_total.period_start }}
# {{ cite(latest_total) }}.{% endif %}{% if swp_matches_totals %} SWP's {{ figure(last_swp) }} for
# {{ (last_swp.period_start, last_swp.period_end) | period }}, attributed to SIPRI, matches the sum of the
# government's contract totals for those years, not SIPRI's data.{% endif %}{% if has_aggregates %} ({{ see("aggregates") }}){% endif %}{% endif %}

# %% [markdown]
# {% if has_camps %}
# ## Why both camps back it {#camps}
# {% endif %}

# %% [markdown] tags=["brief"]
# {% if only_priority %}Defence industry is the only area of cooperation that the sources record as a priority of all
# {{ governments | length | words }} governments since {{ since_year }}{% if both_camps_priority %}, of
# both camps{% endif %}{% if shared is none %} {{ cite(priority_rows) }}{% endif %}.{% elif both_camps_priority %}Defence industry is
# one of {{ priorities | length | words }} areas of cooperation that governments of both camps made a
# priority{% if shared is none %} {{ cite(priority_rows) }}{% endif %}.{% endif %}
# {% if shared is not none %}SWP calls building up the defence industry and arms exports
# {{ quote(shared, "a shared objective of both the Moon and Yoon administration") }} {{ cite(shared) }}.{% endif %}
# {% if successor is not none and body is not none %}{{ successor.administration }}'s government kept the course. At The Hague {{ body | dated }} {% if wi is not none %}his national security adviser{% else %}Seoul's
# envoy{% endif %} and NATO's Secretary General agreed to set up a consultative body on defence industry
# {{ cite(body) }}{% if body_first is not none %}; NATO opened a first staff-to-staff dialogue with Seoul on defence
# industry {{ body_first | dated }} {{ cite(body_first) }}{% endif %}{% if lee_call is not none %};
# {{ call_event | dated }} the president pressed Rutte for
# {{ quote(lee_call, "substantive progress in arms industry cooperation") }} through the consultative body {{ cite(lee_call) }}{% endif %}.{% endif %}
# {% if only_priority or both_camps_priority %}({{ see("camps") }}){% endif %}

# %% [markdown] tags=["report"]
# {% if has_camps %}{% if shared is not none %}SWP traces the industry's place in the partnership to an aim that outlasted a change of
# government: strengthening the domestic defence industry and the country's role as a major arms exporter.
# {% if crucial is not none %}Closer cooperation with NATO members was, in its words,
# {{ quote(crucial, "a crucial aspect of this strategy") }}, and the aim {% else %}The aim {% endif %}was
# {{ quote(shared, "a shared objective of both the Moon and Yoon administration") }} {{ cite(shared) }}.
# {% if budget is not none %}Under Moon the defence budget grew by an average of {{ budget.value | number }}% a year,
# as SWP puts it without saying whether in nominal or real terms {{ cite(budget) }}.{% endif %}{% endif %}
# {% if summit_push is not none %}Yoon made NATO's summits serve the sales: SWP finds that he
# {{ quote(summit_push, "used his participation at the NATO summits to push ahead defence deals with NATO member states") }}
# {{ cite(summit_push) }}.{% if duda is not none %} At his first summit, {{ duda | dated }}, he told Poland's
# President Andrzej Duda that he expected their talks on defence cooperation to make substantial progress
# {{ cite(duda) }}{% if framework is not none %}, and the framework agreements followed {{ framework | dated }}{% endif %}.{% endif %}{% endif %}
#
# {% if successor is not none %}{{ successor.administration }}'s government, of the {{ successor.camp }} camp and in
# office since {{ successor.start_date | day }}, kept the course.{% if wi is not none and body is not none %} The new
# president did not go to The Hague summit; his national security adviser, Wi Sung-lac, went in his place
# {{ cite(wi) }} and agreed there with Secretary General Rutte to set up a consultative body on defence industry
# {{ cite(body) }}.{% endif %}{% if body_first is not none %} NATO's Assistant Secretary General for Defence Industry,
# Innovation and Armaments opened a first staff-to-staff dialogue on defence industrial cooperation with South Korea's
# Defence Acquisition Program Administration {{ body_first | dated }} {{ cite(body_first) }}.{% endif %}{% if ahn is not none %} {{ ahn_event | dated | upper_first }} the
# defence minister told the chair of NATO's Military Committee that Seoul planned to broaden defence-industry
# collaboration with NATO {{ quote(ahn, "beyond individual European countries") }} {{ cite(ahn) }}.{% endif %}
# {% if nawrocki is not none %}Meeting Poland's President Karol Nawrocki {{ nawrocki | dated }}, {{ successor.administration }} looked
# to wider cooperation in the industry as Poland sought new submarines {{ cite(nawrocki) }}.{% endif %}{% if lee_call is not none %}
# {{ call_event | dated | upper_first }} he asked NATO's Secretary General for
# {{ quote(lee_call, "substantive progress in arms industry cooperation through the South Korea–NATO defense industry council") }}
# {{ cite(lee_call) }}.{% endif %}{% endif %}
# {% if governments | length >= 2 and priorities | length %}{% if only_priority %}Since {{ since_year }}, defence
# industry is the one area of cooperation that the sources name as a priority of all
# {{ governments | length | words }} governments, {{ governments_named | and_list }}
# {{ cite(priority_rows) }}{% if last_areas == 1 %}; for {{ governments_named[-1] }}'s it is the only area they name{% endif %}.
# With the contracts, that makes it the most tangible interest South Korea shares with individual Allies.{% else %}The areas that {{ governments_named | and_list }} all made a priority are
# {{ priorities | and_list }} {{ cite(priority_rows) }}.{% endif %}{% endif %}
# {% if standing is not none %}PISM sees a motive of standing too: ties with NATO and its members in the defence
# industry serve {{ quote(standing, "to raise South Korea's position as an actor contributing to international security") }}
# {{ cite(standing) }}.{% endif %}
#
# ```{note}{% if budget is not none %} defence_budget_growth_basis{% endif %}{% if lee_call is not none %} lee_rutte_call_2026_date{% endif %}
# ```
# {% endif %}

# %% [markdown] tags=["report"]
# {% if reasons %}
# ## Why European Allies buy Korean {#buyers}
#
# The sources give {{ reasons | length | words }} reason{% if reasons | length > 1 %}s{% endif %}, and speed of
# delivery is not among them.{% if "war" in reasons %} The {{ ordinal(reasons.index("war") + 1) }} is the war.
# Russia's invasion of Ukraine made South Korea
# {{ quote(attractive, "an even more attractive arms supplier to European countries") }} such as Poland or Estonia
# {{ cite(attractive) }}{% if replenish is not none %}, which had {{ quote(replenish, "supplied weapons to Ukraine") }}
# and needed to replenish their stocks {{ quote(replenish, "with modern weaponry") }} {{ cite(replenish) }}{% endif %}.{% endif %}
# {% if "fit" in reasons %}The {{ ordinal(reasons.index("fit") + 1) }} is fit: PISM notes that Allies' interest grew
# in an offer marked by {{ quote(compatible, "compatibility with NATO standards") }}
# {{ cite(compatible) }}{% if modernise is not none %}, and that the Poland deal shows Korean equipment can help to
# modernise Allied forces {{ cite(modernise) }}{% endif %}.{% endif %}
# {% if "industry" in reasons %}The {{ ordinal(reasons.index("industry") + 1) }} is industry at home. The Korean offer
# comes with {% if compatible is not none %}{{ quote(compatible, "openness to industrial cooperation") }}{% else %}industrial
# cooperation{% endif %}{% if transfer is not none %}, and the technology transfer in the Polish agreements is
# {{ quote(transfer, "intended to strengthen the potential of the Polish defence industry") }}
# {{ cite(transfer) }}{% endif %}.{% if k2_framework_1000 is not none %} By a Polish report,
# {{ quote(k2_framework_1000, "820 of the vehicles ordered at a later stage are to be manufactured under license in Poland") }}
# {{ cite(k2_framework_1000) }}.{% endif %}{% if joint_venture is not none %} {{ joint_venture | dated | upper_first }} Hanwha and Poland's
# WB Group agreed a joint venture to make the missiles for Poland's Chunmoo launchers {{ cite(joint_venture) }}{% endif %}{% if plant is not none %}{% if joint_venture is not none %},
# and in{% else %} In{% endif %} {{ plant | when }} Hanwha broke ground on a plant in Romania to build K9 howitzers and
# K10 vehicles {{ cite(plant) }}{% endif %}{% if joint_venture is not none or plant is not none %}.{% endif %}{% endif %}
# {% if contribution is not none %}For Seoul the sales also carry a political message: SWP reads the sales to Poland
# and the industrial cooperation with it as underscoring
# {{ quote(contribution, "Seoul’s positive contribution to European security") }} {{ cite(contribution) }}.{% endif %}
# {% if replenish_pism is not none %}PISM, writing when Seoul {% if reluctant is not none %}remained
# {{ quote(reluctant, "reluctant to ship arms to Ukraine") }} {{ cite(reluctant) }}{% else %}sent no arms to
# Ukraine{% endif %}, saw such sales as an indirect form of support for Ukraine {{ cite(replenish_pism) }}.{% endif %}{% endif %}

# %% [markdown] tags=["brief"]
# {% if attractive is not none and compatible is not none %}Allies such as Poland and Estonia turned to Korea, SWP notes,
# because they had armed Ukraine and needed to restock {% if replenish is not none %}{{ cite(replenish) }}{% else %}{{ cite(attractive) }}{% endif %}
# and the Korean offer came with {{ quote(compatible, "compatibility with NATO standards") }} and
# {{ quote(compatible, "openness to industrial cooperation") }} {{ cite(compatible) }}{% if joint_venture is not none or plant is not none %},
# now including {% if joint_venture is not none %}a joint venture to make missiles in Poland{% endif %}{% if joint_venture is not none and plant is not none %}
# and {% endif %}{% if plant is not none %}a howitzer plant being built in Romania{% endif %}
# {{ cite(joint_venture, plant) }}{% endif %}.{% if orka is not none %} Yet the market is not won
# by default: {{ orka | dated }} Poland chose Sweden's Saab over Hanwha Ocean for its submarines
# {{ cite(orka) }}{% if canada_final is not none %}, and Canada's competition, with Hanwha Ocean a finalist{% if canada is not none %} {{ cite(canada) }}{% endif %}, was still
# open {{ canada_final | dated("month") }} {{ cite(canada_final) }}{% endif %}.{% endif %}
# ({{ see("buyers") }}){% endif %}

# %% [markdown] tags=["report"]
# ## What the evidence does not show {#limits}
#
# {% if first_deal is not none %}The record is of contracts, not of deliveries: how much of the equipment has reached
# the buyers is not in the data, and a framework agreement commits a buyer to less than its headline quantities
# suggest until executive contracts follow. Most of the values come from news reports that relay a company or a
# government{% if differing_deals %}, and {{ differing_deals | words }} of the {{ deals | length | words }} deals in
# {{ tab("deals") }} {% if differing_deals == 1 %}is{% else %}are{% endif %} reported with more than one figure for
# their value{% endif %}. The sources used here do not compare Korean prices or delivery times with those of other suppliers.{% endif %}
# {% if orka is not none or canada is not none %}Competitions lost or still open are not deals, and this report does
# not count them.{% if orka is not none %} {{ orka | dated | upper_first }} Poland chose Saab, not Hanwha Ocean, to build three
# submarines under its Orka programme {{ cite(orka) }}.{% endif %}{% if canada is not none %} Canada shortlisted
# Hanwha Ocean and a German–Norwegian consortium for its submarine project {{ canada | dated }}
# {{ cite(canada) }}{% if canada_final is not none %}; final proposals were due {{ canada_final | dated }}, and the
# sources read record no decision {{ cite(canada_final) }}{% endif %}.{% endif %}{% endif %}
# {% if ukraine_interest is not none %}PISM marks a political limit: deeper defence cooperation with Poland and other
# Central European countries
# {{ quote(ukraine_interest, "will require greater interest on South Korea's part in the situation in Eastern Europe, namely Ukraine") }}
# {{ cite(ukraine_interest) }}.{% endif %}{% if first_deal is none and ukraine_interest is none %}The sources published
# by {{ ev.as_of | day }} say nothing of South Korea's arms sales to NATO members.{% endif %}

# %% [markdown] tags=["report"]
# {% if first_deal is not none %}
# ## How this section counts deals {#method}
#
# **Deals and their versions.** A deal is one agreement or contract, however many sources report it; each source's
# account is kept as a version with its own value, currency, basis and type of agreement. The July 2022 framework
# agreements with Poland count as one deal; the executive contracts that implement them count separately, because
# each was signed and valued on its own. A deal counts as signed when any source reports it concluded, as an order
# when the sources report only an order, and as under negotiation when they report only talks.
#
# **The version followed.** Where versions differ, the chart and the text follow one, chosen by a fixed order of
# preference: a record nearer the contract than the five core documents, which report deals second-hand; then a
# contract value over a reported or potential one; a stated type of agreement; a value in US dollars or with the
# source's own dollar equivalent; an unhedged value; and the more precise date. The other versions stay in the table
# of deals.
#
# **Values.** Each value appears as its source states it. Values are set side by side, added or ranked only when
# they share a basis and a currency, or when each source gives its own US dollar equivalent; where sources in one
# currency disagree, the report gives both figures (as a range where one is the followed value of a key number). SIPRI's trend-indicator values measure the volume of arms
# transferred and the government's totals measure contracts signed, so the two are kept apart.
# {% endif %}

# %% [markdown] tags=["report"]
# {% if versions | length %}
# ## Every version of every deal {#versions}
#
# ```{table} deals
# Every version of South Korea's arms deals with NATO members{% if non_nato_shown %}, and with
# {{ non_nato_shown | and_list }} for comparison{% endif %}: {{ versions | length }} versions of
# {{ deals | length | count("deal") }}, each with its value as the source states it (currency and basis), the type
# of agreement, and whether this report follows it. A value in another currency is given in US dollars only where the
# source itself does so.
#
# | Buyer and date | What the source says was bought | Value as stated (basis) | Type | Followed here | Source |
# |---|---|---|---|---|---|
# {% for r in version_rows %}| {{ r.buyer }}{% if not r.buyer_nato_member %} (not a NATO member){% endif %}, {{ industry.deal_when(r) }} | {{ r.systems }} | {% if r.stated %}{{ industry.deal_value(r) }} ({{ r.value_basis }}){% else %}not stated{% endif %} | {{ industry.CONTRACT_LABELS[r.contract_type] }} | {% if r.followed %}yes{% endif %} | {{ cite(r.source_id) }} |
# {% endfor %}
# ```
# {% endif %}

# %% [markdown] tags=["report"]
# ```{note} *
# ```

# %%
sec.record()
