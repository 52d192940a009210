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
# # Governments compared: change and continuity
#
# How did South Korea's governments differ in their approach to NATO, and what carried the relationship from one
# government to the next?

# %% tags=["parameters"]
administrations = ["Moon Jae-in", "Yoon Suk-yeol"]  # the governments to compare (two or more): full or short names as in data/administrations.csv, e.g. ["Lee Myung-bak", "Park"]; one that took office after the cut-off is left out, with a note
as_of = "2026-06-30"  # evidence cut-off (YYYY-MM-DD): nothing dated or published later is counted or drawn; a term still running then is counted up to it

# %%
from datetime import date

import pandas as pd

from helpers.analysis import compare
from helpers.evidence.data import load_all, published_sources, terms_of
from helpers.writing import judgements
from helpers.writing.filters import words
from helpers.writing.section import Section

ev = load_all(as_of)
sec = Section(number=2, slug="administrations", evidence=ev)  # its title is the heading above

# %%
# The governments compared, in the order they took office. A name not in data/administrations.csv stops the build
# with the valid names; one whose term began after the cut-off is left out (`later`), and if fewer than two remain
# the closest earlier governments are added (`added`), so an earlier as_of still gives a comparison.
names, later, added = compare.choose_administrations(administrations, ev.administrations,
                                                     load_all(date.max).administrations)
admins = ev.administrations.set_index("administration", drop=False)
who = {n: compare.display_name(admins.loc[n]) for n in admins.index}  # 'Moon', 'Lee Myung-bak'
published = published_sources(ev.sources, ev.as_of)


writing_when = sec.citations.published_when  # when a source was published, with its preposition

def inauguration_source(admin_row):
    """A published record of the inauguration (a domestic-politics event on the first day of the term), or None."""
    first_day = ev.events[(ev.events["category"] == "Korean domestic politics")
                          & (ev.events["start"] == admin_row["start_date"]) & (ev.events["end"] == admin_row["start_date"])]
    return first_day["source_id"].iloc[0] if len(first_day) else None


def dated_by(admin_row):
    """The source for a term's dates if published by the cut-off; else a published record of the inauguration; else
    None (no citation rather than a later source)."""
    if admin_row["dates_source_id"] in published:
        return admin_row["dates_source_id"]
    return inauguration_source(admin_row)


def ended_by(name):
    """For a term that ran to its successor's inauguration: the record of that inauguration, which dates its end."""
    order = list(ev.administrations["administration"])
    later = order[order.index(name) + 1:] if name in order else []
    return sworn_in_by(ev.administrations.set_index("administration").loc[later[0]]) if later else None


def sworn_in_by(admin_row):
    """The source for the day a term began: a published record of the inauguration if there is one (a source that
    dates the whole term may be a report of its end), else the term's dates source."""
    return inauguration_source(admin_row) or dated_by(admin_row)


# %%
# Terms as dated: a term still running at the cut-off is counted up to it; an impeachment vote's suspension of
# powers is kept beside the formal end.
terms = compare.term_table(ev.administrations, names, ev.as_of)
term = terms.set_index("administration")
camps = list(dict.fromkeys(terms["camp"]))
cross_camp = len(camps) > 1
in_office = judgements.in_office(terms_of(ev.administrations), ev.as_of)  # None: an acting president
govs = []
for name in names:
    row, t = admins.loc[name], term.loc[name]
    label = compare.label_phrase(row) if row["source_id"] in published else None
    govs.append({
        "name": name, "who": who[name], "camp": t["camp"], "row": row, "start": t["start_date"],
        "end": t["end_date"], "open": judgements.still_in_office(t["end_date"], ev.as_of),
        "suspended": t["powers_suspended"], "removed": compare.removed(row) and not t["open"],
        "years": float(t["years"]), "label": label, "dates": dated_by(row), "sworn": sworn_in_by(row),
        "ended_by": ended_by(name),
        "label_source": sec.citations.name(row["source_id"]) if label else None,
        "label_date": sec.citations.published(row["source_id"]) if label else None,
        "label_when": writing_when(row["source_id"]) if label else None,
    })
gov = {g["name"]: g for g in govs}
all_word = judgements.share_word(len(names), len(names))  # 'both' or 'all'

# %%
# Steps in the relationship (helpers.analysis.compare.milestones): context left out, each step once, credited to a
# government only when every source dates it within its term. Rates are per year in office; a term with less than
# a year inside the evidence (judgements.enough_years) is not rated.
ms = compare.milestones(ev.events, ev.sources, ev.administrations, ev.as_of)
rates = compare.rates_by_administration(ms, terms)
rate = rates.set_index("administration")
evidence_until = compare.evidence_end(ev.sources, ev.as_of)
covered = compare.covered_years(terms, evidence_until)
pace = compare.compare_pace(rates, covered)
ours = ms[(ms["status"] == compare.CERTAIN) & ms["administration"].isin(names)]
uncertain = compare.uncertain_for(ms, names)
per_year = compare.by_year(ms, names)
has_steps = len(ours) + len(uncertain) > 0
# Disputes this section discusses that concern the governments compared: a dated step credited to one of them (or
# that could be), or how a compared term ended.
links = compare.conflict_links(ev.conflicts, ev.conflict_versions, ev.events, section="administrations")
ours_or_uncertain = set(v for vs in ms[ms["administration"].isin(names)]["versions"] for v in vs) \
    | set(v for vs in compare.uncertain_for(ms, names)["versions"] for v in vs)
relevant = set(links[links["event_id"].isin(ours_or_uncertain)]["conflict_id"])
relevant |= {c for n in names for c in compare.term_conflicts(ev.conflicts, ev.administrations, n, "administrations")
             if not term.loc[n, "open"]}
for g in govs:
    name = g["name"]
    g["steps"] = sec.num(f"steps_{compare.slug(who[name])}", int(rate.loc[name, "certain"]),
                         words(rate.loc[name, "certain"]), sources=compare.certain_for(ms, name))
    g["rated"] = name in pace.rated
    g["rate"] = sec.num(f"rate_{compare.slug(who[name])}", round(float(rate.loc[name, "rate"]), 1),
                        f"{rate.loc[name, 'rate']:.1f}", sources=compare.certain_for(ms, name))
    g["uncertain"] = int(rate.loc[name, "uncertain"])
    g["rate_upper"] = float(rate.loc[name, "rate_upper"])
    g["covered_months"] = int(round(covered[name] * 12))
    g["to_suspension"] = rate.loc[name, "rate_to_suspension"]
    g["to_suspension"] = None if pd.isna(g["to_suspension"]) else float(g["to_suspension"])
leader = gov[pace.leader] if pace.leader else None
runner_up = gov[pace.runner_up] if pace.runner_up else None
rated = [gov[n] for n in pace.rated]
unrated = [gov[n] for n in pace.unrated]

# The same comparison without arms contracts and defence-industry talks, which the sources record one by one only
# from 2022: does the judgement depend on them?
industry = "defence industry"
pace_without_industry = compare.compare_pace(
    compare.rates_by_administration(ms[ms["category"] != industry], terms), covered)
industry_counts = {n: int((compare.certain_for(ms, n)["category"] == industry).sum()) for n in names}
# The same comparison counted from the core analyses alone (sources.csv in_seeds): recent years are documented by news
# reports and official records as well, so a lead could come from the evidence rather than from the activity.
core_sources = set(ev.sources.loc[ev.sources["in_seeds"] == True, "source_id"])  # noqa: E712 (a typed boolean column)
core_table = compare.rates_by_administration(compare.recorded_by(ms, ev.events, core_sources), terms)
pace_core = compare.compare_pace(core_table, covered)
core_rates = {row.administration: sec.num(f"rate_core_{compare.slug(who[row.administration])}", round(float(row.rate), 1),
                                          f"{row.rate:.1f}") for row in core_table.itertuples()}
industry_share = {n: judgements.share_word(int((compare.certain_for(ms, n)["category"] == industry).sum()),
                                           int(rate.loc[n, "certain"])) if rate.loc[n, "certain"] else "none"
                  for n in names}
suspended_govs = [g for g in govs if g["suspended"] is not None and g["to_suspension"] is not None]
for g in suspended_govs:
    g["suspension_pace"] = judgements.pace(g["to_suspension"], float(g["rate"].value))
    g["suspension_rises"] = g["to_suspension"] > float(rate.loc[g["name"], "rate"])  # arithmetic, not a judgement

# %%
# Kinds of engagement: each government's leading kind (judgements.lead within its own record, share_word for its
# share) and, among the governments rated, who led each kind per year in office (a real margin, else a tie).
cats = compare.by_category(ms, terms)
for g in govs:
    g["mix"] = compare.mix(cats, g["name"])
leads = compare.category_leads(cats, pace.rated)
led = {n: [c.category for c in leads if c.leader == n] for n in pace.rated}
level = [c.category for c in leads if c.leader is None]
any_led = any(led.values())

# Named steps the words rest on: each is the milestone when it is credited with certainty to a government compared
# (compare.credited), else None and the sentence is left out.
step = {e: compare.credited(ms, e, names) for e in (
    "ccdcoe_application_2019", "locked_shields_2021", "misp_2021", "first_foreign_ministers_meeting_2020_12",
    "yoon_madrid_summit_2022_06", "yoon_second_summit_2023", "yoon_washington_summit_2024_07",
    "mission_to_nato_announced_2022_06", "military_staff_talks_2023_02", "itpp_vilnius_2023_07",
    "airworthiness_agreement_2024_07", "defence_ministers_meeting_2024_10", "indo_pacific_strategy_2022_12")}
cyber_steps = [step[e] for e in ("ccdcoe_application_2019", "locked_shields_2021", "misp_2021")]
cyber_by = cyber_steps[0]["administration"] if all(s is not None for s in cyber_steps) \
    and len({s["administration"] for s in cyber_steps}) == 1 else None
summit_steps = [step[e] for e in ("yoon_madrid_summit_2022_06", "yoon_second_summit_2023", "yoon_washington_summit_2024_07")]
summits_by = summit_steps[0]["administration"] if all(s is not None for s in summit_steps) \
    and len({s["administration"] for s in summit_steps}) == 1 else None
