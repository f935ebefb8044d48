"""`clean report`: explanation records -> a self-contained HTML review page.

Inline CSS only: no script, no font, nothing fetched. One file (`-o report.html`) holds the
legend, the index, the summary and every capture. A folder (`-o DIR/`) holds index.html
(legend, index, summary), more index pages past 500 captures, and one page per capture under
captures/, so that each page of a batch of thousands opens as fast as a batch of five.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from . import __version__
from .batch import counted
from .explain import FIELDS, BlockRecord, Explanation
from .golden import GoldenDiff, Mark
from .model import DropSource
from .ruleset import RuleSet

# A capture that keeps at least this share of its words probably kept boilerplate too: every
# seed capture has some, and keeps 71-94% (seeds).
ALMOST_ALL_KEPT_SHARE = 0.98
# One file holds every capture, about 23 kB each. Headless Chromium draws 100 of them (2.3 MB)
# in 2 s more than an empty page, but 1,000 in 80 s. Bigger batches must go to a folder (-o DIR/).
SINGLE_FILE_MAX_CAPTURES = 100
# Index rows per index page in a folder: 500 rows are ~190 kB and draw in 0.5 s more than an empty page.
INDEX_PAGE_CAPTURES = 500
TOP_CLASSIFIER_CAPTURES = 10  # how many captures the summary lists under "where the classifier decides most"

# What each drop source looks like: an icon and a word, never the colour alone. A source not
# named here gets a dot, its own name and a neutral colour.
_TAGS = {DropSource.RULE: ("✂", "rule"), DropSource.CLASSIFIER: ("⚖", "classifier"), DropSource.METADATA: ("✎", "metadata")}
_MARKS = {Mark.EXTRA: ("+", "not in golden"), Mark.MISSING: ("−", "golden keeps this")}


@dataclass
class Entry:
    """One input: its explanation, or the error that stopped it; its golden diff with --against."""

    source: str
    explanation: Explanation | None = None
    error: str | None = None
    diff: GoldenDiff | None = None

    @property
    def warning(self) -> str | None:
        ex = self.explanation
        if ex is None:
            return "could not be read"
        kept, total = ex.words_kept, ex.words_kept + ex.words_removed
        if kept == 0:
            return "nothing kept"
        if kept >= ALMOST_ALL_KEPT_SHARE * total:
            return "almost everything kept"
        return None


@dataclass
class Summary:
    """Removed blocks across all captures, by rule, by classifier reason and by metadata field."""

    rule_blocks: Counter[str] = field(default_factory=Counter)
    rule_captures: Counter[str] = field(default_factory=Counter)
    rule_fields: Counter[str] = field(default_factory=Counter)  # metadata fields a rule supplied
    classifier_blocks: Counter[str] = field(default_factory=Counter)
    classifier_words: Counter[str] = field(default_factory=Counter)
    classifier_captures: Counter[str] = field(default_factory=Counter)
    metadata_blocks: Counter[str] = field(default_factory=Counter)
    other_blocks: Counter[str] = field(default_factory=Counter)  # any other drop source, as "source:reason"
    by_source: Counter[DropSource] = field(default_factory=Counter)
    kept_blocks: int = 0


def summarize(captures: Iterable[Entry], rule_ids: set[str]) -> Summary:
    s = Summary()
    for c in captures:
        ex = c.explanation
        if ex is None:
            continue
        rules_here: set[str] = set()
        reasons_here: set[str] = set()
        for b in ex.blocks:
            if b.drop is None:
                s.kept_blocks += 1
                continue
            s.by_source[b.drop.source] += 1
            reason = b.drop.reason
            if b.drop.source is DropSource.CLASSIFIER:
                s.classifier_blocks[reason] += 1
                s.classifier_words[reason] += b.words
                reasons_here.add(reason)
            elif b.drop.source is DropSource.RULE or reason in rule_ids:  # an extract rule's line counts for its rule
                s.rule_blocks[reason] += 1
                rules_here.add(reason)
            elif b.drop.source is DropSource.METADATA:
                s.metadata_blocks[reason] += 1
            else:
                s.other_blocks[str(b.drop)] += 1
        for f in ex.fields:
            if f.evidence is not None and f.evidence.source.startswith("rule "):
                rule_id = f.evidence.source.removeprefix("rule ")
                s.rule_fields[rule_id] += 1
                rules_here.add(rule_id)
        s.rule_captures.update(rules_here)
        s.classifier_captures.update(reasons_here)
    return s


def check_output(output: str | Path, captures: int) -> bool:
    """True for a folder (the name ends in a slash, or it is one); ValueError when a single
    file would be too big to open quickly."""
    as_folder = str(output).endswith(("/", "\\")) or Path(output).is_dir()
    if not as_folder and captures > SINGLE_FILE_MAX_CAPTURES:
        raise ValueError(f"{captures} captures are too many for one file (at most {SINGLE_FILE_MAX_CAPTURES}); write a folder instead: -o DIR/")
    return as_folder


def write_report(captures: list[Entry], rules: RuleSet, output: str | Path) -> list[Path]:
    """Write one file, or a folder when output ends in a slash or already is one: index.html
    (legend, index, summary), index-2.html ... for more captures than one index page holds,
    and captures/NNNN.html. Returns the files written, the first page first."""
    as_folder = check_output(output, len(captures))
    output = Path(output)
    summary = summarize(captures, {r.id for r in rules})
    total = len(captures)
    if not as_folder:

        def anchor(n: int) -> str:
            return f"#c{n}"

        html = _page(
            f"cleaner report: {counted(total, 'capture')}",
            _header(captures, rules, home="")
            + _legend(captures)
            + _index(captures, range(1, total + 1), anchor, pager="")
            + _summary(captures, summary, rules, anchor)
            + "".join(_capture(c, n, total, _single_nav) for n, c in enumerate(captures, 1)),
        )
        _write(output, html)
        return [output]
    width = max(4, len(str(total)))

    def name(n: int) -> str:  # a capture's page, in captures/
        return f"{n:0{width}d}.html"

    def link(n: int) -> str:
        return f"captures/{name(n)}"

    def index_name(k: int) -> str:
        return "index.html" if k == 0 else f"index-{k + 1}.html"

    def page_of(n: int) -> str:  # the index page that lists capture n
        return index_name((n - 1) // INDEX_PAGE_CAPTURES)

    pages = [range(first, min(first + INDEX_PAGE_CAPTURES, total + 1)) for first in range(1, total + 1, INDEX_PAGE_CAPTURES)] or [range(1, 1)]
    written = []
    for k, rows in enumerate(pages):
        pager = _pager(pages, k, index_name)
        if k == 0:
            body = _header(captures, rules, home="") + _legend(captures) + _index(captures, rows, link, pager) + _summary(captures, summary, rules, link)
        else:
            body = _header(captures, rules, home="index.html") + _index(captures, rows, link, pager)
        written.append(output / index_name(k))
        _write(written[-1], _page(f"cleaner report: {counted(total, 'capture')}" + (f", page {k + 1}" if k else ""), body), in_folder=True)
    folder = output / "captures"
    for n, c in enumerate(captures, 1):
        html = _page(f"{n}. {_title(c)}: cleaner report", _capture(c, n, total, _folder_nav(name, page_of), heading=1))
        written.append(folder / name(n))
        _write(written[-1], html, in_folder=True)
    keep = set(written)
    for stale in [*output.glob("index-*.html"), *folder.glob("*.html")]:  # from an earlier, bigger batch
        if re.fullmatch(r"index-\d+\.html|\d+\.html", stale.name) and stale not in keep:
            stale.unlink()
    return written


def _pager(pages: list[range], k: int, index_name: Callable[[int], str]) -> str:
    if len(pages) < 2:
        return ""
    links = [
        f'<li><a href="{index_name(i)}#index"{" aria-current=page" if i == k else ""}>{r.start}–{r.stop - 1}</a></li>'
        for i, r in enumerate(pages)
    ]
    return f'<nav aria-label="Index pages"><ul class="inline">{"".join(links)}</ul></nav>'


def _write(path: Path, text: str, *, in_folder: bool = False) -> None:
    """Atomically, or in place for a device or FIFO (-o /dev/null): see outputs.output_file.
    A page of a report folder is only ever a regular file there: a link could lead out."""
    from .errors import OutputError
    from .outputs import AtomicFile, output_file

    path.parent.mkdir(parents=True, exist_ok=True)
    if in_folder and (path.is_symlink() or (path.exists() and not path.is_file())):
        raise OutputError(f"cannot write {path}: it is a symbolic link, FIFO or device, which is never replaced")
    out = AtomicFile(path) if in_folder else output_file(path)
    out.write(text)
    out.commit()


# --- page parts ----------------------------------------------------------------------------------


def _page(title: str, body: str) -> str:
    return (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        f'<main id="main">\n{body}</main>\n</body>\n</html>\n'
    )


def _header(captures: list[Entry], rules: RuleSet, *, home: str) -> str:
    """home: "" on the page that holds the legend and the summary, else that page's name."""
    against = sum(1 for c in captures if c.diff is not None)
    parts = [counted(len(captures), "capture"), f"{counted(len(rules), 'rule')} from {counted(len(rules.sources), 'file')}", f"cleaner {__version__}"]
    if against:
        parts.append(f"compared with {counted(against, 'golden')}")
    links = f'<li><a href="{home}#legend">How to read this page</a></li><li><a href="#index">Index</a></li><li><a href="{home}#summary">Summary</a></li>'
    return (
        f'<header><h1>cleaner report</h1><p>{escape(" · ".join(parts))}</p>'
        f'<nav aria-label="Report sections"><ul class="inline">{links}</ul></nav></header>\n'
    )


