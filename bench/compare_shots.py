"""Compare two folders of screenshots (from ``bench.screenshots``) pixel by pixel.

``python -m bench.compare_shots DIR_A DIR_B`` pairs the PNG files of the same name, says per file
whether the sizes match and which fraction of the pixels differ, and writes, for every file that
differs, ``DIR_B/diff/NAME.png``: B dimmed to grey with the differing pixels in red, so a reviewer
sees at a glance where a refactor changed the page. Differences up to ``--tolerance`` per colour
channel are ignored: anti-aliasing may shift a channel by a few steps without anything visibly
changing. Files present in only one folder are listed too.

It is a report, not a test: the exit status is always 0.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from PIL import Image, ImageChops

DEFAULT_TOLERANCE: Final = 8
DIFF_DIR: Final = "diff"
_HIGHLIGHT: Final = (255, 0, 0)


@dataclass(frozen=True)
class Comparison:
    """One pair of files: their sizes and the share of pixels that differ beyond tolerance."""

    name: str
    size_a: tuple[int, int]
    size_b: tuple[int, int]
    differing: int
    total: int
    diff_image: Path | None

    @property
    def same_size(self) -> bool:
        return self.size_a == self.size_b

    @property
    def fraction(self) -> float:
        return self.differing / self.total if self.total else 0.0


def _on_canvas(image: Image.Image, size: tuple[int, int]) -> Image.Image:
    """``image`` on a white canvas of ``size``: pages of different heights still line up."""
    if image.size == size:
        return image
    canvas = Image.new("RGB", size, (255, 255, 255))
    canvas.paste(image, (0, 0))
    return canvas


def differing_mask(a: Image.Image, b: Image.Image, tolerance: int) -> Image.Image:
    """Mask (mode L, 0 or 255) of the pixels where a channel differs by more than ``tolerance``."""
    red, green, blue = ImageChops.difference(a, b).split()
    largest = ImageChops.lighter(ImageChops.lighter(red, green), blue)  # per pixel, worst channel
    return largest.point(lambda v: 255 if v > tolerance else 0)


def compare(path_a: Path, path_b: Path, diff_dir: Path, tolerance: int) -> Comparison:
    """Compare one pair; write the diff image when any pixel differs or the sizes do."""
    with Image.open(path_a) as raw_a, Image.open(path_b) as raw_b:
        a, b = raw_a.convert("RGB"), raw_b.convert("RGB")
    size = (max(a.width, b.width), max(a.height, b.height))
    mask = differing_mask(_on_canvas(a, size), _on_canvas(b, size), tolerance)
    differing = mask.histogram()[255]
    diff_image = None
    if differing or a.size != b.size:
        diff_dir.mkdir(parents=True, exist_ok=True)
        base = _on_canvas(b, size).convert("L").point(lambda v: 160 + v * 95 // 255)
        picture = Image.merge("RGB", (base, base, base))
        picture.paste(_HIGHLIGHT, (0, 0), mask)
        diff_image = diff_dir / path_b.name
        picture.save(diff_image)
    return Comparison(path_a.name, a.size, b.size, differing, size[0] * size[1], diff_image)


def compare_dirs(
    dir_a: Path, dir_b: Path, tolerance: int = DEFAULT_TOLERANCE
) -> tuple[list[Comparison], list[str], list[str]]:
    """Comparisons of the common files, then the names found only in A and only in B."""
    names_a = {p.name for p in dir_a.glob("*.png")}
    names_b = {p.name for p in dir_b.glob("*.png")}
    diff_dir = dir_b / DIFF_DIR
    for stale in diff_dir.glob("*.png"):  # from an earlier comparison: would mislead
        stale.unlink()
    results = [
        compare(dir_a / name, dir_b / name, diff_dir, tolerance)
        for name in sorted(names_a & names_b)
    ]
    return results, sorted(names_a - names_b), sorted(names_b - names_a)


def _size(size: tuple[int, int]) -> str:
    return f"{size[0]}×{size[1]}"


def print_report(
    results: list[Comparison], only_a: list[str], only_b: list[str], tolerance: int, diff_dir: Path
) -> None:
    width = max([len(r.name) for r in results] + [4])
    head = f"{'file':<{width}}  {'size A':>10}  {'size B':>10}  {'same':>4}  {'differing':>10}"
    print(head)
    print("-" * len(head))
    for r in results:
        same = "yes" if r.same_size else "NO"
        share = f"{r.fraction:.4%}" if r.differing else "0"
        print(f"{r.name:<{width}}  {_size(r.size_a):>10}  {_size(r.size_b):>10}  {same:>4}  {share:>10}")  # fmt: skip
    for name in only_a:
        print(f"{name:<{width}}  only in A")
    for name in only_b:
        print(f"{name:<{width}}  only in B")
    changed = [r for r in results if r.differing or not r.same_size]
    print(
        f"\n{len(results)} compared (tolerance {tolerance} per channel): "
        f"{len(results) - len(changed)} identical, {len(changed)} differ"
        f"{f', {len(only_a)} only in A' if only_a else ''}"
        f"{f', {len(only_b)} only in B' if only_b else ''}"
    )
    if changed:
        print(f"diff images (differences in red) in {diff_dir}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("dir_a", type=Path, help="screenshots before")
    parser.add_argument("dir_b", type=Path, help="screenshots after (diff images go here)")
    parser.add_argument(
        "--tolerance",
        type=int,
        default=DEFAULT_TOLERANCE,
        help=f"ignore channel differences up to this (default {DEFAULT_TOLERANCE})",
    )
    args = parser.parse_args(argv)
    for folder in (args.dir_a, args.dir_b):
        if not folder.is_dir():
            print(f"{folder}: not a folder", file=sys.stderr)
            return 0
    results, only_a, only_b = compare_dirs(args.dir_a, args.dir_b, args.tolerance)
    print_report(results, only_a, only_b, args.tolerance, args.dir_b / DIFF_DIR)
    return 0


if __name__ == "__main__":
    sys.exit(main())
