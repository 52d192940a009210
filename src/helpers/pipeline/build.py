"""The build: validate, execute sections (parallel, cached), render, and publish atomically.

Nothing in output/ is replaced until every step has succeeded, so a failed or interrupted build leaves
the last good brief byte-for-byte intact. Heavy libraries are imported only by the step that needs them,
so a no-op rebuild costs little more than hashing the inputs. One build at a time per output folder.
"""
from __future__ import annotations

import contextlib
import functools
import gc
import json
import os
import shutil
import signal
import sys
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from datetime import date
from importlib import metadata
from pathlib import Path

from .. import paths
from .cache import Store
from .guard import BuildLock, active_content, check_output_name, remove_stale_staging
from .manifest import Manifest, SectionSpec, UsageError, digest, find_sections, resolve_parameters

CACHE_VERSION = "2"
VERSIONED_PACKAGES = ("pandas", "matplotlib", "papermill", "nbconvert", "nbformat", "ipykernel", "weasyprint", "mistune",
                      "frictionless", "jinja2")
MAX_FAILED_FILES = 20  # output/failed/ keeps the latest failures only


class SectionFailed(Exception):
    def __init__(self, section: str, message: str, kept: Path | None):
        self.section, self.kept = section, kept
        super().__init__(message)


@dataclass
class BuildResult:
    executed: list[str] = field(default_factory=list)
    cached: list[str] = field(default_factory=list)
    outputs: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    rendered: bool = False


@dataclass
class BuildOptions:
    overrides: dict = field(default_factory=dict)
    meta_overrides: dict = field(default_factory=dict)
    only: list[str] = field(default_factory=list)
    force: bool = False
    name: str = "brief"
    output_dir: Path | None = None
    data_dir: Path | None = None
    workers: int | None = None
    pdf: bool = True
    say: object = functools.partial(print, flush=True)  # progress lines go here
    pool: object = None  # warm kernels to reuse (brief preview); None: the build starts and stops its own


# -- hashing -------------------------------------------------------------------------------------
def _file_digest(path: Path) -> str:
    return digest(path.read_bytes())


def _notebook_digest(path: Path) -> str:
    """Only what changes a result: cell types, sources and tags (not outputs, ids or kernel metadata)."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    cells = [(c["cell_type"], "".join(c["source"]) if isinstance(c["source"], list) else c["source"],
              c.get("metadata", {}).get("tags", [])) for c in nb["cells"]]
    return digest(cells)


def _package_versions() -> dict:
    versions = {"python": sys.version.split()[0]}
    for name in VERSIONED_PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    return versions


def _helpers_digest() -> str:
    files = sorted(p for p in paths.PACKAGE_DIR.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    return digest([(str(p.relative_to(paths.PACKAGE_DIR)), _file_digest(p)) for p in files])


def data_digests(data_dir: Path) -> dict[str, str]:
    return {p.stem: _file_digest(p) for p in sorted(data_dir.iterdir()) if p.suffix in (".csv", ".yaml")}


def section_key(spec: SectionSpec, params: dict, data: dict[str, str], helpers: str, versions: dict,
                order: tuple = (), style: dict | None = None) -> str:
    """Everything that can change a section's executed result. `order` is the sections' slugs in brief.yml order:
    a section may refer to another by its number ("Section 4"), so reordering the brief re-executes them; `style` is
    the house style (chart colours)."""
    used = {k: v for k, v in data.items() if spec.data is None or k in spec.data or k == "datapackage"}
    return digest(CACHE_VERSION, _notebook_digest(spec.notebook), params, used, helpers, versions, spec.number,
                  list(order), style or {})


# -- execution -----------------------------------------------------------------------------------
# Each worker process keeps one warm kernel for the whole build: started (and pandas, matplotlib and the
# helpers imported in it) while the main process validates the data, then reset between sections.
_WORKER: dict = {}
_WARM_UP = "import helpers.pipeline.warm_up"  # imports and first reads every section needs (warm_up.py)


def _die_with_parent() -> None:
    """Linux: this worker gets SIGTERM when the build process ends, however it ends (kill -9 included)."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
        except OSError:
            pass


def _on_worker_term(signum, frame) -> None:
    """Stop this worker's kernel with it: the kernel runs in a session of its own, so no group signal reaches it."""
    manager = _WORKER.get("manager")
    process = getattr(getattr(manager, "provisioner", None), "process", None)
    if process is not None:
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except OSError:
            pass
    os._exit(143)  # kernels papermill started itself see their parent go and exit within a second


