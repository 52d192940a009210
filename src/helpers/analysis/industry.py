"""Section 4's questions: which contracts South Korea signed with NATO members and on what terms, what the aggregate
export figures measure, and the charts and tables of both. Pure functions of the tables; the notebook's words decide
how to say the answers.

    versions = deals_in_view(ev.arms_deals, ev.sources, ev.as_of, nato_only=False)   # one row per deal and source
    deals = deal_summary(versions, ev.arms_deal_items, ev.sources)                   # one row per deal, the version followed
    counts = kind_counts(deals[deals["buyer_nato_member"]])                           # signed / ordered / under negotiation

Every function keeps a row only when its source was certainly published by the cut-off
(evidence.data.published_sources) and a figure for a period only once the period is over. Values stay as the sources
state them: no currency is converted; two sums are compared or added only on one basis and in one currency, or in the
USD equivalent the sources themselves give (writing.judgements.compare_money).
"""
from __future__ import annotations

import re

import pandas as pd

from ..evidence.data import ParameterError, published_sources
from ..evidence.dates import as_date, say_date
from ..writing import charts
from ..writing.judgements import Money, compare_money
from ..writing.text import hedge as _text_hedge
from ..writing.text import number

# -- vocabularies ------------------------------------------------------------------------------------------------------
SIGNED, ORDERED, UNDER_NEGOTIATION = "signed", "ordered", "under negotiation"
KINDS = (SIGNED, ORDERED, UNDER_NEGOTIATION)
MEASURES = ("export value", "import share", "export share", "export growth", "export contracts", "export rank")
# How the text and tables name the contract types of data/arms_deals.csv.
CONTRACT_LABELS = {"framework": "framework agreement", "executive": "executive contract", "order": "order",
                   "under negotiation": "under negotiation", "unspecified": "type not stated"}
# How the text and charts name the system types of data/arms_deal_items.csv (plural, lower case): the type with an
# "s", except where that is not English.
IRREGULAR_SYSTEM_NAMES = {"rocket artillery": "rocket launchers", "combat aircraft": "combat aircraft",
                          "other": "other equipment"}
SHORT_SYSTEM_NAMES = {"self-propelled howitzer": "howitzers", "ammunition supply vehicle": "ammunition vehicles",
                      "infantry fighting vehicle": "fighting vehicles", "air defence system": "air defence"}


def system_name(system_type: str, short: bool = False) -> str:
    """'tanks', 'rocket launchers'; with `short`, the chart's shorter name where there is one ('howitzers')."""
    if short and system_type in SHORT_SYSTEM_NAMES:
        return SHORT_SYSTEM_NAMES[system_type]
    return IRREGULAR_SYSTEM_NAMES.get(system_type, f"{system_type}s")

# Which version of a deal the report follows, in order of preference (the section's method note says this in words):
# a record nearer the contract (not one of the five seed documents, which report deals second-hand), then a contract
# value over a reported or potential deal value, then a stated type of agreement, then a value in US dollars or with
# the source's own USD equivalent (so it can be set beside others), then an unhedged value, then the finer date.
BASIS_ORDER = {"contract value": 0, "reported deal value": 1, "potential deal value": 2, "": 3}
PRECISION_ORDER = {"day": 0, "month": 1, "year": 2}


def hedge(qualifier) -> str:
    """The words a source used to hedge a number ('about ', 'over ', ...); '' for an exact or blank qualifier."""
    return _text_hedge(qualifier) or ""


_ORDINALS = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]


def ordinal(n) -> str:
    """'ninth', '10th', '21st' (house style: words under ten)."""
    n = int(n)
    if 0 < n < 10:
        return _ORDINALS[n]
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def say_figure(row) -> str:
    """An aggregate figure of data/arms_trade.csv or indicators.csv with its unit and hedge: 'about USD 7.25 billion',
    '58%', 'over USD 15 billion'."""
    value, unit, qualifier = float(row["value"]), str(row["unit"]), row.get("qualifier")
    if unit == "percent":
        return f"{hedge(qualifier)}{number(value)}%"
    if unit == "USD bn":
        return f"{hedge(qualifier)}USD {number(value)} billion"
    return f"{hedge(qualifier)}{number(value)} {unit}"


def known(frame: pd.DataFrame, sources: pd.DataFrame, as_of) -> pd.DataFrame:
    """The rows of `frame` whose source was certainly published by `as_of`."""
    return frame[frame["source_id"].isin(published_sources(sources, as_of))]


