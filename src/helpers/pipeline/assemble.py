"""Two publications from the same rendered sections: the policy brief and the full report.

Each section's parts carry the tags of their Markdown cells: `brief` (only in the brief), `report` (only in the
report), none (in both). `summary` cells make the executive summary and `key-numbers` cells its key-numbers box.
Sections render on their own and in parallel, so numbers that depend on the whole publication are given here:
sub-sections (2.3, report only), figures and tables (Figure 2.1 in the report, Figure 3 in the brief), and
cross-references (`{{ fig() }}`, `{{ see() }}`, `{{ section_link() }}`). The brief points to where the report argues
each claim ("Report, 2.3"), so both publications share one numbering of the report.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .manifest import UsageError

BRIEF, REPORT = "brief", "report"
SERIES = {BRIEF: "Policy Brief", REPORT: "Report"}
HIDDEN = {"summary", "key-numbers"}  # tags of cells that feed the summary, never the section's own text

# The kernel writes these elements; nbconvert may reorder their attributes, so each pattern reads them in any order.
_ATTRIBUTE = re.compile(r'([\w-]+)="([^"]*)"')
_H3 = re.compile(r'<h3\b([^>]*\bdata-level="2"[^>]*)>(.*?)</h3>', re.S)
_LABEL = re.compile(r'<span\b(?=[^>]*\bclass="fig-label")[^>]*\bdata-label="(figure|table)"[^>]*></span>')
_BLOCK = re.compile(r'\bdata-(figure|table)="([^"]+)"')
_XREF = re.compile(r'<a\b(?=[^>]*\bclass="xref")(?=[^>]*\bdata-ref="(figure|table|section)")(?=[^>]*\bhref="#([^"]+)")[^>]*>[^<]*</a>')
_SEE = re.compile(r'<a\b(?=[^>]*\bclass="see")(?=[^>]*\bdata-ref="part")(?=[^>]*\bhref="#([^"]+)")[^>]*>[^<]*</a>')


def _attributes(text: str) -> dict[str, str]:
    return dict(_ATTRIBUTE.findall(text))


def _headings(text: str) -> list[tuple[str, str]]:
    """(anchor, inner HTML) of each sub-section heading (a `##` heading of a notebook)."""
    return [(_attributes(attrs).get("id", ""), inner) for attrs, inner in _H3.findall(text)]


@dataclass
class Numbering:
    """Labels of one publication: anchor -> '2.3', 'Figure 2.1', 'Table 4.1', 'Section 4'."""
    parts: dict[str, str] = field(default_factory=dict)
    blocks: dict[str, str] = field(default_factory=dict)
    sections: dict[str, str] = field(default_factory=dict)
    rendered: set[str] = field(default_factory=set)  # slugs of the sections on this page


def selected(section, kind: str) -> str:
    """The section's HTML for one publication: its parts whose tags admit it, in notebook order."""
    chunks = []
    for part in section.parts:
        tags = set(part["tags"])
        if tags & HIDDEN or (BRIEF in tags and kind != BRIEF) or (REPORT in tags and kind != REPORT):
            continue
        chunks.append(part["html"])
    return "\n".join(c for c in chunks if c.strip())


def numbering(sections, kind: str, all_sections: dict[str, int] | None = None) -> Numbering:
    """Number the publication's sub-sections (report only), figures and tables in reading order. `all_sections` maps
    every section of the brief (slug -> number), so a page of one section can still name the others."""
    result = Numbering()
    for slug, number in (all_sections or {}).items():
        result.sections[f"sec-{slug}"] = f"Section {number}"
    figure = table = 0
    for section in sections:
        result.sections[f"sec-{section.slug}"] = f"Section {section.number}"
        result.rendered.add(section.slug)
        text = selected(section, kind)
        if kind == REPORT:
            for index, (anchor, _) in enumerate(_headings(text), start=1):
                result.parts[anchor] = f"{section.number}.{index}"
        local_figure = local_table = 0
        for block, anchor in _BLOCK.findall(text):
            if anchor in result.blocks:
                continue
            if block == "figure":
                figure, local_figure = figure + 1, local_figure + 1
                result.blocks[anchor] = f"Figure {section.number}.{local_figure}" if kind == REPORT else f"Figure {figure}"
            else:
                table, local_table = table + 1, local_table + 1
                result.blocks[anchor] = f"Table {section.number}.{local_table}" if kind == REPORT else f"Table {table}"
    return result


def dangling_references(section) -> list[str]:
    """A section's references to its own parts, figures and tables that neither publication could resolve (a heading
    or block left out by a {% if %} the reference does not share): what the build would refuse, found per section."""
    found = []
    report = numbering([section], REPORT)
    for kind in (BRIEF, REPORT):
        text, own = selected(section, kind), numbering([section], kind)
        for anchor in _SEE.findall(text):
            if anchor.startswith(f"{section.slug}-") and anchor not in report.parts:
                found.append(f"{{{{ see(...) }}}} in the {kind} names {anchor!r}, a sub-section the report does not have")
        for ref, anchor in _XREF.findall(text):
            own_block = anchor.startswith((f"fig-{section.slug}-", f"tab-{section.slug}-"))
            if ref != "section" and own_block and anchor not in own.blocks and not (kind == BRIEF and anchor in report.blocks):
                found.append(f"a {ref} reference in the {kind} names {anchor!r}, a block neither publication has")
    return found


