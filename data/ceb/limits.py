"""How much one upload may be and hold: the bounds that keep a hostile file from hurting the server.

A real 12-year CEB export is a few MB and some 150,000 rows, so the defaults leave ample room
for real files while a crafted one (a row at r=50,000,000, a zip that inflates to gigabytes, a
200 MB "CSV") is refused after reading a few bytes of it. The size limit is a setting
(``IOM_UPLOAD_LIMIT_MB``) because it is also the request-body limit of the server and the
browser's own check before anything is sent; the parse bounds are constants the tests shrink.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Final

ENV_UPLOAD_LIMIT: Final = "IOM_UPLOAD_LIMIT_MB"
DEFAULT_UPLOAD_LIMIT_MB: Final = 25
"""Per upload (all files dropped at once): several times a 12-year export."""

MAX_ROWS: Final = 1_000_000
"""Last row number an XLSX sheet may use; the sheet's own dimension is never trusted."""
MAX_COLUMNS: Final = 100
"""Last column a sheet may use; the CEB table has five."""
MAX_INFLATED_BYTES: Final = 256 * 1024 * 1024
"""What an XLSX may unpack to in total (its XML), checked from the zip directory before reading."""
MAX_ZIP_MEMBERS: Final = 2_000
"""Parts an XLSX may hold; a workbook saved from Excel has a dozen or two."""
MAX_INFLATION_RATIO: Final = 200
"""Unpacked size over packed size for one large part; sheet XML packs ~10-20x, a bomb 1000x."""
RATIO_CHECK_FROM: Final = 8 * 1024 * 1024
"""Parts smaller than this unpacked are never a danger, whatever their ratio."""


def upload_limit_bytes(environ: Mapping[str, str] | None = None) -> int:
    """``IOM_UPLOAD_LIMIT_MB`` in bytes (default 25 MB); a bad value stops start-up, named."""
    env = os.environ if environ is None else environ
    text = env.get(ENV_UPLOAD_LIMIT, "").strip()
    if not text:
        return DEFAULT_UPLOAD_LIMIT_MB * 1024 * 1024
    try:
        value = float(text)
    except ValueError:
        raise ValueError(f"{ENV_UPLOAD_LIMIT} must be a number of MB, not {text!r}") from None
    if not 0 < value < 100_000:
        raise ValueError(f"{ENV_UPLOAD_LIMIT} must be a positive number of MB, not {text!r}")
    return int(value * 1024 * 1024)


def request_limit_bytes(upload_limit: int) -> int:
    """The HTTP body an upload of ``upload_limit`` bytes needs: base64 (4/3) in JSON, plus room
    for the callback's other values."""
    return upload_limit * 4 // 3 + 1024 * 1024
