"""Draw a wheel entry (a centre and its spokes) as inline SVG at build time.

The drawing holds the centre text and one titled segment per spoke; the examples of
each spoke stand below it as a list (macros/templates/blocks.html), which is also the
text alternative.
"""

import html
import math
import textwrap

SIZE = 560
CENTRE = SIZE / 2
OUTER = 270
INNER = 95
LINE_HEIGHT = 19


def _point(radius, angle):
    return CENTRE + radius * math.cos(angle), CENTRE + radius * math.sin(angle)


def _text(x, y, text, width, css_class):
    lines = textwrap.wrap(text, width) or [""]
    top = y - (len(lines) - 1) * LINE_HEIGHT / 2
    spans = "".join(
        f'<tspan x="{x:.1f}" y="{top + index * LINE_HEIGHT:.1f}">{html.escape(line)}</tspan>'
        for index, line in enumerate(lines)
    )
    return f'<text class="{css_class}" text-anchor="middle" dominant-baseline="middle">{spans}</text>'


def svg(centre, spokes, svg_id):
    """`centre` is a plain string, `spokes` a list of plain-string titles."""
    count = len(spokes)
    step = 2 * math.pi / count
    parts = []
    for index, title in enumerate(spokes):
        start, end = -math.pi / 2 + index * step, -math.pi / 2 + (index + 1) * step
        (x1, y1), (x2, y2) = _point(OUTER, start), _point(OUTER, end)
        (x3, y3), (x4, y4) = _point(INNER, end), _point(INNER, start)
        parts.append(
            f'<path class="hb-wheel__segment" d="M{x1:.1f},{y1:.1f} A{OUTER},{OUTER} 0 0 1 {x2:.1f},{y2:.1f} '
            f'L{x3:.1f},{y3:.1f} A{INNER},{INNER} 0 0 0 {x4:.1f},{y4:.1f} Z"/>'
        )
        x, y = _point((OUTER + INNER) / 2, (start + end) / 2)
        parts.append(_text(x, y, title, 12, "hb-wheel__label"))
    parts.append(f'<circle class="hb-wheel__centre" cx="{CENTRE}" cy="{CENTRE}" r="{INNER - 4}"/>')
    parts.append(_text(CENTRE, CENTRE, centre, 14, "hb-wheel__centre-text"))
    return (f'<svg class="hb-wheel__svg" id="{svg_id}" viewBox="0 0 {SIZE} {SIZE}" role="img" '
            f'aria-label="{html.escape(centre)}" xmlns="http://www.w3.org/2000/svg">{"".join(parts)}</svg>')
