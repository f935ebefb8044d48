"""Train the HTML block arbiter (cleaner/html/arbiter.json) on the HTML captures of the corpora.

Each page is cleaned with the arbiter off; its candidates (the page's text blocks), their
feature rows and the cleaner's own body are kept. A candidate's label is the share of its
word pairs found in the page's ground-truth body; it weighs in proportion to its words,
each page the same within its corpus and each corpus the same. The model is the learned
layer's network (bench/train.py's fit_network). Figures: 5 folds by site (URL host) over
both corpora, then trained on one corpus and scored on the other; each with the two
thresholds (drop a kept block below, add a block from) chosen on the training folds.

    python bench/train_arbiter.py --data ../shared/bench --data ../shared/wcxb-dev            # figures, then write arbiter.json
    python bench/train_arbiter.py --data ../shared/bench --data ../shared/wcxb-dev --cv-only
"""
from __future__ import annotations

import argparse
import gzip
import json
import math
import multiprocessing
import pickle
import sys
import zlib
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import bench.train as train_mod  # noqa: E402
from bench.train import fit as fit_linear  # noqa: E402
from bench.train import fit_network, linear_model, load_score  # noqa: E402
from cleaner import default_rules  # noqa: E402
from cleaner.classify.learned import Model, to_dict  # noqa: E402
from cleaner.html import arbiter  # noqa: E402
from cleaner.pipeline import clean_text  # noqa: E402
from cleaner.settings import DEFAULT  # noqa: E402

FOLDS = 5
SAMPLE_ROWS = 60
# The thresholds tried: drop a kept block below the first, add one from the second.
DROP_GRID = (0.0, 0.2, 0.3, 0.4, 0.5, 0.6)
ADD_GRID = (0.4, 0.5, 0.6, 0.7, 0.8, 1.01)
LOSS_WEIGHT = 4.0


def _page(job: tuple) -> dict | None:  # type: ignore[type-arg]
    data, page_id, truth = job
    path = data / "html" / f"{page_id}.html.gz"
    raw = gzip.decompress(path.read_bytes()) if path.is_file() else (data / "html" / f"{page_id}.html").read_bytes()
    collect: list = []  # type: ignore[type-arg]
    try:
        doc = clean_text(raw, kind="html", url=truth.get("url"), rules=default_rules(),
                         settings=replace(DEFAULT, html_arbiter=False), collect=collect)
        text = doc.text
    except Exception:  # noqa: BLE001 - a page the cleaner refuses trains nothing
        return None
    body = truth.get("articleBody") or ""
    gold = arbiter.reading_set(body)
    host = (urlsplit(truth.get("url") or "").hostname or page_id).removeprefix("www.")
    page = {"id": page_id, "corpus": data.name, "host": host, "type": truth.get("page_type", "news"),
            "truth": body, "cleaner": text, "texts": [], "x": np.zeros((0, len(arbiter.NAMES))),
            "y": np.zeros(0), "held": np.zeros(0), "words": np.zeros(0)}
    if collect:
        r = collect[0]
        page.update(texts=[c.text for c in r.cands], x=r.rows, held=r.held,
                    y=np.array([arbiter.vote(c, gold) for c in r.cands]),
                    words=np.array([len(c.tokens) for c in r.cands], dtype=float))
    return page


def collect(data: Path, jobs: int, cache: Path | None) -> list[dict]:  # type: ignore[type-arg]
    stored = cache / f"arbiter-{data.name}.pickle" if cache else None
    if stored and stored.is_file():
        return pickle.loads(stored.read_bytes())  # type: ignore[no-any-return]
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    work = [(data, i, truth[i]) for i in sorted(truth)]
    with multiprocessing.Pool(jobs) as pool:
        pages = [p for p in pool.map(_page, work, chunksize=4) if p is not None]
    if stored:
        stored.parent.mkdir(parents=True, exist_ok=True)
        stored.write_bytes(pickle.dumps(pages))
    return pages


@dataclass(frozen=True)
class Variant:
    """What a training run may change: the features the model sees (the others weigh
    nothing), a logistic regression in place of the network, the network's weight decay,
    the threshold grids and how much a corpus's loss counts against a gain."""

    keep: tuple[int, ...] = tuple(range(len(arbiter.NAMES)))
    linear: bool = False
    l2: float = train_mod.MLP_L2
    drop_grid: tuple[float, ...] = DROP_GRID
    add_grid: tuple[float, ...] = ADD_GRID
    loss_weight: float = LOSS_WEIGHT
    add_max_share: float = DEFAULT.html_arbiter_add_max_share


