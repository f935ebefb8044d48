"""Idempotency on real captures: clean each md and txt capture, clean its text again, and
list the captures whose text changes. The property tests check the same on synthetic pages.

    python bench/idempotency.py --data ../shared/bench --data ../shared/wcxb-dev --every 3
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import cleaner  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, action="append", help="a corpus folder (give it once per corpus)")
    ap.add_argument("--every", type=int, default=1, help="only every N-th capture of each folder, in sorted order")
    args = ap.parse_args()
    folders = args.data or [Path("../shared/bench"), Path("../shared/wcxb-dev")]
    changed = total = 0
    for kind in ("md", "txt"):
        for folder in folders:
            for path in sorted((folder / kind).iterdir())[:: args.every]:
                text = cleaner.clean(path.read_bytes()).text
                total += 1
                if cleaner.clean(text).text != text:
                    changed += 1
                    print(f"not idempotent: {path}", flush=True)
    print(f"{changed} of {total} captures not idempotent")
    return 0


if __name__ == "__main__":
    sys.exit(main())
