"""cleaner.report and `clean report`: the page's structure on the seed fixtures, folders, limits."""
from __future__ import annotations

import json
import re
import shutil
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

import lxml.html
import pytest
from click.testing import CliRunner

from cleaner import clean, default_rules, report
from cleaner.cli import main
from cleaner.explain import BlockRecord, Explanation, explain
from cleaner.model import BlockKind, Drop, DropSource
from cleaner.report import Entry, check_output, write_report

from .fixture_cases import FIXTURES, cases

SEEDS = [c for c in cases() if c.slug.startswith("seed-")]


def _run(case):  # type: ignore[no-untyped-def]
    return clean(case.capture.read_bytes(), url=case.spec.get("url"), kind=case.spec.get("kind", "auto"), explain=True, source=str(case.capture))


@pytest.fixture(scope="module")
def seeds() -> list[Entry]:
    return [Entry(str(c.capture), explain(_run(c))) for c in SEEDS]


@pytest.fixture(scope="module")
def page(seeds: list[Entry], tmp_path_factory: pytest.TempPathFactory) -> tuple[str, lxml.html.HtmlElement]:
    out = tmp_path_factory.mktemp("report") / "report.html"
    assert write_report(seeds, default_rules(), out) == [out]
    html = out.read_text(encoding="utf-8")
    return html, lxml.html.fromstring(html)


def _text(el) -> str:  # type: ignore[no-untyped-def]
    return " ".join(el.text_content().split())


# --- one file on the seeds ------------------------------------------------------------------------------


def test_every_removed_block_appears_struck_through_with_its_reason(seeds: list[Entry], page) -> None:  # type: ignore[no-untyped-def]
    _, root = page
    for n, entry in enumerate(seeds, 1):
        assert entry.explanation is not None
        for i, block in enumerate(entry.explanation.blocks):
            el = root.get_element_by_id(f"c{n}-b{i}")
            classes = el.get("class").split()
            if block.kept:
                assert "kept" in classes and not el.cssselect("del")
                assert _text(el.cssselect("p.t")[0]) == " ".join(block.text.split())
                continue
            assert "removed" in classes and f"s-{block.drop.source.value}" in classes
            assert _text(el.cssselect("p.t del")[0]) == " ".join(block.text.split())
            why = _text(el.cssselect("p.why")[0])
            assert block.drop.reason in why and block.drop.source.value in why  # the word, not only the colour
            assert el.cssselect("details > summary")


def test_kept_text_is_on_the_page(seeds: list[Entry], page) -> None:  # type: ignore[no-untyped-def]
    _, root = page
    kept_on_page = " ".join(_text(p) for p in root.cssselect("div.b.kept p.t"))
    for c in SEEDS:
        for paragraph in (c.folder / "expected.txt").read_text(encoding="utf-8").split("\n\n"):
            assert " ".join(paragraph.split()) in kept_on_page, f"{c.slug}: {paragraph[:60]!r}"


def test_index_has_one_row_per_capture(seeds: list[Entry], page) -> None:  # type: ignore[no-untyped-def]
    _, root = page
    rows = root.cssselect("#index tbody tr")
    assert len(rows) == len(seeds)
    for n, (row, entry) in enumerate(zip(rows, seeds), 1):
        ex = entry.explanation
        cells = [_text(td) for td in row.cssselect("td")]
        assert row.cssselect("a")[0].get("href") == f"#c{n}"
        if ex.title:
            assert ex.title in cells[0]
        assert entry.source in cells[0]
        assert cells[1:5] == [ex.kind, ex.language, str(ex.words_kept), str(ex.words_removed)]


def test_summary_counts_every_loaded_rule_and_every_classifier_reason(seeds: list[Entry], page) -> None:  # type: ignore[no-untyped-def]
    _, root = page
    rules = default_rules()
    ids = {r.id for r in rules}
    want = Counter(b.drop.reason for e in seeds for b in e.explanation.dropped if b.drop.source is DropSource.RULE or b.drop.reason in ids)
    table = root.cssselect("#summary table")[1]
    got = {}
    for row in table.cssselect("tbody tr"):
        rule_id = _text(row.cssselect("th code")[0])
        got[rule_id] = int(_text(row.cssselect("td")[2]))
        if got[rule_id] == 0 and int(_text(row.cssselect("td")[3])) == 0:
            assert "never fired" in _text(row)
    assert set(got) == ids  # zeros included
    assert {k: v for k, v in got.items() if v} == dict(want)

    want = Counter(b.drop.reason for e in seeds for b in e.explanation.dropped if b.drop.source is DropSource.CLASSIFIER)
    table = root.cssselect("#summary table")[2]
    got = {_text(row.cssselect("th")[0]): int(_text(row.cssselect("td")[0])) for row in table.cssselect("tbody tr") if row.cssselect("th")}
    assert got == dict(want)


