#!/usr/bin/env python3
"""Renders Backstride's icon (a rounded square with a stacked-vertebrae mark) to RGBA PNGs
in icons/, at every size tauri.conf.json lists. Standard library only."""
import os
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "icons")
SIZES = {"32x32.png": 32, "128x128.png": 128, "128x128@2x.png": 256, "icon.png": 512}
BG_TOP, BG_BOTTOM = (16, 122, 110), (8, 72, 96)
MARK = (250, 247, 240)
SUPERSAMPLE = 4


def inside_rounded_rect(x, y, x0, y0, x1, y1, r):
    cx = min(max(x, x0 + r), x1 - r)
    cy = min(max(y, y0 + r), y1 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r and x0 <= x <= x1 and y0 <= y <= y1


def vertebrae():
    """Five stacked rounded bars, leaning like a runner's spine, in unit coordinates."""
    bars = []
    for i in range(5):
        t = i / 4
        cx = 0.5 + 0.10 * (t - 0.5) ** 2 * 4 - 0.05
        cy = 0.22 + t * 0.56
        half_w = 0.17 - 0.03 * abs(t - 0.5) * 2
        bars.append((cx - half_w, cy - 0.045, cx + half_w, cy + 0.045, 0.045))
    return bars


def render(size):
    bars = vertebrae()
    rows = []
    for py in range(size):
        row = bytearray([0])
        for px in range(size):
            hits_bg = hits_mark = 0
            for sy in range(SUPERSAMPLE):
                for sx in range(SUPERSAMPLE):
                    x = (px + (sx + 0.5) / SUPERSAMPLE) / size
                    y = (py + (sy + 0.5) / SUPERSAMPLE) / size
                    if inside_rounded_rect(x, y, 0.02, 0.02, 0.98, 0.98, 0.22):
                        hits_bg += 1
                        if any(inside_rounded_rect(x, y, *b) for b in bars):
                            hits_mark += 1
            n = SUPERSAMPLE * SUPERSAMPLE
            t = py / max(size - 1, 1)
            bg = [round(a + (b - a) * t) for a, b in zip(BG_TOP, BG_BOTTOM)]
            m = hits_mark / hits_bg if hits_bg else 0
            color = [round(c * (1 - m) + k * m) for c, k in zip(bg, MARK)]
            row += bytes(color + [round(255 * hits_bg / n)])
        rows.append(bytes(row))
    return png(size, size, b"".join(rows))


def png(w, h, raw):
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", w, h, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    for name, size in SIZES.items():
        with open(os.path.join(OUT, name), "wb") as f:
            f.write(render(size))
        print("wrote icons/" + name)
