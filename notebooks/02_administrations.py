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
# # Different frames, shared ground: the administrations compared
#
# How did South Korea's approach to NATO differ between the administrations compared here, and where did they
# overlap enough to keep relations growing through a change of government?

# %% tags=["parameters"]
administrations = ["Moon Jae-in", "Yoon Suk-yeol"]  # the administrations to compare (two or more): full or short names as in data/administrations.csv, e.g. ["Lee Myung-bak", "Park"]
as_of = "2025-01-31"  # evidence cut-off (YYYY-MM-DD): nothing dated later is counted or drawn; a term still running then is counted up to it

# %%
from datetime import date

import numpy as np
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from helpers.writing import charts, text
from helpers.analysis import compare
from helpers.evidence.data import administration_on, load_all, published_sources
from helpers.evidence.dates import say_date
from helpers.writing.section import Section

ev = load_all(as_of)
sec = Section(number=2, slug="administrations", title="Different frames, shared ground: the administrations compared",
              evidence=ev)

# %%
# Parameter check: a name not in data/administrations.csv raises ParameterError listing the valid names. A term that
# began after the cut-off is left out (and said so below), so the brief can be rebuilt at an earlier as_of.
names, later, added = compare.choose_administrations(administrations, ev.administrations,
                                                     load_all(date.max).administrations)

# %%
terms = compare.term_table(ev.administrations, names, ev.as_of)
term = terms.set_index("administration")
admins = ev.administrations.set_index("administration", drop=False)
short = dict(zip(terms["administration"], terms["short_name"]))
colours = charts.admin_colours(ev.administrations)
ms = compare.milestones(ev.events, ev.sources, ev.administrations, ev.as_of)
rates = compare.rates_by_administration(ms, terms).set_index("administration")
cats = compare.by_category(ms, terms)
per_year = compare.by_year(ms, names)
uncertain = compare.uncertain_for(ms, names)
focus = compare.focus_rows(ev.cooperation_areas, ev.sources, names, ev.as_of)
grid = compare.focus_matrix(focus, names)
shared = compare.shared_areas(grid)
shared_priority = compare.shared_areas(grid, "priority")
only = {n: compare.only_areas(grid, n) for n in names}
camps = list(dict.fromkeys(terms["camp"]))
cross_camp = len(camps) > 1
published = published_sources(ev.sources, ev.as_of)
assessments = ev.assessments[ev.assessments["source_id"].isin(published)]
about = compare.related_rows(assessments, ev.administrations, names, ["claim", "quote"])
mentioned = pd.Series([a for n in names for a in about[n]["assessment_id"]]).value_counts()
shared_ids = set(mentioned[mentioned >= 2].index)  # arguments naming two or more of the governments compared
live = compare.in_force(ev.frameworks, ev.as_of)
evidence_until = compare.evidence_end(ev.sources, ev.as_of)
covered = compare.covered_years(terms, evidence_until)
thin = [n for n in names if covered[n] < compare.MIN_YEARS]  # too little of the term for a meaningful rate
fastest = rates["rate"].idxmax()
slowest = rates["rate"].idxmin()
cut_off = say_date(ev.as_of.isoformat(), "day")


def num(x: float) -> str:
    """A rate with one decimal ('6.6')."""
    return text.number(round(float(x), 1), 1)


def in_words(n: int) -> str:
    """A count without its noun, in house style ('two', '12')."""
    return text.count(n, "item").rsplit(" ", 1)[0]


def day(d) -> str:
    return say_date(d.isoformat(), "day")


SENTENCE_OPENERS = {"The", "A", "An", "At", "After", "In", "On", "By", "Since", "During", "With", "Under"}


def cited(sentence: str, *source_ids) -> str:
    """A sentence (already escaped) with its citation placed before the closing full stop."""
    body = sentence.rstrip()
    end = body[-1] if body and body[-1] in ".!?" else "."
    body = body[:-1] if body and body[-1] in ".!?" else body
    return f"{body} {sec.cite(*source_ids)}{end}"


def plain(name: str) -> str:
    """The name used in prose and titles: the short name ('Moon') unless abbreviated ('Lee M.'), then the full name."""
    label = short.get(name, name)
    return name if "." in label else label


def who(name: str) -> str:
    """plain(), escaped for prose."""
    return text.esc(plain(name))


def areas_text(areas) -> str:
    return text.join([text.esc(a) for a in areas])


def cat_label(category: str) -> str:
    return category[0].upper() + category[1:]


def assessment(assessment_id: str):
    rows = assessments[assessments["assessment_id"] == assessment_id]
    return rows.iloc[0] if len(rows) else None


def camp_phrase() -> str:
    """'liberal and conservative governments alike' or 'both conservative governments'."""
    if cross_camp:
        return f"{text.join(camps)} governments alike"
    return f"{'both' if len(names) == 2 else 'all'} {camps[0]} governments"


def term_text(name: str) -> str:
    t = term.loc[name]
    if t["open"]:
        return f"from {day(t['start_date'])}, still in office at the cut-off"
    return f"{day(t['start_date'])} to {day(t['end_date'])}"


def thin_reason(name: str) -> str:
    """Why a term gives no meaningful rate: too short by the cut-off, or mostly after the latest source."""
    months = int(round(covered[name] * 12))
    latest = say_date(evidence_until.isoformat(), "month")
    if covered[name] < term.loc[name, "years"] - 1 / 12:
        if not months:
            return f"{who(name)}'s term began after the latest source was published ({latest})"
        return f"the latest source, published in {latest}, covers only {text.count(months, 'month')} of {who(name)}'s term"
    return f"{who(name)}'s term had run only {text.count(months, 'month')} by the cut-off"


def leading_category(name: str):
    """The administration's most frequent kind of milestone, or None when none stands out (no milestones, or a tie)."""
    mine = cats[(cats["administration"] == name) & (cats["count"] > 0)].sort_values(["count", "category"],
                                                                                    ascending=[False, True])
    if mine.empty or (len(mine) > 1 and mine.iloc[0]["count"] == mine.iloc[1]["count"]):
        return None
    return mine.iloc[0]


