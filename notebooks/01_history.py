# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # From dialogue to partnership
#
# How did South Korea's political dialogue with NATO become a working partnership, and what carried it from one
# government in Seoul to the next?

# %% tags=["parameters"]
as_of = "2026-06-30"  # evidence cut-off (YYYY-MM-DD): nothing dated later is counted or drawn
until = ""  # last day of the period this section tells (YYYY-MM-DD); empty: up to the cut-off

# %%
from helpers.analysis import compare
from helpers.evidence.data import distinct_events, load_all
from helpers.evidence.dates import as_date
from helpers.writing import charts, judgements
from helpers.writing.filters import when
from helpers.writing.section import Section

ev = load_all(as_of)
sec = Section(number=1, slug="history", title="From dialogue to partnership", evidence=ev)
period_end = min(as_date(until), ev.as_of) if until else ev.as_of

# %%
# What the words need. Milestones are steps in the relationship itself; NATO's own policy, Korean domestic politics
# and the regional setting are drawn as context but not counted (compare.CONTEXT), and a step that sources date
# differently counts once.
dated = ev.events[(ev.events["year"] >= 2005) & (ev.events["start"] <= period_end)]
events = distinct_events(dated)
ms = compare.milestones(ev.events, ev.sources, ev.administrations, period_end)
ms = ms[ms["year"] >= 2005]
first_year = int(events["year"].min()) if len(events) else 2005

# Presidents in office at some point of the period, and the milestones each can certainly claim.
terms = [t for t in compare.terms_of(ev.administrations) if t[1] <= period_end and t[2] >= as_date("2005-01-01")]
counts = {name: len(compare.certain_for(ms, name)) for name, _, _ in terms}
camp = dict(zip(ev.administrations["administration"], ev.administrations["camp"]))
short = dict(zip(ev.administrations["administration"], ev.administrations["short_name"]))
with_steps = [name for name, n in counts.items() if n > 0]
presidents_share = judgements.share_word(len(with_steps), len(terms)) if terms else "none"
camps_with_steps = sorted({camp[n] for n in with_steps})
milestone_count = sec.num("milestones", len(ms), str(len(ms)), sources=ms)

# Named steps the story rests on; each is None when the data (or an earlier cut-off) do not have it yet.
ban = ev.row("events", "ban_ki_moon_nac_2005_12")
dialogue = ev.row("events", "political_dialogue_2005")
contact = ev.row("frameworks", "contact_country")
ipcp = ev.row("frameworks", "ipcp")
pii = ev.row("frameworks", "pii")
itpp = ev.row("frameworks", "itpp")
mission = ev.row("frameworks", "mission_to_nato")
prt = ev.row("indicators", "isaf_prt_personnel")
piracy_start = ev.row("events", "counter_piracy_start_2009")
piracy_end = ev.row("events", "counter_piracy_end_2016")
frameworks = ev.frameworks[ev.frameworks["start"] <= period_end]
in_force = compare.in_force(frameworks, period_end)
layers_source = ev.row("assessments", "cross_camp_continuity") if "assessments" in ev.tables else None

# %% [markdown] tags=["summary"]
# {% if presidents_share in ("all", "both") and camps_with_steps | length > 1 %}**Every South Korean president since
# {{ first_year }}, liberal and conservative, added to the partnership with NATO.**{% elif presidents_share == "most" %}**Most South
# Korean presidents since {{ first_year }} added to the partnership with NATO.**{% else %}**The partnership grew
# unevenly: only {{ with_steps | length | words }} of the {{ terms | length | words }} presidents since {{ first_year }}
# added to it.**{% endif %}
# {% if ipcp is not none and pii is not none %}A political dialogue became a formal programme in {{ ipcp | when("year") }} and
# interoperability with Allied forces in {{ pii | when("year") }}{% if itpp is not none %}, and the programme was
# tailored anew in {{ itpp | when }}{% endif %} {{ cite(ipcp, pii, itpp) }}.{% endif %}

