"""cleaner.explain: the records that `clean --explain` prints and `clean report` draws."""
from __future__ import annotations

from cleaner.explain import EXPLAIN_CHARS, FIELDS, explain, explain_lines
from cleaner.model import Block, BlockKind, Document, Drop, DropSource, Evidence, Label


def _doc() -> Document:
    long = "word " * 40
    blocks = [
        Block(BlockKind.HEADING, "The Title", "# The Title", 1, 1, drop=Drop(DropSource.METADATA, "title")),
        Block(BlockKind.PARAGRAPH, "Share", "Share", 3, 3, drop=Drop(DropSource.RULE, "generic.share"), features={"chars": 5.0}),
        Block(BlockKind.IMAGE, "", "![](x.png)", 4, 4, drop=Drop(DropSource.RULE, "generic.image")),  # no text: left out
        Block(BlockKind.PARAGRAPH, "A kept sentence.", "A kept sentence.", 5, 6, label=Label.GOOD),
        Block(BlockKind.PARAGRAPH, long.strip(), long.strip(), 8, 8, label=Label.BAD, drop=Drop(DropSource.CLASSIFIER, "link-density")),
    ]
    doc = Document(source="page.md", kind="markdown", title="The Title", language="en", blocks=blocks)
    doc.evidence["title"] = Evidence("first line, headline-shaped", 1)
    doc.evidence["language"] = Evidence("fastText lid.176 on the body")
    return doc


def test_records_keep_reading_order_and_skip_blocks_without_text() -> None:
    ex = explain(_doc())
    assert [b.start for b in ex.blocks] == [1, 3, 5, 8]
    assert [b.kept for b in ex.blocks] == [False, False, True, False]
    assert ex.blocks[2].span == "5-6" and ex.blocks[1].span == "3"
    assert ex.blocks[1].features == {"chars": 5.0}
    assert ex.words_kept == 3 and ex.words_removed == 2 + 1 + 40
    assert (ex.removed_by(DropSource.RULE), ex.removed_by(DropSource.CLASSIFIER), ex.removed_by(DropSource.METADATA)) == (1, 1, 1)


def test_fields_carry_value_and_evidence_and_cover_every_field() -> None:
    ex = explain(_doc())
    by_name = {f.name: f for f in ex.fields}
    assert set(FIELDS) <= set(by_name)
    assert by_name["title"].value == "The Title" and str(by_name["title"].evidence) == "first line, headline-shaped (line 1)"
    assert by_name["byline"].value is None and by_name["byline"].evidence is None


def test_explain_lines_format() -> None:
    lines = list(explain_lines(explain(_doc())))
    assert lines[:3] == [
        "page.md:1\tmetadata:title\tThe Title",
        "page.md:3\trule:generic.share\tShare",
        f"page.md:8\tclassifier:link-density\t{('word ' * 40)[: EXPLAIN_CHARS - 1]}…",
    ]
    # evidence in the order the pipeline found it, fields without evidence left out
    assert lines[3:] == ["page.md: title <- first line, headline-shaped (line 1)", "page.md: language <- fastText lid.176 on the body"]
