"""A small CEB history built by hand for the claims check, against the real published facts.

Every amount is chosen so that one claim of the scorecard meets one case of the rule in
data/claims_rule.py (exact, within rounding, beyond it, and each reading that explains a gap);
the comments give the published figure each one is held against. USD million throughout.
"""

from __future__ import annotations

import pandas as pd

from data import columns as c

GOVERNMENT = "Government"
EU = "European Union"
NAMES = {
    "USA": ("United States", "Verenigde Staten"),
    "DEU": ("Germany", "Duitsland"),
    "CAN": ("Canada", "Canada"),
    "GBR": ("United Kingdom", "Verenigd Koninkrijk"),
    "JPN": ("Japan", "Japan"),
    "NLD": ("Netherlands", "Nederland"),
    "EU": ("European Union", "Europese Unie"),
    "NOCONTRIB": ("No contributor", "Geen bijdrager"),
}
KINDS = {
    "core": c.REV_CORE,
    "earmarked": c.REV_EARMARKED,
    "assessed": c.REV_ASSESSED,
    "other": c.REV_OTHER,
}

# (year, entity, donor, category, {kind: USD million})
CELLS: list[tuple[int, str, str, str, dict[str, float]]] = [
    # 2019: only the budget point (2.1 bn) and the start of the stated growth: 2 130 in all.
    (2019, "IOM", "NOCONTRIB", "No Contributor", {"other": 2130.0}),
    # 2021 -----------------------------------------------------------------------------------
    (2021, "IOM", "USA", GOVERNMENT, {"earmarked": 668.0}),  # 668: exactly
    (2021, "IOM", "DEU", GOVERNMENT, {"earmarked": 272.2}),  # 235: differs; 2022's 272 is this
    (2021, "IOM", "GBR", GOVERNMENT, {"earmarked": 80.5}),  # 80: exactly half a unit off
    (2021, "IOM", "NLD", GOVERNMENT, {"core": 60.0, "earmarked": 7.3}),  # 67: within rounding
    (2021, "UNHCR", "USA", GOVERNMENT, {"core": 1.0, "earmarked": 99.0}),  # 1 % core
    (2021, "WFP", "USA", GOVERNMENT, {"core": 2.0, "earmarked": 98.0}),  # 2 % core
    # 2022 -----------------------------------------------------------------------------------
    (2022, "IOM", "USA", GOVERNMENT, {"earmarked": 929.4, "assessed": 53.6}),  # 929: within
    (2022, "IOM", "DEU", GOVERNMENT, {"earmarked": 250.0}),  # 272: 2021's figure
    (2022, "IOM", "CAN", GOVERNMENT, {"earmarked": 130.0, "assessed": 2.2}),  # 132: with assessed
    (2022, "IOM", "NLD", GOVERNMENT, {"core": 2.0, "earmarked": 58.0}),  # 60: exactly; rank 4
    (2022, "IOM", "EU", EU, {"earmarked": 500.0}),  # not a government: no rank, not in the total
    (2022, "IOM", "NOCONTRIB", "No Contributor", {"other": 1064.8}),  # revenue 2 990: 2.99 bn
    (2022, "UNHCR", "USA", GOVERNMENT, {"core": 30.0, "earmarked": 70.0}),  # 30 % core
    (2022, "WFP", "USA", GOVERNMENT, {"core": 5.0, "earmarked": 95.0}),  # 5 % core
    # 2023 -----------------------------------------------------------------------------------
    (2023, "IOM", "USA", GOVERNMENT, {"core": 15.0, "earmarked": 1350.0}),  # 1 365: exactly
    (2023, "IOM", "DEU", GOVERNMENT, {"earmarked": 278.9}),  # 279: within rounding
    (2023, "IOM", "CAN", GOVERNMENT, {"earmarked": 214.6, "assessed": 1.5}),  # 214: differs
    (2023, "IOM", "GBR", GOVERNMENT, {"earmarked": 95.0}),
    (2023, "IOM", "JPN", GOVERNMENT, {"earmarked": 70.0}),
    (2023, "IOM", "NLD", GOVERNMENT, {"core": 3.2, "earmarked": 58.98, "assessed": 1.0}),
    (2023, "UNHCR", "USA", GOVERNMENT, {"core": 50.0, "earmarked": 50.0}),  # 50 % core
]


def history_frame(cells: list[tuple[int, str, str, str, dict[str, float]]] = CELLS) -> pd.DataFrame:
    """The cells as the tidy history table (``data.history.load_history()``'s columns)."""
    rows = []
    for year, entity, donor, category, amounts in cells:
        en, nl = NAMES[donor]
        for kind, amount in amounts.items():
            rows.append(
                {
                    c.DONOR_KEY: donor,
                    c.NAME_EN: en,
                    c.NAME_NL: nl,
                    c.OFFICIAL_NAME: en,
                    c.CATEGORY: category,
                    c.ENTITY: entity,
                    c.REV_TYPE: KINDS[kind],
                    c.YEAR: year,
                    c.AMOUNT_USD: amount * 1e6,
                }
            )
    return pd.DataFrame(rows)
