"""End to end: the whole brief built into a temporary folder, checked as a reader would check it."""
from __future__ import annotations

import csv
import html
import json
import re
from html.parser import HTMLParser

import pytest
import yaml

from conftest import ROOT, run_brief

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


@pytest.fixture(scope="module")
def report_html(built) -> str:
    return (built / "report.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["brief", "report"])
def test_every_section_has_its_numbered_heading(built, name):
    page_html = (built / f"{name}.html").read_text(encoding="utf-8")
    page = _parsed(page_html)
    for number, slug in enumerate(_manifest_sections(), start=1):
        assert f"sec-{slug}" in page.ids, f"{name}: section {slug} missing"
        assert re.search(rf'<h2 class="section-title" id="sec-{slug}"><span class="sec-num">{number}</span>', page_html)


def test_figures_have_real_alt_text_titles_and_sources(report_html):
    page = _parsed(report_html)
    assert len(page.images) >= len(_manifest_sections())
    for image in page.images:
        alt = image.get("alt", "")
        assert len(alt.split()) >= 8 and re.search(r"\d", alt), f"weak alt text: {alt!r}"
        assert image["src"].startswith("data:image/svg+xml;base64,")
    for figure in re.findall(r'<figure class="chart[^"]*".*?</figure>', report_html, flags=re.S):
        assert re.search(r"Figure \d+\.\d+\.", figure), "figure without a number"
        assert re.search(r"Sources?: ", figure), "figure without a source line"


@pytest.mark.parametrize("name", ["brief", "report"])
def test_no_code_is_visible(built, name):
    visible = re.sub(r"<style>.*?</style>|<script data-brief=\"own\">.*?</script>", "",
                     (built / f"{name}.html").read_text(encoding="utf-8"), flags=re.S)
    for marker in ("<pre", "In&nbsp;[", "In [", "Traceback", "import pandas", "sec.num(", "def ", "jp-InputArea",
                   "DeprecationWarning", "<script", "{{", "{%"):
        assert marker not in visible, f"{marker!r} visible in the {name}"


def test_the_report_lists_every_source_and_the_brief_those_it_cites(built, report_html):
    brief_html = (built / "brief.html").read_text(encoding="utf-8")
    with open(ROOT / "data" / "sources.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            assert f'id="ref-{row["source_id"]}"' in report_html
    cited = set(re.findall(r'href="#ref-([a-z0-9_]+)"', brief_html.split('<section class="references"')[0]))
    listed = set(re.findall(r'<li id="ref-([a-z0-9_]+)"', brief_html))
    assert cited == listed


@pytest.mark.parametrize("name", ["brief", "report"])
def test_citations_point_at_references(built, name):
    page_html = (built / f"{name}.html").read_text(encoding="utf-8")
    page = _parsed(page_html)
    for target in set(re.findall(r'href="#(ref-[^"]+)"', page_html)):
        assert target in page.ids


def test_key_numbers_are_the_numbers_the_sections_recorded(built, brief_html):
    findings = json.loads((built / "data" / "findings.json").read_text(encoding="utf-8"))
    recorded = {n["key"]: n["shown_as"] for s in findings["sections"] for n in s["numbers"]}
    assert recorded, "no section recorded a number"
    summary = brief_html.split('id="summary-title"')[1].split("</section>")[0]
    shown = re.findall(r'<dt>.*?data-key="([^"]+)"[^>]*>(.*?)</span>', summary, flags=re.S)
    assert shown, "the summary's key numbers are not recorded numbers"
    for key, display in shown:
        assert recorded[key] == html.unescape(display)


def test_recorded_numbers_are_what_the_data_give(built):
    """Counts a reader can redo from the published tables: the instruments section 1 says were begun."""
    findings = json.loads((built / "data" / "findings.json").read_text(encoding="utf-8"))
    numbers = {n["key"]: n["value"] for s in findings["sections"] for n in s["numbers"]}
    with open(built / "data" / "tables" / "frameworks.csv", encoding="utf-8") as handle:
        frameworks = list(csv.DictReader(handle))
    assert numbers["history.instruments"] == len(frameworks)
    as_of = findings["evidence_to"]
    assert numbers["history.instruments_in_force"] == sum(1 for f in frameworks if not f["end_date"] or f["end_date"] > as_of)


def test_pdf_exists_with_pages(built):
    from pypdf import PdfReader

    reader = PdfReader(built / "brief.pdf")
    assert 2 <= len(reader.pages) <= 8
    assert reader.metadata.title.startswith("South Korea and NATO")
    assert "Summary" in reader.pages[0].extract_text()
    assert len(PdfReader(built / "report.pdf").pages) > len(reader.pages)


def test_outputs_written(built):
    assert (built / "changes.md").exists()
    for slug in _manifest_sections():
        assert (built / "sections" / f"{slug}.html").exists()


def test_an_earlier_as_of_draws_and_counts_nothing_later(tmp_path):
    """The brief as it stood at the end of 2019: no figure, key number or table shows a later year."""
    from conftest import run_brief

    out = tmp_path / "out"
    result = run_brief("build", "--no-pdf", "--name", "brief", "-p", "as_of", "2019-12-31", "--output", out)
    assert result.returncode == 0, result.stderr
    page = (out / "brief.html").read_text(encoding="utf-8")
    assert '<time datetime="2019-12-31">31 December 2019</time>' in page
    alts = re.findall(r'alt="([^"]*)"', page)
    assert alts
    for alt in alts:
        assert not re.search(r"\b20(2\d)\b", alt), f"a year after the cut-off in alt text: {alt}"
    summary = page.split('id="summary-title"')[1].split("</section>")[0]
    summary = re.sub(r'<span class="quote-pop".*?</span></span>', "", summary, flags=re.S)
    assert not re.search(r"\b202\d\b", re.sub(r'href="[^"]*"|<a [^>]*class="cite".*?</a>', "", summary)), "later year in the summary"


def test_what_a_section_does_to_a_module_does_not_reach_the_next_section(mini):
    """On one warm kernel, a section that sets a module attribute, patches a helper or changes a matplotlib setting
    leaves nothing behind for the section after it (the probe found `helpers.LEAK` reaching section 2)."""
    import jupytext

    root, env = mini
    first, second = sorted((root / "notebooks").glob("*.ipynb"))
    for path, code in ((first, "import helpers, matplotlib\nfrom helpers.writing import filters\nhelpers.LEAK = 1\n"
                               "filters.words = None\nmatplotlib.rcParams['lines.linewidth'] = 9.5"),
                       (second, "import helpers, matplotlib\nfrom helpers.writing import filters\n"
                                "assert not hasattr(helpers, 'LEAK'), 'state leaked from section 1'\n"
                                "assert callable(filters.words)\nassert matplotlib.rcParams['lines.linewidth'] != 9.5")):
        nb = jupytext.read(path)
        nb.cells.append(jupytext.reads(code, fmt="py:percent").cells[0])
        jupytext.write(nb, path, fmt="ipynb")
    result = run_brief("build", "--no-pdf", "--force", "--workers", "1", env_extra=env, cwd=root)
    assert result.returncode == 0, result.stdout + result.stderr
