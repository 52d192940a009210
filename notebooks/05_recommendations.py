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
# # Priorities and recommendations
#
# Which areas of cooperation should South Korea and NATO put first, and who should do what to carry the
# partnership through a change of government in Seoul?

# %% tags=["parameters"]
as_of = "2025-01-31"  # evidence cut-off (YYYY-MM-DD): nothing dated later is counted or drawn
audience = "general"  # nato, rok or general: the same evidence framed and ordered for that reader

# %%
from datetime import date

import pandas as pd
from matplotlib.ticker import MaxNLocator

from helpers.writing import charts, text
from helpers.analysis import scoring
from helpers.evidence.data import load_all, published_sources
from helpers.evidence.dates import say_date
from helpers.analysis.recommendations import build_recommendations, current_programme, ordinal, source_advice, uncovered_areas
from helpers.writing.section import Section

scoring.check_audience(audience)
ev = load_all(as_of)
sec = Section(number=5, slug="recommendations", title="Priorities and recommendations", evidence=ev)
weights = scoring.WEIGHTS
scores = scoring.score_evidence(ev, weights)
equal = scoring.score_evidence(ev, scoring.Weights.equal()).set_index("area")
recs = build_recommendations(ev, scores, cite=sec.cite)
ordered = scoring.order_for(recs, audience)
admins = ev.administrations.set_index("administration")
frameworks = ev.frameworks.set_index("framework_id")
events = ev.events.set_index("event_id")
indicators = ev.indicators.set_index("indicator_id")
programme = current_programme(ev)
cut_off = say_date(ev.as_of.isoformat(), "day")
top = scoring.top_areas(scores, 2)
shared = scoring.both_camps(scores)
coded_sources = sorted(set(scoring.coded_rows(ev.cooperation_areas, ev.administrations, ev.frameworks)["source_id"]))


def area_name(area: str) -> str:
    return text.esc(area)


def milestones_of(areas) -> pd.DataFrame:
    ids = list(dict.fromkeys(e for a in areas for e in scores.set_index("area").loc[a, "results"]))
    return events.loc[ids] if ids else events.iloc[0:0]


# %%
# Key findings for the executive summary.
if len(scores):
    top_rows = scores.set_index("area").loc[top]
    singled = set.intersection(*[{a for a, e in r.admin_emphasis.items() if e == "priority"} for r in top_rows.itertuples()])
    by_camp = {c: [a for a in admins.index if a in singled and admins.loc[a, "camp"] == c] for c in ("liberal", "conservative")}
    top_events = milestones_of(top)
    if all(by_camp.values()):
        backing = ("as priorities of both the liberal " + text.join(text.esc(admins.loc[a, "short_name"]) for a in by_camp["liberal"])
                   + " and the conservative " + text.join(text.esc(admins.loc[a, "short_name"]) for a in by_camp["conservative"])
                   + " governments")
    else:
        backing = f"with support from {text.count(len(set(c for cs in top_rows['camps'] for c in cs)), 'political camp')}"
    since = f" since {int(top_events['year'].min())}" if len(top_events) else ""
    sec.finding(
        f"{text.join(area_name(a) for a in top).capitalize()} should come first: {'they score' if len(top) > 1 else 'it scores'} "
        f"highest on the evidence, {backing}, with {text.count(len(top_events), 'practical milestone')}{since}.",
        sources=sorted(set(ev.cooperation_areas.loc[ev.cooperation_areas["area"].isin(top), "source_id"]) | set(top_events["source_id"])),
        rank=10)
    duration = indicators.loc["itpp_duration"] if "itpp_duration" in indicators.index else None
    itpp_current = programme is not None and programme["framework_id"] == "itpp"
    runs_to = (f", and the {text.esc(programme['short_name'])} sets out plans to {int(duration['period_end'])}"
               if duration is not None and itpp_current else "")
    verb = "is" if len(shared) == 1 else "are"
    sec.finding(
        f"The partnership should outlast the next change of government in Seoul, but not on autopilot: "
        f"{len(shared) or 'none'} of the {len(scores)} areas scored {verb} backed by governments of both camps{runs_to}, "
        f"yet implementation needs the next government's endorsement.",
        sources=sorted(set(coded_sources) | ({duration["source_id"]} if duration is not None else set())), rank=30)
    sec.key_number("areas_both_camps", "areas of cooperation backed by governments of both camps in Seoul", len(shared),
                   f"{len(shared)} of {len(scores)}", sources=coded_sources)
    sec.key_number("top_area_milestones", f"practical milestones in {text.join(top)}{since}", len(top_events),
                   str(len(top_events)), sources=sorted(set(top_events["source_id"])))
