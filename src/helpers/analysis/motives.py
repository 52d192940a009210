"""NATO's motives: how NATO's documents name the threats that link Europe and the Indo-Pacific, who of the
Indo-Pacific partners sat at which NATO meeting and at what level, and the sources' arguments on the limits.

    partners = check_partners(partners, ev.summit_participation)       # ParameterError lists valid partners
    long = summit_participation(ev.summits, ev.summit_participation, partners, ev.as_of, since=2020)
    table = presence(long)                                              # one row per meeting a partner is recorded at
    change = level_change(long, earlier_meeting, later_meeting)         # who came at a lower or higher level
    timeline = statements_timeline(ev.nato_statements, ev.as_of)        # one row per document and threat named
    row = ev.row("assessments", "nato_limited_leverage")                 # None if not yet published by the cut-off
    words = with_phrase([row, versions], "opportunities and challenges")  # the row that quotes these words, or None

A meeting or statement counts only once its whole date interval has passed by `as_of`: a summit dated
only "2024" is not counted with a cut-off in March 2024, since it may have been held later in the year.
`load_all` keeps rows that *start* by the cut-off; the functions here are stricter because they count.
A source's argument (an assessment) is on record only once its source was published: `load_all` cuts that.
"""
from __future__ import annotations

import textwrap
from dataclasses import dataclass, field

import pandas as pd

from ..evidence.data import ParameterError, published_sources
from ..evidence.dates import as_date, say_date
from ..evidence.quotes import verbatim
from ..writing import judgements

ATTENDED = "attended"
EXPECTED = "expected"
NO_SOURCE = "no source"
STATUSES = (ATTENDED, EXPECTED, NO_SOURCE)

# Reading order of the threats in charts and tables: China, Russia, then the links to Russia that tie the
# two theatres together, then North Korea and the Indo-Pacific. Threats not listed here (added to the
# data later) follow in order of first mention.
THREAT_ORDER = ["China", "Russia", "China-Russia partnership", "North Korea-Russia military cooperation",
                "North Korea", "Indo-Pacific security"]


def known_partners(participation: pd.DataFrame) -> list[str]:
    """Every partner named in the participation table, alphabetically."""
    return sorted(set(participation["partner"]))


def check_partners(partners, participation: pd.DataFrame) -> list[str]:
    """Validate the `partners` parameter against the partners present in the data.

    Matching ignores case and surrounding spaces; names come back as the data spell them, in the order
    given, without duplicates. An unknown name or an empty list raises ParameterError listing valid names.
    """
    if isinstance(partners, str):
        partners = [partners]
    valid = known_partners(participation)
    lookup = {p.casefold(): p for p in valid}
    resolved, unknown = [], []
    for name in partners or []:
        match = lookup.get(str(name).strip().casefold())
        if match is None:
            unknown.append(name)
        elif match not in resolved:
            resolved.append(match)
    if unknown or not resolved:
        what = ", ".join(map(repr, unknown)) if unknown else "an empty list"
        raise ParameterError(f"partners: {what} not valid; choose from the partners in data/summit_participation.csv: "
                             f"{', '.join(valid)}")
    return resolved


def held_by(frame: pd.DataFrame, as_of) -> pd.DataFrame:
    """Rows whose whole date interval (`start`..`end`) lies on or before `as_of`."""
    cutoff = as_date(as_of)
    return frame[frame["end"] <= cutoff]


def summit_participation(summits: pd.DataFrame, participation: pd.DataFrame, partners, as_of,
                         since: int | None = None) -> pd.DataFrame:
    """One row per meeting held by `as_of` (from `since` on) and partner, with the partner's status.

    status is 'attended' or 'expected' (a source written before the meeting reports the plan only) where
    the data have a row, and 'no source' where they have none: absence of evidence, not of attendance.
    `source_id` is the participation row's source (empty for 'no source'); `meeting_source_id` the meeting's.
    Meetings come in date order; `partners` keep their given order.
    """
    meetings = held_by(summits, as_of)
    if since is not None:
        meetings = meetings[meetings["year"] >= int(since)]
    meetings = meetings.sort_values(["start", "end", "meeting_id"]).reset_index(drop=True)
    keep = ["meeting_id", "meeting", "meeting_type", "location", "date", "date_precision", "start", "end", "year"]
    meetings = meetings[keep + ["source_id"]].rename(columns={"source_id": "meeting_source_id"})
    grid = meetings.merge(pd.DataFrame({"partner": list(partners)}), how="cross")
    rows = participation[participation["partner"].isin(list(partners))][
        ["meeting_id", "partner", "participation", "level", "source_id"]]
    long = grid.merge(rows, on=["meeting_id", "partner"], how="left")
    long["status"] = long["participation"].fillna(NO_SOURCE).replace("", NO_SOURCE)
    long["level"] = long["level"].fillna("")
    long["source_id"] = long["source_id"].fillna("")
    order = {p: i for i, p in enumerate(partners)}
    long["_m"] = long["meeting_id"].map({m: i for i, m in enumerate(meetings["meeting_id"])})
    long["_p"] = long["partner"].map(order)
    return long.sort_values(["_m", "_p"]).drop(columns=["_m", "_p", "participation"]).reset_index(drop=True)


