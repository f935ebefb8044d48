"""cleaner: raw web captures (HTML, markdown, text) -> clean article text and metadata.

    >>> from cleaner import clean, clean_many
    >>> doc = clean(open("page.md", "rb").read())
    >>> doc.title, doc.text
    >>> for doc in clean_many(captures, jobs=4):   # bytes, str or Capture; in input order
    ...     print(doc.to_dict())
"""
from __future__ import annotations

from .api import clean, default_rules
from .batch import Capture, clean_many
from .errors import CleanerError, DocumentTimeout, InputError, OutputError, RuleError
from .model import Block, BlockKind, Document, Drop, Label
from .ruleset import RuleSet, bundled_rules_dir, load_rules
from .settings import DEFAULT, Settings

__version__ = "0.1.0"

__all__ = [
    "Block", "BlockKind", "Capture", "CleanerError", "DEFAULT", "Document", "DocumentTimeout", "Drop",
    "InputError", "Label", "OutputError", "RuleError", "RuleSet", "Settings", "bundled_rules_dir", "clean",
    "clean_many", "default_rules", "load_rules",
]