def _legend(captures: list[Entry]) -> str:
    items = [
        '<li><span class="b-kept-sample">Kept text</span> is in normal type.</li>',
        f'<li><del class="r-sample">Removed text</del> is struck through and grey, and carries {_tag(DropSource.RULE)} '
        "and the id of the rule that removed it (from <code>rules/*.yaml</code>).</li>",
        f"<li>{_tag(DropSource.CLASSIFIER)}: the block classifier removed it; the reason names the feature or pass that decided.</li>",
        f"<li>{_tag(DropSource.METADATA)}: the line became a metadata field (title, byline, …), by the rule or heuristic named.</li>",
        *(f"<li>{_tag(src)}: removed by the {escape(src.value)} step.</li>" for src in DropSource if src not in _TAGS),
        "<li>Each block starts with its line numbers in the capture. <em>Features</em> opens the values the classifier saw.</li>",
        '<li><span class="warn">⚠ Warning</span> in the index: nothing was kept, or almost everything was (the boilerplate may have stayed).</li>',
    ]
    if any(c.diff is not None for c in captures):
        items.append(f"<li>{_mark(Mark.EXTRA)}: kept here, not in the fixture's expected.txt. {_mark(Mark.MISSING)}: removed here, expected.txt keeps it. "
                     '<span class="tag gold">− only in golden</span>: a golden line that matches no block here.</li>')
    return f'<section id="legend" aria-labelledby="legend-h"><h2 id="legend-h">How to read this page</h2><ul>{"".join(items)}</ul></section>\n'


