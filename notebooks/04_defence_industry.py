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
# How did South Korea become an arms supplier to NATO's members, why did European Allies buy from it after
# February 2022, and why is the defence industry common ground for Seoul's two political camps?

# %% tags=["parameters"]
as_of = "2025-01-31"  # evidence cut-off (YYYY-MM-DD): only what the sources had published by then; a figure for a period counts once the period is over
nato_only = False  # True: the deals table and charts show only deals with NATO members (Australia, the non-NATO comparison, is left out)

# %%
import matplotlib.patches as mpatches
import pandas as pd

from helpers.writing import charts, text
from helpers.analysis import industry
from helpers.evidence.data import check_flag, load_all, published_sources
from helpers.evidence.dates import say_date
from helpers.analysis.motives import available_assessment, period_over
from helpers.writing.section import Section

ev = load_all(as_of)
sec = Section(number=4, slug="defence_industry", title="Arms and industry: an interest both camps share", evidence=ev)
nato_only = check_flag("nato_only", nato_only)
known = published_sources(ev.sources, ev.as_of)
NATO_COLOUR, OTHER_COLOUR = "#0072B2", "#E69F00"


def claim(assessment_id: str):
    """A source's argument (a row of data/assessments.csv), or None if the source was not yet published by as_of."""
    return available_assessment(ev.assessments, ev.sources, assessment_id, ev.as_of)


def known_row(frame: pd.DataFrame, key: str, value: str):
    """The row with key == value if its source was published by as_of (and its date or period is over), else None."""
    rows = frame[(frame[key] == value) & frame["source_id"].isin(known)]
    if "end" in rows:
        rows = rows[rows["end"] <= ev.as_of]
    if "period_end" in rows:
        rows = period_over(rows, ev.as_of)
    return rows.iloc[0] if len(rows) else None


def event(event_id):
    return known_row(ev.events, "event_id", event_id)


source_name = sec.citations.name  # 'SWP', 'PISM': how the prose names a source


def period_of(row) -> str:
    return text.period(row["period_start"], row["period_end"])


# %%
# The evidence behind the findings: exports by period, the arms trade with NATO countries, the deals.
exports = industry.export_values(ev.arms_trade, ev.sources, ev.as_of)
comparable = exports[exports["comparable"]]
apart = exports[~exports["comparable"]]
growth = industry.trade_figures(ev.arms_trade, ev.sources, "export growth", ev.as_of)
contracts = industry.trade_figures(ev.arms_trade, ev.sources, "export contracts", ev.as_of)
imports, _ = industry.trade_shares(ev.arms_trade, ev.sources, "import share", ev.as_of)
exports_to, nato_total = industry.trade_shares(ev.arms_trade, ev.sources, "export share", ev.as_of)
budget = known_row(ev.indicators, "indicator_id", "defence_budget_growth_moon")

deals = industry.deals_in_view(ev.arms_deals, ev.sources, ev.as_of, nato_only=nato_only)
nato_deals = deals[deals["buyer_nato_member"]]
signed_nato = nato_deals[nato_deals["status"] == industry.SIGNED]
top_signed = industry.largest(deals, industry.SIGNED, nato=True)
top_pending = industry.largest(deals, industry.UNDER_NEGOTIATION, nato=True)
poland_quantities = industry.quantities_by_source(ev.arms_deal_items, deals, "poland_2022")

shared, crucial = claim("industry_shared_objective"), claim("nato_cooperation_crucial")

# %%
if len(signed_nato):
    first_year = int(signed_nato["year"].min())
    sec.finding(
        f"Since {first_year} South Korea has become a major arms supplier to NATO members: the sources record "
        f"{industry.deal_count(signed_nato)} with Allies"
        + (f", led by {text.esc(top_signed['buyer'])}'s deal of {industry.deal_when(top_signed)} worth "
           f"{industry.deal_value(top_signed)} {sec.cite(top_signed['source_id'])}" if top_signed is not None else "")
        + (f", and talks on a potential {industry.deal_value(top_pending).removesuffix(' (potential)')} deal with "
           f"{text.esc(top_pending['buyer'])} were under way {industry.deal_when(top_pending)}"
           if top_pending is not None else "")
        + ".", sources=sorted(set(nato_deals["source_id"])), rank=25)
if shared is not None:
    sec.finding(
        "The defence industry is common ground for Seoul's two political camps: building up the "
        "industry and arms exports, with closer cooperation with NATO members as "
        + (f"{sec.quoted(crucial, 'a crucial aspect of this strategy')}, was " if crucial is not None else "")
        + f"{sec.quoted(shared, 'a shared objective of both the Moon and Yoon administration')}.",
        sources=[shared["source_id"]], rank=30)
