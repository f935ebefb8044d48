"""A Document -> explanation records: what each block became and why, and where each field came from.

`clean --explain` prints these records as text; `clean report` draws them as HTML. Both read
them from here, so the two cannot disagree.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from .model import BlockKind, Document, Drop, DropSource, Evidence, Label

EXPLAIN_CHARS = 100  # how much of a dropped block --explain shows, in characters
# The metadata fields of a Document, in the order the report's table shows them.
FIELDS = ("title", "subtitle", "byline", "authors", "date", "dateline", "site", "language", "description")


@dataclass(frozen=True, slots=True)
class BlockRecord:
    """One block with text, in reading order: kept (drop is None) or dropped with its reason."""

    start: int
    end: int
    kind: BlockKind
    text: str
    drop: Drop | None
    label: Label | None
    features: dict[str, float]

    @property
    def kept(self) -> bool:
        return self.drop is None

    @property
    def span(self) -> str:
        return f"{self.start}" if self.start == self.end else f"{self.start}-{self.end}"

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass(frozen=True, slots=True)
class FieldRecord:
    """A metadata field's value (None when not found) and the evidence it came from."""

    name: str
    value: str | None
    evidence: Evidence | None


@dataclass(slots=True)
class Explanation:
    source: str
    kind: str
    title: str | None
    language: str | None
    blocks: list[BlockRecord] = field(default_factory=list)
    fields: list[FieldRecord] = field(default_factory=list)

    @property
    def dropped(self) -> list[BlockRecord]:
        return [b for b in self.blocks if b.drop is not None]

    @property
    def words_kept(self) -> int:
        return sum(b.words for b in self.blocks if b.kept)

    @property
    def words_removed(self) -> int:
        return sum(b.words for b in self.blocks if not b.kept)

    def removed_by(self, source: DropSource) -> int:
        return sum(1 for b in self.blocks if b.drop is not None and b.drop.source is source)


def explain(doc: Document) -> Explanation:
    """Needs a Document cleaned with explain=True (otherwise doc.blocks is empty).

    Blocks without text (images, rules) are left out, as they are from the body and from
    `doc.removed`.
    """
    blocks = [
        BlockRecord(b.start, b.end, b.kind, b.text, b.drop, b.label, dict(b.features))
        for b in doc.blocks
        if b.text
    ]
    # Fields with evidence in the order the pipeline found them (--explain prints them so),
    # then the fields nobody found.
    fields = [FieldRecord(name, _value(doc, name), ev) for name, ev in doc.evidence.items()]
    fields += [FieldRecord(name, _value(doc, name), None) for name in FIELDS if name not in doc.evidence]
    return Explanation(doc.source, doc.kind, doc.title, doc.language, blocks, fields)


def explain_lines(ex: Explanation, *, chars: int = EXPLAIN_CHARS) -> Iterator[str]:
    """The --explain text: `source:span<TAB>reason<TAB>shortened text` per dropped block,
    then `source: field <- evidence` for each field that has evidence."""
    for block in ex.dropped:
        text = block.text if len(block.text) <= chars else block.text[: chars - 1] + "…"
        yield f"{ex.source}:{block.span}\t{block.drop}\t{text}"
    for f in ex.fields:
        if f.evidence is not None:
            yield f"{ex.source}: {f.name} <- {f.evidence}"


def _value(doc: Document, name: str) -> str | None:
    value = getattr(doc, name, None)
    if isinstance(value, list):
        return ", ".join(value) or None
    return value
