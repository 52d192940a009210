"""`brief preview` in a real browser: a saved edit to a section's prose shows in the open page without a reload by
hand. How fast is measured by the benchmark (benchmarks/build_times.py, `preview` scenario), not asserted here."""
from __future__ import annotations

import json
import os
import queue
import re
import shutil
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from conftest import BRIEF
from test_standards import CHROMIUM, TOOLS, require

pytestmark = [pytest.mark.e2e, pytest.mark.standards]

SCRIPT = Path(__file__).resolve().parent / "preview_check.mjs"


def _lines(process) -> queue.Queue:
    """The preview's terminal output, line by line, read in the background."""
    lines: queue.Queue = queue.Queue()

    def read():
        for line in process.stdout:
            lines.put(line.rstrip("\n"))
        lines.put(None)

    threading.Thread(target=read, daemon=True).start()
    return lines


def _wait_for(lines: queue.Queue, pattern: str, seen: list[str], timeout: float = 300) -> re.Match:
    while True:
        line = lines.get(timeout=timeout)
        if line is None:
            raise AssertionError("the preview stopped:\n" + "\n".join(seen))
        seen.append(line)
        found = re.search(pattern, line)
        if found:
            return found
        if "rebuild failed" in line:
            raise AssertionError("the preview's first build failed:\n" + "\n".join(seen))


def test_a_saved_edit_shows_in_the_open_page(mini):
    require(shutil.which("node") is not None, "Node.js (npm)")
    require((TOOLS / "node_modules" / "playwright-core").is_dir(), "the npm package playwright-core (in .tools/)")
    require(CHROMIUM.exists(), f"Chromium at {CHROMIUM}")
    root, env = mini
    notebook = root / "notebooks" / "01_alpha.ipynb"
    process = subprocess.Popen([*BRIEF, "preview", "--port", "0"], cwd=root, env=dict(os.environ, **env),
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, text=True,
                               start_new_session=True)
    seen: list[str] = []
    try:
        lines = _lines(process)
        url = _wait_for(lines, r"Preview at (http://\S+/brief\.html)", seen).group(1)
        _wait_for(lines, r"^rebuilt in", seen)
        result = subprocess.run(["node", str(SCRIPT), str(TOOLS), url, str(notebook), "reports it.",
                                 "reports it. Edited while the preview was open."],
                                capture_output=True, text=True, timeout=180)
        assert result.returncode == 0, result.stderr
        report = json.loads(result.stdout)
        assert not report["before"], "the page showed the edit before it was made"
        assert report["seen"], "the open page did not show the saved edit:\n" + "\n".join(seen)
        assert report["reloads"] >= 1, "the page changed without reloading (it should reload itself)"
        print(f"edit visible in the open page {report['seconds']:.1f} s after saving", file=sys.stderr)
        # Ctrl-C stops the preview cleanly: the PDFs once more, then exit 0 with no error.
        os.killpg(process.pid, signal.SIGINT)
        assert process.wait(timeout=180) == 0, "\n".join(seen)
        while (line := lines.get(timeout=10)) is not None:
            seen.append(line)
        assert not any("Error" in line or line.startswith("brief:") for line in seen), "\n".join(seen)
    finally:
        try:
            os.killpg(process.pid, signal.SIGTERM)  # the preview and the kernels it started
            process.wait(timeout=120)
        except ProcessLookupError:
            pass  # already stopped
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