def _index(captures: list[Entry], numbers: range, href: Callable[[int], str], pager: str) -> str:
    golden = any(c.diff is not None for c in captures)
    head = ["#", "Capture", "Kind", "Language", "Words kept", "Words removed", "Removed by " + " / ".join(s.value for s in DropSource), "Warning"]
    if golden:
        head.append("Golden")
    rows = []
    for n in numbers:
        c = captures[n - 1]
        ex = c.explanation
        cells = [f'<td><a href="{href(n)}">{escape(_title(c))}</a><br><code class="src">{escape(c.source)}</code></td>']
        if ex is None:
            cells += ['<td colspan="5">' + escape(c.error or "") + "</td>"]
        else:
            by = " / ".join(str(ex.removed_by(s)) for s in DropSource)
            cells += [f"<td>{escape(ex.kind)}</td>", f"<td>{escape(ex.language or '–')}</td>", f'<td class="num">{ex.words_kept}</td>',
                      f'<td class="num">{ex.words_removed}</td>', f'<td class="num">{by}</td>']
        cells.append(f'<td><span class="warn">⚠ {escape(c.warning)}</span></td>' if c.warning else "<td></td>")
        if golden:
            cells.append(f"<td>{_diff_cell(c.diff)}</td>")
        rows.append(f'<tr id="i{n}"><th scope="row">{n}</th>{"".join(cells)}</tr>')
    shown = f"{counted(len(captures), 'capture')}, in input order" + (f": {numbers.start}–{numbers.stop - 1}" if len(numbers) < len(captures) else "")
    return (
        '<section id="index" aria-labelledby="index-h"><h2 id="index-h">Index</h2>'
        + pager + _table(shown, head, rows) + pager
        + "</section>\n"
    )


