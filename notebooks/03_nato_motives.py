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
# # Why NATO looks to the Indo-Pacific
#
# Why has NATO sought closer ties with South Korea and its other Indo-Pacific partners, and where does that
# interest meet its limits?

# %% tags=["parameters"]
as_of = "2025-01-31"  # evidence cut-off (YYYY-MM-DD): nothing dated later is counted or drawn
partners = ["Australia", "Japan", "New Zealand", "South Korea"]  # partners in the meeting matrix (default: the IP4); names as in data/summit_participation.csv

# %%
import textwrap

import matplotlib.patches as mpatches
import pandas as pd

from helpers.writing import charts, text
from helpers.analysis import motives
from helpers.evidence.data import load_all
from helpers.evidence.dates import say_date
from helpers.writing.section import Section

ev = load_all(as_of)
sec = Section(number=3, slug="nato_motives", title="Why NATO looks to the Indo-Pacific", evidence=ev)
FIRST_YEAR = 2020  # the meeting matrix starts with the first NATO foreign ministers' meeting open to the partners
IP4 = {"Australia", "Japan", "New Zealand", "South Korea"}
ROK = "South Korea"


def row_of(frame: pd.DataFrame, key: str, value: str):
    """The row with key == value if the cut-off keeps it (its whole date interval by as_of), else None."""
    rows = frame[frame[key] == value]
    if "end" in rows:
        rows = motives.held_by(rows, ev.as_of)
    elif "period_end" in rows:
        rows = motives.period_over(rows, ev.as_of)
    return rows.iloc[0] if len(rows) else None


def event(event_id):
    return row_of(ev.events, "event_id", event_id)


def indicator(indicator_id):
    return row_of(ev.indicators, "indicator_id", indicator_id)


def framework(framework_id):
    return row_of(ev.frameworks, "framework_id", framework_id)


def started(row) -> str:
    """A framework's start date in prose, at the precision its source gave."""
    return say_date(row["start_date"], row["date_precision"])


def num(n: int) -> str:
    """A count in house style without its noun: 'five', '12'."""
    return text.count(n, "item").split(" ")[0]


def claim(assessment_id: str):
    """A source's argument (a row of data/assessments.csv), or None if the source was not yet published by as_of."""
    return motives.available_assessment(ev.assessments, ev.sources, assessment_id, ev.as_of)



# %%
partners = motives.check_partners(partners, ev.summit_participation)

# %%
# The evidence behind the findings: meetings with the partners, and the threats NATO's documents name.
long = motives.summit_participation(ev.summits, ev.summit_participation, partners, ev.as_of, since=FIRST_YEAR)
grid = motives.participation_matrix(long)
meetings = long.drop_duplicates("meeting_id").set_index("meeting_id")
any_partner = motives.meetings_attended(long)
every_partner = motives.meetings_attended(long, every=True)
rok_long = motives.summit_participation(ev.summits, ev.summit_participation, [ROK], ev.as_of, since=FIRST_YEAR)
rok_meetings = motives.meetings_attended(rok_long)
rok_summits = rok_long[(rok_long["status"] == motives.ATTENDED) & (rok_long["meeting_type"] == "summit")]
partner_set = ("all four Indo-Pacific partners" if set(partners) == IP4 and len(partners) == 4
               else partners[0] if len(partners) == 1 else f"all {text.count(len(partners), 'selected partner')}")

timeline = motives.statements_timeline(ev.nato_statements, ev.as_of)
docs = motives.documents(timeline)
firsts = motives.first_named(timeline)
threats = motives.threats_by_first_mention(timeline)


def first_when(threat: str) -> str:
    return text.when(firsts[threat]) if threat in firsts else ""


links = [t for t in ("China-Russia partnership", "North Korea-Russia military cooperation") if t in firsts]

# The sources' arguments on the limits of the partnership (data/assessments.csv), in the order the section
# discusses them; an argument whose source was published after the cut-off is left out.
LIMIT_IDS = ["china_no_official_statement", "china_media_chess_piece", "china_xinhua_confrontation",
             "rok_hedging", "rok_reluctance_china", "rok_fear_thaad_like_reaction", "yoon_no_names_madrid",
             "rok_russia_not_threat", "rok_ukraine_limited_support",
             "nato_limited_leverage", "sweden_intermediary", "rok_realistic_nato_support"]
limit = {i: claim(i) for i in LIMIT_IDS}
limits = [row for row in limit.values() if row is not None]

# %%
if "China" in firsts and links:
    sec.finding(
        f"NATO courts Seoul because of how it now names its challenges: after calling China a "
        f"“{text.esc(firsts['China']['characterisation'])}” from {first_when('China')}, its documents went on to name "
        f"the {text.join([text.esc(motives.dash(t)) for t in links])}, which {'tie' if len(links) > 1 else 'ties'} the "
        f"Indo-Pacific to Russia's war.",
        sources=sorted({firsts[t]["source_id"] for t in ["China", *links]}), rank=20)
reluctant, fear, no_russia = limit["rok_reluctance_china"], limit["rok_fear_thaad_like_reaction"], limit["rok_russia_not_threat"]
leverage, hedging, consensus_asia = limit["nato_limited_leverage"], limit["rok_hedging"], claim("nato_needs_consensus_asia")
if reluctant is not None:
    sec.finding(
        "NATO's interest has limits: Seoul has been reluctant to name China a threat"
        + (", mindful of Beijing's economic retaliation after the THAAD deployment" if fear is not None else "")
        + (", and does not treat Russia as one" if no_russia is not None else "")
        + ("; the Alliance, for its part, has little leverage on the Korean Peninsula" if leverage is not None else "")
        + ".", sources=sorted({r["source_id"] for r in (reluctant, fear, no_russia, leverage) if r is not None}), rank=21)