else:
    sec.finding(f"By {say_date(ev.as_of.isoformat(), 'day')} no government in Seoul or partnership framework has listed an "
                f"area of cooperation, so there is nothing yet to prioritise.", rank=10)
if ordered:
    first = ordered[0]
    for_whom = {"general": "", "nato": " for the Alliance", "rok": " for Seoul"}[audience]
    sec.finding(f"The first step{for_whom}: {first.actor_phrase} should {first.action}.", sources=list(first.sources), rank=60)
sec.record()

# %% [markdown]
# ## Where to start: a traceable priority score

# %%
n_areas = len(scores)
if n_areas:
    lead = scores.iloc[0]
    sec.md(
        f"Not every area of cooperation is equally ready to carry the partnership. On the evidence in this brief, "
        f"{text.join(area_name(a) for a in top)} {'stand' if len(top) > 1 else 'stands'} out: "
        f"{'they have' if len(top) > 1 else 'it has'} backing in Seoul, frameworks to build on and practical results to show. "
        f"The score below makes that judgement traceable: it is computed from the data, and it changes when the data do."
    )
    test = source_advice(ev, "swp_rec_prioritise_both_camps")
    if test[0] in published_sources(ev.sources, ev.as_of):
        sec.md(f"The rule puts into numbers a test the sources themselves propose. {test[1].rstrip('.')} {sec.cite(test[0])}.")
    sec.md(
        f"The rule adds up three kinds of evidence for each of the {text.count(n_areas, 'area')} that a South Korean government "
        f"or a partnership framework lists {sec.cite(*coded_sources)}; {sec.fig_ref('scores')} shows support in Seoul in two "
        f"parts, governments and camps. *Support in Seoul:* "
        f"{text.count(weights.admin_priority, 'point')} for each government that singled the area out and "
        f"{text.count(weights.admin_present, 'point')} for each that listed it, plus {text.count(weights.camp, 'point')} for each "
        f"political camp, liberal or conservative, whose governments did either. *Frameworks:* "
        f"{text.count(weights.framework_priority, 'point')} for each partnership framework that lists the area as a priority and "
        f"{text.count(weights.framework_present, 'point')} for one that lists it, plus {text.count(weights.in_force, 'point')} "
        f"if that framework was still in force on {cut_off}. *Practical results:* {text.count(weights.result, 'point')} for each "
        f"milestone that delivered cooperation in the area, such as an exercise, a membership, a project, an operation or an "
        f"arms deal; meetings, summits and statements do not count. Where several sources code the same government or "
        f"framework, the strongest emphasis counts once."
    )

# %%
COMPONENT_COLOURS = {"administrations": "#0072B2", "camps": "#56B4E9", "frameworks": "#009E73", "results": "#E69F00"}


