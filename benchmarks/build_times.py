"""Time the build against the naive route, in one run on one machine. Not a test: run `make benchmark`.

Scenarios (each repeated --runs times, medians reported):
  cold      `brief build --force` into an empty output folder
  naive     what a user of the stack would do by hand: papermill's CLI per notebook, `jupyter nbconvert --to html
            --no-input` per notebook, then the `weasyprint` CLI per HTML file, one after another
  noop      `brief build` again with nothing changed
  edit-one  `brief build` after editing one section's markdown (only that section should re-execute)
  preview   with `brief preview` running, the time from saving an edit to one section's prose until the rebuilt
            page is ready (the server's "rebuilt" line; the open page then reloads itself)
It prints medians, the ratios the project's goals are stated in, and the peak memory (sum of the resident
memory of the build's whole process tree, sampled every 20 ms).

The project is copied to a temporary folder first, so output/ and the cache in the checkout are not touched.
"""
from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def _tree_rss_mb(pid: int) -> tuple[float, float]:
    """(RSS, PSS) of a process and all its descendants in MB, from /proc (Linux).

    The RSS sum counts a shared page (libpython, numpy's libraries) once per process that maps it, so it
    overstates what the tree uses; PSS shares each such page out between the processes and is the fairer
    total. The goal is judged on the RSS sum, the stricter of the two.
    """
    total, proportional, stack = 0, 0, [pid]
    while stack:
        current = stack.pop()
        try:
            for line in Path(f"/proc/{current}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
            try:
                for line in Path(f"/proc/{current}/smaps_rollup").read_text().splitlines():
                    if line.startswith("Pss:"):
                        proportional += int(line.split()[1])
            except (FileNotFoundError, PermissionError):
                pass
            for task in Path(f"/proc/{current}/task").iterdir():
                stack += [int(c) for c in (task / "children").read_text().split()]
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return total / 1024, proportional / 1024


def timed(command: list[str], cwd: Path, env: dict) -> tuple[float, float, float]:
    """Wall seconds and peak process-tree memory (RSS sum, PSS sum; MB) of one command."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak, peak_pss = 0.0, 0.0
    done = threading.Event()

    def sample():
        nonlocal peak, peak_pss
        while not done.is_set():
            rss, pss = _tree_rss_mb(process.pid)
            peak, peak_pss = max(peak, rss), max(peak_pss, pss)
            time.sleep(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, stderr = process.communicate()
    done.set()
    sampler.join()
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{stderr.decode()[-2000:]}")
    return time.perf_counter() - started, peak, peak_pss


def copy_project(target: Path) -> Path:
    files = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    for name in files:
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, target / name)
    return target


def naive_route(project: Path, env: dict, notebooks: list[Path]) -> list[list[str]]:
    work = project / "naive"
    commands = []
    for notebook in notebooks:
        executed = work / notebook.name
        commands.append([str(BIN / "papermill"), str(notebook), str(executed), "--cwd", str(notebook.parent)])
        commands.append([str(BIN / "jupyter"), "nbconvert", "--to", "html", "--no-input", str(executed)])
        commands.append([str(BIN / "weasyprint"), str(executed.with_suffix(".html")), str(executed.with_suffix(".pdf"))])
    return commands


def preview_latency(project: Path, env: dict, notebook: Path, runs: int) -> list[float]:
    """Seconds from an edit's save to the preview's "rebuilt" line, once per run, with one preview kept running."""
    import queue
    import signal

    process = subprocess.Popen([str(BIN / "brief"), "preview", "--port", "0"], cwd=project, env=env, text=True,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                               start_new_session=True)
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in process.stdout], daemon=True).start()

    def until_rebuilt() -> None:
        while True:
            line = lines.get(timeout=300)
            if line.startswith("rebuilt in"):
                return
            if line.startswith("rebuild failed"):
                raise RuntimeError("the preview's rebuild failed")

    seconds = []
    try:
        until_rebuilt()
        original = notebook.read_text(encoding="utf-8")
        for run in range(runs):
            time.sleep(1.0)  # the watcher's state settles
            started = time.perf_counter()
            notebook.write_text(original.replace("# ", f"# (preview edit {run}) ", 1), encoding="utf-8")
            until_rebuilt()
            seconds.append(time.perf_counter() - started)
        notebook.write_text(original, encoding="utf-8")
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=60)
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as scratch:
        project = copy_project(Path(scratch) / "project")
        env = dict(os.environ, BRIEF_ROOT=str(project))
        brief = [str(BIN / "brief"), "build"]
        import yaml

        notebooks = [project / s["notebook"] for s in yaml.safe_load((project / "brief.yml").read_text())["sections"]]
        results: dict[str, list[tuple[float, float, float]]] = {k: [] for k in ("cold", "naive", "noop", "edit-one")}
        for run in range(args.runs):
            shutil.rmtree(project / "output", ignore_errors=True)
            results["cold"].append(timed([*brief, "--force"], project, env))
            results["noop"].append(timed(brief, project, env))
            first = notebooks[0].with_suffix(".ipynb")
            original = first.read_text(encoding="utf-8")
            first.write_text(original.replace("# ", f"# (edit {run}) ", 1), encoding="utf-8")
            results["edit-one"].append(timed(brief, project, env))
            first.write_text(original, encoding="utf-8")
            shutil.rmtree(project / "naive", ignore_errors=True)
            (project / "naive").mkdir()
            started, peak, peak_pss = time.perf_counter(), 0.0, 0.0
            for command in naive_route(project, env, notebooks):
                _, rss, pss = timed(command, project, env)
                peak, peak_pss = max(peak, rss), max(peak_pss, pss)
            results["naive"].append((time.perf_counter() - started, peak, peak_pss))
            print(f"run {run + 1}/{args.runs} done", file=sys.stderr)
        # The preview edits the markdown of the last section (a warm preview keeps its kernels between edits).
        preview = preview_latency(project, env, notebooks[-1].with_suffix(".ipynb"), args.runs)

    median = {k: statistics.median(t for t, _, _ in v) for k, v in results.items()}
    peak = {k: max(m for _, m, _ in v) for k, v in results.items()}
    peak_pss = {k: max(p for _, _, p in v) for k, v in results.items()}
    print(f"# Build benchmark, {time.strftime('%Y-%m-%d')}, {platform.node()}: {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, {len(notebooks)} sections, median of {args.runs} runs")
    print(f"{'scenario':<10} {'median s':>9} {'peak RSS MB':>12} {'peak PSS MB':>12}")
    for key in ("cold", "naive", "noop", "edit-one"):
        print(f"{key:<10} {median[key]:>9.2f} {peak[key]:>12.0f} {peak_pss[key]:>12.0f}")
    print(f"cold / naive = {median['cold'] / median['naive']:.2f}  (goal <= 0.35)")
    print(f"no-op rebuild = {median['noop']:.2f} s  (goal < 1 s)")
    print(f"edit-one / cold = {median['edit-one'] / median['cold']:.2f}  (goal <= 0.4)")
    print(f"preview: edit to rebuilt page = {statistics.median(preview):.2f} s median, {max(preview):.2f} s worst  "
          f"(goal <= 3 s)")
    builds = ("cold", "noop", "edit-one")
    print(f"peak memory of the build = {max(peak[k] for k in builds):.0f} MB summed RSS, "
          f"{max(peak_pss[k] for k in builds):.0f} MB summed PSS  (goal < 600 MB)")


if __name__ == "__main__":
    main()
