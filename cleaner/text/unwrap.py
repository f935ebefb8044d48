"""Hard-wrapped captures: html2text's default output and text browsers' dumps break every
paragraph into lines of at most some 80 characters. The segmenter reads a line as a block,
so a wrapped paragraph would become a run of short fragments and a wrapped link a piece of
markup; this joins the lines that a wrap split before the capture is segmented."""
from __future__ import annotations

import re
from bisect import bisect_right
from itertools import compress

from ..settings import Settings

# Lines that open a block of their own: a list item, a heading, a quote, a table row, a
# fence, a rule. A wrap never starts one (html2text does not wrap list items by default).
_OPENS_BLOCK = re.compile(r"^(?:\s*(?:[*+\-•·▪●]|\d{1,3}[.)])\s|\s*#{1,6}\s|\s*>|\s*\||\s*```|\s*~~~|\s*(?:[-*_]\s*){3,}$)")
_WRAPPED_HYPHEN = re.compile(r"\w-$")
FENCE = re.compile(r"^\s*(```|~~~)")  # a code fence's line; the segmenter reads fences by it too
_QUOTE = re.compile(r"^\s*(?:>\s?)+")


def _breakable(text: str) -> bool:
    """Whether a wrap would have broken the line had it been too long. Not a line of one
    word (an unbreakable link), nor one html2text leaves whole: code (indented) and what it
    takes for a table row (" | ", as in a picture's "Title | Site" caption)."""
    return " " in text.strip() and " | " not in text and not text.startswith(("    ", "\t"))


def wrap_width(lines: list[str], settings: Settings) -> int | None:
    """The width the capture was wrapped at, or None when it was not wrapped: at least
    settings.wrap_min_lines lines end within settings.wrap_band characters under it, and
    hardly any line that a wrap could have broken (one with a space: a one-word line, an
    unbreakable link, may run past) runs past it. The narrowest such width: past the true
    width hardly any line runs, under it the wrapped paragraphs' lines would."""
    shortest = settings.wrap_min_width - settings.wrap_band
    widest = settings.wrap_max_width
    at = [0] * (widest + 1)  # lines of each length up to the widest width
    breakable: list[int] = []  # the lengths of the longer lines a wrap could have broken
    lines_seen = 0
    # Lines too short to bear on any width (most of a page's) are skipped in C: this runs
    # on every capture.
    longer = list(compress(lines, map(shortest.__lt__, map(len, lines))))
    # More breakable lines past the widest width than any width allows: not wrapped. An
    # unwrapped capture's paragraphs tell so within its first few long lines.
    most_past = settings.wrap_max_over_lines + settings.wrap_max_over_share * len(longer)
    past = 0
    for line in longer:
        text = line.rstrip()
        if len(text) <= shortest or _OPENS_BLOCK.match(text):
            continue
        lines_seen += 1
        if len(text) <= widest:
            at[len(text)] += 1
        elif _breakable(text):
            past += 1
            if past > most_past:
                return None
        if len(text) > settings.wrap_min_width and _breakable(text):
            breakable.append(len(text))
    if lines_seen < settings.wrap_min_lines:
        return None
    breakable.sort()
    allowed = settings.wrap_max_over_lines + settings.wrap_max_over_share * lines_seen
    if len(breakable) - bisect_right(breakable, widest) > allowed:
        return None  # an unwrapped capture: its paragraphs run past every width
    for width in range(settings.wrap_min_width, widest + 1):
        near = sum(at[width - settings.wrap_band + 1 : width + 1])
        if near < settings.wrap_min_lines:
            continue
        if len(breakable) - bisect_right(breakable, width) <= settings.wrap_max_over_lines + settings.wrap_max_over_share * near:
            return width
    return None


def _continuation(prev: str, text: str, width: int, settings: Settings) -> str | None:
    """What of the line goes on the line before it when a wrap split them, or None when it
    is a line of its own: a block's opening, an indented line, a line under code or a table
    row, or one whose first word would have fitted on the line before."""
    if not prev.strip() or not text.strip():
        return None
    quote = _QUOTE.match(text)
    if quote:
        # A wrapped quote: html2text opens each of its lines with "> " again.
        before = _QUOTE.match(prev)
        if before is None or before.group() != quote.group() or not prev[before.end() :].strip():
            return None
        rest = text[quote.end() :]
        if not rest.strip() or len(prev) > width + settings.wrap_band:
            return None
    elif text[:1] in " \t" or _OPENS_BLOCK.match(text) or prev.startswith(("    ", "\t", "|")):
        return None
    else:
        rest = text
        # A line well past the width (a list item html2text leaves whole) was no wrap's;
        # the width found may fall a little short of the true one.
        if len(prev) > width + settings.wrap_band and _breakable(prev):
            return None
    return rest if len(prev) + 1 + len(rest.split(" ", 1)[0]) > width else None


def unwrap(lines: list[str], settings: Settings) -> tuple[list[str], list[int]] | None:
    """The lines with each wrapped paragraph joined into one, and for each the 0-based index
    of its first original line; None when the capture is not wrapped. A line joins the
    one before it when neither opens a block and its first word would not have fitted on
    the line before: a line a writer ended early (an address, a verse) stays."""
    width = wrap_width(lines, settings)
    if width is None:
        return None
    out: list[str] = []
    starts: list[int] = []
    prev = ""  # the last original line joined, to measure what fitted on it
    hard = False  # it ended in a markdown hard break (two spaces: html2text's <br>)
    fenced = False
    for i, line in enumerate(lines):
        text = line.rstrip()
        if FENCE.match(text):
            fenced = not fenced
        rest = None if not out or fenced or hard else _continuation(prev, text, width, settings)
        if rest is not None:
            # textwrap breaks a hyphenated word after its hyphen ("well-" / "known").
            out[-1] += rest if _WRAPPED_HYPHEN.search(prev) else " " + rest
        else:
            out.append(line)
            starts.append(i)
        prev = text
        hard = line.endswith("  ")
    return out, starts
