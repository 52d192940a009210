"""A living brief: new sections, named variants, changes.md and data updates flow through without code changes."""
from __future__ import annotations

import csv

from conftest import run_brief


def test_brief_new_scaffolds_a_section_that_the_next_build_includes(mini):
    root, env = mini
    result = run_brief("new", "Japan and NATO compared", env_extra=env, cwd=root)
    assert result.returncode == 0, result.stderr
    notebook = root / "notebooks" / "03_japan_and_nato_compared.ipynb"
    assert notebook.exists() and notebook.with_suffix(".py").exists()
    assert "notebooks/03_japan_and_nato_compared.ipynb" in (root / "brief.yml").read_text()
    listed = run_brief("list", env_extra=env, cwd=root)
    assert "03_japan_and_nato_compared" in listed.stdout and "as_of" in listed.stdout
    built = run_brief("build", "--no-pdf", env_extra=env, cwd=root)
    assert built.returncode == 0, built.stderr
    assert "03_japan_and_nato_compared" in built.stdout
    html = (root / "output" / "brief.html").read_text(encoding="utf-8")
    assert "Japan and NATO compared" in html
    assert 'alt="Bar chart of' in html  # the template's example figure carries real alt text


def test_named_variant_from_a_parameter_file(mini):
    root, env = mini
    (root / "variants").mkdir()
    (root / "variants" / "early.yml").write_text('as_of: "2020-12-31"\nbrief:\n  name: brief-early\n  variant: readers of the 2020 edition\n')
    result = run_brief("build", "--no-pdf", "-f", "variants/early.yml", env_extra=env, cwd=root)
    assert result.returncode == 0, result.stderr
    page = (root / "output" / "brief-early.html").read_text(encoding="utf-8")
    assert "31 December 2020" in page and "readers of the 2020 edition" in page
    assert not (root / "output" / "brief.html").exists()


def test_changes_md_reports_old_and_new_values(mini):
    root, env = mini
    first = run_brief("build", "--no-pdf", env_extra=env, cwd=root)
    assert first.returncode == 0, first.stderr
    assert "nothing to compare" in (root / "output" / "changes.md").read_text()
    events = root / "data" / "events.csv"
    with open(events, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    before = len(rows)
    extra = dict(rows[0], event_id="synthetic_event_2024", date="2024-03", date_precision="month", title="A synthetic event")
    with open(events, "a", encoding="utf-8", newline="") as handle:
        csv.DictWriter(handle, list(rows[0]), lineterminator="\n").writerow(extra)
    second = run_brief("build", "--no-pdf", env_extra=env, cwd=root)
    assert second.returncode == 0, second.stderr
    changes = (root / "output" / "changes.md").read_text()
    assert f"| alpha | rows in events | {before} | {before + 1} |" in changes
    assert "Re-executed: 01_alpha" in changes and "From cache: 02_beta" in changes
