"""Decoded HTML -> an lxml tree: no network, no entity resolution, no scripts or styles.

JSON-LD is read out of its <script> elements before they go, for the metadata step.
"""
from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field

import lxml.etree
import lxml.html

from ..errors import InputError

# Elements whose content is never visible text. Comments and processing instructions
# go at parse time.
DROPPED_TAGS = ("script", "style", "noscript", "template", "svg", "iframe", "object", "embed")
_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>", re.I)
_JSON_LD = "application/ld+json"
# Characters XML cannot hold: C0 controls but tab, line feed and carriage return; the
# noncharacters U+FFFE and U+FFFF; lone surrogates.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_NOT_XML_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])  # the C0 ones, as UTF-8 bytes


def _has_not_xml(text: str, controls_removed: bool = False) -> bool:
    """Whether _NOT_XML occurs in the text. Its regex scan took a sixth of parse(); the
    text's UTF-8 bytes tell the same in a few C passes: a lone surrogate cannot be
    encoded, each C0 control is its own byte, U+FFFE and U+FFFF are EF BF BE and EF BF BF.
    controls_removed: the text has no C0 control left (decode removed them), so the bytes
    are not searched for them, which took three quarters of this check's time."""
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    if controls_removed:
        return "\ufffe" in text or "\uffff" in text
    return len(data.translate(None, _NOT_XML_BYTES)) != len(data) or b"\xef\xbf\xbe" in data or b"\xef\xbf\xbf" in data


@dataclass
class Page:
    """One parsed capture: the tree, and what the dropped elements held that metadata needs."""

    tree: lxml.html.HtmlElement
    json_ld: list[str] = field(default_factory=list)  # the text of each ld+json script
    cut: Cut | None = None  # set when the page's text was cut at max_text_chars


@dataclass
class Cut:
    """What cap_text removed: where, how much, and how it began (for --explain)."""

    line: int
    chars: int
    sample: str


# --explain shows this much of the text a size cut dropped (whitespace folded).
_CUT_SAMPLE_CHARS = 200


def _parser() -> lxml.html.HTMLParser:
    # no_network: never fetch a DTD or an external entity. HTML parsing resolves only the
    # built-in named character references, never a declared entity.
    parser = lxml.html.HTMLParser(
        remove_comments=True,
        remove_pis=True,
        no_network=True,
        recover=True,
        default_doctype=False,
        collect_ids=False,
        # huge_tree: libxml2 otherwise stops at 256 levels of nesting and cuts text nodes
        # at 10 MB, silently dropping the rest of the page (100 unclosed <div><font>
        # pairs lost everything after them). Size stays bounded by max_input_bytes, and
        # HTML parsing expands no declared entities, so the other guards it lifts do not
        # apply. Nesting still stops at 2048 levels: see _flatten.
        huge_tree=True,
    )
    # Every element an HtmlElement, looked up in C: lxml.html's default lookup is a Python
    # method called for every element proxy (670,000 calls, 8% of the time on the dev
    # bench, trafilatura's passes included). Its form and input classes are never used here.
    parser.set_element_class_lookup(
        lxml.etree.ElementDefaultClassLookup(
            element=lxml.html.HtmlElement, comment=lxml.html.HtmlComment, pi=lxml.html.HtmlProcessingInstruction, entity=lxml.html.HtmlEntity
        )
    )
    return parser


# A parser keeps state (its error log) while it parses, so each thread has its own.
_LOCAL = threading.local()


def _thread_parser() -> lxml.html.HTMLParser:
    parser = getattr(_LOCAL, "parser", None)
    if parser is None:
        parser = _LOCAL.parser = _parser()
    return parser


