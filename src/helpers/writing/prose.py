"""Markdown cells as the section's words: named values put in, rendered where the notebook runs.

A Markdown cell of a section notebook is a template. `{{ name }}` puts in a value the code cells above computed,
with filters for house style (`{{ rate | number(1) }}`, `{{ n | count("milestone") }}`, `{{ row | when }}`);
`{% if ... %}` chooses between phrasings a named rule decided. The build executes each Markdown cell at its
place in the notebook, so a value is the one computed above it, as a reader expects.

Values from data always reach the page as text. Every `{{ ... }}` becomes a private placeholder before the cell
is read as Markdown and is replaced by its HTML-escaped text afterwards, so no character in the data (`*`, `<`,
`![x](...)`) can become emphasis, a link, an image or a tag. Only values built by the project's own helpers
(citations, quotations, numbers, cross-references), which escape data themselves, go in as HTML.

Blocks for figures, tables and notes (the chart or table is made in a code cell above, under a key):

    ```{figure} pace
    :title: Engagement quickened under {{ fastest }}
    :alt: Bar chart of milestones a year ...
    The caption, with {{ values }} and a citation {{ cite(rows) }}.
    ```

    ```{table} comparison
    The caption of the table (a table kept by a code cell with sec.table_data).
    ```

    ```{table} terms
    The caption; then the table itself, written here, its rows one line each with no blank line between them.

    | Government | Took office |
    |---|---|
    {% for g in govs %}| {{ g.who }} | {{ g.start | day }} |
    {% endfor %}
    ```

    ```{note} poland_quantities ipcp_renewal
    ```

Headings take an id for cross-references: `## The pace per year in office {#pace}`; `{{ see("pace") }}` links to
it ("see 2.3" in the report, "Report, 2.3" in the brief) and `{{ fig("pace") }}` names a figure ("Figure 2.1").
Numbers are given when the publication is assembled, so a section can run on its own and in parallel.
"""
from __future__ import annotations

import difflib
import html
import os
import re
from typing import Any

import jinja2
import mistune

PROSE_MIME = "application/vnd.rok-nato-brief.prose+json"
_TOKEN = re.compile("\ue000(\\d+)\ue001")
_HEADING_ID = re.compile(r"\s*\{#([a-z0-9][a-z0-9_-]*)\}\s*$")
_OPTION = re.compile(r"^:(\w+):\s*(.*)$")
BLOCK_OPTIONS = {"figure": ("title", "alt", "note"), "table": (), "note": ()}


class ProseError(Exception):
    """A Markdown cell that cannot be rendered: an unknown name, a bad filter, a number without a format."""


def _text(value: Any) -> str:
    """A value as the text a reader sees; a float must come through a filter that says how to round it."""
    if isinstance(value, bool):
        raise ProseError(f"{{{{ }}}} got a true/false value ({value}); choose the words with {{% if %}} instead")
    if isinstance(value, float):
        raise ProseError(f"{{{{ }}}} got an unformatted number ({value!r}); use a filter such as | number(1) or | percent")
    if value is None:
        raise ProseError("{{ }} got None (no value); leave the sentence out with {% if %} when the data have no value")
    return str(value)


class _Values:
    """Collects the HTML of each {{ }} value and hands the template a placeholder instead."""

    def __init__(self):
        self.html: list[str] = []

    def finalize(self, value: Any):
        if hasattr(value, "__html__"):
            piece = str(value.__html__())
        else:
            piece = html.escape(_text(value), quote=True)
        # The placeholder marks are private-use characters: one in the data must not pass for another value's mark.
        self.html.append(piece.replace("\ue000", "").replace("\ue001", ""))
        return f"\ue000{len(self.html) - 1}\ue001"

    def fill(self, text: str) -> str:
        return _TOKEN.sub(lambda m: self.html[int(m.group(1))], text)

    def plain(self, text: str) -> str:
        """The text with values as plain words (for heading ids and attributes that must not hold markup)."""
        return _TOKEN.sub(lambda m: re.sub(r"<[^>]+>", "", html.unescape(self.html[int(m.group(1))])), text)


def environment() -> jinja2.Environment:
    """The template language of the section's words: Jinja with house-style filters; comments are {## ... ##}
    so that `{#id}` after a heading stays Markdown."""
    from . import filters

    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, comment_start_string="{##",
                             comment_end_string="##}", keep_trailing_newline=True)
    env.filters.update(filters.FILTERS)
    return env


_ENV: jinja2.Environment | None = None


def render_markdown(source: str, namespace: dict, section=None) -> str:
    """One Markdown cell's source, with its values put in, as an HTML fragment (safe: data are text)."""
    global _ENV
    _ENV = _ENV or environment()
    values = _Values()
    env = _ENV.overlay(finalize=values.finalize)
    if section is not None:
        reserved = section.template_globals()
        # A notebook variable named like a template helper (`fig, ax = ...`) would hide it: say so, do not guess.
        clashes = [name for name in reserved if name in namespace and namespace[name] is not section
                   and getattr(namespace[name], "__self__", None) is not section and re.search(rf"\b{name}\b", source)]
        if clashes:
            raise ProseError(f"a code cell defines {', '.join(repr(n) for n in clashes)}, a name the Markdown cells keep "
                             f"for {{{{ {clashes[0]}(...) }}}} (reserved: {', '.join(reserved)}); rename the variable")
        namespace = {**namespace, **reserved}
    try:
        markdown = env.from_string(source).render(namespace)
    except jinja2.UndefinedError as error:
        missing = re.match(r"'(\w+)' is undefined", str(error))
        known = [n for n in namespace if not n.startswith("_")]
        close = difflib.get_close_matches(missing.group(1), known, n=3, cutoff=0.7) if missing else []
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise ProseError(f"{error} (compute it in a code cell above this one){hint}") from None
    except jinja2.TemplateSyntaxError as error:
        raise ProseError(f"template syntax, line {error.lineno}: {error.message}") from None
    renderer = _Renderer(values, section)
    convert = mistune.create_markdown(renderer=renderer, plugins=["table", "strikethrough"])
    html_out = values.fill(convert(markdown)).strip()
    return html_out