def _start_worker(env: dict, cwd: str, log_dir: str) -> None:
    _die_with_parent()
    signal.signal(signal.SIGTERM, _on_worker_term)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the build process decides what an interruption stops
    os.environ.update(env)  # the kernel inherits these (data folder, validation done)
    # Kernel chatter (start-up warnings, library deprecations) goes to a log kept beside a failed notebook.
    log = Path(log_dir) / f"worker-{os.getpid()}.log"
    os.dup2(os.open(log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644), 2)
    # The kernels this worker starts inherit its stdout too: point it at the log, so a kernel that outlives the build
    # (stuck in its own shutdown) never holds the pipe of whoever reads `brief`'s output, which would then wait on it.
    os.dup2(2, 1)
    _WORKER["log"] = log
    try:
        from jupyter_client.blocking import BlockingKernelClient
        from jupyter_client.manager import AsyncKernelManager
        from jupyter_client.utils import run_sync

        manager = AsyncKernelManager(kernel_name="python3")
        # Known before the kernel starts: a SIGTERM that arrives while it is starting (a short build that ends
        # first) must stop it too, or it is left behind, orphaned.
        _WORKER["manager"] = manager
        run_sync(manager.start_kernel)(cwd=cwd)
        client = BlockingKernelClient()
        client.load_connection_info(manager.get_connection_info())
        client.start_channels()
        client.wait_for_ready(timeout=60)
        client.execute_interactive(_WARM_UP, timeout=120, output_hook=lambda msg: None)
        _WORKER["client"] = client
        import multiprocessing.util

        multiprocessing.util.Finalize(None, _stop_worker_kernel, exitpriority=10)
    except Exception as error:  # a warm kernel is an optimisation: fall back to one kernel per section
        manager = _WORKER.pop("manager", None)
        if manager is not None:  # started but not warmed up: stop it rather than leave it behind
            try:
                run_sync(manager.shutdown_kernel)(now=True)
            except Exception:
                pass
        print(f"warm kernel unavailable: {error}", file=sys.stderr)


def _stop_worker_kernel() -> None:
    from jupyter_client.utils import run_sync

    if "client" in _WORKER:
        _WORKER["client"].stop_channels()
        run_sync(_WORKER["manager"].shutdown_kernel)(now=True)


def _execute(notebook: str, target: str, params: dict, number: int, slug: str, cwd: str) -> float:
    """Run one notebook with papermill on this worker's warm kernel; returns seconds taken."""
    from .engine import execute_notebook

    started = time.perf_counter()
    kwargs = {}
    manager = _WORKER.get("manager")
    if manager is not None and "client" in _WORKER:
        from jupyter_client.utils import run_sync

        if run_sync(manager.is_alive)():
            # A clean namespace for each section; imported modules stay loaded (that is the saving).
            reset = (f"%reset -f\nimport os, helpers.writing.section, helpers.pipeline.warm_up\n"
                     f"helpers.pipeline.warm_up.restore()\nhelpers.writing.section.Section.current = None\n"
                     f"os.environ.update(BRIEF_SECTION_NUMBER='{number}', BRIEF_SECTION_SLUG={slug!r}, "
                     f"BRIEF_NOTEBOOK_NAME={Path(notebook).stem!r})\nos.chdir({cwd!r})")
            _WORKER["client"].execute_interactive(reset, timeout=60, output_hook=lambda msg: None)
            kwargs["km"] = manager
    os.environ.update(BRIEF_SECTION_NUMBER=str(number), BRIEF_SECTION_SLUG=slug,  # for a kernel papermill starts
                      BRIEF_NOTEBOOK_NAME=Path(notebook).stem)
    try:
        execute_notebook(notebook, target, params, cwd, **kwargs)
    except BaseException:
        if "log" in _WORKER and Path(_WORKER["log"]).exists():
            shutil.copyfile(_WORKER["log"], target + ".log")
        raise
    return time.perf_counter() - started


def _source_cell_number(error: BaseException) -> int | None:
    """The failing cell's number (1-based) in the section's own notebook: papermill counts the parameters cell it
    injects, so its index is one too high for any cell after the parameters."""
    index = getattr(error, "cell_index", None)
    if index is None:
        return None
    injected = getattr(error, "injected_before", 0)
    return index - injected + 1


def _script_line(notebook: Path, number: int | None) -> int | None:
    """The line of the paired .py script where cell `number` begins (its `# %%` marker): where a text editor opens."""
    script = notebook.with_suffix(".py")
    if number is None or not script.exists():
        return None
    markers = [i for i, line in enumerate(script.read_text(encoding="utf-8").splitlines(), start=1)
               if line.startswith("# %%")]
    return markers[number - 1] if 0 < number <= len(markers) else None


