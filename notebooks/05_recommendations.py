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
# # Recommendations
#
# What should Seoul and the Alliance do next, who should do it, and how would success show?

# %% tags=["parameters"]
as_of = "2026-06-30"  # evidence cut-off (YYYY-MM-DD): nothing dated later is counted or drawn
audience = "general"  # nato, rok or general: the same recommendations, ordered for that reader

# %%
from helpers.analysis import compare
from helpers.analysis import recommendations as recs
from helpers.analysis import scoring
from helpers.evidence.data import load_all, published_sources
from helpers.writing import judgements
from helpers.writing.section import Section

recs.check_audience(audience)
ev = load_all(as_of)
sec = Section(number=5, slug="recommendations", evidence=ev)  # its title is the heading above

# %%
# Who is in office at the cut-off, and what the recommendations rest on. Each row is None when the data (or an
# earlier cut-off) do not have it; a recommendation whose evidence is missing is not made.
government = recs.government_at(ev.administrations, ev.as_of)
president = ev.row("administrations", government) if government else None
previous = ev.administrations[ev.administrations["end_date"].notna()].sort_values("start_date")
previous = previous.iloc[-1] if len(previous) else None
itpp = ev.row("frameworks", "itpp")
itpp_end = recs.programme_end(ev)
itpp_duration = ev.row("indicators", "itpp_duration")
itpp_successor = recs.successor_of(ev.frameworks, "itpp") if itpp is not None else None
lapsing = itpp is not None and itpp_successor is None and itpp_end is not None
industry_body = ev.row("frameworks", "defence_industry_consultative_body")
first_dialogue = ev.row("events", "defence_industry_dialogue_first_2025_09_26")
lee_call = ev.row("events", "lee_rutte_call_2025_07")
hague = ev.row("summits", "hague_summit_2025")
at_hague = ev.summit_participation[ev.summit_participation["meeting_id"] == "hague_summit_2025"] if hague is not None else None
korea_at_hague = at_hague[at_hague["partner"] == "South Korea"].iloc[0] if at_hague is not None and (at_hague["partner"] == "South Korea").any() else None
leaders_at_hague = int(at_hague["level"].map(judgements.is_leader_level).sum()) if at_hague is not None else 0
partners_at_hague = len(at_hague) if at_hague is not None else 0
# The summits before The Hague at which Seoul's head of state or government attended, each with its record.
seoul_summits = ev.summit_participation[ev.summit_participation["partner"] == "South Korea"].merge(
    ev.summits[["meeting_id", "meeting_type", "start"]], on="meeting_id")
leader_before = seoul_summits[(seoul_summits["meeting_type"] == "summit") & (seoul_summits["start"] < hague["start"])
                              & seoul_summits["level"].map(judgements.is_leader_level)] if hague is not None else seoul_summits.iloc[0:0]
cho_rutte = ev.row("events", "cho_rutte_meeting_2025_04_02")
ccdcoe = ev.row("frameworks", "ccdcoe_membership")
locked_shields = ev.row("events", "locked_shields_2021")  # NATO's annual cyber defence exercise, the cyber recommendation's test
crisis = ev.row("events", "yoon_martial_law_2024_12_03")  # the constitutional crisis the instruments came through
known = published_sources(ev.sources, ev.as_of)
advice = {row.assessment_id: row for row in ev.assessments.itertuples()}
reconvene = ev.row("assessments", "swp_rec_reconvene_itpp") if "swp_rec_reconvene_itpp" in advice else None
consensus = ev.row("assessments", "swp_rec_itpp_consensus") if "swp_rec_itpp_consensus" in advice else None
both_camps_advice = ev.row("assessments", "swp_rec_prioritise_both_camps") if "swp_rec_prioritise_both_camps" in advice else None
# What the two sides have already asked for or agreed, in the sources' words.
hvp_agreed = ev.row("assessments", "hvp_participation_2025_07") if lee_call is not None and "hvp_participation_2025_07" in advice else None
hvp_defined = ev.row("assessments", "nato_hvp_defined") if "nato_hvp_defined" in advice else None
info_request = (ev.row("assessments", "rok_info_channel_request_2025")
                if cho_rutte is not None and "rok_info_channel_request_2025" in advice else None)
