"""Caches that cannot lie, interruptions that leave nothing behind, messages that name what to fix (issue 15, part 2)."""
from __future__ import annotations

import hashlib
import json
import os
import re
import signal
import subprocess
import textwrap
import time
from pathlib import Path

import pytest

from conftest import BRIEF, ROOT, run_brief
from helpers.pipeline.cache import Store


def _processes_under(root: Path) -> list[str]:
    """Command lines of live processes started for this project copy (build, workers, kernels)."""
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit() or int(proc.name) == os.getpid():
            continue
        try:
            cmdline = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            environ = (proc / "environ").read_bytes()
        except OSError:
            continue
        if str(root).encode() in environ and ("ipykernel" in cmdline or "helpers" in cmdline):
            found.append(cmdline)
    return found


def _wait_until(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return condition()


def _start_build(root: Path, env: dict, *args) -> subprocess.Popen:
    return subprocess.Popen([*BRIEF, "build", "--no-pdf", "--force", *args], cwd=root, env=dict(os.environ, **env),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _wait_for_kernels(root: Path) -> None:
    assert _wait_until(lambda: any("ipykernel" in c for c in _processes_under(root)), 30), "no kernel started"


# -- the cache ------------------------------------------------------------------------------------------------------
def test_store_discards_damaged_partial_and_altered_entries(tmp_path):
    store = Store(tmp_path / "cache")
    entry = store.put("pages", "k", {"page.html": "<p>ok</p>", "page.pdf": b"%PDF-1.7 whole"})
    assert store.get("pages", "k") == entry
    (entry / "page.pdf").write_bytes(b"%PDF")  # truncated
    assert store.get("pages", "k") is None and not entry.exists()
    entry = store.put("pages", "k", {"page.html": "<p>ok</p>", "page.pdf": b"%PDF-1.7 whole"})
    (entry / "page.pdf").unlink()  # partial
    assert store.get("pages", "k") is None
    entry = store.put("pages", "k", {"page.html": "<p>ok</p>"})
    (entry / "page.html").write_text("<p>altered but valid</p>")
    assert store.get("pages", "k") is None
    entry = store.put("pages", "k", {"page.html": "<p>ok</p>"})
    (entry / "DIGESTS.json").write_text("{trunc")
    assert store.get("pages", "k") is None


def test_store_prunes_least_recently_used_but_never_what_this_build_used(tmp_path):
    old = Store(tmp_path / "cache")
    for i in range(5):
        old.put("executed", f"e{i}", {"notebook.ipynb": b"x" * 400_000})
        time.sleep(0.01)
    store = Store(tmp_path / "cache")
    kept = store.get("executed", "e0")  # the oldest, but used by this build
    assert kept is not None
    store.prune(limit_mb=1.0)
    left = sorted(p.name for p in (tmp_path / "cache" / "executed").iterdir())
    assert "e0" in left and len(left) <= 3
    assert sum(f.stat().st_size for f in (tmp_path / "cache").rglob("*") if f.is_file()) <= 1.3e6


def _page_entry(root: Path) -> Path:
    entries = [p for p in (root / "output" / ".cache" / "pages").iterdir() if (p / "page.pdf").exists()]
    assert entries
    return max(entries, key=lambda p: p.stat().st_mtime)


def test_a_damaged_cache_is_rebuilt_never_published(mini):
    root, env = mini
    assert run_brief("build", env_extra=env, cwd=root).returncode == 0
    good_pdf = (root / "output" / "brief.pdf").read_bytes()
    entry = _page_entry(root)
    (entry / "page.pdf").write_bytes((entry / "page.pdf").read_bytes()[:1000])
    for rendered in (root / "output" / ".cache" / "rendered").glob("*/section.json"):
        rendered.write_text(rendered.read_text()[:50])
    result = run_brief("build", env_extra=env, cwd=root)
    assert result.returncode == 0, result.stderr
    assert (root / "output" / "brief.pdf").read_bytes() == good_pdf
    entry = _page_entry(root)
    (entry / "page.pdf").unlink()
    result = run_brief("build", env_extra=env, cwd=root)
    assert result.returncode == 0 and (root / "output" / "brief.pdf").read_bytes() == good_pdf


def test_an_interrupted_build_leaves_nothing_running_and_staging_is_removed_next_time(mini):
    root, env = mini
    for how in (signal.SIGKILL, signal.SIGTERM):
        build = _start_build(root, env)
        _wait_for_kernels(root)
        build.send_signal(how)
        build.wait(timeout=30)
        if how == signal.SIGTERM:
            assert build.returncode == 130 and "interrupted" in build.stderr.read()
        assert _wait_until(lambda: not _processes_under(root), 15), _processes_under(root)
    after = run_brief("build", "--no-pdf", env_extra=env, cwd=root)
    assert after.returncode == 0, after.stderr
    assert not list((root / "output").glob(".staging-*"))


def test_one_build_at_a_time_per_output_folder(mini):
    root, env = mini
    first = _start_build(root, env)
    _wait_for_kernels(root)
    second = run_brief("build", "--no-pdf", env_extra=env, cwd=root)
    assert second.returncode == 2 and "another build is writing" in second.stderr
    assert first.wait(timeout=120) == 0, first.stderr.read()


def test_failed_notebooks_are_kept_until_the_section_succeeds(mini):
    root, env = mini
    failed = run_brief("build", "--no-pdf", "-p", "fail", "true", env_extra=env, cwd=root)
    assert failed.returncode == 1 and (root / "output" / "failed" / "01_alpha.ipynb").exists()
    assert run_brief("build", "--no-pdf", env_extra=env, cwd=root).returncode == 0
    assert not (root / "output" / "failed").exists()


def test_a_failing_cell_is_named_by_its_number_in_the_notebook(mini):
    root, env = mini
    result = run_brief("build", "--no-pdf", "-p", "fail", "true", env_extra=env, cwd=root)
    notebook = json.loads((root / "notebooks" / "01_alpha.ipynb").read_text())
    number = next(i for i, c in enumerate(notebook["cells"], start=1) if "deliberate failure" in "".join(c["source"]))
    assert f"in cell {number} of 01_alpha.ipynb" in result.stderr


def test_a_broken_template_names_the_markdown_cell(mini):
    root, env = mini
    notebook = root / "notebooks" / "01_alpha.ipynb"
    notebook.write_text(notebook.read_text().replace("{{ row_count }} rows {{ cite(rows) }}", "{{ row_cuont }} rows"))
    (root / "notebooks" / "01_alpha.py").unlink(missing_ok=True)
    result = run_brief("build", "--no-pdf", env_extra=env, cwd=root)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "Markdown cell" in result.stderr and "row_cuont" in result.stderr and "undefined" in result.stderr


def test_a_misspelled_value_is_placed_in_the_script_and_the_right_name_offered(mini):
    import jupytext

    root, env = mini
    notebook = root / "notebooks" / "01_alpha.ipynb"
    script = notebook.with_suffix(".py")
    jupytext.write(jupytext.read(notebook), script, fmt="py:percent")
    script.write_text(script.read_text().replace("{{ row_count }} rows", "{{ row_cuont }} rows"), encoding="utf-8")
    result = run_brief("build", "--no-pdf", env_extra=env, cwd=root)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    lines = script.read_text(encoding="utf-8").splitlines()
    typo = next(i for i, line in enumerate(lines, start=1) if "row_cuont" in line)
    found = re.search(r"line (\d+) of notebooks/01_alpha\.py", result.stderr)
    assert found and int(found.group(1)) <= typo and all(
        not line.startswith("# %%") for line in lines[int(found.group(1)):typo - 1]), result.stderr
    assert "did you mean row_count" in result.stderr


# -- messages that name what to fix -----------------------------------------------------------------------------------
BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"


@pytest.mark.parametrize("content, words", [
    ("as_of: 2024-06-30\nbrief:\n  name: bomb\n  variant:\n" + textwrap.indent(BOMB, "    "), ["aliases", "line"]),
    (BOMB.replace("a:", "as_of:", 1), ["aliases"]),
    ("brief:\n  edition: 2025\n", ["edition", "YYYY-MM-DD"]),
    ('brief:\n  edition: "2025-13-45"\n', ["edition", "real calendar date"]),
    ("brief:\n  colour: red\n", ["unknown key", "colour"]),
    ("- just\n- a list\n", ["expected a mapping"]),
])
def test_parameter_files_get_clear_messages(mini, tmp_path, content, words):
    root, env = mini
    params = tmp_path / "params.yml"
    params.write_text(content)
    started = time.monotonic()
    result = run_brief("build", "--no-pdf", "-f", params, env_extra=env, cwd=root, timeout=60)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert str(params) in result.stderr or "edition" in result.stderr
    for word in words:
        assert word in result.stderr, result.stderr
    assert time.monotonic() - started < 30


@pytest.mark.parametrize("as_of, words", [
    ("2004-12-31", ["as_of", "before the earliest evidence"]),
    ("0001-01-01", ["as_of", "before the earliest evidence"]),
    ("2099-12-31", ["as_of", "after today"]),
])
def test_the_cut_off_must_lie_between_the_evidence_and_today(mini, as_of, words):
    root, env = mini
    result = run_brief("build", "--no-pdf", "-p", "as_of", as_of, env_extra=env, cwd=root)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    for word in words:
        assert word in result.stderr


def test_a_byte_order_mark_from_excel_is_accepted(mini):
    root, env = mini
    events = root / "data" / "events.csv"
    events.write_bytes(b"\xef\xbb\xbf" + events.read_bytes())
    assert run_brief("check", env_extra=env, cwd=root).returncode == 0
    result = run_brief("build", "--no-pdf", env_extra=env, cwd=root)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("breaker, words", [
    (lambda d: (d / "datapackage.yaml").write_text("resources: [\n  - name: x\n"), ["datapackage.yaml", "valid YAML"]),
    (lambda d: (d / "datapackage.yaml").write_text("just text\n"), ["datapackage.yaml", "resources"]),
    (lambda d: (d / "indicators.csv").write_text((d / "indicators.csv").read_text().replace(",7,exact,", ",1e400,exact,", 1)),
     ["indicators.csv", "row 2", "value", "finite number"]),
])
def test_check_names_the_file_row_and_column(data_copy, breaker, words):
    breaker(data_copy)
    result = run_brief("check", "--data", data_copy)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    for word in words:
        assert word in result.stderr, result.stderr
    assert str(data_copy) in result.stderr and "  - data/" not in result.stderr
    assert "output/" not in result.stderr  # a check changes nothing, so it does not talk about output/
