"""Turn executed notebooks into the brief: nbconvert for each section, one page template, WeasyPrint for PDF."""
from __future__ import annotations

import base64
import html
import re
from urllib.parse import quote
from dataclasses import dataclass, field
from pathlib import Path

import mistune
import nbformat

from ..evidence.dates import say_date
from ..paths import FONTS_DIR, TEMPLATES_DIR
from ..writing.formats import FINDINGS_MIME

# The shipped fonts under family names of their own, so that no installed font of the same name (say, a system Noto
# Sans Bold Italic) can stand in for them: the PDF is typeset the same on every machine. Which files: the house
# style's fonts (brief.yml style: fonts:, file-name prefixes in src/helpers/assets/fonts).
def font_faces(style: dict | None = None) -> list[tuple[str, str, int, str]]:
    """(file, family, weight, style) for the text (serif) and apparatus (sans) fonts."""
    from ..writing.style import DEFAULTS, StyleError

    fonts = (style or DEFAULTS)["fonts"]
    faces = []
    for role, family in (("text", "Noto Serif Brief"), ("apparatus", "Noto Sans Brief")):
        prefix = fonts[role]
        for suffix, weight, slant in (("Regular", 400, "normal"), ("Italic", 400, "italic"), ("Bold", 700, "normal")):
            file = f"{prefix}-{suffix}.ttf"
            if not (FONTS_DIR / file).exists():
                raise StyleError(f"brief.yml: style: fonts: {role}: no {file} in {FONTS_DIR}")
            faces.append((file, family, weight, slant))
    return faces


FONT_FACES = font_faces()


@dataclass
class RenderedSection:
    slug: str
    number: int
    title: str
    html: str
    findings: dict
    warnings: list[str] = field(default_factory=list)
    parts: list[dict] = field(default_factory=list)  # [{"tags": [...], "html": ...}] in notebook order


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", re.sub(r"<[^>]+>", "", text).lower()).strip("-")


def number_section(fragment: str, number: int, slug: str) -> str:
    """Give the section heading the kernel rendered (class section-title) its number and anchor."""
    return re.sub(r'<h2 class="section-title" data-section="[^"]*"><span class="sec-num"></span>',
                  f'<h2 class="section-title" id="sec-{slug}"><span class="sec-num">{number}</span>', fragment, count=1)


_PART = re.compile(r"<!--part:([^>]*)-->(.*?)<!--/part-->", re.S)


def section_parts(nb: nbformat.NotebookNode, number: int, slug: str) -> list[dict]:
    """One executed notebook through the project's nbconvert template, as parts tagged like their cells."""
    from nbconvert import HTMLExporter  # imported here: only rendering needs it

    exporter = HTMLExporter(template_name="section", extra_template_basedirs=[str(TEMPLATES_DIR)])
    exporter.register_filter("brief_markdown", _markdown_output)
    import warnings

    with warnings.catch_warnings():  # the findings output is for the build, not the page: nbconvert need not say so
        warnings.filterwarnings("ignore", message="Your element with mimetype")
        body, _ = exporter.from_notebook_node(nb)
    parts = [{"tags": tags.split(), "html": number_section(html.strip(), number, slug)} for tags, html in _PART.findall(body)]
    return [p for p in parts if p["html"]]


def _markdown_output(text: str) -> str:
    """A text/markdown output of a code cell: shown as Markdown, never as raw HTML."""
    return mistune.create_markdown(renderer=mistune.HTMLRenderer(escape=True), plugins=["table", "strikethrough"])(text)


def findings_of(nb: nbformat.NotebookNode) -> dict:
    """The key findings a section recorded with Section.record(), or {} if it recorded none."""
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if FINDINGS_MIME in data:
                return dict(data[FINDINGS_MIME])
    return {}