def _failure_message(spec: SectionSpec, error: BaseException) -> str:
    name = spec.name
    ename, evalue = getattr(error, "ename", type(error).__name__), getattr(error, "evalue", str(error))
    source = (getattr(error, "source", "") or "").strip().splitlines()
    number = _source_cell_number(error)
    line = _script_line(spec.notebook, number)
    at_line = f" (line {line} of notebooks/{spec.notebook.with_suffix('.py').name})" if line else ""
    where = "while executing"
    if number is not None:
        where = f"in cell {number} of {spec.notebook.name}{at_line}" + (f" ({source[0][:60]!r})" if source else "")
    if ename == "ParameterError":
        return f"section {name}: bad parameter: {evalue}"
    if ename == "DataError":
        return f"section {name}: the data did not validate {where}: {evalue}"
    if ename == "ProseError":
        return f"section {name}{at_line}: {evalue}"
    return f"section {name} failed {where}: {ename}: {evalue}"


def _worker_count(requested: int | None, jobs: int) -> int:
    return max(1, min(requested or os.cpu_count() or 1, jobs))


# -- the build -----------------------------------------------------------------------------------
def build(manifest: Manifest, options: BuildOptions) -> BuildResult:
    from .pairs import sync_pairs

    check_output_name(options.name)
    out = (options.output_dir or paths.output_dir()).resolve()
    data_dir = (options.data_dir or paths.data_dir()).resolve()
    with BuildLock(out):
        remove_stale_staging(out)
        store = Store(out / ".cache")
        sync_pairs([s.notebook for s in manifest.sections], store.root / "pairs.json", options.say)
        params = resolve_parameters(manifest, options.overrides)
        _check_cutoff(params, data_dir)
        specs = find_sections(manifest, options.only) if options.only else manifest.sections
        result = _build(manifest, options, out, data_dir, params, specs, store)
        store.prune()
        return result


def _check_cutoff(params: dict, data_dir: Path) -> None:
    """as_of must lie between the earliest evidence date and today: before, there is nothing to brief on; after,
    the brief would claim evidence it cannot have."""
    from ..evidence.validate import earliest_date

    cutoffs = {p["as_of"] for p in params.values() if "as_of" in p}
    untils = {str(p["until"]) for p in params.values() if p.get("until")}
    if not cutoffs and not untils:
        return
    earliest, today = earliest_date(data_dir), date.today()
    # `until` ends the period a section tells (empty: up to the cut-off); like as_of, it must be a real day on which
    # the evidence has begun.
    for value in sorted(untils):
        try:
            end = date.fromisoformat(value)
        except ValueError:
            raise UsageError(f"parameter until: {value!r} is not a date; expected YYYY-MM-DD, e.g. 2012-12-31, or leave "
                             "it empty to tell the period up to the cut-off") from None
        if earliest is not None and end < earliest:
            raise UsageError(f"parameter until: {value} is before the earliest evidence ({earliest.isoformat()}, the "
                             f"first dated row in {data_dir.name}/); choose a later date or leave it empty")
    for value in sorted(cutoffs):
        cutoff = date.fromisoformat(value)
        if cutoff > today:
            raise UsageError(f"parameter as_of: {value} is after today ({today.isoformat()}); the evidence cannot reach "
                             "beyond today")
        if earliest is not None and cutoff < earliest:
            raise UsageError(f"parameter as_of: {value} is before the earliest evidence ({earliest.isoformat()}, the "
                             f"first dated row in {data_dir.name}/); choose a date from {earliest.isoformat()} to "
                             f"{today.isoformat()}")


def _build(manifest, options, out, data_dir, params, specs, store) -> BuildResult:
    result = BuildResult()
    data = data_digests(data_dir)
    helpers, versions = _helpers_digest(), _package_versions()
    order = tuple(s.slug for s in manifest.sections)
    keys = {s.name: section_key(s, params[s.name], data, helpers, versions, order, manifest.style) for s in specs}
    executed = {} if options.force else {s.name: e for s in specs if (e := store.get("executed", f"{s.name}-{keys[s.name]}"))}
    todo = [s for s in specs if s.name not in executed]

    staging = out / f".staging-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    (staging / "executed").mkdir(parents=True)
    validation = _start_validation(data_dir, data, store.root)  # first: forked while this process has one thread
    # A preview keeps one pool of warm kernels for all its rebuilds; a build starts its own and stops it after.
    pool = options.pool or (_start_pool(todo, data_dir, staging, options) if todo else None)
    own_pool = options.pool is None
    try:
        _finish_validation(validation)  # meanwhile the workers warm their kernels
        executed = _run_sections(pool, specs, todo, executed, params, keys, store, staging, out / "failed", options, result)
        if pool is not None and own_pool:  # stop the warm kernels before rendering: memory is better spent on the PDF
            pool.shutdown(wait=True)
            pool = None
        rendered = _render(manifest, specs, executed, keys, data_dir, params, store, staging, options, result)
        if not options.only:
            _write_changes(rendered, store, staging, options, result)
        _publish(staging, out, options, result)
    finally:
        if pool is not None and own_pool:
            _stop_pool(pool)
        shutil.rmtree(staging, ignore_errors=True)
    return result