# -- the deals ---------------------------------------------------------------------------------------------------------
def version_kind(contract_type: str, basis: str) -> str:
    """'under negotiation' (talks, or a potential value), 'ordered' (an order) or 'signed' (any agreement or contract
    the source reports as concluded, whatever its type)."""
    if contract_type == "under negotiation" or basis == "potential deal value":
        return UNDER_NEGOTIATION
    if contract_type == "order":
        return ORDERED
    return SIGNED


def deal_kind(kinds) -> str:
    """The kind of a deal from the kinds of its versions: signed when any source reports it signed, else ordered when
    any reports an order, else under negotiation."""
    kinds = set(kinds)
    for kind in KINDS:
        if kind in kinds:
            return kind
    raise ValueError("a deal needs at least one version")


def dated_by_upper_bound(row) -> bool:
    """True when the source's own words date the deal as 'by <date>' (a latest date, not the signing date)."""
    said = say_date(row["date"], row["date_precision"])
    return bool(re.search(rf"\bby {re.escape(said)}\b", str(row["quote"]), flags=re.IGNORECASE))


def deals_in_view(deals: pd.DataFrame, sources: pd.DataFrame, as_of, nato_only: bool = False) -> pd.DataFrame:
    """Every version of every deal the report may show at `as_of`, in date order: one row per deal and source, with
    `kind` (of this version), `versions` (how many sources describe the deal by the cut-off) and `by_date`.
    With `nato_only`, only deals with buyers that were NATO members at the deal date."""
    rows = known(deals[deals["start"] <= as_date(as_of)], sources, as_of).copy()
    if nato_only:
        rows = rows.loc[rows["buyer_nato_member"].astype(bool)]
    if rows.empty:
        for column in ("kind", "versions", "by_date"):
            rows[column] = pd.Series(dtype=object)
        return rows.reset_index(drop=True)
    rows["kind"] = [version_kind(t, b) for t, b in zip(rows["contract_type"], rows["value_basis"])]
    rows["versions"] = rows.groupby("deal_id")["source_id"].transform("nunique")
    rows["by_date"] = [dated_by_upper_bound(r) for _, r in rows.iterrows()]
    rows["_first"] = rows.groupby("deal_id")["start"].transform("min")
    rows = rows.sort_values(["_first", "deal_id", "start", "source_id"]).drop(columns="_first")
    return rows.reset_index(drop=True)


def _preference(row, seeds: set[str]) -> tuple:
    value = row["value"]
    has_value = pd.notna(value)
    has_usd = has_value and (row["currency"] == "USD" or pd.notna(row.get("value_usd")))
    return (row["source_id"] in seeds,
            BASIS_ORDER.get(row["value_basis"] if has_value else "", 3),
            row["contract_type"] == "unspecified",
            not has_usd,
            row.get("value_qualifier", "") not in ("", "exact"),
            PRECISION_ORDER.get(row["date_precision"], 3),
            row["source_id"])


def followed(versions: pd.DataFrame, sources: pd.DataFrame):
    """The version of one deal the report follows (the order of preference above), as a row."""
    seeds = set(sources.loc[sources["in_seeds"].astype(bool), "source_id"])
    ranked = sorted(versions.iterrows(), key=lambda item: _preference(item[1], seeds))
    return ranked[0][1]


def systems_of(items: pd.DataFrame, deal_id: str, source_ids=None) -> list[str]:
    """System types of a deal, in the order its items list them (all versions, or the sources given)."""
    rows = items[items["deal_id"] == deal_id]
    if source_ids is not None:
        rows = rows[rows["source_id"].isin(list(source_ids))]
    return list(dict.fromkeys(rows["system_type"]))


def what_bought(types: list[str], short: bool = False) -> str:
    """'tanks, howitzers and combat aircraft' from system types."""
    names = [system_name(t, short) for t in types]
    if not names:
        return "equipment not stated"
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def refined_date(chosen, group: pd.DataFrame):
    """The followed version, dated as precisely as any version of the same deal dates it within the same interval (a
    contract the followed source dates to August 2025 that another dates to 1 August 2025 is dated 1 August 2025)."""
    inside = group[(group["start"] >= chosen["start"]) & (group["end"] <= chosen["end"])]
    finest = inside.sort_values("date_precision", key=lambda c: c.map(PRECISION_ORDER)).iloc[0] if len(inside) else None
    if finest is not None and PRECISION_ORDER[finest["date_precision"]] < PRECISION_ORDER[chosen["date_precision"]]:
        for column in ("date", "date_precision", "start", "end", "year"):
            chosen[column] = finest[column]
        chosen["by_date"] = False
        chosen["dated_by"] = finest["source_id"]
    else:
        chosen["dated_by"] = chosen["source_id"]
    return chosen


