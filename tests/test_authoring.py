"""The traps an analyst meets while writing: a notebook pair edited on one side, `--only` after sections move, a new
section placed and renamed, and house style set in brief.yml rather than in code."""
from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import yaml

from conftest import run_brief
from helpers.pipeline.manifest import UsageError, find_sections, load_manifest
from helpers.writing import style


def _pair(root):
    """Give the alpha section a percent-script half, as `jupytext --set-formats ipynb,py:percent` would."""
    import jupytext

    notebook = root / "notebooks" / "01_alpha.ipynb"
    nb = jupytext.read(notebook)
    nb.metadata.setdefault("jupytext", {})["formats"] = "ipynb,py:percent"
    jupytext.write(nb, notebook, fmt="ipynb")
    jupytext.write(nb, notebook.with_suffix(".py"), fmt="py:percent")
    return notebook, notebook.with_suffix(".py")


def _edit_script(script: Path, words: str) -> None:
    script.write_text(script.read_text(encoding="utf-8").replace("reports it.", f"reports it, {words}."), encoding="utf-8")
    os.utime(script, None)


def _edit_notebook(notebook: Path, words: str) -> None:
    """An edit saved from JupyterLab: the sentence changed in the .ipynb half only."""
    import jupytext

    nb = jupytext.read(notebook)
    for cell in nb.cells:
        if cell.cell_type == "markdown" and "reports it." in cell.source:
            cell.source = cell.source.replace("reports it.", f"reports it, {words}.")
    jupytext.write(nb, notebook, fmt="ipynb")
    os.utime(notebook, None)


# -- notebook pairs ------------------------------------------------------------------------------
def test_an_edit_to_the_script_half_is_built_and_said(mini):
    root, env = mini
    notebook, script = _pair(root)
    assert run_brief("build", "--no-pdf", env_extra=env, cwd=root).returncode == 0
    _edit_script(script, "as edited in the script")
    result = run_brief("build", "--no-pdf", env_extra=env, cwd=root)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "synced 01_alpha.ipynb from 01_alpha.py" in result.stdout
    assert "as edited in the script." in (root / "output" / "brief.html").read_text(encoding="utf-8")
    assert "as edited in the script." in notebook.read_text(encoding="utf-8"), "the .ipynb half was not synced"


def test_an_edit_to_the_notebook_half_updates_the_script(mini):
    root, env = mini
    notebook, script = _pair(root)
    assert run_brief("build", "--no-pdf", env_extra=env, cwd=root).returncode == 0
    _edit_notebook(notebook, "as edited in JupyterLab")
    result = run_brief("build", "--no-pdf", env_extra=env, cwd=root)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "synced 01_alpha.py from 01_alpha.ipynb" in result.stdout
    assert "as edited in JupyterLab." in script.read_text(encoding="utf-8")
    assert "as edited in JupyterLab." in (root / "output" / "brief.html").read_text(encoding="utf-8")


def test_edits_to_both_halves_stop_the_build_and_lose_neither(mini):
    root, env = mini
    notebook, script = _pair(root)
    assert run_brief("build", "--no-pdf", env_extra=env, cwd=root).returncode == 0
    _edit_script(script, "edited in the script")
    _edit_notebook(notebook, "edited in a stale JupyterLab tab")
    result = run_brief("build", "--no-pdf", env_extra=env, cwd=root)
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stdout + result.stderr
    assert "01_alpha.py and notebooks/01_alpha.ipynb were both edited" in result.stderr
    assert "edited in the script." in script.read_text(encoding="utf-8")
    assert "stale JupyterLab tab" in notebook.read_text(encoding="utf-8")


