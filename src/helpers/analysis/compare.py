"""Comparing South Korean administrations: terms as dated, milestones per year in office, and focus areas.

    terms = term_table(ev.administrations, names, ev.as_of)          # one row per compared administration
    ms = milestones(ev.events, ev.sources, ev.administrations, ev.as_of)   # one row per milestone, attributed
    rates = rates_by_administration(ms, terms)                       # certain, uncertain, per year in office
    rows = focus_rows(ev.cooperation_areas, ev.sources, names, ev.as_of)
    grid = focus_matrix(rows, names)                                 # area x administration: priority/present/""

Rules, so that a count can be traced back to data/events.csv:

- A milestone is an event of South Korea-NATO engagement: events in the context categories (`CONTEXT`: Korean
  domestic politics, NATO's own policy decisions, the regional context, and the arms market: sales to countries
  outside NATO and competitions a Korean firm entered or lost) are left out of the counts.
- It counts once: rows that are another source's version of an event (`version_of`) are grouped with it.
- It counts only when the whole date interval of at least one version lies on or before `as_of` (an event dated
  "2024" is not counted with a cut-off in mid-2024, since it may have happened later in the year). Versions that
  begin by the cut-off still count when deciding which government it belongs to.
- A forecast is not a milestone: a row dated after its source was published, or whose title says it was
  only expected or planned.
- Only what the brief could know at its cut-off counts: a row whose source was published after `as_of` is left out.
- A milestone belongs to an administration when every version of it falls in that administration's term.
  Otherwise it is *uncertain*: either its year or month spans a change of government, or the sources'
  versions place it in different terms. Uncertain milestones are never assigned; they are counted
  separately, and the administrations they could belong to are listed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd

from ..evidence.data import AMBIGUOUS, NO_PRESIDENT, administration_for, published_sources, terms_of
from ..evidence.dates import as_date, parse_partial_date
from ..writing import judgements

# Categories that describe the setting rather than engagement between Seoul and NATO.
CONTEXT = ("Korean domestic politics", "NATO policy", "regional context", "arms market")
# Words in an event title that mark a statement of intent rather than a step taken.
EXPECTATION_WORDS = ("expected", "expectation", "planned", "plans")
CERTAIN = "certain"
UNCERTAIN = "uncertain"
# Why a step is uncertain (the words for each are in the notebook's table of uncertain steps).
STRADDLES = "straddles"  # dated only to a year or month that spans a change of government
VERSIONS_DIFFER = "versions differ"  # the sources' versions place it in different terms
EMPHASIS_RANK = {"priority": 2, "present": 1, "": 0}
DAYS_PER_YEAR = 365.25


# -- the parameter ------------------------------------------------------------------------------------------

def parse_names(value) -> list[str]:
    """The `administrations` parameter as a list of names. A list passes through; a string may be a YAML/JSON list
    ('["Lee Myung-bak", "Park"]', as `papermill -p` passes it) or comma-separated names ('Lee Myung-bak, Park')."""
    if isinstance(value, str):
        stripped = value.strip()
        if stripped.startswith("["):
            import yaml

            try:
                loaded = yaml.safe_load(stripped)
            except yaml.YAMLError:
                loaded = None
            if isinstance(loaded, list):
                return [str(v).strip() for v in loaded]
            stripped = stripped.strip("[]")
        return [part.strip().strip("'\"") for part in stripped.split(",") if part.strip()]
    return [str(v).strip() for v in (value or [])]


def choose_administrations(value, in_office: pd.DataFrame, everyone: pd.DataFrame) -> tuple[list[str], list[str], list[str]]:
    """The administrations to compare, in the order they took office, from the `administrations` parameter.

    `in_office` is the administrations table cut at as_of, `everyone` the whole table. Returns (names, later, added):
    a name in the table whose term began after the cut-off is left out (`later`) rather than rejected, since an
    earlier as_of is a legitimate question of the same brief; if fewer than two remain, the closest earlier
    administrations in office by the cut-off are added (`added`) so that a comparison is still made, and the notebook
    says so. A name that is not in the table at all, or fewer than two different names, raises ParameterError
    listing the valid names.
    """
    from ..evidence.data import ParameterError, resolve_administrations

    wanted = parse_names(value)
    known = {n.casefold() for n in everyone["administration"]} | {n.casefold() for n in everyone["short_name"]}
    unknown = [w for w in wanted if w.strip().casefold() not in known]
    if unknown:
        raise ParameterError(
            f"administrations: unknown {', '.join(map(repr, unknown))}; valid names (full or short): "
            + ", ".join(f"{a} ({s})" for a, s in zip(everyone["administration"], everyone["short_name"]))
            + f"; in office by as_of: {', '.join(in_office['administration'])}")
    names = list(dict.fromkeys(resolve_administrations(wanted, everyone)))
    order = {n: s for n, s in zip(everyone["administration"], everyone["start_date"])}
    present = set(in_office["administration"])
    later = [n for n in names if n not in present]
    kept = sorted([n for n in names if n in present], key=order.get)
    added = []
    if len(kept) < 2:
        pool = in_office.sort_values("start_date", ascending=False)["administration"]
        anchor = order[kept[0]] if kept else None
        for candidate in pool:
            if len(kept) + len(added) >= 2:
                break
            if candidate in kept or (anchor is not None and order[candidate] > anchor):
                continue
            added.append(candidate)
        if len(kept) + len(added) < 2:
            raise ParameterError("administrations: fewer than two administrations were in office by as_of "
                                 f"({', '.join(in_office['administration']) or 'none'}); choose a later as_of")
    return sorted(kept + added, key=order.get), later, added


# -- terms ---------------------------------------------------------------------------------------------------

def _day(value):
    """A date or None (missing values in typed tables are None or NaN/NaT)."""
    if value is None or pd.isna(value):
        return None
    return value


def term_table(admins: pd.DataFrame, names, as_of) -> pd.DataFrame:
    """One row per named administration (in the given order) with its term as counted at `as_of`.

    `admins` is the administrations table already cut at `as_of` (load_all does this: a term that ends after the
    cut-off has no end_date). Columns: administration, short_name, camp, doctrine, start_date, end_date (None when
    open at the cut-off), counted_end (end_date or as_of), open, years (days in office up to counted_end / 365.25),
    powers_suspended (the date, if on or before as_of), years_to_suspension (days up to the day before powers
    were suspended), end_basis, source_id, quote.
    """
    cutoff = as_date(as_of)
    table = admins.set_index("administration")
    rows = []
    for name in names:
        row = table.loc[name]
        start, end = row["start_date"], _day(row["end_date"])
        counted_end = min(end, cutoff) if end is not None else cutoff
        suspended = _day(row.get("powers_suspended_date"))
        suspended = suspended if suspended is not None and start <= suspended <= counted_end else None
        rows.append({
            "administration": name,
            "short_name": row["short_name"],
            "camp": row["camp"],
            "doctrine": row.get("doctrine", ""),
            "start_date": start,
            "end_date": end,
            "counted_end": counted_end,
            "open": end is None,
            "years": ((counted_end - start).days + 1) / DAYS_PER_YEAR,
            "powers_suspended": suspended,
            "years_to_suspension": ((suspended - start).days) / DAYS_PER_YEAR if suspended else None,
            "end_basis": row.get("end_basis", ""),
            "source_id": row["source_id"],
            "quote": row.get("quote", ""),
        })
    return pd.DataFrame(rows)


def possible_administrations(start: date, end: date, admins) -> list[str]:
    """Every administration whose term overlaps [start, end], in office order; NO_PRESIDENT if a gap overlaps.
    `admins` is the administrations table or its terms_of() list (faster in a loop)."""
    found, cursor = [], start
    for name, term_start, term_end in sorted(terms_of(admins), key=lambda term: term[1]):
        if term_start <= end and term_end >= start:
            if term_start > cursor and NO_PRESIDENT not in found:
                found.append(NO_PRESIDENT)  # a gap between the previous term and this one
            found.append(name)
            cursor = term_end + timedelta(days=1) if term_end < date.max else date.max
    if cursor <= end and NO_PRESIDENT not in found:
        found.append(NO_PRESIDENT)
    return found


# -- milestones ----------------------------------------------------------------------------------------------

def forecasts(events: pd.DataFrame, sources: pd.DataFrame) -> pd.Series:
    """True for rows that report an expectation rather than a step taken: dated after the source was
    published (the source could only forecast it), or titled as expected or planned."""
    published_end = dict(zip(sources["source_id"], sources["end"]))
    after = pd.Series([published_end.get(s) is not None and start > published_end[s]
                       for s, start in zip(events["source_id"], events["start"])], index=events.index, dtype=bool)
    pattern = r"\b(?:" + "|".join(EXPECTATION_WORDS) + r")\b"
    titled = events["title"].astype(str).str.contains(pattern, case=False, regex=True)
    return after | titled


def milestones(events: pd.DataFrame, sources: pd.DataFrame, admins: pd.DataFrame, as_of,
               context=CONTEXT, published_by=None) -> pd.DataFrame:
    """One row per milestone of engagement, attributed to an administration or marked uncertain (see module doc).

    Columns: the main row's event columns (event_id, date, date_precision, title, category, source_id, start, end,
    year), `versions` (event ids of every version kept), `version_administrations` (derived per version),
    `status` (CERTAIN or UNCERTAIN), `administration` (the administration, or AMBIGUOUS when uncertain),
    `candidates` (administrations it could belong to) and `reason` (why it is uncertain; empty if certain).
    Steps count up to `as_of`; their sources must be published by `published_by` (default `as_of`): a history told up
    to 2008 may rest on a source of 2025, an edition dated 2008 may not.
    """
    cutoff = as_date(as_of)
    kept = events[(events["start"] <= cutoff) & ~events["category"].isin(context)
                  & events["source_id"].isin(published_sources(sources, as_date(published_by or as_of)))]
    kept = kept[~forecasts(kept, sources)]
    version_of = kept["version_of"].fillna("") if "version_of" in kept else pd.Series("", index=kept.index)
    kept = kept.assign(_key=[v or e for e, v in zip(kept["event_id"], version_of)], _main=(version_of == ""))
    records = []
    terms = terms_of(admins)  # once, not per event
    order = {name: i for i, (name, _, _) in enumerate(sorted(terms, key=lambda term: term[1]))}
    for _, group in kept.sort_values("start").groupby("_key", sort=False):
        complete = group[group["end"] <= cutoff]
        if complete.empty:
            continue  # no version is certainly over by the cut-off
        main = complete[complete["_main"]].iloc[0] if complete["_main"].any() else complete.iloc[0]
        derived = [administration_for(s, e, terms) for s, e in zip(group["start"], group["end"])]
        candidates = []
        for s, e in zip(group["start"], group["end"]):
            candidates += [a for a in possible_administrations(s, e, terms) if a not in candidates]
        candidates.sort(key=lambda a: order.get(a, -1 if a == NO_PRESIDENT else len(order)))
        if len(set(derived)) == 1 and derived[0] != AMBIGUOUS:
            status, administration, reason, candidates = CERTAIN, derived[0], "", [derived[0]]
        else:
            status, administration = UNCERTAIN, AMBIGUOUS
            reason = VERSIONS_DIFFER if len(group) > 1 and len(set(derived)) > 1 else STRADDLES
        records.append({
            **{c: main[c] for c in ("event_id", "date", "date_precision", "title", "description", "category",
                                     "source_id", "quote", "start", "end", "year")},
            "versions": list(group["event_id"]),
            "version_sources": list(dict.fromkeys(group["source_id"])),
            "version_administrations": derived,
            "status": status,
            "administration": administration,
            "candidates": candidates,
            "reason": reason,
        })
    columns = ["event_id", "date", "date_precision", "title", "description", "category", "source_id", "quote", "start",
               "end", "year", "versions", "version_sources", "version_administrations", "status", "administration",
               "candidates", "reason"]
    return pd.DataFrame(records, columns=columns).sort_values("start", kind="stable").reset_index(drop=True)


def recorded_by(ms: pd.DataFrame, events: pd.DataFrame, source_ids) -> pd.DataFrame:
    """The steps that at least one of `source_ids` records (as a version's source or among its also_sources): the
    count those sources alone would give, to test whether a judgement rests on evidence added later."""
    wanted = set(source_ids)
    rows = events.set_index("event_id")
    also = rows["also_sources"] if "also_sources" in rows else pd.Series("", index=rows.index)

    def cited(event_id) -> set[str]:
        return {str(rows.loc[event_id, "source_id"])} | {s.strip() for s in str(also.get(event_id, "")).split(";") if s.strip()}

    keep = [bool(wanted & set().union(*(cited(v) for v in versions))) for versions in ms["versions"]]
    return ms[pd.Series(keep, index=ms.index, dtype=bool)]


def certain_for(ms: pd.DataFrame, name: str) -> pd.DataFrame:
    return ms[(ms["status"] == CERTAIN) & (ms["administration"] == name)]


def uncertain_for(ms: pd.DataFrame, names) -> pd.DataFrame:
    """Uncertain milestones that could belong to any of `names`."""
    names = {names} if isinstance(names, str) else set(names)
    could = pd.Series([bool(names & set(c)) for c in ms["candidates"]], index=ms.index, dtype=bool)
    return ms[(ms["status"] == UNCERTAIN) & could]


def rates_by_administration(ms: pd.DataFrame, terms: pd.DataFrame) -> pd.DataFrame:
    """Per compared administration: certain and uncertain milestones, years counted, and the rate per year in
    office (`rate` counts certain milestones only; `rate_upper` adds every uncertain one it could own).

    Where an impeachment vote suspended the president's powers within the term, `rate_to_suspension` counts the
    certain milestones that began before that day over the shorter span from the first day of the term to the day
    before the suspension (`certain_to_suspension` of them); both are None otherwise. Counting to the suspension
    shortens the term, so the rate rises unless steps were taken under the acting president."""
    rows = []
    for term in terms.itertuples():
        mine = certain_for(ms, term.administration)
        certain = len(mine)
        uncertain = len(uncertain_for(ms, term.administration))
        before, suspended_rate = None, None
        if term.powers_suspended is not None and term.years_to_suspension:
            before = int((mine["start"] < term.powers_suspended).sum())
            suspended_rate = before / term.years_to_suspension
        rows.append({
            "administration": term.administration,
            "short_name": term.short_name,
            "certain": certain,
            "uncertain": uncertain,
            "years": term.years,
            "rate": certain / term.years if term.years else 0.0,
            "rate_upper": (certain + uncertain) / term.years if term.years else 0.0,
            "certain_to_suspension": before,
            "rate_to_suspension": suspended_rate,
        })
    return pd.DataFrame(rows)


def by_category(ms: pd.DataFrame, terms: pd.DataFrame) -> pd.DataFrame:
    """Certain milestones per category and administration: `count` and `per_year` (per year in office), long form,
    with every category that any compared administration has (zeros kept so bars line up)."""
    years = dict(zip(terms["administration"], terms["years"]))
    certain = ms[(ms["status"] == CERTAIN) & ms["administration"].isin(years)]
    categories = list(dict.fromkeys(certain.sort_values("start")["category"]))
    rows = []
    for category in categories:
        for name in terms["administration"]:
            n = int(((certain["category"] == category) & (certain["administration"] == name)).sum())
            rows.append({"category": category, "administration": name, "count": n, "per_year": n / years[name]})
    return pd.DataFrame(rows, columns=["category", "administration", "count", "per_year"])


def by_year(ms: pd.DataFrame, names) -> pd.DataFrame:
    """Milestones per calendar year: one column per compared administration (certain) and UNCERTAIN (milestones
    that could belong to one of them); years from the first to the last with any, without gaps."""
    names = list(names)
    certain = ms[(ms["status"] == CERTAIN) & ms["administration"].isin(names)]
    uncertain = uncertain_for(ms, names)
    frame = pd.concat([certain.assign(column=certain["administration"]), uncertain.assign(column=UNCERTAIN)])
    if frame.empty:
        return pd.DataFrame(columns=[*names, UNCERTAIN])
    table = frame.groupby(["year", "column"]).size().unstack(fill_value=0)
    years = range(int(table.index.min()), int(table.index.max()) + 1)
    return table.reindex(index=years, columns=[*names, UNCERTAIN], fill_value=0)


def by_year_also(ms: pd.DataFrame, names, also) -> pd.DataFrame:
    """by_year for `names`, with a column for each government in `also` (its certain milestones only, no rate and
    no uncertain steps of its own), the years extended to cover them: a chart can show a government it does not
    compare, so that its years do not read as quiet ones."""
    names, also = list(names), [a for a in also if a not in names]
    table = by_year(ms, names)
    certain = ms[(ms["status"] == CERTAIN) & ms["administration"].isin(also)]
    if certain.empty:
        return table.reindex(columns=[*names, *also, UNCERTAIN], fill_value=0)
    extra = certain.groupby(["year", "administration"]).size().unstack(fill_value=0)
    years = [int(y) for y in [*table.index, *extra.index]]
    span = range(min(years), max(years) + 1)
    table = table.reindex(index=span, fill_value=0)
    for name in also:
        table[name] = extra[name].reindex(span, fill_value=0) if name in extra else 0
    return table.reindex(columns=[*names, *also, UNCERTAIN], fill_value=0).astype(int)


_PERSONAL_FIRST = re.compile(r"\b(?:his|her)\s+first\b", re.IGNORECASE)


def first_in_relationship(quote: str) -> bool:
    """A step its source calls a first (judgements.says_first), unless the first is only a person's own ('his first
    NATO summit' is Yoon's first, which the quote does not say was a first for South Korea)."""
    return judgements.says_first(quote) and not _PERSONAL_FIRST.search(str(quote))


def firsts(ms: pd.DataFrame, name: str) -> pd.DataFrame:
    """Certain milestones of an administration whose source's own words present them as a first."""
    mine = certain_for(ms, name)
    return mine[pd.Series([first_in_relationship(q) for q in mine["quote"]], index=mine.index, dtype=bool)]