def _stop_pool(pool) -> None:
    """An interrupted or failed build: stop the workers now (each stops its kernel), not after their sections."""
    for process in list(getattr(pool, "_processes", {}).values()):
        if process.is_alive():
            process.terminate()
    pool.shutdown(wait=True, cancel_futures=True)


def start_pool(data_dir: Path, log_dir: Path, workers: int | None = None):
    """A pool of warm kernels that outlives one build (for brief preview)."""
    from ..paths import notebooks_dir

    log_dir.mkdir(parents=True, exist_ok=True)
    count = workers or os.cpu_count() or 1
    spec = SectionSpec(notebooks_dir() / "x.ipynb", 0, None)
    return _start_pool([spec] * count, data_dir, log_dir, BuildOptions(workers=count))


def _start_pool(todo, data_dir: Path, staging: Path, options: BuildOptions):
    import multiprocessing

    env = {"BRIEF_DATA_DIR": str(data_dir), "BRIEF_DATA_VALIDATED": "1", "MPLBACKEND": "svg",
           "PYDEVD_DISABLE_FILE_VALIDATION": "1"}
    workers = _worker_count(options.workers, len(todo))
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"),
                               initializer=_start_worker, initargs=(env, str(todo[0].notebook.parent), str(staging)))
    for _ in range(workers):  # start every worker now, so kernels warm up during validation
        pool.submit(time.sleep, 0)
    return pool


def _start_validation(data_dir: Path, data: dict[str, str], cache: Path):
    """Start validating data/ unless these exact bytes already passed; returns what _finish_validation needs.

    The validation runs in a forked child process: its libraries (frictionless, pandas) are the heaviest the
    build needs, and a child returns all of that memory when it exits, so the main process stays small. It is
    forked before the worker pool exists, while this process has a single thread: forking a process that runs
    other threads can leave the child waiting forever on a lock one of them held.
    """
    stamp = cache / "validated" / digest(data, date.today().isoformat())
    if stamp.exists():
        return None
    import multiprocessing

    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_validate_child, args=(data_dir, send), daemon=True)
    child.start()
    send.close()
    return child, receive, stamp, data_dir


def _finish_validation(pending) -> None:
    """Wait for the validation child; raise DataError listing every problem, or record that the data passed."""
    if pending is None:
        return
    from ..evidence.validate import DataError

    child, receive, stamp, data_dir = pending
    try:
        status, payload = receive.recv()
    except EOFError:
        status, payload = "error", f"the validation process ended unexpectedly (exit code {child.exitcode})"
    finally:
        child.join()
    if status == "error":
        raise RuntimeError(f"validating {data_dir} failed: {payload}")
    if payload:
        raise DataError(payload, data_dir)
    stamp.parent.mkdir(parents=True, exist_ok=True)
    stamp.write_text("ok\n")


def _validate_child(data_dir: Path, send) -> None:
    """In the child: every problem found (a list, empty when the data are valid), or the error that stopped it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        from ..evidence.validate import validate_data

        send.send(("ok", validate_data(data_dir)))
    except BaseException as error:  # reported by the parent, which owns the user-facing message
        send.send(("error", f"{type(error).__name__}: {error}"))
    finally:
        send.close()


def _run_sections(pool, specs, todo, executed, params, keys, store, staging, failed_dir, options, result) -> dict[str, Path]:
    """Execute what is not cached; returns each section's executed notebook (inside its verified cache entry)."""
    executed = {name: entry / "notebook.ipynb" for name, entry in executed.items()}
    for spec in specs:
        if spec not in todo:
            options.say(f"  {spec.name:<28} cached")
            result.cached.append(spec.name)
            _forget_failure(spec, failed_dir)
    if not todo:
        return executed
    failures = []
    futures = {}
    for spec in todo:
        target = staging / "executed" / f"{spec.name}.run.ipynb"
        futures[pool.submit(_execute, str(spec.notebook), str(target), params[spec.name], spec.number, spec.slug,
                            str(spec.notebook.parent))] = (spec, target)
    _preload_renderer()
    template_key = _template_key()
    for future in as_completed(futures):
        spec, target = futures[future]
        try:
            seconds = future.result()
        except Exception as error:  # papermill's error names the cell; keep the notebook to inspect
            failures.append(SectionFailed(spec.name, _failure_message(spec, error), _keep_failed(spec, target, failed_dir)))
            options.say(f"  {spec.name:<28} FAILED")
            continue
        _scrub_timings(target)
        entry = store.put("executed", f"{spec.name}-{keys[spec.name]}", {"notebook.ipynb": target}, move=True)
        executed[spec.name] = entry / "notebook.ipynb"
        _forget_failure(spec, failed_dir)
        result.executed.append(spec.name)
        options.say(f"  {spec.name:<28} executed in {seconds:.1f} s")
        _render_section(spec, executed[spec.name], keys, store, template_key)  # while the other sections still run
    if failures:
        raise failures[0] if len(failures) == 1 else SectionFailed(
            ", ".join(f.section for f in failures), "\n".join(str(f) for f in failures), failures[0].kept)
    return executed