class _Renderer(mistune.HTMLRenderer):
    """Markdown to HTML for the brief: raw HTML in a cell is shown as text, headings get ids, fenced blocks with
    {figure}, {table} and {note} place what the code cells made."""

    def __init__(self, values: _Values, section):
        super().__init__(escape=True)
        self.values, self.section = values, section

    def heading(self, text: str, level: int, **attrs) -> str:
        match = _HEADING_ID.search(text)
        key = match.group(1) if match else None
        text = _HEADING_ID.sub("", text)
        slug = getattr(self.section, "slug", None) or os.environ.get("BRIEF_SECTION_SLUG", "section")
        if level == 1:
            return f'<h2 class="section-title" data-section="{slug}"><span class="sec-num"></span> {text}</h2>\n'
        anchor = f"{slug}-{key or _slugify(self.values.plain(text))}"
        tag = f"h{min(level + 1, 6)}"
        return f'<{tag} id="{anchor}" data-level="{level}">{text}</{tag}>\n'

    def block_code(self, code: str, info: str | None = None, **attrs) -> str:
        match = re.match(r"^\{(figure|table|note)\}\s*(.*)$", (info or "").strip())
        if not match:
            return super().block_code(code, info)
        if self.section is None:
            raise ProseError(f"a {{{match.group(1)}}} block needs the section (Section(...)) created above")
        kind, keys = match.group(1), match.group(2).split()
        options, body = _options(code)
        allowed = BLOCK_OPTIONS[kind]
        unknown = sorted(set(options) - set(allowed))
        if unknown:
            raise ProseError(f"{kind} {' '.join(keys)!r}: unknown option :{unknown[0]}: (a {kind} block takes "
                             f"{', '.join(f':{o}:' for o in allowed) or 'no options'})")
        caption = _inline(body.strip(), self.values) if body.strip() else ""
        if kind == "figure" and not self.values.plain(caption).strip():
            raise ProseError(f"figure {keys[0] if keys else ''!r}: give it a caption, the lines after :title: and :alt: "
                             "(what the chart shows, how to read it)")
        if kind == "figure":
            return self.section.figure_html(keys[0], title=options.get("title", ""), alt=self.values.plain(options.get("alt", "")),
                                            caption=caption, note=options.get("note", ""))
        if kind == "table":
            if not self.section.has_table(keys[0]) and "|" in body:
                return self._markdown_table(keys[0], body)
            return self.section.table_html(keys[0], caption=caption)
        return self.section.notes_html(*keys)


    def _markdown_table(self, key: str, body: str) -> str:
        """A ```{table}``` block whose body is a caption paragraph and a Markdown table written in the cell."""
        lines = body.strip().splitlines()
        start = next((i for i, line in enumerate(lines) if line.lstrip().startswith("|")), len(lines))
        caption = _inline("\n".join(lines[:start]).strip(), self.values)
        convert = mistune.create_markdown(renderer=mistune.HTMLRenderer(escape=True), plugins=["table"])
        # The values go in now, so that the CSV published with the table holds them.
        table = self.values.fill(convert("\n".join(lines[start:])))
        table = table.strip()
        if not (table.startswith("<table>") and table.endswith("</table>") and table.count("<table>") == 1):
            raise ProseError(f"table {key!r}: the lines after the caption must be one Markdown table and nothing else: "
                             "every row needs as many | cells as the header, the second line is |---|---|..., and no "
                             "blank line may fall between rows (a {% if %} that leaves a row out must leave out its "
                             "line break too)")
        head, _, body_rows = table.partition("</thead>")
        columns = re.findall(r"<th(?:\s[^>]*)?>(.*?)</th>", head, flags=re.S)
        rows = [re.findall(r"<td[^>]*>(.*?)</td>", row, flags=re.S)
                for row in re.findall(r"<tr>(.*?)</tr>", body_rows, flags=re.S)]
        if not rows:
            raise ProseError(f"table {key!r}: the table has no rows; leave the block out with {{% if %}} when the "
                             "data have none")
        return self.section.written_table_html(key, caption=caption, columns=columns, rows=rows)


def _options(code: str) -> tuple[dict, str]:
    options, rest = {}, []
    lines = code.splitlines()
    for index, line in enumerate(lines):
        match = _OPTION.match(line.strip())
        if match and not rest:
            options[match.group(1)] = match.group(2).strip()
        else:
            rest = lines[index:]
            break
    return options, "\n".join(rest)


def _inline(text: str, values: _Values) -> str:
    """Markdown inside a block (a caption): paragraphs without the outer <p> when there is only one."""
    convert = mistune.create_markdown(renderer=mistune.HTMLRenderer(escape=True))
    out = convert(text).strip()
    if out.count("<p>") == 1 and out.startswith("<p>") and out.endswith("</p>"):
        out = out[3:-4]
    return out


def _slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "part"


def render_cell(source: str) -> None:
    """Called by the build's engine in the kernel for each Markdown cell: renders it with the notebook's own
    variables and displays the HTML under PROSE_MIME, which the engine stores with the cell."""
    from IPython import get_ipython
    from IPython.display import display

    from .section import Section

    namespace = get_ipython().user_ns
    html_out = render_markdown(source, namespace, Section.current)
    display({PROSE_MIME: {"html": html_out}}, raw=True)
