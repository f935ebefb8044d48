"""Metadata a reader sees in plain lines: headline, standfirst, byline, date, dateline, site.

A reader finds the headline just above the article, and the byline, date and dateline
around it. So does this module: the headline first (the best-scoring headline-shaped
line before the body), then the other fields near it. Every field comes with Evidence
naming the heuristic and the line. Thresholds and word lists live in settings.py.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from urllib.parse import urljoin

import re2

from ..dates import DateMatch, find_dates, is_relative, is_relative_date, month_first_page, strip_time, url_date, url_has_day, url_year_month, without_dates
from ..memo import LINE_CHARS, PARAGRAPH_CHARS, short_text_cache
from ..model import Block, BlockKind, Drop, DropSource, Evidence
from ..settings import DEFAULT, Settings
from ..urls import split_address, url_path, urlsplit
from .inline import INVISIBLE, OTHER_SENTENCE_ENDS, line_shape, row_shape

_SENTENCE_END = re.compile(r"[.。।۔:;,]['\"’”]?$")
_WORD_CHAR = re.compile(r"\w")
_SENTENCE_PUNCT = re.compile(f"[.!?。！？{OTHER_SENTENCE_ENDS}]")
# A line with at least half its characters in links reads as links (a menu, an author link,
# a teaser), not as a printed byline, date line or headline.
_MOSTLY_LINKS = 0.5
_TITLE_BAR = re.compile(r"\s\|\s")
_TITLE_DASH = re.compile(r"\s[–—-]\s")
_TITLE_SEPARATORS = re.compile(r"\s+[|–—-]\s+|\s+::\s+|\s+[·•»]\s+")


def names_a_site(line: str) -> bool:
    """The line reads as a page's <title>: a headline and the site's name, or a section's,
    after a separator ("Beatrice Tan Rug | Ruggable US")."""
    return _TITLE_SEPARATORS.search(line) is not None


_DATELINE = re.compile(
    r"^(?P<dl>(?:[A-Z][A-Z.'’-]+)(?:[ -][A-Z][A-Z.'’-]+)*(?:,\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)?"
    r"(?:,\s+\w{3,9}\.?\s+\d{1,2})?\s+\((?P<agency>[^()]{2,40})\))\s*[—–-]"
)
_AGENCIES = {"AP": "The Associated Press", "Reuters": "Reuters", "AFP": "AFP", "dpa": "dpa", "UPI": "UPI"}
_LEGAL_SUFFIX = re.compile(r"(?i)^all rights reserved\s*|\s+(?:pty|ltd|llc|inc|corp|gmbh|plc|co)\.?$|\s+(?:19|20)\d{2}$")
_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|copyright)(?:\s*(?:©|\(c\)|copyright))*\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?,?\s*)?"
    r"(?P<site>[^\W\d_][\w .&'’-]{1,60}?)(?:,?\s+(?:llc|inc|ltd|gmbh|plc|s\.a)\b|[.,|]|\s+all rights|\s*$)",
    re.I,
)
# "(Reed Saxon / Associated Press)", "Alex Wong | Getty Images", "Photo: ...": photo credits.
_PHOTO_CREDIT = re.compile(
    r"(?i)^\(.*\)$|[|/]\s*(?:getty images|associated press|ap photo|afp|reuters|shutterstock|epa|bloomberg)\b|^(?:photo|image|credit)s?\s*:"
)
_TWO_SENTENCES = re.compile(r"[a-z]{2}[.!?]['’”\"]?\s+[A-Z][a-z]")
_COPYRIGHT_YEAR = re.compile(r"(?:©|\(c\)|copyright)\s*(?:\d{4}\s*[-–]\s*)?((?:19|20)\d{2})\b", re.I)
# RE2, not re: the nested label and the open-ended target backtrack quadratically in a
# backtracking engine ("[a](" x 10,000 on one line took 36 s); RE2 finds the same matches
# in linear time.
_LINK = re2.compile(r"\[((?:[^\[\]]|\[[^\]]*\])*)\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
_LINK_BYTES = re2.compile(_LINK.pattern.encode("ascii"))
_HANDLE = re.compile(r"(?<!\w)@\w+")
# Scripts written without spaces between words: a short line can still be a headline.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7a3\u0e00-\u0e7f]")
_CJK = re.compile(r"[\u4e00-\u9fff\u3040-\u30ff]")  # Chinese characters and kana
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_HANGUL_NAME = re.compile(r"^[가-힣]{2,4}$")
_KO_REPORTER = re.compile(r"(?:^|\s)(?P<ko>[가-힣]{2,4})\s*(?:기자|특파원|논설위원|선임기자|객원기자)(?:\s|$|[,·(])")
# Two or more capitals before a lower-case letter: a brand glued to a name ("FOXBusiness").
_BRAND = re.compile(r"[A-Z]{2,}[a-z]")
_GLUED_BRAND = re.compile(r"(?<=[a-z])(?=[A-Z]{2,}[a-z])")
_DOMAIN = re.compile(r"\w\.(?:com|org|net|co|uk|de|fr|in|ca|au|io|ru|jp|kr)\b", re.I)
_WORD = re.compile(r"[^\W_]+")
_DIGIT = re.compile(r"\d")
_NAME_JOINERS = {
    "and", "und", "et", "y", "e", "de", "van", "von", "der", "den", "da", "di", "du", "la", "le", "del", "bin", "al", "el", "ten", "ter", "dos", "das",
}
_NAME_SPLIT = re.compile(r"\s*(?:,|;|&|、|\band\b|\bund\b|\bet\b|\by\b|\be\b|\bи\b)\s*", re.I)
# Words that a byline-shaped line may hold but a name never is.
_NOT_NAMES = {
    "share", "menu", "home", "news", "updated", "published", "posted", "comments", "comment", "advertisement",
    "follow", "subscribe", "sign", "login", "search", "more", "read", "view", "the", "a", "an", "of", "in",
    "on", "for", "to", "with", "is", "are", "was", "this", "that", "latest", "top", "stories", "video",
    "photo", "photos", "image", "images", "getty", "via", "file", "opinion", "analysis", "editorial",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "skip", "navigation", "about", "contact",
    "privacy", "policy", "terms", "cookies", "cookie", "newsletter", "newsletters", "help", "faq", "careers",
    "facebook", "twitter", "email", "linkedin", "reddit", "pinterest", "whatsapp", "instagram", "youtube",
    # A button's or a box's words: "Book Your Free Demo", "Submit Your Book", "Key Takeaways", "Print Article".
    "your", "my", "takeaways", "print", "submit", "demo", "article", "articles", "dashboard", "tools",
}
# "Posted by Jane Doe on March 3, 2025": the word that joins the names to their date.
_DATE_CONNECTOR = re.compile(r"\s+(?:on|at|am|um|le|el|il|em|op|den|der|du|del)$", re.I)
# The same, with the weekday the date may follow: "Posted by BeauHD on Friday December 19, 2025".
_DATE_CONNECTOR_DAY = re.compile(r"\s+(?:on|at|am|um|le|el|il|em|op|den|der|du|del)(?:\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day)?,?$", re.I)
# The weekday a cut-off date started with, and the word that joined it to the names.
_WEEKDAY_TAIL = re.compile(r"(?:\s+(?:on|am|le|el|il))?[\s,·•|–—-]+(?:mon|tues|wednes|thurs|fri|satur|sun)day[\s,]*$", re.I)
# A user name as some blogs print it: "By admin".
_HANDLE_NAME = re.compile(r"^[^\W\d_][\w.-]{1,30}$")
_CONTACT = re.compile(r"\S+@\S+\.\w+|\(?\+?\d[\d ()./-]{6,}\d")
# What follows the names on a byline line: "| Topic: Hardware", "- Categoria: Saúde", a clock time.
_BYLINE_TAIL = re.compile(r"\s[-–|/·•]\s*[^\W\d_]+\s*:|\d{1,2}:\d{2}")
_REPORTING = re.compile(r"(?i)^\(?(?:additional )?reporting by\s+\S")
# "Reporting by Anna Schmidt in Berlin": where the reporter was, not part of the name.
_PLACE = re.compile(r"\s+(?:in|from|at)\s+[A-Z].*$")
_BY_ALONE = re.compile(r"^(?:(?:(?:article\s+)?written|posted|words|story|article)\s+by|by|von|par|por|door|av)\s*:?$", re.I)
# An author box's heading over the name, far below the headline: "### Author", "About the author".
_AUTHOR_ALONE = re.compile(r"^(?:about\s+the\s+)?authors?\s*:?$", re.I)
# A reading time printed after the name: "By Kyle Howells 15 min read", "By the Lavazza Team 2–3 minutes".
_READING_TIME = re.compile(r"(?i)\s+\d+(?:\s*[-–]\s*\d+)?\s*(?:min(?:ute)?s?\.?)(?:\s+(?:read|reading))?\b.*$")
_ANY_YEAR = 2000  # a year to read yearless dates with, when only their presence counts
# A credit for another part of the work: "Data Analysis By Daniel Delgado", "Reviewed by X",
# "Edited by X". Words before a lone "by" that are neither a date nor the author's label.
_ROLE_CREDIT = re.compile(r"^(?P<role>[^\W\d][^|:]*?)\s*(?<![^\W\d_])[Bb]y(?=\s|:|[A-Z])")
_AUTHOR_ROLES = {"written", "posted", "story", "words", "article", "article written", "text", "authored"}
# Flattened markup glues a label to the name before it: "By Rebecca NorrisPublished",
# "ByKathryn GiuffridaMar 5, 2025", "by Jeffrey ZeldmanNovember 20, 2007".
_GLUED_LABEL = re.compile(
    r"(?<=[a-z])(?=(?:Published|Updated|Posted|Follow|January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b))"
)
_GLUED_BY = re.compile(r"(?:^|(?<=\s))([Bb]y)(?=[A-Z][a-z])")  # "ByKathryn", "Posted byDamien Walter"
# Every label _GLUED_LABEL looks for opens with one of these capitals, after a lower-case
# letter: a search for the capital first rules out most lines faster than the lookarounds.
_GLUED_LABEL_SCREEN = re.compile(r"[ADFJMNOPSU](?<=[a-z].)")
# A name's last word with the next link's capitalised word glued on, as two links flatten:
# "Nicoletta RichardsonTrending Editor", "Gabby BoucherIn Budget Travel". Only after a first
# name, and after four letters or more: not "McDonald" or "MacKenzie", nor a handle or a
# brand ("MixmasterFred", "by SolutionsHub Editorial", "CEO of CaseBasix").
_GLUED_WORD = re.compile(r"(?<![\w'’.-])(?P<head>[A-Z][\w'’.-]*\s+[A-Z][a-z]{3,})(?=[A-Z][a-z])")
# Link texts next to author links that are not names.
_UI_WORDS = {
    "biography", "bio", "profile", "follow", "more", "view more articles", "all posts", "posts", "author", "about",
    "view profile", "view public profile", "public profile",
    # Platforms whose profile links (".../@name", "/user/x") sit beside a post: "[Mastodon](…/@cory)".
    "mastodon", "medium", "bluesky", "github", "substack", "tiktok", "threads", "telegram", "discord", "rss",
    "youtube", "facebook", "twitter", "instagram", "linkedin", "pinterest", "reddit", "whatsapp",
}
_HEADLINE_OVERLAP = 0.8  # share of the title's words a reworded headline line keeps
# Some flatteners split a word's last letter off ("Molly Woo d", "Idea s").
_SPLIT_LAST_LETTER = re.compile(r"(?<=[^\W\d_]{2}) ([a-z])\b(?=\s*$)")
# Profile-link words after a name: "Marcus De Guzman View More Articles".
_UI_TAIL = re.compile(r"(?i)\s+(?:view (?:more|all) (?:articles|posts|stories)|more (?:articles|posts|stories)|all posts)\s*$")
# A forum's presence badge after a user's link text: "J Offline" (an avatar's initial).
_PRESENCE = re.compile(r"(?i)\s+(?:online|offline)$")
_PLACE_ONLY = re.compile(r"^\s*(?:[A-Z][\w.'’-]*\s*){1,3},?\s*$")
_OPENING_PUNCT = " \t*_[(|·•:–—-"  # what may stand before a date that opens a line ("📅" is kept: a symbol, not a word)
# A page widget's or control's own words, never a headline however they are marked up
# ("# Share the post", "## Item added to your cart", "# Related Products", "# Follow the
# author", a search box's placeholder "Search code, repositories, users..."). Not a shop's
# button ("Add to wishlist"): on two wcxb-dev txt listings of games it was the title, and
# ruled out, a line of tags far down took its place and the games above it went (body F1
# 0.56 -> 0.28, 0.37 -> 0.30), for no title gained. Nor a reading time ("6 min read"): read
# again in the cleaned text, it is taken as a title and so dropped from the body (2 pages).
_WIDGET_LINE = re.compile(
    r"(?i)^(?:share (?:this|the) (?:post|article|story|page|recipe)"
    r"|(?:item |product )?added to (?:your |the )?(?:cart|bag|basket|wish ?list)"
    r"|follow (?:the|this) author"
    r"|related (?:products|posts|articles|stories|items)"
    r"|you (?:may|might) also like"
    r"|search\b.*(?:\.\.\.|…))\W*$"
)
# A breadcrumb trail printed as a heading: "Computer Science > Artificial Intelligence". (A trail
# as a plain line stays a candidate: read again in the cleaned text, "Home » Headline" is taken as
# a title and dropped with it; ruled out, it stayed in the body of 2 wcxb-dev md pages.)
_BREADCRUMB = re.compile(r"\S\s+[>›»]\s+\S")
# A label the page prints before its headline: "Title: AlignMerge - ...".
_TITLE_LABEL = re.compile(r"(?i)^(?:title|headline)\s*:\s*(?=\S)")
_EXCLAIMING = re.compile(r"[!?]['\"’”]?(?:\s*\W)?$")
_NAME_CAPITALISED_SHARE = 0.8
_TITLE_CASED_SHARE = 0.6  # of the words of four letters or more


# --------------------------------------------------------------------------- shared shapes


@short_text_cache(max_chars=LINE_CHARS)
def _words(text: str) -> tuple[str, ...]:
    """Lower-case words with accents folded away (café -> cafe)."""
    lowered = text.lower()
    if lowered.isascii():
        return tuple(_WORD.findall(lowered))
    folded = unicodedata.normalize("NFKD", lowered)
    return tuple(_WORD.findall("".join(c for c in folded if not unicodedata.combining(c))))


def _weighted_len(text: str, settings: Settings) -> float:
    if text.isascii():  # no CJK: nothing to count
        cjk = hangul = 0
    else:
        cjk = len(_CJK.findall(text))
        hangul = len(_HANGUL.findall(text))
    return len(text) - cjk - hangul + cjk * settings.cjk_char_weight + hangul * settings.hangul_char_weight


def _links(block: Block) -> tuple[tuple[str, str], ...]:
    """(text, target) of each markdown link in the block."""
    if "](" not in block.markdown:
        return ()
    return _links_of(block.markdown)


@short_text_cache(max_chars=PARAGRAPH_CHARS)  # the headline, byline and site steps ask about the same lines
def _links_of(markdown: str) -> tuple[tuple[str, str], ...]:
    if markdown.isascii():
        # The same matches on the bytes: re2's wrapper maps every match of a str back from
        # UTF-8 offsets in Python, which took twice the time of the search (a menu has dozens).
        found = (m.groups() for m in _LINK_BYTES.finditer(markdown.encode("ascii")))
        return tuple((label.decode("ascii").strip(), target.decode("ascii")) for label, target in found)
    return tuple((m.group(1).strip(), m.group(2)) for m in _LINK.finditer(markdown))


def _live(block: Block) -> bool:
    """Still a candidate: has text and no rule or earlier metadata step took it."""
    return bool(block.text) and block.drop is None


def _is_prose(block: Block, settings: Settings) -> bool:
    text = block.text
    return (
        block.kind is BlockKind.PARAGRAPH
        and _weighted_len(text, settings) >= settings.meta_prose_min_chars
        and block.link_chars <= settings.prose_max_link_share * len(text)
        and bool(_SENTENCE_PUNCT.search(text))
    )


def _prose_above(blocks: list[Block], i: int, settings: Settings) -> bool:
    return any(_live(b) and _is_prose(b, settings) for b in blocks[:i])


def body_start(blocks: list[Block], settings: Settings) -> int | None:
    """Index of the first block of the main body: prose followed by more prose (within the
    next settings.body_run_blocks live blocks). The body mostly starts early: the live blocks
    are found as the scan goes, not listed first (this runs at every reading)."""
    long_enough = settings.body_single_block_factor * settings.meta_prose_min_chars
    n = len(blocks)
    for i, block in enumerate(blocks):
        if not (block.text and block.drop is None) or not _is_prose(block, settings):
            continue
        if _weighted_len(block.text, settings) >= long_enough:
            return i
        seen = 0
        for j in range(i + 1, n):
            if seen >= settings.body_run_blocks:
                break
            if _live(blocks[j]):
                if _is_prose(blocks[j], settings):
                    return i
                seen += 1
    return None


def _slug_words(url: str | None) -> set[str]:
    """Words of the URL's last meaningful path segment: '/2019/11/19/new-suvs-highlight-auto-show/'."""
    if not url:
        return set()
    path = url_path(url)
    for segment in reversed([s for s in path.split("/") if s]):
        segment = re.sub(r"\.\w{2,5}$", "", segment)
        words = [w for w in re.split(r"[-_+]+", segment.lower()) if w and not w.isdigit()]
        if len(words) >= 3:
            return set(_words(" ".join(words)))
    return set()