def credited(ms: pd.DataFrame, event_id: str, names) -> pd.Series | None:
    """The milestone `event_id` (or the milestone it is a version of) if it is credited with certainty to one of
    `names`, else None: prose about a particular step asks here and leaves the sentence out when it is None."""
    for _, row in ms.iterrows():
        if event_id in row["versions"]:
            return row if row["status"] == CERTAIN and row["administration"] in set(names) else None
    return None


def frameworks_begun(frameworks: pd.DataFrame, admins: pd.DataFrame, name: str, as_of) -> pd.DataFrame:
    """Partnership instruments whose start (whole date interval, by as_of) falls in one administration's term."""
    begun = frameworks[frameworks["end"] <= as_date(as_of)]
    terms = terms_of(admins)
    derived = [administration_for(s, e, terms) for s, e in zip(begun["start"], begun["end"])]
    return begun[pd.Series([d == name for d in derived], index=begun.index, dtype=bool)].sort_values("start")


def in_force(frameworks: pd.DataFrame, as_of) -> pd.DataFrame:
    """Instruments begun by as_of that had not ended by then (no end date, or an end after the cut-off)."""
    cutoff = as_date(as_of)
    live = pd.Series([not e or parse_partial_date(e).start > cutoff for e in frameworks["end_date"]],
                     index=frameworks.index, dtype=bool)
    return frameworks[(frameworks["start"] <= cutoff) & live]