def participation_matrix(long: pd.DataFrame) -> pd.DataFrame:
    """Meeting x partner table of statuses, in the order of `summit_participation`."""
    meetings = list(dict.fromkeys(long["meeting_id"]))
    partners = list(dict.fromkeys(long["partner"]))
    grid = long.pivot(index="meeting_id", columns="partner", values="status")
    return grid.reindex(index=meetings, columns=partners)


def meetings_attended(long: pd.DataFrame, partners=None, every: bool = False) -> list[str]:
    """Meeting ids at which any (or, with every=True, each) of `partners` is recorded as attending."""
    partners = list(dict.fromkeys(long["partner"])) if partners is None else list(partners)
    chosen = long[long["partner"].isin(partners)]
    attended = chosen.assign(hit=chosen["status"] == ATTENDED).groupby("meeting_id", sort=False)["hit"]
    hits = attended.all() if every else attended.any()
    if every:  # a partner with no row for the meeting cannot have been recorded there
        present = chosen.groupby("meeting_id", sort=False)["partner"].nunique() == len(set(partners))
        hits = hits & present
    return [m for m in dict.fromkeys(long["meeting_id"]) if hits.get(m, False)]


def statements_timeline(statements: pd.DataFrame, as_of) -> pd.DataFrame:
    """NATO documents and the threats each names, by date and in THREAT_ORDER, up to `as_of`.

    Adds `first_named`: True on the first document (in the evidence) that names each threat.
    """
    rows = held_by(statements, as_of).copy()
    extra = [t for t in dict.fromkeys(rows.sort_values("start")["threat"]) if t not in THREAT_ORDER]
    rank = {t: i for i, t in enumerate(THREAT_ORDER + extra)}
    rows["threat_rank"] = rows["threat"].map(rank)
    # A date known only to its month or year sorts at the end of that period: "April 2025" may be any day of April,
    # so it cannot be shown before a text dated 2 April 2025.
    rows = rows.sort_values(["end", "start", "statement_id", "threat_rank"]).reset_index(drop=True)
    rows["first_named"] = ~rows.duplicated("threat", keep="first")
    return rows


def documents(timeline: pd.DataFrame) -> pd.DataFrame:
    """One row per document in the timeline, in date order, with its threats (in THREAT_ORDER) and sources."""
    grouped = []
    for statement_id, group in timeline.groupby("statement_id", sort=False):
        first = group.iloc[0]
        grouped.append({"statement_id": statement_id, "document": first["document"], "date": first["date"],
                        "date_precision": first["date_precision"], "start": first["start"], "end": first["end"],
                        "year": first["year"], "threats": list(group.sort_values("threat_rank")["threat"]),
                        "sources": list(dict.fromkeys(group["source_id"]))})
    return pd.DataFrame(grouped, columns=["statement_id", "document", "date", "date_precision", "start", "end",
                                          "year", "threats", "sources"])


def threats_in_order(timeline: pd.DataFrame) -> list[str]:
    """The threats present in the timeline, in THREAT_ORDER (then any others by first mention)."""
    return list(timeline.sort_values(["threat_rank", "start"])["threat"].drop_duplicates())


def threats_by_first_mention(timeline: pd.DataFrame) -> list[str]:
    """The threats in the order the evidence first records NATO naming them (ties in THREAT_ORDER)."""
    return list(timeline.sort_values(["end", "start", "threat_rank"])["threat"].drop_duplicates())


def first_named(timeline: pd.DataFrame) -> dict[str, pd.Series]:
    """threat -> the row of the first document (in the evidence) that names it."""
    return {row["threat"]: row for _, row in timeline[timeline["first_named"]].iterrows()}


