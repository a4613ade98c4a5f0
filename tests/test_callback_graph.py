"""The callback graph of whatever app ``create_app`` builds, checked and run without a browser.

Every Input, Output and State must name a component of the layout (a pattern id at least one),
with a prop that component type has; layout ids are unique; no prop is written by two callbacks
unless all but one say ``allow_duplicate``; no chain of callbacks leads back to where it started.
Every server callback then runs through the app's own dispatch: on the layout's values, once per
Input as the trigger, with the controls on other options, and after uploading the committed cut
of the CEB export (tests/fixtures). The tests know no callback by name (tests/callback_graph.py
reads the graph), so they keep working when the callbacks move between modules;
``test_checks_fail_on_a_broken_app`` and ``test_runs_fail_on_a_broken_callback`` show that every
check can fail.
"""

from __future__ import annotations

import base64
import functools
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import kaleido
import pytest
from dash import ALL, Dash, Input, Output, dcc, html
from dash.exceptions import InvalidCallbackReturnValue

from app import create_app
from components import ids
from data.store import DatasetStore, DiskcacheBackend
from tests.callback_graph import (
    Callback,
    Driver,
    Key,
    Node,
    by_name,
    callbacks,
    layout_nodes,
    server_callbacks,
)

CEB_CUT = Path(__file__).with_name("fixtures") / "ceb-2024-cut.csv"  # see fixtures/README.md
STORE_BYTES = 64 * 1024 * 1024
HERE = __name__.rsplit(".", 1)[-1]  # how the callbacks of broken_app are named

# Values that replace the layout's in every run, each with its reason.
OVERRIDES: dict[Key, Any] = {
    # The memo pack renders every chosen chart with kaleido, which starts Chromium; with no chart
    # chosen the callback answers at once, so the test needs no browser and stays fast.
    (ids.MEMO_CHARTS, "value"): [],
}


def build_app(directory: Path) -> tuple[Dash, DiskcacheBackend]:
    """The app with a store of its own, as tests/conftest.py's live_server builds it."""
    backend = DiskcacheBackend(directory, size_limit_bytes=STORE_BYTES)
    return create_app(store=DatasetStore(backend)), backend


@functools.cache
def collected() -> tuple[str, ...]:
    """The server callbacks' names at collection time, for the test ids. An app that does not
    build gives none here; the ``app`` fixture then fails every test that needs it, with the
    error, and the tests of the checks themselves still run."""
    with tempfile.TemporaryDirectory() as directory:
        try:
            app, backend = build_app(Path(directory))
        except Exception:
            return ()
        try:
            return tuple(by_name(server_callbacks(callbacks(app))))
        finally:
            backend.close()


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Dash]:
    built, backend = build_app(tmp_path_factory.mktemp("store"))
    yield built
    backend.close()


@pytest.fixture(scope="module")
def graph(app: Dash) -> list[Callback]:
    return callbacks(app)


@pytest.fixture(scope="module")
def nodes(app: Dash) -> list[Node]:
    return layout_nodes(app.layout)


@pytest.fixture
def no_chromium(monkeypatch: pytest.MonkeyPatch) -> None:
    """A callback that would render with kaleido fails at once instead of starting Chromium."""

    def refuse(*_args: Any, **_kwargs: Any) -> Any:
        raise AssertionError("a callback started kaleido (Chromium); choose inputs in OVERRIDES")

    for name in ("start_sync_server", "calc_fig_sync", "write_fig_from_object_sync"):
        monkeypatch.setattr(kaleido, name, refuse)


@pytest.fixture
def driver(app: Dash, no_chromium: None) -> Driver:
    return Driver(app, OVERRIDES)


def problems(found: list[str]) -> str:
    return "\n".join(found)


# the checks: each returns what is wrong, one line per problem, naming the callback and the id --
def duplicate_ids(nodes: list[Node]) -> list[str]:
    seen: dict[str, int] = {}
    for node in nodes:
        seen[node.key] = seen.get(node.key, 0) + 1
    return [f"id {key!r} is used by {n} components" for key, n in seen.items() if n > 1]


def unknown_ids(graph: list[Callback], nodes: list[Node]) -> list[str]:
    return [
        f"{cb.name}: {dep} names no component of the layout"
        for cb in graph
        for dep in cb.deps
        if not any(dep.matches(node.id) for node in nodes)
    ]


def unknown_props(graph: list[Callback], nodes: list[Node]) -> list[str]:
    return [
        f"{cb.name}: {dep}: {node.type_name} {node.key!r} has no prop {dep.prop!r}"
        for cb in graph
        for dep in cb.deps
        for node in nodes
        if dep.matches(node.id) and not node.has_prop(dep.prop)
    ]