if len(comparable) >= 2:
    first, last = comparable.iloc[0], comparable.iloc[-1]
    sentence = (f"Arms exports {industry.growth_words(first['value'], last['value'])} from "
                f"{text.quantity(first['value'], first['unit'])} in {period_of(first)} to "
                f"{text.quantity(last['value'], last['unit'])} in {period_of(last)}")
    if len(apart):
        odd = apart.iloc[-1]
        sentence += (f"; the {text.quantity(odd['value'], odd['unit'])} given for {period_of(odd)} covers "
                     f"{text.count(int(odd['years']), 'year')} and, in this brief's reading, probably counts contracts "
                     "signed, so it is not comparable")
    sec.finding(sentence + ".", sources=sorted(set(exports["source_id"])), rank=35)
if len(imports) and nato_total is not None:
    named, _ = industry.named_share_total(imports)
    sec.finding(
        f"NATO members sit on both sides of South Korea's arms trade: in {period_of(nato_total)} they supplied "
        + ("almost all" if named >= 95 else text.percent(named)) + " of its arms imports and took "
        f"{text.percent(nato_total['value'], nato_total['qualifier'])} of its arms exports.",
        sources=sorted({nato_total["source_id"], *imports["source_id"]}), rank=40)
if not sec.judgements:
    sec.finding(f"None of the sources published by {say_date(ev.as_of.isoformat(), 'day')} covers South Korea's "
                "defence industry or its arms trade with NATO members.", rank=90)

if top_signed is not None:
    sec.key_number("industry_largest_nato_deal", f"{top_signed['buyer']}'s arms deal with South Korea, "
                   f"{industry.deal_when(top_signed)} ({source_name(top_signed['source_id'])})",
                   top_signed["value"], industry.deal_value(top_signed), sources=[top_signed["source_id"]])
if nato_total is not None:
    sec.key_number("industry_export_share_nato", f"share of South Korea's arms exports going to NATO members, "
                   f"{period_of(nato_total)}", nato_total["value"],
                   text.percent(nato_total["value"], nato_total["qualifier"]), sources=[nato_total["source_id"]])
if len(signed_nato):
    sec.key_number("industry_signed_nato_deals", f"arms deals and orders with NATO members, "
                   f"{text.period(signed_nato['year'].min(), signed_nato['year'].max())}",
                   signed_nato["deal_id"].nunique(), str(signed_nato["deal_id"].nunique()),
                   sources=sorted(set(signed_nato["source_id"])))
sec.record()

# %% [markdown]
# ## From customer to supplier

# %%
lead = []
if shared is not None:
    lead.append(
        "South Korea's closer ties with NATO have an industrial engine. SWP counts the shared aim of "
        "strengthening the domestic defence industry and the country's role as a major arms exporter among the "
        "major reasons why relations grew closer under both Moon Jae-in and Yoon Suk-yeol "
        f"{sec.cite_rows(shared)}.")
if budget is not None:
    lead.append(
        f"Under Moon the defence budget grew by an average of {text.percent(budget['value'], budget['qualifier'])} a "
        f"year, as SWP puts it, without saying whether in nominal or real terms {sec.cite(budget['source_id'])}.")
if lead:
    sec.md(" ".join(lead))

if len(comparable) >= 2:
    first, last = comparable.iloc[0], comparable.iloc[-1]
    said = (f"Export values {industry.growth_words(first['value'], last['value'])} between {period_of(first)} and "
            f"{period_of(last)}, from {text.quantity(first['value'], first['unit'])} to "
            f"{text.quantity(last['value'], last['unit'])}, in figures SWP attributes to the Stockholm International "
            f"Peace Research Institute (SIPRI) {sec.cite(first['source_id'])}.")
    if len(apart):
        odd = apart.iloc[-1]
        said += (f" SWP adds {text.quantity(odd['value'], odd['unit'])} for {period_of(odd)}. That figure should not "
                 f"be read as a continuation of the series: it covers {text.count(int(odd['years']), 'year')}, not "
                 f"{text.count(int(first['years']), 'year')}, and SIPRI's published series measure deliveries (its "
                 "trend-indicator values). A figure of this size suggests, in this brief's reading, the value of "
                 "contracts signed rather than of equipment delivered, so the brief computes no growth rate across "
                 f"it ({sec.fig_ref('exports')}).")
    sec.md(said)
elif len(exports):
    only = exports.iloc[0]
    sec.md(f"SWP gives South Korea's arms exports as {text.quantity(only['value'], only['unit'])} in "
           f"{period_of(only)}, attributing the figure to SIPRI {sec.cite(only['source_id'])}.")

rank = []
if len(growth):
    g = growth.iloc[0]
    rank.append(
        f"Growth began before the war in Ukraine: already under Moon, South Korea's arms exports grew faster than "
        f"those of any other top-25 exporter, {sec.quoted(g, 'by over 176.8 per cent between 2017 and 2021')} "
        f"{sec.cite(g['source_id'])}. SWP does not say whether that compares the two years or two five-year periods.")
if len(contracts):
    c = contracts.iloc[0]
    rank.append(
        f"In {c['period_end']} the industry, known at home as “K-Bangsan”, ranked second in the world behind the "
        f"United States {sec.quoted(c, 'in terms of the number of major arms export contracts')}, "
        f"{sec.quoted(c, 'at 2,972 units compared to the U.S.’s 5,631 units')} {sec.cite(c['source_id'])}; what the "
        "“units” count, contracts or pieces of equipment, is not stated.")
