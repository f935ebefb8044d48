#!/usr/bin/env python3
"""Quality benchmark: the cleaner and its peers on both development corpora, in one run.

For each corpus and each capture form (html, md, txt) every tool reads the same pages, and
its plain-text output is scored against the human-marked bodies with the bench's score.py:
F1, precision, recall, empty outputs, and on page-typed corpora (wcxb-dev) per page type.
Metadata is graded against silver-meta.json (bench) or the human labels (wcxb-dev).

    python bench/quality.py                               # both corpora, with peers (peers cached in .cache/bench)
    python bench/quality.py --corpus wcxb-dev --only html --types forum,listing
    python bench/quality.py --no-peers --limit 20         # quick look
    python bench/quality.py --json out/pages.json         # also per-page P/R/F1 of every tool
    python bench/quality.py --update-floors               # raise the pinned floors in bench/floors.json

The corpora's READMEs describe the data and hold reference figures for the peers.
"""
from __future__ import annotations

import argparse
import json
import math
import re
import statistics
import subprocess
import sys
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
# Let `python bench/quality.py` import the cleaner from a checkout that is not pip-installed,
# and the bench's own modules (bench/ is a folder of scripts, not a package).
for _path in (str(REPO), str(BENCH)):
    if _path not in sys.path:
        sys.path.insert(0, _path)

from corpora import DEFAULT_FOLDERS, Corpus, find_scorer, import_by_path, read_json  # noqa: E402
from peers import JUSTEXT_LANG, KEEP_EVERYTHING, META_PEER, PEERS, TRIVIAL  # noqa: E402
from runner import CLEANER_VARIANTS, VARIANTS, CleanerVariant, Job, run_all  # noqa: E402

from cleaner.classify.learned import WEIGHTS  # noqa: E402

FLOORS_PATH = BENCH / "floors.json"
CROSS_PATH = BENCH / "crosscorpus.json"
FLOORS_WHY = (
    "Floors for tests/test_quality_gate.py and `make bench-quality`: the cleaner's F1, rounded down to "
    "2 decimals minus 0.01, so drift in dependencies (py3langid, jusText lists) does not trip the "
    "gate but a real regression does. Keys without a corpus prefix are ../shared/bench; "
    "'wcxb-dev/<set>' is the whole of ../shared/wcxb-dev (checked by `make bench-quality` only: it takes "
    "minutes), 'wcxb-dev/<set>/every-N' its fixed subset of every N-th page in sorted order (checked by the "
    "test suite). Raise them with `bench/quality.py --update-floors`; lowering one needs --allow-lower and "
    "a reason in the commit message."
)
# The test suite gates wcxb-dev on every GATE_STEP-th page (47 pages x 3 forms, about 15 s on one
# core); the whole corpus takes minutes and is gated by `make bench-quality`. A multiple of 4, so a
# `--every 4` run measures the gate's pages too.
GATE_STEP = 32


@dataclass(frozen=True)
class CaptureSet:
    """One form of the pages: the raw HTML, or the page flattened to markdown or text."""

    name: str  # also the corpus's folder name
    kind: str  # the cleaner's `kind` argument for these captures
    suffix: str


CAPTURE_SETS: dict[str, CaptureSet] = {
    "html": CaptureSet("html", "html", ".html.gz"),
    "md": CaptureSet("md", "markdown", ".md"),
    "txt": CaptureSet("txt", "text", ".txt"),
}


def variants_for(corpus: str, capture: CaptureSet, all_variants: bool = False) -> list[CleanerVariant]:
    """Every variant on the first corpus. On the others only the cleaner, unless all_variants: the
    bundled site rules know none of their sites, and a 1,497-page corpus takes minutes a variant.
    (What the learned layer does on pages it never saw is the cross-corpus table's subject.)"""
    chosen = CLEANER_VARIANTS if corpus == "bench" or all_variants else CLEANER_VARIANTS[:1]
    return [v for v in chosen if capture.kind in v.kinds]


def peers_for(corpus: str, capture: str) -> list[str]:
    """The peers of a capture set; the py3langid jusText row only on the first corpus, whose README
    reports it (it is within a few thousandths of the English-stoplist row there, at extra cost)."""
    return [p.label for p in PEERS[capture] if corpus == "bench" or p.label != JUSTEXT_LANG]


