"""The build: validate, execute sections (parallel, cached), render, and publish atomically.

Nothing in output/ is replaced until every step has succeeded, so a failed or interrupted build leaves
the last good brief byte-for-byte intact. Heavy libraries are imported only by the step that needs them,
so a no-op rebuild costs little more than hashing the inputs.
"""
from __future__ import annotations

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
from .manifest import Manifest, SectionSpec, UsageError, digest, find_sections, resolve_parameters

CACHE_VERSION = "1"
VERSIONED_PACKAGES = ("pandas", "matplotlib", "papermill", "nbconvert", "nbformat", "ipykernel", "weasyprint", "mistune", "frictionless")


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
    say: object = print  # progress lines go here


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
                order: tuple = ()) -> str:
    """Everything that can change a section's executed result. `order` is the sections' slugs in brief.yml order:
    a section may refer to another by its number ("Section 4"), so reordering the brief re-executes them."""
    used = {k: v for k, v in data.items() if spec.data is None or k in spec.data or k == "datapackage"}
    return digest(CACHE_VERSION, _notebook_digest(spec.notebook), params, used, helpers, versions, spec.number, list(order))


# -- execution -----------------------------------------------------------------------------------
# Each worker process keeps one warm kernel for the whole build: started (and pandas, matplotlib and the
# helpers imported in it) while the main process validates the data, then reset between sections.
_WORKER: dict = {}
_WARM_UP = """\
import pandas, matplotlib, helpers.evidence.data, helpers.writing.section, helpers.writing.charts, helpers.writing.text
try:  # read and type the tables once (the loader caches them) and draw one throwaway chart: every section needs both
    helpers.evidence.data.load_all()
    helpers.writing.charts.svg_data_uri(helpers.writing.charts.new_figure()[0])
except Exception:  # bad data are reported by the validation that runs meanwhile, not by a warm-up
    pass
"""


def _start_worker(env: dict, cwd: str, log_dir: str) -> None:
    os.environ.update(env)  # the kernel inherits these (data folder, validation done)
    # Kernel chatter (start-up warnings, library deprecations) goes to a log kept beside a failed notebook.
    log = Path(log_dir) / f"worker-{os.getpid()}.log"
    os.dup2(os.open(log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644), 2)
    _WORKER["log"] = log
    try:
        from jupyter_client.blocking import BlockingKernelClient
        from jupyter_client.manager import AsyncKernelManager
        from jupyter_client.utils import run_sync

        manager = AsyncKernelManager(kernel_name="python3")
        run_sync(manager.start_kernel)(cwd=cwd)
        client = BlockingKernelClient()
        client.load_connection_info(manager.get_connection_info())
        client.start_channels()
        client.wait_for_ready(timeout=60)
        client.execute_interactive(_WARM_UP, timeout=120, output_hook=lambda msg: None)
        _WORKER.update(manager=manager, client=client)
        import multiprocessing.util

        multiprocessing.util.Finalize(None, _stop_worker_kernel, exitpriority=10)
    except Exception as error:  # a warm kernel is an optimisation: fall back to one kernel per section
        print(f"warm kernel unavailable: {error}", file=sys.stderr)


def _stop_worker_kernel() -> None:
    from jupyter_client.utils import run_sync

    if "manager" in _WORKER:
        _WORKER["client"].stop_channels()
        run_sync(_WORKER["manager"].shutdown_kernel)(now=True)


