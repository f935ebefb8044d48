"""Addresses from captures and crawls are untrusted: splitting one never raises."""
from __future__ import annotations

from urllib.parse import SplitResult
from urllib.parse import urlsplit as _urlsplit

_EMPTY = _urlsplit("")


def urlsplit(url: str) -> SplitResult:
    """urllib.parse.urlsplit, except that an address it refuses ("http://[x": Invalid IPv6
    URL, found by fuzzing a link target) splits as empty: no host, no path."""
    try:
        return _urlsplit(url)
    except ValueError:
        return _EMPTY
