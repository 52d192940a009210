"""Shared fixtures: the project root, a scratch copy of data/, and one end-to-end build per test session."""
from __future__ import annotations

import os
import shutil
import string
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BRIEF = [sys.executable, "-m", "helpers.pipeline.cli"]
OFFLINE_GUARD = Path(__file__).resolve().parent / "offline"


def run_brief(*args, env_extra=None, cwd=ROOT, timeout=900) -> subprocess.CompletedProcess:
    env = dict(os.environ, **(env_extra or {}))
    return subprocess.run([*BRIEF, *map(str, args)], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)


# The pairs whose halves differed when the session began: test_notebooks fails for each (a commit must hold both
# halves in step), although the rest of the run tests the half edited last.
DRIFTED_AT_START: list[str] = []


def pytest_sessionstart(session):
    """Sync the notebook pairs first, as a build would: tests that copy only the .ipynb halves must not test a stale
    notebook after an edit to the .py half. Which pairs had drifted is noted first, so the drift still fails a test."""
    from helpers.pipeline.pairs import drifted, sync_pairs

    DRIFTED_AT_START[:] = [p.name for p in drifted(sorted((ROOT / "notebooks").glob("*.ipynb")))]
    sync_pairs(sorted((ROOT / "notebooks").glob("*.ipynb")), ROOT / "output" / ".cache" / "pairs.json",
               say=lambda line: None)


@pytest.fixture
def data_copy(tmp_path) -> Path:
    """A writable copy of data/ that a test may break."""
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    return target


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    """The whole brief built once into a temporary output folder (HTML and PDF)."""
    out = tmp_path_factory.mktemp("output")
    # Built offline: a sitecustomize on PYTHONPATH blocks every non-loopback connection in the build and its kernels.
    result = run_brief("build", "--output", out, env_extra={"PYTHONPATH": str(OFFLINE_GUARD)})
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture(scope="session")
def brief_html(built) -> str:
    return (built / "brief.html").read_text(encoding="utf-8")


MINI_SECTION = '''\
# %% [markdown]
# # $title
#
# A small section used by the tests.

# %% tags=["parameters"]
as_of = "2025-01-31"  # evidence cut-off
fail = False  # raise an error on purpose (tests of failure handling)

# %%
from helpers.evidence.data import load_all
from helpers.writing import charts
from helpers.writing.section import Section

ev = load_all(as_of)
sec = Section(number=$number, slug="$slug", evidence=ev)
rows = ev.$table
first = rows.iloc[0] if len(rows) else None  # an early cut-off may leave the table empty

# %%
if fail:
    raise RuntimeError("deliberate failure in $slug")
row_count = sec.num("rows", len(rows), str(len(rows)), sources=rows)
fig, ax = charts.new_figure(height_in=1.5)
ax.bar(["rows"], [len(rows)])
sec.chart("rows", fig, sources=rows)

# %% [markdown] tags=["summary"]
# The $table table has {{ row_count }} rows {{ cite(rows) }}.

# %% [markdown]
# ## The rows {#rows}
#
# {% if first is not none %}The first row is “{{ first.$label }}” {{ cite(first) }}, as {{ sec.citations.name(first.source_id) }} reports it.{% else %}No row yet.{% endif %}
#
# ```{figure} rows
# :title: {{ row_count }} rows in $table
# :alt: A bar chart with one bar showing {{ row_count }} rows in the $table table{% if first is not none %}, first {{ first.$label }}{% endif %}.
# Rows in the table{% if first is not none %}; the first is “{{ first.$label }}”{% endif %}.
# ```

# %%
sec.record()
'''


def make_mini_project(root: Path) -> Path:
    """A two-section project (events and summits) on a copy of the real data, for fast build tests."""
    import jupytext

    shutil.copytree(ROOT / "data", root / "data")
    (root / "notebooks").mkdir()
    specs = [(1, "alpha", "events", "Alpha section", "title"), (2, "beta", "summits", "Beta section", "meeting")]
    lines = ["title: Mini brief", "subtitle: For tests", "authors: Tests", 'edition: "2026-11-22"',
             "parameters:", '  as_of: "2025-01-31"', "sections:"]
    for number, slug, table, title, label in specs:
        source = string.Template(MINI_SECTION).substitute(number=number, slug=slug, table=table, title=title, label=label)
        path = root / "notebooks" / f"{number:02d}_{slug}.ipynb"
        jupytext.write(jupytext.reads(source, fmt="py:percent"), path, fmt="ipynb")
        lines += [f"  - notebook: notebooks/{path.name}", f"    data: [sources, administrations, {table}]"]
    (root / "brief.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


@pytest.fixture(scope="session")
def mini_template(tmp_path_factory) -> Path:
    """A mini project built once per session (HTML, no PDF), whose cache every `mini` copy starts from: a test's
    first build is then a cache hit, and only what the test changes runs again."""
    root = make_mini_project(tmp_path_factory.mktemp("mini-template") / "mini")
    result = run_brief("build", "--no-pdf", env_extra={"BRIEF_ROOT": str(root)}, cwd=root)
    assert result.returncode == 0, result.stdout + result.stderr
    # A copy starts with the cache but without the published files: each test sees its own first build.
    for item in (root / "output").iterdir():
        if item.name != ".cache":
            shutil.rmtree(item) if item.is_dir() else item.unlink()
    for record in (root / "output" / ".cache").glob("*-findings.json"):  # no 'previous build' to compare with
        record.unlink()
    return root


@pytest.fixture
def mini(tmp_path, mini_template):
    """(project root, env) for a mini project; run_brief(..., env_extra=env, cwd=root)."""
    root = tmp_path / "mini"
    shutil.copytree(mini_template, root)
    return root, {"BRIEF_ROOT": str(root)}
