"""The parameter matrix: every section executed and rendered (no PDF) across its parameters, its prose checked for
what must never be printed, and each variant's words written to output/matrix/ for a person to read.

    brief matrix                      # all variants, two workers
    brief matrix --only administrations

Invariants checked on every variant (`problems`): no empty citation "()", no empty source line ("Sources: ."), no
unrendered template mark, no "nan"/"None" shown as a value, every quoted phrase verbatim in the quote of a row of
the data, numbers recorded once per key, and no internal label (an id with underscores) in quotation marks.
Variants run on the build's warm kernels and its cache, so a repeat run costs only what changed.
"""
from __future__ import annotations

import calendar
import html
import itertools
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from .. import paths
from .assemble import dangling_references
from .manifest import Manifest, UsageError, resolve_parameters
from .render import RenderedSection


@dataclass
class Variant:
    section: str            # notebook name, e.g. 02_administrations
    label: str              # file-safe name of the variant
    overrides: dict = field(default_factory=dict)


def variants(manifest: Manifest, data_dir: Path, only: list[str] | None = None) -> list[Variant]:
    """The matrix for this brief: each parameter of each section at the values that matter (see docs/adapting.md)."""
    from ..evidence.validate import _read_rows

    admins = _read_rows(data_dir / "administrations.csv")
    names = [a["administration"] for a in sorted(admins, key=lambda a: a["start_date"])]
    latest = max([a.get("end_date") or a["start_date"] for a in admins]
                 + [r["date"] for name in ("events.csv", "summits.csv") if (data_dir / name).exists()
                    for r in _read_rows(data_dir / name)])  # a summit announced ahead can be the latest date
    latest = latest if len(latest) == 10 else None
    cutoffs = ["2004-12-31", "2010-06-30", "2017-05-10", "2022-05-10", "2025-01-31"] + ([latest] if latest else [])
    partners = sorted({r["partner"] for r in _read_rows(data_dir / "summit_participation.csv")})
    declared = {s.name: _declared(s.notebook) for s in manifest.sections}
    out: list[Variant] = []
    for spec in manifest.sections:
        if only and spec.slug not in only and spec.name not in only:
            continue
        params = declared[spec.name]
        out.append(Variant(spec.name, "default"))
        for cutoff in cutoffs:
            out.append(Variant(spec.name, f"as_of-{cutoff}", {"as_of": cutoff}))
        if "administrations" in params:
            for pair in itertools.combinations(names, 2):
                out.append(Variant(spec.name, "admins-" + "-".join(_file(n) for n in pair), {"administrations": list(pair)}))
            if len(names) >= 3:
                out.append(Variant(spec.name, "admins-" + "-".join(_file(n) for n in names[-3:]), {"administrations": names[-3:]}))
        if "until" in params:
            for day in ("2008-12-31", "2012-12-31"):
                out.append(Variant(spec.name, f"until-{day}", {"until": day}))
        if "audience" in params:
            for audience in ("nato", "rok", "general"):
                out.append(Variant(spec.name, f"audience-{audience}", {"audience": audience}))
        if "nato_only" in params:
            for flag in (True, False):
                out.append(Variant(spec.name, f"nato_only-{str(flag).lower()}", {"nato_only": flag}))
        if "partners" in params and len(partners) >= 2:
            korea_first = ["South Korea"] + [p for p in partners if p != "South Korea"][:1]
            out.append(Variant(spec.name, "partners-" + "-".join(_file(p) for p in korea_first), {"partners": korea_first}))
            out.append(Variant(spec.name, "partners-all", {"partners": partners}))
    return out


def _declared(notebook: Path) -> dict:
    from .manifest import notebook_parameters

    return notebook_parameters(notebook)


