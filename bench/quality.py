#!/usr/bin/env python3
"""Quality benchmark: the cleaner and its peers on the shared article-extraction bench.

For each capture set (md, txt) every tool reads the same pages in the same run, and
its plain-text output is scored against the human-marked article bodies with the
bench's own score.py. The cleaner's metadata is graded against silver-meta.json.

    python bench/quality.py                       # full run, with peers
    python bench/quality.py --no-peers --limit 20 # quick look
    python bench/quality.py --update-floors       # raise the pinned floors in bench/floors.json

The bench's README describes the data and holds reference figures for the peers.
"""
from __future__ import annotations

import argparse
import gzip
import html
import importlib.util
import json
import math
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import ModuleType
from typing import Any

REPO = Path(__file__).resolve().parents[1]
# Let `python bench/quality.py` import the cleaner from a checkout that is not pip-installed.
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from cleaner import CleanerError, Document, RuleSet, clean, default_rules  # noqa: E402
from cleaner.classify.learned import WEIGHTS  # noqa: E402
from cleaner.lang import detect_language  # noqa: E402
from cleaner.settings import DEFAULT, Settings  # noqa: E402

FLOORS_PATH = Path(__file__).with_name("floors.json")
FLOORS_WHY = (
    "Floors for tests/test_quality_gate.py: the cleaner's F1 on ../shared/bench, rounded down to "
    "2 decimals minus 0.01, so drift in dependencies (py3langid, jusText lists) does not trip the "
    "gate but a real regression does. Raise them with `bench/quality.py --update-floors`; lowering "
    "one needs --allow-lower and a reason in the commit message."
)

Peer = Callable[[str], str]


# ---------------------------------------------------------------- data


@dataclass(frozen=True)
class Page:
    id: str
    url: str
    raw: bytes  # the capture as stored; the cleaner decodes it itself, as it does in production

    @property
    def text(self) -> str:
        """The capture as text, for the peers (the bench stores HTML gzipped, all of it UTF-8)."""
        raw = gzip.decompress(self.raw) if self.raw[:2] == b"\x1f\x8b" else self.raw
        return raw.decode("utf-8")


@dataclass(frozen=True)
class CaptureSet:
    """One form of the pages: the raw HTML, or the page flattened to markdown or text."""

    name: str  # also the bench's folder name
    kind: str  # the cleaner's `kind` argument for these captures
    suffix: str
    peers: Mapping[str, Peer] = field(default_factory=dict)


