"""The image copies of the contributors table chart (table.py) and the shared helpers
(components/charts/image_tidy.py): what changes in the copy, and that the screen stays."""

from __future__ import annotations

import plotly.graph_objects as go

from components.charts import image_tidy, table
from data.ceb_source import CebModel
from tests.test_chart_table import model, state  # noqa: F401  (the fixture and the view)


def test_the_table_image_flows_its_legend_and_keeps_every_bar(model: CebModel) -> None:  # noqa: F811
    out = table.build(model, state("nl"))
    image = out.image_figure()
    assert [len(trace.x) for trace in image.data] == [len(trace.x) for trace in out.figure.data]
    assert [trace.legendgroup for trace in image.data] == [
        f"trace-{i}" for i in range(len(image.data))
    ]
    assert image.layout.xaxis.title.standoff == image_tidy.IMAGE_TITLE_STANDOFF
    assert out.figure.layout.legend.traceorder is None  # the screen figure is not touched


def test_end_labels_go_other_annotations_stay() -> None:
    fig = go.Figure()
    fig.add_annotation(text="A", name=image_tidy.END_LABEL, x=1, y=1)
    fig.add_annotation(text="guide", x=1, y=1)
    assert [a.text for a in image_tidy.without_end_labels(fig).layout.annotations] == ["guide"]
    assert len(fig.layout.annotations) == 2
