"""Shared fixtures: the project root, a scratch copy of data/, and one end-to-end build per test session."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BRIEF = [sys.executable, "-m", "helpers.cli"]


def run_brief(*args, env_extra=None, cwd=ROOT, timeout=900) -> subprocess.CompletedProcess:
    env = dict(os.environ, **(env_extra or {}))
    return subprocess.run([*BRIEF, *map(str, args)], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)


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
    result = run_brief("build", "--output", out)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture(scope="session")
def brief_html(built) -> str:
    return (built / "brief.html").read_text(encoding="utf-8")