def fit(pages: list[dict], variant: Variant = Variant()) -> Model:  # type: ignore[type-arg]
    pages = [p for p in pages if len(p["y"])]
    per_corpus = Counter(p["corpus"] for p in pages)
    rows = [_sample(p) for p in pages]
    x = np.vstack([p["x"][r] for p, r in zip(pages, rows)])
    y = np.concatenate([p["y"][r] for p, r in zip(pages, rows)])
    w = np.concatenate([
        (p["words"][r] / p["words"].sum() if len(r) == len(p["y"]) else np.full(len(r), 1.0 / len(r))) / per_corpus[p["corpus"]]
        for p, r in zip(pages, rows)
    ])
    keep = list(variant.keep)
    if variant.linear:
        model = linear_model(fit_linear(x[:, keep], y, w * len(w) / w.sum()))
    else:
        train_mod.MLP_L2 = variant.l2
        model = fit_network(x[:, keep], y, w)
    # The features left out weigh nothing: zero rows of the hidden layer, unscaled.
    n = len(arbiter.NAMES)
    mean, scale, hidden = np.zeros(n), np.ones(n), np.zeros((n, model.hidden.shape[1]))
    mean[keep], scale[keep], hidden[keep] = model.mean, model.scale, model.hidden
    return replace(model, mean=mean, scale=scale, hidden=hidden)


def _sample(page: dict) -> np.ndarray:  # type: ignore[type-arg]
    """All of a page's rows, or SAMPLE_ROWS drawn in proportion to their words (then each
    weighs the same: the same expected loss), seeded by the page's id: a fit in a third
    of the time."""
    n = len(page["y"])
    if n <= SAMPLE_ROWS:
        return np.arange(n)
    rng = np.random.default_rng(zlib.crc32(page["id"].encode()))
    return np.sort(rng.choice(n, SAMPLE_ROWS, p=page["words"] / page["words"].sum()))


def decide(page: dict, p: np.ndarray, drop_below: float, add_from: float, add_max_share: float = math.inf) -> str:  # type: ignore[type-arg]
    """The body the arbiter gives, as text: the cleaner's lines less the candidates it
    keeps that fall below drop_below, with the candidates that reach add_from after them
    (order moves only the shingles at the seams): those no block of the cleaner holds, and
    those of the judge's drops (trafilatura read them), which arbitrate() revives; none
    unless the cleaner's body is short of resiliparse's reading (add_max_share)."""
    if not len(page["texts"]):
        return page["cleaner"]  # type: ignore[no-any-return]
    if not arbiter.short_of_resiliparse(page["x"], add_max_share):
        add_from = math.inf
    cleaner = page["x"][:, arbiter.NAMES.index("vote_cleaner")]
    engine = page["x"][:, arbiter.NAMES.index("vote_trafilatura")]
    drop = {t for t, c, q in zip(page["texts"], cleaner, p) if c >= 0.5 and q < drop_below}
    lines = [line for line in page["cleaner"].split("\n") if line not in drop]
    lines += [
        t for t, c, e, h, q in zip(page["texts"], cleaner, engine, page["held"], p)
        if c < 0.5 and (h < 0.5 or e >= 0.5) and q >= add_from
    ]
    return "\n".join(lines)


def score_pages(pages: list[dict], texts: dict[str, str], score) -> dict[str, float]:  # type: ignore[no-untyped-def,type-arg]
    """Corpus F1 of each corpus and each corpus/type."""
    groups: dict[str, list[dict]] = defaultdict(list)  # type: ignore[type-arg]
    for p in pages:
        groups[p["corpus"]].append(p)
        if p["type"] != "news":
            groups[f"{p['corpus']}/{p['type']}"].append(p)
    out = {}
    for name, sub in sorted(groups.items()):
        m = score.score({p["id"]: p["truth"] for p in sub}, {p["id"]: texts[p["id"]] for p in sub}, n_bootstrap=0)
        out[name] = round(m["f1"], 4)
    return out


def _balanced(figures: dict[str, float]) -> float:
    return sum(v for k, v in figures.items() if "/" not in k)


def choose(pages: list[dict], probs: dict[str, np.ndarray], score, variant: Variant = Variant()) -> tuple[float, float]:  # type: ignore[no-untyped-def,type-arg]
    """The add threshold with nothing dropped, then the drop threshold with it: two passes
    over the grids, not every pair. The aim is each corpus's gain over the cleaner's own
    body, a loss counting LOSS_WEIGHT times: a gain on one corpus that costs the other is
    not wanted."""
    corpora = {c: [p for p in pages if p["corpus"] == c] for c in sorted({p["corpus"] for p in pages})}

    def f1(sub: list[dict], texts: dict[str, str]) -> float:  # type: ignore[type-arg]
        return float(score.score({p["id"]: p["truth"] for p in sub}, {p["id"]: texts[p["id"]] for p in sub}, n_bootstrap=0)["f1"])

    base = {c: f1(sub, {p["id"]: p["cleaner"] for p in sub}) for c, sub in corpora.items()}

    def aim(d: float, a: float) -> float:
        total = 0.0
        for c, sub in corpora.items():
            gain = f1(sub, {p["id"]: decide(p, probs[p["id"]], d, a, variant.add_max_share) for p in sub}) - base[c]
            total += gain if gain >= 0 else variant.loss_weight * gain
        return total

    add = max(variant.add_grid, key=lambda a: aim(0.0, a))
    drop = max(variant.drop_grid, key=lambda d: aim(d, add))
    return drop, add


