"""Validate data/ against its declared schema (data/datapackage.yaml) and the rules a schema cannot express.

Every problem becomes a `Problem` naming the file, the row as a spreadsheet shows it (header = row 1),
the column, the offending value and what was expected. All problems are collected before reporting.
"""
from __future__ import annotations

import csv
import io
import math
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from .dates import DateFormatError, parse_partial_date

# Tables that may legitimately have no rows yet (everything else must have at least one).
MAY_BE_EMPTY: set[str] = set()


@dataclass(frozen=True)
class Problem:
    file: str
    row: int | None
    column: str | None
    value: str | None
    expected: str

    def __str__(self) -> str:
        where = [self.file]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column:
            where.append(f"column '{self.column}'")
        got = f": {self.value!r}" if self.value not in (None, "") else (": empty" if self.value == "" else "")
        return f"{', '.join(where)}{got} — expected {self.expected}"


class DataError(Exception):
    """Raised when data/ does not validate; carries every problem found, named by the folder actually checked."""

    def __init__(self, problems: list[Problem], data_dir: Path | None = None):
        if data_dir is not None:
            problems = [_in_folder(p, data_dir) for p in problems]
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s) in the data")

    def __reduce__(self):  # travels between processes with its problems
        return (DataError, (self.problems,))

    def report(self, limit: int = 50) -> str:
        lines = [f"The data did not validate: {len(self.problems)} problem(s)."]
        lines += [f"  - {p}" for p in self.problems[:limit]]
        if len(self.problems) > limit:
            lines.append(f"  ... and {len(self.problems) - limit} more")
        lines.append("Fix the rows above (see data/README.md for each column), then run `brief check`.")
        return "\n".join(lines)


def folder_label(data_dir: Path) -> str:
    """How messages name the data folder: relative to the current folder when inside it ('data'), else in full."""
    data_dir = Path(data_dir).resolve()
    try:
        return str(data_dir.relative_to(Path.cwd().resolve())) or "."
    except ValueError:
        return str(data_dir)


def _in_folder(problem: Problem, data_dir: Path) -> Problem:
    """Problems are found as 'data/<file>'; name the folder that was really checked."""
    label = folder_label(data_dir)
    if label == "data":
        return problem
    swap = lambda text: re.sub(r"\bdata/(?=[\w-]+\.(csv|yaml)\b)", f"{label}/", text) if text else text
    return Problem(swap(problem.file), problem.row, problem.column, problem.value, swap(problem.expected))


def load_package(data_dir: Path) -> dict:
    """data/datapackage.yaml, the schema of every table; a DataError naming the file if it cannot be read."""
    path = Path(data_dir) / "datapackage.yaml"
    try:
        package = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise DataError([Problem("data/datapackage.yaml", None, None, None, "the schema file to exist")], data_dir) from None
    except (yaml.YAMLError, UnicodeDecodeError) as err:
        where = getattr(err, "problem_mark", None)
        line = where.line + 1 if where is not None else None
        raise DataError([Problem("data/datapackage.yaml", line, None, None,
                                 f"valid YAML ({getattr(err, 'problem', None) or err})")], data_dir) from None
    if not isinstance(package, dict) or not isinstance(package.get("resources"), list) or not all(
            isinstance(r, dict) and {"name", "path", "schema"} <= set(r) for r in package["resources"]):
        raise DataError([Problem("data/datapackage.yaml", None, "resources", None,
                                 "a list of resources, each with name, path and schema (see data/README.md)")], data_dir)
    return package


def publication_dates(data_dir: Path) -> dict:
    """Source id -> the span its publication date covers (data/sources.csv gives a year, a month or a day)."""
    from .dates import parse_partial_date

    return {row["source_id"]: parse_partial_date(row["date"], row["date_precision"])
            for row in _read_rows(Path(data_dir) / "sources.csv")}


def earliest_date(data_dir: Path):
    """The first day any dated evidence row covers (events, meetings, deals, ...; not sources), or None."""
    from .dates import parse_partial_date

    try:
        package = load_package(Path(data_dir))
    except DataError:
        return None
    earliest = None
    for resource in package["resources"]:
        names = {f["name"] for f in resource["schema"].get("fields", [])}
        if resource["name"] == "sources" or "date_precision" not in names:
            continue
        path = Path(data_dir) / resource["path"]
        if not path.exists():
            continue
        column = "date" if "date" in names else "start_date"
        try:
            rows = _read_rows(path)
        except (UnicodeDecodeError, csv.Error):
            continue  # unreadable: the validation reports it
        for row in rows:
            try:
                start = parse_partial_date(row.get(column, ""), row.get("date_precision") or None).start
            except (DateFormatError, TypeError):
                continue
            earliest = start if earliest is None or start < earliest else earliest
    return earliest


