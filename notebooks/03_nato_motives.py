# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Why NATO looks to the Indo-Pacific
#
# Why has NATO sought closer ties with South Korea and its other partners in the Indo-Pacific, and where does that
# interest stop?

# %% tags=["parameters"]
as_of = "2026-06-30"  # evidence cut-off (YYYY-MM-DD): nothing dated later is counted or drawn
partners = ["South Korea", "Japan", "Australia", "New Zealand"]  # Indo-Pacific partners to show, in this order (names as in data/summit_participation.csv)

# %%
from datetime import date

import pandas as pd

from helpers.analysis import motives
from helpers.evidence.data import load_all, published_sources
from helpers.writing import judgements
from helpers.writing.filters import words
from helpers.writing.section import Section

ev = load_all(as_of)
sec = Section(number=3, slug="nato_motives", evidence=ev)  # its title is the heading above
partners = motives.check_partners(partners, load_all(date.max).summit_participation)  # valid whatever the cut-off
n_partners = len(partners)


def claim(assessment_id):
    """A source's argument (data/assessments.csv), or None while its source was not yet published at the cut-off; an
    id the data do not have at all stops the section (ev.row: a typo must not silently drop a paragraph)."""
    return ev.row("assessments", assessment_id)


def event(event_id):
    """A dated event, or None when the data lack it or it was not over by the cut-off."""
    return motives.done(ev.row("events", event_id), ev.as_of)


# %%
# NATO's words: every document in the evidence and the threats it names, as the sources quote them. A document
# counts once its date is over (a statement dated "2019" from 31 December 2019).
timeline = motives.statements_timeline(ev.nato_statements, ev.as_of)
docs = motives.documents(timeline)
firsts = motives.first_named(timeline)
threats = motives.threats_by_first_mention(timeline)
# The security of the Indo-Pacific is a region NATO ties to its own, not a threat: the prose counts it apart.
REGION = "Indo-Pacific security"
threat_names = [t for t in threats if t != REGION]
links = [t for t in ("China-Russia partnership", "North Korea-Russia military cooperation") if t in firsts]
early = [t for t in ("North Korea", "China") if t in firsts]
linked = [{"China-Russia partnership": "China", "North Korea-Russia military cooperation": "North Korea"}[t] for t in links]
said = lambda statement_id, threat: motives.statement(timeline, statement_id, threat)  # noqa: E731

brussels_2018 = said("brussels_summit_2018", "North Korea")
london = said("london_declaration_2019", "China")
london_first = london is not None and firsts["China"]["statement_id"] == "london_declaration_2019"
ministers_2020 = said("nato_fm_meeting_2020_12", "China")
brussels_2021 = said("brussels_summit_2021", "Indo-Pacific security")
concept_russia = said("strategic_concept_2022", "Russia")
concept_china = said("strategic_concept_2022", "China")
concept_pair = said("strategic_concept_2022", "China-Russia partnership")
concept_dprk = said("strategic_concept_2022", "North Korea")
washington_china = said("washington_declaration_2024", "China")
washington_pair = said("washington_declaration_2024", "China-Russia partnership")
washington_dprk = said("washington_declaration_2024", "North Korea-Russia military cooperation")
troops_2024 = said("rutte_statement_2024_10", "North Korea-Russia military cooperation")
troops_threat = event("rutte_dprk_troops_statement_2024_10")
april_link = said("rutte_fmm_press_conference_2025_04", "Indo-Pacific security")
april_china = said("rutte_fmm_press_conference_2025_04", "China")
tokyo_dprk = said("rutte_tokyo_2025_04_09", "North Korea-Russia military cooperation")
hague_words = said("hague_declaration_2025", "Russia")
linked_2026 = said("rutte_post_after_lee_call_2026_02", "Indo-Pacific security")
topic_page = said("nato_topic_page_2023", "North Korea")

# Where a source paraphrased a NATO text and the text itself (or a verbatim copy) words it otherwise, the data keep
# both versions (data/conflicts.csv): the brief quotes the document's own words only from a row that holds them.
versions = motives.known_versions(ev.conflicts, ev.conflict_versions, ev.sources, ev.as_of)
LONDON_WORDS = "opportunities and challenges"
CONCEPT_CHINA_WORDS = "coercive policies challenge our interests, security and values"
CONCEPT_PAIR_WORDS = "mutually reinforcing attempts to undercut the rules-based international order run counter to our values and interests"
CONCEPT_PARTNERS_WORDS = "strengthen dialogue and cooperation with new and existing partners in the Indo-Pacific"
BRUSSELS_2021_WORDS = "systemic challenges"
london_own = motives.with_phrase([london, versions], LONDON_WORDS) if london is not None else None
concept_china_own = motives.with_phrase([concept_china, versions], CONCEPT_CHINA_WORDS) if concept_china is not None else None
concept_pair_own = motives.with_phrase([concept_pair, versions], CONCEPT_PAIR_WORDS) if concept_pair is not None else None
brussels_2021_own = motives.with_phrase([versions], BRUSSELS_2021_WORDS) if brussels_2021 is not None else None
concept_partners = motives.with_phrase([versions], CONCEPT_PARTNERS_WORDS) if concept_pair is not None else None
concept_pair_swp = motives.with_phrase([versions, concept_pair], "as a threat to NATO") if concept_pair is not None else None

# The sources' reading of NATO's motives.
demonstrations = claim("nato_threat_demonstrations")
pushed = claim("nato_pushed_ip4_summits")
theatres = claim("euro_atlantic_indo_pacific")
consensus_asia = claim("nato_needs_consensus_asia")