def _host_words(url: str | None) -> set[str]:
    if not url:
        return set()
    host = (split_address(url).hostname or "").lower()
    parts = [p for p in host.split(".") if p not in ("www", "m", "amp", "com", "org", "net", "edu", "gov", "co", "uk", "de", "in", "ca", "au", "news")]
    return set(parts)


# --------------------------------------------------------------------------- headline


@dataclass(frozen=True, slots=True)
class Headline:
    """The title, the site a <title> line names, and where the page prints the headline
    (the anchor the byline, date and dateline are searched around)."""

    title: str
    site: str | None
    evidence: Evidence
    anchor: int | None  # index of the displayed headline's block
    site_line: int | None = None  # the line the site name came from (the <title> line)


def find_title(blocks: list[Block], settings: Settings, url: str | None = None) -> tuple[str, str | None, Evidence] | None:
    """The headline, and the site name when a <title> line gives it. Returns (title, site, evidence)."""
    found = find_headline(blocks, settings, url)
    return (found.title, found.site, found.evidence) if found else None


_NEAR_BODY_ONLY = frozenset({"just before the body", "before the body"})
# Cell bars that make a line a table's row, "Formats | Word + PDF | Word + PDF", and no
# displayed headline (a <title> line, "Headline | Section | Site", may have more).
_TABLE_ROW_BARS = 3


def find_headline(blocks: list[Block], settings: Settings, url: str | None = None) -> Headline | None:
    """The displayed headline: the best-scoring headline-shaped line in the window (heading
    level, distance to the body, the URL slug, words of the <title> line, a byline or date
    under it). A text capture starts with the page's <title> line: it is the title when no
    displayed headline scores high enough, and its tail after the headline names the site."""
    window = [i for i, b in enumerate(blocks) if b.start <= settings.meta_window_lines and _live(b)]
    if not window:
        return None
    body = body_start(blocks, settings)
    first = window[0]
    has_headings = any(b.kind is BlockKind.HEADING for b in blocks)
    shaped = {i for i in window if _headline_shaped(blocks[i], settings, url)}
    # Only a line with a number that is no heading can be a template's (_templated): asked only then.
    templated = (
        _templated(blocks, window, settings) if any(blocks[i].kind is not BlockKind.HEADING and _DIGIT.search(blocks[i].text) for i in shaped) else set()
    )
    element = first if not has_headings and first in shaped and first not in templated else None
    element_text = blocks[element].text if element is not None else ""
    scan = _Scan(blocks, window, element_text, settings)
    slug = _slug_words(url)
    # A line repeating the <title> line is a candidate even when shaped like a sentence
    # ("They just might be.") or short ("Classificação NASCAR").
    candidates = [
        i for i in window
        if (i in shaped and (i == element or blocks[i].text.count("|") < _TABLE_ROW_BARS) and i not in templated)
        or (element is not None and i != element and scan.names_title(i) and _WORD_CHAR.search(blocks[i].text))
    ]
    scan.first_h1 = _first_h1(blocks, candidates, window, settings, url)
    scan.first_h1 = _h2_under(blocks, scan.first_h1, candidates, slug, settings)
    if scan.first_h1 is not None and scan.first_h1 not in candidates:
        candidates.append(scan.first_h1)
    candidates = _without_widget_labels(blocks, candidates, settings)
    if scan.first_h1 not in candidates:
        scan.first_h1 = None
    best = _best_headline(scan, [i for i in candidates if i != element], element, body, slug, settings)
    # Without a <title> line any positive score wins, but not a heading under the body's
    # first paragraphs, nor a weak one under any prose, nor a line that is no heading and
    # has nothing but its place over the body for it: that is a section of a body that has
    # no headline left (the cleaned text read again), and taking it would drop the
    # paragraphs above it as before it.
    shown = best if best is not None and (
        best[1] >= settings.headline_min_points or element is None and best[1] > 0 and (body is None or best[0] < body)
    ) and not (
        element is None
        and (best[1] < settings.headline_min_points or blocks[best[0]].kind is not BlockKind.HEADING and _NEAR_BODY_ONLY.issuperset(best[2]))
        and _prose_above(blocks, best[0], settings)
    ) else None
    own = (element, *_headline_score(scan, element, element, body, slug, settings)) if element in candidates else None
    if shown is not None and (own is None or shown[1] > own[1] or scan.repeats(shown[0])):
        i, _, reasons, _ = shown
        block = blocks[i]
        title, site, site_line = _visible(_without_opening_date(_TITLE_LABEL.sub("", block.text))), None, None
        shown_text = title
        if element is not None and scan.repeats(i):
            site, site_line = _suffix_site(element_text, title), blocks[element].start
            blocks[element].drop = Drop(DropSource.METADATA, "title")
        elif (bar := bool(_TITLE_BAR.search(title))) or _TITLE_DASH.search(title):
            # A page that prints its <title> as its heading, "Headline | Section | Site":
            # the tail parts that name the site go, as from a <title> line. After a dash
            # only a part naming the host does: "Git Branching - Branches in a Nutshell"
            # prints its subtitle as a line of its own too.
            # The site's name is not kept as the site: a body line that opens with it would
            # go as a masthead (wcxb-dev txt w4486, body F1 0.978 -> 0.963).
            head, named = _split_title_element(blocks, title, url, shown_lines=bar)
            if named is not None and len(head.split()) >= settings.headline_bar_head_min_words:
                title = head
        block.drop = Drop(DropSource.METADATA, "title")
        # Copies of the line as shown go, not of its head: a body section may be named so.
        _drop_repeats(blocks, shown_text)
        return Headline(title, site, Evidence("headline: " + ", ".join(reasons), block.start), i, site_line if site else None)
    if element is None:
        return None
    line = blocks[element].start
    title, site = _split_title_element(blocks, element_text, url)
    title = _visible(title)
    blocks[element].drop = Drop(DropSource.METADATA, "title")
    _drop_repeats(blocks, title)
    why = ", ".join(own[2]) if own else ""
    if own is not None and own[1] > 0 and body is not None and scan.gap(element, body) <= settings.headline_near_body_blocks[1]:
        # The first line is also where the page shows its headline: right above the body.
        return Headline(title, site, Evidence("headline: first line, " + why, line), element, line)
    if shown is not None:
        # The <title> line wins, but the page shows a headline further down: the byline and
        # the date are looked for around that one.
        return Headline(title, site, Evidence(f"first line (the page's <title>){', ' + why if why else ''}", line), shown[0], line)
    return Headline(title, site, Evidence("first line (the page's <title>)", line), None, line)


def _without_widget_labels(blocks: list[Block], candidates: list[int], settings: Settings) -> list[int]:
    """The candidates but the headings whose text the capture prints as a heading more than
    settings.headline_max_heading_copies times: a widget's label, repeated over each copy.
    (A headline is printed again in menus, breadcrumbs and teasers, but as links and lines.)"""
    headings = {_norm(blocks[i].text) for i in candidates if blocks[i].kind is BlockKind.HEADING}
    if not headings:
        return candidates
    copies = Counter(norm for b in blocks if b.kind is BlockKind.HEADING and (norm := _norm(b.text)) in headings)
    return [
        i for i in candidates
        if blocks[i].kind is not BlockKind.HEADING or copies[_norm(blocks[i].text)] <= settings.headline_max_heading_copies
    ]


def _first_h1(blocks: list[Block], candidates: list[int], window: list[int], settings: Settings, url: str | None) -> int | None:
    """The first level-1 heading among the candidates: in a markdown capture, the `#` line a
    page gives its own headline (a site's logo heading links to the front page, and is no
    candidate). Shop and index pages can print a thousand lines of menus over it, so it is
    looked for below the window too."""
    first = next((i for i in candidates if blocks[i].kind is BlockKind.HEADING and blocks[i].level == 1), None)
    if first is None and window:
        below = (i for i in range(window[-1] + 1, len(blocks)) if blocks[i].kind is BlockKind.HEADING and blocks[i].level == 1 and _live(blocks[i]))
        first = next((i for i in below if _headline_shaped(blocks[i], settings, url)), None)
    return first


def _h2_under(blocks: list[Block], h1: int | None, candidates: list[int], slug: set[str], settings: Settings) -> int | None:
    """The level-2 heading right under the first level-1 heading when the URL names it and not
    the level-1 heading: a book's, a section's or a site's name over the page's own headline
    ("# The Rust Programming Language" over "## What Is Ownership?" at .../ch04-01-what-is-ownership.html).
    Only images and lines of links may stand between them. Otherwise the level-1 heading."""
    if h1 is None or settings.headline_h2_under_h1_max_between < 0 or not slug or _slug_share(blocks[h1].text, slug) >= settings.headline_h2_slug_min_share:
        return h1
    between = 0
    for i in range(h1 + 1, len(blocks)):
        block = blocks[i]
        if not block.text:
            continue
        if block.kind is BlockKind.HEADING:
            text = block.text
            sentence = text.endswith(".") or _TWO_SENTENCES.search(text)
            named = _slug_share(text, slug) >= settings.headline_h2_slug_min_share
            return i if block.level == 2 and i in candidates and _live(block) and not sentence and named else h1
        if block.kind is not BlockKind.IMAGE and block.link_chars < _MOSTLY_LINKS * len(block.text):
            return h1
        between += 1
        if between > settings.headline_h2_under_h1_max_between:
            return h1
    return h1


class _Scan:
    """What scoring the headline candidates asks about the window, each worked out once:
    the live blocks after a block, the gap between two blocks, whether a block is a byline
    or a date line, and its words against the <title> line's."""

    def __init__(self, blocks: list[Block], window: list[int], element_text: str, settings: Settings) -> None:
        self.blocks, self.settings = blocks, settings
        self.live = [i for i, b in enumerate(blocks) if _live(b)]
        self.rank = {i: n for n, i in enumerate(self.live)}  # index among the live blocks
        self.element_norm = _norm(element_text) if element_text else ""
        self.element_words = _content_words(element_text) if element_text else set()
        self.element_head = _norm(_TITLE_SEPARATORS.split(element_text)[0]) if element_text else ""
        self._byline: dict[int, bool] = {}
        self._date: dict[int, bool] = {}
        self._repeats: dict[int, bool] = {}
        self.first_h1: int | None = None

    def after(self, i: int, n: int) -> list[int]:
        """The next n live blocks after block i."""
        k = bisect_right(self.live, i)
        return self.live[k : k + n]

    def gap(self, i: int, j: int) -> int:
        """Live blocks strictly between i and j (i before j)."""
        return bisect_left(self.live, j) - bisect_right(self.live, i)

    def byline(self, i: int) -> bool:
        if i not in self._byline:
            self._byline[i] = _byline_of(self.blocks[i], self.settings) is not None
        return self._byline[i]

    def date_line(self, i: int) -> bool:
        if i not in self._date:
            self._date[i] = _date_line(self.blocks[i], self.settings)
        return self._date[i]

    def names_title(self, i: int) -> bool:
        """The line is the <title> line, or its head before a separator ('Headline | Site')."""
        text = self.blocks[i].text
        if not self.element_norm or len(text) > self.settings.max_title_chars:
            return False
        mine = _norm(text)
        return mine == self.element_norm or mine == self.element_head

    def repeats(self, i: int) -> bool:
        if i not in self._repeats:
            text = self.blocks[i].text
            self._repeats[i] = bool(self.element_norm) and len(text) <= self.settings.max_title_chars and (
                _repeats_norm(_norm(text), self.element_norm) or self.names_title(i)
            )
        return self._repeats[i]


