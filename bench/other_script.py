#!/usr/bin/env python3
"""The cleaner on pages in a script it has no word list for: every letter of each capture and
of its truth mapped to a Georgian letter (a bijection of a-z, capitals folded, as Georgian
has none), so that the pages read as a language whose function words no stoplist holds and
whose words have no capitals, with their structure, lengths, punctuation and links unchanged.
Cleaned by the cleaner and by the peers side by side, as captured and mapped.

    python bench/other_script.py --data ../shared/bench --data ../shared/wcxb-dev --jobs 2
    python bench/other_script.py --kind txt ...   # one kind of capture

lid.176 names the mapped pages Georgian, which jusText has no stoplist for: so they stand in
for the many languages without one (Georgian, Armenian, Hindi, Tamil, Thai...). In HTML, what
a reader sees of the tags is mapped too (alt and title values, a title or description <meta>)
and the text fields of JSON-LD, so that the page's declared title still matches its headline.
Link targets, bare URLs, tag names, other attributes, entities, dates, scripts and styles
are left as they are. The rule files'
English phrases no longer match, as they would not on such a page. A stress test, not an
estimate of another language: no real text is a letter-for-letter copy of English.
"""
from __future__ import annotations

import argparse
import functools
import json
import re
import sys
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
for _path in (str(BENCH.parent), str(BENCH)):
    if _path not in sys.path:
        sys.path.insert(0, _path)

from corpora import Page, add_data_argument, data_folders, stress_readings  # noqa: E402
from peers import PEERS  # noqa: E402

_LOWER = "abcdefghijklmnopqrstuvwxyz"
_GEORGIAN = "".join(chr(0x10D0 + n) for n in range(26))  # ა, ბ, გ, ...
MAP = str.maketrans(_LOWER + _LOWER.upper(), _GEORGIAN * 2)
# Left as they are: markdown link targets, bare URLs, character references.
_KEEP = re.compile(r"\]\([^)\s]*\)|https?://\S+|www\.\S+|&#?\w+;")
# In HTML only the text between tags is mapped; scripts, styles and comments stay whole.
_MARKUP = re.compile(r"(<script\b.*?</script\s*>|<style\b.*?</style\s*>|<!--.*?-->|<[^>]*>)", re.I | re.S)
_KINDS = {"html": ("html", ".html.gz", "html"), "md": ("md", ".md", "markdown"), "txt": ("txt", ".txt", "text")}


def mapped(text: str) -> str:
    """The text with its letters mapped (see above), link targets and URLs left as they are."""
    out, last = [], 0
    for m in _KEEP.finditer(text):
        out.append(text[last : m.start()].translate(MAP))
        out.append(m.group())
        last = m.end()
    out.append(text[last:].translate(MAP))
    return "".join(out)


# Attributes whose values a reader sees or a metadata reader takes as text; a <meta>'s content
# only where its name says it is a title, description, author, site name or keywords.
_SHOWN = re.compile(r"""(\s(?:alt|title|aria-label|placeholder)\s*=\s*)("[^"]*"|'[^']*')""", re.I)
_META_TEXT = re.compile(r"""<meta\b[^>]*(?:name|property|itemprop)\s*=\s*["']?[^"'>]*(?:title|description|author|site_name|keywords)""", re.I)
_CONTENT = re.compile(r"""(\scontent\s*=\s*)("[^"]*"|'[^']*')""", re.I)
_LD_JSON = re.compile(r"(<script[^>]*application/ld\+json[^>]*>)(.*?)(</script\s*>)", re.I | re.S)
# Structured data's text fields (an author's name among them); dates, URLs and types stay.
_LD_TEXT = frozenset({"headline", "alternativeHeadline", "name", "description", "articleBody", "text", "caption", "keywords", "articleSection"})


def _mapped_value(m: re.Match[str]) -> str:
    return m.group(1) + mapped(m.group(2))


def _mapped_tag(tag: str) -> str:
    tag = _SHOWN.sub(_mapped_value, tag)
    return _CONTENT.sub(_mapped_value, tag) if _META_TEXT.match(tag) else tag


def _mapped_json(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: mapped(v) if k in _LD_TEXT and isinstance(v, str) else _mapped_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_mapped_json(v) for v in value]
    return value


def _mapped_ld(m: re.Match[str]) -> str:
    try:
        data = json.loads(m.group(2))
    except ValueError:
        return m.group(0)  # left as it is, as a reader of structured data would skip it
    return m.group(1) + json.dumps(_mapped_json(data), ensure_ascii=False) + m.group(3)


def mapped_html(page: str) -> str:
    """The page with the text between its tags mapped, and with it what a reader sees of its
    tags (alt, title, aria-label and placeholder values, the text of title, description,
    author, site-name and keyword <meta> tags) and the text fields of its JSON-LD; other
    scripts, styles, comments, URLs, dates and names of things as they are."""
    page = _LD_JSON.sub(_mapped_ld, page)
    parts = _MARKUP.split(page)
    return "".join((part if part.startswith(("<script", "<SCRIPT", "<style", "<STYLE", "<!--")) else _mapped_tag(part)) if n % 2 else mapped(part)
                   for n, part in enumerate(parts))


def _clean(text: str, kind: str, url: str) -> str:
    from cleaner import clean

    try:
        return clean(text, kind=kind, url=url or None).text
    except Exception as exc:  # a page the cleaner refuses counts as empty, and is named
        print(f"  cleaner failed: {url}: {exc}", file=sys.stderr)
        return ""


def _read(page: Page, kind: str) -> tuple[str, dict[str, str]]:
    capture = page.text
    changed = mapped_html(capture) if kind == "html" else mapped(capture)
    mode = _KINDS[kind][2]
    # The readings of the capture as it is are mapped after cleaning, to be scored against the
    # mapped truth beside the others.
    readings = {"cleaner": mapped(_clean(capture, mode, page.url)), "cleaner, mapped": _clean(changed, mode, page.url)}
    for peer in PEERS[kind]:
        try:
            readings[f"{peer.label}, mapped"] = peer.extract(changed)
        except Exception as exc:  # a peer that fails on a page gives nothing for it
            print(f"  {peer.label} failed: {page.url}: {exc}", file=sys.stderr)
            readings[f"{peer.label}, mapped"] = ""
    return page.id, readings


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_data_argument(ap)
    ap.add_argument("--jobs", type=int, default=1, help="processes that clean the pages")
    ap.add_argument("--kind", choices=sorted(_KINDS), action="append", help="a kind of capture (all three if not given)")
    ap.add_argument("--worst", type=int, default=10, help="list this many pages the mapping costs the cleaner most")
    args = ap.parse_args()
    folders = data_folders(args.data)
    for kind in args.kind or ["html", "md", "txt"]:
        folder, suffix, _ = _KINDS[kind]
        read = functools.partial(_read, kind=kind)
        for corpus, per_page in stress_readings(folders, read, folder, suffix, args.jobs, f"{kind} captures, letters mapped", mapped):
            mine, mapped_mine = per_page["cleaner"], per_page["cleaner, mapped"]
            worst = corpus.worst({i: mine[i] - mapped_mine[i] for i in corpus.ids}, args.worst)
            if worst:
                print(f"\nPages with a body that the mapping costs the cleaner most ({kind}, page F1):\n")
                for i in worst:
                    print(f"  {i[:12]} {mine[i]:.2f} -> {mapped_mine[i]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
