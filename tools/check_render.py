#!/usr/bin/env python3
"""Checks a browser's screenshot of an SVG chart written by tools/chart/ (standard library only).

    check_render.py CHART.svg SCREENSHOT.png

The SVG writer marks each plot area with <rect id="plot-K" ...> and the legend with
<rect id="legend" ...>; this reads those rectangles from the SVG, decodes the PNG, and
checks that the screenshot has the SVG's size, is not blank, shows the first series'
colour (or any colour) inside every plot area and shows text and samples inside the legend.
Exits 1 with one line per failed check.
"""
import re
import struct
import sys
import zlib


def read_png(path):
    """(width, height, rows of (r, g, b) tuples) of an 8-bit RGB or RGBA PNG."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path}: not a PNG")
    pos, idat, width, height, bit_depth, colour_type = 8, b"", 0, 0, 0, 0
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind = data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, bit_depth, colour_type, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if bit_depth != 8 or colour_type not in (2, 6) or interlace != 0:
                raise ValueError(f"{path}: unsupported PNG (depth {bit_depth}, type {colour_type})")
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
        pos += 12 + length
    channels = 3 if colour_type == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, previous, at = [], bytearray(stride), 0
    for _ in range(height):
        filter_type = raw[at]
        line = bytearray(raw[at + 1:at + 1 + stride])
        at += 1 + stride
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            up_left = previous[i - channels] if i >= channels else 0
            if filter_type == 1:
                line[i] = (line[i] + left) & 0xFF
            elif filter_type == 2:
                line[i] = (line[i] + up) & 0xFF
            elif filter_type == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif filter_type == 4:
                p = left + up - up_left
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - up_left)
                predictor = left if pa <= pb and pa <= pc else up if pb <= pc else up_left
                line[i] = (line[i] + predictor) & 0xFF
        rows.append([tuple(line[i:i + 3]) for i in range(0, stride, channels)])
        previous = line
    return width, height, rows


def rect(svg, element_id):
    match = re.search(r'<rect id="%s" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" '
                      r'height="([\d.]+)"' % re.escape(element_id), svg)
    return tuple(float(v) for v in match.groups()) if match else None


def pixels_in(rows, box, inset):
    x, y, w, h = box
    for row in rows[int(y + inset):int(y + h - inset)]:
        yield from row[int(x + inset):int(x + w - inset)]


def is_ink(p):  # anything clearly darker than the white background
    return min(p) < 200


def is_colour(p):  # saturated: a series, not the grey grid, frame or text
    return max(p) - min(p) > 60


def close_to(p, colour, tolerance=40):
    return all(abs(a - b) <= tolerance for a, b in zip(p, colour))


def main():
    svg_path, png_path = sys.argv[1], sys.argv[2]
    with open(svg_path, encoding="utf-8") as f:
        svg = f.read()
    size = re.search(r'<svg [^>]*width="(\d+)" height="(\d+)"', svg)
    expected = (int(size.group(1)), int(size.group(2)))
    width, height, rows = read_png(png_path)
    failures = []
    if (width, height) != expected:
        failures.append(f"size {width}x{height}, the SVG says {expected[0]}x{expected[1]}")
        print(f"{png_path}: " + "; ".join(failures))
        return 1
    ink = sum(1 for row in rows for p in row if is_ink(p))
    if ink < 0.005 * width * height:
        failures.append(f"blank: {ink} dark pixels")
    first_colour = re.search(r'<path stroke="#([0-9a-f]{6})"', svg)
    panels = 0
    while (box := rect(svg, f"plot-{panels}")) is not None:
        coloured = sum(1 for p in pixels_in(rows, box, 3) if is_colour(p))
        if coloured < 200:
            failures.append(f"plot-{panels}: {coloured} coloured pixels, expected curves")
        if first_colour:
            rgb = tuple(int(first_colour.group(1)[k:k + 2], 16) for k in (0, 2, 4))
            matching = sum(1 for p in pixels_in(rows, box, 3) if close_to(p, rgb))
            if matching < 50:
                failures.append(f"plot-{panels}: {matching} pixels of the first series' "
                                f"colour #{first_colour.group(1)}")
        panels += 1
    if panels == 0:
        failures.append("the SVG marks no plot area (no rect id=\"plot-0\")")
    legend = rect(svg, "legend")
    if legend is not None:
        pixels = list(pixels_in(rows, legend, 3))
        dark = sum(1 for p in pixels if is_ink(p) and not is_colour(p))
        coloured = sum(1 for p in pixels if is_colour(p))
        entries = svg.count("<text", svg.find('id="legend"'))
        if dark < 40 * entries:
            failures.append(f"legend: {dark} text pixels for {entries} entries")
        if coloured < 20 * entries:
            failures.append(f"legend: {coloured} coloured pixels for {entries} samples")
    if failures:
        print(f"{png_path}: " + "; ".join(failures))
        return 1
    print(f"{png_path}: {width}x{height}, {panels} plot area(s)"
          f"{', a legend' if legend else ''}, {ink} dark pixels: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