def dash(label: str) -> str:
    """Typographic form of a data label: 'China-Russia partnership' -> 'China–Russia partnership'."""
    return str(label).replace("-Russia", "–Russia")


# -- the sources' arguments (data/assessments.csv) -------------------------------------------------

def by_topic(rows) -> pd.DataFrame:
    """Assessment rows grouped by topic: one row per topic (in order of first appearance) with its
    `assessment_ids`, `claims` and `source_ids` as lists, in the order given; repeated ids count once."""
    seen, groups = set(), {}
    for row in rows:
        if row is None or row["assessment_id"] in seen:
            continue
        seen.add(row["assessment_id"])
        group = groups.setdefault(row["topic"], {"topic": row["topic"], "assessment_ids": [], "claims": [],
                                                 "source_ids": []})
        group["assessment_ids"].append(row["assessment_id"])
        group["claims"].append(row["claim"])
        group["source_ids"].append(row["source_id"])
    return pd.DataFrame(list(groups.values()), columns=["topic", "assessment_ids", "claims", "source_ids"])


def period_over(frame: pd.DataFrame, as_of) -> pd.DataFrame:
    """Rows whose period (`period_start`..`period_end`, whole years) is over by `as_of`: a figure for 2022, or
    for 2017-2021, counts only from the last day of its final year, as a partial year may still change it."""
    cutoff = as_date(as_of)
    last_full_year = cutoff.year if (cutoff.month, cutoff.day) == (12, 31) else cutoff.year - 1
    return frame[frame["period_end"] <= last_full_year]


def said_first(meeting_id: str, participation: pd.DataFrame, conflicts: pd.DataFrame,
               conflict_versions: pd.DataFrame) -> pd.DataFrame:
    """The records of a meeting's participants whose own words say the partners took part for the first time (source_id,
    quote): from data/summit_participation.csv and from the versions of the notes on that meeting's attendance
    (conflicts.csv, `meeting_id`). Empty when no record says so, and then the prose does not say "for the first time"."""
    rows = participation[participation["meeting_id"] == meeting_id]
    notes = set(conflicts.loc[conflicts["meeting_id"] == meeting_id, "conflict_id"]) if "meeting_id" in conflicts else set()
    versions = conflict_versions[conflict_versions["conflict_id"].isin(notes)]
    found = pd.concat([rows[["source_id", "quote"]], versions[["source_id", "quote"]]], ignore_index=True)
    return found[found["quote"].map(judgements.says_first)].drop_duplicates("source_id").reset_index(drop=True)


def done(row, as_of):
    """The row if its whole date interval lies on or before `as_of` (a summit dated "June 2025" is over only on 30
    June), else None; None stays None."""
    if row is None or row["end"] > as_date(as_of):
        return None
    return row


# -- the words: NATO's documents and the sources' versions of them -----------------------------------------------------

def statement(timeline: pd.DataFrame, statement_id: str, threat: str):
    """The timeline's row for one document and one threat it names, or None (not in the data, or after the cut-off)."""
    rows = timeline[(timeline["statement_id"] == statement_id) & (timeline["threat"] == threat)]
    return rows.iloc[0] if len(rows) else None


def with_phrase(candidates, phrase: str):
    """The first row, among rows and tables' rows in the order given, whose `quote` holds `phrase` word for word;
    None when none does. The brief quotes a document's words only from such a row, so a paraphrase a source put in
    quotation marks is never passed off as the document's own wording."""
    for item in candidates:
        if item is None:
            continue
        rows = [row for _, row in item.iterrows()] if isinstance(item, pd.DataFrame) else [item]
        for row in rows:
            try:
                verbatim(row, phrase)
            except ValueError:
                continue
            return row
    return None


def known_versions(conflicts: pd.DataFrame, versions: pd.DataFrame, sources: pd.DataFrame, as_of,
                   section: str = "nato_motives") -> pd.DataFrame:
    """The versions of the disputes a section discusses (data/conflict_versions.csv), each with its conflict's topic,
    kind and treatment, keeping only sources published by `as_of`."""
    chosen = conflicts[conflicts["section"] == section][["conflict_id", "topic", "kind", "treatment"]]
    known = published_sources(sources, as_of)
    rows = versions.merge(chosen, on="conflict_id")
    return rows[rows["source_id"].isin(known)].reset_index(drop=True)