# %%
# Who came, and at what level: every NATO meeting since 2020 at which a source records one of the chosen partners,
# with the level of each partner's representative (a leader only at head-of-state-or-government level).
SINCE = 2020  # the partners first joined a NATO ministerial meeting in December 2020 (the figure starts that year)
long = motives.summit_participation(ev.summits, ev.summit_participation, partners, ev.as_of, since=SINCE)
meetings = motives.presence(long)
summits = motives.summits(meetings)
first_summit = summits[0] if summits else None
# The latest two summits at which every chosen partner is on record: counts of leaders compare like with like only
# when no partner is missing from either summit's record. A later summit with gaps is reported as such.
recorded = [s for s in summits if not s.no_record]
latest = recorded[-1] if recorded else None
previous = recorded[-2] if len(recorded) > 1 else None
partial = [s for s in summits if s.no_record and latest is not None and s.start > latest.start]
first_meeting = meetings[0] if meetings else None
rows_of = lambda m: ev.summit_participation[  # noqa: E731
    (ev.summit_participation["meeting_id"] == m.meeting_id) & ev.summit_participation["partner"].isin(partners)]

# The first summit: who took part, and whether the source says it was the first time.
if first_summit is not None:
    first_rows = rows_of(first_summit)  # who took part: each partner's record is cited for it
    first_said = motives.said_first(first_summit.meeting_id, ev.summit_participation, ev.conflicts,
                                    ev.conflict_versions)
    # "For the first time" only on a source's word; that record (NATO's, naming the partners) then carries the
    # sentence, else each partner's own record of attendance does.
    first_word = first_said.iloc[0] if len(first_said) else None
    first_summit_share = judgements.share_word(len(first_summit.attended), n_partners)

# The latest summit against the one before it, partner by partner.
if latest is not None:
    latest_share = judgements.share_word(len(latest.leaders), n_partners)
    latest_leaders = sec.num("leaders_latest", len(latest.leaders), words(len(latest.leaders)), sources=latest.sources)
    leaders_box = sec.num("leaders_latest_of_all", len(latest.leaders), f"{len(latest.leaders)} of {n_partners}",
                          sources=latest.sources)
if previous is not None:
    previous_share = judgements.share_word(len(previous.leaders), n_partners)
    previous_leaders = sec.num("leaders_previous", len(previous.leaders), words(len(previous.leaders)),
                               sources=previous.sources)
    previous_box = sec.num("leaders_previous_of_all", len(previous.leaders), f"{len(previous.leaders)} of {n_partners}",
                           sources=previous.sources)
    change = motives.level_change(long, previous.meeting_id, latest.meeting_id)
    fewer_leaders = len(latest.leaders) < len(previous.leaders)
    # A headline fall: far fewer heads of state or government than at the summit before (the pace rule on counts).
    presence_fell = judgements.pace(len(latest.leaders), len(previous.leaders)).word == "far less"

# South Korea's own record at the latest summit, and the Indo-Pacific session held there.
lee_absent = event("hague_summit_rok_nsa_2025_06") if latest is not None and latest.meeting_id == "hague_summit_2025" else None
joint_statement = event("ip4_joint_statement_hague_2025_06") if lee_absent is not None else None
ministers_first = event("first_foreign_ministers_meeting_2020_12")
korea_first_ministers = ministers_first is not None and judgements.says_first(ministers_first["quote"])
# NATO's list of that meeting is fuller than the partners shown (data/conflicts.csv): "among others" once it is on record.
fuller_list = (ev.conflict_versions["conflict_id"] == "foreign_ministers_2020_participants").sum() > 1
fm_others = ([p for p in first_meeting.attended if p != "South Korea"]
             if first_meeting is not None and first_meeting.meeting_id == "nato_fm_2020_12" else [])
defence_first = event("defence_ministers_meeting_2024_10")
defence_agreed = event("ip4_defence_ministers_agreement_2024_10")
vilnius_talks = event("nato_ip4_talks_vilnius_2023_07")

# %%
# Where the interest stops: the sources' arguments (each counted once its source was published by the cut-off) and
# the 2025-2026 record on the partners' place at NATO's summits.
reluctant = claim("rok_reluctance_china")
fear = claim("rok_fear_thaad_like_reaction")
thaad = event("thaad_restrictions_2016_pism")
no_confrontation = claim("rok_avoids_confrontation")
risks = claim("rapprochement_risks")
no_names = claim("yoon_no_names_madrid")
not_russia = claim("rok_russia_not_threat")
hedging = claim("rok_hedging")
leverage = claim("nato_limited_leverage")
symbolic = claim("nato_symbolic_role_peninsula")
realistic = claim("rok_realistic_nato_support")
china_silent = claim("china_no_official_statement")
chess_piece = claim("china_media_chess_piece")
exposure = motives.indicator(ev.indicators, "rok_exports_to_china_2018", ev.as_of)
pew_china = motives.indicator(ev.indicators, "pew_unfavourable_china_2022", ev.as_of)
# After 2024: how analysts read the Hague summit, and the reported US pressure over the partners' place at Ankara.
hague_silence = claim("hague_no_ip4_points")
downgraded = claim("ip4_downgraded_hague")
momentum = claim("ip4_outreach_momentum")
ankara_pressure = claim("us_pressure_ankara_invitations")
side_events = claim("us_pressure_ankara_side_events")
ankara = event("ankara_summit_announced_2025_08_19")
hague_summit = ev.row("summits", "hague_summit_2025")
helsingborg = event("helsingborg_fmm_2026_05_22")
# The Ankara summit as announced: still ahead at the cut-off, or held and with or without a record of who came.
ankara_summit = ev.summit("ankara_summit_2026")
ankara_ahead = ankara_summit is not None and ankara_summit.ahead
ankara_unrecorded = ankara_summit is not None and not ankara_summit.ahead and not any(
    m.meeting_id == ankara_summit.meeting_id for m in meetings)

