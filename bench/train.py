"""Train the learned layer (cleaner/classify/weights.json) on the md and txt captures of one or more corpora.

A block's label: is its text part of the page's ground-truth article body? The model is
a small neural network (one hidden layer of tanh units, a logistic output) fitted in
numpy with Adam on the weighted cross-entropy; no ML framework is needed.
Each page is read three times: with the bundled rules, without any (as on a site no rule
knows), and its cleaned text again (what the settling step reads, pipeline._settle). Each
reading weighs the same, its blocks in proportion to their words: the benchmark scores
pages, and a page by its words, not by its lines.
Figures reported are k-fold cross-validated with folds split by site (URL host): a
page's site never appears in both the training and the held-out folds. With several
corpora, each corpus weighs the same in training and in the choice of the threshold,
and the cross-corpus figures (trained on one corpus, scored on another) are printed too.

    python bench/train.py --data ../shared/bench --data ../shared/wcxb-dev   # cross-validate, then write weights.json
    python bench/train.py --data ../shared/bench --cv-only                  # figures only
    python bench/train.py --data ../shared/bench --cv-only --linear         # the logistic baseline
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import multiprocessing
import pickle
import re
import sys
import zlib
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlsplit

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cleaner import RuleSet, default_rules  # noqa: E402
from cleaner.classify.context import NAMES  # noqa: E402
from cleaner.classify.learned import WEIGHTS, Model, to_dict  # noqa: E402
from cleaner.detect import HTML, detect_kind  # noqa: E402
from cleaner.pipeline import clean_text  # noqa: E402
from cleaner.settings import DEFAULT  # noqa: E402

_TOKEN = re.compile(r"\w+")
FOLDS = 5
L2 = 1e-3  # the linear baseline's weight decay; the features are few, this only steadies collinear pairs
# Newton's method for the linear baseline: the features are few, so each step solves a
# small system exactly. Gradient descent (3000 steps) reached the same loss in 45 times the time.
NEWTON_STEPS = 50
# The network: NETWORKS networks of HIDDEN_UNITS units, each from its own random start,
# averaged (their logits), which is one network of NETWORKS * HIDDEN_UNITS units. The
# choice, held out on the dev bench (5 folds by site, summed F1 of the four readings at
# the best threshold): linear model 3.629, 8 units 3.642, 16 units 3.656, 32 units (600
# steps) 3.632, 16 units with L2 1e-3 3.672 (another start: 3.675), with L2 3e-3 3.677.
# Averaging starts removes most of the spread between them (about 0.005 F1 a reading).
# Trained on both corpora with the re-read bodies (every 3rd wcxb-dev capture, all of
# bench's, the whole cleaner): one start md/txt bench 0.9395/0.9294, wcxb-dev 0.8095/0.8071;
# three starts 0.9431/0.9305, 0.8082/0.8098 (without the re-read bodies 0.9412/0.9275,
# 0.8041/0.8062).
HIDDEN_UNITS = 16
NETWORKS = 3
# A page trains on at most this many of its blocks, drawn by weight (_sample): the 1,497
# wcxb pages hold 1.7 million blocks in their four readings, fifteen times the bench's
# 118,000, too many for full-batch steps on two shared cores; 16 a page keep the rows near
# the bench's own count.
SAMPLE_BLOCKS = 16
EPOCHS = 300  # full-batch Adam steps
LEARNING_RATE = 0.01
MLP_L2 = 3e-3
SETS = {"md": "markdown", "txt": "text"}
# The readings of each capture: with the bundled rules, without any (a site no rule knows),
# and the cleaned text read again (the settling step's reading, pipeline._settle: there the
# cleaner meets its own output, where every line left is a candidate for the body).
NO_RULES, REREAD = "_no_default_rules", "_reread"
READINGS = ("", NO_RULES, REREAD)
THRESHOLDS = (0.4, 0.45, 0.5, 0.55, 0.6, 0.65)
# Thresholds whose summed F1 (four readings) is within TIE_F1 of the best count as tied, or
# with several corpora whose balanced F1 (the mean over corpora of each one's mean over its
# readings) is within BALANCED_TIE_F1. Each reading's bootstrap spread is about 0.009-0.011,
# so a sum of four differs by more than 0.01 by chance, a mean of four by 0.005.
TIE_F1 = 0.02
BALANCED_TIE_F1 = TIE_F1 / 4


def load_score(data: Path):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("bench_score", data / "score.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def is_content(text: str, truth_tokens: str, truth_shingles: set) -> bool:  # type: ignore[type-arg]
    tokens = _TOKEN.findall(text)
    if not tokens:
        return False
    if len(tokens) < 8:
        return " " + " ".join(tokens) + " " in truth_tokens
    shingles = [tuple(tokens[i : i + 4]) for i in range(len(tokens) - 3)]
    return sum(s in truth_shingles for s in shingles) >= 0.5 * len(shingles)


def collect_pages(data: Path, rules, reading: str = "", ids: Sequence[str] | None = None, jobs: int = 1) -> list[dict]:  # type: ignore[no-untyped-def,type-arg]
    """Per page and capture kind: candidate block texts, their vectors, labels and weights
    (every page of the folder, or the pages `ids`), read with `rules`; `reading` names it."""
    global _RULES
    _RULES = rules
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    work = [(data, page_id, truth[page_id], reading) for page_id in (sorted(truth) if ids is None else ids)]
    if jobs > 1:
        # Forked workers inherit the rules: a loaded RuleSet does not pickle (compiled XPaths).
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            parts = pool.map(_collect_page, work, chunksize=8)
    else:
        parts = list(map(_collect_page, work))
    return [page for part in parts for page in part]


_RULES: RuleSet | None = None  # the RuleSet collect_pages reads with (set before the workers fork)


def _collect_page(job: tuple) -> list[dict]:  # type: ignore[type-arg]
    data, page_id, truth, reading = job
    rules = _RULES
    body = truth.get("articleBody") or ""
    tokens = _TOKEN.findall(body)
    truth_tokens = " " + " ".join(tokens) + " "
    truth_shingles = {tuple(tokens[i : i + 4]) for i in range(len(tokens) - 3)}
    host = urlsplit(truth.get("url") or "").hostname or page_id
    host = host.removeprefix("www.")
    settings = replace(DEFAULT, use_learned_model=False)
    pages = []
    for folder, kind in SETS.items():
        raw = (data / folder / f"{page_id}.{folder}").read_bytes()
        if reading == REREAD:
            # What the settling step reads: the shipped cleaner's first reading of the
            # capture, its output cleaned again as a capture of its own.
            first = clean_text(raw, kind=kind, rules=rules, settings=replace(DEFAULT, settle_max_readings=0))
            raw, kind = (first.text or "").encode(), detect_kind(first.text or "")
        pairs: list = []  # type: ignore[type-arg]
        if kind != HTML:  # a cleaned text that reads as HTML (a page about HTML) is not read again, as in _settle
            clean_text(raw, kind=kind, rules=rules, settings=settings, collect=pairs)
        words = np.array([max(1, len(_TOKEN.findall(b.text))) for b, _ in pairs], dtype=float)
        pages.append({
            "id": page_id, "corpus": data.name, "set": folder + reading, "host": host, "truth": body,
            "type": truth.get("page_type", "news"),
            "texts": [b.text for b, _ in pairs],
            "x": np.array([v for _, v in pairs], dtype=float).reshape(-1, len(NAMES)),
            "y": np.array([is_content(b.text, truth_tokens, truth_shingles) for b, _ in pairs], dtype=float),
            "weight": words / words.sum() if len(words) else words,
        })
    return pages


def corpus_pages(data: Path, readings: Sequence[str], jobs: int, cache: Path | None) -> list[dict]:  # type: ignore[type-arg]
    """A corpus's pages in each reading (with the bundled rules, without), from `cache` when
    it holds them: a cache is only valid for the code that wrote it."""
    pages = []
    for reading in readings:
        stored = cache / f"{data.name}-{reading or 'rules'}.pickle" if cache else None
        if stored and stored.is_file():
            pages += pickle.loads(stored.read_bytes())
            continue
        part = collect_pages(data, RuleSet() if reading == NO_RULES else default_rules(), reading, jobs=jobs)
        if stored:
            stored.parent.mkdir(parents=True, exist_ok=True)
            stored.write_bytes(pickle.dumps(part))
        pages += part
    return pages


def fit_pages(pages: list[dict], linear: bool = False, networks: int = NETWORKS) -> Model:
    """Each page weighs the same within its corpus, and each corpus the same as the others:
    the 1,497 wcxb pages would otherwise outweigh the 181 news pages eight to one."""
    pages = [p for p in pages if len(p["y"])]
    per_corpus = Counter(p.get("corpus") for p in pages)
    rows = [_sample(p) for p in pages]
    x, y = np.vstack([p["x"][r] for p, r in zip(pages, rows)]), np.concatenate([p["y"][r] for p, r in zip(pages, rows)])
    weight = np.concatenate([
        (p["weight"][r] if len(r) == len(p["y"]) else np.full(len(r), 1.0 / len(r))) / per_corpus[p.get("corpus")]
        for p, r in zip(pages, rows)
    ])
    return linear_model(fit(x, y, weight)) if linear else fit_network(x, y, weight, networks=networks)


def _sample(page: dict) -> np.ndarray:  # type: ignore[type-arg]
    """The rows a page trains on: all of them, or SAMPLE_BLOCKS drawn in proportion to their
    weight (then each weighs the same: the same expected loss), seeded by the page's id."""
    n = len(page["y"])
    if n <= SAMPLE_BLOCKS:
        return np.arange(n)
    rng = np.random.default_rng(zlib.crc32(_key(page).encode()))
    return np.sort(rng.choice(n, SAMPLE_BLOCKS, p=page["weight"]))


