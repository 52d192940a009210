"""NATO's motives: who sat at which NATO meeting, which threats NATO's documents name, and the sources' arguments.

    partners = check_partners(partners, ev.summit_participation)       # ParameterError lists valid partners
    long = summit_participation(ev.summits, ev.summit_participation, partners, ev.as_of, since=2020)
    grid = participation_matrix(long)                                   # meeting x partner: attended/expected/no source
    timeline = statements_timeline(ev.nato_statements, ev.as_of)        # one row per document and threat named
    row = available_assessment(ev.assessments, ev.sources, "nato_limited_leverage", ev.as_of)  # None if not yet published

A meeting or statement counts only once its whole date interval has passed by `as_of`: a summit dated
only "2024" is not counted with a cut-off in March 2024, since it may have been held later in the year.
`load_all` keeps rows that *start* by the cut-off; the functions here are stricter because they count.
Likewise a source's argument (an assessment) is used only once the source was certainly published by `as_of`.
"""
from __future__ import annotations

import pandas as pd

from ..evidence.data import ParameterError, published_sources
from ..evidence.dates import as_date

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
    rows = rows.sort_values(["start", "end", "statement_id", "threat_rank"]).reset_index(drop=True)
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
    return list(timeline.sort_values(["start", "end", "threat_rank"])["threat"].drop_duplicates())


def first_named(timeline: pd.DataFrame) -> dict[str, pd.Series]:
    """threat -> the row of the first document (in the evidence) that names it."""
    return {row["threat"]: row for _, row in timeline[timeline["first_named"]].iterrows()}


def dash(label: str) -> str:
    """Typographic form of a data label: 'China-Russia partnership' -> 'China–Russia partnership'."""
    return str(label).replace("-Russia", "–Russia")


# -- the sources' arguments (data/assessments.csv) -------------------------------------------------

def assessment(assessments: pd.DataFrame, assessment_id: str) -> pd.Series:
    """The row of data/assessments.csv with this id; LookupError naming the id and the known ids if absent."""
    rows = assessments[assessments["assessment_id"] == assessment_id]
    if rows.empty:
        known = ", ".join(sorted(assessments["assessment_id"]))
        raise LookupError(f"assessment {assessment_id!r} is not in data/assessments.csv; known ids: {known}")
    return rows.iloc[0]


def published_by(sources: pd.DataFrame, source_id: str, as_of) -> bool:
    """True when the source was certainly published by `as_of`: its whole publication date (a year, a month
    or a day, as data/sources.csv gives it) lies on or before the cut-off."""
    if source_id not in set(sources["source_id"]):
        raise LookupError(f"source {source_id!r} is not in data/sources.csv")
    return source_id in published_sources(sources, as_of)


def available_assessment(assessments: pd.DataFrame, sources: pd.DataFrame, assessment_id: str, as_of):
    """The assessment row if its source was published by `as_of`, else None (an argument not yet made).

    An unknown id raises LookupError whatever the cut-off, so a typo never silently drops a paragraph.
    """
    row = assessment(assessments, assessment_id)
    return row if published_by(sources, row["source_id"], as_of) else None


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
