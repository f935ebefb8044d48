"""cleaner: raw web captures (HTML, markdown, text) -> clean article text and metadata.

    >>> from cleaner import clean
    >>> doc = clean(open("page.md", "rb").read())
    >>> doc.title, doc.text
"""
from __future__ import annotations

from .errors import CleanerError, InputError, RuleError
from .model import Block, BlockKind, Document, Drop, Label
from .ruleset import RuleSet, bundled_rules_dir, load_rules
from .settings import DEFAULT, Settings

__version__ = "0.1.0"


def default_rules() -> RuleSet:
    """The bundled rule files, loaded once per process."""
    return load_rules((str(bundled_rules_dir()),))


def clean(
    raw: bytes | str,
    *,
    url: str | None = None,
    kind: str = "auto",
    rules: RuleSet | None = None,
    explain: bool = False,
    source: str = "-",
    settings: Settings = DEFAULT,
) -> Document:
    """Clean one raw capture.

    raw: the capture, as bytes (decoded here) or text.
    url: the page's address; host-scoped rules match against it.
    kind: "auto", "html", "markdown" or "text".
    rules: the rule set; None means the bundled rules.
    explain: keep the dropped blocks and their reasons in Document.blocks
        (they are always there; with explain=False they are cleared to save memory).
    source: what to put in Document.source.
    """
    from .pipeline import clean_text

    doc = clean_text(raw, source=source, url=url, kind=kind, rules=default_rules() if rules is None else rules, settings=settings)
    if not explain:
        doc.blocks = []
    return doc


__all__ = [
    "Block", "BlockKind", "CleanerError", "DEFAULT", "Document", "Drop", "InputError", "Label",
    "RuleError", "RuleSet", "Settings", "clean", "default_rules", "load_rules",
]
