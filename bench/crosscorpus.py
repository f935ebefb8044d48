#!/usr/bin/env python3
"""Cross-corpus figures for the learned layer: trained on one corpus, scored on the other, both ways.

Each direction trains as bench/train.py does (the same network, features and block labels): the
decision threshold is chosen by k-fold cross-validation with folds grouped by site (URL host, so a
site is never both trained and scored), then the model is fitted on the whole training corpus and
scored on every page of the other corpus. Beside it, each corpus's own held-out (cross-validated)
figure: a large drop from that to the other corpus's figure is overfitting to the training corpus.
The figures score the learned layer's choice of the candidate blocks (train.py's predict_text), not
the whole cleaner, so they compare with each other and with weights.json's, not with quality.py's.

    python bench/crosscorpus.py --data ../shared/bench --data ../shared/wcxb-dev

Writes bench/crosscorpus.json (the table, the commit, date and command), which quality.py prints.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
for _path in (str(BENCH.parent), str(BENCH)):
    if _path not in sys.path:
        sys.path.insert(0, _path)

from dataclasses import replace  # noqa: E402

import train  # noqa: E402
from corpora import find_scorer, import_by_path  # noqa: E402

from cleaner import RuleSet, default_rules  # noqa: E402

OUT = BENCH / "crosscorpus.json"


def readings(data: Path, workers: int) -> list[dict]:
    """The pages as train.py reads them: with the bundled rules, their cleaned text read again, and,
    on the corpus those rules were written for (bench), also without any rules. On other corpora
    the bundled rules know no site, so that reading would repeat the first at twice the cost."""
    pages = train.collect_pages(data, default_rules(), "", jobs=workers)
    if data.name == "bench":
        pages += train.collect_pages(data, RuleSet(), train.NO_RULES, jobs=workers)
    return pages + train.collect_pages(data, default_rules(), train.REREAD, jobs=workers)


def held_out(pages: list[dict], score: Any) -> tuple[float, dict[str, dict[str, float]]]:
    """train.py's choice of threshold, by cross-validation with folds by site; its held-out figures."""
    by_threshold = train.cross_validate(pages, score, train.THRESHOLDS)
    best = max(sum(r["f1"] for r in f.values()) for f in by_threshold.values())
    threshold = min(t for t, f in by_threshold.items() if sum(r["f1"] for r in f.values()) >= best - train.TIE_F1)
    return threshold, by_threshold[threshold]


def scored_on(pages: list[dict], model: Any, threshold: float, score: Any) -> dict[str, dict[str, float]]:
    out = {}
    for folder in sorted({p["set"] for p in pages}):
        subset = [p for p in pages if p["set"] == folder]
        truth = {p["id"]: p["truth"] for p in subset}
        out[folder] = score.score(truth, {p["id"]: train.predict_text(p, model, threshold) for p in subset}, n_bootstrap=0)
    return out


def cells(figures: dict[str, dict[str, float]], sets: Sequence[str]) -> str:
    return " | ".join(f"{figures[s]['f1']:.3f} ({figures[s]['precision']:.3f} / {figures[s]['recall']:.3f})"
                      if s in figures else "-" for s in sets)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, action="append", required=True, help="a corpus folder; give exactly two")
    ap.add_argument("--jobs", type=int, default=2, help="worker processes for reading the pages (default 2)")
    ap.add_argument("--no-write", action="store_true", help=f"print only; do not write {OUT.name}")
    args = ap.parse_args(argv)
    if len(args.data) != 2:
        ap.error("give --data exactly twice: the two corpora")
    folders = [d.resolve() for d in args.data]
    score = import_by_path("bench_score", find_scorer(folders))
    started = time.perf_counter()
    pages = {}
    for folder in folders:
        pages[folder.name] = readings(folder, args.jobs)
        print(f"[cross] read {folder.name}: {len({p['id'] for p in pages[folder.name]})} pages, "
              f"{sum(len(p['y']) for p in pages[folder.name])} blocks, {time.perf_counter() - started:.0f} s", file=sys.stderr)
    hosts = [{p["host"] for p in ps} for ps in pages.values()]
    shared = hosts[0] & hosts[1]
    sets = ["md", "txt", "md_no_default_rules", "txt_no_default_rules", "md_reread", "txt_reread"]
    lines = [f"| trained on | scored on | threshold | {' | '.join(s + ' F1 (P / R)' for s in sets)} |",
             "|---|---|---|" + "---|" * len(sets)]
    record: dict[str, Any] = {}
    names = list(pages)
    for source, target in (names, names[::-1]):
        threshold, cv = held_out(pages[source], score)
        print(f"[cross] {source}: threshold {threshold:.2f} by {train.FOLDS}-fold cross-validation by site, "
              f"{time.perf_counter() - started:.0f} s", file=sys.stderr)
        model = replace(train.fit_pages(pages[source]), threshold=threshold)
        other = scored_on(pages[target], model, threshold, score)
        lines.append(f"| {source} | {source}, held out ({train.FOLDS} folds by site) | {threshold:.2f} | {cells(cv, sets)} |")
        lines.append(f"| {source} | **{target}** | {threshold:.2f} | {cells(other, sets)} |")
        record[f"{source}->{target}"] = {"threshold": threshold, "held_out": cv, "other": other}
    table = "\n".join(lines) + (
        f"\n\nSites in both corpora: {len(shared)} ({', '.join(sorted(shared)[:10])}). The figures score the learned"
        " layer's choice among the heuristic candidate blocks (bench/train.py), not the whole cleaner.")
    print(table)
    if not args.no_write:
        from quality import git_commit

        OUT.write_text(json.dumps({
            "command": "python bench/crosscorpus.py " + " ".join(f"--data {d}" for d in args.data),
            "commit": git_commit(), "date": f"{datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC",
            "table": table, "figures": record,
        }, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {OUT.relative_to(BENCH.parent)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
