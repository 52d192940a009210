"""Data that cannot inject, names that cannot escape, titles that stay text (issue 15, part 1).

Every value from data reaches the page as text; the page never runs code or fetches anything; the typesetter
reads nothing but the page's own embedded resources; output names and section titles cannot become paths,
code or markup."""
from __future__ import annotations

import csv
import http.server
import re
import threading
from pathlib import Path

import pytest

from conftest import run_brief
from helpers.pipeline.guard import active_content, check_output_name
from helpers.pipeline.manifest import UsageError
from helpers.pipeline.scaffold import markdown_text, slug_of
from helpers.writing.prose import ProseError, render_markdown


# -- the guard and the template renderer, as units --------------------------------------------------------------
@pytest.mark.parametrize("html, found", [
    ('<img src="x" onerror="alert(1)">', "event handler"),
    ('<img src="http://127.0.0.1:9/p.png" alt="">', "outside resource"),
    ('<img src="/tmp/secret.png" alt="">', "outside resource"),
    ('<img src="file:///etc/passwd" alt="">', "outside resource"),
    ("<script>alert(1)</script>", "<script>"),
    ('<iframe src="https://example.org"></iframe>', "<iframe>"),
    ('<p style="background:url(http://x/y.png)">x</p>', "style attribute"),
    ('<style>p { background: url("http://x/y.png") }</style>', "stylesheet url"),
    ('<meta http-equiv="refresh" content="0;url=http://x">', "refresh"),
])
def test_active_content_is_found(html, found):
    assert any(found in item for item in active_content(html))


def test_links_a_reader_follows_and_embedded_images_are_not_active():
    page = ('<a href="https://www.nato.int/x">NATO</a><a href="#ref-swp2025">SWP</a><a href="report.html#sec-x">r</a>'
            '<img src="data:image/svg+xml;base64,AAAA" alt="chart">')
    assert active_content(page) == []


@pytest.mark.parametrize("value", [
    "Pietrewicz <img src=x onerror=alert(document.domain)> (2022)",
    "A title ![x](http://127.0.0.1:9/p.png)",
    "![s](/tmp/secret.png)",
    "<script>alert(1)</script>",
    "[click](javascript:alert(1))",
    "**bold** _em_ `code` # heading",
    "{{ 7 * 7 }} {% if true %}x{% endif %}",
])
def test_values_from_data_are_text_whatever_their_characters(value):
    html = render_markdown("Before {{ value }} after.\n\n## Heading {{ value }}\n", {"value": value})
    assert active_content(html) == []
    assert "<img" not in html and "<script" not in html and "<a " not in html and "<strong>" not in html
    shown = re.sub(r"<[^>]+>", "", html)
    import html as html_module

    assert value in html_module.unescape(shown)


def test_an_unformatted_number_or_unknown_name_is_a_clear_error():
    with pytest.raises(ProseError, match="number"):
        render_markdown("{{ x }}", {"x": 6.571428})
    with pytest.raises(ProseError, match="undefined"):
        render_markdown("{{ missing_name }}", {})


@pytest.mark.parametrize("name", ["../../escaped", "/tmp/x", "a/b", ".hidden", "x.html", "", "brief name", "é" * 3,
                                  "a" * 65, "..", "-rf"])
def test_output_names_must_be_plain_file_stems(name):
    with pytest.raises(UsageError, match="plain file name"):
        check_output_name(name)


@pytest.mark.parametrize("name", ["brief", "brief-nato", "brief_rok", "Edition2026"])
def test_plain_output_names_are_accepted(name):
    assert check_output_name(name) == name


def test_titles_are_escaped_for_markdown_and_templates():
    title = 'Japan & NATO: <b>x</b> {{ 7*7 }} {% raw %} *a* [l](u) \\'
    html = render_markdown(f"# {markdown_text(title)}\n", {})
    import html as html_module

    assert html_module.unescape(re.sub(r"<[^>]+>", "", html)).strip() == title
    assert slug_of("Über Japan & NATO!") == "uber_japan_nato"
    assert slug_of("2026 edition") == "s_2026_edition"


# -- end to end, on the mini project --------------------------------------------------------------------------------
class _Recorder(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self):  # noqa: N802 (http.server's name)
        _Recorder.hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def listener():
    server = http.server.HTTPServer(("127.0.0.1", 0), _Recorder)
    _Recorder.hits = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()


def _edit_csv(path: Path, row_index: int, column: str, value: str) -> None:
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    fields = list(rows[0])
    rows[row_index][column] = value
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def test_markup_in_data_is_published_as_text_and_nothing_is_fetched(mini, listener, tmp_path):
    root, env = mini
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"\x89PNG not really")
    title = f"Ban Ki-moon ![x](http://127.0.0.1:{listener}/p.png) ![s]({secret}) <img src=x onerror=alert(1)>"
    _edit_csv(root / "data" / "events.csv", 0, "title", title)
    _edit_csv(root / "data" / "sources.csv", 1, "short_cite", "Villa <img src=x onerror=alert(document.domain)> (2019)")
    _edit_csv(root / "data" / "sources.csv", 1, "publisher", "European Institute for Asian Studies")
    result = run_brief("build", env_extra=env, cwd=root)
    assert result.returncode == 0, result.stderr
    page = (root / "output" / "brief.html").read_text(encoding="utf-8")
    assert active_content(page) == []
    assert "&lt;img src=x onerror=alert(1)&gt;" in page  # the characters, shown as text
    assert f"![x](http://127.0.0.1:{listener}/p.png)" in page  # shown as the characters it is
    assert _Recorder.hits == []
    pdf = (root / "output" / "brief.pdf").read_bytes()
    assert b"not really" not in pdf