def _number_blocks(text: str, own: Numbering) -> str:
    """Fill each figure's and table's empty label with its number, in document order."""
    out, position = [], 0
    for match in _LABEL.finditer(text):
        block = _BLOCK.findall(text[:match.start()])
        anchor = block[-1][1] if block else None
        label = own.blocks.get(anchor, "")
        out.append(text[position:match.start()])
        out.append(f'<span class="fig-label">{label}.</span>' if label else '<span class="fig-label"></span>')
        position = match.end()
    out.append(text[position:])
    return "".join(out)


def _number_parts(text: str, own: Numbering) -> str:
    def heading(match):
        anchor, inner = _attributes(match.group(1)).get("id", ""), match.group(2)
        label = own.parts.get(anchor)
        number = f'<span class="sub-num">{label}</span> ' if label else ""
        return f'<h3 id="{anchor}">{number}{inner}</h3>'
    return _H3.sub(heading, text)


def _resolve(text: str, kind: str, own: Numbering, report: Numbering, where: str, report_name: str,
             partial: bool = False) -> str:
    """Cross-references: within the publication when the target is in it; otherwise, from the brief, to the report.
    A page of some sections only (`partial`, as `--only` builds) names what lies outside it without a link."""
    present = set(own.blocks) | set(own.parts)

    def xref(match):
        ref, anchor = match.group(1), match.group(2)
        if ref == "section":
            label = own.sections.get(anchor)
            if label is None:
                raise UsageError(f"{where}: a link to {anchor!r}, which is not a section of this brief")
            return f'<a class="xref" href="#{anchor}">{label}</a>' if not partial or anchor in present or \
                any(anchor == f"sec-{s}" for s in own.rendered) else label
        if anchor in own.blocks:
            return f'<a class="xref" href="#{anchor}">{own.blocks[anchor]}</a>'
        if kind == BRIEF and anchor in report.blocks:
            return f'<a class="xref" href="{report_name}#{anchor}">Report, {report.blocks[anchor]}</a>'
        if partial:
            return ref.capitalize()
        raise UsageError(f"{where}: {{{{ {'fig' if ref == 'figure' else 'tab'}(...) }}}} names {anchor!r}, which no "
                         f"{ref} block in the {kind} has")

    def see(match):
        anchor = match.group(1)
        if partial and anchor not in report.parts:
            return "see the report"
        if anchor not in report.parts:
            raise UsageError(f"{where}: {{{{ see(...) }}}} names {anchor!r}, but no report sub-section has that id "
                             "(give the heading {#...} in a cell the report shows)")
        if kind == REPORT:
            return f'<a class="see" href="#{anchor}">see {report.parts[anchor]}</a>'
        return f'<a class="see" href="{report_name}#{anchor}">Report, {report.parts[anchor]}</a>'

    return _SEE.sub(see, _XREF.sub(xref, text))


def publication_sections(sections, kind: str, report_name: str = "report.html",
                         all_sections: dict[str, int] | None = None) -> list[dict]:
    """Each section's finished HTML for one publication (numbered, cross-referenced). With `all_sections` (slug ->
    number of every section of the brief) a page of fewer sections is partial: what lies outside it is named, not linked."""
    own, report = numbering(sections, kind, all_sections), numbering(sections, REPORT, all_sections)
    partial = all_sections is not None and len(all_sections) > len(sections)
    finished = []
    for section in sections:
        text = selected(section, kind)
        text = _number_blocks(text, own)
        if kind == REPORT:
            text = _number_parts(text, own)
        else:
            text = _H3.sub(lambda m: f'<h3 id="{_attributes(m.group(1)).get("id", "")}">{m.group(2)}</h3>', text)
        text = _resolve(text, kind, own, report, f"section {section.slug}", report_name, partial)
        finished.append({"slug": section.slug, "number": section.number, "title": section.title, "html": text})
    return finished


def summary_of(sections, kind: str, report_name: str = "report.html", all_sections: dict[str, int] | None = None) -> dict:
    """The executive summary: each section's `summary` cells in order, and the items of its `key-numbers` cells."""
    own, report = numbering(sections, kind, all_sections), numbering(sections, REPORT, all_sections)
    partial = all_sections is not None and len(all_sections) > len(sections)
    judgements, numbers = [], []
    for section in sections:
        for part in section.parts:
            tags = set(part["tags"])
            if "summary" in tags:
                text = _resolve(part["html"], kind, own, report, f"section {section.slug} (summary)", report_name, partial)
                judgements.append({"html": text, "section": section.slug, "number": section.number})
            elif "key-numbers" in tags:
                for item in re.findall(r"<li>(.*?)</li>", part["html"], flags=re.S):
                    match = re.match(r"\s*<strong>(.*?)</strong>\s*(.*)", item, flags=re.S)
                    if match:
                        numbers.append({"display": match.group(1), "label": match.group(2).strip(),
                                        "section": section.slug})
    return {"judgements": judgements, "numbers": numbers}


def cited_sources(page: str) -> set[str]:
    return set(re.findall(r'href="#ref-([a-z0-9_]+)"', page))