def handovers(frameworks: pd.DataFrame, admins: pd.DataFrame, as_of) -> pd.DataFrame:
    """Instruments begun under one administration and superseded, by as_of, by one begun under another:
    columns predecessor, successor (framework rows' short names), from_admin, to_admin, from_date, to_date
    (with precision), from_id, to_id, source_ids."""
    begun = frameworks[frameworks["end"] <= as_date(as_of)].set_index("framework_id")
    rows = []
    for fid, row in begun.iterrows():
        succ = row.get("superseded_by", "")
        if not succ or succ not in begun.index:
            continue
        nxt = begun.loc[succ]
        a = administration_for(row["start"], row["end"], admins)
        b = administration_for(nxt["start"], nxt["end"], admins)
        if a != b:
            rows.append({"from_id": fid, "to_id": succ, "predecessor": row["short_name"], "successor": nxt["short_name"],
                         "from_admin": a, "to_admin": b, "from_date": (row["start_date"], row["date_precision"]),
                         "to_date": (nxt["start_date"], nxt["date_precision"]),
                         "source_ids": list(dict.fromkeys([row["source_id"], nxt["source_id"]]))})
    return pd.DataFrame(rows, columns=["from_id", "to_id", "predecessor", "successor", "from_admin", "to_admin",
                                       "from_date", "to_date", "source_ids"])