elif hedging is not None:
    sec.finding(
        "NATO's interest has limits on both sides: Seoul has long hedged between its great-power neighbours"
        + (", and the Alliance, EIAS argued, still needed a broader consensus on how far Asian security matters to it"
           if consensus_asia is not None else "")
        + ".", sources=sorted({r["source_id"] for r in (hedging, consensus_asia) if r is not None}), rank=21)
if len(grid):
    if len(partners) > 1:
        lead = "The Indo-Pacific partners have " + ("become regular guests" if len(every_partner) >= 3 else "begun to join NATO's meetings")
    else:
        lead = f"{text.esc(partners[0])} has " + ("become a regular guest" if len(every_partner) >= 3 else "begun to join NATO's meetings")
    rok_clause = ""
    if partners != [ROK] and ROK in ev.summit_participation["partner"].values:
        rok_clause = f" and South Korea at {num(len(rok_meetings))} of the {text.count(len(meetings), 'meeting')} in the evidence"
        if len(rok_summits):
            rok_clause += f", including {text.count(len(rok_summits), 'summit')} attended by its president"
    sec.finding(
        f"{lead}: since {text.when(meetings.iloc[0])} the sources record {text.esc(partner_set)} at "
        f"{text.count(len(every_partner), 'NATO meeting')}{rok_clause}.",
        sources=sorted(set(long[long["status"] == motives.ATTENDED]["source_id"])), rank=25)
if len(grid):
    sec.key_number("nato_motives_meetings_all_partners",
                   f"NATO meetings from {FIRST_YEAR} at which the sources record {partner_set}",
                   len(every_partner), str(len(every_partner)),
                   sources=sorted(set(long[long["status"] == motives.ATTENDED]["source_id"])))
    sec.key_number("nato_motives_meetings_rok", f"NATO meetings from {FIRST_YEAR} with South Korea present",
                   len(rok_meetings), f"{len(rok_meetings)} of {len(meetings)}",
                   sources=sorted(set(rok_long[rok_long["status"] == motives.ATTENDED]["source_id"])))
sec.record()

# %% [markdown]
# ## From North Korea to the ties that bind Asia to Russia's war

# %%
consensus_text = (
    f" That was not a given: in {sec.citations.published(consensus_asia['source_id'])} EIAS had argued that NATO would "
    f"{sec.quoted(consensus_asia, 'need to reach a broader consensus about the relevance of Asian security issues for its own objectives')} "
    f"{sec.cite_rows(consensus_asia)}." if consensus_asia is not None else "")
if len(timeline) and links:
    ties = ("the partnerships that link China and North Korea to " + ("it" if "Russia" in firsts else "Russia")
            if len(links) > 1 else f"the {text.esc(motives.dash(links[0]))}")
    sec.md(
        f"NATO's interest in South Korea follows its changing threat vocabulary. The documents in the evidence moved "
        f"from North Korea's weapons programmes to China, and then to "
        + (f"Russia and {ties}" if "Russia" in firsts else ties)
        + f": {text.count(len(threats), 'threat')} named in {text.count(len(docs), 'document')} between "
        f"{text.when(docs.iloc[0])} and {text.when(docs.iloc[-1])}." + consensus_text
    )
elif len(timeline):
    sec.md(
        f"NATO's interest in South Korea follows its threat vocabulary: by the cut-off, the documents in the evidence "
        f"name {text.join([text.esc(motives.dash(t)) for t in threats])}, in "
        f"{text.count(len(docs), 'document')} between {text.when(docs.iloc[0])} and {text.when(docs.iloc[-1])}."
        + consensus_text
    )
else:
    sec.md("None of the NATO documents the sources quote falls before the cut-off.")


# %%
def document_label(doc) -> str:
    """'June 2022 · NATO 2022 Strategic Concept', without a trailing date the name already repeats."""
    when = say_date(doc["date"], doc["date_precision"])
    name = doc["document"].removesuffix(f" ({when})")
    return f"{when} · {name}"


def threats_figure(docs: pd.DataFrame, threats: list[str]):
    """Documents (rows, oldest at the top) by the threats they name (columns, in order of first mention)."""
    label_in, header_in, row_in = 2.3, 0.72, 0.34
    height = row_in * len(docs) + header_in + 0.1
    fig, ax = charts.new_figure(height_in=height)
    fig.subplots_adjust(left=label_in / charts.WIDTH_IN, right=0.985, top=1 - header_in / height, bottom=0.1 / height)
    first_pairs = {(row["statement_id"], t) for t, row in firsts.items()}
    for i, doc in docs.iterrows():
        for threat in doc["threats"]:
            first = (doc["statement_id"], threat) in first_pairs
            ax.scatter(threats.index(threat), i, s=85 if first else 50, zorder=3,
                       color="#D55E00" if first else "#0072B2", edgecolor="white", linewidth=0.8)
        ax.axhline(i, color=charts.GRID, linewidth=0.5, zorder=1)
    ax.set_yticks(range(len(docs)), ["\n".join(textwrap.wrap(document_label(d), 44)) for _, d in docs.iterrows()],
                  fontsize=7.5)
    ax.set_ylim(len(docs) - 0.5, -0.5)
    ax.xaxis.tick_top()
    headers = ["\n".join(textwrap.wrap(motives.dash(t), 12, break_on_hyphens=False)) for t in threats]
    ax.set_xticks(range(len(threats)), headers, fontsize=7.3)
    ax.set_xlim(-0.5, len(threats) - 0.5)
    for column in range(len(threats)):
        ax.axvline(column, color=charts.GRID, linewidth=0.5, zorder=1)
    ax.tick_params(length=0, pad=4)
    for spine in ax.spines.values():
        spine.set_visible(False)
    return fig


