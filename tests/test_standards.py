"""The standards the published brief is held to, checked on the session's full build.

- HTML, every page written (the brief, the report, each section page and each notebook page): the Nu Html Checker
  reports no errors; axe-core in headless Chromium reports no WCAG 2.2 A/AA or best-practice violations; no
  horizontal overflow at phone (375 px) and desktop (1440 px) widths; no request outside the page; a citation shows
  its quotation with the mouse and the keyboard, and names it as the link's accessible description.
- PDF, both publications: tagged (PDF/UA-1), the real title and language, the house page size, an outline of the
  sections, every font embedded and only Noto fonts.
- Deterministic: a second build from the same inputs gives byte-identical publications (HTML and PDF).

The validators are system tools. Where one is missing the test is skipped with a reason that says how to install
it; with BRIEF_REQUIRE_STANDARDS=1 (set by .ci/run) a missing tool fails the test instead.
"""
from __future__ import annotations

import html as html_module
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import OFFLINE_GUARD, ROOT, run_brief

pytestmark = [pytest.mark.e2e, pytest.mark.standards]

TOOLS = ROOT / ".tools"
VNU_JAR = TOOLS / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
BROWSER_SCRIPT = Path(__file__).resolve().parent / "browser_checks.mjs"
CHROMIUM = Path(os.environ.get("BRIEF_CHROMIUM", "/usr/bin/chromium"))
HOW = "install the standards tools with `bash .ci/install-system-tools` (Debian, as root)"


def require(available: bool, what: str) -> None:
    """Skip (on a laptop) or fail (in CI, BRIEF_REQUIRE_STANDARDS=1) when a validator is missing."""
    if available:
        return
    message = f"{what} is not available; {HOW}"
    if os.environ.get("BRIEF_REQUIRE_STANDARDS") == "1":
        pytest.fail(f"{message} (BRIEF_REQUIRE_STANDARDS=1: the standards checks must run)")
    pytest.skip(message)


def manifest() -> dict:
    return yaml.safe_load((ROOT / "brief.yml").read_text(encoding="utf-8"))


