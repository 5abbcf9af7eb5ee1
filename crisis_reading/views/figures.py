"""A chart as the course shows it: the picture, a title that states the finding, and a one-line description.

Figures are made with matplotlib's object interface, not pyplot, so a chart
appears once, where the notebook shows it, with its description underneath and
as the image's alt text for screen readers.
"""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass
from html import escape

import matplotlib as mpl
from matplotlib.axes import Axes
from matplotlib.figure import Figure

COURSE_RC = {
    "font.size": 11,
    "axes.titlesize": 13,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.labelsize": 11,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.axisbelow": True,  # gridlines behind the markers and bars, never drawn over them
    "figure.dpi": 100,
    "savefig.dpi": 100,
    "figure.facecolor": "white",
}


@dataclass
class Chart:
    """A drawn chart: `.figure`, `.ax`, the finding in `.title`, and `.description` for every reader."""

    figure: Figure
    ax: Axes
    title: str
    description: str

    def png(self) -> bytes:
        buffer = io.BytesIO()
        with mpl.rc_context(COURSE_RC):
            self.figure.savefig(buffer, format="png", bbox_inches="tight")
        return buffer.getvalue()

    def _repr_html_(self) -> str:
        encoded = base64.b64encode(self.png()).decode("ascii")
        text = escape(self.description)
        return (
            f"<figure style='margin:0'><img src='data:image/png;base64,{encoded}' alt='{text}' "
            f"style='max-width:100%'><figcaption style='color:#333;font-size:.95em'>{text}</figcaption></figure>"
        )

    def __repr__(self) -> str:
        return f"<Chart: {self.title}>\n{self.description}"


def new_chart(width: float = 8, height: float = 4) -> tuple[Figure, Axes]:
    with mpl.rc_context(COURSE_RC):
        figure = Figure(figsize=(width, height))
        ax = figure.add_subplot()
    return figure, ax


def finish(figure: Figure, ax: Axes, title: str, description: str) -> Chart:
    with mpl.rc_context(COURSE_RC):
        ax.set_title(title, loc="left", fontsize=COURSE_RC["axes.titlesize"], fontweight="bold")
        figure.tight_layout()
    return Chart(figure=figure, ax=ax, title=title, description=description)


def course_style(draw):
    """Draw a chart inside the course's matplotlib settings, whatever the notebook's settings are."""

    def wrapper(*args, **kwargs):
        with mpl.rc_context(COURSE_RC):
            return draw(*args, **kwargs)

    wrapper.__name__ = draw.__name__
    wrapper.__doc__ = draw.__doc__
    wrapper.__wrapped__ = draw
    return wrapper


def empty_chart(title: str, description: str, advice: str) -> Chart:
    """A chart with nothing to draw says so in words, instead of drawing empty or misleading axes."""
    with mpl.rc_context(COURSE_RC):
        figure, ax = new_chart(8, 2.2)
        ax.axis("off")
        ax.text(0.0, 0.5, advice, ha="left", va="center", wrap=True, fontsize=11, color="#333333")
    return finish(figure, ax, title, description)
