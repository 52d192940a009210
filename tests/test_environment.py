"""The conda environment and pyproject.toml list the same packages."""
import re
import tomllib

import yaml

from conftest import ROOT


def _names(specs):
    return {re.split(r"[<>=!~ \[]", s, maxsplit=1)[0].strip().lower() for s in specs}


def test_environment_yml_matches_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = _names(project["dependencies"]) | _names(project["optional-dependencies"]["dev"])
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    listed = _names(d for d in env["dependencies"] if isinstance(d, str)) - {"python", "pip"}
    assert listed == wanted, f"only in environment.yml: {listed - wanted}; only in pyproject: {wanted - listed}"


def test_build_dependencies_exclude_authoring_tools():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert "jupyterlab" not in _names(project["dependencies"])


def test_skipping_the_iri_grammars_leaves_notebook_checks_working():
    """`brief` marks rfc3987_syntax absent (cli.skip_unused_grammars) to save its import: notebooks must still read,
    validate and pair as before, and the package must not be imported."""
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from helpers.pipeline.cli import skip_unused_grammars\n"
        "skip_unused_grammars()\n"
        "import jupytext, nbformat\n"
        "nb = jupytext.read(sys.argv[1])\n"
        "nbformat.validate(nb)\n"
        "bad = nbformat.v4.new_notebook(); bad.cells.append({'cell_type': 'nonsense'})\n"
        "try:\n"
        "    nbformat.validate(bad)\n"
        "except nbformat.ValidationError:\n"
        "    pass\n"
        "else:\n"
        "    raise SystemExit('an invalid notebook passed validation')\n"
        "assert sys.modules.get('rfc3987_syntax') is None, 'rfc3987_syntax was imported'\n"
    )
    notebook = sorted((ROOT / "notebooks").glob("*.py"))[0]
    done = subprocess.run([sys.executable, "-c", script, str(notebook)], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-2000:]
