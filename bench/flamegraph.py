#!/usr/bin/env python3
"""Renders collapsed stacks ("root;...;leaf count", one line per distinct stack) as a static SVG
flame graph: root at the bottom, children above their parent sorted alphabetically, width
proportional to samples, a "frame (N samples, P%)" tooltip on each rectangle. No JavaScript.
Usage:
  jfr print --json --events jdk.ExecutionSample --stack-depth 256 rec.jfr | bench/jfr-collapse.py \
    | bench/flamegraph.py --title "Evaluator CPU" --highlight Evaluator > docs/flame.svg
  bench/flamegraph.py [--title T] [--highlight SUBSTRING]... [--min-width PERCENT] [-o OUT.svg] [FILE]"""
import argparse
import hashlib
import sys
from xml.sax.saxutils import escape

WIDTH, FRAME_H, FONT_SIZE, CHAR_W = 1200, 16, 11, 6.6  # CHAR_W: approximate width of a 11px monospace glyph
PAD_X, TITLE_H, PAD_BOTTOM = 10, 34, 10


def parse(lines):
    """Builds the merged call tree: node = [samples, {child name: node}]."""
    root = [0, {}]
    for line in lines:
        stack, _, count = line.strip().rpartition(" ")
        if not stack or not count.isdigit():
            continue
        samples = int(count)
        node = root
        node[0] += samples
        for frame in stack.split(";"):
            node = node[1].setdefault(frame, [0, {}])
            node[0] += samples
    return root


def colour(name, highlight):
    """Deterministic colour from the frame name: warm (flamegraph.pl "hot"), blue-ish if highlighted."""
    h = hashlib.md5(name.encode()).digest()
    v1, v2, v3 = h[0] / 255, h[1] / 255, h[2] / 255
    if any(s in name for s in highlight):
        return f"rgb({int(60 + 60 * v1)},{int(130 + 60 * v2)},{int(200 + 55 * v3)})"
    return f"rgb({int(205 + 50 * v3)},{int(230 * v1)},{int(55 * v2)})"


def layout(root, min_samples):
    """Yields (name, samples, x in samples, depth) for every frame wide enough, parents first."""
    todo = [("all", root, 0, 0)]
    while todo:
        name, (samples, children), x, depth = todo.pop()
        yield name, samples, x, depth
        for child in sorted(children):
            node = children[child]
            if node[0] >= min_samples:
                todo.append((child, node, x, depth + 1))
            x += node[0]


def render(root, title, highlight, min_width):
    total = root[0] or 1
    frames = list(layout(root, total * min_width / 100))
    depth = max(f[3] for f in frames) + 1
    height = TITLE_H + depth * FRAME_H + PAD_BOTTOM
    scale = (WIDTH - 2 * PAD_X) / total
    out = [f'<?xml version="1.0" encoding="UTF-8" standalone="no"?>',
           f'<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{WIDTH}" height="{height}" '
           f'viewBox="0 0 {WIDTH} {height}">',
           f'<rect x="0" y="0" width="{WIDTH}" height="{height}" fill="#f8f8f0"/>',
           f'<text x="{WIDTH / 2}" y="22" text-anchor="middle" font-family="Verdana,sans-serif" '
           f'font-size="17">{escape(title)}</text>',
           f'<g font-family="monospace" font-size="{FONT_SIZE}">']
    for name, samples, x, d in frames:
        rx, ry = PAD_X + x * scale, height - PAD_BOTTOM - (d + 1) * FRAME_H
        w = samples * scale
        tip = escape(f"{name} ({samples:,} samples, {100 * samples / total:.2f}%)")
        out.append(f'<g><title>{tip}</title><rect x="{rx:.2f}" y="{ry}" width="{w:.2f}" '
                   f'height="{FRAME_H - 1}" rx="2" fill="{colour(name, highlight)}"/>')
        fit = int((w - 6) // CHAR_W)
        if fit >= 3:
            label = name if len(name) <= fit else name[:fit - 2] + ".."
            out.append(f'<text x="{rx + 3:.2f}" y="{ry + FRAME_H - 4.5}">{escape(label)}</text>')
        out.append('</g>')
    out += ['</g>', '</svg>']
    return "\n".join(out) + "\n"


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    p.add_argument("file", nargs="?", help="collapsed stacks (default: stdin)")
    p.add_argument("-o", "--output", help="SVG file to write (default: stdout)")
    p.add_argument("--title", default="Flame graph")
    p.add_argument("--highlight", action="append", default=[], metavar="SUBSTRING",
                   help="colour frames whose name contains SUBSTRING blue (may repeat)")
    p.add_argument("--min-width", type=float, default=0.1, metavar="PERCENT",
                   help="drop frames narrower than this percentage of the width (default 0.1)")
    args = p.parse_args()
    if args.file:
        with open(args.file, encoding="utf-8") as f:
            root = parse(f)
    else:
        root = parse(sys.stdin)
    if root[0] == 0:
        sys.exit("flamegraph.py: no samples in input")
    svg = render(root, args.title, args.highlight, args.min_width)
    if args.output:
        with open(args.output, "w", encoding="utf-8") as f:
            f.write(svg)
    else:
        sys.stdout.write(svg)


if __name__ == "__main__":
    main()