def _expected_for(field: dict) -> str:
    kind = field.get("type", "string")
    constraints = field.get("constraints", {})
    if "enum" in constraints:
        return "one of: " + ", ".join(map(str, constraints["enum"]))
    if "pattern" in constraints and "\\d{4}" in constraints["pattern"]:
        return "a date as YYYY, YYYY-MM or YYYY-MM-DD"
    return {
        "date": "a date as YYYY-MM-DD",
        "integer": "a whole number",
        "number": "a number (digits, '.' for decimals, no units or thousands separators)",
        "boolean": "true or false",
    }.get(kind, f"a {kind}")


def _readable_file_problems(path: Path, rel: str) -> list[Problem]:
    """Problems that stop a table from being read at all: missing, bad encoding, broken quoting, empty."""
    if not path.exists():
        return [Problem(rel, None, None, None, "the file to exist (it is declared in data/datapackage.yaml)")]
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        return [Problem(rel, line, None, repr(raw[err.start: err.start + 4])[2:-1], "text encoded as UTF-8")]
    try:
        rows = list(csv.reader(io.StringIO(text), strict=True))
    except csv.Error as err:
        return [Problem(rel, None, None, None, f"well-formed CSV ({err}); look for an unbalanced double quote")]
    unbalanced = _unbalanced_quote_row(text)
    if unbalanced:
        return [Problem(rel, unbalanced, None, None, "balanced double quotes: a quoted field is opened but never closed")]
    if len(rows) <= 1 and path.stem not in MAY_BE_EMPTY:
        return [Problem(rel, None, None, None, "at least one data row below the header (the table is empty)")]
    # A blank line or a row of empty cells (a spreadsheet's stray last line): one clear message, not a blank-row
    # error plus a false duplicate key.
    blank = [n for n, row in enumerate(rows, start=1) if n > 1 and not any(cell.strip() for cell in row)]
    if blank:
        return [Problem(rel, n, None, None, "no blank rows (delete this row, which has no values)") for n in blank]
    return []


def _header_problems(path: Path, rel: str, resource: dict) -> list[Problem]:
    """The header against the declared columns, by name: frictionless matches columns by position, so a dropped
    column would be reported as the wrong one and every row after it as empty."""
    with open(path, encoding="utf-8-sig", newline="") as handle:
        header = next(csv.reader(handle), [])
    declared = [f["name"] for f in resource.get("schema", {}).get("fields", [])]
    missing = [name for name in declared if name not in header]
    unknown = [name for name in header if name not in declared]
    problems = [Problem(rel, 1, name, None, f"the declared column '{name}' in the header (it is missing)") for name in missing]
    problems += [Problem(rel, 1, name, None, f"only declared columns; '{name}' is not in data/datapackage.yaml "
                         f"(declared: {', '.join(declared)})") for name in unknown]
    if not problems and header != declared:
        problems.append(Problem(rel, 1, None, None, f"the columns in the declared order: {', '.join(declared)}"))
    return problems


def _unbalanced_quote_row(text: str) -> int | None:
    """The line where a quoted field opens and swallows the rest of the file, if any."""
    open_at, in_quotes = None, False
    for number, line in enumerate(text.splitlines(), start=1):
        for char in line:
            if char == '"':
                in_quotes = not in_quotes
                if in_quotes and open_at is None:
                    open_at = number
        if not in_quotes:
            open_at = None
    return open_at if in_quotes else None