def score_figure(scores: pd.DataFrame):
    """Stacked horizontal bars: the points of each component per area, highest total at the top."""
    rows = scores.reset_index(drop=True)
    fig, ax = charts.new_figure(height_in=0.2 * len(rows) + 0.9)
    left = pd.Series(0.0, index=rows.index)
    for component in scoring.COMPONENTS:
        values = rows[f"{component}_points"].astype(float)
        colour = COMPONENT_COLOURS[component]
        ax.barh(rows.index, values, left=left, height=0.66, color=colour, label=scoring.COMPONENT_LABELS[component],
                edgecolor="white", linewidth=0.6)
        for i, (v, l) in enumerate(zip(values, left)):
            if v >= 2:
                ink = "white" if component in ("administrations", "frameworks") else charts.INK
                ax.text(l + v / 2, i, f"{v:.0f}", ha="center", va="center", fontsize=7, color=ink)
        left += values
    for i, total in enumerate(rows["total"]):
        ax.text(total + 0.3, i, f"{total}", ha="left", va="center", fontsize=8, fontweight="bold", color=charts.INK)
    ax.set_yticks(rows.index, [a[0].upper() + a[1:] for a in rows["area"]])
    ax.invert_yaxis()
    ax.set_xlim(0, rows["total"].max() * 1.08 + 1)
    ax.set_xlabel("Priority score (points)")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.tick_params(axis="y", length=0)
    ax.spines["left"].set_visible(False)
    charts.value_grid(ax, "x")
    ax.legend(loc="lower left", bbox_to_anchor=(0, 1.0), ncol=4, handlelength=1.0, columnspacing=1.2, borderaxespad=0.3)
    return fig


if n_areas:
    parts = ", ".join(f"{scoring.COMPONENT_LABELS[c].lower()} {int(lead[c + '_points'])}" for c in scoring.COMPONENTS)
    tail = scores.iloc[-1]
    bottom = list(scores[scores["total"] == tail["total"]]["area"])
    sec.figure(
        score_figure(scores), "scores",
        title=(f"{text.join(area_name(a) for a in top).capitalize()} score highest on the evidence"
               if len(top) > 1 else f"{area_name(top[0]).capitalize()} scores highest on the evidence"),
        caption=(f"Priority score of each cooperation area in points, by kind of evidence, at the evidence cut-off "
                 f"({cut_off}); the rule and its weights are stated in the text. Areas that no government or framework "
                 f"lists are not shown."),
        sources=sorted(set(coded_sources) | set(milestones_of(scores["area"])["source_id"])),
        alt=(f"Stacked bar chart of priority scores for {n_areas} cooperation areas. {area_name(lead['area']).capitalize()} "
             f"scores highest with {lead['total']} points ({parts}). "
             + "; ".join(f"{r.area} {r.total}" for r in scores.iloc[1:].itertuples())
             + f". The lowest score is {tail['total']} ({text.join(bottom)})."),
    )

# %%
def support_figure(scores: pd.DataFrame, governments: list[str]):
    """Which government in Seoul listed which area: filled = singled out, hollow = listed; rows as in the score chart."""
    colours = charts.admin_colours(ev.administrations)
    rows = scores.reset_index(drop=True)
    fig, ax = charts.new_figure(height_in=0.2 * len(rows) + 1.0)
    for i, row in rows.iterrows():
        if len(row["camps"]) > 1:
            ax.axhspan(i - 0.45, i + 0.45, color=charts.GRID, alpha=0.45, linewidth=0, zorder=0)
        for j, name in enumerate(governments):
            emphasis = row["admin_emphasis"].get(name)
            if emphasis:
                ax.scatter(j, i, s=60, zorder=3, edgecolor=colours[name], linewidth=1.4,
                           facecolor=colours[name] if emphasis == "priority" else "white")
    ax.set_yticks(rows.index, [a[0].upper() + a[1:] for a in rows["area"]])
    ax.set_xticks(range(len(governments)),
                  [f"{admins.loc[g, 'short_name']}\n{admins.loc[g, 'camp']}" for g in governments])
    ax.xaxis.tick_top()
    ax.set_xlim(-0.6, len(governments) - 0.4)
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.tick_params(length=0)
    for side in ("left", "bottom", "top", "right"):
        ax.spines[side].set_visible(False)
    ax.text(len(governments) - 0.4, len(rows) - 0.3, "Shaded: listed by governments of both camps.   "
            "Filled: singled out.   Hollow: listed.", ha="right", va="top", fontsize=7.5, color=charts.MUTED)
    return fig


