"""What a section notebook records for its Markdown cells: numbers, charts, tables and the notes where sources
disagree. The words themselves are in the Markdown cells (helpers.writing.prose renders them against this object).

    sec = Section(number=2, slug="administrations", evidence=ev)   # the title is the notebook's first heading
    total = sec.num("steps_total", len(steps), words(len(steps)), sources=steps)   # {{ total }} in the text
    sec.chart("pace", fig, sources=steps, data=rates)                              # ```{figure} pace```
    sec.table_data("steps", frame, sources=steps)                                  # ```{table} steps```
    sec.record()   # hands the recorded numbers and downloads to the build

Figures and tables are numbered when the publication is assembled, so a section's output does not depend on the
sections before it and can be cached and built in parallel.
"""
from __future__ import annotations

import csv
import io
import json
import os
import re

import pandas as pd
from IPython.display import display
from markupsafe import Markup

from .charts import svg_data_uri
from .formats import FINDINGS_MIME
from ..evidence.quotes import verbatim
from .prose import ProseError
from .text import Citations, esc, plain_text



class Recorded:
    """A number recorded once by a section and read wherever it appears (prose, summary, titles, alt text).
    In HTML it carries its key, so a test can find every appearance and check that they agree."""

    def __init__(self, key: str, value, display: str, sources=()):
        self.key, self.value, self.display, self.sources = key, value, display, list(sources)

    def __str__(self) -> str:
        return self.display

    def __html__(self) -> str:
        return f'<span class="num" data-key="{esc(self.key)}">{esc(self.display)}</span>'

    def __repr__(self) -> str:
        return f"Recorded({self.key!r}, {self.value!r}, {self.display!r})"


def _source_ids(items) -> list[str]:
    """Source ids from ids, data rows, tables (their source_id column) or lists of any of these."""
    found: list[str] = []
    for item in items:
        if item is None:
            continue
        if isinstance(item, str):
            found += [s.strip() for s in item.split(";") if s.strip()]
        elif isinstance(item, Recorded):
            found += item.sources
        elif isinstance(item, pd.DataFrame):
            if "source_id" in item:
                found += [str(s) for s in item["source_id"]]
        elif isinstance(item, (pd.Series, dict)) and "source_id" in item:
            found.append(str(item["source_id"]))
        elif hasattr(item, "source_id"):
            found.append(str(item.source_id))
        elif isinstance(item, (list, tuple, set)):
            found += _source_ids(list(item))
    return list(dict.fromkeys(found))


_BLOCKS = None


def _block(template: str, **values) -> str:
    """Render one of the block templates (templates/blocks/): figure, table, notes, links. Values that are not Markup
    are escaped, so text from the data stays text."""
    global _BLOCKS
    if _BLOCKS is None:
        import jinja2

        from ..paths import TEMPLATES_DIR

        _BLOCKS = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES_DIR / "blocks")), autoescape=True,
                                     trim_blocks=True, lstrip_blocks=True)
    return _BLOCKS.get_template(template).render(**values).strip()


def _cell(value, markup: bool):
    """A table cell: text from the data escaped; a column the project's own helpers built (citations) as HTML."""
    if markup:
        return Markup(value.__html__() if hasattr(value, "__html__") else str(value))
    if value is None or (not isinstance(value, (list, dict)) and pd.isna(value)):
        return ""
    return value


def _quotes(items) -> dict[str, list[str]]:
    """Source id -> the distinct quotes of the data rows among `items` (ids alone carry none)."""
    found: dict[str, list[str]] = {}

    def add(source, quote):
        if source and isinstance(quote, str) and quote.strip() and quote not in found.setdefault(str(source), []):
            found[str(source)].append(quote)

    for item in items:
        if item is None or isinstance(item, (str, Recorded)):
            continue
        if isinstance(item, pd.DataFrame):
            if {"source_id", "quote"} <= set(item.columns):
                for source, quote in zip(item["source_id"], item["quote"]):
                    add(source, quote)
        elif isinstance(item, (pd.Series, dict)):
            if "source_id" in item and "quote" in item:
                add(item["source_id"], item["quote"])
        elif hasattr(item, "source_id") and hasattr(item, "quote"):
            add(item.source_id, item.quote)
        elif isinstance(item, (list, tuple, set)):
            for source, quotes in _quotes(list(item)).items():
                for quote in quotes:
                    add(source, quote)
    return found


