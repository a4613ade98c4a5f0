"""Benchmark of the CEB loader against its targets: the real 2024 file and a 1,000,000-row upload.

The targets exist because uploads are parsed while the analyst waits; run this after touching
``data/ceb.py``: ``python -m bench.bench_load`` from the repository root. Exit status 1 when a
target is missed, so it can gate CI.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Final

import numpy as np

from data.ceb import CEB_COLUMNS, read_revenue_file
from data.columns import REV_TYPES

REAL_FILE: Final = (
    Path(__file__).resolve().parents[1].parent
    / "shared"
    / "data"
    / "ceb"
    / "government-donor-revenue-2024.csv"
)
REAL_TARGET_S: Final = 0.5
BIG_TARGET_S: Final = 10.0
BIG_ROWS: Final = 1_000_000
_DONORS: Final = 250
_ENTITIES: Final = 48


def _donor_names() -> list[str]:
    """Synthetic names, some with commas, so the generated file exercises the CSV quoting."""
    names = [f"Donor state {index:03d}" for index in range(_DONORS - 2)]
    return [*names, "China, Hong Kong Special Administrative Region", "Korea, Republic of"]


def _spaced(value: float) -> str:
    """A CEB-style amount: space thousands separators, decimals only when there are cents."""
    if value == int(value):
        return f"{int(value):,}".replace(",", " ")
    return f"{value:,.2f}".replace(",", " ")


def make_ceb_csv(rows: int, *, first_year: int = 2000, seed: int = 0) -> bytes:
    """A CEB-shaped CSV (BOM, CRLF, quoted names, spaced amounts, refunds) with unique keys.

    Keys are enumerated (year, donor, entity, revenue type) so that any row count is free of
    duplicates; amounts are random with about 2 % negatives and 10 % with cents.
    """
    rng = np.random.default_rng(seed)
    per_year = _DONORS * _ENTITIES * len(REV_TYPES)
    index = np.arange(rows)
    within = index % per_year
    years = first_year + index // per_year
    donors = np.array([f'"{n}"' if "," in n else n for n in _donor_names()], dtype=object)
    entity_names = np.array([f"ENTITY{number:02d}" for number in range(_ENTITIES)], dtype=object)
    donor_column = donors[within // (_ENTITIES * len(REV_TYPES))]
    entity_column = entity_names[(within // len(REV_TYPES)) % _ENTITIES]
    type_column = np.array(REV_TYPES, dtype=object)[within % len(REV_TYPES)]
    amounts = rng.integers(1, 2_000_000_000, size=rows).astype(np.float64)
    amounts[rng.random(rows) < 0.02] *= -1
    cents = rng.random(rows) < 0.1
    amounts[cents] += rng.integers(1, 100, size=int(cents.sum())) / 100
    lines = [",".join(CEB_COLUMNS)]
    lines.extend(
        f"{donor},{entity},{rev_type},{year},{_spaced(amount)}"
        for donor, entity, rev_type, year, amount in zip(
            donor_column, entity_column, type_column, years.tolist(), amounts.tolist(), strict=True
        )
    )
    return "\ufeff".encode() + "\r\n".join(lines).encode("utf-8")


def _median_seconds(action: Callable[[], object], runs: int) -> float:
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def _traced_peak_mb(action: Callable[[], object]) -> float:
    """Peak of Python/NumPy allocations during one run (tracemalloc slows it, so not timed)."""
    tracemalloc.start()
    try:
        action()
        return tracemalloc.get_traced_memory()[1] / 1024 / 1024
    finally:
        tracemalloc.stop()


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark, print the table, and return 1 if any target is missed."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--real", type=Path, default=REAL_FILE, help="the real CEB 2024 CSV")
    parser.add_argument("--runs", type=int, default=7, help="runs on the real file (median)")
    parser.add_argument("--rows", type=int, default=BIG_ROWS, help="rows of the generated CSV")
    parser.add_argument("--big-runs", type=int, default=3, help="runs on the big file (median)")
    args = parser.parse_args(argv)

    table: list[tuple[str, str, str, str]] = []
    if args.real.exists():
        real = args.real.read_bytes()
        seconds = _median_seconds(lambda: read_revenue_file(args.real.name, real), args.runs)
        table.append(
            (
                f"real 2024 file, median of {args.runs}",
                f"{seconds:.3f} s",
                f"<= {REAL_TARGET_S} s",
                "PASS" if seconds <= REAL_TARGET_S else "FAIL",
            )
        )
        peak = _traced_peak_mb(lambda: read_revenue_file(args.real.name, real))
        table.append(("real 2024 file, peak traced memory", f"{peak:.0f} MB", "-", "info"))
    else:
        table.append((f"real 2024 file ({args.real})", "absent", f"<= {REAL_TARGET_S} s", "SKIP"))

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "ceb-generated.csv"
        path.write_bytes(make_ceb_csv(args.rows))
        size_mb = path.stat().st_size / 1024 / 1024

        def load_big() -> object:
            return read_revenue_file(path.name, path.read_bytes())

        seconds = _median_seconds(load_big, args.big_runs)
        table.append(
            (
                f"generated CSV, {args.rows:,} rows ({size_mb:.0f} MB), median of {args.big_runs}",
                f"{seconds:.2f} s",
                f"<= {BIG_TARGET_S} s",
                "PASS" if seconds <= BIG_TARGET_S else "FAIL",
            )
        )
        peak = _traced_peak_mb(load_big)
        table.append(("generated CSV, peak traced memory", f"{peak:.0f} MB", "-", "info"))
    max_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    table.append(("process peak RSS (whole run)", f"{max_rss:.0f} MB", "-", "info"))

    headings = ("measure", "value", "target", "result")
    widths = [max(len(row[i]) for row in [headings, *table]) for i in range(len(headings))]
    for row in [headings, *table]:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))
    return 1 if any(row[3] == "FAIL" for row in table) else 0


if __name__ == "__main__":
    sys.exit(main())
