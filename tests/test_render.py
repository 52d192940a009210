"""The renderer: page template, executive summary, shipped fonts, deterministic PDF; and what the built brief
must never contain (glyphs the shipped fonts lack, empty header cells, fonts from the system)."""
from __future__ import annotations

import base64
import html as html_module
import io
import re
from html.parser import HTMLParser

import pytest

from conftest import ROOT
from helpers.pipeline import render
from helpers.evidence.data import load_all
from helpers.paths import FONTS_DIR, TEMPLATES_DIR

META = {"title": "South Korea and NATO", "subtitle": "A test edition", "short_title": "ROK–NATO",
        "authors": "Test authors", "edition": "2026-11-22", "edition_text": "22 November 2026",
        "as_of": "2025-01-31", "as_of_text": "31 January 2025", "language": "en-GB", "variant": ""}


@pytest.fixture(scope="module")
def sources():
    return load_all("2025-01-31", validated=True).tables["sources"]


def _section(number: int, slug: str, judgements: list[str], numbers=()) -> render.RenderedSection:
    """A rendered section as the kernel would leave it: a title, text for both publications, one part only in the
    brief and one only in the report, its summary cells and a key-numbers cell."""
    parts = [
        {"tags": [], "html": f'<h2 class="section-title" id="sec-{slug}"><span class="sec-num">{number}</span> Section {slug}</h2>\n<p>Why {slug}?</p>'},
        {"tags": ["brief"], "html": f"<p>Brief text of {slug}.</p>"},
        {"tags": ["report"], "html": f'<h3 id="{slug}-detail" data-level="2">Detail of {slug}</h3>\n<p>Report text of {slug}.</p>'},
    ]
    parts += [{"tags": ["summary"], "html": f"<p>{t}</p>"} for t in judgements]
    if numbers:
        items = "".join(f"<li><strong>{d}</strong> label {k}</li>" for k, d in numbers)
        parts.append({"tags": ["key-numbers"], "html": f"<ul>{items}</ul>"})
    html = "\n".join(p["html"] for p in parts)
    return render.RenderedSection(slug, number, f"Section {slug}", html, {"section": slug}, [], parts)


SECTIONS = [_section(1, "alpha", ["A1 first.", "A2 second.", "A3 third."], [("a", "21")]),
            _section(2, "beta", ["B1 first.", "B2 second."], [("b", "USD 319 million")]),
            _section(3, "gamma", ["C1 first.", "C2 second.", "C3 third."])]


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.ids = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if "id" in dict(attrs):
            self.ids.append(dict(attrs)["id"])


def _tags(html: str) -> _Tags:
    parser = _Tags()
    parser.feed(html)
    return parser


# -- the page ------------------------------------------------------------------------------------
def test_summary_takes_every_summary_cell_in_section_order_and_the_key_numbers():
    from helpers.pipeline.assemble import summary_of

    summary = summary_of(SECTIONS, "brief")
    texts = [re.sub(r"<[^>]+>", "", j["html"]) for j in summary["judgements"]]
    assert texts == ["A1 first.", "A2 second.", "A3 third.", "B1 first.", "B2 second.", "C1 first.", "C2 second.", "C3 third."]
    assert [n["display"] for n in summary["numbers"]] == ["21", "USD 319 million"]


def test_each_publication_takes_its_own_parts(sources):
    brief = render.publication_html("brief", META, SECTIONS, sources)
    report = render.publication_html("report", META, SECTIONS, sources)
    assert "Brief text of alpha." in brief and "Report text of alpha." not in brief
    assert "Report text of alpha." in report and "Brief text of alpha." not in report
    assert '<span class="sub-num">1.1</span> Detail of alpha' in report  # sub-sections numbered in the report only
    assert "Policy Brief" in brief and ">Report<" in report
    assert '<nav class="toc"' in report and '<nav class="toc"' not in brief


