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
# # From dialogue to partnership, 2005–2017
#
# How did South Korea move from a first political dialogue with NATO to a formal partnership, before the
# Moon and Yoon administrations took the relationship further?

# %% tags=["parameters"]
as_of = "2025-01-31"  # evidence cut-off (YYYY-MM-DD): nothing dated later is counted or drawn
until = "2017-05-09"  # last day of the period this section covers (the day before Moon Jae-in took office)

# %%
import pandas as pd

from helpers.writing import charts, text
from helpers.analysis.compare import CONTEXT
from helpers.evidence.data import distinct_events, load_all
from helpers.evidence.dates import as_date, parse_partial_date, say_date
from helpers.writing.section import Section

ev = load_all(as_of)
sec = Section(number=1, slug="history", title="From dialogue to partnership, 2005–2017", evidence=ev)
period_end = min(as_date(until), ev.as_of)
all_versions = ev.events[(ev.events["year"] >= 2005) & (ev.events["start"] <= period_end)]
events = distinct_events(all_versions)  # a disputed event counts once; the timeline draws every version
frameworks = ev.frameworks[ev.frameworks["start"] <= period_end]
indicators = ev.indicators.set_index("indicator_id")
first = events.sort_values("start").iloc[0]
ipcp = ev.frameworks.set_index("framework_id").loc["ipcp"]
pii = ev.frameworks.set_index("framework_id").loc["pii"]
presidents = ev.administrations[(ev.administrations["start_date"] <= period_end)
                                & (ev.administrations["end_date"].fillna(period_end) >= as_date("2005-01-01"))]
prt = indicators.loc["isaf_prt_personnel"]
# Undated figures carry the year the source reported them, so an early cut-off may not have them yet.
ana = indicators.loc["ana_trust_fund_contribution"] if "ana_trust_fund_contribution" in indicators.index else None
operations = events[events["category"] == "operations"]
# Milestones are steps in the relationship itself; NATO's own policy, Korean politics and the regional setting are
# drawn as context but not counted (the same rule as the comparison of administrations in section 2).
context = events[events["category"].isin(CONTEXT)]
milestones = events[~events["category"].isin(CONTEXT)]

# %%
sec.finding(
    f"Relations grew by steps under {text.count(len(presidents), 'South Korean president')} of both camps: a political "
    f"dialogue from {first['year']}, a formal programme (the IPCP) in {ipcp['year']} and the Partnership "
    f"Interoperability Initiative in {pii['year']}.", sources=["swp2025", "nato2023"], rank=20)
sec.finding(
    f"Afghanistan made South Korea a working partner: it led a reconstruction team of {text.hedge(prt['qualifier'])}"
    f"{text.number(prt['value'])} personnel in Parwan in {text.period(prt['period_start'], prt['period_end'])}.",
    sources=["nato2023", "pism2022"], rank=40)
sec.key_number("history_milestones", f"milestones in South Korea–NATO relations from 2005 to "
               f"{say_date(period_end.isoformat(), 'day')}, before Moon took office",
               len(milestones), str(len(milestones)), sources=sorted(set(milestones["source_id"])))
sec.record()

# %% [markdown]
# ## A partnership built in layers

# %%
by_category = milestones.groupby("category").size().sort_values(ascending=False)
sec.md(
    f"South Korea's ties with NATO were not the product of one decision. Between {first['year']} and "
    f"{say_date(period_end.isoformat(), 'year')} the sources record {text.count(len(milestones), 'milestone')}, "
    f"most of them in {text.join([c for c in by_category.index[:2]])}. Each government in Seoul, conservative or "
    f"liberal, kept what its predecessor had built and added a layer {sec.cite('swp2025')}."
)

