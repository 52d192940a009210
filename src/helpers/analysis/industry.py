"""The defence industry: South Korea's arms exports by period, its arms trade with NATO countries and its deals.

    exports = export_values(ev.arms_trade, ev.sources, ev.as_of)     # one row per period, `comparable` flagged
    imports, nato_total = trade_shares(ev.arms_trade, ev.sources, "import share", ev.as_of)
    deals = deals_in_view(ev.arms_deals, ev.sources, ev.as_of, nato_only=False)   # every version of every deal
    table = deals_table(deals)                                        # the rows of the deals table, in date order
    poland = quantities_by_source(ev.arms_deal_items, deals, "poland_2022")    # system type x source

The brief as it stood at a date can only use what its sources had published by then, so every function
here keeps a row only when its source was certainly published by `as_of` (data.published_sources), and a
figure for a period only once the period is over. Values stay as the sources state them: no currency is
converted, no growth rate is computed across periods whose basis differs.
"""
from __future__ import annotations

import re

import pandas as pd

from ..evidence.data import ParameterError, published_sources
from ..evidence.dates import as_date, say_date
from .motives import period_over
from ..writing.text import count, join, money

# The measures data/arms_trade.csv declares (datapackage.yaml); an earlier cut-off may have no rows for some.
MEASURES = ("export value", "import share", "export share", "export growth", "export contracts")
SIGNED = "signed"
UNDER_NEGOTIATION = "under negotiation"
# How the deals table names the contract types of data/arms_deals.csv.
CONTRACT_LABELS = {"framework": "framework agreement", "executive": "executive contract", "order": "order",
                   "under negotiation": "under negotiation", "unspecified": "type not stated"}


def _known(frame: pd.DataFrame, sources: pd.DataFrame, as_of) -> pd.DataFrame:
    return frame[frame["source_id"].isin(published_sources(sources, as_of))]


def trade_figures(arms_trade: pd.DataFrame, sources: pd.DataFrame, measure: str, as_of) -> pd.DataFrame:
    """Rows of data/arms_trade.csv for one measure that the brief may use at `as_of`, oldest period first."""
    if measure not in MEASURES:
        raise ParameterError(f"measure {measure!r} is not a measure of data/arms_trade.csv; choose from: {', '.join(MEASURES)}")
    rows = arms_trade[arms_trade["measure"] == measure]
    rows = _known(period_over(rows, as_of), sources, as_of)
    return rows.sort_values(["period_start", "period_end", "figure_id"]).reset_index(drop=True)


def export_values(arms_trade: pd.DataFrame, sources: pd.DataFrame, as_of) -> pd.DataFrame:
    """Export value by period, with `years` (length of the period) and `comparable`.

    A period is comparable with the first one only when it is as long and its figure has the same basis:
    SWP's 2021-2023 value covers three years, not five, and is probably a contract value, so the brief
    draws it apart and computes no growth across it.
    """
    rows = trade_figures(arms_trade, sources, "export value", as_of).copy()
    rows["years"] = rows["period_end"] - rows["period_start"] + 1
    if rows.empty:
        rows["comparable"] = pd.Series(dtype=bool)
        return rows
    first = rows.iloc[0]
    rows["comparable"] = (rows["years"] == first["years"]) & (rows["basis"] == first["basis"])
    return rows


def growth_words(earlier: float, later: float) -> str:
    """How a comparable value changed, in words a reader takes in at once ('more than tripled')."""
    ratio = float(later) / float(earlier)
    for times, word in ((4, "quadrupled"), (3, "tripled"), (2, "doubled")):
        if ratio >= times:
            return f"more than {word}" if ratio > times else word
    change = round((ratio - 1) * 100)
    return f"rose by {change}%" if change >= 0 else f"fell by {-change}%"


def trade_shares(arms_trade: pd.DataFrame, sources: pd.DataFrame, measure: str, as_of, period=None):
    """(country rows, group total row or None) for 'import share' or 'export share' in one period.

    The country rows come largest first; the group row is the figure for 'NATO members' as a whole, which
    the source states separately (it is not the sum of the country shares, which it only partly names).
    `period` is (start, end); default the latest period with figures.
    """
    rows = trade_figures(arms_trade, sources, measure, as_of)
    if rows.empty:
        return rows, None
    if period is None:
        latest = rows.sort_values(["period_end", "period_start"]).iloc[-1]
        period = (latest["period_start"], latest["period_end"])
    rows = rows[(rows["period_start"] == period[0]) & (rows["period_end"] == period[1])]
    group = rows[rows["partner"] == "NATO members"]
    countries = rows[rows["partner"] != "NATO members"].sort_values(["value", "partner"], ascending=[False, True])
    return countries.reset_index(drop=True), (group.iloc[0] if len(group) else None)


def named_share_total(countries: pd.DataFrame) -> tuple[float, int]:
    """(sum of the exact shares, number of shares given only as 'under x%') of the named countries."""
    under = countries["qualifier"] == "under"
    return float(countries.loc[~under, "value"].sum()), int(under.sum())


# -- deals ------------------------------------------------------------------------------------------

