"""Bad input gets a clear message and a non-zero exit; the last good brief is never lost."""
from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import BRIEF, OFFLINE_GUARD, ROOT, run_brief
from test_data import CASES
from helpers.evidence.validate import DataError, check


def _fingerprint(output: Path) -> dict[str, str]:
    files = [p for p in output.rglob("*") if p.is_file() and ".cache" not in p.parts]
    return {str(p.relative_to(output)): hashlib.sha256(p.read_bytes()).hexdigest() for p in files}


@pytest.fixture
def built_mini(mini):
    root, env = mini
    first = run_brief("build", "--no-pdf", env_extra=env, cwd=root)
    assert first.returncode == 0, first.stderr
    return root, env, _fingerprint(root / "output")


@pytest.mark.parametrize("case", ["bad date", "text in a number", "negative amount", "duplicate id", "unknown source",
                                  "missing column", "missing file", "empty table", "invalid utf-8", "unbalanced quote"])
def test_bad_data_stops_the_build_and_keeps_the_brief(case, built_mini):
    root, env, before = built_mini
    breaker, words = CASES[case]
    breaker(root / "data")
    result = run_brief("build", "--no-pdf", env_extra=env, cwd=root)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    for word in words:
        assert word in result.stderr, f"{word!r} not in {result.stderr}"
    assert _fingerprint(root / "output") == before
    checked = run_brief("check", env_extra=env, cwd=root)
    assert checked.returncode == 2 and words[0] in checked.stderr


@pytest.mark.parametrize("args, words", [
    (["-p", "as_fo", "2020-01-01"], ["unknown parameter 'as_fo'", "Did you mean 'as_of'", "Valid parameters"]),
    (["-p", "as_of", "2024-02-30"], ["as_of", "not a date", "YYYY-MM-DD"]),
    (["-p", "as_of", "last year"], ["as_of", "not a date"]),
    (["-p", "fail", "sometimes"], ["fail", "true or false"]),
])
def test_bad_parameters_are_named(args, words, built_mini):
    root, env, before = built_mini
    result = run_brief("build", "--no-pdf", *args, env_extra=env, cwd=root)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    for word in words:
        assert word in result.stderr, f"{word!r} not in {result.stderr}"
    assert _fingerprint(root / "output") == before


def test_failing_notebook_names_section_cell_and_error(built_mini):
    root, env, before = built_mini
    result = run_brief("build", "--no-pdf", "-p", "fail", "true", env_extra=env, cwd=root)
    assert result.returncode == 1
    assert "01_alpha" in result.stderr and "in cell " in result.stderr
    assert "RuntimeError: deliberate failure in alpha" in result.stderr
    assert "Traceback" not in result.stderr
    assert (root / "output" / "failed" / "01_alpha.ipynb").exists()
    after = {k: v for k, v in _fingerprint(root / "output").items() if not k.startswith("failed/")}
    assert after == before


def test_debug_shows_the_traceback(built_mini):
    root, env, _ = built_mini
    result = run_brief("--debug", "build", "--no-pdf", "-p", "as_fo", "2020-01-01", env_extra=env, cwd=root)
    assert result.returncode != 0 and "Traceback" in result.stderr


def test_interrupted_build_keeps_the_last_good_brief(built_mini):
    root, env, before = built_mini
    import os

    process = subprocess.Popen([*BRIEF, "build", "--no-pdf", "--force"], cwd=root, env=dict(os.environ, **env),
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    time.sleep(1.5)  # inside section execution
    os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C in a terminal does: the whole process group
    stdout, stderr = process.communicate(timeout=120)
    assert process.returncode != 0
    assert "interrupted" in stderr
    assert _fingerprint(root / "output") == before
    assert not list((root / "output").glob(".staging-*"))


def test_markup_in_data_is_shown_as_text_and_never_runs(data_copy, tmp_path):
    """A real section, on data whose source names and quotes carry markup: shown as text, never run."""
    from helpers.pipeline.guard import active_content

    sources = data_copy / "sources.csv"
    sources.write_text(sources.read_text(encoding="utf-8").replace(
        "SWP (2025)", "SWP <script>alert(1)</script><img src=x onerror=alert(2)> (2025)", 1), encoding="utf-8")
    out = tmp_path / "out"
    result = run_brief("build", "--only", "01_history", "--no-pdf", "--data", data_copy, "--output", out)
    assert result.returncode == 0, result.stderr
    page = (out / "sections" / "history.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert active_content(page.replace('<script data-brief="own">', "<p>")) == []
    assert "onerror=alert" not in page.replace("&lt;img src=x onerror=alert(2)&gt;", "")


def test_build_makes_no_network_connection(built_mini):
    root, env, _ = built_mini
    result = run_brief("build", "--no-pdf", "--force", env_extra=dict(env, PYTHONPATH=str(OFFLINE_GUARD)), cwd=root)
    assert result.returncode == 0, result.stderr


def test_guard_really_blocks_connections():
    code = "import socket; socket.create_connection(('192.0.2.1', 80), timeout=1)"
    import os

    result = subprocess.run([sys.executable, "-c", code], env=dict(os.environ, PYTHONPATH=str(OFFLINE_GUARD)),
                            capture_output=True, text=True)
    assert result.returncode != 0 and "blocked" in result.stderr


CELL = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.lists(CELL, min_size=0, max_size=12), min_size=0, max_size=4), table=st.sampled_from(["events", "arms_deals", "arms_trade", "summits", "administrations"]))
def test_malformed_rows_raise_only_the_projects_error(rows, table, tmp_path_factory):
    import csv
    import shutil

    data = tmp_path_factory.mktemp("fuzz") / "data"
    shutil.copytree(ROOT / "data", data)
    with open(data / f"{table}.csv", "a", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)
    try:
        check(data)
    except DataError as error:
        # Problems name the folder that was checked (here a copy outside the project), never a "data/" it did not read.
        assert error.problems and all(p.file.startswith(str(data)) for p in error.problems)


def test_brief_refuses_to_work_on_another_copy_than_its_own(tmp_path):
    (tmp_path / "brief.yml").write_text("title: Another copy\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "BRIEF_ROOT"}
    result = subprocess.run([*BRIEF, "list"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert str(tmp_path) in result.stderr and "BRIEF_ROOT" in result.stderr


@pytest.mark.parametrize("until, words", [
    ("soon", ["until", "'soon'", "not a date", "YYYY-MM-DD"]),
    ("2004-01-01", ["until", "2004-01-01", "before the earliest evidence"]),
])
def test_until_is_a_day_within_the_evidence(until, words):
    from helpers.pipeline.build import _check_cutoff
    from helpers.pipeline.manifest import UsageError

    with pytest.raises(UsageError) as error:
        _check_cutoff({"01_history": {"as_of": "2025-01-31", "until": until}}, ROOT / "data")
    for word in words:
        assert word in str(error.value), str(error.value)
    _check_cutoff({"01_history": {"as_of": "2025-01-31", "until": "2012-12-31"}}, ROOT / "data")  # a good one passes
    _check_cutoff({"01_history": {"as_of": "2025-01-31", "until": ""}}, ROOT / "data")  # empty: up to the cut-off