def title_of(nb: nbformat.NotebookNode) -> str:
    """The section's title as the kernel rendered it (safe HTML: any markup in the source shows as text)."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            match = re.search(r'<h2 class="section-title"[^>]*><span class="sec-num"></span>\s*(.*?)</h2>',
                              cell.get("metadata", {}).get("brief", {}).get("html", ""), flags=re.S)
            if match:
                return match.group(1).strip()
    return "Untitled section"


def unpublishable_outputs(nb: nbformat.NotebookNode, name: str) -> list[str]:
    """Outputs left out of the brief because they lack what a reader needs (a number, title, alt text)."""
    warnings = []
    for index, cell in enumerate(nb.cells):
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if any(k.startswith("image/") for k in data) and "text/html" not in data:
                warnings.append(f"{name}: cell {index} shows a bare image that is left out of the brief; "
                                "keep charts with sec.chart(key, fig, ...) and place them with a ```{figure} key``` block, which gives them a number, title and alt text")
    return warnings


def tagged(nb: nbformat.NotebookNode, tag: str) -> list[str]:
    """The rendered HTML of the Markdown cells with this tag, in order."""
    return [c.metadata.get("brief", {}).get("html", "") for c in nb.cells
            if c.cell_type == "markdown" and tag in c.get("metadata", {}).get("tags", [])]


def render_section(nb_path: Path, number: int, slug: str | None = None) -> RenderedSection:
    nb = nbformat.read(nb_path, as_version=4)
    findings = findings_of(nb)
    slug = findings.get("section") or slug or re.sub(r"^\d+_", "", nb_path.stem)
    parts = section_parts(nb, number, slug)
    return RenderedSection(slug, number, title_of(nb), "\n".join(p["html"] for p in parts), findings,
                           unpublishable_outputs(nb, nb_path.stem), parts)


def font_css(style: dict | None = None) -> str:
    faces = []
    for file, family, weight, slant in font_faces(style):
        data = base64.b64encode((FONTS_DIR / file).read_bytes()).decode("ascii")
        faces.append(f'@font-face {{ font-family: "{family}"; font-weight: {weight}; font-style: {slant}; '
                     f'src: url(data:font/ttf;base64,{data}) format("truetype"); }}')
    return "\n".join(faces)


def _is_true(value) -> bool:
    return value is True or str(value).strip().lower() == "true"


def read_sources(data_dir: Path) -> list[dict]:
    """The rows of data/sources.csv (already validated) for the references list, read without pandas."""
    import csv

    with open(Path(data_dir) / "sources.csv", encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _references(sources, cited: set[str] | None) -> list[dict]:
    """The references list: the core evidence first, then other public records; only sources cited when given."""
    groups = {True: [], False: []}
    records = sources.to_dict("records") if hasattr(sources, "to_dict") else [dict(r) for r in sources]
    for row in sorted(records, key=lambda r: (not _is_true(r["in_seeds"]), str(r["short_cite"]))):
        if cited is not None and row["source_id"] not in cited:
            continue
        row["date_text"] = say_date(row["date"], row["date_precision"])
        url = str(row.get("url") or "")
        # Only web addresses become links, with characters a URL may not hold percent-encoded.
        row["link"] = quote(url, safe=":/?#&=%~+@!$'()*,;") if re.match(r"https?://", url) else ""
        row["in_seeds"] = _is_true(row["in_seeds"])
        groups[row["in_seeds"]].append(row)
    return [{"heading": heading, "entries": groups[key]} for key, heading in
            ((True, "Core analyses"), (False, "Other sources")) if groups[key]]


def publication_html(kind: str, meta: dict, sections: list[RenderedSection], sources, report_name: str = "report.html",
                     style: dict | None = None, all_sections: dict[str, int] | None = None) -> str:
    """One publication (the brief or the report) as one self-contained HTML page: fonts and images embedded."""
    import jinja2
    from markupsafe import Markup

    from .assemble import SERIES, publication_sections, summary_of

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES_DIR)), autoescape=True,
                             trim_blocks=False, lstrip_blocks=False)
    summary = summary_of(sections, kind, report_name, all_sections)
    for j in summary["judgements"]:
        j["html"] = Markup(j["html"])
    for n in summary["numbers"]:
        n["display"], n["label"] = Markup(n["display"]), Markup(n["label"])
    finished = publication_sections(sections, kind, report_name, all_sections)
    body = "".join(s["html"] for s in finished) + "".join(j["html"] for j in summary["judgements"])
    cited = set(re.findall(r'href="#ref-([a-z0-9_]+)"', body))
    from ..writing.style import page_css, resolve

    css = Markup(font_css(style) + "\n" + (TEMPLATES_DIR / "brief.css").read_text(encoding="utf-8") + "\n"
                 + page_css(style or resolve(None)))
    return env.get_template("brief.html.j2").render(
        kind=kind, meta={**meta, "series": SERIES[kind]}, css=css, summary=summary, report_name=report_name,
        abbreviations=used_abbreviations(meta.get("abbreviations") or {}, body) if kind == "report" else [],
        references=_references(sources, cited if kind == "brief" else None),
        sections=[{"slug": s["slug"], "number": s["number"], "title": Markup(s["title"]), "html": Markup(s["html"])}
                  for s in finished],
    )


def used_abbreviations(abbreviations: dict[str, str], body: str) -> list[tuple[str, str]]:
    """The abbreviations (brief.yml) that the publication's text uses, as a whole word, in alphabetical order."""
    text = html.unescape(re.sub(r"<[^>]+>", " ", body))
    return sorted(((short, full) for short, full in abbreviations.items()
                   if re.search(rf"(?<![\w/-]){re.escape(short)}(?![\w/-])", text)), key=lambda pair: pair[0].lower())


