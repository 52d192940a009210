"""End to end: the whole brief built into a temporary folder, checked as a reader would check it."""
from __future__ import annotations

import csv
import json
import re
from html.parser import HTMLParser

import pytest
import yaml

from conftest import ROOT

pytestmark = pytest.mark.e2e


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.images, self.ids, self.figures, self.in_figure = [], set(), [], False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "img":
            self.images.append(attrs)
        if tag == "figure":
            self.figures.append(attrs)


def _parsed(html: str) -> _Collector:
    collector = _Collector()
    collector.feed(html)
    return collector


def _manifest_sections():
    manifest = yaml.safe_load((ROOT / "brief.yml").read_text())
    return [re.sub(r"^\d+_", "", item["notebook"].split("/")[-1].removesuffix(".ipynb")) for item in manifest["sections"]]


def test_every_section_has_its_numbered_heading(brief_html):
    page = _parsed(brief_html)
    for number, slug in enumerate(_manifest_sections(), start=1):
        assert f"sec-{slug}" in page.ids, f"section {slug} missing"
        assert re.search(rf'<h2 class="section-title" id="sec-{slug}"><span class="sec-num">{number}</span>', brief_html)


def test_figures_have_real_alt_text_titles_and_sources(brief_html):
    page = _parsed(brief_html)
    assert len(page.images) >= len(_manifest_sections()) * 2
    for image in page.images:
        alt = image.get("alt", "")
        assert len(alt.split()) >= 8 and re.search(r"\d", alt), f"weak alt text: {alt!r}"
        assert image["src"].startswith("data:image/svg+xml;base64,")
    assert "No description has been provided" not in brief_html
    for figure in re.findall(r'<figure class="chart".*?</figure>', brief_html, flags=re.S):
        assert re.search(r"Figure \d+\.\d+\.", figure), "figure without a number"
        assert re.search(r"Sources?: ", figure), "figure without a source line"


def test_no_code_is_visible(brief_html):
    visible = re.sub(r"<style>.*?</style>", "", brief_html, flags=re.S)
    for marker in ("<pre", "In&nbsp;[", "In [", "Traceback", "import pandas", "sec.md(", "def ", "jp-InputArea",
                   "DeprecationWarning", "<script"):
        assert marker not in visible, f"{marker!r} visible in the brief"


def test_references_list_every_source(brief_html):
    with open(ROOT / "data" / "sources.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            assert f'id="ref-{row["source_id"]}"' in brief_html


def test_citations_point_at_references(brief_html):
    page = _parsed(brief_html)
    for target in set(re.findall(r'href="#(ref-[^"]+)"', brief_html)):
        assert target in page.ids


def test_summary_numbers_equal_the_sections_findings(built, brief_html):
    numbers = []
    for notebook in sorted((built / "executed").glob("*.ipynb")):
        for cell in json.loads(notebook.read_text())["cells"]:
            for output in cell.get("outputs", []):
                for mime, data in output.get("data", {}).items():
                    if mime.endswith("findings+json"):
                        numbers += data["numbers"]
    assert numbers, "no section recorded key numbers"
    summary = brief_html.split('id="summary-title"')[1].split("</section>")[0]
    shown = re.findall(r"<dt>(.*?)</dt>", summary, flags=re.S)
    assert shown, "the executive summary has no key numbers"
    displays = {n["display"] for n in numbers}
    for value in shown:
        assert value.strip() in displays


def test_history_milestone_count_equals_the_data(built):
    with open(ROOT / "data" / "events.csv", encoding="utf-8") as handle:
        events = [r for r in csv.DictReader(handle)
                  if "2005" <= r["date"][:4] and r["date"][:10] <= "2017-05-09" and not r.get("version_of")
                  and r["category"] not in ("Korean domestic politics", "NATO policy", "regional context")]
    notebook = json.loads((built / "executed" / "01_history.ipynb").read_text())
    found = [d for c in notebook["cells"] for o in c.get("outputs", []) for m, d in o.get("data", {}).items() if m.endswith("findings+json")]
    milestones = {n["key"]: n["value"] for n in found[0]["numbers"]}["history_milestones"]
    assert milestones == len(events)


def test_pdf_exists_with_pages(built):
    from pypdf import PdfReader

    reader = PdfReader(built / "brief.pdf")
    assert len(reader.pages) >= 5
    assert reader.metadata.title.startswith("South Korea and NATO")
    text = reader.pages[0].extract_text()
    assert "Executive summary" in text


def test_outputs_written(built):
    assert (built / "changes.md").exists()
    for slug in _manifest_sections():
        assert (built / "sections" / f"{slug}.html").exists()


def test_an_earlier_as_of_draws_and_counts_nothing_later(tmp_path):
    """The brief as it stood at the end of 2019: no figure, key number or table shows a later year."""
    from conftest import run_brief

    out = tmp_path / "out"
    result = run_brief("build", "--no-pdf", "-p", "as_of", "2019-12-31", "--output", out)
    assert result.returncode == 0, result.stderr
    page = (out / "brief.html").read_text(encoding="utf-8")
    assert '<time datetime="2019-12-31">31 December 2019</time>' in page
    alts = re.findall(r'alt="([^"]*)"', page)
    assert alts
    for alt in alts:
        assert not re.search(r"\b20(2\d)\b", alt), f"a year after the cut-off in alt text: {alt}"
    summary = page.split('id="summary-title"')[1].split("</section>")[0]
    assert not re.search(r"\b202\d\b", re.sub(r'href="[^"]*"|<a class="cite".*?</a>', "", summary)), "later year in the summary"
