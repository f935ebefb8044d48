"""Addresses from captures and crawls are untrusted: splitting one never raises."""
from __future__ import annotations

from urllib.parse import SplitResult, unquote
from urllib.parse import urlsplit as _urlsplit

_EMPTY = _urlsplit("")


def urlsplit(url: str) -> SplitResult:
    """urllib.parse.urlsplit, except that an address it refuses ("http://[x": Invalid IPv6
    URL, found by fuzzing a link target) splits as empty: no host, no path."""
    try:
        return _urlsplit(url)
    except ValueError:
        return _EMPTY


def split_address(url: str) -> SplitResult:
    """urlsplit() of an address that may lack its scheme ("example.com/2019/11/19/a"):
    without "//" urllib would read the host as part of the path."""
    return urlsplit(url if "//" in url else "//" + url)


def url_path(url: str) -> str:
    """The address's path, percent-decoded."""
    return unquote(split_address(url).path)