def document_label(doc) -> str:
    """'June 2022 · NATO 2022 Strategic Concept', without a trailing date the name already repeats."""
    when = say_date(doc["date"], doc["date_precision"])
    return f"{when} · {str(doc['document']).removesuffix(f' ({when})')}"


# -- who came, at what level ---------------------------------------------------------------------------------------------

# How the brief names a level of representation: the data's own words, except where a reader expects others; and the
# shorter names of a chart cell.
LEVEL_WORDS = {"vice minister": "vice-minister"}
NAMED_LEVELS = [level for level in judgements.LEVEL_ORDER if level != judgements.UNSPECIFIED]
LEVEL_LABELS = {
    judgements.HEAD_OF_STATE: "Leader", "deputy prime minister": "Deputy PM", "foreign minister": "Foreign min.",
    "defence minister": "Defence min.", "vice minister": "Vice-minister", "national security adviser": "Security adviser",
    "ambassador": "Ambassador",
}
NOT_GIVEN = "Level not given"
MEETING_WORDS = {"summit": "summit", "foreign ministers": "foreign ministers' meeting",
                 "defence ministers": "defence ministers' meeting"}


@dataclass
class Presence:
    """One NATO meeting at which at least one of the chosen partners is recorded: who came, and at what level.

    `leaders` came at head-of-state-or-government level (judgements.is_leader_level); `below` lists
    (partner, level) for those represented at a level the source names below that; `not_given` those present at
    a level no source gives; `expected` those a source written before the meeting expected; `no_record` those no
    source places there (absence of evidence, not evidence of absence)."""
    meeting_id: str
    meeting: str
    meeting_type: str
    location: str
    date: str
    date_precision: str
    start: object
    end: object
    leaders: list = field(default_factory=list)
    below: list = field(default_factory=list)
    not_given: list = field(default_factory=list)
    expected: list = field(default_factory=list)
    no_record: list = field(default_factory=list)
    sources: list = field(default_factory=list)

    def get(self, key, default=None):  # so the `when` filter reads it like a data row
        return getattr(self, key, default)

    def __getitem__(self, key):
        return getattr(self, key)

    @property
    def attended(self) -> list[str]:
        return self.leaders + [p for p, _ in self.below] + self.not_given

    @property
    def name(self) -> str:
        """'the summit in The Hague', 'the foreign ministers' meeting in Brussels', 'the defence ministers' meeting'."""
        kind = MEETING_WORDS.get(self.meeting_type, self.meeting_type)
        return f"the {kind} in {self.location}" if self.location else f"the {kind}"

    @property
    def place(self) -> str:
        """Where, for a heading or a chart: 'The Hague', or the kind of meeting when the sources give no place."""
        return self.location or MEETING_WORDS.get(self.meeting_type, self.meeting_type)

    @property
    def below_words(self) -> list[tuple[str, str]]:
        """(partner, 'deputy prime minister') for those represented below leader level, in order."""
        return [(partner, LEVEL_WORDS.get(level, level)) for partner, level in self.below]

    @property
    def represented_by(self) -> list[str]:
        """'South Korea's national security adviser', ... for those represented below leader level, in order."""
        return [f"{partner}’s {LEVEL_WORDS.get(level, level)}" for partner, level in self.below]


def presence(long: pd.DataFrame) -> list[Presence]:
    """The meetings of `summit_participation` at which at least one chosen partner is recorded (attended or
    expected), in date order, each with who came at which level."""
    out = []
    for meeting_id, group in long.groupby("meeting_id", sort=False):
        if not (group["status"] != NO_SOURCE).any():
            continue
        first = group.iloc[0]
        item = Presence(meeting_id, first["meeting"], first["meeting_type"], first["location"] or "", first["date"],
                        first["date_precision"], first["start"], first["end"])
        for row in group.itertuples():
            if row.status == ATTENDED and judgements.is_leader_level(row.level):
                item.leaders.append(row.partner)
            elif row.status == ATTENDED and row.level in NAMED_LEVELS:
                item.below.append((row.partner, row.level))
            elif row.status == ATTENDED:
                item.not_given.append(row.partner)
            elif row.status == EXPECTED:
                item.expected.append(row.partner)
            else:
                item.no_record.append(row.partner)
            if row.source_id:
                item.sources.append(row.source_id)
        item.sources = list(dict.fromkeys(item.sources))
        out.append(item)
    return out


def summits(items: list[Presence]) -> list[Presence]:
    """The summits among the meetings (heads of state and government), in date order."""
    return [m for m in items if m.meeting_type == "summit"]