def outside_note(rows: pd.DataFrame) -> str:
    """Which entries come from a document outside the core sources (sources.in_seeds is false), or ''."""
    info = ev.sources.set_index("source_id")
    outside = rows[[not info.loc[s, "in_seeds"] for s in rows["source_id"]]]
    notes = []
    for source_id, group in outside.groupby("source_id", sort=False):
        src = info.loc[source_id]
        what = text.join([f"{motives.dash(r['threat'])} in the {r['document']}" for _, r in group.iterrows()])
        origin = "the document itself" if set(group["document"]) == {src["title"]} else src["title"]
        article = "an" if src["kind"][:1] in "aeiou" else "a"
        notes.append(f"{what}, taken from {origin}, {article} outside {src['kind']}")
    if not notes:
        return ""
    core = int(ev.sources["in_seeds"].sum())
    return text.esc(f"Entries come from the {num(core)} core sources, except {text.join(notes)}.")


if len(timeline):
    early = [t for t in threats if t in ("North Korea", "China")]
    if early and links:
        later = (["Russia"] if "Russia" in firsts else []) + links
        ties = "their ties with " + ("it" if later[0] == "Russia" else "Russia") if len(links) == 2 else f"the {motives.dash(links[0])}"
        title = (f"As the sources quote them, NATO's documents moved from naming {text.join(early)} to naming "
                 + ("Russia and " if later[0] == "Russia" else "") + ties
                 + f", {text.period(docs.iloc[0]['year'], max(firsts[t]['year'] for t in later))}")
    else:
        title = (f"NATO's documents named {text.join([motives.dash(t) for t in threats]) if len(threats) <= 3 else text.count(len(threats), 'threat')} "
                 f"between {text.when(docs.iloc[0])} and {text.when(docs.iloc[-1])}")
    sec.figure(
        threats_figure(docs, threats), "threats",
        title=title,
        caption=(f"NATO documents and statements, {text.when(docs.iloc[0])} to {text.when(docs.iloc[-1])}, and the "
                 "threats or challenges each names, as the sources quote them. Orange dots mark the first document in "
                 "the evidence that names a threat; blue dots, later mentions. The sources quote NATO's documents "
                 "selectively: a first dot marks a threat's first appearance in these sources, not necessarily in "
                 "NATO's own texts, and a blank cell means that no source reports the document naming the threat, not "
                 "that the document was silent on it. " + outside_note(timeline)).strip(),
        sources=sorted(set(timeline["source_id"])),
        alt=(f"Dot matrix of {len(docs)} NATO documents from {text.when(docs.iloc[0])} to {text.when(docs.iloc[-1])} "
             f"against the {len(threats)} threats they name. In the evidence, "
             + "; ".join(f"{motives.dash(t)} first appears in {firsts[t]['document']} ({text.when(firsts[t])})"
                         for t in threats) + "."),
    )

# %%
if len(timeline):
    london, concept = firsts.get("China"), firsts.get("China-Russia partnership")
    summit_2018 = row_of(ev.nato_statements, "statement_id", "brussels_summit_2018")
    parts = []
    if summit_2018 is not None:
        parts.append(f"At its Brussels summit of {text.when(summit_2018)}, the Alliance's concern in Korea was the "
                     f"“{text.esc(summit_2018['characterisation'].split(' (')[0])}” of North Korea; it welcomed the "
                     f"inter-Korean and US–North Korean summits of that year {sec.cite(summit_2018['source_id'])}.")
    if london is not None:
        parts.append(f"China entered NATO's vocabulary with the {text.esc(london['document'])} of {text.when(london)}, "
                     f"which called it a “{text.esc(london['characterisation'])}” {sec.cite(london['source_id'])}.")
    if parts:
        sec.md(" ".join(parts))
    if concept is not None:
        china_sc = timeline[(timeline["statement_id"] == concept["statement_id"]) & (timeline["threat"] == "China")]
        dprk_sc = timeline[(timeline["statement_id"] == concept["statement_id"]) & (timeline["threat"] == "North Korea")]
        russia_sc = timeline[(timeline["statement_id"] == concept["statement_id"]) & (timeline["threat"] == "Russia")]
        clauses = []
        if len(russia_sc):
            clauses.append(f"called Russia “{text.esc(russia_sc.iloc[0]['characterisation'])}” to the Allies' security "
                           f"{sec.cite(russia_sc.iloc[0]['source_id'])}")
        if len(china_sc):
            clauses.append(f"made that description of China formal policy {sec.cite(*china_sc['source_id'])}")
        clauses.append(f"named the “{text.esc(concept['characterisation'].split(' (')[0])}” between China and Russia "
                       f"as a threat {sec.cite(concept['source_id'])}")
        text_sc = (f"The {text.esc(concept['document'])}, issued at the Madrid summit in {text.when(concept)}, "
                   f"{text.join(clauses)}.")
        if len(dprk_sc):
            text_sc += (f" It mentioned North Korea under {text.esc(dprk_sc.iloc[0]['characterisation'])} "
                        f"{sec.cite(dprk_sc.iloc[0]['source_id'])}.")
        sec.md(text_sc)
    rutte = firsts.get("North Korea-Russia military cooperation")
    theatres = claim("euro_atlantic_indo_pacific")
    if rutte is not None:
        document = rutte["document"][0].lower() + rutte["document"][1:]
        sec.md(
            f"The two theatres met in {text.when(rutte)}, when a {text.esc(document)} called their deployment "
            f"“{text.esc(rutte['quote'].split(': ', 1)[-1])}” and described North Korea's military cooperation with "
            f"Russia as a {text.esc(rutte['characterisation'].split('; ', 1)[-1])} {sec.cite(rutte['source_id'])}."
            + (f" PISM, writing in {sec.citations.published(theatres['source_id'])}, had already read the convergence of the "
               f"threats facing Seoul and the Alliance as a sign of "
               f"{sec.quoted(theatres, 'the growing interdependence of the Euro-Atlantic and Indo-Pacific theatres')} "
               f"{sec.cite_rows(theatres)}." if theatres is not None else "")
        )