nothing = not len(timeline) and not meetings

# %% [markdown] tags=["summary"]
# {% if nothing %}**The evidence up to {{ ev.as_of | day }} holds no NATO statement on the Indo-Pacific and no NATO
# meeting with its partners there,** so this section has no finding at that date.{% elif links %}**NATO courts Seoul
# because it now sees the security of Europe and of the Indo-Pacific as linked; its interest has limits{% if
# previous is not none and presence_fell %}, and the partners' own presence fell: fewer sent their leaders to
# {{ latest.place }} than to {{ previous.place }}{% endif %}.**
# {% if washington_china is not none and washington_dprk is not none %}Since {{ washington_china | when("year") }}
# NATO has called China an enabler of Russia's war and condemned North Korea's arms exports.{% endif %}
# {% if reluctant is not none and leverage is not none %}{% if reluctant.source_id == leverage.source_id %}{{ sec.citations.name(reluctant.source_id) }}
# found Seoul {{ sec.citations.published_when(reluctant.source_id) }} wary of calling China a threat, and NATO able to do
# little on the Korean Peninsula.{% else %}Seoul has been wary of calling China a threat, and NATO can do little on the
# Korean Peninsula, in the sources' reading.{% endif %}{% endif %}{% else %}**NATO's interest in its Indo-Pacific partners grew with its concern about
# China.** {% if ministers_2020 is not none %}Their foreign ministers met NATO's {{ ministers_2020 | dated }} to
# discuss “the rise of China” {{ cite(ministers_2020) }}.{% endif %}
# {% if hedging is not none %}Seoul's hedging between its great-power neighbours sets the limits
# {{ cite(hedging) }}.{% endif %}{% endif %}

# %% [markdown] tags=["key-numbers"]
# {% if previous is not none %}- **{{ leaders_box }}** Indo-Pacific partners sent a head of state or government to
# {{ latest.name }} ({{ latest | when("month") }}), against {{ previous_box }} at {{ previous.name }}
# ({{ previous | when("month") }}){% if latest.below and not latest.not_given and not latest.expected %}; the rest sent ministers or officials{% endif %}{% endif %}

# %% [markdown]
# {% if nothing %}The evidence up to {{ ev.as_of | day }} holds no NATO document that names a threat in the
# Indo-Pacific and no NATO meeting with the Indo-Pacific partners, so this section has nothing to report at that
# date.{% endif %}

# %% [markdown]
# {% if timeline | length %}## Two theatres, one set of threats {#words}{% endif %}

# %% [markdown] tags=["brief"]
# {% if links %}NATO courts Seoul because, in its own texts and its Secretary General's words, the security of the
# Indo-Pacific is now tied to Russia's war in Europe. {% if washington_china is not none %}At Washington {{ washington_china | dated }} the Allies called China
# {{ quote(washington_china, "a decisive enabler of Russia’s war against Ukraine") }}
# {{ cite(washington_china) }}{% if washington_dprk is not none %} and condemned
# {{ quote(washington_dprk, "the DPRK’s exports of artillery shells and ballistic missiles") }}
# {{ cite(washington_dprk) }}{% endif %}.{% if pushed is not none %} Against this background, {{ sec.citations.name(pushed.source_id) }}
# argued {{ sec.citations.published_when(pushed.source_id) }}, NATO pressed for the four partners to attend its summits
# {{ cite(pushed) }}.{% endif %}{% elif troops_2024 is not none %}{{ troops_2024 | dated | upper_first }} NATO's
# Secretary General called the deployment of North Korean troops {{ quote(troops_2024, "a significant escalation") }}
# in North Korea's involvement in Russia's war {{ cite(troops_2024) }}.{% endif %}{% if april_link is not none %} 
# {{ april_link | dated | upper_first }} the Secretary General, Mark Rutte, said that the security of the Indo-Pacific and the
# Euro-Atlantic {{ quote(april_link, "is more connected than ever before") }} {{ cite(april_link) }}.{% endif %}
# ({{ see("words") }})
# {% elif timeline | length %}NATO's interest in its Asian partners grew with its attention to China.
# {% if ministers_2020 is not none %}When NATO's foreign ministers met their counterparts from the Indo-Pacific 
# {{ ministers_2020 | dated }}, they discussed {{ quote(ministers_2020, "the rise of China") }}
# {{ cite(ministers_2020) }}.{% endif %}{% if brussels_2021 is not none %} At Brussels {{ brussels_2021 | dated }}
# the Allies agreed to increase dialogue and practical cooperation with these partners {{ cite(brussels_2021) }}.{% endif %}
# ({{ see("words") }}){% endif %}

