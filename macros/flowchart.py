"""Draw a flowchart entry as inline SVG, with an ordered list as its text alternative.

Nodes stand in rows (top to bottom) and are centred in their row; an edge is a
straight arrow between box borders, with an optional label at its middle.
"""

import html
import textwrap

BOX_WIDTH = 210
GAP_X = 30
GAP_Y = 46
LINE_HEIGHT = 17
PADDING = 10
CHARS_PER_LINE = 25


def _wrap(text):
    return textwrap.wrap(text, CHARS_PER_LINE) or [""]


def layout(nodes):
    """Return {id: (x, y, width, height, lines)} and the canvas size."""
    rows = {}
    for node in nodes:
        rows.setdefault(node["row"], []).append(node)
    widest = max(len(row) for row in rows.values())
    width = widest * BOX_WIDTH + (widest + 1) * GAP_X
    boxes, y = {}, GAP_Y / 2
    for row_number in sorted(rows):
        row = rows[row_number]
        wrapped = {node["id"]: _wrap(node["text"]) for node in row}
        height = max(len(text) for text in wrapped.values()) * LINE_HEIGHT + 2 * PADDING
        row_width = len(row) * BOX_WIDTH + (len(row) - 1) * GAP_X
        x = (width - row_width) / 2
        for node in row:
            boxes[node["id"]] = (x, y, BOX_WIDTH, height, wrapped[node["id"]])
            x += BOX_WIDTH + GAP_X
        y += height + GAP_Y
    return boxes, width, y - GAP_Y / 2


def _border_point(box, towards):
    """Where the line from the box centre to `towards` leaves the box."""
    x, y, w, h, _ = box
    cx, cy = x + w / 2, y + h / 2
    dx, dy = towards[0] - cx, towards[1] - cy
    if dx == 0 and dy == 0:
        return cx, cy
    scale = min((w / 2) / abs(dx) if dx else float("inf"), (h / 2) / abs(dy) if dy else float("inf"))
    return cx + dx * scale, cy + dy * scale


def _centre(box):
    return box[0] + box[2] / 2, box[1] + box[3] / 2


def svg(nodes, edges, chart_id):
    """Nodes and edges with texts already in one language; chart_id keeps ids unique."""
    boxes, width, height = layout(nodes)
    esc = html.escape
    parts = [
        (f'<svg class="hb-flowchart__svg" viewBox="0 0 {width:.0f} {height:.0f}" '
         f'width="{width:.0f}" height="{height:.0f}" aria-hidden="true" focusable="false">'),
        (f'<defs><marker id="{chart_id}-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" '
         'markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z"/></marker></defs>'),
    ]
    for edge in edges:
        start = _border_point(boxes[edge["from"]], _centre(boxes[edge["to"]]))
        end = _border_point(boxes[edge["to"]], _centre(boxes[edge["from"]]))
        parts.append(f'<line class="hb-flowchart__edge" x1="{start[0]:.1f}" y1="{start[1]:.1f}" '
                     f'x2="{end[0]:.1f}" y2="{end[1]:.1f}" marker-end="url(#{chart_id}-arrow)"/>')
        if edge.get("label"):
            mx, my = (start[0] + end[0]) / 2, (start[1] + end[1]) / 2
            parts.append(f'<text class="hb-flowchart__label" x="{mx:.1f}" y="{my + 4:.1f}" '
                         f'text-anchor="middle">{esc(edge["label"])}</text>')
    for node in nodes:
        x, y, w, h, text_lines = boxes[node["id"]]
        parts.append(f'<rect class="hb-flowchart__node" x="{x:.1f}" y="{y:.1f}" width="{w}" '
                     f'height="{h}" rx="8"/>')
        first = y + h / 2 - (len(text_lines) - 1) * LINE_HEIGHT / 2 + 5
        for index, line in enumerate(text_lines):
            parts.append(f'<text x="{x + w / 2:.1f}" y="{first + index * LINE_HEIGHT:.1f}" '
                         f'text-anchor="middle">{esc(line)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def text_alternative(nodes, edges):
    """An ordered list: each step and where it leads."""
    names = {node["id"]: node["text"] for node in nodes}
    items = []
    for node in nodes:
        targets = [
            names[edge["to"]] + (f' ({edge["label"]})' if edge.get("label") else "")
            for edge in edges if edge["from"] == node["id"]
        ]
        arrow = f' → {"; ".join(targets)}' if targets else ""
        items.append(f"<li>{html.escape(names[node['id']] + arrow)}</li>")
    return "<ol>" + "".join(items) + "</ol>"
