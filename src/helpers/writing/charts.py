"""The house chart style: one colour-blind-safe palette, shipped fonts, print-size type, no chart junk."""
from __future__ import annotations

import base64
import io

import matplotlib

matplotlib.use("svg")  # headless and deterministic; figures are embedded as SVG
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib import font_manager  # noqa: E402

from ..paths import FONTS_DIR  # noqa: E402

# Okabe-Ito, ordered so each administration keeps its colour in every chart (row order of
# data/administrations.csv: Roh, Lee M., Park, Moon, Yoon, Lee J., then any added later).
OKABE_ITO = ["#E69F00", "#56B4E9", "#009E73", "#0072B2", "#D55E00", "#CC79A7", "#F0E442", "#000000"]
INK = "#1a1a1a"
MUTED = "#6b6b6b"
GRID = "#d9d9d9"
UNCERTAIN = "#9e9e9e"
WIDTH_IN = 6.3  # text width of an A4 page with the brief's margins

CATEGORY_COLOURS = {
    "political dialogue": "#0072B2",
    "partnership framework": "#009E73",
    "operations": "#E69F00",
    "cyber and technology": "#56B4E9",
    "military cooperation": "#D55E00",
    "defence industry": "#CC79A7",
    "summitry": "#000000",
    "NATO policy": "#7f7f7f",
    "Korean domestic politics": "#b8a000",
    "Korean foreign policy": "#8c564b",
    "regional context": "#bdbdbd",
    "non-proliferation": "#004d40",
}


CHART_FONT = "Noto Sans Brief"  # the family name the brief's CSS gives the shipped Noto Sans (see render.py)


def _register_fonts() -> None:
    """Register the shipped Noto Sans under the CSS family name, so chart text and page text are one font."""
    import dataclasses

    known = {(f.fname, f.name) for f in font_manager.fontManager.ttflist}
    for path in sorted(FONTS_DIR.glob("NotoSans-*.ttf")):
        if (str(path), CHART_FONT) in known:
            continue
        entry = font_manager.ttfFontProperty(font_manager.get_font(str(path)))
        font_manager.fontManager.ttflist.append(dataclasses.replace(entry, name=CHART_FONT))
    font_manager.fontManager._findfont_cached.cache_clear()


def use_house_style() -> None:
    """Apply the brief's chart style to matplotlib (idempotent)."""
    _register_fonts()
    matplotlib.rcParams.update({
        # Charts are SVG with real text: the PDF typesets it in the embedded Noto Sans (fast, searchable), and a
        # browser without Noto Sans falls back to its own sans-serif.
        "font.family": [CHART_FONT, "sans-serif"],
        "font.size": 8.5,
        "axes.titlesize": 9,
        "axes.labelsize": 8.5,
        "axes.labelcolor": INK,
        "axes.edgecolor": MUTED,
        "axes.linewidth": 0.6,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.grid": False,
        "axes.prop_cycle": matplotlib.cycler(color=OKABE_ITO),
        "grid.color": GRID,
        "grid.linewidth": 0.5,
        "xtick.color": INK,
        "ytick.color": INK,
        "xtick.labelsize": 8,
        "ytick.labelsize": 8,
        "legend.frameon": False,
        "legend.fontsize": 8,
        "figure.dpi": 100,
        "svg.fonttype": "none",  # text as text, not glyph paths: drawing glyph paths made the PDF twice as slow
        "svg.hashsalt": "rok-nato-brief",  # stable ids: identical input gives identical SVG
    })


def colour_for(kind: str, name: str) -> str:
    """The house colour of a category ('category', 'defence industry') or an administration ('administration',
    'Moon Jae-in'): the same thing has the same colour in every chart."""
    if kind == "category":
        return CATEGORY_COLOURS.get(name, MUTED)
    raise ValueError(f"colour_for: unknown kind {kind!r}")


def admin_colours(admins) -> dict[str, str]:
    """A fixed colour per administration, from its row order in data/administrations.csv."""
    names = list(admins["administration"])
    return {name: OKABE_ITO[i % len(OKABE_ITO)] for i, name in enumerate(names)}


def new_figure(height_in: float = 3.0, width_in: float = WIDTH_IN, **kwargs):
    use_house_style()
    return plt.subplots(figsize=(width_in, height_in), **kwargs)


def value_grid(ax, axis: str = "y") -> None:
    """Light gridlines on the value axis only."""
    ax.grid(True, axis=axis, color=GRID, linewidth=0.5)
    ax.set_axisbelow(True)


def svg_data_uri(fig) -> tuple[str, float, float]:
    """Render a figure to an embedded SVG data URI; returns (uri, width_px, height_px). Closes the figure."""
    buffer = io.BytesIO()
    # Extra padding: a browser draws chart text in its own sans-serif (an <img> cannot use the page's fonts), often
    # wider than Noto Sans, and labels at the edge would be cut off.
    fig.savefig(buffer, format="svg", bbox_inches="tight", pad_inches=0.22, metadata={"Date": None, "Creator": None})
    width, height = fig.get_size_inches() * 96
    plt.close(fig)
    encoded = base64.b64encode(buffer.getvalue()).decode("ascii")
    return f"data:image/svg+xml;base64,{encoded}", width, height
