"""A traceable priority score for each cooperation area, and the audience framing of the recommendations.

The score adds up points from three kinds of evidence in data/, each weighted by `Weights`:

  support     every South Korean administration that lists the area in data/cooperation_areas.csv
              (more points when a source says it singled the area out), plus points for each political
              camp (liberal, conservative) among those administrations;
  frameworks  every partnership framework that lists the area (more points for a priority area), plus
              a point for each such framework still in force at the evidence cut-off;
  results     every practical step in data/events.csv that delivers on the area: an event of a matching
              category whose title or description names the area (see RESULT_RULES), and whose form is not a
              meeting or a statement (RESULT_FORMS), except in an area that consists of talks.

Everything is computed from the tables passed in, so adding or removing a row changes the score. Rows
dated after the cut-off never count: the administrations and frameworks an actor refers to must be in
the (already cut) tables, and only the events passed in are counted.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, fields

import pandas as pd

from ..evidence.data import check_choice
from ..evidence.dates import as_date, parse_partial_date

EMPHASES = ("priority", "present")

# What counts as a practical result for an area: (event category, terms), where an event of that category
# counts when its title or description contains any of the terms (case-insensitive); no terms = every event of
# the category. Only acts that deliver count (RESULT_FORMS, from the events' `form` column): meetings, summit
# attendance and statements of policy do not, except in an area whose substance is talks (TALKS_AREAS); the
# partnership frameworks are scored separately. Areas not listed here have no practical results by definition.
CYBER_TECH = "cyber and technology"  # the event category most areas' results fall in
RESULT_RULES: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "cyber defence": ((CYBER_TECH, ("cyber", "malware", "ccdcoe")),),
    "emerging technologies": ((CYBER_TECH, ("emerging", "disruptive", "innovation", "artificial intelligence")),),
    "science and technology": ((CYBER_TECH, ("science",)),),
    "defence industry": (("defence industry", ()), (CYBER_TECH, ("defence production",))),
    "interoperability": (("military cooperation", ("interoperab", "airworthiness", "standardi")),),
    "military-to-military talks": (("military cooperation", ("staff talks", "military talks", "military-to-military")),),
    "peacekeeping and crisis management": (("operations", ("reconstruction", "trust fund", "crisis")),),
    "maritime security": (("operations", ("piracy", "naval", "maritime")),),
    "non-proliferation": (("non-proliferation", ()),),
    "counter-terrorism": ((CYBER_TECH, ("terroris",)), ("operations", ("terroris",))),
    "CBRN defence": ((CYBER_TECH, ("cbrn", "chemical", "biological")),),
}

RESULT_FORMS = ("agreement", "contract", "membership", "exercise", "operation", "project", "investment")
TALKS_AREAS = ("military-to-military talks",)  # holding the talks is what delivers on these

COMPONENTS = ("administrations", "camps", "frameworks", "results")
COMPONENT_LABELS = {
    "administrations": "Governments in Seoul",
    "camps": "Political camps",
    "frameworks": "Frameworks",
    "results": "Practical results",
}


@dataclass(frozen=True)
class Weights:
    """Points per piece of evidence; shown in the brief's text, so a change here changes the stated rule too."""

    admin_priority: int = 2    # an administration that singles the area out
    admin_present: int = 1     # an administration that lists it
    camp: int = 2              # each political camp (liberal, conservative) whose governments list it
    framework_priority: int = 2
    framework_present: int = 1
    in_force: int = 1          # each listing framework still in force at the cut-off
    result: int = 1            # each practical milestone

    @classmethod
    def equal(cls) -> "Weights":
        """Every piece of evidence worth one point (for the sensitivity check)."""
        return cls(**{f.name: 1 for f in fields(cls)})

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


WEIGHTS = Weights()


def in_force(end_date: str, as_of) -> bool:
    """A framework is in force at `as_of` when it has no end date or its end date starts after `as_of`."""
    if end_date is None or (isinstance(end_date, float) and pd.isna(end_date)) or str(end_date).strip() == "":
        return True
    return parse_partial_date(str(end_date)).start > as_date(as_of)


