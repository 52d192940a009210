from datetime import date

import pytest

from helpers.writing import text
from helpers.evidence.dates import DateFormatError, parse_partial_date, say_date


def test_partial_dates_are_intervals():
    assert parse_partial_date("2019").start == date(2019, 1, 1)
    assert parse_partial_date("2019").end == date(2019, 12, 31)
    assert parse_partial_date("2024-02").end == date(2024, 2, 29)
    assert parse_partial_date("2022-05-05", "day").start == date(2022, 5, 5)


@pytest.mark.parametrize("bad, precision", [("2019-13", None), ("2019-02-30", None), ("19-01", None), ("2019", "day"), ("2019-05", "year")])
def test_bad_partial_dates_are_rejected(bad, precision):
    with pytest.raises(DateFormatError):
        parse_partial_date(bad, precision)


def test_dates_keep_their_precision_in_prose():
    assert say_date("2022-05-05", "day") == "5 May 2022"
    assert say_date("2022-05", "month") == "May 2022"
    assert say_date("2022-05-05", "year") == "2022"
    with pytest.raises(DateFormatError):
        say_date("2022", "day")  # never invent precision


def test_numbers_and_money():
    assert text.count(1, "milestone") == "one milestone"
    assert text.count(9, "event") == "nine events"
    assert text.count(12, "event") == "12 events"
    assert text.money(12_400_000_000, "USD") == "USD 12.4 billion"
    assert text.money(920_000_000, "USD") == "USD 920 million"
    assert text.percent(1.5) == "1.5%"
    assert text.percent(24, "about") == "about 24%"
    assert text.quantity(38, "USD bn") == "USD 38 billion"
    assert text.period(2017, 2021) == "2017–2021"
    assert text.join(["a", "b", "c"]) == "a, b and c"


def test_data_text_is_escaped():
    assert text.esc('<script>alert(1)</script>') == "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert "onerror" in text.esc('<img onerror="x">') and "<img" not in text.esc('<img onerror="x">')


def test_full_stop_ends_a_sentence_once():
    from helpers.writing.text import full_stop

    assert full_stop("Moon and Lee J.") == "Moon and Lee J."
    assert full_stop("Moon and Yoon") == "Moon and Yoon."


def test_in_text_citations_are_not_nested():
    from helpers.evidence.data import load_all
    from helpers.writing.text import Citations

    sources = load_all("2025-01-31").sources
    citations = Citations(sources)
    assert citations.cite("swp2025", "pism2022").count("(") == 1
    assert ">SWP 2025<" in citations.cite("swp2025")
    for short in sources["short_cite"]:  # 'Korea Herald (2025b)' reads 'Korea Herald 2025b' inside brackets
        source_id = sources.loc[sources["short_cite"] == short, "source_id"].iloc[0]
        assert "(" not in citations.in_text(source_id) or not short.endswith(")")


def test_source_line_names_the_core_sources_first_and_counts_the_rest():
    """Fixture sources of our own: two seeds among eight; the line names LINE_MAX - 1 and counts the others."""
    import pandas as pd

    from helpers.writing.section import _block
    from helpers.writing.text import Citations

    ids = [f"s{i}" for i in range(8)]
    sources = pd.DataFrame({"source_id": ids, "short_cite": [f"Source {i} (2024)" for i in range(8)],
                            "in_seeds": ["false"] * 6 + ["true", "true"]})
    citations = Citations(sources)
    links, rest = citations.source_links(ids)
    assert len(links) == Citations.LINE_MAX - 1 and rest == len(ids) - len(links)
    assert "#ref-s6" in links[0] and "#ref-s7" in links[1], "the core evidence (seeds) is named first"
    line = _block("source_line.html.j2", links=links, rest=rest, note="")
    assert line.startswith('<p class="fig-source">Sources: ') and f"and {rest} other" in line
    one = _block("source_line.html.j2", links=citations.source_links(["s0"])[0], rest=0, note="A & B.")
    assert ">Source: <a" in one and one.endswith(". A &amp; B.</p>"), "one source is 'Source'; the note is text"


def test_a_ratio_reads_as_house_style_has_it():
    from helpers.writing.filters import times

    assert [times(2), times(2.0), times(3), times(1.25), times(1)] == ["twice", "twice", "three times", "1.25 times", "once"]
