"""python -m pipelines.sample --out DIR [--scale N] [--format csv|parquet]: write the sample extracts, one summary line
per file."""

from __future__ import annotations

import argparse
from pathlib import Path

from pipelines.sample import generate
from pipelines.sample.scaled import FORMATS, generate_scaled


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipelines.sample", description=__doc__)
    parser.add_argument("--out", type=Path, required=True, help="folder to write the extracts to")
    parser.add_argument("--scale", type=int, default=1,
                        help="split every trial-balance account into N sub-accounts (N times the rows, the same figures)")
    parser.add_argument("--format", choices=FORMATS, default="csv", help="csv (the committed sample) or parquet")
    args = parser.parse_args(argv)
    if args.scale < 1:
        parser.error("--scale must be a positive integer")
    if args.scale == 1 and args.format == "csv":
        counts = generate(args.out)
    else:
        counts = generate_scaled(args.out, args.scale, args.format)
    for name, count in counts.items():
        path = args.out / f"{name}.{args.format}"
        print(f"{path}: {count} rows, {path.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