def test_self_contained_no_script_no_network(page) -> None:  # type: ignore[no-untyped-def]
    html, root = page
    assert not root.cssselect("script, link, iframe, img, object, embed")
    style = "".join(s.text_content() for s in root.cssselect("style"))
    assert "url(" not in style and "@import" not in style and "@font-face" not in style
    for el in root.iter():
        for attr in ("src", "href", "srcset", "data", "action"):
            value = el.get(attr)
            if value is not None:
                assert not urlsplit(value).scheme and not value.startswith("//"), f"<{el.tag} {attr}={value!r}>"
    assert not re.search(r"https?://", style)


def test_semantic_and_keyboard_friendly(seeds: list[Entry], page) -> None:  # type: ignore[no-untyped-def]
    _, root = page
    assert root.get("lang") == "en"
    assert len(root.cssselect("h1")) == 1 and root.cssselect("h2")
    assert all(th.get("scope") in ("col", "row") for th in root.cssselect("th"))
    assert all(t.cssselect("caption") for t in root.cssselect("table"))
    ids = {el.get("id") for el in root.iter() if el.get("id")}
    for a in root.cssselect("a[href^='#']"):
        assert a.get("href")[1:] in ids, a.get("href")  # every in-page link lands somewhere
    for n, entry in enumerate(seeds, 1):
        assert root.get_element_by_id(f"c{n}").cssselect("div.blocks")[0].get("lang") == entry.explanation.language
    # relative units only: no fixed pixel sizes that would stop the page from reflowing at 200% zoom
    style = "".join(s.text_content() for s in root.cssselect("style"))
    assert not re.search(r"\d px|\dpx", style)


def test_metadata_table_shows_each_fields_evidence(seeds: list[Entry], page) -> None:  # type: ignore[no-untyped-def]
    _, root = page
    for n, entry in enumerate(seeds, 1):
        table = root.get_element_by_id(f"c{n}").cssselect("table")[0]
        rows = {_text(r.cssselect("th")[0]): [_text(td) for td in r.cssselect("td")] for r in table.cssselect("tbody tr")}
        for f in entry.explanation.fields:
            if f.evidence is not None:
                assert rows[f.name] == [str(f.value) if f.value else "–", str(f.evidence)]


# --- warnings, folders, limits ----------------------------------------------------------------------------


def _synthetic(kept_words: int, removed_words: int) -> Entry:
    blocks = [BlockRecord(1, 1, BlockKind.PARAGRAPH, "w " * kept_words, None, None, {})] if kept_words else []
    blocks.append(BlockRecord(2, 2, BlockKind.PARAGRAPH, "w " * removed_words, Drop(DropSource.RULE, "generic.share"), None, {}))
    return Entry("x.txt", Explanation("x.txt", "text", None, "en", blocks, []))


@pytest.mark.parametrize(("kept", "removed", "warning"), [(0, 10, "nothing kept"), (99, 1, "almost everything kept"), (90, 10, None)])
def test_warning_mark(kept: int, removed: int, warning: str | None) -> None:
    assert _synthetic(kept, removed).warning == warning


