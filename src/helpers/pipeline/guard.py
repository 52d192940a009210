"""What the build refuses: a second build on the same output folder, an output name that is not a plain file
stem, published HTML with active content or outside resources, and any fetch by the PDF typesetter beyond the
brief's own embedded assets."""
from __future__ import annotations

import os
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

from .manifest import UsageError

NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}")


def check_output_name(name: str) -> str:
    """`--name` (or `brief: name:` in a parameter file) must be a plain file stem, so output stays in output/."""
    if not isinstance(name, str) or not NAME.fullmatch(name):
        raise UsageError(f"--name {name!r}: expected a plain file name without folder or extension (letters, digits, "
                         "'-' and '_', at most 64 characters), e.g. --name brief-nato")
    return name


def variant_name(overrides: dict) -> str:
    """The output name of a build given parameters on the command line without --name: a variant is a brief of its
    own, so it must not overwrite the default publications ('brief-as_of-2025-01-31')."""
    def plain(value) -> str:
        value = ", ".join(map(str, value)) if isinstance(value, (list, tuple)) else str(value)
        return re.sub(r"[^A-Za-z0-9_]+", "-", value).strip("-").lower()

    name = "brief-" + "-".join(f"{key}-{plain(value)}" for key, value in sorted(overrides.items()))
    return name[:64].rstrip("-_")


class BuildLock:
    """One build at a time per output folder. A POSIX record lock (fcntl.lockf) is held by this process only, not by
    the workers it forks, and the system releases it when the process ends, however it ends."""

    def __init__(self, output: Path):
        self.path = Path(output) / ".lock"
        self.handle = None

    def __enter__(self):
        import fcntl

        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(self.path, "a+", encoding="utf-8")
        try:
            fcntl.lockf(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.seek(0)
            holder = handle.read().strip() or "unknown"
            handle.close()
            raise UsageError(f"another build is writing to {self.path.parent} (process {holder}); wait for it to finish, "
                             "or build into another folder with --output DIR") from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        self.handle = handle
        return self

    def __exit__(self, *exc):
        if self.handle is not None:
            self.handle.seek(0)
            self.handle.truncate()
            self.handle.close()  # closing releases the lock
            self.handle = None


def remove_stale_staging(output: Path) -> None:
    """Staging folders left by a build that was killed. Under the lock no other build can own one."""
    for folder in Path(output).glob(".staging-*"):
        shutil.rmtree(folder, ignore_errors=True)


# -- the published HTML -------------------------------------------------------------------------------------------
_URL_ATTRIBUTES = {"src", "href", "srcset", "poster", "data", "action", "formaction", "xlink:href", "background"}
_ACTIVE_TAGS = {"script", "iframe", "object", "embed", "frame", "frameset", "applet", "base", "form", "meta-refresh"}
_LOCAL = re.compile(r"^(#|data:(image|font)/|mailto:)", re.I)
_WEB_LINK = re.compile(r"^https?://", re.I)
# A file the build publishes beside the page (the report, a figure's data, a notebook), linked by a relative path.
_OWN_FILE = re.compile(r"^(\.\./)?([\w-]+/){0,3}[\w.-]+\.(html|pdf|csv|json|ipynb|bib|yaml)(#[\w.-]*)?$")


class _ActiveContent(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.allowed_scripts = 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in _ACTIVE_TAGS:
            if tag == "script" and attributes.get("data-brief") == "own":  # the page's own, reviewed script
                self.allowed_scripts += 1
            else:
                self.found.append(f"a <{tag}> element")
        if tag == "meta" and str(attributes.get("http-equiv", "")).lower() == "refresh":
            self.found.append("a <meta http-equiv=refresh>")
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.found.append(f"an event handler {name}= on <{tag}>")
            elif name in _URL_ATTRIBUTES and value:
                if tag == "a" and name == "href" and (_WEB_LINK.match(value) or _LOCAL.match(value)
                                                      or _OWN_FILE.match(value)):
                    continue  # a link a reader follows on purpose, never fetched by the page or the typesetter
                if not _LOCAL.match(value):
                    self.found.append(f"an outside resource {name}={value[:60]!r} on <{tag}>")
            elif name == "style" and re.search(r"url\s*\(|expression\s*\(|@import", value, re.I):
                self.found.append(f"a style attribute that loads a resource on <{tag}>")


def active_content(html: str) -> list[str]:
    """Everything in a page that would run code or fetch something when opened or typeset (empty when safe)."""
    parser = _ActiveContent()
    parser.feed(html)
    found = list(dict.fromkeys(parser.found))
    for match in re.finditer(r"url\(\s*['\"]?([^)'\"]+)", _styles(html)):
        if not _LOCAL.match(match.group(1).strip()):
            found.append(f"a stylesheet url({match.group(1)[:60]!r})")
    return found


def _styles(html: str) -> str:
    return " ".join(re.findall(r"<style[^>]*>(.*?)</style>", html, flags=re.S | re.I))


def embedded_only_fetcher():
    """WeasyPrint's URL fetcher for the brief: the page embeds its fonts and images as data: URIs, so nothing else may
    be read, neither from the network nor from the local disk; any other URL stops the typesetting."""
    from weasyprint import urls

    if hasattr(urls, "URLFetcher"):  # WeasyPrint 68 and later
        return urls.URLFetcher(allowed_protocols=("data",), allow_redirects=False, fail_on_errors=True)

    def fetch(url: str, timeout=10, ssl_context=None):  # earlier releases take a function
        if not url.startswith("data:"):
            raise ValueError(f"the brief may not load {url[:80]!r}: only embedded (data:) resources are allowed")
        return urls.default_url_fetcher(url, timeout=timeout, ssl_context=ssl_context)

    return fetch
