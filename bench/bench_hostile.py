"""Peak memory and time of reading each hostile file, each parse in a fresh subprocess.

``python -m bench.bench_hostile [--repo DIR] [--cap-mb N]`` from the repository root writes the
hostile files of ``tests/hostile_files.py`` (plus a 24 MB CSV the limit accepts and a 120 MB one
it refuses) to a temporary folder, then reads each with ``data.ceb.read_revenue_file`` of the
code in ``--repo`` (default: this checkout; point it at an export of an older commit, e.g.
``git archive HEAD | tar -x -C /tmp/old``, for a before/after table). A child runs under an
address-space cap (``--cap-mb``, default 3072) and a time limit, so the old code's runaway
reads end as "hit the cap" instead of taking the machine. "parse RSS" is the child's peak RSS (``VmHWM``)
after the parse less its peak before it (interpreter, imports and the file's bytes); "peak RSS"
is the child's whole peak.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Final

ROOT: Final = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests import hostile_files  # noqa: E402 - the repository root is on the path only now

TIME_LIMIT_S: Final = 120

_CHILD: Final = """
import json, resource, sys, time
cap = int(sys.argv[3]) * 1024 * 1024
resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
def hwm():  # this process's peak RSS in KB (ru_maxrss would include the parent's, kept on exec)
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
from data import ceb
from data.errors import DataLoadError
content = open(sys.argv[1], "rb").read()
before = hwm()
start = time.perf_counter()
try:
    frame = ceb.read_revenue_file(sys.argv[2], content)
    answer = f"loaded {len(frame)} rows"
except DataLoadError as exc:
    answer = f"refused: {exc.key or exc.message[:60]}"
except MemoryError:
    answer = "hit the memory cap"
except Exception as exc:
    answer = f"crashed: {type(exc).__name__}"
seconds = time.perf_counter() - start
peak = hwm()
print(json.dumps({"answer": answer, "seconds": seconds, "peak_mb": (peak - before) / 1024,
                  "total_mb": peak / 1024}))
"""


def cases(folder: Path) -> list[tuple[str, Path]]:
    """Every hostile file written to ``folder``, by case name."""
    builders = {
        **hostile_files.HOSTILE,
        "blank_row": hostile_files.blank_row,
        "csv_24mb": lambda: hostile_files.big_csv(24),
        "csv_120mb": lambda: hostile_files.big_csv(120),
    }
    written = []
    for case, build in builders.items():
        name, content = build()
        path = folder / case / name
        path.parent.mkdir()
        path.write_bytes(content)
        written.append((case, path))
    return written


def measure(repo: Path, path: Path, cap_mb: int) -> dict[str, object]:
    """One parse in a child process of the code in ``repo``."""
    command = [sys.executable, "-c", _CHILD, str(path), path.name, str(cap_mb)]
    try:
        done = subprocess.run(
            command, cwd=repo, capture_output=True, text=True, timeout=TIME_LIMIT_S, check=False
        )
    except subprocess.TimeoutExpired:
        return {"answer": f"over {TIME_LIMIT_S} s", "seconds": TIME_LIMIT_S, "peak_mb": None}
    # the child's own JSON line; a crash (killed by the cap mid-allocation) has none
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        return {"answer": f"child died ({done.returncode})", "seconds": None, "peak_mb": None}
    result: dict[str, object] = json.loads(lines[-1])
    return result


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repo", type=Path, default=ROOT)
    parser.add_argument("--cap-mb", type=int, default=3072)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="iom-hostile-") as tmp:
        print(f"{'case':<16} {'file':>10} {'parse RSS':>10} {'peak RSS':>9} {'time':>8}  answer")
        for case, path in cases(Path(tmp)):
            result = measure(args.repo, path, args.cap_mb)
            size = f"{path.stat().st_size / 1024:,.0f} KB"
            peak = result["peak_mb"]
            shown = "-" if peak is None else f"{float(str(peak)):,.0f} MB"
            seconds = result["seconds"]
            took = "-" if seconds is None else f"{float(str(seconds)):.2f} s"
            total = result.get("total_mb")
            whole = "-" if total is None else f"{float(str(total)):,.0f} MB"
            print(f"{case:<16} {size:>10} {shown:>10} {whole:>9} {took:>8}  {result['answer']}")


if __name__ == "__main__":
    main()