def fit_network(x: np.ndarray, y: np.ndarray, weight: np.ndarray, threshold: float = 0.5, networks: int = NETWORKS) -> Model:
    """`networks` networks from seeds 0, 1, ..., joined into one whose output averages theirs."""
    mean, scale = x.mean(axis=0), x.std(axis=0) + 1e-6
    mean[0], scale[0] = 0.0, 1.0  # the bias column stays a constant one
    xs = (x - mean) / scale
    share = weight / weight.sum()
    nets = [_fit_one(xs, y, share, np.random.default_rng(seed)) for seed in range(networks)]
    return Model(
        mean, scale,
        np.hstack([n[0] for n in nets]), np.concatenate([n[1] for n in nets]),
        np.concatenate([n[2] for n in nets]) / networks, float(sum(n[3][0] for n in nets) / networks),
        threshold,
    )


def _fit_one(xs: np.ndarray, y: np.ndarray, share: np.ndarray, rng: np.random.Generator) -> list[np.ndarray]:
    """One hidden layer, full-batch Adam on the weighted cross-entropy with L2:
    [hidden weights, hidden biases, output weights, output bias]."""
    n_in = xs.shape[1]
    params = [
        rng.normal(0.0, 1.0 / np.sqrt(n_in), (n_in, HIDDEN_UNITS)), np.zeros(HIDDEN_UNITS),
        rng.normal(0.0, 1.0 / np.sqrt(HIDDEN_UNITS), HIDDEN_UNITS), np.zeros(1),
    ]
    first = [np.zeros_like(p) for p in params]
    second = [np.zeros_like(p) for p in params]
    for step in range(1, EPOCHS + 1):
        h = np.tanh(xs @ params[0] + params[1])
        p = 1.0 / (1.0 + np.exp(-np.clip(h @ params[2] + params[3][0], -30, 30)))
        g = share * (p - y)
        gh = np.outer(g, params[2]) * (1.0 - h * h)
        grads = [xs.T @ gh + MLP_L2 * params[0], gh.sum(axis=0), h.T @ g + MLP_L2 * params[2], np.array([g.sum()])]
        # Adam's running mean and mean square of the gradient, with the constants Kingma and
        # Ba propose (0.9, 0.999, 1e-8), untuned here.
        for i, grad in enumerate(grads):
            first[i] = 0.9 * first[i] + 0.1 * grad
            second[i] = 0.999 * second[i] + 0.001 * grad * grad
            params[i] -= LEARNING_RATE * (first[i] / (1 - 0.9**step)) / (np.sqrt(second[i] / (1 - 0.999**step)) + 1e-8)
    return params


