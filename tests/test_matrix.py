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


@pytest.mark.parametrize("fragment, expected", [
    ("<p>Agreed (KBS 2025).</p>", None),
    ("<p>Agreed ().</p>", "an empty citation"),
    ("<p>Sources: .</p>", "an empty source line"),
    ("<p>At The Hague in 25 June 2025 they met.</p>", "wrong preposition"),
    ("<p>It began on June 2025.</p>", "wrong preposition"),
    ("<p>At The Hague on 25 June 2025, in June 2025 and in 2025.</p>", None),
    ("<p>This is treated in tcp_instrument.</p>", "internal id"),
    ("<p>Data: arms_deals.csv, https://example.org/a_b_c.</p>", None),
    ("<p>Value nan.</p>", "shown as a value"),
])
def test_the_invariants_catch_what_must_never_be_printed(fragment, expected):
    from helpers.pipeline.matrix import problems

    found = problems(fragment, quotes=[])
    assert (not found) if expected is None else any(expected in problem for problem in found), found


def test_a_reference_to_a_part_or_block_the_section_left_out_is_found():
    from helpers.pipeline.assemble import dangling_references
    from helpers.pipeline.render import RenderedSection

    see = '<p><a class="see" data-ref="part" href="#alpha-pace">see</a></p>'
    figure = '<p><a class="xref" data-ref="figure" href="#fig-alpha-chart">Figure</a></p>'
    heading = '<h3 id="alpha-pace" data-level="2">The pace</h3>'
    block = '<figure data-figure="fig-alpha-chart"></figure>'

    def section(*parts):
        return RenderedSection("alpha", 1, "Alpha", "", {}, parts=[{"tags": tags, "html": h} for tags, h in parts])

    assert dangling_references(section(([], see + figure), ([], heading + block))) == []
    left_out = dangling_references(section(([], see + figure)))
    assert len(left_out) == 4 and all("alpha-pace" in m or "fig-alpha-chart" in m for m in left_out)
    # a heading only the brief shows cannot carry a see(), which points into the report
    assert dangling_references(section(([], see), (["brief"], heading)))


def test_matrix_only_takes_what_build_only_takes_and_keeps_the_other_results(tmp_path):
    """`--only 99` is refused as for `brief build`; a run of one section keeps the other sections' results in the
    index instead of replacing them with nothing."""
    import json

    from helpers.pipeline import matrix
    from helpers.pipeline.manifest import UsageError, load_manifest

    manifest = load_manifest(ROOT / "brief.yml")
    with pytest.raises(UsageError, match="no such section"):
        matrix.run(manifest, only=["99"], out=tmp_path, say=lambda *a: None)
    (tmp_path / "matrix").mkdir()
    (tmp_path / "matrix" / "index.json").write_text(json.dumps({"recommendations/audience-nato": []}), encoding="utf-8")
    first = manifest.sections[0]
    results = matrix.run(manifest, only=[first.file_number or first.slug], out=tmp_path, say=lambda *a: None)
    index = json.loads((tmp_path / "matrix" / "index.json").read_text(encoding="utf-8"))
    assert results and set(results) <= set(index)
    assert "recommendations/audience-nato" in index  # another section's earlier result is kept
    assert all(name.split("/")[0] == first.slug for name in results)
