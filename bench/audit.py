"""What each reason for dropping text costs and earns, on every corpus: the drop audit.

Every rule and classifier reason that removes text from a page should earn its place on
each corpus. For each dropped block this cleans the page with explain on and splits the
block's 4-word shingles (score.py's) into those of the ground truth that the output lacks
(real text lost) and the rest (boilerplate removed, or a copy of text kept elsewhere). Per reason and per corpus it prints the
blocks dropped, both shingle counts and the share of its dropped shingles that were
boilerplate. A reason under half on a corpus removes more of that corpus's real text than
boilerplate.

    python bench/audit.py --data ../shared/bench --data ../shared/wcxb-dev --kind md --every 3

Blocks, not pages: a reason that drops a block the next step would have dropped anyway
still counts here, so this ranks candidates to look at, and the quality bench decides.
"""
from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from types import ModuleType

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import Corpus, Page, add_data_argument, data_folders, find_scorer, import_by_path  # noqa: E402

import cleaner  # noqa: E402

CAPTURES = {"html": ("html", ".html.gz", "html"), "md": ("md", ".md", "markdown"), "txt": ("txt", ".txt", "text")}
Tally = dict[str, list[int]]  # reason -> [blocks, truth shingles, other shingles]


def _page_tally(args: tuple[Page, str, str, Path]) -> tuple[str, Tally]:
    page, kind, truth, scorer_path = args
    scorer = _scorer(scorer_path)
    wanted = scorer.shingles(truth)
    try:
        doc = cleaner.clean(page.raw, kind=kind, url=page.url or None, explain=True)
    except cleaner.CleanerError:
        return page.id, {}
    tally: Tally = {}
    # Only the truth the output lacks can be lost: a second copy of kept text costs nothing.
    missing = wanted - scorer.shingles(doc.text)
    truth_words = f" {' '.join(scorer.tokenize(truth))} "
    kept_words = f" {' '.join(scorer.tokenize(doc.text))} "
    for block in doc.blocks:
        if block.drop is None or not block.text:
            continue
        got = scorer.shingles(block.text)
        if len(words := scorer.tokenize(block.text)) < scorer.SHINGLE_N:
            # A short line is one shingle of its own, which no truth shingle equals: it
            # counts as real text when the truth prints its words in a row and the output does not.
            line = f" {' '.join(words)} "
            true = int(line in truth_words and line not in kept_words)
        else:
            true = 0
            for shingle, n in got.items():
                if (taken := min(n, missing[shingle])) > 0:
                    true += taken
                    missing[shingle] -= taken
        row = tally.setdefault(str(block.drop), [0, 0, 0])
        row[0] += 1
        row[1] += true
        row[2] += sum(got.values()) - true
    return page.id, tally


_SCORERS: dict[Path, ModuleType] = {}


def _scorer(path: Path) -> ModuleType:
    if path not in _SCORERS:
        _SCORERS[path] = import_by_path("bench_score", path)
    return _SCORERS[path]


def audit(corpus: Corpus, capture: str, scorer_path: Path, jobs: int) -> dict[str, Tally]:
    """Each page's tally, by page id."""
    folder, suffix, kind = CAPTURES[capture]
    truth = corpus.truth()
    work = [(page, kind, truth[page.id], scorer_path) for page in corpus.pages(folder, suffix)]
    with ProcessPoolExecutor(jobs) as pool:
        return dict(pool.map(_page_tally, work, chunksize=4))


def _sum(pages: dict[str, Tally]) -> Tally:
    total: Tally = {}
    for tally in pages.values():
        for reason, row in tally.items():
            into = total.setdefault(reason, [0, 0, 0])
            for i, n in enumerate(row):
                into[i] += n
    return total


def _share(row: Sequence[int]) -> str:
    dropped = row[1] + row[2]
    return f"{row[2] / dropped:.2f}" if dropped else "-"


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_data_argument(ap)
    ap.add_argument("--kind", choices=sorted(CAPTURES), default="md", help="which captures to clean")
    ap.add_argument("--every", type=int, default=1, help="only every N-th page of each corpus, in sorted order")
    ap.add_argument("--jobs", type=int, default=2, help="worker processes")
    ap.add_argument("--min-blocks", type=int, default=5, help="leave out reasons with fewer dropped blocks on every corpus")
    ap.add_argument("--show", metavar="REASON", help="also list the pages where this reason (as printed) lost the most real text")
    args = ap.parse_args(argv)
    folders = data_folders(args.data)
    scorer_path = find_scorer(folders)
    scorer = import_by_path("bench_score", scorer_path)
    corpora = [Corpus.load(folder, scorer, step=args.every) for folder in folders]
    pages = {c.name: audit(c, args.kind, scorer_path, args.jobs) for c in corpora}
    tallies = {name: _sum(by_page) for name, by_page in pages.items()}
    reasons = sorted({r for t in tallies.values() for r in t},
                     key=lambda r: -sum(t.get(r, [0, 0, 0])[1] for t in tallies.values()))
    names = [c.name for c in corpora]
    print(f"{args.kind} captures, every {args.every}: per drop reason, blocks / truth shingles lost / other shingles removed / boilerplate share")
    print("| reason | " + " | ".join(f"{n} blocks | {n} truth | {n} other | {n} share" for n in names) + " |")
    print("|---|" + "---|---|---|---|" * len(names))
    for reason in reasons:
        rows = [tallies[n].get(reason, [0, 0, 0]) for n in names]
        if max(r[0] for r in rows) < args.min_blocks:
            continue
        print(f"| {reason} | " + " | ".join(f"{r[0]} | {r[1]} | {r[2]} | {_share(r)}" for r in rows) + " |")
    if args.show:
        print(f"\npages where {args.show} lost the most real text: corpus, page, blocks, truth shingles, other shingles")
        hits = [(row[1], name, pid, row) for name, by_page in pages.items() for pid, t in by_page.items()
                if (row := t.get(args.show))]
        for _, name, pid, row in sorted(hits, key=lambda h: (-h[0], h[1], h[2]))[:30]:
            print(f"{name} {pid} {row[0]} {row[1]} {row[2]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