def _file(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


MONTHS = "|".join(calendar.month_name[1:])


# -- invariants ---------------------------------------------------------------------------------------------------
def visible_text(fragment: str) -> str:
    fragment = re.sub(r"<img\b[^>]*>", " ", fragment)
    fragment = re.sub(r"</(p|h\d|li|tr|figcaption|caption|div)>", "\n", fragment)
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def problems(fragment: str, quotes: list[str]) -> list[str]:
    """What must never be printed, whatever the parameters and data."""
    found = []
    text = visible_text(fragment)
    flat = re.sub(r"\s+", " ", text)
    if re.search(r"\(\s*\)", flat):
        found.append("an empty citation '()'")
    if re.search(r"Sources?:\s*\.", flat):
        found.append("an empty source line")
    for mark in ("{{", "}}", "{%", "%}"):
        if mark in flat:
            found.append(f"an unrendered template mark {mark!r}")
    # A missing value printed as text; "None of the ..." opening a sentence is English, not a missing value.
    for match in re.finditer(r"\b(?:nan|NaN|NaT)\b|\bNone\b(?!\s+(?:of|was|were|is|are|had|has)\b)", flat):
        found.append(f"{match.group(0)!r} shown as a value")
    plain = lambda s: re.sub(r"\s+", " ", s.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')).strip()
    corpus = [plain(q) for q in quotes]
    for phrase in re.findall(r"“([^”]{3,}?)”", flat):
        if "_" in phrase and re.fullmatch(r"[a-z0-9_]+", phrase):
            found.append(f"an internal label in quotation marks: {phrase!r}")
        elif not any(plain(phrase) in q for q in corpus):
            found.append(f"a quotation that is not verbatim in any quote of the data: {phrase[:80]!r}")
    # A day takes "on", a month or year "in": "in 25 June 2025" is a date filter used with the wrong preposition.
    for match in re.finditer(rf"\b[Ii]n \d{{1,2}} (?:{MONTHS})\b|\b[Oo]n (?:{MONTHS}) \d{{4}}\b", flat):
        found.append(f"a date with the wrong preposition: {match.group(0)!r}")
    # A row or note id printed as text (a note's treatment naming another note, a key shown raw); addresses aside.
    for match in re.finditer(r"(?<![\w/.#=-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\w/-]|\.\w)", re.sub(r"\S*://\S*", " ", flat)):
        found.append(f"an internal id shown as text: {match.group(0)!r}")
    keys: dict[str, set[str]] = {}
    for key, shown in re.findall(r'<span\b(?=[^>]*class="num")[^>]*data-key="([^"]+)"[^>]*>(.*?)</span>', fragment):
        keys.setdefault(key, set()).add(shown)
    for key, shown in keys.items():
        if len(shown) > 1:
            found.append(f"number {key} shown as {sorted(shown)}")
    return found


def publication_ends(data_dir: Path) -> dict:
    """Source id -> the last day its publication date can mean (data/sources.csv gives a year, a month or a day)."""
    from ..evidence.validate import publication_dates

    return {source: published.end for source, published in publication_dates(data_dir).items()}


def cited_too_early(fragment: str, as_of, ends: dict) -> list[str]:
    """Sources cited in a variant that were not yet published at its cut-off: a brief dated then could not cite them."""
    from ..evidence.dates import as_date

    cutoff = as_date(as_of)
    late = sorted({s for s in re.findall(r'href="#ref-([a-z0-9_]+)"', fragment) if s in ends and ends[s] > cutoff})
    return [f"a source published after the cut-off {cutoff.isoformat()} is cited: {s}" for s in late]


def all_quotes(data_dir: Path) -> list[str]:
    import csv

    quotes = []
    for table in sorted(Path(data_dir).glob("*.csv")):
        with open(table, encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            for row in reader:
                quotes += [v for k, v in row.items() if k and k.endswith("quote") and v]
                if table.name == "excerpts.csv":
                    quotes.append(row.get("excerpt", ""))
    return quotes


def run(manifest: Manifest, only: list[str] | None = None, workers: int | None = None, out: Path | None = None,
        data_dir: Path | None = None, say=print) -> dict[str, list[str]]:
    """Execute and render every variant; returns {variant file: [problems]} and writes output/matrix/."""
    from . import build as build_module
    from .cache import Store
    from .guard import BuildLock
    from .pairs import sync_pairs

    from .manifest import find_sections

    out = (out or paths.output_dir()).resolve()
    data_dir = (data_dir or paths.data_dir()).resolve()
    if only:  # a slug, a notebook name or the file's number, as for `brief build --only`; an unknown one is refused
        only = [s.name for s in find_sections(manifest, only)]
    todo = variants(manifest, data_dir, only)
    specs = {s.name: s for s in manifest.sections}
    quotes = all_quotes(data_dir)
    ends = publication_ends(data_dir)
    results: dict[str, list[str]] = {}
    target = out / "matrix"
    with BuildLock(out):
        store = Store(out / ".cache")
        # As the build does: the half of a notebook pair edited last wins, so the matrix never runs a stale notebook.
        sync_pairs([s.notebook for s in manifest.sections], store.root / "pairs.json", say)
        data = build_module.data_digests(data_dir)
        helpers, versions = build_module._helpers_digest(), build_module._package_versions()
        order = tuple(s.slug for s in manifest.sections)
        jobs = []
        for variant in todo:
            spec = specs[variant.section]
            try:  # the build's own checks first: a clear refusal is a correct outcome
                params = resolve_parameters(manifest, variant.overrides)[spec.name]
                build_module._check_cutoff({spec.name: params}, data_dir)
            except UsageError as error:
                results[f"{spec.slug}/{variant.label}"] = []
                _write(target, f"{spec.slug}/{variant.label}", f"Refused with this message:\n\n{error}\n")
                continue
            key = build_module.section_key(spec, params, data, helpers, versions, order, manifest.style)
            jobs.append((variant, spec, params, key))
        pending = [(v, s, p, k) for v, s, p, k in jobs if store.get("executed", f"{s.name}-{k}") is None]
        failures = _execute_all(pending, store, data_dir, out, workers, say)
        template_key = build_module._template_key()
        for variant, spec, params, key in jobs:
            name = f"{spec.slug}/{variant.label}"
            if name in failures:
                refused = failures[name].startswith("refused")
                results[name] = [] if refused else [f"failed: {failures[name]}"]
                _write(target, name, f"{'Refused' if refused else 'FAILED'} with this message:\n\n{failures[name]}\n")
                continue
            entry = store.get("executed", f"{spec.name}-{key}")
            rendered = build_module._render_section(spec, entry / "notebook.ipynb", {spec.name: key}, store, template_key)
            fragment = "\n".join(p["html"] for p in rendered["parts"])
            results[name] = problems(fragment, quotes) + (cited_too_early(fragment, params["as_of"], ends) if params.get("as_of") else []) \
                + dangling_references(RenderedSection(**rendered))
            _write(target, name, _as_markdown(rendered, params))
        store.prune()
    # A variant no longer in the matrix (a parameter value dropped, a section renamed) must not be read as current.
    for section in {name.split("/")[0] for name in results}:
        for stale in (target / section).glob("*.md"):
            if f"{section}/{stale.stem}" not in results:
                stale.unlink()
    # With --only, the other sections' results of an earlier run stay in the index: they were not run again.
    target.mkdir(parents=True, exist_ok=True)
    index = target / "index.json"
    kept = {}
    if only and index.exists():
        try:
            kept = json.loads(index.read_text(encoding="utf-8"))
        except ValueError:
            kept = {}
        ran = {specs[name].slug for name in only}
        kept = {name: found for name, found in kept.items() if name.split("/")[0] not in ran}
    index.write_text(json.dumps({**kept, **results}, indent=1, sort_keys=True), encoding="utf-8")
    return results


def _execute_all(pending, store, data_dir, out, workers, say) -> dict[str, str]:
    """Run the variants not in the cache on the build's warm-kernel pool; returns failures by variant."""
    from concurrent.futures import as_completed

    from . import build as build_module

    failures: dict[str, str] = {}
    if not pending:
        return failures
    staging = out / ".staging-matrix"
    staging.mkdir(parents=True, exist_ok=True)
    options = build_module.BuildOptions(workers=workers)
    pool = build_module._start_pool([s for _, s, _, _ in pending], data_dir, staging, options)
    try:
        futures = {}
        for index, (variant, spec, params, key) in enumerate(pending):
            target = staging / f"{index}.ipynb"
            futures[pool.submit(build_module._execute, str(spec.notebook), str(target), params, spec.number, spec.slug,
                                str(spec.notebook.parent))] = (variant, spec, key, target)
        for future in as_completed(futures):
            variant, spec, key, target = futures[future]
            name = f"{spec.slug}/{variant.label}"
            try:
                future.result()
            except Exception as error:
                message = build_module._failure_message(spec, error)
                # A clear refusal of the parameter this variant changed is a correct outcome, and so is one that
                # names the cut-off the variant moved; a default refused for another reason is a failure (a valid
                # partner list refused at an early cut-off, say).
                named = any(f"parameter: {p}" in message for p in variant.overrides)
                by_cutoff = "as_of" in variant.overrides and "as_of" in message.split("bad parameter", 1)[-1]
                refused = "bad parameter" in message and (named or by_cutoff)
                failures[name] = ("refused: " + message) if refused else message
                say(f"  {name:<48} {'refused' if refused else 'FAILED'}")
                continue
            store.put("executed", f"{spec.name}-{key}", {"notebook.ipynb": target}, move=True)
            say(f"  {name:<48} executed")
    finally:
        pool.shutdown(wait=True)
        import shutil

        shutil.rmtree(staging, ignore_errors=True)
    return failures


def _as_markdown(rendered: dict, params: dict) -> str:
    lines = [f"<!-- parameters: {json.dumps(params, sort_keys=True)} -->", ""]
    for part in rendered["parts"]:
        tags = ", ".join(part["tags"]) or "brief and report"
        text = re.sub(r"\n\s*\n+", "\n\n", visible_text(part["html"])).strip()
        if text:
            lines += [f"[{tags}]", text, ""]
    return "\n".join(lines)


def _write(target: Path, name: str, text: str) -> None:
    path = target / f"{name}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