# %%
if len(timeline):
    table = timeline.assign(
        Date=[say_date(d, p) for d, p in zip(timeline["date"], timeline["date_precision"])],
        Threat=[motives.dash(t) for t in timeline["threat"]],
        Source=[sec.citations.link(s) for s in timeline["source_id"]],
    ).sort_values(["start", "threat_rank"])[["document", "Date", "Threat", "characterisation", "Source"]]
    table = table.rename(columns={"document": "Document", "characterisation": "NATO's wording, as the source reports it"})
    sec.table(table, "wording",
              caption=f"What NATO called each threat, {text.period(timeline['year'].min(), timeline['year'].max())}",
              sources=sorted(set(timeline["source_id"])), note=outside_note(timeline), html_columns=("Source",))

# %% [markdown]
# ## The Indo-Pacific partners at NATO's table

# %%
if len(grid):
    sec.md(
        f"The partners followed the vocabulary into the room. Since {text.when(meetings.iloc[0])} the sources record "
        f"{text.esc(partner_set)} at {text.count(len(every_partner), 'NATO meeting')}, and at least one of them at "
        f"{num(len(any_partner))} of the {text.count(len(meetings), 'meeting')} in the evidence."
    )

LEVELS = {"head of state or government": "leader", "foreign minister": "foreign minister",
          "defence minister": "defence minister", "unspecified": "", "": ""}


def meeting_label(m) -> str:
    kind = m["meeting_type"].capitalize() if m["meeting_type"] == "summit" else f"{m['meeting_type'].capitalize()}' meeting"
    place = f", {m['location']}" if m["location"] else (", place not given" if m["meeting_type"] == "summit" else "")
    return f"{say_date(m['date'], m['date_precision'])}\n{kind}{place}"


def meeting_phrase(m) -> str:
    """'the Madrid summit of June 2022', 'the defence ministers' meeting of October 2024'."""
    when = say_date(m["date"], m["date_precision"])
    if m["meeting_type"] == "summit":
        return f"the {m['location']} summit of {when}" if m["location"] else f"the summit of {when}"
    return f"the {m['meeting_type']}' meeting of {when}"


def participation_figure(long: pd.DataFrame, grid: pd.DataFrame):
    """Meeting (rows, oldest at the top) by partner: attended, expected before the meeting, or no source."""
    n_rows, n_cols = grid.shape
    label_in, header_in, row_in = 1.6, 0.3, 0.42
    height = row_in * n_rows + header_in + 0.05
    fig, ax = charts.new_figure(height_in=height)
    fig.subplots_adjust(left=label_in / charts.WIDTH_IN, right=0.995, top=1 - header_in / height, bottom=0.05 / height)
    blue = "#0072B2"
    cells = long.set_index(["meeting_id", "partner"])
    for i, meeting_id in enumerate(grid.index):
        for j, partner in enumerate(grid.columns):
            cell = cells.loc[(meeting_id, partner)]
            status, level = cell["status"], LEVELS.get(cell["level"], cell["level"])
            if status == motives.ATTENDED:
                patch = dict(facecolor=blue, edgecolor=blue, linewidth=0.8)
                label, colour = "Attended", "white"
            elif status == motives.EXPECTED:
                patch = dict(facecolor="white", edgecolor=blue, linewidth=1.0, linestyle=(0, (3, 2)))
                label, colour = "Expected", blue
            else:
                patch = dict(facecolor="#f2f2f2", edgecolor="#f2f2f2", linewidth=0.8)
                label, colour, level = "No source", charts.MUTED, ""
            ax.add_patch(mpatches.Rectangle((j - 0.46, i - 0.4), 0.92, 0.8, **patch))
            ax.text(j, i - (0.12 if level else 0), label, ha="center", va="center", fontsize=7.5, color=colour,
                    fontweight="bold" if status == motives.ATTENDED else "normal")
            if level:
                ax.text(j, i + 0.2, level, ha="center", va="center", fontsize=6.8, color=colour)
    ax.set_xlim(-0.5, n_cols - 0.5)
    ax.set_ylim(n_rows - 0.5, -0.5)
    ax.xaxis.tick_top()
    ax.set_xticks(range(n_cols), list(grid.columns), fontsize=8)
    ax.set_yticks(range(n_rows), [meeting_label(meetings.loc[m]) for m in grid.index], fontsize=7.5)
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    return fig