def meta_captures(corpus: Corpus) -> tuple[str, ...]:
    """Capture sets whose metadata is graded: all three on bench (silver labels); html and md on
    wcxb-dev, as issue 17 asks (a plain-text capture has lost the markup metadata lives in)."""
    return ("html", "md") if corpus.has_human_meta else tuple(CAPTURE_SETS)


# ---------------------------------------------------------------- scoring


@dataclass
class Run:
    tool: str
    corpus: str
    capture: str
    predictions: dict[str, str]
    variant: CleanerVariant | None = None  # None for peers
    seconds: float = 0.0  # summed per-page time, so docs/s is a one-core rate
    errors: dict[str, str] = field(default_factory=dict)  # page id -> CleanerError or crash message
    meta: dict[str, dict[str, Any]] = field(default_factory=dict)  # page id -> metadata fields
    metrics: dict[str, float] = field(default_factory=dict)
    pages: dict[str, dict[str, float]] = field(default_factory=dict)  # page id -> p, r, f1, word_f1

    @property
    def docs_per_s(self) -> float | None:
        return len(self.predictions) / self.seconds if self.seconds else None

    @property
    def is_peer(self) -> bool:
        return self.variant is None


def word_f1(truth: str, pred: str) -> float:
    """WCXB's own per-page measure: F1 of the bags of lower-cased word tokens. Both empty is a
    match (1.0); one empty is 0.0. The corpus figure is its mean over pages."""
    t, p = Counter(words(truth)), Counter(words(pred))
    return 1.0 if not t and not p else _bag_f1(t, p)


def score_run(corpus: Corpus, run: Run, holds_body: Mapping[str, bool], bootstrap: int = 1000) -> None:
    """Corpus metrics (score.py, with bootstrap), per-page P/R/F1 and word F1, and the empty counts."""
    truth = corpus.truth()
    scorer = corpus.scorer
    run.metrics = dict(scorer.score(truth, run.predictions, n_bootstrap=bootstrap))
    for page_id, figures in scorer.per_doc(truth, run.predictions).items():
        figures["word_f1"] = word_f1(truth[page_id], run.predictions.get(page_id) or "")
        run.pages[page_id] = figures
    run.metrics["word_f1"] = statistics.mean(p["word_f1"] for p in run.pages.values()) if run.pages else 0.0
    empty = [i for i in corpus.ids if corpus.is_empty(run.predictions.get(i) or "")]
    run.metrics["empty_body"] = sum(1 for i in empty if not corpus.is_empty(truth[i]))
    run.metrics["empty_holds"] = sum(1 for i in empty if holds_body.get(i))


def capture_holds_body(corpus: Corpus, capture: CaptureSet) -> dict[str, bool]:
    """Per page: does the capture hold its body, i.e. would keeping every line recall at least half
    of it (score.py recall)? The HTML is judged by its plain-text flattening (txt/), as a reader sees it."""
    folder, suffix = ("txt", ".txt") if capture.name == "html" else (capture.name, capture.suffix)
    truth = corpus.truth()
    out = {}
    for page_id in corpus.ids:
        path = corpus.capture_path(folder, suffix, page_id)
        text = path.read_text(encoding="utf-8", errors="replace") if path.is_file() else ""
        out[page_id] = bool(corpus.scorer.tokenize(truth[page_id])) and \
            corpus.scorer.doc_recall(corpus.scorer.doc_counts(truth[page_id], text)) >= 0.5
    return out


def subset_metrics(corpus: Corpus, run: Run, ids: Sequence[str]) -> dict[str, float]:
    """score.py's corpus figures on a subset of pages (a page type), without bootstrap."""
    truth = corpus.truth()
    m = dict(corpus.scorer.score({i: truth[i] for i in ids}, {i: run.predictions.get(i) or "" for i in ids}, n_bootstrap=0))
    m["word_f1"] = statistics.mean(run.pages[i]["word_f1"] for i in ids) if ids else 0.0
    return m


# ---------------------------------------------------------------- metadata


def words(text: str | None) -> list[str]:
    return re.findall(r"\w+", (text or "").lower())


def token_f1(a: str | None, b: str | None) -> float:
    return _bag_f1(Counter(words(a)), Counter(words(b)))