# %%
others = [n for n in names if n != fastest]
pace = compare.pace(rates) if not thin else "not comparable"
change = "the change of government" if len(names) == 2 else "changes of government"
all_of = "both" if len(names) == 2 else "all"
if thin:
    sec.finding(
        f"The pace of engagement cannot yet be compared: {'; '.join(thin_reason(n) for n in thin)}, too little for "
        f"a fair rate per year in office.",
        sources=sorted(set(ev.sources[ev.sources["end"] == evidence_until]["source_id"]))
        if any(covered[n] < term.loc[n, "years"] - 1 / 12 for n in thin) else [], rank=22)
elif pace != "similar":
    sec.finding(
        f"Engagement with NATO was {pace} under {who(fastest)}: by this brief's count of the milestones the sources "
        f"record, {num(rates.loc[fastest, 'rate'])} a year in office, against "
        + text.join([f"{num(rates.loc[n, 'rate'])} under {who(n)}" for n in others]) + ".",
        sources=sorted(set(ms[ms["administration"].isin(names)]["source_id"])), rank=22)
elif rates["rate"].max() > 0:
    sec.finding(
        f"Engagement with NATO ran at a similar pace under {text.join([who(n) for n in names])} "
        f"({text.join([num(rates.loc[n, 'rate']) for n in names])} milestones per year in office), too close to rank"
        + (f" once the {text.count(len(uncertain), 'milestone')} that cannot be placed in one term "
           f"{'is' if len(uncertain) == 1 else 'are'} allowed for"
           if any(rates.loc[n, "rate_upper"] >= rates.loc[fastest, "rate"] for n in others) else "") + ".",
        sources=sorted(set(ms[ms["administration"].isin(names)]["source_id"])), rank=22)
broad = bool(shared) and len(shared) >= len(grid) / 2
if shared:
    named = f"{areas_text(shared)}, " if len(shared) <= 4 else ""
    priority_clause = (f", and {all_of} made {areas_text(shared_priority)} a priority"
                       if shared_priority and len(shared) > 4 else "")
    sec.finding(
        f"The common ground is {'broad' if broad else 'narrow'}: {camp_phrase()} pursued {named}"
        f"{text.count(len(shared), 'cooperation area').replace('cooperation area', 'area')} of the {len(grid)} the "
        f"sources code for them{priority_clause}, the core that carried relations through {change}.",
        sources=sorted(set(focus["source_id"])), rank=24)
distinct = [(n, [a for a in only[n] if grid.loc[a, n] == "priority"] or only[n]) for n in names if only[n]]
likely = assessment("cooperation_likely_continues")
uncoded = [n for n in names if grid.empty or (grid[n] == "").all()]
if uncoded:
    coded_names = [n for n in names if n not in uncoded]
    sec.finding(
        f"The evidence cannot compare the agendas: the sources published by the cut-off code no cooperation area for "
        f"{text.join([who(n) for n in uncoded])}"
        + (f", only for {text.join([who(n) for n in coded_names])}" if coded_names else "") + ".",
        sources=sorted(set(focus["source_id"])), rank=26)
elif distinct:
    diffs = "; ".join(f"{who(n)} alone {'singled out' if grid.loc[a[0], n] == 'priority' else 'added'} {areas_text(a)}"
                      for n, a in distinct)
    if broad:
        tail = (", so a new government is more likely to reshuffle priorities than to reverse course"
                if likely is not None else "")
        sec.finding(f"The differences lie at the margins ({diffs}){tail}.",
                    sources=sorted(set(focus[focus["actor"].isin([n for n, _ in distinct])]["source_id"])
                                   | ({likely["source_id"]} if likely is not None else set())), rank=26)
    else:
        sec.finding(f"The agendas differed more than they overlapped: {diffs}.",
                    sources=sorted(set(focus[focus["actor"].isin([n for n, _ in distinct])]["source_id"])), rank=26)
for name in [n for n in ([fastest, slowest] if len(names) > 2 else names) if n not in thin]:
    sec.key_number(f"administrations_rate_{compare.slug(short[name])}",
                   f"milestones per year in office under {short[name]}"
                   + (f" (term counted to {cut_off})" if term.loc[name, "open"] else ""),
                   round(float(rates.loc[name, "rate"]), 2), num(rates.loc[name, "rate"]),
                   sources=sorted(set(compare.certain_for(ms, name)["source_id"])))
if len(grid):
    sec.key_number("administrations_shared_areas",
                   f"cooperation areas coded for every administration compared ({text.join([short[n] for n in names])})",
                   len(shared), f"{len(shared)} of {len(grid)}", sources=sorted(set(focus["source_id"])))
sec.record()

# %% [markdown]
# ## Different frames for one partnership

# %%
if later:
    sec.md(
        f"*Note on the comparison.* {text.join([text.esc(n) for n in later])} had not taken office by the evidence "
        f"cut-off ({cut_off}), so {'this administration is' if len(later) == 1 else 'these administrations are'} left "
        f"out" + (f"; to keep a comparison, this edition adds {text.join([text.esc(n) for n in added])}, the "
                  f"closest earlier {'government' if len(added) == 1 else 'governments'} in office by then" if added else "")
        + f". The section compares {text.full_stop(text.join([text.esc(n) for n in names]))}")
if cross_camp:
    sec.md(
        f"The {text.join(camps)} governments compared here framed their NATO policy in different terms, yet each "
        f"built on the instruments its predecessor left. The frame shows in what each singled out, in the doctrine it "
        f"announced and in the steps it chose to take first.")
else:
    sec.md(
        f"The governments compared here came from the same {camps[0]} camp, so differences between them reflect "
        f"the times and the leaders more than party lines. The frame shows in what each singled out, in the doctrine "
        f"it announced and in the steps it chose to take first.")


# %%
def quote_for(name: str):
    """The source's own words on what this administration singled out: the quotation naming it (and no other
    administration compared) that supports the most priority areas."""
    rows = focus[(focus["actor"] == name) & (focus["emphasis"] == "priority")]
    own = [r for _, r in rows.iterrows()
           if compare.mentions(r["quote"], admins.loc[name])
           and not any(compare.mentions(r["quote"], admins.loc[o]) for o in names if o != name)]
    if not own:
        return None
    support = {q: int((rows["quote"] == q).sum()) for q in {r["quote"] for r in own}}
    best = sorted(own, key=lambda r: (-support[r["quote"]], len(r["quote"])))[0]
    return best