def test_page_has_title_block_summary_contents_and_references(sources):
    page = render.brief_html(META, SECTIONS, sources)
    parsed = _tags(page)
    assert '<html lang="en-GB">' in page
    assert "<title>South Korea and NATO: A test edition (full report)</title>" in page
    assert 'datetime="2026-11-22"' in page and 'datetime="2025-01-31"' in page
    assert "Executive summary" in page and "A1 first." in page and "USD 319 million" in page
    assert "Why alpha?" in page
    toc = re.search(r'<nav class="toc".*?</nav>', page, flags=re.S).group(0)
    assert [h for h in re.findall(r'href="#([^"]+)"', toc)] == ["sec-alpha", "sec-beta", "sec-gamma", "references"]
    for source_id in sources["source_id"]:
        assert f"ref-{source_id}" in parsed.ids
    assert len(parsed.ids) == len(set(parsed.ids)), "duplicate ids"


def test_page_is_self_contained_with_only_its_own_script(sources):
    page = render.brief_html(META, SECTIONS, sources)
    assert re.findall(r"<script\b[^>]*>", page, flags=re.I) == ['<script data-brief="own">']  # the tap-to-quote helper
    for tag, attrs in _tags(page).tags:
        for attribute in ("src", "href"):
            value = attrs.get(attribute) or ""
            if tag == "a" and attribute == "href" and value.startswith(("https://", "http://")):
                assert value.startswith(("https://", "http://")), f"reference link {value!r}"
                continue
            assert not re.match(r"[a-z]+:", value) or value.startswith("data:"), f"<{tag} {attribute}={value!r}>"
    assert not re.search(r"url\((?!data:)", page), "a stylesheet loads something from outside"
    assert "@import" not in page


def test_only_web_addresses_become_links(sources):
    doctored = sources.copy()
    doctored.loc[doctored.index[0], "url"] = "javascript:alert(1)"
    page = render.brief_html(META, SECTIONS, doctored)
    assert 'href="javascript:' not in page
    assert "javascript:alert(1)" in page  # still shown, as text


def test_browser_css_is_standard_and_paged_extensions_stay_in_the_pdf(sources):
    """The Nu Html Checker rejects GCPM properties, so they live in paged.css, which only WeasyPrint reads."""
    page = render.brief_html(META, SECTIONS, sources)
    style = re.search(r"<style>(.*?)</style>", page, flags=re.S).group(1)
    for extension in ("string-set", "string(", "target-counter", "leader(", "bookmark-level"):
        assert extension not in style
    paged = (TEMPLATES_DIR / "paged.css").read_text(encoding="utf-8")
    assert "target-counter" in paged and "string-set" in paged and "bookmark-level" in paged


def test_fonts_are_the_shipped_files_under_names_no_system_font_has():
    css = render.font_css()
    assert css.count("@font-face") == len(render.FONT_FACES)
    for file, family, _, _ in render.FONT_FACES:
        assert (FONTS_DIR / file).exists()
        assert family.startswith("Noto ") and family not in ("Noto Sans", "Noto Serif")
    assert "url(data:font/ttf;base64," in css and "local(" not in css


def test_pdf_of_the_same_html_is_byte_identical(sources, tmp_path):
    page = render.brief_html(META, SECTIONS[:1], sources)
    render.write_pdf(page, tmp_path / "a.pdf", META)
    render.write_pdf(page, tmp_path / "b.pdf", META)
    first = (tmp_path / "a.pdf").read_bytes()
    assert first == (tmp_path / "b.pdf").read_bytes()
    assert b"CreationDate" not in first and b"ModDate" not in first


def test_heading_levels_step_down_from_the_numbered_section_heading(monkeypatch):
    from helpers.writing.prose import render_markdown

    monkeypatch.setenv("BRIEF_SECTION_SLUG", "demo")
    html = render.number_section(render_markdown("# Title here\n\n## A sub-section\n\n### Deeper {#deep}", {}), 4, "demo")
    assert '<h2 class="section-title" id="sec-demo"><span class="sec-num">4</span> Title here</h2>' in html
    assert '<h3 id="demo-a-sub-section" data-level="2">A sub-section</h3>' in html
    assert '<h4 id="demo-deep" data-level="3">Deeper</h4>' in html


# -- the built brief -----------------------------------------------------------------------------
def _visible_text(html: str) -> str:
    """What print shows: quotations at the citations (HTML only, shown on request in the reader's browser, which has
    fonts for any script a source is in) left out."""
    html = re.sub(r"<(style|script)\b.*?</\1>", "", html, flags=re.S)
    html = re.sub(r'<span class="quote-pop".*?</span></span>', "</span>", html, flags=re.S)
    html = re.sub(r'<meta[^>]*>|\balt="[^"]*"', "", html)  # data-* attributes stay: the PDF and phones show them
    html = re.sub(r'\bdata-[a-z-]+="([^"]*)"', r">\1<", html)
    return html_module.unescape(re.sub(r"<[^>]+>", "", html))


