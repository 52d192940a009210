"""Where the brief's words are written: the share of prose words written as text (run: python tests/prose_share.py).

Counts prose words (runs of letters; template marks `{{ }}`, `{% %}`, `{## ##}` left out):
- as text: notebook Markdown cells, and prose files (*.md, *.j2, *.jinja, *.txt) under notebooks/ or a templates/,
  text/ or prose/ folder (README.md files, data/ and docs/ are not the brief's prose);
- as code: string literals (f-string parts included) of three or more words in notebook code cells and in
  src/**/*.py, docstrings and comments left out.
The same count as the issue that asked for it (issue 16): an analyst edits text, not sentences glued in Python.
"""
from __future__ import annotations

import ast
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")
TEMPLATE = re.compile(r"{[{%#].*?[}%#]}", re.S)
PROSE_DIRS = {"templates", "text", "prose", "notebooks"}
SKIP = {".git", ".venv", "output", "data", "docs", "tests", "benchmarks", ".tools", "node_modules"}


def words(text: str) -> int:
    return len(WORD.findall(TEMPLATE.sub(" ", text)))


def literal_words(source: str) -> int:
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return 0
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            body = getattr(node, "body", [])
            if body and isinstance(body[0], ast.Expr) and isinstance(getattr(body[0], "value", None), ast.Constant):
                docstrings.add(id(body[0].value))
    count = 0
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            n = words(node.value)
            if n >= 3:
                count += n
    return count


def count(root: Path = ROOT) -> tuple[int, int]:
    """(words written as text, words in Python string literals)."""
    text = code = 0
    for notebook in sorted((root / "notebooks").glob("*.ipynb")):
        for cell in json.loads(notebook.read_text(encoding="utf-8")).get("cells", []):
            source = "".join(cell.get("source", []))
            if cell.get("cell_type") == "markdown":
                text += words(source)
            elif cell.get("cell_type") == "code":
                code += literal_words("\n".join(l for l in source.splitlines() if not l.lstrip().startswith(("%", "!"))))
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if not path.is_file() or relative.parts[0] in SKIP:
            continue
        if path.suffix in {".md", ".j2", ".jinja", ".txt"} and PROSE_DIRS & set(relative.parts[:-1]) and path.name != "README.md":
            text += words(path.read_text(encoding="utf-8", errors="replace"))
        elif path.suffix == ".py" and relative.parts[0] == "src" and "templates" not in relative.parts:
            code += literal_words(path.read_text(encoding="utf-8", errors="replace"))
    return text, code


def share(root: Path = ROOT) -> float:
    text, code = count(root)
    return text / (text + code) if text + code else 0.0


if __name__ == "__main__":
    as_text, in_code = count(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT)
    print(f"prose words as text {as_text}, in Python string literals {in_code}")
    print(f"share of prose written as text: {as_text / max(1, as_text + in_code):.0%}")