if n_areas:
    listing = [g for g in admins.index if any(g in names for names in scores["administrations"])]
    one_camp = scores[scores["camps"].map(len) == 1]
    by_one = {c: list(one_camp[one_camp["camps"].map(lambda cs: cs[0]) == c]["area"]) for c in ("liberal", "conservative")}
    support_sources = sorted(set(ev.cooperation_areas.loc[ev.cooperation_areas["actor_type"] == "administration", "source_id"]))
    sec.md(
        f"Support in Seoul is broader than any one government. Of the {text.count(n_areas, 'area')}, "
        f"{text.count(len(shared), 'x').rsplit(' ', 1)[0]} {'has' if len(shared) == 1 else 'have'} been listed by "
        f"governments of both camps"
        + (f"; only liberal governments list {text.join(area_name(a) for a in by_one['liberal'])}" if by_one["liberal"] else "")
        + (f", and only conservative ones {text.join(area_name(a) for a in by_one['conservative'])}" if by_one["conservative"] else "")
        + f" {sec.cite(*support_sources)}."
    )
    sec.figure(
        support_figure(scores, listing), "support",
        title=f"{text.count(len(shared), 'area').capitalize()} of {n_areas} have backing from governments of both camps",
        caption=(f"Cooperation areas each South Korean government singled out (filled) or listed (hollow), as the sources "
                 f"code them for the whole term; rows in the order of the priority score. Governments in office by {cut_off}."),
        sources=support_sources,
        alt=(f"Dot matrix of {n_areas} cooperation areas against {len(listing)} governments "
             f"({', '.join(admins.loc[g, 'short_name'] for g in listing)}). {len(shared)} areas are listed by governments of "
             f"both camps: {', '.join(shared)}."),
    )

# %%
if n_areas:
    CAMP_MARK = {"liberal": "L", "conservative": "C"}

    def governments(row) -> str:
        names = [f"{admins.loc[a, 'short_name']}{'*' if row.admin_emphasis[a] == 'priority' else ''} "
                 f"({CAMP_MARK.get(admins.loc[a, 'camp'], admins.loc[a, 'camp'])})" for a in row.administrations]
        return ", ".join(names) or "none"

    def framework_cell(row) -> str:
        names = [f"{frameworks.loc[f, 'short_name']}{'*' if row.framework_emphasis[f] == 'priority' else ''}"
                 f"{' (ended)' if f not in row.frameworks_in_force else ''}" for f in row.frameworks]
        return ", ".join(names) or "none"

    def milestone_cell(row) -> str:
        if not row.results:
            return "none"
        years = events.loc[row.results, "year"]
        return f"{len(years)} ({text.period(int(years.min()), int(years.max()))})"

    evidence_table = pd.DataFrame({
        "Area": [a[0].upper() + a[1:] for a in scores["area"]],
        "Governments in Seoul": [governments(r) for r in scores.itertuples()],
        "Frameworks": [framework_cell(r) for r in scores.itertuples()],
        "Practical milestones": [milestone_cell(r) for r in scores.itertuples()],
        "Score": scores["total"].astype(str),
    })
    sec.table(evidence_table, "evidence", caption=f"The evidence behind each score, at {cut_off}",
              sources=sorted(set(coded_sources) | set(milestones_of(scores["area"])["source_id"])),
              note="* singled out as a priority; L liberal, C conservative government; (ended) no longer in force. "
                   "Milestones: number and years.")