def _diff_cell(diff: GoldenDiff | None) -> str:
    if diff is None:
        return "–"
    if not diff.differs:
        return "✓ same"
    parts = []
    if diff.lines:
        parts.append(f"{diff.lines} lines")
    if diff.fields or diff.evidence:
        parts.append(f"{len(diff.fields) + len(diff.evidence)} fields")
    return f'<span class="warn">≠ {", ".join(parts)} differ</span>'


def _summary(captures: list[Entry], s: Summary, rules: RuleSet, href: Callable[[int], str]) -> str:
    removed = sum(s.by_source.values())
    total_rows = [f'<tr><th scope="row">kept</th><td class="num">{s.kept_blocks}</td></tr>'] + [
        f'<tr><th scope="row">{_tag(src)}</th><td class="num">{s.by_source[src]}</td></tr>' for src in DropSource
    ] + [f'<tr><th scope="row">removed, all</th><td class="num">{removed}</td></tr>']
    out = ['<section id="summary" aria-labelledby="summary-h"><h2 id="summary-h">Summary</h2>',
           '<h3 id="summary-totals">Blocks, all captures</h3>', _table("Blocks kept and removed, by who removed them", ["", "Blocks"], total_rows)]

    loaded = {r.id: r for r in rules}
    order = sorted(loaded, key=lambda rid: (-(s.rule_blocks[rid] + s.rule_fields[rid]), rid))
    order += sorted(rid for rid in s.rule_blocks if rid not in loaded)
    never = sum(1 for rid in loaded if not s.rule_blocks[rid] and not s.rule_fields[rid])
    rows = []
    for rid in order:
        rule = loaded.get(rid)
        where = f"{Path(rule.path).name}:{rule.line}" if rule else "(not loaded)"
        action = rule.action.value if rule else "–"
        fired = s.rule_blocks[rid] or s.rule_fields[rid]
        status = "" if fired else ' <span class="never">○ never fired</span>'
        rows.append(
            f'<tr{"" if fired else " class=never-row"}><th scope="row"><code>{escape(rid)}</code>{status}</th><td>{escape(where)}</td><td>{escape(action)}</td>'
            f'<td class="num">{s.rule_blocks[rid]}</td><td class="num">{s.rule_fields[rid]}</td><td class="num">{s.rule_captures[rid]}</td></tr>'
        )
    out += [f'<h3 id="summary-rules">By rule: {len(loaded) - never} of {len(loaded)} loaded rules fired</h3>',
            "<p>Every loaded rule, most used first; a rule at zero never fired on these captures. "
            "Rewrite rules change text without removing it, so they always show zero here.</p>",
            _table("Removed blocks and metadata fields by rule", ["Rule", "File:line", "Action", "Blocks removed", "Fields taken", "Captures"], rows)]

    rows = [
        f'<tr><th scope="row"><code>{escape(r)}</code></th><td class="num">{n}</td>'
        f'<td class="num">{s.classifier_words[r]}</td><td class="num">{s.classifier_captures[r]}</td></tr>'
        for r, n in sorted(s.classifier_blocks.items(), key=lambda kv: (-kv[1], kv[0]))
    ] or ['<tr><td colspan="4">The classifier removed nothing.</td></tr>']
    out += ['<h3 id="summary-classifier">By classifier reason</h3>',
            _table("Blocks the classifier removed, by reason", ["Reason", "Blocks removed", "Words removed", "Captures"], rows)]

    ranked = sorted(((c.explanation.removed_by(DropSource.CLASSIFIER), n, c) for n, c in enumerate(captures, 1) if c.explanation), key=lambda t: (-t[0], t[1]))
    top = [f'<li><a href="{href(n)}">{escape(_title(c))}</a>: {k} blocks</li>' for k, n, c in ranked[:TOP_CLASSIFIER_CAPTURES] if k]
    out += ['<h3 id="summary-where">Where the classifier decides most</h3>',
            f"<ol>{''.join(top)}</ol>" if top else "<p>Nowhere: rules and metadata removed every block that went.</p>"]

    rows = [f'<tr><th scope="row">{escape(r)}</th><td class="num">{n}</td></tr>' for r, n in sorted(s.metadata_blocks.items())] or [
        '<tr><td colspan="2">None.</td></tr>']
    out += ['<h3 id="summary-metadata">Lines taken as metadata by the heuristics</h3>',
            _table("Lines that became metadata fields, by field", ["Field", "Lines"], rows)]
    if s.other_blocks:
        rows = [f'<tr><th scope="row"><code>{escape(r)}</code></th><td class="num">{n}</td></tr>' for r, n in sorted(s.other_blocks.items())]
        out += ['<h3 id="summary-other">Other removals</h3>', _table("Blocks removed by other steps", ["Reason", "Blocks"], rows)]
    out.append("</section>\n")
    return "".join(out)


