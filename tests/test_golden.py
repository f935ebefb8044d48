"""cleaner.golden: fixture folders, and which lines and fields differ from a fixture's goldens."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from cleaner import clean
from cleaner.explain import explain
from cleaner.golden import Mark, compare, fixture_folders, load_golden

from .fixture_cases import FIXTURES, cases, golden_meta, render_meta

WIDGETS = FIXTURES / "seed-widgets"


def _explained(folder: Path):  # type: ignore[no-untyped-def]
    golden = load_golden(folder)
    return explain(clean(golden.capture.read_bytes(), url=golden.url, kind=golden.kind, explain=True)), golden


def test_fixture_folders_takes_one_fixture_or_a_folder_of_them(tmp_path: Path) -> None:
    assert fixture_folders(WIDGETS) == [WIDGETS]
    assert WIDGETS in fixture_folders(FIXTURES) and len(fixture_folders(FIXTURES)) >= 5
    with pytest.raises(FileNotFoundError):
        fixture_folders(tmp_path)


def _regenerated(folder: Path, tmp_path: Path) -> Path:
    """A copy of the fixture with goldens written as `make goldens` writes them, from today's code."""
    copy = tmp_path / folder.name
    shutil.copytree(folder, copy)
    case = next(c for c in cases() if c.slug == folder.name)
    doc = case.run()
    (copy / "expected.txt").write_text(doc.text + "\n", encoding="utf-8")
    (copy / "expected.json").write_text(render_meta(golden_meta(doc)), encoding="utf-8")
    return copy


@pytest.mark.parametrize("folder", fixture_folders(FIXTURES), ids=lambda p: p.name)
def test_fresh_goldens_have_no_diff(folder: Path, tmp_path: Path) -> None:
    copy = _regenerated(folder, tmp_path)
    ex, golden = _explained(copy)
    diff = compare(ex, golden)
    assert not diff.differs, diff


def test_changed_lines_and_fields_are_marked(tmp_path: Path) -> None:
    folder = _regenerated(WIDGETS, tmp_path)
    ex, _ = _explained(folder)
    kept = [i for i, b in enumerate(ex.blocks) if b.kept]
    removed = next(i for i, b in enumerate(ex.blocks) if not b.kept and i > kept[-1])
    paragraphs = (folder / "expected.txt").read_text(encoding="utf-8").rstrip("\n").split("\n\n")
    paragraphs[1] = paragraphs[1].upper()  # the golden says something else here
    paragraphs.append(ex.blocks[removed].text)  # the golden keeps a line removed here
    paragraphs.append("A line nothing here produces.")
    (folder / "expected.txt").write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    meta = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    meta["title"], meta["evidence"]["title"] = "Another title", "rule x (line 1)"
    (folder / "expected.json").write_text(json.dumps(meta), encoding="utf-8")

    diff = compare(ex, load_golden(folder))
    assert diff.marks == {kept[1]: Mark.EXTRA, removed: Mark.MISSING}
    assert (kept[1], paragraphs[1]) in diff.absent  # shown before the block that replaced it
    assert (len(ex.blocks), "A line nothing here produces.") in diff.absent
    assert diff.lines == 4
    assert diff.fields == {"title": ("Another title", ex.title)}
    assert set(diff.evidence) == {"title"}