def firsts_for(name: str) -> pd.DataFrame:
    """Milestones presented as firsts, leaving out those that opened an instrument already listed."""
    begun = compare.frameworks_begun(ev.frameworks, ev.administrations, name, ev.as_of)["short_name"].str.casefold()
    found = compare.firsts(ms, name)
    return found[pd.Series([not any(b in t.casefold() for b in begun) for t in found["title"]], index=found.index,
                           dtype=bool)]


for name in names:
    t, r, a = term.loc[name], rates.loc[name], admins.loc[name]
    parts = [f"**{text.esc(name)}** ({text.esc(t['camp'])}; {term_text(name)})."]
    if t["doctrine"]:
        doctrines = [f"“{text.esc(d.strip())}”" for d in t["doctrine"].split(";") if d.strip()]
        parts.append(f"Its flagship foreign-policy label{'s were' if len(doctrines) > 1 else ' was'} "
                     f"{text.join(doctrines)} {sec.cite(t['source_id'])}.")
    pri, pres = compare.priorities(grid, name), [x for x in grid.index if grid.loc[x, name] == "present"]
    mine = focus[focus["actor"] == name]
    if pri:
        quote = quote_for(name)
        parts.append(f"The sources single out {areas_text(pri)} as its priorities with NATO"
                     + (f"; as {text.esc(sec.citations.name(quote['source_id']))} puts it, "
                        f"“{text.esc(quote['quote'])}”" if quote is not None else "")
                     + f" {sec.cite(*mine[mine['emphasis'] == 'priority']['source_id'])}.")
        if pres:
            parts.append(f"They also list {areas_text(pres)} {sec.cite(*mine[mine['emphasis'] == 'present']['source_id'])}.")
    elif pres:
        parts.append(f"The sources list {areas_text(pres)} without singling any out {sec.cite(*mine['source_id'])}.")
    else:
        parts.append("The sources code no cooperation area for it.")
    # Say who judges and when: the sources were written years apart and do not always agree.
    claims = about[name][~about[name]["assessment_id"].isin(shared_ids)]
    for source_id, group in claims.groupby("source_id", sort=False):
        said = [text.esc(c[0].lower() + c[1:] if c.split(" ", 1)[0] in SENTENCE_OPENERS else c).rstrip(".")
                for c in group["claim"]]
        parts.append(cited(f"{text.esc(sec.citations.name(source_id))}, writing in "
                           f"{sec.citations.published(source_id)}, notes that "
                           + text.join(said[:1] + [f"that {c}" for c in said[1:]]), source_id))
    lead = leading_category(name)
    if lead is not None:
        examples = compare.certain_for(ms, name)
        examples = examples[examples["category"] == lead["category"]]
        parts.append(f"Its most frequent kind of milestone was {text.esc(lead['category'])} "
                     f"({text.count(lead['count'], 'milestone')}: {'; '.join(text.esc(x) for x in examples['title'])}) "
                     f"{sec.cite(*examples['source_id'])}.")
    begun = compare.frameworks_begun(ev.frameworks, ev.administrations, name, ev.as_of)
    if len(begun):
        parts.append(f"It opened {text.count(len(begun), 'new instrument')}: "
                     + "; ".join(f"{text.esc(f.short_name)} ({say_date(f.start_date, f.date_precision)})" for f in begun.itertuples())
                     + f" {sec.cite(*begun['source_id'])}.")
    first = firsts_for(name)
    if len(first):
        parts.append("Firsts on its watch: " + "; ".join(f"{text.esc(f.title)} ({text.when(f._asdict())})"
                                                           for f in first.itertuples())
                     + f" {sec.cite(*first['source_id'])}.")
    sec.md(" ".join(parts))


# %%
def comparison_table() -> pd.DataFrame:
    """Aspects (rows) by administration (columns): the comparison at a glance."""
    columns = {}
    for name in names:
        t, r = term.loc[name], rates.loc[name]
        lead = leading_category(name)
        begun = compare.frameworks_begun(ev.frameworks, ev.administrations, name, ev.as_of)
        first = firsts_for(name)
        uncertain_note = (f"{in_words(r['uncertain'])} more uncertain (up to {num(r['rate_upper'])} a year)"
                          if r["uncertain"] else "none uncertain")
        columns[name] = [
            t["camp"],
            "; ".join(d.strip() for d in t["doctrine"].split(";")) if t["doctrine"] else "none named in the sources",
            f"{day(t['start_date'])} – " + (f"open at the cut-off ({cut_off})" if t["open"] else day(t["end_date"]))
            + (f"; powers suspended {day(t['powers_suspended'])}" if t["powers_suspended"] else ""),
            f"{num(t['years'])}",
            f"{int(r['certain'])}; {uncertain_note}",
            num(r["rate"]) + (" (too little of the term in the evidence to compare)" if name in thin else ""),
            f"{lead['category']} ({int(lead['count'])})" if lead is not None else "none",
            "; ".join(compare.priorities(grid, name)) or "none singled out",
            "; ".join(x for x in grid.index if grid.loc[x, name] == "present") or "none",
            "; ".join([f"{f.short_name} ({say_date(f.start_date, f.date_precision)})" for f in begun.itertuples()]
                      + [f"{f.title} ({text.when(f._asdict())})" for f in first.itertuples()]) or "none recorded",
        ]
    aspects = ["Camp", "Frame (flagship doctrine)", "Term as dated", "Years in office counted", "Milestones",
               "Milestones per year in office", "Most frequent kind of milestone", "Priority areas (singled out)",
               "Other areas listed", "Signature steps (new instruments and firsts)"]
    table = pd.DataFrame(columns, index=aspects)
    table.columns = [short[n] for n in names]
    return table.reset_index(names="Aspect")


table_sources = sorted(set(terms["source_id"]) | set(focus["source_id"])
                       | set(ms[ms["administration"].isin(names)]["source_id"]) | set(ev.administrations.loc[
                           ev.administrations["administration"].isin(names), "dates_source_id"]))
sec.table(comparison_table(), "comparison",
          caption=f"The administrations compared, at {cut_off}",
          sources=table_sources,
          note=("Terms from official records. Milestones are counted once each, per year in office (a term still running "
                "is counted to the cut-off). Areas as the sources code each government."))

