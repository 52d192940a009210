"""The build cache: entries that are verified before use, written atomically and pruned to a stated size.

An entry is a folder `output/.cache/<kind>/<key>/` holding the cached files and `DIGESTS.json`, the SHA-256 of
every file in it. `get` returns an entry only when every file is present and unchanged; a damaged, partial or
altered entry is deleted and reported as a miss, so the build makes it again instead of publishing it. `put`
writes into a temporary folder and renames it into place, so an interrupted build never leaves half an entry.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from pathlib import Path

DIGESTS = "DIGESTS.json"
DEFAULT_LIMIT_MB = 300  # docs/performance.md states this limit; BRIEF_CACHE_MB overrides it


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.name != DIGESTS)


class Store:
    def __init__(self, root: Path):
        self.root = Path(root)
        self.used: set[Path] = set()  # entries this build read or wrote: never pruned by it

    def path(self, kind: str, key: str) -> Path:
        return self.root / kind / key

    def get(self, kind: str, key: str) -> Path | None:
        """The entry's folder if it is complete and unaltered; otherwise None (and a damaged entry is removed)."""
        entry = self.path(kind, key)
        if not entry.is_dir():
            return None
        if not self._intact(entry):
            shutil.rmtree(entry, ignore_errors=True)
            return None
        os.utime(entry)  # most recently used: pruned last
        self.used.add(entry)
        return entry

    def _intact(self, entry: Path) -> bool:
        try:
            recorded = json.loads((entry / DIGESTS).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return False
        if not isinstance(recorded, dict):
            return False
        present = {str(p.relative_to(entry)) for p in _files(entry)}
        if present != set(recorded):
            return False
        return all(_sha256(entry / name) == digest for name, digest in recorded.items())

    def put(self, kind: str, key: str, files: dict[str, Path | bytes | str], move: bool = False) -> Path:
        """Store files (name -> source path, bytes or text) as one entry; returns the entry's folder."""
        entry = self.path(kind, key)
        temporary = entry.with_name(f".{entry.name}.{os.getpid()}.tmp")
        shutil.rmtree(temporary, ignore_errors=True)
        temporary.mkdir(parents=True)
        for name, content in files.items():
            target = temporary / name
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, Path):
                if content.is_dir():
                    shutil.copytree(content, target)
                else:
                    (shutil.move if move else shutil.copyfile)(str(content), str(target))
            elif isinstance(content, bytes):
                target.write_bytes(content)
            else:
                target.write_text(content, encoding="utf-8")
        digests = {str(p.relative_to(temporary)): _sha256(p) for p in _files(temporary)}
        (temporary / DIGESTS).write_text(json.dumps(digests, indent=0, sort_keys=True), encoding="utf-8")
        shutil.rmtree(entry, ignore_errors=True)
        os.replace(temporary, entry)
        self.used.add(entry)
        return entry

    def prune(self, limit_mb: float | None = None) -> int:
        """Delete the least recently used entries (never one this build used) until the cache fits the limit,
        and any temporary folder an interrupted build left. Returns the number of entries removed."""
        if limit_mb is None:
            limit_mb = float(os.environ.get("BRIEF_CACHE_MB", DEFAULT_LIMIT_MB))
        if not self.root.exists():
            return 0
        removed = 0
        entries = []
        for kind in (p for p in self.root.iterdir() if p.is_dir()):
            for entry in kind.iterdir():
                if entry.name.endswith(".tmp") and entry.is_dir():
                    if time.time() - entry.stat().st_mtime > 60:  # another build's write in progress is younger
                        shutil.rmtree(entry, ignore_errors=True)
                    continue
                if entry.is_dir():
                    size = sum(p.stat().st_size for p in entry.rglob("*") if p.is_file())
                    entries.append((entry.stat().st_mtime, entry, size))
        total = sum(size for _, _, size in entries)
        for _, entry, size in sorted(entries, key=lambda item: item[0]):
            if total <= limit_mb * 1e6:
                break
            if entry in self.used:
                continue
            shutil.rmtree(entry, ignore_errors=True)
            total -= size
            removed += 1
        return removed
