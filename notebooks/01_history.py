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
# # From dialogue to partnership
#
# How did South Korea's political dialogue with NATO become a working partnership, and what in it has proved
# lasting?

# %% tags=["parameters"]
as_of = "2026-06-30"  # evidence cut-off (YYYY-MM-DD): nothing dated later is counted or drawn
until = ""  # last day of the period this section tells (YYYY-MM-DD); empty: up to the cut-off

# %%
import re

from helpers.analysis import compare, history, motives
from helpers.evidence.data import distinct_events, load_all
from helpers.evidence.dates import as_date
from helpers.writing import charts, judgements
from helpers.writing.filters import when, words
from helpers.writing.section import Section

ev = load_all(as_of)
sec = Section(number=1, slug="history", evidence=ev)  # its title is the heading above
period_end = min(as_date(until), ev.as_of) if until else ev.as_of

# %%
# Steps in the relationship itself are counted; NATO's own policy, Korean domestic politics and the regional setting
# are drawn as context but not counted (compare.CONTEXT), and a step the sources date differently counts once.
dated = ev.events[(ev.events["year"] >= 2005) & (ev.events["start"] <= period_end)]
events = distinct_events(dated)
ms = compare.milestones(ev.events, ev.sources, ev.administrations, period_end, published_by=ev.as_of)
ms = ms[ms["year"] >= 2005]
first_year = int(events["year"].min()) if len(events) else 2005
steps = sec.num("steps", len(ms), words(len(ms)), sources=ms)

# Presidents in office during the period, and the steps each can certainly claim.
presidents = history.presidents(ev.administrations, ms, as_date("2005-01-01"), period_end)
with_steps = presidents[presidents["steps"] > 0]
presidents_share = judgements.share_word(len(with_steps), len(presidents)) if len(presidents) else "none"
both_camps = with_steps["camp"].nunique() > 1

# The named steps the story rests on; each is None when the data, or an earlier cut-off or `until`, do not have it.
within = lambda row: history.by(row, period_end)  # noqa: E731
ban = within(ev.row("events", "ban_ki_moon_nac_2005_12"))
# The day of the address, from the foreign ministry's record of his statement where it is on record (the note on the
# start of the dialogue follows it); otherwise the month SWP gives.
ban_day = ev.version("first_dialogue_date", "mofa_ban_nac_speech_2005") if ban is not None else None
ban_day = ban_day if ban_day is not None and re.fullmatch(r"\d{1,2} [A-Z][a-z]+ \d{4}", ban_day["quote"]) else None  # a day as written
contact = within(ev.row("events", "riga_contact_country_2006"))
partners = within(ev.row("events", "partners_across_the_globe_2008"))
ipcp = within(ev.row("frameworks", "ipcp"))
pii = within(ev.row("frameworks", "pii"))
mission = within(ev.row("frameworks", "mission_to_nato"))
itpp = within(ev.row("frameworks", "itpp"))
industry_body = within(ev.row("frameworks", "defence_industry_consultative_body"))
# The government under which the body was agreed, from the dated record of the agreement (the instrument itself is
# dated only to the month, which spans a change of government).
body_agreed = within(ev.row("events", "defence_industry_body_agreed_2025_06")) if industry_body is not None else None
body_government = body_agreed["administration"] if body_agreed is not None \
    and body_agreed["administration"] in set(ev.administrations["administration"]) else None
prt = within(ev.row("events", "isaf_prt_parwan_start_2010"))
prt_size = ev.row("indicators", "isaf_prt_personnel") if prt is not None else None
piracy = within(ev.row("events", "counter_piracy_start_2009"))
# The link to NATO in its Secretary General's words ("cooperating with NATO"), where that version is on record.
piracy_nato = ev.version("counter_piracy_cooperation", "nato_rasmussen_seoul_2013") if piracy is not None else None
madrid = within(ev.row("events", "yoon_madrid_summit_2022_06"))
# An undertaking whose stages the sources record one by one counts once per stage: the Mission to NATO.
mission_stages = [r for r in (within(ev.row("events", e)) for e in (
    "mission_to_nato_announced_2022_06", "mission_to_nato_nac_agreed_2022_09_26", "mission_to_nato_established_2022_11_22"))
    if r is not None]
# "For the first time" only on the word of a source that says so of the Madrid summit.
madrid_said_first = motives.said_first("madrid_summit_2022", ev.summit_participation, ev.conflicts,
                                       ev.conflict_versions)
madrid_first = madrid_said_first.iloc[0] if madrid is not None and len(madrid_said_first) else None
martial = within(ev.row("events", "yoon_martial_law_2024_12_03"))
removal = within(ev.row("events", "yoon_removed_2025_04_04"))