# %% [markdown]
# ## Engagement intensity: the pace per year in office

# %%
def frac(d) -> float:
    """A date as a fractional year, for drawing terms over calendar-year bars."""
    length = 366 if (d.year % 4 == 0 and (d.year % 100 != 0 or d.year % 400 == 0)) else 365
    return d.year + (d.timetuple().tm_yday - 1) / length


rate_list = [f"{num(rates.loc[n, 'rate'])} milestones a year under {who(n)}" for n in names]
year_list = [f"{who(n)} {num(term.loc[n, 'years'])}" for n in names]
count_list = [f"{text.count(int(rates.loc[n, 'certain']), 'milestone')} under {who(n)}" for n in names]
open_terms = [n for n in names if term.loc[n, "open"]]
if thin:
    pace_sentence = (f"Measured per year in office, so that terms of different length compare fairly: "
                     f"{text.join(rate_list)}. These rates do not yet bear comparison: "
                     f"{'; '.join(thin_reason(n) for n in thin)}.")
elif pace != "similar":
    pace_sentence = (f"Measured per year in office, so that terms of different length compare fairly, engagement was "
                     f"{pace} under {who(fastest)}: {text.join(rate_list)}.")
else:
    pace_sentence = (f"Measured per year in office, so that terms of different length compare fairly, the pace was "
                     f"similar: {text.join(rate_list)}.")
sec.md(
    f"{pace_sentence} The sources record {text.join(count_list)} "
    f"{sec.cite(*ms[ms['administration'].isin(names)]['source_id'])}, over terms of {text.join(year_list)} years"
    + (f", a term still running being counted up to the cut-off of {cut_off}." if open_terms else "."))

context_events = ev.events[ev.events["category"].isin(compare.CONTEXT) & ev.events["administration"].isin(names)
                           & (ev.events["end"] <= ev.as_of)]
sec.md(
    f"A milestone here is a step in South Korea–NATO relations recorded in the evidence: a meeting, an agreement, "
    f"an exercise, an arms deal with a NATO member or partner, or a statement of policy by Seoul. Each counts once, "
    f"however many sources report it. The counts leave out the setting: "
    f"{text.join([text.esc(c) for c in compare.CONTEXT])} "
    f"({text.count(len(context_events), 'such event')} in these terms), and expectations that a source reported before "
    f"the step was taken.")

# %%
def years_figure():
    """Milestones per calendar year, stacked by administration, uncertain ones hatched; terms drawn above."""
    first_year = min(d.year for d in terms["start_date"])
    last_year = max(d.year for d in terms["counted_end"])
    if len(per_year):
        first_year, last_year = min(first_year, int(per_year.index.min())), max(last_year, int(per_year.index.max()))
    years = list(range(first_year, last_year + 1))
    table = per_year.reindex(years, fill_value=0)
    totals = table.sum(axis=1).to_numpy()
    top = max(int(totals.max()) if len(totals) else 0, 1)
    fig, ax = charts.new_figure(height_in=3.0)
    xs = np.array(years) + 0.5
    bottom = np.zeros(len(years))
    for name in names:
        values = table[name].to_numpy()
        ax.bar(xs, values, bottom=bottom, width=0.7, color=colours[name], linewidth=0, zorder=2)
        bottom += values
    doubtful = table[compare.UNCERTAIN].to_numpy()
    handles = []
    if doubtful.any():
        ax.bar(xs, doubtful, bottom=bottom, width=0.7, facecolor="white", edgecolor=charts.UNCERTAIN, hatch="////",
               linewidth=0.8, zorder=2)
        handles.append(Patch(facecolor="white", edgecolor=charts.UNCERTAIN, hatch="////",
                             label="cannot be placed in one term (year or month spans a change, or sources disagree)"))
    for x, total in zip(xs, totals):
        if total:
            ax.text(x, total + top * 0.02, str(int(total)), ha="center", va="bottom", fontsize=7.5, color=charts.MUTED)
    band = top * 1.25 + 0.6
    for name in names:
        t = term.loc[name]
        x0, x1 = frac(t["start_date"]), frac(t["counted_end"] + pd.Timedelta(days=1))
        ax.plot([x0, x1], [band, band], color=colours[name], linewidth=6, solid_capstyle="butt", zorder=3)
        ax.text(x0, band + top * 0.07, f"{short[name]}: {num(rates.loc[name, 'rate'])} a year", ha="left", va="bottom",
                fontsize=8, color=charts.INK)
        if t["powers_suspended"]:
            xs_ = frac(t["powers_suspended"])
            ax.plot([xs_, xs_], [band - top * 0.06, band + top * 0.06], color=charts.INK, linewidth=1.2, zorder=4)
    if open_terms:
        x = frac(ev.as_of + pd.Timedelta(days=1))
        ax.axvline(x, color=charts.MUTED, linestyle=":", linewidth=0.9, zorder=1)
        ax.text(x + 0.06, top * 0.5, "cut-off", rotation=90, ha="left", va="center", fontsize=7, color=charts.MUTED)
    ax.set_xticks(xs, [str(y) for y in years])
    ax.tick_params(axis="x", length=0)
    ax.set_xlim(first_year - 0.1, last_year + 1.35)
    step = 1 if top <= 6 else 2 if top <= 12 else 5
    ax.set_yticks(range(0, top + 1, step))
    ax.spines["left"].set_bounds(0, top)
    ax.set_ylim(0, band + top * 0.3)
    ax.set_ylabel("milestones")
    charts.value_grid(ax, "y")
    if handles:
        ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.1), fontsize=7.5, handlelength=1.6)
    return fig


busiest = per_year[names].sum(axis=1)
year_alt = "; ".join(f"{y}: {int(busiest[y])}" + (f" plus {int(per_year.loc[y, compare.UNCERTAIN])} uncertain"
                                                  if per_year.loc[y, compare.UNCERTAIN] else "")
                     for y in per_year.index if busiest[y] or per_year.loc[y, compare.UNCERTAIN])
if thin:
    years_title = (f"Milestones per year by government; {text.join([plain(n) for n in thin])}'s term is still too "
                   f"short in the evidence to rate")