def _scrub_timings(path: Path) -> None:
    """Remove execution times, local paths and the random id papermill gives the cell it injects, and number the cells
    from 1: the same inputs give the same bytes, and nothing published names a folder on the machine that built it."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    for key in ("start_time", "end_time", "duration", "input_path", "output_path"):
        nb.get("metadata", {}).get("papermill", {}).pop(key, None)
    count = 0
    for cell in nb.get("cells", []):
        if cell.get("cell_type") == "code" and cell.get("execution_count") is not None:
            # A warm kernel's counter runs on from the sections it ran before: number the cells from 1, as a
            # fresh kernel would, so the published notebook does not depend on which worker ran it.
            count += 1
            cell["execution_count"] = count
            for output in cell.get("outputs", []):
                if "execution_count" in output:
                    output["execution_count"] = count
        if "injected-parameters" in cell.get("metadata", {}).get("tags", []):
            cell["id"] = "injected-parameters"
        cell.get("metadata", {}).pop("execution", None)
        for key in ("start_time", "end_time", "duration"):
            cell.get("metadata", {}).get("papermill", {}).pop(key, None)
    path.write_text(json.dumps(nb, indent=1, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")


def _keep_failed(spec: SectionSpec, target: Path, failed_dir: Path) -> Path | None:
    """Keep a failed section's notebook (and its kernel log) in output/failed/, which holds the latest failures."""
    failed_dir.mkdir(parents=True, exist_ok=True)
    kept = None
    if target.exists():
        kept = failed_dir / f"{spec.name}.ipynb"
        shutil.copyfile(target, kept)
    if Path(str(target) + ".log").exists():
        shutil.copyfile(str(target) + ".log", failed_dir / f"{spec.name}.log")
    files = sorted((p for p in failed_dir.iterdir() if p.is_file()), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in files[MAX_FAILED_FILES:]:
        old.unlink(missing_ok=True)
    return kept


def _forget_failure(spec: SectionSpec, failed_dir: Path) -> None:
    """A section that now succeeds no longer needs its failed notebook kept."""
    for suffix in (".ipynb", ".log"):
        (failed_dir / f"{spec.name}{suffix}").unlink(missing_ok=True)
    if failed_dir.is_dir() and not any(failed_dir.iterdir()):
        failed_dir.rmdir()


def _check_declared(spec, read) -> None:
    """A section must declare every table it reads: its cache key hashes only those, so a change to an undeclared
    one would leave its published words stale."""
    missing = sorted(set(read) - set(spec.data)) if spec.data is not None else []
    if missing:
        listed = ", ".join(f"data/{name}.csv" for name in missing)
        raise UsageError(f"section {spec.name} reads {listed}, which brief.yml does not list in its data: "
                         f"[{', '.join(spec.data)}]; add {', '.join(missing)} there (a change to a table left out "
                         "would not re-run the section)")


def _render(manifest, specs, executed, keys, data_dir, params, store, staging, options, result):
    """Render sections (cached by executed notebook + templates), then the brief and its PDF.

    Cached sections stay plain dicts so that a no-op rebuild never imports nbconvert, matplotlib or WeasyPrint.
    """
    template_key = _template_key()
    rendered: list[dict] = []
    for spec in specs:
        section = _render_section(spec, executed[spec.name], keys, store, template_key)
        _check_declared(spec, section["findings"].get("tables_read", []))
        result.warnings += section["warnings"]
        rendered.append(section)
        shutil.copyfile(executed[spec.name], staging / "executed" / f"{spec.name}.ipynb")

    meta = _meta(manifest, options, params, specs)
    meta.update(_latest_record(data_dir, meta["as_of"]))
    # Everything that shapes the page files, the output name included (it names the files they are published as).
    page_key = digest(CACHE_VERSION, rendered, meta, template_key, options.pdf, options.only, options.name,
                      _file_digest(data_dir / "sources.csv"), manifest.style,
                      [keys[s.name] for s in specs])  # the executed notebooks are published too
    entry = None if options.force else store.get("pages", page_key)
    if entry is not None:
        _unpack_page(entry, staging, options)
        _warn_over_limits(entry, result)
        return rendered
    from . import downloads
    from .render import RenderedSection, publication_html, read_sources, write_pdf

    sources = read_sources(data_dir)
    sections = [RenderedSection(**s) for s in rendered]
    files: dict[str, str | Path] = {}
    everyone = {s.slug: s.number for s in manifest.sections}
    started = time.perf_counter()
    kinds = {}
    typesetting = None
    if not options.only:
        # The policy brief under the build's name; the full report once, by the default build (a variant is a brief).
        kinds = {"page": "brief"} if options.name != "brief" else {"page": "brief", "report": "report"}
        pdfs = []
        for stem, kind in kinds.items():
            cite = downloads.suggested_citation(meta, kind)
            html = _safe(publication_html(kind, {**meta, "brief_name": options.name, "citation": cite}, sections, sources,
                                          style=manifest.style, all_sections=everyone),
                         f"{options.name if stem == 'page' else stem}.html")
            if stem == "page" and options.name != "brief":  # a variant's data and notebooks live in output/<name>/
                html = html.replace('href="data/', f'href="{options.name}/data/').replace(
                    'href="notebooks/', f'href="{options.name}/notebooks/')
            files[f"{stem}.html"] = html
            files.update(downloads.citation_files(meta, kind, stem))
            if options.pdf:
                pdfs.append((html, staging / f"{stem}.pdf"))
                files[f"{stem}.pdf"] = staging / f"{stem}.pdf"
        # The longest PDF is typeset by a child while this process writes the other pages and the shorter PDF:
        # two cores, two typesetters.
        pdfs.sort(key=lambda job: len(job[0]))
        if pdfs:
            longest, target = pdfs.pop()
            typesetting = _start_child(functools.partial(write_pdf, longest, target, meta), f"typesetting {target.name}")
        for html, target in pdfs:
            with _collector_paused():
                write_pdf(html, target, meta)
    for section in sections:  # one page per section, for `--only` previews (one folder down: links adjusted)
        files[f"sections/{section.slug}.html"] = _one_down(_safe(
            publication_html("report", meta, [section], sources, style=manifest.style, all_sections=everyone),
            f"section {section.slug}"), report="../report.html")
    files.update(downloads.figure_files(rendered))
    for spec in specs:  # the executed notebooks, as pages and as .ipynb
        page = downloads.notebook_page(executed[spec.name], {**meta, "brief_name": options.name})
        files[f"notebooks/{spec.name}.html"] = _one_down(_safe(page, f"notebook {spec.name}"), report="../report.html")
        files[f"notebooks/{spec.name}.ipynb"] = executed[spec.name].read_bytes()  # a copy: the cache keeps its own
    if not options.only:
        files["data/findings.json"] = downloads.findings_file(rendered, meta)
        _cut_tables(data_dir, meta["as_of"], staging / "tables")
        for table in sorted((staging / "tables").iterdir()):
            files[f"data/tables/{table.name}"] = table
        if typesetting is not None:
            typesetting()
        options.say(f"  {'render':<28} {' + '.join(kinds.values())}: html{' + pdf' if options.pdf else ''} in "
                    f"{time.perf_counter() - started:.1f} s")
        # Measured once, when the brief is made, and kept with the page: a no-op rebuild reads the verdict.
        from .measure import over_limits

        pdf = files.get("page.pdf")
        files[OVER_LIMITS] = json.dumps(over_limits(files["page.html"], Path(pdf) if pdf else None,
                                                    manifest.style["limits"], options.name))
    entry = store.put("pages", page_key, files, move=True)
    _unpack_page(entry, staging, options)
    _warn_over_limits(entry, result)
    result.rendered = True
    return rendered


OVER_LIMITS = "over-limits.json"  # kept in the page's cache entry, never published


def _warn_over_limits(entry: Path, result: BuildResult) -> None:
    """A brief longer than the house limits still builds (a draft may run long), but every build says so."""
    found = entry / OVER_LIMITS
    if found.exists():
        result.warnings += json.loads(found.read_text(encoding="utf-8"))


@contextlib.contextmanager
def _collector_paused():
    """Typesetting makes many objects and few cycles: pause the cycle collector while WeasyPrint works. (Not frozen
    here: `brief preview` runs this in a long-lived process, where frozen garbage would never be freed.)"""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _start_child(work, what: str):
    """Start `work()` in a forked child; the returned function waits for it and raises, with the child's error, if it
    failed (a child's traceback would be lost)."""
    import multiprocessing

    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)

    def run() -> None:
        try:
            # A short-lived child makes many objects and few cycles; its memory goes back when it exits, so the cycle
            # collector would only cost time (a second off the report's typesetting, output byte-identical).
            gc.freeze()
            gc.disable()
            work()
        except BaseException as error:
            send.send(f"{type(error).__name__}: {error}")
            raise SystemExit(1)

    child = context.Process(target=run)
    child.start()
    send.close()

    def wait() -> None:
        child.join()
        if child.exitcode != 0:
            reason = receive.recv() if receive.poll() else f"exit code {child.exitcode}"
            if reason.startswith("KeyboardInterrupt"):  # Ctrl-C reached the child too: an interruption, not a failure
                raise KeyboardInterrupt
            raise RuntimeError(f"{what} failed: {reason}")

    return wait


