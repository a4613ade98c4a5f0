"""The upload path's messages, Dutch and English: hostile workbooks, the store, the session, the
rate limit, the server's refusals and the browser's own checks before anything is sent.

Kept apart from ``data.error_text`` (which merges them into ``ERROR_TEXT``) only so neither
module outgrows a screenful of reading; the keys follow the same rules (``error.*``, the same
placeholders in both languages). The ``error.client_*`` and ``error.request_*`` texts are handed
to ``assets/upload_guard.js`` by the data drawer, which fills ``{file}``, ``{size}`` and ``{limit}``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

UPLOAD_ERROR_TEXT: Mapping[str, Mapping[Literal["nl", "en"], str]] = {
    "error.too_large_total": {
        "nl": "de bestanden zijn samen {size} MB, meer dan de grens van {limit} MB per upload; "
        "upload ze in delen",
        "en": "the files take {size} MB together, over the limit of {limit} MB per upload; "
        "upload them in parts",
    },
    # hostile or damaged workbooks (data/ceb/xlsx.py)
    "error.zip_members": {
        "nl": "de werkmap bestaat uit {count} onderdelen, veel meer dan een Excel-werkmap heeft; "
        "sla de tabel in Excel opnieuw op als .xlsx",
        "en": "the workbook has {count} parts, far more than an Excel workbook has; save the "
        "table from Excel as .xlsx again",
    },
    "error.zip_bomb": {
        "nl": "de werkmap pakt uit tot {size} MB (grens {limit} MB) of is verdacht sterk "
        "gecomprimeerd; zo'n bestand wordt niet geopend. Upload de CEB-export zelf",
        "en": "the workbook unpacks to {size} MB (limit {limit} MB) or is suspiciously highly "
        "compressed; such a file is not opened. Upload the CEB export itself",
    },
    "error.external_link": {
        "nl": "de werkmap haalt waarden uit {count} andere bestand(en) (externe koppelingen); "
        "die waarden kunnen verouderd zijn. Kopieer de tabel en plak hem als waarden in een "
        "nieuwe werkmap",
        "en": "the workbook takes values from {count} other file(s) (external links); those "
        "values may be stale. Copy the table and paste it as values into a new workbook",
    },
    "error.too_many_rows": {
        "nl": "het blad gebruikt rij {row}; de app leest hoogstens {limit} rijen. Verwijder "
        "wat onder de tabel staat",
        "en": "the sheet uses row {row}; the app reads at most {limit} rows. Delete what lies "
        "below the table",
    },
    "error.too_many_columns": {
        "nl": "het blad gebruikt kolommen tot voorbij kolom {limit}; de CEB-tabel heeft er vijf. "
        "Verwijder wat naast de tabel staat",
        "en": "the sheet uses columns beyond column {limit}; the CEB table has five. Delete "
        "what lies beside the table",
    },
    "error.xml_entities": {
        "nl": "de werkmap bevat XML-entiteitsdeclaraties (een XML-bom of een verwijzing naar "
        "een extern bestand) en wordt niet gelezen; sla de tabel in Excel opnieuw op als .xlsx",
        "en": "the workbook contains XML entity declarations (an XML bomb or a reference to an "
        "external file) and is not read; save the table from Excel as .xlsx again",
    },
    "error.xml_broken": {
        "nl": "de werkmap is beschadigd (onleesbare XML: {detail}); sla de tabel in Excel "
        "opnieuw op als .xlsx",
        "en": "the workbook is damaged (unreadable XML: {detail}); save the table from Excel "
        "as .xlsx again",
    },
    "error.upload_unexpected": {
        "nl": "het bestand kon niet worden gelezen ({reason}); de getoonde gegevens blijven "
        "staan. Controleer of het een CEB-export is",
        "en": "the file could not be read ({reason}); the data shown stays. Check that it is "
        "a CEB export",
    },
    "error.store_full": {
        "nl": "de gegevens passen niet in de opslag van de server; upload minder jaren tegelijk",
        "en": "the data does not fit in the server's store; upload fewer years at a time",
    },
    "error.session_unknown": {
        "nl": "deze browsersessie is de server onbekend (verlopen of niet door de server "
        "uitgegeven); herlaad de pagina en upload opnieuw",
        "en": "the server does not know this browser session (expired or not issued by the "
        "server); reload the page and upload again",
    },
    "error.rate_limited": {
        "nl": "te veel uploads of exports kort na elkaar; probeer het over {seconds} seconden "
        "opnieuw",
        "en": "too many uploads or exports in a short time; try again in {seconds} seconds",
    },
    "error.view_failed": {
        "nl": "deze weergave kon niet worden gemaakt voor de gekozen gegevens ({reason}); kies "
        "een andere organisatie, een ander jaar of een andere bron",
        "en": "this view could not be drawn for the chosen data ({reason}); pick another "
        "entity, year or source",
    },
    "error.no_donor_listed": {
        "nl": "In {year} staat in deze gegevens geen enkele donor van {entity} met vrijwillige "
        "bijdragen",
        "en": "In {year}, no donor to {entity} is listed with voluntary contributions in these "
        "data",
    },
    # checks in the browser before anything is sent (assets/upload_guard.js)
    "error.client_type": {
        "nl": "{file}: dit bestandstype leest de app niet; upload een CEB-export als .csv of "
        ".xlsx (niets verzonden)",
        "en": "{file}: the app does not read this type of file; upload a CEB export as .csv "
        "or .xlsx (nothing was sent)",
    },
    "error.client_size": {
        "nl": "{file}: {size} MB, meer dan de grens van {limit} MB per upload (niets verzonden)",
        "en": "{file}: {size} MB, over the limit of {limit} MB per upload (nothing was sent)",
    },
    "error.client_total": {
        "nl": "de bestanden zijn samen {size} MB, meer dan de grens van {limit} MB per upload; "
        "upload ze in delen (niets verzonden)",
        "en": "the files take {size} MB together, over the limit of {limit} MB per upload; "
        "upload them in parts (nothing was sent)",
    },
    "error.client_refused": {
        "nl": "de server weigerde het verzoek ({status}): {reason}",
        "en": "the server refused the request ({status}): {reason}",
    },
    "error.request_too_large": {
        "nl": "te groot voor de server (grens {limit} MB per upload)",
        "en": "too large for the server (limit {limit} MB per upload)",
    },
    "error.request_too_many": {
        "nl": "te veel verzoeken kort na elkaar; wacht even en probeer het opnieuw",
        "en": "too many requests in a short time; wait a moment and try again",
    },
    "error.request_failed": {
        "nl": "er ging iets mis op de server; de getoonde gegevens zijn mogelijk niet bijgewerkt",
        "en": "something went wrong on the server; the data shown may not be up to date",
    },
}