def linear_model(w: np.ndarray, threshold: float = 0.5) -> Model:
    """A logistic regression written as a network whose one unit passes its sum through:
    tanh is near the identity for small inputs, so the weights are scaled down and back up."""
    small = 1e-3
    n = len(w)
    return Model(np.zeros(n), np.ones(n), (w * small)[:, None], np.zeros(1), np.array([1.0 / small]), 0.0, threshold)


def fit(x: np.ndarray, y: np.ndarray, weight: np.ndarray) -> np.ndarray:
    """L2-regularised weighted logistic regression (the bias is not regularised).
    Weighting blocks by words (each page summing to one) took the held-out F1 from
    md 0.914, txt 0.900 to md 0.922, txt 0.905 (dev bench, bundled rules)."""
    w = np.zeros(x.shape[1])
    decay = L2 * np.eye(x.shape[1])
    decay[0, 0] = 0.0
    total = weight.sum()
    for _ in range(NEWTON_STEPS):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (weight * (p - y)) / total + decay @ w
        hessian = (x * (weight * p * (1.0 - p))[:, None]).T @ x / total + decay
        step = np.linalg.solve(hessian, grad)
        w -= step
        if np.abs(step).max() < 1e-7:
            break
    return w


def predict_text(page: dict, model: Model, threshold: float) -> str:
    return _kept_text(page, model.probabilities(page["x"]) if len(page["texts"]) else None, threshold)


