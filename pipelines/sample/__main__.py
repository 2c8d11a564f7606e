"""python -m pipelines.sample --out DIR [--scale N]: write the sample extracts, one summary line per file."""

from __future__ import annotations

import argparse
from pathlib import Path

from pipelines.sample import generate


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipelines.sample", description=__doc__)
    parser.add_argument("--out", type=Path, required=True, help="folder to write the CSV extracts to")
    parser.add_argument("--scale", type=int, default=1,
                        help="grow the synthetic plant subsidiaries, capital expenditures and letters of credit about N times")
    args = parser.parse_args(argv)
    for name, count in generate(args.out, args.scale).items():
        path = args.out / f"{name}.csv"
        print(f"{path}: {count} rows, {path.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