class Section:
    current: "Section | None" = None  # the section a notebook is writing; its Markdown cells render against it

    def __init__(self, number: int, slug: str, evidence, *, title: str = ""):
        # `title` is kept for notebooks that still pass it; the title readers see is the notebook's first heading.
        # The build passes the section's position in brief.yml; the notebook's own number is the fallback.
        self.number = int(os.environ.get("BRIEF_SECTION_NUMBER", number))
        self.slug = slug
        self.title = title
        self.evidence = evidence
        self.citations = Citations(evidence.tables["sources"])
        self._charts: dict[str, dict] = {}
        self._table_data: dict[str, dict] = {}
        self._table_sources: dict[str, dict] = {}  # tables written in Markdown: their sources, kept by code
        self.recorded: dict[str, Recorded] = {}
        self.downloads: dict[str, str] = {}  # anchor -> CSV of what a figure or table shows
        self.shown_notes: set[str] = set()  # conflict ids whose note this section has shown
        Section.current = self

    # -- what the Markdown cells use (helpers.writing.prose) --------------------------------------------------
    def template_globals(self) -> dict:
        return {"cite": self.cite_any, "quote": self.quoted, "fig": self.fig, "tab": self.tab, "see": self.see,
                "section_link": self.section_link, "sec": self}

    def cite_any(self, *items) -> Markup:
        """`{{ cite(rows) }}`: '(SWP 2025; NATO 2023)' as links, from ids, rows or tables; empty when none. Given rows,
        each link carries the verbatim quotes of those rows, which a reader of the HTML sees at the claim."""
        ids = _source_ids(items)
        if not ids:
            return Markup("")
        return Markup(self.citations.cite(*ids, quotes=_quotes(items), prefix=f"q-{self.slug}"))

    def fig(self, key: str) -> Markup:
        """`{{ fig("pace") }}`: 'Figure 2.1', numbered when the publication is assembled."""
        return Markup(f'<a class="xref" data-ref="figure" href="#fig-{esc(self.slug)}-{esc(key)}">Figure</a>')

    def tab(self, key: str) -> Markup:
        return Markup(f'<a class="xref" data-ref="table" href="#tab-{esc(self.slug)}-{esc(key)}">Table</a>')

    def see(self, key: str, slug: str | None = None) -> Markup:
        """`{{ see("pace") }}`: where the report argues a point ('see 2.3'; in the brief, 'Report, 2.3')."""
        return Markup(f'<a class="see" data-ref="part" href="#{esc(slug or self.slug)}-{esc(key)}">see</a>')

    def section_link(self, slug: str) -> Markup:
        """`{{ section_link("defence_industry") }}`: 'Section 4' (numbered as brief.yml orders the sections)."""
        return Markup(f'<a class="xref" data-ref="section" href="#sec-{esc(slug)}">Section</a>')

    def num(self, key: str, value, display: str, sources=()) -> Recorded:
        """Record a number once; the template reads it everywhere it appears. Recording one key twice with
        another display is an error (the brief would disagree with itself)."""
        if hasattr(value, "item"):
            value = value.item()
        recorded = Recorded(f"{self.slug}.{key}", value, str(display), _source_ids([sources]))
        previous = self.recorded.get(key)
        if previous is not None and previous.display != recorded.display:
            raise ValueError(f"number {key!r} recorded twice with different values: {previous.display} and {display}")
        self.recorded[key] = recorded
        return recorded

    def chart(self, key: str, fig, *, sources, data: pd.DataFrame | None = None) -> None:
        """Keep a chart (drawn in a code cell) for the ```{figure} key``` block that places it in the text."""
        uri, width, height = svg_data_uri(fig)
        self._charts[key] = {"uri": uri, "width": width, "height": height, "sources": _source_ids([sources]),
                             "data": data}

    def table_data(self, key: str, frame: pd.DataFrame, *, sources, note: str = "",
                   html_columns: tuple[str, ...] = ()) -> None:
        """Keep a table for the ```{table} key``` block; cells are text unless their column is in html_columns
        (for cells the project's own helpers built, such as citations)."""
        self._table_data[key] = {"frame": frame, "sources": _source_ids([sources]), "note": note,
                                 "html_columns": html_columns}

    def table_sources(self, key: str, *, sources, note: str = "") -> None:
        """The sources of a table written in the Markdown cell (```{table} key``` holding a Markdown table): the
        words and cells are the cell's, the source line is made from these rows or ids."""
        self._table_sources[key] = {"sources": _source_ids([sources]), "note": note}

    def figure_html(self, key: str, *, title: str, alt: str, caption: str, note: str = "") -> str:
        """The ```{figure}``` block: label (numbered later), takeaway title, chart, caption, source line, alt text.
        `title` and `caption` come from the template (values in them are already placeholders); `alt` is plain."""
        if key not in self._charts:
            raise ProseError(f"figure {key!r}: no chart drawn under that key (sec.chart({key!r}, figure, sources=...) "
                             "in a code cell above)")
        if len(alt.split()) < 8:
            raise ProseError(f"figure {key!r}: the :alt: text must describe the chart and its key values (a sentence or two)")
        if not title.strip():
            raise ProseError(f"figure {key!r}: give it a :title: that states its takeaway")
        chart = self._charts[key]
        anchor = f"fig-{self.slug}-{key}"
        self._download(anchor, chart["data"], chart["sources"])
        return _block("figure.html.j2", anchor=anchor, chart=chart, title=Markup(title), alt=alt,
                      caption=Markup(caption), source_line=self._source_line(chart["sources"], note),
                      links=self._links(anchor)) + "\n"

    def _download(self, anchor: str, frame, sources) -> None:
        """The data behind a figure or table as CSV, with the sources (and quotes, where the rows have them), for the
        build to publish under output/data/figures/."""
        if frame is None:
            frame = pd.DataFrame({"sources": ["; ".join(sources)]})
        frame = frame.copy()
        for column in frame.columns:
            frame[column] = [plain_text(v.__html__()) if hasattr(v, "__html__") else v for v in frame[column]]
        if not {"source_id", "quote"} <= set(frame.columns):
            frame["sources"] = "; ".join(sources)
        self.downloads[anchor] = frame.to_csv(index=False, lineterminator="\n")

    def _source_line(self, sources, note: str = "") -> Markup:
        """'Sources: SWP 2025; NATO 2023.' under a figure or table (empty without sources); `note` is text."""
        links, rest = self.citations.source_links(sources)
        return Markup(_block("source_line.html.j2", links=links, rest=rest, note=note)) if links else Markup("")

    def _links(self, anchor: str) -> Markup:
        """'Data · Notebook' under a figure or table: the CSV of what is shown, and the executed notebook behind it."""
        return Markup(_block("links.html.j2", anchor=anchor, notebook=os.environ.get("BRIEF_NOTEBOOK_NAME", self.slug)))

    def has_table(self, key: str) -> bool:
        return key in self._table_data

    def table_html(self, key: str, *, caption: str) -> str:
        if key not in self._table_data:
            raise ProseError(f"table {key!r}: no table under that key: write the table in the block, after the caption "
                             f"(with sec.table_sources({key!r}, sources=...) above), or keep one with "
                             f"sec.table_data({key!r}, frame, sources=...) in a code cell above")
        spec = self._table_data[key]
        frame = spec["frame"]
        anchor = f"tab-{self.slug}-{key}"
        rows = [[_cell(value, column in spec["html_columns"]) for column, value in zip(frame.columns, row)]
                for row in frame.itertuples(index=False)]
        self._download(anchor, frame, spec["sources"])
        columns = [str(c) for c in frame.columns]
        return _block("table.html.j2", anchor=anchor, caption=Markup(caption), columns=columns, rows=rows,
                      widths=_column_widths(columns, rows),
                      source_line=self._source_line(spec["sources"], spec["note"]),
                      links=self._links(anchor)) + "\n"

    def written_table_html(self, key: str, *, caption: str, columns: list[str], rows: list[list[str]]) -> str:
        """A ```{table}``` block whose table is written in the Markdown cell: `columns` and `rows` are the HTML the
        Markdown made of its cells (values in them already escaped). Laid out as the tables kept by code cells are,
        and published as CSV of what a reader sees."""
        anchor = f"tab-{self.slug}-{key}"
        kept = self._table_sources.get(key)
        source_line = self._source_line(kept["sources"], kept["note"]) if kept else ""
        heads = [plain_text(c) for c in columns]
        table = [heads, *[[plain_text(c) for c in row] for row in rows]]
        if kept and kept["sources"]:  # as for tables kept by code: every row names the sources
            table = [[*table[0], "sources"], *[[*row, "; ".join(kept["sources"])] for row in table[1:]]]
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\n").writerows(table)
        self.downloads[anchor] = buffer.getvalue()
        return _block("table.html.j2", anchor=anchor, caption=Markup(caption), columns=heads,
                      rows=[[Markup(c) for c in row] for row in rows], widths=_column_widths(heads, rows),
                      source_line=source_line, links=self._links(anchor)) + "\n"

    def notes_html(self, *conflict_ids: str) -> str:
        """The ```{note}``` block: where sources disagree, every version with its source and the brief's choice.
        `{note} *` gives the notes of this section (data/conflicts.csv, column section) not shown above it, so every
        disagreement appears once, in the section that discusses it."""
        if conflict_ids == ("*",):
            conflicts = self.evidence.tables["conflicts"]
            conflict_ids = tuple(c for c in conflicts.loc[conflicts["section"] == self.slug, "conflict_id"]
                                 if c not in self.shown_notes)
        self.shown_notes.update(conflict_ids)
        return self._notes_box(conflict_ids)

    def quoted(self, row, phrase: str) -> Markup:
        """A short phrase, checked word for word against the row's quote, in quotation marks (safe HTML: the template
        puts it in as it is, so an apostrophe or '&' in the quote is escaped once)."""
        return Markup(f"“{esc(verbatim(row, phrase))}”")

    def section_ref(self, slug: str, fallback: str) -> str:
        """'Section 4' for another section of this brief (by its notebook's slug, e.g. 'defence_industry'), numbered
        as brief.yml orders the sections; `fallback` (words, not a number) when that section is not in the brief."""
        try:
            from ..pipeline.manifest import load_manifest

            for spec in load_manifest().sections:
                if spec.slug == slug:
                    return f"Section {spec.number}"
        except Exception:  # no brief.yml (a notebook run on its own): words serve as well as a number
            pass
        return fallback

    def _note_parts(self, conflict_id: str):
        """(topic row, versions the brief could know at its cut-off) of a conflict, or None if nothing to show (the
        data have no such conflict, or fewer versions than make a disagreement by the cut-off)."""
        conflicts = self.evidence.tables["conflicts"].set_index("conflict_id")
        if conflict_id not in conflicts.index:
            return None
        topic = conflicts.loc[conflict_id]
        versions = self.evidence.tables["conflict_versions"]  # load_all keeps only versions published by the cut-off
        versions = versions[versions["conflict_id"] == conflict_id]
        if versions.empty or (topic.kind == "disagreement" and versions["source_id"].nunique() < 2):
            return None
        return topic, versions

    def _notes_box(self, conflict_ids) -> str:
        """A boxed note where sources disagree or a figure's basis is unclear: every version with its source (and the
        words it rests on), and how the publication treats it. Several ids give one box with a paragraph for each."""
        notes = []
        later = self.evidence.published_later.get("conflict_versions")
        for topic, versions in (p for p in (self._note_parts(c) for c in conflict_ids) if p is not None):
            # The treatment was written with every version in view; before the last of them is published it would
            # rest on evidence the edition could not have, so the note then only sets the versions side by side.
            decided = later is None or not (later["conflict_id"] == topic.name).any()
            if not decided and versions["source_id"].nunique() < 2:
                continue  # one account on record: nothing yet to set side by side, and no choice to report
            notes.append({"kind": topic.kind, "topic": topic.topic, "treatment": topic.treatment, "decided": decided,
                          "versions": [{"claim": v["claim"], "cite": self.cite_any(v)} for _, v in versions.iterrows()]})
        from .filters import day

        return _block("notes.html.j2", notes=notes, as_of=day(self.evidence.as_of)) + "\n" if notes else ""

    def payload(self) -> dict:
        recorded = {r.key: {"value": r.value, "display": r.display, "sources": r.sources} for r in self.recorded.values()}
        return {"section": self.slug, "number": self.number,
                "as_of": self.evidence.as_of.isoformat(), "recorded": recorded, "downloads": self.downloads,
                "tables_read": sorted(getattr(self.evidence.tables, "read", ()))}

    def record(self) -> None:
        """Hand this section's recorded numbers and the data behind its figures and tables to the build."""
        display({FINDINGS_MIME: json.loads(json.dumps(self.payload(), default=str))}, raw=True)