@dataclass(frozen=True)
class LevelChange:
    """How the partners' representation changed from one meeting to another, partner by partner, by
    judgements.level_rank. Only partners present at both at a level the sources give are compared."""
    lower: tuple[str, ...]
    higher: tuple[str, ...]
    same: tuple[str, ...]
    not_compared: tuple[str, ...]

    @property
    def fell(self) -> bool:
        """Representation fell: at least one partner came at a lower level and none at a higher one."""
        return bool(self.lower) and not self.higher

    @property
    def rose(self) -> bool:
        return bool(self.higher) and not self.lower


def level_change(long: pd.DataFrame, earlier: str, later: str) -> LevelChange:
    """Compare each partner's level at meeting `earlier` with its level at meeting `later` (meeting ids)."""
    def levels(meeting_id):
        rows = long[(long["meeting_id"] == meeting_id) & (long["status"] == ATTENDED)]
        return {r.partner: r.level for r in rows.itertuples() if r.level and r.level != judgements.UNSPECIFIED}

    before, after = levels(earlier), levels(later)
    partners = list(dict.fromkeys(long["partner"]))
    lower, higher, same, other = [], [], [], []
    for partner in partners:
        if partner not in before or partner not in after:
            other.append(partner)
            continue
        a, b = judgements.level_rank(before[partner]), judgements.level_rank(after[partner])
        (lower if b > a else higher if b < a else same).append(partner)
    return LevelChange(tuple(lower), tuple(higher), tuple(same), tuple(other))


# The figure data's words for the two cells that name no level (notebooks test for them to explain the key).
LEVEL_NOT_GIVEN = "attended, level not given"
NO_RECORD = "no record"


def presence_table(items: list[Presence], partners) -> pd.DataFrame:
    """Meeting by partner, with the level each partner came at as the brief names it, for the figure's data."""
    rows = []
    for m in items:
        below = dict(m.below)
        for partner in partners:
            if partner in m.leaders:
                level = judgements.HEAD_OF_STATE
            elif partner in below:
                level = below[partner]
            elif partner in m.not_given:
                level = LEVEL_NOT_GIVEN
            elif partner in m.expected:
                level = "expected (source written before the meeting)"
            else:
                level = NO_RECORD
            rows.append({"meeting_id": m.meeting_id, "meeting": m.meeting, "date": m.date,
                         "date_precision": m.date_precision, "partner": partner, "level": level})
    return pd.DataFrame(rows, columns=["meeting_id", "meeting", "date", "date_precision", "partner", "level"])


# -- charts --------------------------------------------------------------------------------------------------------------

def _meeting_label(m: Presence) -> str:
    kind = {"summit": "Summit", "foreign ministers": "Foreign ministers",
            "defence ministers": "Defence ministers"}.get(m.meeting_type, m.meeting_type.capitalize())
    return f"{say_date(m.date, m.date_precision)}\n{kind}" + (f", {m.location}" if m.location else "")


def participation_chart(items: list[Presence], partners):
    """Meetings (rows, oldest at the top) by partner: the level each partner came at, in words in every cell, the
    shade darkening with seniority (leader, minister, official), so colour is never the only cue."""
    from ..writing import charts

    dark, mid, pale = "#0072B2", "#56B4E9", "#d4e9f7"
    n_rows, n_cols = len(items), len(partners)
    label_in, header_in, row_in = 1.75, 0.3, 0.4
    height = row_in * n_rows + header_in + 0.05
    fig, ax = charts.new_figure(height_in=height)
    fig.subplots_adjust(left=label_in / charts.WIDTH_IN, right=0.995, top=1 - header_in / height,
                        bottom=0.05 / height)
    import matplotlib.patches as mpatches

    for i, m in enumerate(items):
        below = dict(m.below)
        for j, partner in enumerate(partners):
            if partner in m.leaders:
                face, edge, text, colour, style = dark, dark, "Leader", "white", "solid"
            elif partner in below:
                rank = judgements.level_rank(below[partner])
                minister = rank <= judgements.level_rank("defence minister")
                face = mid if minister else pale
                edge, text, colour, style = face, LEVEL_LABELS.get(below[partner], below[partner]), charts.INK, "solid"
            elif partner in m.not_given:
                face, edge, text, colour, style = "white", dark, NOT_GIVEN, dark, "solid"
            elif partner in m.expected:
                face, edge, text, colour, style = "white", dark, "Expected", dark, (0, (3, 2))
            else:
                face, edge, text, colour, style = "#f2f2f2", "#f2f2f2", "No record", charts.MUTED, "solid"
            ax.add_patch(mpatches.Rectangle((j - 0.46, i - 0.4), 0.92, 0.8, facecolor=face, edgecolor=edge,
                                            linewidth=0.9, linestyle=style))
            ax.text(j, i, text, ha="center", va="center", fontsize=7.6, color=colour,
                    fontweight="bold" if partner in m.leaders else "normal")
    ax.set_xlim(-0.5, n_cols - 0.5)
    ax.set_ylim(n_rows - 0.5, -0.5)
    ax.xaxis.tick_top()
    ax.set_xticks(range(n_cols), list(partners), fontsize=8)
    ax.set_yticks(range(n_rows), [_meeting_label(m) for m in items], fontsize=7.5)
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    return fig