@pytest.mark.e2e
def test_shipped_fonts_cover_every_character_of_the_brief(brief_html):
    """A glyph missing from the shipped (subset) fonts would be drawn with whatever font the system has."""
    from fontTools.ttLib import TTFont

    covered = None
    for file, *_ in render.FONT_FACES:
        cmap = set(TTFont(FONTS_DIR / file).getBestCmap())
        covered = cmap if covered is None else covered & cmap
    text = _visible_text(brief_html) + (TEMPLATES_DIR / "paged.css").read_text(encoding="utf-8")
    for encoded in re.findall(r"data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)", brief_html):  # chart labels
        svg = base64.b64decode(encoded).decode("utf-8")
        labels = "".join(re.findall(r"<text\b[^>]*>(.*?)</text>", svg, flags=re.S))
        text += html_module.unescape(re.sub(r"<[^>]+>", "", labels))
    missing = sorted({ch for ch in text if ord(ch) not in covered and not ch.isspace() and ch != "\u200b"})
    assert not missing, ("characters the shipped fonts cannot draw (write them another way, or add them to the font "
                         "subsets in src/helpers/assets/fonts): " + ", ".join(f"{c!r} U+{ord(c):04X}" for c in missing))


@pytest.mark.e2e
def test_tables_have_no_empty_header_cells(brief_html):
    for cell in re.findall(r"<th\b[^>]*>(.*?)</th>", brief_html, flags=re.S):
        assert re.sub(r"<[^>]+>|&nbsp;|\s", "", cell), "an empty table header cell"


@pytest.mark.e2e
def test_pdf_embeds_only_the_shipped_noto_fonts(built):
    """Every font program in the PDF is one of ours (name table says Noto), whatever fonts the system has."""
    from fontTools.ttLib import TTFont
    from pypdf import PdfReader

    shipped = {TTFont(FONTS_DIR / file)["name"].getDebugName(4) for file, *_ in render.FONT_FACES}
    seen = set()
    for page in PdfReader(built / "brief.pdf").pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            for descendant in font.get("/DescendantFonts", [font]):
                descriptor = descendant.get_object().get("/FontDescriptor")
                assert descriptor is not None, f"font without descriptor (not embedded?): {font.get('/BaseFont')}"
                program = descriptor.get_object().get("/FontFile2") or descriptor.get_object().get("/FontFile3")
                assert program is not None, f"font not embedded: {font.get('/BaseFont')}"
                name = TTFont(io.BytesIO(program.get_object().get_data()))["name"].getDebugName(4)
                assert name in shipped, f"{font.get('/BaseFont')} is {name!r}, not one of the shipped fonts {shipped}"
                seen.add(name)
    assert {"Noto Serif Regular", "Noto Sans Bold"} <= seen


def test_weasyprint_import_leaves_ctypes_as_it_was():
    import subprocess
    import sys

    code = ("import ctypes.util; before = ctypes.util.find_library\n"
            "from helpers.pipeline import render; w = render.import_weasyprint()\n"
            "assert ctypes.util.find_library is before and hasattr(w, 'HTML')\n"
            "import weasyprint.text.ffi as f; assert f.pango is not None")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_cross_references_are_numbered_per_publication_and_the_brief_points_to_the_report():
    from helpers.pipeline.assemble import publication_sections

    figure = ('<figure class="chart" id="fig-alpha-pace" data-figure="fig-alpha-pace"><figcaption>'
              '<span class="fig-label" data-label="figure"></span> Pace</figcaption></figure>')
    parts = [{"tags": [], "html": '<h2 class="section-title" id="sec-alpha"><span class="sec-num">2</span> A</h2>'},
             {"tags": ["report"], "html": '<h3 id="alpha-pace" data-level="2">Pace</h3>' + figure},
             {"tags": ["brief"], "html": '<p>See <a class="xref" data-ref="figure" href="#fig-alpha-pace">Figure</a> and '
                                         '<a class="see" data-ref="part" href="#alpha-pace">see</a>; '
                                         '<a class="xref" data-ref="section" href="#sec-alpha">Section</a>.</p>'}]
    section = render.RenderedSection("alpha", 2, "A", "", {}, [], parts)
    brief = publication_sections([section], "brief")[0]["html"]
    report = publication_sections([section], "report")[0]["html"]
    assert '<a class="xref" href="report.html#fig-alpha-pace">Report, Figure 2.1</a>' in brief
    assert '<a class="see" href="report.html#alpha-pace">Report, 2.1</a>' in brief
    assert '<a class="xref" href="#sec-alpha">Section 2</a>' in brief
    assert '<span class="fig-label">Figure 2.1.</span>' in report


