#!/usr/bin/env python3
"""The md path on hard-wrapped captures: each corpus's markdown captures as they are, and again
wrapped at 78 columns as html2text wraps its output unless told not to (its default
body_width), cleaned by the cleaner with and without its unwrapping step, beside trafilatura on
the markdown rendered to HTML and keeping every line. The corpora's captures are not wrapped;
many captures in the wild are.

    python bench/wrapped_markdown.py --data ../shared/bench --data ../shared/wcxb-dev --jobs 2

The wrap follows html2text's own (its optwrap): textwrap at the width, long words left whole,
a quote's continuation lines open with "> " again, and these lines are left as they are: code (indented by four spaces or a tab, or inside a fence),
list items, and lines html2text takes for table rows (with " | "); a line's hard break (two
trailing spaces) is kept.
"""
from __future__ import annotations

import argparse
import re
import sys
import textwrap
from dataclasses import replace
from pathlib import Path

BENCH = Path(__file__).resolve().parent
for _path in (str(BENCH.parent), str(BENCH)):
    if _path not in sys.path:
        sys.path.insert(0, _path)

from corpora import Page, add_data_argument, data_folders, stress_readings  # noqa: E402
from peers import keep_everything, trafilatura_markdown  # noqa: E402

WIDTH = 78  # html2text's default body_width
_LIST = re.compile(r"^\s*(?:[-*+]\s|\d+\.\s)")


def wrapped(markdown: str, width: int = WIDTH) -> str:
    """The capture as html2text would have written it with its default wrapping (see above)."""
    out: list[str] = []
    fenced = False
    for line in markdown.split("\n"):
        if line.lstrip().startswith("```"):
            fenced = not fenced
        stripped = line.lstrip()
        if (
            fenced or not line or line.startswith(("    ", "\t")) or " | " in line or _LIST.match(line)
            or (stripped[:1] in "-*" and stripped[:2] != "**" and stripped[:2] != "--")
        ):
            out.append(line)
            continue
        indent = "> " if line.startswith("> ") else ""  # html2text continues a quote's lines so
        lines = textwrap.wrap(line, width, break_long_words=False, subsequent_indent=indent)
        if line.endswith("  ") and lines:
            lines[-1] += "  "
        out.extend(lines or [line])
    return "\n".join(out)


def _clean(markdown: str, url: str, unwrap: bool) -> str:
    from cleaner import clean
    from cleaner.settings import DEFAULT

    settings = DEFAULT if unwrap else replace(DEFAULT, wrap_min_lines=10**9)  # no capture is wrapped
    try:
        return clean(markdown, kind="markdown", url=url or None, settings=settings).text
    except Exception as exc:  # a page the cleaner refuses counts as empty, and is named
        print(f"  cleaner failed: {url}: {exc}", file=sys.stderr)
        return ""


def _read(page: Page) -> tuple[str, dict[str, str]]:
    markdown = page.raw.decode("utf-8", "replace")
    wrap = wrapped(markdown)
    return page.id, {
        "cleaner": _clean(markdown, page.url, True),
        "cleaner, wrapped": _clean(wrap, page.url, True),
        "cleaner without unwrapping, wrapped": _clean(wrap, page.url, False),
        "trafilatura on the rendered md, wrapped": trafilatura_markdown(wrap),
        "keep everything, wrapped": keep_everything(wrap),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_data_argument(ap)
    ap.add_argument("--jobs", type=int, default=1, help="processes that clean the pages")
    ap.add_argument("--worst", type=int, default=10, help="list this many pages the wrapping costs the cleaner most")
    args = ap.parse_args()
    folders = data_folders(args.data)
    for corpus, per_page in stress_readings(folders, _read, "md", ".md", args.jobs, "markdown captures"):
        mine, wrapped_mine = per_page["cleaner"], per_page["cleaner, wrapped"]
        worst = corpus.worst({i: mine[i] - wrapped_mine[i] for i in corpus.ids}, args.worst)
        if worst:
            print("\nPages with a body that the wrapping costs the cleaner most (page F1):\n")
            for i in worst:
                print(f"  {i[:12]} {mine[i]:.2f} -> {wrapped_mine[i]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