def _templated(blocks: list[Block], window: list[int], settings: Settings) -> set[int]:
    """The lines of the window (the lines the headline is looked for in) that hold a number,
    are not headings and whose shape (inline.line_shape: numbers blanked)
    settings.template_min_repeats different lines of it share: a list's items ("Free 6 Week
    Beginner Marathon Training Plan", "Free 7 Week ..."), not the page's <title> line or
    headline. Taken for either, one was dropped, and each reading of the cleaned text took the
    list's next line (wcxb-dev w4116.txt). A headline printed three times is one line, not a
    template."""
    limit = settings.template_max_chars
    shaped: list[tuple[int, str]] = []
    texts: dict[str, set[str]] = {}
    for i in window:
        b = blocks[i]
        text = b.text
        if text and len(text) <= limit and b.kind is not BlockKind.HEADING and _DIGIT.search(text):
            shape = line_shape(text, limit) or ""
            shaped.append((i, shape))
            texts.setdefault(shape, set()).add(text)
    shared = {shape for shape, seen in texts.items() if len(seen) >= settings.template_min_repeats}
    return {i for i, shape in shaped if shape in shared} if shared else set()


def _headline_shaped(block: Block, settings: Settings, url: str | None) -> bool:
    # The cheap tests first: most lines of a capture fail on kind, length or word count.
    kind = block.kind
    if kind is not BlockKind.HEADING and kind is not BlockKind.PARAGRAPH:
        return False
    if len(block.text) > settings.max_title_chars:
        return False
    return _headline_shaped_line(block.text, block.markdown, kind, block.level, block.link_chars, url, settings)


@short_text_cache(max_chars=LINE_CHARS)  # the settling readings ask about the same lines
def _headline_shaped_line(text: str, markdown: str, kind: BlockKind, level: int, link_chars: int, url: str | None, settings: Settings) -> bool:
    """_headline_shaped of a heading or paragraph line, from what it reads of the block."""
    block = Block(kind, text, markdown, 0, 0, level=level, link_chars=link_chars)
    heading = kind is BlockKind.HEADING
    words = len(text.split())
    if not (words >= 3 or (heading and block.level == 1 and _short_headline(text, words)) or (len(text) >= 6 and _UNSPACED.search(text))):
        return False
    if not _WORD_CHAR.search(text):
        return False  # '---|---|---', a table's header line: markup, no words
    if block.link_chars >= _MOSTLY_LINKS * len(text) and not _links_to_itself(block, url):
        # A heading whose links lead nowhere ("[Headline]()") is no teaser for another page.
        if not (heading and not _links(block)):
            return False
    last = text[-1]
    if last in ".。।۔:;,'\"’”" and _SENTENCE_END.search(text) and not (heading and text.endswith(".") and words >= 4):
        return False
    if not heading and (last in "!?'\"’”" or not last.isalnum()):
        if words > settings.headline_max_exclaiming_words and _EXCLAIMING.search(text) and not _title_cased(text):
            return False  # a long exclamation or question in sentence case is a sentence
    if _PHOTO_CREDIT.search(text) or _label_regex(settings.date_published_labels + settings.date_updated_labels).match(text):
        return False
    if _numeric_row(text) or is_relative(text) and words <= 4:
        return False
    if (dates := find_dates(text)) and not (heading and _words_besides(text, dates) >= 3):
        return False  # a date line; a heading may name a day ("Lemmy Development Update 2024-10-04")
    if _WIDGET_LINE.match(text) or heading and _BREADCRUMB.search(text):
        return False
    return _byline_of(block, settings) is None


def _visible(title: str) -> str:
    """The title without soft hyphens and zero-width characters, which a text capture keeps
    from the page's HTML ("Kon\u00adsum" is "Konsum")."""
    return INVISIBLE.sub("", title) if not title.isascii() else title


def _without_opening_date(text: str) -> str:
    """The headline without a date that opens it ("Dec 18 2025 Preparing a transition" ->
    "Preparing a transition"), when words are left."""
    dates = find_dates(text)
    if not dates or text[: dates[0].start].strip(_OPENING_PUNCT):
        return text
    rest = text[dates[0].end :].strip(_OPENING_PUNCT + " ")
    return rest if len(rest.split()) >= 2 else text


def _words_besides(text: str, dates: list[DateMatch]) -> int:
    """How many words the line has outside its dates."""
    return len(_words(without_dates(text, dates)))


def _short_headline(text: str, words: int) -> bool:
    """A level-1 heading of one or two words that names something ('Kayaks', 'Pods',
    'useState'): not a number, not a menu's or a page's furniture ('Menu', 'Search')."""
    if words == 2:
        return True
    first = _words(text)[:1]
    return words == 1 and bool(first) and not first[0].isdigit() and first[0] not in _NOT_NAMES and not _BY_ALONE.match(first[0])

def _numeric_row(text: str) -> bool:
    """A table row flattened to a line: numbers in half of its cells or more, and at least
    three ("19 | Paul Menard | 777 | 0 | 0 | 0 | 4", "19 Paul Menard 777 0 0 0 4").
    A headline has a number or two among its words."""
    if text.isascii() and not _DIGIT.search(text):
        return False  # most lines (only non-ASCII text holds digits that \d misses, such as '²')
    cells = [c for c in _CELLS.split(text) if c]
    numbers = sum(c.lstrip("+-").replace(".", "").replace(",", "").replace("-", "").isdigit() for c in cells)
    return numbers >= 3 and 2 * numbers >= len(cells)


_CELLS = re.compile(r"[\s|]+")  # "45| 17| .726| 23-8| +7.2": cells with or without spaces


def _title_cased(text: str) -> bool:
    """'The Beauty of Korea Revealed at the Festival': most longer words capitalised."""
    long = [w for w in text.split() if len(w) >= 4 and w[0].isalpha()]
    return bool(long) and sum(1 for w in long if w[0].isupper()) >= _TITLE_CASED_SHARE * len(long)


def _content_words(text: str) -> set[str]:
    """Words of four letters or more: what a reworded headline keeps of its <title>."""
    return {w for w in _words(text) if len(w) >= 4}


def _links_to_itself(block: Block, url: str | None) -> bool:
    """A headline that links to the page's own address (some themes do)."""
    if not url:
        return False
    mine = urlsplit(url)
    own = mine.path.rstrip("/")
    # A link with a query names the page by it too: "./viewtopic.php?t=425337&sid=e185…" on
    # ".../forum/viewtopic.php?t=425337" links to itself, "./viewtopic.php?p=7732260" does not.
    items = set(mine.query.split("&")) - {""}
    for _, target in _links(block):
        theirs = urlsplit(urljoin(url, target)) if target.startswith(".") else urlsplit(target)
        if own and theirs.path.rstrip("/") == own and (not theirs.query or items <= set(theirs.query.split("&"))):
            return True
    return False


def _best_headline(
    scan: _Scan, candidates: list[int], element: int | None, body: int | None, slug: set[str], settings: Settings
) -> tuple[int, float, list[str], float] | None:
    """(index, points, reasons, tie-break points) of the candidate with the most points plus
    tie-break points, the first of equals. Words shared with the <title> line only order the
    displayed candidates: they never make one beat the <title> line itself, or the minimum.

    Most of the scoring's time goes on the lines under each candidate (is one a byline?), so
    the candidates are tried from the highest upper bound down, and the ones whose bound
    cannot beat the best so far are never scored in full: the same winner as scoring all."""
    bounds = {}
    for i in candidates:
        points, _, shares = _headline_score(scan, i, element, body, slug, settings, bound=True)
        bounds[i] = points + shares
    best: tuple[int, float, list[str], float] | None = None
    top = 0.0
    for i in sorted(candidates, key=lambda i: -bounds[i]):
        if best is not None and bounds[i] < top:
            break  # the bounds only fall from here
        if best is not None and bounds[i] == top and i > best[0]:
            continue  # at most equal to the best, and after it
        found = (i, *_headline_score(scan, i, element, body, slug, settings))
        points = found[1] + found[3]
        if best is None or points > top or points == top and i < best[0]:
            best, top = found, points
    return best


def _headline_score(
    scan: _Scan, i: int, element: int | None, body: int | None, slug: set[str], settings: Settings, bound: bool = False
) -> tuple[float, list[str], float]:
    """(points, reasons, tie-break points for words shared with the <title> line). With
    bound=True, the points the lines under the candidate could add are counted at their most
    without reading those lines: an upper bound, summed in the same order (float sums grow
    with their terms)."""
    blocks = scan.blocks
    block = blocks[i]
    score, reasons, shares = 0.0, [], 0.0
    if block.kind is BlockKind.HEADING:
        score += settings.headline_heading_points[min(block.level, 6) - 1]
        reasons.append(f"level-{block.level} heading")
        if i == scan.first_h1:
            score += settings.headline_first_h1_points
            reasons.append("the first on the page")
    if element is not None and i != element:
        if scan.repeats(i):
            score += settings.headline_title_element_points
            reasons.append("repeats the first line")
        elif scan.element_words:
            mine = _content_words(block.text)
            shared = len(mine & scan.element_words) / max(1, len(mine))
            if shared >= settings.headline_title_words_min_share:
                shares = settings.headline_title_words_points * shared
                reasons.append("shares words with the first line")
    if slug:
        shared = _slug_share(block.text, slug)
        if shared >= 0.5:
            score += settings.headline_slug_points * shared
            reasons.append("matches the URL")
    if body is not None:
        if i > body:
            score += settings.headline_after_body_points
        else:
            gap = scan.gap(i, body)
            for k, (limit, points) in enumerate(zip(settings.headline_near_body_blocks, settings.headline_near_body_points)):
                if gap <= limit:
                    score += points
                    reasons.append("just before the body" if k <= 1 else "before the body")
                    break
    after = [] if bound else scan.after(i, 4)
    if bound:
        score += max(0.0, settings.headline_byline_after_points, settings.headline_date_after_points)
    for k, j in enumerate(after):
        if scan.byline(j):
            score += settings.headline_byline_after_points / (1 if k == 0 else 2)
            reasons.append("byline follows")
            break
        if scan.date_line(j):
            score += settings.headline_date_after_points / (1 if k == 0 else 2)
            reasons.append("date follows")
            break
    text = block.text
    if text.isupper() and text.count(" ") <= 2:
        score += settings.headline_label_points
    if text.endswith(".") and not text.endswith("..") or _TWO_SENTENCES.search(text):
        score += settings.headline_sentence_points
        reasons.append("but shaped like a sentence")
    if bound:
        score += max(0.0, settings.headline_byline_shape_points)
    elif block.kind is BlockKind.PARAGRAPH and not scan.repeats(i) and any(scan.date_line(j) for j in after[:2]) and _name_line(text, settings):
        # "Lisa Kaczke and Trevor J. Mitchell Sioux Falls Argus Leader" over the date: a byline.
        score += settings.headline_byline_shape_points
        reasons.append("but shaped like a byline")
    return score, reasons, shares


def _slug_share(text: str, slug: set[str]) -> float:
    """The share of the line's words (or of the slug's, the fewer) that the URL slug holds."""
    mine = set(_words(text))
    return len(mine & slug) / max(1, min(len(mine), len(slug)))


@short_text_cache(max_chars=LINE_CHARS)  # the headline search compares every window line with the <title> line
def _norm(text: str) -> str:
    return " ".join(_words(text))


def _repeats_norm(mine: str, theirs: str) -> bool:
    if not mine or len(mine) < 0.3 * len(theirs):
        return False
    return mine == theirs or theirs.startswith(mine + " ") or theirs.endswith(" " + mine)


def _suffix_site(element: str, title: str) -> str | None:
    """'Headline - Site' with the headline known: 'Site'."""
    parts = _TITLE_SEPARATORS.split(element)
    if len(parts) < 2:
        return None
    rest = parts[-1].strip()
    return rest if rest and _norm(rest) not in _norm(title) else None


def _split_title_element(blocks: list[Block], element: str, url: str | None, shown_lines: bool = True) -> tuple[str, str | None]:
    """'Headline | Section | Site' -> ('Headline', 'Site') when the tail is shown to be the site:
    it matches the URL's host, or (shown_lines) the page prints it as a line of its own.
    Otherwise the line as is."""
    parts = _TITLE_SEPARATORS.split(element)
    if len(parts) < 2:
        return element, None
    host = _host_words(url)
    lines = {_norm(b.text) for b in blocks if b.text and len(b.text) <= 80}
    site = None
    while len(parts) > 1:
        tail = parts[-1].strip()
        squashed = re.sub(r"[^a-z0-9]", "", _norm(tail))
        named = bool(host) and any(h and (h in squashed or squashed in h) for h in host if len(h) >= 3) if squashed else False
        if not (named or shown_lines and _norm(tail) in lines) or len(tail.split()) > 6:
            break
        site = site or tail
        parts.pop()
    if site is None:
        return element, None
    head = element[: element.find(parts[-1]) + len(parts[-1])].strip() if len(parts) > 1 else parts[0].strip()
    return head, site


def headline_line(blocks: list[Block], title: str | None) -> int | None:
    """Where the page prints its headline: the last block taken as the title, or failing
    that a short block that shares nearly all the title's words."""
    if not title:
        return None
    marked = [b.start for b in blocks if b.drop is not None and b.drop.reason == "title"]
    if len(marked) > 1 or (marked and marked[0] > 1):
        return marked[-1]
    want = {w.lower() for w in re.findall(r"\w+", title)}
    if len(want) < 3:
        return marked[-1] if marked else None
    # A copy with no live line after it closes the page (a note printed at its top and
    # its foot): it heads nothing. Taken as the headline, it put a whole cleaned listing
    # above its headline, and the list went as chrome (issue 17, wcxb-dev w2974).
    last = max((i for i, b in enumerate(blocks) if b.drop is None and b.text), default=0)
    for block in blocks[1:last]:
        if block.drop is None and len(block.text) <= 1.5 * len(title):
            have = {w.lower() for w in re.findall(r"\w+", block.text)}
            if len(want & have) >= _HEADLINE_OVERLAP * len(want):
                block.drop = Drop(DropSource.METADATA, "title")
                return block.start
    return marked[-1] if marked else None


