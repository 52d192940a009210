"""The house chart style: one colour-blind-safe palette, shipped fonts, print-size type, no chart junk."""
from __future__ import annotations

import base64
import io

import matplotlib

matplotlib.use("svg")  # headless and deterministic; figures are embedded as SVG
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib import font_manager  # noqa: E402

from ..paths import FONTS_DIR  # noqa: E402

from . import style as _style  # noqa: E402

# The palette and colours come from the house style (brief.yml `style:` over helpers.writing.style.DEFAULTS).
OKABE_ITO = _style.PALETTE
INK = _style.DEFAULTS["colours"]["roles"]["ink"]
MUTED = _style.DEFAULTS["colours"]["roles"]["muted"]
GRID = _style.DEFAULTS["colours"]["roles"]["grid"]
UNCERTAIN = _style.DEFAULTS["colours"]["roles"]["uncertain"]
WIDTH_IN = 6.3  # text width of an A4 page with the brief's margins


class _CategoryColours(dict):
    """Category -> colour as the house style sets it (read when used, so brief.yml's style applies)."""

    def _colours(self):
        return _style.house_style()["colours"]["categories"]

    def __getitem__(self, key):
        return self._colours()[key]

    def __iter__(self):
        return iter(self._colours())

    def __contains__(self, key):
        return key in self._colours()

    def __len__(self):
        return len(self._colours())

    def get(self, key, default=None):
        return self._colours().get(key, default)

    def items(self):
        return self._colours().items()

    def keys(self):
        return self._colours().keys()


CATEGORY_COLOURS = _CategoryColours()


CHART_FONT = "Noto Sans Brief"  # the family name the brief's CSS gives the shipped Noto Sans (see render.py)


def _register_fonts() -> None:
    """Register the shipped Noto Sans under the CSS family name, so chart text and page text are one font."""
    import dataclasses

    known = {(f.fname, f.name) for f in font_manager.fontManager.ttflist}
    for path in sorted(FONTS_DIR.glob(f"{_style.house_style()['fonts']['apparatus']}-*.ttf")):
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
    """The house colour of an administration ('administration', 'Moon Jae-in'), a category ('category', 'defence
    industry') or a role ('role', 'uncertain'): the same thing has the same colour in every chart."""
    return _style.colour_for(kind, name)


def admin_colours(admins) -> dict[str, str]:
    """Each administration's colour from the house style, by name (never by row order)."""
    return {name: _style.colour_for("administration", name) for name in admins["administration"]}


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
