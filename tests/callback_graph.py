"""Read a Dash app's callback graph and drive its server callbacks without a browser.

Nothing here knows this app's ids or callbacks: the layout is walked for every component that has
an id, the callbacks are read from ``app.callback_map`` (clientside ones included, which have no
``"callback"`` there), and a server callback is run the way the renderer runs it, by POSTing the
renderer's request to ``/_dash-update-component`` on Flask's test client. That path is the
protocol between the browser and the server, so it keeps working when the callbacks are
reorganised, and Dash itself checks on it that a callback returns one value per output (per
matching component for ``ALL`` outputs).
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from dash import Dash
from dash.dependencies import ALLSMALLER, MATCH, Wildcard
from dash.development.base_component import Component

Role = Literal["Output", "Input", "State"]
JOB_TIMEOUT_SECONDS = 60.0  # a background callback's job (an upload read in a child process)
ComponentId = str | dict[str, Any]
Key = tuple[str, str]  # (stringified id, property), as the renderer names a prop

# What the renderer reports for props the layout leaves unset, on a page opened at "/".
BROWSER_DEFAULTS: dict[tuple[str, str], Any] = {
    ("Location", "pathname"): "/",
    ("Location", "search"): "",
    ("Location", "hash"): "",
    ("Location", "href"): "http://localhost/",
}


def stringify_id(id_: ComponentId) -> str:
    """The id as Dash writes it in prop ids and responses (the same rule as dash._utils')."""
    if isinstance(id_, str):
        return id_
    parts = (
        f"{json.dumps(k)}:{v.to_json() if isinstance(v, Wildcard) else json.dumps(v)}"
        for k, v in sorted(id_.items())
    )
    return "{" + ",".join(parts) + "}"


def parse_id(text: str) -> ComponentId:
    """A stringified id back to its value; wildcards, written as ``["ALL"]``, become Wildcards."""
    if not text.startswith("{"):
        return text
    parsed: dict[str, Any] = json.loads(text)
    return {
        k: Wildcard(v[0]) if isinstance(v, list) and len(v) == 1 else v for k, v in parsed.items()
    }


@dataclass(frozen=True)
class Node:
    """A component of the layout that has an id."""

    id: ComponentId
    component: Component

    @property
    def key(self) -> str:
        return stringify_id(self.id)

    @property
    def type_name(self) -> str:
        return type(self.component).__name__

    @property
    def props(self) -> dict[str, Any]:
        """The props the layout sets (Dash's own reading of the component)."""
        return dict(self.component.to_plotly_json()["props"])

    def has_prop(self, prop: str) -> bool:
        wildcards = getattr(self.component, "_valid_wildcard_attributes", [])
        return prop in self.component._prop_names or any(prop.startswith(w) for w in wildcards)


def layout_nodes(layout: Any) -> list[Node]:
    """Every component with an id, found in any prop (children, Tab labels, ...), in page order."""
    found: list[Node] = []

    def walk(value: Any) -> None:
        if isinstance(value, Component):
            component_id = getattr(value, "id", None)
            if component_id is not None:
                found.append(Node(component_id, value))
            for prop in value._prop_names:
                walk(getattr(value, prop, None))
        elif isinstance(value, list | tuple):
            for item in value:
                walk(item)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)

    walk(layout() if callable(layout) else layout)
    return found


@dataclass(frozen=True)
class Dep:
    """One Output, Input or State of a callback."""

    role: Role
    id: ComponentId
    prop: str
    allow_duplicate: bool = False

    def __str__(self) -> str:
        return f"{self.role}({stringify_id(self.id)!r}, {self.prop!r})"

    @property
    def wildcards(self) -> set[Wildcard]:
        values = self.id.values() if isinstance(self.id, dict) else ()
        return {v for v in values if isinstance(v, Wildcard)}

    def matches(self, node_id: ComponentId) -> bool:
        """Whether a layout id fits: equal, or for a pattern the same keys and fixed values."""
        if isinstance(self.id, str) or isinstance(node_id, str):
            return self.id == node_id
        return set(self.id) == set(node_id) and all(
            isinstance(v, Wildcard) or node_id[k] == v for k, v in self.id.items()
        )


