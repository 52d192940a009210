"""How long a publication is, as a reader counts it: words of the main text and printed pages. The build warns when
the brief runs past the house limits in brief.yml (`style: limits:`); the tests hold it to them."""
from __future__ import annotations

import html
import re
from pathlib import Path

WORD = re.compile(r"[A-Za-z0-9][\w’'-]*")


def main_text(page: str, references: bool = False) -> str:
    """The reader's text of a publication page: the <main> element without scripts, hidden quote pop-ups and the
    'Data · Notebook' links; the reference list only when asked for."""
    page = re.sub(r"<(style|script)\b.*?</\1>", "", page, flags=re.S)
    found = re.search(r"<main>(.*)</main>", page, flags=re.S)
    body = found.group(1) if found else page
    body = re.sub(r'<span class="quote-pop".*?</span></span>', "</span>", body, flags=re.S)  # hidden until asked for
    body = re.sub(r'<p class="fig-links">.*?</p>', "", body, flags=re.S)
    if not references:
        body = re.sub(r'<section class="references".*?</section>', "", body, flags=re.S)
    body = re.sub(r"<img\b[^>]*>", " ", body)
    body = re.sub(r"</(p|h\d|li|tr|td|th|figcaption|caption|div|dd|dt)>", "\n", body)
    return html.unescape(re.sub(r"<[^>]+>", " ", body))


def words(page: str) -> int:
    """Words a reader meets, references included (they take space on the page too). A web address counts as one
    word, as a word processor counts it; split at its slashes and dots it would count as ten or twenty."""
    return len(WORD.findall(re.sub(r"https?://\S+", "address", main_text(page, references=True))))


def pages(pdf: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(str(pdf)).pages)


def over_limits(page_html: str, pdf: Path | None, limits: dict, name: str) -> list[str]:
    """Warnings for a brief longer than the house limits (none when it fits)."""
    found = []
    counted = words(page_html)
    if counted > limits["brief_words"]:
        found.append(f"{name}.html has {counted:,} words, over the house limit of {limits['brief_words']:,} "
                     "(brief.yml style: limits: brief_words); shorten it or tag more cells for the report only")
    if pdf is not None and pdf.exists():
        printed = pages(pdf)
        if printed > limits["brief_pages"]:
            found.append(f"{name}.pdf has {printed} pages, over the house limit of {limits['brief_pages']} "
                         "(brief.yml style: limits: brief_pages)")
    return found
