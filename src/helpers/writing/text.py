"""Numbers, dates and citations as they appear in the brief's prose. Pure functions; output is safe HTML."""
from __future__ import annotations

import html
import math
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pandas only for the annotation: the renderer imports this module without pandas
    import pandas as pd

from markupsafe import Markup

from ..evidence.dates import say_date

_SMALL = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_HEDGES = {"about": "about ", "over": "over ", "under": "under ", "almost": "almost ", "exact": "", "": None}


def esc(value) -> str:
    """Escape text from the data so markup in a CSV field shows as text and never runs."""
    return html.escape("" if value is None else str(value), quote=True)


_INLINE_TAG = re.compile(r"</?(?:a|abbr|b|cite|code|em|i|q|small|span|strong|sub|sup)\b[^>]*>")


def plain_text(fragment: str) -> str:
    """What a reader sees of an HTML fragment, as one line: inline tags go, others become spaces, entities become
    characters ('(<a>SWP 2025</a>)' reads '(SWP 2025)'; '<li>a</li><li>b</li>' reads 'a b')."""
    text = re.sub(r'<span class="quote-pop"[^>]*>.*?</span>', "", str(fragment), flags=re.S)  # hidden until asked for
    text = re.sub(r"<[^>]+>", " ", _INLINE_TAG.sub("", text))
    return html.unescape(re.sub(r"\s+", " ", text)).strip()


def count(n: int, noun: str, plural: str | None = None) -> str:
    """'one event', 'seven events', '12 events' (numbers under ten in words, as house style wants)."""
    n = int(n)
    word = _SMALL[n] if 0 <= n < 10 else f"{n:,}"
    return f"{word} {noun if n == 1 else (plural or noun + 's')}"


def number(value, decimals: int | None = None) -> str:
    """A plain number with thousands separators, keeping the decimals the source gave."""
    value = float(value)
    if decimals is None:
        decimals = 0 if value.is_integer() else min(len(repr(value).split(".")[1]), 2)
    return f"{value:,.{decimals}f}"


def hedge(qualifier) -> str:
    """The words a source used to hedge a number ('about', 'over', ...); empty for exact figures."""
    if qualifier is None or (isinstance(qualifier, float) and math.isnan(qualifier)):
        return ""
    return _HEDGES.get(str(qualifier)) or ""


def percent(value, qualifier=None) -> str:
    return f"{hedge(qualifier)}{number(value)}%"


def money(value, currency: str = "USD", qualifier=None) -> str:
    """'USD 12.4 billion', 'USD 920 million' from a value in whole currency units."""
    value = float(value)
    for size, word in ((1e9, "billion"), (1e6, "million")):
        if abs(value) >= size:
            return f"{hedge(qualifier)}{currency} {number(round(value / size, 2))} {word}"
    return f"{hedge(qualifier)}{currency} {number(value)}"


def quantity(value, unit: str, qualifier=None) -> str:
    """A figure with its unit as stored in the data ('USD bn', 'percent', 'units', ...)."""
    if unit == "percent":
        return percent(value, qualifier)
    if unit == "USD bn":
        return money(float(value) * 1e9, "USD", qualifier)
    if unit == "USD m":
        return money(float(value) * 1e6, "USD", qualifier)
    return f"{hedge(qualifier)}{number(value)} {esc(unit)}".strip()


def period(start: int, end: int) -> str:
    return str(start) if int(start) == int(end) else f"{int(start)}–{int(end)}"


def when(row) -> str:
    """A row's date in prose at the precision its source gave."""
    return say_date(row["date"], row["date_precision"])


def full_stop(phrase: str) -> str:
    """End a sentence once: 'Lee J.' stays 'Lee J.', 'Moon' becomes 'Moon.'."""
    phrase = str(phrase).rstrip()
    return phrase if phrase.endswith(".") else phrase + "."


def join(items, last: str = "and") -> str:
    items = [str(i) for i in items]
    if len(items) <= 2:
        return f" {last} ".join(items)
    return ", ".join(items[:-1]) + f" {last} " + items[-1]