# %%
def timeline_figure(events: pd.DataFrame):
    """Milestones by category and year; loosely dated events are drawn hollow at mid-year."""
    categories = [c for c in charts.CATEGORY_COLOURS if c in set(events["category"])]
    fig, ax = charts.new_figure(height_in=0.27 * len(categories) + 0.6)
    offsets: dict[tuple, int] = {}
    for row in events.sort_values("start").itertuples():
        y = categories.index(row.category)
        mid = row.start + (row.end - row.start) / 2
        x = mid.year + (mid.timetuple().tm_yday - 1) / 366
        slot = offsets.get((y, row.year), 0)
        offsets[(y, row.year)] = slot + 1
        colour = charts.CATEGORY_COLOURS[row.category]
        ax.scatter(x, y + 0.16 * slot - 0.08, s=38, zorder=3, edgecolor=colour, linewidth=1.2,
                   facecolor=colour if row.date_precision != "year" else "white")
    ax.set_yticks(range(len(categories)), [c[0].upper() + c[1:] for c in categories])
    ax.set_ylim(-0.7, len(categories) - 0.3)
    ax.invert_yaxis()
    years = range(int(events["year"].min()), period_end.year + 1)
    ax.set_xticks(list(years), [str(y) for y in years])
    ax.set_xlim(min(years) - 0.3, max(years) + 1.1)
    charts.value_grid(ax, "x")
    ax.tick_params(axis="y", length=0)
    ax.spines["left"].set_visible(False)
    return fig

busiest = milestones.groupby("year").size()
top_year = busiest.idxmax()
span = text.period(int(milestones["year"].min()), period_end.year)
sec.figure(
    timeline_figure(all_versions), "timeline",
    title=f"Relations grew in steady layers: {text.count(len(milestones), 'milestone')} in {span}, no single breakthrough",
    caption=f"Each dot is a dated milestone in South Korea–NATO relations, by category. Filled dots are dated to the month "
            "or day; hollow dots are dated only to the year and drawn at mid-year. Where sources disagree on a date, "
            f"each version is shown ({text.count(len(all_versions) - len(events), 'extra dot')}), but counted once."
            + (f" Rows for {text.join(sorted(set(context['category'])))} show the setting "
               f"({text.count(len(context), 'event')}); they are not counted as milestones." if len(context) else ""),
    sources=sorted(set(events["source_id"])),
    alt=(f"Dot chart of {len(all_versions)} dated entries from {events['year'].min()} to {events['year'].max()}: "
         f"{len(milestones)} milestones in {len(by_category)} categories"
         + (f" and {len(context)} context events" if len(context) else "") + ". The largest categories are "
         + ", ".join(f"{c} ({n})" for c, n in by_category.head(3).items())
         + f". The busiest year is {top_year}, with {busiest.max()} milestones."),
)
sec.md(
    f"Dialogue came first. Foreign Minister Ban Ki-moon addressed the North Atlantic Council in "
    f"{text.when(events.set_index('event_id').loc['ban_ki_moon_nac_2005_12'])}, the first South Korean official to do so "
    f"{sec.cite('swp2025', 'eias2019')}. NATO named South Korea a Contact Country at the Riga summit of 2006 and, from 2008, "
    f"one of its \"partners across the globe\", the group that also includes Japan, Australia and New Zealand "
    f"{sec.cite('swp2025')}."
)

# %% [markdown]
# ## The road to a formal programme

# %%
sec.md(
    f"The frameworks came after the fieldwork. South Korea signed an Individual Partnership and Cooperation Programme "
    f"(IPCP) in {ipcp['year']}, whose priority areas leaned to non-traditional security: cyber defence, counter-terrorism, "
    f"energy security, science and non-proliferation {sec.cite('swp2025', 'nato2023')}. After NATO Secretary General "
    f"Rasmussen's visit to Seoul in {text.when(events.set_index('event_id').loc['rasmussen_seoul_visit_2013_04'])}, "
    f"South Korea joined the Partnership Interoperability Initiative in {pii['year']}, opening its forces to exercises "
    f"and standards shared with Allies {sec.cite('swp2025', 'nato2023')}."
)