def _execute(notebook: str, target: str, params: dict, number: int, cwd: str) -> float:
    """Run one notebook with papermill on this worker's warm kernel; returns seconds taken."""
    import papermill

    started = time.perf_counter()
    kwargs = {}
    manager = _WORKER.get("manager")
    if manager is not None:
        from jupyter_client.utils import run_sync

        if run_sync(manager.is_alive)():
            # A clean namespace for each section; imported modules stay loaded (that is the saving).
            reset = f"%reset -f\nimport os\nos.environ['BRIEF_SECTION_NUMBER'] = '{number}'\nos.chdir({cwd!r})"
            _WORKER["client"].execute_interactive(reset, timeout=60, output_hook=lambda msg: None)
            kwargs["km"] = manager
    os.environ["BRIEF_SECTION_NUMBER"] = str(number)  # for a fallback kernel started by papermill
    try:
        papermill.execute_notebook(notebook, target, parameters=params, kernel_name="python3", language="python",
                                   cwd=cwd, progress_bar=False, log_output=False, report_mode=False, **kwargs)
    except BaseException:
        if "log" in _WORKER and Path(_WORKER["log"]).exists():
            shutil.copyfile(_WORKER["log"], target + ".log")
        raise
    return time.perf_counter() - started


def _failure_message(name: str, error: BaseException) -> str:
    index = getattr(error, "cell_index", None)
    ename, evalue = getattr(error, "ename", type(error).__name__), getattr(error, "evalue", str(error))
    source = (getattr(error, "source", "") or "").strip().splitlines()
    where = "while executing"
    if index is not None:
        where = f"in cell {index + 1}" + (f" ({source[0][:60]!r})" if source else "")
    if ename == "ParameterError":
        return f"section {name}: bad parameter: {evalue}"
    if ename == "DataError":
        return f"section {name}: the data did not validate {where}: {evalue}"
    return f"section {name} failed {where}: {ename}: {evalue}"


def _worker_count(requested: int | None, jobs: int) -> int:
    return max(1, min(requested or os.cpu_count() or 1, jobs))


# -- the build -----------------------------------------------------------------------------------
def build(manifest: Manifest, options: BuildOptions) -> BuildResult:
    out = (options.output_dir or paths.output_dir()).resolve()
    data_dir = (options.data_dir or paths.data_dir()).resolve()
    cache = out / ".cache"
    result = BuildResult()
    params = resolve_parameters(manifest, options.overrides)
    specs = find_sections(manifest, options.only) if options.only else manifest.sections

    data = data_digests(data_dir)
    helpers, versions = _helpers_digest(), _package_versions()
    order = tuple(s.slug for s in manifest.sections)
    keys = {s.name: section_key(s, params[s.name], data, helpers, versions, order) for s in specs}
    todo = [s for s in specs if options.force or not _cached_path(cache, s, keys).exists()]

    staging = out / f".staging-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    (staging / "executed").mkdir(parents=True)
    (cache / "executed").mkdir(parents=True, exist_ok=True)
    validation = _start_validation(data_dir, data, cache)  # first: forked while this process has one thread
    pool = _start_pool(todo, data_dir, staging, options) if todo else None
    try:
        _finish_validation(validation)  # meanwhile the workers warm their kernels
        executed = _run_sections(pool, specs, todo, params, keys, cache, staging, out / "failed", options, result)
        if pool is not None:  # stop the warm kernels before rendering: memory is better spent on the PDF
            pool.shutdown(wait=True)
            pool = None
        rendered = _render(manifest, specs, executed, keys, data_dir, params, cache, staging, options, result)
        if not options.only:
            _write_changes(manifest, rendered, cache, staging, options, result)
        _publish(staging, out, options, result)
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
        shutil.rmtree(staging, ignore_errors=True)
    return result


def _cached_path(cache: Path, spec: SectionSpec, keys: dict) -> Path:
    return cache / "executed" / f"{spec.name}-{keys[spec.name]}.ipynb"


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
        raise DataError(payload)
    stamp.parent.mkdir(parents=True, exist_ok=True)
    stamp.write_text("ok\n")


def _validate_child(data_dir: Path, send) -> None:
    """In the child: every problem found (a list, empty when the data are valid), or the error that stopped it."""
    try:
        from ..evidence.validate import validate_data

        send.send(("ok", validate_data(data_dir)))
    except KeyboardInterrupt:
        os._exit(130)
    except BaseException as error:  # reported by the parent, which owns the user-facing message
        send.send(("error", f"{type(error).__name__}: {error}"))
    finally:
        send.close()


