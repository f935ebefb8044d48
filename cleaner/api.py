"""clean(): one capture -> one Document. Batches of captures are in batch.py."""
from __future__ import annotations

from .model import Document
from .ruleset import RuleSet, bundled_rules_dir, load_rules
from .settings import DEFAULT, Settings


def default_rules() -> RuleSet:
    """The bundled rule files, loaded once per process (later calls return the same RuleSet)."""
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
    charset: str | None = None,
) -> Document:
    """Clean one raw capture and return its Document.

    raw: the capture. Bytes are decoded here (BOM, declared charset, detection; gzip is
        inflated); a str is taken as already decoded.
    url: the page's address. Host-scoped rules match against it, and it is copied to
        Document.url.
    kind: "auto" (detect), "html", "markdown" or "text".
    rules: the rule set. None means the bundled rules; RuleSet() means none at all;
        RuleSet.from_paths([...]) loads your own.
    explain: keep every Block, with the Drop (rule id or classifier reason) that removed
        it, in Document.blocks. With False they are cleared to save memory.
    source: what to put in Document.source (a path, a URL, an id).
    settings: thresholds and limits; cleaner.DEFAULT unless you tune them.
    charset: the encoding the transport declared for bytes (an HTTP Content-Type's
        charset); it is trusted before the page's own declaration, after a BOM and valid
        UTF-8. Ignored for a str.

    Raises InputError when the capture cannot be decoded (binary data, an oversized or
    corrupt gzip), and ValueError for an unknown kind. Thread-safe: the rules are
    read-only once loaded and each call works on its own Blocks. The Document pickles.
    """
    from .pipeline import clean_text

    doc = clean_text(raw, source=source, url=url, kind=kind, rules=default_rules() if rules is None else rules, settings=settings, charset=charset)
    if not explain:
        doc.blocks = []
    return doc