def _drop_repeats(blocks: list[Block], title: str) -> None:
    """Text captures print the <title> and the headline: drop the later copy too."""
    for block in blocks:
        if block.drop is None and block.text == title and block.start > 0:
            block.drop = Drop(DropSource.METADATA, "title")


def anchor_index(blocks: list[Block], line: int | None) -> int | None:
    """Index of the block at a line (the headline's)."""
    if line is None:
        return None
    for i, block in enumerate(blocks):
        if block.start <= line <= block.end:
            return i
    return None


def _near(blocks: list[Block], anchor: int | None, settings: Settings, before: int | None = None, after: int | None = None) -> Iterator[tuple[int, int]]:
    """(index, distance) of text blocks near the headline: the ones after it first, nearest first,
    then the ones before. Without a headline, the first blocks of the capture."""
    before = settings.byline_blocks_before if before is None else before
    after = settings.byline_blocks_after if after is None else after
    if anchor is None:
        n = 0
        for i, b in enumerate(blocks):
            if b.text and b.start <= settings.meta_window_lines:
                n += 1
                yield i, n
        return
    # Blocks rules dropped (share buttons, ad labels) do not count towards the distance.
    n = 0
    for i in range(anchor + 1, len(blocks)):
        if blocks[i].text:
            n += not _ruled(blocks[i])
            if n > after:
                break
            yield i, max(n, 1)
    n = 0
    for i in range(anchor - 1, -1, -1):
        if blocks[i].text:
            n += not _ruled(blocks[i])
            if n > before:
                break
            yield i, -max(n, 1)


def _ruled(block: Block) -> bool:
    return block.drop is not None and block.drop.source is DropSource.RULE


# Rule families whose blocks are other people's or other pages': comment sections and teasers
# of other stories (rules/comments.yaml, rules/related.yaml). Their names and dates are not the page's.
_OTHERS_RULES = ("comments.", "related.")


def _others(block: Block) -> bool:
    return _ruled(block) and block.drop is not None and block.drop.reason.startswith(_OTHERS_RULES)


# --------------------------------------------------------------------------- standfirst


def find_subtitle(blocks: list[Block], title_block_line: int | None, settings: Settings) -> tuple[str, Evidence] | None:
    """A standfirst: the block right after the headline, headline-shaped but longer."""
    if title_block_line is None:
        return None
    after = [b for b in blocks if b.start > title_block_line and b.text and not (b.drop and b.drop.source is not DropSource.METADATA)]
    if not after or after[0].drop is not None:
        return None
    block = after[0]
    words = len(block.text.split())
    if _byline_of(block, settings) or find_dates(block.text):
        return None
    cased = [w for w in block.text.split() if w[:1].isalpha() and w[:1].lower() != w[:1].upper()]
    if cased and all(w[:1].isupper() for w in cased):
        return None  # a row of buttons or names ("Facebook Twitter Email"), not a standfirst
    if (
        block.kind in (BlockKind.HEADING, BlockKind.PARAGRAPH)
        and 6 <= words <= 60
        and not _SENTENCE_END.search(block.text)
        and not block.text.endswith("!")
        and not block.links
        and not _post_attributions(block.text, blocks, settings)
    ):
        block.drop = Drop(DropSource.METADATA, "subtitle")
        return block.text, Evidence("line after the headline, standfirst-shaped", block.start)
    return None


# --------------------------------------------------------------------------- byline


@functools.lru_cache(maxsize=8)
def _byline_regex(prefixes: tuple[str, ...], labels: tuple[str, ...] = ()) -> re.Pattern[str]:
    """'By X', 'Written by: X', and the labels that need their colon ('Author: X')."""
    def alternatives(words: tuple[str, ...]) -> str:
        return "|".join(sorted((re.escape(p).replace(r"\ ", r"\s+") for p in words), key=len, reverse=True))

    head = r"(?:" + alternatives(prefixes) + r")(?:\s*:\s*|\s+)"
    if labels:
        head = r"(?:" + head + r"|(?:" + alternatives(labels) + r")\s*:\s*)"
    return re.compile(r"(?:^|(?<=[\s|·•,/:(]))" + head + r"(?P<names>\S.*)$", re.I)


def _by(settings: Settings) -> re.Pattern[str]:
    return _byline_regex(settings.byline_prefixes, settings.byline_labels)


@functools.lru_cache(maxsize=8)
def _agencies(names: tuple[str, ...]) -> frozenset[str]:
    return frozenset(a.lower() for a in names)


@functools.lru_cache(maxsize=8)
def _job_regex(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + r")\b", re.I)