# %%
if n_areas:
    first_rows = scores.set_index("area").loc[top]
    robust = [f"{area_name(a)} {'joint ' if (equal['total'] == equal.loc[a, 'total']).sum() > 1 else ''}"
              f"{ordinal(int(equal.loc[a, 'rank']))}" for a in top]
    stays = all(int(equal.loc[a, "rank"]) <= len(top) for a in top)
    indexed = scores.set_index("area")
    def results_phrase(area: str) -> str:
        hits = events.loc[indexed.loc[area, "results"]]
        if not len(hits):
            return f"{area_name(area)} none"
        return (f"{area_name(area)} {text.count(len(hits), 'milestone')}, from “{text.esc(hits['title'].iloc[0])}” "
                f"({hits['year'].iloc[0]}) to “{text.esc(hits['title'].iloc[-1])}” ({hits['year'].iloc[-1]})")

    lead_results = text.join(results_phrase(a) for a in top)
    others = indexed.drop(index=top)["results"].map(len)
    best_other = text.count(int(others.max()) if len(others) else 0, "milestone")
    judgement = ("The ranking at the top does not hinge on the weights" if stays else
                 "The ranking at the top depends on the weights")
    sec.md(
        f"{judgement}: with every piece of evidence counted as one point, the order is {text.join(robust)}. What separates the leaders from "
        f"the rest is practical results: {lead_results}, against {best_other} at most for any other area "
        f"{sec.cite(*sorted(set(milestones_of(top)['source_id'])))}."
    )
    no_framework = [a for a, f in zip(scores["area"], scores["frameworks"]) if not f and a in top]
    if no_framework:
        unlisted = ""
        if programme is not None and programme["framework_id"] not in set(ev.cooperation_areas["actor"]):
            unlisted = (f" The sources do not say which areas the {text.esc(programme['short_name'])} covers, so this may be "
                        f"a gap in the evidence rather than in the partnership.")
        sec.md(
            f"One gap stands out. No partnership framework in the evidence lists {text.join(area_name(a) for a in no_framework)}, "
            f"although {'it ranks' if len(no_framework) == 1 else 'they rank'} among the top areas on support in Seoul and "
            f"practical results {sec.cite(*coded_sources)}.{unlisted}"
        )
    left_out = uncovered_areas(recs, scores, top=5)
    for area in left_out:
        row = scores.set_index("area").loc[area]
        hits = events.loc[row["results"]] if row["results"] else events.iloc[0:0]
        joint = "joint " if (scores["total"] == row["total"]).sum() > 1 else ""
        cited = sec.cite(*sorted(set(ev.cooperation_areas.loc[ev.cooperation_areas["area"] == area, "source_id"]) | set(hits["source_id"])))
        if len(hits) and int(hits["year"].max()) < ev.as_of.year - 2:
            sec.md(
                f"{area_name(area).capitalize()} ranks {joint}{ordinal(int(row['rank']))}, but on the strength of past "
                f"cooperation: its most recent practical milestone dates from {int(hits['year'].max())} {cited}. The brief "
                f"makes no separate recommendation on it."
            )
        else:
            sec.md(f"{area_name(area).capitalize()} ranks {joint}{ordinal(int(row['rank']))} {cited}, but the brief makes no "
                   f"separate recommendation on it.")

# %% [markdown]
# ## Recommendations

# %%
if recs:
    sec.md(scoring.lead_in(audience, recs))
else:
    sec.md(f"By {cut_off} the evidence holds no partnership programme or coded area of cooperation on which to base a "
           f"recommendation.")

number = 0
for heading, group in scoring.audience_groups(recs, audience):
    if heading:
        sec.md(f"### {heading}")
    for rec in group:
        number += 1
        indexed = scores.set_index("area")
        served = ""  # a single-area recommendation names its area and score in the rationale
        if len(rec.areas) > 1:
            served = (" *Serves:* " + text.join(f"{area_name(a)} ({text.count(int(indexed.loc[a, 'total']), 'point')})"
                                                for a in rec.areas if a in indexed.index) + ".")
        elif not rec.areas:
            served = " *Serves:* the partnership as a whole."
        actor = rec.actor_phrase
        sec.md(f"**{number}. {actor[0].upper() + actor[1:]} should {rec.action}.**")
        sec.md(f"{rec.rationale.strip()}{served}")

