"""Year change with a million CEB rows loaded: the browser benchmark run on generated big data.

``python -m bench.bench_revenue`` writes a CEB-shaped CSV of ``--rows`` rows (default 1,000,000,
about 21 years × 250 donors × 48 entities × 4 revenue types) to a temporary folder, starts the
app with it (IOM_DATA, as ``--data`` does) and measures, in headless Chromium, the time from a
year click to the ranking chart repainted. Target: p95 ≤ 200 ms. Load time itself is measured
by ``bench.bench_load``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from bench import bench_browser
from bench.bench_load import make_ceb_csv

TARGET_P95_MS = 200.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeats", type=int, default=40)
    parser.add_argument("--servers", default="dev,gunicorn")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"ceb-generated-{args.rows}.csv"
        path.write_bytes(make_ceb_csv(args.rows))
        print(f"generated {args.rows:,} rows, {path.stat().st_size / 1e6:.0f} MB: {path.name}")
        forwarded = [
            "--data", str(path), "--target-ms", str(TARGET_P95_MS), "--cold-runs", "1",
            "--warmup", "8", "--repeats", str(args.repeats), "--servers", args.servers,
        ]  # fmt: skip
        if args.json:
            forwarded += ["--json", str(args.json)]
        return bench_browser.main(forwarded)


if __name__ == "__main__":
    sys.exit(main())