def _one_down(page: str, report: str) -> str:
    """A page published one folder below output/ (sections/, notebooks/): its links to the data, the notebooks and
    the references point back up."""
    page = page.replace('href="data/', 'href="../data/').replace('href="notebooks/', 'href="../notebooks/')
    return page


def _cut_tables(data_dir: Path, as_of: str, target: Path) -> None:
    """The tables as cut at as_of, written by a short-lived child (pandas stays out of this process)."""
    from .downloads import cut_tables

    _start_child(functools.partial(cut_tables, data_dir, as_of, target), f"writing the tables as cut at {as_of}")()


def _safe(html: str, what: str) -> str:
    """Refuse to publish a page that would run code or fetch anything: data must reach the page as text only."""
    found = active_content(html)
    if found:
        raise UsageError(f"{what}: the page would contain {'; '.join(found[:5])}. Text from data/ or a section must not "
                         "become markup; nothing was published")
    return html


def _unpack_page(entry: Path, staging: Path, options: BuildOptions) -> None:
    """Copy a verified page entry into staging under this build's output name."""
    for item in entry.rglob("*"):
        if not item.is_file() or item.name in ("DIGESTS.json", OVER_LIMITS):
            continue
        relative = item.relative_to(entry)
        name = str(relative)
        if name.startswith("page."):
            name = options.name + name[len("page"):]
        target = staging / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(item, target)