# %%
# The instruments: every partnership framework begun in the period, and those in force at its end.
frameworks = ev.frameworks[ev.frameworks["start"] <= period_end]
in_force = compare.in_force(frameworks, period_end)
instruments = sec.num("instruments", len(frameworks), words(len(frameworks)), sources=frameworks)
live = sec.num("instruments_in_force", len(in_force), words(len(in_force)), sources=frameworks)
ended = frameworks[~frameworks["framework_id"].isin(in_force["framework_id"])]

# Seoul's constitutional crisis (martial law to removal): which instruments in force when it began were still in
# force at the end of the period. The paragraph that uses this is dropped when the period ends before the removal.
if martial is not None and removal is not None:
    at_crisis = compare.in_force(frameworks, martial["start"])
    crisis_total = len(at_crisis)
    crisis_kept = int(at_crisis["framework_id"].isin(in_force["framework_id"]).sum())
    crisis_share = judgements.share_word(crisis_kept, crisis_total) if crisis_total else "none"

# %% [markdown] tags=["summary"]
# {% if not with_steps | length %}**None of the steps counted here between {{ first_year }} and
# {{ period_end | day }} is recorded by a source published by {{ ev.as_of | day }}, so this section has no history yet
# to tell.**{% elif presidents_share in ("all", "both") and both_camps %}**Every South Korean president since {{ first_year }},
# liberal or conservative, added to the partnership with NATO,** so that it rests on layers no single government
# laid.{% elif presidents_share == "most" %}**Most South Korean presidents since {{ first_year }} added to the
# partnership with NATO.**{% else %}**Only {{ with_steps | length | words }} of the {{ presidents | length | words }}
# presidents since {{ first_year }} added to the partnership with NATO.**{% endif %}

# %% [markdown]
# {% if with_steps | length %}
# ## A partnership built in layers {#layers}
# {% endif %}

# %% [markdown] tags=["brief"]
# {% if presidents_share in ("all", "both") %}The partnership grew by accretion, not by design. Each government in
# Seoul, {% if both_camps %}whichever camp was in office{% else %}all of them from one camp{% endif %}, kept the
# agreements it inherited and added a layer of its own: dialogue from {{ first_year }}{% if ipcp is not none %}, a formal programme
# {{ ipcp | dated("year") }} {{ cite(ipcp) }}{% endif %}{% if pii is not none %}, interoperability with Allied forces from
# {{ pii | when("year") }} {{ cite(pii) }}{% endif %}{% if madrid is not none %}, a president at a NATO summit{% if madrid_first is not none %}
# for the first time{% endif %} {{ madrid | dated("year") }} {{ cite(madrid, madrid_first) }}{% endif %}{% if itpp is not none %}
# and a programme tailored to South Korea {{ itpp | dated }} {{ cite(itpp) }}{% endif %}. ({{ see("layers") }}){% elif with_steps | length %}The
# sources record steps under {{ with_steps | length | words }} of the {{ presidents | length | words }} presidents
# since {{ first_year }} {{ cite(ms) }}. ({{ see("layers") }}){% endif %}
#
# {% if martial is not none and removal is not none and crisis_share in ("all", "both", "most") and crisis_total > 1
# %}The written instruments
# survived Seoul's constitutional crisis intact, from Yoon Suk-yeol's declaration of martial law
# {{ martial | dated }} to his removal by the Constitutional Court {{ removal | dated }} {{ cite(martial, removal) }}:
# {% if crisis_share == "most" %}{{ crisis_kept | words }} of the {{ crisis_total | words }}{% elif crisis_share == "all"
# %}all {{ crisis_total | words }}{% else %}both{% endif %} instruments in force when the crisis began were still in force on
# {{ period_end | day }} ({{ fig("instruments") }}).{% elif martial is not none
# and removal is not none %}Seoul's constitutional crisis, from Yoon Suk-yeol's declaration of martial law
# {{ martial | dated }} to his removal {{ removal | dated }}, left {{ crisis_kept | words }} of the
# {{ crisis_total | words }} instruments then in force still in force on {{ period_end | day }}
# {{ cite(martial, removal) }} ({{ fig("instruments") }}).{% endif %}

# %% [markdown] tags=["report"]
# {% if with_steps | length %}{% if presidents_share in ("all", "both") %}No single decision made the partnership. Each government in Seoul added
# a layer of its own to what it inherited: the sources record {{ steps }} steps in the
# relationship between {{ first_year }} and {{ period_end | day }}, and every president in office over those years
# can claim at least one of them ({{ fig("timeline") }}).{% else %}The sources record {{ steps }} steps in the
# relationship between {{ first_year }} and {{ period_end | day }}, but they fall under
# {{ with_steps | length | words }} of the {{ presidents | length | words }} presidents in office
# ({{ fig("timeline") }}).{% endif %}
# How the pace differed from one government to the next is the subject of {{ section_link("administrations") }}.
# The figure shows the steps by kind and year, with the setting they took place in.{% endif %}

