"""Text bound for a terminal or a log: names and URIs come from the inputs (a file name, a
WARC-Target-URI), and a control character in one must print as an escape, never act:
ESC starts a terminal escape sequence, BEL rings, a newline or carriage return forges a
log line, and a bidirectional override reorders what is shown."""
from __future__ import annotations

import re

# C0 controls but tab (harmless, and --explain's field separator), DEL, C1 controls, the
# Unicode line and paragraph separators, and the bidirectional embeddings, overrides and
# isolates.
_UNPRINTABLE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """`text` with each control character written as a Python escape (ESC as \\x1b)."""
    return _UNPRINTABLE.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