ankara_pressure = ev.row("assessments", "us_pressure_ankara_invitations")
cho_defence = ev.row("assessments", "cho_hyun_best_decision")  # Seoul's case for the 2025 absence, which a floor must allow for
# NATO's own documents that name North Korea's military cooperation with Russia (the subject of the information channel).
dprk_russia = ev.nato_statements[ev.nato_statements["threat"] == "North Korea-Russia military cooperation"]
# What the evidence cannot yet cover: NATO's Ankara summit, when it opens after the cut-off.
ankara = ev.row("events", "ankara_summit_announced_2025_08_19")
ankara_summit = ev.summit("ankara_summit_2026")
ankara_ahead = ankara is not None and ankara_summit is not None and ankara_summit.ahead
# Held by the cut-off but with no record of Seoul's attendance: the recommendations on presence cannot yet say how it went.
ankara_unrecorded = ankara is not None and ankara_summit is not None and not ankara_summit.ahead and not (
    (ev.summit_participation["meeting_id"] == "ankara_summit_2026") & (ev.summit_participation["partner"] == "South Korea")).any()

made = recs.order_for(recs.supported(ev), audience)
order = [r.key for r in made]
deadline_year = (itpp_end if itpp_end and itpp_end >= ev.as_of.year else ev.as_of.year) + 1

# %%
# The evidence behind the priorities (report): for each area of cooperation, the governments in Seoul that
# pursued it, the frameworks that list it and the practical steps taken in it.
scores = scoring.score_evidence(ev, scoring.WEIGHTS)
both = scoring.both_camps(scores)
areas_table = scoring.evidence_table(scores, ev.administrations, ev.frameworks) if len(scores) else None
if areas_table is not None:
    sec.table_data("areas", areas_table, sources=ev.cooperation_areas)
# The IPCP is one row of frameworks.csv across its renewals, so the areas listed for it come from different versions.
ipcp_listed = areas_table is not None and any("ipcp" in listed for listed in scores["frameworks"])
shared_core = [a for a in both if a in ("cyber defence", "defence industry")]
# Do the two core areas have clearly more practical steps than every other area both camps back (ties are not 'more')?
steps_in = {row.area: len(row.results) for row in scores.itertuples()} if len(scores) else {}
others_steps = [steps_in.get(a, 0) for a in both if a not in shared_core]
core_leads = len(shared_core) == 2 and all(steps_in.get(a, 0) > max(others_steps, default=-1) for a in shared_core)

# %% [markdown] tags=["summary"]
# {% if lapsing and shared_core | length == 2 %}**The partnership's programme sets out its work only to {{ itpp_end }}, and no successor was agreed by
# {{ ev.as_of | month }}: the first task is to renew it, and to anchor it in defence industry and cyber defence, the
# two areas that governments of both camps in Seoul have made priorities.**{% elif shared_core | length == 2 %}**The
# partnership should rest on the two areas that governments of both camps in Seoul have made priorities: defence
# industry and cyber defence.**{% elif order %}**By {{ ev.as_of | day }} the evidence supports {{ order | length |
# count("recommendation") }} for the partnership; it does not yet show defence industry and cyber defence as
# priorities of governments of both camps in Seoul.**{% else %}**By {{ ev.as_of | day }} the evidence does not yet
# support a recommendation for the partnership.**{% endif %}

# %% [markdown] tags=["brief"]
# ## What to do next {#next}
#
# {% if crisis is not none and industry_body is not none and hague is not none %}The recommendations follow from three
# findings: the written instruments carried the partnership through Seoul's constitutional crisis; defence industry
# now ties South Korea to individual Allies; and the level at which the partners attend NATO's summits can fall, as it
# did {{ hague | dated("year") }}, with no agreed floor beneath it.{% elif order %}Each recommendation rests on what the
# sources record by {{ ev.as_of | day }}; one whose evidence comes later is not made.{% endif %}{% if lapsing %} The most pressing instrument is the tailored programme agreed
# {{ itpp | dated("month") }}: it covers the partnership's work to {{ itpp_end }} {{ cite(itpp_duration) }}, and by
# {{ ev.as_of | day }} the sources record no successor.{% endif %}{% if ankara_ahead %} The evidence ends there,
# before NATO's {{ ankara_summit.location }} summit was due to open {{ ankara_summit | dated }} {{ cite(ankara) }}, so it cannot say whether
# the Indo-Pacific partners were invited or at what level Seoul attended.{% elif ankara_unrecorded %} NATO's
# {{ ankara_summit.location }} summit was due to open {{ ankara_summit | dated }} {{ cite(ankara) }}, but the sources read
# do not record whether Seoul attended or at what level.{% endif %}

