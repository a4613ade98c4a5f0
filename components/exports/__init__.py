"""Charts out of the app: images, data files and the memo annex, as plain functions.

One job per module, so the Dash callbacks in callbacks/export.py only read controls and hand
over:

- ``image``: what an exported chart says about itself (``ExportMeta``), the size presets, the
  file names and the date format;
- ``image_layout``: the re-layout of a chart's figure for a fixed-size image (``export_figure``);
- ``renderer``: server-side rendering with kaleido (``figure_image(s)``, ``KaleidoServer``);
- ``tables``: the CSV and XLSX writers;
- ``memo``: the memo annex as PPTX or DOCX;
- ``assemble``: a built chart turned into what each export needs (meta, image spec, data file,
  memo items);
- ``texts``: the texts around each chart's export bar and in the memo section.
"""
