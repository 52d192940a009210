"""Check that every quote in data/ appears verbatim (ignoring whitespace) in the source it cites."""
from __future__ import annotations

import csv
import re
from pathlib import Path

MAX_QUOTE_CHARS = 300  # a citation, not a copy of the source
_PLAIN = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


def squash(text: str) -> str:
    """Remove all whitespace so line breaks from PDF/web extraction do not matter."""
    return re.sub(r"\s+", "", text)


def seed_texts(sources_csv: Path, seeds_dir: Path) -> dict[str, str]:
    """Map each seed source id to its squashed text."""
    texts = {}
    with open(sources_csv, encoding="utf-8-sig") as handle:
        for row in csv.DictReader(handle):
            seed = (row.get("seed_file") or "").strip()
            if seed and (seeds_dir / seed).exists():
                texts[row["source_id"]] = squash((seeds_dir / seed).read_text(encoding="utf-8"))
    return texts


def quote_problems(data_dir: Path, seeds_dir: Path) -> list[str]:
    """Every quote that is too long or not found in its cited seed, as readable lines; a seed named in sources.csv
    that is not in `seeds_dir` is a problem too, so a wrong folder never reads as 'all quotes found'."""
    if not Path(seeds_dir).is_dir():
        return [f"{seeds_dir}: no such folder (expected the folder of the seed documents)"]
    texts = seed_texts(data_dir / "sources.csv", seeds_dir)
    problems = []
    with open(data_dir / "sources.csv", encoding="utf-8-sig") as handle:
        for number, row in enumerate(csv.DictReader(handle), start=2):
            seed = (row.get("seed_file") or "").strip()
            if seed and not (Path(seeds_dir) / seed).exists():
                problems.append(f"sources.csv, row {number}: seed_file {seed!r} of {row['source_id']} is not in {seeds_dir}")
    for table in sorted(data_dir.glob("*.csv")):
        with open(table, encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            if "quote" not in (reader.fieldnames or []) or "source_id" not in (reader.fieldnames or []):
                continue
            for number, row in enumerate(reader, start=2):
                quote, source = row["quote"] or "", row["source_id"]
                where = f"{table.name}, row {number}"
                if len(quote) > MAX_QUOTE_CHARS:
                    problems.append(f"{where}: quote is {len(quote)} characters (at most {MAX_QUOTE_CHARS})")
                if source in texts and quote and squash(quote) not in texts[source]:
                    problems.append(f"{where}: quote not found in {source}: {quote[:80]!r}")
    return problems


def verbatim(row, phrase: str) -> str:
    """`phrase` as it stands in the row's `quote` (curly or straight quotes alike); ValueError if the
    quote does not contain it word for word, so a quotation in the brief can only be a real one."""
    quote = str(row["quote"])
    start = quote.translate(_PLAIN).find(str(phrase).translate(_PLAIN))
    if not phrase or start < 0:
        raise ValueError(f"{phrase!r} is not in the quote of {row.get('assessment_id', 'the row')!r}: {quote!r}")
    return quote[start:start + len(phrase)]


if __name__ == "__main__":  # python -m helpers.evidence.quotes DATA_DIR SEEDS_DIR
    import sys

    found = quote_problems(Path(sys.argv[1]), Path(sys.argv[2]))
    print("\n".join(found) or "all quotes found")
    sys.exit(1 if found else 0)
