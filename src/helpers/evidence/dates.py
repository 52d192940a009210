"""Partial ISO dates ("2019", "2019-11", "2019-11-05") as intervals, and how to say them in prose."""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_PRECISION_PARTS = {"year": 1, "month": 2, "day": 3}


class DateFormatError(ValueError):
    pass


@dataclass(frozen=True)
class DateInterval:
    """The span a loosely dated fact could fall in: a whole year, a whole month, or one day."""

    text: str
    precision: str
    start: date
    end: date


def parse_partial_date(text: str, precision: str | None = None) -> DateInterval:
    """Parse a partial ISO date; when `precision` is given, the text must be written at that precision."""
    match = _PATTERN.match(str(text).strip())
    if not match:
        raise DateFormatError("a date as YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(part) if part else None for part in match.groups())
    parts = sum(part is not None for part in (year, month, day))
    found = {1: "year", 2: "month", 3: "day"}[parts]
    if precision and precision != found:
        wanted = {"year": "YYYY", "month": "YYYY-MM", "day": "YYYY-MM-DD"}.get(precision, precision)
        raise DateFormatError(f"{wanted} to match date_precision '{precision}'")
    try:
        if found == "year":
            return DateInterval(text, found, date(year, 1, 1), date(year, 12, 31))
        if found == "month":
            last = calendar.monthrange(year, month)[1]
            return DateInterval(text, found, date(year, month, 1), date(year, month, last))
        return DateInterval(text, found, date(year, month, day), date(year, month, day))
    except ValueError:
        raise DateFormatError("a real calendar date (month 01-12, day within the month)") from None


def as_date(value) -> date:
    """A date from a date, a datetime, or an ISO string (as parameters arrive from YAML or papermill)."""
    if isinstance(value, date):
        return value if type(value) is date else value.date()
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise DateFormatError(f"a date as YYYY-MM-DD, got {value!r}") from None


def say_date(text: str, precision: str) -> str:
    """Prose form at the source's precision ('5 May 2022', 'May 2022', '2022'); never finer than the text."""
    interval = parse_partial_date(text)
    if _PRECISION_PARTS[precision] > _PRECISION_PARTS[interval.precision]:
        raise DateFormatError(f"{text!r} is only known to the {interval.precision}, not the {precision}")
    if precision == "year":
        return str(interval.start.year)
    if precision == "month":
        return f"{calendar.month_name[interval.start.month]} {interval.start.year}"
    return f"{interval.start.day} {calendar.month_name[interval.start.month]} {interval.start.year}"
