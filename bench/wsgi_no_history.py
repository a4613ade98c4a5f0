"""``gunicorn bench.wsgi_no_history:server``: the app without its built-in CEB history.

The app has no switch to start without the history (``create_app(history=False)`` is for tests),
so ``bench.bench_history`` serves this to compare a worker's memory with and without it.
"""

from app import create_app

server = create_app(history=False).server