Nav = Callable[[int, int], str]


def _nav_links(n: int, total: int, index: str, capture: Callable[[int], str], rel: bool) -> str:
    """Index, previous and next links of capture n; `capture` gives a capture's address."""
    prev, nxt = (' rel="prev"', ' rel="next"') if rel else ("", "")
    links = [f'<li><a href="{index}">↑ Index</a></li>']
    if n > 1:
        links.append(f'<li><a href="{capture(n - 1)}"{prev}>← Previous</a></li>')
    if n < total:
        links.append(f'<li><a href="{capture(n + 1)}"{nxt}>Next →</a></li>')
    return "".join(links)


def _single_nav(n: int, total: int) -> str:
    return _nav_links(n, total, f"#i{n}", lambda k: f"#c{k}", rel=False)


def _folder_nav(name: Callable[[int], str], page_of: Callable[[int], str]) -> Nav:
    return lambda n, total: _nav_links(n, total, f"../{page_of(n)}#i{n}", name, rel=True)


def _capture(c: Entry, n: int, total: int, nav: Nav, *, heading: int = 2) -> str:
    h, sub = f"h{heading}", f"h{heading + 1}"
    ex = c.explanation
    out = [f'<section class="capture" id="c{n}" aria-labelledby="c{n}-h"><{h} id="c{n}-h">{n}. {escape(_title(c))}</{h}>',
           f'<nav aria-label="Capture {n} of {total}"><ul class="inline">{nav(n, total)}</ul></nav>',
           f'<p>Source: <code class="src">{escape(c.source)}</code>']
    if ex is None:
        out.append(f'</p><p class="warn">⚠ {escape(c.error or "could not be read")}</p></section>\n')
        return "".join(out)
    out.append(f" · kind {escape(ex.kind)} · language {escape(ex.language or '–')} · {ex.words_kept} words kept, {ex.words_removed} removed")
    if c.warning:
        out.append(f' · <span class="warn">⚠ {escape(c.warning)}</span>')
    out.append("</p>")
    diff = c.diff
    if diff is not None:
        out.append(f"<p>Against the golden in <code>{escape(_golden_dir(c))}</code>: {_diff_cell(diff)}</p>")
        other = {k: v for k, v in diff.fields.items() if k not in FIELDS}
        if other:
            out.append("<ul>" + "".join(f"<li>{escape(k)}: golden {_val(g)}, here {_val(v)}</li>" for k, (g, v) in other.items()) + "</ul>")
    out.append(f'<{sub} id="c{n}-meta">Metadata</{sub}>' + _meta_table(ex, diff))
    kept, removed = len(ex.blocks) - len(ex.dropped), len(ex.dropped)
    out.append(f'<{sub} id="c{n}-text">Text in reading order: {kept} blocks kept, {removed} removed</{sub}>')
    lang = f' lang="{escape(ex.language)}"' if ex.language else ""
    out.append(f'<div class="blocks"{lang}>')
    absent: dict[int, list[str]] = {}
    for before, line in diff.absent if diff else ():
        absent.setdefault(before, []).append(line)
    for i, b in enumerate(ex.blocks):
        out.extend(_absent(line) for line in absent.get(i, ()))
        out.append(_block(b, f"c{n}-b{i}", diff.marks.get(i) if diff else None))
    out.extend(_absent(line) for line in absent.get(len(ex.blocks), ()))
    out.append("</div></section>\n")
    return "".join(out)


