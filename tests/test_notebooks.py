"""Notebooks stay reviewable: committed without outputs, paired with jupytext scripts that match, with the house anatomy."""
import ast
import csv
import json
import re

import jupytext
import pytest

from conftest import DRIFTED_AT_START, ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_committed_without_outputs(path):
    nb = json.loads(path.read_text())
    assert all(not c.get("outputs") and not c.get("execution_count") for c in nb["cells"] if c["cell_type"] == "code")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_paired_script_matches(path):
    script = path.with_suffix(".py")
    assert script.exists(), f"{script.name} missing: run `make notebooks` (jupytext --sync)"
    from_script = jupytext.read(script)
    from_notebook = jupytext.read(path)
    cells = lambda nb: [(c.cell_type, c.source.strip(), c.metadata.get("tags", [])) for c in nb.cells]  # noqa: E731
    assert cells(from_script) == cells(from_notebook), f"{path.name} and {script.name} differ: run `make notebooks`"
    assert path.name not in DRIFTED_AT_START, (f"{path.name} and {script.name} differed when the tests began (synced "
                                               "from the half edited last for this run): commit both halves in step")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_section_anatomy(path):
    nb = jupytext.read(path)
    assert nb.cells[0].cell_type == "markdown" and nb.cells[0].source.startswith("# ")
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1, "exactly one cell tagged 'parameters'"
    for line in tagged[0].source.splitlines():
        if "=" in line:
            assert "#" in line, f"parameter without a help comment: {line}"
    assert "as_of" in tagged[0].source
    assert any("sec.record()" in c.source for c in nb.cells), "key findings are never recorded"


ID_LIKE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)+$")


def _names_the_data_and_helpers_know() -> set[str]:
    """Every value and column of data/*.csv, and every identifier-like string the helpers use (derived columns such
    as `rate_upper` are named there)."""
    known = set()
    for table in (ROOT / "data").glob("*.csv"):
        with open(table, encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            known |= set(reader.fieldnames or [])
            for row in reader:
                known |= set(row.values())
    for module in (ROOT / "src" / "helpers").rglob("*.py"):
        known |= {n.value for n in ast.walk(ast.parse(module.read_text(encoding="utf-8")))
                  if isinstance(n, ast.Constant) and isinstance(n.value, str)}
    return known


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_row_id_a_notebook_names_is_in_the_data(path):
    """A lookup by a mistyped id finds nothing at any cut-off, and the paragraph that needs it would vanish without a
    word. Every id-like string a code cell passes to a call or lists must be a value or column of the data, a key the
    section records (sec.num, sec.chart, ...), or a name the helpers define."""
    tree = ast.parse(path.with_suffix(".py").read_text(encoding="utf-8"))  # the paired script: cells as Python
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    recorded = {n.args[0].value for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)
                and n.args and isinstance(n.args[0], ast.Constant)
                and n.func.attr in ("num", "chart", "table_data", "table_sources")}
    known = _names_the_data_and_helpers_know() | recorded
    unknown = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and ID_LIKE.match(node.value):
            parent = parents.get(node)
            listed = isinstance(parent, (ast.Tuple, ast.List, ast.Set))
            passed = isinstance(parent, ast.Call) and node in parent.args
            if (listed or passed) and node.value not in known:
                unknown.append(f"line {node.lineno}: {node.value!r}")
    assert not unknown, f"{path.name} names ids the data do not have: {'; '.join(unknown)}"
