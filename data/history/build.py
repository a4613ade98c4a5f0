"""Build the shipped UN funding history from the compiled CEB files: ``python -m data.history.build``.

The raw files (one JSON per year, 5 MB in all) stay in ``../shared``; the app ships a compact
table derived from them, so it starts with every contributor's revenue since 2013 without an
upload or the network. The build is deterministic (fixed columns, sorted rows, amounts written
losslessly, gzip without a timestamp), so a test that rebuilds it proves the shipped table is
exactly what those files give; ``MANIFEST.json`` records which files (size, sha256), which
compiling project and commit, and the hash and row count of every shipped file.

Every name becomes a donor key (``data/identity.py``); a name no table or library knows, a
government whose key is no ISO code, or two names of one key in the same year stop the build
with a message that says what to add, rather than shipping a donor split in two.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import io
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from data.columns import REV_TYPES
from data.history.files import (
    COMPILER,
    COMPILER_COMMIT,
    COMPILER_LICENCE,
    COMPILER_PATH,
    CONTRIBUTOR_COLUMNS,
    CONTRIBUTORS_FILE,
    DEFAULT_SOURCE,
    ENTITY_OF,
    FIGURES_BY,
    HISTORY_DIR,
    LIST_SEPARATOR,
    MANIFEST_FILE,
    REV_TYPE_OF,
    REVENUE_COLUMNS,
    REVENUE_FILE,
    SOURCE_PATTERN,
    amount_text,
)
from data.identity import ALIASES_PATH, donor_key, is_government

GOVERNMENT = "Government"

Cell = tuple[int, str, str, str, float]  # year, entity, donor key, rev type, amount


class HistoryBuildError(ValueError):
    """The source files cannot be turned into the shipped table as they are."""


@dataclass(frozen=True)
class Listing:
    """One contributor in one year's file, as the history describes it."""

    key: str
    year: int
    name: str
    category: str
    status: str
    is_other: bool


def source_files(source: Path) -> list[tuple[int, Path]]:
    """The yearly files in ``source``, by year; the year is the one in the file name."""
    files = []
    for path in sorted(source.glob(SOURCE_PATTERN)):
        year = path.stem.removeprefix("donors-")
        if not year.isdigit():
            raise HistoryBuildError(f"{path.name}: no year in the file name")
        files.append((int(year), path))
    if not files:
        raise HistoryBuildError(f"no {SOURCE_PATTERN} in {source}")
    return files


def _reject_constant(text: str) -> float:
    raise HistoryBuildError(f"non-finite amount {text} in the JSON")


def _key_of(name: str, category: str, where: str) -> str:
    key = donor_key(name)
    if key is None:
        raise HistoryBuildError(f"{where}: no key for '{name}': add it to {ALIASES_PATH.name}")
    if (category == GOVERNMENT) != is_government(key):
        kind = "a government" if category == GOVERNMENT else f"'{category}'"
        raise HistoryBuildError(f"{where}: '{name}' is {kind} but its key '{key}' is not")
    return key


