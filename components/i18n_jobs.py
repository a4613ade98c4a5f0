"""Texts of long work off the request path (memo packs and uploads as background jobs), Dutch
and English; merged into ``components.i18n.TEXT``."""

from __future__ import annotations

from collections.abc import Mapping

from components.formatting import Lang

JOBS_TEXT: Mapping[str, Mapping[Lang, str]] = {
    "jobs.cancel": {"nl": "Annuleren", "en": "Cancel"},
    "jobs.progress": {"nl": "Voortgang", "en": "Progress"},
    "jobs.memo.charts": {
        "nl": "Grafieken samenstellen ({count})…",
        "en": "Assembling the charts ({count})…",
    },
    "jobs.memo.render": {
        "nl": "Afbeeldingen tekenen en het pakket maken…",
        "en": "Drawing the images and packing…",
    },
    "jobs.upload.read": {"nl": "{files} lezen…", "en": "Reading {files}…"},
    "jobs.upload.store": {"nl": "Gegevens opslaan…", "en": "Storing the data…"},
    "jobs.upload.adopted": {
        "nl": "De upload van dit tabblad is klaar: {files}.",
        "en": "This tab's upload is done: {files}.",
    },
    "jobs.upload.waiting": {
        "nl": "Een upload van dit tabblad wordt nog gelezen; de getoonde gegevens blijven tot hij klaar is.",
        "en": "An upload from this tab is still being read; the data shown stays until it is done.",
    },
}