def folds_by_host(pages: list[dict]) -> list[set[str]]:
    hosts = sorted({p["host"] for p in pages})
    return [set(hosts[i::FOLDS]) for i in range(FOLDS)]


def cross_validate(
    pages: list[dict], score, thresholds: Sequence[float], linear: bool = False,  # type: ignore[no-untyped-def,type-arg]
    models: Sequence[Model] | None = None, groups: Callable[[dict], list[str]] | None = None,  # type: ignore[type-arg]
) -> dict[float, dict[str, dict[str, float]]]:
    """Held-out figures per threshold and group of pages (by default each reading, "md",
    "txt", ...): each fold's model (fitted here, or models[k], trained without fold k's
    sites) predicts only the sites it never saw."""
    predictions: dict[float, dict[str, str]] = {t: {} for t in thresholds}
    for k, held_out in enumerate(folds_by_host(pages)):
        model = models[k] if models is not None else fit_pages([p for p in pages if p["host"] not in held_out], linear)
        for page in pages:
            if page["host"] in held_out:
                probabilities = model.probabilities(page["x"]) if len(page["texts"]) else None
                for t in thresholds:
                    predictions[t][_key(page)] = _kept_text(page, probabilities, t)
    return {t: score_sets(pages, predictions[t], score, groups) for t in thresholds}


def _kept_text(page: dict, probabilities: np.ndarray | None, threshold: float) -> str:  # type: ignore[type-arg]
    if probabilities is None:
        return ""
    return "\n\n".join(t for t, k in zip(page["texts"], probabilities >= threshold) if k and t)


def _key(page: dict) -> str:  # type: ignore[type-arg]
    return f"{page.get('corpus', '')}/{page['set']}/{page['id']}"


def by_corpus_and_type(page: dict) -> list[str]:  # type: ignore[type-arg]
    """A page's groups across corpora: its corpus's reading ("wcxb-dev/md"), and that
    reading's page type ("wcxb-dev/md:forum") where the corpus has types."""
    name = f"{page['corpus']}/{page['set']}"
    return [name] if page["type"] == "news" else [name, f"{name}:{page['type']}"]


def score_sets(pages: list[dict], predictions: dict[str, str], score, groups: Callable[[dict], list[str]] | None = None) -> dict[str, dict[str, float]]:  # type: ignore[no-untyped-def,type-arg]
    """Each page's counts worked out once, then pooled per group (score.aggregate)."""
    members: dict[str, list[tuple[float, float, float]]] = {}
    for page in pages:
        counts = score.doc_counts(page["truth"], predictions[_key(page)])
        for name in (groups or (lambda p: [p["set"]]))(page):
            members.setdefault(name, []).append(counts)
    out = {}
    for name, counts in sorted(members.items()):
        out[name] = dict(score.aggregate(counts), n=len(counts), n_empty=sum(1 for c in counts if c[0] + c[1] == 0))
    return out


def balanced_f1(figures: dict[str, dict[str, float]]) -> float:
    """The mean over corpora of each corpus's mean F1 over its readings (page types aside)."""
    by_corpus: dict[str, list[float]] = {}
    for name, r in figures.items():
        if ":" not in name:
            by_corpus.setdefault(name.split("/")[0], []).append(r["f1"])
    return float(np.mean([np.mean(v) for v in by_corpus.values()]))


def cross_corpus(pages: list[dict], score, threshold: float, models: dict[str, Model]) -> dict[str, dict[str, float]]:  # type: ignore[no-untyped-def,type-arg]
    """Each corpus scored by the model trained on the others only (models[corpus])."""
    out = {}
    for corpus, model in sorted(models.items()):
        held = [p for p in pages if p["corpus"] == corpus]
        figures = score_sets(held, {_key(p): predict_text(p, model, threshold) for p in held}, score, by_corpus_and_type)
        out.update({f"{name} (trained without {corpus})": r for name, r in figures.items()})
    return out


# The pages every fit reads: set before the worker processes fork, so that they share it.
_PAGES: list[dict] = []  # type: ignore[type-arg]