def brief_html(meta: dict, sections: list[RenderedSection], sources) -> str:
    """The full report page (kept for callers that render one page of every section)."""
    return publication_html("report", meta, sections, sources)


def import_weasyprint():
    """Import WeasyPrint with a quicker library lookup on Linux.

    WeasyPrint tries several spellings of each system library ('libgobject-2.0-0', 'gobject-2.0', ...), and
    every miss makes ctypes.util.find_library run gcc and ld: a dozen subprocesses and about 0.3 s of CPU, paid
    while the kernels are busy. A spelling is answered from the `ldconfig -p` cache when it is there (what
    find_library itself tries first), and a miss is answered at once only when the cache holds the same library
    under another spelling, which WeasyPrint then tries, or when Pango itself comes from that cache (then a library
    the cache lacks, such as the optional harfbuzz-vector, is absent); anything else (a Conda or Homebrew setup)
    goes to find_library as before.
    """
    import sys

    if "weasyprint" in sys.modules or not sys.platform.startswith("linux"):
        import weasyprint
        return weasyprint
    import ctypes.util
    import subprocess

    try:
        listing = subprocess.run(["/sbin/ldconfig", "-p"], capture_output=True, text=True, timeout=5).stdout
    except (OSError, subprocess.SubprocessError):
        listing = ""
    sonames = re.findall(r"^\s*(lib\S+?\.so\S*)\s", listing, flags=re.MULTILINE)
    original = ctypes.util.find_library
    system_pango = any(s.startswith("libpango-1.0.so") for s in sonames)

    def find_library(name: str):
        match = next((s for s in sonames if re.match(rf"lib{re.escape(name)}\.so(\.|$)", s)), None)
        if match:
            return match
        stem = re.sub(r"^lib", "", re.sub(r"(-\d+)?(\.dll|\.dylib)?$", "", name))
        if any(re.match(rf"lib{re.escape(stem)}\.so(\.|$)", s) for s in sonames):
            return None  # another spelling of a library the cache has: WeasyPrint will try that one
        if system_pango:
            return None  # WeasyPrint's libraries come from the system, whose cache does not have this one
        return original(name)

    ctypes.util.find_library = find_library
    try:
        import weasyprint
    finally:
        ctypes.util.find_library = original
    return weasyprint


def print_links(html: str) -> str:
    """The page for print: links within the page and to the web are kept; links to neighbouring files become text."""
    return re.sub(r'(<a\b[^>]*?)\s+href="(?!#|https?://)[^"]*"', r"\1", html)


def without_quote_popups(html: str) -> str:
    """The page for print without the citations' quote pop-ups: print never shows them, and leaving them out saves
    the typesetter styling some hundreds of hidden elements (about a tenth of the report's PDF time)."""
    html = re.sub(r'<span class="quote-pop" id="[^"]*">.*?</span>', "", html, flags=re.S)
    return re.sub(r'\s+aria-describedby="q-[^"]*"', "", html)


def write_pdf(html: str, target: Path, meta: dict) -> None:
    """A4, tagged PDF/UA-1 from the same HTML plus the paged-media sheet; deterministic for the same input."""
    weasyprint = import_weasyprint()

    paged = weasyprint.CSS(string=(TEMPLATES_DIR / "paged.css").read_text(encoding="utf-8"))
    from .guard import embedded_only_fetcher

    # Everything the brief shows is embedded; the fetcher refuses any other URL, remote or local. Links to files beside
    # the HTML (the report, a figure's data, a notebook) mean nothing in a printed page: they stay as text, so no
    # local path is written into the PDF.
    html = print_links(without_quote_popups(html))
    document = weasyprint.HTML(string=html, base_url=None, media_type="print", url_fetcher=embedded_only_fetcher())
    document.write_pdf(str(target), stylesheets=[paged], pdf_variant="pdf/ua-1",
                       pdf_identifier=b"rok-nato-brief-" + meta["edition"].encode(),
                       uncompressed_pdf=False, custom_metadata=False)