def duplicate_outputs(graph: list[Callback], nodes: list[Node]) -> list[str]:
    """Props written by more than one callback without ``allow_duplicate`` (checked per layout
    component, so a pattern output that overlaps a plain one counts too)."""
    writers: dict[Key, list[str]] = {}
    for cb in graph:
        written = {
            (node.key, dep.prop)
            for dep in cb.outputs
            if not dep.allow_duplicate
            for node in nodes
            if dep.matches(node.id)
        }
        for key in written:
            writers.setdefault(key, []).append(cb.name)
    return [
        f"{key}.{prop} is written by {', '.join(names)} (only one may omit allow_duplicate)"
        for (key, prop), names in writers.items()
        if len(names) > 1
    ]


def cycles(graph: list[Callback], driver: Driver) -> list[str]:
    """Chains of callbacks that lead back to where they started, found on the graph the renderer
    builds for its "Circular Dependencies" error: each Input leads to each Output of its callback;
    an Output that is also an Input of the same callback (a circle Dash allows) is a node of its
    own, which leads on to what other callbacks compute from it. Stricter than the renderer, an
    ``allow_duplicate`` Output counts as the prop it writes: such a loop runs in circles too."""
    edges: dict[str, dict[str, str]] = {}
    wired = []
    for cb in graph:
        for binding in driver.bindings(cb):
            ins = {f"{n.key}.{d.prop}" for d in cb.inputs for n in driver.nodes_of(d, binding)}
            outs = {f"{n.key}.{d.prop}" for d in cb.outputs for n in driver.nodes_of(d, binding)}
            named = {o: f"{o} (own input)" if o in ins else o for o in outs}
            wired.append((cb.name, ins, named))
            for source in ins:
                edges.setdefault(source, {}).update(dict.fromkeys(named.values(), cb.name))
    for _, _ins, named in wired:
        for prop, node in named.items():
            for name, other_ins, other in wired:
                if node != prop and prop in other_ins and node not in other.values():
                    edges.setdefault(node, {}).update(dict.fromkeys(other.values(), name))
    found: list[str] = []
    state: dict[str, bool] = {}  # True while on the path

    def visit(path: list[str]) -> None:
        state[path[-1]] = True
        for target, name in edges.get(path[-1], {}).items():
            if state.get(target):
                loop = [*path[path.index(target) :], target]
                found.append(" -> ".join(loop) + f" (closed by {name})")
            elif target not in state:
                visit([*path, target])
        state[path[-1]] = False

    for start in list(edges):
        if start not in state:
            visit([start])
    return found


# the graph ----------------------------------------------------------------------------------
def test_the_app_has_server_and_clientside_callbacks(graph: list[Callback]) -> None:
    assert server_callbacks(graph)
    assert any(not cb.server for cb in graph)


def test_layout_ids_are_unique(nodes: list[Node]) -> None:
    assert not duplicate_ids(nodes), problems(duplicate_ids(nodes))


def test_every_dependency_names_a_layout_component(
    graph: list[Callback], nodes: list[Node]
) -> None:
    assert not unknown_ids(graph, nodes), problems(unknown_ids(graph, nodes))


def test_every_dependency_prop_is_a_prop_of_its_component(
    graph: list[Callback], nodes: list[Node]
) -> None:
    assert not unknown_props(graph, nodes), problems(unknown_props(graph, nodes))


def test_no_prop_is_written_by_two_callbacks(graph: list[Callback], nodes: list[Node]) -> None:
    assert not duplicate_outputs(graph, nodes), problems(duplicate_outputs(graph, nodes))


def test_no_chain_of_callbacks_is_circular(graph: list[Callback], driver: Driver) -> None:
    assert not cycles(graph, driver), problems(cycles(graph, driver))


def test_overrides_name_props_of_the_layout(nodes: list[Node]) -> None:
    """A stale override would silently stop keeping a heavy callback light."""
    keys = {node.key: node for node in nodes}
    for key, prop in OVERRIDES:
        assert key in keys and keys[key].has_prop(prop), (key, prop)


# running the callbacks ----------------------------------------------------------------------
def test_every_server_callback_is_run(graph: list[Callback], driver: Driver) -> None:
    """No silent skip: the parametrised runs cover every server callback, each with a request."""
    named = by_name(server_callbacks(graph))
    assert tuple(named) == collected()
    assert not [name for name, cb in named.items() if not driver.runs(cb)]


@pytest.mark.parametrize("page", ["layout", "other options"])
@pytest.mark.parametrize("name", collected())
def test_callback_runs(name: str, page: str, graph: list[Callback], driver: Driver) -> None:
    """On the layout's values, the initial call and each Input's change answer, or prevent the
    update, with one value per output; so does the first of these with every control on another
    option (the other language, another year, ...)."""
    if page == "other options":
        driver.choose_other_options()
    cb = by_name(server_callbacks(graph))[name]
    runs = driver.runs(cb, every_input=page == "layout")
    assert runs
    for run in runs:
        driver.call(run)