def inherited(frameworks: pd.DataFrame, start: date) -> pd.DataFrame:
    """Instruments a government found when it took office on `start`: begun before that day (the whole interval of
    their start date) and not recorded as ended or replaced before it. The sources do not say which instruments are
    still in force, only when some ended; 'not recorded as ended' is all this claims."""
    before = frameworks[frameworks["end"] < start]
    ended = pd.Series([bool(e) and parse_partial_date(e).start < start for e in before["end_date"]],
                      index=before.index, dtype=bool)
    return before[~ended].sort_values("start")


# -- focus areas -------------------------------------------------------------------------------------------

def focus_rows(coop: pd.DataFrame, sources: pd.DataFrame, names, as_of) -> pd.DataFrame:
    """cooperation_areas rows coding one of the named administrations, from sources published by as_of."""
    available = published_sources(sources, as_of)
    rows = coop[(coop["actor_type"] == "administration") & coop["actor"].isin(list(names))
                & coop["source_id"].isin(available)]
    return rows.reset_index(drop=True)


def focus_matrix(rows: pd.DataFrame, names) -> pd.DataFrame:
    """Area x administration: the strongest emphasis any source gives ('priority', 'present') or '' (not coded).

    Areas are ordered: coded for every administration first, then by how many administrations code them, then by
    strength of emphasis, then alphabetically; columns in the order of `names`.
    """
    names = list(names)
    areas = sorted(set(rows["area"]))
    grid = pd.DataFrame("", index=areas, columns=names)
    for row in rows.itertuples():
        if EMPHASIS_RANK[row.emphasis] > EMPHASIS_RANK[grid.loc[row.area, row.actor]]:
            grid.loc[row.area, row.actor] = row.emphasis
    if grid.empty:
        return grid
    coded = (grid != "").sum(axis=1)
    strength = grid.apply(lambda col: col.map(EMPHASIS_RANK)).sum(axis=1)
    order = sorted(areas, key=lambda a: (-coded[a], -strength[a], a))
    grid = grid.loc[order]
    grid.index.name = "area"
    return grid