def import_by_path(name: str, path: Path) -> ModuleType:
    """Import a module from a file that is not on sys.path (the bench's score.py, this script)."""
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot import {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


def read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Bench:
    """The bench folder: its scorer, ground truth, silver metadata and the page ids in play (sorted)."""

    data: Path
    scorer: ModuleType
    records: dict[str, dict[str, str]]
    silver: dict[str, dict[str, Any]]
    ids: list[str]

    @classmethod
    def load(cls, data: Path, limit: int | None = None) -> Bench:
        records = read_json(data / "ground-truth.json")
        return cls(data, import_by_path("bench_score", data / "score.py"), records,
                   read_json(data / "silver-meta.json"), sorted(records)[:limit])

    def truth(self) -> dict[str, str]:
        return {i: self.records[i].get("articleBody") or "" for i in self.ids}

    def pages(self, capture: CaptureSet) -> list[Page]:
        folder = self.data / capture.name
        return [Page(i, self.records[i].get("url") or "", (folder / f"{i}{capture.suffix}").read_bytes()) for i in self.ids]

    def is_empty(self, text: str) -> bool:
        return not self.scorer.tokenize(text)


# ---------------------------------------------------------------- peers

_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")

# ISO 639-1 -> jusText stoplist name, for the languages a news crawl meets most.
_STOPLISTS = {
    "en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian",
    "pt": "Portuguese", "nl": "Dutch", "ru": "Russian", "uk": "Ukrainian", "pl": "Polish",
    "cs": "Czech", "sv": "Swedish", "da": "Danish", "no": "Norwegian_Bokmal", "fi": "Finnish",
    "tr": "Turkish", "id": "Indonesian", "ko": "Korean", "ro": "Romanian", "hu": "Hungarian",
    "el": "Greek", "vi": "Vietnamese", "ar": "Arabic", "fa": "Persian", "hi": "Hindi",
}


def keep_everything(text: str) -> str:
    return text


def strip_link_urls(markdown: str) -> str:
    # Images first, so a linked image [![alt](src)](href) disappears whole.
    return _LINK.sub(r"\1", _IMAGE.sub("", markdown))


def lines_as_paragraphs(text: str) -> str:
    """Wrap each non-blank line as a <p>: the only structure a flattened capture still has."""
    body = "".join(f"<p>{html.escape(line)}</p>\n" for line in text.splitlines() if line.strip())
    return f"<html><body>\n{body}</body></html>"


def justext_lines(text: str, language: str = "en") -> str:
    import justext

    stoplist = justext.get_stoplist(_STOPLISTS.get(language, "English"))
    paragraphs = justext.justext(lines_as_paragraphs(text), stoplist)
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def justext_lines_page_language(text: str) -> str:
    import py3langid

    return justext_lines(text, str(py3langid.classify(text)[0]))


def trafilatura_html(page_html: str) -> str:
    import trafilatura

    return trafilatura.extract(page_html, include_comments=False) or ""


def readability_html(page_html: str) -> str:
    """readability-lxml's article HTML, as text (its text nodes joined by spaces)."""
    import lxml.html
    from readability import Document as ReadabilityDocument

    summary = ReadabilityDocument(page_html).summary(html_partial=True)
    return " ".join(lxml.html.fromstring(summary).itertext())


def resiliparse_html(page_html: str) -> str:
    from resiliparse.extract.html2text import extract_plain_text

    return extract_plain_text(page_html, main_content=True)


def trafilatura_markdown(markdown: str) -> str:
    from markdown_it import MarkdownIt

    return trafilatura_html(MarkdownIt().render(markdown))


def trafilatura_lines(text: str) -> str:
    return trafilatura_html(lines_as_paragraphs(text))


# The reference table in the bench README uses the English stoplist for every page;
# the second jusText row gives jusText the page's own language, as the cleaner has.
JUSTEXT_EN = "jusText on lines"
JUSTEXT_LANG = "jusText on lines, stoplist by py3langid"

CAPTURE_SETS: dict[str, CaptureSet] = {
    "html": CaptureSet("html", "html", ".html.gz", {
        "trafilatura, include_comments=False": trafilatura_html,
        "readability-lxml": readability_html,
        "resiliparse (main content)": resiliparse_html,
    }),
    "md": CaptureSet("md", "markdown", ".md", {
        "keep everything": keep_everything,
        "keep everything, link URLs stripped": strip_link_urls,
        JUSTEXT_EN: justext_lines,
        JUSTEXT_LANG: justext_lines_page_language,
        "trafilatura on the markdown rendered to HTML": trafilatura_markdown,
    }),
    "txt": CaptureSet("txt", "text", ".txt", {
        "keep everything": keep_everything,
        JUSTEXT_EN: justext_lines,
        JUSTEXT_LANG: justext_lines_page_language,
        "trafilatura on lines wrapped as paragraphs": trafilatura_lines,
    }),
}


# ---------------------------------------------------------------- running tools


@dataclass(frozen=True)
class CleanerVariant:
    label: str
    floor_suffix: str  # floors.json key = capture set name + this
    no_default_rules: bool
    learned: bool = True  # False: the heuristic passes alone, without the trained layer
    kinds: tuple[str, ...] = ("html", "markdown", "text")  # the capture kinds this row means something for

    def settings(self) -> Settings:
        return DEFAULT if self.learned else replace(DEFAULT, use_learned_model=False)

    def rules(self) -> RuleSet:
        return RuleSet() if self.no_default_rules else default_rules()


CLEANER_VARIANTS = (
    CleanerVariant("cleaner", "", no_default_rules=False),
    CleanerVariant("cleaner --no-default-rules", "_no_default_rules", no_default_rules=True),
    # The learned layer was trained on these pages, so this row shows what the
    # untrained heuristics give; the cross-validated figures are printed above the tables.
    # HTML captures never reach the text classifier's learned layer (settings.html_judge).
    CleanerVariant("cleaner, heuristics only (no learned layer)", "_heuristics_only", no_default_rules=False, learned=False,
                   kinds=("markdown", "text")),
)


def gated() -> list[tuple[str, str, CleanerVariant]]:
    """(floors.json key, capture set, cleaner variant) for every pinned floor."""
    return [(name + v.floor_suffix, name, v) for name, c in CAPTURE_SETS.items() for v in CLEANER_VARIANTS if c.kind in v.kinds]


@dataclass
class Run:
    tool: str
    predictions: dict[str, str]
    seconds: float
    variant: CleanerVariant | None = None  # None for peers
    errors: int = 0
    docs: dict[str, Document] = field(default_factory=dict)  # cleaner runs only, for metadata
    metrics: dict[str, float] = field(default_factory=dict)

    @property
    def docs_per_s(self) -> float | None:
        return len(self.predictions) / self.seconds if self.seconds else None


def warm_up(call: Callable[[], object]) -> None:
    """Run a tool once untimed, so one-time start-up (the language model, lazy imports) is not charged to docs/s."""
    try:
        call()
    except CleanerError:
        pass


def run_cleaner(variant: CleanerVariant, pages: Sequence[Page], kind: str) -> Run:
    """Clean every page; a CleanerError (bad input) counts as an empty prediction."""
    rules = variant.rules()
    settings = variant.settings()
    run = Run(variant.label, {}, 0.0, variant)
    if pages:
        warm_up(lambda: clean(pages[0].raw, kind=kind, rules=rules, settings=settings))
        # An HTML page that declares its language skips the model: load it here all the same.
        warm_up(lambda: detect_language("Warm-up: the language model loads before the clock starts."))
    start = time.perf_counter()
    for page in pages:
        try:
            # The URL is what a crawler knows at capture time; host-scoped rules need it.
            doc = clean(page.raw, kind=kind, rules=rules, url=page.url or None, settings=settings)
        except CleanerError:
            run.errors += 1
            run.predictions[page.id] = ""
            continue
        run.docs[page.id] = doc
        run.predictions[page.id] = doc.text
    run.seconds = time.perf_counter() - start
    return run


def run_peer(label: str, pages: Sequence[Page], peer: Peer) -> Run:
    texts = [(page.id, page.text) for page in pages]  # decode outside the timed loop
    if texts:
        warm_up(lambda: peer(texts[0][1]))
    start = time.perf_counter()
    predictions = {page_id: peer(text) for page_id, text in texts}
    return Run(label, predictions, time.perf_counter() - start)


def cleaner_f1(data: Path, capture: str, variant: CleanerVariant) -> float:
    """F1 of one cleaner configuration on one capture set, without peers or bootstrap (for the gate test)."""
    bench = Bench.load(data)
    run = run_cleaner(variant, bench.pages(CAPTURE_SETS[capture]), CAPTURE_SETS[capture].kind)
    return float(bench.scorer.score(bench.truth(), run.predictions, n_bootstrap=0)["f1"])


# ---------------------------------------------------------------- metadata


def words(text: str | None) -> list[str]:
    return re.findall(r"\w+", (text or "").lower())


def token_f1(a: str | None, b: str | None) -> float:
    ta, tb = Counter(words(a)), Counter(words(b))
    common = sum((ta & tb).values())
    if not common:
        return 0.0
    p, r = common / sum(ta.values()), common / sum(tb.values())
    return 2 * p * r / (p + r)


def silver_author_names(entries: Sequence[str] | None) -> list[list[str]]:
    """Each silver author as its tokens, without "by" and without entries that are profile URLs."""
    names = []
    for entry in entries or []:
        if re.match(r"\s*(https?:|www\.)", entry, re.I):
            continue
        tokens = [t for t in words(entry) if t != "by"]
        if tokens:
            names.append(tokens)
    return names


def silver_date(value: str | None) -> str | None:
    """The silver date when it is a real ISO date: the file also holds truncated human dates
    ("Mon, 18 No") and the CMS placeholder 0001-01-01, which grade nothing."""
    if value and re.match(r"(19|20)\d\d-\d\d-\d\d", value):
        return value[:10]
    return None


def date_ok(doc: Document, silver: str) -> bool:
    return bool(doc.date) and doc.date[:10] == silver


def title_ok(doc: Document, silver: str) -> bool:
    return token_f1(doc.title, silver) >= 0.8


def authors_ok(doc: Document, silver: list[list[str]]) -> bool:
    found = set(words(" ".join([doc.byline or "", *doc.authors])))
    return any(all(t in found for t in name) for name in silver)


def language_code(code: str | None) -> str:
    return re.split(r"[-_]", (code or "").strip().lower())[0]


def language_ok(doc: Document, silver: str) -> bool:
    return language_code(doc.language) == language_code(silver)


# field -> (how to read a usable label from a silver record, how to check the cleaner's Document)
META_CHECKS: dict[str, tuple[Callable[[Mapping[str, Any]], Any], Callable[[Document, Any], bool]]] = {
    "date": (lambda m: silver_date(m.get("date")), date_ok),
    "title": (lambda m: m.get("title") or None, title_ok),
    "authors": (lambda m: silver_author_names(m.get("authors")) or None, authors_ok),
    "language": (lambda m: m.get("language") or None, language_ok),
}


def metadata_accuracy(run: Run, silver: Mapping[str, Mapping[str, Any]]) -> dict[str, dict[str, int]]:
    """Per field: how many pages carry a silver label, and on how many the cleaner agrees."""
    out = {}
    for name, (label_of, check) in META_CHECKS.items():
        labelled = correct = 0
        for page_id in run.predictions:
            label = label_of(silver.get(page_id, {}))
            if label is None:
                continue
            labelled += 1
            doc = run.docs.get(page_id)  # missing when the cleaner raised: counts as wrong
            correct += bool(doc and check(doc, label))
        out[name] = {"labelled": labelled, "correct": correct}
    return out


def trafilatura_metadata(html_page: str, url: str | None) -> Document:
    """trafilatura's metadata (its extract_metadata, as bare_extraction runs it) as a Document:
    author goes to byline and, split on ';', to authors. It reads the language only from
    markup (<html lang>, og:locale), which a flattened capture no longer has."""
    from trafilatura.metadata import extract_metadata

    found = extract_metadata(html_page, default_url=url)
    author = getattr(found, "author", None) or None
    return Document(title=getattr(found, "title", None), byline=author,
                    authors=[a.strip() for a in (author or "").split(";") if a.strip()],
                    date=getattr(found, "date", None), site=getattr(found, "sitename", None),
                    language=getattr(found, "language", None))


def markdown_html(markdown: str) -> str:
    from markdown_it import MarkdownIt

    return MarkdownIt().render(markdown)


# capture set -> how its captures become the HTML trafilatura reads (the same as its text peer)
META_PEER_HTML: dict[str, Callable[[str], str]] = {"html": keep_everything, "md": markdown_html, "txt": lines_as_paragraphs}
META_PEER = "trafilatura"


def run_metadata_peer(pages: Sequence[Page], capture: CaptureSet) -> Run:
    """trafilatura's metadata on the same captures (and URLs) the cleaner reads."""
    to_html = META_PEER_HTML[capture.name]
    run = Run(META_PEER, {}, 0.0)
    start = time.perf_counter()
    for page in pages:
        run.docs[page.id] = trafilatura_metadata(to_html(page.text), page.url or None)
        run.predictions[page.id] = ""
    run.seconds = time.perf_counter() - start
    return run


def non_english_empty(bench: Bench, run: Run) -> tuple[int, int]:
    """(empty outputs, pages) among pages whose silver language is known and not English."""
    foreign = [i for i in run.predictions if language_code(bench.silver.get(i, {}).get("language")) not in ("", "en")]
    return sum(1 for i in foreign if bench.is_empty(run.predictions[i])), len(foreign)


# ---------------------------------------------------------------- report


def measure_set(bench: Bench, capture: CaptureSet, peers: bool) -> list[Run]:
    """Every tool on the same pages of one capture set, scored with bootstrap."""
    pages = bench.pages(capture)
    runs = [run_cleaner(v, pages, capture.kind) for v in CLEANER_VARIANTS if capture.kind in v.kinds]
    if peers:
        runs += [run_peer(label, pages, peer) for label, peer in capture.peers.items()]
    truth = bench.truth()
    for run in runs:
        run.metrics = bench.scorer.score(truth, run.predictions)
    return runs


def score_table(runs: Sequence[Run]) -> str:
    lines = ["| tool | F1 | P | R | empty | docs/s |", "|---|---|---|---|---|---|"]
    for run in runs:
        m = run.metrics
        rate = "-" if run.docs_per_s is None else f"{run.docs_per_s:,.0f}"
        lines.append(f"| {run.tool} | {m['f1']:.3f} ± {m['f1_std']:.3f} | {m['precision']:.3f} | {m['recall']:.3f} "
                     f"| {m['n_empty']} | {rate} |")
    return "\n".join(lines)


def cleaner_notes(bench: Bench, runs: Sequence[Run]) -> str:
    lines = []
    for run in runs:
        empty, foreign = non_english_empty(bench, run)
        lines.append(f"{run.tool}: {empty} of {foreign} non-English pages (silver-meta language) came out empty")
        if run.errors:
            lines.append(f"{run.tool}: {run.errors} pages raised CleanerError (scored as empty)")
    return "\n".join(lines)


def metadata_table(columns: Mapping[str, Mapping[str, Mapping[str, int]]]) -> str:
    """One row per field: how many pages carry a label, then each tool's correct count and accuracy."""
    tools = list(columns)
    lines = ["| field | labelled | " + " | ".join(tools) + " |", "|---|---|" + "---|" * len(tools)]
    for name in META_CHECKS:
        labelled = next(iter(columns.values()))[name]["labelled"]
        cells = []
        for tool in tools:
            c = columns[tool][name]
            accuracy = c["correct"] / c["labelled"] if c["labelled"] else 0.0
            cells.append(f"{accuracy:.3f} ({c['correct']})")
        lines.append(f"| {name} | {labelled} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def report_set(bench: Bench, capture: CaptureSet, runs: Sequence[Run]) -> dict[str, Any]:
    """Print one capture set's tables; return its figures for --json and --update-floors."""
    cleaners = [run for run in runs if run.variant is not None]
    meta = metadata_accuracy(next(run for run in cleaners if run.variant and not run.variant.no_default_rules), bench.silver)
    columns = {"cleaner": meta}
    if any(run.variant is None for run in runs):  # peers ran: trafilatura's metadata on the same captures
        columns[META_PEER] = metadata_accuracy(run_metadata_peer(bench.pages(capture), capture), bench.silver)
    print(f"\n## {capture.name} ({len(bench.ids)} pages)\n")
    print(score_table(runs))
    print()
    print(cleaner_notes(bench, cleaners))
    print(f"\nmetadata on {capture.name}, against silver-meta.json (accuracy, correct pages in brackets; "
          f"trafilatura reads the {capture.name} captures as its text peer does, with the same URLs):\n")
    print(metadata_table(columns))
    return {
        "tools": {run.tool: {**run.metrics, "docs_per_s": run.docs_per_s, "errors": run.errors} for run in runs},
        "gated_f1": {capture.name + run.variant.floor_suffix: run.metrics["f1"] for run in cleaners if run.variant},
        "metadata": meta,
        "metadata_peers": {tool: figures for tool, figures in columns.items() if tool != "cleaner"},
    }


# ---------------------------------------------------------------- floors


def floor_for(f1: float) -> float:
    """Measured F1 rounded down to 2 decimals, minus 0.01 of headroom."""
    return round(math.floor(f1 * 100 + 1e-9) / 100 - 0.01, 2)


def read_floors(path: Path = FLOORS_PATH) -> dict[str, Any]:
    return read_json(path) if path.exists() else {}


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


# ---------------------------------------------------------------- command line


def positive_int(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=Path("../shared/bench"),
                    help="bench folder (default ../shared/bench, relative to the current directory)")
    ap.add_argument("--only", default=",".join(CAPTURE_SETS),
                    help=f"comma-separated capture sets out of {','.join(CAPTURE_SETS)} (default: all)")
    ap.add_argument("--no-peers", action="store_true", help="skip the peer tools (the slow part)")
    ap.add_argument("--json", type=Path, metavar="OUT", help="also write the figures as JSON")
    ap.add_argument("--limit", type=positive_int, metavar="N", help="only the first N pages in sorted order")
    ap.add_argument("--update-floors", action="store_true", help=f"raise the floors in {FLOORS_PATH.name} to the measured F1")
    ap.add_argument("--allow-lower", action="store_true", help="with --update-floors: also lower floors")
    args = ap.parse_args(argv)
    args.sets = [s.strip() for s in args.only.split(",") if s.strip()]
    unknown = [s for s in args.sets if s not in CAPTURE_SETS]
    if unknown:
        ap.error(f"--only: unknown or unsupported capture set(s) {unknown}; choose from {list(CAPTURE_SETS)}")
    if args.update_floors and args.limit is not None:
        ap.error("--update-floors needs the whole bench; drop --limit")
    if args.allow_lower and not args.update_floors:
        ap.error("--allow-lower only makes sense with --update-floors")
    return args


def learned_layer_note() -> str:
    """The learned layer saw these pages in training: its held-out figures come from
    bench/train.py's k-fold cross-validation by site, recorded beside the weights."""
    if not WEIGHTS.is_file():
        return "\nlearned layer: none shipped"
    model = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    cv = ", ".join(f"{k} F1 {v['f1']:.3f} (P {v['precision']:.3f}, R {v['recall']:.3f})" for k, v in model.get("cross_validated", {}).items())
    return (f"\nNote: the learned layer was trained on {model.get('trained_on', 'these pages')}, so the `cleaner` rows"
            f" below include training pages. Held-out figures (5-fold cross-validation by site, bench/train.py): {cv}.")


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    data = args.data.resolve()
    if not (data / "ground-truth.json").exists():
        print(f"no benchmark data at {data} (expected ground-truth.json there)", file=sys.stderr)
        return 2
    bench = Bench.load(data, args.limit)
    print(f"# cleaner quality on {data} ({len(bench.ids)} pages, score.py metric)")
    print(learned_layer_note())
    figures = {}
    for name in args.sets:
        capture = CAPTURE_SETS[name]
        figures[name] = report_set(bench, capture, measure_set(bench, capture, peers=not args.no_peers))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"data": str(data), "pages": len(bench.ids), "sets": figures}, indent=2) + "\n",
                             encoding="utf-8")
    if args.update_floors:
        print()
        measured = {key: f1 for f in figures.values() for key, f1 in f["gated_f1"].items()}
        return 0 if update_floors(measured, args.allow_lower) else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
