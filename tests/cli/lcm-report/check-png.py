#!/usr/bin/env python3
"""check-png.py FILE MIN_COLOURS - is a screenshot a page, not a blank?

Decodes the PNG with zlib alone (8-bit RGB or RGBA, not interlaced, as
Chromium writes them), counts the distinct colours and the share of
pixels that are not the background (the most common colour). Prints
one stable line: "not blank" when there are at least MIN_COLOURS
colours and at least 5% of the pixels are drawn, else why not; the
numbers themselves depend on fonts and are not printed.
"""
import struct
import sys
import zlib


def pixels(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, head = 8, b"", None
    while pos < len(data):
        n, = struct.unpack(">I", data[pos:pos + 4])
        kind, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + n]
        pos += 12 + n
        if kind == b"IHDR":
            head = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
    width, height, depth, colour, _, _, interlace = head
    if depth != 8 or colour not in (2, 6) or interlace:
        raise ValueError("unsupported PNG (depth %d, colour type %d)" % (depth, colour))
    bpp = 3 if colour == 2 else 4
    raw, stride = zlib.decompress(idat), width * bpp
    prev, i = bytearray(stride), 0
    for _ in range(height):
        kind, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            if kind == 1:
                line[x] = (line[x] + a) & 255
            elif kind == 2:
                line[x] = (line[x] + b) & 255
            elif kind == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        yield from (bytes(line[x:x + 3]) for x in range(0, stride, bpp))
        prev = line


def main():
    path, least = sys.argv[1], int(sys.argv[2])
    counts = {}
    for p in pixels(path):
        counts[p] = counts.get(p, 0) + 1
    total = sum(counts.values())
    drawn = 1 - max(counts.values()) / total
    if len(counts) < least:
        print("screenshot: blank (fewer than %d colours)" % least)
    elif drawn < 0.05:
        print("screenshot: blank (under 5%% of the pixels drawn)")
    else:
        print("screenshot: not blank")
    return 0


if __name__ == "__main__":
    sys.exit(main())