# %% [markdown] tags=["report"]
# {% if timeline | length %}NATO's interest in South Korea follows how it names the threats it faces. The
# {{ docs | length | count("NATO text") }} in the evidence, from {{ docs.iloc[0] | when }} to
# {{ docs.iloc[-1] | when }}, name {{ threat_names | length | count("threat or challenge", "threats or challenges") }}{% if REGION in threats %},
# as well as the security of the Indo-Pacific itself,{% endif %}{% if links %}
# and move from {{ early | and_list }} to the ties that bind {{ linked | and_list }} to Russia{% endif %}
# ({{ fig("threats") }}; the figure's data give each source's words).
# The sources quote these texts selectively, so the figure shows what the evidence records, not everything each
# text says.{% endif %}
#
# {% if london is not none %}{% if london_first %}The first NATO text in the evidence to address China is the London
# Declaration of {{ london | when }}.{% else %}NATO addressed China in the London Declaration of {{ london | when }}.{% endif %}{% if london_own is not none %}
# It was guarded: China's growing influence and international policies, the Allies said, present both
# {{ quote(london_own, LONDON_WORDS) }} {{ cite(london_own) }}.{% else %} SWP reads it as describing China as a
# challenge {{ cite(london) }}; the Declaration's own wording is not in the evidence.{% endif %}{% endif %}
# {% if ministers_2020 is not none %}When {% if korea_first_ministers %}South Korea's foreign minister first joined a
# meeting of NATO's foreign ministers{% else %}NATO's foreign ministers met their Indo-Pacific counterparts{% endif %},
# {{ ministers_2020 | dated }}, the agenda was the shift in the global balance of power and
# {{ quote(ministers_2020, "the rise of China") }} {{ cite(ministers_2020) }}.{% endif %}
# {% if brussels_2021 is not none %}At Brussels {{ brussels_2021 | dated }} the Allies agreed to increase dialogue
# and practical cooperation with existing partners in the Indo-Pacific, South Korea among them
# {{ cite(brussels_2021) }}{% if brussels_2021_own is not none %}, and described China's conduct as presenting
# {{ quote(brussels_2021_own, BRUSSELS_2021_WORDS) }} {{ cite(brussels_2021_own) }}{% endif %}.{% endif %}
#
# ```{note} london_declaration_china
# ```
#
# {% if concept_china is not none or concept_pair is not none %}The Strategic Concept issued at the Madrid summit 
# {{ (concept_china if concept_china is not none else concept_pair) | dated }} hardened the language.
# {% if concept_russia is not none %}It called Russia {{ quote(concept_russia, "the most significant and direct threat") }}
# to the Allies' security {{ cite(concept_russia) }}.{% endif %}
# {% if concept_china is not none %}{% if concept_china_own is not none %}It said that China's stated ambitions and
# {{ quote(concept_china_own, CONCEPT_CHINA_WORDS) }} {{ cite(concept_china_own) }}, which SWP describes as making
# NATO's view of China formal policy {{ cite(concept_china) }}.{% else %}SWP describes it as making NATO's view of
# China as a challenge formal policy {{ cite(concept_china) }}.{% endif %}{% endif %}
# {% if concept_pair is not none %}{% if concept_pair_own is not none %}The Concept itself says that the
# {{ quote(concept_pair_own, "deepening strategic partnership") }} between China and Russia and the two countries'
# {{ quote(concept_pair_own, CONCEPT_PAIR_WORDS) }} {{ cite(concept_pair_own) }}.{% if concept_pair_swp is not none %}
# That is a judgement on values and interests; it is SWP that reads the partnership as a threat to NATO
# {{ cite(concept_pair_swp) }}.{% endif %}{% else %}It
# also singled out the {{ quote(concept_pair, "deepening strategic partnership") }} between China and Russia, which
# SWP reads as a threat to NATO {{ cite(concept_pair) }}; the Concept's own wording on it is not in the
# evidence.{% endif %}{% endif %}
# {% if concept_partners is not none %}In the Concept the Allies also agreed to
# {{ quote(concept_partners, CONCEPT_PARTNERS_WORDS) }}, as NATO recalled when it agreed South Korea's Mission to NATO
# {{ cite(concept_partners) }}.{% endif %}
# {% if concept_dprk is not none %}North Korea appears, PISM notes, in the part on the threats from the potential use
# of weapons of mass destruction {{ cite(concept_dprk) }}.{% endif %}{% endif %}
#
# ```{note} strategic_concept_china_russia strategic_concept_indo_pacific_role
# ```
#
# {% if washington_china is not none or troops_2024 is not none %}The two theatres met
# {{ (washington_china if washington_china is not none else troops_2024) | dated("year") }}.
# {% if washington_china is not none %}The Washington Summit Declaration of {{ washington_china | when }} called China
# {{ quote(washington_china, "a decisive enabler of Russia’s war against Ukraine") }} {{ cite(washington_china) }}
# {%- if washington_pair is not none %} and the partnership between Russia and China
# {{ quote(washington_pair, "a cause for profound concern") }} {{ cite(washington_pair) }}{% endif %}.
# {% if washington_dprk is not none %}It condemned North Korea's exports of
# {{ quote(washington_dprk, "artillery shells and ballistic missiles") }} and noted
# {{ quote(washington_dprk, "with great concern the deepening ties between the DPRK and Russia") }}
# {{ cite(washington_dprk) }}.{% endif %}{% endif %}
# {% if troops_2024 is not none %}{{ troops_2024 | dated | upper_first }} NATO's Secretary General called the deployment of North
# Korean troops {{ quote(troops_2024, "a significant escalation") }} in North Korea's involvement in Russia's war
# {{ cite(troops_2024) }}{% if troops_threat is not none %}, and, as SWP reports it, described the deepening military
# cooperation between Russia and North Korea as a threat to the security of both regions {{ cite(troops_threat) }}{% endif %}.{% endif %}{% endif %}
#
# {% if april_link is not none or linked_2026 is not none %}NATO kept the link{% if april_link is not none and linked_2026 is not none and april_link.year != linked_2026.year %}
# in {{ april_link.year }} and {{ linked_2026.year }}{% else %} {{ (april_link if april_link is not none else linked_2026) | dated("year") }}{% endif %}.
# {% if april_link is not none %}After NATO's foreign ministers were joined by the four partners {{ april_link | dated }},
# Secretary General Mark Rutte said that the security of the Indo-Pacific and the Euro-Atlantic
# {{ quote(april_link, "is more connected than ever before") }}{% if april_china is not none %} and that China, North
# Korea and Iran {{ quote(april_china, "continue to support Russia’s war machine") }}{% endif %}
# {{ cite(april_link, april_china) }}.{% endif %}{% if tokyo_dprk is not none %} In Tokyo that month he pointed to
# {{ quote(tokyo_dprk, "North Korean troops and weapons being used against Ukraine") }} in return for Russia's support
# to North Korea's weapons programmes {{ cite(tokyo_dprk) }}.{% endif %}
# {% if linked_2026 is not none %}{{ linked_2026 | dated | upper_first }}, after a call with President Lee Jae-myung, he wrote
# that {{ quote(linked_2026, "Euro-Atlantic security and Indo-Pacific security are closely linked") }}
# {{ cite(linked_2026) }}.{% endif %}{% endif %}
# {% if hague_words is not none %}The Hague Summit Declaration of {{ hague_words | when }}, in the passage the evidence
# holds, named {{ quote(hague_words, "the long term threat posed by Russia to Euro-Atlantic security") }}
# {{ cite(hague_words) }}; that passage does not mention Asia.{% endif %}
#
# {% if demonstrations is not none or theatres is not none %}The sources read NATO's motive the same way.
# {% if theatres is not none %}PISM saw in the threats facing Seoul and the Alliance a sign of
# {{ quote(theatres, "the growing interdependence of the Euro-Atlantic and Indo-Pacific theatres") }}
# {{ cite(theatres) }}.{% endif %}{% if demonstrations is not none %} For SWP, NATO sees Russia's invasion of
# Ukraine, Beijing's support for Moscow and North Korea's military support to Russia as demonstrations of global
# challenges that link Europe and the Indo-Pacific {{ cite(demonstrations) }}{% if pushed is not none %}, and it was
# against this background that NATO pushed for its four Indo-Pacific partners to attend its summits
# {{ cite(pushed) }}{% endif %}.{% endif %}{% endif %}
# {% if consensus_asia is not none %}That interest was not a given: {{ sec.citations.published_when(consensus_asia.source_id) }}
# EIAS had argued that NATO would
# {{ quote(consensus_asia, "need to reach a broader consensus about the relevance of Asian security issues for its own objectives") }}
# {{ cite(consensus_asia) }}.{% endif %}

