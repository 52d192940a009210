"""output/changes.md: what a rebuild changed in the key findings and key numbers, and what re-ran."""
from __future__ import annotations

import re


def _plain(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html)).strip()


def changes_report(previous: dict | None, current: dict, executed: list[str], cached: list[str]) -> str:
    lines = ["# Changes since the previous successful build", ""]
    lines.append(f"Re-executed: {', '.join(executed) or 'none'}. From cache: {', '.join(cached) or 'none'}.")
    lines.append("")
    if previous is None:
        lines.append("This is the first build: there is nothing to compare.")
        return "\n".join(lines) + "\n"
    rows = []
    for slug in sorted(set(previous) | set(current)):
        old = {n["key"]: n for n in (previous.get(slug) or {}).get("numbers", [])}
        new = {n["key"]: n for n in (current.get(slug) or {}).get("numbers", [])}
        for key in sorted(set(old) | set(new)):
            before, after = old.get(key, {}).get("display", "—"), new.get(key, {}).get("display", "—")
            if before != after:
                label = (new.get(key) or old.get(key))["label"]
                rows.append(f"| {slug} | {label} | {before} | {after} |")
    lines += ["## Key numbers", ""]
    if rows:
        lines += ["| section | number | old value | new value |", "|---|---|---|---|", *rows]
    else:
        lines.append("No key number changed.")
    lines += ["", "## Key findings", ""]
    changed = []
    for slug in sorted(set(previous) | set(current)):
        old = [_plain(j["text"]) for j in (previous.get(slug) or {}).get("judgements", [])]
        new = [_plain(j["text"]) for j in (current.get(slug) or {}).get("judgements", [])]
        changed += [f"- {slug}, removed: {t}" for t in old if t not in new]
        changed += [f"- {slug}, new: {t}" for t in new if t not in old]
    lines += changed or ["No key finding changed."]
    return "\n".join(lines) + "\n"