def test_folder_splits_index_and_captures_and_every_link_resolves(seeds: list[Entry], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(report, "INDEX_PAGE_CAPTURES", 2)
    (tmp_path / "out" / "captures").mkdir(parents=True)
    (tmp_path / "out" / "captures" / "0099.html").write_text("stale")
    written = write_report(seeds, default_rules(), f"{tmp_path / 'out'}/")
    names = sorted(p.relative_to(tmp_path / "out").as_posix() for p in written)
    assert names == ["captures/0001.html", "captures/0002.html", "captures/0003.html", "captures/0004.html", "captures/0005.html",
                     "index-2.html", "index-3.html", "index.html"]
    assert not (tmp_path / "out" / "captures" / "0099.html").exists()
    roots = {p: lxml.html.fromstring(p.read_text(encoding="utf-8")) for p in written}
    for path, root in roots.items():
        assert root.cssselect("style") and not root.cssselect("script")
        for a in root.cssselect("a[href]"):
            target, _, anchor = a.get("href").partition("#")
            target_path = (path.parent / target).resolve() if target else path
            assert target_path.exists(), (path, a.get("href"))
            if anchor:
                other = roots[next(p for p in roots if p.resolve() == target_path.resolve())]
                assert other.cssselect(f"[id='{anchor}']"), (path, a.get("href"))
    first = roots[tmp_path / "out" / "index.html"]
    assert first.cssselect("#summary") and len(first.cssselect("#index tbody tr")) == 2


def test_one_file_is_refused_beyond_its_limit(tmp_path: Path) -> None:
    assert check_output(tmp_path / "r.html", report.SINGLE_FILE_MAX_CAPTURES) is False
    assert check_output(f"{tmp_path}/new/", 10_000) is True
    assert check_output(tmp_path, 10_000) is True  # an existing folder
    with pytest.raises(ValueError, match="DIR/"):
        check_output(tmp_path / "r.html", report.SINGLE_FILE_MAX_CAPTURES + 1)


# --- the command ----------------------------------------------------------------------------------------


def test_cli_report_on_the_seeds(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["report", *(str(c.capture) for c in SEEDS), "-o", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    assert f"wrote {out}" in result.stderr and result.stdout == ""
    root = lxml.html.fromstring(out.read_text(encoding="utf-8"))
    assert len(root.cssselect("#index tbody tr")) == len(SEEDS)


def test_cli_report_too_many_for_one_file_exits_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(report, "SINGLE_FILE_MAX_CAPTURES", 2)
    result = CliRunner().invoke(main, ["report", *(str(c.capture) for c in SEEDS), "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 2 and "-o DIR/" in result.stderr
    assert not (tmp_path / "r.html").exists()


def test_cli_report_shows_unreadable_inputs_and_exits_3(tmp_path: Path) -> None:
    (tmp_path / "a.bin").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)) * 8)
    out = tmp_path / "r.html"
    result = CliRunner().invoke(main, ["report", str(tmp_path / "a.bin"), str(SEEDS[0].capture), "-o", str(out)])
    assert result.exit_code == 3
    root = lxml.html.fromstring(out.read_text(encoding="utf-8"))
    assert "could not be read" in _text(root.cssselect("#index tbody tr")[0])


def test_cli_report_against_a_changed_golden_marks_the_lines(tmp_path: Path) -> None:
    folder = tmp_path / "seed-widgets"
    shutil.copytree(FIXTURES / "seed-widgets", folder)
    doc = _run(next(c for c in SEEDS if c.slug == "seed-widgets"))
    paragraphs = doc.text.split("\n\n")
    paragraphs[0] = "The golden's first paragraph."
    (folder / "expected.txt").write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    meta = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    meta["title"] = "The golden's title"
    (folder / "expected.json").write_text(json.dumps(meta), encoding="utf-8")
    out = tmp_path / "r.html"
    result = CliRunner().invoke(main, ["report", "--against", str(folder), "-o", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    root = lxml.html.fromstring(out.read_text(encoding="utf-8"))
    extra = root.cssselect("div.b.m-extra")
    assert len(extra) == 1 and "not in golden" in _text(extra[0]) and doc.text.split("\n\n")[0][:40] in _text(extra[0])
    absent = root.cssselect("div.b.absent")
    assert len(absent) == 1 and "The golden's first paragraph." in _text(absent[0]) and "only in golden" in _text(absent[0])
    title_row = [r for r in root.cssselect("#c1 table tbody tr") if _text(r.cssselect("th")[0]) == "title"][0]
    assert "The golden's title" in _text(title_row)
    assert "≠" in _text(root.cssselect("#index tbody tr")[0])


def test_cli_report_unwritable_output_exits_4(tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("")
    result = CliRunner().invoke(main, ["report", str(SEEDS[0].capture), "-o", str(tmp_path / "a-file" / "r.html")])
    assert result.exit_code == 4 and "cannot write the report" in result.stderr


def test_the_report_never_replaces_an_input_a_device_or_a_link_in_its_folder(tmp_path: Path) -> None:
    import os
    import stat

    from tests.test_batch import _null_device

    capture = tmp_path / "in" / "page.txt"
    capture.parent.mkdir()
    shutil.copy(SEEDS[0].capture, capture)
    before = capture.read_bytes()
    for output in (capture, capture.parent):  # the input itself, or the folder holding it
        result = CliRunner().invoke(main, ["report", str(capture.parent), "-o", str(output) + ("/" if output.is_dir() else "")])
        assert result.exit_code == 2 and "Traceback" not in result.stderr
        assert capture.read_bytes() == before and sorted(capture.parent.iterdir()) == [capture]
    for device in filter(None, (_null_device(tmp_path), Path(os.devnull))):  # the system's last
        result = CliRunner().invoke(main, ["report", str(capture), "-o", str(device)])
        assert stat.S_ISCHR(os.lstat(device).st_mode), f"{device} was replaced"
        assert result.exit_code == 0 and "(1 capture, 1 file, " in result.stderr
    out, elsewhere = tmp_path / "out", tmp_path / "elsewhere.html"
    (out / "captures").mkdir(parents=True)
    elsewhere.write_text("mine")
    (out / "captures" / "0001.html").symlink_to(elsewhere)
    result = CliRunner().invoke(main, ["report", str(capture), "-o", f"{out}/"])
    assert result.exit_code == 4 and "symbolic link" in result.stderr and elsewhere.read_text() == "mine"