def parse(text: str, max_text_chars: int = 0, noscript_max_visible_chars: int = 0, controls_removed: bool = False) -> Page:
    """Parse decoded HTML. Line numbers (element.sourceline) refer to lines of `text`.
    max_text_chars: keep only the elements holding the first this many characters of
    visible text (0: all); see cap_text. noscript_max_visible_chars: see drop_invisible.
    controls_removed: the text came through decode or decode_str, which removed its C0
    control characters."""
    # lxml refuses a str that carries an encoding declaration: blank it, keeping its newlines.
    text = _XML_DECLARATION.sub(lambda m: "\n" * m.group(0).count("\n"), text, count=1)
    if _has_not_xml(text, controls_removed):
        # libxml2 keeps such characters in the tree, but lxml refuses them when text is
        # set again (drop_invisible moves tails): ValueError. decode() removes them
        # already; parse() is safe on any str of its own.
        text = _NOT_XML.sub("", text)
    if not text.strip():
        text = "<html><body></body></html>"  # an empty capture: nothing extracted, not unreadable
    parser = _thread_parser()
    try:
        root = lxml.html.document_fromstring(text, parser=parser)
        if _too_deep(parser):
            root = lxml.html.document_fromstring(_flatten(text), parser=parser)
        if _too_deep(parser):  # nested by other tags (blockquote, custom elements, svg's g)
            root = lxml.html.document_fromstring(_flatten(text, every_tag=True), parser=parser)
        if _too_deep(parser):
            raise InputError(f"the HTML nests deeper than libxml2's {_MAX_DEPTH} levels, even with its tags taken out")
    except lxml.etree.ParserError:
        # With recover=True lxml fails only on a document with no element left (comments
        # only, say): an empty page, so "nothing extracted" rather than unreadable.
        root = lxml.html.document_fromstring("<html><body></body></html>", parser=parser)
    except ValueError as exc:
        raise InputError(f"cannot parse the HTML: {exc}") from None
    _adopt_strays(root)
    json_ld = [
        s.text for s in root.iter("script") if s.text and (s.get("type") or "").strip().lower() == _JSON_LD
    ]
    drop_invisible(root, noscript_max_visible_chars)
    return Page(root, json_ld, cap_text(root, max_text_chars) if max_text_chars else None)


def _adopt_strays(root: lxml.html.HtmlElement) -> None:
    """Move what the page holds after its </html> into its <body>, as browsers show it.
    libxml2 puts that content in a second root element, beside the document's, where
    nothing reads it: a template that closes its <body> and <html> before the article
    (24 of the two development corpora's 1,678 HTML pages hold such a second root, most
    of them only scripts; on one it is the whole article)."""
    strays = [el for el in root.itersiblings() if isinstance(el.tag, str)]
    if not strays:
        return
    body = root.find("body")
    if body is None:
        body = lxml.etree.SubElement(root, "body")
    for stray in strays:
        if stray.tag == "html":
            _append_text(body, stray.text)
        for el in list(stray) if stray.tag == "html" else [stray]:
            if el.tag == "head":
                continue
            if el.tag == "body":
                _append_text(body, el.text)
                body.extend(list(el))
            else:
                body.append(el)


def _append_text(parent: lxml.html.HtmlElement, text: str | None) -> None:
    """Text put after parent's last child."""
    if not text:
        return
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def cap_text(root: lxml.html.HtmlElement, max_chars: int) -> Cut | None:
    """Remove everything after the element where the visible text passes max_chars.

    The main-content engine's time grows faster than linearly with the number of
    paragraphs (trafilatura 2.3: 6 MB of them took 7 s, 30 MB over a minute), so a
    huge page is read up to this point: a best-effort result within the time limit."""
    body = root.find("body")
    body = root if body is None else body
    if len(body.text_content()) <= max_chars:  # in C: most pages stop here
        return None
    total = 0
    for el in body.iter():
        total += len(el.text or "") + len(el.tail or "")
        if total > max_chars and el is not body:
            break
    else:
        return None
    removed: list[lxml.etree._Element] = []
    node = el
    while node is not None and node is not body:
        removed.extend(node.itersiblings())
        node = node.getparent()
    if not removed:
        return None
    first = removed[0]
    cut = Cut(first.sourceline or 0, 0, " ".join(first.text_content()[: 2 * _CUT_SAMPLE_CHARS].split())[:_CUT_SAMPLE_CHARS])
    for gone in removed:
        cut.chars += len(gone.text_content()) + len(gone.tail or "")
        gone.getparent().remove(gone)
    return cut


