"""The work a cleaning takes, as a load-independent count: run under valgrind, twice.

    PYTHONHASHSEED=0 valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \\
        python bench/instructions.py --data ../shared/bench --kind html --pages 0
    (the same with --pages 1000)

The difference of the two "I refs" totals is the instructions spent cleaning the pages; the
shared part (start-up, imports, five warm-up pages, the jusText stoplist) cancels out. On a
busy machine CPU seconds spread 10-20% from run to run; this count does not. It still spreads
a little: with a fixed hash seed the same tree counted within 0.2% over three runs (md:
24.595 to 24.634 10^9), with a random one up to 0.4% apart.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import cleaner  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=Path("../shared/bench"))
    ap.add_argument("--kind", choices=("html", "md", "txt"), default="html")
    ap.add_argument("--pages", type=int, default=1000, help="how many pages to clean after the warm-up (0: none)")
    args = ap.parse_args()
    pages = [p.read_bytes() for p in sorted((args.data / args.kind).iterdir())]
    for page in pages[:5]:
        cleaner.clean(page)
    if args.kind == "html":
        from trafilatura import external  # a CLI worker loads it at start-up too

        if external.JT_STOPLIST is None:
            external.jt_stoplist_init()
    for page in pages[: args.pages]:
        cleaner.clean(page)


if __name__ == "__main__":
    main()