ccdcoe_app = step["ccdcoe_application_2019"]
ccdcoe_member = compare.credited(ms, "ccdcoe_membership_2022_05_05", names)
ccdcoe_next = next((g for g in govs if ccdcoe_member is not None and g["start"] > ccdcoe_member["end"]
                    and (g["start"] - ccdcoe_member["end"]).days <= 31), None)
mission = ev.row("frameworks", "mission_to_nato")
mission = mission if mission is not None and mission["date_precision"] == "day" and mission["administration"] in names else None

# %%
# Areas of cooperation each government pursued, as the sources published by the cut-off name them.
focus = compare.focus_rows(ev.cooperation_areas, ev.sources, names, ev.as_of)
grid = compare.focus_matrix(focus, names)
shared = compare.shared_areas(grid)
shared_priority = compare.shared_areas(grid, "priority")
breadth = judgements.breadth(len(shared), len(grid))
shared_share = judgements.share_word(len(shared), len(grid)) if len(grid) else "none"
for g in govs:
    g["priorities"] = compare.priorities(grid, g["name"]) if len(grid) else []
    g["listed"] = [a for a in grid.index if grid.loc[a, g["name"]] == "present"] if len(grid) else []
    g["only"] = compare.only_areas(grid, g["name"]) if len(grid) else []
    g["coded"] = bool(g["priorities"] or g["listed"])
uncoded = [g for g in govs if not g["coded"]]
areas_total = sec.num("areas_total", len(grid), words(len(grid)), sources=focus)
areas_shared = sec.num("areas_shared", len(shared), words(len(shared)), sources=focus)
shared_priority_rows = focus[focus["area"].isin(shared_priority)]
# Breadth among the governments the evidence covers well enough for a rate, when there are two or more: a term only
# partly in the evidence has few areas named, which would narrow the common ground by silence alone.
core = [n for n in pace.rated] if len(pace.rated) >= 2 else names
breadth_core = judgements.breadth(len(compare.shared_areas(grid[core])), int((grid[core] != "").any(axis=1).sum())) \
    if len(grid) else "none"

# %%
# What each government opened: partnership instruments begun in its term, and the steps called firsts in the passages
# quoted for them.
instruments = ev.frameworks
for g in govs:
    g["begun"] = compare.frameworks_begun(instruments, ev.administrations, g["name"], ev.as_of)
    g["inherited"] = compare.inherited(instruments, g["start"])
    g["firsts"] = compare.firsts(ms, g["name"])
    g["straddling"] = instruments[(instruments["start"] < g["start"]) & (instruments["end"] >= g["start"])]
begun_counts = {g["name"]: len(g["begun"]) for g in govs}
opened = judgements.lead({n: c for n, c in begun_counts.items() if n in pace.rated} if len(pace.rated) >= 2
                         else begun_counts)
opener = gov[opened.leader] if opened.leader and begun_counts[opened.leader] else None
first = {}  # the firsts the words name, each when its source calls it a first and it is credited to a government compared
for e in ("ban_ki_moon_nac_2005_12", "first_foreign_ministers_meeting_2020_12", "military_staff_talks_2023_02",
          "airworthiness_agreement_2024_07", "defence_ministers_meeting_2024_10",
          "defence_industry_dialogue_first_2025_09_26"):
    m = compare.credited(ms, e, names)
    first[e] = m if m is not None and compare.first_in_relationship(m["quote"]) else None
named_firsts = {s["event_id"] for s in first.values() if s is not None}
other_firsts = pd.concat([g["firsts"] for g in govs])
other_firsts = other_firsts[~other_firsts["event_id"].isin(named_firsts)]
handover = compare.handovers(instruments, ev.administrations, ev.as_of)
handover = handover[handover["to_admin"].isin(names)]
ipcp = ev.row("frameworks", "ipcp")
ipcp_2017 = compare.credited(ms, "ipcp_second_2017_11", admins.index)
ipcp_2019 = compare.credited(ms, "ipcp_revision_2019_swp", admins.index)
itpp = ev.row("frameworks", "itpp")
first_gov = govs[0]
# The renewals the text credits to the first government compared, each cited to the source that records it.
renewed_by_first = ipcp_2019 is not None and ipcp_2019["administration"] == first_gov["name"]
renewed_2017 = renewed_by_first and ipcp_2017 is not None and ipcp_2017["administration"] == first_gov["name"]
ipcp_to_itpp = handover[(handover["from_id"] == "ipcp") & (handover["to_id"] == "itpp")]
ipcp_to_itpp = ipcp_to_itpp.iloc[0] if len(ipcp_to_itpp) else None

# %%
# The sources' own judgements on continuity (each None until its source is published: load_all's cut).
likely = ev.row("assessments", "cooperation_likely_continues")
itpp_terms = ev.row("assessments", "itpp_renewable_not_binding")
itpp_terms_source = sec.citations.name(itpp_terms["source_id"]) if itpp_terms is not None else None
likely_when = writing_when(likely["source_id"]) if likely is not None else None
consensus = ev.row("assessments", "consensus_three_factors")
industry_objective = ev.row("assessments", "industry_shared_objective")
moon_and_yoon = {"Moon Jae-in", "Yoon Suk-yeol"} <= set(names)

# %%
# The Lee Jae-myung government, described as far as the evidence goes (whether or not it is among those compared).
# Each step is used only when its source was published by the cut-off; the steps of June 2025 are dated by the
# sources only to the month in which Lee took office, so the count credits them to no government (see the table of
# steps that cannot be credited), while the quotations name President Lee.
LEE = "Lee Jae-myung"
lee = dict(gov[LEE]) if LEE in gov else None
if lee is None and LEE in admins.index:
    row = admins.loc[LEE]
    lee_term = compare.term_table(ev.administrations, [LEE], ev.as_of).iloc[0]
    lee = {"name": LEE, "who": who[LEE], "camp": row["camp"], "row": row, "start": lee_term["start_date"],
           "end": lee_term["end_date"], "open": judgements.still_in_office(lee_term["end_date"], ev.as_of),
           "label": compare.label_phrase(row) if row["source_id"] in published else None,
           "dates": dated_by(row),
           "steps": len(compare.certain_for(ms, LEE)),
           "covered_months": int(round(compare.covered_years(compare.term_table(ev.administrations, [LEE], ev.as_of),
                                                             evidence_until)[LEE] * 12))}
if lee is not None:
    lee_years = compare.covered_years(compare.term_table(ev.administrations, [LEE], ev.as_of), evidence_until)[LEE]
    lee["rated"] = judgements.enough_years(lee_years)
    lee["months"] = int(lee_years * 12)  # whole months covered: eleven and a half are not "twelve"
    lee_certain = compare.certain_for(ms, LEE)
    lee["step_count"] = len(lee_certain)
    lee["industry_steps"] = int((lee_certain["category"] == "defence industry").sum())
    lee["rate"] = lee["step_count"] / lee_years if lee["rated"] else None  # steps a year, once the term is long enough
    lee["compared"] = LEE in names
    # Lee's record continues the comparison when he is compared or the last government compared is his predecessor;
    # otherwise (Roh against Lee Myung-bak, say) the summary and the brief leave it to the report.
    order = list(ev.administrations.sort_values("start_date")["administration"])
    lee["follows"] = lee["compared"] or (order.index(LEE) > 0 and names[-1] == order[order.index(LEE) - 1])
    lee["label_source"] = sec.citations.name(lee["row"]["source_id"]) if lee["label"] else None
    lee["label_date"] = sec.citations.published(lee["row"]["source_id"]) if lee["label"] else None
    lee["label_when"] = writing_when(lee["row"]["source_id"]) if lee["label"] else None
    lee["priorities"] = sorted(set(ev.cooperation_areas[
        (ev.cooperation_areas["actor"] == LEE) & (ev.cooperation_areas["emphasis"] == "priority")]["area"]))
    lee["priority_rows"] = ev.cooperation_areas[ev.cooperation_areas["actor"] == LEE]
lee_step = {e: ev.row("events", e) for e in (
    "lee_jae_myung_inauguration_2025_06_04", "hague_summit_rok_nsa_2025_06", "defence_industry_body_agreed_2025_06",
    "ip4_joint_statement_hague_2025_06", "defence_industry_dialogue_first_2025_09_26", "lee_rutte_call_2025_07",
    "lee_rutte_call_2026_02", "ahn_cavo_dragone_2025_09", "ahn_shekerinska_2025_10", "yoon_removed_2025_04_04")}
lee_body = ev.row("frameworks", "defence_industry_consultative_body")
# How the sources read Lee's line: each an argument of a named source, used once it was published.
lee_glimpse = ev.row("assessments", "lee_pragmatic_glimpse")
lee_dilemma = ev.row("assessments", "lee_national_interest_dilemma")
lee_cho = ev.row("assessments", "cho_hyun_best_decision")
lee_opposition = ev.row("assessments", "opposition_weakest_link")
# The camp of the government in office since June 2025, in a record of the day it began.
lee_camp = ev.row("assessments", "lee_camp_liberal")
lee_first_body_meeting = lee_step["defence_industry_dialogue_first_2025_09_26"]
if lee_first_body_meeting is not None and not compare.first_in_relationship(lee_first_body_meeting["quote"]):
    lee_first_body_meeting = None
# The government in office at the cut-off, when it is neither compared nor Lee's (judgements.in_office).
successor = None
if in_office is not None and in_office not in names and in_office != LEE and lee is not None:
    row = admins.loc[in_office]
    successor = {"who": who[in_office], "camp": row["camp"], "start": row["start_date"], "dates": dated_by(row)}
lee_calls = [lee_step[e] for e in ("lee_rutte_call_2025_07", "lee_rutte_call_2026_02") if lee_step[e] is not None]

# %%
# How the words name things: the sources' labels grouped by source, so that one sentence can name a source once for
# several governments.

label_groups = []
for g in [g for g in govs if g["label"]]:
    if label_groups and label_groups[-1]["source"] == g["label_source"] and label_groups[-1]["date"] == g["label_date"]:
        label_groups[-1]["items"].append(g)
    else:
        label_groups.append({"source": g["label_source"], "date": g["label_date"], "when": g["label_when"], "items": [g]})
unlabelled = [g for g in govs if not g["label"]]
first_industry_year = int(ms[ms["category"] == industry]["year"].min()) if (ms["category"] == industry).any() else None
# "Recorded only from <year>" is worth saying only when that year falls after the first term compared began.
industry_starts_late = first_industry_year is not None and first_industry_year > min(g["start"].year for g in govs)
if opener is not None:
    opener_count = sec.num(f"instruments_{compare.slug(opener['who'])}", len(opener["begun"]), words(len(opener["begun"])),
                           sources=opener["begun"])
