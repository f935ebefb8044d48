"""Idempotency on real captures: clean each md and txt capture, clean its text again, and
list the captures whose text changes. The property tests check the same on synthetic pages.

    python bench/idempotency.py --data ../shared/bench --data ../shared/wcxb-dev --every 3

With --mapped, each capture's letters are first mapped to Georgian's (other_script.mapped): a
language with no stoplist and no capitals, where a list's items read as headlines.
"""
from __future__ import annotations

import argparse
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import add_data_argument, data_folders  # noqa: E402
from other_script import mapped  # noqa: E402

import cleaner  # noqa: E402


def changes(path: Path, letters_mapped: bool = False) -> bool:
    """Whether the capture's cleaned text changes when it is cleaned again."""
    raw = path.read_bytes()
    text = cleaner.clean(mapped(raw.decode("utf-8", errors="replace")) if letters_mapped else raw).text
    return cleaner.clean(text).text != text


def changes_mapped(path: Path) -> bool:
    return changes(path, letters_mapped=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_data_argument(ap)
    ap.add_argument("--every", type=int, default=1, help="only every N-th capture of each folder, in sorted order")
    ap.add_argument("--jobs", type=int, default=1, help="processes that clean the captures (the list is the same)")
    ap.add_argument("--mapped", action="store_true", help="map each capture's letters to Georgian's first (bench/other_script.py)")
    args = ap.parse_args()
    folders = data_folders(args.data)
    paths = [path for kind in ("md", "txt") for folder in folders for path in sorted((folder / kind).iterdir())[:: args.every]]
    with ProcessPoolExecutor(max(1, args.jobs)) as pool:
        found = [path for path, changed in zip(paths, pool.map(changes_mapped if args.mapped else changes, paths, chunksize=4)) if changed]
    for path in found:
        print(f"not idempotent: {path}")
    print(f"{len(found)} of {len(paths)} {'mapped ' if args.mapped else ''}captures not idempotent")
    return 0


if __name__ == "__main__":
    sys.exit(main())