if len(grid):
    counts = long[long["status"] == motives.ATTENDED].groupby("partner").size().reindex(partners, fill_value=0)
    expected = long[long["status"] == motives.EXPECTED]
    if ROK in partners and len(partners) > 1:
        title = (f"South Korea is recorded at {num(len(rok_meetings))} of the {text.count(len(meetings), 'NATO meeting')} "
                 f"in the evidence since {FIRST_YEAR}; {partner_set} together at {num(len(every_partner))}")
    else:
        title = (f"The sources record {partner_set} at {num(len(every_partner))} of the "
                 f"{text.count(len(meetings), 'NATO meeting')} in the evidence since {FIRST_YEAR}")
    sec.figure(
        participation_figure(long, grid), "participation",
        title=title,
        caption=(f"NATO summits and ministerial meetings with Indo-Pacific partners in the evidence, {FIRST_YEAR} to "
                 f"{say_date(ev.as_of.isoformat(), 'day')}, by partner. <em>Attended</em>: a source reports the partner "
                 "taking part, with the level where it is given (leader: head of state or government). "
                 "<em>Expected</em>: only a source written before the meeting reports the plan. <em>No source</em>: "
                 "none of the sources mentions the partner there; absence of evidence is not evidence of absence. "
                 "Meetings are dated at the precision the sources give."),
        sources=sorted((set(long["source_id"]) | set(long["meeting_source_id"])) - {""}),
        alt=(f"Grid of {len(meetings)} NATO meetings from {text.when(meetings.iloc[0])} to {text.when(meetings.iloc[-1])} "
             f"against {len(partners)} partners. "
             + "; ".join(f"{p} is recorded attending {counts[p]}" for p in partners)
             + (f"; {len(expected)} partner places are expected only (reported before the meeting)" if len(expected) else "")
             + f". {text.count(len(every_partner), 'meeting').capitalize()} record every partner present."),
    )

if not len(grid):
    sec.md(f"No NATO meeting with the partners from {FIRST_YEAR} on falls before the cut-off.")


# %%
def meeting_row(meeting_id):
    return meetings.loc[meeting_id] if meeting_id in meetings.index else None


fm, madrid, dm = meeting_row("nato_fm_2020_12"), meeting_row("madrid_summit_2022"), meeting_row("nato_dm_2024_10")
if fm is not None:
    fm_rows = ev.summit_participation[(ev.summit_participation["meeting_id"] == "nato_fm_2020_12")
                                      & (ev.summit_participation["participation"] == motives.ATTENDED)]
    others = [p for p in fm_rows["partner"] if p != ROK]
    fm_topic = row_of(ev.nato_statements, "statement_id", "nato_fm_meeting_2020_12")
    sec.md(
        f"The first step was a NATO foreign ministers' meeting in {text.when(fm)}, the first that South Korea's foreign "
        f"minister attended, alongside the ministers of {text.join([text.esc(p) for p in sorted(others)])} "
        f"{sec.cite(*fm_rows['source_id'], fm['meeting_source_id'])}"
        + (f"; on the agenda was the shift in the global balance of power and the "
           f"{text.esc(fm_topic['characterisation'])} {sec.cite(fm_topic['source_id'])}." if fm_topic is not None else ".")
        + " NATO's own account names further guests, so the sources differ on who else was in the room."
    )
    sec.disagreement("foreign_ministers_2020_participants")

# %%
if len(rok_summits):
    yoon = indicator("yoon_nato_summits")
    first_summit, last_summit = rok_summits.iloc[0], rok_summits.iloc[-1]
    sentence = (f"Summits followed. South Korea's president attended {text.count(len(rok_summits), 'NATO summit')} "
                f"between {text.when(first_summit)} and {text.when(last_summit)}" if len(rok_summits) > 1 else
                f"Summits followed. South Korea's president attended a NATO summit in {text.when(first_summit)}")
    if yoon is not None and int(yoon["value"]) == len(rok_summits):
        sentence += (f": Yoon Suk-yeol went to all {text.count(int(yoon['value']), 'summit')} held during his time "
                     f"in office {sec.cite(yoon['source_id'])}")
    else:
        sentence += f" {sec.cite(*rok_summits['source_id'])}"
    sentence += "."
    if madrid is not None:
        expected_madrid = long[(long["meeting_id"] == "madrid_summit_2022") & (long["status"] == motives.EXPECTED)]
        if len(expected_madrid):
            report = ev.sources.set_index("source_id").loc[expected_madrid.iloc[0]["source_id"]]
            sentence += (f" For Madrid in {text.when(madrid)}, the presence of "
                         f"{text.join([text.esc(p) for p in expected_madrid['partner']])} rests only on an "
                         f"{text.esc(report['identification'])} {text.esc(report['kind'])} written in "
                         f"{sec.citations.published(expected_madrid.iloc[0]['source_id'])}, before the summit, which reported that "
                         f"their leaders were expected {sec.cite(expected_madrid.iloc[0]['source_id'])}; no source in the "
                         f"evidence confirms that they came.")
    sec.md(sentence)

vilnius_talks = event("nato_ip4_talks_vilnius_2023_07")
dm_event = event("ip4_defence_ministers_agreement_2024_10")
bits = []
if vilnius_talks is not None:
    bits.append(f"At Vilnius in {text.when(vilnius_talks)}, defence industrial cooperation was an important topic of "
                f"the talks between NATO and the four partners {sec.cite(vilnius_talks['source_id'])}.")
if dm is not None and dm_event is not None:
    bits.append(f"In {text.when(dm)} the four joined NATO's defence ministers for the first time and agreed to boost "
                f"cyber defences, defence production and innovation, and to counter information manipulation "
                f"{sec.cite(dm_event['source_id'])}. The meetings had moved from diplomacy to defence.")
if bits:
    sec.md(" ".join(bits))
global_partners, asia_partners = indicator("nato_global_partners_2022"), indicator("nato_asia_pacific_partners_2022")
if global_partners is not None and asia_partners is not None:
    sec.md(
        f"The four form a distinct group among NATO's partners beyond Europe: in "
        f"{text.period(asia_partners['period_start'], asia_partners['period_end'])} they were "
        f"{num(int(asia_partners['value']))} of its {text.count(int(global_partners['value']), 'global partner')}, "
        f"and the only ones from the Asia-Pacific {sec.cite(global_partners['source_id'])}."
    )