@dataclass(frozen=True)
class Callback:
    """A registered callback: its deps and, for a server callback, that it has a function."""

    key: str  # its key in app.callback_map (the renderer's "output")
    name: str
    outputs: tuple[Dep, ...]
    multi: bool  # outputs sent and returned as a list, not one value
    inputs: tuple[Dep, ...]
    states: tuple[Dep, ...]
    prevent_initial_call: bool
    server: bool

    @property
    def deps(self) -> tuple[Dep, ...]:
        return self.outputs + self.inputs + self.states


def callbacks(app: Dash) -> list[Callback]:
    """Every callback of the app, in registration order, named after its function."""
    listed = {spec["output"]: spec for spec in app._callback_list}
    found = []
    for key, entry in app.callback_map.items():
        spec = listed.get(key, {})
        raw = entry["output"]
        multi = isinstance(raw, list | tuple)
        outputs = tuple(
            Dep("Output", o.component_id, o.component_property, o.allow_duplicate)
            for o in (raw if multi else [raw])
        )

        def deps(role: Role, items: Iterable[Mapping[str, str]]) -> tuple[Dep, ...]:
            return tuple(Dep(role, parse_id(d["id"]), d["property"]) for d in items)

        function = entry.get("callback")
        if function is not None:
            inner = getattr(function, "__wrapped__", function)
            name = f"{inner.__module__.rsplit('.', 1)[-1]}.{inner.__name__}"
        elif spec.get("clientside_function"):
            name = "clientside.{namespace}.{function_name}".format(**spec["clientside_function"])
        else:
            name = f"clientside.{key}"
        inputs, states = deps("Input", entry["inputs"]), deps("State", entry["state"])
        initial = bool(spec.get("prevent_initial_call"))
        found.append(
            Callback(key, name, outputs, multi, inputs, states, initial, server=bool(function))
        )
    return found


# running server callbacks -------------------------------------------------------------------
@dataclass(frozen=True)
class Run:
    """One request for a callback: what it is called with, and why (shown on failure)."""

    callback: Callback
    label: str
    body: dict[str, Any]
    trigger: Key | None = None  # the changed prop; None for the initial call