def _frictionless_problems(data_dir: Path, package: dict, skip: set[str]) -> list[Problem]:
    import frictionless  # imported here: only validation needs it, and it is slow to import

    resources = [r for r in package["resources"] if r["name"] not in skip]
    names = {r["name"] for r in resources}
    for resource in resources:  # a broken table must not make every foreign key that points at it fail too
        keys = resource.get("schema", {}).get("foreignKeys", [])
        resource.setdefault("schema", {})["foreignKeys"] = [k for k in keys if k["reference"]["resource"] in names]
    try:
        pkg = frictionless.Package({"resources": resources}, basepath=str(data_dir))
        report = pkg.validate()
    except Exception as error:  # a mistake in the schema itself (an unknown type, a broken pattern)
        return _schema_problems(resources, error)
    fields_by_table = {r["name"]: {f["name"]: f for f in r["schema"]["fields"]} for r in resources}
    keys_by_table = {r["name"]: r["schema"].get("primaryKey", []) for r in resources}
    problems = []
    for task in report.tasks:
        rel = f"data/{Path(task.place).name}"
        fields = fields_by_table.get(task.name, {})
        for err in task.errors:
            row = getattr(err, "row_number", None)
            column = getattr(err, "field_name", None)
            cell = getattr(err, "cell", None)
            kind = err.type
            if kind in ("type-error", "constraint-error", "missing-cell") and column in fields:
                field = fields[column]
                expected = _expected_for(field)
                if kind == "constraint-error" and "minimum" in getattr(err, "note", ""):
                    expected = f"a value of at least {field['constraints']['minimum']}"
                if kind == "constraint-error" and "required" in getattr(err, "note", ""):
                    expected = "a value (this column is required)"
                if kind == "missing-cell":
                    expected = "a value in every column (the row has too few cells)"
                problems.append(Problem(rel, row, column, "" if cell is None else str(cell), expected))
            elif kind == "primary-key":
                key = ", ".join(keys_by_table.get(task.name, [])) or "id"
                problems.append(Problem(rel, row, key, None, f"a unique {key} (this duplicates an earlier row)"))
            elif kind == "foreign-key":
                problems.append(Problem(rel, row, None, None, _foreign_key_expectation(err.note)))
            elif kind == "extra-cell":
                problems.append(Problem(rel, row, None, None, "no more cells than the header has columns (a comma inside a value needs double quotes)"))
            else:
                problems.append(Problem(rel, row, column, None, err.message))
    return problems


def _schema_problems(resources: list[dict], error: Exception) -> list[Problem]:
    """data/datapackage.yaml declares something frictionless cannot use: name the table and field where possible."""
    known_types = {"string", "number", "integer", "boolean", "date", "datetime", "year", "yearmonth", "any"}
    found = []
    for resource in resources:
        for field in resource.get("schema", {}).get("fields", []):
            where = f"resource '{resource['name']}', field '{field['name']}'"
            if field.get("type", "string") not in known_types:
                found.append(Problem("data/datapackage.yaml", None, None, field.get("type"),
                                     f"a known field type for {where} ({', '.join(sorted(known_types))})"))
            pattern = field.get("constraints", {}).get("pattern")
            if pattern is not None:
                try:
                    re.compile(pattern)
                except re.error as bad:
                    found.append(Problem("data/datapackage.yaml", None, None, pattern,
                                         f"a valid regular expression as the pattern of {where} ({bad})"))
    message = str(error).splitlines()[0][:200] if str(error) else type(error).__name__
    return found or [Problem("data/datapackage.yaml", None, None, None, f"a schema frictionless can use ({message})")]


def _blank_required_problems(package: dict, tables: dict[str, list[dict]]) -> list[Problem]:
    """A required cell holding only spaces passes frictionless's check but prints as nothing."""
    problems = []
    for resource in package["resources"]:
        required = [f["name"] for f in resource.get("schema", {}).get("fields", [])
                    if f.get("constraints", {}).get("required")]
        for number, row in enumerate(tables.get(resource["name"], []), start=2):
            for name in required:
                value = row.get(name) or ""
                if value and not value.strip():
                    problems.append(Problem(f"data/{resource['path']}", number, name, value,
                                            "a value (this column is required; the cell holds only spaces)"))
    return problems


def _foreign_key_expectation(note: str) -> str:
    # frictionless note: 'for "source_id": values "xyz" not found in the lookup table "sources" as "source_id"'
    return f"a known reference ({note.replace('lookup table', 'table')})"


def _date_problems(rel: str, rows: list[dict], today: date) -> list[Problem]:
    """Partial ISO dates must be real dates, agree with their precision and not lie in the future (except a meeting in
    summits.csv, which may be announced before it is held: load_all keeps it apart until its date)."""
    problems = []
    announced = rel.endswith("summits.csv")
    for number, row in enumerate(rows, start=2):
        for column in ("date", "start_date", "end_date"):
            value = row.get(column)
            if not value or "date_precision" not in row and column == "date":
                continue
            try:
                interval = parse_partial_date(value, row.get("date_precision") if column != "end_date" else None)
            except DateFormatError as err:
                problems.append(Problem(rel, number, column, value, str(err)))
                continue
            if interval.start > today and not (announced and column == "date"):
                problems.append(Problem(rel, number, column, value, f"a date that has happened (today is {today.isoformat()})"))
    return problems


