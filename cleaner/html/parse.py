"""Decoded HTML -> an lxml tree: no network, no entity resolution, no scripts or styles.

JSON-LD is read out of its <script> elements before they go, for the metadata step.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import lxml.etree
import lxml.html

from ..errors import InputError

# Elements whose content is never visible text. Comments and processing instructions
# go at parse time.
DROPPED_TAGS = ("script", "style", "noscript", "template", "svg", "iframe", "object", "embed")
_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>", re.I)
_JSON_LD = "application/ld+json"


@dataclass
class Page:
    """One parsed capture: the tree, and what the dropped elements held that metadata needs."""

    tree: lxml.html.HtmlElement
    json_ld: list[str] = field(default_factory=list)  # the text of each ld+json script


def _parser() -> lxml.html.HTMLParser:
    # no_network: never fetch a DTD or an external entity. HTML parsing resolves only the
    # built-in named character references, never a declared entity.
    return lxml.html.HTMLParser(
        remove_comments=True,
        remove_pis=True,
        no_network=True,
        recover=True,
        default_doctype=False,
        collect_ids=False,
        huge_tree=False,
    )


_PARSER = _parser()


def parse(text: str) -> Page:
    """Parse decoded HTML. Line numbers (element.sourceline) refer to lines of `text`."""
    # lxml refuses a str that carries an encoding declaration: blank it, keeping its newlines.
    text = _XML_DECLARATION.sub(lambda m: "\n" * m.group(0).count("\n"), text, count=1)
    try:
        root = lxml.html.document_fromstring(text, parser=_PARSER)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise InputError(f"cannot parse the HTML: {exc}") from None
    json_ld = [
        s.text for s in root.iter("script") if s.text and (s.get("type") or "").strip().lower() == _JSON_LD
    ]
    drop_invisible(root)
    return Page(root, json_ld)


def drop_invisible(root: lxml.html.HtmlElement) -> None:
    """Remove script, style and the other never-visible elements, keeping the text after them."""
    for el in list(root.iter(*DROPPED_TAGS)):
        remove(el)


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
