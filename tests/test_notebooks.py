"""Notebooks stay reviewable: committed without outputs, paired with jupytext scripts that match, with the house anatomy."""
import json

import jupytext
import pytest

from conftest import ROOT

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
