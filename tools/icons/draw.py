"""Draws SecretBot's Teams icons (a white padlock) as PNG, with no image library.

color.png: 192x192, the padlock on SecretBot's teal. outline.png: 32x32, the white padlock on a
transparent background, as Teams requires. Run: python3 tools/icons/draw.py appPackage
"""
import struct
import sys
import zlib

TEAL = (0x1F, 0x6F, 0x7A)
WHITE = (255, 255, 255)


def padlock(x, y):
    """Coverage of the padlock at (x, y) in a unit square: 1 inside the white shape, 0 outside."""
    body = 0.28 <= x <= 0.72 and 0.46 <= y <= 0.82
    keyhole = ((x - 0.5) ** 2 + (y - 0.60) ** 2 <= 0.045 ** 2) or (0.48 <= x <= 0.52 and 0.60 <= y <= 0.72)
    r = ((x - 0.5) ** 2 + (y - 0.46) ** 2) ** 0.5
    shackle = y <= 0.46 and 0.11 <= r <= 0.17 or (y > 0.46 and y <= 0.5 and (0.33 <= x <= 0.39 or 0.61 <= x <= 0.67))
    return (body and not keyhole) or shackle


def draw(size, background, samples=4):
    rows = []
    for py in range(size):
        row = bytearray([0])
        for px in range(size):
            covered = sum(
                padlock((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size)
                for sx in range(samples) for sy in range(samples)) / samples ** 2
            if background is None:
                row += bytes([*WHITE, round(255 * covered)])
            else:
                row += bytes([round(b + (w - b) * covered) for b, w in zip(background, WHITE)] + [255])
        rows.append(bytes(row))
    return png(size, b"".join(rows))


def png(size, raw):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


if __name__ == "__main__":
    folder = sys.argv[1] if len(sys.argv) > 1 else "appPackage"
    with open(f"{folder}/color.png", "wb") as out:
        out.write(draw(192, TEAL))
    with open(f"{folder}/outline.png", "wb") as out:
        out.write(draw(32, None))