whos = [g["who"] for g in govs]
nothing = not has_steps and not len(grid) and not any(len(g["begun"]) for g in govs)
mixed = [g for g in govs if g["mix"] is not None and g["mix"].leader]
cyber_detail = bool(cyber_by) and cyber_by in gov and gov[cyber_by]["mix"] is not None \
    and gov[cyber_by]["mix"].leader == "cyber and technology"
kinds_differ = len({g["mix"].leader for g in mixed}) > 1
yoon_built = [step[e] for e in ("mission_to_nato_announced_2022_06", "military_staff_talks_2023_02", "itpp_vilnius_2023_07")]
yoon_built = yoon_built if summits_by and all(s is not None and s["administration"] == summits_by for s in yoon_built) else []
summits_detail = bool(summits_by) and bool(yoon_built)
plain_mixed = [g for g in mixed if not (cyber_detail and g["name"] == cyber_by)
               and not (summits_detail and g["name"] == summits_by)]
carried = (ipcp is not None and itpp is not None and ipcp_to_itpp is not None
           and "ipcp" in set(first_gov["inherited"]["framework_id"]))

# %% [markdown] tags=["summary"]
# {% if nothing %}**The sources published by {{ ev.as_of | day }} record no step in South Korea's relations with NATO
# under {{ whos | and_list }}, so this section has nothing yet to compare.**{% else %}**{{ whos | and_list }}{% if cross_camp and whos | length == 2 %}, from opposite camps,{% elif cross_camp %}, from
# both camps,{% endif %} {% if pace.leader and not pace.holds %}engaged NATO at different speeds on the steps that
# can be credited, though steps of uncertain date could close the gap{% elif pace.leader %}engaged NATO at {% if pace.word == "far more" %}very {% endif %}different
# speeds{% elif pace.tie %}engaged NATO at a similar pace{% else %}cannot yet be compared on the pace of their dealings
# with NATO{% endif %}{% if shared_priority %}, but {{ all_word }} made {{ shared_priority | and_list }}
# {% if shared_priority | length == 1 %}a priority{% else %}priorities{% endif %}{% endif %}.**
# {% if lee is not none and lee.follows and not lee.compared and lee_step.hague_summit_rok_nsa_2025_06 is not none and lee_body is not none %}{{ lee.who }}'s {{ lee.camp }} government{% if lee.open %}, in office since {{ lee.start | month }},{% endif %} sent
# the national security adviser to NATO's summit at The Hague in place of the president, but agreed there on a
# defence-industry body with the Alliance.{% endif %}{% endif %}

# %% [markdown] tags=["key-numbers"]
# {% if pace.leader and pace.others | length == 1 %}- **{{ leader.rate }}** steps a year in office under {{ leader.who }},
# against {{ runner_up.rate }} under {{ runner_up.who }}: the dated moves in relations with NATO and its members
# that the sources record{% endif %}

# %% [markdown]
# {% if later %}*Note.* {{ later | and_list }} had not taken office by the cut-off
# ({{ ev.as_of | day }}), so this section leaves {% if later | length == 1 %}that government{% else %}those
# governments{% endif %} out{% if added %} and compares {{ whos | and_list }}, the governments in office closest to
# it{% endif %}.{% endif %}
#
# ## {% if shared_priority and cross_camp and breadth == "broad" %}Two camps, shared priorities{% elif breadth == "broad" %}Different records, common ground{% else %}Different records{% endif %} {#routes}

# %% [markdown] tags=["brief"]
# {% if nothing %}No source published by {{ ev.as_of | day }} records a step in South Korea's relations with
# NATO under {{ whos | and_list }}, or names an area of cooperation for {% if whos | length == 2 %}either{% else %}any{% endif %}
# government; the comparison needs evidence published later. {% else -%}
# {{ whos | and_list }}{% if cross_camp and whos | length == 2 %}, from opposite camps,{% elif cross_camp %}, from
# both camps,{% else %}, {{ all_word }} {{ camps[0] }},{% endif %} {% if pace.leader %}dealt with NATO at
# {% if pace.word == "far more" and pace.holds %}very {% endif %}different speeds{% if not pace.holds %} on the steps that can be
# credited{% endif %}{% if kinds_differ %} and in different ways{% endif %}{% if breadth == "broad" %},
# but on common ground{% endif %}{% elif pace.tie %}dealt with NATO at a similar pace{% if breadth == "broad" %} and on common
# ground{% endif %}{% else %}cannot yet be compared on the pace of their dealings with NATO{% if breadth == "broad" %}, though
# they share common ground{% endif %}{% endif %}.
# {% if pace.leader and pace.others | length == 1 %}{{ leader.who }}'s government engaged {{ pace.word }} often: the
# sources record {{ leader.rate }} steps a year in office ({{ leader.start | month }} to
# {{ (leader.end or ev.as_of) | month }}), against {{ runner_up.rate }} under {{ runner_up.who }} ({{ runner_up.start | month }} to
# {{ (runner_up.end or ev.as_of) | month }}) ({{ fig("pace") }}).{% if industry_counts[leader.name] and first_industry_year %}
# Arms contracts and industry talks{% if industry_starts_late %}, which the sources record as steps only from
# {{ first_industry_year }},{% endif %} make up
# {{ industry_counts[leader.name] | words }} of {{ leader.who }}'s {{ leader.steps }}{% if pace_without_industry.leader == leader.name %};
# {{ leader.who }}'s lead holds without them{% if pace_core.leader == leader.name %}, and when only the steps in the
# {{ core_sources | length | words }} core analyses are counted{% endif %}{% endif %}.{% endif %}
# {% elif pace.leader %}Engagement was most frequent under {{ leader.who }}: {{ leader.rate }} steps in the
# relationship a year in office, against {% for g in rated if g.name != leader.name %}{{ g.rate }} under
# {{ g.who }}{% if not loop.last %} and {% endif %}{% endfor %}, as the sources record them
# ({{ fig("pace") }}).{% elif pace.tie %}Counted per year in office, the steps in the relationship that the sources
# record come to {% for g in rated %}{{ g.rate }}{% if loop.first %} a year{% endif %} under {{ g.who }}{% if loop.revindex == 2 %} and {% elif not loop.last %}, {% endif %}{% endfor %},
# too close to rank ({{ fig("pace") }}). {% endif -%}
# {% for g in unrated %}{{ g.who }}'s term lies too little inside the evidence for a rate. {% endfor -%}
# {% if not nothing %}({{ see("pace") }}){% endif %}
#
# {% if mixed %}{% if mixed | length > 1 and kinds_differ %}The kinds of engagement differed{% if pace.leader %}
# too{% endif %}. {% elif mixed | length > 1 %}The kinds of engagement were alike: {{ mixed[0].mix.leader }} led the
# records of {{ mixed | map(attribute="who") | list | and_list }}. {% endif -%}
# {% if plain_mixed and (kinds_differ or mixed | length == 1) %}{% for g in plain_mixed %}{{ g.who }}'s {% if loop.first %}record was led {% endif %}by
# {{ g.mix.leader }}{% if loop.revindex == 2 %} and {% elif not loop.last %}, {% endif %}{% endfor %}. {% endif -%}
# {% if cyber_detail %}Cyber defence and technology led {{ gov[cyber_by].who }}'s record, with
# {{ gov[cyber_by].mix.count | words }} of {{ gov[cyber_by].steps }} steps, among them the application to join NATO's cyber defence centre
# {{ cyber_steps[0] | dated }}{% if ccdcoe_member is not none and ccdcoe_member.administration == cyber_by %} and
# membership {{ ccdcoe_member | dated("month") }}{% endif %}, the Locked Shields exercise and malware sharing
# {% if ccdcoe_member is not none and ccdcoe_member.administration == cyber_by %}{{ cite(cyber_steps, ccdcoe_member) }}{% else %}{{ cite(cyber_steps) }}{% endif %}. {% endif -%}
# {% if summits_detail %}{{ who[summits_by] }} attended NATO's summits in
# {% for s in summit_steps %}{{ s | when("year") }}{% if loop.revindex == 2 %} and {% elif not loop.last %}, {% endif %}{% endfor %},
# and his government opened a mission to NATO, began military staff talks and signed a tailored partnership
# programme {{ cite(summit_steps[1], yoon_built[1]) }}. {% endif -%}
# ({{ see("kinds") }}){% endif %}
#
# {% if shared or carried or likely is not none %}{% if shared %}{% if pace.leader or kinds_differ %}Yet the{% else %}The{% endif %}
# agendas overlapped {% if breadth == "broad" %}broadly{% else %}only narrowly{% endif %}: {{ areas_shared }} of the
# {{ areas_total }} areas of cooperation the sources name {% if areas_shared.value == 1 %}was{% else %}were{% endif %}
# pursued by {{ all_word }}{% if shared_priority %}, and {{ all_word }} made {{ shared_priority | and_list }}
# {% if shared_priority | length == 1 %}a priority{% else %}priorities{% endif %}{% endif %} ({{ fig("focus") }}). {% endif -%}
# {% if carried and ipcp_to_itpp.to_admin != first_gov.name %}The written programme carried over: {{ first_gov.who }}
# inherited the partnership programme of {{ ipcp | when("year") }} {{ cite(ipcp) }}{% if renewed_by_first %}
# and renewed it {% if renewed_2017 %}{{ ipcp_2017 | dated("year") }} and {% endif %}{{ ipcp_2019 | dated }}
# {{ cite(ipcp_2017 if renewed_2017 else None, ipcp_2019) }}{% endif %}, and {{ who[ipcp_to_itpp.to_admin] }}'s
# government upgraded it to an Individually Tailored Partnership Programme {{ itpp | dated("month") }} {{ cite(itpp) }}.
# {% elif carried %}The written programme carried over: {{ first_gov.who }}'s government upgraded the partnership
# programme begun under {{ who[ipcp.administration] }} {{ ipcp | dated("year") }} to an Individually Tailored
# Partnership Programme {{ itpp | dated("month") }} {{ cite(ipcp, itpp) }}. {% endif -%}
# {% if likely is not none %}SWP, writing {{ likely_when }}, judged it {{ quote(likely, "highly likely") }} that
# cooperation would continue to develop after a change of government in Seoul {{ cite(likely) }}.{% endif %} ({{ see("continuity") }}){% endif %}
#
# {% if lee is not none and lee.follows and lee_step.hague_summit_rok_nsa_2025_06 is not none %}{{ lee.who }}'s {{ lee.camp }}
# government{% if lee.open %}, in office since {{ lee.start | day }}, had by {{ ev.as_of | month }} kept{% else %} kept{% endif %} the
# relationship going, though not at the top: {% if lee.label and not lee.compared %}Lee, who promised
# {{ quote(lee.row, lee.label) }} {{ cite(lee.row) }}, sent{% else %}Lee sent{% endif %} his national security adviser
# to NATO's summit at The Hague {{ lee_step.hague_summit_rok_nsa_2025_06 | dated("month") }} in his place
# {{ cite(lee_step.hague_summit_rok_nsa_2025_06) }}.{% if lee_body is not none %} There the adviser and the Secretary
# General agreed to set up a consultative body on defence industry {{ cite(lee_body) }}.{% endif %}
# {% if lee_step.lee_rutte_call_2025_07 is not none %}He {% if lee.open %}has told{% else %}told{% endif %} the Secretary General that South Korea would
# {{ quote(lee_step.lee_rutte_call_2025_07, "continue to deepen its partnership with NATO") }}
# {{ cite(lee_step.lee_rutte_call_2025_07) }}. {% endif -%}
# {% if not lee.rated and not lee.compared %}Over the {{ lee.months | words }} months of his term up to the latest
# source ({{ evidence_until | day }}), the sources credit {{ lee.step_count | count("step", "steps") }} to his government{% if lee.industry_steps %},
# {{ lee.industry_steps | words }} of them in the defence industry{% endif %}; the term is too short
# for a rate, so {{ fig("pace") }} draws them without one. {% elif lee.rated and not lee.compared %}Over the
# {{ lee.months | words }} months of his term up to the latest source ({{ evidence_until | day }}), the sources credit
# {{ lee.step_count | count("step", "steps") }} to his government{% if lee.industry_steps %},
# {{ lee.industry_steps | words }} of them in the defence industry{% endif %}: {{ lee.rate | number(1) }} a
# year, a rate this edition does not set against the governments it compares. {% endif -%}
# ({{ see("lee") }}){% endif %}{% endif %}