# %%
if len(timeline):
    sec.chart("threats", motives.threats_chart(docs, threats, firsts), sources=timeline,
              data=timeline[["statement_id", "document", "date", "date_precision", "threat", "characterisation",
                             "source_id", "quote"]])
    first_of = {t: firsts[t] for t in threats}

# %% [markdown] tags=["report"]
# {% if timeline | length %}
# ```{figure} threats
# :title: {% if links %}NATO's texts moved from {{ early | and_list }} to their ties with Russia's war{% else %}What NATO's texts named, {{ (docs.iloc[0].year, docs.iloc[-1].year) | period }}{% endif %}
# :alt: Dot chart of {{ docs | length }} NATO texts from {{ docs.iloc[0] | when }} to {{ docs.iloc[-1] | when }} against the {{ threats | length }} concerns they name. {% for t in threats %}{{ motives.dash(t) }} first appears in the evidence {{ first_of[t] | dated }}{{ "; " if not loop.last else "." }}{% endfor %}
# Each row is a NATO text, oldest at the top; a dot marks a threat or challenge the text names, as the sources
# quote it. Orange dots mark the first text in the evidence that names each; a blank cell means that no source
# reports the text naming it, not that the text was silent.
# ```
# {% endif %}

# %% [markdown]
# {% if meetings %}## Who came, and at what level {#presence}{% endif %}