# %% [markdown]
# ## Method, sources and caveats

# %%
sources = ev.sources.copy()
core = sources[sources["in_seeds"] == True]  # noqa: E712
outside = sources[sources["in_seeds"] != True]  # noqa: E712
citing = pd.concat([frame[column] for name, frame in ev.tables.items() if name != "sources"
                    for column in ("source_id", "dates_source_id") if column in frame])
rows_by_source = citing.value_counts()
total_rows = int(rows_by_source.sum())
heaviest = rows_by_source.index[0]
kinds = core["kind"].value_counts()
first_core, last_core = core.sort_values("start").iloc[0], core.sort_values("end").iloc[-1]
sec.md(
    f"The brief rests on a small evidence base, and one source carries much of it. Its core consists of "
    f"{text.count(len(core), 'document')}: "
    + text.join(f"{text.count(int(n), text.esc(k))}" for k, n in kinds.items())
    + f", written between {say_date(first_core['date'], first_core['date_precision'])} and "
    f"{say_date(last_core['date'], last_core['date_precision'])}. "
    f"{text.count(len(outside), 'public record').capitalize()} outside that core fill specific gaps the core sources leave, such as "
    f"the exact dates of presidential terms {sec.cite(*outside['source_id'])}. Of the {text.count(total_rows, 'sourced entry', 'sourced entries')} in the evidence tables at this cut-off, "
    f"{text.percent(round(100 * rows_by_source[heaviest] / total_rows))} come from a single source {sec.cite(heaviest)}."
)

# %%
source_table = sources.sort_values(["in_seeds", "start"], ascending=[False, True]).assign(
    Source=lambda f: [f"{sec.citations.link(s)}<br>{text.esc(p)}" for s, p in zip(f["source_id"], f["publisher"])],
    Kind=lambda f: f["kind"].str.capitalize(),
    Date=lambda f: [say_date(d, p) for d, p in zip(f["date"], f["date_precision"])],
    Attribution=lambda f: f["identification"],
    Rows=lambda f: [str(int(rows_by_source.get(s, 0))) for s in f["source_id"]],
)[["Source", "Kind", "Date", "Attribution", "Rows"]]
sec.table(source_table, "sources", caption=f"The evidence base: documents, dates and the rows of evidence citing each, at {cut_off}",
          sources=list(sources["source_id"]), html_columns=("Source",))

# %%
latest = ev.events.sort_values("end").iloc[-1]
newest = sources.sort_values("end").iloc[-1]
after_note = ""
if newest["end"] <= ev.as_of:
    after_note = (f" The most recent source was written in {say_date(newest['date'], newest['date_precision'])}, so the brief "
                  f"cannot say how the next government in Seoul will treat NATO.")
# Terms that began after the cut-off are public record (data/administrations.csv) but not evidence here:
# name them, so that a reader of a later edition knows who "the next government" is. Only when the cut-off
# already takes in every core source: a brief reproduced as it stood at an earlier date says nothing later.
successors = load_all(date.today()).administrations
successors = successors[successors["start_date"] > ev.as_of]
if len(successors) and core["end"].max() <= ev.as_of:
    first_after = successors.iloc[0]
    after_note += (f" A new government has since taken office in Seoul: {text.esc(first_after['administration'])} was inaugurated "
                   f"on {say_date(first_after['start_date'].isoformat(), 'day')} "
                   f"{sec.cite(first_after['dates_source_id'] or first_after['source_id'])}. The recommendations addressed to "
                   f"the next government apply to it; its policy towards NATO is not assessed here.")