def shared_areas(grid: pd.DataFrame, emphasis: str | None = None) -> list[str]:
    """Areas coded for every administration in the matrix (with `emphasis` for all of them, if given)."""
    if grid.empty or grid.shape[1] == 0:
        return []
    mask = (grid != "") if emphasis is None else (grid == emphasis)
    return [a for a in grid.index if mask.loc[a].all()]


def only_areas(grid: pd.DataFrame, name: str, emphasis: str | None = None) -> list[str]:
    """Areas coded for `name` and for no other administration in the matrix."""
    if grid.empty:
        return []
    others = grid.drop(columns=[name])
    mine = (grid[name] != "") if emphasis is None else (grid[name] == emphasis)
    return [a for a in grid.index if mine[a] and (others.loc[a] == "").all()]


def priorities(grid: pd.DataFrame, name: str) -> list[str]:
    return [a for a in grid.index if grid.loc[a, name] == "priority"]


def evidence_table(rows: pd.DataFrame, names) -> pd.DataFrame:
    """The evidence behind each matrix cell, one row per quotation: administration, areas (with the emphasis the
    source gives each), quote and source_id. A quotation that supports several areas appears once."""
    order = {n: i for i, n in enumerate(names)}
    records = []
    for (actor, source, quote), group in rows.groupby(["actor", "source_id", "quote"], sort=False):
        group = group.assign(_strength=-group["emphasis"].map(EMPHASIS_RANK)).sort_values(["_strength", "area"])
        records.append({"administration": actor, "areas": list(zip(group["area"], group["emphasis"])),
                        "quote": quote, "source_id": source,
                        "_rank": (order.get(actor, len(order)), -max(EMPHASIS_RANK[e] for e in group["emphasis"]),
                                  group["area"].iloc[0])})
    table = pd.DataFrame(records, columns=["administration", "areas", "quote", "source_id", "_rank"])
    return table.sort_values("_rank", kind="stable").drop(columns="_rank").reset_index(drop=True)


# -- names in text -------------------------------------------------------------------------------------------

def mentions(text: str, admin_row) -> bool:
    """True when `text` names the administration by full name or by its short name as a whole word
    ('Moon', 'Yoon'); a short name with an initial ('Lee M.') only matches as written."""
    names = [admin_row["administration"], admin_row["short_name"]]
    return any(re.search(r"(?<![\w])" + re.escape(n) + r"(?![\w])", str(text)) for n in names if n)


def related_rows(frame: pd.DataFrame, admins: pd.DataFrame, names, columns) -> dict[str, pd.DataFrame]:
    """For each named administration, the rows of `frame` whose `columns` mention it (see `mentions`)."""
    table = admins.set_index("administration", drop=False)
    out = {}
    for name in names:
        admin = table.loc[name]
        hit = pd.Series([any(mentions(row[c], admin) for c in columns) for _, row in frame.iterrows()],
                        index=frame.index, dtype=bool)
        out[name] = frame[hit]
    return out


# -- disputes linked to milestones -----------------------------------------------------------------------------

_PLAIN = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\u00a0": " "})


def _plain(text: str) -> str:
    return " ".join(str(text).translate(_PLAIN).split()).casefold()


def conflict_links(conflicts: pd.DataFrame, versions: pd.DataFrame, events: pd.DataFrame,
                   section: str | None = None) -> pd.DataFrame:
    """Which recorded disputes (data/conflicts.csv) concern which events: a version of a dispute and an event are
    linked when they come from the same source and the version's quotation contains the event's (or the event's
    quotation is the version's with little more around it: a quotation that only mentions the disputed fact in
    passing, among other facts, is not linked). Columns: conflict_id,
    event_id. `section` keeps only disputes the brief discusses in that section."""
    chosen = conflicts if section is None else conflicts[conflicts["section"] == section]
    mine = versions[versions["conflict_id"].isin(set(chosen["conflict_id"]))]
    pairs = []
    for v in mine.itertuples():
        vq = _plain(v.quote)
        for e in events[events["source_id"] == v.source_id].itertuples():
            eq = _plain(e.quote)
            if eq and vq and (eq in vq or (vq in eq and len(vq) >= 0.8 * len(eq))):
                pairs.append((v.conflict_id, e.event_id))
    return pd.DataFrame(list(dict.fromkeys(pairs)), columns=["conflict_id", "event_id"])


def term_conflicts(conflicts: pd.DataFrame, admins: pd.DataFrame, name: str, section: str | None = None) -> list[str]:
    """Disputes whose topic names the administration (e.g. how its end is dated)."""
    admin = admins.set_index("administration", drop=False).loc[name]
    chosen = conflicts if section is None else conflicts[conflicts["section"] == section]
    return [c.conflict_id for c in chosen.itertuples() if mentions(c.topic, admin)]


