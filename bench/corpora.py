"""The development corpora the quality bench reads: the folder layout, ground truth and metadata labels.

Two layouts are known. `../shared/bench` (181 news pages) ships its own score.py and
silver-meta.json (machine-made metadata labels). `../shared/wcxb-dev` (1,497 pages of seven
page types) has no scorer of its own: it is scored with the first corpus's score.py, as its
README says, and its title, author and date labels are human-reviewed fields of
ground-truth.json, with a page_type per page.
"""
from __future__ import annotations

import gzip
import importlib.util
import json
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

# The corpora the bench scripts read when no --data is given, from the project's folder.
DEFAULT_FOLDERS = (Path("../shared/bench"), Path("../shared/wcxb-dev"))


def add_data_argument(ap: Any) -> None:
    """The --data option of the scripts that read one or more corpora (argparse parser ap)."""
    ap.add_argument("--data", type=Path, action="append", help="a corpus folder (give it once per corpus)")


def data_folders(data: Sequence[Path] | None) -> list[Path]:
    """The folders --data named, or DEFAULT_FOLDERS."""
    return list(data or DEFAULT_FOLDERS)


def import_by_path(name: str, path: Path) -> ModuleType:
    """Import a module from a file that is not on sys.path (the bench's score.py)."""
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
class Page:
    id: str
    url: str
    raw: bytes  # the capture as stored; the cleaner decodes it itself, as it does in production

    @property
    def text(self) -> str:
        """The capture as text, for the peers (HTML is stored gzipped). A stray byte that is not
        UTF-8 becomes U+FFFD rather than stopping the run."""
        raw = gzip.decompress(self.raw) if self.raw[:2] == b"\x1f\x8b" else self.raw
        return raw.decode("utf-8", errors="replace")


def find_scorer(folders: Sequence[Path]) -> Path:
    """The score.py to use for every corpus: the first corpus folder that ships one
    (wcxb-dev does not; its README says to score with ../bench/score.py), else a sibling bench/."""
    for folder in folders:
        if (folder / "score.py").is_file():
            return folder / "score.py"
    for folder in folders:
        if (folder.parent / "bench" / "score.py").is_file():
            return folder.parent / "bench" / "score.py"
    raise FileNotFoundError(f"no score.py in {[str(f) for f in folders]} nor in a sibling bench/ folder")


@dataclass(frozen=True)
class Corpus:
    """One corpus folder: its ground truth, metadata labels and the page ids in play (sorted)."""

    name: str  # the folder's name: "bench", "wcxb-dev"
    data: Path
    scorer: ModuleType
    records: dict[str, dict[str, Any]]
    silver: dict[str, dict[str, Any]]  # bench only: silver-meta.json; empty for wcxb-dev
    ids: list[str]

    @classmethod
    def load(cls, data: Path, scorer: ModuleType, limit: int | None = None,
             types: Sequence[str] | None = None, step: int = 1) -> Corpus:
        """`types` keeps only pages of those page types (wcxb-dev); `step` keeps every step-th
        page in sorted order (the gate's fixed subset); `limit` keeps the first N after that."""
        records = read_json(data / "ground-truth.json")
        silver_path = data / "silver-meta.json"
        silver = read_json(silver_path) if silver_path.is_file() else {}
        ids = sorted(records)
        if types:
            ids = [i for i in ids if records[i].get("page_type") in types]
        ids = ids[::step][:limit]
        return cls(data.name, data, scorer, records, silver, ids)

    @property
    def has_page_types(self) -> bool:
        return any("page_type" in self.records[i] for i in self.ids)

    @property
    def page_types(self) -> list[str]:
        """Page types present, largest first (ties by name), so the table reads like the README's."""
        counts: dict[str, int] = {}
        for i in self.ids:
            kind = self.records[i].get("page_type")
            if kind:
                counts[kind] = counts.get(kind, 0) + 1
        return sorted(counts, key=lambda k: (-counts[k], k))

    def page_type(self, page_id: str) -> str | None:
        return self.records[page_id].get("page_type")

    @property
    def has_human_meta(self) -> bool:
        """wcxb-dev's ground truth carries human-reviewed title/author/date fields."""
        return any("title" in self.records[i] for i in self.ids) and not self.silver

    def truth(self) -> dict[str, str]:
        return {i: self.records[i].get("articleBody") or "" for i in self.ids}

    def capture_path(self, folder: str, suffix: str, page_id: str) -> Path:
        return self.data / folder / f"{page_id}{suffix}"

    def pages(self, folder: str, suffix: str) -> list[Page]:
        return [Page(i, self.records[i].get("url") or "", self.capture_path(folder, suffix, i).read_bytes())
                for i in self.ids]

    def worst(self, loss: Mapping[str, float], n: int) -> list[str]:
        """The n pages with a body whose loss (by page id) is largest. Pages whose truth is empty
        score 1 for an empty output and 0 for any: they say which reading printed something,
        not which read the page better."""
        truth = self.truth()
        return sorted((i for i in self.ids if not self.is_empty(truth[i])), key=lambda i: -loss[i])[:n]

    def is_empty(self, text: str) -> bool:
        return not self.scorer.tokenize(text)


def stress_readings(folders: Sequence[Path], read: Any, folder: str, suffix: str, jobs: int, what: str, truth_of: Any = None) -> Any:
    """For each corpus, the readings of a stress test: `read` maps a Page to (its id, {reading:
    text}); prints each reading's F1, P and R as a table and yields (the corpus, {reading:
    {page id: F1}}). `truth_of`, if given, maps each truth text as the test maps the pages.
    The stress tests (older_markup.py, wrapped_markdown.py, other_script.py) share it."""
    from concurrent.futures import ProcessPoolExecutor

    scorer = import_by_path("score", find_scorer(folders))
    for data in folders:
        corpus = Corpus.load(data, scorer)
        truth = corpus.truth()
        if truth_of is not None:
            truth = {i: truth_of(text) for i, text in truth.items()}
        with ProcessPoolExecutor(max(1, jobs)) as pool:
            outputs = dict(pool.map(read, corpus.pages(folder, suffix), chunksize=4))
        print(f"\n{corpus.name}: {len(corpus.ids)} {what}\n")
        print("| reading | F1 | P | R |\n|---|---|---|---|")
        per_page: dict[str, dict[str, float]] = {}
        for run in next(iter(outputs.values())):
            predictions = {i: outputs[i][run] for i in corpus.ids}
            metrics = scorer.score(truth, predictions, n_bootstrap=0)
            print(f"| {run} | {metrics['f1']:.4f} | {metrics['precision']:.4f} | {metrics['recall']:.4f} |")
            per_page[run] = {i: figures["f1"] for i, figures in scorer.per_doc(truth, predictions).items()}
        yield corpus, per_page
