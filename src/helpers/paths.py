"""Where things live. The project root is resolved once, here, so nothing depends on the current directory."""
from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
TEMPLATES_DIR = PACKAGE_DIR / "templates"
ASSETS_DIR = PACKAGE_DIR / "assets"
FONTS_DIR = ASSETS_DIR / "fonts"


def project_root() -> Path:
    """The repository root: $BRIEF_ROOT if set, else the folder above src/ (editable install, src layout)."""
    if os.environ.get("BRIEF_ROOT"):
        return Path(os.environ["BRIEF_ROOT"]).resolve()
    return PACKAGE_DIR.parent.parent


def data_dir() -> Path:
    """The evidence tables. The build points kernels at another copy through $BRIEF_DATA_DIR."""
    if os.environ.get("BRIEF_DATA_DIR"):
        return Path(os.environ["BRIEF_DATA_DIR"]).resolve()
    return project_root() / "data"


def manifest_path() -> Path:
    return project_root() / "brief.yml"


def notebooks_dir() -> Path:
    return project_root() / "notebooks"


def output_dir() -> Path:
    return project_root() / "output"
