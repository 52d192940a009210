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
# # {{TITLE}}
#
# The one-sentence question this section answers.

# %% tags=["parameters"]
as_of = "2025-01-31"  # evidence cut-off (YYYY-MM-DD): nothing dated later is counted or drawn

# %%
from helpers.writing import charts, text
from helpers.evidence.data import load_all
from helpers.writing.section import Section

ev = load_all(as_of)  # validated tables, cut at as_of: ev.events, ev.sources, ev.frameworks, ...
sec = Section(number={{NUMBER}}, slug="{{SLUG}}", title="{{TITLE}}", evidence=ev)
events = ev.events

# %%
# Key findings: one-sentence judgements and key numbers, computed from the data, for the executive summary.
by_category = events.groupby("category").size().sort_values(ascending=False)
sec.finding(f"The sources record {text.count(len(events), 'milestone')} up to {text.when({'date': ev.as_of.isoformat(), 'date_precision': 'day'})}; "
            f"the most frequent category is {text.esc(by_category.index[0])}.", sources=sorted(set(events["source_id"])))
sec.key_number("{{SLUG}}_milestones", "milestones in the evidence base", len(events), str(len(events)))
sec.record()

# %% [markdown]
# ## A sub-section that opens with its judgement

# %%
fig, ax = charts.new_figure(height_in=2.6)
ax.bar(by_category.index, by_category.values, color=charts.OKABE_ITO[3])
ax.tick_params(axis="x", rotation=45)
charts.value_grid(ax)
sec.figure(fig, "categories",
           title=f"{text.esc(by_category.index[0]).capitalize()} leads the record",
           caption="Milestones per category, all years up to the cut-off.",
           sources=sorted(set(events["source_id"])),
           alt=f"Bar chart of {len(events)} milestones in {len(by_category)} categories; the largest is "
               f"{by_category.index[0]} with {by_category.iloc[0]}.")
sec.md(f"Write the evidence here, with numbers from the data and citations such as {sec.cite('swp2025')}.")
