"""The brief's recommendations as records: who should act, what, why, on which evidence, for which areas.

Each builder below reads the facts it needs from the Evidence tables (cut at the evidence date) and returns
a Recommendation, or None when the evidence it rests on does not exist yet at that date. The wording of each
action is the brief's; every fact in a rationale comes from data/ through helpers.writing.text, with its citation.

    recs = build_recommendations(ev, scores, cite=sec.cite)
    for rec in scoring.order_for(recs, audience): ...
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import pandas as pd

from ..writing import text
from ..evidence.dates import say_date
from .scoring import ACTORS, in_force_mask, with_scores


@dataclass
class Recommendation:
    key: str
    actors: tuple[str, ...]          # codes from scoring.ACTORS; the first leads
    action: str                      # what to do: a clause that follows "<actors> should"
    rationale: str                   # why, built from the data (safe HTML with citations)
    areas: tuple[str, ...] = ()      # cooperation areas it serves; () = the partnership as a whole
    recommended_by: tuple[str, ...] = ()       # sources that make the recommendation themselves
    evidence: tuple[tuple[str, str], ...] = ()  # (table, row key) pairs the rationale rests on
    evidence_sources: tuple[str, ...] = ()     # source ids of the evidence rows
    score: int | None = None         # set by scoring.with_scores: the best score among its areas

    @property
    def actor_phrase(self) -> str:
        return actor_phrase(self.actors)

    @property
    def sources(self) -> list[str]:
        """Every source the recommendation rests on: its evidence rows and the sources that recommend it."""
        return list(dict.fromkeys([*self.evidence_sources, *self.recommended_by]))


_ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]


def ordinal(n: int) -> str:
    """'second', 'tenth', '14th'."""
    if 1 <= n <= len(_ORDINALS):
        return _ORDINALS[n - 1]
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _num(n: int) -> str:
    """A count without its noun: 'five', '12'."""
    return text.count(n, "x").rsplit(" ", 1)[0]


def actor_phrase(actors) -> str:
    """'NATO and its member states', 'Seoul and NATO', ... in the order given."""
    names, actors = [], list(actors)
    for code in actors:
        if code == "allies" and "nato" in actors:
            continue
        if code == "nato" and "allies" in actors:
            names.append("NATO and its member states")
        elif code == "allies":
            names.append("NATO member states")
        else:
            names.append(ACTORS[code])
    return text.join(names)


def source_advice(ev, assessment_id: str) -> tuple[str, str]:
    """(source id, claim as safe HTML) for what a source recommends, from data/assessments.csv."""
    table = ev.tables["assessments"]
    if assessment_id not in set(table["assessment_id"]):
        raise KeyError(f"data/assessments.csv has no row {assessment_id!r}; add it (with source_id and quote)")
    row = table.set_index("assessment_id").loc[assessment_id]
    claim = str(row["claim"]).strip()
    return row["source_id"], text.esc(claim if claim.endswith(".") else claim + ".")


class _Context:
    """Row look-ups and recurring phrases for the builders."""

    def __init__(self, ev, scores: pd.DataFrame, cite: Callable[..., str]):
        self.ev, self.scores, self.cite = ev, scores, cite
        self.admins = ev.administrations.set_index("administration")
        self.frameworks = ev.frameworks.set_index("framework_id")
        self.events = ev.events.set_index("event_id")
        self.indicators = ev.indicators.set_index("indicator_id")
        # A source's own recommendation counts only if the source was certainly published by the evidence date.
        self.published = set(ev.sources.loc[ev.sources["end"] <= ev.as_of, "source_id"])

    def advice(self, *ids) -> tuple[str, tuple[str, ...]]:
        """What the sources themselves argue or recommend: one cited sentence per assessment id (see source_advice).

        An id may come as (id, lead) to open the sentence with a connective, e.g. ("nato_limited_leverage", "Yet").
        """
        sentences, used = [], []
        for item in ids:
            key, lead = (item, "") if isinstance(item, str) else item
            source, claim = source_advice(self.ev, key)
            if source not in self.published:  # a source published after as_of cannot have said it yet
                continue
            sentences.append(f" {lead + ' ' if lead else ''}{claim.rstrip('.')} {self.cite(source)}.")
            used.append(source)
        return "".join(sentences), tuple(dict.fromkeys(used))

    def row(self, table: str, key: str):
        frame = {"frameworks": self.frameworks, "events": self.events, "indicators": self.indicators}[table]
        return frame.loc[key] if key in frame.index else None

    def area(self, area: str):
        hit = self.scores[self.scores["area"] == area]
        return hit.iloc[0] if len(hit) else None

    def when(self, table: str, key: str) -> str:
        row = self.row(table, key)
        column = "start_date" if table == "frameworks" else "date"
        return say_date(row[column], row["date_precision"])

    def unlisted_programmes(self) -> list[str]:
        """The current programme, when no source lists its areas (the ITPP at the 2025 cut-off)."""
        coded = set(self.ev.cooperation_areas.loc[self.ev.cooperation_areas["actor_type"] == "framework", "actor"])
        programme = current_programme(self.ev)
        return [programme["framework_id"]] if programme is not None and programme["framework_id"] not in coded else []

    def area_case(self, area: str) -> tuple[str, list[str]]:
        """'Cyber defence has the highest priority score of the 14 areas (19 points). ...' and the sources it rests on."""
        row = self.area(area)
        if row is None:
            return "", []
        tied = int((self.scores["total"] == row["total"]).sum()) > 1
        place = ("joint " if tied else "") + ("highest" if row["rank"] == 1 else f"{ordinal(int(row['rank']))}-highest")
        parts = []
        priority = [a for a in row["administrations"] if row["admin_emphasis"][a] == "priority"]
        present = [a for a in row["administrations"] if row["admin_emphasis"][a] == "present"]
        backing = []
        if priority:
            backing.append(f"{text.join(text.esc(a) for a in priority)} singled it out")
        if present:
            backing.append(f"{text.join(text.esc(a) for a in present)} listed it")
        if backing:
            camps = ("so it has backing in both camps" if len(row["camps"]) > 1
                     else f"so only the {text.esc(row['camps'][0])} camp backs it")
            parts.append(f"{text.join(backing)}, {camps}")
        else:
            parts.append("no government in Seoul lists it")
        if row["frameworks"]:
            names = [text.esc(self.frameworks.loc[f, "short_name"]) for f in row["frameworks"]]
            live = len(row["frameworks_in_force"])
            verb = "covers" if len(names) == 1 else "cover"
            state = "in force" if live == len(names) == 1 else "no longer in force" if live == 0 else \
                f"{_num(live)} still in force" if len(names) > 1 else "in force"
            parts.append(f"the {text.join(names)} {verb} it ({state})")
        else:
            unlisted = [text.esc(self.frameworks.loc[f, "short_name"]) for f in self.unlisted_programmes()]
            parts.append("no partnership framework in the evidence lists it"
                         + (f" (the sources do not say which areas the {text.join(unlisted)} covers)" if unlisted else ""))
        results = self.events.loc[row["results"]] if row["results"] else None
        if results is not None and len(results):
            first, last = int(results["year"].min()), int(results["year"].max())
            span = f"in {first}" if first == last else f"from {first} to {last}"
            parts.append(f"the sources record {text.count(len(results), 'practical milestone')} {span}")
        else:
            parts.append("the sources record no practical milestone in it")
        sources = set(self.ev.cooperation_areas.loc[self.ev.cooperation_areas["area"] == area, "source_id"])
        if results is not None:
            sources |= set(results["source_id"])
        evidence = "; ".join(parts[:-1]) + "; and " + parts[-1] if len(parts) > 1 else parts[0]
        sentence = (f"{text.esc(area).capitalize()} has the {place} priority score of the {_num(len(self.scores))} areas "
                    f"({text.count(int(row['total']), 'point')}). {evidence[0].upper() + evidence[1:]}")
        return sentence, sorted(sources)


# -- the recommendations -----------------------------------------------------------------------------------

def current_programme(ev):
    """The partnership programme in force at the evidence date (the latest that has begun and not ended), or None."""
    programmes = ev.frameworks[ev.frameworks["kind"] == "programme"]
    live = programmes[in_force_mask(programmes, ev.as_of)]
    return live.sort_values("start").iloc[-1] if len(live) else None


def _programme(ctx: _Context):
    return current_programme(ctx.ev)


def _itpp_facts(ctx: _Context) -> tuple[str, list[tuple[str, str]], list[str]]:
    areas, duration = ctx.row("indicators", "itpp_cooperation_areas"), ctx.row("indicators", "itpp_duration")
    if areas is None or duration is None:
        return "", [], []
    phrase = (f"it sets out concrete steps and timelines in {text.count(int(areas['value']), 'area')} of cooperation for "
              f"{text.period(duration['period_start'], duration['period_end'])}")
    return phrase, [("indicators", "itpp_cooperation_areas"), ("indicators", "itpp_duration")], \
        sorted({areas["source_id"], duration["source_id"]})


def _continuity(ctx: _Context):
    programme = _programme(ctx)
    if programme is None:
        return None
    name = text.esc(programme["short_name"])
    facts, evidence, sources = _itpp_facts(ctx) if programme["framework_id"] == "itpp" else ("", [], [])
    bilateral = ctx.ev.events[~ctx.ev.events["category"].isin(
        ["Korean domestic politics", "Korean foreign policy", "regional context", "NATO policy"])]
    presidents = [a for a in ctx.ev.administrations["administration"] if a in set(bilateral["administration"])]
    camps = ctx.admins.loc[presidents, "camp"].value_counts()
    camp_text = text.join(f"{_num(int(n))} {text.esc(c)}" for c, n in camps.items())
    start = int(bilateral["year"].min())
    rationale = (f"Each of the {_num(len(presidents))} presidents in office since the dialogue began in {start} ({camp_text}) added milestones to the relationship "
                 f"{ctx.cite(*sorted(set(bilateral['source_id'])))}. The {name} is the current basis of cooperation, signed in "
                 f"{ctx.when('frameworks', programme['framework_id'])}")
    rationale += f"; {facts} {ctx.cite(*sources)}." if facts else f" {ctx.cite(programme['source_id'])}."
    impeachment = ctx.row("events", "yoon_impeachment_2024_12")
    if impeachment is not None:
        rationale += (f" The impeachment of President Yoon Suk-yeol in {ctx.when('events', 'yoon_impeachment_2024_12')} "
                      f"brings a change of government closer {ctx.cite(impeachment['source_id'])}.")
        evidence.append(("events", "yoon_impeachment_2024_12"))
    advice, by = ctx.advice("cooperation_likely_continues", "swp_rec_reconvene_itpp")
    rationale += advice
    return Recommendation(
        key="continuity", actors=("nato", "allies"),
        action=(f"make the case for the partnership to both political camps in Seoul and reconvene talks on implementing "
                f"the {name} as soon as the next South Korean government is in office"),
        rationale=rationale, recommended_by=by,
        evidence=(("frameworks", programme["framework_id"]), *evidence), evidence_sources=tuple(sorted(set(bilateral["source_id"]) | set(sources))))


def _consensus(ctx: _Context):
    programme = _programme(ctx)
    if programme is None or ctx.scores.empty:
        return None
    name = text.esc(programme["short_name"])
    shared = [a for a, c in zip(ctx.scores["area"], ctx.scores["camps"]) if len(c) > 1]
    if not shared:
        return None
    top_shared = shared[:3]
    rationale = (f"Of the {text.count(len(ctx.scores), 'area')} of cooperation that governments or frameworks in the evidence "
                 f"list, {_num(len(shared))} "
                 f"{'have' if len(shared) != 1 else 'has'} been listed by governments of both the liberal and the conservative "
                 f"camp, led by {text.join(text.esc(a) for a in top_shared)} "
                 f"{ctx.cite(*sorted(set(ctx.ev.cooperation_areas['source_id'])))}: this is where a consensus across "
                 f"camps already exists.")
    advice, by = ctx.advice("swp_rec_itpp_consensus", "consensus_three_factors")
    rationale += advice
    return Recommendation(
        key="consensus", actors=("rok",),
        action=(f"treat the {name} as a commitment of the state rather than of one government: confirm it early in the next "
                f"term and put the areas that both camps support at the front of its implementation"),
        rationale=rationale, recommended_by=by,
        evidence=(("frameworks", programme["framework_id"]), ("cooperation_areas", "*")),
        evidence_sources=tuple(sorted(set(ctx.ev.cooperation_areas["source_id"]))))


def _cyber(ctx: _Context):
    case, sources = ctx.area_case("cyber defence")
    if not case:
        return None
    ccdcoe = ctx.row("frameworks", "ccdcoe_membership")
    building = ("building on South Korea's membership of NATO's Cooperative Cyber Defence Centre of Excellence, its part "
                "in NATO cyber exercises and its malware information sharing") if ccdcoe is not None else \
        "building on the cyber cooperation already under way"
    advice, by = ctx.advice("swp_rec_cyber_defence_industry", "pism_rec_cyber_threats", "eias_rec_cyber_sps")
    rationale = f"{case} {ctx.cite(*sources)}.{advice}"
    return Recommendation(
        key="cyber", actors=("rok", "nato"), areas=("cyber defence",),
        action=f"deepen cyber defence cooperation, {building}",
        rationale=rationale, recommended_by=by,
        evidence=(("cooperation_areas", "cyber defence"), *(("events", e) for e in ctx.area("cyber defence")["results"])),
        evidence_sources=tuple(sources))


def _defence_industry(ctx: _Context):
    case, sources = ctx.area_case("defence industry")
    if not case:
        return None
    deals = ctx.ev.arms_deals
    deals = deals[(deals["buyer_nato_member"] == True) & (deals["contract_type"] != "under negotiation")  # noqa: E712
                  & (deals["value_basis"] != "potential deal value")]
    listed = []
    for _, rows in deals.groupby("deal_id", sort=False):
        valued = rows.dropna(subset=["value"])
        label = text.esc(rows["buyer"].iloc[0])
        if len(valued):
            label += f" ({text.money(valued['value'].iloc[0], valued['currency'].iloc[0])})"
        listed.append((rows["start"].min(), label))
    rationale = f"{case} {ctx.cite(*sources)}."
    if listed:
        listed.sort(key=lambda item: item[0])
        rationale += (f" The evidence records arms deals or orders from {_num(len(listed))} NATO "
                      f"{'member' if len(listed) == 1 else 'members'}: {text.join(label for _, label in listed)} "
                      f"{ctx.cite(*sorted(set(deals['source_id'])))}.")
        disputed = ctx.ev.conflicts[ctx.ev.conflicts["conflict_id"] == "poland_quantities"]
        if len(disputed) and "poland_2022" in set(deals["deal_id"]):
            rationale += " Only one source gives the Poland deal's value, and the two that report it disagree on its quantities."
    share = ctx.ev.arms_trade[(ctx.ev.arms_trade["measure"] == "export share") & (ctx.ev.arms_trade["partner"] == "NATO members")]
    if len(share):
        s = share.iloc[0]
        rationale += (f" NATO members took {text.percent(s['value'], s['qualifier'])} of South Korea's arms exports in "
                      f"{text.period(s['period_start'], s['period_end'])} {ctx.cite(s['source_id'])}.")
    advice, by = ctx.advice("swp_rec_cyber_defence_industry", "pism_rec_technology_transfer",
                            "pism_rec_technology_supply_chains")
    rationale += advice
    return Recommendation(
        key="defence_industry", actors=("allies", "rok"), areas=("defence industry",),
        action=("turn arms purchases from South Korea into lasting industrial cooperation, through co-production, technology "
                "transfer and more resilient supply chains, and anchor it in the partnership programme"),
        rationale=rationale, recommended_by=by,
        evidence=(("cooperation_areas", "defence industry"), *(("arms_deals", d) for d in deals["deal_id"].unique()),
                  *(("arms_trade", f) for f in share["figure_id"])),
        evidence_sources=tuple(sorted(set(sources) | set(deals["source_id"]) | set(share["source_id"]))))


def _asia_dialogue(ctx: _Context):
    case, sources = ctx.area_case("non-proliferation")
    if not case:
        return None
    statements = ctx.ev.nato_statements
    on_dprk = statements[statements["threat"].isin(["North Korea", "North Korea-Russia military cooperation"])]
    rationale = f"{case} {ctx.cite(*sources)}."
    if len(on_dprk):
        latest = on_dprk.sort_values("start").iloc[-1]
        docs = on_dprk.drop_duplicates("statement_id")
        named = f"{text.esc(latest['document'])} ({say_date(latest['date'], latest['date_precision'])})"
        if len(docs) == 1:
            rationale += f" One NATO document addresses North Korea: the {named}"
        else:
            rationale += (f" {_num(len(docs)).capitalize()} NATO documents between {int(docs['year'].min())} and "
                          f"{int(docs['year'].max())} address North Korea, most recently the {named}")
        rationale += f" {ctx.cite(*sorted(set(docs['source_id'])))}."
    advice, by = ctx.advice("eias_rec_asian_security_talks", "nato_needs_consensus_asia", "eias_rec_denuclearisation",
                            ("nato_limited_leverage", "Yet"))
    rationale += advice
    return Recommendation(
        key="asia_dialogue", actors=("nato", "rok"), areas=("non-proliferation", "political dialogue"),
        action=("hold regular consultations on Asian security, with North Korea's nuclear programme and its military "
                "cooperation with Russia as standing items"),
        rationale=rationale, recommended_by=by,
        evidence=(("cooperation_areas", "non-proliferation"), *(("nato_statements", s) for s in on_dprk["statement_id"].unique())),
        evidence_sources=tuple(sorted(set(sources) | set(on_dprk["source_id"]))))


def _interoperability(ctx: _Context):
    case, sources = ctx.area_case("interoperability")
    pii = ctx.row("frameworks", "pii")
    if not case or pii is None:
        return None
    rationale = f"{case} {ctx.cite(*sources)}."
    steps, evidence, more = [], [("frameworks", "pii")], {pii["source_id"]}
    talks, airworthiness = ctx.row("frameworks", "military_staff_talks"), ctx.row("frameworks", "airworthiness_agreement")
    if talks is not None:
        steps.append(f"held the first military staff talks in {ctx.when('frameworks', 'military_staff_talks')}, with a "
                     f"commitment to annual talks {ctx.cite(talks['source_id'])}")
        evidence.append(("frameworks", "military_staff_talks"))
    if airworthiness is not None:
        steps.append(f"signed in {ctx.when('frameworks', 'airworthiness_agreement')} an agreement on mutual recognition of "
                     f"military airworthiness certification, NATO's first with an Asian country "
                     f"{ctx.cite(airworthiness['source_id'])}")
        evidence.append(("frameworks", "airworthiness_agreement"))
    rationale += f" South Korea has taken part in the Partnership Interoperability Initiative since {pii['year']} {ctx.cite(pii['source_id'])}"
    rationale += (f"; since then the two sides have {text.join(steps)}." if steps else ".")
    advice, by = ctx.advice("eias_rec_pii_exercises")
    rationale += advice
    return Recommendation(
        key="interoperability", actors=("rok", "nato"), areas=("interoperability", "military-to-military talks"),
        action=("use the Partnership Interoperability Initiative and the annual military staff talks to train and exercise "
                "with Allies, and extend mutual recognition of standards beyond airworthiness"),
        rationale=rationale, recommended_by=by, evidence=tuple(evidence),
        evidence_sources=tuple(sorted(set(sources) | more)))


def _science(ctx: _Context):
    areas = ("science and technology", "emerging technologies", "counter-terrorism", "CBRN defence")
    scored = [a for a in areas if ctx.area(a) is not None]
    if not scored:
        return None
    case, sources = ctx.area_case(max(scored, key=lambda a: int(ctx.area(a)["total"])))
    rationale = f"{case} {ctx.cite(*sources)}."
    sps, evidence = ctx.row("events", "sps_big_data_project_2015"), []
    labs = [ctx.row("indicators", k) for k in ("dexter_laboratories", "dexter_nato_countries", "dexter_partner_countries")]
    if sps is not None:
        rationale += (f" South Korea has taken part in NATO's Science for Peace and Security programme, including a "
                      f"multi-year project from {sps['year']} on secure data processing in defence {ctx.cite(sps['source_id'])}")
        evidence.append(("events", "sps_big_data_project_2015"))
        if all(x is not None for x in labs):
            rationale += (f", and in its DEXTER programme, whose consortium brings together "
                          f"{text.count(int(labs[0]['value']), 'laboratory', 'laboratories and research institutes')} in "
                          f"{text.count(int(labs[1]['value']), 'NATO member country', 'NATO member countries')} and "
                          f"{text.count(int(labs[2]['value']), 'partner country', 'partner countries')} {ctx.cite(labs[0]['source_id'])}")
            evidence += [("indicators", "dexter_laboratories"), ("indicators", "dexter_nato_countries"), ("indicators", "dexter_partner_countries")]
        rationale += "."
    edt = ctx.row("events", "edt_cooperation_2021")
    if edt is not None:
        rationale += (f" Cooperation on emerging and disruptive technologies dates from {edt['year']} {ctx.cite(edt['source_id'])}.")
        evidence.append(("events", "edt_cooperation_2021"))
    advice, by = ctx.advice("eias_rec_sps", "pism_rec_technology_supply_chains")
    rationale += advice
    return Recommendation(
        key="science", actors=("rok", "nato"), areas=tuple(scored),
        action=("widen scientific and technological cooperation through the Science for Peace and Security programme, on "
                "counter-terrorism and CBRN defence, and on emerging and disruptive technologies"),
        rationale=rationale, recommended_by=by, evidence=tuple(evidence),
        evidence_sources=tuple(sorted(set(sources) | {r["source_id"] for r in [sps, edt, *labs] if r is not None})))


BUILDERS = (_continuity, _consensus, _cyber, _defence_industry, _asia_dialogue, _interoperability, _science)


def build_recommendations(ev, scores: pd.DataFrame, cite: Callable[..., str]) -> list[Recommendation]:
    """Every recommendation whose evidence exists at ev.as_of, each with the score of its best area."""
    ctx = _Context(ev, scores, cite)
    recs = [rec for build in BUILDERS if (rec := build(ctx)) is not None]
    return with_scores(recs, scores)


def uncovered_areas(recs: list[Recommendation], scores: pd.DataFrame, top: int) -> list[str]:
    """Areas among the `top` highest scores that no recommendation serves."""
    covered = {a for rec in recs for a in rec.areas}
    return [a for a in scores["area"].head(top) if a not in covered]
