"""Section 1's questions: which presidents added to the partnership, which instruments it rests on, and the
charts of both. Pure functions of the tables; the notebook's words decide how to say the answers."""
from __future__ import annotations

from datetime import date

import pandas as pd

from ..evidence.dates import parse_partial_date
from ..writing import charts
from . import compare

DAYS_PER_YEAR = 365.25


def by(row, period_end: date):
    """The row if it happened by the end of the period told (`until`), else None."""
    if row is None or row["start"] > period_end:
        return None
    return row


def presidents(admins: pd.DataFrame, ms: pd.DataFrame, period_start: date, period_end: date) -> pd.DataFrame:
    """One row per president in office at some point between period_start and period_end: short name, camp, start,
    the days of the term inside the period, the steps they can certainly claim and steps per year in the period."""
    rows = []
    for name, start, end in compare.terms_of(admins):
        last = min(end, period_end)
        first = max(start, period_start)
        if first > last:
            continue
        row = admins[admins["administration"] == name].iloc[0]
        years = ((last - first).days + 1) / DAYS_PER_YEAR
        count = len(compare.certain_for(ms, name))
        rows.append({"administration": name, "short_name": row["short_name"], "camp": row["camp"], "start_date": start,
                     "years": years, "steps": count, "per_year": count / years if years else 0.0})
    return pd.DataFrame(rows, columns=["administration", "short_name", "camp", "start_date", "years", "steps", "per_year"])


def _year_fraction(day: date) -> float:
    return day.year + (day.timetuple().tm_yday - 1) / 366


def timeline_chart(frame: pd.DataFrame, counted: set, first_year: int, period_end: date):
    """Every dated entry by category and year; an entry dated only to the year is drawn hollow at mid-year, and each
    source's version of a disputed date is drawn. Categories not counted as steps are labelled as context."""
    categories = [c for c in charts.CATEGORY_COLOURS if c in set(frame["category"])]
    fig, ax = charts.new_figure(height_in=0.24 * max(len(categories), 1) + 0.7)
    offsets: dict[tuple, int] = {}
    for row in frame.sort_values("start").itertuples():
        y = categories.index(row.category)
        middle = row.start + (row.end - row.start) / 2
        slot = offsets.get((y, row.year), 0)
        offsets[(y, row.year)] = slot + 1
        colour = charts.colour_for("category", row.category)
        ax.scatter(_year_fraction(middle), y + 0.14 * (slot % 4) - 0.1, s=30, zorder=3, edgecolor=colour, linewidth=1.1,
                   facecolor=colour if row.date_precision != "year" else "white")
    labels = [c[0].upper() + c[1:] + ("" if c in counted else " (context)") for c in categories]
    ax.set_yticks(range(len(categories)), labels)
    ax.set_ylim(-0.7, len(categories) - 0.3)
    ax.invert_yaxis()
    years = list(range(first_year, period_end.year + 1))
    step = 1 if len(years) <= 12 else 2
    ax.set_xticks(years[::step], [str(y) for y in years[::step]])
    ax.set_xlim(first_year - 0.3, period_end.year + 1.1)
    charts.value_grid(ax, "x")
    ax.tick_params(axis="y", length=0)
    ax.spines["left"].set_visible(False)
    return fig


def _end(row, period_end: date) -> date:
    end = parse_partial_date(row["end_date"]).start if row["end_date"] else period_end
    return min(end, period_end)


def instruments_chart(frameworks: pd.DataFrame, in_force: pd.DataFrame, period_end: date):
    """Each instrument as a bar from its start to its end (or the end of the period); ended ones in grey."""
    rows = frameworks.sort_values("start", ascending=False).reset_index(drop=True)
    live = set(in_force["framework_id"])
    fig, ax = charts.new_figure(height_in=0.28 * max(len(rows), 1) + 0.8)
    for i, row in rows.iterrows():
        start, stop = _year_fraction(row["start"]), _year_fraction(_end(row, period_end))
        colour = charts.colour_for("category", "partnership framework") if row["framework_id"] in live \
            else charts.colour_for("role", "uncertain")
        ax.barh(i, max(stop - start, 0.08), left=start, height=0.55, color=colour)
        ax.text(start - 0.15, i, row["short_name"], ha="right", va="center", fontsize=8)
    ax.set_yticks([])
    ax.spines["left"].set_visible(False)
    low = int(rows["start"].min().year) if len(rows) else period_end.year
    ax.set_xlim(low - 6, period_end.year + 1)
    ax.set_xticks(range(low, period_end.year + 1, 2 if period_end.year - low > 8 else 1))
    charts.value_grid(ax, "x")
    return fig