def _template_key() -> str:
    """The templates and the code that turns executed notebooks into page files (and measures the brief against
    the house limits): a change to any of them renders again instead of serving a stale page or verdict."""
    code = [paths.PACKAGE_DIR / "pipeline" / name for name in ("render.py", "assemble.py", "measure.py")]
    return digest([(p.name, _file_digest(p)) for p in sorted(paths.TEMPLATES_DIR.rglob("*")) if p.is_file()],
                  [_file_digest(p) for p in code], _file_digest(paths.PACKAGE_DIR / "writing" / "style.py"))


def _render_section(spec: SectionSpec, executed: Path, keys: dict, store: Store, template_key: str) -> dict:
    """One section's HTML fragment and findings, cached by the executed notebook's key and the templates."""
    key = f"{spec.name}-{digest(keys[spec.name], template_key)}"
    entry = store.get("rendered", key)
    if entry is not None:
        try:
            return json.loads((entry / "section.json").read_text(encoding="utf-8"))
        except ValueError:  # cannot happen for a verified entry, but never let the cache stop a build
            shutil.rmtree(entry, ignore_errors=True)
    from .render import render_section

    section = dict(render_section(executed, spec.number).__dict__)
    store.put("rendered", key, {"section.json": json.dumps(section)})
    return section


def _preload_renderer() -> None:
    """Import the rendering libraries while the workers execute: the main process would only be waiting.
    (Not pandas or matplotlib: the renderer does without them, which keeps this process small.)"""
    from . import render  # noqa: F401
    import nbconvert.exporters.html  # noqa: F401
    render.import_weasyprint()


def _meta(manifest: Manifest, options: BuildOptions, params: dict, specs) -> dict:
    from ..evidence.dates import say_date
    from .manifest import check_meta

    meta = dict(manifest.meta)
    meta.update(options.meta_overrides)
    meta = check_meta(meta)
    as_of = next((p["as_of"] for p in params.values() if "as_of" in p), date.today().isoformat())
    meta.setdefault("short_title", meta.get("title", "Brief"))
    meta["as_of"] = str(as_of)
    meta["as_of_text"] = say_date(str(as_of), "day")
    meta["edition_text"] = say_date(meta["edition"], "day")
    meta.setdefault("language", "en-GB")
    meta.setdefault("variant", "")
    return meta