# %% [markdown]
# ## Counter-currents: Beijing's objections, Seoul's caution, NATO's reach

# %%
ccdcoe = framework("ccdcoe_membership")
thaad = [r for r in (event("thaad_restrictions_2016_pism"), event("thaad_sanctions_2017_swp")) if r is not None]
pew_china, pew_us = indicator("pew_unfavourable_china_2022"), indicator("pew_favourable_us_2022")
china_share, china_value = indicator("china_share_rok_exports_2018"), indicator("rok_exports_to_china_2018")
china_rows = [limit[i] for i in ("china_no_official_statement", "china_media_chess_piece", "china_xinhua_confrontation")
              if limit[i] is not None]

opening = []
if china_rows:
    opening.append("China objects")
if hedging is not None:
    opening.append(
        "South Korea, which " + ("trades heavily with China and " if china_share is not None else "")
        + f"has long practised {sec.quoted(hedging, 'a hedging strategy')} between its great-power neighbours, is cautious "
        + sec.cite_rows(hedging, china_share))
if leverage is not None:
    opening.append(f"NATO itself has few tools on the Korean Peninsula {sec.cite_rows(leverage)}")
if opening:
    sec.md("What draws NATO to Seoul also limits what the partnership can carry. "
           + "; ".join(opening[:-1]) + ("; and " if len(opening) > 1 else "") + opening[-1] + ".")

# %%
# The sources' arguments on the limits, one row per topic (shown when there is more than a single argument).
grouped = motives.by_topic(limits)
if len(limits) > 2:
    def arguments(group) -> str:
        return " ".join(f"{text.esc(c.rstrip('.'))} {sec.cite(s)}." for c, s in zip(group["claims"], group["source_ids"]))

    limits_table = pd.DataFrame({"Limit": grouped["topic"],
                                 "What the sources argue": [arguments(g) for _, g in grouped.iterrows()]})
    # Spell out a short name the arguments use (CCDCOE) from the frameworks table.
    short_names = [f for _, f in ev.frameworks.iterrows()
                   if any(f["short_name"] in c.split() or f"{f['short_name']}." in c.split() for c in
                          sum(grouped["claims"], []))]
    note = " ".join(f"{f['short_name']}: {f['name'].removeprefix('Membership of the ')}." for f in short_names)
    sec.table(limits_table, "limits", caption="What the sources say about the limits of the partnership",
              sources=sorted({r["source_id"] for r in limits}), note=text.esc(note),
              html_columns=("What the sources argue",))

# %%
if china_rows:
    no_statement, chess, xinhua = (limit["china_no_official_statement"], limit["china_media_chess_piece"],
                                   limit["china_xinhua_confrontation"])
    reporters = sorted({r["source_id"] for r in china_rows})
    all_china = ev.assessments[ev.assessments["topic"] == china_rows[0]["topic"]]
    reports = []
    if no_statement is not None:
        reports.append("Beijing made no official statement when South Korea joined NATO's cyber defence centre"
                       + (f" in {started(ccdcoe)}" if ccdcoe is not None else ""))
    if chess is not None:
        reports.append(f"the Communist Party's Global Times wrote that US-led NATO was trying to turn South Korea into "
                       f"{sec.quoted(chess, 'a chess piece to contain China and Russia')}")
    if xinhua is not None:
        reports.append(f"the Xinhua news agency warned that letting NATO expand its influence in the Asia-Pacific "
                       f"{sec.quoted(xinhua, 'would only undermine regional security and peace and provoke confrontation')}")
    prose = "China's reaction is known here only second-hand. "
    if len(reporters) == 1:
        src = ev.sources.set_index("source_id").loc[reporters[0]]
        prose += (f"{'An' if src['identification'][:1] in 'aeiou' else 'A'} {text.esc(src['identification'])} "
                  f"{text.esc(src['kind'])} written in {sec.citations.published(reporters[0])}"
                  + (", before the Madrid summit," if reporters[0] in set(
                      long[(long["meeting_id"] == "madrid_summit_2022") & (long["status"] == motives.EXPECTED)]["source_id"])
                     else "")
                  + " reports that ")
    else:
        prose += "The sources report that "
    prose += text.join([reports[0]] + [f"that {r}" for r in reports[1:]]) + f" {sec.cite_rows(*china_rows)}."
    if len(reporters) == 1 and set(all_china["source_id"]) == set(reporters):
        src = ev.sources.set_index("source_id").loc[reporters[0]]
        prose += (" The blog's author and outlet are unknown, and no" if src["identification"] == "unidentified"
                  and src["kind"] == "blog article" else " No") + " other source in the evidence reports these reactions."
    sec.md(prose)

seoul = []
if reluctant is not None:
    sentence = (f"Seoul's own caution is the bigger brake. PISM sees the challenge for cooperation with NATO in South "
                f"Korea's {sec.quoted(reluctant, 'reluctance to identify China as a threat to its interests')} "
                f"{sec.cite_rows(reluctant)}")
    if fear is not None:
        years = sorted({int(r["year"]) for r in thaad})
        sentence += (", for fear of Beijing's reaction, not least economic retaliation of the kind China imposed after "
                     "the deployment of the THAAD missile-defence system"
                     + ((f", which the sources date to {text.period(years[0], years[-1])}" if len(years) > 1
                         else f" in {years[0]}") if years else "")
                     + f" {sec.cite_rows(fear, *thaad)}")
    seoul.append(sentence + ".")