def test_a_half_restored_to_an_earlier_version_is_not_taken_for_an_edit(mini):
    """git checkout of the pair, then an edit to the script: only the script was edited, so it is built (the probe
    had the build refuse, as if both halves had been edited)."""
    root, env = mini
    notebook, script = _pair(root)
    assert run_brief("build", "--no-pdf", env_extra=env, cwd=root).returncode == 0
    committed = {path: path.read_bytes() for path in (notebook, script)}
    _edit_script(script, "a first edit")
    assert run_brief("build", "--no-pdf", env_extra=env, cwd=root).returncode == 0
    for path, data in committed.items():  # git checkout -- notebooks
        path.write_bytes(data)
    os.utime(notebook, None)  # the restored notebook is the newer file, yet it is not the edit
    _edit_script(script, "a second edit")
    os.utime(notebook, None)
    result = run_brief("build", "--no-pdf", env_extra=env, cwd=root)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "synced 01_alpha.ipynb from 01_alpha.py" in result.stdout
    assert "a second edit." in (root / "output" / "brief.html").read_text(encoding="utf-8")


# -- --only ----------------------------------------------------------------------------------------
def _manifest_with_order(root, order):
    manifest = yaml.safe_load((root / "brief.yml").read_text(encoding="utf-8"))
    by_name = {s["notebook"]: s for s in manifest["sections"]}
    manifest["sections"] = [by_name[f"notebooks/{name}.ipynb"] for name in order]
    (root / "brief.yml").write_text(yaml.safe_dump(manifest, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return load_manifest(root / "brief.yml")


def test_only_names_the_file_not_the_position(mini):
    root, _ = mini
    manifest = _manifest_with_order(root, ["02_beta", "01_alpha"])
    for wanted in ("1", "01", "alpha", "01_alpha", "01_alpha.ipynb"):
        assert [s.slug for s in find_sections(manifest, [wanted])] == ["alpha"], wanted
    assert [s.slug for s in find_sections(manifest, ["2"])] == ["beta"]


def test_only_refuses_an_unknown_or_ambiguous_value(mini):
    import shutil

    root, _ = mini
    with pytest.raises(UsageError, match="no such section.*alpha"):
        find_sections(load_manifest(root / "brief.yml"), ["gamma"])
    shutil.copy(root / "notebooks" / "02_beta.ipynb", root / "notebooks" / "01_gamma.ipynb")
    manifest = yaml.safe_load((root / "brief.yml").read_text(encoding="utf-8"))
    manifest["sections"].append({"notebook": "notebooks/01_gamma.ipynb", "data": ["sources", "summits"]})
    (root / "brief.yml").write_text(yaml.safe_dump(manifest, sort_keys=False), encoding="utf-8")
    with pytest.raises(UsageError, match="ambiguous.*01_alpha.*01_gamma"):
        find_sections(load_manifest(root / "brief.yml"), ["1"])


def test_only_on_the_command_line_says_what_it_builds(mini):
    root, env = mini
    result = run_brief("build", "--no-pdf", "--only", "beta", env_extra=env, cwd=root)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "02_beta" in result.stdout and "01_alpha" not in result.stdout.split("Building", 1)[-1].split("render")[0]
    bad = run_brief("build", "--no-pdf", "--only", "7", env_extra=env, cwd=root)
    assert bad.returncode != 0 and "--only 7" in bad.stderr + bad.stdout and "Traceback" not in bad.stderr


# -- placing and renaming a section -----------------------------------------------------------------------
def test_brief_new_places_the_section_before_another(mini):
    root, env = mini
    result = run_brief("new", "What comes between?", "--slug", "between", "--before", "beta", env_extra=env, cwd=root)
    assert result.returncode == 0, result.stdout + result.stderr
    order = [s["notebook"] for s in yaml.safe_load((root / "brief.yml").read_text(encoding="utf-8"))["sections"]]
    names = [re.sub(r"^notebooks/\d+_|\.ipynb$", "", n) for n in order]
    assert names.index("between") == names.index("beta") - 1


# -- house style ------------------------------------------------------------------------------------
def test_style_in_brief_yml_overrides_the_defaults_and_only_what_it_names():
    chosen = style.resolve({"colours": {"administrations": {"Moon Jae-in": "#112233"}}, "page": {"size": "letter"}})
    assert style.colour_for("administration", "Moon Jae-in", chosen) == "#112233"
    assert style.colour_for("administration", "Yoon Suk-yeol", chosen) == \
        style.DEFAULTS["colours"]["administrations"]["Yoon Suk-yeol"]
    assert style.colour_for("category", "cyber and technology", chosen) == \
        style.DEFAULTS["colours"]["categories"]["cyber and technology"], "recolouring a government recoloured a category"
    assert "letter" in style.page_css(chosen)


@pytest.mark.parametrize("raw, words", [
    ({"colours": {"administrations": {"Moon Jae-in": "blue-ish"}}}, "Moon Jae-in"),
    ({"page": {"size": "B7"}}, "size"),
    ({"page": {"margin": "wide"}}, "margin"),
    ({"limits": {"brief_words": "many"}}, "brief_words"),
    ("red", "mapping"),
])
def test_a_bad_style_value_is_named(raw, words):
    with pytest.raises(style.StyleError, match=words):
        style.resolve(raw)


def test_a_brief_over_the_house_limits_is_named_with_the_limit():
    from helpers.pipeline.measure import over_limits

    page = "<main><p>" + "word " * 120 + "</p></main>"
    assert over_limits(page, None, {"brief_words": 200, "brief_pages": 8}, "brief") == []
    warned = over_limits(page, None, {"brief_words": 100, "brief_pages": 8}, "brief")
    assert len(warned) == 1 and "120 words" in warned[0] and "limit of 100" in warned[0]
    from helpers.pipeline.measure import words
    assert words("<main><p>Read it at https://www.example.org/a/b-c/d.html?x=1&amp;y=2 today.</p></main>") == 5


def test_a_style_change_rebuilds_and_shows(mini):
    root, env = mini
    assert run_brief("build", "--no-pdf", env_extra=env, cwd=root).returncode == 0
    manifest = yaml.safe_load((root / "brief.yml").read_text(encoding="utf-8"))
    manifest["style"] = {"page": {"size": "A5"}, "colours": {"roles": {"accent": "#123456"}}}
    (root / "brief.yml").write_text(yaml.safe_dump(manifest, sort_keys=False), encoding="utf-8")
    result = run_brief("build", "--no-pdf", env_extra=env, cwd=root)
    assert result.returncode == 0, result.stdout + result.stderr
    page = (root / "output" / "brief.html").read_text(encoding="utf-8")
    assert "size: A5" in page


def test_brief_rename_moves_the_pair_and_every_reference(mini):
    root, env = mini
    _pair(root)
    script = root / "notebooks" / "01_alpha.py"
    script.write_text(script.read_text(encoding="utf-8").replace(
        "reports it.", 'reports it. See {{ section_link("beta") }}.'), encoding="utf-8")
    conflicts = root / "data" / "conflicts.csv"
    before_rows = conflicts.read_text(encoding="utf-8").count("\n")
    assert run_brief("build", "--no-pdf", env_extra=env, cwd=root).returncode == 0
    assert (root / "output" / "sections" / "beta.html").exists()
    result = run_brief("rename", "beta", "gamma_rays", env_extra=env, cwd=root)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (root / "notebooks" / "02_gamma_rays.ipynb").exists() and not (root / "notebooks" / "02_beta.ipynb").exists()
    assert "notebooks/02_gamma_rays.ipynb" in (root / "brief.yml").read_text(encoding="utf-8")
    assert 'slug="gamma_rays"' in (root / "notebooks" / "02_gamma_rays.ipynb").read_text(encoding="utf-8").replace('\\"', '"')
    assert 'section_link("gamma_rays")' in script.read_text(encoding="utf-8")
    assert conflicts.read_text(encoding="utf-8").count("\n") == before_rows
    assert not (root / "output" / "sections" / "beta.html").exists(), "the old name's page outlived the rename"
    built = run_brief("build", "--no-pdf", "--only", "gamma_rays", env_extra=env, cwd=root)
    assert built.returncode == 0, built.stdout + built.stderr
    assert "02_gamma_rays" in built.stdout
    assert (root / "output" / "sections" / "gamma_rays.html").exists()
    assert not (root / "output" / "notebooks" / "02_beta.html").exists()


@pytest.mark.parametrize("args, words", [(["beta", "alpha"], "exists already"), (["beta", "Bad Name"], "new slug"),
                                         (["delta", "x"], "no such section")])
def test_brief_rename_refuses_and_changes_nothing(mini, args, words):
    root, env = mini
    before = (root / "brief.yml").read_text(encoding="utf-8")
    result = run_brief("rename", *args, env_extra=env, cwd=root)
    assert result.returncode == 2 and words in result.stderr and "Traceback" not in result.stderr
    assert (root / "brief.yml").read_text(encoding="utf-8") == before
    assert (root / "notebooks" / "02_beta.ipynb").exists()


def test_a_page_opened_after_a_failed_rebuild_is_told_of_the_failure():
    from helpers.pipeline.preview import Events

    events = Events()
    assert events.wait(events.first_seen(), timeout=0.01)[1] == ""  # nothing yet: a new page just waits
    events.send("failed", "brief: section alpha: ...")
    assert events.wait(events.first_seen(), timeout=0.01)[1:] == ("failed", "brief: section alpha: ...")
    events.send("reload")
    version = events.first_seen()
    assert version == events.version  # after a good rebuild a new page has nothing to catch up on


def test_a_brief_over_the_limits_is_warned_of_on_every_build(mini):
    root, env = mini
    manifest = root / "brief.yml"
    manifest.write_text(manifest.read_text(encoding="utf-8") + "style:\n  limits: {brief_words: 50}\n", encoding="utf-8")
    first = run_brief("build", "--no-pdf", env_extra=env, cwd=root)
    again = run_brief("build", "--no-pdf", env_extra=env, cwd=root)
    assert first.returncode == again.returncode == 0, first.stderr + again.stderr
    for result in (first, again):
        assert "over the house limit of 50" in result.stderr and "brief_words" in result.stderr
    assert not list((root / "output").glob("over-limits*")), "the verdict is the cache's, not a published file"


@pytest.mark.parametrize("change, words", [
    (lambda t: t.replace("subtitle:", "subtilte:"), ["unknown key 'subtilte'", "subtitle"]),
    (lambda t: t + "colour: blue\n", ["unknown key 'colour'"]),
    (lambda t: t.replace("    data: [sources, administrations, events]", "    dta: [sources, administrations, events]"),
     ["section 1", "unknown key 'dta'", "data"]),
    (lambda t: t + "  - notebook: notebooks/01_alpha.ipynb\n", ["section 3", "01_alpha.ipynb", "second time"]),
    (lambda t: t.replace("title: Mini brief", 'title: "  "'), ["title", "blank"]),
])
def test_a_mistake_in_brief_yml_is_named_not_ignored(mini, change, words):
    root, _ = mini
    manifest = root / "brief.yml"
    manifest.write_text(change(manifest.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(UsageError) as error:
        load_manifest(manifest)
    for word in words:
        assert word in str(error.value), str(error.value)


def test_a_missing_notebook_whose_script_is_there_is_named_with_the_way_back(mini):
    root, _ = mini
    import jupytext

    notebook = root / "notebooks" / "01_alpha.ipynb"
    jupytext.write(jupytext.read(notebook), notebook.with_suffix(".py"), fmt="py:percent")
    notebook.unlink()
    with pytest.raises(UsageError) as error:
        load_manifest(root / "brief.yml")
    assert "01_alpha.ipynb" in str(error.value) and "jupytext --to ipynb" in str(error.value)


def test_an_only_build_says_the_publications_beside_it_are_older(mini):
    root, env = mini
    assert run_brief("build", "--no-pdf", env_extra=env, cwd=root).returncode == 0
    result = run_brief("build", "--only", "alpha", "--no-pdf", env_extra=env, cwd=root)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "output/brief.html" in result.stderr and "build without --only" in result.stderr