# %% [markdown]
# ## A partnership built in layers {#layers}
#
# {% if presidents_share in ("all", "both") %}No single decision made the partnership. Each government in Seoul kept what
# its predecessor had built and added a layer of its own: the sources record {{ milestone_count }} steps between
# {{ first_year }} and {{ period_end | day }}, and every president in office over those years can claim at least
# one of them.{% else %}The sources record {{ milestone_count }} steps between {{ first_year }} and
# {{ period_end | day }}, but not under every president: {{ with_steps | map("string") | list | and_list }}
# account for them.{% endif %}
# {{ fig("timeline") }} shows them by kind and year.

# %%
def timeline(frame, categories_counted):
    """Every dated entry by category and year; an entry dated only to the year is drawn hollow at mid-year, and each
    source's version of a disputed date is drawn."""
    categories = [c for c in charts.CATEGORY_COLOURS if c in set(frame["category"])]
    fig, ax = charts.new_figure(height_in=0.24 * len(categories) + 0.7)
    offsets = {}
    for row in frame.sort_values("start").itertuples():
        y = categories.index(row.category)
        middle = row.start + (row.end - row.start) / 2
        x = middle.year + (middle.timetuple().tm_yday - 1) / 366
        slot = offsets.get((y, row.year), 0)
        offsets[(y, row.year)] = slot + 1
        colour = charts.colour_for("category", row.category)
        ax.scatter(x, y + 0.14 * (slot % 4) - 0.1, s=30, zorder=3, edgecolor=colour, linewidth=1.1,
                   facecolor=colour if row.date_precision != "year" else "white")
    labels = [c[0].upper() + c[1:] + ("" if c in categories_counted else " (context)") for c in categories]
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


counted_categories = set(ms["category"])
context = events[events["category"].isin(compare.CONTEXT)]
by_category = ms.groupby("category").size().sort_values(ascending=False)
busiest = ms.groupby("year").size()
top_year = int(busiest.idxmax()) if len(busiest) else None
largest_category = by_category.index[0] if len(by_category) else None
extra_versions = len(dated) - len(events)
sec.chart("timeline", timeline(dated, counted_categories), sources=dated,
          data=dated[["event_id", "date", "date_precision", "title", "category", "source_id", "quote"]])

# %% [markdown]
# ```{figure} timeline
# :title: {% if top_year %}Steps came in layers, busiest in {{ top_year }}{% else %}The record of steps{% endif %}
# :alt: Dot chart of {{ dated | length }} dated entries from {{ first_year }} to {{ period_end.year }}, by category: {{ milestone_count }} steps in the relationship{% if context | length %} and {{ context | length }} context events{% endif %}.{% if largest_category %} The largest category is {{ largest_category }} with {{ by_category.iloc[0] }} steps; the busiest year is {{ top_year }} with {{ busiest.max() }}.{% endif %}
# Each dot is a dated entry. Filled dots are dated to the month or day; hollow dots only to the year, drawn at
# mid-year.{% if extra_versions %} Where sources date a step differently, each version is drawn
# ({{ extra_versions | count("extra dot") }}) but counted once.{% endif %}{% if context | length %} Rows marked
# context show the setting and are not counted as steps.{% endif %}
# ```

# %% [markdown] tags=["report"]
# {% if ban is not none %}Dialogue came first. {{ ban.description }} {{ cite(ban) }}{% endif %}
# {% if contact is not none %}{{ contact.scope }} {{ cite(contact) }}{% endif %}

# %% [markdown] tags=["brief"]
# ## How the partnership grew
#
# {% if ipcp is not none and pii is not none %}The partnership grew by accretion rather than by design. Dialogue from
# {{ first_year }} led to a formal cooperation programme in {{ ipcp | when("year") }} and to South Korea joining
# NATO's interoperability platform in {{ pii | when("year") }} {{ cite(ipcp, pii) }}.{% endif %}
# {% if prt is not none %} Afghanistan made the relationship practical: a South Korean reconstruction team of
# {{ prt.value | number }} personnel served under NATO command in Parwan {{ cite(prt) }}.{% endif %}
# {% if itpp is not none %}Under Yoon Suk-yeol the partnership reached the top: presidential attendance at NATO summits
# and, in {{ itpp | when }}, a programme tailored to South Korea {{ cite(itpp) }}.{% endif %} {{ see("layers") }}

