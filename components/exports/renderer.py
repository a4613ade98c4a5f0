"""Server-side rendering of export images with kaleido, for the memo annex.

Single images are rendered in the browser (Plotly.toImage), which is immediate. The memo annex
renders on the server, with kaleido driving a headless Chromium whose start costs about two
seconds; ``KaleidoServer`` starts it on the first render and keeps it. Nothing here starts a
browser on import or when the app is built.
"""

from __future__ import annotations

import functools
import tempfile
import threading
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path

import kaleido
import plotly.graph_objects as go
import plotly.io as pio

from components.exports.image import PRESETS, ExportMeta, ImageFormat
from components.exports.image_layout import export_figure
from components.exports.png import with_dpi


def _render_options(preset: str) -> dict[str, float]:
    """Width, height and scale for plotly's image export."""
    spec = PRESETS[preset]
    return {"width": spec.width, "height": spec.height, "scale": spec.scale}


def _dated(image: bytes, preset: str, fmt: ImageFormat) -> bytes:
    """A PNG carries its preset's print resolution; an SVG has none to carry."""
    return with_dpi(image, PRESETS[preset].dpi) if fmt == "png" else image


def figure_image(fig: go.Figure, meta: ExportMeta, preset: str, fmt: ImageFormat = "png") -> bytes:
    """One image; starts a headless Chromium per call, so prefer ``figure_images`` for several."""
    image: bytes = pio.to_image(
        export_figure(fig, meta, preset), format=fmt, **_render_options(preset)
    )
    return _dated(image, preset, fmt)


def figure_images(
    items: Sequence[tuple[go.Figure, ExportMeta]], preset: str, fmt: ImageFormat = "png"
) -> list[bytes]:
    """Several images from one Chromium session, which is most of the cost of an image.

    ``plotly.io.write_images`` is plotly's batch API and only writes files, so the images pass
    through a private temporary directory.
    """
    if not items:
        return []
    figures = [export_figure(fig, meta, preset) for fig, meta in items]
    options = _render_options(preset)
    with tempfile.TemporaryDirectory(prefix="iom-export-") as folder:
        paths = [Path(folder) / f"{index}.{fmt}" for index in range(len(figures))]
        pio.write_images(figures, paths, format=fmt, **options)
        return [_dated(path.read_bytes(), preset, fmt) for path in paths]


class KaleidoServer:
    """Starts kaleido's Chromium once, on the first memo pack, and keeps it for the next.

    kaleido's sync server is one per process and answers requests in order through one queue
    that cannot tell callers apart, so every server-side render in the app must go through
    ``render``, which serialises them. If a render fails the server is stopped, so the next
    pack starts a fresh one instead of reusing a broken browser.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()

    def render(self, build: Callable[[], bytes]) -> bytes:
        """Run ``build`` (which renders through plotly.io) with the server running."""
        with self._lock, warnings.catch_warnings():
            # plotly.io passes its request headers as kaleido options, which a running server
            # already has (it was started with them) and says so on every call.
            warnings.filterwarnings("ignore", message="The kopts argument is ignored")
            # A no-op while the server runs; starts it on first use or after a stop.
            kaleido.start_sync_server(headers=pio.defaults.headers, silence_warnings=True)
            try:
                return build()
            except Exception:
                kaleido.stop_sync_server(silence_warnings=True)
                raise

    def stop(self) -> None:
        """Close the kept Chromium (tests; the process's exit closes it too)."""
        with self._lock:
            kaleido.stop_sync_server(silence_warnings=True)


@functools.cache
def kaleido_server() -> KaleidoServer:
    """The process's one ``KaleidoServer``, made on first use.

    kaleido's server is one per process, so one lock per process must guard it: a second app
    built in the same process (tests, benchmarks) shares this instance rather than racing it.
    Making it starts nothing; Chromium starts on the first ``render``.
    """
    return KaleidoServer()