def _meta_table(ex: Explanation, diff: GoldenDiff | None) -> str:
    head = ["Field", "Value", "Evidence"] + (["Golden"] if diff is not None else [])
    order = {name: i for i, name in enumerate(FIELDS)}
    rows = []
    for f in sorted(ex.fields, key=lambda f: order.get(f.name, len(order))):
        cells = [f'<th scope="row">{escape(f.name)}</th>', f"<td>{_val(f.value)}</td>",
                 f"<td>{escape(str(f.evidence)) if f.evidence else '–'}</td>"]
        if diff is not None:
            notes = []
            if f.name in diff.fields:
                notes.append(f"value {_val(diff.fields[f.name][0])}")
            if f.name in diff.evidence:
                notes.append(f"evidence {_val(diff.evidence[f.name][0])}")
            cells.append(f'<td><span class="warn">≠ {"; ".join(notes)}</span></td>' if notes else "<td>✓ same</td>")
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return _table("Metadata fields and the evidence for each", head, rows)


def _block(b: BlockRecord, anchor: str, mark: Mark | None) -> str:
    kind = b.kind.value
    text = escape(b.text).replace("\n", "<br>")
    marked = f" {_mark(mark)}" if mark else ""
    mark_class = f" m-{mark.value}" if mark else ""
    lines = f'<a class="ln" href="#{anchor}" aria-label="lines {b.span}">{b.span}</a>'
    if b.drop is None:
        why = f'<p class="why">kept{marked}</p>' if mark else ""
        return f'<div class="b kept k-{kind}{mark_class}" id="{anchor}">{lines}<p class="t">{text}</p>{why}{_features(b)}</div>'
    src = b.drop.source
    return (
        f'<div class="b removed s-{src.value} k-{kind}{mark_class}" id="{anchor}">{lines}<p class="t"><del>{text}</del></p>'
        f'<p class="why">{_tag(src)} <code>{escape(b.drop.reason)}</code>{marked}</p>{_features(b)}</div>'
    )


def _absent(line: str) -> str:
    return (
        f'<div class="b absent"><span class="ln">–</span><p class="t">{escape(line)}</p>'
        '<p class="why"><span class="tag gold">− only in golden</span></p></div>'
    )


def _features(b: BlockRecord) -> str:
    # One line of text, not a <dl>: a list of 15 terms per block more than doubled the page.
    values = [f"kind {b.kind.value}"] + ([f"label {b.label.value}"] if b.label is not None else [])
    values += [f"{k} {_num(v)}" for k, v in b.features.items()]
    return f'<details><summary>Features</summary><p class="feat">{escape(" · ".join(values))}</p></details>'


def _table(caption: str, head: list[str], rows: list[str]) -> str:
    ths = "".join(f'<th scope="col">{escape(h)}</th>' for h in head)
    # A focusable region so that a table wider than the window scrolls from the keyboard.
    return (f'<div class="scroll" role="region" aria-label="{escape(caption)}" tabindex="0"><table><caption>{escape(caption)}</caption>'
            f'<thead><tr>{ths}</tr></thead><tbody>{"".join(rows)}</tbody></table></div>')


def _tag(src: DropSource) -> str:
    icon, word = _TAGS.get(src, ("•", src.value))
    return f'<span class="tag s-{src.value}"><span aria-hidden="true">{icon}</span> {word}</span>'


def _mark(mark: Mark) -> str:
    icon, words = _MARKS[mark]
    return f'<span class="tag m-{mark.value}"><span aria-hidden="true">{icon}</span> {words}</span>'


