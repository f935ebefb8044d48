"""Markdown inline markup -> plain text and clean markdown, counting link text on the way."""
from __future__ import annotations

import re
import string
from typing import NamedTuple

from ..memo import LINE_CHARS, PARAGRAPH_CHARS, short_text_cache

# (?<!\\): an escaped bracket is text, not a link or an image.
# An alt text may hold escaped brackets ("Watch \[GPS 42mm\]"), as a label may.
IMAGE = re.compile(r"(?<!\\)!\[((?:[^\]\\\n]|\\.)*)\]\(([^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:\s+\"[^\"\n]*\")?\)")
# A label may hold balanced brackets one level deep ("[[Series] Title](url)"). The two
# alternatives start with different characters, so a failed match gives back one unit at a
# time: linear per start, and starts never share a long stretch of text.
LINK = re.compile(r"(?<!\\)\[((?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]\(\s*<?([^()\s>]*(?:\([^()\s]*\)[^()\s]*)*)>?(?:\s+\"[^\"\n]*\")?\s*\)")
# A line that ends a sentence: its mark, then any closing quotes and brackets. Shared by the
# text path's item-page tests and the HTML path's prose tests.
# Sentence ends besides Latin and CJK ones, for every sentence test: the Devanagari danda,
# the Arabic question mark, the Urdu, Armenian, Ethiopic and Myanmar full stops.
OTHER_SENTENCE_ENDS = "।؟۔։።။"
SENTENCE_END = re.compile(rf"[.!?。！？…{OTHER_SENTENCE_ENDS}][\"'’”)\]»]*$")


def sentence_breaks(text: str) -> int:
    """Sentence ends inside a text (a stop, question or exclamation mark, then a space),
    which a paragraph's lines run together still show."""
    return text.count(". ") + text.count("? ") + text.count("! ")


# Sentence breaks that make a long block prose rather than a caption, which runs to one or
# two (bench e1c7023e's 651-character caption is one). Initial value, not searched.
PROSE_MIN_SENTENCES = 3

_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^>\s]+)>")
_BARE_URL = re.compile(r"\bhttps?://\S+|\bwww\.\S+\.\S+")
# Soft hyphens and zero-width characters: a page's markup shows none of them.
INVISIBLE = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff]")
# Emphasis: **x**, __x__, *x*, _x_. The content cannot run past the next marker of its own
# kind (a single marker may sit inside a word, as in 2*3*4 or snake_case): each opener scans
# only to the next marker, so a line of 50,000 unclosed openers is linear, not quadratic
# (`.+?` took 45 s on 64 kB of "**a ").
_EMPHASIS = re.compile(
    r"(\*\*|__)(?=\S)((?:(?!\1).)+?)(?<=\S)\1"
    r"|(?<![\w*])\*(?=[^\s*])((?:[^*]|(?<=\w)\*(?=\w))+?)(?<=[^\s*])\*(?![\w*])"
    r"|(?<![\w_])_(?=[^\s_])((?:[^_]|(?<=\w)_(?=\w))+?)(?<=[^\s_])_(?![\w_])"
)
# A bold run that a line break cut ("<strong>Q?<br></strong>" in html2text's "**Q?  \n**"):
# its opener ends one line and its closer starts the next, each left unpaired at the edge.
_CUT_STRONG = re.compile(r"^\s*\*\*(?!\*)|(?<!\*)\*\*\s*$")
_CODE = re.compile(r"`([^`\n]+)`")
# CommonMark: a backslash escapes any ASCII punctuation character.
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
# While emphasis is stripped, an escaped character stands in as a Unicode noncharacter
# (U+FDD0..U+FDEF: 32 of them, one per ASCII punctuation character, never valid in text).
_HIDE = {c: chr(0xFDD0 + i) for i, c in enumerate(string.punctuation)}
_SHOW = str.maketrans({v: k for k, v in _HIDE.items()})
_NONCHARACTERS = re.compile("[\ufdd0-\ufdef]")
_HAS_NONCHARACTER = _NONCHARACTERS.search
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_WIDE_SPACE = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_JUNK_TARGETS = ("", "#")
_JUNK_SCHEMES = ("javascript:", "data:")


class Inline(NamedTuple):
    text: str
    markdown: str
    link_chars: int
    links: int
    images: int


_DIGITS = re.compile(r"\d+")


@short_text_cache(max_chars=LINE_CHARS)  # the settling readings ask about the same lines
def line_shape(text: str, max_chars: int) -> str | None:
    """What a template line keeps from one use to the next: a short line with its
    numbers blanked ("Rating: 0 Votes"), or the last word of one that ends in a colon
    (a comment header, "Milan Griffes on September 12, 2018 at 4:47 pm said:")."""
    if not text or len(text) > max_chars:
        return None
    if text.endswith(":") and " " in text:
        return ":" + text.rsplit(" ", 1)[1].lower()
    return _DIGITS.sub("0", text.lower())


