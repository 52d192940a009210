"""Load the validated evidence tables as pandas DataFrames and derive what can be derived.

Notebooks call `load_all(as_of)` once: it validates data/ (a DataError names every bad cell), types
the columns from the declared schema, adds each dated row's interval (`start`, `end`) and drops rows
that start after `as_of`, so nothing later is counted or drawn.
"""
from __future__ import annotations

import difflib
import os
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .. import paths
from .dates import as_date, parse_partial_date
from .validate import check, load_package

AMBIGUOUS = "straddles a change of government"
KEYS = {"events": "event_id", "frameworks": "framework_id", "summits": "meeting_id", "indicators": "indicator_id",
        "arms_trade": "figure_id", "assessments": "assessment_id", "conflicts": "conflict_id", "sources": "source_id",
        "administrations": "administration", "arms_deals": "deal_id", "nato_statements": "statement_id"}
NO_PRESIDENT = "acting president"


class ParameterError(ValueError):
    """A notebook parameter has a value the data do not allow; the message lists the valid values."""


def _typed(frame: pd.DataFrame, fields: list[dict]) -> pd.DataFrame:
    for field in fields:
        name, kind = field["name"], field.get("type", "string")
        if name not in frame:
            continue
        column = frame[name].replace("", None)
        if kind in ("number", "integer"):
            frame[name] = pd.to_numeric(column)
            if kind == "integer" and frame[name].notna().all():
                frame[name] = frame[name].astype(int)
        elif kind == "boolean":
            frame[name] = column.map({"true": True, "false": False, "True": True, "False": False})
        elif kind == "date":
            frame[name] = pd.to_datetime(column).dt.date
        else:
            frame[name] = frame[name].fillna("")
    return frame


def _with_intervals(frame: pd.DataFrame) -> pd.DataFrame:
    date_column = "date" if "date" in frame else "start_date" if "start_date" in frame else None
    if date_column is None or "date_precision" not in frame:
        return frame
    intervals = [parse_partial_date(t, p) for t, p in zip(frame[date_column], frame["date_precision"])]
    frame["start"] = [i.start for i in intervals]
    frame["end"] = [i.end for i in intervals]
    frame["year"] = [i.start.year for i in intervals]
    return frame


@lru_cache(maxsize=8)
def _load_tables(data_dir: str, validated: bool) -> dict[str, pd.DataFrame]:
    root = Path(data_dir)
    if not validated:
        check(root)
    tables = {}
    for resource in load_package(root)["resources"]:
        raw = pd.read_csv(root / resource["path"], dtype=str, keep_default_na=False, encoding="utf-8-sig")
        raw["line"] = range(2, len(raw) + 2)  # the row's line in the CSV file (the header is line 1): traceable
        tables[resource["name"]] = _with_intervals(_typed(raw, resource["schema"]["fields"]))
    return tables


