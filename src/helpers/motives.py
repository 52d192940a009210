"""NATO's motives: who sat at which NATO meeting, and which threats NATO's documents name.

    partners = check_partners(partners, ev.summit_participation)       # ParameterError lists valid partners
    long = summit_participation(ev.summits, ev.summit_participation, partners, ev.as_of, since=2020)
    grid = participation_matrix(long)                                   # meeting x partner: attended/expected/no source
    timeline = statements_timeline(ev.nato_statements, ev.as_of)        # one row per document and threat named

A meeting or statement counts only once its whole date interval has passed by `as_of`: a summit dated
only "2024" is not counted with a cut-off in March 2024, since it may have been held later in the year.
`load_all` keeps rows that *start* by the cut-off; the functions here are stricter because they count.
"""
from __future__ import annotations

import pandas as pd

from .data import ParameterError
from .dates import as_date

ATTENDED = "attended"
EXPECTED = "expected"
NO_SOURCE = "no source"
STATUSES = (ATTENDED, EXPECTED, NO_SOURCE)

# Reading order of the threats in charts and tables: China, then the links to Russia and North Korea
# that tie the two theatres together, then North Korea and the Indo-Pacific. Threats not listed here
# (added to the data later) follow in order of first mention.
THREAT_ORDER = ["China", "China-Russia partnership", "Russia", "North Korea-Russia military cooperation",
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
