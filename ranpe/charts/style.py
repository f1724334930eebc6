"""The charts' look: colours, text sizes and spacing in px, and how wide a text is drawn (text_px, wrap_px)."""

from __future__ import annotations

import re

# A colour per group of a plan period, the same group number the same colour on every chart, for up to 12 groups
# (three pillars, nine themes): the Okabe–Ito colours without black and yellow (colour-blind safe, each legible on
# white), then five of Paul Tol's muted scheme that stay apart from them (indigo, wine, olive, rose, teal) and the
# Okabe–Ito yellow last.
PILLAR_COLOURS = {
    1: "#0072B2",  # blue
    2: "#E69F00",  # orange
    3: "#009E73",  # bluish green
    4: "#D55E00",  # vermillion
    5: "#CC79A7",  # reddish purple
    6: "#56B4E9",  # sky blue
    7: "#332288",  # indigo (Tol)
    8: "#882255",  # wine (Tol)
    9: "#999933",  # olive (Tol)
    10: "#CC6677",  # rose (Tol)
    11: "#44AA99",  # teal (Tol)
    12: "#F0E442",  # yellow
}
ALL_PILLARS_COLOUR = "#222222"
STATUS_COLOURS = {
    "not_started": "#BBBBBB",
    "in_progress": "#F0E442",
    "completed": "#332288",
    "not_implemented": "#D55E00",
    "none": "#E5E5E5",
}
NEUTRAL_BAR_COLOUR = "#0072B2"
# Sequential, colour-blind safe, light (low) to dark (high).
RATE_COLOURSCALE = "Viridis_r"
NO_DATA_COLOUR = "#D9D9D9"
# Where a polygon drawn grey sits on the map's colour axis (below 0%).
NO_DATA_Z = -0.2
FOCUS_OUTLINE_COLOUR = "#000000"
FONT_FAMILY = "Source Sans Pro, Arial, sans-serif"
# Text sizes on the page, in px. Tick labels, legend entries, axis titles and bar labels follow the figure's font
# (BASE_FONT_PX), so that fit() scales them all with it.
BASE_FONT_PX = 13
TITLE_FONT_PX = 17
SUBTITLE_FONT_PX = 13
FOOTER_FONT_PX = 11
# Plotly sets lines of a text 1.3 of its font size apart; a title's lines take the title's spacing.
LINE_SPACING = 1.3
# The narrowest a chart is drawn: about 350 px on a 390 px phone, 310 px in the narrower of two columns beside the
# sidebar at 1280 px. Titles, legends and footers are laid out for this width, so that they hold at every width.
MIN_CHART_PX = 300
# Plotly's mode bar (zoom, download, full screen) lies over the figure's top right corner: the title starts under it.
MODEBAR_PX = 28
# Space between the figure's edge and its text, and between the blocks of a figure (title, legend, plot, footer).
EDGE_PX = 8
GAP_PX = 10
# A heat map's colour bar: its length (at most: never longer than the plot) and thickness.
COLOURBAR_PX = 240
COLOURBAR_THICKNESS_PX = 12
# Bar charts with one row per category: the plot is this tall per row.
ROW_HEIGHT_PX = 30

# Advance widths of Arial (and its metric twin Liberation Sans, what Chromium draws without Source Sans Pro), in
# thousandths of the font size; Source Sans Pro is narrower, so a layout measured this way has room to spare.
_CHAR_WIDTHS = {
    **dict.fromkeys("ijl'|", 222),
    **dict.fromkeys(" \xa0.,:;·!/[]ftI", 278),
    **dict.fromkeys("-()r", 333),
    **dict.fromkeys("*", 389),
    **dict.fromkeys("cksvxyzJ", 500),
    **dict.fromkeys("abdeghnopqu0123456789#_?–L$", 556),
    **dict.fromkeys("+<=>×", 584),
    **dict.fromkeys("FTZ", 611),
    **dict.fromkeys("ABEKPSVXY&", 667),
    **dict.fromkeys("wCDHNRU", 722),
    **dict.fromkeys("GOQ", 778),
    **dict.fromkeys("mM", 833),
    **dict.fromkeys("%", 889),
    **dict.fromkeys("W—", 1000),
}
_WIDE_CHAR = 1000
_BOLD_WIDENING = 1.1
_TAG = re.compile(r"<[^>]*>")


def text_px(text: str, font_px: float, *, bold: bool = False) -> float:
    """About how wide a line of text is drawn (HTML tags such as <b> take no room)."""
    plain = _TAG.sub("", text)
    width = sum(_CHAR_WIDTHS.get(char, _WIDE_CHAR if ord(char) > 0x2FF else 600) for char in plain) * font_px / 1000
    return width * (_BOLD_WIDENING if bold else 1.0)


def wrap_px(text: str, width_px: float, font_px: float, *, bold: bool = False) -> list[str]:
    """Text broken at spaces into lines no wider than width_px (a longer word keeps its own line); tags such as
    <a href='...'> stay whole."""
    lines: list[str] = []
    # Words are split at plain spaces only: a non-breaking space (\xa0) holds its words together.
    for word in re.findall(r"(?:<[^>]*>|[^ <])+", text):
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and text_px(candidate, font_px, bold=bold) <= width_px:
            lines[-1] = candidate
        else:
            lines.append(word)
    return lines


def separators(lang: str) -> str:
    """Plotly's decimal and thousands separators for the language."""
    return ".," if lang == "en" else ",."
