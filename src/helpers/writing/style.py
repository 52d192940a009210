"""House style as configuration: colours per administration and per category, the page size and margins, and the
fonts, read from `style:` in brief.yml over the defaults below. Recolouring one government recolours it in every
chart and nowhere else; changing the page size changes the PDF without touching code.

    style:
      colours:
        administrations: {Moon Jae-in: "#0072B2", Yoon Suk-yeol: "#D55E00"}
        categories: {defence industry: "#CC79A7"}
      page: {size: A4, margin: 22mm 25mm 20mm}
      limits: {brief_pages: 8, brief_words: 4000}
"""
from __future__ import annotations

import re
from functools import lru_cache

# Okabe-Ito, colour-blind safe. Administrations have fixed colours by name, so no chart's colours depend on the row
# order of a table; a government the defaults do not name takes the next unused colour of the palette.
PALETTE = ["#E69F00", "#56B4E9", "#009E73", "#0072B2", "#D55E00", "#CC79A7", "#F0E442", "#000000"]
DEFAULTS = {
    "colours": {
        "administrations": {
            "Roh Moo-hyun": "#E69F00", "Lee Myung-bak": "#56B4E9", "Park Geun-hye": "#009E73",
            "Moon Jae-in": "#0072B2", "Yoon Suk-yeol": "#D55E00", "Lee Jae-myung": "#CC79A7",
        },
        "categories": {
            "political dialogue": "#0072B2", "partnership framework": "#009E73", "operations": "#E69F00",
            "cyber and technology": "#56B4E9", "military cooperation": "#D55E00", "defence industry": "#CC79A7",
            "summitry": "#000000", "NATO policy": "#7f7f7f", "Korean domestic politics": "#b8a000",
            "Korean foreign policy": "#8c564b", "regional context": "#bdbdbd", "non-proliferation": "#004d40",
            "arms market": "#a6761d",
        },
        "roles": {"ink": "#1a1a1a", "muted": "#6b6b6b", "grid": "#d9d9d9", "uncertain": "#9e9e9e",
                  "accent": "#17365d", "highlight": "#0072B2", "context": "#bdbdbd"},
    },
    "page": {"size": "A4", "margin": "22mm 25mm 20mm"},
    "fonts": {"text": "NotoSerif", "apparatus": "NotoSans"},
    # The policy brief's length, as the build warns and the tests hold it (the report has no limit).
    "limits": {"brief_pages": 8, "brief_words": 4000},
}
_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")


class StyleError(ValueError):
    """brief.yml's style: has a value the brief cannot use; the message names it."""


def _merge(base: dict, override: dict, where: str) -> dict:
    merged = dict(base)
    for key, value in (override or {}).items():
        if isinstance(base.get(key), dict):
            if not isinstance(value, dict):
                raise StyleError(f"brief.yml: style: {where}{key}: expected a mapping")
            merged[key] = _merge(base[key], value, f"{where}{key}: ")
        else:
            merged[key] = value
    return merged


def check(style: dict) -> dict:
    for group in ("administrations", "categories", "roles"):
        for name, colour in style["colours"][group].items():
            if not isinstance(colour, str) or not _COLOUR.fullmatch(colour):
                raise StyleError(f"brief.yml: style: colours: {group}: {name}: {colour!r} is not a colour like \"#0072B2\"")
    if not re.fullmatch(r"(A[3-5]|letter|legal)( landscape)?", str(style["page"]["size"])):
        raise StyleError(f"brief.yml: style: page: size: {style['page']['size']!r}; use A4, A5, A3, letter or legal")
    if not re.fullmatch(r"(\d+(\.\d+)?(mm|cm|in|pt)\s*){1,4}", str(style["page"]["margin"]).strip()):
        raise StyleError(f"brief.yml: style: page: margin: {style['page']['margin']!r}; use one to four lengths, e.g. 22mm 25mm 20mm")
    for name, value in style["limits"].items():
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise StyleError(f"brief.yml: style: limits: {name}: {value!r} is not a whole number above zero")
    return style


def resolve(raw: dict | None) -> dict:
    """The house style: brief.yml's `style:` over the defaults, checked."""
    if raw is not None and not isinstance(raw, dict):
        raise StyleError("brief.yml: style: expected a mapping (colours:, page:, fonts:, limits:)")
    return check(_merge(DEFAULTS, raw or {}, ""))


@lru_cache(maxsize=4)
def _from_manifest(path: str) -> dict:
    import yaml

    try:
        with open(path, encoding="utf-8") as handle:
            raw = (yaml.safe_load(handle) or {}).get("style")
    except OSError:
        raw = None
    return resolve(raw)


def house_style() -> dict:
    """The house style of the project the code runs in (brief.yml beside data/ and notebooks/)."""
    from ..paths import manifest_path

    return _from_manifest(str(manifest_path()))


def colour_for(kind: str, name: str, style: dict | None = None) -> str:
    """The colour of one thing in every chart: kind is 'administration', 'category' or 'role'."""
    style = style or house_style()
    group = {"administration": "administrations", "category": "categories", "role": "roles"}.get(kind)
    if group is None:
        raise ValueError(f"colour_for: unknown kind {kind!r}; use administration, category or role")
    colours = style["colours"][group]
    if name in colours:
        return colours[name]
    if kind == "administration":  # a government the style does not name: the first palette colour still free
        used = set(colours.values())
        return next((c for c in PALETTE if c not in used), PALETTE[len(used) % len(PALETTE)])
    return style["colours"]["roles"]["muted"]


def page_css(style: dict | None = None) -> str:
    """The @page rule for print and the PDF, from the style's page size and margins."""
    style = style or house_style()
    return f"@page {{ size: {style['page']['size']}; margin: {style['page']['margin']}; }}"