# Shorter names for the chart's rows and columns (the table and the prose keep the data's own names).
_SHORTER = [("Statement by NATO Secretary General Mark Rutte", "Rutte statement"),
            ("Pre-ministerial press conference by Secretary General Mark Rutte", "Rutte, pre-ministerial press conference"),
            ("Press conference by Secretary General Mark Rutte after the meetings of NATO foreign ministers",
             "Rutte after the foreign ministers' meetings"),
            ("NATO release on Secretary General Mark Rutte's visit to Tokyo", "Rutte in Tokyo (NATO release)"),
            ("Secretary General Mark Rutte's post on X after his call with President Lee", "Rutte after his call with Lee"),
            ("Secretary General Mark Rutte", "Rutte"), ("NATO Secretary General", "Secretary General")]
THREAT_LABELS = {"North Korea-Russia military cooperation": "North Korea–\nRussia\ncooperation",
                 "China-Russia partnership": "China–\nRussia\npartnership", "Indo-Pacific security": "Indo-Pacific\nsecurity"}


def short_document(doc) -> str:
    """A document's chart label: 'July 2024 · Washington Summit Declaration', long names shortened."""
    label = document_label(doc).removesuffix(f" {str(doc['date'])[:4]}")
    for long_name, short in _SHORTER:
        label = label.replace(long_name, short)
    return label


def threats_chart(docs: pd.DataFrame, threats: list[str], firsts: dict):
    """Documents (rows, oldest at the top) by the threats they name (columns): a dot where the document names the
    threat, larger and orange where the evidence first records NATO naming it."""
    from ..writing import charts

    labels = ["\n".join(textwrap.wrap(short_document(d), 48)) for _, d in docs.iterrows()]
    label_in, header_in = 2.5, 0.62
    row_in = 0.3 if all("\n" not in label for label in labels) else 0.36
    height = row_in * len(docs) + header_in + 0.1
    fig, ax = charts.new_figure(height_in=height)
    fig.subplots_adjust(left=label_in / charts.WIDTH_IN, right=0.985, top=1 - header_in / height,
                        bottom=0.1 / height)
    first_pairs = {(row["statement_id"], t) for t, row in firsts.items()}
    for i, doc in docs.reset_index(drop=True).iterrows():
        for threat in doc["threats"]:
            first = (doc["statement_id"], threat) in first_pairs
            ax.scatter(threats.index(threat), i, s=85 if first else 50, zorder=3,
                       color="#D55E00" if first else "#0072B2", edgecolor="white", linewidth=0.8)
        ax.axhline(i, color=charts.GRID, linewidth=0.5, zorder=1)
    ax.set_yticks(range(len(docs)), labels, fontsize=7.3)
    ax.set_ylim(len(docs) - 0.5, -0.5)
    ax.xaxis.tick_top()
    ax.set_xticks(range(len(threats)), [THREAT_LABELS.get(t, dash(t)) for t in threats], fontsize=7.3)
    ax.set_xlim(-0.5, len(threats) - 0.5)
    for column in range(len(threats)):
        ax.axvline(column, color=charts.GRID, linewidth=0.5, zorder=1)
    ax.tick_params(length=0, pad=4)
    for spine in ax.spines.values():
        spine.set_visible(False)
    return fig


def indicator(indicators: pd.DataFrame, indicator_id: str, as_of):
    """An indicator row once its period is over by `as_of` (see period_over), else None."""
    rows = period_over(indicators[indicators["indicator_id"] == indicator_id], as_of)
    return rows.iloc[0] if len(rows) else None
