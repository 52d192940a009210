"""The rules behind the brief's judgement words: more, far more, similar, most, all, none, led, broad or narrow,
first, still in office. Each compares like with like and says a tie as a tie; each threshold is a named constant
that the report's method note prints, so a reader can see what "far more" means.

Templates do not write `"far more" if a > 2 * b else ...`; they ask a rule here and print its word.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

# -- thresholds (the method note reads these) -------------------------------------------------------------------------
FAR_RATIO = 2.0          # "far more": at least twice the other rate
CLEAR_RATIO = 1.25       # "more": at least a quarter above the other; below that the rates are "similar"
MIN_GAP = 0.5            # and at least half a step a year apart, so two tiny rates never "differ"
MOST_SHARE = 0.5         # "most": more than half (exactly half is "half")
BROAD_SHARE = 0.5        # common ground is "broad" when at least half of the areas coded are shared
MIN_YEARS = 1.0          # a rate per year needs at least a year of evidence behind it

HEAD_OF_STATE = "head of state or government"
UNSPECIFIED = "unspecified"  # attended, but the source does not say at what level
LEVEL_ORDER = [HEAD_OF_STATE, "deputy prime minister", "foreign minister", "defence minister",
               "national security adviser", "vice minister", "ambassador", UNSPECIFIED]


# -- comparing two rates ----------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Pace:
    """How one rate compares with another: word is 'far more', 'more', 'similar', 'less' or 'far less' (of the
    first against the second); `tie` when neither leads."""
    word: str
    ratio: float | None

    @property
    def tie(self) -> bool:
        return self.word == "similar"

    @property
    def higher(self) -> bool:
        return self.word in ("more", "far more")


def pace(first: float, second: float) -> Pace:
    """Compare two rates of the same measure over the same kind of period (steps a year in office, say)."""
    first, second = float(first), float(second)
    if first < 0 or second < 0 or math.isnan(first) or math.isnan(second):
        raise ValueError("rates must be non-negative numbers")
    if abs(first - second) < MIN_GAP:
        return Pace("similar", _ratio(first, second))
    ratio = _ratio(first, second)
    if ratio is None or ratio >= FAR_RATIO:
        return Pace("far more", ratio)
    if ratio >= CLEAR_RATIO:
        return Pace("more", ratio)
    inverse = _ratio(second, first)
    if inverse is None or inverse >= FAR_RATIO:
        return Pace("far less", ratio)
    if inverse >= CLEAR_RATIO:
        return Pace("less", ratio)
    return Pace("similar", ratio)


def _ratio(a: float, b: float) -> float | None:
    return None if b == 0 else a / b


@dataclass(frozen=True)
class Lead:
    """Who leads a comparison of several: `leader` is None when the top two are too close (a tie), and `tied` names
    everyone level with the top."""
    leader: str | None
    tied: tuple[str, ...]
    value: float


def lead(values: dict[str, float]) -> Lead:
    """The one clearly ahead (by the `pace` rule against the runner-up), or a tie among those level with the top."""
    if not values:
        return Lead(None, (), 0.0)
    ranked = sorted(values.items(), key=lambda item: (-item[1], item[0]))
    top_name, top = ranked[0]
    if len(ranked) == 1:
        return Lead(top_name, (top_name,), top)
    if pace(top, ranked[1][1]).higher:
        return Lead(top_name, (top_name,), top)
    tied = tuple(name for name, value in ranked if not pace(top, value).higher)
    return Lead(None, tied, top)


def most(values: dict) -> object | None:
    """The one key with the highest count ('the busiest year', 'the largest category'), or None when two or more
    share the top: a tie is said as a tie, or the superlative is left out. Unlike `lead`, no margin is asked: a
    superlative of counts states an order, not a difference in pace."""
    if not values:
        return None
    top = max(values.values())
    at_top = [key for key, value in values.items() if value == top]
    return at_top[0] if len(at_top) == 1 else None


# -- shares -----------------------------------------------------------------------------------------------------------
def share_word(part: int, whole: int) -> str:
    """'all', 'most', 'half', 'some', 'one' or 'none' of a whole: "most" only for more than half."""
    if whole <= 0:
        raise ValueError("a share needs a whole of at least one")
    if not 0 <= part <= whole:
        raise ValueError(f"a part ({part}) must lie between 0 and the whole ({whole})")
    if part == whole:
        return "all" if whole > 2 else ("both" if whole == 2 else "the only")
    if part == 0:
        return "none"
    if part / whole > MOST_SHARE:
        return "most"
    if part * 2 == whole:
        return "half"
    return "one" if part == 1 else "some"


def breadth(shared: int, total: int) -> str:
    """Common ground is 'broad' when at least half of the areas coded are shared by all, else 'narrow'."""
    if total <= 0:
        return "none"
    return "broad" if shared / total >= BROAD_SHARE else "narrow"


# -- money: like with like ----------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Money:
    value: float
    currency: str
    basis: str
    usd: float | None = None  # the source's own USD equivalent, when it gives one


@dataclass(frozen=True)
class MoneyComparison:
    """Two sums compared on one footing: 'same currency' (as stated) or 'USD as the sources give it'; `larger` is 0
    or 1 (which is larger) or None for a tie; `ratio` larger over smaller."""
    footing: str
    larger: int | None
    ratio: float
    first: float
    second: float


def compare_money(first: Money, second: Money) -> MoneyComparison | None:
    """Compare two sums only when they share a basis and either a currency or a USD equivalent each source gives;
    None means they are not comparable, and the brief must not compare them."""
    if first.basis != second.basis:
        return None
    if first.currency == second.currency:
        a, b, footing = first.value, second.value, "same currency"
    elif first.usd is not None and second.usd is not None:
        a, b, footing = first.usd, second.usd, "USD as the sources give it"
    elif first.currency == "USD" and second.usd is not None:
        a, b, footing = first.value, second.usd, "USD as the sources give it"
    elif second.currency == "USD" and first.usd is not None:
        a, b, footing = first.usd, second.value, "USD as the sources give it"
    else:
        return None
    if a <= 0 or b <= 0:
        return None
    if math.isclose(a, b, rel_tol=0.05):
        return MoneyComparison(footing, None, 1.0, a, b)
    larger = 0 if a > b else 1
    return MoneyComparison(footing, larger, max(a, b) / min(a, b), a, b)


# -- who, when --------------------------------------------------------------------------------------------------------
def in_office(terms, day: date):
    """The administration in office on `day` from (name, start, end) terms (end None or date.max when open), or
    None in a gap between presidents (an acting president)."""
    for name, start, end in terms:
        if start <= day and (end is None or day <= end):
            return name
    return None


def still_in_office(end, as_of: date) -> bool:
    """'Still in office' at the cut-off: the term had no end, or ended after the cut-off."""
    return end is None or (isinstance(end, date) and end > as_of)


def is_leader_level(level: str) -> bool:
    """Only a head of state or government attending counts as 'the president attended'."""
    return str(level) == HEAD_OF_STATE


def level_rank(level: str) -> int:
    """Lower is more senior; unknown levels rank last."""
    try:
        return LEVEL_ORDER.index(str(level))
    except ValueError:
        return len(LEVEL_ORDER)


def says_first(quote: str) -> bool:
    """A step is 'first' only when its source says so ('first', 'first-ever', 'for the first time')."""
    text = str(quote).casefold()
    return "first" in text


def enough_years(years: float) -> bool:
    """A rate per year in office is shown as a rate only with at least MIN_YEARS of evidence behind it."""
    return float(years) >= MIN_YEARS