# %% [markdown]
# {% if order %}
# ```{table} actions
# Recommendations for Seoul and the Alliance{% if audience == "nato" %}, NATO's first{% elif audience == "rok" %}, Seoul's first{% endif %}.
#
# | No. | Who acts | What | By when | How success would show |
# |---|---|---|---|---|
# {% for key in order %}| {{ loop.index }} {% if key == "programme" %}| Ministry of Foreign Affairs (Seoul) and NATO's Political Affairs and Security Policy Division | Negotiate a successor to the partnership programme {% if itpp_end %}whose plans run to {{ itpp_end }}{% else %}in force{% endif %}, keeping cyber defence and adding defence industry; if none is ready in time, extend the current programme by exchange of letters | {% if lapsing %}Extension before the end of {{ itpp_end }}; successor adopted at NATO's {{ deadline_year }} summit{% else %}At the next review of the programme{% endif %} | No day without a programme in force; the successor lists defence industry among its areas |
# {% elif key == "industry" %}| Defence Acquisition Program Administration (DAPA) and NATO's Defence Industry, Innovation and Armaments division | Turn the consultative body on defence industry into a work plan of named joint projects | By the end of {{ deadline_year }} | A work plan that names its projects{% if hvp_agreed is not none %}, with South Korea in at least one of NATO's multinational High Visibility Projects, which President Lee and the Secretary General agreed {{ lee_call | dated }} to seek ways for it to join{% else %}, at least one of them under way{% endif %} |
# {% elif key == "presence" %}| Presidential office (National Security Office) | Commit in advance to send the president, or the prime minister in the president's place, to every NATO summit to which the partners are invited | From NATO's {{ deadline_year }} summit | No summit with the partners at which Seoul is represented below prime-minister level |
# {% elif key == "invitations" %}| European Allies in the North Atlantic Council, with the Secretary General | Hold a yearly meeting of the Council with the four Indo-Pacific partners at foreign-minister level, so that contact does not depend on a summit invitation | Every year from {{ deadline_year }} | The meeting held each year, with all four partners at minister level |
# {% elif key == "information" %}| Ministry of Foreign Affairs, with the Ministry of National Defense, and NATO's Joint Intelligence and Security Division | Complete the information-sharing channel whose early completion Seoul asked for {{ cho_rutte | dated("month") }} | By NATO's {{ deadline_year }} summit | The channel announced as working, carrying assessments of North Korea–Russia military cooperation |
# {% elif key == "cyber" %}| National Intelligence Service, which represents Seoul at NATO's cyber defence centre in Tallinn | Field a team in NATO's Locked Shields cyber defence exercise every year, whoever governs in Seoul | Every year, from the next exercise | No year missed, whoever governs in Seoul |
# {% endif %}{% endfor %}
# ```
# {% else %}
# By {{ ev.as_of | day }} the sources do not yet record what any of this section's recommendations rests on, so none
# is made.
# {% endif %}