# %% [markdown] tags=["brief"]
# {% if first_summit is not none %}{% if previous is not none and presence_fell %}The partners came, but fewer of them
# at the top.{% else %}The partners came to NATO's summits.{% endif %} {% if first_summit_share == "all" %}All
# {{ n_partners | words }}{% elif first_summit_share == "both" %}Both{% else %}{{ first_summit.attended | and_list }}{% endif %}
# took part in a NATO summit{% if first_word is not none %} for the first time{% endif %}
# {% if first_summit.location %}in {{ first_summit.location }} {% endif %}{{ first_summit | dated }} {{ cite(first_word if first_word is not none else first_rows) }}.
# {% if previous is not none %}At {{ previous.place }} {{ previous | dated("month") }}
# {% if previous_share == "all" %}all {{ n_partners | words }} sent their heads of state or government{% elif previous_share == "both" %}both
# sent their heads of state or government{% elif previous_share == "none" %}none sent its head of state or government{% else %}{{ previous.leaders | and_list }}
# sent {% if previous.leaders | length > 1 %}their heads{% else %}its head{% endif %} of state or government{% endif %};
# at {{ latest.place }} {{ latest | dated("month") }}
# {% if latest_share == "none" %}none did{% elif latest_share in ("all", "both") %}all did{% else %}{% if fewer_leaders and latest_share != "most" %}only
# {% endif %}{{ latest.leaders | and_list }} did{% endif %}{% if latest.below | length == 1 %}{{ ", and" if latest.leaders else ";" }}
# {{ latest.below_words[0][0] }} sent its {{ latest.below_words[0][1] }}{% elif latest.below %}{% if latest.leaders %},
# while {{ latest.represented_by | and_list }} represented the others{% else %}: {{ latest.represented_by | and_list }}
# went instead{% endif %}{% endif %}{% if latest.not_given %}; the sources do not give the level of
# {{ latest.not_given | and_list }}{% endif %} {{ cite(rows_of(latest)) }} ({{ fig("presence") }}).{% endif %}
# ({{ see("presence") }})
# {% elif first_meeting is not none %}The partners' foreign ministers sat with NATO's 
# {{ first_meeting | dated }} {{ cite(first_meeting.sources) }}; by {{ ev.as_of | day }} no summit had followed
# ({{ fig("presence") }}).{% endif %}

# %%
if meetings:
    presence_data = motives.presence_table(meetings, partners)
    sec.chart("presence", motives.participation_chart(meetings, partners),
              sources=[m.sources for m in meetings], data=presence_data)
    summit_counts = [{"place": m.place, "when": m, "leaders": len(m.leaders), "not_given": len(m.not_given)}
                     for m in summits]
    # The caption explains only the cell kinds the grid shows.
    level_unknown = (presence_data["level"] == motives.LEVEL_NOT_GIVEN).any()
    unrecorded = (presence_data["level"] == motives.NO_RECORD).any()

# %% [markdown]
# {% if meetings %}
# ```{figure} presence
# :title: {% if previous is not none and fewer_leaders %}{% if not latest.leaders %}No partner sent its leader{% elif latest_share == "most" %}{{ latest_leaders | upper_first }} of {{ n_partners | words }} partners sent their leaders{% else %}Only {{ latest.leaders | and_list }} sent {% if latest.leaders | length > 1 %}leaders{% else %}a leader{% endif %}{% endif %} to {{ latest.place }}, after {{ previous_leaders }} at {{ previous.place }}{% else %}Who represented the Indo-Pacific partners at NATO's meetings{% endif %}
# :alt: Grid of {{ meetings | length }} NATO meetings from {{ meetings[0] | when }} to {{ meetings[-1] | when }} against {{ n_partners | count("partner") }}, each cell giving the level at which the partner was represented. {% if summit_counts %}Partners represented by their head of state or government at each summit: {% for s in summit_counts %}{{ s.place }} ({{ s.when | when }}) {{ s.leaders | words }} of {{ n_partners | words }}{% if s.not_given %}, with the level of {{ s.not_given | words }} not given{% endif %}{{ "; " if not loop.last else "." }}{% endfor %}{% endif %}
# Each partner's representative at the NATO meetings since {{ SINCE }} at which a source records at least one of them.
# Leader: head of state or government; darker shades mark higher levels.{% if level_unknown %} Level not given: a
# source places the partner there without saying who represented it.{% endif %}{% if unrecorded %} No record: no
# source places the partner there, which is not evidence that it stayed away.{% endif %}
# ```
# {% endif %}

# %% [markdown] tags=["report"]
# {% if meetings %}{% if first_summit is not none and ministers_first is not none %}The partners came first as foreign
# ministers, then as leaders.{% endif %} {% if ministers_first is not none %}
# {{ ministers_first | dated | upper_first }} South Korea's foreign minister joined a meeting of NATO's foreign
# ministers{% if korea_first_ministers %} for the first time{% endif %} {{ cite(ministers_first) }}{% if fm_others %},
# with{% if fuller_list %}, among others,{% endif %} the ministers of {{ fm_others | and_list }} {{ cite(rows_of(first_meeting)) }}{% endif %}.{% endif %}
# {% if first_summit is not none %}The summits followed from {{ first_summit | when }}, when
# {{ first_summit.attended | and_list }} took part in a NATO summit{% if first_word is not none %}
# for the first time{% endif %} {{ cite(first_word if first_word is not none else first_rows) }}{% if first_summit.leaders and first_summit.not_given %}; the
# sources give the level only for {{ first_summit.leaders | and_list }}, represented by
# {% if first_summit.leaders | length > 1 %}their heads{% else %}its head{% endif %} of state or government
# {{ cite(first_summit.sources) }}{% endif %}.{% endif %}
# {% if vilnius_talks is not none %}At Vilnius {{ vilnius_talks | dated }} defence industrial cooperation was an
# important topic of the talks between NATO and the four {{ cite(vilnius_talks) }}.{% endif %}
# {% if defence_first is not none %}{{ defence_first | dated | upper_first }} South Korea joined a NATO defence ministers' meeting
# for the first time {{ cite(defence_first) }}{% if defence_agreed is not none %}; there NATO and the four agreed to
# boost cyber defences, defence production and innovation and to counter information manipulation
# {{ cite(defence_agreed) }}{% endif %}.{% endif %}{% endif %}
#
# {% if previous is not none %}{% if presence_fell %}Counted by level rather than by meeting, the record turns at
# {{ latest.name }}: {% else %}At {{ latest.name }}, {% endif %}{% if change.lower %}{{ change.lower | and_list }} came at a lower level than at {{ previous.name }}{% if change.higher %},
# {{ change.higher | and_list }} at a higher one{% endif %}{% if change.same %}, and {{ change.same | and_list }} at the
# same level{% endif %}{% elif change.higher %}{{ change.higher | and_list }} came at a higher level than at
# {{ previous.name }}{% else %}no partner came at a lower level than at {{ previous.name }}{% endif %}
# {{ cite(rows_of(previous), rows_of(latest)) }}.{% for p in partial if p.attended %} For {{ p.name }} ({{ p | when("month") }}) the sources
# read record the attendance of {{ p.attended | and_list }} only {{ cite(rows_of(p)) }}, so it is left out of the
# comparison.{% endfor %}
# {% if lee_absent is not none %}South Korea's national security adviser attended in place of President Lee
# {{ cite(lee_absent) }}; {{ section_link("administrations") }} sets out how Seoul explained the absence and how it was
# read.{% endif %}
# {% if joint_statement is not none %}The four still met the Secretary General in a separate session, where they
# adopted a joint statement reaffirming closer cooperation between NATO and its Indo-Pacific partners, particularly
# in practical areas such as defence {{ cite(joint_statement) }}.{% endif %}{% endif %}
#
# ```{note} madrid_partners_participation
# ```
#
# {% if meetings %}The figure counts what the sources record. They place the partners at some of NATO's meetings and
# say nothing about others, and they often name no level; a blank cell is a gap in the record, so this report gives
# no share of meetings attended.{% endif %}