@dataclass
class Driver:
    """Holds the page's prop values (the layout's, then whatever callbacks returned) and runs
    callbacks on them through the app's own dispatch."""

    app: Dash
    overrides: Mapping[Key, Any] = field(default_factory=dict)
    nodes: list[Node] = field(init=False)
    values: dict[Key, Any] = field(init=False)

    def __post_init__(self) -> None:
        self.app.server.config["TESTING"] = True  # a raising callback raises here, not a 500
        self.client = self.app.server.test_client()
        self.url = self.app.config.routes_pathname_prefix + "_dash-update-component"
        self.nodes = layout_nodes(self.app.layout)
        self.by_key = {node.key: node for node in self.nodes}
        self.values = {
            (node.key, prop): value
            for node in self.nodes
            for (type_name, prop), value in BROWSER_DEFAULTS.items()
            if node.type_name == type_name
        }
        self.values.update({(n.key, prop): v for n in self.nodes for prop, v in n.props.items()})
        self.values.update(self.overrides)

    def trigger_value(self, key: Key) -> Any:
        """A changed value: one more click, or another of the component's options."""
        current = self.values.get(key)
        if key[1] == "n_clicks":
            return (current or 0) + 1
        options = self.values.get((key[0], "options")) if key[1] == "value" else None
        listed = list(options) if isinstance(options, dict) else options or []
        choices = [o.get("value") if isinstance(o, dict) else o for o in listed]
        others = [c for c in choices if c != current]
        return others[0] if others and not isinstance(current, list) else current

    def choose_other_options(self) -> None:
        """Put every control that has options on another one (the other language, year, ...)."""
        for node in self.nodes:
            key = (node.key, "value")
            if (node.key, "options") in self.values and key not in self.overrides:
                self.values[key] = self.trigger_value(key)

    def bindings(self, cb: Callback) -> list[dict[str, Any]]:
        """The values a MATCH callback is run for: those of every layout component its first
        MATCH dep fits (a callback without MATCH runs once, with no binding)."""
        first = next((d for d in cb.deps if MATCH in d.wildcards), None)
        if first is None or not isinstance(first.id, dict):
            return [{}]
        keys = [k for k, v in first.id.items() if v is MATCH]
        found: list[dict[str, Any]] = []
        for node in self.nodes:
            if first.matches(node.id) and isinstance(node.id, dict):
                binding = {k: node.id[k] for k in keys}
                found += [binding] if binding not in found else []
        return found

    def resolve(self, dep: Dep, binding: Mapping[str, Any]) -> Node | list[Node]:
        """The layout component(s) a dep stands for; a list for ALL and ALLSMALLER."""
        if not isinstance(dep.id, dict):
            return self.by_key[dep.id]
        pattern = {k: binding[k] if v is MATCH else v for k, v in dep.id.items()}
        bound = Dep(dep.role, pattern, dep.prop)
        if not bound.wildcards:
            return self.by_key[stringify_id(pattern)]
        smaller = [k for k, v in pattern.items() if v is ALLSMALLER]
        return [
            node
            for node in self.nodes
            if bound.matches(node.id) and all(node.id[k] < binding[k] for k in smaller)  # type: ignore[index]
        ]

    def reads(self, cb: Callback, binding: Mapping[str, Any]) -> dict[Key, Dep]:
        """The props a callback reads for one binding (as an Input, if also a State)."""
        return {
            (n.key, d.prop): d for d in cb.states + cb.inputs for n in self.nodes_of(d, binding)
        }

    def runs(self, cb: Callback, every_input: bool = True) -> list[Run]:
        """The initial call (unless prevented) and one call per Input as the trigger; every
        further MATCH binding with the first of these only (each chart once, not every chart
        times every button), and so every binding without ``every_input``."""
        runs = []
        for n, binding in enumerate(self.bindings(cb)):
            initial = f"initial call {binding}" if binding else "initial call"
            triggers: list[tuple[str, Key | None]] = (
                [] if cb.prevent_initial_call else [(initial, None)]
            )
            triggers += [
                (f"{dep.prop} of {nodes[0].key} changes", (nodes[0].key, dep.prop))
                for dep in cb.inputs
                if (nodes := self.nodes_of(dep, binding))
            ]
            for label, key in triggers[: None if every_input and not n else 1]:
                changes = {} if key is None else {key: self.trigger_value(key)}
                runs.append(Run(cb, label, self.body(cb, binding, key, changes), key))
        return runs

    def body(
        self,
        cb: Callback,
        binding: Mapping[str, Any],
        changed: Key | None,
        changes: Mapping[Key, Any],
    ) -> dict[str, Any]:
        """The renderer's request: {id, property[, value]} per dep, a list of them for ALL."""
        values = {**self.values, **changes}

        def spec(dep: Dep) -> Any:
            def one(node: Node) -> dict[str, Any]:
                item: dict[str, Any] = {"id": node.id, "property": dep.prop}
                if dep.role != "Output":
                    item["value"] = values.get((node.key, dep.prop))
                return item

            found = self.resolve(dep, binding)
            return [one(n) for n in found] if isinstance(found, list) else one(found)

        outputs = [spec(d) for d in cb.outputs]
        return {
            "output": cb.key,
            "outputs": outputs if cb.multi else outputs[0],
            "inputs": [spec(d) for d in cb.inputs],
            "state": [spec(d) for d in cb.states],
            "changedPropIds": [] if changed is None else [".".join(changed)],
        }

    def call(self, run: Run) -> dict[Key, Any]:
        """POST the run; returns the props it updated ({} for PreventUpdate or no_update).

        Raises what the callback raised, with the callback and the run added as a note, and an
        AssertionError if it answered for a prop it does not output."""
        try:
            response = self.client.post(self.url, json=run.body)
        except Exception as exc:
            exc.add_note(f"in callback {run.callback.name} ({run.label})")
            raise
        answer = self._answer(run, response)
        if answer is None:
            return {}
        parts = {
            part: {
                (key, prop): value
                for key, props in (answer.get(part) or {}).items()
                for prop, value in props.items()
            }
            for part in ("response", "sideUpdate")  # sideUpdate: set_props, may write any prop
        }
        written = {(stringify_id(s["id"]), s["property"]) for s in _flat(run.body["outputs"])}
        stray = sorted(set(parts["response"]) - written)
        assert not stray, f"{run.callback.name} ({run.label}) answered for props {stray}"
        return {**parts["response"], **parts["sideUpdate"]}

    def _answer(self, run: Run, response: Any) -> dict[str, Any] | None:
        """The callback's answer (``None``: nothing updated); a background callback's job is
        followed as the renderer follows it, by polling with its handles until it answers."""
        deadline = time.monotonic() + JOB_TIMEOUT_SECONDS
        while True:
            if response.status_code == 204:
                return None
            assert response.status_code == 200, (
                f"{run.callback.name} ({run.label}): HTTP {response.status_code}: {response.text}"
            )
            answer: dict[str, Any] = response.get_json()
            if "response" in answer or "job" not in answer:
                return answer
            assert time.monotonic() < deadline, f"{run.callback.name}: the job never answered"
            time.sleep(0.05)
            query = {"cacheKey": answer["cacheKey"], "job": answer["job"]}
            response = self.client.post(self.url, json=run.body, query_string=query)

    def fold(self, updated: Mapping[Key, Any]) -> None:
        """Take returned props into the page, as the renderer does."""
        self.values.update(updated)

    def propagate(self, graph: list[Callback], changed: Iterable[Key]) -> list[Key]:
        """Run, as the renderer would, every server callback an Input of which changed, folding
        what each returns and following what that changes in turn; each callback runs at most
        once per changed prop, so a cycle ends. Returns every prop that changed."""
        queue, done = list(changed), set()
        for key in queue:  # grows while it is read
            for cb in server_callbacks(graph):
                for binding in self.bindings(cb):
                    dep = self.reads(cb, binding).get(key)
                    if dep is None or dep.role != "Input" or (cb.key, key) in done:
                        continue
                    done.add((cb.key, key))
                    body = self.body(cb, binding, key, {})
                    run = Run(cb, f"{key[0]}.{key[1]} changed", body, key)
                    updated = self.call(run)
                    self.fold(updated)
                    queue += [k for k in updated if k not in queue]
        return queue

    def nodes_of(self, dep: Dep, binding: Mapping[str, Any]) -> list[Node]:
        """The layout components a dep stands for, as a list even for a plain id; none for an
        id the layout lacks (the graph checks report it)."""
        try:
            found = self.resolve(dep, binding)
        except KeyError:
            return []
        return found if isinstance(found, list) else [found]


def _flat(specs: Any) -> list[dict[str, Any]]:
    items = specs if isinstance(specs, list) else [specs]
    return [s for item in items for s in (item if isinstance(item, list) else [item])]


def server_callbacks(graph: list[Callback]) -> list[Callback]:
    return [cb for cb in graph if cb.server]


def by_name(graph: list[Callback]) -> dict[str, Callback]:
    """Callbacks by name; a name used twice gets a number, so every test id is unique."""
    named: dict[str, Callback] = {}
    for cb in graph:
        name, n = cb.name, 1
        while name in named:
            n += 1
            name = f"{cb.name}#{n}"
        named[name] = cb
    return named
