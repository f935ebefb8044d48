"""A fixture's goldens (fixtures/<slug>/) against a fresh explanation: which lines and fields differ.

The layout is the one tests/fixture_cases.py reads: one capture.* file, expected.txt (the
body), expected.json (metadata and evidence), and case.yaml (its `url` and `kind`, if any).
"""
from __future__ import annotations

import difflib
import enum
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .explain import Explanation


@dataclass(frozen=True)
class Golden:
    folder: Path
    capture: Path
    url: str | None
    kind: str
    text: str  # expected.txt
    meta: dict[str, Any]  # expected.json


class Mark(enum.Enum):
    EXTRA = "extra"  # kept here, not in the golden body
    MISSING = "missing"  # removed here, the golden body keeps it


@dataclass
class GoldenDiff:
    marks: dict[int, Mark] = field(default_factory=dict)  # index into Explanation.blocks -> mark
    # Golden lines that match no block here: (the block index they belong before, the line).
    absent: list[tuple[int, str]] = field(default_factory=list)
    # name -> (golden, here), for the differing ones only: values, then evidence strings.
    fields: dict[str, tuple[Any, Any]] = field(default_factory=dict)
    evidence: dict[str, tuple[Any, Any]] = field(default_factory=dict)

    @property
    def lines(self) -> int:
        """Body lines that differ: kept but not golden, golden but not kept."""
        return len(self.marks) + len(self.absent)

    @property
    def differs(self) -> bool:
        return bool(self.lines or self.fields or self.evidence)


def fixture_folders(path: str | Path) -> list[Path]:
    """A fixture folder (it holds a capture.* file), or a folder of them, such as fixtures/."""
    path = Path(path)
    if any(path.glob("capture.*")):
        return [path]
    found = sorted(p for p in path.iterdir() if p.is_dir() and any(p.glob("capture.*")))
    if not found:
        raise FileNotFoundError(f"{path}: no capture.* file here or in its subfolders")
    return found


def load_golden(folder: Path) -> Golden:
    captures = sorted(folder.glob("capture.*"))
    if len(captures) != 1:
        raise FileNotFoundError(f"{folder}: needs exactly one capture.* file, found {len(captures)}")
    case = folder / "case.yaml"
    spec = (yaml.safe_load(case.read_text(encoding="utf-8")) or {}) if case.exists() else {}
    expected_txt, expected_json = folder / "expected.txt", folder / "expected.json"
    text = expected_txt.read_text(encoding="utf-8") if expected_txt.exists() else ""
    meta = json.loads(expected_json.read_text(encoding="utf-8")) if expected_json.exists() else {}
    return Golden(folder, captures[0], spec.get("url"), spec.get("kind", "auto"), text, meta)


def compare(ex: Explanation, golden: Golden) -> GoldenDiff:
    """Line diff of the kept body against expected.txt, and field diff against expected.json."""
    diff = GoldenDiff()
    # Lines are compared without their indentation: the body writes a code block's lines
    # indented (render.text_lines), the block's own text does not.
    got = [(i, line.strip()) for i, b in enumerate(ex.blocks) if b.kept for line in b.text.split("\n") if line.strip()]
    want = [line.strip() for line in golden.text.split("\n") if line.strip()]
    matcher = difflib.SequenceMatcher(None, want, [line for _, line in got], autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        for j in range(j1, j2):
            diff.marks[got[j][0]] = Mark.EXTRA
        # Golden lines missing here belong between the kept blocks around this spot: a removed
        # block there with the same text is the one the golden keeps.
        low = got[j1 - 1][0] + 1 if j1 > 0 else 0
        high = got[j1][0] if j1 < len(got) else len(ex.blocks)
        for line in want[i1:i2]:
            twin = next((k for k in range(low, high) if not ex.blocks[k].kept and ex.blocks[k].text == line and k not in diff.marks), None)
            if twin is not None:
                diff.marks[twin] = Mark.MISSING
            else:
                diff.absent.append((high, line))
    diff.fields, diff.evidence = _field_diff(ex, golden.meta)
    return diff


def _field_diff(ex: Explanation, meta: dict[str, Any]) -> tuple[dict[str, tuple[Any, Any]], dict[str, tuple[Any, Any]]]:
    values: dict[str, Any] = {f.name: f.value for f in ex.fields}
    values["kind"] = ex.kind
    values["removed"] = len(ex.dropped)
    fields = {}
    for name, want in meta.items():
        if name == "evidence":
            continue
        if isinstance(want, list):
            want = ", ".join(want) or None
        if want != values.get(name):
            fields[name] = (want, values.get(name))
    evidence = {}
    if "evidence" in meta:
        got = {f.name: str(f.evidence) for f in ex.fields if f.evidence is not None}
        for name in sorted(meta["evidence"].keys() | got.keys()):
            if meta["evidence"].get(name) != got.get(name):
                evidence[name] = (meta["evidence"].get(name), got.get(name))
    return fields, evidence