# %%
counted = set(ms["category"])
context = events[events["category"].isin(compare.CONTEXT)]
by_category = ms.groupby("category").size().sort_values(ascending=False)
per_year = ms.groupby("year").size()
# "busiest" and "largest" only for a single top (judgements.most); a tie at the top names neither.
top_year = judgements.most({int(y): int(n) for y, n in per_year.items()})
top_category = judgements.most({c: int(n) for c, n in by_category.items()})
extra_versions = len(dated) - len(events)
# What else the chart draws besides steps and context, so that the alt text's parts add up to its whole.
other_entries = len(dated) - len(ms) - len(context) - extra_versions
sec.chart("timeline", history.timeline_chart(dated, counted, first_year, period_end), sources=dated,
          data=dated[["event_id", "date", "date_precision", "title", "category", "source_id", "quote"]])

# %% [markdown] tags=["report"]
# {% if with_steps | length %}
# ```{figure} timeline
# :title: {% if top_year %}Steps came in layers, with {{ top_year }} the busiest year{% else %}The record of steps{% endif %}
# :alt: Dot chart of {{ dated | length }} dated entries from {{ first_year }} to {{ period_end.year }} by category: {{ steps }} steps in the relationship{% if context | length %}, {{ context | length }} events of context{% endif %}{% if extra_versions %}, {{ extra_versions }} further datings of steps where the sources differ{% endif %}{% if other_entries > 0 %} and {{ other_entries | count("other entry", "other entries") }}{% endif %}.{% if top_category %} The largest category is {{ top_category }}, with {{ by_category[top_category] }} steps.{% endif %}{% if top_year %} {{ top_year }} has the most, {{ per_year[top_year] }}.{% endif %}
# Each dot is a dated entry. Filled dots are dated to the month or day; hollow dots only to the year, drawn at
# mid-year.{% if extra_versions %} Where sources date a step differently, each version is drawn
# ({{ extra_versions | count("extra dot") }}) but counted once.{% endif %}{% if context | length %} Rows marked
# as context show the setting and are not counted.{% endif %}
# ```
# {% endif %}

# %% [markdown] tags=["report"]
# {% if ban is not none or contact is not none %}
# ## Dialogue before programmes {#dialogue}
#
# {% if ban is not none %}Dialogue came first. {% if ban_day is not none %}On {{ ban_day.quote }}{% else %}{{ ban | dated | upper_first }}{% endif %}
# Foreign Minister Ban Ki-moon addressed the North Atlantic Council, the first South Korean official to do so
# {{ cite(ban, ban_day) }}.{% endif %}
# {% if contact is not none %}At its Riga summit of {{ contact | when("year") }} NATO named South Korea a Contact
# Country, with Japan, Australia and New Zealand {{ cite(contact) }}{% if partners is not none %}, and from
# {{ partners | when("year") }} it called these countries its {{ quote(partners, "partners across the globe") }}
# {{ cite(partners) }}{% endif %}.{% endif %}
# None of these steps committed either side to much; they created the habit of meeting that later programmes
# built on.
# {% endif %}

# %% [markdown] tags=["report"]
# ## The instruments {#instruments}
#
# {% if frameworks | length == 1 %}The one instrument begun {% if live.value %}was still in force{% else %}had ended{% endif %}
# on {{ period_end | day }} ({{ fig("instruments") }}, {{ tab("instruments") }}).{% elif frameworks | length %}By
# {{ period_end | day }}, {{ live }} of the {{ instruments }} instruments begun were in force
# ({{ fig("instruments") }}, {{ tab("instruments") }}).{% else %}The sources published by {{ period_end | day }} record
# no partnership instrument yet.{% endif %}
# {% if ipcp is not none %}South Korea signed an Individual Partnership and Cooperation Programme (IPCP) {{ ipcp | dated("year") }}
# {{ cite(ipcp) }}{% if pii is not none %}, and from {{ pii | when("year") }} it took part in NATO's Partnership
# Interoperability Initiative, which brings Allies together with partners that contribute to NATO operations
# {{ cite(pii) }}{% endif %}.{% endif %}
# {% if mission is not none %}Seoul opened a diplomatic mission to NATO {{ mission | dated }} {{ cite(mission) }}{% if itpp is not none %},
# and {{ itpp | dated }} the IPCP gave way to an Individually Tailored Partnership Programme (ITPP) {{ cite(itpp) }}{% endif %}.{% endif %}
# {% if industry_body is not none %}The newest instrument is a consultative body on defence industry, agreed
# {{ industry_body | dated }}{% if body_government %} under {{ body_government }}{% endif %} {{ cite(industry_body) }}.{% endif %}
#
# {% if martial is not none and removal is not none and crisis_total %}The instruments also came through Seoul's
# constitutional crisis, from Yoon Suk-yeol's declaration of martial law {{ martial | dated }} to his removal by the
# Constitutional Court {{ removal | dated }} {{ cite(martial, removal) }}: {% if crisis_share == "all" %}all
# {{ crisis_total | words }}{% elif crisis_share == "both" %}both{% else %}{{ crisis_kept | words }} of the
# {{ crisis_total | words }}{% endif %} instruments in force when it began were still in force on {{ period_end | day }}.{% endif %}