def figures(pages: list[dict], variant: Variant, score) -> dict[str, float]:  # type: ignore[no-untyped-def,type-arg]
    """Prints the held-out figures (5 folds by host) and the cross-corpus ones; returns the first."""
    hosts = sorted({p["host"] for p in pages})
    folds = [set(hosts[i::FOLDS]) for i in range(FOLDS)]
    held_texts: dict[str, str] = {}
    for fold in folds:
        train = [p for p in pages if p["host"] not in fold]
        model = fit(train, variant)
        probs = {p["id"]: model.probabilities(p["x"]) if len(p["texts"]) else np.zeros(0) for p in pages}
        d, a = choose(train, probs, score, variant)
        for p in pages:
            if p["host"] in fold:
                held_texts[p["id"]] = decide(p, probs[p["id"]], d, a, variant.add_max_share)
        print(f"fold thresholds drop<{d} add>={a}", flush=True)
    cv = score_pages(pages, held_texts, score)
    print("cross-validated  ", cv)
    corpora = sorted({p["corpus"] for p in pages})
    if len(corpora) > 1:
        for src in corpora:
            train = [p for p in pages if p["corpus"] == src]
            model = fit(train, variant)
            probs = {p["id"]: model.probabilities(p["x"]) if len(p["texts"]) else np.zeros(0) for p in pages}
            d, a = choose(train, probs, score, variant)
            other = [p for p in pages if p["corpus"] != src]
            texts = {p["id"]: decide(p, probs[p["id"]], d, a, variant.add_max_share) for p in other}
            print(f"trained on {src} (drop<{d} add>={a}) ->", score_pages(other, texts, score))
    return cv


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, action="append", required=True)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--cache", type=Path, help="keep the collected pages here (valid only for the code that wrote them)")
    ap.add_argument("--cv-only", action="store_true")
    ap.add_argument("--add-only", action="store_true", help="never drop a block the cleaner keeps")
    ap.add_argument("--without", default="", help="features the model does not see: comma-separated names or name prefixes")
    ap.add_argument("--linear", action="store_true", help="a logistic regression in place of the network")
    ap.add_argument("--l2", type=float, default=train_mod.MLP_L2, help="the network's weight decay")
    ap.add_argument("--add-grid", default="", help="the add thresholds tried, comma-separated")
    ap.add_argument("--loss-weight", type=float, default=LOSS_WEIGHT, help="how much a corpus's loss counts against a gain")
    ap.add_argument("--add-max-share", type=float, default=DEFAULT.html_arbiter_add_max_share,
                    help="add only where the cleaner's body holds less than this share of resiliparse's (inf: everywhere)")
    ap.add_argument("--fit-only", action="store_true", help="write arbiter.json without the held-out and cross-corpus figures")
    args = ap.parse_args()
    gone = [w for w in args.without.split(",") if w]
    keep = tuple(i for i, n in enumerate(arbiter.NAMES) if not any(n == w or n.startswith(w) for w in gone) or n == "bias")
    variant = Variant(
        keep=keep, linear=args.linear, l2=args.l2, drop_grid=(0.0,) if args.add_only else DROP_GRID,
        add_grid=tuple(float(a) for a in args.add_grid.split(",")) if args.add_grid else ADD_GRID,
        loss_weight=args.loss_weight, add_max_share=args.add_max_share,
    )
    print("features:", " ".join(arbiter.NAMES[i] for i in keep), flush=True)
    score = load_score(args.data[0])
    pages = [p for d in args.data for p in collect(d, args.jobs, args.cache)]
    base = score_pages(pages, {p["id"]: p["cleaner"] for p in pages}, score)
    print("cleaner now      ", base, flush=True)
    cv = {} if args.fit_only else figures(pages, variant, score)
    if args.cv_only:
        return 0
    model = fit(pages, variant)
    probs = {p["id"]: model.probabilities(p["x"]) if len(p["texts"]) else np.zeros(0) for p in pages}
    d, a = choose(pages, probs, score, variant)
    out = {"features": list(arbiter.NAMES), **to_dict(model), "drop_below": d, "add_from": a,
           "add_max_share": variant.add_max_share, "cross_validated": cv,
           "in_sample": score_pages(pages, {p["id"]: decide(p, probs[p["id"]], d, a, variant.add_max_share) for p in pages}, score)}
    arbiter.WEIGHTS.write_text(json.dumps(out) + "\n", encoding="utf-8")
    print(f"wrote {arbiter.WEIGHTS} (drop<{d} add>={a})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