_TOO_DEEP = "Excessive depth"
# Tags that pile up when a page never closes them. Past libxml2's depth limit the rest of
# the page would be lost, so such a page is read again without them: block containers
# become paragraph breaks, inline ones go. Newlines inside a tag are kept, so line
# numbers still hold. A tag ends at the next "<" too: "<x" a million times without a ">"
# is read in linear time.
_CONTAINER_TAGS = re.compile(  # a run of them becomes one break
    r"(?:</?(?:div|section|article|main|aside|header|footer|nav|center|form|table|tbody|thead|tfoot|tr|td|th|dl|dd|dt|fieldset)\b[^<>]*>\s*)+",
    re.I,
)
_INLINE_TAG = re.compile(r"</?(?:span|font|b|i|u|s|em|strong|small|big|sub|sup|tt|strike|mark|abbr|cite|label|ins|del|q)\b[^<>]*>", re.I)


# Past the container and formatting tags: every tag but these becomes a paragraph break.
# They cannot nest (or hold the page's metadata), so they stay.
_ANY_TAG = re.compile(
    r"(?:</?(?!(?:html|head|body|title|meta|link|base|script|style|p|br|li)\b)[A-Za-z][^<>]*>\s*)+", re.I
)
_MAX_DEPTH = 2048  # libxml2's limit with huge_tree (XML_PARSE_HUGE)


def _too_deep(parser: lxml.html.HTMLParser) -> bool:
    return any(_TOO_DEEP in e.message for e in parser.error_log)


def _flatten(text: str, every_tag: bool = False) -> str:
    """The page with its nesting container and formatting tags taken out, its text kept.
    every_tag: all tags but _ANY_TAG's few are taken out."""
    text = _INLINE_TAG.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    text = _CONTAINER_TAGS.sub(lambda m: "<p>" + "\n" * m.group(0).count("\n"), text)
    if every_tag:
        text = _ANY_TAG.sub(lambda m: "<p>" + "\n" * m.group(0).count("\n"), text)
    return text


def drop_invisible(root: lxml.html.HtmlElement, noscript_max_visible_chars: int = 0) -> None:
    """Remove script, style and the other never-visible elements, keeping the text after them.
    A page that shows less than noscript_max_visible_chars of text (whitespace left out)
    without scripts, and holds more in <noscript>, is an application whose page is its
    <noscript> fallback (a forum thread served to readers without JavaScript): the
    <noscript> elements are read as part of the page."""
    for el in list(root.iter(*(t for t in DROPPED_TAGS if t != "noscript"))):
        remove(el)
    fallbacks = list(root.iter("noscript"))
    body = root.find("body")
    shown = [el for el in fallbacks if body is None or any(a is body for a in el.iterancestors())]
    if shown and noscript_max_visible_chars > 0:
        hidden = sum(_chars(el) for el in shown if el.getparent() is not None and not any(a.tag == "noscript" for a in el.iterancestors()))
        visible = _chars(body if body is not None else root) - hidden
        if visible < noscript_max_visible_chars and hidden > visible:
            for el in shown:
                if el.getparent() is not None:
                    el.drop_tag()
    for el in fallbacks:
        if el.getparent() is not None:
            remove(el)


def _chars(el: lxml.html.HtmlElement) -> int:
    """Characters of an element's text, whitespace left out."""
    return len("".join(el.text_content().split()))


def remove(el: lxml.etree._Element) -> None:
    """Remove an element and its content but keep its tail text, which belongs to the parent."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail and el.tail.strip():
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)
