"""`brief preview`: the brief and the report on localhost, rebuilt and reloaded as you write.

It watches the notebooks (either half of a pair), data/, the templates and brief.yml. On a change it rebuilds the
HTML (no PDF) on warm kernels kept for the whole session, so only the section you edited runs again, and tells the
open pages to reload. A failed rebuild leaves the last good pages up and shows the message on them. The PDF is built
when you type `pdf` and Enter, and once more when the preview stops (Ctrl-C).

The reload script is added to pages as they are served; the files in output/ stay exactly what `brief build` writes.
"""
from __future__ import annotations

import http.server
import json
import os
import sys
import threading
import time
from pathlib import Path

from .. import paths

POLL_SECONDS = 0.2
SETTLE_SECONDS = 0.15  # a save often touches both halves of a pair: wait for the second
RELOAD_SCRIPT = paths.TEMPLATES_DIR / "preview_reload.html"  # the script the preview adds to each page


class Watched:
    """The files whose change means a rebuild, by modification time and size (cheap to poll)."""

    def __init__(self, root: Path, data_dir: Path):
        self.root, self.data_dir = root, data_dir

    def files(self) -> list[Path]:
        found = [self.root / "brief.yml"]
        found += sorted((self.root / "notebooks").glob("*.ipynb")) + sorted((self.root / "notebooks").glob("*.py"))
        found += sorted(self.data_dir.glob("*.csv")) + sorted(self.data_dir.glob("*.yaml"))
        found += sorted(p for p in paths.TEMPLATES_DIR.rglob("*") if p.is_file())
        return found

    def state(self) -> dict[str, tuple]:
        state = {}
        for path in self.files():
            try:
                info = path.stat()
            except FileNotFoundError:
                continue
            state[str(path)] = (info.st_mtime_ns, info.st_size)
        return state


class Events:
    """Server-sent events to the open pages: 'reload' after a good rebuild, 'failed' with the message otherwise."""

    def __init__(self):
        self.version = 0
        self.last: tuple[str, str] = ("", "")
        self.changed = threading.Condition()

    def send(self, kind: str, data: str = "") -> None:
        with self.changed:
            self.version += 1
            self.last = (kind, data)
            self.changed.notify_all()

    def first_seen(self) -> int:
        """Where a page that connects now starts: a page loaded after a failed rebuild is sent that failure at once
        (it shows the last good pages, and must say they are not current); otherwise it waits for the next event."""
        with self.changed:
            return self.version - 1 if self.last[0] == "failed" else self.version

    def wait(self, seen: int, timeout: float = 15.0) -> tuple[int, str, str]:
        with self.changed:
            self.changed.wait_for(lambda: self.version != seen, timeout=timeout)
            return self.version, *self.last


def _handler(output: Path, events: Events):
    reload_script = RELOAD_SCRIPT.read_text(encoding="utf-8")  # read once, added to every page served

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(output), **kwargs)

        def log_message(self, *args):  # the terminal shows rebuilds, not requests
            pass

        def do_GET(self):  # noqa: N802 (http.server's name)
            if self.path.startswith("/__preview__/events"):
                return self._events()
            path = self.translate_path(self.path.split("?", 1)[0])
            if self.path in ("/", "") or path.endswith(".html"):
                return self._page(Path(path) if self.path not in ("/", "") else output / "brief.html")
            return super().do_GET()

        def _page(self, path: Path):
            try:
                text = path.read_text(encoding="utf-8")
            except (FileNotFoundError, IsADirectoryError):
                return self.send_error(404, "not built yet")
            body = text.replace("</body>", reload_script + "</body>", 1).encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Cache-Control", "no-store")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _events(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            seen = events.first_seen()
            try:
                while True:
                    version, kind, data = events.wait(seen)
                    if version == seen:
                        self.wfile.write(b": still here\n\n")  # keeps the connection open through proxies
                    else:
                        seen = version
                        self.wfile.write(f"event: {kind}\ndata: {json.dumps(data)}\n\n".encode("utf-8"))
                    self.wfile.flush()
            except (BrokenPipeError, ConnectionResetError):
                return

    return Handler


def serve(port: int = 8000, host: str = "127.0.0.1", data_dir: Path | None = None, output: Path | None = None,
          workers: int | None = None, say=print) -> None:
    from .build import BuildOptions, build, start_pool
    from .manifest import load_manifest

    root = paths.project_root()
    output = (output or paths.output_dir()).resolve()
    data_dir = (data_dir or paths.data_dir()).resolve()
    events = Events()
    try:  # the port first: a busy one is a clear refusal before any kernel starts
        server = http.server.ThreadingHTTPServer((host, port), _handler(output, events))
    except OSError as error:
        from .manifest import UsageError

        raise UsageError(f"--port {port}: cannot serve on {host}:{port} ({error.strerror or error}); choose another "
                         "port, or --port 0 for any free one") from None
    pool = start_pool(data_dir, output / ".preview-logs", workers)

    def rebuild(pdf: bool = False) -> bool:
        started = time.perf_counter()
        try:
            options = BuildOptions(output_dir=output, data_dir=data_dir, pdf=pdf, pool=pool,
                                   say=lambda line: say(line) if "cached" not in line else None)
            build(load_manifest(), options)
        except Exception as error:  # shown on the page and in the terminal; the last good pages stay up
            from .cli import message_for

            text = message_for(error)
            say(f"rebuild failed after {time.perf_counter() - started:.1f} s:\n{text}")
            events.send("failed", text)
            return False
        say(f"rebuilt in {time.perf_counter() - started:.1f} s{' (with PDF)' if pdf else ''}")
        events.send("reload")
        return True

    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    say(f"Preview at http://{host}:{server.server_address[1]}/brief.html (the report: /report.html). "
        "Type `pdf` and Enter to typeset the PDFs; Ctrl-C to stop (the PDFs are built then).")
    rebuild()
    watched = Watched(root, data_dir)
    state = watched.state()
    asked = _stdin_commands()
    try:
        while True:
            time.sleep(POLL_SECONDS)
            if asked and asked.pop() == "pdf":
                rebuild(pdf=True)
            now = watched.state()
            if now != state:
                time.sleep(SETTLE_SECONDS)
                now = watched.state()
                changed = sorted(Path(p).name for p in set(now) ^ set(state) | {p for p in now if now.get(p) != state.get(p)})
                say(f"changed: {', '.join(changed[:4])}{' ...' if len(changed) > 4 else ''}")
                rebuild()
                state = watched.state()  # the build may have synced a notebook pair
    except KeyboardInterrupt:
        say("stopping: building the PDFs once more ...")
        rebuild(pdf=True)
    finally:
        server.shutdown()
        workers = list((getattr(pool, "_processes", None) or {}).values())  # shutdown() sets it to None
        pool.shutdown(wait=False, cancel_futures=True)
        for process in workers:
            process.terminate()


def _stdin_commands() -> list[str]:
    """Lines typed in the terminal while the preview runs (only `pdf` means anything)."""
    asked: list[str] = []
    if not sys.stdin or not sys.stdin.isatty():
        return asked

    def read():
        for line in sys.stdin:
            asked.append(line.strip().lower())

    threading.Thread(target=read, daemon=True).start()
    return asked