sec.md(
    f"The evidence runs to {cut_off}: nothing dated later is counted or drawn. The latest milestone in the data is "
    f"“{text.esc(latest['title'])}” ({text.when(latest)}) {sec.cite(latest['source_id'])}.{after_note}"
)

# %%
conflicts = ev.conflicts
versions = ev.conflict_versions
by_kind = conflicts["kind"].value_counts()
kind_words = {"disagreement": ("disagreement", "disagreements"), "dating": ("dating question", "dating questions"),
              "doubtful basis": ("figure of doubtful basis", "figures of doubtful basis")}
sec.md(
    f"Where the sources part company, the brief shows each version and says which it uses. The data record "
    f"{text.count(len(conflicts), 'such place')}: "
    + text.join(text.count(int(n), *kind_words.get(k, (k, k + 's'))) for k, n in by_kind.items())
    + f". No figure is averaged or silently reconciled; where one version is preferred, the reason is given, and doubtful "
    f"figures are reported in their source's words with their basis {sec.cite(*sorted(set(versions['source_id'])))}."
)


def version_cell(conflict_id: str) -> str:
    rows = versions[versions["conflict_id"] == conflict_id]
    return "<br>".join(f"{text.esc(v.claim)} {sec.cite(v.source_id)}" for v in rows.itertuples())


KIND_ORDER = {"disagreement": 0, "dating": 1, "doubtful basis": 2}
ordered_conflicts = conflicts.assign(_order=conflicts["kind"].map(KIND_ORDER).fillna(3)).sort_values("_order", kind="stable")
conflict_table = pd.DataFrame({
    "Topic": [f"<em>{text.esc(k.capitalize())}.</em> {text.esc(t)}" for k, t in zip(ordered_conflicts["kind"], ordered_conflicts["topic"])],
    "Versions, with their sources": [version_cell(c) for c in ordered_conflicts["conflict_id"]],
    "How the brief treats it": list(ordered_conflicts["treatment"]),
})
sec.table(conflict_table, "conflicts", caption="Where the sources disagree, and how the brief treats it",
          sources=sorted(set(versions["source_id"])), html_columns=("Topic", "Versions, with their sources"))

# %%
caveats = []
if n_areas:
    heavy = scoring.coded_rows(ev.cooperation_areas, ev.administrations, ev.frameworks)["source_id"].value_counts()
    caveats.append(
        f"The score counts what the sources record, not what each step achieved or cost, and its weights are the brief's "
        f"choice; the sensitivity check above shows how far the ranking depends on them. Which areas a government "
        f"emphasised is coded for its whole term, largely from one source: {text.percent(round(100 * heavy.iloc[0] / heavy.sum()))} "
        f"of the coding rows come from it {sec.cite(heavy.index[0])}."
    )
if programme is not None and programme["framework_id"] not in set(ev.cooperation_areas["actor"]):
    areas_row = indicators.loc["itpp_cooperation_areas"] if "itpp_cooperation_areas" in indicators.index and itpp_current else None
    count_text = f" {int(areas_row['value'])}" if areas_row is not None else ""
    caveats.append(
        f"No source lists the{count_text} areas of the {text.esc(programme['short_name'])}, the programme in force, so the "
        f"framework component rests on earlier instruments {sec.cite(programme['source_id'])}."
    )
unidentified = core[core["identification"] == "unidentified"]
if len(unidentified):
    caveats.append(
        f"{text.count(len(unidentified), 'core document').capitalize()} cannot be attributed to an author or outlet "
        f"{sec.cite(*unidentified['source_id'])}; the brief uses it only where other sources agree or for reported reactions."
    )
if not core["publisher"].str.contains("Korea").any():
    caveats.append(
        f"None of the {text.count(len(core), 'core document')} comes from a South Korean institution, so Seoul's "
        f"intentions are read through NATO's own page and outside analysts {sec.cite(*core['source_id'])}."
    )
sec.md("**What the evidence does not show.** " + " ".join(caveats))