elif pace != "similar":
    years_title = (f"Engagement quickened under {plain(fastest)}: {num(rates.loc[fastest, 'rate'])} milestones a year "
                   f"in office, against {num(rates.loc[slowest, 'rate'])} under {plain(slowest)}")
else:
    years_title = ("Milestones came at a similar pace: "
                   + text.join([f"{num(rates.loc[n, 'rate'])} a year in office under {plain(n)}" for n in names]))
sec.figure(
    years_figure(), "years",
    title=years_title,
    caption=(f"Milestones in South Korea–NATO relations per calendar year, coloured by the administration in office "
             f"when they happened, {text.period(min(per_year.index), max(per_year.index)) if len(per_year) else ''}. "
             f"Hatched segments are milestones that cannot be placed in one term; they are not counted in any rate. "
             f"The bands above the bars show each term as counted, with its rate per year in office"
             + (f"; a term still running is drawn to the evidence cut-off ({cut_off}, dotted line), so the last year is "
                f"incomplete" if open_terms else "")
             + ("; a tick on a band marks the day a president's powers were suspended by impeachment"
                if terms["powers_suspended"].notna().any() else "")
             + ". Context events (Korean domestic politics, NATO's own policy decisions, the regional context) and "
               "expectations are left out; a milestone reported in several versions counts once."),
    sources=sorted(set(ms[ms["administration"].isin(names)]["source_id"]) | set(uncertain["source_id"])),
    alt=(f"Stacked bar chart of milestones per year. {text.join(rate_list)}. By year: {year_alt}."),
)

# %%
if len(uncertain):
    upper = [f"{num(rates.loc[n, 'rate_upper'])} for {who(n)}" for n in names if rates.loc[n, "uncertain"]]
    gap_holds = all(rates.loc[fastest, "rate"] >= rates.loc[n, "rate_upper"] for n in names if n != fastest)
    sec.md(
        f"{text.count(len(uncertain), 'further milestone').capitalize()} cannot be placed in a single term and "
        f"{'is' if len(uncertain) == 1 else 'are'} shown separately (hatched in {sec.fig_ref('years')}, listed in "
        f"{sec.table_ref('uncertain')}): " + "; ".join(text.esc(t) for t in uncertain["title"])
        + f" {sec.cite(*uncertain['source_id'])}. Credited in full to every government that could claim "
        f"{'it' if len(uncertain) == 1 else 'them'}, the rates would rise to at most {text.join(upper)}, which "
        + ("leaves the comparison unchanged." if gap_holds else "would narrow the gap; the comparison is sensitive to them."))
else:
    sec.md("Every milestone in these terms falls clearly within one of them; none had to be set aside as uncertain.")

# %%
if len(uncertain):
    version_rows = ev.events.set_index("event_id")
    uncertain_view = pd.DataFrame({
        "Milestone": list(uncertain["title"]),
        "Date as the sources give it": ["; ".join(f"{text.when(version_rows.loc[v])} ({sec.citations.short(version_rows.loc[v, 'source_id'])})"
                                                  for v in vs) for vs in uncertain["versions"]],
        "Could belong to": [", ".join(admins.loc[c, "short_name"] if c in admins.index else c for c in cs)
                            for cs in uncertain["candidates"]],
        "Why it cannot be placed": list(uncertain["reason"]),
        "Sources": [", ".join(sec.citations.link(s) for s in ss) for ss in uncertain["version_sources"]],
    })
    sec.table(uncertain_view, "uncertain",
              caption="Milestones that cannot be credited to one government, and why",
              sources=sorted({s for ss in uncertain["version_sources"] for s in ss}), html_columns=("Sources",),
              note=f"Counted in no rate; hatched in {sec.fig_ref('years')}.")


# %%
def category_figure():
    """Milestones per year in office by category: one bar per administration, value and count at the bar end."""
    wide = cats.pivot(index="category", columns="administration", values="per_year")[names]
    counts = cats.pivot(index="category", columns="administration", values="count")[names]
    order = sorted(wide.index, key=lambda c: (-wide.loc[c].max(), c))
    k = len(names)
    slot = 0.8 / k
    fig, ax = charts.new_figure(height_in=0.45 + 0.17 * k * len(order) + 0.08 * len(order))
    peak = float(wide.to_numpy().max()) or 1.0
    for j, name in enumerate(names):
        ys = np.arange(len(order)) + (j - (k - 1) / 2) * slot
        values = wide.loc[order, name].to_numpy()
        ax.barh(ys, values, height=slot * 0.88, color=colours[name], linewidth=0)
        named = False
        for y, v, c in zip(ys, values, counts.loc[order, name]):
            label = f"{num(v)} ({int(c)})" if c else "0"
            if c and not named:  # the administration's name on its first non-empty bar
                label, named = f"{short[name]}: {label}", True
            ax.text(v + peak * 0.015, y, label, va="center", ha="left", fontsize=7.2, color=charts.INK)
    ax.set_yticks(range(len(order)), [cat_label(c) for c in order])
    ax.set_ylim(len(order) - 0.5, -0.5)
    ax.tick_params(axis="y", length=0)
    ax.spines["left"].set_visible(False)
    ax.set_xlim(0, peak * 1.3)
    ax.set_xlabel("milestones per year in office (number of milestones in brackets)")
    charts.value_grid(ax, "x")
    return fig