def test_a_cross_reference_to_nothing_is_a_clear_error():
    from helpers.pipeline.assemble import publication_sections
    from helpers.pipeline.manifest import UsageError

    parts = [{"tags": [], "html": '<p><a class="see" data-ref="part" href="#alpha-nowhere">see</a></p>'}]
    section = render.RenderedSection("alpha", 1, "A", "", {}, [], parts)
    with pytest.raises(UsageError, match="alpha-nowhere"):
        publication_sections([section], "report")


@pytest.mark.parametrize("as_of", ["2017-05-10", "2022-05-10"])
def test_a_note_gives_its_treatment_only_once_every_version_is_published(as_of):
    """A note's treatment was written with every version in view: at an earlier cut-off it would rest on sources the
    edition could not have, so the note then gives the versions on record without it (or is left out with one)."""
    from helpers.writing.section import Section

    ev = load_all(as_of, data_dir=ROOT / "data")
    later = ev.published_later["conflict_versions"]
    checked = 0
    for conflict in ev.conflicts.itertuples():
        box = Section(number=9, slug="probe", evidence=ev)._notes_box([conflict.conflict_id])
        if conflict.conflict_id in set(later["conflict_id"]):
            assert html_module.escape(conflict.treatment, quote=False)[:60] not in box
            checked += 1
        elif box:
            assert html_module.escape(conflict.treatment, quote=False)[:60] in box.replace("&#39;", "'")
    assert checked, "no note has a later version at this cut-off: the test would check nothing"


def test_a_code_variable_that_hides_a_template_helper_is_named():
    from helpers.writing.prose import ProseError, render_markdown
    from helpers.writing.section import Section

    sec = Section(1, "demo", load_all("2025-01-31"))
    with pytest.raises(ProseError) as error:
        render_markdown('As {{ fig("pace") }} shows.', {"fig": object(), "sec": sec}, sec)
    assert "'fig'" in str(error.value) and "rename" in str(error.value)
    # the name unused in the cell, or bound to the section's own helper, is no clash
    assert "Plain" in render_markdown("Plain words.", {"fig": object(), "sec": sec}, sec)
    assert "Figure" in render_markdown('See {{ fig("pace") }}.', {"fig": sec.fig, "sec": sec}, sec)


@pytest.mark.parametrize("block, words", [
    ("```{figure} pace\n:title: A takeaway\n:source: somewhere\nA caption.\n```", ["unknown option :source:", ":title:"]),
    ("```{figure} pace\n:titel: A takeaway\nA caption.\n```", ["unknown option :titel:"]),
    ("```{table} terms\n:title: Terms\nA caption.\n```", ["unknown option :title:", "no options"]),
])
def test_a_misspelled_block_option_is_named_not_ignored(block, words):
    from helpers.writing.prose import ProseError, render_markdown
    from helpers.writing.section import Section

    sec = Section(1, "demo", load_all("2025-01-31"))
    with pytest.raises(ProseError) as error:
        render_markdown(block, {"sec": sec}, sec)
    for word in words:
        assert word in str(error.value)


def test_a_figure_without_a_caption_is_refused():
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from helpers.writing.prose import ProseError, render_markdown
    from helpers.writing.section import Section

    sec = Section(1, "demo", load_all("2025-01-31"))
    chart, _ = plt.subplots()
    sec.chart("pace", chart, sources=[])
    block = "```{figure} pace\n:title: A takeaway\n:alt: A bar chart of eight steps a year against two, by government.\n```"
    with pytest.raises(ProseError, match="give it a caption"):
        render_markdown(block, {"sec": sec}, sec)
    plt.close(chart)
