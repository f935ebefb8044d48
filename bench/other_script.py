#!/usr/bin/env python3
"""The cleaner on pages in a script it has no word list for: every letter of each capture and
of its truth mapped to a Georgian letter (a bijection of a-z, capitals folded, as Georgian
has none), so that the pages read as a language whose function words no stoplist holds and
whose words have no capitals, with their structure, lengths, punctuation and links unchanged.
Cleaned by the cleaner and by the peers side by side, as captured and mapped.

    python bench/other_script.py --data ../shared/bench --data ../shared/wcxb-dev --jobs 2
    python bench/other_script.py --kind txt ...   # one kind of capture

lid.176 names the mapped pages Georgian, which jusText has no stoplist for: so they stand in
for the many languages without one (Georgian, Armenian, Hindi, Tamil, Thai...). Link targets,
bare URLs, HTML tags, entities, scripts and styles are left as they are. The rule files'
English phrases no longer match, as they would not on such a page. A stress test, not an
estimate of another language: no real text is a letter-for-letter copy of English.
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


def mapped_html(page: str) -> str:
    """The page with the text between its tags mapped; tags, scripts and styles as they are."""
    return "".join(part if n % 2 else mapped(part) for n, part in enumerate(_MARKUP.split(page)))


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
            truth = corpus.truth()
            worst = sorted((i for i in corpus.ids if not corpus.is_empty(truth[i])),
                           key=lambda i: per_page["cleaner, mapped"][i] - per_page["cleaner"][i])[: args.worst]
            if worst:
                print(f"\nPages with a body that the mapping costs the cleaner most ({kind}, page F1):\n")
                for i in worst:
                    print(f"  {i[:12]} {per_page['cleaner'][i]:.2f} -> {per_page['cleaner, mapped'][i]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