if len(cats):
    leads = {}
    for n in names:
        if leading_category(n) is not None:
            leads.setdefault(leading_category(n)["category"], []).append(plain(n))
    leaderless = [plain(n) for n in names if leading_category(n) is None]
    if len(leads) > 1:
        category_title = "The mix changed with the government: "
    elif len(leads) == 1 and not leaderless:
        category_title = "The mix was much the same: "
    else:
        category_title = "Milestones by kind: "
    category_title += ", ".join(f"{c} led under {text.join(ns)}" for c, ns in leads.items())
    if leaderless:
        category_title += ("; " if leads else "") + f"no single kind stands out under {text.join(leaderless)}"
    n_cats = cats["category"].nunique()
    sec.figure(
        category_figure(), "categories",
        title=category_title,
        caption=(f"Milestones per year in office by category for each administration, from its start to the end of its "
                 f"term or the cut-off ({cut_off}); the number of milestones is in brackets. Only milestones placed "
                 f"in one term are counted ({text.count(len(uncertain), 'uncertain milestone')} left out)."),
        sources=sorted(set(ms[ms["administration"].isin(names)]["source_id"])),
        alt=(f"Horizontal bar chart of {n_cats} categories. "
             + " ".join(f"{short[n]}: " + ", ".join(
                 f"{r.category} {num(r.per_year)}" for r in cats[(cats['administration'] == n) & (cats['count'] > 0)]
                 .sort_values('per_year', ascending=False).itertuples()) + "." for n in names)),
    )
    shifts = []
    for n in names:
        mine = cats[(cats["administration"] == n) & (cats["count"] > 0)]
        others_max = cats[cats["administration"] != n].groupby("category")["per_year"].max()
        ahead = [r.category for r in mine.sort_values("per_year", ascending=False).itertuples()
                 if r.per_year > others_max.get(r.category, 0)]
        if ahead:
            shifts.append(f"{who(n)} led {text.join(['in ' + text.esc(c) for c in ahead[:4]])}")
    none_for = {n: [c for c in cats["category"].unique()
                    if cats[(cats["category"] == c) & (cats["administration"] == n)]["count"].iloc[0] == 0
                    and cats[(cats["category"] == c) & (cats["administration"] != n)]["count"].sum() > 0]
                for n in names}
    absent = [f"none {text.join(['in ' + text.esc(c) for c in cs])} under {who(n)}" for n, cs in none_for.items() if cs]
    sec.md(
        ("The kind of engagement changed as much as its pace. " if len(leads) > 1 else "")
        + f"Per year in office, "
        f"{'; '.join(shifts) if shifts else 'no government led in every category'}"
        + (f". The sources record {'; '.join(absent)}" if absent else "")
        + f" {sec.cite(*ms[ms['administration'].isin(names)]['source_id'])}.")

# %% [markdown]
# ## Focus areas: where the governments put their weight

# %%
if len(grid):
    priority_only = {n: [a for a in only[n] if grid.loc[a, n] == "priority"] for n in names}
    sec.md(
        (f"The sources code {text.count(len(grid), 'cooperation area')} for the governments compared; "
         f"{text.count(len(shared), 'area')} {'is' if len(shared) == 1 else 'are'} coded for every one of them"
         + (f", and {areas_text(shared_priority)} {'was' if len(shared_priority) == 1 else 'were'} a priority for all"
            if shared_priority else "")
         + ". " if shared else
         f"The sources code {text.count(len(grid), 'cooperation area')} for the governments compared, but none for "
         f"all of them. ")
        + cited(" ".join(f"Only {who(n)} {'singled out' if priority_only[n] else 'is coded for'} "
                         f"{areas_text(priority_only[n] or only[n])}." for n in names if only[n]),
                *focus["source_id"]))
    if uncoded:
        sec.md(f"The sources code no area for {text.join([who(n) for n in uncoded])}, so the overlap cannot include "
               f"{'it' if len(uncoded) == 1 else 'them'}; a blank column means the evidence is silent, not that nothing "
               f"was done.")
else:
    sec.md("The sources code no cooperation area for any of the governments compared, so no focus matrix can be drawn.")


# %%
def matrix_figure():
    """Areas (rows) by administration (columns): filled = priority, ring = listed, small grey dot = not coded."""
    n, k = len(grid), len(names)
    fig, ax = charts.new_figure(height_in=0.26 * n + 0.75)
    matrix_share = (k + 0.2) / (k + 2.8)  # the matrix columns' share of the x range set below
    for i, area in enumerate(grid.index):
        coded = (grid.loc[area] != "").sum()
        if coded == k:
            ax.axhspan(i - 0.5, i + 0.5, xmin=0, xmax=matrix_share, color="#ececec", zorder=0, linewidth=0)
        for j, name in enumerate(names):
            value = grid.loc[area, name]
            if value == "priority":
                ax.scatter(j, i, s=95, color=colours[name], zorder=3)
            elif value == "present":
                ax.scatter(j, i, s=80, facecolor="white", edgecolor=colours[name], linewidth=1.6, zorder=3)
            else:
                ax.scatter(j, i, s=6, color=charts.UNCERTAIN, zorder=3)
    ax.set_yticks(range(n), [cat_label(a) for a in grid.index])
    ax.set_ylim(n - 0.5, -0.5)
    ax.xaxis.tick_top()
    ax.set_xticks(range(k), [short[name] for name in names], fontsize=8.5)
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.set_xlim(-0.6, k - 0.4 + 2.6)
    handles = [
        Line2D([], [], marker="o", linestyle="", markersize=8, color=charts.INK, label="singled out (priority)"),
        Line2D([], [], marker="o", linestyle="", markersize=7.5, markerfacecolor="white", markeredgecolor=charts.INK,
               markeredgewidth=1.4, label="listed (present)"),
        Line2D([], [], marker="o", linestyle="", markersize=2.5, color=charts.UNCERTAIN, label="not coded"),
        Patch(facecolor="#ececec", label="coded for every government"),
    ]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(matrix_share + 0.04, 1.0), fontsize=7.5,
              handletextpad=0.6, borderaxespad=0)
    return fig


if len(grid):
    if shared_priority:
        matrix_title = (f"{cat_label(areas_text(shared_priority))} {'was a priority' if len(shared_priority) == 1 else 'were priorities'} "
                        f"for every government compared, and {len(shared)} of {len(grid)} areas were shared")
    elif shared:
        matrix_title = f"{len(shared)} of {len(grid)} cooperation areas were shared by every government compared"
    else:
        matrix_title = f"No cooperation area is coded for every government compared"
    sec.figure(
        matrix_figure(), "focus",
        title=matrix_title,
        caption=(f"Cooperation areas each administration pursued with NATO, as coded from the sources: a filled dot "
                 f"where a source singles the area out, a ring where it only lists it, a small grey dot where no source "
                 f"codes it. Where several sources code the same cell, the strongest emphasis is drawn. Shaded rows "
                 f"are coded for every government compared. Only sources published by the cut-off ({cut_off}) are "
                 f"used; {sec.table_ref('evidence')} gives the quotation behind every cell."),
        sources=sorted(set(focus["source_id"])),
        alt=(f"Dot matrix of {len(grid)} cooperation areas against {text.full_stop(text.join([short[n] for n in names]))} "
             + " ".join(f"{short[n]}: priority {', '.join(compare.priorities(grid, n)) or 'none'}; listed "
                        f"{', '.join(a for a in grid.index if grid.loc[a, n] == 'present') or 'none'}." for n in names)
             + f" Shared by all: {', '.join(shared) or 'none'}."),
    )