# %%
ordered = frameworks.sort_values("start")
live_ids = set(in_force["framework_id"])  # the table below says "in force" for these, else when each ended
if len(frameworks):
    sec.chart("instruments", history.instruments_chart(frameworks, in_force, period_end), sources=frameworks,
              data=ordered[["framework_id", "name", "kind", "start_date", "date_precision", "end_date", "source_id", "quote"]])
    sec.table_sources("instruments", sources=frameworks)
first_instrument = ordered.iloc[0] if len(ordered) else None

# %% [markdown] tags=["report"]
# {% if frameworks | length %}
# ```{figure} instruments
# :title: {% if live.value == instruments.value %}Every instrument begun is still in force{% else %}{{ live | upper_first }} of {{ instruments }} instruments still in force{% endif %}
# :alt: Bar chart of {{ instruments }} partnership instruments between South Korea and NATO, each drawn from its start to its end or to {{ period_end | day }}{% if first_instrument is not none %}, the first from {{ first_instrument | when("year") }}{% endif %}; {{ live }} were in force at the end of the period and {{ ended | length }} had ended or been replaced.
# Partnership instruments and institutional links from their start to their end, or to {{ period_end | day }}.
# Grey bars ended or were replaced. A start known only to the year is drawn from 1 January.
# ```
# {% endif %}

# %% [markdown] tags=["report"]
# {% if frameworks | length %}
# ```{table} instruments
# The partnership instruments, when each began and whether it was in force on {{ period_end | day }}.
#
# | Instrument | Kind | Began | Ended | Source |
# |---|---|---|---|---|
# {% for r in ordered.itertuples() %}| {{ r.name }} | {{ r.kind }} | {{ r | when }} | {% if r.framework_id in live_ids %}in force{% elif r.end_date %}{{ r.end_date | date_as_written }}{% else %}ended{% endif %} | {{ cite(r.source_id) }} |
# {% endfor %}
# ```
# {% endif %}
#
# ```{note} ipcp_renewal ipcp_name tcp_instrument mission_to_nato_date
# ```

# %% [markdown] tags=["report"]
# {% if prt is not none or piracy is not none %}
# ## Operations made South Korea a working partner {#operations}
#
# {% if prt is not none %}Operations gave the partnership substance before its first programme did. From
# {{ prt | when("year") }} South Korea led a civilian-military reconstruction team under NATO's mission in
# Afghanistan, in Parwan Province{% if prt_size is not none %}, of about {{ prt_size.value | number }}
# people{% endif %} {{ cite(prt, prt_size) }}.{% endif %}
# {% if piracy is not none %}From {{ piracy | when("year") }} its navy also worked against piracy off the Horn of
# Africa {{ cite(piracy) }}{% if piracy_nato is not none %}, {{ quote(piracy_nato, "cooperating with NATO in countering the threat of piracy") }}
# in the words of NATO's Secretary General {{ cite(piracy_nato) }}{% endif %}.{% endif %}
# {% if prt is not none or piracy is not none %}The sources differ on how these operations ended and on how closely
# the navy worked with NATO; the notes give each version.{% endif %}
#
# ```{note} prt_end counter_piracy_cooperation
# ```
# {% endif %}

# %% [markdown] tags=["report"]
# ## What the record does not show {#limits}
#
# The sources record steps, not their weight: a count says how often the two sides acted together, not how much
# each step mattered, and a single summit can outweigh a year of working meetings. The record is also uneven over
# time: recent years are documented by news reports and official statements as well as by the five analyses this
# report started from, so a count rises with the evidence as well as with the activity. Early dates are often given
# only to the year, so a step in a year that spans a change of government cannot be credited to either president;
# the notes above say which version of a disputed date this report follows and why.{% if mission_stages | length == 3 %}
# And one undertaking counts more than once when the sources record its stages: Seoul's Mission to NATO was
# announced, accepted by the North Atlantic Council and established, {{ mission_stages | length | words }} steps {{ mission_stages[0] | dated("year") }}
# {{ cite(mission_stages) }}.{% endif %}

# %% [markdown] tags=["report"]
# ```{note} *
# ```

# %%
sec.record()
