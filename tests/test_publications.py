"""The two publications as a reader meets them (issues 16 and 18): the brief short and self-standing, the report in
full, both saying every number once and the same way, no sentence twice, every claim in the brief one link from
where the report argues it. Properties only: a correct update of data/ never needs an edit here."""
from __future__ import annotations

import html as html_module
import re
from collections import Counter

import pytest

from conftest import ROOT
from helpers.pipeline import measure
from helpers.pipeline.measure import main_text
from helpers.pipeline.manifest import load_manifest

pytestmark = pytest.mark.e2e

INTERNAL = (r"\bmilestones?\b", r"\bcoded\b", r"priority score", r"\bpoints? (?:for|each)\b", r"evidence rule",
            r"\bcooperation areas?\b")
ACTORS = ("presidential office", "Ministry of Foreign Affairs", "Ministry of National Defense", "Ministry of National Defence",
          "Defense Acquisition Program Administration", "DAPA", "National Intelligence Service", "National Security Office",
          "NATO", "Allies", "NSPA", "North Atlantic Council", "International Staff", "Secretary General", "Defence Policy",
          "Political Affairs", "Allied Command", "procurement", "Armament Agency", "Cyber", "CCDCOE", "National Assembly")


def prose_text(page: str) -> str:
    """The publication's prose for the repetition check: apparatus (source lines, table cells, which index and label
    what the prose says) left out."""
    page = re.sub(r'<p class="fig-source">.*?</p>', "", page, flags=re.S)
    page = re.sub(r"<table\b.*?</table>", "", page, flags=re.S)
    return main_text(page)


def sentences(text: str) -> list[str]:
    flat = re.sub(r"[ \t]+", " ", text)
    found = []
    for block in flat.split("\n"):
        for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z“\"(])", block.strip()):
            words = re.findall(r"[\w’'-]+", sentence)
            if len(words) >= 12:
                found.append(" ".join(w.lower() for w in words))
    return found


@pytest.fixture(scope="module")
def pages(built):
    return {name: (built / f"{name}.html").read_text(encoding="utf-8") for name in ("brief", "report")}


def test_both_publications_are_written(built):
    for name in ("brief", "report"):
        assert (built / f"{name}.html").stat().st_size > 10_000
        assert (built / f"{name}.pdf").read_bytes()[:5] == b"%PDF-"


def test_the_brief_keeps_to_the_house_limits(built, pages):
    """Eight pages and 4,000 words by default; brief.yml (style: limits:) may set others, and the build warns too."""
    limits = load_manifest(ROOT / "brief.yml").style["limits"]
    assert measure.pages(built / "brief.pdf") <= limits["brief_pages"]
    assert measure.words(pages["brief"]) <= limits["brief_words"], f"the brief has {measure.words(pages['brief'])} words"
    assert measure.over_limits(pages["brief"], built / "brief.pdf", limits, "brief") == []


def test_the_summary_fits_on_one_page(built):
    from pypdf import PdfReader

    reader = PdfReader(built / "brief.pdf")
    first_section = next(i for i, p in enumerate(reader.pages) if re.search(r"\n1\s+\S", p.extract_text() or ""))
    assert first_section <= 1, "the first section starts after page 2: the summary runs over a page"


def test_the_brief_has_three_to_five_figures_each_complete(pages):
    figures = re.findall(r'<figure class="chart[^"]*".*?</figure>', pages["brief"], flags=re.S)
    assert 3 <= len(figures) <= 5
    for publication in pages.values():
        for figure in re.findall(r'<figure class="chart[^"]*".*?</figure>', publication, flags=re.S):
            assert re.search(r'<span class="fig-label">Figure [\d.]+\.</span>', figure), "a figure without its number"
            alt = re.search(r'alt="([^"]*)"', figure).group(1)
            assert len(alt.split()) >= 8, f"alt text too short: {alt!r}"
            assert 'class="fig-source"' in figure and re.search(r"Sources?: <a", figure)


def test_no_sentence_of_twelve_words_or_more_appears_twice_in_a_publication(pages):
    for name, page in pages.items():
        repeated = [s for s, n in Counter(sentences(prose_text(page))).items() if n > 1]
        assert not repeated, f"{name}: repeated sentences: {repeated[:3]}"


def test_every_number_is_shown_the_same_way_wherever_it_appears(pages):
    shown: dict[str, set[str]] = {}
    for page in pages.values():
        for key, display in re.findall(r'<span\b(?=[^>]*class="num")[^>]*data-key="([^"]+)"[^>]*>(.*?)</span>', page):
            shown.setdefault(key, set()).add(html_module.unescape(display))
    assert shown, "no recorded number is shown"
    assert {k: v for k, v in shown.items() if len(v) > 1} == {}