# %% [markdown] tags=["report"]
# {% if uncoded and pace.leader %}The governments compared differed in how often they engaged NATO; the sources name no
# area of cooperation for {{ uncoded | map(attribute="who") | list | and_list }}, so their aims cannot be set side by
# side.{% elif uncoded and pace.tie %}The governments compared engaged NATO at a similar pace; the sources name no area
# of cooperation for {{ uncoded | map(attribute="who") | list | and_list }}, so their aims cannot be set side by
# side.{% elif pace.leader and breadth_core == "broad" %}The governments compared differed more in how often and in what form they
# engaged NATO than in what they wanted from it.{% elif pace.leader %}The governments compared differed both in how
# often they engaged NATO and in what they wanted from it.{% elif pace.tie and breadth_core == "broad" %}The governments
# compared engaged NATO at a similar pace and wanted much the same from it.{% elif pace.tie %}The governments compared
# engaged NATO at a similar pace but wanted different things from it.{% elif breadth_core == "broad" %}The governments
# compared wanted much the same from NATO; the evidence does not yet allow their pace to be
# compared.{% else %}The evidence does not yet allow the pace of the governments compared to be set side by
# side.{% endif %}

# %%
# The comparison at a glance (aspects by government) is written as a table in the Markdown cell below; its sources:
sec.table_sources("comparison", sources=[*[g["row"]["source_id"] for g in govs if g["label"]], *[g["dates"] for g in govs],
                                         ours, focus, *[g["begun"] for g in govs]])
suspension_rows = {g["name"]: ev.events[(ev.events["start"] <= g["suspended"]) & (ev.events["end"] >= g["suspended"])
                                         & (ev.events["category"] == "Korean domestic politics")].sort_values("date_precision")
                   for g in govs if g["suspended"] is not None}
suspension_rows = {n: rows.head(1) for n, rows in suspension_rows.items()}

# %% [markdown] tags=["report"]
# ## The governments and their terms {#terms}
#
# {% for g in govs %}{{ g.name }} ({{ g.camp }}) took office on {{ g.start | day }}{% if g.suspended %}; an
# impeachment vote suspended the president's powers on {{ g.suspended | day }}
# {{ cite(suspension_rows[g.name]) }}{% endif %}{% if g.open %}, and the term was still running at the cut-off{% elif g.removed %},
# and the term ended with removal from office on {{ g.end | day }}{% else %}, and the term ended on
# {{ g.end | day }}, the day before the next president took office{% endif %} {{ cite(g.dates, g.ended_by if not g.removed and not g.open else none) }}. {% endfor %}
# {{ tab("comparison") }} sets the governments side by side.
#
# {% for grp in label_groups %}{{ grp.source }}, writing {{ grp.when }}, labels {% for g in grp["items"] %}{{ g.who }}'s
# {% if loop.first %}foreign policy {% endif %}{{ quote(g.row, g.label) }}{% if not loop.last %} and {% endif %}{% endfor %}
# {{ cite(grp["items"] | map(attribute="row") | list) }}. {% endfor %}{% if unlabelled %}The sources give no label
# for the foreign policy of {{ unlabelled | map(attribute="who") | list | and_list }}.{% endif %}
# {% if step.indo_pacific_strategy_2022_12 is not none %}{{ who[step.indo_pacific_strategy_2022_12.administration] }}'s
# government also wrote cooperation with NATO into the Indo-Pacific strategy it published 
# {{ step.indo_pacific_strategy_2022_12 | dated }} {{ cite(step.indo_pacific_strategy_2022_12) }}.{% endif %}
#
# ```{table} comparison
# The governments compared, as the evidence stands on {{ ev.as_of | day }}. Steps are counted once each and credited
# to a government only when every source dates them inside its term{% if not nothing %} ({{ see("pace") }}){% endif %}; areas are those the
# sources name for each government; instruments are those begun in the term, as the sources date them.
#
# | Aspect |{% for g in govs %} {{ g.who }} |{% endfor %}
# |---|{% for g in govs %}---|{% endfor %}
# | Camp |{% for g in govs %} {{ g.camp }} |{% endfor %}
# | Term as dated |{% for g in govs %} {{ g.start | day }} – {% if g.open %}in office at the cut-off ({{ ev.as_of | day }}){% else %}{{ g.end | day }}{% endif %}{% if g.suspended %}; powers suspended {{ g.suspended | day }}{% endif %} |{% endfor %}
# | Label in the sources |{% for g in govs %} {% if g.label %}“{{ g.label }}” ({{ sec.citations.in_text(g.row.source_id) }}){% else %}none quotable{% endif %} |{% endfor %}
# | Steps recorded |{% for g in govs %} {{ g.steps }}{% if g.uncertain %} (uncertain, not counted: {{ g.uncertain }}){% endif %} |{% endfor %}
# | Steps per year in office |{% for g in govs %} {% if g.rated %}{{ g.rate }}{% else %}not rated: too little of the term in the evidence{% endif %} |{% endfor %}
# | Most frequent kind of step |{% for g in govs %} {% if not g.mix %}none{% elif g.mix.leader %}{{ g.mix.leader }}{% else %}no single kind{% endif %} |{% endfor %}
# | Areas singled out |{% for g in govs %} {% for a in g.priorities %}{{ a }}{% if not loop.last %}; {% endif %}{% else %}none{% endfor %} |{% endfor %}
# | Areas listed |{% for g in govs %} {% for a in g.listed %}{{ a }}{% if not loop.last %}; {% endif %}{% else %}none{% endfor %} |{% endfor %}
# | Instruments begun |{% for g in govs %} {% for r in g.begun.itertuples() %}{{ r.short_name }} ({{ r | when }}){% if not loop.last %}; {% endif %}{% else %}none recorded{% endfor %} |{% endfor %}
# ```
#
# {% if "yoon_administration_end" in relevant %}
# ```{note} yoon_administration_end
# ```
# {% endif %}

# %%
# The pace chart (the brief's figure), the rates without defence-industry steps, and the steps set aside.
rates_without = compare.rates_by_administration(ms[ms["category"] != industry], terms).set_index("administration")
for g in govs:
    g["rate_without"] = sec.num(f"rate_without_industry_{compare.slug(g['who'])}",
                                round(float(rates_without.loc[g["name"], "rate"]), 1),
                                f"{rates_without.loc[g['name'], 'rate']:.1f}")
    g["upper"] = f"{g['rate_upper']:.1f}"
    g["after_suspension"] = (int(rate.loc[g["name"], "certain"]) - int(rate.loc[g["name"], "certain_to_suspension"])
                             if g["suspended"] is not None and g["to_suspension"] is not None else 0)
    g["years_to_suspension"] = float(term.loc[g["name"], "years_to_suspension"]) if g["suspended"] else None
industry_rows = ours[ours["category"] == industry]
band_labels = {g["name"]: (f"{g['who']}: {g['rate']} a year" + (f" ({g['rate_without']} without arms contracts)"
                                                                 if industry_counts[g["name"]] else ""))
               if g["rated"] else f"{g['who']}: not rated" for g in govs}
# A later government too short in office for a rate (Lee's) is drawn without one, so its years do not read as quiet.
unrated_drawn = [LEE] if lee is not None and not lee["compared"] and lee["step_count"] else []
if has_steps:
    drawn = compare.by_year_also(ms, names, unrated_drawn)
    industry_per_year = compare.by_year_also(ms[ms["category"] == industry], names, unrated_drawn)
    sec.chart("pace", compare.pace_chart(drawn, terms, band_labels, ev.as_of, industry_per_year,
                                         "arms contracts and defence-industry talks",
                                         unrated={n: f"{who[n]}: {'not compared' if lee['rated'] else 'not rated'}"
                                                  for n in unrated_drawn}),
              sources=[ours, uncertain, *[compare.certain_for(ms, n) for n in unrated_drawn]],
              data=drawn.reset_index().rename(columns={"index": "year"}))