if rank:
    sec.md(" ".join(rank))


# %%
def exports_figure(rows: pd.DataFrame):
    """Horizontal bars, oldest period at the top; a period not comparable with the first is hatched and grey."""
    fig, ax = charts.new_figure(height_in=0.62 * len(rows) + 0.8)
    labels = [f"{period_of(r)}\n({text.count(int(r['years']), 'year')})" for _, r in rows.iterrows()]
    top = float(rows["value"].max())
    for i, (_, row) in enumerate(rows.iterrows()):
        solid = bool(row["comparable"])
        ax.barh(i, row["value"], height=0.62, color=NATO_COLOUR if solid else "white",
                edgecolor=NATO_COLOUR if solid else charts.UNCERTAIN, hatch=None if solid else "////", linewidth=0.8)
        if solid:
            ax.text(row["value"] + top * 0.01, i, text.quantity(row["value"], row["unit"]), va="center", fontsize=8)
        else:  # the label sits inside the long hatched bar, on a white ground so it stays legible
            ax.text(top * 0.02, i, f"{text.quantity(row['value'], row['unit'])}: {text.count(int(row['years']), 'year')}, "
                    "basis unclear (probably contracts signed)", va="center", fontsize=8,
                    bbox={"facecolor": "white", "edgecolor": "none", "pad": 1.5})
    ax.set_yticks(range(len(rows)), labels)
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.set_xlim(0, top * 1.08)
    ax.set_xlabel("Value of military exports over the period, USD billion (as SWP reports it)")
    charts.value_grid(ax, "x")
    ax.tick_params(axis="y", length=0)
    return fig


if len(exports):
    if len(comparable) >= 2:
        first, last = comparable.iloc[0], comparable.iloc[-1]
        title = (f"South Korea's arms exports {industry.growth_words(first['value'], last['value'])} from "
                 f"{period_of(first)} to {period_of(last)}"
                 + (f"; the {text.quantity(apart.iloc[-1]['value'], apart.iloc[-1]['unit'])} reported for "
                    f"{period_of(apart.iloc[-1])} is not comparable" if len(apart) else ""))
    else:
        title = f"South Korea's arms exports, {period_of(exports.iloc[0])}–{exports.iloc[-1]['period_end']}"
    hatched = ""
    if len(apart):
        odd = apart.iloc[-1]
        hatched = (f" The hatched bar ({period_of(odd)}) covers {text.count(int(odd['years']), 'year')}, not "
                   f"{text.count(int(exports.iloc[0]['years']), 'year')}, and is probably a contract value: "
                   "it is shown as SWP reports it, not as part of the trend.")
    sec.figure(
        exports_figure(exports), "exports", title=title,
        caption=("Value of South Korea's military exports in each period, as SWP states it with attribution to "
                 "SIPRI; SWP does not say whether the values are SIPRI trend-indicator values or contract values."
                 + hatched),
        sources=sorted(set(exports["source_id"])),
        alt=("Horizontal bar chart of South Korea's arms exports by period: "
             + "; ".join(f"{period_of(r)}, {text.quantity(r['value'], r['unit'])}"
                         + ("" if r["comparable"] else " (three-year period, basis unclear, shown hatched)"
                            if int(r["years"]) == 3 else " (basis unclear, shown hatched)")
                         for _, r in exports.iterrows()) + "."),
    )
# The caveats on the basis of these figures (the 2021-2023 value, the growth window, the "units", the budget) are
# stated in the prose and the caption; the conflicts are listed with every version in the recommendations section.

# %% [markdown]
# ## NATO members on both sides of the trade

# %%
if len(imports) or nato_total is not None:
    parts = []
    if len(imports):
        named, _ = industry.named_share_total(imports)
        parts.append(
            f"NATO countries are South Korea's suppliers and, increasingly, its customers. In "
            f"{period_of(imports.iloc[0])}, PISM reports, "
            + ("almost all" if named >= 95 else text.percent(named))
            + " of its imports of arms and military technology came from NATO countries: "
            + text.join([f"{text.percent(r['value'], r['qualifier'])} from {'the ' if r['partner'] in ('United States', 'United Kingdom') else ''}"
                         f"{text.esc(r['partner'])}" for _, r in imports.iterrows()])
            + f" {sec.cite(*imports['source_id'].unique())}.")
    if nato_total is not None:
        named_out, under = industry.named_share_total(exports_to)
        parts.append(
            f"The flow also runs the other way: {text.percent(nato_total['value'], nato_total['qualifier'])} of its arms "
            f"exports in the same period went to NATO members, "
            + text.join([f"{'the ' if r['partner'] in ('United States', 'United Kingdom') else ''}{text.esc(r['partner'])} "
                         f"{text.percent(r['value'], r['qualifier'])}" for _, r in exports_to.iterrows()])
            + f" {sec.cite(nato_total['source_id'])}. PISM does not name its data source; the period and the "
            f"shares resemble SIPRI's transfer data, which measure deliveries rather than contracts "
            f"({sec.fig_ref('trade')}).")
    sec.md(" ".join(parts))


