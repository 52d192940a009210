"""Rebuilds cost only what changed: content-hash cache keys per section (issue: fast rebuilds)."""
import re

from conftest import run_brief


def _executed(stdout: str) -> set[str]:
    return set(re.findall(r"^\s+(\S+)\s+executed in", stdout, flags=re.M))


def _cached(stdout: str) -> set[str]:
    return set(re.findall(r"^\s+(\S+)\s+cached$", stdout, flags=re.M))


def test_unchanged_rebuild_executes_nothing(mini):
    root, env = mini
    first = run_brief("build", "--no-pdf", "--force", env_extra=env, cwd=root)
    assert first.returncode == 0, first.stderr
    assert _executed(first.stdout) == {"01_alpha", "02_beta"}
    again = run_brief("build", "--no-pdf", env_extra=env, cwd=root)
    assert again.returncode == 0, again.stderr
    assert _executed(again.stdout) == set()
    assert _cached(again.stdout) == {"01_alpha", "02_beta"}


def test_data_change_reexecutes_exactly_the_sections_that_read_it(mini):
    root, env = mini
    assert run_brief("build", "--no-pdf", env_extra=env, cwd=root).returncode == 0
    summits = root / "data" / "summits.csv"
    summits.write_text(summits.read_text(encoding="utf-8").replace("Madrid", "Madrid ", 1), encoding="utf-8")
    again = run_brief("build", "--no-pdf", env_extra=env, cwd=root)
    assert again.returncode == 0, again.stderr
    assert _executed(again.stdout) == {"02_beta"}
    assert _cached(again.stdout) == {"01_alpha"}


def test_notebook_edit_reexecutes_only_that_section(mini):
    root, env = mini
    assert run_brief("build", "--no-pdf", env_extra=env, cwd=root).returncode == 0
    notebook = root / "notebooks" / "01_alpha.ipynb"
    notebook.write_text(notebook.read_text(encoding="utf-8").replace("A small section used", "A small section, edited, used"), encoding="utf-8")
    again = run_brief("build", "--no-pdf", env_extra=env, cwd=root)
    assert _executed(again.stdout) == {"01_alpha"}


def test_parameter_change_reexecutes(mini):
    root, env = mini
    assert run_brief("build", "--no-pdf", env_extra=env, cwd=root).returncode == 0
    again = run_brief("build", "--no-pdf", "-p", "as_of", "2021-12-31", env_extra=env, cwd=root)
    assert _executed(again.stdout) == {"01_alpha", "02_beta"}


def test_force_reexecutes_everything(mini):
    root, env = mini
    assert run_brief("build", "--no-pdf", env_extra=env, cwd=root).returncode == 0
    forced = run_brief("build", "--no-pdf", "--force", env_extra=env, cwd=root)
    assert _executed(forced.stdout) == {"01_alpha", "02_beta"}


def test_a_table_read_but_not_declared_stops_the_build_rather_than_go_stale(mini):
    """The cache key hashes the tables a section declares; one it reads without declaring would not re-run it."""
    root, env = mini
    manifest = root / "brief.yml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace("data: [sources, administrations, summits]",
                                                                     "data: [sources, administrations]"), encoding="utf-8")
    result = run_brief("build", "--no-pdf", env_extra=env, cwd=root)
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stdout + result.stderr
    assert "02_beta reads data/summits.csv" in result.stderr and "add summits there" in result.stderr


def test_parameters_without_a_name_build_a_variant_beside_the_default_brief(mini):
    root, env = mini
    assert run_brief("build", "--no-pdf", env_extra=env, cwd=root).returncode == 0
    default = (root / "output" / "brief.html").read_bytes()
    result = run_brief("build", "--no-pdf", "-p", "as_of", "2021-12-31", env_extra=env, cwd=root)
    assert result.returncode == 0, result.stderr
    assert (root / "output" / "brief-as_of-2021-12-31.html").exists()
    assert (root / "output" / "brief.html").read_bytes() == default, "the variant replaced the default brief"