# The alt text's busiest year is the chart's tallest bar, everything drawn in it counted; a tie names none.
year_totals = drawn.sum(axis=1) if has_steps and len(drawn) else pd.Series(dtype=int)
busiest_year = judgements.most({int(y): int(n) for y, n in year_totals.items() if n})
context_count = int(ev.events[ev.events["category"].isin(compare.CONTEXT) & ev.events["administration"].isin(names)
                              & (ev.events["version_of"].fillna("") == "")].shape[0])  # each entry once, however many sources
version_rows = ev.events.set_index("event_id")
# Steps that cannot be credited (table written below): each with the versions of its date, source by source.
if not set(uncertain["reason"]) <= {compare.STRADDLES, compare.VERSIONS_DIFFER}:  # the table below words these two
    raise ValueError(f"a reason the table of uncertain steps has no words for: {set(uncertain['reason'])}")
uncertain_steps = [{"title": u.title, "versions": [version_rows.loc[v] for v in u.versions],
                    "candidates": [who.get(c, c) for c in u.candidates], "reason": u.reason}
                   for u in uncertain.itertuples()]
sec.table_sources("uncertain", sources=[s for ss in uncertain["version_sources"] for s in ss])

# %% [markdown] tags=["report"]
# {% if not nothing %}
# ## The pace per year in office {#pace}
#
# {% if pace.leader and pace.others | length == 1 %}Engagement was {{ pace.word }} frequent under {{ leader.who }}
# than under {{ runner_up.who }}. The sources record {{ leader.steps }} steps in the relationship in the
# {{ leader.years | number(1) }} years of {{ leader.who }}'s term counted here, {{ leader.rate }} a year, against
# {{ runner_up.steps }} in {{ runner_up.years | number(1) }} years under {{ runner_up.who }}, {{ runner_up.rate }} a
# year ({{ fig("pace") }}).{% elif pace.leader %}Engagement was most frequent under {{ leader.who }}.
# {% for g in rated %}The sources record {{ g.steps }} steps in {{ g.years | number(1) }} years under {{ g.who }},
# {{ g.rate }} a year. {% endfor %}({{ fig("pace") }}){% elif pace.tie %}Engagement came at a similar pace: the gap
# is too small to rank the governments on this report's rule. {% for g in rated %}The sources record {{ g.steps }}
# steps in {{ g.years | number(1) }} years under {{ g.who }}, {{ g.rate }} a year. {% endfor %}({{ fig("pace") }})
# {% else %}The pace cannot yet be compared, as the evidence gives a rate for at most one of the
# governments{% if has_steps %} ({{ fig("pace") }}){% endif %}.{% endif %}
# {% for g in unrated %}{{ g.who }}'s term is not rated: {% if evidence_until > g.start %}the evidence covers it only
# from {{ g.start | day }} to {{ evidence_until | day }}, less than the year a rate per year in office
# needs{% elif evidence_until == g.start %}the latest source published by the cut-off dates from
# {{ evidence_until | day }}, the day the term began{% else %}it began after the latest source published by the
# cut-off ({{ evidence_until | day }}){% endif %}. {% endfor -%}
# Rates per year in office let terms of different length be compared; a term still running at the cut-off is counted
# up to the latest source published by then ({{ evidence_until | day }}), since no later step could be on record.
# {% if pace.leader and pace.others | length == 1 and leader.name in core_rates and runner_up.name in core_rates %}
# Counted only from the steps that the {{ core_sources | length | words }} analyses this report started from record, the
# rates are {{ core_rates[leader.name] }} a year under {{ leader.who }} and {{ core_rates[runner_up.name] }} under
# {{ runner_up.who }}{% if pace_core.leader == pace.leader %}: {{ leader.who }}'s government still engaged
# {{ pace_core.word }} often, so the lead does not come from the news reports and official records added for recent
# years{% elif pace_core.leader %}, a lead for {{ who[pace_core.leader] }}: the lead rests on the evidence added for
# recent years{% else %}, too close to rank: the lead rests on the evidence added for recent years as well as on the
# activity{% endif %}.{% endif %}
#
# A step, in this count, is an act that the sources record in South Korea's relations with NATO and its members: a
# meeting, statement of Seoul's policy, agreement, arms contract or order, membership, exercise, deployment, joint
# project, investment, or a decision of one side. Each counts once, however many sources report
# it; the setting is left out (Korean domestic politics, NATO's own decisions, the regional context, and arms sales
# outside the Alliance or competitions a Korean firm has not won:
# {{ context_count | count("such entry", "such entries") }} in these terms), and so is an expectation that a source
# reported before the step was taken.
# {% endif %}

# %% [markdown]
# {% if has_steps %}
# ```{figure} pace
# :title: {% if pace.leader and pace.others | length == 1 %}Steps came {{ pace.word }} often under {{ leader.who }} than under {{ runner_up.who }}{% elif pace.leader %}Steps came most often under {{ leader.who }}{% elif pace.tie %}Steps came at a similar pace under {{ whos | and_list }}{% else %}Steps recorded each year under {{ whos | and_list }}{% endif %}
# :alt: Stacked bar chart of steps in South Korea–NATO relations per calendar year{% if busiest_year %}, highest in {{ busiest_year }} with {{ year_totals.max() }}{% endif %}, with each term drawn as a band above the bars: {% for g in govs %}{{ g.who }} {% if g.rated %}{{ g.rate }} steps a year in office{% if industry_counts[g.name] %} ({{ g.rate_without }} without arms contracts and defence-industry talks){% endif %}{% else %}not rated{% endif %}{% if not loop.last %}; {% endif %}{% endfor %}.{% if uncertain | length %} {{ uncertain | length | count("step") | upper_first }} that cannot be credited to one government {% if uncertain | length == 1 %}is{% else %}are{% endif %} hatched.{% endif %}{% if unrated_drawn %} {{ lee.who }}'s steps are drawn without a band.{% endif %}
# Steps in South Korea's relations with NATO and its members per calendar year, coloured by the government in office.
# Bands above the bars show each term as counted, with its rate per year in office{% if terms.open.any() %}; a term
# still running is drawn to the dotted cut-off{% endif %}{% if suspended_govs %}; a tick marks the day an impeachment
# vote suspended the president's powers{% endif %}.{% if uncertain | length %} Hatched: steps the sources date to a
# span of two terms, or to different terms; they count in no rate.{% endif %}{% if industry_rows | length %} Lighter
# tint: arms contracts and defence-industry talks{% if industry_starts_late %}, recorded only from
# {{ first_industry_year }}{% endif %}.{% endif %}{% if unrated_drawn %} {{ lee.who }}'s steps{% if lee.open %}, from
# {{ lee.start | month }} to the dotted cut-off,{% endif %} have no band: {% if lee.rated %}his government is not among
# those compared{% else %}his term is too short in the evidence for a rate{% endif %}.{% endif %}
# ```
# {% endif %}

# %% [markdown] tags=["report"]
# {% if industry_rows | length and first_industry_year %}{% if pace.leader %}The judgement does not rest on the arms trade. {% endif %}Arms contracts
# and defence-industry talks with NATO members and partners make up {% for g in govs if industry_counts[g.name] %}{{ industry_counts[g.name] | words }}
# of the {{ g.steps }} steps under {{ g.who }}{% if loop.revindex == 2 %} and {% elif not loop.last %}, {% endif %}{% endfor %},
# {% if industry_starts_late %}and the sources record none before {{ first_industry_year }}, so that kind of step
# favours the governments in office since{% else %}and each contract counts as a step of its own, so a government's count
# rises with the number of contracts signed in its term{% endif %}. Without them the rates are {% for g in rated %}{{ g.rate_without }} a year under {{ g.who }}{% if loop.revindex == 2 %} and {% elif not loop.last %}, {% endif %}{% endfor %}{% if pace_without_industry.leader and pace.leader and pace_without_industry.leader == pace.leader %},
# and engagement under {{ leader.who }} is still {{ pace_without_industry.word }} frequent{% elif pace.leader %}, and
# {{ leader.who }}'s lead no longer holds on this report's rule{% endif %}.{% endif %}
#
# {% for g in suspended_govs %}Counted only to the day before an impeachment vote suspended {{ g.who }}'s powers
# ({{ g.suspended | day }}), the term is {{ g.years_to_suspension | number(1) }} years long and the rate
# {{ g.to_suspension | number(1) }} a year rather than {{ g.rate }}{% if g.after_suspension %}:
# {{ g.after_suspension | count("step") }} in the count came under the acting president{% if g.suspension_rises %},
# but the shorter term raises the rate all the same{% else %}, and leaving {% if g.after_suspension == 1 %}it{% else %}them{% endif %}
# out lowers the rate{% endif %}{% endif %}. {% if g.suspension_pace.tie %}On
# this report's rule the two rates are similar.{% else %}The difference changes the picture: the pace is
# {{ g.suspension_pace.word }} frequent counted that way.{% endif %} {% endfor %}
#
# {% if uncertain | length %}{{ uncertain | length | count("further step") | upper_first }} cannot be credited to one
# government ({{ tab("uncertain") }}): {% if uncertain | length == 1 %}it is{% else %}they are{% endif %} dated only
# to a year or month that spans a change of government, or dated by the sources to different terms. Credited in full
# to every government that could claim {% if uncertain | length == 1 %}it{% else %}them{% endif %}, the rates would
# rise at most to {% for g in rated if g.uncertain %}{{ g.upper }} a year under {{ g.who }}{% if not loop.last %} and {% endif %}{% endfor %}{% if pace.leader and pace.holds %},
# which leaves the judgement unchanged{% elif pace.leader %}, enough to close the gap: the ranking is sensitive to
# them{% endif %}.{% elif has_steps %}Every step in these terms falls clearly within one of them.{% endif %}
#
# {% if uncertain | length %}
# ```{table} uncertain
# Steps that cannot be credited to one government, and why. They count in no rate.
#
# | Step | Date as the sources give it | Could belong to | Why it cannot be credited |
# |---|---|---|---|
# {% for u in uncertain_steps %}| {{ u.title }} | {% for v in u.versions %}{{ sec.citations.in_text(v.source_id) }}: {{ v | when }}{% if not loop.last %}; {% endif %}{% endfor %} | {{ u.candidates | join(", ") }} | {% if u.reason == compare.STRADDLES %}dated only to a year or month that spans a change of government{% elif u.reason == compare.VERSIONS_DIFFER %}the sources' versions place it in different terms{% endif %} |
# {% endfor %}
# ```
# {% endif %}

