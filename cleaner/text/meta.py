"""Metadata a reader sees in plain lines: headline, standfirst, byline, date, dateline, site."""
from __future__ import annotations

import re

from ..dates import parse_date
from ..model import Block, BlockKind, Drop, DropSource, Evidence
from ..settings import Settings

_SENTENCE_END = re.compile(r"[.。:;,]['\"’”]?$")
_TITLE_SPLIT = re.compile(r"\s+[|–—-]\s+|\s+::\s+")
_BYLINE = re.compile(
    r"^(?:(?:posted|written|words|story|text|reporting)\s+)?(?:by|von|par|por|di|door|av|przez)\s+(?P<names>[^\W\d_][\w.'’-]*(?:[ ,&]+[^\W\d_][\w.'’-]*){0,12}?)"
    r"(?:\s*(?:\bon\b|\bam\b|\||[-–—•·,])\s*.*\d.*)?\s*$"
    r"|^(?P<ko>[가-힣]{2,4})\s*(?:기자|특파원|논설위원|선임기자)\b",
    re.I,
)
_DATELINE = re.compile(
    r"^(?P<dl>(?:[A-Z][A-Z.'’-]+)(?:[ -][A-Z][A-Z.'’-]+)*(?:,\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)?"
    r"(?:,\s+\w{3,9}\.?\s+\d{1,2})?\s+\((?P<agency>[^()]{2,40})\))\s*[—–-]"
)
_AGENCIES = {"AP": "The Associated Press", "Reuters": "Reuters", "AFP": "AFP", "dpa": "dpa", "UPI": "UPI"}
_COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?,?\s*)?(?P<site>[^\W\d_][\w .&'’-]{1,60}?)(?:[.,|]|\s+all rights|\s*$)", re.I)
_JOB_WORDS = re.compile(
    r"\b(?:staff|writer|reporter|correspondent|editor|contributor|columnist|producer|news|wire|service|"
    r"associated press|press|bureau|chief|senior|special|auto|business|political|science|analyst)\b",
    re.I,
)
_NAME_SPLIT = re.compile(r"\s*(?:,|&|\band\b|\bund\b|\bet\b|\by\b|\be\b)\s*", re.I)


def find_title(blocks: list[Block], settings: Settings) -> tuple[str, str | None, Evidence] | None:
    """The headline: the first level-1 heading, else a short first line. Returns (title, site, evidence)."""
    window = [b for b in blocks if b.start <= settings.meta_window_lines and b.drop is None and b.text]
    for block in window:
        if block.kind is BlockKind.HEADING and block.level == 1 and len(block.text) <= settings.max_title_chars and not block.links:
            block.drop = Drop(DropSource.METADATA, "title")
            _drop_repeats(blocks, block.text)
            return block.text, None, Evidence("first level-1 heading", block.start)
    first = window[0] if window else None
    if first is None or not _title_shaped(first, settings):
        return None
    title, site = first.text, None
    parts = _TITLE_SPLIT.split(title)
    if len(parts) > 1 and len(parts[-1]) < len(title) / 2:
        # "Headline - Site Name", the <title> element that text captures start with
        head = title[: title.rfind(parts[-1])].rstrip(" |–—-:")
        if any(b.text == head for b in window[1:]):
            title, site = head, parts[-1].strip()
    first.drop = Drop(DropSource.METADATA, "title")
    _drop_repeats(blocks, title)
    return title, site, Evidence("first line, headline-shaped", first.start)


def headline_line(blocks: list[Block], title: str | None) -> int | None:
    """Where the page prints its headline: the last block taken as the title, or failing
    that a short block that shares nearly all the title's words."""
    if not title:
        return None
    marked = [b.start for b in blocks if b.drop is not None and b.drop.reason == "title"]
    if len(marked) > 1 or (marked and marked[0] > 1):
        return marked[-1]
    want = {w.lower() for w in re.findall(r"\w+", title)}
    if len(want) < 3:
        return marked[-1] if marked else None
    for block in blocks[1:]:
        if block.drop is None and len(block.text) <= 1.5 * len(title):
            have = {w.lower() for w in re.findall(r"\w+", block.text)}
            if len(want & have) >= _HEADLINE_OVERLAP * len(want):
                block.drop = Drop(DropSource.METADATA, "title")
                return block.start
    return marked[-1] if marked else None


_HEADLINE_OVERLAP = 0.8  # share of the title's words a reworded headline line keeps


def _title_shaped(block: Block, settings: Settings) -> bool:
    text = block.text
    words = len(text.split())
    return (
        block.kind in (BlockKind.HEADING, BlockKind.PARAGRAPH)
        and len(text) <= settings.max_title_chars
        and not _SENTENCE_END.search(text)
        and block.link_chars < len(text) / 2
        and (words >= 3 or (not text.isascii() and len(text) >= 6))
    )


def _drop_repeats(blocks: list[Block], title: str) -> None:
    """Text captures print the <title> and the headline: drop the later copy too."""
    for block in blocks:
        if block.drop is None and block.text == title and block.start > 0:
            block.drop = Drop(DropSource.METADATA, "title")


def find_subtitle(blocks: list[Block], title_block_line: int | None, settings: Settings) -> tuple[str, Evidence] | None:
    """A standfirst: the block right after the headline, headline-shaped but longer."""
    if title_block_line is None:
        return None
    after = [b for b in blocks if b.start > title_block_line and b.text and not (b.drop and b.drop.source is not DropSource.METADATA)]
    if not after or after[0].drop is not None:
        return None
    block = after[0]
    words = len(block.text.split())
    if block.kind in (BlockKind.HEADING, BlockKind.PARAGRAPH) and 6 <= words <= 60 and not _SENTENCE_END.search(block.text) and not block.links:
        block.drop = Drop(DropSource.METADATA, "subtitle")
        return block.text, Evidence("line after the headline, standfirst-shaped", block.start)
    return None


def find_byline(blocks: list[Block], settings: Settings) -> tuple[str, Evidence] | None:
    for block in blocks:
        if block.start > settings.meta_window_lines * 4:
            break
        if block.drop is not None or len(block.text) > 120:
            continue
        m = _BYLINE.match(block.text)
        if m and (m.group("ko") or _names_shaped(m.group("names"))):
            block.drop = Drop(DropSource.METADATA, "byline")
            return block.text, Evidence("byline pattern", block.start)
    return None


def _names_shaped(names: str) -> bool:
    """'Lorne Cook', 'TOM KRISHER, AP Auto Writer': mostly capitalised words, not a sentence."""
    words = [w for w in re.split(r"[\s,&]+", names) if w and w.lower() not in _NAME_JOINERS]
    return bool(words) and sum(1 for w in words if w[:1].isupper()) >= _NAME_CAPITALISED_SHARE * len(words)


_NAME_JOINERS = {"and", "und", "et", "y", "e", "de", "van", "von", "der", "da", "di", "la", "le", "del", "bin"}
_NAME_CAPITALISED_SHARE = 0.8


def authors_of(byline: str) -> list[str]:
    """'BY LORNE COOK' -> ['Lorne Cook']; 'By A and B, AP Writers' -> ['A', 'B']."""
    m = _BYLINE.match(byline.strip())
    if m and m.group("ko"):
        return [m.group("ko")]
    names = m.group("names") if m else byline
    names = re.sub(r"^(?:by|von|par|por)\s+", "", names.strip(), flags=re.I)
    out: list[str] = []
    for part in _NAME_SPLIT.split(names):
        part = part.strip(" .,-–—")
        if not part or _JOB_WORDS.search(part) or len(part.split()) > 4:
            continue
        if part.isupper():
            part = " ".join(w.capitalize() for w in part.split())
        if part not in out:
            out.append(part)
    return out


def find_dateline(blocks: list[Block]) -> tuple[str, str | None, Evidence] | None:
    """'BRUSSELS (AP) — ...' -> ('BRUSSELS (AP)', 'The Associated Press')."""
    seen = 0
    for block in blocks:
        if block.drop is not None or not block.text:
            continue
        m = _DATELINE.match(block.text)
        if m:
            return m.group("dl"), _AGENCIES.get(m.group("agency").strip()), Evidence("dateline pattern", block.start)
        seen += 1
        if seen > 12:
            break
    return None


def find_date(blocks: list[Block], settings: Settings) -> tuple[str, Evidence] | None:
    """A short line near the top that is mostly a date."""
    for block in blocks:
        if block.start > settings.meta_window_lines * 4:
            break
        if not block.text or len(block.text) > 80:
            continue
        date = parse_date(block.text)
        if date:
            return date, Evidence("date pattern", block.start)
    return None


def find_site(blocks: list[Block]) -> tuple[str, Evidence] | None:
    for block in reversed(blocks):
        if len(block.text) > 200:
            continue
        m = _COPYRIGHT.search(block.text)
        if m:
            return m.group("site").strip(), Evidence("copyright line", block.start)
    return None
