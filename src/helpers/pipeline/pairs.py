"""Notebook pairs: each section is an .ipynb and a jupytext percent script (.py) that must say the same thing.

An analyst may edit either half (JupyterLab saves both; a text editor saves one). Before a build, a pair whose
halves differ is synced from the half edited last, and the build says so; the build never runs a stale .ipynb.
A record of each pair's last known-good bytes keeps the check free of jupytext on a no-op rebuild, and a short
history of the bytes each half had when the pair was in step tells a restored earlier version (a `git checkout`)
from an edit.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path


HISTORY = 50  # in-step versions of each half remembered per pair


def _digest(*files: Path) -> str:
    h = hashlib.sha256()
    for f in files:
        h.update(f.read_bytes() if f.exists() else b"-")
        h.update(b"\0")
    return h.hexdigest()


def _cells(notebook) -> list:
    return [(c.cell_type, c.source.strip(), sorted(c.get("metadata", {}).get("tags", []))) for c in notebook.cells]


def _halves(ipynb: Path):
    """(script, notebook) as jupytext reads them; the notebook is None when only the script exists."""
    import jupytext

    return jupytext.read(ipynb.with_suffix(".py"), fmt="py:percent"), jupytext.read(ipynb) if ipynb.exists() else None


def _differ(from_script, from_notebook) -> bool:
    return from_notebook is None or _cells(from_script) != _cells(from_notebook)


def drifted(notebooks: list[Path]) -> list[Path]:
    """The notebooks whose two halves say different things (for a check that must not sync them)."""
    return [ipynb for ipynb in notebooks
            if ipynb.exists() and ipynb.with_suffix(".py").exists() and _differ(*_halves(ipynb))]


def sync_pairs(notebooks: list[Path], record: Path, say=print) -> list[str]:
    """Sync every drifted pair from its newer half; returns what was synced ('02_x.ipynb from 02_x.py').

    When both halves were edited since the pair was last in step (a stale JupyterLab tab saved over a text editor's
    edit), neither is newer in any sense that matters: the build stops and names both, rather than lose one edit."""
    from .manifest import UsageError

    try:
        known = json.loads(record.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        known = {}
    synced, changed = [], False
    for ipynb in notebooks:
        script = ipynb.with_suffix(".py")
        if not script.exists():
            continue
        entry = known.get(str(ipynb))
        entry = entry if isinstance(entry, dict) else {}
        state = _digest(ipynb, script)
        if entry.get("pair") == state:
            continue
        import jupytext

        from_script, from_notebook = _halves(ipynb)
        seen_py = set(entry.get("seen_py", [])) | {entry.get("py")}
        seen_ipynb = set(entry.get("seen_ipynb", [])) | {entry.get("ipynb")}
        # A half whose bytes the pair once had in step was not edited since (it was restored, say by git checkout):
        # the other half is the edit, whatever the file times say.
        script_known, notebook_known = _digest(script) in seen_py, _digest(ipynb) in seen_ipynb
        if _differ(from_script, from_notebook):
            if entry and not script_known and not notebook_known:
                folder = ipynb.parent.name
                raise UsageError(
                    f"{folder}/{script.name} and {folder}/{ipynb.name} were both edited since they were last in step, "
                    f"and they now differ; keep the half you want with `jupytext --to notebook {folder}/{script.name}` "
                    f"(the script's words) or `jupytext --to py:percent {folder}/{ipynb.name}` (the notebook's), after "
                    "copying over anything from the other half")
            if from_notebook is None or (notebook_known and not script_known):
                newer_script = True
            elif script_known and not notebook_known:
                newer_script = False
            else:
                newer_script = script.stat().st_mtime >= ipynb.stat().st_mtime
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
        now_ipynb, now_py = _digest(ipynb), _digest(script)
        known[str(ipynb)] = {"pair": _digest(ipynb, script), "ipynb": now_ipynb, "py": now_py,
                             "seen_ipynb": _remember(entry.get("seen_ipynb", []), entry.get("ipynb"), now_ipynb),
                             "seen_py": _remember(entry.get("seen_py", []), entry.get("py"), now_py)}
        changed = True
    if changed:
        record.parent.mkdir(parents=True, exist_ok=True)
        record.write_text(json.dumps(known, indent=1, sort_keys=True), encoding="utf-8")
    return synced


def _remember(history: list, *versions) -> list:
    """The last HISTORY distinct in-step versions of one half, oldest first."""
    out = [v for v in history if isinstance(v, str)]
    for version in versions:
        if isinstance(version, str):
            out = [v for v in out if v != version] + [version]
    return out[-HISTORY:]