if china_share is not None:
    seoul.append(
        ("The exposure is real: in " if seoul else "In ")
        + f"{text.period(china_share['period_start'], china_share['period_end'])} China was "
        f"South Korea's first trading partner and took {text.percent(china_share['value'], china_share['qualifier'])} "
        f"of its total exports"
        + (f", worth {text.quantity(china_value['value'], china_value['unit'], china_value['qualifier'])}"
           if china_value is not None else "")
        + f" {sec.cite(china_share['source_id'])}.")
if seoul:
    sec.md(" ".join(seoul))

yoon_madrid = limit["yoon_no_names_madrid"]
if pew_china is not None and pew_us is not None and yoon_madrid is not None:
    sec.md(
        f"Public opinion is not the obstacle. In a Pew Research Center survey in "
        f"{text.period(pew_china['period_start'], pew_china['period_end'])}, "
        f"{text.percent(pew_china['value'], pew_china['qualifier'])} of South Koreans held an unfavourable view of China "
        f"and {text.percent(pew_us['value'], pew_us['qualifier'])} a favourable view of the United States "
        f"{sec.cite(pew_china['source_id'], pew_us['source_id'])}. The restraint lies with the government: at Madrid, "
        f"PISM notes, President Yoon spoke of threats to universal values without naming China or Russia "
        f"{sec.cite_rows(yoon_madrid)}."
    )
elif yoon_madrid is not None:
    sec.md(f"At Madrid, PISM notes, President Yoon spoke of threats to universal values without naming China or Russia "
           f"{sec.cite_rows(yoon_madrid)}.")

russia_first = firsts.get("Russia")
ukraine = limit["rok_ukraine_limited_support"]
russia = []
if russia_first is not None and no_russia is not None:
    russia.append(f"Russia divides Seoul and the Alliance more sharply. The {text.esc(russia_first['document'])} calls Russia "
                  f"“{text.esc(russia_first['characterisation'])}” to the Allies' security "
                  f"{sec.cite(russia_first['source_id'])}; PISM's verdict on Seoul is plain: "
                  f"{sec.quoted(no_russia, 'Unlike NATO, South Korea does not treat Russia as a threat to its security')} "
                  f"{sec.cite_rows(no_russia)}")
elif no_russia is not None:
    russia.append(f"On Russia, PISM's verdict is plain: "
                  f"{sec.quoted(no_russia, 'Unlike NATO, South Korea does not treat Russia as a threat to its security')} "
                  f"{sec.cite_rows(no_russia)}")
if ukraine is not None:
    russia.append(f"Seoul's support for Ukraine {sec.quoted(ukraine, 'focuses on humanitarian aid')} and it "
                  f"{sec.quoted(ukraine, 'remains reluctant to ship arms to Ukraine')} {sec.cite_rows(ukraine)}")
if russia:
    sec.md(". ".join(russia) + ".")

nato_side = []
if leverage is not None:
    nato_side.append(f"NATO, for its part, has little to offer on the Peninsula itself. PISM judges that the Alliance "
                     f"has {sec.quoted(leverage, 'limited political capabilities to improve the situation on the Korean Peninsula')} "
                     f"{sec.cite_rows(leverage)}.")
summit_2018 = row_of(ev.nato_statements, "statement_id", "brussels_summit_2018")
topic_page = row_of(ev.nato_statements, "statement_id", "nato_topic_page_2023")
words = []
if summit_2018 is not None:
    words.append(f"a welcome for the inter-Korean summits at Brussels in {text.when(summit_2018)} "
                 f"{sec.cite(summit_2018['source_id'])}")
if topic_page is not None:
    words.append(f"repeated condemnation of the North's {sec.quoted(topic_page, 'provocative rhetoric and actions')} "
                 f"{sec.cite(topic_page['source_id'])}")
if words and leverage is not None:
    nato_side.append(f"NATO's own texts in the evidence offer Korea words rather than tools: {text.join(words)}.")
sweden, realistic = limit["sweden_intermediary"], limit["rok_realistic_nato_support"]
if sweden is not None:
    nato_side.append(f"PISM, writing in {sec.citations.published(sweden['source_id'])}, also expected that Sweden's coming "
                     f"accession to NATO might mean that it {sec.quoted(sweden, 'will no longer be perceived by the North as credible')} "
                     f"as an intermediary between the United States and North Korea {sec.cite_rows(sweden)}.")
if nato_side:
    sec.md(" ".join(nato_side))

outlook = []
if realistic is not None:
    outlook.append(f"Seoul is clear-eyed about this: PISM finds South Korea "
                   f"{sec.quoted(realistic, 'realistic in its assessments of the scope of NATO support')} in the event of a "
                   f"crisis on the Peninsula {sec.cite_rows(realistic)}.")
consensus, continues = claim("consensus_three_factors"), claim("cooperation_likely_continues")
if consensus is not None and continues is not None:
    outlook.append(
        f"None of this has stopped the partnership from growing. SWP, writing in {sec.citations.published(continues['source_id'])}, "
        f"traces a growing consensus among South Korea's foreign-policy and security elites to three shared views: the "
        f"threat from North Korea, the tangible benefits of functional cooperation with NATO and the need for a diverse "
        f"set of partners {sec.cite_rows(consensus)}; what that means for a change of government in Seoul is taken up in "
        f"{sec.section_ref('recommendations', 'the recommendations')}.")
if outlook:
    sec.md(" ".join(outlook))

# %% [markdown]
# ## What South Korea brings to the Alliance

# %%
prt, ana = indicator("isaf_prt_personnel"), indicator("ana_trust_fund_contribution")
co_chair = event("ana_trust_fund_co_chair_2020")
locked_shields = event("locked_shields_2021")
nato_share = motives.period_over(ev.arms_trade[ev.arms_trade["figure_id"] == "export_share_2017_2021_nato_members"],
                                ev.as_of)