def row_shape(text: str, max_chars: int) -> str | None:
    """line_shape with + and - alike: a table's rows of gains and losses are one template."""
    return signs_alike(line_shape(text, max_chars))


def signs_alike(shape: str | None) -> str | None:
    # Two replaces: str.translate looks each character up in a table, several times slower.
    return shape.replace("-", "+").replace("\u2212", "+") if shape else None


def real_target(url: str) -> bool:
    """A link worth keeping in markdown output: not empty, not '#', not javascript:."""
    url = url.strip()
    return url not in _JUNK_TARGETS and not url.lower().startswith(_JUNK_SCHEMES)


def normalize_space(text: str) -> str:
    # Most lines hold single spaces only, which _SPACES would replace one by one with themselves.
    if "  " not in text and "\t" not in text and (text.isascii() or not _WIDE_SPACE.search(text)):
        return text.strip()
    return _SPACES.sub(" ", text).strip()


# Cached: the settling readings parse the kept lines again, and menus repeat theirs.
@short_text_cache(max_chars=PARAGRAPH_CHARS)
def parse_inline(line: str) -> Inline:
    """Reduce one markdown line to plain text and tidy markdown."""
    if "[" not in line and "*" not in line and "_" not in line and "`" not in line and "\\" not in line and "<" not in line:
        text = normalize_space(line)
        return Inline(text, text, 0, 0, 0)
    images = 0
    if "![" in line:
        line, images = IMAGE.subn("", line)
        if images and "*" in line and not line.strip("*_ \t"):
            # A bold image ("**![logo](src)**") leaves markers alone, which would read back
            # as a thematic break.
            line = ""
    link_chars = 0
    links = 0
    md_parts: list[str] = []
    text_parts: list[str] = []
    pos = 0
    for match in LINK.finditer(line):
        before = line[pos : match.start()]
        md_parts.append(before)
        text_parts.append(before)
        label, target = match.group(1), match.group(2)
        links += 1
        if "](" in label:
            # A link inside the label ("[ Oils [Avoid trans fat.](a) ](b)"): as in CommonMark,
            # the inner link is the link, and the outer one's brackets go.
            inner = parse_inline(label)
            links += inner.links
            link_chars += len(inner.text)
            text_parts.append(inner.text)
            md_parts.append(inner.markdown)
        else:
            link_chars += len(_plain(label).strip())
            text_parts.append(label)
            md_parts.append(f"[{label}]({target})" if real_target(target) and label.strip() else label)
        pos = match.end()
    md_parts.append(line[pos:])
    text_parts.append(line[pos:])
    text = normalize_space(_plain("".join(text_parts)))
    markdown = "".join(md_parts)
    markdown = normalize_space(_AUTOLINK.sub(r"\1", markdown) if "<" in markdown else markdown)
    return Inline(text, markdown, min(link_chars, len(text)), links, images)


def _plain(text: str) -> str:
    # Each pattern only where its marker occurs: most labels and lines have none.
    if "<" in text:
        text = _AUTOLINK.sub(r"\1", text)
    if "`" in text:
        text = _CODE.sub(r"\1", text)
    if not text.isascii() and _HAS_NONCHARACTER(text):  # isascii is a flag, read in constant time
        text = _NONCHARACTERS.sub("", text)
    escaped = "\\" in text
    if escaped:
        text = _ESCAPE.sub(lambda m: _HIDE[m.group(1)], text)
    if "*" in text or "_" in text:
        # Nested emphasis (***x***, _**x**_ around links) comes off a layer a pass, until
        # none is left: a marker left over would come off when the text is cleaned again.
        # Each pass that changes the text removes two markers, so the loop ends.
        while (stripped := _EMPHASIS.sub(_emphasised, text)) != text:
            text = stripped
        if "**" in text and text.strip("* "):
            # Cleaned text kept such a marker, and it made the text read as markdown again.
            # A line of markers alone stays as it was (a page's separator, not a cut run).
            text = _CUT_STRONG.sub("", text)
    return text.translate(_SHOW) if escaped else text


def _emphasised(m: re.Match[str]) -> str:
    return m.group(2) or m.group(3) or m.group(4) or ""


def count_bare_urls(text: str) -> tuple[int, int]:
    """Bare URLs in plain text: (how many, how many characters)."""
    found = _BARE_URL.findall(text)
    return len(found), sum(map(len, found))