# %%
def frameworks_figure(frameworks: pd.DataFrame):
    """Each instrument as a bar from its start to its end (or the cut-off)."""
    rows = frameworks.sort_values("start", ascending=False).reset_index(drop=True)
    fig, ax = charts.new_figure(height_in=0.36 * len(rows) + 0.8)
    for i, row in rows.iterrows():
        end = parse_partial_date(row["end_date"]).start if row["end_date"] else ev.as_of
        start = row["start"].year + (row["start"].timetuple().tm_yday - 1) / 366
        stop = end.year + (end.timetuple().tm_yday - 1) / 366
        colour = charts.CATEGORY_COLOURS["partnership framework"] if not row["end_date"] else charts.UNCERTAIN
        ax.barh(i, stop - start, left=start, height=0.55, color=colour)
        ax.text(start - 0.15, i, row["short_name"], ha="right", va="center", fontsize=8)
    ax.set_yticks([])
    ax.spines["left"].set_visible(False)
    first_year = int(rows["start"].min().year)
    ax.set_xlim(first_year - 4.5, ev.as_of.year + 1)
    ax.set_xticks(range(first_year, ev.as_of.year + 1, 2))
    charts.value_grid(ax, "x")
    return fig

in_force = frameworks[frameworks["end_date"] == ""]
sec.figure(
    frameworks_figure(frameworks), "frameworks",
    title=f"By {say_date(period_end.isoformat(), 'year')} the relationship rested on "
          f"{text.count(len(frameworks), 'instrument')}, most still in force at the cut-off",
    caption=f"Partnership instruments and institutional links begun by {say_date(period_end.isoformat(), 'day')}, from "
            f"their start to their end or to the evidence cut-off ({say_date(ev.as_of.isoformat(), 'day')}). Grey bars "
            "ended or were superseded. Start dates known only to the year are drawn from 1 January.",
    sources=sorted(set(frameworks["source_id"])),
    alt=(f"Bar chart of {len(frameworks)} partnership instruments begun between {frameworks['year'].min()} and "
         f"{frameworks['year'].max()}: " + "; ".join(f"{r.short_name} from {r.year}" for r in frameworks.sort_values('start').itertuples())
         + f". {len(in_force)} are still in force at the cut-off."),
)

# %%
table = frameworks.sort_values("start").assign(
    Started=lambda f: [say_date(d, p) for d, p in zip(f["start_date"], f["date_precision"])],
    Ended=lambda f: [say_date(d, "month" if len(d) == 7 else "year") if d else "in force" for d in f["end_date"]],
    Source=lambda f: [sec.citations.link(s) for s in f["source_id"]],
)[["name", "kind", "Started", "Ended", "scope", "Source"]].rename(columns={"name": "Instrument", "kind": "Kind", "scope": "Scope"})
sec.table(table, "frameworks", caption=f"The partnership instruments, {text.period(frameworks['year'].min(), frameworks['year'].max())}", sources=sorted(set(frameworks["source_id"])),
          html_columns=("Source",))

# %%
sec.disagreement("ipcp_renewal")

# %% [markdown]
# ## Operations made South Korea a working partner

# %%
sec.md(
    f"Operations gave the partnership substance before the paperwork did. From {prt['period_start']} to "
    f"{prt['period_end']}, South Korea led a civilian-military Provincial "
    f"Reconstruction Team of {text.hedge(prt['qualifier'])}{text.number(prt['value'])} personnel in Parwan Province under "
    f"NATO's ISAF mission"
    + (f", and it contributed {text.money(ana['value'] * 1e6, 'USD')} in total to the Afghan National Army Trust Fund"
       if ana is not None else "")
    + f" {sec.cite('nato2023')}. Its navy escorted merchant ships off the Horn of Africa in NATO's counter-piracy "
    f"effort from {operations.set_index('event_id').loc['counter_piracy_start_2009', 'year']} to "
    f"{operations.set_index('event_id').loc['counter_piracy_end_2016', 'year']} {sec.cite('pism2022', 'nato2023')}."
)
sec.md(
    f"SWP's reading is that this work in Afghanistan \"created more institutional links\", which led the Roh, Lee and Park "
    f"governments to seek closer relations {sec.cite('swp2025')}. Science and cyber cooperation followed the same "
    f"practical logic: South Korean experts joined NATO's Science for Peace and Security programme, including a "
    f"multi-year project from 2015 on secure data processing in defence {sec.cite('eias2019', 'pism2022')}."
)

# %% [markdown]
# ## What the early years do not show
#
# The sources record milestones, not their weight: a count of events says how often the two sides acted together,
# not how much each step mattered. Early dates are often given only to the year, and the sources do not agree on
# every one (see the note on the IPCP above).
