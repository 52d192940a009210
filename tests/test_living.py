"""A living brief: new sections, named variants, changes.md and data updates flow through without code changes."""
from __future__ import annotations

import csv
import re
import shutil
from datetime import date

import yaml
from conftest import ROOT, run_brief

from helpers.pipeline.matrix import all_quotes, problems, visible_text
from helpers.evidence.data import load_all


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
    before = len(load_all("2025-01-31", data_dir=root / "data").events)  # the rows up to the mini brief's cut-off
    extra = dict(rows[0], event_id="synthetic_event_2024", date="2024-03", date_precision="month", title="A synthetic event")
    with open(events, "a", encoding="utf-8", newline="") as handle:
        csv.DictWriter(handle, list(rows[0]), lineterminator="\n").writerow(extra)
    second = run_brief("build", "--no-pdf", env_extra=env, cwd=root)
    assert second.returncode == 0, second.stderr
    changes = (root / "output" / "changes.md").read_text()
    assert f"| alpha | alpha.rows | {before} | {before + 1} |" in changes
    assert "Re-executed: 01_alpha" in changes and "From cache: 02_beta" in changes
    assert f"alpha, new: The events table has {before + 1} rows" in changes


# -- a new administration and new events, added to the data only -------------------------------------------------

SYNTHETIC = {"administration": "Kim Synthetic", "short_name": "Kim S.", "camp": "liberal", "start_date": "2025-11-01",
             "end_date": "", "powers_suspended_date": "", "end_basis": "incumbent", "doctrine": "Synthetic Bridge",
             "source_id": "synthetic2026", "quote": "the Kim Synthetic administration and its Synthetic Bridge policy",
             "dates_source_id": "synthetic2026", "dates_quote": "the Kim Synthetic administration"}
SYNTHETIC_SOURCE = {"source_id": "synthetic2026", "short_cite": "Synthetic (2026)", "title": "A synthetic source for tests",
                    "author": "", "publisher": "Test Institute", "date": "2026-11-15", "date_precision": "day",
                    "kind": "policy brief", "url": "", "identification": "certain", "in_seeds": "true", "seed_file": "",
                    "notes": "Invented by tests/test_living.py; never part of the real data."}
# A core source (in_seeds): the evidence then covers the new term, which is long enough (over a year) for a rate.
# Three milestones inside the synthetic term (the administration is derived from the date, never typed).
SYNTHETIC_EVENTS = [("synthetic_dialogue_2026_02", "2026-02", "month", "Kim Synthetic opens a strategic dialogue with NATO",
                     "political dialogue", "meeting"),
                    ("synthetic_cyber_drill_2026_05_12", "2026-05-12", "day", "First synthetic cyber drill with NATO",
                     "cyber and technology", "exercise"),
                    ("synthetic_staff_talks_2026_09", "2026-09", "month", "Synthetic military staff talks with NATO",
                     "military cooperation", "meeting")]
LEE_END = "2025-10-31"  # the day before the synthetic term begins
AS_OF = "2026-11-22"


def _rows(path):
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return reader.fieldnames, list(reader)


def _write(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def _project_with_a_new_administration(root):
    """A copy of the real project (sections 01 and 02 only) whose data close Lee Jae-myung's term and add a
    synthetic successor, a source and three events dated in the new term."""
    shutil.copytree(ROOT / "data", root / "data")
    (root / "notebooks").mkdir()
    manifest = yaml.safe_load((ROOT / "brief.yml").read_text(encoding="utf-8"))
    wanted = ("01_history", "02_administrations")  # the sections that read administrations and events
    sections = [s if isinstance(s, dict) else {"notebook": s} for s in manifest["sections"]]
    manifest["sections"] = [s for s in sections if s["notebook"].rsplit("/", 1)[-1].removesuffix(".ipynb") in wanted]
    assert len(manifest["sections"]) == len(wanted), "brief.yml no longer lists 01_history and 02_administrations"
    for section in manifest["sections"]:
        shutil.copy(ROOT / section["notebook"], root / section["notebook"])
    (root / "brief.yml").write_text(yaml.safe_dump(manifest, sort_keys=False, allow_unicode=True), encoding="utf-8")

    data = root / "data"
    header, admins = _rows(data / "administrations.csv")
    latest = max(admins, key=lambda r: r["start_date"])
    assert latest["administration"] == "Lee Jae-myung" and not latest["end_date"], "the test expects Lee as incumbent"
    latest.update(end_date=LEE_END, end_basis="end of term (synthetic, for tests)")
    _write(data / "administrations.csv", header, admins + [SYNTHETIC])
    header, sources = _rows(data / "sources.csv")
    _write(data / "sources.csv", header, sources + [SYNTHETIC_SOURCE])
    header, events = _rows(data / "events.csv")
    extra = [{"event_id": event_id, "date": day, "date_precision": precision, "title": title,
              "description": f"{title} (a synthetic event).", "category": category, "form": form,
              "actors": "Kim Synthetic; South Korea; NATO", "source_id": "synthetic2026",
              "quote": f"{title} (synthetic quote)", "also_sources": "", "version_of": ""}
             for event_id, day, precision, title, category, form in SYNTHETIC_EVENTS]
    _write(data / "events.csv", header, events + extra)
    return root


def test_a_new_administration_and_its_events_flow_into_the_brief(tmp_path, monkeypatch):
    """Issue 11: a synthetic administration and events, added to a copy of the data, appear in the built brief."""
    root = _project_with_a_new_administration(tmp_path / "project")
    for name in ("BRIEF_SEEDS_DIR", "BRIEF_DATA_DIR"):  # CI sets the seeds; the synthetic quotes are in none of them
        monkeypatch.delenv(name, raising=False)
    env = {"BRIEF_ROOT": str(root)}
    checked = run_brief("check", env_extra=env, cwd=root)
    assert checked.returncode == 0, checked.stdout + checked.stderr

    result = run_brief("build", "--no-pdf", "--name", "brief", "-p", "as_of", AS_OF, "-p", "administrations", "[Yoon Suk-yeol, Kim Synthetic]",
                       env_extra=env, cwd=root)
    assert result.returncode == 0, result.stdout + result.stderr
    report = (root / "output" / "report.html").read_text(encoding="utf-8")
    section = report.split('id="section-administrations"')[1].split("</section>")[0]
    assert "Kim Synthetic" in visible_text(section)
    assert problems(section, all_quotes(root / "data")) == []

    # Derived, not typed: the administration of each event comes from its date and the terms in administrations.csv.
    ev = load_all(AS_OF, data_dir=root / "data")
    derived = ev.events.set_index("event_id").loc[[e[0] for e in SYNTHETIC_EVENTS], "administration"]
    assert set(derived) == {"Kim Synthetic"}
    assert {e[0] for e in SYNTHETIC_EVENTS} <= set(ev.events[ev.events["administration"] == "Kim Synthetic"]["event_id"])