def _title(c: Entry) -> str:
    if c.explanation is not None and c.explanation.title:
        return c.explanation.title
    path = Path(c.source)
    return f"(no title: {path.parent.name + '/' if path.parent.name else ''}{path.name})"


def _golden_dir(c: Entry) -> str:
    return str(Path(c.source).parent)


def _val(value: object) -> str:
    return "–" if value is None else escape(str(value))


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.2f}"


# Relative units throughout (rem, em, ch, %), so that the page reflows at 200% zoom.
# Colours pass WCAG AA on white; each one comes with an icon and a word.
_CSS = """
:root{--rule:#b3261e;--rule-bg:#fdecea;--clf:#1d4f91;--clf-bg:#e6eefa;--meta:#00695c;--meta-bg:#e0f2ef;--grey:#595959;--warn:#8a4b00;--warn-bg:#fff3d6}
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",sans-serif;font-size:100%;line-height:1.5;
color:#1a1a1a;background:#fff;margin:0 auto;padding:1rem;max-width:72rem;overflow-wrap:break-word}
h1{font-size:1.75rem;margin:.5rem 0}h2{font-size:1.4rem;margin-top:2.5rem;border-top:.2rem solid #ddd;padding-top:1rem}h3{font-size:1.15rem;margin-top:1.5rem}
a{color:#0b57d0}a:focus-visible,summary:focus-visible,.scroll:focus-visible{outline:.2rem solid #0b57d0;outline-offset:.15rem}
ul.inline{list-style:none;padding:0;margin:.5rem 0;display:flex;flex-wrap:wrap;gap:.25rem 1.25rem}
code{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:.9em}.src{color:var(--grey)}
.scroll{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;margin:.5rem 0 1rem;min-width:50%}caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{border:.0625rem solid #ccc;padding:.3rem .6rem;text-align:left;vertical-align:top}thead th{background:#f2f2f2}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.warn{color:var(--warn);background:var(--warn-bg);font-weight:600;padding:0 .25rem;border-radius:.2rem}
.never{color:var(--grey);font-weight:normal;font-size:.9em;white-space:nowrap}tr.never-row td,tr.never-row code{color:var(--grey)}
.tag{color:#5b2a86;background:#f4eefa;display:inline-block;font-size:.85em;font-weight:600;padding:0 .4em;border-radius:.3em;
border:.0625rem solid;white-space:nowrap}
.tag.s-rule{color:var(--rule);background:var(--rule-bg)}.tag.s-classifier{color:var(--clf);background:var(--clf-bg)}.tag.s-metadata{color:var(--meta);background:var(--meta-bg)}
.tag.m-extra,.tag.m-missing,.tag.gold{color:var(--warn);background:var(--warn-bg)}
.blocks{margin-top:.5rem}
.b{display:flex;flex-wrap:wrap;align-items:baseline;gap:0 1rem;padding:.35rem .5rem;border-left:.35rem solid transparent;margin:.15rem 0}
.b .ln{flex:0 0 4.5em;color:var(--grey);font-size:.85em;font-variant-numeric:tabular-nums;text-decoration:none}
.b .t{flex:1 1 28em;margin:0;min-width:0}
.b .why{flex:0 1 16em;margin:0;font-size:.9em}
.b details{flex:1 0 100%;padding-left:5.5em;font-size:.85em;color:var(--grey)}
.b.kept .t{color:#1a1a1a}.b.k-heading .t{font-weight:700;font-size:1.1em}
.b.removed .t{color:var(--grey)}.b.removed del{text-decoration-thickness:.08em}
.b.removed{border-left-color:#5b2a86}.b.s-rule{border-left-color:var(--rule);background:#fffafa}.b.s-classifier{border-left-color:var(--clf);background:#f9fbff}.b.s-metadata{border-left-color:var(--meta);background:#f7fcfb}
.b.m-extra,.b.m-missing,.b.absent{outline:.15rem dashed var(--warn);outline-offset:-.15rem}.b.absent .t{font-style:italic}
summary{cursor:pointer;width:max-content}
.feat{margin:.25rem 0;font-variant-numeric:tabular-nums}
.b-kept-sample{font-weight:600}.r-sample{color:var(--grey)}
"""
