"""`brief new`: a new section notebook from the template, added to brief.yml.

The title is text, never code or markup: it must be one line; it goes into the notebook's Python as a string
literal (repr) and into its Markdown with every Markdown and template character escaped.
"""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from .. import paths
from ..paths import TEMPLATES_DIR
from .manifest import UsageError, find_sections, load_manifest

MAX_TITLE = 120
SLUG = re.compile(r"[a-z][a-z0-9_]{0,39}")
RESERVED_SLUGS = {"summary", "references", "contents", "toc", "key_numbers", "method", "brief", "report"}
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_\[\]#!<>|~&])")  # what could make emphasis, a link, a tag or code


def slug_of(title: str) -> str:
    """A notebook slug from a title: ASCII letters and digits joined by '_', at most 40 characters."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "_", ascii_title.lower()).strip("_")
    slug = slug[:40].rstrip("_")
    if slug and not slug[0].isalpha():
        slug = f"s_{slug}"[:40].rstrip("_")
    return slug or "section"


def check_title(title: str) -> str:
    title = (title or "").strip()
    if not title:
        raise UsageError('brief new: the title is empty; give the question the section answers, e.g. brief new "Japan and NATO compared"')
    if any(unicodedata.category(c).startswith("C") for c in title):
        raise UsageError("brief new: the title must be one line of plain text (no line breaks, tabs or control characters)")
    if len(title) > MAX_TITLE:
        raise UsageError(f"brief new: the title has {len(title)} characters; keep it to {MAX_TITLE} or fewer")
    return title


def markdown_text(title: str) -> str:
    """The title as Markdown template text that shows exactly these characters: Markdown punctuation escaped, and
    braces put in as template values, so `{{` or `{%` in a title can never run as template code."""
    escaped = _MARKDOWN_PUNCTUATION.sub(r"\\\1", title)
    return re.sub(r"[{}]", lambda m: '{{ "%s" }}' % m.group(0), escaped)


def new_section(title: str, slug: str | None = None, before: str | None = None) -> Path:
    """Write notebooks/NN_slug.py and .ipynb (paired) and add the notebook to brief.yml (at the end, or before the
    section named by `before`)."""
    import jupytext

    title = check_title(title)
    manifest = load_manifest()
    if slug is not None and not SLUG.fullmatch(slug):
        raise UsageError(f"--slug {slug!r}: expected lower-case letters, digits and '_', starting with a letter, at most "
                         "40 characters (e.g. japan_compared)")
    slug = slug or slug_of(title)
    if slug in RESERVED_SLUGS:
        raise UsageError(f"brief new: the slug {slug!r} is reserved for a part of the page; choose another with --slug")
    for spec in manifest.sections:
        if spec.slug == slug:
            raise UsageError(f"brief new: a section with the slug {slug!r} exists already ({spec.notebook.name}); "
                             "choose another with --slug")
        if _section_title(spec.notebook).casefold() == title.casefold():
            raise UsageError(f"brief new: {spec.notebook.name} has this title already; give the new section its own")
    anchor = find_sections(manifest, [before])[0] if before else None
    numbers = [int(m.group(1)) for p in paths.notebooks_dir().glob("*.ipynb") if (m := re.match(r"(\d+)_", p.name))]
    number = max(numbers, default=0) + 1
    notebook = paths.notebooks_dir() / f"{number:02d}_{slug}.ipynb"
    if notebook.exists() or notebook.with_suffix(".py").exists():
        raise UsageError(f"brief new: {notebook.name} exists already")
    source = (TEMPLATES_DIR / "new_section.py").read_text(encoding="utf-8")
    source = (source.replace("{{TITLE_MARKDOWN}}", markdown_text(title)).replace("{{TITLE_PYTHON}}", repr(title))
              .replace("{{SLUG}}", slug).replace("{{NUMBER}}", str(number)))
    script = notebook.with_suffix(".py")
    script.write_text(source, encoding="utf-8")
    jupytext.write(jupytext.reads(source, fmt="py:percent"), notebook, fmt="ipynb")
    _add_to_manifest(notebook, anchor)
    return notebook


def _section_title(notebook: Path) -> str:
    """A section's title as written in its first heading (template marks left as they are)."""
    import json

    try:
        cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    except (OSError, ValueError, KeyError):
        return ""
    for cell in cells:
        if cell.get("cell_type") == "markdown":
            match = re.search(r"^#\s+(.+)$", "".join(cell.get("source", [])), flags=re.M)
            if match:
                return re.sub(r"\\(.)", r"\1", match.group(1)).strip()
    return ""


def _add_to_manifest(notebook: Path, before) -> None:
    """Edit brief.yml as text, so its comments and layout stay as the analyst wrote them."""
    manifest_file = paths.manifest_path()
    lines = manifest_file.read_text(encoding="utf-8").rstrip("\n").split("\n")
    entry = f"  - notebook: notebooks/{notebook.name}"
    if before is None:
        lines.append(entry)
    else:
        target = f"notebooks/{before.notebook.name}"
        index = next(i for i, line in enumerate(lines) if line.strip().endswith(target) and "notebook:" in line)
        lines.insert(index, entry)
    manifest_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