def _bag_f1(a: Counter[str], b: Counter[str]) -> float:
    common = sum((a & b).values())
    if not common:
        return 0.0
    p, r = common / sum(a.values()), common / sum(b.values())
    return 2 * p * r / (p + r)


# Words that join or introduce names in a byline label ("A, B and C", "By A"); not part of a name.
_NAME_GLUE = {"and", "by"}


def silver_author_names(entries: Sequence[str] | str | None) -> list[list[str]]:
    """Each labelled author as its tokens, without "by"/"and" and without entries that are profile URLs."""
    if isinstance(entries, str):
        entries = [entries]
    names = []
    for entry in entries or []:
        if re.match(r"\s*(https?:|www\.)", entry, re.I):
            continue
        tokens = [t for t in words(entry) if t not in _NAME_GLUE]
        if tokens:
            names.append(tokens)
    return names


def silver_date(value: str | None) -> str | None:
    """The label's date when it is a real ISO date: bench's silver file also holds truncated human
    dates ("Mon, 18 No") and the CMS placeholder 0001-01-01, which grade nothing."""
    if value and re.match(r"(19|20)\d\d-\d\d-\d\d", value):
        return value[:10]
    return None


def date_ok(meta: Mapping[str, Any], label: str) -> bool:
    return bool(meta.get("date")) and str(meta["date"])[:10] == label


def title_ok(meta: Mapping[str, Any], label: str) -> bool:
    return token_f1(meta.get("title"), label) >= 0.8


def authors_ok(meta: Mapping[str, Any], names: list[list[str]]) -> bool:
    """Any labelled name (bench's silver list) whose every word appears in byline or authors.
    A wcxb-dev label is one string, so every word of it must appear."""
    found = set(words(" ".join([meta.get("byline") or "", *(meta.get("authors") or [])])))
    return any(all(t in found for t in name) for name in names)


def language_code(code: str | None) -> str:
    return re.split(r"[-_]", (code or "").strip().lower())[0]


def language_ok(meta: Mapping[str, Any], label: str) -> bool:
    return language_code(meta.get("language")) == language_code(label)


Check = tuple[Callable[[Mapping[str, Any]], Any], Callable[[Mapping[str, Any], Any], bool]]
# field -> (how to read a usable label from a label record, how to check the tool's metadata)
SILVER_CHECKS: dict[str, Check] = {
    "date": (lambda m: silver_date(m.get("date")), date_ok),
    "title": (lambda m: m.get("title") or None, title_ok),
    "authors": (lambda m: silver_author_names(m.get("authors")) or None, authors_ok),
    "language": (lambda m: m.get("language") or None, language_ok),
}
# wcxb-dev's human labels live in ground-truth.json; null means the page has none.
HUMAN_CHECKS: dict[str, Check] = {
    "title": (lambda m: m.get("title") or None, title_ok),
    "date": (lambda m: silver_date(m.get("date")), date_ok),
    "author": (lambda m: silver_author_names(m.get("author")) or None, authors_ok),
}


def meta_checks(corpus: Corpus) -> tuple[dict[str, Check], Mapping[str, Mapping[str, Any]]]:
    return (HUMAN_CHECKS, corpus.records) if corpus.has_human_meta else (SILVER_CHECKS, corpus.silver)


def metadata_accuracy(corpus: Corpus, run: Run) -> dict[str, dict[str, Any]]:
    """Per field: how many pages carry a label, on how many the tool agrees, and which pages miss."""
    checks, labels = meta_checks(corpus)
    out = {}
    for name, (label_of, check) in checks.items():
        labelled = correct = 0
        misses = []
        for page_id in corpus.ids:
            label = label_of(labels.get(page_id, {}))
            if label is None:
                continue
            labelled += 1
            meta = run.meta.get(page_id)  # missing when the tool raised: counts as wrong
            if meta and check(meta, label):
                correct += 1
            else:
                misses.append(page_id)
        out[name] = {"labelled": labelled, "correct": correct, "misses": misses}
    return out


# ---------------------------------------------------------------- report


def fmt(x: float) -> str:
    return f"{x:.3f}"