def _read_rows(path: Path) -> list[dict]:
    with open(path, encoding="utf-8-sig", newline="") as handle:  # a byte-order mark (Excel's "CSV UTF-8") is fine
        # Short rows give None and long rows a None key; both are reported by the schema check already.
        return [{k: v or "" for k, v in row.items() if k is not None} for row in csv.DictReader(handle)]


def _cross_table_problems(data_dir: Path, tables: dict[str, list[dict]], today: date) -> list[Problem]:
    """Rules that span tables or rows: the parts of the schema Table Schema cannot declare."""
    problems: list[Problem] = []
    sources = {r["source_id"]: r for r in tables.get("sources", [])}
    seed_ids = {k for k, r in sources.items() if r.get("in_seeds", "").lower() == "true"}
    for name, rows in tables.items():
        rel = f"data/{name}.csv"
        problems += _date_problems(rel, rows, today)
        for number, row in enumerate(rows, start=2):
            if "quote" in row and row.get("source_id") in seed_ids and not row["quote"].strip():
                problems.append(Problem(rel, number, "quote", "", "a short verbatim quote from the cited source"))
            for extra in filter(None, (s.strip() for s in (row.get("also_sources") or "").split(";"))):
                if extra not in sources:
                    problems.append(Problem(rel, number, "also_sources", extra, "source ids listed in data/sources.csv"))
            if "period_start" in row and row["period_start"].isdigit() and row["period_end"].isdigit():
                if int(row["period_start"]) > int(row["period_end"]):
                    problems.append(Problem(rel, number, "period_end", row["period_end"], f"a year not before period_start ({row['period_start']})"))
    event_ids = {r["event_id"] for r in tables.get("events", [])}
    for number, row in enumerate(tables.get("events", []), start=2):
        if row.get("version_of") and row["version_of"] not in event_ids:
            problems.append(Problem("data/events.csv", number, "version_of", row["version_of"], "an event_id from data/events.csv"))
    admins = tables.get("administrations", [])
    admin_names = {r["administration"] for r in admins}
    framework_ids = {r["framework_id"] for r in tables.get("frameworks", [])}
    for number, row in enumerate(tables.get("cooperation_areas", []), start=2):
        known = admin_names if row["actor_type"] == "administration" else framework_ids
        table = "administrations.csv" if row["actor_type"] == "administration" else "frameworks.csv"
        if row["actor"] not in known:
            problems.append(Problem("data/cooperation_areas.csv", number, "actor", row["actor"], f"a name from data/{table}: {', '.join(sorted(known))}"))
    for number, row in enumerate(tables.get("frameworks", []), start=2):
        if row.get("superseded_by") and row["superseded_by"] not in framework_ids:
            problems.append(Problem("data/frameworks.csv", number, "superseded_by", row["superseded_by"], "a framework_id from data/frameworks.csv"))
    problems += _administration_problems(admins)
    problems += _excerpt_problems(tables, sources, seed_ids)
    return problems


def _excerpt_problems(tables: dict[str, list[dict]], sources: dict[str, dict], seed_ids: set[str]) -> list[Problem]:
    """Outside documents are verified offline: each has a retrieval date and excerpts (data/excerpts.csv), and every
    quote that cites one must stand, word for word, in its excerpts (whitespace aside)."""
    from .quotes import squash

    problems: list[Problem] = []
    stored: dict[str, str] = {}
    for number, row in enumerate(tables.get("excerpts", []), start=2):
        if row["source_id"] in seed_ids:
            problems.append(Problem("data/excerpts.csv", number, "source_id", row["source_id"],
                                    "an outside document (the seeds are checked against their own texts)"))
        stored[row["source_id"]] = stored.get(row["source_id"], "") + "\u0000" + squash(row["excerpt"])
    for number, row in enumerate(tables.get("sources", []), start=2):
        if row["source_id"] in seed_ids:
            continue
        if not row.get("retrieved"):
            problems.append(Problem("data/sources.csv", number, "retrieved", "", "the day the outside document was read (YYYY-MM-DD)"))
        if not row.get("url"):
            problems.append(Problem("data/sources.csv", number, "url", "", "the address of the outside document"))
        elif re.search(r"&(amp|lt|gt|quot|#\d+);", row["url"]):  # copied from a page's HTML source: a dead link
            problems.append(Problem("data/sources.csv", number, "url", row["url"][:80],
                                    "the address as a browser shows it ('&', not '&amp;')"))
    checks = [(name, "source_id", "quote") for name in tables if name not in ("excerpts", "sources")]
    checks.append(("administrations", "dates_source_id", "dates_quote"))
    for name, source_column, quote_column in checks:
        for number, row in enumerate(tables.get(name, []), start=2):
            source = row.get(source_column)
            if quote_column not in row or not source or source in seed_ids or source not in sources:
                continue
            quote = row.get(quote_column, "")
            if not quote.strip():
                problems.append(Problem(f"data/{name}.csv", number, quote_column, "",
                                        f"a verbatim quote from {source} (its excerpts are in data/excerpts.csv)"))
            elif source not in stored:
                problems.append(Problem(f"data/{name}.csv", number, source_column, source,
                                        "a source with its excerpts stored in data/excerpts.csv"))
            elif squash(quote) not in stored[source]:
                problems.append(Problem(f"data/{name}.csv", number, quote_column, quote[:80],
                                        f"words found in the stored excerpts of {source} (copy the quote exactly)"))
    return problems