def slug(label: str) -> str:
    """'Lee M.' -> 'lee_m': a key-safe form of a short name."""
    return re.sub(r"[^a-z0-9]+", "_", str(label).casefold()).strip("_")


MIN_YEARS = judgements.MIN_YEARS  # a term (or the part the evidence covers) shorter than this gives no rate


def evidence_end(sources: pd.DataFrame, as_of) -> date:
    """The last day the evidence can speak for: the end of the latest publication date among the sources published
    by the cut-off (a step after it could not yet be reported), or as_of if no source is dated."""
    cutoff = as_date(as_of)
    known = sources[sources["end"] <= cutoff]
    return min(max(known["end"]), cutoff) if len(known) else cutoff


def covered_years(terms: pd.DataFrame, until: date) -> pd.Series:
    """Years of each term (index: administration) that fall on or before `until` (e.g. evidence_end)."""
    values = {}
    for t in terms.itertuples():
        last = min(t.counted_end, until)
        values[t.administration] = max((last - t.start_date).days + 1, 0) / DAYS_PER_YEAR
    return pd.Series(values, dtype=float)


# -- judgements on the comparison (words from helpers.writing.judgements) -----------------------------------

@dataclass(frozen=True)
class PaceComparison:
    """How the pace per year in office compares among the administrations that can be rated.

    `rated`: enough of the term in the evidence for a rate (judgements.enough_years); `unrated`: the others.
    `leader`: the one clearly ahead of the runner-up by judgements.lead, else None; `tied`: those level with the top.
    `word`: the leader against the runner-up ('far more', 'more'), 'similar' for a tie, None with fewer than two
    rated. `holds`: the leader is still ahead (by the same rule) if every uncertain milestone each other government
    could own were credited to it."""
    rated: tuple[str, ...]
    unrated: tuple[str, ...]
    leader: str | None
    runner_up: str | None
    tied: tuple[str, ...]
    word: str | None
    holds: bool

    @property
    def comparable(self) -> bool:
        return len(self.rated) >= 2

    @property
    def tie(self) -> bool:
        return self.comparable and self.leader is None

    @property
    def others(self) -> tuple[str, ...]:
        return tuple(n for n in self.rated if n != self.leader)


def compare_pace(rates: pd.DataFrame, covered: pd.Series) -> PaceComparison:
    """`rates`: rates_by_administration output (one row per administration, in the order compared); `covered`: years
    of each term the evidence covers (covered_years)."""
    table = rates.set_index("administration")
    rated = tuple(n for n in table.index if judgements.enough_years(covered.get(n, 0.0)))
    unrated = tuple(n for n in table.index if n not in rated)
    if len(rated) < 2:
        return PaceComparison(rated, unrated, None, None, (), None, False)
    values = {n: float(table.loc[n, "rate"]) for n in rated}
    found = judgements.lead(values)
    ranked = sorted(rated, key=lambda n: (-values[n], rated.index(n)))
    top, second = ranked[0], ranked[1]
    if found.leader is None:
        return PaceComparison(rated, unrated, None, None, tuple(n for n in rated if n in found.tied), "similar", False)
    word = judgements.pace(values[top], values[second]).word
    holds = all(judgements.pace(values[top], float(table.loc[n, "rate_upper"])).higher for n in rated if n != top)
    return PaceComparison(rated, unrated, top, second, (top,), word, holds)


@dataclass(frozen=True)
class Mix:
    """One government's most frequent kind of milestone: `leader` (a category) only when it stands clear of the next
    by judgements.lead, else None with the `tied` categories; `count` of the top kind, `total` milestones and
    `share` (judgements.share_word of count in total)."""
    leader: str | None
    tied: tuple[str, ...]
    count: int
    total: int
    share: str


def mix(cats: pd.DataFrame, name: str) -> Mix | None:
    """The kind of milestone that led one government's record (by_category output); None when it has none."""
    mine = cats[(cats["administration"] == name) & (cats["count"] > 0)]
    if mine.empty:
        return None
    counts = {r.category: int(r.count) for r in mine.itertuples()}
    found = judgements.lead(counts)
    total = sum(counts.values())
    top = max(counts.values())
    return Mix(found.leader, tuple(sorted(found.tied, key=lambda c: (-counts[c], c))), top, total,
               judgements.share_word(top, total))


@dataclass(frozen=True)
class CategoryLead:
    category: str
    leader: str | None          # the government clearly ahead per year in office, or None (a tie)
    values: dict                # administration -> milestones per year in office
    counts: dict                # administration -> milestones


def category_leads(cats: pd.DataFrame, names) -> list[CategoryLead]:
    """For each kind of milestone, which of `names` led it per year in office (judgements.lead: a real margin, else
    a tie), ordered by the highest rate in the category."""
    names = list(names)
    out = []
    for category, group in cats[cats["administration"].isin(names)].groupby("category", sort=False):
        values = {r.administration: float(r.per_year) for r in group.itertuples()}
        counts = {r.administration: int(r.count) for r in group.itertuples()}
        if not any(counts.values()):
            continue
        out.append(CategoryLead(category, judgements.lead(values).leader, values, counts))
    return sorted(out, key=lambda c: (-max(c.values.values()), c.category))


# -- how governments are named and labelled ----------------------------------------------------------------