# %% [markdown] tags=["report"]
# ## The instruments {#instruments}
#
# The frameworks came after the fieldwork. {% if ipcp is not none %}{{ ipcp.scope }} {{ cite(ipcp) }}{% endif %}
# {% if pii is not none %}{{ pii.scope }} {{ cite(pii) }}{% endif %}
# By {{ period_end | day }}, {{ in_force | length | count("instrument") }} of the {{ frameworks | length }} begun
# were in force ({{ fig("instruments") }}, {{ tab("instruments") }}).

# %%
def instruments_chart(frame):
    """Each instrument as a bar from its start to its end (or the end of the period)."""
    from helpers.evidence.dates import parse_partial_date

    rows = frame.sort_values("start", ascending=False).reset_index(drop=True)
    fig, ax = charts.new_figure(height_in=0.3 * len(rows) + 0.8)
    for i, row in rows.iterrows():
        end = parse_partial_date(row["end_date"]).start if row["end_date"] else period_end
        end = min(end, period_end)
        start = row["start"].year + (row["start"].timetuple().tm_yday - 1) / 366
        stop = end.year + (end.timetuple().tm_yday - 1) / 366
        colour = charts.colour_for("category", "partnership framework") if row["framework_id"] in set(in_force["framework_id"]) \
            else charts.colour_for("role", "uncertain")
        ax.barh(i, max(stop - start, 0.08), left=start, height=0.55, color=colour)
        ax.text(start - 0.15, i, row["short_name"], ha="right", va="center", fontsize=8)
    ax.set_yticks([])
    ax.spines["left"].set_visible(False)
    low = int(rows["start"].min().year) if len(rows) else first_year
    ax.set_xlim(low - 5, period_end.year + 1)
    ax.set_xticks(range(low, period_end.year + 1, 2))
    charts.value_grid(ax, "x")
    return fig


if len(frameworks):
    sec.chart("instruments", instruments_chart(frameworks), sources=frameworks,
              data=frameworks[["framework_id", "name", "start_date", "end_date", "source_id", "quote"]])
    ordered = frameworks.sort_values("start")
    live = set(in_force["framework_id"])
    instrument_rows = ordered.assign(
        Started=[when(row) for _, row in ordered.iterrows()],
        Ended=["in force" if f in live else (e or "ended") for f, e in zip(ordered["framework_id"], ordered["end_date"])],
        Source=[sec.cite_any(s) for s in ordered["source_id"]],
    )[["name", "kind", "Started", "Ended", "Source"]].rename(columns={"name": "Instrument", "kind": "Kind"})
    sec.table_data("instruments", instrument_rows, sources=frameworks, html_columns=("Source",))
oldest_in_force = in_force.sort_values("start").iloc[0] if len(in_force) else None

# %% [markdown] tags=["report"]
# ```{figure} instruments
# :title: {% if in_force | length %}{{ in_force | length | count("instrument") | upper_first }} in force by {{ period_end.year }}{% else %}The instruments{% endif %}
# :alt: Bar chart of {{ frameworks | length }} partnership instruments begun from {{ frameworks.year.min() }} to {{ frameworks.year.max() }}, each drawn from its start to its end; {{ in_force | length }} still in force at {{ period_end | day }}.
# Partnership instruments and institutional links, from their start to their end or to {{ period_end | day }}. Grey
# bars ended or were superseded; start dates known only to the year are drawn from 1 January.
# ```
#
# ```{table} instruments
# The partnership instruments, with the source of each.
# ```
#
# ```{note} ipcp_renewal tcp_instrument
# ```

# %% [markdown] tags=["report"]
# ## Operations made South Korea a working partner {#operations}
#
# Operations gave the partnership substance before the paperwork did.
# {% if prt is not none %}South Korea led a civilian-military Provincial Reconstruction Team of {{ prt.value | number }}
# personnel in Parwan Province under NATO's ISAF mission {{ cite(prt) }}.{% endif %}
# {% if piracy_start is not none %}{{ piracy_start.description }} {{ cite(piracy_start) }}{% endif %}
#
# ```{note} prt_end counter_piracy_cooperation
# ```

# %% [markdown] tags=["report"]
# ## What the record does not show {#limits}
#
# The sources record steps, not their weight: a count says how often the two sides acted together, not how much each
# step mattered. Early dates are often given only to the year, and where the sources disagree the notes above say
# which version this report follows and why.

# %%
sec.record()