def score_table(runs: Sequence[Run]) -> str:
    lines = ["| tool | F1 | P | R | word F1 | empty | empty, truth has body | empty, capture holds body | docs/s (one core) |",
             "|---|---|---|---|---|---|---|---|---|"]
    for run in runs:
        m = run.metrics
        rate = "-" if run.docs_per_s is None else f"{run.docs_per_s:,.0f}"
        lines.append(f"| {run.tool} | {m['f1']:.3f} ± {m['f1_std']:.3f} | {fmt(m['precision'])} | {fmt(m['recall'])} "
                     f"| {fmt(m['word_f1'])} | {m['n_empty']} | {m['empty_body']} | {m['empty_holds']} | {rate} |")
    return "\n".join(lines)


def run_notes(corpus: Corpus, runs: Sequence[Run]) -> str:
    lines = []
    for run in runs:
        if corpus.silver and not run.is_peer:
            foreign = [i for i in corpus.ids if language_code(corpus.silver.get(i, {}).get("language")) not in ("", "en")]
            empty = sum(1 for i in foreign if corpus.is_empty(run.predictions.get(i) or ""))
            lines.append(f"{run.tool}: {empty} of {len(foreign)} non-English pages (silver-meta language) came out empty")
        crashes = [i for i, e in run.errors.items() if e.startswith("crash")]
        refused = len(run.errors) - len(crashes)
        if refused:
            lines.append(f"{run.tool}: {refused} pages raised CleanerError (scored as empty)")
        if crashes:
            lines.append(f"{run.tool}: {len(crashes)} pages CRASHED (scored as empty), e.g. {crashes[:5]}: "
                         f"{run.errors[crashes[0]][:200]}")
    return "\n".join(lines)


def best_peer(corpus: Corpus, peers: Sequence[Run], ids: Sequence[str]) -> tuple[Run, dict[str, float]] | None:
    scored = [(run, subset_metrics(corpus, run, ids)) for run in peers]
    return max(scored, key=lambda rm: rm[1]["f1"]) if scored else None


def page_type_table(corpus: Corpus, cleaner: Run, peers: Sequence[Run], capture: str) -> str:
    """Per page type: the cleaner beside the best peer on that type (and keep-everything on md/txt)."""
    keep = next((r for r in peers if r.tool == KEEP_EVERYTHING), None)
    extractors = [r for r in peers if r.tool not in TRIVIAL]
    head = "| page type | pages | cleaner F1 | P | R | word F1 | empty | best peer | its F1 | P | R | word F1 | cleaner - best |"
    rule = "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
    if keep:
        head, rule = head + " keep everything F1 |", rule + "---|"
    lines = [head, rule]
    for kind in [*corpus.page_types, "all"]:
        ids = corpus.ids if kind == "all" else [i for i in corpus.ids if corpus.page_type(i) == kind]
        m = subset_metrics(corpus, cleaner, ids)
        row = f"| {kind} | {len(ids)} | {fmt(m['f1'])} | {fmt(m['precision'])} | {fmt(m['recall'])} | {fmt(m['word_f1'])} | {m['n_empty']} |"
        best = best_peer(corpus, extractors, ids)
        if best:
            run, b = best
            row += f" {run.tool} | {fmt(b['f1'])} | {fmt(b['precision'])} | {fmt(b['recall'])} | {fmt(b['word_f1'])} | {m['f1'] - b['f1']:+.3f} |"
        else:
            row += " - | - | - | - | - | - |"
        if keep:
            row += f" {fmt(subset_metrics(corpus, keep, ids)['f1'])} |"
        lines.append(row)
    return "\n".join(lines)