poland = motives.held_by(ev.arms_deals[(ev.arms_deals["deal_id"] == "poland_2022") & ev.arms_deals["value"].notna()],
                         ev.as_of)
airworthiness = framework("airworthiness_agreement")
# The ITPP's figures describe a programme running to 2026: usable once the programme was signed (by as_of).
itpp = framework("itpp")
itpp_areas = (ev.indicators.set_index("indicator_id").loc["itpp_cooperation_areas"]
              if itpp is not None and "itpp_cooperation_areas" in set(ev.indicators["indicator_id"]) else None)

sec.md(
    f"South Korea is not a partner NATO has to carry. The sources point to what it brings: an operational record, cyber "
    f"capability, a defence industry that can help Allies restock, and a readiness to bind its ties to the Alliance "
    f"into programmes with timelines {sec.cite('nato2023', 'pism2022', 'swp2025')}."
)
offers = []
if prt is not None:
    offers.append(
        f"In Afghanistan it led a civilian-military reconstruction team of {text.hedge(prt['qualifier'])}"
        f"{text.number(prt['value'])} personnel in Parwan Province in {text.period(prt['period_start'], prt['period_end'])}"
        + (f" and gave {text.money(ana['value'] * 1e6, 'USD')} in total to the Afghan National Army Trust Fund"
           if ana is not None else "")
        + (f", which it co-chaired in {text.when(co_chair)}" if ana is not None and co_chair is not None else "")
        + f" {sec.cite(prt['source_id'], *([ana['source_id']] if ana is not None else []))}.")
if ccdcoe is not None:
    offers.append(
        f"In cyberspace it became, in {started(ccdcoe)}, the first Asian member of NATO's Cooperative Cyber Defence "
        f"Centre of Excellence {sec.cite(ccdcoe['source_id'], 'blog2022')}"
        + (f", and it has taken part in NATO's Locked Shields exercise since {locked_shields['year']} "
           f"{sec.cite(locked_shields['source_id'])}" if locked_shields is not None else "")
        + ".")
if offers:
    sec.md(" ".join(offers))
industry = []
if len(nato_share):
    share = nato_share.iloc[0]
    industry.append(
        f"Its arms industry already sells to NATO members: "
        f"{text.percent(share['value'], share['qualifier'])} of South Korea's arms exports in "
        f"{text.period(share['period_start'], share['period_end'])} went to NATO countries, by PISM's count, which does "
        f"not name its data source {sec.cite(share['source_id'])}.")
if len(poland):
    deal = poland.iloc[0]
    industry.append(
        f"In {text.when(deal)} Seoul signed its largest arms deal ever, with Poland, worth "
        f"{text.money(deal['value'], deal['currency'])} as SWP reports it {sec.cite(deal['source_id'])}; the sources "
        f"disagree on its quantities, which {sec.section_ref('defence_industry', 'the section on the defence industry')} sets out.")
if industry:
    sec.md(" ".join(industry))
ties = []
if airworthiness is not None:
    ties.append(f"In {started(airworthiness)} NATO and South Korea agreed to recognise each other's military "
                f"airworthiness certification, NATO's first such agreement with an Asian country "
                f"{sec.cite(airworthiness['source_id'])}.")
if itpp_areas is not None:
    ties.append(f"The {text.esc(itpp['name'])} signed at Vilnius in {started(itpp)} sets out "
                f"{text.count(int(itpp_areas['value']), 'area')} of cooperation for {text.period(itpp_areas['period_start'], itpp_areas['period_end'])}, with timelines "
                f"and named departments on both sides {sec.cite(itpp_areas['source_id'])}.")
if ties:
    sec.md(" ".join(ties))

# %% [markdown]
# ## What the evidence does not show

# %%
partial = [m for m in any_partner if m not in every_partner]
sources = ev.sources.set_index("source_id")
by_source = pd.Series([r["source_id"] for r in limits], dtype=object).value_counts()
main_count = int(by_source.iloc[0]) if len(by_source) else 0
main_source = sources.loc[by_source.index[0]] if len(by_source) else None
sec.md(
    (f"The sources record who attended some NATO meetings, not all of them: {sec.fig_ref('participation')} marks where they are silent, "
     "and a silence is not an absence." if len(grid) else "")
    + (f" At {text.join([text.esc(meeting_phrase(meetings.loc[m])) for m in partial])}, only some of the partners "
       f"are confirmed as present, and the level of representation is often not given."
       if partial else "")
    + " The threats NATO's documents name are those the sources choose to quote, not a reading of the documents "
    "themselves" + (", except where an outside official record is cited" if outside_note(timeline) else "") + "."
    + (f" China's reaction comes from a single {text.esc(sources.loc[china_rows[0]['source_id'], 'identification'])} "
       f"{text.esc(sources.loc[china_rows[0]['source_id'], 'kind'])} reporting Chinese media, not from an official "
       f"Chinese statement {sec.cite_rows(china_rows[0])}."
       if china_rows and len({r['source_id'] for r in china_rows}) == 1 else "")
    + (f" {num(main_count).capitalize()} of the {text.count(len(limits), 'argument')} on the limits in "
       f"{sec.table_ref('limits')} come from a single {text.esc(main_source['kind'])} {sec.cite(main_source.name)}, "
       f"written in {sec.citations.published(main_source.name)}; later events may have overtaken some of them."
       if len(limits) > 2 and main_count > len(limits) / 2 and main_source.name not in {r["source_id"] for r in china_rows}
       else "")
)
