"""--site-memory: within a batch, a line that repeats across many captures of one site is
boilerplate, even if no rule names it.

Results are fed in input order. For each host, the memory counts in how many captures
(distinct URLs) each line has been seen so far; once a line reaches
site_memory_min_captures, it is dropped from that capture and every later one, with the
reason `site:repeated-line`. The first captures of a site keep such a line, since no
batch can look ahead while streaming; in exchange the result depends only on the input
order, never on timing or on the number of jobs. Captures without a URL are left alone:
a folder of files says nothing about which site each came from.
"""
from __future__ import annotations

import hashlib
from collections import OrderedDict
from typing import TYPE_CHECKING

from .model import Drop, DropSource
from .render import to_markdown, to_text
from .settings import DEFAULT, Settings
from .urls import urlsplit

if TYPE_CHECKING:
    from .batch import Result

REASON = "repeated-line"


class _Site:
    __slots__ = ("lines", "urls")

    def __init__(self) -> None:
        self.lines: dict[int, int] = {}  # line key -> captures carrying it
        self.urls: set[int] = set()


class SiteMemory:
    def __init__(self, settings: Settings = DEFAULT) -> None:
        self.settings = settings
        self.sites: OrderedDict[str, _Site] = OrderedDict()  # least recently seen first

    def apply(self, result: Result) -> int:
        """Count the result's lines, drop those its site repeats; return how many it dropped.
        Needs the Document's blocks (Options.keep_blocks)."""
        doc = result.doc
        host = _host(doc.url) if doc is not None and doc.url else None
        if doc is None or host is None or not doc.blocks:
            return 0
        site = self._site(host)
        keys = [_key(b.text) if b.text else None for b in doc.blocks]
        url = _key(doc.url or "")
        if url not in site.urls:  # the same page twice is not a repetition
            if len(site.urls) < self.settings.site_memory_max_lines_per_site:
                site.urls.add(url)
            for line in {k for k in keys if k is not None}:
                site.lines[line] = site.lines.get(line, 0) + 1
            self._bound(site)
        threshold = self.settings.site_memory_min_captures
        dropped = 0
        for block, key in zip(doc.blocks, keys):
            if block.drop is None and key is not None and site.lines.get(key, 0) >= threshold:
                block.drop = Drop(DropSource.SITE, REASON)
                dropped += 1
        if dropped:
            doc.text, doc.markdown = to_text(doc.blocks), to_markdown(doc.blocks)
            doc.removed += dropped
            result.removed[f"{DropSource.SITE.value}:{REASON}"] += dropped
        return dropped

    def _site(self, host: str) -> _Site:
        site = self.sites.get(host)
        if site is None:
            site = self.sites[host] = _Site()
            if len(self.sites) > self.settings.site_memory_max_sites:
                self.sites.popitem(last=False)
        else:
            self.sites.move_to_end(host)
        return site

    def _bound(self, site: _Site) -> None:
        if len(site.lines) > self.settings.site_memory_max_lines_per_site:
            # Lines seen once are mostly article text; forget them, keep the repeated ones.
            site.lines = {k: n for k, n in site.lines.items() if n > 1}
        if len(site.lines) > self.settings.site_memory_max_lines_per_site:
            keep = sorted(site.lines.items(), key=lambda kv: -kv[1])[: self.settings.site_memory_max_lines_per_site // 2]
            site.lines = dict(keep)


def _host(url: str) -> str | None:
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    return host.removeprefix("www.") if host else None


def _key(text: str) -> int:
    normal = " ".join(text.casefold().split())
    return int.from_bytes(hashlib.blake2b(normal.encode("utf-8", "replace"), digest_size=8).digest(), "big")