def _run_sections(pool, specs, todo, params, keys, cache, staging, failed_dir, options, result) -> dict[str, Path]:
    executed = {}
    for spec in specs:
        if spec not in todo:
            options.say(f"  {spec.name:<28} cached")
            result.cached.append(spec.name)
            executed[spec.name] = _cached_path(cache, spec, keys)
    if not todo:
        return executed
    failures = []
    futures = {}
    for spec in todo:
        target = staging / "executed" / f"{spec.name}.run.ipynb"
        futures[pool.submit(_execute, str(spec.notebook), str(target), params[spec.name], spec.number,
                            str(spec.notebook.parent))] = (spec, target)
    _preload_renderer()
    template_key = _template_key()
    for future in as_completed(futures):
        spec, target = futures[future]
        try:
            seconds = future.result()
        except Exception as error:  # papermill's error names the cell; keep the notebook to inspect
            kept = None
            failed_dir.mkdir(parents=True, exist_ok=True)
            if target.exists():
                kept = failed_dir / f"{spec.name}.ipynb"
                shutil.copyfile(target, kept)
            if Path(str(target) + ".log").exists():
                shutil.copyfile(str(target) + ".log", failed_dir / f"{spec.name}.log")
            failures.append(SectionFailed(spec.name, _failure_message(spec.name, error), kept))
            options.say(f"  {spec.name:<28} FAILED")
            continue
        cached = _cached_path(cache, spec, keys)
        shutil.move(str(target), cached)
        executed[spec.name] = cached
        result.executed.append(spec.name)
        options.say(f"  {spec.name:<28} executed in {seconds:.1f} s")
        _render_section(spec, cached, keys, cache, template_key)  # while the other sections still run
    if failures:
        raise failures[0] if len(failures) == 1 else SectionFailed(
            ", ".join(f.section for f in failures), "\n".join(str(f) for f in failures), failures[0].kept)
    return executed


def _render(manifest, specs, executed, keys, data_dir, params, cache, staging, options, result):
    """Render sections (cached by executed notebook + templates), then the brief and its PDF.

    Cached sections stay plain dicts so that a no-op rebuild never imports nbconvert, matplotlib or WeasyPrint.
    """
    template_key = _template_key()
    rendered: list[dict] = []
    for spec in specs:
        section = _render_section(spec, executed[spec.name], keys, cache, template_key)
        result.warnings += section["warnings"]
        rendered.append(section)
        shutil.copyfile(executed[spec.name], staging / "executed" / f"{spec.name}.ipynb")

    meta = _meta(manifest, options, params, specs)
    page_key = digest(rendered, meta, template_key, options.pdf, options.only, _file_digest(data_dir / "sources.csv"))
    (staging / "sections").mkdir()
    page_cache = cache / "pages" / page_key
    if page_cache.exists() and not options.force:
        shutil.copytree(page_cache, staging, dirs_exist_ok=True)
        return rendered
    from .render import RenderedSection, brief_html, read_sources, write_pdf

    sources = read_sources(data_dir)
    sections = [RenderedSection(**s) for s in rendered]
    for section in sections:
        page = brief_html(meta, [section], sources)
        (staging / "sections" / f"{section.slug}.html").write_text(page, encoding="utf-8")
    if not options.only:
        started = time.perf_counter()
        html = brief_html(meta, sections, sources)
        (staging / f"{options.name}.html").write_text(html, encoding="utf-8")
        if options.pdf:
            write_pdf(html, staging / f"{options.name}.pdf", meta)
        options.say(f"  {'render':<28} html{' + pdf' if options.pdf else ''} in {time.perf_counter() - started:.1f} s")
    shutil.rmtree(page_cache, ignore_errors=True)
    page_cache.mkdir(parents=True)
    for item in staging.iterdir():
        if item.name != "executed":
            (shutil.copytree if item.is_dir() else shutil.copyfile)(item, page_cache / item.name)
    result.rendered = True
    return rendered