WIDE_TEXT = 40  # characters: a column whose cells average more than this holds running text, not labels
LABEL_TEXT = 15  # characters: up to this, a column holds labels (a date, a kind) and asks only for its longest word
LINE_CHARS = 110  # characters of table type (8 pt in print) across the printed page


def _column_widths(columns, rows) -> list[int] | None:
    """Shares of the width (per cent) for a table with a column of running text, or None for a table of labels.

    Every column first gets room for its longest word (so no short word is split); what is left of a printed line
    goes to the columns of text in proportion to their length. Print lays such a table out fixed with these shares,
    so a column of sentences is not squeezed into a strip while label columns take more than they need."""
    if not rows or len(columns) < 3:
        return None
    means, floors = [], []
    for i, column in enumerate(columns):
        cells = [plain_text(row[i]) for row in rows]
        longest = max([len(w) for text in [str(column), *cells] for w in text.split()] + [4])
        means.append(sum(len(text.strip()) for text in cells) / len(cells))
        floors.append(longest * 1.4 + 3)  # bold headers and row heads, cell padding
    if max(means[1:]) <= WIDE_TEXT:
        return None
    text = [m if m > LABEL_TEXT else 0 for m in means]
    room = max(LINE_CHARS - sum(floors), 0.15 * LINE_CHARS)
    needs = [floor + room * share / sum(text) for floor, share in zip(floors, text)]
    return [max(3, round(100 * need / sum(needs))) for need in needs]
