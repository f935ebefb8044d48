#!/usr/bin/env python3
"""The HTML path on pages of older markup: each corpus's HTML pages as captured, and again with
what HTML5 and structured data added to a page taken out, cleaned by the cleaner and by
trafilatura side by side. A cleaner that leans on `<nav>`, `<article>` or JSON-LD loses more
there than trafilatura does; one that reads a page as any page is written loses about as much.

    python bench/older_markup.py --data ../shared/bench --data ../shared/wcxb-dev --jobs 2
    python bench/older_markup.py --breaks ...   # paragraphs marked by line breaks as well
    python bench/older_markup.py --table ...    # the page laid out in a table as well

Taken out: the sectioning and figure tags (article, main, header, footer, nav, aside, section,
figure, figcaption, summary, details become <div>; time and mark become <span>), the role,
itemprop, itemscope, itemtype and aria-* attributes, ld+json scripts and og:, article: and
twitter: meta tags. Class names and ids stay: older pages name their boxes too. The transform
is harsher than most older pages (a modern page's hashed class names say nothing once its tags
are gone), so the figures are a stress test, not an estimate of another corpus.

With --breaks, every <p> is taken out as well and its end becomes two <br>s: a page whose
paragraphs are runs of text parted by line breaks, as many pages were written before CSS.
With --table, the body is laid out in a table as well: a cell of menu links, the page, and a
cell of side links.
"""
from __future__ import annotations

import argparse
import functools
import re
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
for _path in (str(BENCH.parent), str(BENCH)):
    if _path not in sys.path:
        sys.path.insert(0, _path)

from corpora import Page, add_data_argument, data_folders, stress_readings  # noqa: E402
from peers import trafilatura_html  # noqa: E402

_SECTIONING = re.compile(r"<(/?)(article|main|header|footer|nav|aside|section|figure|figcaption|summary|details|time|mark)\b", re.I)
_INLINE = {"time", "mark"}
_ATTRIBUTES = re.compile(r"""\s(?:role|itemprop|itemscope|itemtype|aria-[a-z-]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?""", re.I)
_JSON_LD = re.compile(r"<script[^>]*application/ld\+json.*?</script>", re.I | re.S)
_SOCIAL_META = re.compile(r"<meta[^>]*(?:og:|article:|twitter:)[^>]*>", re.I)
_P_OPEN = re.compile(r"<p(?:\s[^>]*)?>", re.I)
_P_CLOSE = re.compile(r"</p\s*>", re.I)
_BODY = re.compile(r"(<body[^>]*>)(.*)(</body\s*>)", re.I | re.S)
_MENU_CELL = (
    '<td width="150" valign="top"><a href="/">Home</a><br><a href="/news">News</a><br>'
    '<a href="/sport">Sport</a><br><a href="/contact">Contact us</a></td>'
)
_SIDE_CELL = '<td width="160" valign="top"><b>Links</b><br><a href="http://other.example/">Partner site</a><br><a href="/archive">Archive</a></td>'


def older(html: str) -> str:
    """The page with its HTML5 sectioning, ARIA and structured data taken out (see above)."""
    html = _SECTIONING.sub(lambda m: f"<{m.group(1)}{'span' if m.group(2).lower() in _INLINE else 'div'}", html)
    html = _JSON_LD.sub("", html)
    html = _SOCIAL_META.sub("", html)
    return _ATTRIBUTES.sub("", html)


def with_breaks(html: str) -> str:
    """The page with its <p> tags taken out and each paragraph's end made two <br>s."""
    return _P_CLOSE.sub("<br><br>", _P_OPEN.sub("", html))


def in_table(html: str) -> str:
    """The page with its body laid out in a table: a cell of menu links, the body, a cell of
    side links (a page without a <body> tag is left as it is)."""
    m = _BODY.search(html)
    if m is None:
        return html
    layout = f'<table width="100%" border="0"><tr>{_MENU_CELL}<td valign="top">{m.group(2)}</td>{_SIDE_CELL}</tr></table>'
    return html[: m.start(2)] + layout + html[m.end(2) :]


def _clean(html: str, url: str) -> str:
    from cleaner import clean

    try:
        return clean(html, kind="html", url=url or None).text
    except Exception as exc:  # a page the cleaner refuses counts as empty, and is named
        print(f"  cleaner failed: {url}: {exc}", file=sys.stderr)
        return ""


def variant(breaks: bool, table: bool) -> str:
    """The name of the transform the options ask for, as the table's rows print it."""
    return "older markup" + (", line breaks" if breaks else "") + (", table layout" if table else "")


def _read(page: Page, breaks: bool = False, table: bool = False) -> tuple[str, dict[str, str]]:
    html = page.text
    changed = older(html)
    if breaks:
        changed = with_breaks(changed)
    if table:
        changed = in_table(changed)
    name = variant(breaks, table)
    return page.id, {
        "cleaner": _clean(html, page.url), f"cleaner, {name}": _clean(changed, page.url),
        "trafilatura": trafilatura_html(html), f"trafilatura, {name}": trafilatura_html(changed),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_data_argument(ap)
    ap.add_argument("--jobs", type=int, default=1, help="processes that clean the pages")
    ap.add_argument("--breaks", action="store_true", help="also mark paragraphs by line breaks, not <p>")
    ap.add_argument("--table", action="store_true", help="also lay the body out in a table, between menu and side cells")
    ap.add_argument("--worst", type=int, default=10, help="list this many pages the older markup costs the cleaner most, beside trafilatura")
    args = ap.parse_args()
    folders = data_folders(args.data)
    read = functools.partial(_read, breaks=args.breaks, table=args.table)
    for corpus, per_page in stress_readings(folders, read, "html", ".html.gz", args.jobs, "HTML pages"):
        # What the older markup costs the cleaner beyond what it costs trafilatura (a page
        # trafilatura reads better so has cost the cleaner only its own loss).
        changed = variant(args.breaks, args.table)
        mine, theirs = per_page["cleaner"], per_page["trafilatura"]
        mine_changed, theirs_changed = per_page[f"cleaner, {changed}"], per_page[f"trafilatura, {changed}"]
        loss = {i: (mine[i] - mine_changed[i]) - max(0.0, theirs[i] - theirs_changed[i]) for i in corpus.ids}
        worst = corpus.worst(loss, args.worst)
        if worst:
            print(f"\nPages with a body that the {changed} costs the cleaner most, beside what it costs trafilatura (page F1):\n")
            for i in worst:
                print(f"  {i[:12]} cleaner {mine[i]:.2f} -> {mine_changed[i]:.2f}, trafilatura {theirs[i]:.2f} -> {theirs_changed[i]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