def metadata_table(columns: Mapping[str, Mapping[str, Mapping[str, Any]]]) -> str:
    """One row per field: how many pages carry a label, then each tool's accuracy and correct count."""
    tools = list(columns)
    lines = ["| field | labelled | " + " | ".join(tools) + " |", "|---|---|" + "---|" * len(tools)]
    first = next(iter(columns.values()))
    for name in first:
        cells = []
        for tool in tools:
            c = columns[tool][name]
            accuracy = c["correct"] / c["labelled"] if c["labelled"] else 0.0
            cells.append(f"{accuracy:.3f} ({c['correct']})")
        lines.append(f"| {name} | {first[name]['labelled']} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def report_set(corpus: Corpus, capture: CaptureSet, runs: Sequence[Run], meta_peer: Run | None) -> dict[str, Any]:
    """Print one corpus's capture set; return its figures for --json and the floors."""
    cleaners = [r for r in runs if not r.is_peer]
    peers = [r for r in runs if r.is_peer]
    print(f"\n## {corpus.name} · {capture.name} ({len(corpus.ids)} pages)\n")
    print(score_table(runs))
    notes = run_notes(corpus, runs)
    if notes:
        print()
        print(notes)
    main_run = next(r for r in cleaners if r.variant and not r.variant.no_default_rules and r.variant.learned)
    if corpus.has_page_types:
        print(f"\n### {corpus.name} · {capture.name} by page type (best peer per type, out of the non-trivial peers)\n")
        print(page_type_table(corpus, main_run, peers, capture.name))
    figures: dict[str, Any] = {
        "tools": {r.tool: {**r.metrics, "docs_per_s": r.docs_per_s, "errors": len(r.errors)} for r in runs},
        "f1": {r.variant.label: r.metrics["f1"] for r in cleaners if r.variant},
    }
    if capture.name in meta_captures(corpus):
        columns = {"cleaner": metadata_accuracy(corpus, main_run)}
        if meta_peer is not None:
            columns[META_PEER.label] = metadata_accuracy(corpus, meta_peer)
        source = "its human labels (ground-truth.json; pages whose label is null are not counted)" \
            if corpus.has_human_meta else "silver-meta.json"
        print(f"\n### {corpus.name} · {capture.name} metadata, against {source}\n")
        print("accuracy (correct pages in brackets); trafilatura reads the same captures, as its text peer does, with the same URLs\n")
        print(metadata_table(columns))
        figures["metadata"] = {tool: {k: {"labelled": v["labelled"], "correct": v["correct"]} for k, v in c.items()}
                               for tool, c in columns.items()}
    return figures


def summary_table(results: Mapping[tuple[str, str], Sequence[Run]]) -> str:
    lines = ["| corpus | input | cleaner F1 | P | R | empty (truth has body) | best peer | its F1 | cleaner - best | keep everything F1 |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for (corpus, capture), runs in results.items():
        main = next((r for r in runs if r.tool == "cleaner"), None)
        if main is None:
            continue
        extractors = [r for r in runs if r.is_peer and r.tool not in TRIVIAL]
        best = max(extractors, key=lambda r: r.metrics["f1"]) if extractors else None
        keep = next((r for r in runs if r.tool == KEEP_EVERYTHING), None)
        m = main.metrics
        gap = f"{m['f1'] - best.metrics['f1']:+.3f}" if best else "-"
        lines.append(f"| {corpus} | {capture} | {fmt(m['f1'])} | {fmt(m['precision'])} | {fmt(m['recall'])} "
                     f"| {m['n_empty']} ({m['empty_body']}) "
                     f"| {best.tool if best else '-'} | {fmt(best.metrics['f1']) if best else '-'} "
                     f"| {gap} "
                     f"| {fmt(keep.metrics['f1']) if keep else '-'} |")
    return "\n".join(lines)


# ---------------------------------------------------------------- floors


def floor_for(f1: float) -> float:
    """Measured F1 rounded down to 2 decimals, minus 0.01 of headroom."""
    return round(math.floor(f1 * 100 + 1e-9) / 100 - 0.01, 2)


def read_floors(path: Path = FLOORS_PATH) -> dict[str, Any]:
    return read_json(path) if path.exists() else {}


def floor_key(corpus: str, capture: str, variant: CleanerVariant, step: int = 1) -> str:
    if corpus == "bench":
        return capture + variant.floor_suffix
    return f"{corpus}/{capture}{variant.floor_suffix}" + (f"/every-{step}" if step > 1 else "")


@dataclass(frozen=True)
class Gate:
    key: str  # floors.json key
    corpus: str  # folder name
    capture: str
    variant: CleanerVariant
    step: int  # every step-th page


def gated(include_full_wcxb: bool = False) -> list[Gate]:
    """Every pinned floor the test suite checks: each bench variant, and the cleaner on the
    fixed wcxb-dev subset; with include_full_wcxb, also the whole of wcxb-dev (bench-quality)."""
    out = [Gate(floor_key("bench", name, v), "bench", name, v, 1)
           for name, c in CAPTURE_SETS.items() for v in variants_for("bench", c)]
    main = CLEANER_VARIANTS[0]
    out += [Gate(floor_key("wcxb-dev", name, main, GATE_STEP), "wcxb-dev", name, main, GATE_STEP) for name in CAPTURE_SETS]
    if include_full_wcxb:
        out += [Gate(floor_key("wcxb-dev", name, main), "wcxb-dev", name, main, 1) for name in CAPTURE_SETS]
    return out


def cleaner_f1(data: Path, capture: str, variant: CleanerVariant, step: int = 1) -> float:
    """F1 of one cleaner configuration on one capture set (every step-th page), in this process,
    without peers or bootstrap (for the gate test)."""
    corpus = Corpus.load(data, import_by_path("bench_score", find_scorer([data])), step=step)
    c = CAPTURE_SETS[capture]
    jobs = [Job(variant.label, corpus.name, capture, c.kind, p) for p in corpus.pages(c.name, c.suffix)]
    predictions = {job.page.id: r["text"] for job, r in zip(jobs, run_all(jobs, workers=1, use_cache=False, quiet=True))}
    return float(corpus.scorer.score(corpus.truth(), predictions, n_bootstrap=0)["f1"])


def update_floors(measured: Mapping[str, float], allow_lower: bool, path: Path = FLOORS_PATH) -> bool:
    """Raise floors to the new measurements; lower one only with allow_lower. False if a lowering was refused."""
    floors = read_floors(path)
    refused = False
    for key, f1 in measured.items():
        new = floor_for(f1)
        old = floors.get(key, {}).get("f1")
        if old is None or new > old or (new < old and allow_lower):
            floors[key] = {"f1": new}
            print(f"floor {key}: {old} -> {new} (measured F1 {f1:.3f})")
        elif new < old:
            refused = True
            print(f"floor {key}: kept {old}; measured F1 {f1:.3f} would lower it to {new} (pass --allow-lower to accept)")
        else:
            print(f"floor {key}: unchanged at {old} (measured F1 {f1:.3f})")
    floors["why"] = FLOORS_WHY
    ordered = {"why": floors.pop("why"), **dict(sorted(floors.items()))}
    path.write_text(json.dumps(ordered, indent=2) + "\n", encoding="utf-8")
    return not refused


def check_floors(measured: Mapping[str, float]) -> bool:
    floors = read_floors()
    ok = True
    for key, f1 in measured.items():
        floor = floors.get(key, {}).get("f1")
        if floor is None:
            print(f"floor {key}: none pinned (measured F1 {f1:.3f}; `--update-floors` pins it)")
        elif f1 < floor:
            ok = False
            print(f"floor {key}: FAILED, F1 {f1:.3f} is below {floor:.2f}")
        else:
            print(f"floor {key}: ok, F1 {f1:.3f} >= {floor:.2f}")
    return ok


# ---------------------------------------------------------------- learned layer


def learned_layer_note() -> str:
    """The learned layer saw the first corpus in training: its held-out figures come from
    bench/train.py's k-fold cross-validation by site, recorded beside the weights."""
    if not WEIGHTS.is_file():
        return "learned layer: none shipped"
    model = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    cv = ", ".join(f"{k} F1 {v['f1']:.3f} (P {v['precision']:.3f}, R {v['recall']:.3f})" for k, v in model.get("cross_validated", {}).items())
    return (f"Note: the learned layer was trained on {model.get('trained_on', 'these pages')}, so the bench `cleaner` rows"
            f" include training pages. Held-out figures (5-fold cross-validation by site, bench/train.py): {cv}.")


def cross_corpus_note() -> str:
    """The cross-corpus figures as bench/crosscorpus.py last recorded them (training takes minutes)."""
    if not CROSS_PATH.is_file():
        # bench/train.py records the same figures beside the weights it ships.
        model = json.loads(WEIGHTS.read_text(encoding="utf-8")) if WEIGHTS.is_file() else {}
        rows = model.get("cross_corpus", {})
        if not rows:
            return "no cross-corpus figures recorded yet: run `make bench-cross` (bench/crosscorpus.py)"
        lines = ["| scored on | F1 | P | R |", "|---|---|---|---|"]
        lines += [f"| {k} | {v['f1']:.3f} | {v['precision']:.3f} | {v['recall']:.3f} |" for k, v in rows.items()]
        return "\n".join(lines) + "\n\n(the learned layer's own choice of blocks, as bench/train.py recorded it beside the shipped weights)"
    data = read_json(CROSS_PATH)
    return data.get("table", "") + f"\n\n(recorded by `{data.get('command')}` at commit {data.get('commit')}, {data.get('date')})"


# ---------------------------------------------------------------- command line


def positive_int(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, action="append",
                    help="a corpus folder; give it once per corpus (default: ../shared/bench and ../shared/wcxb-dev, "
                         "relative to the current directory)")
    ap.add_argument("--wcxb", type=Path, help="the wcxb-dev folder, added to the --data folders")
    ap.add_argument("--corpus", help="comma-separated corpus folder names to run (e.g. wcxb-dev)")
    ap.add_argument("--only", default=",".join(CAPTURE_SETS),
                    help=f"comma-separated capture sets out of {','.join(CAPTURE_SETS)} (default: all)")
    ap.add_argument("--types", help="comma-separated page types (wcxb-dev: article, service, product, collection, "
                                    "forum, listing, documentation); a corpus without page types is skipped")
    ap.add_argument("--limit", type=positive_int, metavar="N", help="only the first N pages of each corpus, in sorted order")
    ap.add_argument("--every", type=positive_int, default=1, metavar="N",
                    help="only every N-th page of each corpus, in sorted order (a fixed sample, for a quick but broad look)")
    ap.add_argument("--no-peers", action="store_true", help="skip the peer tools")
    ap.add_argument("--all-variants", action="store_true",
                    help="every cleaner variant (no default rules, heuristics only) on every corpus, not on bench alone")
    ap.add_argument("--no-cache", action="store_true", help="run the peers again instead of reading .cache/bench")
    ap.add_argument("--jobs", type=positive_int, default=2, help="worker processes (default 2)")
    ap.add_argument("--json", type=Path, metavar="OUT", help="also write the figures and every tool's per-page P/R/F1 as JSON")
    ap.add_argument("--update-floors", action="store_true", help=f"raise the floors in {FLOORS_PATH.name} to the measured F1")
    ap.add_argument("--allow-lower", action="store_true", help="with --update-floors: also lower floors")
    args = ap.parse_args(argv)
    args.folders = [p.resolve() for p in (args.data or (list(DEFAULT_FOLDERS) if not args.wcxb else [DEFAULT_FOLDERS[0]]))]
    if args.wcxb:
        args.folders.append(args.wcxb.resolve())
    if args.corpus:
        wanted = {c.strip() for c in args.corpus.split(",") if c.strip()}
        unknown = wanted - {f.name for f in args.folders}
        if unknown:
            ap.error(f"--corpus: {sorted(unknown)} is not among the data folders {[f.name for f in args.folders]}")
        args.folders = [f for f in args.folders if f.name in wanted]
    args.sets = [s.strip() for s in args.only.split(",") if s.strip()]
    unknown_sets = [s for s in args.sets if s not in CAPTURE_SETS]
    if unknown_sets:
        ap.error(f"--only: unknown capture set(s) {unknown_sets}; choose from {list(CAPTURE_SETS)}")
    args.type_list = [t.strip() for t in args.types.split(",") if t.strip()] if args.types else None
    args.partial = bool(args.limit or args.type_list or args.corpus or args.every > 1 or args.only != ",".join(CAPTURE_SETS))
    if args.update_floors and (args.limit is not None or args.type_list or args.every > 1):
        ap.error("--update-floors needs whole corpora; drop --limit, --types and --every")
    if args.allow_lower and not args.update_floors:
        ap.error("--allow-lower only makes sense with --update-floors")
    for folder in args.folders:
        if not (folder / "ground-truth.json").exists():
            ap.error(f"no corpus at {folder} (expected ground-truth.json there)")
    return args


def git_commit() -> str:
    try:
        out = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True)
        dirty = subprocess.run(["git", "-C", str(REPO), "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True, check=True).stdout.strip()
        return out.stdout.strip() + ("+uncommitted changes" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    scorer = import_by_path("bench_score", find_scorer(args.folders))
    corpora = [Corpus.load(f, scorer, args.limit, args.type_list, args.every) for f in args.folders]
    if args.type_list:
        corpora = [c for c in corpora if c.has_page_types]
    sample = f", every {args.every}th page in sorted order" if args.every > 1 else ""
    print(f"# cleaner quality: {', '.join(f'{c.name} ({len(c.ids)} pages{sample})' for c in corpora)}; score.py metric")
    print(f"\ncommit {git_commit()}, {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC, "
          f"`python bench/quality.py {' '.join(argv if argv is not None else sys.argv[1:])}`".rstrip())
    print("\nF1/P/R: score.py (4-word shingles; F1 of the mean P and mean R). word F1: mean over pages of the F1 of "
          "lower-cased word bags, WCXB's own corpus metric. 'capture holds body': keeping every line of the capture "
          "(for HTML its txt/ flattening) would recall at least half of the body.")
    print("\n" + learned_layer_note())

    # Every page run of every tool, in one pool: peers come from the cache when they can.
    jobs: list[Job] = []
    for corpus in corpora:
        for name in args.sets:
            capture = CAPTURE_SETS[name]
            pages = corpus.pages(capture.name, capture.suffix)
            tools = [v.label for v in variants_for(corpus.name, capture, args.all_variants)]
            if not args.no_peers:
                tools += peers_for(corpus.name, name)
                if name in meta_captures(corpus):
                    tools.append(META_PEER.label)
            jobs += [Job(tool, corpus.name, name, capture.kind, page) for tool in tools for page in pages]
    results = run_all(jobs, args.jobs, use_cache=not args.no_cache)

    runs: dict[tuple[str, str, str], Run] = {}
    for job, result in zip(jobs, results):
        key = (job.corpus, job.capture, job.tool)
        if key not in runs:
            variant = VARIANTS.get(job.tool)
            runs[key] = Run(job.tool, job.corpus, job.capture, {}, variant)
        run = runs[key]
        run.predictions[job.page.id] = result["text"] or ""
        run.seconds += result["seconds"] or 0.0
        if result["error"]:
            run.errors[job.page.id] = result["error"]
        if result["meta"] is not None:
            run.meta[job.page.id] = result["meta"]

    figures: dict[str, Any] = {}
    per_page: dict[str, Any] = {}
    table_runs: dict[tuple[str, str], list[Run]] = {}
    measured: dict[str, float] = {}
    for corpus in corpora:
        for name in args.sets:
            capture = CAPTURE_SETS[name]
            holds = capture_holds_body(corpus, capture)
            set_runs = [r for (c, s, _), r in runs.items() if c == corpus.name and s == name and r.tool != META_PEER.label]
            for run in set_runs:
                score_run(corpus, run, holds)
            table_runs[(corpus.name, name)] = set_runs
            figures.setdefault(corpus.name, {})[name] = report_set(corpus, capture, set_runs, runs.get((corpus.name, name, META_PEER.label)))
            for run in set_runs:
                if run.variant is not None:
                    if args.every == 1:
                        measured[floor_key(corpus.name, name, run.variant)] = run.metrics["f1"]
                    if corpus.name != "bench" and run.variant is CLEANER_VARIANTS[0] and not args.limit \
                            and not args.type_list and GATE_STEP % args.every == 0:
                        sub = corpus.ids[::GATE_STEP // args.every]
                        measured[floor_key(corpus.name, name, run.variant, GATE_STEP)] = subset_metrics(corpus, run, sub)["f1"]
                per_page.setdefault(corpus.name, {}).setdefault(name, {})[run.tool] = run.pages

    print("\n## side by side: the cleaner against the best extracting peer (keep-everything is a baseline, not a peer)\n")
    print(summary_table(table_runs))
    print("\n## cross-corpus: the learned layer trained on one corpus, scored on the other\n")
    print(cross_corpus_note())

    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        page_types = {c.name: {i: c.page_type(i) for i in c.ids} for c in corpora if c.has_page_types}
        args.json.write_text(json.dumps({"corpora": {c.name: {"data": str(c.data), "pages": len(c.ids)} for c in corpora},
                                         "figures": figures, "page_types": page_types, "per_page": per_page}, indent=1) + "\n",
                             encoding="utf-8")
    print()
    if args.update_floors:
        return 0 if update_floors(measured, args.allow_lower) else 1
    if args.partial:
        print("floors: not checked (a partial run: --limit, --every, --types, --corpus or --only); measured:")
        for key, f1 in measured.items():
            print(f"floor {key}: measured F1 {f1:.4f}")
        return 0
    return 0 if check_floors(measured) else 1


if __name__ == "__main__":
    sys.exit(main())
