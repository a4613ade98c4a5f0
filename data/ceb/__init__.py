"""Load UN CEB "revenue by government donor" exports and derive per-donor figures for one entity.

The CEB publishes one long table per calendar year (donor x UN entity x revenue type). Analysts
upload those exports, or the same table saved from Excel, to rebuild the donor ranking themselves.
Everything an upload can get wrong is reported as one ``DataLoadError`` that names the file, the
row as a spreadsheet shows it (header = row 1) and the column, so the analyst can fix the file
instead of guessing; a load either succeeds completely or raises, never half.

One job per module: ``read`` (file kinds, CSV, size limit), ``xlsx`` (the one sheet of a
workbook, streamed and bounded: zip bombs, far rows, XML entities), ``limits`` (the upload limit
setting and the parse caps), ``validate`` (header, typed columns, duplicates), ``inert`` (names
from files made plain text), ``names`` (curated donor names), ``aggregate`` (figures for one
entity). Import from ``data.ceb``; the modules are its inside.
"""

from __future__ import annotations

from data.ceb.aggregate import DEFAULT_ENTITY, donor_split, entities, ranking, totals
from data.ceb.names import DONOR_NAME_COLUMNS, DONOR_NAMES_PATH, load_donor_names, map_donor_names
from data.ceb.read import MAX_BYTES, read_revenue_file, read_revenue_files
from data.ceb.validate import (
    CEB_AMOUNT,
    CEB_COLUMNS,
    CEB_DONOR,
    CEB_ENTITY,
    CEB_REV_TYPE,
    CEB_YEAR,
    HEADER_SEARCH_ROWS,
    REVENUE_COLUMNS,
)

__all__ = [
    "CEB_AMOUNT",
    "CEB_COLUMNS",
    "CEB_DONOR",
    "CEB_ENTITY",
    "CEB_REV_TYPE",
    "CEB_YEAR",
    "DEFAULT_ENTITY",
    "DONOR_NAMES_PATH",
    "DONOR_NAME_COLUMNS",
    "HEADER_SEARCH_ROWS",
    "MAX_BYTES",
    "REVENUE_COLUMNS",
    "donor_split",
    "entities",
    "load_donor_names",
    "map_donor_names",
    "ranking",
    "read_revenue_file",
    "read_revenue_files",
    "totals",
]