# %% [markdown] tags=["brief"]
# {% for key in order %}{% set nth = loop.index | ordinal %}{% if key == "programme" and lapsing %}The {{ nth }}
# recommendation is the most urgent: a programme that lapses would leave the partnership without a written agenda
# just as the two sides have agreed new work on defence industry. ({{ see("programme") }})
# {% elif key == "industry" %}The {{ nth }} turns a meeting format into results that outlast any government.
# ({{ see("industry") }})
# {% elif key == "presence" %}The {{ nth }} answers the risk on Seoul's side: the level at which it attends NATO's
# summits has changed with the government in office, and a standing commitment would keep it from falling again.
# ({{ see("presence") }})
# {% elif key == "invitations" %}The {{ nth }} {% if "presence" in order %}answers the same risk on the Alliance's side,
# where invitations are decided{% else %}gives the Alliance a floor of its own{% endif %}: a meeting with the partners
# that does not wait for a summit invitation. ({{ see("presence") }})
# {% elif key == "information" and info_request is not none %}The {{ nth }} finishes what Seoul's foreign minister
# asked NATO's Secretary General for {{ cho_rutte | dated("month") }}, a channel for sharing information that had
# been under way since the year before {{ cite(info_request) }}.
# {% elif key == "cyber" and ccdcoe is not none and "cyber defence" in shared_core %}The {{ nth }} keeps cyber
# defence, a priority of both camps, out of reach of a change of government. ({{ see("information") }})
# {% endif %}{% endfor %}

# %% [markdown] tags=["report"]
# {% if order %}Each recommendation in {{ tab("actions") }} rests on the evidence of the sections before it, and the
# sub-sections below give the case for each; where the sources themselves advise, their advice is cited.{% endif %}

# %% [markdown] tags=["report"]
# {% if "programme" in order %}
# ## Renew the programme before it lapses {#programme}
#
# {% if itpp is not none %}The Individually Tailored Partnership Programme agreed {{ itpp | dated }} sets out the
# partnership's work{% if itpp_end %} to {{ itpp_end }}{% endif %} {{ cite(itpp, itpp_duration) }}.{% if lapsing %} By
# {{ ev.as_of | day }} the data record no successor. A lapse would matter less for what it stops than for what it
# signals: {{ section_link("history") }} shows that the written instruments stayed in force from one government to
# the next and through the constitutional crisis, and {{ section_link("nato_motives") }} that the president's
# attendance at NATO's summits did not last. If no successor is ready in time, an exchange of letters extending the
# current programme would avoid a gap and leave the successor to be adopted at NATO's {{ deadline_year }}
# summit.{% endif %}{% endif %}
# {% if reconvene is not none %}SWP advised {{ sec.citations.published_when(reconvene.source_id) }} that NATO and its
# members reconvene talks on implementing the programme {{ cite(reconvene) }}{% if consensus is not none %}, and
# that implementing it needs consensus within South Korea, not only between Seoul and NATO {{ cite(consensus) }}{% endif %}.{% endif %}
# The successor should keep cyber defence, which governments of both camps made a priority, and add defence
# industry, where the two sides now have a body of their own ({{ section_link("defence_industry") }}).
# {% endif %}

# %% [markdown] tags=["report"]
# {% if "industry" in order %}
# ## Give the defence-industry body a work plan {#industry}
#
# {% if industry_body is not none %}A consultative body on defence industry was agreed {{ industry_body | dated }}
# {{ cite(industry_body) }}{% if first_dialogue is not none %}, and {{ first_dialogue | dated }} NATO opened a first
# staff-level dialogue with Seoul on defence industrial cooperation {{ cite(first_dialogue) }}; the sources read do
# not say whether that was the body's first meeting{% endif %}.{% endif %}
# {% if hvp_agreed is not none %}In a telephone call {{ lee_call | dated }}, President Lee and NATO's
# Secretary General agreed to seek ways for South Korea to take part in NATO's High Visibility Projects
# {{ cite(hvp_agreed) }}{% if hvp_defined is not none %}, the multinational projects through which Allies and partners
# develop capabilities together {{ cite(hvp_defined) }}{% endif %}.{% endif %} A format becomes durable when it produces work that someone depends on: a work
# plan that names its projects{% if hvp_agreed is not none %}, with South Korea in at least one High Visibility
# Project{% endif %}, would be a commitment that the next change of government in Seoul, or in Washington, cannot
# easily undo.
# {% endif %}