# %%
def share_bars(ax, rows: pd.DataFrame, colour: str, total=None):
    """Shares as horizontal bars, largest at the top; 'under 1%' is drawn hatched at its upper bound."""
    bars = ([total] if total is not None else []) + [r for _, r in rows.iterrows()]
    for i, row in enumerate(bars):
        is_total = total is not None and i == 0
        under = row["qualifier"] == "under"
        ax.barh(i, row["value"], height=0.62, color="white" if under else (charts.INK if is_total else colour),
                edgecolor=colour if under else (charts.INK if is_total else colour), hatch="////" if under else None,
                linewidth=0.8)
        ax.text(row["value"] + 1, i, text.percent(row["value"], row["qualifier"]).replace("under ", "<").replace(
            "about ", "~"), va="center", fontsize=8, color=charts.INK)
    labels = [("All NATO members" if total is not None and i == 0 else str(r["partner"])) for i, r in enumerate(bars)]
    ax.set_yticks(range(len(bars)), labels)
    ax.set_ylim(len(bars) - 0.5, -0.5)
    ax.set_xlim(0, 100)
    charts.value_grid(ax, "x")
    ax.tick_params(axis="y", length=0)


def trade_figure(imports: pd.DataFrame, exports_to: pd.DataFrame, total):
    panels = [p for p in (("imports", imports), ("exports", exports_to)) if len(p[1]) or (p[0] == "exports" and total is not None)]
    height = 0.3 * max(len(imports), len(exports_to) + (total is not None)) + 1.0
    fig, axes = charts.new_figure(height_in=height, ncols=len(panels))
    axes = [axes] if len(panels) == 1 else list(axes)
    for ax, (kind, rows) in zip(axes, panels):
        if kind == "imports":
            share_bars(ax, rows, NATO_COLOUR)
            ax.set_title("Suppliers of its arms imports", loc="left", fontsize=8.5)
            ax.set_xlabel("% of South Korea's arms imports")
        else:
            share_bars(ax, rows, NATO_COLOUR, total)
            ax.set_title("NATO destinations of its arms exports", loc="left", fontsize=8.5)
            ax.set_xlabel("% of South Korea's arms exports")
    fig.subplots_adjust(wspace=0.45)
    return fig


if len(imports) or nato_total is not None:
    period = period_of(imports.iloc[0] if len(imports) else nato_total)
    pieces = []
    if len(imports):
        named, _ = industry.named_share_total(imports)
        pieces.append(("almost all" if named >= 95 else text.percent(named)) + " of South Korea's arms imports")
    if nato_total is not None:
        pieces.append(f"{text.percent(nato_total['value'], nato_total['qualifier'])} of its exports")
    trade_sources = sorted(set(imports["source_id"]) | set(exports_to["source_id"])
                           | ({nato_total["source_id"]} if nato_total is not None else set()))
    under = exports_to[exports_to["qualifier"] == "under"]
    total_note = ""
    if nato_total is not None:
        exact, n_under = industry.named_share_total(exports_to)
        named_range = (exact, exact + n_under)  # an 'under 1%' share lies between 0 and 1
        total_note = ("the named countries' shares add up to it within PISM's rounding"
                      if named_range[0] <= nato_total["value"] + 1 and nato_total["value"] <= named_range[1] + 1
                      else "it includes countries PISM does not name")
    sec.figure(
        trade_figure(imports, exports_to, nato_total), "trade",
        title=f"NATO members supplied {text.join(pieces, 'and took')}, {period}",
        caption=(f"Shares of South Korea's arms trade in {period} by NATO country, as PISM reports them (data source "
                 "not named). "
                 + (f"Hatched bars are shares PISM gives only as “under 1%” ({text.join(list(under['partner']))}), drawn "
                    "at that upper bound. " if len(under) else "")
                 + (f"The black bar is PISM's figure for all NATO members together; {total_note}. "
                    if nato_total is not None else "")
                 + "Non-NATO partners are not shown: the source does not break them down."),
        sources=trade_sources,
        alt=("Two horizontal bar charts. " if len(imports) and nato_total is not None else "Horizontal bar chart. ")
            + (f"Suppliers of South Korea's arms imports in {period}: "
               + ", ".join(f"{r['partner']} {text.percent(r['value'], r['qualifier'])}" for _, r in imports.iterrows())
               + ". " if len(imports) else "")
            + (f"NATO destinations of its arms exports: all NATO members {text.percent(nato_total['value'], nato_total['qualifier'])}, "
               + ", ".join(f"{r['partner']} {text.percent(r['value'], r['qualifier'])}" for _, r in exports_to.iterrows())
               + "." if nato_total is not None else ""),
    )

# %% [markdown]
# ## The deals since 2022