# %% [markdown]
# {% if reluctant is not none or leverage is not none or hedging is not none %}## Where the interest stops {#limits}{% endif %}

# %% [markdown] tags=["brief"]
# {% if reluctant is not none or leverage is not none %}The interest meets limits in Seoul{% if hague_silence is not none or ankara_pressure is not none %},
# in NATO's reach and in Washington{% else %} and in NATO's reach{% endif %}. {% if reluctant is not none %}{{ sec.citations.name(reluctant.source_id) }}
# found Seoul {{ sec.citations.published_when(reluctant.source_id) }} reluctant to name China a threat{% if fear is not none %}, fearing Beijing's reaction{% if thaad is not none %},
# as after the deployment of the THAAD missile-defence system{% endif %}{% endif %} {{ cite(reluctant, thaad) }}.{% endif %}
# {% if leverage is not none %}{% if reluctant is not none and reluctant.source_id == leverage.source_id %}It also
# judged that{% else %}{{ sec.citations.name(leverage.source_id) }} judged that{% endif %} NATO has
# {{ quote(leverage, "limited political capabilities to improve the situation on the Korean Peninsula") }}
# {{ cite(leverage) }}.{% endif %}{% if hague_silence is not none %} At The Hague, in one analyst's reading, Trump's
# dominance of the summit left {{ quote(hague_silence, "no specific points devoted to reaffirming the importance of enhancing NATO’s ties with its Indo-Pacific partners") }}
# {{ cite(hague_silence) }}.{% endif %}{% if ankara_pressure is not none %}
# {{ sec.citations.published_when(ankara_pressure.source_id) | upper_first }}, citing Politico, RBC-Ukraine reported US pressure on Allies
# not to invite the four to the official meetings of the Ankara summit {{ cite(ankara_pressure) }}; no other source
# read confirms it.{% endif %}
# ({{ see("limits") }})
# {% elif hedging is not none %}Seoul's long practice of {{ quote(hedging, "a hedging strategy") }} between its
# great-power neighbours sets the limits {{ cite(hedging) }}.{% endif %}

