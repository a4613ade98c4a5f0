"""Pure figure builders: model query results in, plotly figures out; no Dash, no state."""