# %%
summit_push, after_summit = claim("yoon_summits_push_deals"), claim("poland_deal_after_summit")
duda, iohannis = event("yoon_duda_meeting_2022_06"), event("yoon_second_summit_2023")
madrid, airworthiness = event("yoon_madrid_summit_2022_06"), event("airworthiness_agreement_2024_07")
romania_ties, australia_talks = claim("romania_announced_cooperation"), claim("australia_summit_cooperation")
ip4_talks = event("nato_ip4_talks_vilnius_2023_07")
by_id = {d: g for d, g in deals.groupby("deal_id", sort=False)}


def deal(deal_id: str, source_id: str | None = None):
    rows = by_id.get(deal_id)
    if rows is None:
        return None
    if source_id is not None:
        rows = rows[rows["source_id"] == source_id]
    rows = rows[rows["value"].notna()] if rows["value"].notna().any() else rows
    return rows.iloc[0] if len(rows) else None


if len(deals):
    poland, norway, romania_k9 = deal("poland_2022"), deal("norway_2022"), deal("romania_k9_2024")
    romania_package, australia = deal("romania_package"), deal("australia_2023")
    agreed, differing = industry.agreement(poland_quantities) if len(poland_quantities.columns) > 1 else ([], [])
    poland_agreement = " but ".join(
        ([f"agree that it includes {text.join([f'{text.number(q)} {industry.SYSTEM_NAMES.get(t, t)}' for t, q in agreed])}"]
         if agreed else [])
        + ([f"differ on the {text.join([industry.SYSTEM_NAMES.get(t, t) for t in differing])}"] if differing else []))
    lines = []
    if poland is not None:
        lines.append(
            f"The war in Ukraine turned this trade into large contracts ({sec.fig_ref('deals')}, {sec.table_ref('deals')}). "
            f"In {industry.deal_when(poland)} South Korea "
            "signed with Poland "
            + (f"what {source_name(poland['source_id'])} calls {sec.quoted(poland, 'the country’s largest deal ever')}"
               if "largest deal ever" in poland["quote"] else f"a deal for {text.esc(poland['systems'])}")
            + (f", worth {industry.deal_value(poland)}" if pd.notna(poland["value"]) else "")
            + f" {sec.cite(poland['source_id'])}"
            + (f". The sources {poland_agreement} ({sec.fig_ref('poland')}) {sec.cite(*by_id['poland_2022']['source_id'])}"
               if len(poland_quantities.columns) > 1 else "")
            + ".")
    if norway is not None:
        lines.append(f"In {industry.deal_when(norway)} Norway ordered more K9 howitzers and K10 ammunition supply "
                     f"vehicles from Hanwha Defense {sec.cite(norway['source_id'])}.")
    if romania_k9 is not None:
        lines.append(
            (f"By {industry.deal_when(romania_k9).removeprefix('by ')} Romania had signed" if romania_k9["by_date"]
             else f"In {industry.deal_when(romania_k9)} Romania signed")
            + f" a {industry.deal_value(romania_k9)} deal for K9 howitzers"
            + (f", and {industry.deal_when(romania_package)} the two countries were in talks over a potential "
               f"{industry.deal_value(romania_package).removesuffix(' (potential)')} deal for K2 tanks, Redback "
               "infantry fighting vehicles and Cheongung-II air defence missiles" if romania_package is not None else "")
            + f" {sec.cite(romania_k9['source_id'])}.")
    if australia is not None and not nato_only:
        lines.append(f"Outside NATO, {source_name(australia['source_id'])} reports {industry.deal_value(australia)} worth "
                     f"of AS21 Redback infantry fighting vehicles exported to Australia in {industry.deal_when(australia)}, "
                     f"without saying whether that is the value of the contract or of deliveries "
                     f"{sec.cite(australia['source_id'])}.")
    sec.md(" ".join(lines))


# %%
def deal_label(row) -> str:
    buyer = row["buyer"] + ("" if row["buyer_nato_member"] else " (non-NATO)")
    versions = f" · {source_name(row['source_id'])}" if row["versions"] > 1 else ""
    return f"{buyer}, {industry.deal_when(row)}{versions}"


