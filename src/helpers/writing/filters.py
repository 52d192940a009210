"""House-style filters for the section templates: `{{ value | filter(...) }}` in a Markdown cell.

Each returns text (escaped later like any value) in the brief's style: numbers under ten in words, thousands
separators, dates at the precision the source gave, money with its currency.
"""
from __future__ import annotations

from . import text
from ..evidence.dates import parse_partial_date, say_date


def _field(row, key: str):
    """A column of a row given as a dict, a pandas Series or a row tuple (None when it has no such column)."""
    return row.get(key) if hasattr(row, "get") else getattr(row, key, None)


def number(value, decimals: int | None = None) -> str:
    """`{{ rate | number(1) }}` → '6.6'."""
    if decimals is not None:
        value = round(float(value), decimals)
    return text.number(value, decimals)


def count(value, noun: str, plural: str | None = None) -> str:
    """`{{ n | count("milestone") }}` → 'seven milestones', 'one milestone', '12 milestones'."""
    return text.count(int(value), noun, plural)


def words(value) -> str:
    """`{{ n | words }}` → 'seven' (a count without its noun, in house style)."""
    return text.count(int(value), "x").rsplit(" ", 1)[0]


def times(value) -> str:
    """`{{ ratio | times }}` → 'twice', 'three times', '1.25 times' (a whole ratio in words, as house style has it)."""
    value = float(value)
    if value.is_integer():
        return "twice" if value == 2 else ("once" if value == 1 else f"{words(value)} times")
    return f"{text.number(value)} times"


def percent(value, decimals: int = 0) -> str:
    """`{{ share | percent }}` for a share given as 0–100 → '24%'."""
    return f"{text.number(round(float(value), decimals), decimals)}%"


def money(value, currency: str = "USD", qualifier=None) -> str:
    """`{{ deal.value | money(deal.currency) }}` → 'USD 12.4 billion'."""
    return text.money(value, currency, qualifier)


def when(row, precision: str | None = None) -> str:
    """`{{ event | when }}`: a row's date at the precision its source gave ('July 2022'); `when("year")` coarser."""
    date_text = str(_field(row, "date") if _field(row, "date") is not None else _field(row, "start_date"))
    return say_date(date_text, precision or str(_field(row, "date_precision")))


def dated(row, precision: str | None = None) -> str:
    """`{{ event | dated }}`: the date with its preposition, 'on 11 July 2023', 'in July 2023' or 'in 2023'."""
    exact = (precision or str(_field(row, "date_precision"))) == "day"
    return ("on " if exact else "in ") + when(row, precision)


def day(value) -> str:
    """`{{ as_of | day }}` → '31 January 2025' (a date, or an ISO string)."""
    return say_date(str(value)[:10], "day")


def month(value) -> str:
    return say_date(str(value)[:7], "month")


def date_as_written(value) -> str:
    """`{{ row.end_date | date_as_written }}`: '2019', 'May 2019' or '10 May 2019', as precise as the date is written."""
    try:
        precision = parse_partial_date(str(value)).precision
    except ValueError as error:
        raise ValueError(f"date_as_written: {value!r} is not {error}") from None
    return say_date(str(value), precision)


ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")


def ordinal(n: int) -> str:
    """`{{ loop.index | ordinal }}`: 'first', 'second', ... 'tenth'; then '11th'."""
    n = int(n)
    if n < 1:
        raise ValueError(f"ordinal: {n} is not a position (1 or more)")
    return ORDINALS[n - 1] if n <= len(ORDINALS) else f"{n}th"


def and_list(items) -> str:
    """`{{ names | and_list }}` → 'A, B and C'."""
    return text.join([str(i) for i in items], "and")


def or_list(items) -> str:
    """`{{ names | or_list }}` → 'A, B or C'."""
    return text.join([str(i) for i in items], "or")


def lower_first(value) -> str:
    """A phrase that opens a sentence in the data, used inside one: 'The Chinese press' → 'the Chinese press'."""
    value = str(value)
    return value[:1].lower() + value[1:]


def upper_first(value) -> str:
    value = str(value)
    return value[:1].upper() + value[1:]


def period(pair) -> str:
    """`{{ (2017, 2021) | period }}` → '2017–2021'; one year → '2017'."""
    start, end = pair
    return text.period(start, end)


FILTERS = {
    "number": number, "count": count, "words": words, "percent": percent, "money": money, "when": when, "dated": dated,
    "day": day, "month": month, "date_as_written": date_as_written, "ordinal": ordinal, "and_list": and_list, "or_list": or_list, "lower_first": lower_first, "times": times, "upper_first": upper_first,
    "period": period,
}
