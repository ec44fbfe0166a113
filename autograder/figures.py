"""The class report's figures, drawn with matplotlib and returned as inline SVG.

Figures are made with matplotlib.figure.Figure, never pyplot: no GUI backend, no global
state. Every figure's ids are prefixed, so that several SVGs can share one HTML page.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Callable, Sequence
from typing import Any

import matplotlib
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

# What the report's CSS uses (page.STYLE): ink, muted text, grid lines.
INK, MUTED, GRID = "#1f2933", "#52606d", "#d9e2ec"
# Score levels, from no points to full marks: ColorBrewer RdBu, readable with colour blindness.
LEVEL_COLOURS = ("#ca0020", "#f4a582", "#92c5de", "#0571b0")
LEVEL_KEYS = ("report_level_zero", "report_level_low", "report_level_high", "report_level_full")
TOTALS_COLOUR = "#0571b0"
# Text stays text in the SVG (the page's fonts, searchable); fixed ids give the same bytes for
# the same data.
STYLE: dict[Any, Any] = {  # matplotlib's stubs type the keys as a Literal of rc names
    "svg.fonttype": "none",
    "svg.hashsalt": "rnngrade",
    "font.size": 10,
    "axes.edgecolor": MUTED,
    "axes.labelcolor": INK,
    "xtick.color": MUTED,
    "ytick.color": MUTED,
    "text.color": INK,
}
NO_METADATA = {"Creator": None, "Date": None, "Format": None, "Type": None}
ID = re.compile(r'(\bid="|url\(#|href="#)')


def svg(figure: Figure, prefix: str) -> str:
    """figure as an <svg> element to put in HTML, its ids starting with prefix."""
    buffer = io.StringIO()
    with matplotlib.rc_context(STYLE):
        figure.savefig(buffer, format="svg", metadata=NO_METADATA)
    text = buffer.getvalue()
    text = text[text.index("<svg") :]  # no XML declaration or DOCTYPE inside HTML
    return ID.sub(lambda m: m.group(1) + prefix, text).strip()


def level(score: float, possible: float) -> int:
    """The score level of a question's score: 0 none, 1 less than half, 2 half or more, 3 full."""
    if score >= possible:
        return 3
    if score <= 0:
        return 0
    return 1 if score < possible / 2 else 2


def _bin_width(possible: float) -> float:
    """A round width that cuts 0..possible into at most 20 bins."""
    for width in (0.5, 1, 2, 2.5, 5, 10, 20, 25, 50, 100):
        if possible / width <= 20:
            return width
    return possible / 20


def totals(scores: Sequence[float], possible: float, say: Callable[..., str]) -> Figure:
    """Histogram of the total grades of the graded submissions, 0 to possible."""
    with matplotlib.rc_context(STYLE):
        figure = Figure(figsize=(8, 2.8), layout="constrained")
        axes = figure.add_subplot()
        width = _bin_width(possible) if possible > 0 else 1
        edges = [i * width for i in range(math.ceil(possible / width) + 1)] if possible > 0 else [0, 1]
        # the last bin closes on possible: full marks fall in it, not past it
        axes.hist([min(s, edges[-1]) for s in scores], bins=edges, color=TOTALS_COLOUR, edgecolor="white")
        axes.set_xlim(0, edges[-1])
        axes.set_xlabel(say("report_totals_axis"))
        axes.set_ylabel(say("report_students_axis"))
        axes.yaxis.set_major_locator(MaxNLocator(integer=True))
        axes.grid(axis="y", color=GRID)
        axes.set_axisbelow(True)
        axes.spines[["top", "right"]].set_visible(False)
    return figure


def levels(counts: dict[str, list[int]], graded: int, say: Callable[..., str]) -> Figure:
    """One horizontal bar per question (label -> students at each score level), stacked from
    no points to full marks, as a share of the graded submissions."""
    labels = list(counts)
    with matplotlib.rc_context(STYLE):
        figure = Figure(figsize=(8, 0.9 + 0.42 * len(labels)), layout="constrained")
        axes = figure.add_subplot()
        left = [0.0] * len(labels)
        for i, (colour, key) in enumerate(zip(LEVEL_COLOURS, LEVEL_KEYS)):
            shares = [counts[label][i] / graded if graded else 0.0 for label in labels]
            bars = axes.barh(labels, shares, left=left, color=colour, label=say(key), height=0.7)
            text = [str(counts[label][i]) if share >= 0.04 else "" for label, share in zip(labels, shares)]
            axes.bar_label(
                bars, labels=text, label_type="center", fontsize=9, color=INK if i in (1, 2) else "white"
            )
            left = [a + b for a, b in zip(left, shares)]
        axes.set_xlim(0, 1)
        axes.invert_yaxis()  # the first question on top
        axes.xaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0, decimals=0))
        axes.set_xlabel(say("report_share_axis"))
        axes.spines[["top", "right", "left"]].set_visible(False)
        axes.tick_params(axis="y", length=0)
        figure.legend(ncols=4, loc="outside upper center", frameon=False, fontsize=9)
    return figure