def deals_figure(rows: pd.DataFrame):
    """One bar per deal version in date order; hatched when under negotiation; a marker when no value is stated."""
    fig, ax = charts.new_figure(height_in=0.36 * len(rows) + 0.9)
    top = float(rows["usd_bn"].max()) if rows["usd_bn"].notna().any() else 1.0
    for i, row in rows.iterrows():
        colour = NATO_COLOUR if row["buyer_nato_member"] else OTHER_COLOUR
        pending = row["status"] == industry.UNDER_NEGOTIATION
        if pd.isna(row["usd_bn"]):
            ax.plot(0, i, marker="o", markersize=4, color=colour, clip_on=False)
            ax.text(top * 0.02, i, "value not stated", va="center", fontsize=7.5, color=charts.MUTED, style="italic")
            continue
        ax.barh(i, row["usd_bn"], height=0.6, color="white" if pending else colour, edgecolor=colour,
                hatch="////" if pending else None, linewidth=0.8)
        ax.text(row["usd_bn"] + top * 0.01, i, industry.deal_value(row).replace("(potential)", "(under negotiation)"),
                va="center", fontsize=7.5, color=charts.INK)
    ax.set_yticks(range(len(rows)), [deal_label(r) for _, r in rows.iterrows()])
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.set_xlim(0, top * 1.3)
    ax.set_xlabel("Reported value, USD billion (as the source states it; no conversion)")
    charts.value_grid(ax, "x")
    ax.tick_params(axis="y", length=0)
    handles = [mpatches.Patch(color=NATO_COLOUR, label="NATO member, signed")]
    if (~rows["buyer_nato_member"]).any():
        handles.append(mpatches.Patch(color=OTHER_COLOUR, label="Non-NATO buyer, signed"))
    if (rows["status"] == industry.UNDER_NEGOTIATION).any():
        handles.append(mpatches.Patch(facecolor="white", edgecolor=NATO_COLOUR, hatch="////", label="Under negotiation"))
    ax.legend(handles=handles, loc="lower left", bbox_to_anchor=(0, 1.0), ncol=len(handles), fontsize=7.5,
              borderaxespad=0.3)
    return fig


if len(deals):
    rows = industry.chart_rows(deals)
    unvalued = rows[rows["usd_bn"].isna()]
    if top_signed is not None and len(rows[rows["status"] == industry.SIGNED]["deal_id"].unique()) > 1:
        title = (f"{top_signed['buyer']}'s {industry.deal_value(top_signed)} deal dwarfs South Korea's other signed arms sales"
                 + (f"; a potential {industry.deal_value(top_pending).removesuffix(' (potential)')} deal with "
                    f"{top_pending['buyer']} is still in talks" if top_pending is not None else ""))
    elif top_signed is not None:
        title = f"{top_signed['buyer']}'s {top_signed['year']} deal is South Korea's largest arms sale to a NATO member"
    else:
        title = f"South Korea's arms deals in the evidence, {text.period(rows['year'].min(), rows['year'].max())}"
    disputed = sorted(set(rows.loc[rows["versions"] > 1, "buyer"]))
    sec.figure(
        deals_figure(rows), "deals", title=title,
        caption=("South Korea's arms deals by buyer and date, with the value each source reports. "
                 + ("Deals with countries outside NATO are left out (nato_only). " if nato_only else
                    "Australia, not a NATO member, is shown for comparison. ")
                 + (f"{text.join(disputed)}: one bar per source, since the sources disagree. " if disputed else "")
                 + ("Deals whose value no source states are marked by a dot. " if len(unvalued) else "")
                 + "Values are reported deal values as the sources give them, not SIPRI data, and are not adjusted "
                 "for inflation."),
        sources=sorted(set(rows["source_id"])),
        alt=(f"Horizontal bar chart of {text.count(rows['deal_id'].nunique(), 'arms deal')} in date order. "
             + "; ".join(f"{deal_label(r)}: {industry.deal_value(r)}" + (", under negotiation" if r["status"] ==
                         industry.UNDER_NEGOTIATION else "") for _, r in rows.iterrows()) + "."),
    )

    table = industry.deals_table(deals)
    table["Source"] = [sec.cite(s) for s in table["source_id"]]
    shown = table.drop(columns=["deal_id", "source_id"])
    sec.table(shown, "deals",
              caption=("South Korea's arms deals with NATO members" if nato_only else
                       "South Korea's arms deals with NATO members, and Australia for comparison")
                      + ", one row per source version",
              sources=sorted(set(deals["source_id"])), html_columns=("Source",),
              note=text.esc("“Type not stated”: the source does not say whether the deal is a framework agreement or an "
                            "executive contract. Values as the source states them"
                            + (", all in US dollars (the sources write “$”)." if set(deals["currency"]) - {""} == {"USD"}
                               else ", each in its own currency, never converted.")))