@pytest.mark.parametrize("name", ["../../escaped", "/tmp/brief-escape-test"])
def test_a_name_that_would_escape_output_is_refused(mini, name):
    root, env = mini
    result = run_brief("build", "--no-pdf", "--name", name, env_extra=env, cwd=root)
    assert result.returncode == 2 and "plain file name" in result.stderr
    assert not (root.parent / "escaped.html").exists() and not Path("/tmp/brief-escape-test.html").exists()
    assert not (root / "output").exists() or not any((root / "output").glob("*.html"))


def test_a_named_build_then_a_plain_build_publishes_the_new_brief(mini):
    root, env = mini
    assert run_brief("build", "--no-pdf", env_extra=env, cwd=root).returncode == 0
    assert run_brief("build", "--no-pdf", "--name", "other", env_extra=env, cwd=root).returncode == 0
    _edit_csv(root / "data" / "events.csv", 0, "title", "A visibly edited first title")
    plain = run_brief("build", "--no-pdf", env_extra=env, cwd=root)
    assert plain.returncode == 0, plain.stderr
    assert "A visibly edited first title" in (root / "output" / "brief.html").read_text(encoding="utf-8")
    assert "A visibly edited first title" not in (root / "output" / "other.html").read_text(encoding="utf-8")
    assert "Re-executed: 01_alpha" in (root / "output" / "changes.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("title, words", [
    ("", ["title is empty"]),
    ("   ", ["title is empty"]),
    ("Two\n# %%\nimport os; os.system('touch /tmp/pwned')", ["one line"]),
    ("Tab\there", ["one line"]),
    ("Alpha section", ["has this title already"]),
    ("x" * 121, ["121 characters"]),
])
def test_brief_new_refuses_titles_that_are_not_one_line_of_new_text(mini, title, words):
    root, env = mini
    before = (root / "brief.yml").read_text(encoding="utf-8")
    result = run_brief("new", title, env_extra=env, cwd=root)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    for word in words:
        assert word in result.stderr
    assert (root / "brief.yml").read_text(encoding="utf-8") == before
    assert not Path("/tmp/pwned").exists()


def test_brief_new_refuses_a_clashing_slug(mini):
    root, env = mini
    result = run_brief("new", "Alpha", env_extra=env, cwd=root)
    assert result.returncode == 2 and "slug 'alpha' exists" in result.stderr
    result = run_brief("new", "Something", "--slug", "Bad Slug", env_extra=env, cwd=root)
    assert result.returncode == 2 and "--slug" in result.stderr


def test_brief_new_title_with_markup_and_code_is_text_in_every_file(mini):
    root, env = mini
    title = "<script>alert(1)</script> {{ 7*7 }} \\"
    result = run_brief("new", title, "--slug", "odd", "--before", "beta", env_extra=env, cwd=root)
    assert result.returncode == 0, result.stderr
    manifest = (root / "brief.yml").read_text(encoding="utf-8")
    assert manifest.index("odd") < manifest.index("02_beta")
    built = run_brief("build", "--no-pdf", env_extra=env, cwd=root)
    assert built.returncode == 0, built.stderr
    page = (root / "output" / "brief.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)&lt;/script&gt; {{ 7*7 }} \\" in page
    assert active_content(page) == []


# -- tables written in the Markdown cell ---------------------------------------------------------------------------
@pytest.fixture(scope="module")
def written_section():
    from helpers.evidence.data import load_all
    from helpers.writing.section import Section

    return Section(number=9, slug="written", evidence=load_all("2025-01-31"))


def _written_table(section, rows: str, values: dict) -> str:
    source = "```{table} t\nA caption.\n\n| Name | Value |\n|---|---|\n" + rows + "```\n"
    return render_markdown(source, values, section)


def test_a_written_table_keeps_data_as_text_and_publishes_its_cells(written_section):
    html = _written_table(written_section, "{% for v in values %}| row {{ loop.index }} | {{ v }} |\n{% endfor %}",
                          {"values": ["a | b", "<img src=x onerror=alert(1)>", "**c**"]})
    assert active_content(html) == [] and "<img" not in html and "<strong>" not in html
    assert html.count('<th scope="row">') == 3, "a '|' in a value must not split its cell"
    csv_text = written_section.downloads["tab-written-t"]
    assert "a | b" in csv_text and "<img src=x onerror=alert(1)>" in csv_text and csv_text.startswith("Name,Value")


def test_a_written_table_with_no_rows_or_ragged_rows_is_a_clear_error(written_section):
    with pytest.raises(ProseError, match="no rows"):
        _written_table(written_section, "{% for v in values %}| x | {{ v }} |\n{% endfor %}", {"values": []})
    with pytest.raises(ProseError, match="one Markdown table and nothing else"):
        _written_table(written_section, "| x | y | z |\n", {})
    # A row left out by {% if %} but its line break kept: the rows after the blank line would be lost silently.
    with pytest.raises(ProseError, match="no blank line"):
        _written_table(written_section, "{% for v in values %}{% if v %}| x | {{ v }} |{% endif %}\n{% endfor %}",
                       {"values": ["a", "", "c"]})