# %% [markdown] tags=["report"]
# {% if "presence" in order or "invitations" in order %}
# ## Set a floor for presence at NATO {#presence}
#
# {% if korea_at_hague is not none %}Seoul was represented at the {{ hague | when("year") }} summit by its
# {{ korea_at_hague.level }} {{ cite(korea_at_hague) }}{% if leader_before | length %}, after its president had attended
# {{ leader_before | length | count("earlier NATO summit") }} {{ cite(leader_before) }}{% endif %};
# {% if leaders_at_hague < partners_at_hague %}only {{ leaders_at_hague | words }} of the
# {{ partners_at_hague | words }} Indo-Pacific partners sent a head of government {{ cite(at_hague) }}{% endif %}.{% endif %}
# {% if industry_body is not none and korea_at_hague is not none %}Work can go on below the top: at The Hague the
# adviser agreed with the Secretary General to set up the consultative body on defence industry
# {{ cite(industry_body) }}. What a lower level costs is the signal that the
# partnership is a president's business.{% endif %}
# Presence at this level is a political choice that each new government in Seoul makes again. A standing floor, the
# president or the prime minister in his place, would keep the partnership visible at the top in the years a
# president stays at home.{% if cho_defence is not none and hague is not none %} Such a floor also allows for a year
# like {{ hague | when("year") }}, when the nominee for foreign minister called the president's staying away
# {{ quote(cho_defence, "the best possible decision given the high level of uncertainty on multiple fronts") }}
# {{ cite(cho_defence) }}: the president can stay at home without the level falling.{% endif %}
#
# The same holds for the Alliance: a yearly meeting of the North Atlantic Council with the four partners at
# foreign-minister level, which European Allies can press for whoever hosts the summit, would spare the partners the
# uncertainty of a yearly invitation.{% if ankara_pressure is not none %} An unconfirmed report that Washington
# pressed Allies to keep the partners out of the official meetings of the Ankara summit suggests that the invitation
# can no longer be taken for granted {{ cite(ankara_pressure) }} ({{ section_link("nato_motives") }}).{% endif %}
# {% endif %}

# %% [markdown] tags=["report"]
# {% if "information" in order or "cyber" in order %}
# ## {% if "information" in order %}Finish the information-sharing channel and keep cyber defence at the core{% else %}Keep cyber defence at the core{% endif %} {#information}
#
# {% if info_request is not none and "information" in order %}{{ cho_rutte | dated("month") | upper_first }} South Korea's foreign minister asked for NATO's
# interest in completing early a channel for sharing information between the two, under way since the year before
# {{ cite(info_request) }}; the sources record no completion by {{ ev.as_of | month }}.{% endif %}
# {% if dprk_russia | length and "information" in order %}North Korea's military cooperation with Russia, which NATO names in its own documents
# {{ cite(dprk_russia) }}, is the subject on which both sides most need to share what they know.{% endif %}
# {% if ccdcoe is not none %}Cyber defence has an institution behind it: South Korea joined NATO's cyber defence
# centre {{ ccdcoe | dated }} {{ cite(ccdcoe) }}{% if "cyber defence" in shared_core %}, and governments of both
# camps made it a priority{% endif %}.{% endif %}{% if locked_shields is not none %} South Korea has also taken part in
# NATO's annual cyber defence exercise, Locked Shields, since {{ locked_shields | when("year") }}, by SWP's account
# {{ cite(locked_shields) }}.{% endif %} Keeping that work uninterrupted through changes of government is the cheapest way to show that the partnership is not one
# president's project.
# {% endif %}

# %% [markdown] tags=["report"]
# ## The evidence behind the priorities {#priorities}
#
# {% if both_camps_advice is not none %}SWP proposes a test for what should come first: areas that bring tangible gains
# to both sides and have the support of both political camps in Seoul {{ cite(both_camps_advice) }}.{% endif %}
# {% if areas_table is not none %}{{ tab("areas") }} {% if both_camps_advice is not none %}applies it{% else %}shows{% endif %}: for each area of cooperation, the governments in Seoul that pursued it, the
# frameworks that list it and the practical steps taken in it. {% if both | length %}{{ both | length | count("area") | upper_first }}
# have the backing of both camps; {% if core_leads %}defence industry and cyber defence are the two of them with the most
# practical steps to show ({{ steps_in["defence industry"] }} and {{ steps_in["cyber defence"] }}).{% else %}the
# recommendations start from them.{% endif %}{% endif %}
#
# ```{table} areas
# Areas of cooperation and the evidence behind them, at {{ ev.as_of | day }}. A government is listed for an area
# when a source names the area as one it pursued; practical steps are counted over all years.{% if ipcp_listed %} The IPCP counts
# as one framework across its renewals ({{ section_link("history") }}); its areas are those the sources give for its
# different versions.{% endif %}
# ```
# {% else %}The sources published by {{ ev.as_of | day }} name no area of cooperation for a government in Seoul or a
# partnership framework, so the areas cannot yet be weighed.{% endif %}