class Citations:
    """In-text citations that link to the references list, built from data/sources.csv."""

    def __init__(self, sources: pd.DataFrame):
        self.sources = sources.set_index("source_id")
        self.used: list[str] = []
        self.popups = 0  # quote pop-ups made so far, for their ids

    def short(self, source_id: str) -> str:
        return str(self.sources.loc[source_id, "short_cite"])

    def published(self, source_id: str) -> str:
        """When a source was published, at the precision data/sources.csv gives ('2022', 'January 2025')."""
        row = self.sources.loc[source_id]
        return say_date(row["date"], row["date_precision"])

    def published_when(self, source_id: str) -> str:
        """The same with its preposition, as prose says it: 'in January 2025', 'on 4 June 2025', 'in 2022'."""
        from .filters import dated  # filters imports this module

        return dated(self.sources.loc[source_id])

    def name(self, source_id: str) -> str:
        """How prose names a source: the publisher's acronym ('SWP', 'PISM'), else the short citation's name."""
        row = self.sources.loc[source_id]
        acronym = re.search(r"\(([A-Z]{2,})\)\s*$", str(row["publisher"]))
        return acronym.group(1) if acronym else re.sub(r"\s*\(\d{4}[a-z]?\)$", "", str(row["short_cite"]))

    def in_text(self, source_id: str) -> str:
        """The short citation as it stands inside parentheses: 'SWP 2025' for 'SWP (2025)' (no nested brackets)."""
        return re.sub(r"\s*\((\d{4}[a-z]?)\)$", r" \1", self.short(source_id))

    def link(self, source_id: str) -> str:
        if source_id not in self.sources.index:
            raise KeyError(f"unknown source id {source_id!r}; add it to data/sources.csv")
        if source_id not in self.used:
            self.used.append(source_id)
        return f'<a class="cite" href="#ref-{esc(source_id)}">{esc(self.in_text(source_id))}</a>'

    def cite(self, *source_ids: str, quotes: dict[str, list[str]] | None = None, prefix: str = "q") -> str:
        """'(SWP 2025; Pietrewicz 2022)' as links; duplicates dropped, order kept. With `quotes` (source id -> the
        verbatim words the claim rests on), each link carries them: shown on hover, focus or tap in a browser and
        read as the link's description by a screen reader; print never shows them."""
        unique = list(dict.fromkeys(s for s in source_ids if s))
        return "(" + "; ".join(self.quoted_link(s, (quotes or {}).get(s, []), prefix) for s in unique) + ")"

    def quoted_link(self, source_id: str, quotes: list[str], prefix: str = "q") -> str:
        link = self.link(source_id)
        if not quotes:
            return link
        self.popups += 1
        anchor = f"{prefix}-{self.popups}"
        said = " … ".join(f"“{esc(q.strip())}”" for q in quotes[:3])
        source = f"{self.name(source_id)}, {self.published(source_id)}"
        link = link.replace('<a class="cite" ', f'<a class="cite" aria-describedby="{anchor}" ', 1)
        return (f'<span class="cite-wrap">{link}<span class="quote-pop" id="{anchor}">{said} '
                f'<a href="#ref-{esc(source_id)}">{esc(source)}</a></span></span>')

    LINE_MAX = 6  # a source line names at most this many sources; the figure's data lists them all

    def source_links(self, source_ids) -> tuple[list[Markup], int]:
        """The sources a figure's or table's source line names, as links, and how many more it only counts: a chart
        drawn from many rows names the core sources first, and its data file lists every source with its quotes.
        The words of the line are the template's (templates/blocks/source_line.html.j2)."""
        unique = list(dict.fromkeys(s for s in source_ids if s))
        shown = unique
        if len(unique) > self.LINE_MAX:
            seeds = [s for s in unique if str(self.sources.loc[s, "in_seeds"]).lower() == "true"]
            shown = (seeds + [s for s in unique if s not in seeds])[: self.LINE_MAX - 1]
        return [Markup(self.link(s)) for s in shown], len(unique) - len(shown)
