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
# # {{TITLE_MARKDOWN}}
#
# The one-sentence question this section answers.

# %% tags=["parameters"]
as_of = "{{AS_OF}}"  # evidence cut-off (YYYY-MM-DD): nothing dated later is counted or drawn

# %%
from helpers.evidence.data import load_all
from helpers.writing import charts, judgements
from helpers.writing.filters import words
from helpers.writing.section import Section

ev = load_all(as_of)  # validated tables, cut at as_of: ev.events, ev.sources, ev.frameworks, ...
sec = Section(number={{NUMBER}}, slug="{{SLUG}}", evidence=ev)  # its title is the heading above

# %%
# Name what the words below need. A judgement word ("led", "most") comes from a rule in helpers.writing.judgements,
# never from an if/else written here: judgements.lead names a leader only with a real margin, else a tie.
events = ev.events
by_category = events.groupby("category").size().sort_values(ascending=False)
top = judgements.lead(by_category.to_dict())
milestones = sec.num("milestones", len(events), words(len(events)), sources=events)  # "nine", "12": house style

# %% [markdown] tags=["summary"]
# {% if top.leader %}The sources record {{ milestones }} steps up to {{ ev.as_of | day }}, led by
# {{ top.leader }} {{ cite(events) }}.{% elif top.tied %}The sources record {{ milestones }} steps up to
# {{ ev.as_of | day }}, with {{ top.tied | list | and_list }} level at the top {{ cite(events) }}.{% else %}The sources
# record no step up to {{ ev.as_of | day }}.{% endif %}

# %%
chart, ax = charts.new_figure(height_in=2.6)  # not `fig`: {{ fig("key") }} names a figure in the text
ax.bar(by_category.index, by_category.values, color=charts.colour_for("category", "political dialogue"))
ax.tick_params(axis="x", rotation=45)
charts.value_grid(ax)
sec.chart("categories", chart, sources=events, data=by_category.rename("milestones").reset_index())

# %% [markdown]
# ## A sub-section that opens with its judgement {#first}
#
# Write the judgement first, then the evidence, with values from the code above: {{ milestones }} steps in all
# {{ cite(events) }}.
#
# ```{figure} categories
# :title: {% if top.leader %}{{ top.leader | upper_first }} leads the record{% else %}No one kind of step leads the record{% endif %}
# :alt: Bar chart of {{ milestones }} steps in {{ by_category | length }} categories: {% for category, n in by_category.items() %}{{ category }} {{ n }}{% if not loop.last %}; {% endif %}{% endfor %}.
# Steps per category, all years up to the cut-off.
# ```

# %%
sec.record()
