"""Schemas of the curated source tables: column order, dtypes and the rules a row must obey.

Each table is declared once here; the loader reads every cell as text, converts it to the
declared dtype and then validates with pandera, so a broken table is reported by file, row and
column before the app starts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandera.pandas as pa

from data import columns as c

METRICS = (
    "donor_contribution",
    "member_state_total",
    "donor_contribution_stated",
    "budget",
    "budget_growth_stated",
    "operational_expenditure",
    "earmarked_contributions",
    "earmarked_share",
    "earmarked_share_after_reform",
    "assessed_increase",
    "funding_compact_core_guideline",
    "nl_core_contribution",
    "dag_threshold_voluntary",
    "dag_threshold_core",
    "localisation_commitment",
    "localisation_share",
    "humanitarian_share",
    "founded",
    "member_states",
    "observer_states",
    "field_offices",
    "office_countries",
    "active_projects",
    "staff",
    "staff_non_staff",
    "staff_consultants",
    "staff_growth",
    "compass_partner_countries",
    "cccm_countries",
    "dtm_countries",
    "locations",
    "operational_staff",
    "staff_field_share",
    "people_on_the_move",
    "regional_offices",
    "administrative_centres",
    "liaison_offices",
    "resource_mobilisation_offices",
    "development_fund_new_projects",
    "development_fund_countries",
    "development_fund_active_projects",
    "level3_emergencies",
    "major_crisis_interventions",
    "un_related_since",
    "nl_core_since",
    "council_resolution",
    "assessed_increase_years",
    "deputy_directors_general",
    "central_departments",
    "strategic_plan",
    "erp_due",
    "pseah_unit_posts",
    "pseah_core_posts",
)
UNITS = (
    "USD million",
    "USD billion",
    "EUR million",
    "%",
    "year",
    "states",
    "offices",
    "countries",
    "projects",
    "people",
    "billion people",
    "locations",
    "centres",
    "crises",
    "years",
    "posts",
    "departments",
)
QUALIFIERS = ("approx", "more_than", "at_least")
KINDS = ("contradiction", "difference")
VIEWS = ("ranking", "over_time", "earmarking", "budget", "organisation", "sources")


@dataclass(frozen=True)
class TableSpec:
    """How one CSV is read: its file name, the dtype of each column, and its pandera schema."""

    file: str
    dtypes: dict[str, Any]  # pandas dtype names
    schema: pa.DataFrameSchema
    # Text this project writes (notes, not quotes): set by data.typography when read.
    authored: tuple[str, ...] = ()


def _text(nullable: bool = False, *checks: pa.Check) -> pa.Column:
    return pa.Column("string", list(checks), nullable=nullable)


SOURCES = TableSpec(
    file="sources.csv",
    dtypes={
        c.SOURCE_ID: "string",
        c.SOURCE_FILE: "string",
        c.SOURCE_TITLE_NL: "string",
        c.SOURCE_TITLE_EN: "string",
        c.PUBLISHER: "string",
        c.PUBLISHED: "Int64",
        c.RETRIEVED: "string",
        c.SOURCE_NOTE_EN: "string",
        c.SOURCE_NOTE_NL: "string",
    },
    schema=pa.DataFrameSchema(
        {
            c.SOURCE_ID: _text(False, pa.Check.str_matches(r"^[a-z0-9_]+$")),
            c.SOURCE_FILE: _text(False, pa.Check.str_matches(r"^[\w.-]+$")),
            c.SOURCE_TITLE_NL: _text(),
            c.SOURCE_TITLE_EN: _text(),
            c.PUBLISHER: _text(),
            c.PUBLISHED: pa.Column("Int64", pa.Check.in_range(1950, 2100)),
            c.RETRIEVED: _text(False, pa.Check.str_matches(r"^\d{4}-\d{2}-\d{2}$")),
            c.SOURCE_NOTE_EN: _text(True),
            c.SOURCE_NOTE_NL: _text(True),
        },
        strict=True,
        ordered=True,
        unique=[c.SOURCE_ID],
    ),
    authored=(c.SOURCE_NOTE_EN, c.SOURCE_NOTE_NL),
)

DONORS = TableSpec(
    file="donors.csv",
    dtypes={
        c.DONOR_KEY: "string",
        c.OFFICIAL_NAME: "string",
        c.NAME_EN: "string",
        c.NAME_NL: "string",
    },
    schema=pa.DataFrameSchema(
        {
            c.DONOR_KEY: _text(False, pa.Check.str_matches(r"^[A-Z]{3}$")),
            c.OFFICIAL_NAME: _text(),
            c.NAME_EN: _text(),
            c.NAME_NL: _text(),
        },
        strict=True,
        ordered=True,
        unique=[c.DONOR_KEY],
    ),
)

FACTS = TableSpec(
    file="facts.csv",
    dtypes={
        c.FACT_ID: "string",
        c.METRIC: "string",
        c.VALUE: "float64",
        c.UNIT: "string",
        c.QUALIFIER: "string",
        c.YEAR: "Int64",
        c.PERIOD: "string",
        c.AS_OF: "string",
        c.DONOR: "string",
        c.RANK: "Int64",
        c.SOURCE_ID: "string",
        c.SECTION: "string",
        c.TABLE: "string",
        c.PAGE: "Int64",
        c.LINE_IN_SOURCE: "Int64",
        c.QUOTE_NL: "string",
        c.NOTE_EN: "string",
        c.NOTE_NL: "string",
    },
    schema=pa.DataFrameSchema(
        {
            c.FACT_ID: _text(False, pa.Check.str_matches(r"^[a-z0-9_]+$")),
            c.METRIC: _text(False, pa.Check.isin(METRICS)),
            c.VALUE: pa.Column("float64", pa.Check.ge(0)),
            c.UNIT: _text(False, pa.Check.isin(UNITS)),
            c.QUALIFIER: _text(True, pa.Check.isin(QUALIFIERS)),
            c.YEAR: pa.Column("Int64", pa.Check.in_range(1950, 2100), nullable=True),
            c.PERIOD: _text(True, pa.Check.str_matches(r"^\d{4}–\d{4}$")),
            c.AS_OF: _text(True, pa.Check.str_matches(r"^\d{4}-\d{2}-\d{2}$")),
            c.DONOR: _text(True, pa.Check.str_matches(r"^[A-Z]{3}$")),
            c.RANK: pa.Column("Int64", pa.Check.ge(1), nullable=True),
            c.SOURCE_ID: _text(),
            c.SECTION: _text(),
            c.TABLE: _text(True),
            c.PAGE: pa.Column("Int64", pa.Check.in_range(1, 999), nullable=True),
            c.LINE_IN_SOURCE: pa.Column("Int64", pa.Check.ge(1)),
            c.QUOTE_NL: _text(),
            c.NOTE_EN: _text(True),
            c.NOTE_NL: _text(True),
        },
        strict=True,
        ordered=True,
        unique=[c.FACT_ID],
    ),
    authored=(c.NOTE_EN, c.NOTE_NL),
)

RELEVANCE = TableSpec(
    file="relevance.csv",
    dtypes={
        c.PRIORITY_NL: "string",
        c.PRIORITY_EN: "string",
        c.RATING_NL: "string",
        c.RATING_EN: "string",
        c.RATING_LEVEL: "Int64",
        c.SOURCE_ID: "string",
        c.SECTION: "string",
        c.PAGE: "Int64",
        c.LINE_IN_SOURCE: "Int64",
        c.QUOTE_NL: "string",
    },
    schema=pa.DataFrameSchema(
        {
            c.PRIORITY_NL: _text(),
            c.PRIORITY_EN: _text(),
            c.RATING_NL: _text(
                False,
                pa.Check.isin(["Zeer relevant", "Relevant", "Beperkt relevant", "Niet relevant"]),
            ),
            c.RATING_EN: _text(),
            c.RATING_LEVEL: pa.Column("Int64", pa.Check.in_range(0, 3)),
            c.SOURCE_ID: _text(),
            c.SECTION: _text(),
            c.PAGE: pa.Column("Int64", pa.Check.ge(1)),
            c.LINE_IN_SOURCE: pa.Column("Int64", pa.Check.ge(1)),
            c.QUOTE_NL: _text(),
        },
        strict=True,
        ordered=True,
        unique=[c.PRIORITY_NL],
    ),
)

CONTRADICTIONS = TableSpec(
    file="contradictions.csv",
    dtypes={
        c.CONTRADICTION_ID: "string",
        c.KIND: "string",
        c.FACT_IDS: "string",
        c.VIEW: "string",
        c.TEXT_EN: "string",
        c.TEXT_NL: "string",
    },
    schema=pa.DataFrameSchema(
        {
            c.CONTRADICTION_ID: _text(False, pa.Check.str_matches(r"^[a-z0-9_]+$")),
            c.KIND: _text(False, pa.Check.isin(KINDS)),
            c.FACT_IDS: _text(False, pa.Check.str_matches(r"^[a-z0-9_]+(;[a-z0-9_]+)+$")),
            c.VIEW: _text(
                False, pa.Check.str_matches(rf"^({'|'.join(VIEWS)})(;({'|'.join(VIEWS)}))*$")
            ),
            c.TEXT_EN: _text(),
            c.TEXT_NL: _text(),
        },
        strict=True,
        ordered=True,
        unique=[c.CONTRADICTION_ID],
    ),
    authored=(c.TEXT_EN, c.TEXT_NL),
)

ALL_TABLES = (SOURCES, DONORS, FACTS, RELEVANCE, CONTRADICTIONS)
