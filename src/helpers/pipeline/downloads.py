"""What a reader can take away besides the pages: the data behind each figure and table, each executed notebook
as a page of its own (and as .ipynb), the evidence tables as cut at the cut-off with their schema, the findings and
numbers with their sources, and the files to cite the publications by.

    output/data/figures/<figure or table id>.csv    exactly what is drawn or tabulated, with sources (and quotes)
    output/data/tables/*.csv + datapackage.yaml     every table as the build read it at as_of
    output/data/findings.json                       each section's recorded numbers and summary, with sources
    output/notebooks/<notebook>.html and .ipynb     the executed notebooks: parameters, code and outputs
    output/<publication>.bib and .csl.json          how to cite the brief and the report
"""
from __future__ import annotations

import json
import re
from pathlib import Path

FINDINGS_VERSION = 1  # bump when the shape of findings.json changes (docs/reading-the-data.md documents it)


def figure_files(rendered: list[dict]) -> dict[str, str]:
    """data/figures/<anchor>.csv for every figure and table of every section."""
    files = {}
    for section in rendered:
        for anchor, text in sorted((section["findings"].get("downloads") or {}).items()):
            files[f"data/figures/{anchor}.csv"] = text
    return files


def findings_file(rendered: list[dict], meta: dict) -> str:
    """data/findings.json: stable, sorted, documented (docs/reading-the-data.md)."""
    from ..writing.text import plain_text

    sections = []
    for section in rendered:
        findings = section["findings"] or {}
        summary = [plain_text(p["html"]) for p in section.get("parts", []) if "summary" in p["tags"]]
        key_numbers = [plain_text(item) for p in section.get("parts", []) if "key-numbers" in p["tags"]
                       for item in re.findall(r"<li>(.*?)</li>", p["html"], flags=re.S)]
        numbers = [{"key": key, "value": n["value"], "shown_as": n["display"], "sources": n.get("sources", [])}
                   for key, n in sorted((findings.get("recorded") or {}).items())]
        sections.append({"section": section["slug"], "number": section["number"], "title": plain_text(section["title"]),
                         "summary": summary, "key_numbers": key_numbers, "numbers": numbers})
    document = {"version": FINDINGS_VERSION, "title": meta.get("title"), "edition": meta.get("edition"),
                "evidence_to": meta.get("as_of"), "sections": sections}
    return json.dumps(document, indent=1, ensure_ascii=False, sort_keys=True) + "\n"


def citation_files(meta: dict, kind: str, stem: str) -> dict[str, str]:
    """BibTeX and CSL-JSON for one publication, from brief.yml (title, authors, edition, url, publisher)."""
    title = f"{meta['title']}: {meta.get('subtitle', '')}".rstrip(": ")
    if kind == "report":
        title += " (full report)"
    year, month, day = meta["edition"].split("-")
    url = meta.get("url", "")
    publisher = meta.get("publisher") or meta.get("authors", "")
    key = re.sub(r"[^a-z0-9]+", "", meta.get("short_title", "brief").lower()) + year + ("report" if kind == "report" else "")
    bib = (f"@techreport{{{key},\n  title = {{{_bib(title)}}},\n  author = {{{_bib(meta.get('authors', ''))}}},\n"
           f"  institution = {{{_bib(publisher)}}},\n  type = {{{'Report' if kind == 'report' else 'Policy brief'}}},\n"
           f"  year = {{{year}}},\n  month = {{{int(month)}}},\n  note = {{Edition of {meta['edition_text']}; evidence to "
           f"{meta['as_of_text']}}},\n" + (f"  url = {{{url}}},\n" if url else "") + "}\n")
    csl = [{"id": key, "type": "report", "title": title, "author": [{"literal": meta.get("authors", "")}],
            "publisher": publisher, "genre": "Report" if kind == "report" else "Policy brief",
            "issued": {"date-parts": [[int(year), int(month), int(day)]]},
            "note": f"Edition of {meta['edition_text']}; evidence to {meta['as_of_text']}", **({"URL": url} if url else {})}]
    return {f"{stem}.bib": bib, f"{stem}.csl.json": json.dumps(csl, indent=1, ensure_ascii=False) + "\n"}


def suggested_citation(meta: dict, kind: str) -> str:
    """The citation line printed in the colophon of each publication."""
    series = "Report" if kind == "report" else "Policy brief"
    url = f" {meta['url']}" if meta.get("url") else ""
    title = f"{meta['title']}: {meta.get('subtitle', '')}".rstrip(": ")
    return f"{meta.get('authors', '')} ({meta['edition'][:4]}). {title}. {series}, edition of {meta['edition_text']}.{url}"


def _bib(text: str) -> str:
    return re.sub(r"([{}&%$#_])", r"\\\1", str(text))


def notebook_page(executed: Path, meta: dict) -> str:
    """An executed notebook as a page: its parameters, code, outputs and the words its Markdown cells rendered."""
    import nbformat
    from nbconvert import HTMLExporter

    from ..paths import TEMPLATES_DIR
    from .render import font_css

    nb = nbformat.read(executed, as_version=4)
    exporter = HTMLExporter(template_name="notebook", extra_template_basedirs=[str(TEMPLATES_DIR)])
    css = font_css() + "\n" + (TEMPLATES_DIR / "notebook.css").read_text(encoding="utf-8")
    import warnings

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Your element with mimetype")
        body, _ = exporter.from_notebook_node(nb, resources={"brief": {"css": css, "name": executed.stem, **meta}})
    return body


def cut_tables(data_dir: Path, as_of: str, target: Path) -> None:
    """Every table as the build read it at `as_of` (rows dated after the cut-off left out), with the schema."""
    import shutil

    from ..evidence.data import load_all
    from ..evidence.validate import load_package

    import csv

    evidence = load_all(as_of, data_dir=data_dir, validated=True)
    target.mkdir(parents=True, exist_ok=True)
    for resource in load_package(data_dir)["resources"]:
        frame = evidence.tables.get(resource["name"])
        if frame is None:
            continue
        kept = set(frame["line"])  # the rows the build read at the cut-off, copied as the file has them
        with open(Path(data_dir) / resource["path"], encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle)
            header = next(reader)
            rows = [row for line, row in enumerate(reader, start=2) if line in kept]
        if resource["name"] == "administrations":  # a term that ends after the cut-off was still running then
            end = header.index("end_date")
            rows = [row[:end] + ([row[end]] if row[end] and row[end] <= str(as_of) else [""]) + row[end + 1:] for row in rows]
        with open(target / resource["path"], "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(header)
            writer.writerows(rows)
    shutil.copyfile(Path(data_dir) / "datapackage.yaml", target / "datapackage.yaml")
