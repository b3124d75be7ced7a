"""An inline SVG timeline of a quantity finding: each source's value against its as-of date.

Drawn by hand rather than with a charting library so that the HTML report stays one file with no
script from elsewhere. Every piece of source text in it (source names, speakers) is escaped.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from html import escape

from checker.models import Finding, Mention
from checker.report.common import attribution, location, source_label

WIDTH, HEIGHT = 640, 240
LEFT, RIGHT, TOP, BOTTOM = 64, 48, 24, 40
PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2")
SYMBOLS = {"at-least": "≥", "more-than": ">", "up-to": "≤", "fewer-than": "<", "about": "~", "nearly": "≈"}


def as_of_date(as_of: str | None) -> date | None:
    """The first day of the period an as-of names (2020, 2020-10, 2020-10-14); None when there is none."""
    if not as_of:
        return None
    parts = as_of.split("-")
    try:
        return date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1)
    except (ValueError, IndexError):
        return None


def _number(x: float) -> str:
    if abs(x) >= 1e9:
        return f"{x / 1e9:.3g}B"
    if abs(x) >= 1e6:
        return f"{x / 1e6:.3g}M"
    return f"{x:,.0f}" if float(x).is_integer() else f"{x:,.2f}"


def _label(mention: Mention) -> str:
    """The value as a chart label: `≥545`, `~3,000`, `200–999`."""
    if mention.qualifier in SYMBOLS and isinstance(mention.value, (int, float)):
        value = SYMBOLS[mention.qualifier] + _number(float(mention.value))
    else:
        low, high = _bounds(mention)
        value = f"{_number(low)}–{_number(high)}" if high > low else _number(low)
    return f"{value} {mention.unit}" if mention.unit else value


def _step(top: float) -> float:
    """A round grid step (1, 2, 2.5 or 5 times a power of ten) giving about four lines up to `top`."""
    raw = top / 4
    power = 10 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)


def _bounds(mention: Mention) -> tuple[float, float]:
    """The values a statement allows; an open end (at least 545) is drawn as its finite end."""
    if mention.interval is None:
        return float(mention.value), float(mention.value)  # type: ignore[arg-type]
    low, high = mention.interval.low, mention.interval.high
    if not math.isfinite(high):
        high = low
    if not math.isfinite(low):
        low = high
    return low, high


def charted(finding: Finding) -> list[Mention]:
    """The mentions a timeline can place: a number and an as-of date."""
    return [m for m in finding.mentions
            if (isinstance(m.value, (int, float)) or m.interval is not None) and as_of_date(m.as_of)]


@dataclass(frozen=True)
class _Scale:
    """Days and values to SVG coordinates."""

    first: int
    last: int
    top: float

    def x(self, day: int) -> float:
        return LEFT + (day - self.first) / (self.last - self.first) * (WIDTH - LEFT - RIGHT)

    def y(self, value: float) -> float:
        return HEIGHT - BOTTOM - value / self.top * (HEIGHT - TOP - BOTTOM)


def _axes(scale: _Scale, step: float, dates: set[tuple[int, str]]) -> list[str]:
    out = []
    for i in range(5):
        at = scale.y(step * i)
        out.append(f'<line class="grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{at:.1f}" y2="{at:.1f}"/>'
                   f'<text class="tick" x="{LEFT - 6}" y="{at + 4:.1f}" text-anchor="end">{_number(step * i)}</text>')
    for day, label in sorted(dates):
        out.append(f'<text class="tick" x="{scale.x(day):.1f}" y="{HEIGHT - BOTTOM + 16}" text-anchor="middle">'
                   f"{escape(label)}</text>")
    return out


def _point(scale: _Scale, day: int, mention: Mention, colour: str) -> str:
    """A dot at the value (a bar over the range a statement allows), labelled, with the statement as tooltip."""
    low, high = _bounds(mention)
    x, y = scale.x(day), scale.y((low + high) / 2)
    tip = escape(f"{location(mention)} — {mention.statement} as of {mention.as_of} ({attribution(mention)})")
    bar = (f'<line class="span" x1="{x:.1f}" x2="{x:.1f}" y1="{scale.y(low):.1f}" y2="{scale.y(high):.1f}" '
           f'stroke="{colour}"/>' if high > low else "")
    leftwards = x > (LEFT + WIDTH - RIGHT) / 2  # labels on the right half read leftwards, so none is cut off
    return (f'{bar}<circle class="point" cx="{x:.1f}" cy="{y:.1f}" r="5" fill="{colour}"><title>{tip}</title></circle>'
            f'<text class="value" x="{x - 8 if leftwards else x + 8:.1f}" y="{y - 8:.1f}" '
            f'text-anchor="{"end" if leftwards else "start"}">{escape(_label(mention))}</text>')


def timeline_svg(finding: Finding) -> str:
    """The chart, or "" when fewer than two statements have both a number and a date."""
    points = charted(finding)
    if len(points) < 2:
        return ""
    days = [as_of_date(m.as_of).toordinal() for m in points]  # type: ignore[union-attr]
    pad = max((max(days) - min(days)) // 10, 15)  # keeps points off the axes
    step = _step(max(max(_bounds(m)[1] for m in points), 1.0) * 1.1)
    scale = _Scale(min(days) - pad, max(days) + pad, step * 4)
    sources = list(dict.fromkeys(m.source for m in points))
    labels = {m.source: source_label(m) for m in points}
    colour = {s: PALETTE[i % len(PALETTE)] for i, s in enumerate(sources)}
    out = [f'<svg class="timeline" viewBox="0 0 {WIDTH} {HEIGHT + 18 * len(sources)}" role="img" '
           f'aria-label="{escape(finding.title)}: values by as-of date" xmlns="http://www.w3.org/2000/svg">',
           *_axes(scale, step, {(d, m.as_of or "") for d, m in zip(days, points, strict=True)}),
           *(_point(scale, d, m, colour[m.source]) for d, m in zip(days, points, strict=True))]
    for i, source in enumerate(sources):
        row = HEIGHT + 4 + 18 * i
        out.append(f'<circle cx="{LEFT + 6}" cy="{row}" r="5" fill="{colour[source]}"/>'
                   f'<text class="legend" x="{LEFT + 16}" y="{row + 4}">{escape(labels[source])}</text>')
    out.append("</svg>")
    return "".join(out)
