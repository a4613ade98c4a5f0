"""The text of every bad-file message, in Dutch and English, written once.

A ``DataLoadError`` carries a key from ``ERROR_TEXT`` and the values for its ``{placeholders}``
instead of a finished English sentence, so the UI can show it in the reader's language while
logs and start-up errors keep the English one. The catalogue lives in the data layer, not next
to ``components/i18n.py``, because ``str(error)`` must render English without the data layer
importing the UI; ``components/error_text.py`` hands it on to the UI.

Values are filled in as text, except a ``Fragment`` (another key with its own values, rendered in
the same language, for the parts of a message that depend on counts or on which file) and a
float (a size in MB, shown with one decimal and the language's separators).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from data.error_text_upload import UPLOAD_ERROR_TEXT

ErrorLang = Literal["nl", "en"]
"""The UI languages; the same literal as ``components.formatting.Lang``, which data/ cannot import."""


@dataclass(frozen=True)
class Fragment:
    """A piece of a message that itself needs translating, e.g. "(2 more rows ...)"."""

    key: str
    params: Mapping[str, ParamValue] = field(default_factory=dict, hash=False)


ParamValue = str | int | float | Fragment
Params = Mapping[str, ParamValue]

_FILE_ERRORS: Mapping[str, Mapping[ErrorLang, str]] = {
    # where the problem is (see data.errors.describe)
    "error.at_file": {"nl": "bestand {file}", "en": "{file}"},
    "error.at_row": {"nl": "rij {row}", "en": "row {row}"},
    "error.at_column": {"nl": "kolom '{column}'", "en": "column '{column}'"},
    # how many other rows have the problem; a leading space, as they follow the sentence
    "error.more_row": {
        "nl": " (nog 1 rij met hetzelfde probleem)",
        "en": " (1 more row with the same problem)",
    },
    "error.more_rows": {
        "nl": " (nog {count} rijen met hetzelfde probleem)",
        "en": " ({count} more rows with the same problem)",
    },
    "error.more_duplicate": {"nl": " (nog 1 dubbele rij)", "en": " (1 more duplicate row)"},
    "error.more_duplicates": {
        "nl": " (nog {count} dubbele rijen)",
        "en": " ({count} more duplicate rows)",
    },
    # the file as a whole (data/ceb/read.py)
    "error.no_files": {
        "nl": "er zijn geen bestanden opgegeven; upload minstens één CEB-export",
        "en": "no files were given; upload at least one CEB export",
    },
    "error.too_large": {
        "nl": "het bestand is {size} MB, meer dan de grens van {limit} MB per bestand; "
        "splits het, bijvoorbeeld in één bestand per jaar",
        "en": "the file is {size} MB, over the limit of {limit} MB per file; "
        "split it, e.g. one file per year",
    },
    "error.empty": {"nl": "het bestand is leeg", "en": "the file is empty"},
    "error.legacy_xls": {
        "nl": "het bestand is niet wat de naam zegt: het is een oud Excel 97-2003-bestand (.xls) "
        "of een ander oud Office-document; open het in Excel en sla het op als .xlsx of als "
        "CSV UTF-8",
        "en": "file is not what its name says: it is an old Excel 97-2003 (.xls) file or another "
        "legacy Office document; open it in Excel and save it as .xlsx or as CSV UTF-8",
    },
    "error.csv_is_zip": {
        "nl": "het bestand is niet wat de naam zegt: het heet .csv maar is een zip-archief (een "
        ".xlsx-werkmap?); hernoem het naar .xlsx of exporteer het blad als CSV UTF-8",
        "en": "file is not what its name says: it is named .csv but is a zip archive (an "
        ".xlsx workbook?); rename it to .xlsx or export the sheet as CSV UTF-8",
    },
    "error.xlsx_not_zip": {
        "nl": "het bestand is niet wat de naam zegt: het heet .xlsx maar is geen Excel-werkmap "
        "(geen zip-handtekening); is het een CSV, hernoem het dan naar .csv",
        "en": "file is not what its name says: it is named .xlsx but is not an Excel "
        "workbook (no zip signature); if it is a CSV, rename it to .csv",
    },
    "error.unsupported_type": {
        "nl": "bestandstype '{suffix}' wordt niet ondersteund; upload een .csv- of .xlsx-bestand",
        "en": "unsupported file type '{suffix}'; upload a .csv or .xlsx file",
    },
    "error.no_file_type": {
        "nl": "de bestandsnaam heeft geen extensie; upload een .csv- of .xlsx-bestand",
        "en": "unsupported file type '(none)'; upload a .csv or .xlsx file",
    },
    "error.binary": {
        "nl": "het bestand bevat binaire gegevens (NUL-bytes), geen CSV-tekst; upload de "
        "CEB-export zelf, opgeslagen als CSV UTF-8 of .xlsx",
        "en": "the file contains binary data (NUL bytes), not CSV text; upload the CEB export "
        "itself, saved as CSV UTF-8 or .xlsx",
    },
    "error.not_utf8": {
        "nl": "het bestand is geen UTF-8-tekst (onleesbare byte 0x{byte}); sla het op als "
        "'CSV UTF-8' of upload de .xlsx",
        "en": "the file is not UTF-8 text (undecodable byte 0x{byte}); save it as 'CSV UTF-8' "
        "or upload the .xlsx instead",
    },
    "error.column_counts": {
        "nl": "de kop en de rijen hebben een verschillend aantal kolommen",
        "en": "the header and the rows have different column counts",
    },
    "error.csv_unparsable": {
        "nl": "de CSV is niet te lezen: {detail}",
        "en": "the CSV cannot be parsed: {detail}",
    },
    "error.unclosed_quote": {
        "nl": "de CSV is niet te lezen ({detail}); zoek een dubbel aanhalingsteken dat niet "
        "gesloten wordt",
        "en": "the CSV cannot be parsed ({detail}); look for an unclosed double quote",
    },
    "error.too_many_values": {
        "nl": "deze rij heeft {found} waarden maar de kop heeft {width} kolommen; een naam met "
        'een komma moet tussen dubbele aanhalingstekens staan ("China, Hong Kong ...")',
        "en": "this row has {found} values but the header has {width} columns; a name that "
        'contains a comma must be in double quotes ("China, Hong Kong ...")',
    },
    "error.not_a_workbook": {
        "nl": "het bestand is niet wat de naam zegt: het is een zip-archief maar geen leesbare "
        "Excel-werkmap ({reason}); sla de tabel in Excel opnieuw op als .xlsx",
        "en": "file is not what its name says: it is a zip archive but not a readable Excel "
        "workbook ({reason}); save the table from Excel as .xlsx again",
    },
    "error.several_sheets": {
        "nl": "de werkmap heeft {count} bladen ({sheets}); houd alleen het blad met de "
        "inkomstentabel en verwijder de andere",
        "en": "the workbook has {count} sheets ({sheets}); keep only the sheet with the "
        "revenue table and delete the others",
    },
    "error.no_worksheet": {
        "nl": "de werkmap heeft geen werkblad met een tabel",
        "en": "the workbook has no worksheet with a table",
    },
    # the header and the rows (data/ceb/validate.py)
    "error.header_below": {
        "nl": "de kop staat op rij {row}; verwijder de titelrijen erboven zodat de kop "
        "({expected}) op rij 1 staat",
        "en": "the header is on row {row}; remove the title rows above it so that the "
        "header ({expected}) is on row 1",
    },
    "error.repeated_column": {
        "nl": "deze kolom staat meer dan één keer in de kop",
        "en": "this column appears more than once in the header",
    },
    "error.wrong_columns_missing": {
        "nl": "verkeerde kolommen: ontbrekend {missing}. De kop moet zijn: {expected}",
        "en": "wrong columns: missing {missing}. The header must be: {expected}",
    },
    "error.wrong_columns_unexpected": {
        "nl": "verkeerde kolommen: onverwacht {unexpected}. De kop moet zijn: {expected}",
        "en": "wrong columns: unexpected {unexpected}. The header must be: {expected}",
    },
    "error.wrong_columns_both": {
        "nl": "verkeerde kolommen: ontbrekend {missing}; onverwacht {unexpected}. "
        "De kop moet zijn: {expected}",
        "en": "wrong columns: missing {missing}; unexpected {unexpected}. "
        "The header must be: {expected}",
    },
    "error.unnamed_column": {
        "nl": "deze kolom heeft waarden maar geen kop; verwijder hem of geef hem een "
        "CEB-naam{more}",
        "en": "this column has values but no header; delete it or give it a CEB name{more}",
    },
    "error.no_rows": {
        "nl": "het bestand heeft een kop maar geen gegevensrijen",
        "en": "the file has a header but no data rows",
    },
    "error.empty_donor": {
        "nl": "de donornaam is leeg; elke rij heeft de officiële VN-naam van de regering "
        "nodig{more}",
        "en": "the donor name is empty; every row needs the government's official UN name{more}",
    },
    "error.empty_entity": {
        "nl": "de organisatie is leeg; elke rij heeft de VN-organisatie nodig, bijvoorbeeld "
        "'IOM'{more}",
        "en": "the entity is empty; every row needs the UN entity, e.g. 'IOM'{more}",
    },
    "error.unknown_rev_type": {
        "nl": "onbekend inkomstentype '{value}'; toegestaan: {allowed}{more}",
        "en": "unknown revenue type '{value}'; allowed: {allowed}{more}",
    },
    "error.bad_year": {
        "nl": "kalenderjaar '{value}' is geen jaartal van 4 cijfers, bijvoorbeeld 2024{more}",
        "en": "calendar year '{value}' is not a 4-digit year, e.g. 2024{more}",
    },
    "error.empty_amount": {
        "nl": "het bedrag is leeg; schrijf 0 als er geen inkomsten waren{more}",
        "en": "the amount is empty; write 0 if there was no revenue{more}",
    },
    "error.bad_amount": {
        "nl": "bedrag '{value}' is geen getal; schrijf gewone USD met een '.' voor decimalen en "
        "spaties (of niets) tussen duizendtallen, bijvoorbeeld 6 248 523.86{more}",
        "en": "amount '{value}' is not a number; write plain USD with a '.' for decimals and "
        "spaces (or nothing) between thousands, e.g. 6 248 523.86{more}",
    },
    "error.duplicate_row": {
        "nl": "dubbele rij: dezelfde {donor_column}, {entity_column}, {type_column} en "
        "{year_column} als rij {first_row} ({key}); houd er maar één{more}",
        "en": "duplicate row: same {donor_column}, {entity_column}, {type_column} and "
        "{year_column} as row {first_row} ({key}); keep only one{more}",
    },
    "error.duplicate_row_in_file": {
        "nl": "dubbele rij: dezelfde {donor_column}, {entity_column}, {type_column} en "
        "{year_column} als rij {first_row} van {first_file} ({key}); houd er maar één{more}",
        "en": "duplicate row: same {donor_column}, {entity_column}, {type_column} and "
        "{year_column} as row {first_row} of {first_file} ({key}); keep only one{more}",
    },
    # the curated donor-name table (data/ceb/names.py)
    "error.file_not_found": {
        "nl": "bestand niet gevonden: {path}",
        "en": "file not found: {path}",
    },
    "error.names_header": {
        "nl": "de kop moet {expected} zijn; gevonden: {found}",
        "en": "the header must be {expected}; found {found}",
    },
    "error.names_empty": {
        "nl": "lege waarde; elke donor heeft een sleutel, de officiële naam en beide namen "
        "nodig{more}",
        "en": "empty value; every donor needs a key, the official name and both names{more}",
    },
    "error.names_not_unique": {
        "nl": "'{value}' staat al op rij {first_row}; elke waarde moet uniek zijn{more}",
        "en": "'{value}' is already used on row {first_row}; each must be unique{more}",
    },
    # the seed tables (data/loader.py)
    "error.not_found_in": {
        "nl": "bestand niet gevonden in {directory}",
        "en": "file not found in {directory}",
    },
    "error.seed_not_utf8": {"nl": "geen UTF-8-tekst ({reason})", "en": "not UTF-8 text ({reason})"},
    "error.seed_bad_csv": {
        "nl": "geen geldige CSV-tabel ({detail})",
        "en": "not a well-formed CSV table ({detail})",
    },
    "error.missing_columns": {
        "nl": "ontbrekende kolom(men) {missing}; verwacht {expected}",
        "en": "missing column(s) {missing}; expected {expected}",
    },
    "error.unexpected_columns": {
        "nl": "onverwachte kolom(men) {extra}; verwacht {expected}",
        "en": "unexpected column(s) {extra}; expected {expected}",
    },
    "error.not_number": {"nl": "'{value}' is geen getal", "en": "'{value}' is not a number"},
    "error.not_whole_number": {
        "nl": "'{value}' is geen geheel getal",
        "en": "'{value}' is not a whole number",
    },
    "error.duplicate_value": {
        "nl": "dubbele waarde '{value}'; die moet uniek zijn (eerst op rij {first_row})",
        "en": "duplicate value '{value}'; it must be unique (first in row {first_row})",
    },
    "error.empty_cell": {
        "nl": "lege cel; een waarde is verplicht",
        "en": "empty cell; a value is required",
    },
    "error.fails_rule": {
        "nl": "waarde '{value}' voldoet niet aan de regel {check}",
        "en": "value '{value}' fails the rule {check}",
    },
    "error.unknown_reference": {
        "nl": "'{value}' is geen bekende {column} in {table}",
        "en": "'{value}' is not a known {column} in {table}",
    },
    # uploads (callbacks/data.py)
    "error.upload_damaged": {
        "nl": "de upload kwam beschadigd aan; probeer het opnieuw",
        "en": "the upload arrived damaged; try again",
    },
}

ERROR_TEXT: Mapping[str, Mapping[ErrorLang, str]] = {**_FILE_ERRORS, **UPLOAD_ERROR_TEXT}
"""The whole catalogue: the file and table messages here, the upload path's in
``data.error_text_upload``."""
if len(ERROR_TEXT) != len(_FILE_ERRORS) + len(UPLOAD_ERROR_TEXT):
    raise RuntimeError("an error text key is written in both parts of the error catalogue")


def render(key: str, lang: ErrorLang, params: Params) -> str:
    """Fill ``key``'s text in ``lang``; an unknown key or a missing value raises ``KeyError``."""
    values = {name: _shown(value, lang) for name, value in params.items()}
    return ERROR_TEXT[key][lang].format(**values)


def _shown(value: ParamValue, lang: ErrorLang) -> str:
    if isinstance(value, Fragment):
        return render(value.key, lang, value.params)
    if isinstance(value, float):  # the separators of components.formatting.fmt_number
        english = f"{value:,.1f}"
        if lang == "en":
            return english
        return english.replace(",", "\u0000").replace(".", ",").replace("\u0000", ".")
    return str(value)
