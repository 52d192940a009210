"""`brief new`: a new section notebook from the template, added to brief.yml."""
from __future__ import annotations

import re
from pathlib import Path

from .. import paths
from .manifest import load_manifest
from ..paths import TEMPLATES_DIR


def slug_of(title: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "_", title.lower()).strip("_")
    return slug[:40].rstrip("_") or "section"


def new_section(title: str) -> Path:
    """Write notebooks/NN_slug.py and .ipynb (paired) and append the notebook to brief.yml."""
    import jupytext

    manifest = load_manifest()
    numbers = [int(m.group(1)) for s in manifest.sections if (m := re.match(r"(\d+)_", s.notebook.name))]
    number = max(numbers, default=0) + 1
    slug = slug_of(title)
    notebook = paths.notebooks_dir() / f"{number:02d}_{slug}.ipynb"
    if notebook.exists():
        raise FileExistsError(f"{notebook} exists already")
    source = (TEMPLATES_DIR / "new_section.py").read_text(encoding="utf-8")
    source = source.replace("{{TITLE}}", title.replace('"', "'")).replace("{{SLUG}}", slug).replace("{{NUMBER}}", str(number))
    script = notebook.with_suffix(".py")
    script.write_text(source, encoding="utf-8")
    jupytext.write(jupytext.reads(source, fmt="py:percent"), notebook, fmt="ipynb")
    manifest_file = paths.manifest_path()
    text = manifest_file.read_text(encoding="utf-8").rstrip("\n")
    text += f"\n  - notebook: notebooks/{notebook.name}\n"
    manifest_file.write_text(text, encoding="utf-8")
    return notebook