def test_callbacks_run_on_uploaded_data(graph: list[Callback], driver: Driver) -> None:
    """Open the page, upload a CEB file, follow what the upload changes, then run everything
    again on the loaded data (the revenue-basis branches the seed data never reaches)."""
    for cb in server_callbacks(graph):
        if not cb.prevent_initial_call:
            for run in driver.runs(cb)[:1]:
                driver.fold(driver.call(run))
    uploads = [node for node in driver.nodes if node.type_name == "Upload"]
    assert uploads
    name, content = CEB_CUT.name, CEB_CUT.read_bytes()
    url = "data:text/csv;base64," + base64.b64encode(content).decode()
    changed: list[Key] = []
    for node in uploads:
        several = bool(node.props.get("multiple"))
        driver.values[node.key, "contents"] = [url] if several else url
        driver.values[node.key, "filename"] = [name] if several else name
        changed.append((node.key, "contents"))
    changed = driver.propagate(graph, changed)
    stored = [
        key
        for key in changed
        if key[1] == "data" and driver.by_key[key[0]].type_name == "Store" and driver.values[key]
    ]
    assert stored, f"the upload stored nothing; it changed {changed}"
    rerun = [
        cb
        for cb in server_callbacks(graph)
        if any(key in driver.reads(cb, b) for b in driver.bindings(cb) for key in changed)
    ]
    assert rerun
    for cb in rerun:
        for run in driver.runs(cb):
            if run.trigger not in changed:  # those changes were just followed
                driver.call(run)


# the checks themselves ----------------------------------------------------------------------
def broken_app(unique_ids: bool = False) -> Dash:
    """Every mistake the checks look for, once (Dash refuses to serve a layout whose ids repeat,
    so the runs are tried on one whose ids do not)."""
    app = Dash(__name__)
    app.layout = html.Div(
        [
            dcc.Input(id="text", value="x"),
            dcc.Input(id="own", value="y"),
            html.Div(id="out"),
            html.Div(id="twice"),
            *([] if unique_ids else [html.Div(id="twice")]),
            html.Div(id={"type": "cell", "n": 1}),
        ]
    )

    @app.callback(Output("out", "children"), Output("twice", "title"), Input("text", "value"))
    def one_value_for_two(value: str) -> tuple[str]:
        return (value,)

    @app.callback(Output("out", "children"), Input("missing", "value"))
    def writes_out_again(value: str) -> str:
        return value

    @app.callback(
        Output({"type": "cell", "n": ALL}, "value"), Input({"type": "row", "n": ALL}, "n")
    )
    def wrong_pattern_and_prop(values: list[Any]) -> list[Any]:
        return values

    @app.callback(Output({"type": "cell", "n": ALL}, "children"), Input("text", "value"))
    def raises(value: str) -> list[str]:
        raise ValueError(value)

    @app.callback(Output("out", "title"), Input("text", "value"))
    def text_to_title(value: str) -> str:
        return value

    @app.callback(Output("text", "value"), Input("out", "title"), Input("own", "value"))
    def title_to_text(title: str, _own: str) -> str:
        return title

    @app.callback(Output("own", "value"), Input("own", "value"))  # a circle Dash allows
    def own_circle(value: str) -> str:
        return value

    return app


def test_checks_fail_on_a_broken_app() -> None:
    app = broken_app()
    graph, nodes = callbacks(app), layout_nodes(app.layout)
    assert duplicate_ids(nodes) == ["id 'twice' is used by 2 components"]
    rows, cells, cell = (
        '{"n":["ALL"],"type":"row"}',
        '{"n":["ALL"],"type":"cell"}',
        '{"n":1,"type":"cell"}',
    )
    assert unknown_ids(graph, nodes) == [
        f"{HERE}.writes_out_again: Input('missing', 'value') names no component of the layout",
        f"{HERE}.wrong_pattern_and_prop: Input('{rows}', 'n') names no component of the layout",
    ]
    assert unknown_props(graph, nodes) == [
        f"{HERE}.wrong_pattern_and_prop: Output('{cells}', 'value'): "
        f"Div '{cell}' has no prop 'value'"
    ]
    assert duplicate_outputs(graph, nodes) == [
        f"out.children is written by {HERE}.one_value_for_two, {HERE}.writes_out_again "
        "(only one may omit allow_duplicate)"
    ]
    assert cycles(graph, Driver(app)) == [
        f"text.value -> out.title -> text.value (closed by {HERE}.title_to_text)"
    ]


def test_runs_fail_on_a_broken_callback() -> None:
    app = broken_app(unique_ids=True)
    driver, named = Driver(app), by_name(callbacks(app))
    with pytest.raises(InvalidCallbackReturnValue) as wrong_count:
        driver.call(driver.runs(named[f"{HERE}.one_value_for_two"])[0])
    assert "Expected length: 2" in str(wrong_count.value)
    with pytest.raises(ValueError) as raised:
        driver.call(driver.runs(named[f"{HERE}.raises"])[0])
    assert f"in callback {HERE}.raises (initial call)" in raised.value.__notes__
