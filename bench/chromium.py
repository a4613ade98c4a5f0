"""Debian's headless Chromium, as the benchmarks and the browser tests launch it.

One list, so a flag that a machine needs (``--disable-dev-shm-usage`` on small /dev/shm, no
sandbox as root) reaches both, and a benchmark measures the browser the tests drive.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

CHROMIUM: Final = Path("/usr/bin/chromium")
CHROMIUM_FLAGS: Final = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
)
