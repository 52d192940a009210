"""output/changes.md: what a rebuild changed in the key findings and recorded numbers, and what re-ran."""
from __future__ import annotations

from ..writing.text import plain_text


def record_of(section: dict) -> dict:
    """What changes.md compares for one rendered section: its numbers (key -> shown value) and its key statements."""
    findings = section.get("findings") or {}
    numbers = {key: {"label": key, "display": n["display"]} for key, n in (findings.get("recorded") or {}).items()}
    summary = [p["html"] for p in section.get("parts", []) if "summary" in p["tags"] or "key-numbers" in p["tags"]]
    statements = [plain_text(t) for t in summary]
    return {"numbers": numbers, "statements": statements}


def changes_report(previous: dict | None, current: dict, executed: list[str], cached: list[str]) -> str:
    lines = ["# Changes since the previous successful build", ""]
    lines.append(f"Re-executed: {', '.join(executed) or 'none'}. From cache: {', '.join(cached) or 'none'}.")
    lines.append("")
    if previous is None:
        lines.append("This is the first build: there is nothing to compare.")
        return "\n".join(lines) + "\n"
    rows = []
    for slug in sorted(set(previous) | set(current)):
        old = (previous.get(slug) or {}).get("numbers", {})
        new = (current.get(slug) or {}).get("numbers", {})
        if isinstance(old, list):  # a record written before numbers were keyed
            old = {n["key"]: n for n in old}
        for key in sorted(set(old) | set(new)):
            before, after = old.get(key, {}).get("display", "—"), new.get(key, {}).get("display", "—")
            if before != after:
                label = (new.get(key) or old.get(key))["label"]
                rows.append(f"| {slug} | {label} | {before} | {after} |")
    lines += ["## Numbers", ""]
    if rows:
        lines += ["| section | number | old value | new value |", "|---|---|---|---|", *rows]
    else:
        lines.append("No recorded number changed.")
    lines += ["", "## Key findings", ""]
    changed = []
    for slug in sorted(set(previous) | set(current)):
        old = (previous.get(slug) or {}).get("statements", [])
        new = (current.get(slug) or {}).get("statements", [])
        changed += [f"- {slug}, removed: {t}" for t in old if t not in new]
        changed += [f"- {slug}, new: {t}" for t in new if t not in old]
    lines += changed or ["No key finding changed."]
    return "\n".join(lines) + "\n"