@functools.lru_cache(maxsize=8)
def _label_regex(labels: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(?:" + "|".join(sorted(map(re.escape, labels), key=len, reverse=True)) + r")(?!\w)", re.I)


def find_byline(blocks: list[Block], settings: Settings, anchor: int | None = None, url: str | None = None) -> tuple[str, Evidence] | None:
    """The byline near the headline: 'By X', 'X 기자', a link to an author page, or a name
    line right under the headline; else a strong byline further down (_far_byline). Returns
    the byline as printed, without its date. `url` is the page's address (its own site)."""
    # A rule may have dropped the byline line as chrome: it still names the authors. Not a
    # comment's or a teaser's line (an author box under a comment section is _far_byline's).
    near = [(i, d) for i, d in _near(blocks, anchor, settings) if blocks[i].drop is None or _ruled(blocks[i]) and not _others(blocks[i])]
    # Below the headline before above it, and the strong forms before the weak ones on each side.
    lowercase: set[str] = set()  # filled on first use
    credits: list[set[int]] = []  # _card_credits', filled on first use
    # A question page's asker: the card under "asked Oct 16, 2023" outranks the editor's card
    # over it, which the near search would take first as a link to a user page.
    if anchor is not None and (card := _card_under_date(blocks, settings, anchor, asked=True)):
        return card
    for weak, below in ((False, True), (True, True), (False, False), (True, False)):
        # A poster's card under the labelled publication date outranks a name-shaped line
        # under the headline (a question page's "[Ask Question](…)" button).
        if weak and below and anchor is not None and (card := _card_under_date(blocks, settings, anchor)):
            return card
        if weak and below:
            # "Published August 7, 2023 by Nicole Burke" right over the headline outranks a
            # name-shaped line under it ("Filed Under").
            for i, distance in near:
                if -settings.byline_above_by_blocks <= distance < 0 and blocks[i].drop is None:
                    hit = strong_byline(blocks[i], settings)
                    if hit and hit[1] == "byline: 'By' line" and not _drop_post_attributions(hit[0], blocks, settings):
                        blocks[i].drop = Drop(DropSource.METADATA, "byline")
                        return hit[0], Evidence(hit[1], blocks[i].start)
        for n, (i, distance) in enumerate(near):
            block = blocks[i]
            # A rule may have dropped a team's name right under the headline as chrome: a camel-cased
            # brand's team ("InstaTunnel Team") reads as glued category labels. It still names the authors.
            if (distance > 0) != below or weak and block.drop is not None and not (
                0 < distance <= settings.byline_by_headline_blocks and _ruled(block) and _group_name(block.text, settings)
            ):
                continue
            if not weak and _BY_ALONE.match(block.text) and n + 1 < len(near):
                # "By" on a line of its own, the name on the next (WSJ)
                nxt = blocks[near[n + 1][0]]
                if near[n + 1][1] == distance + 1 and _names_shaped(_cut_names(nxt.text, settings), single=True):
                    block.drop = nxt.drop = Drop(DropSource.METADATA, "byline")
                    names = [trim_byline(nxt.text, settings), *_more_names(blocks, near, n + 1, settings)]
                    return f"{block.text} {_SPACE_COMMA.sub(',', ' '.join(names))}", Evidence("byline: 'By' line", block.start)
            found = _byline_of(
                block, settings, weak=weak, right_after_headline=anchor is not None and 0 < distance <= settings.byline_by_headline_blocks,
                over_date=functools.partial(_over_date, blocks, i, settings),
            )
            prefixed = found and _strip_prefix(found[0], settings) != found[0]
            if found and (prefixed or _under_author_path(block, found[0], settings) or not _common_phrase(found[0], blocks, lowercase)):
                byline, how = found
                if _drop_post_attributions(byline, blocks, settings):
                    continue
                if not weak and abs(distance) > settings.byline_by_headline_blocks and i in _card_credits(blocks, settings, credits):
                    continue
                if _line_of_its_own(block, settings):  # else the byline opens a paragraph ("By X" glued on)
                    block.drop = Drop(DropSource.METADATA, "byline")
                return byline, Evidence(how, block.start)
    if anchor is not None and (far := _far_byline(blocks, settings, anchor, url) or _far_byline(blocks, settings, anchor, url, above=True)):
        return far
    # Wire stories credit their reporters at the end: "Reporting by A; Editing by B".
    for block in blocks:
        if block.drop is None and len(block.text) <= 2 * settings.max_byline_chars and _REPORTING.match(block.text):
            block.drop = Drop(DropSource.METADATA, "byline")
            return block.text, Evidence("byline: 'Reporting by' credit", block.start)
    return _credit_line(blocks, settings, anchor) or _first_author_link(blocks, settings, url) or _author_card(blocks, settings)


_SPACE_COMMA = re.compile(r"\s+,")


def _card_credits(blocks: list[Block], settings: Settings, memo: list[set[int]]) -> set[int]:
    """The blocks that are a 'By' credit and nothing else ("by Lauren Dragan"), where such lines
    name settings.byline_frame_min_names people or more: each credits a card (a review, a
    product, a teaser), and none is the page's byline unless it stands right by the headline
    (settings.byline_by_headline_blocks over or under it). Taken as the byline, one was
    dropped, and each reading of the cleaned text took the next card's (wcxb-dev w2934.txt:
    the settling step's 20 readings, and one more credit at each cleaning). Worked out once
    per search (memo)."""
    if not memo:
        found, names = set(), set()
        for i, block in enumerate(blocks):
            # The prefix first: strong_byline is asked only of lines that could be a "By" credit.
            if block.drop is None and block.text[:3].lower() == "by " and len(block.text) <= settings.max_byline_chars:
                hit = strong_byline(block, settings)
                if hit and hit[1] == "byline: 'By' line":
                    found.add(i)
                    names.add(_words(_strip_prefix(hit[0], settings)))
        memo.append(found if len(names) >= settings.byline_frame_min_names else set())
    return memo[0]


def _more_names(blocks: list[Block], near: list[tuple[int, int]], n: int, settings: Settings) -> list[str]:
    """The names after the first of a byline split over lines ("By" / "Thomas Broderick" / ", " /
    "Nalea Ko" / ", and " / "ACO Rankings Team"): each joiner line and the name line under it.
    The lines taken are dropped as the byline's."""
    more: list[str] = []
    while n + 2 < len(near) and near[n + 2][1] == near[n][1] + 2:
        joiner, name = blocks[near[n + 1][0]], blocks[near[n + 2][0]]
        if not joiner.text.strip() or not _JOINERS_ONLY.fullmatch(joiner.text) or not (
            _names_shaped(_cut_names(name.text, settings), single=True) or _group_name(name.text, settings)
        ):
            break
        joiner.drop = name.drop = Drop(DropSource.METADATA, "byline")
        more += [joiner.text.strip(), trim_byline(name.text, settings)]
        n += 2
    return more


_BIO_START = re.compile(
    r"^(?P<first>[^\W\d_][\w'’.-]*)(?:\s+[^\W\d_][\w'’.-]*){0,3}\s+"
    r"(?:is|was|has|joined|writes|explores|covers|holds|leads|works|specializes|specialises)\b"
)


def _author_card(blocks: list[Block], settings: Settings) -> tuple[str, Evidence] | None:
    """Where the page names no author otherwise: an author card, a portrait over a name line
    over a job line ("Writer") or a biography that opens with the name ("Alban Brooke is the
    Head of Marketing", "Sarah joined The Society in 2014"). Taken only when the page holds
    one such card: a team page or a row of testimonials holds several."""
    if not any(b.kind is BlockKind.IMAGE for b in blocks):
        return None  # no portrait (a text capture never has one)
    found: list[tuple[int, str]] = []
    lowercase: set[str] = set()  # filled on first use
    live = [i for i, b in enumerate(blocks) if (b.text or b.kind is BlockKind.IMAGE) and not _others(b)]
    for n in range(1, len(live)):
        image, name_block = blocks[live[n - 1]], blocks[live[n]]
        if image.kind is not BlockKind.IMAGE or name_block.kind not in (BlockKind.HEADING, BlockKind.PARAGRAPH):
            continue
        after = blocks[live[n + 1]] if n + 1 < len(live) else None
        name = _portrait_name(image, name_block, after, settings)
        if name is None:
            if after is None or after.kind is not BlockKind.PARAGRAPH:
                continue
            name = re.sub(r"\s*\([^)]*\)$", "", name_block.text.strip())  # "Lance Ryan (Content Manager)"
            if ":" in name or len(name.split()) > settings.name_max_words or not _names_shaped(name, single=True) or name.lower() in _UI_WORDS:
                continue  # ("Image: US Supreme Court" over a "## Science" heading is a caption)
            bio = _BIO_START.match(after.text)
            if not (_job_line(after.text, settings) or bio and bio.group("first") == name.split()[0]):
                continue
        if len(name.split()) > 1 and _common_phrase(name, blocks, lowercase):
            continue
        found.append((live[n], name))
    if len({_words(name) for _, name in found}) != 1:
        return None
    i, name = found[0]
    blocks[i].drop = Drop(DropSource.METADATA, "byline")
    return name, Evidence("byline: an author card (portrait, name, job or biography)", blocks[i].start)


def _portrait_name(image: Block, block: Block, after: Block | None, settings: Settings) -> str | None:
    """The full name that opens a line under a portrait whose alt text names it ("![Picture
    of Liz Kenny](…)" over "#### Liz Kenny", "![Mateusz Haberny](…)" over "Mateusz
    HabernyFounder at Oakywood"). A hero image over its section's heading has the same
    shape ("![Lodge Cast Iron](…)" over "# Lodge Cast Iron"), so a person's mark is asked
    for too: the alt says it is a picture of someone, or a writer's job follows the name
    (on its line or the next), or a date line does. Not a page's level-1 or level-2
    heading, nor a teaser's linked headline, nor a sentence that goes on in lower case, and a full name only."""
    text = block.text
    if not image.alt or len(text) > settings.max_byline_chars or block.kind is BlockKind.HEADING and block.level <= 2:
        return None
    if block.link_chars > _MOSTLY_LINKS * len(text) and not any(_author_link(t, settings) for _, t in _links(block)):
        return None  # a teaser's picture over its linked headline
    bare = _PORTRAIT_WORDS.sub("", _PARENTHESES.sub("", image.alt))
    known = _words(bare)
    if not 2 <= len(known) <= settings.name_max_words:
        return None  # a product's or a scene's description, not a name
    words = _unglue_name(_PARENTHESES.sub("", text)).split()
    name = " ".join(words[: len(known)]).strip(" ,|·•–-")
    if _words(name) != known or not _names_shaped(name) or name.lower() in _UI_WORDS:
        return None
    rest = words[len(known) :]
    if rest and rest[0][:1].islower():
        return None
    jobs = set(settings.card_job_words)
    marked = (
        _PORTRAIT_WORDS.search(image.alt)
        or not jobs.isdisjoint(_words(" ".join(rest[:8])))
        or after is not None and (not jobs.isdisjoint(_words(after.text)[:8]) or _date_line(after, settings))
    )
    return name if marked else None


_PARENTHESES = re.compile(r"\s*\([^)]*\)")
# What an alt text says around a portrait's name: "Picture of Liz Kenny", "Jane Doe headshot".
_PORTRAIT_WORDS = re.compile(r"(?i)^\s*(?:(?:a\s+)?(?:picture|photo|image|headshot|portrait|avatar)\s+of\s+)|\s+(?:headshot|photo|portrait|avatar)\s*$")


def _first_author_link(blocks: list[Block], settings: Settings, url: str | None) -> tuple[str, Evidence] | None:
    """Where no byline was found near the headline or below it: the first link to one person's
    page under an author path of the page's own site, anywhere in the page ("By: [FlowGuard
    EMEA](/blog/author/flowguard-emea)" over a headline the search did not take, "**Author:**
    [Kashmir Brummel](/author/kashmir-brummel/)" in a list). A full name under a writers' path
    only: user, member and staff paths are account menus and team lists ("[My Account](/user/)").
    Not in comments or teasers."""
    lowercase: set[str] = set()  # filled on first use
    for block in blocks:
        if "](" not in block.markdown:
            continue  # no link: no author page (most lines; a text capture's every line)
        if not block.text or len(block.text) > settings.max_byline_chars or block.drop is not None and (not _ruled(block) or _others(block)):
            continue
        hit = strong_byline(block, settings)
        if hit is None or hit[1] not in ("byline: link to an author page", "byline: 'By' line") or _role_credit(block.text):
            continue
        said = set(_words(hit[0]))
        if _common_phrase(_strip_prefix(hit[0], settings), blocks, lowercase):
            continue
        if any(
            len(_words(t)) >= 2 and set(_words(t)) <= said and _names_shaped(t) and _own_author_page(target, url, settings, settings.author_page_url_parts)
            for t, target in _links(block)
        ):
            block.drop = Drop(DropSource.METADATA, "byline")
            return hit[0], Evidence("byline: the first link to an author page", block.start)
    return None


def _credit_line(blocks: list[Block], settings: Settings, anchor: int | None) -> tuple[str, Evidence] | None:
    """Where the page names no author otherwise: the post's credit line, a link to an author's
    page with the post's date right after it ("[Kristen](/blog?author=57b5)March 11, 2024",
    between the post's category and tag links), the shape _credited_date reads the date
    from. The date vouches for the link: its text is taken as the author's name even when
    it is one word or written in lower case ("[annette thurmon](…?author=59a4)June 17, 2021")."""
    for block in blocks[max(0, anchor - settings.byline_blocks_before) if anchor is not None else 0 :]:
        if not block.text or "](" not in block.markdown or block.kind in (BlockKind.QUOTE, BlockKind.CODE) or _others(block):
            continue
        if _label_regex(settings.date_last_post_labels).search(block.text):
            continue  # "23 replies · last post by [X](…) Sep 26, 2024": who wrote last in a thread
        markdown = block.markdown
        for m in _LINK.finditer(markdown):
            name, target = _strip_prefix(m.group(1).strip(" _*"), settings), m.group(2)
            if not _author_link(target, settings) or name.lower() in _UI_WORDS or not _credit_name(name, settings):
                continue
            rest = markdown[m.end() : m.end() + settings.date_line_max_chars]
            lead = _AFTER_AUTHOR.match(rest)
            dates = find_dates(rest)
            if dates and lead and dates[0].start == lead.end():
                if block.drop is None and _line_of_its_own(block, settings):
                    block.drop = Drop(DropSource.METADATA, "byline")
                return name, Evidence("byline: author link before the post's date", block.start)
    return None


def _line_of_its_own(block: Block, settings: Settings) -> bool:
    """Whether a block a byline was read from is that line alone, to drop: up to
    settings.byline_drop_max_chars. A longer one is a paragraph the byline opens, and it
    stays: html2text runs a table cell's paragraphs into one line, so an older page laid out
    in a table saves its byline, date and whole article as one line."""
    return settings.byline_drop_max_chars <= 0 or len(block.text) <= settings.byline_drop_max_chars


def _credit_name(name: str, settings: Settings) -> bool:
    """A name or a user name: one to name_max_words words of letters ('Kristen', 'annette
    thurmon', 'b.scherer'), none of them a common word."""
    words = name.split()
    return 0 < len(words) <= settings.name_max_words and all(_HANDLE_NAME.match(w) and w.lower() not in _NOT_NAMES for w in words)


_ASKED = re.compile(r"(?i)\s*asked\b")


def _card_under_date(blocks: list[Block], settings: Settings, anchor: int, asked: bool = False) -> tuple[str, Evidence] | None:
    """The poster's card under the first date line labelled as the publication's, further
    down than the near search reaches: "asked Oct 16, 2023 at 9:40" over the asker's avatar
    and profile link on a question page (an "edited" date over the editor's card comes first)."""
    for i in range(anchor + 1, len(blocks)):
        block = blocks[i]
        if block.start > settings.meta_window_lines:
            return None
        if block.drop is not None or asked and not _ASKED.match(block.text) or not _date_line(block, settings):
            continue
        picked = pick_date(block.text, settings)
        if picked is None or picked[1] != "published":
            continue
        after = [j for j in range(i + 1, len(blocks)) if blocks[j].text and blocks[j].drop is None][: settings.byline_card_blocks]
        for j in after:
            hit = strong_byline(blocks[j], settings)
            if hit and hit[1] == "byline: link to an author page":
                blocks[j].drop = Drop(DropSource.METADATA, "byline")
                return hit[0], Evidence("byline: poster's card under the publication date", blocks[j].start)
        return None
    return None


# The 'By' lines that count far below the headline: not "Text:" or "Words:" (labels of other
# things in a docs page or a shop), nor the prefixes that are English words ("Door Locks",
# "Par 3"), and names without a colon ("By Contact Form: Click Here").
_FAR_BY = re.compile(r"^(?:(?:(?:article\s+)?(?:(?:written|posted|story)\s+by|by)|von|por)\b\s*:?|authors?\s*:)\s*[^:]+$", re.I)


def _far_byline(blocks: list[Block], settings: Settings, anchor: int, url: str | None, above: bool = False) -> tuple[str, Evidence] | None:
    """A strong byline further below the headline than the near search reaches: an author box
    after the article ("Written by X"), the asker's profile link under a forum question
    below its vote and share buttons. Taken only when every strong byline there names the
    same person: teaser cards and comment threads name several. The lines that the comment
    and teaser rules dropped are other people's: their names do not stand against the
    page's own, and one of them is taken only when the rest of the page names nobody."""
    found: list[tuple[int, str, str, int | None]] = []  # block, byline, how, the name's block under a label
    names: set[tuple[str, ...]] = set()
    found_others: list[tuple[int, str, str, int | None]] = []  # the same, in other people's lines
    names_others: set[tuple[str, ...]] = set()
    lowercase: set[str] = set()  # filled on first use
    # With above=True, the same over the headline, past the near search: a blog's "by Eric Ries"
    # under its masthead, a headline the search took from further down.
    far = (
        _near(blocks, anchor, settings, before=settings.byline_far_blocks_before, after=0) if above
        else _near(blocks, anchor, settings, before=0, after=settings.byline_far_blocks_after)
    )
    for i, distance in far:
        block = blocks[i]
        if (distance >= -settings.byline_blocks_before if above else distance <= settings.byline_blocks_after) or block.drop is not None and not _ruled(block):
            continue
        hit = _byline_of(block, settings)
        name_below = None
        if not hit and (_BY_ALONE.match(block.text) or _AUTHOR_ALONE.match(block.text)):
            # "## Posted by" over "#### Gokul Sarkar": an author box's label on a line of its own
            name_below = next((j for j in range(i + 1, len(blocks)) if blocks[j].text), None)
            nxt = blocks[name_below].text if name_below is not None else ""
            if len(nxt) <= settings.max_byline_chars and _names_shaped(_cut_names(nxt, settings), single=True):
                boxed = trim_byline(nxt, settings)
                hit = (f"{block.text} {boxed}" if _BY_ALONE.match(block.text) else boxed), "byline: 'By' line"
        if not hit or _role_credit(block.text):
            continue
        if above and (
            hit[1] != "byline: 'By' line" or name_below is not None or len(_words(_strip_prefix(hit[0], settings))) < 2
            or any(not _same_site(target, url) for _, target in _links(block))
            or sum(b.text == block.text for b in blocks) > 1
        ):
            # Over the headline, menus: only a 'By' line with a full name ("by Eric Ries"), linked
            # to no other site, printed once (a menu's "By Event Type" repeats in the footer's).
            continue
        if hit[1] == "byline: 'By' line":
            if name_below is None and not _FAR_BY.match(_before_date(hit[0])):
                continue  # "Text: …" in a docs page, "[Door Locks & Hardware](…)"
            if block.link_chars > _MOSTLY_LINKS * len(block.text) and not any(_own_author_page(t, url, settings) for _, t in _links(block)):
                continue  # "[By Category](…)[By Manufacturer](…)": a menu
        elif hit[1] == "byline: link to an author page":
            name = _words(_strip_prefix(hit[0], settings))
            if not any(name == _words(_strip_prefix(t, settings)) and _own_author_page(target, url, settings) for t, target in _links(block)):
                continue  # so far down, "[YouTube](…/user/x)" and "[Team](/team/)" are links of the footer
        elif hit[1] != "byline: 'By' line":
            continue  # an agency named in a footer
        if _strip_prefix(hit[0], settings) != hit[0] or _under_author_path(block, hit[0], settings) or not _common_phrase(hit[0], blocks, lowercase):
            others = _others(block)
            (found_others if others else found).append((i, *hit, name_below))
            (names_others if others else names).add(_words(_strip_prefix(hit[0], settings)))
            if len(names) > 1:
                return None
    if not found and len(names_others) == 1:
        found = found_others
    if not found:
        return None
    i, byline, how, below = found[0]
    for k in (i, below):
        if k is not None:
            blocks[k].drop = Drop(DropSource.METADATA, "byline")
    return byline, Evidence(f"{how}, far {'above' if above else 'below'} the headline", blocks[i].start)


def _before_date(text: str) -> str:
    dates = find_dates(text)
    return text[: dates[0].start] if dates else text


def _role_credit(text: str) -> bool:
    """'Data Analysis By Daniel Delgado', 'Reviewed by Dr. X': a credit for another part of the
    work than its writing (not 'Written by X', nor 'Dec 18, 2025 by X')."""
    m = _ROLE_CREDIT.match(text)
    if m is None or find_dates(m.group("role")):
        return False
    role = m.group("role").strip().lower()
    return role not in _AUTHOR_ROLES and role.split()[-1] not in _AUTHOR_ROLES  # "Author Posted by X"


def _common_phrase(names: str, blocks: list[Block], lowercase: set[str]) -> bool:
    """'Child Care', 'Key Takeaways', 'Extension Cords': capitalised words that the page also
    writes in lower case, every one of them, are a phrase (a menu item, a heading), not a
    person's name: a name keeps its capitals wherever it is written. (Asked of bylines
    without a 'By': "By ASU Online" names an author in words of the page's prose.)"""
    words = _NAME_WORD.findall(names)
    if len(words) < 2 or not all(w[0].isupper() for w in words):
        return False
    if not lowercase:
        lowercase.update(w for b in blocks for w in _NAME_WORD.findall(b.text) if w[0].islower())
        lowercase.add("")  # filled, even on a page with no lower-case word
    return all(w.lower() in lowercase for w in words)


_NAME_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _post_attributions(byline: str, blocks: list[Block], settings: Settings) -> list[Block]:
    """'by gl4ss ( 559668 ) writes': a byline whose first and last words frame other names
    too, settings.byline_frame_min_names names or more, heads each post of a thread or
    each review, not the page: the lines so framed. Taken as the byline, one was dropped,
    and each reading of the cleaned text took the next (wcxb-dev w0570.txt: 81 readings to
    settle). The frame closes with a word that is no name's ("writes", a date's year). The
    same name in one frame (an author's teasers) is no such line either."""
    tokens = byline.split()
    if len(tokens) < 3 or tokens[-1].strip(_FRAME_PUNCTUATION)[:1].isupper():
        return []  # a capital ends a name ("Written by Ann Lee, MS, RD"): no frame around it
    first, last = _frame_words(f"{tokens[0]} {tokens[-1]}")
    opening = (first[:1], first[:1].upper())
    framed, names = [], set()
    for block in blocks:
        # The first letter before the slice: this runs over every block at each reading.
        if block.text[:1] in opening and block.text[: len(first)].lower() == first:
            head = _frame_words(block.text[: settings.max_byline_chars])
            if head and head[0] == first and last in head[2:]:
                framed.append(block)
                names.add(" ".join(head[1 : head.index(last, 2)]))
    return framed if len(names) >= settings.byline_frame_min_names else []


def _drop_post_attributions(byline: str, blocks: list[Block], settings: Settings) -> bool:
    """Drop the lines that head each post like this byline (_post_attributions), all of them
    at once, as the reviewed bodies leave them out; whether there were any."""
    framed = _post_attributions(byline, blocks, settings)
    for block in framed:
        if block.drop is None:
            block.drop = Drop(DropSource.METADATA, "post attribution")
    return bool(framed)


def _frame_words(text: str) -> list[str]:
    return [w.strip(_FRAME_PUNCTUATION) for w in text.lower().split()]


_FRAME_PUNCTUATION = ":,;.!?"


# The weak byline forms (_byline_of's evidence): a name-shaped line placed where bylines
# stand, with no 'By' or author link to vouch for it.
_NAME_BEFORE_DATE = "byline: name before the date"
_NAME_AFTER_DATE = "byline: name after the date"
_NAME_OVER_DATE = "byline: name line over the date"
_NAME_UNDER_HEADLINE = "byline: name line under the headline"
WEAK_BYLINES = frozenset({_NAME_BEFORE_DATE, _NAME_AFTER_DATE, _NAME_OVER_DATE, _NAME_UNDER_HEADLINE})


def _byline_of(
    block: Block, settings: Settings, weak: bool = False, right_after_headline: bool = False, over_date: Callable[[], bool] = lambda: False
) -> tuple[str, str] | None:
    """(byline, heuristic) when the block is a byline. The weak forms (a name before a date,
    a name line under the headline or over a date line) are tried only where no strong form is
    found. over_date says whether the block sits over a date line: asked only when it matters."""
    text = block.text
    if not text or block.kind not in (BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.LIST_ITEM):
        return None
    if len(text) > settings.max_byline_chars:
        return None if weak else _glued_byline(block.markdown)
    if not weak:
        return strong_byline(block, settings)
    if block.kind is BlockKind.HEADING or _taxonomy_links(block, settings):
        return None
    dates = find_dates(text)
    head = (text[: dates[0].start] if dates else text).strip(" -–—|·•,/")
    linked = block.link_chars > _MOSTLY_LINKS * len(text)
    if block.kind is BlockKind.LIST_ITEM:
        # A blog theme prints the byline as a list: "* Gabo / * Jan 23 / * 11 min read". Only a
        # name item over a date item: other lists under a headline are menus and contents.
        if dates or linked or not over_date():
            return None
        right_after_headline = False
    # Not a label ("Registered:", "Last Modified:", "[Submitted on"): the date is a member's,
    # an update's or a paper's. ("Last edited by X" stays: on a forum, posters edit their own posts.)
    labelled = head.endswith(":") or head.startswith("[")
    short = len(head.split()) <= settings.name_max_words + 1
    if dates and head and not linked and not labelled and short and _names_shaped(_cut_names(head, settings), single=True):
        return head, _NAME_BEFORE_DATE
    if dates and not head and not linked and block.kind is not BlockKind.LIST_ITEM and (name := _name_after_date(text, dates, settings)):
        return name, _NAME_AFTER_DATE
    if block.kind is BlockKind.LIST_ITEM and _list_name(text):
        return text.strip(), _NAME_OVER_DATE  # over_date() said so above: "* Gabo / * Jan 23"
    if (
        not dates
        and len(text.split()) <= 2 * settings.name_max_words
        and (right_after_headline or over_date())
        and not _PHOTO_CREDIT.search(text)
        and _name_line(text, settings)
    ):
        return trim_byline(text, settings), _NAME_UNDER_HEADLINE if right_after_headline else _NAME_OVER_DATE
    return None


def _taxonomy_links(block: Block, settings: Settings) -> bool:
    """Every link of the line leads to a topic page ('/category/recipes/sides/', '/tag/workflow/',
    '/blog/?content_topic=906'): the post's categories or tags, not its authors."""
    links = _links(block)
    if not links:
        return False
    parts = frozenset(settings.taxonomy_url_parts)
    for _, target in links:
        split = urlsplit(target)
        segments = {s.lower() for s in split.path.split("/") if s}
        keys = {w for item in split.query.lower().split("&") for w in re.split(r"[_-]", item.partition("=")[0])}
        if parts.isdisjoint(segments) and parts.isdisjoint(keys):
            return False
    return True


# A byline that the flattening glued to the lines after it: the block opens with 'By' and a
# linked name ("by [Austin Tedesco](…) Midjourney/Every illustration. Quarterly …", "Posted
# by[Damien Walter](…/author/…)[December 30, 2024](…)Posted in[…]Tags:…"). Not when a clause
# goes on after the link ("By [Google Analytics](…), we …").
_GLUED_BY_LINK = re.compile(
    r"^[\s#*_>]*(?P<by>(?:(?:written|posted|story|words)\s*)?by)\s*:?\s*\[\s*(?P<name>[^\[\]()]+?)\s*\]\([^)\s]+(?:\s+\"[^\"]*\")?\)"
    r"(?!\s*[,;]|(?-i:\s+[a-z]))",
    re.I,
)


def _glued_byline(markdown: str) -> tuple[str, str] | None:
    m = _GLUED_BY_LINK.match(markdown)
    if m is None or not _names_shaped(m.group("name")) or m.group("name").lower() in _UI_WORDS:
        return None
    return f"{m.group('by')} {m.group('name')}", "byline: 'By' line"


# "Niko Matsakis on behalf of the Vision Doc group": whom the writer speaks for, not a name.
_ON_BEHALF = re.compile(r"(?i)\s+on behalf of\s.*$")
_META_SEPARATOR = re.compile(r"\s*[·•●|/–—]\s*|\s+-\s+")


def _name_after_date(text: str, dates: list[DateMatch], settings: Settings) -> str | None:
    """'Sep 01, 2023 Katie Liguori', 'December 15, 2025 · 30 min · 6279 words · Ash Vardanian',
    'Dec 26, 2025 • Mahua Das in Project Management': a short line that opens with its date,
    then a full name (two words or more) among its parts; counts and reading times are skipped."""
    if len(text) > settings.date_line_max_chars:
        return None
    for part in _META_SEPARATOR.split(text[dates[-1].end :]):
        part = _PLACE.sub("", _ON_BEHALF.sub("", part)).strip(" ,")
        if not part or _DIGIT.search(part):
            continue
        return part if len(part.split()) >= 2 and _name_line(part, settings) else None
    return None


def _over_date(blocks: list[Block], i: int, settings: Settings) -> bool:
    """The block sits right over a date line (a one- or two-word section line may come
    between: "Louise Matsakis / Business / 11.15.2019"), or over a job title ("Reporter"):
    a byline split over two lines. Not across the headline: a section line over it
    ("Patient Recruitment" / "# Headline" / "August 28, 2025") is no byline."""
    after = []
    for block in blocks[i + 1 :]:
        if block.drop is not None and block.drop.source is DropSource.METADATA and block.drop.reason == "title":
            break
        if block.text and block.drop is None:
            after.append(block)
            if len(after) == 2:
                break
    if not after:
        return False
    if blocks[i].kind is BlockKind.LIST_ITEM:
        # "* Gabo / * Jan 23": a list byline's date item may leave out the year
        nxt = after[0]
        dates = find_dates(nxt.text, year=_ANY_YEAR) if len(nxt.text) <= settings.date_line_max_chars else []
        return nxt.kind is BlockKind.LIST_ITEM and bool(dates) and dates[0].start <= settings.date_prefix_chars
    if _date_line(after[0], settings) or _job_line(after[0].text, settings):
        return True
    return len(after) == 2 and len(after[0].text.split()) <= 2 and _date_line(after[1], settings)


def _list_name(text: str) -> bool:
    """'Gabo', 'Kev': a list byline's name item may be one word (a first name), capitalised
    and no common word."""
    words = text.split()
    return len(words) == 1 and words[0].isalpha() and words[0][0].isupper() and words[0].lower() not in _NOT_NAMES | _UI_WORDS


def _job_line(text: str, settings: Settings) -> bool:
    """'Reporter', 'Staff Writer': a line of job words only."""
    words = text.lower().split()
    return 0 < len(words) <= 3 and all(w in settings.job_words for w in words)


def _name_line(text: str, settings: Settings) -> bool:
    """'Tom Krisher, AP Auto Writer', 'Meg Kinnard and Errin Haines, Associated Press': names of at
    most four words each, none of them a common word, then maybe a job or an outlet. Not a
    lead-in that ends with a colon ("Key Takeaways:")."""
    if text.endswith(":"):
        return False
    names = _cut_names(text, settings)
    if not _names_shaped(names):
        return False
    first = _NAME_SPLIT.split(names)[0] if not re.search(r"(?i)\band\b|&", names) else names
    words = [w.strip(".,").lower() for w in re.split(r"[\s,&]+", first) if w]
    authors = authors_of(text, settings)
    return bool(authors) and all(len(a.split()) <= settings.name_max_words for a in authors) and not any(w in _NOT_NAMES for w in words)


def strong_byline(block: Block, settings: Settings) -> tuple[str, str] | None:
    """(byline, how) when the line is a byline in a strong form: 'By' and names, a link to an
    author page, a Korean reporter's credit; None for a sentence ("By using this site ...")."""
    # A pure function of the text, its markdown and link share: cached, as the headline,
    # byline and settle steps all ask about the same lines.
    return _strong_byline_of(block.text, block.markdown, block.link_chars, settings)


@short_text_cache(max_chars=LINE_CHARS)
def _strong_byline_of(text: str, markdown: str, link_chars: int, settings: Settings) -> tuple[str, str] | None:
    if _label_regex(settings.date_last_post_labels).search(text):
        return None  # "23 replies · last post by X": who wrote last in a thread, not who started it
    text = _unglue_label(text)
    if len(text) <= settings.date_line_max_chars and not text.isascii() and _KO_REPORTER.search(text):
        return trim_byline(text, settings), "byline: Korean reporter credit"
    if (writer := _WRITER_PART.search(text)) and _role_credit(text):
        text = text[writer.end() :]  # "Medically reviewed by X — Written by Y — Updated on …": Y wrote it
    m = _by(settings).search(text)
    # 'By' opens the line, or follows its date, a count and glyphs ("__ 0 · by X": the comment
    # count), or a credit's lead ("This post was written by X")
    if m and (m.start() == 0 or _COUNT_PREFIX.fullmatch(text[: m.start()]) or _CREDIT_LEAD.fullmatch(text[: m.start()]) or find_dates(text[: m.start()])):
        # A label printed twice, an icon's hidden text and then the label: "Thread starter Thread starter paulb203".
        again = _by(settings).match(m.group("names"))
        names = _cut_names(again.group("names") if again else m.group("names"), settings)
        # "by Agatha Caleo, Candidate Representative to the Candidate Liaison Committee": a
        # full name, then the writer's role after a comma.
        first = names.partition(",")[0]
        # After a 'By', a lower-case "the" or "of" may stand inside a name ("By Ask the Doctors").
        if names and (
            _names_shaped(names, single=True) or _HANDLE_NAME.match(names)
            or first != names and len(first.split()) >= 2 and _names_shaped(first)
            and all(len(part.split()) <= settings.name_max_words for part in _NAME_SPLIT.split(first))
            or names[-1].isalpha() and _INNER_SMALL.search(names) and _names_shaped(_INNER_SMALL.sub(" ", names), single=True)
            or _group_name(names, settings)
        ):
            return trim_byline(text[m.start() if again is None else m.start("names") :], settings), "byline: 'By' line"
    links = _links_of(markdown) if "](" in markdown else ()  # _links(), without a Block to build
    # A page named after the link's words is a person's only in a line of its own: in a menu
    # item or a breadcrumb ("Home > Long-Distance Movers") it is a section (wcxb-dev markdown:
    # "Child Care", "Our Blogs", "Case Studies" were taken for authors).
    # (A name's @handle beside it is no second link: "[Keris Lahiff](…)[@kerisalison](…)".)
    navigation = sum(not t.startswith("@") for t, _ in links) > 1 or _LIST_ITEM.match(markdown) is not None
    for link_text, target in links:
        # (an icon font's glyph flattens to "__" beside the name: "[ __ inikosoftseo ](/author/…)")
        name = _PRESENCE.sub("", _cut_names(_strip_prefix(link_text.strip(" _"), settings), settings))
        if len(name) < 2 or name.lower() in _UI_WORDS or not (
            _author_link(target, settings) or not navigation and _person_page(name, target) or _author_slug(name, target)
        ):
            # (a one-letter link is an avatar's initial: "[J](/user/julian)")
            continue
        # A forum's user name may hold digits ("lulug30"): the profile link vouches for it.
        # An author page may be a team's or a brand's: "[The Ritualist](/author/…)".
        bare = _THE.sub("", name) if _author_link(target, settings) else name
        if _names_shaped(bare, single=True) or len(name.split()) == 1 and (name.isalpha() or _author_link(target, settings) and _HANDLE_NAME.match(name)):
            if link_chars > _MOSTLY_LINKS * len(text) or not text.lower().startswith(("by", name.lower()[:3])):
                return _team(text, links, settings) or _unglue_name(name), "byline: link to an author page"
            return trim_byline(text, settings), "byline: link to an author page"
    agency = text.strip(" .,").removeprefix("By ").removeprefix("by ")
    head, _, place = agency.partition(",")
    if head.strip().lower() in _agencies(settings.agency_names) and (not place or _PLACE_ONLY.match(place)):
        # "Reuters", "PTI, Washington,": the agency credit, with where the story was filed
        return (text.strip(" ,") if not place else head.strip()), "byline: agency credit"
    return None


def _group_name(names: str, settings: Settings) -> bool:
    """'News Desk', 'The Currency editors', 'Acme Staff': after a 'By', a newsroom's or a
    team's name, capitalised words and then a group word (which _names_shaped counts as a
    common word, or as a lower-case one)."""
    words = names.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    head = words[:-1]
    return (
        bool(words) and words[-1].lower() in settings.byline_group_words
        and 1 <= len(head) <= settings.name_max_words - 1 and all(w[:1].isupper() and w.isalpha() for w in head)
    )


def _author_slug(name: str, target: str) -> bool:
    """'[TOI Lifestyle Desk](/toireporter/author-toi-lifestyle-desk-479263437.cms)': a link whose
    last path part is 'author-' and the link's own words, a writer's page in any folder."""
    segments = [s for s in urlsplit(target).path.lower().split("/") if s]
    if not segments or not segments[-1].startswith("author-"):
        return False
    mine = _words(name)
    return len(mine) >= 2 and set(mine) <= set(_words(segments[-1].removeprefix("author-").replace("-", " ")))


_LIST_ITEM = re.compile(r"\s*(?:[*+-]|\d+[.)])\s")
# The writer's part of a credit line that opens with another role's: " — Written by".
_WRITER_PART = re.compile(r"\s[—–|·•]\s+(?=(?:written|posted|story|words|article)\s+by\b)", re.I)
_INNER_SMALL = re.compile(r"(?<=\S)\s+(?:the|of)\s+(?=[A-Z])")
_COUNT_PREFIX = re.compile(r"[\s_\d·•●|]+")
_CREDIT_LEAD = re.compile(r"(?i)[\s_*]*(?:this|the)\s+(?:blog\s+)?(?:post|article|story|piece|guide)\s+(?:was|is|has\s+been)\s+")
_THE = re.compile(r"(?i)^the\s+(?=\S)")


_JOINERS_ONLY = re.compile(r"(?i)[\s,;&]*(?:(?:by|and|und|et|y)\b[\s,;&]*)*")


def _team(text: str, links: tuple[tuple[str, str], ...], settings: Settings) -> str | None:
    """'[A](/author/a), [B](/author/b) & [C](/author/c)': a line of author links and joiners
    only names them all ('A, B, C'), not the first alone."""
    names = [_strip_prefix(t.strip(" _"), settings) for t, target in links if _author_link(target, settings)]
    if len(set(names)) < 2 or not all(_names_shaped(n, single=True) and n.lower() not in _UI_WORDS for n in names):
        return None
    rest = text
    for name in names:
        rest = rest.replace(name, " ", 1)
    return ", ".join(names) if _JOINERS_ONLY.fullmatch(rest) else None


def _author_link(target: str, settings: Settings) -> bool:
    parts = urlsplit(target)
    segments = [s.lower() for s in parts.path.split("/") if s]
    if segments and segments[-1] in settings.author_url_account_pages:
        return False  # "[Start Shopping Now](/user/sign-in)": the account's pages, no person's
    # "/blog?author=568fc93c", "substack.com/@garymarcus": the query or the handle names the author.
    query = parts.query.lower()
    return (
        any(_author_segment(s, settings) for s in segments[:-1])
        or len(segments) == 1 and segments[0] in settings.author_url_parts
        or bool(segments) and _profile_script(segments[-1], query, settings)
        or "byline=" in query
        or query.startswith("author=")
        or "&author=" in query
        or len(segments) == 1 and segments[0].startswith("@") and len(segments[0]) > 1
    )


def _author_segment(segment: str, settings: Settings, parts: tuple[str, ...] | None = None) -> bool:
    """'author', 'staff', and 'author(s)' as a compound's last part: 'blog-authors', 'guest-author'
    (not any part: 'become-a-member' is a sign-up page, 'faculty-staff' a list)."""
    return segment in (settings.author_url_parts if parts is None else parts) or segment.endswith(("-author", "-authors"))


def _profile_script(script: str, query: str, settings: Settings) -> bool:
    """'memberlist.php?mode=viewprofile&u=421190', 'member.php?u=805995', 'index.php?action=profile;u=261870':
    a forum member's profile, named by the script and a query key (or key=value)."""
    items = re.split(r"[&;]", query)
    for spec in settings.author_profile_queries:
        name, _, key = spec.partition("?")
        if script == name and any(item == key or item.startswith(key + "=") for item in items):
            return True
    return False


def _own_author_page(target: str, url: str | None, settings: Settings, paths: tuple[str, ...] | None = None) -> bool:
    """'/author/jane-doe', '/users/4818/kumiko' on the page's own site: one person's page under
    an author path (one of `paths`, else any of author_url_parts), not the path's own index."""
    if not _same_site(target, url):
        return False
    segments = [s.lower() for s in urlsplit(target).path.split("/") if s]
    return any(_author_segment(s, settings, paths) for s in segments[:-1])


def _under_author_path(block: Block, name: str, settings: Settings) -> bool:
    """The name is a link's whole text to one person's page under a writers' path
    ('[The Upwork Team](/authors/upwork-staff)'): a name, though the page writes its words in
    lower case too. (Not a staff or people path: '[Faculty & Staff](/people/faculty)'.)"""
    words = _words(name)
    for text, target in _links(block):
        segments = [s.lower() for s in urlsplit(target).path.split("/") if s]
        if _words(_strip_prefix(text, settings)) == words and any(_author_segment(s, settings, settings.author_page_url_parts) for s in segments[:-1]):
            return True
    return False


def _person_page(name: str, target: str) -> bool:
    """'[Natasha Turak](https://www.cnbc.com/natasha-turak/)': a page named after the name itself."""
    segments = [s for s in urlsplit(target).path.lower().split("/") if s]
    return len(segments) == 1 and len(name.split()) >= 2 and _names_shaped(name) and _words(segments[0]) == _words(name)


def _strip_prefix(text: str, settings: Settings) -> str:
    m = _by(settings).match(text.strip())
    return m.group("names") if m else text


def trim_byline(text: str, settings: Settings) -> str:
    """The byline as printed, without the date, time, handles and 'Updated' parts after the names."""
    cut = len(text)
    dates = find_dates(text)
    by = _by(settings).search(text)
    start = 0
    if dates and by and dates[0].start < by.start():
        start = by.start()
        dates = [d for d in dates if d.start > start]
    if dates and not _DATE_CONNECTOR.search(text[start : dates[0].start].rstrip()):
        cut = min(cut, dates[0].start)
    for pattern in (_label_regex(settings.date_updated_labels + settings.date_published_labels), _HANDLE, _BYLINE_TAIL, _READING_TIME):
        m = pattern.search(text, start)
        if m and m.start() > start:
            cut = min(cut, m.start())
    head = text[start:cut]
    if dates and cut == dates[0].start:
        head = _WEEKDAY_TAIL.sub("", head)  # "By Nina Pineda Friday, March 28": the date's weekday
    return _unglue_name(_UI_TAIL.sub("", head.strip(" -–—|·•●,/:(")))


def _cut_names(names: str, settings: Settings) -> str:
    """The names part of a byline: up to a date, a time, a handle or a separator."""
    names = _READING_TIME.sub("", _UI_TAIL.sub("", _SPLIT_LAST_LETTER.sub(r"\1", names)))
    dates = find_dates(names)
    if dates:
        names = names[: dates[0].start]
    names = _CONTACT.sub(" ", names)
    names = re.split(r"\s[-–—|·•●»/]\s|\s\|\s?|\s[-–—]{2}\s|\s[–—]|@|\s\(", names)[0]
    names = _label_regex(settings.date_updated_labels + settings.date_published_labels).split(names)[0]
    return _DATE_CONNECTOR_DAY.sub("", names.strip(" ,-–—|")).strip(" ,-–—|")


def _names_shaped(names: str, single: bool = False) -> bool:
    """'Lorne Cook', 'TOM KRISHER, AP Auto Writer', '김민준': mostly capitalised words, not a sentence."""
    split = [w for w in re.split(r"[\s,&]+", names) if w]
    # A joiner never ends a name: a last "Das" or "Van" is a surname ("Mahua Das").
    words = [w for k, w in enumerate(split) if w.lower() not in _NAME_JOINERS or k == len(split) - 1 and w[:1].isupper()]
    if len(words) > 2 and words[0].lower() == "the":
        words = words[1:]  # "By the Lavazza Team", "By the Associated Press" (not "By the way")
    if not words or len(words) > 12 or any(any(c.isdigit() for c in w) for w in words):
        return False
    if len(words) == 1 and not single and not _HANGUL_NAME.match(words[0]):
        return False
    if sum(1 for w in words if w.lower().strip(".") in _NOT_NAMES) > len(words) / 3:
        return False
    shaped = sum(1 for w in words if w[:1].isupper() or _HANGUL_NAME.match(w) or not w[:1].isalpha() and w[1:2].isupper())
    return shaped >= _NAME_CAPITALISED_SHARE * len(words)


def _unglue_name(text: str) -> str:
    """'Nicoletta RichardsonTrending Editor' -> 'Nicoletta Richardson Trending Editor'."""
    return _GLUED_WORD.sub(r"\g<head> ", text)


def _unglue_label(text: str) -> str:
    """'By Rebecca NorrisPublished' -> 'By Rebecca Norris Published' (a label glued to a name)."""
    if len(text) > LINE_CHARS:
        return text
    if "By" in text or "by" in text:
        text = _GLUED_BY.sub(r"\1 ", text)
    return _GLUED_LABEL.sub(" ", text) if _GLUED_LABEL_SCREEN.search(text) else text


def _unglue_job(text: str, settings: Settings) -> str:
    """'Meg JamesStaff Writer' (two links flattened together) -> 'Meg James Staff Writer'."""
    def split(m: re.Match[str]) -> str:
        return " " + m.group(1) if m.group(1).lower() in settings.job_words else m.group(1)

    return re.sub(r"(?<=[a-z])([A-Z][a-z]+)\b", split, text)


def authors_of(byline: str, settings: Settings | None = None) -> list[str]:
    """'BY LORNE COOK' -> ['Lorne Cook']; 'By A and B, AP Writers' -> ['A', 'B']; 'Meg James Staff Writer' -> ['Meg James']."""
    settings = settings or DEFAULT
    text = byline.strip()
    reporting = re.search(r"(?i)\breporting by\s+(?P<names>[^;.]+)", text)
    if reporting:
        text = reporting.group("names")
    m = _KO_REPORTER.search(text)
    if m:
        return [m.group("ko")]
    m = _by(settings).search(text)
    if m:
        text = m.group("names")
        if again := _by(settings).match(text):
            text = again.group("names")  # "Thread starter Thread starter X"
    if _group_name(group := _cut_names(text, settings), settings):
        return [group]  # "News Desk": its group word is no job after a name
    if glued := _GLUED_WORD.search(text):
        text = text[: glued.end()]  # "Gabby BoucherIn Budget Travel": the next link is no name
    text = _cut_names(_unglue_job(text, settings), settings)
    job = _job_regex(settings.job_words)
    parts = [_PLACE.sub("", p).strip(" .,-–—") for p in _NAME_SPLIT.split(text)]
    out: list[str] = []
    for part in parts:
        jm = job.search(part)
        if jm:
            part = part[: jm.start()].strip(" .,-–—")
        words = _GLUED_BRAND.sub(" ", part).split()
        cut = next((k for k, w in enumerate(words) if _BRAND.search(w)), None)
        if cut:
            words = words[:cut]
        part = " ".join(words)
        if not part or len(words) > 4 or _DOMAIN.search(part) or part.lower() in _NOT_NAMES:
            continue
        if part.isupper() and not _HANGUL_NAME.match(part):
            part = re.sub(r"[^\W\d_]+", lambda w: w.group(0).capitalize(), part.lower())
        if part not in out:
            out.append(part)
    if len(out) > 1 and any(len(p.split()) >= 2 for p in out):
        # 'Victor Tangermann, Futurism': a one-word part next to full names is the outlet
        out = [p for p in out if len(p.split()) >= 2 or _HANGUL_NAME.match(p)]
    return out


# --------------------------------------------------------------------------- dateline


def find_dateline(blocks: list[Block], anchor: int | None = None, settings: Settings | None = None) -> tuple[str, str | None, Evidence] | None:
    """'BRUSSELS (AP) — ...' -> ('BRUSSELS (AP)', 'The Associated Press')."""
    limit = (settings or DEFAULT).dateline_blocks
    seen = 0
    for block in blocks[(anchor + 1) if anchor is not None else 0 :]:
        if block.drop is not None or not block.text:
            continue
        m = _DATELINE.match(block.text)
        if m:
            return m.group("dl"), _AGENCIES.get(m.group("agency").strip()), Evidence("dateline pattern", block.start)
        seen += 1
        if seen >= limit:
            break
    return None


# --------------------------------------------------------------------------- date


def _date_line(block: Block, settings: Settings) -> bool:
    """A short line that is mostly a date ('March 2, 2025', 'Updated 3:12 PM GMT+1, March 6, 2025')."""
    if not block.text or len(block.text) > settings.date_line_max_chars:
        return False
    dates = find_dates(block.text)
    return bool(dates) and dates[0].start <= settings.date_prefix_chars


def pick_date(
    text: str, settings: Settings, year: tuple[int, int | None] | None = None, month_first: bool = False
) -> tuple[DateMatch, str] | None:
    """The publication date among the dates of one line, and how it is labelled:
    'published', 'updated' (only an update date is shown) or ''. With `year` (from the
    URL), dates printed without a year count too, if they fall in the URL's month. With
    `month_first`, the page's slashed dates are in US order (dates.month_first_page)."""
    found = find_dates(text, year[0] if year else None, month_first)
    if year and year[1]:
        found = [d for d in found if d.date.month == year[1]]
    dates = [d for d in found if d.start <= settings.date_prefix_chars or len(text) <= settings.max_date_line_chars]
    if not dates:
        return None
    published = _label_regex(settings.date_published_labels)
    updated = _label_regex(settings.date_updated_labels)
    member = _label_regex(settings.date_member_labels + settings.date_last_post_labels)
    labelled: list[tuple[DateMatch, str]] = []
    previous_end = 0
    for d in dates:
        before = text[previous_end : d.start]
        if member.search(before):
            previous_end = d.end
            continue  # "Joined: Jul 24, 2017", "last post by X Sep 26, 2024": not when this was published
        pm = list(published.finditer(before))
        um = list(updated.finditer(before))
        last_p = pm[-1].end() if pm else -1
        last_u = um[-1].end() if um else -1
        labelled.append((d, "published" if last_p > last_u else "updated" if last_u >= 0 else ""))
        previous_end = d.end
    if not labelled:
        return None
    for d, label in labelled:
        if label == "published":
            return d, label
    # Unlabelled dates, else only update dates: the earliest is the closest to publication
    # ("May 21, 2025April 24, 2025 by X": a theme prints the update before the publication).
    unlabelled = [x for x in labelled if x[1] == ""]
    return min(unlabelled or labelled, key=lambda x: x[0].date)


def _as_published(d: DateMatch, how: str, line: int, settings: Settings, url: str | None = None) -> tuple[str, Evidence]:
    """The date as printed, or in UTC (Settings.date_in_utc) when a time and zone are printed,
    unless the page's own URL carries the printed day: the URL is the site's own calendar."""
    if settings.date_in_utc and d.utc is not None and d.utc != d.date:
        if url_has_day(url, d.date):
            return d.iso, Evidence(f"{how}, local day as in the URL", line)
        return d.utc.isoformat(), Evidence(f"{how}, in UTC", line)
    return d.iso, Evidence(how, line)


def find_date(blocks: list[Block], settings: Settings, anchor: int | None = None, url: str | None = None) -> tuple[str, Evidence] | None:
    """The publication date: the best-scoring date printed near the headline (a 'Published'
    label first, an 'Updated' one last), else the URL's date, else the first short date line.
    Dates printed without a year ('Posted Nov 19') take the URL's year, or the copyright's."""
    own = url_date(url)
    us = month_first_page(b.text for b in blocks)
    # The page's own stamp under the headline is relative ("Monday 5:30PM", "1 day ago"):
    # an absolute date above the headline, or further down the page, is then a teaser's.
    relative = anchor is not None and _relative_stamp_below(blocks, anchor, settings)
    best = _best_date(blocks, anchor, settings, above=not relative, month_first=us) if anchor is not None else None
    how = "date near the headline"
    if best is None and anchor is not None and (year := url_year_month(url) or _copyright_year(blocks)):
        best = _best_date(blocks, anchor, settings, year, above=not relative, month_first=us)
        how = "date near the headline, year from the URL" if url_year_month(url) else "date near the headline, year from the copyright line"
    if best is not None:
        i, d, label = best
        if label == "updated" and own and own < d.iso:
            return own, Evidence("date in the URL (the page shows only an update date)")
        if own and abs((d.date - date.fromisoformat(own)).days) > settings.url_date_tolerance_days:
            return own, Evidence(f"date in the URL (the date near the headline, {d.iso}, is far from it)")
        block = blocks[i]
        if block.drop is None and len(block.text) - (d.end - d.start) <= settings.date_line_drop_extra_chars:
            block.drop = Drop(DropSource.METADATA, "date")
        return _as_published(d, f"{how}, labelled {label}" if label else how, block.start, settings, url)
    if own:
        return own, Evidence("date in the URL")
    if anchor is not None and (found := _opening_date(blocks, anchor, settings, url, us)):
        return found
    if found := _credited_date(blocks, anchor, settings, url, us):
        return found
    if anchor is not None and (found := _labelled_date_below(blocks, anchor, settings, us)):
        return found
    if relative:
        return None
    for i, block in enumerate(blocks):
        if block.start > settings.meta_window_lines:
            break
        if block.kind in (BlockKind.QUOTE, BlockKind.CODE) or (block.links and block.link_chars >= _MOSTLY_LINKS * len(block.text)):
            continue
        if _date_line(block, settings) and (picked := pick_date(block.text, settings, month_first=us)) and not _dated_row(blocks, i, settings):
            return _as_published(picked[0], "first date line", block.start, settings)
    return None


def _opening_date(blocks: list[Block], anchor: int, settings: Settings, url: str | None, month_first: bool = False) -> tuple[str, Evidence] | None:
    """A date that opens the headline ("Dec 18 2025 Preparing a transition") or the line
    under it, however long that line is ("20 December 2025 I did Advent of Code again")."""
    after = next((i for i in range(anchor + 1, len(blocks)) if _live(blocks[i])), None)
    for i in (anchor, after):
        if i is None or blocks[i].kind in (BlockKind.QUOTE, BlockKind.CODE, BlockKind.TABLE):
            continue
        text = blocks[i].text
        dates = find_dates(text[: settings.date_line_max_chars], month_first=month_first)
        if dates and not text[: dates[0].start].strip(_OPENING_PUNCT):
            how = "date opening the headline" if i == anchor else "date opening the line under the headline"
            return _as_published(dates[0], how, blocks[i].start, settings, url)
    return None


# What may stand between an author link and the date after it: "[Jane](/author/jane) · March 3, 2025".
_AFTER_AUTHOR = re.compile(r"[\s*_·•|,:–—-]*(?:(?:on|posted|published)\s+)*", re.I)


def _credited_date(
    blocks: list[Block], anchor: int | None, settings: Settings, url: str | None, month_first: bool = False
) -> tuple[str, Evidence] | None:
    """The post's own date anywhere from just over the headline down, when nothing dates it
    near it: a date printed right after a link to an author's page (a theme's credit line
    under the post: "[Kristen](/blog?author=57b5)March 11, 2024"), a date that links to the
    site's day archive ("[February 10, 2025](https://site/2025/02/10/)"), or a link to the
    page itself that holds a date (the post's own card)."""
    own_path = url_path(url).rstrip("/") if url else ""
    # From the lines just over the headline on: a theme may print the credit above it.
    for block in blocks[max(0, anchor - settings.byline_blocks_before) if anchor is not None else 0 :]:
        if not block.text or "](" not in block.markdown or block.kind in (BlockKind.QUOTE, BlockKind.CODE) or _others(block):
            continue
        markdown = block.markdown
        for m in _LINK.finditer(markdown):
            label, target = m.group(1).strip(), m.group(2)
            if _author_link(target, settings):
                rest = markdown[m.end() : m.end() + settings.date_line_max_chars]
                lead = _AFTER_AUTHOR.match(rest)
                dates = find_dates(rest, month_first=month_first)
                # "2024-04-18T13:00:39+00:00March 22nd, 2024": the earliest, as on a date line.
                if dates and lead and dates[0].start == lead.end() and (picked := pick_date(rest[lead.end() :], settings, month_first=month_first)):
                    return _as_published(picked[0], "date after the author link", block.start, settings, url)
            elif _same_site(target, url) and (dates := find_dates(label, month_first=month_first)):
                d = dates[0]
                # A link to the page with a fragment ("#comment-4378") is a comment's permalink;
                # one without is the post's own card ("[Team SimplyThrilledSeptember 4, 2025](/post/slug)").
                if _date_only(label) and url_has_day(target, d.date) or own_path and _same_page(target, url):
                    return _as_published(d, "date linking to the site's day archive or the page", block.start, settings, url)
    return None


def _same_page(target: str, url: str | None) -> bool:
    """The link leads to the page itself: the same path and query, and no fragment (a
    link to "#comment-4378" or "&comment=1234659" is a comment's permalink)."""
    mine, theirs = urlsplit(url or ""), urlsplit(target)
    return not theirs.fragment and theirs.path.rstrip("/") == mine.path.rstrip("/") and theirs.query == mine.query


def _same_site(target: str, url: str | None) -> bool:
    """A relative link, or one to the page's own host."""
    host = urlsplit(target).netloc.lower().removeprefix("www.")
    return not host or bool(url) and host == urlsplit(url or "").netloc.lower().removeprefix("www.")


def _labelled_date_below(blocks: list[Block], anchor: int, settings: Settings, month_first: bool = False) -> tuple[str, Evidence] | None:
    """A date line labelled as the publication's further down than the byline search goes
    ("asked Feb 11, 2011 at 23:49" under a question's tags and buttons)."""
    for block in blocks[anchor + 1 :]:
        if block.start > settings.meta_window_lines:
            break
        if block.drop is not None or block.kind in (BlockKind.QUOTE, BlockKind.CODE) or not _date_line(block, settings):
            continue
        picked = pick_date(block.text, settings, month_first=month_first)
        if picked is not None and picked[1] == "published":
            return _as_published(picked[0], "date line labelled published, below the headline", block.start, settings)
    return None


def _relative_stamp_below(blocks: list[Block], anchor: int, settings: Settings) -> bool:
    """The first short line under the headline that dates anything dates it relatively."""
    for i, distance in _near(blocks, anchor, settings, before=0):
        text = blocks[i].text
        if distance <= 0 or len(text) > settings.date_line_max_chars:
            continue
        if find_dates(text):
            return False
        if is_relative_date(text):
            return True
    return False


def _best_date(
    blocks: list[Block], anchor: int, settings: Settings, year: tuple[int, int | None] | None = None, above: bool = True,
    month_first: bool = False,
) -> tuple[int, DateMatch, str] | None:
    """(block index, date, label) of the best-scoring date near the headline, if it scores above 0;
    with above=False, only dates under the headline."""
    best: tuple[float, int, DateMatch, str] | None = None
    for i, distance in _near(blocks, anchor, settings):
        block = blocks[i]
        if distance <= 0 and not above:
            break
        if _others(block):
            continue  # a comment's or a teaser's date ("10 comments:", "Most Popular" and what follows)
        if block.kind in (BlockKind.QUOTE, BlockKind.CODE, BlockKind.TABLE) or len(block.text) > 2 * settings.max_date_line_chars:
            continue
        if year is not None and (len(block.text) > settings.date_line_max_chars or block.kind is not BlockKind.PARAGRAPH or block.links):
            continue  # a date without a year counts only on a date line of its own
        picked = pick_date(block.text, settings, year, month_first)
        if picked is None or _dated_row(blocks, i, settings):
            continue
        d, label = picked
        if year is not None and find_dates(block.text, year[0])[0].start > settings.yearless_date_prefix_chars:
            continue
        if distance > 0:
            score = settings.date_below_points - settings.date_below_points_per_block * distance
        else:
            score = settings.date_above_points + settings.date_above_points_per_block * distance
        score += {"published": settings.date_published_points, "updated": settings.date_updated_points}.get(label, 0.0)
        if _teaser_links(block, settings):
            score += settings.date_teaser_points
        if _is_prose(block, settings):
            score += settings.date_prose_points  # a date inside a sentence or a caption is an event's
        if block.drop is not None and block.drop.reason == "byline":
            score += settings.date_byline_points
        if best is None or score > best[0]:
            best = (score, i, d, label)
    return best[1:] if best is not None and best[0] > 0 else None


def _dated_row(blocks: list[Block], i: int, settings: Settings) -> bool:
    """A table's row printed as a line ("2/1/2013 +13.1%", "3/1/2013 -0.4%"): numbers besides
    its date, among settings.template_min_repeats lines or more one after another of one row
    shape (inline.row_shape). A thread's post headers ("May 2, 2025 #1") have the posts between
    them. Taken as the page's date, the first row was dropped, and each reading of the cleaned
    text took the next (wcxb-dev w0243.txt)."""
    text, limit, least = blocks[i].text, settings.template_max_chars, settings.template_min_repeats
    if not ((dates := find_dates(text)) and _DIGIT.search(without_dates(text, dates))) or (key := row_shape(text, limit)) is None:
        return False
    count = 1
    for step in (-1, 1):
        j = i + step
        while count < least and 0 <= j < len(blocks):
            if blocks[j].text:
                if row_shape(blocks[j].text, limit) != key:
                    break
                count += 1
            j += step
    return count >= least


def _teaser_links(block: Block, settings: Settings) -> bool:
    """Most of the line is links to other stories, none of them to an author: a teaser's
    date. A link that is the date alone is the post's own permalink, and a short one
    ("Living Healthy", "Back to posts") a category or a way back: neither is a teaser."""
    links = _links(block)
    if not links or any(_author_link(t, settings) for _, t in links):
        return False
    teasers = sum(len(text) for text, _ in links if not _date_only(text) and len(text.split()) >= settings.date_teaser_link_min_words)
    return teasers >= _MOSTLY_LINKS * len(block.text)


def _date_only(text: str) -> bool:
    """'March 26, 2023', 'Sep 16, 2023 at 09:27 am': a date and maybe its time, no other words."""
    dates = find_dates(text)
    return bool(dates) and not _WORD.search(strip_time(without_dates(text, dates)).replace(" at ", " "))


def _copyright_year(blocks: list[Block]) -> tuple[int, None] | None:
    """The year of the page's copyright line ('© 2019 Example Media'): the year a page printed
    without years was made in."""
    for block in reversed(blocks):
        m = _COPYRIGHT_YEAR.search(block.text) if len(block.text) <= 200 else None
        if m:
            return int(m.group(1)), None
    return None


# --------------------------------------------------------------------------- site


def find_site(blocks: list[Block], url: str | None = None, settings: Settings | None = None) -> tuple[str, Evidence] | None:
    """The site's name: its masthead (a link to the site's front page near the top, in
    markdown captures), else its copyright line."""
    return _masthead(blocks, url, settings) or _copyright_site(blocks)


def _masthead(blocks: list[Block], url: str | None, settings: Settings | None) -> tuple[str, Evidence] | None:
    host = (split_address(url or "").hostname or "").lower().removeprefix("www.")
    settings = settings or DEFAULT
    limit = settings.masthead_blocks
    for block in [b for b in blocks if b.text][:limit]:
        for text, target in _links(block):
            parts = urlsplit(target if "//" in target or target.startswith("/") else "//" + target)
            front = parts.path in ("", "/") and not parts.query and not parts.fragment
            own = not parts.netloc or bool(host) and parts.netloc.lower().removeprefix("www.") == host
            if not (front and own):
                continue  # most links: the name need not be read
            name = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", text).strip(" |–-")
            name = re.sub(r"(?i)\s*\b(?:logo|home ?page|homepage)\b\s*", " ", name).strip()
            if name and len(name.split()) <= settings.name_max_words + 1 and _names_host(name, host):
                return name, Evidence("masthead: link to the front page", block.start)
    return None


def _names_host(name: str, host: str) -> bool:
    """'WSJ.com' for wsj.com, 'CTV News' for ctvnews.ca, 'Gizmodo' for gizmodo.com: the name,
    squashed, is a label of the host (or the other way round). 'Home' or 'English' are not."""
    squashed = re.sub(r"[^a-z0-9]", "", _norm(name).replace("com", "") if name.lower().endswith(".com") else _norm(name))
    labels = [re.sub(r"[^a-z0-9]", "", label) for label in host.split(".") if len(label) >= 3 and label not in ("www", "com", "org", "net")]
    return len(squashed) >= 3 and any(squashed in label or label in squashed for label in labels)


def _copyright_site(blocks: list[Block]) -> tuple[str, Evidence] | None:
    for block in reversed(blocks):
        if len(block.text) > 200:
            continue
        m = _COPYRIGHT.search(block.text)
        if m:
            site = _LEGAL_SUFFIX.sub("", m.group("site")).strip(" ,.-")
            if site and site.lower() not in ("all rights reserved", "all rights"):
                return site, Evidence("copyright line", block.start)
    return None