def test_claims_in_the_brief_link_to_where_the_report_argues_them(pages):
    ids = set(re.findall(r'\bid="([^"]+)"', pages["report"]))
    links = re.findall(r'href="report\.html#([^"]+)"', pages["brief"])
    assert links, "the brief never points to the report"
    assert [a for a in links if a not in ids] == []
    assert len(re.findall(r'class="see"', pages["brief"])) >= 5


def test_the_brief_does_not_use_the_reports_internal_vocabulary(pages):
    text = main_text(pages["brief"]).lower()
    assert [w for w in INTERNAL if re.search(w, text)] == []


def test_every_recommendation_names_who_what_when_and_how_success_shows(pages):
    """The brief's table of recommendations: who acts (an institution), what, by when, how success would show."""
    rows = re.findall(r'<tr><th scope="row">(.*?)</th>(.*?)</tr>',
                      re.search(r'id="tab-recommendations-actions".*?</table>', pages["brief"], flags=re.S).group(0), flags=re.S)
    assert 3 <= len(rows) <= 8
    for actor, rest in rows:
        cells = [html_module.unescape(re.sub(r"<[^>]+>", "", c)).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", rest, re.S)]
        actor = html_module.unescape(re.sub(r"<[^>]+>", "", actor))
        if actor.strip().isdigit():  # the rows are numbered: the number heads the row, who acts comes next
            actor, cells = cells[0], cells[1:]
        assert any(a.lower() in actor.lower() for a in ACTORS), f"no institution named: {actor!r}"
        assert len(cells) >= 3 and all(len(c.split()) >= 2 for c in cells), f"incomplete recommendation: {actor} {cells}"
        assert re.search(r"\b(20\d\d|by|before|within|months?|summit|end of|every year|each year|annually)\b", cells[1], re.I), \
            f"no time frame: {cells[1]!r}"


def test_the_report_spells_out_the_abbreviations_it_uses_and_each_stands_in_the_data(built):
    """The list in brief.yml is text an analyst edits: each expansion must be how a source in data/ writes it, and the
    report lists exactly the abbreviations its own text uses (the brief lists none)."""
    from helpers.pipeline.render import used_abbreviations

    abbreviations = load_manifest(ROOT / "brief.yml").meta.get("abbreviations") or {}
    corpus = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "data").glob("*.csv")).lower()
    missing = [f"{short}: {full}" for short, full in abbreviations.items() if full.lower() not in corpus]
    assert not missing, f"expansions in brief.yml not written so in any data/ row: {missing}"
    report = (built / "report.html").read_text(encoding="utf-8")
    listed = re.findall(r"<dt>(.*?)</dt>", report.split('<section class="abbreviations"')[-1].split("</section>")[0]) \
        if '<section class="abbreviations"' in report else []
    text = re.sub(r'<section class="(?:abbreviations|references)".*?</section>', "", report, flags=re.S)
    assert listed == [short for short, _ in used_abbreviations(abbreviations, text)]
    assert '<section class="abbreviations"' not in (built / "brief.html").read_text(encoding="utf-8")
    assert used_abbreviations({"NAC": "x", "HR/VP": "y", "ITPP": "z"}, "<p>the NAC met; HR/VP; ITPPs</p>") == [("HR/VP", "y"), ("NAC", "x")]


def test_the_masthead_says_where_the_evidence_stops(built):
    """The latest source on record at the cut-off, when it is earlier than the cut-off (the evidence may stop short)."""
    import csv

    from helpers.evidence.dates import as_date, parse_partial_date

    page = (built / "brief.html").read_text(encoding="utf-8")
    as_of = re.search(r'<dt>Evidence to</dt><dd><time datetime="([^"]+)"', page).group(1)
    with open(ROOT / "data" / "sources.csv", encoding="utf-8") as handle:
        ends = [(parse_partial_date(r["date"], r["date_precision"]).end, r["date"]) for r in csv.DictReader(handle)]
    on_record = [e for e in ends if e[0] <= as_date(as_of)]
    latest = max(on_record)[1] if on_record else None
    shown = re.search(r'<dt>Latest record</dt><dd><time datetime="([^"]+)"', page)
    if latest is None or latest == as_of:
        assert shown is None
    else:
        assert shown is not None and shown.group(1) == latest