def display_name(admin_row) -> str:
    """The name used in prose and on charts: the short name ('Moon') unless it carries an initial ('Lee M.'), in
    which case the full name ('Lee Myung-bak')."""
    short = str(admin_row["short_name"])
    return str(admin_row["administration"]) if "." in short else short


def label_phrase(admin_row) -> str | None:
    """The government's foreign-policy label (a `doctrine` item) as its source's quote spells it, or None when no
    label stands in the quote word for word (a label the brief cannot quote is not printed: 'Peace-first approach'
    is SWP's 'Peace-First approach', and SWP writes the Indo-Pacific strategy with commas the data omit)."""
    quote = str(admin_row.get("quote", "") or "")
    plain = _plain(quote)
    for item in str(admin_row.get("doctrine", "") or "").split(";"):
        item = item.strip()
        if not item:
            continue
        at = quote.translate(_PLAIN).casefold().find(item.translate(_PLAIN).casefold())
        if at >= 0 and plain:
            return quote[at:at + len(item)]
    return None


def removed(admin_row) -> bool:
    """True when the term ended by removal from office (as `end_basis` records it), not at the end of five years."""
    return "removed" in str(admin_row.get("end_basis", "") or "").casefold()


# -- charts ------------------------------------------------------------------------------------------------

def _frac(day: date) -> float:
    """A date as a fractional year, for drawing terms over calendar-year bars."""
    length = 366 if (day.year % 4 == 0 and (day.year % 100 != 0 or day.year % 400 == 0)) else 365
    return day.year + (day.timetuple().tm_yday - 1) / length


def pace_chart(per_year: pd.DataFrame, terms: pd.DataFrame, band_labels: dict, as_of: date,
               part_per_year: pd.DataFrame | None = None, part_label: str = "", unrated: dict | None = None):
    """Milestones per calendar year, stacked by the government credited (its house colour), milestones that cannot
    be credited to one government hatched on top; above the bars, each term as a band from its first day to its end
    (or the cut-off), labelled with `band_labels` (name -> text, e.g. 'Yoon: 9.0 a year'); a tick where powers were
    suspended; a dotted line at the cut-off when a term was still running. `part_per_year` (by_year of a subset,
    e.g. one category) is drawn in a lighter tint of each government's colour, with `part_label` in the legend.
    `unrated` (name -> legend text) adds governments drawn in their colour with no band (per_year has their columns,
    see by_year_also); the cut-off is then marked, since the last of them may still be in office."""
    import numpy as np
    from matplotlib.patches import Patch

    from ..writing import charts

    names = list(terms["administration"])
    first_year = min(d.year for d in terms["start_date"])
    last_year = max(d.year for d in terms["counted_end"])
    if len(per_year):
        first_year, last_year = min(first_year, int(per_year.index.min())), max(last_year, int(per_year.index.max()))
    years = list(range(first_year, last_year + 1))
    if len(per_year):
        table = per_year.reindex(years, fill_value=0)
    else:
        table = pd.DataFrame(0, index=years, columns=[*names, UNCERTAIN])
    totals = table.sum(axis=1).to_numpy()
    top = max(int(totals.max()) if len(totals) else 0, 1)
    fig, ax = charts.new_figure(height_in=3.0)
    xs = np.array(years) + 0.5
    bottom = np.zeros(len(years))
    part = part_per_year.reindex(index=years, columns=table.columns, fill_value=0) \
        if part_per_year is not None and len(part_per_year) else table * 0
    handles = []
    unrated = dict(unrated or {})
    for name in [*names, *unrated]:
        colour = charts.colour_for("administration", name)
        whole, light = table[name].to_numpy(), part[name].to_numpy()
        ax.bar(xs, whole - light, bottom=bottom, width=0.7, color=colour, linewidth=0, zorder=2)
        ax.bar(xs, light, bottom=bottom + whole - light, width=0.7, color=colour, alpha=0.4, linewidth=0, zorder=2)
        bottom += whole
    for name, label in unrated.items():
        handles.append(Patch(facecolor=charts.colour_for("administration", name), label=label))
    if part.to_numpy().any():
        handles.append(Patch(facecolor=charts.MUTED, alpha=0.4, label=part_label))
    doubtful = table[UNCERTAIN].to_numpy()
    if doubtful.any():
        ax.bar(xs, doubtful, bottom=bottom, width=0.7, facecolor="white", edgecolor=charts.UNCERTAIN, hatch="////",
               linewidth=0.8, zorder=2)
        handles.append(Patch(facecolor="white", edgecolor=charts.UNCERTAIN, hatch="////",
                             label="cannot be credited to one government"))
    if handles:
        ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.1), fontsize=7.5, handlelength=1.6,
                  ncol=len(handles))
    for x, total in zip(xs, totals):
        if total:
            ax.text(x, total + top * 0.02, str(int(total)), ha="center", va="bottom", fontsize=7.5, color=charts.MUTED)
    band = top * 1.25 + 0.6
    indexed = terms.set_index("administration")
    ax.set_xlim(first_year - 0.1, last_year + 1.35)  # fixed before the labels, which are measured on this axis
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    renderer = FigureCanvasAgg(fig).get_renderer()  # text is measured the same whatever the output backend
    label_end, raised = -1e9, False
    for name in names:
        t = indexed.loc[name]
        x0, x1 = _frac(t["start_date"]), _frac(t["counted_end"] + timedelta(days=1))
        ax.plot([x0, x1], [band, band], color=charts.colour_for("administration", name), linewidth=6,
                solid_capstyle="butt", zorder=3)
        raised = x0 < label_end and not raised  # a label that would run into the one before goes up a line
        label = ax.text(x0, band + top * (0.22 if raised else 0.07), band_labels[name], ha="left", va="bottom",
                        fontsize=8, color=charts.INK)
        label_end = label.get_window_extent(renderer).transformed(ax.transData.inverted()).x1 + 0.1
        if t["powers_suspended"] is not None:
            xs_ = _frac(t["powers_suspended"])
            ax.plot([xs_, xs_], [band - top * 0.06, band + top * 0.06], color=charts.INK, linewidth=1.2, zorder=4)
    if terms["open"].any() or unrated:
        x = _frac(as_of + timedelta(days=1))
        ax.axvline(x, color=charts.MUTED, linestyle=":", linewidth=0.9, zorder=1)
        ax.text(x + 0.06, top * 0.5, "cut-off", rotation=90, ha="left", va="center", fontsize=7, color=charts.MUTED)
    step_x = 1 if len(years) <= 12 else 2
    ax.set_xticks(xs[::step_x], [str(y) for y in years][::step_x])
    ax.tick_params(axis="x", length=0)
    ax.set_xlim(first_year - 0.1, last_year + 1.35)
    step = 1 if top <= 6 else 2 if top <= 12 else 5
    ax.set_yticks(range(0, top + 1, step))
    ax.spines["left"].set_bounds(0, top)
    ax.set_ylim(0, band + top * 0.42)
    ax.set_ylabel("steps recorded")
    charts.value_grid(ax, "y")
    return fig


