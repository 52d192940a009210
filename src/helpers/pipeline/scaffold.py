"""`brief new`: a new section notebook from the template, added to brief.yml; `brief rename`: a new slug for one.

The title is text, never code or markup: it must be one line, and it goes into the notebook's first heading with every
Markdown and template character escaped (the section's title is that heading).
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
    slug = slug or slug_of(title)
    check_new_slug(slug, manifest)
    for spec in manifest.sections:
        if _section_title(spec.notebook).casefold() == title.casefold():
            raise UsageError(f"brief new: {spec.notebook.name} has this title already; give the new section its own")
    anchor = find_sections(manifest, [before], "--before")[0] if before else None
    numbers = [int(m.group(1)) for p in paths.notebooks_dir().glob("*.ipynb") if (m := re.match(r"(\d+)_", p.name))]
    number = max(numbers, default=0) + 1
    notebook = paths.notebooks_dir() / f"{number:02d}_{slug}.ipynb"
    if notebook.exists() or notebook.with_suffix(".py").exists():
        raise UsageError(f"brief new: {notebook.name} exists already")
    source = (TEMPLATES_DIR / "new_section.py").read_text(encoding="utf-8")
    as_of = str(manifest.parameters.get("as_of") or "")
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", as_of):
        raise UsageError("brief new: brief.yml needs parameters: as_of: \"YYYY-MM-DD\" (the evidence cut-off) for the "
                         "new section's default")
    source = (source.replace("{{TITLE_MARKDOWN}}", markdown_text(title)).replace("{{SLUG}}", slug)
              .replace("{{NUMBER}}", str(number)).replace("{{AS_OF}}", as_of))
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


def check_new_slug(slug: str, manifest, what: str = "brief new", label: str = "--slug") -> None:
    """A slug that is well formed, not reserved for a part of the page and not taken by another section."""
    if not SLUG.fullmatch(slug or ""):
        raise UsageError(f"{what}: {label} {slug!r}: expected lower-case letters, digits and '_', starting with a letter, "
                         "at most 40 characters (e.g. japan_compared)")
    if slug in RESERVED_SLUGS:
        raise UsageError(f"{what}: the slug {slug!r} is reserved for a part of the page; choose another")
    for spec in manifest.sections:
        if spec.slug == slug:
            raise UsageError(f"{what}: a section with the slug {slug!r} exists already ({spec.notebook.name})")


# Where a section's slug is written in the project: its Section(...) call, links to it from other sections, and the
# section column of data/conflicts.csv (which section discusses a disagreement).
def _slug_patterns(old: str) -> list[re.Pattern]:
    quoted = rf"""(?P<q>["']){re.escape(old)}(?P=q)"""
    return [re.compile(rf"(\bslug\s*=\s*){quoted}"), re.compile(rf"(\bsection_link\(\s*){quoted}"),
            re.compile(rf"""(\bsection\s*=\s*){quoted}""")]


def _replace_slug(text: str, old: str, new: str) -> str:
    for pattern in _slug_patterns(old):
        text = pattern.sub(lambda m: f"{m.group(1)}{m.group('q')}{new}{m.group('q')}", text)
    return text


def rename_section(wanted: str, new_slug: str) -> list[Path]:
    """`brief rename SECTION NEW_SLUG`: the notebook pair keeps its number and takes the new slug; brief.yml, the
    section's own Section(...) call, every section_link("old") in the notebooks and data/conflicts.csv follow.
    Returns the files changed. Nothing is changed when the new name is refused."""
    import csv
    import io

    import jupytext

    from .pairs import sync_pairs

    manifest = load_manifest()
    spec = find_sections(manifest, [wanted], "brief rename")[0]
    check_new_slug(new_slug, manifest, what="brief rename", label="new slug")
    # A pair edited on one side is synced first, so that the rename starts from the half edited last.
    sync_pairs(sorted(paths.notebooks_dir().glob("*.ipynb")), paths.output_dir() / ".cache" / "pairs.json",
               say=lambda line: None)
    old = spec.slug
    prefix = re.match(r"(\d+_)", spec.name)
    new_name = f"{prefix.group(1) if prefix else ''}{new_slug}"
    old_ipynb = spec.notebook
    new_ipynb = old_ipynb.with_name(f"{new_name}.ipynb")
    for target in (new_ipynb, new_ipynb.with_suffix(".py")):
        if target.exists():
            raise UsageError(f"brief rename: {target.name} exists already")
    changed: list[Path] = []

    # The notebooks: every section may link to the renamed one; both halves of a pair are written together.
    for ipynb in sorted(paths.notebooks_dir().glob("*.ipynb")):
        notebook = jupytext.read(ipynb)
        edited = False
        for cell in notebook.cells:
            source = _replace_slug(cell.source, old, new_slug)
            edited |= source != cell.source
            cell.source = source
        target = new_ipynb if ipynb == old_ipynb else ipynb
        if edited or target != ipynb:
            jupytext.write(notebook, target, fmt="ipynb")
            if ipynb.with_suffix(".py").exists():
                jupytext.write(notebook, target.with_suffix(".py"), fmt="py:percent")
            changed += [target] + ([target.with_suffix(".py")] if ipynb.with_suffix(".py").exists() else [])
    for stale in (old_ipynb, old_ipynb.with_suffix(".py")):
        if stale.exists():
            stale.unlink()

    # brief.yml, edited as text so that its comments and layout stay.
    manifest_file = paths.manifest_path()
    text = manifest_file.read_text(encoding="utf-8")
    manifest_file.write_text(text.replace(f"notebooks/{old_ipynb.name}", f"notebooks/{new_ipynb.name}"), encoding="utf-8")
    changed.append(manifest_file)

    # data/conflicts.csv: the section that discusses each disagreement.
    conflicts = paths.data_dir() / "conflicts.csv"
    if conflicts.exists():
        raw = conflicts.read_text(encoding="utf-8-sig")
        rows = list(csv.reader(io.StringIO(raw)))
        column = rows[0].index("section") if rows and "section" in rows[0] else None
        if column is not None and any(r[column] == old for r in rows[1:] if len(r) > column):
            for row in rows[1:]:
                if len(row) > column and row[column] == old:
                    row[column] = new_slug
            buffer = io.StringIO()
            csv.writer(buffer, lineterminator="\r\n" if "\r\n" in raw else "\n").writerows(rows)
            conflicts.write_text(buffer.getvalue(), encoding="utf-8")
            changed.append(conflicts)

    # Pages published under the old name would outlive it (a full build replaces their folders, an --only build adds).
    published = paths.output_dir()
    for stale in (published / "sections" / f"{old}.html", published / "notebooks" / f"{old_ipynb.stem}.html",
                  published / "notebooks" / f"{old_ipynb.stem}.ipynb"):
        if stale.exists():
            stale.unlink()
    return changed