# %% [markdown] tags=["report"]
# {% if reluctant is not none or hedging is not none %}What draws NATO to Seoul also limits what the partnership can
# carry, and Seoul's caution is the first brake. {% if hedging is not none %}EIAS described Seoul as practising
# {{ quote(hedging, "a hedging strategy") }} in its foreign relations {{ cite(hedging) }}.{% endif %}
# {% if reluctant is not none %}PISM sees the challenge for cooperation with NATO in South Korea's
# {{ quote(reluctant, "reluctance to identify China as a threat to its interests") }}{% if fear is not none %}, for
# fear of China's reaction, in the economic field among others{% endif %} {{ cite(reluctant) }}{% if thaad is not none %},
# and recalls the restrictions that followed the deployment of the THAAD anti-missile system {{ cite(thaad) }}{% endif %}.{% endif %}
# {% if exposure is not none %}The exposure is real: in {{ exposure.period_end }} China, South Korea's largest market,
# bought {{ (exposure.value * 1e9) | money("USD") }} of its exports {{ cite(exposure) }}.{% endif %}
# {% if no_confrontation is not none %}Seoul, PISM expects,
# {{ quote(no_confrontation, "will avoid openly confrontational policies towards China and Russia") }}
# {{ cite(no_confrontation) }}{% if risks is not none %}, since rapprochement with NATO
# {{ quote(risks, "may exacerbate South Korean-Chinese relations") }} {{ cite(risks) }}{% endif %}.{% endif %}
# {% if no_names is not none %}At Madrid, President Yoon spoke of threats to universal values without naming China or
# Russia {{ cite(no_names) }}.{% endif %}
# {% if pew_china is not none %}Public opinion, at least, is not warm towards China: in {{ pew_china.period_end }},
# {{ pew_china.value | percent }} of South Koreans held an unfavourable view of it, according to a Pew Research Center
# survey that PISM cites {{ cite(pew_china) }}; an unfavourable view is not the same as support for confronting
# China.{% endif %}
# {% if not_russia is not none %}On Russia the gap is wider:
# {{ quote(not_russia, "Unlike NATO, South Korea does not treat Russia as a threat to its security") }}
# {{ cite(not_russia) }}.{% endif %}{% endif %}
#
# ```{note} china_trade_2018
# ```
#
# {% if leverage is not none %}NATO, for its part, has little to offer on the Peninsula itself. PISM judges that it
# has {{ quote(leverage, "limited political capabilities to improve the situation on the Korean Peninsula") }}
# {{ cite(leverage) }}{% if symbolic is not none %}, and that the Alliance has done no more than condemn North Korea's
# military developments and offer symbolic support to Seoul's inter-Korean initiatives {{ cite(symbolic) }}{% endif %}.
# {% if brussels_2018 is not none or topic_page is not none %}NATO's own texts offer Korea words rather than
# tools{% if brussels_2018 is not none %}, from a welcome for the inter-Korean summits at Brussels 
# {{ brussels_2018 | dated }} {{ cite(brussels_2018) }}{% endif %}{% if topic_page is not none %} to repeated
# condemnation of the North's {{ quote(topic_page, "provocative rhetoric and actions") }} {{ cite(topic_page) }}{% endif %}.{% endif %}
# {% if realistic is not none %}PISM finds South Korea
# {{ quote(realistic, "realistic in its assessments of the scope of NATO support") }} in a crisis on the Peninsula
# {{ cite(realistic) }}.{% endif %}{% endif %}
#
# {% if hague_silence is not none or downgraded is not none or ankara is not none %}{% if hague_summit is not none %}Since
# {{ hague_summit | when("year") }} the{% else %}The{% endif %} partners' place at NATO's table has become less certain, and the sources look to Washington for the reason.
# {% if hague_silence is not none %}With the summit reshaped around President Trump, an analyst writing for Korea On
# Point found
# {{ quote(hague_silence, "no specific points devoted to reaffirming the importance of enhancing NATO’s ties with its Indo-Pacific partners") }}
# {{ cite(hague_silence) }}{% if downgraded is not none %} and read the partners' downgraded presence as underscoring
# {{ quote(downgraded, "the perception that the United States is stepping back from the NATO-Indo-Pacific partnership framework") }}
# {{ cite(downgraded) }}{% endif %}.{% elif hague_words is not none %}The passage of the Hague declaration in the
# evidence names Russia and terrorism, not Asia {{ cite(hague_words) }}; the evidence does not hold the whole
# text.{% endif %}
# {% if momentum is not none %}As the summit opened, analysts quoted by the Japan Times warned that NATO's
# outreach to the region {{ quote(momentum, "risks losing momentum") }} {{ cite(momentum) }}.{% endif %}
# {% if ankara is not none and ankara_summit is not none %}NATO announced {{ ankara | dated("month") }} that its next
# summit would meet in {{ ankara_summit.location }} {{ ankara_summit | dated("month") }} {{ cite(ankara) }}{% if helsingborg is not none %}, and its foreign ministers prepared it at Helsingborg 
# {{ helsingborg | dated("month") }} {{ cite(helsingborg) }}{% endif %}.{% endif %}
# {% if ankara_pressure is not none %}According to four diplomats cited by Politico, the United States pressed Allies
# not to invite Ukraine and the four partners to the official meetings of that summit {{ cite(ankara_pressure) }}{% if side_events is not none %};
# the diplomats added that the partners could still be invited to side events, and that the request was reportedly
# justified in part by fewer high-level meetings {{ cite(side_events) }}{% endif %}. The evidence holds no
# confirmation either way.{% endif %}
# {% if ankara_ahead %}The summit itself falls after this evidence, which therefore cannot say whether the partners
# were invited or who came.{% elif ankara_unrecorded %}No source in the evidence records whether the partners attended
# the summit, or at what level.{% endif %}{% endif %}
#
# {% if china_silent is not none and chess_piece is not none %}China's own reaction is known only second-hand, from
# a single blog whose author is not named: it reports that Beijing made no official statement when South Korea
# joined NATO's cyber defence centre, while the party newspaper Global Times wrote that NATO was trying to turn South
# Korea into {{ quote(chess_piece, "a chess piece to contain China and Russia") }}
# {{ cite(china_silent, chess_piece) }}.{% endif %}

# %% [markdown] tags=["report"]
# {% if not nothing %}## What the evidence does not show {#gaps}
#
# The texts behind {{ fig("threats") if timeline | length else "this section" }} are those the sources choose to
# quote: a text that names a threat the sources do not report is drawn blank, and the evidence holds several of
# NATO's documents only in excerpts. Where a source's paraphrase and the document's own words differ, the notes give
# both and this report quotes the document. The record of who came to NATO's meetings has gaps too: after
# {{ meetings[-1] | when if meetings else ev.as_of | day }} the evidence places none of the partners at a NATO
# summit or ministerial meeting, and it often gives no level of representation.
# {% if reluctant is not none %}Most of the arguments on Seoul's caution and NATO's reach come from one bulletin, PISM's
# of {{ sec.citations.published(reluctant.source_id) }}, written under President Yoon; the evidence holds no later
# assessment of how Seoul has weighed China in its dealings with NATO since.{% endif %}{% endif %}

# %% [markdown] tags=["report"]
# ```{note} *
# ```

# %%
sec.record()