# %%
from helpers.writing import judgements as rules

far, clear, gap = rules.FAR_RATIO, rules.CLEAR_RATIO, rules.MIN_GAP
most_share, broad_share, min_years = rules.MOST_SHARE, rules.BROAD_SHARE, rules.MIN_YEARS
context_categories = list(compare.CONTEXT)
published_by_cutoff = len(known)
sources_all = len(ev.sources)
conflicts = ev.conflicts
versions = ev.conflict_versions
disputed = conflicts[conflicts["conflict_id"].isin(versions["conflict_id"])]
disagreement_table = scoring.conflicts_table(disputed, versions, sec.cite_any, sec.section_link) if len(disputed) else None
if disagreement_table is not None:
    sec.table_data("disagreements", disagreement_table, sources=versions, html_columns=("Sources", "Set out in"))

# %% [markdown] tags=["report"]
# ## How this report counts and judges {#method}
#
# **Evidence.** Every fact in this report is a row of its data tables that names a source and quotes it; the quotes
# from outside documents are checked against excerpts stored with the data, and the quotes from the five core
# documents against their texts. Nothing dated after the cut-off of {{ ev.as_of | day }} is counted or drawn, and a
# source is cited only if it was published by then ({% if published_by_cutoff == sources_all %}all {{ sources_all }}
# sources in the data{% else %}{{ published_by_cutoff }} of the {{ sources_all }} sources in the data{% endif %}).
# Words in quotation marks are the source's own, checked letter for letter; a name for a policy is quoted only where
# the source spells it so, and is otherwise left out.
#
# **Steps in the relationship.** A step is an act between Seoul and NATO or its members, as the sources record it: a
# meeting, statement of policy, agreement, arms contract or order, membership, exercise, deployment, joint project,
# investment, or a decision of one side such as an application or the end of a mission. It counts once however many sources report
# it. Entries in the categories {{ context_categories | and_list }} are drawn as context, not counted (the arms
# market holds sales outside the Alliance and competitions a Korean firm has not won); an expectation reported before
# the step was taken is not a step. A step dated only to a year or month that spans a
# change of government is credited to neither president. Counts say how often the two sides acted together, not how
# much each step mattered.{% if areas_table is not none %} The practical steps of an area ({{ tab("areas") }}) are a
# narrower count, over every year in the data: the agreements, contracts, memberships, exercises, deployments, joint
# projects and investments whose record names the area. Meetings and statements are left out, except in an area that
# consists of talks; a step can serve more than one area.{% endif %}
#
# **Judgement words.** One rate is called far higher than another when it is at least {{ far | times }} as high, and
# higher when it is at least {{ clear | times }} as high with a gap of at least {{ gap | number(1) }} a year; otherwise the rates are
# called similar. A leader is named only when it is higher than the runner-up by that rule; otherwise the report
# says the leaders are level. "Most" means more than half; "busiest" and "largest" name a single top, and a tie at
# the top is not named. Common ground is broad when at least half of the areas are
# shared. A rate per year is given only with at least {{ min_years | count("year") }} of evidence behind it.
#
# **Money.** Sums are compared or added only when they have the same basis (contract value, reported deal value) and
# the same currency, or when the sources themselves give the US dollar equivalent; the report never converts a
# currency. SIPRI's figures measure the volume of deliveries, not money, and are never added to contract values.
#
# **Disagreements.** Where sources disagree, every version is kept with its source, and the section that discusses
# the point sets out each version and says which the report follows and why; {{ tab("disagreements") }} lists them
# all.
#
# ```{table} disagreements
# Where the sources disagree, and the section that sets out each version and the report's choice.
# ```

# %%
sec.record()