def deal_summary(versions: pd.DataFrame, items: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """One row per deal: the version the report follows (its date, value, currency, basis, type and source), with the
    deal's `kind`, its `versions` count, the `equipment` it covers in plain words (all versions' system types),
    `values_differ` (its sources give other values), `stated` (the followed version states a value) and
    `other_sources`."""
    rows = []
    for deal_id, group in versions.groupby("deal_id", sort=False):
        chosen = refined_date(followed(group, sources).copy(), group)
        chosen["kind"] = deal_kind(group["kind"])
        chosen["versions"] = group["source_id"].nunique()
        chosen["equipment"] = what_bought(systems_of(items, deal_id, group["source_id"]))
        chosen["equipment_short"] = what_bought(systems_of(items, deal_id, group["source_id"]), short=True)
        stated = {(r["value"], r["currency"]) for _, r in group.iterrows() if pd.notna(r["value"])}
        chosen["values_differ"] = len(stated) > 1
        chosen["stated"] = bool(pd.notna(chosen["value"]))
        chosen["other_sources"] = [s for s in group["source_id"] if s != chosen["source_id"]]
        rows.append(chosen)
    if not rows:
        empty = pd.DataFrame(columns=list(versions.columns) + ["equipment", "equipment_short", "values_differ", "stated",
                                                               "other_sources", "dated_by"])
        return empty.astype({"buyer_nato_member": bool, "values_differ": bool, "stated": bool})
    frame = pd.DataFrame(rows).reset_index(drop=True)
    return frame.sort_values(["start", "deal_id"]).reset_index(drop=True)


def kind_counts(deals: pd.DataFrame) -> dict[str, int]:
    """Deals by kind: {'signed': n, 'ordered': n, 'under negotiation': n} (each deal counted once)."""
    return {kind: int((deals["kind"] == kind).sum()) for kind in KINDS}


def buyers_by_count(deals: pd.DataFrame, kinds=(SIGNED, ORDERED)) -> dict[str, int]:
    """Buyer -> number of deals of these kinds, largest first (ties in order of the first deal)."""
    rows = deals[deals["kind"].isin(kinds)]
    order = list(dict.fromkeys(rows.sort_values("start")["buyer"]))
    counted = rows.groupby("buyer").size()
    return dict(sorted(((b, int(counted[b])) for b in order), key=lambda item: -item[1]))


def deal_when(row, at_most: str | None = None) -> str:
    """'July 2022'; 'by July 2024' when the source gives only a latest date; 'as of January 2025' for talks, which are
    dated by the source that reports them. `at_most` ('month', 'year') says a date no finer than that, even where the
    source gives the day (a timeline's alt text; a day that sources dispute)."""
    precision = row["date_precision"]
    if at_most in PRECISION_ORDER and PRECISION_ORDER[at_most] > PRECISION_ORDER[precision]:
        precision = at_most
    said = say_date(row["date"], precision)
    if row["kind"] == UNDER_NEGOTIATION:
        return f"as of {said}"
    return f"by {said}" if row.get("by_date", False) else said


# -- money, as the sources state it -----------------------------------------------------------------------------------
def say_money(value, currency: str, qualifier=None) -> str:
    """'USD 12.4 billion', 'KRW 5.6 trillion', 'about PLN 14 billion' from a value in whole currency units."""
    value = float(value)
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(value) >= size:
            return f"{hedge(qualifier)}{currency} {number(round(value / size, 2))} {word}"
    return f"{hedge(qualifier)}{currency} {number(value)}"


def deal_value(row, usd: bool = True) -> str:
    """The value as the source states it, with the source's own USD equivalent when it gives one; 'not stated'."""
    if pd.isna(row["value"]):
        return "not stated"
    said = say_money(row["value"], row["currency"], row.get("value_qualifier"))
    if usd and pd.notna(row.get("value_usd")) and row["currency"] != "USD":
        said += f" (USD {say_money(row['value_usd'], 'USD').removeprefix('USD ')}, the source's conversion)"
    return said


def money_of(row) -> Money | None:
    """The value of a deal version as a judgements.Money (None when no value is stated)."""
    if row is None or pd.isna(row["value"]):
        return None
    usd = row.get("value_usd")
    return Money(float(row["value"]), str(row["currency"]), str(row["value_basis"]),
                 float(usd) if usd is not None and pd.notna(usd) else None)


def add_like(rows) -> Money | None:
    """The sum of several deal values when every one is stated on one basis and in one currency; None otherwise (they
    are not added). Each comparison is checked by judgements.compare_money on the 'same currency' footing."""
    moneys = [money_of(r) for r in rows]
    if not moneys or any(m is None for m in moneys):
        return None
    first = moneys[0]
    for other in moneys[1:]:
        comparison = compare_money(first, other)
        if comparison is None or comparison.footing != "same currency":
            return None
    return Money(sum(m.value for m in moneys), first.currency, first.basis)


def value_range(versions: pd.DataFrame, like) -> tuple[float, float, list[str]] | None:
    """(lowest, highest, source ids) of the values the versions of one deal give on the same basis and in the same
    currency as `like` (a row); None when `like` states no value."""
    target = money_of(like)
    if target is None:
        return None
    same = versions[(versions["currency"] == target.currency) & (versions["value_basis"] == target.basis)
                    & versions["value"].notna()]
    return float(same["value"].min()), float(same["value"].max()), list(dict.fromkeys(same["source_id"]))


def say_range(low: float, high: float, currency: str) -> str:
    """'USD 6.5–6.7 billion' (one unit for both ends), or one value when they agree."""
    if low == high:
        return say_money(low, currency)
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if low >= size:
            return f"{currency} {number(round(low / size, 2))}–{number(round(high / size, 2))} {word}"
    return f"{currency} {number(low)}–{number(high)}"


# -- the tables --------------------------------------------------------------------------------------------------------
def quantities(items: pd.DataFrame, deal_id: str, source_id: str) -> dict[str, float]:
    """System type -> quantity one source gives for one deal (types without a quantity left out)."""
    rows = items[(items["deal_id"] == deal_id) & (items["source_id"] == source_id) & items["quantity"].notna()]
    return {t: float(q) for t, q in rows.groupby("system_type", sort=False)["quantity"].sum().items()}


def poland_versions(versions: pd.DataFrame, deals: pd.DataFrame, items: pd.DataFrame, deal_id: str, year: int) -> list[dict]:
    """The accounts of Poland's first Korean deals, side by side: one per source of the deal `deal_id` (the 2022
    agreement as each source describes it), then the executive contracts signed in `year` under other deal ids (each by
    the version the report follows), taken together. Other agreements of that year are left out of the sum: a
    framework agreement and the executive contract that implements it would count the same launchers twice (288
    Chunmoo in the October 2022 agreement, 218 of them in the November contract). Each account is a dict:
    label, sources (all) and quantity_sources (those that give the quantities), date text, quantities by system type,
    values (rows) and types of agreement."""
    accounts = []
    for _, row in versions[versions["deal_id"] == deal_id].iterrows():
        accounts.append({"kind": "source", "sources": [row["source_id"]], "quantity_sources": [row["source_id"]],
                         "rows": [row], "when": deal_when(row),
                         "quantities": quantities(items, deal_id, row["source_id"]),
                         "types": [CONTRACT_LABELS[row["contract_type"]]]})
    later = deals[(deals["buyer"] == "Poland") & (deals["year"] == year) & (deals["deal_id"] != deal_id)
                  & (deals["contract_type"] == "executive")]
    if len(later):
        totals: dict[str, float] = {}
        used, counted = list(later["source_id"]), []
        for _, row in later.iterrows():
            for source_id in [row["source_id"], *row["other_sources"]]:  # quantities from the first version giving them
                found = quantities(items, row["deal_id"], source_id)
                if found:
                    for system, value in found.items():
                        totals[system] = totals.get(system, 0) + value
                    used.append(source_id)
                    counted.append(source_id)
                    break
        first, last = later.iloc[0], later.iloc[-1]
        accounts.append({"kind": "contracts", "sources": list(dict.fromkeys(used)), "quantity_sources": counted,
                         "rows": [r for _, r in later.iterrows()],
                         "when": _span(first, last), "quantities": totals,
                         "types": list(dict.fromkeys(CONTRACT_LABELS[t] for t in later["contract_type"]))})
    return accounts


def _span(first, last) -> str:
    a, b = say_date(first["date"], "month"), say_date(last["date"], "month") if last["date_precision"] != "year" else last["date"]
    if a == b:
        return a
    if a.split()[-1] == b.split()[-1]:
        return f"{a.split()[0]}–{b}"
    return f"{a}–{b}"


def what_bought_quantities(found: dict[str, float]) -> str:
    """'980 tanks, 648 self-propelled howitzers and 48 combat aircraft' from system type -> quantity."""
    parts = [f"{number(q)} {system_name(t)}" for t, q in found.items()]
    if not parts:
        return "equipment in quantities not stated"
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def account_label(account: dict, name) -> str:
    """How a chart or table names an account of Poland's 2022 deal: 'PISM (2022)', 'Framework agreements, July 2022',
    'Contracts, August–October 2022'."""
    row = account["rows"][0]
    if account["kind"] == "contracts":
        return f"Contracts, {account['when']}"
    if row["contract_type"] == "framework":
        return f"Framework agreements, {account['when']}"
    return f"{name(row['source_id'])}, {account['when']}"


def accounts_frame(accounts: list[dict], labels: list[str], types: list[str]) -> pd.DataFrame:
    """The data behind the Poland figure: one row per account and system type, with the sources."""
    rows = []
    for account, label in zip(accounts, labels):
        for system in types:
            rows.append({"account": label, "system_type": system, "quantity": account["quantities"].get(system),
                         "sources": "; ".join(account["sources"])})
    return pd.DataFrame(rows)


def accounts_table(accounts: list[dict], labels: list[str], types: list[str], cite) -> pd.DataFrame:
    """The accounts of Poland's 2022 deal side by side: quantities by type, value (as stated, with basis), type of
    agreement and sources."""
    table = {"Account": labels}
    for system in types:
        table[system_name(system).capitalize()] = [
            number(a["quantities"][system]) if system in a["quantities"] else "not given" for a in accounts]
    table["Value as stated"] = ["; ".join(f"{deal_value(r)} ({r['value_basis']})" for r in a["rows"] if pd.notna(r["value"]))
                                or "no value stated" for a in accounts]
    table["Type"] = ["; ".join(a["types"]) for a in accounts]
    table["Sources"] = [cite(*a["sources"]) for a in accounts]
    return pd.DataFrame(table)


def shared_priorities(areas: pd.DataFrame, admins: pd.DataFrame, sources: pd.DataFrame, as_of, since: str):
    """(governments, areas, rows): the governments in office from `since` on (by the cut-off), the areas of cooperation
    that every one of them made a priority as sources published by `as_of` record it (data/cooperation_areas.csv), and
    the rows behind those areas. Empty when `since` had not taken office by the cut-off."""
    if since not in set(admins["administration"]):
        return [], [], areas.iloc[0:0]
    start = admins.loc[admins["administration"] == since, "start_date"].iloc[0]
    governments = list(admins.loc[admins["start_date"] >= start].sort_values("start_date")["administration"])
    rows = known(areas, sources, as_of)
    rows = rows[(rows["actor_type"] == "administration") & (rows["emphasis"] == "priority")
                & rows["actor"].isin(governments)]
    shared = [area for area, group in rows.groupby("area", sort=False) if set(group["actor"]) == set(governments)]
    return governments, sorted(shared), rows[rows["area"].isin(shared)].drop_duplicates(["area", "actor", "source_id"])


# -- aggregate figures -------------------------------------------------------------------------------------------------
def period_over(frame: pd.DataFrame, as_of) -> pd.DataFrame:
    """Rows whose period (`period_start`..`period_end`, whole years) is over by `as_of`: a figure for 2022, or for
    2017-2021, counts only from the last day of its final year, as a partial year may still change it."""
    cutoff = as_date(as_of)
    last_full_year = cutoff.year if (cutoff.month, cutoff.day) == (12, 31) else cutoff.year - 1
    return frame[frame["period_end"] <= last_full_year]


def trade_figures(arms_trade: pd.DataFrame, sources: pd.DataFrame, measure: str, as_of) -> pd.DataFrame:
    """Rows of data/arms_trade.csv for one measure that the report may use at `as_of`, oldest period first."""
    if measure not in MEASURES:
        raise ParameterError(f"measure {measure!r} is not a measure of data/arms_trade.csv; choose from: {', '.join(MEASURES)}")
    rows = arms_trade[arms_trade["measure"] == measure]
    rows = known(period_over(rows, as_of), sources, as_of)
    return rows.sort_values(["period_start", "period_end", "figure_id"]).reset_index(drop=True)


def is_sipri(row) -> bool:
    """A SIPRI figure: its basis names SIPRI's trend-indicator value (a volume of deliveries, not money)."""
    return "SIPRI trend-indicator value" in str(row["basis"])


def sipri_figures(arms_trade: pd.DataFrame, sources: pd.DataFrame, as_of) -> pd.DataFrame:
    """SIPRI's ranks, shares and growth rates (trend-indicator values over five-year periods) usable at `as_of`."""
    rows = [trade_figures(arms_trade, sources, m, as_of) for m in ("export rank", "export share", "export growth")]
    rows = pd.concat(rows, ignore_index=True)
    if rows.empty:
        return rows
    return rows[[is_sipri(r) for _, r in rows.iterrows()]].reset_index(drop=True)


def latest_sipri(figures: pd.DataFrame) -> dict:
    """The figures of the latest SIPRI period: {'period': (start, end), 'rank': row, 'world': row, 'poland': row,
    'growth': row}, each None when absent; empty when there are none."""
    if figures.empty:
        return {}
    end = figures["period_end"].max()
    rows = figures[figures["period_end"] == end]
    pick = lambda mask: rows[mask].iloc[0] if mask.any() else None  # noqa: E731
    return {"period": (int(rows["period_start"].iloc[0]), int(end)),
            "rank": pick(rows["measure"] == "export rank"),
            "world": pick((rows["measure"] == "export share") & (rows["partner"] == "")),
            "poland": pick((rows["measure"] == "export share") & (rows["partner"] == "Poland")),
            "growth": pick(rows["measure"] == "export growth")}


def contract_totals(arms_trade: pd.DataFrame, sources: pd.DataFrame, as_of) -> pd.DataFrame:
    """The Korean government's annual totals of export contracts signed (USD bn), one row per year and source, oldest
    year first, with `versions` (how many sources give that year), `differ` (they give different values) and
    `preferred` (the version of the latest-published source, which the report follows for that year)."""
    rows = trade_figures(arms_trade, sources, "export contracts", as_of)
    rows = rows[(rows["unit"] == "USD bn") & (rows["period_start"] == rows["period_end"])].copy()
    if rows.empty:
        for column, kind in (("versions", int), ("differ", bool), ("preferred", bool)):
            rows[column] = pd.Series(dtype=kind)
        return rows
    published = sources.set_index("source_id")["end"]
    rows["_published"] = rows["source_id"].map(published)
    rows["versions"] = rows.groupby("period_start")["source_id"].transform("nunique")
    rows["differ"] = rows.groupby("period_start")["value"].transform("nunique") > 1
    latest = rows.groupby("period_start")["_published"].transform("max")
    rows["preferred"] = rows["_published"] == latest
    rows["preferred"] &= ~rows.duplicated(["period_start", "preferred"]) | ~rows["preferred"]
    return rows.drop(columns="_published").sort_values(["period_start", "preferred"]).reset_index(drop=True)


def latest_total(totals: pd.DataFrame):
    """The latest year's total, in the version the report follows (the latest-published source)."""
    if totals.empty:
        return None
    year = totals[(totals["period_start"] == totals["period_start"].max()) & totals["preferred"]]
    return year.iloc[0]


def sum_of_years(totals: pd.DataFrame, first: int, last: int, prefer: str | None = None) -> float | None:
    """The sum of the annual contract totals first..last (one basis, one currency), one version per year (the one from
    `prefer`'s source when a year has several and it gives one, else the earliest-published): None if a year is missing."""
    years = []
    for year in range(first, last + 1):
        rows = totals[totals["period_start"] == year]
        if rows.empty:
            return None
        preferred = rows[rows["source_id"] == prefer] if prefer else rows.iloc[0:0]
        years.append(float((preferred if len(preferred) else rows).iloc[0]["value"]))
    return sum(years)


# -- charts ------------------------------------------------------------------------------------------------------------
def _highlight() -> str:
    return charts.colour_for("role", "highlight")


def _year_fraction(day) -> float:
    return day.year + (day.timetuple().tm_yday - 1) / 366


def _admin_colour(name: str) -> str:
    """The house colour of the government in office when a deal was dated; grey when the date spans two governments
    or falls between them."""
    if name in ("straddles a change of government", "acting president", "", None):
        return charts.UNCERTAIN
    return charts.colour_for("administration", name)


def deals_chart(deals: pd.DataFrame, first_year: int, last_day, admins: pd.DataFrame, versions: pd.DataFrame | None = None):
    """One row per deal, grouped by buyer in order of their first deal (Allies first), each drawn at its date in the
    colour of the government in Seoul at the time: a filled dot when signed, a hollow dot when ordered, a hollow
    diamond while under negotiation; to the right, its value as the followed source states it, or 'no value stated'.
    Given the deals' `versions`, a value the sources give differently on the same basis and in the same currency is
    shown as the range, as the text gives it."""
    import matplotlib.lines as mlines

    # Allies first, in order of their first deal; a buyer outside NATO, shown for comparison, comes last.
    ordered = deals.assign(_outside=~deals["buyer_nato_member"].astype(bool)).sort_values(["_outside", "start"], kind="stable")
    buyers = list(dict.fromkeys(ordered["buyer"]))
    rows = [deal for buyer in buyers for _, deal in deals[deals["buyer"] == buyer].sort_values("start").iterrows()]
    fig, ax = charts.new_figure(height_in=0.21 * len(rows) + 0.9)
    right = last_day.year + 1 + 0.6
    for y, deal in enumerate(rows):
        if y and deal["buyer"] != rows[y - 1]["buyer"]:
            ax.axhline(y - 0.5, color=charts.GRID, linewidth=0.6)
        colour = _admin_colour(deal.get("administration"))
        x = _year_fraction(deal["start"] + (deal["end"] - deal["start"]) / 2)
        marker = "D" if deal["kind"] == UNDER_NEGOTIATION else "o"
        face = colour if deal["kind"] == SIGNED else "white"
        ax.plot(x, y, marker=marker, markersize=5.5, markerfacecolor=face, markeredgecolor=colour, markeredgewidth=1.3,
                linestyle="none", zorder=3)
        buyer = deal["buyer"] + ("" if deal["buyer_nato_member"] else " (not NATO)")
        ax.text(first_year - 0.08, y, f"{buyer}: {deal['equipment_short']}", ha="right", va="center", fontsize=7.5,
                color=charts.INK)
        stated = pd.notna(deal["value"])
        said = deal_value(deal, usd=False) if stated else "no value stated"
        spread = value_range(versions[versions["deal_id"] == deal["deal_id"]], deal) \
            if stated and versions is not None else None
        if spread is not None and spread[0] != spread[1]:
            said = say_range(spread[0], spread[1], deal["currency"])
        said = f"potential {said}" if stated and deal["kind"] == UNDER_NEGOTIATION else said
        ax.text(x + 0.1, y, said, va="center", fontsize=7.5,
                color=charts.INK if stated else charts.MUTED, style="normal" if stated else "italic")
    ax.set_ylim(len(rows) - 0.5, -0.6)
    ax.set_yticks([])
    years = list(range(first_year, last_day.year + 1))
    ax.set_xticks(years, [str(y) for y in years])
    ax.set_xlim(first_year - 0.02, right)
    charts.value_grid(ax, "x")
    ax.spines["left"].set_visible(False)
    handles = []
    for name in [a for a in admins["administration"] if a in set(deals["administration"])]:
        handles.append(mlines.Line2D([], [], marker="o", linestyle="none", markerfacecolor=_admin_colour(name),
                                     markeredgecolor=_admin_colour(name), label=f"signed under {name}"))
    if (deals["kind"] == ORDERED).any():
        handles.append(mlines.Line2D([], [], marker="o", linestyle="none", markerfacecolor="white",
                                     markeredgecolor=charts.INK, label="ordered (hollow)"))
    if (deals["kind"] == UNDER_NEGOTIATION).any():
        handles.append(mlines.Line2D([], [], marker="D", linestyle="none", markerfacecolor="white",
                                     markeredgecolor=charts.INK, label="under negotiation"))
    ax.legend(handles=handles, loc="lower left", bbox_to_anchor=(0, 1.0), ncol=2, fontsize=7.5,
              frameon=False, borderaxespad=0.2)
    return fig


def exports_chart(totals: pd.DataFrame, shares: pd.DataFrame):
    """Two panels that never share an axis: (left) the Korean government's annual totals of export contracts signed,
    USD bn, a second mark where another source gives another figure; (right) Poland's share of South Korea's arms
    exports by five-year period, per cent of SIPRI trend-indicator values (deliveries), hatched where the source does
    not name SIPRI."""
    import matplotlib.pyplot as plt

    panels = [p for p in (("totals", totals), ("shares", shares)) if len(p[1])]
    fig, axes = plt.subplots(1, len(panels), figsize=(6.3, 2.5), squeeze=False,
                             gridspec_kw={"width_ratios": [1.2, 1][:len(panels)]})
    for ax, (what, frame) in zip(axes[0], panels):
        if what == "totals":
            years = sorted(frame["period_start"].unique())
            for i, year in enumerate(years):
                rows = frame[frame["period_start"] == year]
                main = rows[rows["preferred"]].iloc[0]
                ax.bar(i, main["value"], width=0.62, color=_highlight())
                for _, other in rows[~rows["preferred"] & (rows["value"] != main["value"])].iterrows():
                    ax.plot([i - 0.31, i + 0.31], [other["value"]] * 2, color=charts.INK, linewidth=1.2)
                top = " / ".join(hedge(r["qualifier"]) + number(r["value"]) for _, r in rows.sort_values("preferred", ascending=False).iterrows())
                ax.text(i, float(rows["value"].max()) + 0.4, top, ha="center", va="bottom", fontsize=7, color=charts.INK)
            ax.set_xticks(range(len(years)), [str(y) for y in years])
            ax.set_ylim(0, float(frame["value"].max()) * 1.22)
            ax.set_title("Contracts signed, USD bn a year\n(Korean government figures)", fontsize=8, loc="left")
        else:
            labels = [f"{int(r['period_start'])}–{int(r['period_end'])}" for _, r in frame.iterrows()]
            for i, (_, row) in enumerate(frame.iterrows()):
                sipri = is_sipri(row)
                ax.bar(i, row["value"], width=0.62, color=_highlight() if sipri else "white", edgecolor=_highlight(),
                       hatch=None if sipri else "////", linewidth=0.8)
                ax.text(i, float(row["value"]) + 1.5, f"{hedge(row['qualifier'])}{number(row['value'])}%", ha="center",
                        va="bottom", fontsize=7, color=charts.INK)
            ax.set_xticks(range(len(labels)), labels)
            ax.set_ylim(0, max(float(frame["value"].max()) * 1.22, 10))
            ax.set_title("Poland's share of South Korea's arms\nexports, % (SIPRI, deliveries)", fontsize=8, loc="left")
        charts.value_grid(ax, "y")
        ax.tick_params(axis="x", length=0, labelsize=7.5)
        ax.tick_params(axis="y", labelsize=7.5)
    fig.tight_layout()
    return fig


def poland_chart(accounts: list[dict], labels: list[str], types: list[str]):
    """Grouped horizontal bars: for each system type, the quantity each account gives (none drawn when it gives none)."""
    colours = [charts.OKABE_ITO[i % len(charts.OKABE_ITO)] for i in (3, 4, 2, 6, 1, 7)]
    fig, ax = charts.new_figure(height_in=0.22 * len(types) * len(accounts) + 0.9)
    width = 0.8 / max(len(accounts), 1)
    top = max([q for a in accounts for q in a["quantities"].values()] or [1])
    for j, (account, label) in enumerate(zip(accounts, labels)):
        for i, system in enumerate(types):
            y = i + (j - (len(accounts) - 1) / 2) * width
            value = account["quantities"].get(system)
            if value is None:
                ax.text(top * 0.01, y, "not given", va="center", fontsize=6.5, color=charts.MUTED, style="italic")
                continue
            ax.barh(y, value, height=width * 0.9, color=colours[j % len(colours)], label=label if i == 0 else None)
            ax.text(value + top * 0.01, y, number(value), va="center", fontsize=6.5, color=charts.INK)
    ax.set_yticks(range(len(types)), [system_name(t).capitalize() for t in types])
    ax.set_ylim(len(types) - 0.5, -0.5)
    ax.set_xlim(0, top * 1.15)
    ax.set_xlabel("Units, as each account gives them")
    charts.value_grid(ax, "x")
    ax.tick_params(axis="y", length=0)
    handles, names = [], []
    for j, label in enumerate(labels):
        import matplotlib.patches as mpatches
        handles.append(mpatches.Patch(color=colours[j % len(colours)]))
        names.append(label)
    ax.legend(handles, names, loc="lower right", fontsize=6.5, frameon=False)
    return fig