def _fit_job(job: tuple) -> Model:  # type: ignore[type-arg]
    """("fold", hosts held out), ("without", a corpus) or ("all", None); and linear or not."""
    what, key, linear, networks = job
    if what == "fold":
        train = [p for p in _PAGES if p["host"] not in key]
    elif what == "without":
        train = [p for p in _PAGES if p["corpus"] != key]
    else:
        train = _PAGES
    return fit_pages(train, linear, networks)


def _line(name: str, r: dict[str, float]) -> str:
    return f"  {name:40s} F1 {r['f1']:.3f} (P {r['precision']:.3f} R {r['recall']:.3f}) n={int(r['n'])} empty={int(r['n_empty'])}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, action="append", help="a corpus folder; give it once per corpus (default ../shared/bench)")
    parser.add_argument("--threshold", type=float, default=None, help="fix the decision threshold instead of choosing it by cross-validation")
    parser.add_argument("--cv-only", action="store_true", help="print cross-validated figures; do not write weights")
    parser.add_argument("--linear", action="store_true", help="a logistic regression instead of the network (the baseline)")
    parser.add_argument("--networks", type=int, default=NETWORKS, help="networks (random starts) averaged into the model")
    parser.add_argument("--jobs", type=int, default=1, help="processes that read the pages and fit the models")
    parser.add_argument("--no-reread", action="store_true", help="train on the captures only, not on the cleaned text read again")
    parser.add_argument("--cache", type=Path, help="keep the pages' blocks and vectors in this folder, and reuse them (delete it when the cleaner changes)")
    args = parser.parse_args()
    corpora = args.data or [Path("../shared/bench")]
    score = load_score(corpora[0])
    pages = [p for data in corpora for p in corpus_pages(data, READINGS[:2] if args.no_reread else READINGS, args.jobs, args.cache)]
    thresholds = [args.threshold] if args.threshold is not None else THRESHOLDS
    # Every fit at once, in worker processes: the folds', one per corpus left out, the final.
    corpus_names = sorted({p["corpus"] for p in pages}) if len(corpora) > 1 else []
    jobs = [("fold", frozenset(hosts), args.linear, args.networks) for hosts in folds_by_host(pages)]
    jobs += [("without", name, args.linear, args.networks) for name in corpus_names]
    jobs += [] if args.cv_only else [("all", None, args.linear, args.networks)]
    _PAGES[:] = pages
    if args.jobs > 1:
        with multiprocessing.get_context("fork").Pool(min(args.jobs, len(jobs))) as pool:
            models = pool.map(_fit_job, jobs, chunksize=1)
    else:
        models = list(map(_fit_job, jobs))
    by_threshold = cross_validate(pages, score, thresholds, args.linear, models[:FOLDS], by_corpus_and_type)
    for t, figures in by_threshold.items():
        print(f"threshold {t:.2f}: {FOLDS}-fold by site, balanced F1 {balanced_f1(figures):.4f}")
        for name, r in figures.items():
            if ":" not in name:
                print(_line(name, r))
    # The threshold is chosen on the held-out figures too, so it is part of what is validated.
    # Among thresholds within BALANCED_TIE_F1 of the best, the lowest wins: losing article text is
    # worse for a reader than keeping a stray line.
    best = max(balanced_f1(figures) for figures in by_threshold.values())
    threshold = min(t for t, figures in by_threshold.items() if balanced_f1(figures) >= best - BALANCED_TIE_F1)
    cv = by_threshold[threshold]
    print(f"chosen threshold {threshold:.2f}; held out, per page type:")
    for name, r in cv.items():
        if ":" in name:
            print(_line(name, r))
    crossed = cross_corpus(pages, score, threshold, dict(zip(corpus_names, models[FOLDS : FOLDS + len(corpus_names)])))
    if crossed:
        print("cross-corpus (trained on the other corpora only):")
        for name, r in crossed.items():
            if ":" not in name:
                print(_line(name, r))
    if args.cv_only:
        return 0
    model = replace(models[-1], threshold=threshold)
    names = " and ".join(f"{d.name} ({len({p['id'] for p in pages if p['corpus'] == d.name})} pages)" for d in corpora)
    WEIGHTS.write_text(json.dumps({
        "features": list(NAMES),
        **to_dict(model),
        "trained_on": f"{names}: md and txt captures, with and without the bundled rules" + ("" if args.no_reread else ", and their cleaned text read again"),
        "cross_validated": {k: {m: round(float(v), 4) for m, v in r.items() if m in ("f1", "precision", "recall")} for k, r in cv.items() if ":" not in k},
        "cross_corpus": {k: {m: round(float(v), 4) for m, v in r.items() if m in ("f1", "precision", "recall")} for k, r in crossed.items() if ":" not in k},
    }, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {WEIGHTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