# %%
if len(poland_quantities.columns) > 1:
    colours = [charts.OKABE_ITO[3], charts.OKABE_ITO[4], charts.OKABE_ITO[2]]
    sources_in = list(poland_quantities.columns)
    fig, ax = charts.new_figure(height_in=0.45 * len(poland_quantities) * len(sources_in) / 2 + 1.0)
    width = 0.8 / len(sources_in)
    for j, source_id in enumerate(sources_in):
        for i, (system_type, value) in enumerate(poland_quantities[source_id].items()):
            y = i + (j - (len(sources_in) - 1) / 2) * width
            ax.barh(y, value, height=width * 0.92, color=colours[j % len(colours)],
                    label=source_name(source_id) if i == 0 else None)
            ax.text(value + 8, y, text.number(value), va="center", fontsize=7.5, color=charts.INK)
    ax.set_yticks(range(len(poland_quantities)), [industry.SYSTEM_NAMES.get(t, t).capitalize() for t in poland_quantities.index])
    ax.set_ylim(len(poland_quantities) - 0.5, -0.5)
    ax.set_xlim(0, float(poland_quantities.max().max()) * 1.15)
    ax.set_xlabel("Units in the 2022 Poland deal, as each source reports them")
    charts.value_grid(ax, "x")
    ax.tick_params(axis="y", length=0)
    ax.legend(loc="lower right", title="Source", title_fontsize=7.5)
    agreed_types, differing_types = industry.agreement(poland_quantities)
    agree = [industry.SYSTEM_NAMES.get(t, t) for t, _ in agreed_types]
    differ = [industry.SYSTEM_NAMES.get(t, t) for t in differing_types]
    sec.figure(
        fig, "poland",
        title=(f"The sources differ on the Poland deal's {text.join(differ)}"
               + (f" but agree on its {text.join(agree)}" if agree else "")),
        caption=("Quantities of each type of equipment in South Korea's 2022 arms deal with Poland, as "
                 + text.join([f"{source_name(s)} ({sec.citations.published(s)})" for s in sources_in])
                 + " report them. Neither source says whether the numbers are those of the framework agreement "
                 "or of executive contracts; the brief shows both versions and reconciles neither."),
        sources=sources_in,
        alt=("Grouped horizontal bar chart of the quantities in the 2022 Poland deal by source: "
             + "; ".join(f"{industry.SYSTEM_NAMES.get(t, t)}: " + ", ".join(f"{source_name(s)} {text.number(r[s])}" for s in sources_in)
                         for t, r in poland_quantities.iterrows()) + "."),
    )
if len(deals):
    sec.disagreement("poland_quantities")
    if "romania_k9_2024" in by_id:
        sec.disagreement("romania_k9_date")

# %% [markdown]
# ## Summit diplomacy as sales diplomacy

# %%
if summit_push is not None:
    steps = []
    if duda is not None:
        steps.append(f"At his first NATO summit, in {'Madrid in ' if madrid is not None else ''}{text.when(duda)}, he told "
                     f"Polish President Andrzej Duda that he expected their defence cooperation talks to make "
                     f"substantial progress {sec.cite_rows(duda, madrid)}"
                     + (f"; the contract with Poland followed shortly after the summit {sec.cite_rows(after_summit)}"
                        if after_summit is not None else "") + ".")
    if iohannis is not None:
        steps.append(f"At his second summit, in {text.when(iohannis)}, he met Romanian President Klaus Iohannis"
                     + (", after which the two countries announced that they would seek to expand defence cooperation"
                        if romania_ties is not None else "")
                     + (f"; the K9 deal was signed {industry.deal_when(deal('romania_k9_2024'))}"
                        if "romania_k9_2024" in by_id else "")
                     + f" {sec.cite(iohannis['source_id'])}.")
    if ip4_talks is not None:
        steps.append(f"Defence industrial cooperation was also {sec.quoted(ip4_talks, 'an important topic')} of the talks "
                     f"between NATO and its four Indo-Pacific partners at Vilnius {sec.cite(ip4_talks['source_id'])}.")
    if australia_talks is not None and not nato_only:
        steps.append("The same approach served outside the Alliance: Seoul agreed to strengthen defence cooperation with "
                     f"Australia at a summit with its prime minister {sec.cite_rows(australia_talks)}.")
    if airworthiness is not None:
        steps.append(f"NATO's own instruments followed the trade: in {text.when(airworthiness)} NATO and South Korea agreed "
                     "to recognise each other's military airworthiness certification, NATO's first such agreement with "
                     f"an Asian country {sec.cite(airworthiness['source_id'])}.")
    sec.md(f"President Yoon used NATO summits to advance arms deals. SWP finds that he "
           f"{sec.quoted(summit_push, 'used his participation at the NATO summits to push ahead defence deals with NATO member states')} "
           f"{sec.cite_rows(summit_push)}. " + " ".join(steps))

# %% [markdown]
# ## Why European Allies buy Korean

