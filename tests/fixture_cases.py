"""The fixture registry: every folder under fixtures/ with a capture.* file is a case."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from cleaner import Document, clean

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
# Metadata fields kept in expected.json (the body lives in expected.txt).
META_FIELDS = ("kind", "title", "subtitle", "byline", "authors", "date", "dateline", "site", "language", "removed")
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "\u00a0": " "})


@dataclass
class Case:
    slug: str
    folder: Path
    capture: Path
    spec: dict[str, Any]

    def run(self) -> Document:
        return clean(self.capture.read_bytes(), url=self.spec.get("url"), kind=self.spec.get("kind", "auto"), source=f"fixtures/{self.slug}/{self.capture.name}")


def cases() -> list[Case]:
    found = []
    for folder in sorted(p for p in FIXTURES.iterdir() if p.is_dir()):
        captures = sorted(folder.glob("capture.*"))
        if len(captures) != 1:
            raise RuntimeError(f"{folder}: needs exactly one capture.* file, found {len(captures)}")
        spec = yaml.safe_load((folder / "case.yaml").read_text(encoding="utf-8")) or {}
        found.append(Case(folder.name, folder, captures[0], spec))
    return found


def normalize(text: str) -> str:
    """Ignore whitespace differences and curly versus straight quotes."""
    return re.sub(r"\s+", " ", (text or "").translate(_QUOTES)).strip()


def golden_meta(doc: Document) -> dict[str, Any]:
    data = doc.to_dict(evidence=True)
    out = {k: data[k] for k in META_FIELDS}
    out["evidence"] = data["evidence"]
    return out


def render_meta(meta: dict[str, Any]) -> str:
    return json.dumps(meta, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