# %%
kind_names = pace.rated if len(pace.rated) >= 2 else names
if len(cats) and cats["count"].sum():
    sec.chart("kinds", compare.kinds_chart(cats[cats["administration"].isin(kind_names)], kind_names, who),
              sources=ours, data=cats)
kinds_alt = {n: cats[(cats["administration"] == n) & (cats["count"] > 0)].sort_values("per_year", ascending=False)
             .to_dict("records") for n in kind_names}  # each government's kinds, most frequent first, for the alt text
far, clear, gap = judgements.FAR_RATIO, judgements.CLEAR_RATIO, judgements.MIN_GAP

# %% [markdown] tags=["report"]
# {% if not nothing %}
# ## The kinds of engagement {#kinds}
#
# {% if mixed | length > 1 %}{% if kinds_differ %}The governments put their weight on different kinds of
# step.{% else %}The governments put their weight on the same kind of step.{% endif %}{% endif %}
# {% set said = namespace(frequent=false) %}{% for g in govs if g.mix %}{% if g.mix.total == 1 %}{{ g.who }}'s one step was in {{ g.mix.tied[0] }}.{% set said.frequent = false %}
# {% elif g.mix.leader and g.mix.share in ("all", "both", "most", "half") %}{{ g.mix.share | upper_first }} of
# {{ g.who }}'s {{ g.steps }} steps were in {{ g.mix.leader }}.{% set said.frequent = false %}
# {% elif g.mix.leader and said.frequent %}Under {{ g.who }} it was {{ g.mix.leader }} ({{ g.mix.count | words }} of
# {{ g.steps }}).
# {% elif g.mix.leader %}{{ g.mix.leader | upper_first }} was the most frequent kind of step under {{ g.who }}
# ({{ g.mix.count | words }} of {{ g.steps }}).{% set said.frequent = true %}
# {% else %}{% set said.frequent = false %}No single kind of step stands out under {{ g.who }}: {{ g.mix.tied | and_list }} are level, with
# {{ g.mix.count | words }} each.
# {% endif %}{% endfor %}
# {% if cyber_by and gov[cyber_by].mix and gov[cyber_by].mix.leader == "cyber and technology" %}Under
# {{ gov[cyber_by].who }}, Seoul applied {{ cyber_steps[0] | dated }} to join NATO's Cooperative Cyber Defence
# Centre of Excellence, and it took part in the Locked Shields exercise and contributed to NATO's malware-sharing
# platform {{ cite(cyber_steps[1]) }}.{% endif %}
# {% if summits_by and yoon_built %}{% if gov[summits_by] and gov[summits_by].mix and gov[summits_by].mix.leader == "defence industry" %}Besides
# defence industry, {{ who[summits_by] }}'s record shows presence and institutions{% else %}Under {{ who[summits_by] }}, the record
# is one of presence and institutions{% endif %}: the
# president went to NATO's summits three years running {{ cite(summit_steps) }}, and Seoul announced a mission to
# NATO, held its first military staff talks with the Alliance and signed a tailored partnership programme
# {{ cite(yoon_built) }}.{% endif %}
#
# {% if leads and pace.comparable %}{% if any_led %}Compared per year in office, {% for n in pace.rated if led[n] %}{{ who[n] }}
# led in {{ led[n] | and_list }}{% if not loop.last %}, and {% endif %}{% endfor %}.{% if level %} In
# {{ level | and_list }}, no government led{% endif %}{% else %}Compared per year in office, no government led in any
# kind of step{% endif %}{% if level %}: the rates are too close or too small to separate on this report's rule, under
# which one rate leads another only when it is at least {{ clear | times }} as high and at least
# {{ gap | number(1) }} steps a year apart{% endif %}. {{ fig("kinds") }} shows each kind.{% endif %}
# {% endif %}

# %% [markdown] tags=["report"]
# {% if leads and pace.comparable %}
# ```{figure} kinds
# :title: {% if mixed | length > 1 and kinds_differ %}Each government's record leaned to a different kind of step{% elif mixed | length > 1 %}The same kind of step led each government's record{% elif not any_led %}No government led in any kind of step, per year in office{% else %}Steps per year in office, by kind{% endif %}
# :alt: Horizontal bar chart of steps per year in office by kind. {% for n in kind_names %}{{ who[n] }}: {% for r in kinds_alt[n] %}{{ r.category }} {{ r.per_year | number(1) }}{% if not loop.last %}; {% endif %}{% else %}none{% endfor %}.{% if not loop.last %} {% endif %}{% endfor %}
# Steps per year in office by kind, for each government from the start of its term to its end or the cut-off; the
# number of steps is in brackets. Only steps credited to one government are counted.{% if grid | length %} Each step is
# filed under one kind; the areas of cooperation in {{ fig("focus") }} are what the sources say each government
# pursued, a different record, so the two need not match.{% endif %}
# ```
# {% endif %}

# %%
if len(grid):
    sec.chart("focus", compare.focus_chart(grid, who), sources=focus, data=grid.reset_index())
    evidence = compare.evidence_table(focus, names)
    # One row per quotation (table written below): a quotation that supports two governments names both, with the
    # areas once if they are the same for both, else government by government.
    evidence_rows = []
    for (quote_text, source), group in evidence.groupby(["quote", "source_id"], sort=False):
        by_government = [(who[a], list(areas)) for a, areas in zip(group["administration"], group["areas"])]
        same = all(areas == by_government[0][1] for _, areas in by_government)
        evidence_rows.append({"governments": [name for name, _ in by_government], "same": same,
                              "areas": by_government[:1] if same else by_government, "quote": quote_text,
                              "source": source})
    sec.table_sources("evidence", sources=evidence)
only_govs = [g for g in govs if g["only"]]
only_rows = focus[[any(a in g["only"] and actor == g["name"] for g in only_govs)
                   for a, actor in zip(focus["area"], focus["actor"])]] if len(focus) else focus

# %% [markdown] tags=["report"]
# {% if not nothing %}
# ## The areas of cooperation {#areas}
#
# {% if grid | length %}The sources name {{ areas_total }} areas of cooperation for {{ whos | or_list }}, and the
# common ground is {{ breadth }}: {% if shared_share in ("none", "one") %}{{ shared_share }} of them is{% else %}{{ shared_share }}
# of them ({{ areas_shared }}) are{% endif %} named for {{ all_word }}{% if shared_priority %}, and {{ all_word }} singled out
# {{ shared_priority | and_list }}{% endif %} ({{ fig("focus") }}).
# {% if only_govs %}The differences lie in what the sources name for one government only:
# {% for g in only_govs %}{{ g.only | and_list }} under {{ g.who }}{% if loop.revindex == 2 %}, and {% elif not loop.last %}; {% endif %}{% endfor %}
# {{ cite(only_rows) }}.{% endif %}
# {% for g in unrated if g.coded %}The sources name only {{ ((g.priorities | length) + (g.listed | length)) | count("area") }}
# for {{ g.who }}, whose term lies only partly in the evidence. {% endfor -%}
# {% if uncoded %}The sources name no area for {{ uncoded | map(attribute="who") | list | and_list }}; an empty
# column means the sources are silent, not that nothing was done.{% endif %}
# An area counts as singled out where a source presents it as a priority of that government, and as listed where a
# source only mentions it; {{ tab("evidence") }} gives the words behind every dot.{% else %}The sources name no area
# of cooperation for the governments compared.{% endif %}
# {% endif %}

# %% [markdown] tags=["report"]
# {% if grid | length %}
# ```{figure} focus
# :title: {% if shared_priority %}{{ shared_priority | and_list | upper_first }} {% if shared_priority | length == 1 %}was a priority{% else %}were priorities{% endif %} for {{ all_word }}{% elif shared %}{{ areas_shared | upper_first }} of {{ areas_total }} areas were named for {{ all_word }}{% else %}No area is named for every government compared{% endif %}
# :alt: Dot matrix of {{ areas_total }} areas of cooperation against {{ whos | and_list }}. {% for g in govs %}{{ g.who }}: singled out {% if g.priorities %}{{ g.priorities | join(", ") }}{% else %}none{% endif %}; listed {% if g.listed %}{{ g.listed | join(", ") }}{% else %}none{% endif %}.{% if not loop.last %} {% endif %}{% endfor %}
# Areas of cooperation each government pursued with NATO, as the sources published by {{ ev.as_of | day }} name
# them: a filled dot where a source singles the area out, a ring where it only lists it, a small grey dot where no
# source names it. Where several sources name the same cell, the stronger emphasis is drawn. Shaded rows are named
# for every government compared.
# ```
# {% endif %}

# %%
# The partnership programme's path through several governments, each step with the government it is credited to.
pii = ev.row("frameworks", "pii")
programme_path = ipcp is not None and itpp is not None and ipcp_2019 is not None and ipcp_to_itpp is not None
if programme_path:
    path_govs = [ipcp["administration"], ipcp_2019["administration"], ipcp_to_itpp["to_admin"]]
    path_camps = [admins.loc[n, "camp"] for n in path_govs if n in admins.index]
    path_cross = len(set(path_camps)) > 1
inherited_named = [r for r in (ipcp, pii) if r is not None and r["framework_id"] in set(first_gov["inherited"]["framework_id"])]
consensus_quote = "growing consensus among South Korean foreign policy and security elites"
source_shares = {}
for g in rated:
    counts = compare.certain_for(ms, g["name"])["source_id"].value_counts()
    if len(counts):
        source_shares[g["name"]] = {"source": sec.citations.name(counts.index[0]), "id": counts.index[0],
                                    "share": judgements.share_word(int(counts.iloc[0]), int(counts.sum()))}

