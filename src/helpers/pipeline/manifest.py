"""brief.yml (the manifest) and the parameters each section receives."""
from __future__ import annotations

import difflib
import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import yaml

from .. import paths


class UsageError(Exception):
    """A mistake in how the brief was asked to build (manifest, parameters, options); no traceback."""


@dataclass
class SectionSpec:
    notebook: Path
    number: int
    data: list[str] | None
    parameters: dict = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.notebook.stem

    @property
    def slug(self) -> str:
        return re.sub(r"^\d+_", "", self.notebook.stem)

    @property
    def file_number(self) -> str | None:
        """The number in the notebook's file name as written ('02' for 02_administrations), or None."""
        found = re.match(r"(\d+)_", self.name)
        return found.group(1) if found else None


@dataclass
class Manifest:
    meta: dict
    parameters: dict
    sections: list[SectionSpec]
    root: Path
    style: dict = field(default_factory=dict)


class _PlainLoader(yaml.SafeLoader):
    """YAML without anchors and aliases: brief.yml and parameter files never need them, and an alias bomb (a few
    lines that expand to billions of items) would otherwise run the build out of memory."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(None, None, "aliases (*name) are not allowed here; write the value out",
                                              event.start_mark)
        return super().compose_node(parent, index)


MAX_YAML_BYTES = 1_000_000


def read_yaml(path: Path, what: str):
    """A YAML file as plain data, with a message naming the file and line on any problem."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise UsageError(f"{what}: no such file") from None
    except UnicodeDecodeError:
        raise UsageError(f"{what}: not UTF-8 text") from None
    if len(text) > MAX_YAML_BYTES:
        raise UsageError(f"{what}: {len(text):,} characters; a manifest or parameter file is at most {MAX_YAML_BYTES:,}")
    try:
        return yaml.load(text, Loader=_PlainLoader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise UsageError(f"{what}: not valid YAML{where} ({getattr(err, 'problem', None) or err})") from None


def load_manifest(path: Path | None = None) -> Manifest:
    path = path or paths.manifest_path()
    try:
        raw = read_yaml(path, str(path)) or {}
    except UsageError as err:
        if not path.exists():
            raise UsageError(f"{path}: the manifest is missing") from None
        raise err
    if not isinstance(raw, dict):
        raise UsageError(f"{path}: expected a mapping (title:, parameters:, sections:)")
    _refuse_unknown(raw, MANIFEST_KEYS, f"{path.name}")
    root = path.parent
    sections = []
    for number, item in enumerate(raw.get("sections") or [], start=1):
        if isinstance(item, str):
            item = {"notebook": item}
        if not isinstance(item, dict) or not isinstance(item.get("notebook"), str):
            raise UsageError(f"{path.name}: section {number}: expected 'notebook: notebooks/NN_name.ipynb' (and data:, parameters:)")
        _refuse_unknown(item, SECTION_KEYS, f"{path.name}: section {number}")
        notebook = root / item["notebook"]
        if not notebook.exists():
            pair = notebook.with_suffix(".py")
            hint = (f"; its script {pair.relative_to(root)} is there: make it with `jupytext --to ipynb {pair.relative_to(root)}`"
                    if pair.exists() else "")
            raise UsageError(f"{path.name}: section {number} names {item['notebook']}, which does not exist{hint}")
        if any(s.notebook.resolve() == notebook.resolve() for s in sections):
            raise UsageError(f"{path.name}: section {number} lists {item['notebook']} a second time; each notebook is one section")
        sections.append(SectionSpec(notebook, number, item.get("data"), item.get("parameters") or {}))
    if not sections:
        raise UsageError(f"{path.name}: no sections listed")
    meta = check_meta({k: v for k, v in raw.items() if k not in ("sections", "parameters", "style")}, path.name)
    parameters = raw.get("parameters") or {}
    if not isinstance(parameters, dict):
        raise UsageError(f"{path.name}: parameters: expected a mapping of names to values")
    from ..writing.style import StyleError, resolve

    try:
        style = resolve(raw.get("style"))
    except StyleError as error:
        raise UsageError(str(error)) from None
    return Manifest(meta, parameters, sections, root, style)


TEXT_FIELDS = ("title", "subtitle", "short_title", "authors", "variant", "series", "language", "url", "publisher")
REQUIRED_TEXT = ("title",)  # printed as the publications' heading: never blank
MANIFEST_KEYS = (*TEXT_FIELDS, "edition", "abbreviations", "parameters", "sections", "style")
SECTION_KEYS = ("notebook", "data", "parameters")


def _refuse_unknown(raw: dict, known: tuple, where: str) -> None:
    """A misspelt key would otherwise be ignored silently (a subtitle lost, parameters never set)."""
    for key in raw:
        if key not in known:
            close = difflib.get_close_matches(str(key), known, n=1)
            hint = f"; did you mean '{close[0]}'?" if close else f"; valid: {', '.join(known)}"
            raise UsageError(f"{where}: unknown key '{key}'{hint}")


def check_meta(meta: dict, where: str = "brief.yml") -> dict:
    """The brief's metadata (brief.yml, or `brief:` in a parameter file): text fields are text, the edition a date."""
    meta = dict(meta)
    for key in TEXT_FIELDS:
        if key in meta and not isinstance(meta[key], str):
            raise UsageError(f"{where}: {key}: {meta[key]!r} should be text (in quotes if it looks like a number or date)")
    for key in REQUIRED_TEXT:
        if key in meta and not meta[key].strip():
            raise UsageError(f"{where}: {key}: blank; the publications print it as their heading")
    edition = meta.get("edition", "")
    if isinstance(edition, (date, datetime)):
        edition = edition.isoformat()[:10]
    if not isinstance(edition, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", edition):
        raise UsageError(f"{where}: edition: {edition!r} is not a date; expected YYYY-MM-DD in quotes, e.g. \"2026-11-25\"")
    try:
        date.fromisoformat(edition)
    except ValueError:
        raise UsageError(f"{where}: edition: {edition!r} is not a real calendar date (month 01-12, day within the month)") from None
    meta["edition"] = edition
    abbreviations = meta.get("abbreviations", {})
    if abbreviations is None:
        abbreviations = {}
    if not isinstance(abbreviations, dict) or not all(
            isinstance(k, str) and isinstance(v, str) and v.strip() for k, v in abbreviations.items()):
        raise UsageError(f"{where}: abbreviations: expected one line per abbreviation, e.g. 'NAC: North Atlantic Council'")
    meta["abbreviations"] = abbreviations
    return meta


def find_sections(manifest: Manifest, wanted: list[str], option: str = "--only") -> list[SectionSpec]:
    """Sections by slug, notebook name or the number in the notebook's file name ('administrations',
    '02_administrations', '02' or '2' for notebooks/02_administrations.ipynb). The number is the file's own, not the
    position in brief.yml, so moving a section in brief.yml never changes what `--only 02` builds; a number that two
    files share is refused as ambiguous."""
    chosen = []
    for name in wanted:
        text = str(name).strip()
        hits = [s for s in manifest.sections if text in (s.name, s.slug, s.notebook.name)]
        if not hits and text.isdigit():
            hits = [s for s in manifest.sections if s.file_number and int(s.file_number) == int(text)]
            if len(hits) > 1:
                raise UsageError(f"{option} {text}: ambiguous, {len(hits)} notebooks have that number "
                                 f"({', '.join(s.name for s in hits)}); give the slug instead")
        if not hits:
            valid = ", ".join(f"{s.slug} ({s.name})" for s in manifest.sections)
            raise UsageError(f"{option} {text}: no such section; give a slug or the notebook's number: {valid}")
        chosen += [s for s in hits if s not in chosen]
    return chosen


def notebook_parameters(notebook: Path) -> dict[str, dict]:
    """The parameters a notebook declares in its `parameters` cell: name -> {default, type, help}."""
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
            return _parse_parameter_cell(source)
    return {}


_ASSIGN = re.compile(r"^(?P<name>[A-Za-z_]\w*)\s*(?::\s*(?P<annot>[^=]+?))?\s*=\s*(?P<value>.+?)\s*(?:#\s*(?P<help>.*))?$")


def _parse_parameter_cell(source: str) -> dict[str, dict]:
    """Same idea as papermill's --help-notebook, without importing papermill (keeps `brief list` fast)."""
    import ast

    found = {}
    for line in source.splitlines():
        match = _ASSIGN.match(line.strip())
        if not match:
            continue
        text = match["value"]
        help_text = (match["help"] or "").strip()
        try:
            value = ast.literal_eval(text)
        except (ValueError, SyntaxError):
            value, help_text = text, help_text  # an expression: shown as written
        found[match["name"]] = {"default": value, "type": type(value).__name__, "help": help_text}
    return found


def parse_cli_value(text: str):
    """`-p NAME VALUE` values are YAML, so lists ([Moon, Yoon]) and dates work."""
    try:
        return yaml.safe_load(text)
    except (yaml.YAMLError, ValueError):  # e.g. 2024-02-30 looks like a date but is none: checked later
        return text


def _normalise(value):
    if isinstance(value, (date, datetime)):
        return value.isoformat()[:10]
    if isinstance(value, (list, tuple)):
        return [_normalise(v) for v in value]
    return value


def check_value(name: str, value, declared: dict):
    """Coerce and check one value against the notebook's default; dates are checked as dates."""
    value = _normalise(value)
    default = declared["default"]
    if name == "as_of" or name.endswith("_date"):
        try:
            date.fromisoformat(str(value))
        except ValueError:
            raise UsageError(f"parameter {name}: {value!r} is not a date; expected YYYY-MM-DD, e.g. 2025-01-31") from None
        return str(value)
    if isinstance(default, bool) and not isinstance(value, bool):
        raise UsageError(f"parameter {name}: {value!r} should be true or false")
    if isinstance(default, list) and isinstance(value, str):
        return [value]
    if isinstance(default, list) and not isinstance(value, list):
        raise UsageError(f"parameter {name}: {value!r} should be a list, e.g. [Moon Jae-in, Yoon Suk-yeol]")
    if isinstance(default, (int, float)) and not isinstance(default, bool) and (isinstance(value, bool) or not isinstance(value, (int, float))):
        raise UsageError(f"parameter {name}: {value!r} should be a number")
    if isinstance(default, str) and not isinstance(value, str):
        return str(value)
    return value


def resolve_parameters(manifest: Manifest, overrides: dict) -> dict[str, dict]:
    """Each section's parameters: manifest globals < section defaults in brief.yml < overrides.

    A global is given only to sections that declare it; a name no section declares is an error that
    suggests the nearest valid name.
    """
    declared = {s.name: notebook_parameters(s.notebook) for s in manifest.sections}
    all_names = sorted({n for params in declared.values() for n in params})
    for name in list(manifest.parameters) + list(overrides):
        if name not in all_names:
            near = difflib.get_close_matches(name, all_names, n=1)
            hint = f" Did you mean '{near[0]}'?" if near else ""
            raise UsageError(f"unknown parameter '{name}'.{hint} Valid parameters: {', '.join(all_names)} (see `brief list`)")
    resolved = {}
    for spec in manifest.sections:
        params = {}
        for source in (manifest.parameters, spec.parameters, overrides):
            for name, value in source.items():
                if name in declared[spec.name]:
                    params[name] = check_value(name, value, declared[spec.name][name])
                elif source is spec.parameters:
                    raise UsageError(f"brief.yml: section {spec.name} sets '{name}', which the notebook does not declare")
        resolved[spec.name] = params
    return resolved


def load_parameter_file(path: Path) -> tuple[dict, dict]:
    """A -f file: parameter values at the top level, and optional brief metadata under `brief:`."""
    raw = read_yaml(path, f"-f {path}") or {}
    if not isinstance(raw, dict):
        raise UsageError(f"-f {path}: expected a mapping of parameter names to values")
    meta = raw.pop("brief", None) or {}
    if not isinstance(meta, dict):
        raise UsageError(f"-f {path}: brief: expected a mapping (name:, variant:, subtitle: ...)")
    _refuse_unknown(meta, ("name", "edition", *TEXT_FIELDS), f"-f {path}: brief")
    return raw, meta


def digest(*parts) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part if isinstance(part, bytes) else json.dumps(part, sort_keys=True, default=str).encode())
        h.update(b"\0")
    return h.hexdigest()[:20]