def _amount(value: object, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise HistoryBuildError(f"{where}: amount {value!r} is not a finite number")
    return float(value)


def _read_year(year: int, path: Path) -> tuple[list[Cell], list[Listing]]:
    data: dict[str, Any] = json.loads(path.read_bytes(), parse_constant=_reject_constant)
    cells: list[Cell] = []
    listings: list[Listing] = []
    for name, record in data.items():
        where = f"{path.name}, '{name}'"
        category = str(record["category"])
        key = _key_of(name, category, path.name)
        status, is_other = str(record["status"]), bool(record.get("is_other", False))
        listings.append(Listing(key, year, name, category, status, is_other))
        for entity, amounts in record["contributions"].items():
            for kind, value in amounts.items():
                if kind not in REV_TYPE_OF:
                    raise HistoryBuildError(f"{where}, {entity}: unknown revenue kind '{kind}'")
                cell_where = f"{where}, {entity}, {kind}"
                amount = _amount(value, cell_where)
                cells.append((year, ENTITY_OF.get(entity, entity), key, REV_TYPE_OF[kind], amount))
    return cells, listings


def collect(files: Sequence[tuple[int, Path]]) -> tuple[list[Cell], list[Listing]]:
    """Every revenue cell and every contributor listing of the files, checked for a donor
    listed twice in one year (two names with one key would add up silently)."""
    cells: list[Cell] = []
    listings: list[Listing] = []
    for year, path in files:
        year_cells, year_listings = _read_year(year, path)
        cells += year_cells
        listings += year_listings
    seen: dict[tuple[int, str], str] = {}
    for listing in listings:
        earlier = seen.setdefault((listing.year, listing.key), listing.name)
        if earlier != listing.name:
            raise HistoryBuildError(
                f"{listing.year}: '{earlier}' and '{listing.name}' both have key '{listing.key}'"
            )
    return cells, listings


def _csv_bytes(header: Sequence[str], rows: Sequence[Sequence[str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def revenue_bytes(cells: Sequence[Cell]) -> bytes:
    """The long table: sorted by year, entity, donor and CEB's order of revenue types, gzipped
    with mtime 0 (no timestamp, no file name) so equal input gives equal bytes."""
    order = {rev_type: position for position, rev_type in enumerate(REV_TYPES)}
    ordered = sorted(cells, key=lambda cell: (cell[0], cell[1], cell[2], order[cell[3]]))
    rows = [(str(y), entity, key, rev, amount_text(a)) for y, entity, key, rev, a in ordered]
    return gzip.compress(_csv_bytes(REVENUE_COLUMNS, rows), compresslevel=9, mtime=0)


def _contributor_row(listings: Sequence[Listing]) -> list[str]:
    latest = listings[-1]
    names = list(dict.fromkeys(listing.name for listing in listings))
    changes = [
        f"{listing.year}:{listing.category}"
        for before, listing in zip([None, *listings], listings, strict=False)
        if before is None or before.category != listing.category
    ]
    return [
        latest.key,
        latest.name,
        LIST_SEPARATOR.join(name for name in names if name != latest.name),
        latest.category,
        LIST_SEPARATOR.join(changes) if len(changes) > 1 else "",
        latest.status,
        "true" if latest.is_other else "false",
        latest.key if is_government(latest.key) else "",
        LIST_SEPARATOR.join(str(listing.year) for listing in listings),
    ]


def contributors_bytes(listings: Sequence[Listing]) -> bytes:
    """One row per donor key, sorted by key: its latest name and category (one per donor, so
    a series by category does not hop when the history re-files it), earlier names, the
    years its category changed, and the years it is listed."""
    by_key: dict[str, list[Listing]] = {}
    for listing in sorted(listings, key=lambda item: (item.key, item.year)):
        by_key.setdefault(listing.key, []).append(listing)
    rows = [_contributor_row(by_key[key]) for key in sorted(by_key)]
    return _csv_bytes(CONTRIBUTOR_COLUMNS, rows)


def _file_entry(name: str, content: bytes, **extra: int) -> dict[str, Any]:
    return {"file": name, "bytes": len(content), **extra, "sha256": sha256(content)}


def sha256(content: bytes) -> str:
    """Hex sha256: how the manifest names a file's content."""
    return hashlib.sha256(content).hexdigest()


def manifest_bytes(
    files: Sequence[tuple[int, Path]], shipped: dict[str, tuple[bytes, int]]
) -> bytes:
    """Provenance: the compiling project and commit, the licence and attribution, every
    source file read (size, sha256), and each shipped file's hash and row count."""
    manifest = {
        "title": "UN system revenue by contributor (CEB Financial Statistics)",
        "years": [year for year, _ in files],
        "figures": FIGURES_BY,
        "compiled_by": {
            "project": COMPILER,
            "path": COMPILER_PATH,
            "commit": COMPILER_COMMIT,
            "licence": COMPILER_LICENCE,
        },
        "attribution": f"Figures: {FIGURES_BY}; compiled per contributor by {COMPILER} "
        f"(commit {COMPILER_COMMIT}, {COMPILER_LICENCE} licence).",
        "built_with": "python -m data.history.build",
        "entity_codes": dict(sorted(ENTITY_OF.items())),
        "rev_types": REV_TYPE_OF,
        "sources": [_file_entry(path.name, path.read_bytes()) for _, path in files],
        "shipped": [
            _file_entry(name, content, rows=rows) for name, (content, rows) in shipped.items()
        ],
    }
    return (json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def build(source: Path = DEFAULT_SOURCE, out: Path = HISTORY_DIR) -> dict[str, bytes]:
    """Read the yearly files in ``source`` and write the shipped files into ``out``; returns
    what was written, by file name."""
    files = source_files(source)
    cells, listings = collect(files)
    revenue = revenue_bytes(cells)
    contributors = contributors_bytes(listings)
    shipped = {
        REVENUE_FILE: (revenue, len(cells)),
        CONTRIBUTORS_FILE: (contributors, len({listing.key for listing in listings})),
    }
    written = {name: content for name, (content, _) in shipped.items()}
    written[MANIFEST_FILE] = manifest_bytes(files, shipped)
    out.mkdir(parents=True, exist_ok=True)
    for name, content in written.items():
        (out / name).write_bytes(content)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: ``--source DIR`` (default ../shared/data/ceb/history beside the repo)."""
    parser = argparse.ArgumentParser(prog="python -m data.history.build", description=__doc__)
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--out", type=Path, default=HISTORY_DIR)
    args = parser.parse_args(argv)
    try:
        written = build(args.source, args.out)
    except HistoryBuildError as error:
        parser.exit(1, f"error: {error}\n")
    for name, content in written.items():
        print(f"{args.out / name}: {len(content):,} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
