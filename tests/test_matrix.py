"""The parameter matrix (issue 16): every section executed and rendered across its parameters, its words checked for
what must never be printed, and each variant's words written to output/matrix/ for a person to read."""
from __future__ import annotations

import pytest

from conftest import ROOT

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="session")
def matrix():
    from helpers.pipeline.manifest import load_manifest
    from helpers.pipeline.matrix import run

    return run(load_manifest(ROOT / "brief.yml"), out=ROOT / "output", data_dir=ROOT / "data", say=lambda line: None)


def test_every_variant_reads_without_a_problem(matrix):
    bad = {name: found for name, found in matrix.items() if found}
    assert not bad, "\n".join(f"{name}: {problem}" for name, found in sorted(bad.items()) for problem in found)


def test_the_matrix_covers_every_parameter_of_every_section(matrix):
    from helpers.pipeline.manifest import load_manifest, notebook_parameters

    manifest = load_manifest(ROOT / "brief.yml")
    for spec in manifest.sections:
        mine = {name.split("/", 1)[1] for name in matrix if name.startswith(f"{spec.slug}/")}
        for parameter in notebook_parameters(spec.notebook):
            prefix = "admins" if parameter == "administrations" else parameter
            assert any(v.startswith(prefix) for v in mine), f"{spec.slug}: no variant of {parameter}"
        assert "as_of-2004-12-31" in mine and "default" in mine
    assert (ROOT / "output" / "matrix" / "index.json").exists()