# -- HTML ----------------------------------------------------------------------------------------
def test_nu_html_checker_reports_no_errors(built):
    require(shutil.which("java") is not None, "Java (default-jre-headless)")
    require(VNU_JAR.exists(), "the Nu Html Checker (npm package vnu-jar in .tools/)")
    pages = [built / "brief.html", built / "report.html", *sorted((built / "sections").glob("*.html")),
             *sorted((built / "notebooks").glob("*.html"))]
    result = subprocess.run(["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *map(str, pages)],
                            capture_output=True, text=True, timeout=300)
    report = json.loads(result.stderr or result.stdout)  # vnu writes its report to stderr
    errors = [f"{Path(m.get('url', '')).name}:{m.get('lastLine')}: {m['message']} [{m.get('extract', '').strip()}]"
              for m in report["messages"] if m["type"] in ("error", "non-document-error")]
    assert not errors, "Nu Html Checker errors:\n" + "\n".join(errors)


@pytest.fixture(scope="module")
def browser_report(built) -> dict:
    """axe-core, overflow and request checks, run once in headless Chromium (tests/browser_checks.mjs)."""
    require(shutil.which("node") is not None, "Node.js (npm)")
    require(CHROMIUM.exists(), f"Chromium ({CHROMIUM})")
    for package in ("axe-core", "playwright-core"):
        require((TOOLS / "node_modules" / package).is_dir(), f"the npm package {package} (in .tools/)")
    pages = [built / "brief.html", built / "report.html", *sorted((built / "notebooks").glob("*.html"))[:2]]
    result = subprocess.run(["node", str(BROWSER_SCRIPT), str(TOOLS), *map(str, pages)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, f"browser checks did not run:\n{result.stderr[-3000:]}"
    return json.loads(result.stdout)


def test_axe_core_finds_no_accessibility_violations(browser_report):
    violations = browser_report["violations"]
    lines = [f"{v.get('page')}: {v['id']} ({v['impact']}, {v['count']} element(s) at {v.get('width')} px): {v['help']}\n"
             + "\n".join(f"    {n['target']}: {n['summary']}" for n in v["nodes"]) for v in violations]
    assert not violations, f"axe-core {browser_report.get('axe_version')} violations:\n" + "\n".join(lines)


@pytest.mark.parametrize("width", [375, 1440])
def test_no_horizontal_overflow(browser_report, width):
    for page, widths in browser_report["overflow"].items():
        found = widths[str(width)]
        assert found["scrollWidth"] <= found["viewport"] and found["bodyScrollWidth"] <= found["viewport"], (
            f"{page} scrolls sideways at {width} px: {found}")
        assert not found["wide"], f"{page}: elements stick out of the page at {width} px: {found['wide']}"


def test_a_citation_shows_its_quotation_to_mouse_keyboard_and_screen_reader(browser_report):
    check = browser_report["citation"]
    assert check and check["found"], "the brief has no citation carrying a quotation"
    assert not check["before"], "the quotation shows before anyone asks for it"
    assert check["onHover"], "hovering the citation does not show the quotation"
    assert not check["afterLeave"], "the quotation stays after the pointer leaves"
    assert check["onKeyboard"], "tabbing to the citation does not show the quotation"
    assert check["description"] and "“" in check["description"], f"no accessible description with the quotation: {check}"


def test_html_makes_no_request_outside_itself(browser_report):
    assert browser_report["requests"] >= 1, "the browser check saw no request at all (the page did not load?)"
    assert browser_report["external_requests"] == [], f"outside requests: {browser_report['external_requests']}"


# -- PDF -----------------------------------------------------------------------------------------
def _pdfinfo(pdf: Path) -> dict:
    require(shutil.which("pdfinfo") is not None, "pdfinfo (poppler-utils)")
    output = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return {key.strip(): value.strip() for key, value in
            (line.split(":", 1) for line in output.splitlines() if ":" in line)}


@pytest.mark.parametrize("name", ["brief", "report"])
def test_pdf_is_tagged_on_the_house_page_size_with_the_real_title(built, name):
    info = _pdfinfo(built / f"{name}.pdf")
    meta = manifest()
    size = (meta.get("style") or {}).get("page", {}).get("size", "A4")
    assert info["Tagged"] == "yes"
    assert info["Title"].startswith(f"{meta['title']}: {meta['subtitle']}")
    assert info["Author"] == meta["authors"]
    assert f"({size})" in info["Page size"]
    assert int(info["Pages"]) >= 2


@pytest.mark.parametrize("name", ["brief", "report"])
def test_pdf_fonts_are_embedded_noto_fonts(built, name):
    require(shutil.which("pdffonts") is not None, "pdffonts (poppler-utils)")
    output = subprocess.run(["pdffonts", str(built / f"{name}.pdf")], capture_output=True, text=True, check=True).stdout
    rows = output.splitlines()[2:]
    assert rows, "pdffonts lists no fonts"
    for row in rows:
        name = row.split()[0]
        # columns after the name: type (one or two words), encoding, emb, sub, uni, object id, generation
        emb = row.split()[-5]
        assert emb == "yes", f"font not embedded: {row}"
        assert re.sub(r"^[A-Z]{6}\+", "", name).startswith("Noto-"), f"not one of the shipped Noto fonts: {row}"


@pytest.mark.parametrize("name", ["brief", "report"])
def test_pdf_language_outline_and_ua_identifier(built, name):
    from pypdf import PdfReader

    reader = PdfReader(built / f"{name}.pdf")
    root = reader.trailer["/Root"]
    assert root["/Lang"] == manifest().get("language", "en-GB")
    assert bool(root["/MarkInfo"]["/Marked"])
    metadata = root["/Metadata"].get_object().get_data().decode("utf-8", "replace")
    assert "pdfuaid:part" in metadata and re.search(r"pdfuaid:part[^0-9]*1", metadata), "no PDF/UA-1 identifier"
    top = [item.title for item in reader.outline if not isinstance(item, list)]
    html = (built / f"{name}.html").read_text(encoding="utf-8")
    headings = [html_module.unescape(re.sub(r"<[^>]+>", "", h)).strip()
                for h in re.findall(r'<h2 class="section-title" id="sec-[^"]+">(.*?)</h2>', html, flags=re.S)]
    assert headings, "no section headings found in the HTML"
    for heading in headings:
        assert any(re.sub(r"\s+", " ", t).strip() == re.sub(r"\s+", " ", heading) for t in top), (
            f"section {heading!r} missing from the PDF outline {top}")
    assert ("References" if name == "report" else "Sources") in top
    assert ("Executive summary" if name == "report" else "Summary") in top


@pytest.mark.parametrize("name", ["brief", "report"])
def test_pdf_figures_carry_their_alt_text(built, name):
    """Every chart is a tagged Figure whose /Alt is the alt text of its image in the HTML."""
    from pypdf import PdfReader

    alts = []

    def walk(node):
        node = node.get_object() if hasattr(node, "get_object") else node
        if isinstance(node, dict):
            if node.get("/S") == "/Figure":
                alts.append(str(node.get("/Alt") or ""))
            kids = node.get("/K")
            for kid in kids if isinstance(kids, list) else ([] if kids is None else [kids]):
                walk(kid)

    walk(PdfReader(built / f"{name}.pdf").trailer["/Root"]["/StructTreeRoot"])
    html = (built / f"{name}.html").read_text(encoding="utf-8")
    expected = [html_module.unescape(a) for a in re.findall(r'<img\b[^>]*\balt="([^"]*)"', html)]
    assert sorted(alts) == sorted(expected)


# -- determinism ---------------------------------------------------------------------------------
def test_rebuild_is_byte_identical(built, tmp_path):
    """Same inputs, everything executed and rendered again (--force): the same bytes."""
    again = tmp_path / "again"
    result = run_brief("build", "--force", "--output", again, env_extra={"PYTHONPATH": str(OFFLINE_GUARD)})
    assert result.returncode == 0, result.stdout + result.stderr
    written = [p.relative_to(built) for p in built.rglob("*") if p.is_file() and ".cache" not in p.parts
               and p.name not in ("changes.md", ".lock")]
    assert {"brief.pdf", "report.pdf"} <= {str(p) for p in written}
    for name in written:
        first, second = (built / name).read_bytes(), (again / name).read_bytes()
        if first != second:
            offset = next(i for i, (a, b) in enumerate(zip(first, second)) if a != b) if len(first) == len(second) \
                else min(len(first), len(second))
            pytest.fail(f"{name} differs between two builds from the same inputs (first difference at byte {offset}: "
                        f"{first[max(0, offset - 60):offset + 60]!r} vs {second[max(0, offset - 60):offset + 60]!r})")


@pytest.mark.parametrize("name", ["brief", "report"])
def test_pdf_links_go_to_the_page_itself_or_the_web(built, name):
    """No link in a PDF points at a local file (a path on the machine that built it)."""
    from pypdf import PdfReader

    for page in PdfReader(built / f"{name}.pdf").pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A") or {}
            uri = str(action.get("/URI", ""))
            assert not uri or uri.startswith(("http://", "https://")), f"{name}.pdf links to {uri!r}"