def in_force_mask(frameworks: pd.DataFrame, as_of) -> pd.Series:
    """True for each framework in force at `as_of` (see in_force)."""
    return pd.Series([in_force(e, as_of) for e in frameworks["end_date"]], index=frameworks.index, dtype=bool)


def _strongest(rows: pd.DataFrame, key: str) -> pd.DataFrame:
    """One row per (area, actor): the strongest emphasis any source gives (several sources may code the same pair)."""
    rows = rows.assign(_strength=rows["emphasis"].map({"priority": 2, "present": 1}))
    rows = rows.sort_values("_strength", ascending=False).drop_duplicates(["area", key])
    return rows.drop(columns="_strength")


def coded_rows(coop: pd.DataFrame, admins: pd.DataFrame, frameworks: pd.DataFrame) -> pd.DataFrame:
    """cooperation_areas rows whose actor exists at the cut-off (an administration in office, a framework begun)."""
    known_admins = set(admins["administration"])
    known_frameworks = set(frameworks["framework_id"])
    keep = pd.Series([(t == "administration" and a in known_admins) or (t == "framework" and a in known_frameworks)
                      for t, a in zip(coop["actor_type"], coop["actor"])], index=coop.index, dtype=bool)
    return coop[keep]  # a boolean Series, not a list: an empty list would select no columns rather than no rows


def practical_results(events: pd.DataFrame, area: str, rules=RESULT_RULES) -> pd.DataFrame:
    """The events that count as practical results for `area` (see RESULT_RULES), in date order."""
    if area not in rules or events.empty:
        return events.iloc[0:0]
    text = (events["title"].astype(str) + " " + events["description"].astype(str)).str.casefold()
    hit = pd.Series(False, index=events.index)
    for category, terms in rules[area]:
        in_category = events["category"] == category
        named = pd.Series(True, index=events.index) if not terms else \
            pd.concat([text.str.contains(t.casefold(), regex=False) for t in terms], axis=1).any(axis=1)
        hit |= in_category & named
    forms = RESULT_FORMS + (("meeting",) if area in TALKS_AREAS else ())
    hit &= events["form"].isin(forms)
    matched = events[hit]
    matched = matched.sort_values("start") if "start" in matched else matched
    # Two rows that are versions of one milestone (different sources, different dates) count once, under the
    # first-dated version, when the data link them with an optional `version_of` column (an event_id).
    if "version_of" in matched:
        milestone = [v if isinstance(v, str) and v.strip() else e for e, v in zip(matched["event_id"], matched["version_of"])]
        matched = matched.assign(milestone=milestone).drop_duplicates("milestone").drop(columns="milestone")
    return matched


def score_areas(coop: pd.DataFrame, admins: pd.DataFrame, frameworks: pd.DataFrame, events: pd.DataFrame,
                as_of, weights: Weights = WEIGHTS, rules=RESULT_RULES) -> pd.DataFrame:
    """One row per area coded in `coop` (at the cut-off): the points of each component, the total and the rank.

    Columns: area, administrations (names, in office order), camps (sorted), frameworks (ids), frameworks_in_force
    (ids), results (event ids), the four components in COMPONENTS, total, rank (1 = highest; ties share a rank).
    Sorted by total (descending), then by area name, so the order is deterministic.
    """
    rows = coded_rows(coop, admins, frameworks)
    admin_rows = _strongest(rows[rows["actor_type"] == "administration"], "actor")
    fw_rows = _strongest(rows[rows["actor_type"] == "framework"], "actor")
    camp_of = dict(zip(admins["administration"], admins["camp"]))
    order = {name: i for i, name in enumerate(admins.sort_values("start_date")["administration"])}
    end_of = dict(zip(frameworks["framework_id"], frameworks["end_date"]))
    records = []
    for area in sorted(set(rows["area"])):
        mine = admin_rows[admin_rows["area"] == area]
        names = sorted(mine["actor"], key=lambda n: order.get(n, len(order)))
        admin_points = sum(weights.admin_priority if e == "priority" else weights.admin_present for e in mine["emphasis"])
        camps = sorted({camp_of[n] for n in names})
        fws = fw_rows[fw_rows["area"] == area]
        live = [f for f in fws["actor"] if in_force(end_of.get(f, ""), as_of)]
        fw_points = sum(weights.framework_priority if e == "priority" else weights.framework_present for e in fws["emphasis"])
        results = practical_results(events, area, rules)
        records.append({
            "area": area,
            "administrations": names,
            "admin_emphasis": dict(zip(mine["actor"], mine["emphasis"])),
            "camps": camps,
            "frameworks": list(fws["actor"]),
            "framework_emphasis": dict(zip(fws["actor"], fws["emphasis"])),
            "frameworks_in_force": live,
            "results": list(results["event_id"]),
            "administrations_points": admin_points,
            "camps_points": weights.camp * len(camps),
            "frameworks_points": fw_points + weights.in_force * len(live),
            "results_points": weights.result * len(results),
        })
    table = pd.DataFrame(records, columns=[
        "area", "administrations", "admin_emphasis", "camps", "frameworks", "framework_emphasis", "frameworks_in_force",
        "results", *[f"{c}_points" for c in COMPONENTS]])
    table["total"] = table[[f"{c}_points" for c in COMPONENTS]].sum(axis=1).astype(int)
    table = table.sort_values(["total", "area"], ascending=[False, True]).reset_index(drop=True)
    table["rank"] = table["total"].rank(method="min", ascending=False).astype(int)
    return table


