"""The print resolution of a PNG, written into its ``pHYs`` chunk.

Browsers and kaleido write PNGs without a resolution, so Word assumes 96 dpi and places the
"300 dpi" memo image at three times its size. A ``pHYs`` chunk (pixels per metre) right after
the header fixes that; it is a few bytes, so it is written here rather than by an imaging
library re-encoding the whole image. assets/export.js does the same for the browser's PNGs.
"""

from __future__ import annotations

import struct
import zlib

SIGNATURE = b"\x89PNG\r\n\x1a\n"
METRES_PER_INCH = 0.0254
_IHDR_END = len(SIGNATURE) + 8 + 13 + 4  # signature, IHDR length+type, IHDR data, CRC


def _chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    """(type, data) of every chunk, in order."""
    if not data.startswith(SIGNATURE):
        raise ValueError("not a PNG")
    chunks, offset = [], len(SIGNATURE)
    while offset + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[offset : offset + 8])
        chunks.append((kind, data[offset + 8 : offset + 8 + length]))
        offset += 12 + length
    return chunks


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def pixels_per_metre(dpi: float) -> int:
    """PNG stores resolution in pixels per metre: 300 dpi is 11811."""
    return round(dpi / METRES_PER_INCH)


def with_dpi(data: bytes, dpi: float) -> bytes:
    """The PNG with its resolution set to ``dpi`` (an existing ``pHYs`` is replaced)."""
    kept = b"".join(_chunk(kind, body) for kind, body in _chunks(data)[1:] if kind != b"pHYs")
    ppm = pixels_per_metre(dpi)
    phys = _chunk(b"pHYs", struct.pack(">IIB", ppm, ppm, 1))
    return data[:_IHDR_END] + phys + kept


def png_dpi(data: bytes) -> tuple[float, float] | None:
    """The PNG's resolution in dpi (x, y), or None when it has no ``pHYs`` in metres."""
    for kind, body in _chunks(data):
        if kind == b"pHYs":
            x, y, unit = struct.unpack(">IIB", body)
            return (x * METRES_PER_INCH, y * METRES_PER_INCH) if unit == 1 else None
    return None