def deals_in_view(deals: pd.DataFrame, sources: pd.DataFrame, as_of, nato_only: bool = False) -> pd.DataFrame:
    """Every version of every deal the brief may show at `as_of`, oldest first.

    One row per deal and source (a deal two sources describe differently keeps both rows), with
    `versions` (how many sources describe the deal by the cut-off), `status` ('signed' or 'under
    negotiation') and `by_date` (True when the source dates the deal only as 'by' its month).
    With `nato_only`, only deals with buyers that were NATO members at the deal date.
    """
    rows = _known(deals[deals["start"] <= as_date(as_of)], sources, as_of).copy()
    if nato_only:
        rows = rows[rows["buyer_nato_member"]]
    rows["versions"] = rows.groupby("deal_id")["source_id"].transform("nunique")
    rows["status"] = [UNDER_NEGOTIATION if t == UNDER_NEGOTIATION or b == "potential deal value" else SIGNED
                      for t, b in zip(rows["contract_type"], rows["value_basis"])]
    rows["by_date"] = [dated_by_upper_bound(r) for _, r in rows.iterrows()]
    # Reading order: by year; within a year signed deals before those under negotiation, then by the
    # earliest month any source gives, so the versions of one deal stay together.
    rows["_status"] = (rows["status"] == UNDER_NEGOTIATION).astype(int)
    rows["_end"] = rows.groupby("deal_id")["end"].transform("min")
    rows = rows.sort_values(["year", "_status", "_end", "deal_id", "start", "source_id"])
    return rows.drop(columns=["_status", "_end"]).reset_index(drop=True)


def dated_by_upper_bound(row) -> bool:
    """True when the source's own words date the deal as 'by <date>' (a latest date, not the signing date)."""
    said = say_date(row["date"], row["date_precision"])
    return bool(re.search(rf"\bby {re.escape(said)}\b", str(row["quote"]), flags=re.IGNORECASE))


def deal_when(row) -> str:
    """'July 2022'; 'by July 2024' when the source gives only a latest date; 'as of January 2025' for talks,
    which are dated by the source that reports them."""
    said = say_date(row["date"], row["date_precision"])
    if row["status"] == UNDER_NEGOTIATION:
        return f"as of {said}"
    return f"by {said}" if row["by_date"] else said


def deal_count(deals: pd.DataFrame) -> str:
    """'two signed deals and one order': distinct deals, orders counted apart from deals signed or concluded."""
    per_deal = deals.drop_duplicates("deal_id")
    orders = int((per_deal["contract_type"] == "order").sum())
    parts = [count(len(per_deal) - orders, "signed deal"), count(orders, "order")]
    return join([p for p, n in zip(parts, (len(per_deal) - orders, orders)) if n]) or "no deals"


def deal_value(row) -> str:
    """'USD 12.4 billion', 'USD 14 billion (potential)' or 'not stated', never converted."""
    if pd.isna(row["value"]):
        return "not stated"
    said = money(row["value"], row["currency"])
    return f"{said} (potential)" if row["value_basis"] == "potential deal value" else said


def largest(deals: pd.DataFrame, status: str = SIGNED, nato: bool | None = None):
    """The version with the largest stated value among deals of this status (and NATO membership), or None."""
    rows = deals[(deals["status"] == status) & deals["value"].notna()]
    if nato is not None:
        rows = rows[rows["buyer_nato_member"] == nato]
    return rows.loc[rows["value"].idxmax()] if len(rows) else None


def deals_table(deals: pd.DataFrame) -> pd.DataFrame:
    """The deals table: one row per deal version, in date order, with plain-language columns."""
    return pd.DataFrame({
        "deal_id": deals["deal_id"],
        "source_id": deals["source_id"],
        "Buyer": [b if nato else f"{b} (not a NATO member)" for b, nato in zip(deals["buyer"], deals["buyer_nato_member"])],
        "Date": [deal_when(r) for _, r in deals.iterrows()],
        "What the source says was bought": deals["systems"],
        "Value": [deal_value(r) for _, r in deals.iterrows()],
        "Contract": [CONTRACT_LABELS[t] for t in deals["contract_type"]],
    })


def chart_rows(deals: pd.DataFrame) -> pd.DataFrame:
    """The deal versions the deals chart draws, in date order: every version, its value in USD billion
    where the source states a USD value (NaN otherwise, drawn as 'value not stated')."""
    rows = deals.copy()
    usd = rows["currency"] == "USD"
    rows["usd_bn"] = rows["value"].where(usd) / 1e9
    return rows.reset_index(drop=True)


def quantities_by_source(items: pd.DataFrame, deals: pd.DataFrame, deal_id: str) -> pd.DataFrame:
    """System type x source table of the quantities each source gives for one deal (versions in view only)."""
    in_view = deals[deals["deal_id"] == deal_id]["source_id"].tolist()
    rows = items[(items["deal_id"] == deal_id) & items["source_id"].isin(in_view) & items["quantity"].notna()]
    if rows.empty:
        return pd.DataFrame()
    order = list(dict.fromkeys(rows["system_type"]))
    table = rows.pivot_table(index="system_type", columns="source_id", values="quantity", aggfunc="sum")
    return table.reindex(index=order, columns=list(dict.fromkeys(rows["source_id"])))


# How the prose and charts name the system types of data/arms_deal_items.csv (plural, lower case).
SYSTEM_NAMES = {"tank": "tanks", "self-propelled howitzer": "self-propelled howitzers",
                "combat aircraft": "combat aircraft", "infantry fighting vehicle": "infantry fighting vehicles",
                "ammunition supply vehicle": "ammunition supply vehicles", "air defence system": "air defence systems"}


def agreement(quantities: pd.DataFrame) -> tuple[list[tuple[str, float]], list[str]]:
    """Where the sources' quantities for one deal agree and where they differ:
    ([(system type, quantity every source gives)], [system types on which they differ])."""
    agree, differ = [], []
    for system_type, row in quantities.iterrows():
        values = row.dropna()
        if values.nunique() == 1 and len(values) == len(row):
            agree.append((system_type, float(values.iloc[0])))
        else:
            differ.append(system_type)
    return agree, differ