def score_evidence(ev, weights: Weights = WEIGHTS) -> pd.DataFrame:
    """score_areas on an Evidence object, whose tables load_all has cut at ev.as_of by date and by publication (a
    government's priorities named in a later analysis are not yet evidence)."""
    return score_areas(ev.cooperation_areas, ev.administrations, ev.frameworks, ev.events, ev.as_of, weights)


def top_areas(scores: pd.DataFrame, n: int = 2) -> list[str]:
    """The areas ranked 1..n (more than n when there is a tie at the edge)."""
    if scores.empty:
        return []
    cutoff = scores["total"].iloc[min(n, len(scores)) - 1]
    return list(scores[scores["total"] >= cutoff]["area"])


def both_camps(scores: pd.DataFrame, camps=("conservative", "liberal")) -> list[str]:
    """Areas listed by governments of every camp in `camps`."""
    wanted = set(camps)
    return [a for a, c in zip(scores["area"], scores["camps"]) if wanted <= set(c)]


def evidence_table(scores: pd.DataFrame, admins: pd.DataFrame, frameworks: pd.DataFrame | None = None) -> pd.DataFrame:
    """The evidence behind each area, for a reader: the governments that pursued it (short names, in office order),
    the political camps, the frameworks that list it (by their short names in frameworks.csv, when given) and the
    number of practical steps; sorted by that evidence."""
    short = dict(zip(admins["administration"], admins["short_name"]))
    fw_name = dict(zip(frameworks["framework_id"], frameworks["short_name"])) if frameworks is not None else {}
    rows = scores.assign(steps=[len(r) for r in scores["results"]],
                         breadth=[len(c) for c in scores["camps"]]).sort_values(
        ["breadth", "steps", "area"], ascending=[False, False, True])
    return pd.DataFrame({
        "Area": list(rows["area"]),
        "Governments in Seoul": ["; ".join(short.get(a, a) for a in names) or "none" for names in rows["administrations"]],
        "Camps": ["; ".join(c) or "none" for c in rows["camps"]],
        "Frameworks": ["; ".join(fw_name.get(f) or (f.upper() if len(f) <= 5 else f.replace("_", " ")) for f in fws)
                       or "none"
                       for fws in rows["frameworks"]],
        "Practical steps": [str(n) for n in rows["steps"]],
    })


def conflicts_table(conflicts: pd.DataFrame, versions: pd.DataFrame, cite, where) -> pd.DataFrame:
    """Every disagreement between sources known at the cut-off: topic, the sources that give a version, and the
    section whose note sets out each version and the one the report follows (`where(section slug)` names it)."""
    rows = []
    for topic in conflicts.itertuples():
        mine = versions[versions["conflict_id"] == topic.conflict_id]
        rows.append({"Topic": topic.topic, "Versions": str(len(mine)), "Sources": cite(*mine["source_id"]),
                     "Set out in": where(topic.section)})
    return pd.DataFrame(rows, columns=["Topic", "Versions", "Sources", "Set out in"])
