"""Section 5's questions: what the evidence supports recommending, to whom first, and by when.

Each recommendation is a key into the notebook's words (the text is written there, not here). This module decides
only what the data decide: whether a recommendation has the evidence it rests on at the cut-off, the order for
an audience, and the dates a time frame is counted from.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from ..evidence.data import check_choice, terms_of
from ..writing import judgements

AUDIENCES = ("general", "nato", "rok")


@dataclass(frozen=True)
class Recommendation:
    key: str          # names the row of the recommendations table and the report's sub-section
    addressed: str    # "rok", "nato" or "both": who acts first
    needs: tuple      # the rows (by table, id) it rests on; without all of them it is not made
    done_when: tuple = ()  # rows (by table, id) that record it done; with any of them it is no longer made


# In the order of a general reader: the lapse of the programme first, then what carries the partnership.
RECOMMENDATIONS = (
    Recommendation("programme", "both", (("frameworks", "itpp"), ("indicators", "itpp_duration"))),
    Recommendation("industry", "both", (("frameworks", "defence_industry_consultative_body"),)),
    Recommendation("presence", "rok", (("summits", "hague_summit_2025"),)),
    Recommendation("invitations", "nato", (("summits", "hague_summit_2025"),)),
    Recommendation("information", "rok", (("events", "cho_rutte_meeting_2025_04_02"),
                                          ("assessments", "rok_info_channel_request_2025")),
                   done_when=(("frameworks", "information_sharing_channel"),)),
    Recommendation("cyber", "both", (("frameworks", "ccdcoe_membership"),)),
)


def check_audience(audience: str) -> str:
    return check_choice("audience", audience, AUDIENCES)


def supported(ev, recommendations=RECOMMENDATIONS) -> list[Recommendation]:
    """The recommendations whose evidence is in the data at the cut-off and that the data do not yet record as done
    (docs/updating.md names the row that records each one done)."""
    return [r for r in recommendations if all(ev.row(table, key) is not None for table, key in r.needs)
            and not any(_on_record(ev, table, key) for table, key in r.done_when)]


def _on_record(ev, table: str, key: str) -> bool:
    """A row that may not exist yet: an id not in the data is not a typo here (ev.row refuses unknown ids), but an
    unknown table still is."""
    try:
        return ev.row(table, key) is not None
    except KeyError:
        raise
    except LookupError:
        return False


def order_for(recs: list[Recommendation], audience: str) -> list[Recommendation]:
    """For NATO officials, what NATO does first; for Seoul, what Seoul does first; otherwise the order above.
    Within a group the general order holds (a stable sort)."""
    check_audience(audience)
    if audience == "general":
        return list(recs)
    first = {"nato": ("nato", "both", "rok"), "rok": ("rok", "both", "nato")}[audience]
    return sorted(recs, key=lambda r: first.index(r.addressed))


def government_at(admins: pd.DataFrame, day: date) -> str | None:
    """The administration in office on `day` (None while an acting president serves)."""
    return judgements.in_office([(n, s, None if e == date.max else e) for n, s, e in terms_of(admins)], day)


def programme_end(ev) -> int | None:
    """The last year the current partnership programme covers, as the data state it."""
    duration = ev.row("indicators", "itpp_duration")
    return int(duration["period_end"]) if duration is not None else None


def successor_of(frameworks: pd.DataFrame, framework_id: str):
    """The framework that replaced this one by the cut-off, or None."""
    row = frameworks[frameworks["framework_id"] == framework_id]
    if row.empty or not row.iloc[0]["superseded_by"]:
        return None
    following = frameworks[frameworks["framework_id"] == row.iloc[0]["superseded_by"]]
    return None if following.empty else following.iloc[0]