# %%
if len(grid):
    evidence = compare.evidence_table(focus, names)
    evidence_view = pd.DataFrame({
        "Administration": [short[a] for a in evidence["administration"]],
        "Areas (emphasis)": ["; ".join(f"{area} ({emph})" for area, emph in areas) for areas in evidence["areas"]],
        "Quotation": [f"“{q}”" for q in evidence["quote"]],
        "Source": [sec.citations.link(s) for s in evidence["source_id"]],
    })
    sec.table(evidence_view, "evidence",
              caption=f"The evidence behind the focus matrix: each quotation and the areas it supports",
              sources=sorted(set(evidence["source_id"])), html_columns=("Source",))

# %% [markdown]
# ## What carried relations from one government to the next

# %%
common = [a for a in shared if a not in shared_priority]
shared_claims = assessments[assessments["assessment_id"].isin(shared_ids)]
begun_by = {n: compare.frameworks_begun(ev.frameworks, ev.administrations, n, ev.as_of) for n in names}
live_mine = live[live["administration"].isin(names)]
live_before = live[live["end"] < term.loc[names[0], "start_date"]]  # begun, certainly, before the first term
if shared:
    sec.md(
        f"Continuity rested on shared interests rather than shared outlooks. "
        + (f"{cat_label(areas_text(shared_priority))} {'was a priority' if len(shared_priority) == 1 else 'were priorities'} "
           f"for {camp_phrase()}" if shared_priority else f"{camp_phrase().capitalize()} pursued the same core")
        + (f", and {'both' if len(names) == 2 else 'all'} kept up {areas_text(common)}" if common else "")
        + f" {sec.cite(*focus[focus['area'].isin(shared)]['source_id'])}."
        + "".join(" " + cited(text.esc(r.claim), r.source_id) for r in shared_claims.itertuples()))
else:
    sec.md("The sources code no cooperation area for every government compared, so continuity cannot be traced to a "
           "shared agenda in the evidence.")

handover = compare.handovers(ev.frameworks, ev.administrations, ev.as_of)
handover = handover[(handover["from_admin"].isin(names) | handover["to_admin"].isin(names))
                    & ~handover["from_admin"].isin([compare.AMBIGUOUS]) & ~handover["to_admin"].isin([compare.AMBIGUOUS])]
institution = []
if len(live_before):
    institution.append(
        f"Each government inherited instruments it did not create: at the start of {who(names[0])}'s term, "
        f"{text.count(len(live_before), 'instrument')} begun earlier {'was' if len(live_before) == 1 else 'were'} in "
        f"force and remained so at the cut-off ({text.join([text.esc(x) for x in live_before['short_name']])}) "
        f"{sec.cite(*live_before['source_id'])}.")
for h in handover.itertuples():
    institution.append(
        f"The {text.esc(h.predecessor)} begun under {who(h.from_admin)} in {say_date(*h.from_date)} was replaced by the "
        f"{text.esc(h.successor)} under {who(h.to_admin)} in {say_date(*h.to_date)} {sec.cite(*h.source_ids)}.")
if len(live_mine):
    by_admin = [f"{text.count(len(live_mine[live_mine['administration'] == n]), 'instrument')} begun under {who(n)}"
                for n in names if len(live_mine[live_mine["administration"] == n])]
    institution.append(
        f"By the cut-off, {text.join(by_admin)} {'was' if len(live_mine) == 1 else 'were'} still in force "
        f"({text.join([text.esc(x) for x in live_mine['short_name']])}) {sec.cite(*live_mine['source_id'])}; "
        f"a successor government inherits {'it' if len(live_mine) == 1 else 'them'}.")
if institution:
    sec.md("Institutions carried the relationship from one government to the next. " + " ".join(institution))

consensus = assessments[assessments["topic"] == "Continuity across camps"]
if len(consensus):
    sec.md(
        "Seoul's political class has, on the sources' reading, converged on why the partnership matters. "
        + " ".join(cited(text.esc(r.claim), r.source_id) for r in consensus.itertuples()))

camp_of = dict(zip(terms["administration"], terms["camp"]))
one_sided = [(n, only[n]) for n in names if only[n]]
prioritise = assessment("swp_rec_prioritise_both_camps")
if one_sided:
    risk = "; ".join(f"{areas_text(a)} ({who(n)}{', ' + text.esc(camp_of[n]) if cross_camp else ''})"
                     for n, a in one_sided)
    sec.md(
        f"For a change of government the differences matter more than the pace. Areas that only one of the "
        f"governments compared took up are the ones a successor may drop: {risk}. "
        + (f"Areas that {camp_phrase()} pursued ({areas_text(shared_priority or shared)}) are the safest base. "
           if shared else "")
        + (cited(text.esc(prioritise["claim"]), prioritise["source_id"]) if prioritise is not None else ""))

# %% [markdown]
# ## Dating traps: who gets the credit
#
# A government is credited with a step only when every source dates it within its term. Three kinds of date make that
# hard: a step dated only to a year or month that spans a change of government (the milestones that cannot be
# credited to one government, listed above); a step the sources date to different terms, or that one government started and the next completed; and the
# end of a term that the sources and the public record date differently.

# %%
links = compare.conflict_links(ev.conflicts, ev.conflict_versions, ev.events, section="administrations")
milestone_of = {v: row.event_id for row in ms.itertuples() for v in row.versions}
forecast_rows = ev.events[compare.forecasts(ev.events, ev.sources)]
version_rows = ev.events.set_index("event_id")
topics = ev.conflicts.set_index("conflict_id")


def relevant(row) -> bool:
    return (row["status"] == compare.CERTAIN and row["administration"] in names) or \
        (row["status"] == compare.UNCERTAIN and bool(set(row["candidates"]) & set(names)))