# %% [markdown] tags=["report"]
# {% if not nothing %}
# ## What each government opened {#opened}
#
# {% for g in govs %}{% if g.begun | length %}{{ g.begun | length | count("new standing arrangement") | upper_first }}
# with NATO {% if g.begun | length == 1 %}dates{% else %}date{% endif %} from {{ g.who }}'s term
# {{ cite(g.begun) }}.{% else %}No new standing arrangement with NATO dates with certainty from {{ g.who }}'s
# term{% if g.straddling | length %}: the {{ g.straddling.iloc[0].short_name | lower_first }} is dated only to
# {{ g.straddling.iloc[0] | when }}, which spans the start of the term {{ cite(g.straddling.iloc[0]) }}{% endif %}.{% endif %}
# {% endfor %}{% if opener and opened.leader and pace.comparable %}{{ opener.who }}'s government opened
# {% if pace.rated | length > 2 %}the most{% else %}more{% endif %} ({{ tab("comparison") }}). {% else %}{{ tab("comparison") }} lists them. {% endif -%}
# {% if mission is not none and itpp is not none and opener and opener.name == mission.administration == itpp.administration %}Among them,
# Seoul established its Mission to NATO {{ mission | dated }}{% if step.mission_to_nato_announced_2022_06 is not none %},
# having announced it {{ step.mission_to_nato_announced_2022_06 | dated }}{% endif %}, and signed the Individually
# Tailored Partnership Programme at the Vilnius summit {{ itpp | dated }}
# {{ cite(mission, step.mission_to_nato_announced_2022_06, itpp) }}.{% endif %}
#
# {% if first.ban_ki_moon_nac_2005_12 is not none %}{% set s = first.ban_ki_moon_nac_2005_12 %}{{ s | dated | upper_first }},
# under {{ who[s.administration] }}, Foreign Minister Ban Ki-moon became the first South Korean official to address
# the North Atlantic Council {{ cite(s) }}.{% endif %}
# {% if first.first_foreign_ministers_meeting_2020_12 is not none %}{% set s = first.first_foreign_ministers_meeting_2020_12 %}
# {{ s | dated | upper_first }}, under {{ who[s.administration] }}, South Korea took part in a meeting of NATO's foreign ministers
# for the first time {{ cite(s) }}.{% endif %}
# {% if first.military_staff_talks_2023_02 is not none %}{% set s = first.military_staff_talks_2023_02 %}South Korea
# and NATO held their first military staff talks {{ s | dated }}, under {{ who[s.administration] }}
# {{ cite(s) }}.{% endif %}
# {% if first.airworthiness_agreement_2024_07 is not none %}{% set s = first.airworthiness_agreement_2024_07 %}{{ s | dated | upper_first }}
# NATO and South Korea agreed to recognise each other's military airworthiness certification,
# {{ quote(s, "NATO’s first such deal with an Asian country") }} {{ cite(s) }}.{% endif %}
# {% if first.defence_ministers_meeting_2024_10 is not none %}{% set s = first.defence_ministers_meeting_2024_10 %}And
# {{ s | dated }} South Korea attended a meeting of NATO's defence ministers for the first time
# {{ cite(s) }}.{% endif %}
# {% if first.defence_industry_dialogue_first_2025_09_26 is not none %}{% set s = first.defence_industry_dialogue_first_2025_09_26 %}Under
# {{ who[s.administration] }}, NATO opened its first staff-to-staff dialogue with South Korea on defence industrial
# cooperation {{ s | dated }} {{ cite(s) }}.{% endif %}
# {% if other_firsts | length %}The passages quoted for {{ other_firsts | length | count("further step") }} also call
# {% if other_firsts | length == 1 %}it{% else %}them{% endif %} a first {{ cite(other_firsts) }}.{% endif %}
# {% endif %}

# %% [markdown] tags=["report"]
# {% if not nothing %}
# ## What carried relations from one government to the next {#continuity}
#
# {% if shared_priority %}Shared interests carried the relationship {% if cross_camp %}across camps{% else %}from one
# government to the next{% endif %}: {{ camps | and_list }} governments alike made {{ shared_priority | and_list }}
# {% if shared_priority | length == 1 %}a priority{% else %}priorities{% endif %} {{ cite(shared_priority_rows) }}.
# {% if industry_objective is not none and moon_and_yoon and "defence industry" in shared_priority %}In SWP's account,
# building up the defence industry and arms exports, with NATO members as partners, was
# {{ quote(industry_objective, "a shared objective of both the Moon and Yoon administration") }}
# {{ cite(industry_objective) }}.{% endif %}{% elif shared %}The governments shared {{ shared | length | words }} areas
# of cooperation, though none was a priority for {{ all_word }} {{ cite(focus[focus.area.isin(shared)]) }}.{% else %}No
# area of cooperation is named for {{ all_word }} governments, so the sources do not show a shared agenda carrying the
# relationship.{% endif %}
# {% if lee is not none and not lee.compared and "defence industry" in lee.priorities and "defence industry" in shared_priority %}
# {{ lee.who }}'s government {% if lee.open %}has kept{% else %}kept{% endif %} the defence industry among its priorities with NATO
# {{ cite(lee.priority_rows) }}.{% endif %}
#
# {% if programme_path %}{% set both_renewals = ipcp_2017 is not none and ipcp_2017.administration == ipcp_2019.administration %}Institutions
# carried the rest, and the partnership programme shows how. Signed {{ ipcp | dated("year") }} under
# {{ who[ipcp.administration] }} {{ cite(ipcp) }}, it was renewed in {% if both_renewals %}{{ ipcp_2017 | when("year") }}
# and {% endif %}{{ ipcp_2019 | when("year") }} under {{ who[ipcp_2019.administration] }}
# {{ cite(ipcp_2017 if both_renewals else None, ipcp_2019) }} and turned into the Individually Tailored Partnership
# Programme {{ itpp | dated }} under {{ who[ipcp_to_itpp.to_admin] }} {{ cite(itpp) }}{% if path_cross %}: three governments
# from both camps built on one instrument{% endif %}.{% if itpp_terms is not none and ipcp_to_itpp.to_admin in names %}
# {{ itpp_terms_source }}, writing {{ writing_when(itpp_terms.source_id) }}, notes that the ITPP, like the IPCP
# before it, is {{ quote(itpp_terms, "renewable and not legally binding") }} {{ cite(itpp_terms) }}.{% endif %}{% endif %}
# {% if first_gov.inherited | length %}When {{ first_gov.who }} took office, {{ first_gov.inherited | length | count("standing arrangement") }}
# begun by earlier governments {% if first_gov.inherited | length == 1 %}was{% else %}were{% endif %} in place and not
# recorded as ended{% if inherited_named %}, {% if first_gov.inherited | length > inherited_named | length %}among them{% else %}namely{% endif %} {% for r in inherited_named %}{% if r.framework_id == "ipcp" %}the
# partnership programme of {{ r | when("year") }}{% else %}NATO's Partnership Interoperability Initiative, which Seoul
# joined {{ r | dated("year") }}{% endif %}{% if not loop.last %} and {% endif %}{% endfor %}{% endif %}
# {{ cite(first_gov.inherited) }}.{% endif %}
#
# {% if consensus is not none or likely is not none %}SWP, writing {{ writing_when((consensus if consensus is not none else likely).source_id) }},
# {% if consensus is not none %}traces the continuity to a {{ quote(consensus, consensus_quote) }} on working with
# NATO{% endif %}{% if consensus is not none and likely is not none %}, and {% endif %}{% if likely is not none %}judged
# it {{ quote(likely, "highly likely") }} that cooperation would continue to develop after a change of government in
# Seoul{% endif %} {{ cite(consensus, likely) }}.{% if lee is not none and likely is not none %} The change came in
# {{ lee.start | month }}, and the record of the government that
# took office then is set out below ({{ see("lee") }}).{% endif %}{% endif %}
# {% endif %}

# %%
if lee is not None:
    lee["industry_share"] = judgements.share_word(lee["industry_steps"], lee["step_count"]) if lee["step_count"] else "none"
    kinds_of_source = set(ev.sources.set_index("source_id").loc[list(lee_certain["source_id"]), "kind"]) if len(lee_certain) else set()
    lee["press_only"] = bool(kinds_of_source) and kinds_of_source <= {"news report", "press release"}
    lee_june = [lee_step[e] for e in ("hague_summit_rok_nsa_2025_06", "defence_industry_body_agreed_2025_06",
                                      "ip4_joint_statement_hague_2025_06") if lee_step[e] is not None]
    lee_june_uncredited = [r for r in lee_june if compare.credited(ms, r["event_id"], [LEE]) is None]
    lee_ministers = [lee_step[e] for e in ("ahn_cavo_dragone_2025_09", "ahn_shekerinska_2025_10")
                     if lee_step[e] is not None]

