"""Notebook pairs: each section is an .ipynb and a jupytext percent script (.py) that must say the same thing.

An analyst may edit either half (JupyterLab saves both; a text editor saves one). Before a build, a pair whose
halves differ is synced from the half edited last, and the build says so; the build never runs a stale .ipynb.
A record of each pair's last known-good bytes keeps the check free of jupytext on a no-op rebuild.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path


def _digest(*files: Path) -> str:
    h = hashlib.sha256()
    for f in files:
        h.update(f.read_bytes() if f.exists() else b"-")
        h.update(b"\0")
    return h.hexdigest()


def _cells(notebook) -> list:
    return [(c.cell_type, c.source.strip(), sorted(c.get("metadata", {}).get("tags", []))) for c in notebook.cells]


def sync_pairs(notebooks: list[Path], record: Path, say=print) -> list[str]:
    """Sync every drifted pair from its newer half; returns what was synced ('02_x.ipynb from 02_x.py')."""
    try:
        known = json.loads(record.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        known = {}
    synced, changed = [], False
    for ipynb in notebooks:
        script = ipynb.with_suffix(".py")
        if not script.exists():
            continue
        state = _digest(ipynb, script)
        if known.get(str(ipynb)) == state:
            continue
        import jupytext

        from_script = jupytext.read(script, fmt="py:percent")
        from_notebook = jupytext.read(ipynb) if ipynb.exists() else None
        if from_notebook is None or _cells(from_script) != _cells(from_notebook):
            newer_script = from_notebook is None or script.stat().st_mtime >= ipynb.stat().st_mtime
            if newer_script:
                if from_notebook is not None:  # keep the notebook's own metadata (kernel, jupytext settings)
                    from_script.metadata = {**from_notebook.metadata, **from_script.metadata}
                jupytext.write(from_script, ipynb, fmt="ipynb")
                message = f"{ipynb.name} from {script.name} (the half edited last)"
            else:
                jupytext.write(from_notebook, script, fmt="py:percent")
                message = f"{script.name} from {ipynb.name} (the half edited last)"
            say(f"  synced {message}")
            synced.append(message)
        known[str(ipynb)] = _digest(ipynb, script)
        changed = True
    if changed:
        record.parent.mkdir(parents=True, exist_ok=True)
        record.write_text(json.dumps(known, indent=1, sort_keys=True), encoding="utf-8")
    return synced