def _latest_record(data_dir: Path, as_of: str) -> dict:
    """The publication date of the latest source on record at the cut-off: the evidence may stop short of the cut-off,
    and the masthead says where it stops."""
    from ..evidence.dates import as_date, say_date
    from ..evidence.validate import publication_dates

    cutoff = as_date(as_of)
    on_record = [d for d in publication_dates(data_dir).values() if d.end <= cutoff]
    if not on_record:
        return {"latest_record": "", "latest_record_text": ""}
    latest = max(on_record, key=lambda d: d.end)
    return {"latest_record": latest.text, "latest_record_text": say_date(latest.text, latest.precision)}


def _write_changes(rendered, store, staging, options, result) -> None:
    from .changes import changes_report, record_of

    previous_path = store.root / f"{options.name}-findings.json"
    current = {s["slug"]: record_of(s) for s in rendered}
    try:
        previous = json.loads(previous_path.read_text(encoding="utf-8")) if previous_path.exists() else None
    except ValueError:  # a damaged record of the last build: compare with nothing rather than stop
        previous = None
    report = changes_report(previous, current, result.executed, result.cached)
    (staging / f"{options.name}-changes.md" if options.name != "brief" else staging / "changes.md").write_text(report, encoding="utf-8")
    (staging / ".findings.json").write_text(json.dumps(current, sort_keys=True), encoding="utf-8")


def _publish(staging: Path, out: Path, options: BuildOptions, result: BuildResult) -> None:
    """Move the finished files into output/ with Ctrl-C and SIGTERM held off, so no half-published state remains."""
    held = (signal.SIGINT, signal.SIGTERM)
    previous = {s: signal.signal(s, signal.SIG_IGN) for s in held} if _main_thread() else {}
    try:
        base = out if options.name == "brief" else out / options.name
        base.mkdir(parents=True, exist_ok=True)
        findings = staging / ".findings.json"
        if findings.exists():
            os.replace(findings, out / ".cache" / f"{options.name}-findings.json")
        for folder in (p for p in sorted(staging.iterdir()) if p.is_dir() and p.name != "tables"):
            target = base / folder.name
            if options.only or not target.exists():  # a part of the brief: add to what is there
                _merge_into(folder, target, result)
            else:  # the whole brief: replace the folder, so nothing stale (an old figure's data) survives
                retired = target.with_name(f".{target.name}.old-{os.getpid()}")
                os.replace(target, retired)
                os.replace(folder, target)
                shutil.rmtree(retired, ignore_errors=True)
                result.outputs += [p for p in target.rglob("*") if p.is_file()]
        for item in staging.iterdir():
            if item.is_file() and not item.name.startswith("worker-"):  # worker logs are kept only on failure
                os.replace(item, out / item.name)
                result.outputs.append(out / item.name)
        if options.only:  # only the chosen sections' pages are new: the publications beside them are not
            names = [options.name] + (["report"] if options.name == "brief" else [])
            older = [f"output/{n}.html" for n in names if (out / f"{n}.html").exists()]
            if older:
                result.warnings.append(f"{' and '.join(older)} (and the PDFs) {'are' if len(older) > 1 else 'is'} from an "
                                       "earlier build: --only rebuilt the chosen sections' pages in output/sections/; "
                                       "build without --only to update the publications")
        elif not options.pdf:  # the PDFs beside the new pages are an earlier build's: say so, do not pass them off
            names = [options.name] + (["report"] if options.name == "brief" else [])
            older = [f"output/{n}.pdf" for n in names if (out / f"{n}.pdf").exists()]
            if older:
                result.warnings.append(f"{' and '.join(older)} {'are' if len(older) > 1 else 'is'} from an earlier build "
                                       "(this one ran with --no-pdf); build without --no-pdf before sharing "
                                       f"{'them' if len(older) > 1 else 'it'}")
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _merge_into(source: Path, target: Path, result: BuildResult) -> None:
    for item in sorted(source.rglob("*")):
        if item.is_file():
            destination = target / item.relative_to(source)
            destination.parent.mkdir(parents=True, exist_ok=True)
            os.replace(item, destination)
            result.outputs.append(destination)


def _main_thread() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()


__all__ = ["build", "BuildOptions", "BuildResult", "SectionFailed", "UsageError"]