# %% [markdown] tags=["report"]
# {% if lee is not none %}
# ## The Lee Jae-myung government{% if lee.open %} so far{% endif %} {#lee}
#
# {{ lee.who }}, of the {{ lee.camp }} camp{% if lee_camp is not none %} {{ cite(lee_camp) }}{% endif %}, took office on {{ lee.start | day }}{% if lee_step.lee_jae_myung_inauguration_2025_06_04 is not none %},
# after winning the snap election that followed Yoon Suk-yeol's removal{% endif %}
# {{ cite(lee_step.lee_jae_myung_inauguration_2025_06_04 if lee_step.lee_jae_myung_inauguration_2025_06_04 is not none else lee.dates) }},
# and {% if lee.open %}was still in office at the cut-off{% else %}left office on {{ lee.end | day }}{% endif %}.
# {% if lee.label %}{{ lee.label_source }} reported {{ lee.label_when }} his promise to pursue
# {{ quote(lee.row, lee.label) }} {{ cite(lee.row) }}{% if lee_dilemma is not none %}; {{ sec.citations.name(lee_dilemma.source_id) }}
# rendered the same line as {{ quote(lee_dilemma, "national interest and pragmatic diplomacy") }}
# {{ cite(lee_dilemma) }}{% endif %}.{% endif %}
#
# {% if lee_step.hague_summit_rok_nsa_2025_06 is not none %}With NATO, the government {% if lee.open %}has kept{% else %}kept{% endif %}
# the channels open while lowering the level at which Seoul {% if lee.open %}shows{% else %}showed{% endif %} up. Lee stayed away from the Alliance's summit at The Hague 
# {{ lee_step.hague_summit_rok_nsa_2025_06 | dated("month") }}; his national security adviser, Wi Sung-lac, attended and handed the Secretary
# General a personal letter explaining the president's absence
# {{ cite(lee_step.hague_summit_rok_nsa_2025_06, lee_body) }}.{% endif %}{% if lee_body is not none %} Meeting in The Hague,
# the adviser and the Secretary General agreed to set up a consultative body on defence industry
# {{ cite(lee_body) }}{% if lee_first_body_meeting is not none %}; {{ lee_first_body_meeting | dated }} NATO opened the
# {{ quote(lee_first_body_meeting, "first staff-to-staff dialogue on defence industrial cooperation and capabilities") }}
# between NATO and South Korea {{ cite(lee_first_body_meeting) }}{% endif %}.{% endif %}
# {% if lee_step.ip4_joint_statement_hague_2025_06 is not none %}At a session of the summit with Secretary General
# Rutte, South Korea and NATO's other Indo-Pacific partners adopted a joint statement reaffirming
# {{ quote(lee_step.ip4_joint_statement_hague_2025_06, "closer cooperation between NATO and its Indo-Pacific partners, particularly in practical areas, such as defense") }}
# {{ cite(lee_step.ip4_joint_statement_hague_2025_06) }}.{% endif %}
#
# {% if lee_calls %}Lee {% if lee.open %}has spoken{% else %}spoke{% endif %} to the Secretary General by telephone {% if lee_calls | length == 1 %}once{% elif lee_calls | length == 2 %}twice{% else %}{{ lee_calls | length | words }} times{% endif %}
# in the evidence.
# {% if lee_step.lee_rutte_call_2025_07 is not none %}{{ lee_step.lee_rutte_call_2025_07 | dated | upper_first }} he said South
# Korea would {{ quote(lee_step.lee_rutte_call_2025_07, "continue to deepen its partnership with NATO") }}
# {{ cite(lee_step.lee_rutte_call_2025_07) }}{% endif %}{% if lee_step.lee_rutte_call_2026_02 is not none %}; 
# {{ lee_step.lee_rutte_call_2026_02 | dated }} the two {{ quote(lee_step.lee_rutte_call_2026_02, "agreed to maintain close communication on Russia's war against Ukraine and the security situation on the Korean Peninsula") }}
# {{ cite(lee_step.lee_rutte_call_2026_02) }}{% endif %}.{% endif %}
# {% if lee_ministers | length == 2 %}His defence minister met the chair of NATO's Military Committee in Seoul 
# {{ lee_ministers[0] | dated }} and NATO's Deputy Secretary General {{ lee_ministers[1] | dated }}, asking for
# support for {{ quote(lee_ministers[1], "efforts to establish peace on the Korean Peninsula") }}
# {{ cite(lee_ministers) }}.{% endif %}
# {% if lee.priorities %}The only area of cooperation the sources name as a priority of his government is
# {{ lee.priorities | and_list }} {{ cite(lee.priority_rows) }}.{% endif %}
#
# {% if lee_glimpse is not none or lee_cho is not none or lee_opposition is not none %}{% if lee.label %}His absence
# from The Hague was read in the light of his promise of practical diplomacy.{% else %}His
# absence from The Hague was read in different ways.{% endif %}{% if lee_glimpse is not none %} {{ sec.citations.name(lee_glimpse.source_id) }},
# writing {{ writing_when(lee_glimpse.source_id) }}, saw in it {{ quote(lee_glimpse, "a glimpse") }} of Lee's pragmatic
# foreign policy {{ cite(lee_glimpse) }}.{% endif %}{% if lee_cho is not none %} Cho Hyun, then the nominee for foreign
# minister, called it {{ quote(lee_cho, "the best possible decision given the high level of uncertainty on multiple fronts") }}
# {{ cite(lee_cho) }}{% if lee_opposition is not none %}, while a critic quoted in the press warned that South Korea
# might look, to China and Russia, like {{ quote(lee_opposition, "the weakest link among US allies") }}
# {{ cite(lee_opposition) }}{% endif %}.{% elif lee_opposition is not none %} A critic quoted in the press warned
# that South Korea might look, to China and Russia, like {{ quote(lee_opposition, "the weakest link among US allies") }}
# {{ cite(lee_opposition) }}.{% endif %}{% endif %}
#
# {% if not lee.rated %}The pace of Lee's government cannot yet be set against full terms. The evidence covers his
# term only from {{ lee.start | day }} to {{ [evidence_until, ev.as_of] | min | day }}, less than the year a rate per
# year in office needs{% if lee.step_count and lee.industry_share in ("half", "most", "all") %}, and
# {{ lee.industry_steps | words }} of the {{ lee.step_count | words }} steps the sources record for it are in the
# defence industry{% if lee.press_only %}, taken from press reports and official releases rather than from an
# assessment of the government's NATO policy{% endif %}{% endif %}.{% endif %}{% if lee_june_uncredited %} The steps at The Hague are dated by the sources only
# to {{ lee_june_uncredited[0] | when }}, the month in which Lee took office, so the count credits them to no
# government, although the quotations name President Lee.{% endif %}
# {% if successor is not none %}{{ successor.who }}'s {{ successor.camp }} government has been in office since
# {{ successor.start | day }} {{ cite(successor.dates) }}; the evidence holds too little of its term to say how it
# deals with NATO.{% endif %}
# {% endif %}

# %%
# Steps the sources date to different terms, among those that could belong to a government compared.
ccdcoe = next((m for _, m in uncertain.iterrows() if "ccdcoe_membership_2022_05_05" in m["versions"]), None)
ccdcoe_versions = [version_rows.loc[v] for v in ccdcoe["versions"]] if ccdcoe is not None else []
ccdcoe_day = next((v for v in ccdcoe_versions if v["date_precision"] == "day"), None)
next_term = next((g for g in govs if ccdcoe_day is not None and g["start"] > ccdcoe_day["end"]
                  and (g["start"] - ccdcoe_day["end"]).days <= 31), None)

# %% [markdown] tags=["report"]
# {% if not nothing %}
# ## Who gets the credit {#dating}
#
# A government is credited with a step only when every source dates it inside its term. Three kinds of date make
# that hard: a step dated only to a year or month that spans a change of government; a step the sources place in
# different terms; and a term whose end the sources date differently{% if "yoon_administration_end" in relevant %}, as
# with the note on Yoon's term above{% endif %}.
# {% if ccdcoe is not none and ccdcoe_day is not none and next_term is not none %}South Korea's membership of NATO's
# Cooperative Cyber Defence Centre of Excellence shows the problem. One source dates it to
# {{ ccdcoe_day | when }} {{ cite(ccdcoe_day) }}, {{ (next_term.start - ccdcoe_day.end).days | count("day") }} before
# {{ next_term.who }} took office {{ cite(next_term.sworn) }}, while another places it in {{ next_term.who }}'s term
# {{ cite(ccdcoe_versions | rejectattr("date_precision", "equalto", "day") | list) }}; this report credits it to
# neither government.{% elif ccdcoe_member is not none and ccdcoe_next is not none %}South Korea's membership of
# NATO's Cooperative Cyber Defence Centre of Excellence shows the problem. Admitted {{ ccdcoe_member | dated }},
# {{ (ccdcoe_next.start - ccdcoe_member.end).days | count("day") }} before {{ ccdcoe_next.who }} took office
# {{ cite(ccdcoe_member, ccdcoe_next.sworn) }}, it belongs to {{ who[ccdcoe_member.administration] }}'s term, although
# one source places it in {{ ccdcoe_next.who }}'s; the note below gives each version.{% endif %}
# {% if ccdcoe_app is not none %}The application to join, {{ ccdcoe_app | dated }}, is {{ who[ccdcoe_app.administration] }}'s
# {{ cite(ccdcoe_app) }}.{% endif %}
# {% if mission is not none %}The Mission to NATO is dated here to its establishment {{ mission | dated }}, not to
# Seoul's announcement{% if step.mission_to_nato_announced_2022_06 is not none %}
# {{ step.mission_to_nato_announced_2022_06 | dated }}{% endif %} {{ cite(mission) }}; {{ section_link("history") }} gives
# each source's date.{% endif %}
#
# {% if "ccdcoe_membership_timing" in relevant %}
# ```{note} ccdcoe_membership_timing
# ```
# {% endif %}{% if "cyber_exercises_start" in relevant %}
# ```{note} cyber_exercises_start
# ```
# {% endif %}
# {% endif %}

# %% [markdown] tags=["report"]
# ## What the comparison does not show {#limits}
#
# The counts measure what the sources record, not what each step weighed: a summit and a working meeting count alike,
# and a count says how often the two sides acted together, not how much they achieved. The evidence was also written
# at different times and for different purposes.{% for n, s in source_shares.items() if s.share in ("most", "all", "half") %}
# {{ s.source }} alone supplies {{ s.share }} of the steps credited to {{ who[n] }} {{ cite(s.id) }}.{% endfor %}
# {% if industry_rows | length and first_industry_year %}Arms contracts enter the record one by one{% if industry_starts_late %}
# only from {{ first_industry_year }}, which lifts the count for later governments{% else %}, so a government's count rises
# with the number of contracts signed in its term{% endif %}; the pace above is therefore also given without
# them.{% endif %}
# The areas of cooperation record whether a source names an area for a government, not how much was spent or done
# in it; an empty cell means the sources are silent.
#
# The judgement words follow stated rules. One rate is called far higher than another when it is at least
# {{ far | times }} as high, and higher when it is at least {{ clear | times }} as high and
# {{ gap | number(1) }} steps a year apart; otherwise the two are similar. A government leads a kind of step only on
# the same margin, and a rate needs at least {{ judgements.MIN_YEARS | count("year") }} of a term inside the evidence.
# Most means more than half.

# %% [markdown] tags=["report"]
# {% if grid | length %}
# ## The sources behind the areas {#area-sources}
#
# ```{table} evidence
# The evidence behind {{ fig("focus") }}: each quotation and the areas it supports.
#
# | Government | Areas (as the source presents them) | Quotation | Source |
# |---|---|---|---|
# {% for e in evidence_rows %}| {{ e.governments | join(" and ") }} | {% for name, areas in e.areas %}{% if not e.same %}{{ name }}: {% endif %}{% for area, emphasis in areas %}{{ area }} ({% if emphasis == "priority" %}singled out{% else %}listed{% endif %}){% if not loop.last %}; {% endif %}{% endfor %}{% if not loop.last %}; {% endif %}{% endfor %} | “{{ e.quote }}” | {{ cite(e.source) }} |
# {% endfor %}
# ```
# {% endif %}

# %% [markdown] tags=["report"]
# ```{note} *
# ```

# %%
sec.record()
