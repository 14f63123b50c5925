"""The labs' plots: one look, readable on the site's light and dark pages alike.

A plot is shown as inline SVG whose text, axes and grid are drawn in `currentColor`:
they take the colour of the page's text, dark on the light scheme and light on the
dark (slate) one, and in Jupyter the colour of its theme. The background is
transparent. Data colours come from PALETTE, each at least 3:1 against both page
backgrounds (WCAG 1.4.11 for graphics; tests/test_labs.py checks it).

    from bench.labkit import PALETTE, figure, show
    fig, ax = figure()
    ax.plot([1, 2, 3], [1, 2, 3], color=PALETTE["blue"])
    show(fig, "A line rising from 1 to 3")
"""

from __future__ import annotations

import io
import re
from html import escape
from typing import Any

import matplotlib
from cycler import cycler
from matplotlib import rc_context
from matplotlib.figure import Figure

# Drawn in this colour, replaced by `currentColor` in the SVG: no plot uses it otherwise.
FOREGROUND = "#010203"
PALETTE = {
    "blue": "#3b7dd8",
    "orange": "#d9730d",
    "green": "#2e9e44",
    "magenta": "#d6457e",
    "purple": "#9161c9",
    "grey": "#8a8a8a",
}
STYLE: dict[Any, Any] = {  # matplotlib rcParams
    "figure.facecolor": "none",
    "axes.facecolor": "none",
    "savefig.facecolor": "none",
    "savefig.transparent": True,
    "text.color": FOREGROUND,
    "axes.labelcolor": FOREGROUND,
    "axes.edgecolor": FOREGROUND,
    "axes.titlecolor": FOREGROUND,
    "xtick.color": FOREGROUND,
    "ytick.color": FOREGROUND,
    "grid.color": FOREGROUND,
    "grid.alpha": 0.2,
    "axes.grid": True,
    "axes.axisbelow": True,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.titleweight": "bold",
    "axes.prop_cycle": cycler(color=list(PALETTE.values())),
    "legend.frameon": False,
    "legend.labelcolor": FOREGROUND,
    "font.size": 11,
    "lines.linewidth": 2,
    "lines.markersize": 6,
    "svg.fonttype": "path",  # text as shapes: the same on every reader's machine
}


def figure(
    rows: int = 1, cols: int = 1, width: float = 7.5, height: float = 3.4, **subplots: Any
) -> tuple[Figure, Any]:
    """A figure in the lab style, and its axes (as `Figure.subplots` returns them).

    A bare Figure, not pyplot: nothing is shown until show() is called, once. The
    style is set for the whole notebook, since legends, lines and labels added after
    this call read it too.
    """
    matplotlib.rcParams.update(STYLE)
    fig = Figure(figsize=(width, height), layout="constrained")
    axes = fig.subplots(rows, cols, **subplots)
    return fig, axes


def svg(fig: Figure, alt: str) -> str:
    """The figure as inline SVG: page-coloured foreground, scalable, with a text alternative."""
    buffer = io.StringIO()
    with rc_context(STYLE):
        fig.savefig(buffer, format="svg", metadata={"Date": None})
    text = buffer.getvalue()
    text = text[text.index("<svg") :]  # no XML declaration or doctype inside HTML
    text = text.replace(FOREGROUND, "currentColor")
    match = re.match(r'<svg[^>]*?width="([\d.]+)pt" height="([\d.]+)pt"', text)
    if not match:
        raise ValueError("unexpected SVG from matplotlib")
    width_px = float(match[1]) * 4 / 3
    # Scale to the column, never past the size it was drawn at.
    text = re.sub(
        r'width="[\d.]+pt" height="[\d.]+pt"',
        f'width="100%" role="img" aria-label="{escape(alt)}"'
        f' style="max-width: {width_px:.0f}px; height: auto"',
        text,
        count=1,
    )
    opening = text.index(">") + 1
    return f"{text[:opening]}<title>{escape(alt)}</title>{text[opening:]}"


def show(fig: Figure, alt: str) -> None:
    """Display the figure in the notebook as inline SVG (see svg()).

    As HTML rather than image/svg+xml: JupyterLab shows SVG output as an <img>,
    where `currentColor` cannot reach the page's colours.
    """
    from IPython.display import HTML, display

    display(HTML(svg(fig, alt)))  # type: ignore[no-untyped-call, unused-ignore]
