"""The steps in order: decode -> detect -> segment -> rules -> metadata -> classify -> language -> render."""
from __future__ import annotations

from .classify import classify
from .decode import decode
from .detect import HTML, KINDS, MARKDOWN, detect_kind
from .errors import InputError
from .lang import detect_language
from .model import Block, BlockKind, Document, Drop, DropSource, Evidence, Label
from .render import to_markdown, to_text
from .ruleset import RuleSet, apply_rules
from .ruleset.engine import Context
from .settings import DEFAULT, Settings
from .text import meta
from .text.segment import segment


def clean_text(
    raw: bytes | str,
    *,
    source: str = "-",
    url: str | None = None,
    kind: str = "auto",
    rules: RuleSet,
    settings: Settings = DEFAULT,
) -> Document:
    text = decode(raw, settings) if isinstance(raw, (bytes, bytearray)) else raw.replace("\r\n", "\n").replace("\r", "\n")
    if kind not in (*KINDS, "auto"):
        raise ValueError(f"unknown kind {kind!r}")
    detected = detect_kind(text) if kind == "auto" else kind
    if detected == HTML:
        raise InputError("HTML captures are not supported yet; pass --kind text to treat it as text")
    blocks = segment(text, markdown=detected == MARKDOWN, settings=settings)
    doc = Document(source=source, kind=detected, url=url, blocks=blocks)
    ctx = Context(capture=text, kind=detected, url=url, language_of=lambda: detect_language(text, settings))
    fields = apply_rules(blocks, rules.rules, ctx, settings)
    _metadata(doc, fields, settings)
    classify(blocks, ctx.language, doc.title, settings, headline=meta.headline_line(blocks, doc.title))
    _never_empty(blocks)
    doc.text = to_text(blocks)
    doc.markdown = to_markdown(blocks)
    doc.removed = sum(1 for b in blocks if b.drop is not None and b.text)
    body_language = detect_language(doc.text, settings) if doc.text else None
    doc.language = body_language or ctx.language
    doc.evidence["language"] = Evidence("py3langid on the body" if body_language else "py3langid on the capture")
    return doc


def _metadata(doc: Document, fields: dict[str, tuple[str, Evidence]], settings: Settings) -> None:
    blocks = doc.blocks
    for name, (value, evidence) in fields.items():
        doc.evidence[name] = evidence
        if name == "date":
            value = _iso_date(value) or value
        if name == "authors":
            doc.authors = [value]
        else:
            setattr(doc, name, value)
    title_line = None
    if doc.title is None:
        found = meta.find_title(blocks, settings)
        if found:
            doc.title, site, doc.evidence["title"] = found
            title_line = doc.evidence["title"].line
            if site and not doc.site:
                doc.site, doc.evidence["site"] = site, Evidence("title suffix", title_line)
    if doc.subtitle is None and (found := meta.find_subtitle(blocks, title_line, settings)):
        doc.subtitle, doc.evidence["subtitle"] = found
    if doc.byline is None and (found := meta.find_byline(blocks, settings)):
        doc.byline, doc.evidence["byline"] = found
    if doc.byline and not doc.authors:
        doc.authors = meta.authors_of(doc.byline)
        doc.evidence["authors"] = doc.evidence["byline"]
    if doc.dateline is None and (dl := meta.find_dateline(blocks)):
        doc.dateline, agency, doc.evidence["dateline"] = dl
        if agency and not doc.site:
            doc.site, doc.evidence["site"] = agency, Evidence("agency credit in the dateline", doc.evidence["dateline"].line)
    if doc.date is None and (found := meta.find_date(blocks, settings)):
        doc.date, doc.evidence["date"] = found
    if doc.site is None and (found := meta.find_site(blocks)):
        doc.site, doc.evidence["site"] = found


def _iso_date(value: str) -> str | None:
    from .dates import parse_date

    return parse_date(value)


def _never_empty(blocks: list[Block]) -> None:
    """A page with an article never comes out empty: keep the best blocks the classifier had."""
    if any(b.drop is None and b.text for b in blocks):
        return
    candidates = [b for b in blocks if b.drop is not None and b.drop.source is DropSource.CLASSIFIER and b.text and b.kind is not BlockKind.HEADING]
    if not candidates:
        return
    best = max(candidates, key=lambda b: (b.features.get("chars", 0) * (1 - b.features.get("link_share", 0))))
    if best.features.get("link_share", 0) < 0.5:
        best.drop, best.label = None, Label.GOOD


__all__ = ["clean_text", "Drop"]