def _template_key() -> str:
    return digest([(p.name, _file_digest(p)) for p in sorted(paths.TEMPLATES_DIR.rglob("*")) if p.is_file()],
                  _file_digest(paths.PACKAGE_DIR / "pipeline" / "render.py"))


def _render_section(spec: SectionSpec, executed: Path, keys: dict, cache: Path, template_key: str) -> dict:
    """One section's HTML fragment and findings, cached by the executed notebook's key and the templates."""
    stored = cache / "rendered" / f"{spec.name}-{digest(keys[spec.name], template_key)}.json"
    if stored.exists():
        return json.loads(stored.read_text(encoding="utf-8"))
    from .render import render_section

    section = dict(render_section(executed, spec.number).__dict__)
    stored.parent.mkdir(parents=True, exist_ok=True)
    stored.write_text(json.dumps(section), encoding="utf-8")
    return section


def _preload_renderer() -> None:
    """Import the rendering libraries while the workers execute: the main process would only be waiting.
    (Not pandas or matplotlib: the renderer does without them, which keeps this process small.)"""
    from . import render  # noqa: F401
    import nbconvert.exporters.html  # noqa: F401
    render.import_weasyprint()


def _meta(manifest: Manifest, options: BuildOptions, params: dict, specs) -> dict:
    from ..evidence.dates import say_date

    meta = dict(manifest.meta)
    meta.update(options.meta_overrides)
    as_of = next((p["as_of"] for p in params.values() if "as_of" in p), date.today().isoformat())
    meta.setdefault("short_title", meta.get("title", "Brief"))
    meta["as_of"] = str(as_of)
    meta["as_of_text"] = say_date(str(as_of), "day")
    meta["edition_text"] = say_date(meta["edition"], "day") if len(meta["edition"]) == 10 else meta["edition"]
    meta.setdefault("language", "en-GB")
    meta.setdefault("variant", "")
    return meta


def _write_changes(manifest, rendered, cache, staging, options, result) -> None:
    from .changes import changes_report

    previous_path = cache / f"{options.name}-findings.json"
    current = {s["slug"]: s["findings"] for s in rendered}
    previous = json.loads(previous_path.read_text(encoding="utf-8")) if previous_path.exists() else None
    report = changes_report(previous, current, result.executed, result.cached)
    (staging / f"{options.name}-changes.md" if options.name != "brief" else staging / "changes.md").write_text(report, encoding="utf-8")
    (staging / ".findings.json").write_text(json.dumps(current, sort_keys=True), encoding="utf-8")


def _publish(staging: Path, out: Path, options: BuildOptions, result: BuildResult) -> None:
    """Move the finished files into output/ with Ctrl-C held off, so no half-published state remains."""
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN) if _main_thread() else None
    try:
        base = out if options.name == "brief" else out / options.name
        base.mkdir(parents=True, exist_ok=True)
        findings = staging / ".findings.json"
        if findings.exists():
            os.replace(findings, out / ".cache" / f"{options.name}-findings.json")
        for folder in ("executed", "sections"):
            source = staging / folder
            if not source.exists():
                continue
            (base / folder).mkdir(exist_ok=True)
            for item in source.iterdir():
                os.replace(item, base / folder / item.name)
                result.outputs.append(base / folder / item.name)
        for item in staging.iterdir():
            if item.is_file() and not item.name.startswith("worker-"):  # worker logs are kept only on failure
                os.replace(item, out / item.name)
                result.outputs.append(out / item.name)
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)


def _main_thread() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()


__all__ = ["build", "BuildOptions", "BuildResult", "SectionFailed", "UsageError"]