def boundary_note(version) -> str:
    """'5 May 2022 falls five days before Yoon took office on 10 May 2022' for a precise date near a new term."""
    if version["date_precision"] == "year":
        return ""
    for name in names:
        start = term.loc[name, "start_date"]
        gap = (start - version["end"]).days
        if 0 < gap <= 31:
            return (f" On that date {who(administration_on(version['end'], ev.administrations))} was still in office: "
                    f"{text.when(version)} falls {text.count(gap, 'day')} before {who(name)} took office on {day(start)} "
                    f"{sec.cite(admins.loc[name, 'dates_source_id'])}.")
    return ""


shown = set()
for conflict_id, group in links.groupby("conflict_id", sort=False):
    ids = list(dict.fromkeys(milestone_of[e] for e in group["event_id"] if e in milestone_of))
    mine = ms[ms["event_id"].isin(ids)]
    mine = mine[pd.Series([relevant(r) for _, r in mine.iterrows()], index=mine.index, dtype=bool)]
    expected_any = bool(len(mine)) and forecast_rows["version_of"].isin(mine["event_id"]).any()
    if mine.empty or not ((mine["status"] == compare.UNCERTAIN).any() or expected_any):
        continue  # nothing disputed among the milestones counted here (e.g. the disputed step is after the cut-off)
    parts = [f"**{text.esc(topics.loc[conflict_id, 'topic'])}.**"]
    begun_under = None  # a step of the same process credited to one government before an uncertain one
    for _, m in mine.iterrows():
        if m["status"] == compare.CERTAIN:
            parts.append(cited(text.esc(m["description"]), m["source_id"]))
            expected = forecast_rows[forecast_rows["version_of"] == m["event_id"]]
            for f in expected.itertuples():
                parts.append(cited(text.esc(f.description), f.source_id))
            if len(expected):
                parts.append(f"The brief counts this step once, under {who(m['administration'])}, as dated by "
                             f"{text.esc(sec.citations.short(m['source_id']))}.")
            else:
                begun_under = m["administration"]
        else:
            ordered = [m["event_id"]] + [v for v in m["versions"] if v != m["event_id"]]
            for v in ordered:
                row = version_rows.loc[v]
                parts.append(cited(text.esc(row["description"]), row["source_id"]) + boundary_note(row))
            later = [c for c in m["candidates"] if c != begun_under]
            if begun_under in m["candidates"] and later:
                parts.append(f"The process thus began under {who(begun_under)}; whether it was completed under "
                             f"{who(begun_under)} or under {text.join([who(c) for c in later], last='or')} depends on "
                             f"the source. The brief credits the start to {who(begun_under)} and counts the completion "
                             f"as uncertain.")
            else:
                parts.append(f"The brief therefore credits this step to neither government and counts it as "
                             f"uncertain between {text.join([who(c) for c in m['candidates']])}.")
    if begun_under is not None and not any(mine["status"] == compare.UNCERTAIN):
        parts.append(f"The brief credits this step to {who(begun_under)}.")
    sec.md(" ".join(parts))
    sec.disagreement(conflict_id)
    shown.add(conflict_id)

# %%
for name in names:
    t, r = term.loc[name], rates.loc[name]
    dates_cite = sec.cite(admins.loc[name, "dates_source_id"])
    parts = []
    if t["open"]:
        parts.append(f"{who(name)}'s term is counted from {day(t['start_date'])} to the cut-off of {cut_off}, as it "
                     f"was still running then {dates_cite}.")
    elif t["end_basis"] and t["powers_suspended"] is not None:
        parts.append(f"{who(name)}'s term is counted from {day(t['start_date'])} to {day(t['end_date'])}: "
                     f"{text.esc(t['end_basis'])} {dates_cite}.")
    if t["powers_suspended"] is not None:
        lead = ("" if not t["open"] else
                f"An impeachment vote suspended {who(name)}'s powers on {day(t['powers_suspended'])} {dates_cite}; ")
        clause = (f"counting only the milestones dated before "
                  + ("that day" if lead else f"the suspension of powers on {day(t['powers_suspended'])}")
                  + f", the rate would be {num(r['rate_to_suspension'])} a year rather than {num(r['rate'])}"
                  if r["rate_to_suspension"] is not None else "")
        if lead or clause:
            sentence = (lead + clause) if lead else clause[0].upper() + clause[1:]
            parts.append(sentence.rstrip("; ") + ".")
    ended = (not t["open"]) or t["powers_suspended"] is not None
    conflicts_here = [c for c in compare.term_conflicts(ev.conflicts, ev.administrations, name, "administrations")
                      if c not in shown] if ended else []
    if conflicts_here:
        parts.append("The sources date the end differently, as the note below sets out.")
    if parts:
        sec.md(" ".join(parts))
    for conflict_id in conflicts_here:
        sec.disagreement(conflict_id)
        shown.add(conflict_id)

# %% [markdown]
# ## What the comparison does not show

# %%
supplied = {}
for n in names:
    mine = compare.certain_for(ms, n)
    if len(mine):
        counts = mine["source_id"].value_counts()
        supplied.setdefault(counts.index[0], []).append(f"{counts.iloc[0]} of {who(n)}'s {len(mine)}")
dominant = {n: compare.certain_for(ms, n)["source_id"].value_counts() for n in names}
heavy = any(len(c) and c.iloc[0] > c.sum() / 2 for c in dominant.values())
caveats = [f"{text.esc(sec.citations.short(source))} supplies {text.join(parts)} milestones"
           for source, parts in supplied.items()]
fast_ms = compare.certain_for(ms, fastest)
months = fast_ms[fast_ms["date_precision"] != "year"].assign(month=lambda f: f["date"].str[:7])["month"].value_counts()
busy = (f" Several milestones can come from one occasion: {text.count(int(months.iloc[0]), 'milestone')} under "
        f"{who(fastest)} date from {say_date(months.index[0], 'month')}." if len(months) and months.iloc[0] >= 3 else "")
sec.md(
    f"The counts measure what the sources record, not the weight of each step. The evidence comes from "
    f"{text.count(len(set(ms['source_id'])), 'source')} written at different times"
    + (f", and a few of them carry most of the weight: {'; '.join(caveats)} {sec.cite(*supplied)}." if heavy else
       f"; no single source supplies most of the milestones of any government compared.") + busy
    + " The focus matrix records whether a source names an area for a government, not how much was spent or achieved "
      "in it; an empty cell means the sources are silent.")