# %%
attractive, replenish_swp = claim("attractive_supplier_after_invasion"), claim("replenish_stocks_swp")
replenish_pism, compatible = claim("replenish_stocks_pism"), claim("nato_interest_compatibility")
eastern, modernise = claim("eastern_flank_interest"), claim("modernisation_alliance_forces")
transfer, regional = claim("poland_technology_transfer"), claim("poland_regional_offers")
reasons = [r for r in (attractive, replenish_swp, compatible, eastern, modernise, transfer) if r is not None]
if reasons:
    why = []
    if attractive is not None and replenish_swp is not None:
        why.append(f"Russia's invasion of Ukraine made South Korea {sec.quoted(attractive, 'an even more attractive arms supplier')} "
                   f"to European countries such as Poland or Estonia, which had {sec.quoted(replenish_swp, 'supplied weapons to Ukraine')} "
                   f"and needed to restock {sec.quoted(replenish_swp, 'with modern weaponry')} {sec.cite_rows(attractive, replenish_swp)}.")
    if compatible is not None:
        why.append(f"PISM adds what the Korean offer brings: {sec.quoted(compatible, 'compatibility with NATO standards')} and "
                   f"{sec.quoted(compatible, 'openness to industrial cooperation')} {sec.cite_rows(compatible)}.")
    if eastern is not None or modernise is not None:
        why.append(("For NATO's eastern flank, PISM notes, cooperation with the Korean industry is particularly "
                    "interesting" if eastern is not None else "The interest is strongest on NATO's eastern flank")
                   + (f": the Poland deal shows that Korean equipment can contribute to modernising Allied forces, "
                      f"{sec.quoted(modernise, 'necessary in response to Russia' + chr(39) + 's revisionism')}"
                      if modernise is not None else "")
                   + f" {sec.cite_rows(eastern, modernise)}.")
    sec.md(" ".join(why))
    more = []
    if transfer is not None:
        more.append(f"Industrial cooperation is part of the bargain. The technology transfer in the Polish agreements is "
                    f"{sec.quoted(transfer, 'intended to strengthen the potential of the Polish defence industry')}"
                    + (f", which {sec.quoted(regional, 'may in turn lead to offers to other countries in the region')}"
                       if regional is not None else "")
                    + f" {sec.cite_rows(transfer, regional)}.")
    if replenish_pism is not None:
        reluctant = claim("rok_ukraine_limited_support")
        more.append((f"For Seoul, which in {sec.citations.published(reluctant['source_id'])} remained reluctant to ship arms to "
                     f"Ukraine {sec.cite_rows(reluctant)}, " if reluctant is not None else "For Seoul, ")
                    + "the sales could also serve a political end. As PISM put it, "
                    f"{sec.quoted(replenish_pism, 'An indirect form of support may be the sale of weapons or ammunition to NATO countries to replenish stocks given to Ukraine')} "
                    f"{sec.cite_rows(replenish_pism)}.")
    sec.md(" ".join(more))

# %% [markdown]
# ## Continuity across camps, and its limits

# %%
ukraine_interest = claim("industry_requires_ukraine_interest")
standing = claim("industry_raises_rok_position")
contribution = claim("poland_positive_contribution")
continuity = []
if shared is not None:
    moon_parts = []
    if budget is not None:
        moon_parts.append("a defence budget rising by " + text.percent(budget["value"], budget["qualifier"]) + " a year")
    if len(growth):
        moon_parts.append("the fastest export growth among the top 25 exporters")
    continuity.append(
        "The industrial agenda spans both camps. "
        + (f"Under Moon's liberal government Seoul saw {text.join(moon_parts)}; " if moon_parts else "")
        + ("Yoon's conservative government used NATO summits to push deals forward. " if summit_push is not None else "")
        + f"SWP treats the aim as common ground for both administrations {sec.cite_rows(shared)}"
        + (f", and it sees arms sales and industrial cooperation with Poland as underscoring "
           f"{sec.quoted(contribution, 'Seoul’s positive contribution to European security')} {sec.cite_rows(contribution)}"
           if contribution is not None else "")
        + ".")
if standing is not None:
    continuity.append(f"For Seoul the payoff is also standing: PISM sees closer ties with NATO and its members in areas "
                      f"such as the defence industry as serving {sec.quoted(standing, 'to raise South Korea' + chr(39) + 's position as an actor contributing to international security')} "
                      f"{sec.cite_rows(standing)}.")
if ukraine_interest is not None:
    continuity.append(
        f"PISM marks the limit: deeper defence cooperation with Poland and Central Europe "
        f"{sec.quoted(ukraine_interest, 'will require greater interest on South Korea' + chr(39) + 's part in the situation in Eastern Europe, namely Ukraine')} "
        f"{sec.cite_rows(ukraine_interest)}.")
if continuity:
    sec.md(" ".join(continuity))

# %% [markdown]
# ## What the evidence does not show

# %%
limits = []
deal_sources = deals["source_id"].value_counts()
if len(deal_sources):
    main = deal_sources.index[0]
    from_main = int((deals["source_id"] == main).sum())
    limits.append(f"{text.count(from_main, 'item').split()[0].capitalize()} of the {text.count(len(deals), 'deal record')} "
                  f"shown here come from a single source {sec.cite(main)}, which reports signed and negotiated values "
                  "but not deliveries: how much of the equipment has reached the buyers is not in the evidence.")
if len(exports) or len(imports):
    limits.append("The trade figures are second-hand: SWP attributes its export values to SIPRI without saying on which "
                  "basis, and PISM names no data source for its shares.")
with_quantities = set(ev.arms_deal_items.loc[ev.arms_deal_items["quantity"].notna(), "deal_id"])
unvalued = [b for b, g in deals.groupby("buyer", sort=False) if g["value"].isna().all()]
unquantified = list(dict.fromkeys(deals.loc[~deals["deal_id"].isin(with_quantities), "buyer"]))
gaps = ([f"no value for the deal{'s' if len(unvalued) > 1 else ''} with {text.join(unvalued)}"] if unvalued else []) + (
    [f"no quantities for the deals with {text.join(unquantified)}"] if unquantified else [])
if gaps:
    limits.append(f"The sources give {text.join(gaps)}.")
limits.append("No source in the evidence compares Korean prices or delivery times with those of other suppliers.")
sec.md(" ".join(line for line in limits if line))