def kinds_chart(cats: pd.DataFrame, names, labels: dict):
    """Milestones per year in office by kind, one bar per government (its house colour), the rate and the count
    at the end of each bar."""
    import numpy as np

    from ..writing import charts
    from ..writing.text import number

    names = list(names)
    wide = cats.pivot(index="category", columns="administration", values="per_year").reindex(columns=names).fillna(0)
    counts = cats.pivot(index="category", columns="administration", values="count").reindex(columns=names).fillna(0)
    order = sorted(wide.index, key=lambda c: (-wide.loc[c].max(), c))
    k = len(names)
    slot = 0.8 / max(k, 1)
    fig, ax = charts.new_figure(height_in=0.45 + 0.17 * k * len(order) + 0.08 * len(order))
    peak = float(wide.to_numpy().max()) or 1.0
    for j, name in enumerate(names):
        ys = np.arange(len(order)) + (j - (k - 1) / 2) * slot
        values = wide.loc[order, name].to_numpy()
        ax.barh(ys, values, height=slot * 0.88, color=charts.colour_for("administration", name), linewidth=0)
        named = False
        for y, v, c in zip(ys, values, counts.loc[order, name]):
            label = f"{number(round(v, 1), 1)} ({int(c)})" if c else "0"
            if c and not named:  # the government's name on its first non-empty bar
                label, named = f"{labels[name]}: {label}", True
            ax.text(v + peak * 0.015, y, label, va="center", ha="left", fontsize=7.2, color=charts.INK)
    ax.set_yticks(range(len(order)), [c[0].upper() + c[1:] for c in order])
    ax.set_ylim(len(order) - 0.5, -0.5)
    ax.tick_params(axis="y", length=0)
    ax.spines["left"].set_visible(False)
    ax.set_xlim(0, peak * 1.35)
    ax.set_xlabel("steps per year in office (number of steps in brackets)")
    charts.value_grid(ax, "x")
    return fig


def focus_chart(grid: pd.DataFrame, labels: dict):
    """Areas (rows) by government (columns): a filled dot where a source singles the area out, a ring where it lists
    it, a small grey dot where no source names it; rows named for every government shaded."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    from ..writing import charts

    names = list(grid.columns)
    n, k = len(grid), len(names)
    fig, ax = charts.new_figure(height_in=0.26 * n + 0.75)
    matrix_share = (k + 0.2) / (k + 2.8)  # the matrix columns' share of the x range set below
    for i, area in enumerate(grid.index):
        if (grid.loc[area] != "").sum() == k:
            ax.axhspan(i - 0.5, i + 0.5, xmin=0, xmax=matrix_share, color="#ececec", zorder=0, linewidth=0)
        for j, name in enumerate(names):
            value, colour = grid.loc[area, name], charts.colour_for("administration", name)
            if value == "priority":
                ax.scatter(j, i, s=95, color=colour, zorder=3)
            elif value == "present":
                ax.scatter(j, i, s=80, facecolor="white", edgecolor=colour, linewidth=1.6, zorder=3)
            else:
                ax.scatter(j, i, s=6, color=charts.UNCERTAIN, zorder=3)
    ax.set_yticks(range(n), [a[0].upper() + a[1:] for a in grid.index])
    ax.set_ylim(n - 0.5, -0.5)
    ax.xaxis.tick_top()
    ax.set_xticks(range(k), [labels[name] for name in names], fontsize=8.5)
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.set_xlim(-0.6, k - 0.4 + 2.6)
    handles = [
        Line2D([], [], marker="o", linestyle="", markersize=8, color=charts.INK, label="singled out"),
        Line2D([], [], marker="o", linestyle="", markersize=7.5, markerfacecolor="white", markeredgecolor=charts.INK,
               markeredgewidth=1.4, label="listed"),
        Line2D([], [], marker="o", linestyle="", markersize=2.5, color=charts.UNCERTAIN, label="not named"),
        Patch(facecolor="#ececec", label="named for every government"),
    ]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(matrix_share + 0.04, 1.0), fontsize=7.5,
              handletextpad=0.6, borderaxespad=0)
    return fig