def _administration_problems(admins: list[dict]) -> list[Problem]:
    """Terms must not overlap, end after they start, and only the last may be open."""
    problems = []
    rel = "data/administrations.csv"
    parsed = []
    for number, row in enumerate(admins, start=2):
        try:
            start = date.fromisoformat(row["start_date"])
            end = date.fromisoformat(row["end_date"]) if row.get("end_date") else None
        except ValueError:
            continue  # already reported as a type error
        if end and end < start:
            problems.append(Problem(rel, number, "end_date", row["end_date"], f"a date on or after start_date ({row['start_date']})"))
        parsed.append((start, end, number, row))
    parsed.sort(key=lambda item: item[0])
    for (start, end, number, row), (next_start, _, next_number, next_row) in zip(parsed, parsed[1:]):
        if end is None:
            problems.append(Problem(rel, number, "end_date", "", f"an end date: only the latest administration may be open, but {next_row['administration']} (row {next_number}) starts later"))
        elif next_start <= end:
            problems.append(Problem(rel, next_number, "start_date", next_row["start_date"], f"a date after {row['administration']}'s term ends ({end.isoformat()}, row {number})"))
    return problems


def validate_data(data_dir: Path, today: date | None = None) -> list[Problem]:
    """All problems in data_dir, or an empty list."""
    today = today or date.today()
    package = load_package(data_dir)
    problems: list[Problem] = []
    unreadable: set[str] = set()
    for resource in package["resources"]:
        found = _readable_file_problems(data_dir / resource["path"], f"data/{resource['path']}")
        found = found or _header_problems(data_dir / resource["path"], f"data/{resource['path']}", resource)
        if found:
            unreadable.add(resource["name"])
            problems += found
    problems += _frictionless_problems(data_dir, package, skip=unreadable)
    # A table with a wrong header is among the unreadable ones (_header_problems), so one renamed column is one
    # message: the cross-table checks run on the others only.
    tables = {r["name"]: _read_rows(data_dir / r["path"]) for r in package["resources"] if r["name"] not in unreadable}
    problems += _cross_table_problems(data_dir, tables, today)
    problems += _number_problems(package, tables)
    problems += _blank_required_problems(package, tables)
    return _dedupe(problems)


def _number_problems(package: dict, tables: dict[str, list[dict]]) -> list[Problem]:
    """Numbers must be finite: '1e400' parses as infinity, which no figure in a brief can be."""
    problems = []
    for resource in package["resources"]:
        numeric = [f["name"] for f in resource["schema"]["fields"] if f.get("type") in ("number", "integer")]
        for number, row in enumerate(tables.get(resource["name"], []), start=2):
            for column in numeric:
                value = row.get(column, "")
                try:
                    finite = math.isfinite(float(value))
                except ValueError:
                    continue  # not a number at all: the schema check reports it
                if value and not finite:
                    problems.append(Problem(f"data/{resource['path']}", number, column, value,
                                            "a finite number (this one is too large to be a real figure)"))
    return problems


def _dedupe(problems: list[Problem]) -> list[Problem]:
    seen, unique = set(), []
    for problem in problems:
        if problem not in seen:
            seen.add(problem)
            unique.append(problem)
    return unique


def check(data_dir: Path, today: date | None = None) -> None:
    """Raise DataError listing every problem, or return quietly."""
    problems = validate_data(data_dir, today)
    if problems:
        raise DataError(problems, data_dir)