class TablesRead(dict):
    """The tables by name, noting which a section reads: the build checks them against the section's `data:` in
    brief.yml, since a change to a table the section reads but does not declare would not re-run it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.read: set[str] = set()

    def __getitem__(self, name):
        self.read.add(name)
        return super().__getitem__(name)

    def get(self, name, default=None):
        if name in self:
            self.read.add(name)
        return super().get(name, default)

    def items(self):
        self.read.update(self.keys())
        return super().items()

    def values(self):
        self.read.update(self.keys())
        return super().values()


@dataclass
class Evidence:
    """All tables, cut at `as_of`. Attribute access by table name: `ev.events`, `ev.sources`, ..."""

    as_of: date
    tables: dict[str, pd.DataFrame]
    all_ids: dict[str, frozenset] = field(default_factory=dict)  # every row id in the data, cut-off or not
    # Rows left out only because their source was published after the cut-off (a later version of a disputed fact):
    # a note written with every version in view says so rather than print a choice made on later evidence.
    published_later: dict[str, pd.DataFrame] = field(default_factory=dict)
    # Summits announced by the cut-off (their source published) that meet after it: data/summits.csv may hold a
    # meeting ahead of its date, and the brief can then say what the evidence cannot yet cover.
    summits_ahead: pd.DataFrame | None = None

    def __post_init__(self):
        if not isinstance(self.tables, TablesRead):
            self.tables = TablesRead(self.tables)

    def known_id(self, table: str, key: str) -> bool:
        """True when the data have a row with this id, whatever the cut-off (a typo is not a later fact)."""
        return key in self.all_ids.get(table, frozenset())

    def __getattr__(self, name: str) -> pd.DataFrame:
        tables = self.__dict__.get("tables", {})
        if name in tables:
            return tables[name]
        raise AttributeError(name)

    @property
    def administrations(self) -> pd.DataFrame:
        return self.tables["administrations"]

    def row(self, table: str, key: str):
        """One row by its id (event_id, framework_id, meeting_id, ...), or None when it lies after the cut-off (dated
        or published later): prose that names a particular fact asks for it here and leaves the sentence out when it
        is None, so an earlier `as_of` never breaks the section. An id the data do not have at all is a typo or a
        deleted row, not a later fact: LookupError, naming the closest ids, so no paragraph disappears silently."""
        frame = self.tables.get(table)
        column = KEYS.get(table)
        if frame is None or column is None or column not in frame:
            raise KeyError(f"row(): no table {table!r} with a key column (known: {', '.join(KEYS)})")
        if table in self.all_ids and not self.known_id(table, key):
            close = difflib.get_close_matches(str(key), sorted(self.all_ids[table]), n=3, cutoff=0.6)
            hint = f"; did you mean {', '.join(close)}?" if close else ""
            raise LookupError(f"{key!r} is not in data/{table}.csv (column {column}){hint}")
        found = frame[frame[column] == key]
        if "version_of" in found:
            found = found[found["version_of"].fillna("") == ""]
        return None if found.empty else found.iloc[0]

    def summit(self, key: str):
        """A summit as the data record it: held by the cut-off (as `row` gives it, with `ahead` False) or announced by
        then and still to meet (`ahead` True); None when neither (its announcement published later)."""
        held = self.row("summits", key)
        if held is not None:
            return _with_flag(held, False)
        ahead = self.summits_ahead
        found = ahead[ahead["meeting_id"] == key] if ahead is not None else ahead
        return None if found is None or found.empty else _with_flag(found.iloc[0], True)

    def version(self, conflict_id: str, source_id: str, claim_has: str = ""):
        """One source's version of a disputed fact (data/conflict_versions.csv), optionally the one whose claim contains
        `claim_has`; None when that source gives none on record at the cut-off (load_all leaves out versions published
        later). A conflict id the data do not have stops the section, as in `row`."""
        self.row("conflicts", conflict_id)  # raises, naming the closest ids, for a conflict the data do not have
        versions = self.tables["conflict_versions"]
        rows = versions[(versions["conflict_id"] == conflict_id) & (versions["source_id"] == source_id)
                        & versions["claim"].str.contains(claim_has, regex=False)]
        return rows.iloc[0] if len(rows) else None


def _with_flag(row: pd.Series, ahead: bool) -> pd.Series:
    row = row.copy()
    row["ahead"] = ahead
    return row


def administrations_as_of(admins: pd.DataFrame, as_of: date) -> pd.DataFrame:
    """Presidents in office by `as_of`; a term that ends after the cut-off is open (the incumbent then)."""
    admins = admins[admins["start_date"] <= as_of].copy()
    admins["end_date"] = [e if e is not None and not pd.isna(e) and e <= as_of else None for e in admins["end_date"]]
    return admins.sort_values("start_date").reset_index(drop=True)


def load_all(as_of=None, data_dir: Path | None = None, validated: bool = False) -> Evidence:
    """Every table, validated, typed and cut at `as_of` (default: today): rows dated later, and rows whose source was
    published later, are left out."""
    cutoff = as_date(as_of) if as_of is not None else date.today()
    source = str((data_dir or paths.data_dir()).resolve())
    # The build validates once before running any section and tells the kernels so.
    validated = validated or os.environ.get("BRIEF_DATA_VALIDATED") == "1"
    tables = {name: frame.copy() for name, frame in _load_tables(source, validated).items()}
    all_ids = {name: frozenset(frame[KEYS[name]]) for name, frame in tables.items() if KEYS.get(name) in frame}
    # A meeting dated after the cut-off is not a fact yet, but its announcement is, once published: kept apart.
    ahead = tables["summits"][tables["summits"]["start"] > cutoff] if "summits" in tables else None
    for name, frame in tables.items():
        if name in ("administrations", "sources"):
            continue  # terms are cut below; a source is citable whenever it was published
        if "start" in frame:
            tables[name] = frame[frame["start"] <= cutoff].reset_index(drop=True)
        elif "period_start" in frame:  # figures for a period that had not begun by the cut-off
            tables[name] = frame[frame["period_start"] <= cutoff.year].reset_index(drop=True)
    # A fact is evidence at the cut-off only if a source published by then records it: a later analysis of an earlier
    # year is not yet written. (Terms of office are cut by their dates above; excerpts are the store that quotes are
    # checked against, not evidence.)
    known = published_sources(tables["sources"], cutoff) if "sources" in tables else None
    later = {}
    for name, frame in tables.items():
        if known is not None and name not in ("administrations", "sources", "excerpts") and "source_id" in frame:
            later[name] = frame[~frame["source_id"].isin(known)].reset_index(drop=True)
            tables[name] = frame[frame["source_id"].isin(known)].reset_index(drop=True)
    tables["administrations"] = administrations_as_of(tables["administrations"], cutoff)
    for name in ("events", "arms_deals", "summits", "nato_statements", "frameworks"):
        if name in tables:
            tables[name] = with_administration(tables[name], tables["administrations"])
    if ahead is not None and known is not None:
        ahead = ahead[ahead["source_id"].isin(known)].reset_index(drop=True)
    return Evidence(cutoff, tables, all_ids, later, ahead)


def terms_of(admins) -> list[tuple[str, date, date]]:
    """(name, first day, last day) per term; an open term runs to date.max. Accepts a table or such a list."""
    if isinstance(admins, list):
        return admins
    return [(row.administration, row.start_date,
             row.end_date if row.end_date is not None and not pd.isna(row.end_date) else date.max)
            for row in admins.itertuples()]


def administration_on(day: date, admins) -> str:
    """The president in office on `day`, or 'acting president' in a gap between terms."""
    for name, start, end in terms_of(admins):
        if start <= day <= end:
            return name
    return NO_PRESIDENT


def administration_for(start: date, end: date, admins) -> str:
    """The administration for a fact dated to an interval; a year or month that spans two terms is ambiguous."""
    terms = terms_of(admins)
    first, last = administration_on(start, terms), administration_on(end, terms)
    return first if first == last else AMBIGUOUS


def with_administration(frame: pd.DataFrame, admins: pd.DataFrame) -> pd.DataFrame:
    """Add the derived `administration` column (never typed by hand in the data)."""
    frame = frame.copy()
    if "start" not in frame:
        return frame
    terms = terms_of(admins)  # once per table, not once per row
    frame["administration"] = [administration_for(s, e, terms) for s, e in zip(frame["start"], frame["end"])]
    return frame


def resolve_administrations(names, admins: pd.DataFrame) -> list[str]:
    """Full administration names from parameter values (full name or short name, any case)."""
    if isinstance(names, str):
        names = [names]
    lookup = {}
    for row in admins.itertuples():
        lookup[row.administration.casefold()] = row.administration
        lookup[row.short_name.casefold()] = row.administration
    resolved, unknown = [], []
    for name in names:
        match = lookup.get(str(name).strip().casefold())
        (resolved if match else unknown).append(match or name)
    if unknown:
        valid = ", ".join(admins["administration"])
        raise ParameterError(f"administrations: unknown {', '.join(map(repr, unknown))}; valid names (in office by as_of): {valid}")
    if len(set(resolved)) < 2:
        raise ParameterError("administrations: name at least two different administrations to compare")
    return resolved


def check_choice(name: str, value, valid) -> str:
    """Validate a parameter with a fixed set of allowed values."""
    valid = list(valid)
    if value not in valid:
        raise ParameterError(f"{name}: {value!r} is not valid; choose one of: {', '.join(map(str, valid))}")
    return value


def check_flag(name: str, value) -> bool:
    """A true/false parameter; papermill passes booleans, but a hand-edited notebook may hold a string."""
    if isinstance(value, bool):
        return value
    if str(value).strip().lower() in ("true", "false"):
        return str(value).strip().lower() == "true"
    raise ParameterError(f"{name}: {value!r} is not valid; use True or False")


def check_subset(name: str, values, valid) -> list:
    """Validate a list parameter against allowed values."""
    values = [values] if isinstance(values, str) else list(values)
    unknown = [v for v in values if v not in set(valid)]
    if unknown or not values:
        raise ParameterError(f"{name}: {', '.join(map(repr, unknown)) or 'empty list'} not valid; choose from: {', '.join(map(str, valid))}")
    return values


def distinct_events(events: pd.DataFrame) -> pd.DataFrame:
    """One row per event: drop rows that are another source's version of an event (disputed dates, details).

    Charts may draw every version; counts use this so a disputed event is counted once.
    """
    if "version_of" not in events:
        return events
    return events[events["version_of"].fillna("") == ""]


def published_sources(sources: pd.DataFrame, as_of) -> set[str]:
    """Ids of the sources certainly published by `as_of` (their whole publication date, a year, a month or a
    day as data/sources.csv gives it, lies on or before the cut-off): what the brief could cite at that date."""
    cutoff = as_date(as_of)
    return set(sources.loc[sources["end"] <= cutoff, "source_id"])
