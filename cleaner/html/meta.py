"""Metadata an HTML page declares: JSON-LD, OpenGraph and <meta> tags, visible bylines
and <time> elements, and htmldate as the last resort for the date.

Each source fills only what the more trusted ones left empty; site rules, the most
trusted of all, are applied by the caller before these. Every value carries Evidence.
"""
from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import lxml.etree

from ..dates import find_dates, parse_date, strip_time, without_dates
from ..model import Evidence
from ..settings import DEFAULT, Settings
from ..urls import urlsplit

# schema.org types whose headline, author and date describe the article on the page
ARTICLE_TYPES = frozenset(
    t.lower()
    for t in (
        "Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
        "BackgroundNewsArticle", "ReviewNewsArticle", "AskPublicNewsArticle", "BlogPosting", "LiveBlogPosting",
        "SocialMediaPosting", "TechArticle", "ScholarlyArticle", "Report", "SatiricalArticle", "Review",
        "MedicalScholarlyArticle", "DiscussionForumPosting", "VideoObject", "Recipe", "CreativeWork", "WebPage",
    )
)
# WebPage and its kin are the weakest article type: used only when no real article object exists.
_PAGE_TYPES = frozenset(t.lower() for t in ("WebPage", "ItemPage", "CreativeWork", "VideoObject", "Recipe"))
_DATE_KEYS = ("datePublished", "dateCreated", "uploadDate")
# When a page was last changed: a date of last resort, after the visible dates and htmldate
# (wcxb-dev, human-labelled publication dates: article:modified_time was right on 8 pages and
# wrong on 19 when it came before them).
_MODIFIED_JSON_LD_KEYS = ("dateModified",)
META_MODIFIED = ("article:modified_time", "og:updated_time", "datemodified", "last-modified")
# <meta> names and properties, most trusted first within each field.
META_TITLE = ("og:title", "twitter:title", "dc.title", "citation_title", "parsely-title", "sailthru.title")
META_DATE = (
    "article:published_time", "og:article:published_time", "datepublished", "og:pubdate", "date", "pubdate", "publishdate",
    "publish-date", "publish_date", "published_time", "published", "dc.date", "dc.date.issued", "dcterms.date", "dcterms.created",
    "citation_publication_date", "citation_date", "parsely-pub-date", "sailthru.date", "article.published",
    "og:published_time",
)
META_AUTHOR = ("author", "article:author", "og:article:author", "dc.creator", "citation_author", "citation_authors", "parsely-author",
               "sailthru.author", "byl")
META_SITE = ("og:site_name", "application-name", "twitter:site", "publisher", "dc.publisher")
META_DESCRIPTION = ("og:description", "description", "twitter:description", "dc.description")
META_LANGUAGE = ("og:locale", "content-language", "dc.language", "language")
_URL = re.compile(r"^(?:https?:)?//|^www\.", re.I)
# A template's field left unfilled where a name belongs: a dotted path ("page.head.extra.author",
# which a page declares as its meta author) or a template's markers ("{{ author }}", "%author%").
_PLACEHOLDER = re.compile(r"^[a-z_]\w*(?:\.[a-z_]\w*)+\.(?:author|authors|name|creator|byline|writer)$|\{\{|\}\}|\$\{|^%\w+%$|^\[\w+\]$")
# What joins a title's parts; " / " and " » " join a forum's or a blog's trail ("Thread / Board / Site Forums").
_TITLE_SEPARATORS = "|–—·•/»-"
# Chinese and Japanese titles join their parts without spaces ("标题_栏目_网站"): there an
# underscore or a bar beside a Han or kana character is a separator, and the site's, as "|" is.
_CJK = "\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff"
_CJK_BAR = rf"(?<=[{_CJK}])\s*[_|｜]\s*(?=\S)|(?<=\S)\s*[_|｜]\s*(?=[{_CJK}])"
_TITLE_SPLIT = re.compile(rf"\s+[{re.escape(_TITLE_SEPARATORS)}]\s+|\s+::\s+|{_CJK_BAR}")
_SITE_BAR = re.compile(rf"[|｜]|{_CJK_BAR}")  # what follows it is the site's, however long
_LEADING_SPLIT = re.compile(rf"[{re.escape(_TITLE_SEPARATORS)}:]\s")
_LANG = re.compile(r"^([a-zA-Z]{2,3})(?:[-_][a-zA-Z0-9]+)*$")
_BYLINE_CLASS = re.compile(r"byline|author|writer|reporter|contributor", re.I)
_BYLINE_NOT = re.compile(r"comment|avatar|bio|about|more|related|social|share|follow|photo|img", re.I)
_DATE_CLASS = re.compile(r"(?:^|[\s_-])(?:date|time|timestamp|published|pubdate|posted|dateline)(?:$|[\s_-])", re.I)
_MAX_BYLINE_CHARS = 120
_BYLINE_TAGS = frozenset(("div", "span", "p", "a", "address", "li", "aside"))
_MAX_DATE_TEXT_CHARS = 80


@dataclass
class HtmlMeta:
    """Field values found in the page, each with where it came from."""

    values: dict[str, Any] = field(default_factory=dict)
    evidence: dict[str, Evidence] = field(default_factory=dict)

    def offer(self, name: str, value: Any, source: str, line: int | None = None) -> bool:
        """Take a value unless a more trusted source already gave one."""
        if name in self.values or value in (None, "", []):
            return False
        if isinstance(value, str) and "&" in value:
            value = html.unescape(value)  # entities escaped twice by the CMS ("&amp;#8211;")
        self.values[name] = value
        self.evidence[name] = Evidence(source, line)
        return True


def collect(tree: Any, json_ld: list[str], url: str | None, *, date_fallback: bool = True, settings: Settings = DEFAULT) -> HtmlMeta:
    """Everything the page declares, in order of trust (site rules come before, from the caller).

    date_fallback: let htmldate look for a date nothing else gave (it scans the whole page
    in long regex calls that a time limit cannot interrupt: the caller turns it off for
    huge pages)."""
    meta = HtmlMeta()
    tags = meta_tags(tree)
    # The site is where the page lives: og:site_name names it, while a JSON-LD publisher
    # of syndicated copy names the agency ("Associated Press" on ctpost.com).
    if found := _first(tags, ("og:site_name",)):
        meta.offer("site", found[0], f"meta {found[1]}", found[2])
    articles, pages, people = _json_ld_objects(json_ld)
    for obj in articles:
        _from_json_ld(meta, obj)
    # Authors referred to by @id only where no article names one in place: a page with a
    # Yoast graph and a second Article names "kevin-r" in place, "Kevin Rebong" by reference,
    # and the news bench's label is the name in place.
    for obj in articles:
        _from_json_ld(meta, obj, people)
    _from_meta_tags(meta, tags)
    for obj in pages:  # WebPage, an embedded VideoObject: weaker than the page's own tags
        _from_json_ld(meta, obj, people)
    if (body := tree.find("body")) is not None:
        page = Elements.of(body)
        _from_visible(meta, body, page, url, settings)
        _prefer_displayed_date(meta, page, settings)
    if "title" not in meta.values:
        _from_title_element(meta, tree, meta.values.get("site"))
    _prefer_displayed_headline(meta, tree, tags, articles, url, settings)
    declared = declared_language(tree, tags)
    if declared:
        meta.offer("declared_language", declared[0], declared[1])
    if date_fallback and "date" not in meta.values:
        meta.offer("date", _htmldate(tree, url), "htmldate")
    if "date" not in meta.values:
        _modified_date(meta, tags, articles)
    if "date" not in meta.values and body is not None and (line := first_date_line(page, settings)):
        meta.offer("date", line.date, line.how, line.line)
    return meta


# ---------------------------------------------------------------- JSON-LD


def _json_objects(text: str) -> Any:
    text = text.strip()
    if text.startswith("<!--"):
        text = text[4:]
    if text.endswith("-->"):
        text = text[:-3]
    text = text.strip().removeprefix("//<![CDATA[").removesuffix("//]]>").strip()
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        # some CMSs print raw newlines inside strings
        try:
            return json.loads(text.replace("\n", " ").replace("\r", " ").replace("\t", " "))
        except (ValueError, RecursionError):
            return None


def _walk(node: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    if depth > 6:
        return
    if isinstance(node, list):
        for item in node:
            yield from _walk(item, depth + 1)
    elif isinstance(node, dict):
        yield node
        for key in ("@graph", "mainEntity", "mainEntityOfPage", "itemListElement"):
            if key in node and isinstance(node[key], (list, dict)):
                yield from _walk(node[key], depth + 1)


def _listed_types(obj: dict[str, Any]) -> list[str]:
    """The object's types in the order the page lists them, lower-cased."""
    t = obj.get("@type")
    names = t if isinstance(t, list) else [t]
    return [str(n).lower() for n in names if n]


def _types(obj: dict[str, Any]) -> set[str]:
    return set(_listed_types(obj))


def _json_ld_objects(scripts: list[str]) -> tuple[list[dict[str, Any]], list[dict[str, Any]], dict[str, dict[str, Any]]]:
    """(article objects, page-like objects, people by @id), each in page order. A graph
    (Yoast's) names the author once, in a Person object, and refers to it by @id."""
    articles: list[dict[str, Any]] = []
    pages: list[dict[str, Any]] = []
    questions: list[dict[str, Any]] = []
    people: dict[str, dict[str, Any]] = {}
    qa_page = False
    for script in scripts:
        for obj in _walk(_json_objects(script)):
            types = _types(obj)
            qa_page = qa_page or "qapage" in types
            if types & (ARTICLE_TYPES - _PAGE_TYPES):
                articles.append(obj)
            elif types & _PAGE_TYPES:
                pages.append(obj)
            elif "question" in types:
                questions.append(obj)
            elif "person" in types and isinstance(ref := obj.get("@id"), str):
                people.setdefault(ref, obj)
    # A Q&A page's question is its article; an FAQ's questions are not (they name no page).
    return articles + questions if qa_page else articles, pages, people


def normalize_space(text: str) -> str:
    """All whitespace, newlines included, as single spaces (HTML's own rule for text), and
    without soft hyphens (U+00AD), which only say where a line may break."""
    return " ".join(text.replace("\xad", "").split())


def _text(value: Any) -> str | None:
    if isinstance(value, list):
        value = next((v for v in value if v), None)
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value")
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        text = normalize_space(str(value))
        return text or None
    return None


def _names(value: Any, people: dict[str, dict[str, Any]] | None = None) -> list[str]:
    """Author names from a string, an object with a name, a reference to a Person of the
    page's graph ({"@id": ...}), or a list of these."""
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items:
        if isinstance(item, dict):
            if not item.get("name") and people and isinstance(ref := item.get("@id"), str):
                item = people.get(ref, item)
            item = item.get("name")
            if isinstance(item, list):
                item = " ".join(str(i) for i in item)
        if isinstance(item, str):
            item = normalize_space(item)
            if item and not _URL.match(item) and not _PLACEHOLDER.search(item) and item not in names:
                names.append(item)
    return names


def _from_json_ld(meta: HtmlMeta, obj: dict[str, Any], people: dict[str, dict[str, Any]] | None = None) -> None:
    # The first type the page lists, not the first of a set: a set's order changes from run
    # to run (string hashing), and the evidence must not.
    kind = next(iter(_listed_types(obj)), "object")
    source = f"JSON-LD {obj.get('@type') if isinstance(obj.get('@type'), str) else kind}"
    title = _text(obj.get("headline"))
    if not title and not _types(obj) & _PAGE_TYPES:
        title = _text(obj.get("name"))  # a page's name is its <title>, not a headline
    meta.offer("title", title, source)
    names = _names(obj.get("author"), people) or _names(obj.get("creator"), people)
    if names:
        meta.offer("byline_raw", ", ".join(names), source)
        meta.offer("author_names", names, source)
    for key in _DATE_KEYS:
        date = _iso(_text(obj.get(key)))
        if date and meta.offer("date", date, f"{source} {key}"):
            break
    publisher = obj.get("publisher")
    meta.offer("site", _text(publisher), source)
    meta.offer("description", _text(obj.get("description")), source)
    meta.offer("subtitle", _text(obj.get("alternativeHeadline")), source)
    lang = _text(obj.get("inLanguage"))
    code = _LANG.match(lang) if lang else None
    if code:
        meta.offer("declared_language", code.group(1).lower(), source)


def _iso(value: str | None) -> str | None:
    """'2019-11-19T08:57:40+01:00' -> '2019-11-19' as printed (the page's own time zone)."""
    if not value:
        return None
    m = re.match(r"\s*((?:19|20)\d\d)-?(\d\d)-?(\d\d)", value)
    if m:
        y, mo, d = m.groups()
        if 1 <= int(mo) <= 12 and 1 <= int(d) <= 31:
            return f"{y}-{mo}-{d}"
        return None
    return parse_date(value)


# ---------------------------------------------------------------- <meta> tags


def meta_tags(tree: Any) -> dict[str, list[tuple[str, int | None]]]:
    """name / property / itemprop / http-equiv (lower-cased) -> [(content, line)] in page order."""
    tags: dict[str, list[tuple[str, int | None]]] = {}
    for el in tree.iter("meta"):
        content = el.get("content")
        if content is None:
            continue
        content = normalize_space(content)
        if not content:
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = el.get(attr)
            if key:
                tags.setdefault(key.strip().lower(), []).append((content, el.sourceline))
    return tags


def _first(tags: dict[str, list[tuple[str, int | None]]], keys: tuple[str, ...]) -> tuple[str, str, int | None] | None:
    for key in keys:
        for content, line in tags.get(key, []):
            return content, key, line
    return None


def _from_meta_tags(meta: HtmlMeta, tags: dict[str, list[tuple[str, int | None]]]) -> None:
    if found := _first(tags, META_TITLE):
        meta.offer("title", found[0], f"meta {found[1]}", found[2])
    if hit := _first_date(tags, META_DATE):
        meta.offer("date", hit[0], f"meta {hit[1]}", hit[2])
    if found_names := _meta_authors(tags):
        names, key = found_names
        line = tags[key][0][1]
        meta.offer("byline_raw", ", ".join(names), f"meta {key}", line)
        meta.offer("author_names", names, f"meta {key}", line)
    if found := _first(tags, META_SITE):
        site = found[0].lstrip("@") if found[1] == "twitter:site" else found[0]
        meta.offer("site", site, f"meta {found[1]}", found[2])
    if found := _first(tags, META_DESCRIPTION):
        meta.offer("description", found[0], f"meta {found[1]}", found[2])


def _meta_authors(tags: dict[str, list[tuple[str, int | None]]]) -> tuple[list[str], str] | None:
    """The names of the most trusted author tag, or of a later one that names them all and
    more: a paper's DC.Creator names its first author, its citation_author tags all of them."""
    best: tuple[list[str], str] | None = None
    for key in META_AUTHOR:
        names = list(dict.fromkeys(c for c, _ in tags.get(key, []) if not _URL.match(c) and not _PLACEHOLDER.search(c)))
        if names and (best is None or len(names) > len(best[0]) and set(best[0]) <= set(names)):
            best = names, key
    return best


def _modified_date(meta: HtmlMeta, tags: dict[str, list[tuple[str, int | None]]], articles: list[dict[str, Any]]) -> None:
    for obj in articles:
        for key in _MODIFIED_JSON_LD_KEYS:
            if meta.offer("date", _iso(_text(obj.get(key))), f"JSON-LD {key}"):
                return
    if hit := _first_date(tags, META_MODIFIED):
        meta.offer("date", hit[0], f"meta {hit[1]}", hit[2])


def _first_date(tags: dict[str, list[tuple[str, int | None]]], keys: tuple[str, ...]) -> tuple[str, str, int | None] | None:
    """The first of these tags, most trusted first, whose content reads as a date: (date, key, line)."""
    for key in keys:
        for content, line in tags.get(key, []):
            if iso := _iso(content):
                return iso, key, line
    return None


def declared_language(tree: Any, tags: dict[str, list[tuple[str, int | None]]]) -> tuple[str, str] | None:
    """The language the page declares: <html lang>, then Content-Language and og:locale."""
    for el, attr in ((tree, "lang"), (tree, "xml:lang"), (tree.find("body"), "lang")):
        value = el.get(attr) if el is not None else None
        if value and (m := _LANG.match(value.strip())):
            return m.group(1).lower(), f"<{el.tag} {attr}>"
    for key in META_LANGUAGE:
        for content, _ in tags.get(key, []):
            if m := _LANG.match(content.strip()):
                return m.group(1).lower(), f"meta {key}"
    return None


# ---------------------------------------------------------------- visible elements


def _from_visible(meta: HtmlMeta, body: Any, page: Elements, url: str | None, settings: Settings) -> None:
    found = visible_byline(page, url, settings)
    if found and "byline_raw" in meta.values:
        # The byline as printed ("By Jane Roe and John Doe", "Jane Roe, MD") over the declared
        # names joined, when it names every one of them; without its date and 'Updated' parts.
        from ..text.meta import trim_byline

        text, line, how = found
        text = trim_byline(text, settings)
        declared = meta.values.get("author_names") or []
        if _prints_all(text, declared) and normalize_space(text) != meta.values["byline_raw"]:
            meta.values["byline_raw"], meta.evidence["byline_raw"] = text, Evidence(f"{how} naming the declared authors", line)
            printed = clean_authors([text])
            if ((len(printed) > len(declared) or all(_HANDLE.match(n) for n in declared))
                    and _prints_all(", ".join(printed), declared)):
                # A team the page prints in full, of whom the CMS declares the first; a
                # name the CMS declares as an account ("denise.everheart").
                meta.values["author_names"], meta.evidence["author_names"] = printed, meta.evidence["byline_raw"]
        elif (declared and all(_HANDLE.match(n) for n in declared) and page.by_headline(line) and how in _MARKED_BYLINES
              and (printed := clean_authors([text])) and all(map(_looks_like_name, printed))
              and all(any(_spells(n, p) for p in printed) for n in declared)):
            # The CMS declares the writer's account ("kffnirmitap"); the page prints the
            # name it spells ("Nirmita Panchal"). An account that spells no printed name
            # stays: the news bench's "kevin-r" over a "By David Jeans" line is its label.
            meta.values["byline_raw"], meta.evidence["byline_raw"] = text, Evidence(f"{how} over a declared account name", line)
            meta.values["author_names"], meta.evidence["author_names"] = printed, meta.evidence["byline_raw"]
        elif (declared and how in _PERSON_BYLINES and all(_names_site(n, meta.values.get("site"), url) for n in declared)
              and (printed := clean_authors([text])) and all(map(_looks_like_name, printed))):
            # The CMS declares the site itself as the author ("GlossGenius" on glossgenius.com);
            # the page prints its writer. Both are credited: a news bench page declares
            # "AppleInsider" over its writers' printed names, and its label is the site's.
            meta.values["byline_raw"], meta.evidence["byline_raw"] = text, Evidence(f"{how} beside the site declared as the author", line)
            meta.values["author_names"] = [*printed, *(n for n in declared if n not in printed)]
            meta.evidence["author_names"] = meta.evidence["byline_raw"]
    if "byline_raw" not in meta.values and found:
        text, line, how = found
        meta.offer("byline_raw", text, how, line)
    if "date" not in meta.values and (found := visible_date(body)):
        meta.offer("date", found[0], found[2], found[1])


# Bylines that name the page's writer, as the page marks or labels it, or a link to a
# writer's page (a link to a person's page may be a topic: "/topics/people/donald-trump").
_PERSON_BYLINES = frozenset({"visible rel=author", "visible itemprop=author", "visible byline class", "visible 'By' line",
                             "visible byline class, beside its date", "visible byline class, its name element",
                             "visible link to an author page"})


def _names_site(name: str, site: str | None, url: str | None) -> bool:
    """Whether a declared author is the site's own name: its og:site_name or publisher
    ("Digjitale" of "Digjitale Signal"), or its host ("Rapid7" on rapid7.com)."""
    from ..urls import split_address

    folded = _fold_name(name)
    host = (split_address(url).hostname or "").removeprefix("www.") if url else ""
    own = {_fold_name(host), _fold_name(host.split(".")[0])} if host else set()
    if site and (fsite := _fold_name(site)):
        own.add(fsite)
        if len(folded) > 3 and fsite.startswith(folded):
            return True
    return bool(folded) and folded in own


# An account name, not a name as printed: one word with a digit, '_', '.', '@' or '-', or
# in lower case ("jsmith42", "andrew.keaveney"). Not a brand's capitals ("AppleInsider",
# which a news bench page declares over its writers' printed names).
_HANDLE = re.compile(r"^(?=\S*[\d_.@-]|[a-z])\S+$")


# Bylines the page marks as its own. A link to an author's page may sit in an article a
# forum post quotes, under the account that posted it.
_MARKED_BYLINES = frozenset({"visible rel=author", "visible itemprop=author", "visible byline class", "visible 'By' line"})


def _spells(handle: str, name: str) -> bool:
    """Whether an account name holds a word of the name ("kevin-r", "Kevin Rebong")."""
    folded = "".join(_title_words(handle))
    return any(len(w) > 2 and w in folded for w in _title_words(name))


def _prints_all(text: str, names: list[str]) -> bool:
    """Whether the printed text holds each declared name (case and spacing aside)."""
    folded = " ".join(_title_words(text))
    return bool(names) and all(f" {' '.join(_title_words(n))} " in f" {folded} " for n in names if _title_words(n))


def visible_byline(page: Elements, url: str | None = None, settings: Settings = DEFAULT) -> tuple[str, int | None, str] | None:
    """A short element marked as the author: rel=author, itemprop=author, or a byline class."""
    marked: dict[str, bool] = {}  # class and id -> a byline class: pages repeat theirs (menus, cards)
    team = job = None  # the first team credit, and name with a job, in case nothing names the author alone
    for el in page.all:
        # Attribute reads dominate this pass over every element: each is read once, when needed.
        get = el.get
        rel, itemprop = get("rel"), get("itemprop")
        if rel and "author" in rel.lower().split():
            how = "rel=author"
        elif itemprop and ("author" in (props := itemprop.lower().split()) or "creator" in props):
            how = "itemprop=author"
        elif el.tag in _BYLINE_TAGS:
            marks = f"{get('class') or ''} {get('id') or ''}"
            if (byline := marked.get(marks)) is None:
                byline = marked[marks] = bool(_BYLINE_CLASS.search(marks)) and not _BYLINE_NOT.search(marks)
            if not byline:
                continue
            how = "byline class"
        else:
            continue
        if how == "itemprop=author" and el.get("itemscope") is not None and (name := _item_name(el, settings)):
            return _first_post_author(page, (name, el.sourceline, "visible itemprop=author Person, its name"), url, settings)
        text = _short_text(el, _MAX_BYLINE_CHARS)  # a byline-classed box may hold a whole biography
        if text is None or not clean_authors([text]):
            if how == "byline class" and (named := _named_child(el, settings)):
                return named
        if text is None or len(text) <= 2 or _LABEL_ONLY.match(text):
            continue
        if clean_authors([text]) and not _only_a_date(text):
            return text, el.sourceline, f"visible {how}"
        if name := _name_beside_date(text):
            return name, el.sourceline, f"visible {how}, beside its date"
        if job is None and _named_with_job(text, settings):
            # After any marked element that names the author alone (a box printing the
            # name, the job and the date holds a rel=author link to the name).
            job = text, el.sourceline, f"visible {how}"
        if team is None and (credit := _team_credit(text, settings)):
            team = credit, el.sourceline, f"visible {how}, a team credit"
    near = page.near_headline()
    return (job or _author_link(near) or _by_label(near, settings) or _first_poster(page, url, settings) or team
            or _sole_writer_link(page.all))


def _sole_writer_link(elements: list[Any]) -> tuple[str, int | None, str] | None:
    """The one writer's page the whole page links to, wherever it sits (an author card
    below the article, far from the headline); none when it links to several writers (a
    list of posts)."""
    target = named = None
    for el in elements:
        if el.tag != "a" or not _WRITER_PATH.search(href := (el.get("href") or "").rstrip("/")):
            continue
        if target not in (None, href):
            return None
        target = href
        if named is None and _looks_like_name(text := normalize_space(" ".join(el.itertext()))):
            named = text, el.sourceline, "visible link to the page's one writer"
    return named


# The byline of a team or a desk, which names no person ("Podium Staff", "By the Lavazza
# Team", "Team SimplyThrilled"): the page's byline when it prints no person's.
_TEAM = re.compile(r"^(?:the\s+)?(?:[A-Z][\w&.'’-]*\s+){0,3}(?:team|staff|editors|editorial(?:\s+team|\s+staff)?|newsroom)$"
                   r"|^team\s+[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*)?$", re.I)


# An element of a byline box that holds the name alone: class "name", "author-name",
# "article__author-details-name".
_NAME_CLASS = re.compile(r"(?:^|[\s_-])name(?:$|\s)", re.I)


def _named_child(box: Any, settings: Settings) -> tuple[str, int | None, str] | None:
    """The name in a byline box that also prints a biography or a job ("Rachel MacDonald"
    over "Writer"), from its element classed as the name."""
    for k, sub in enumerate(box.iter(lxml.etree.Element)):
        if k > settings.html_byline_name_element_max_elements:
            break
        if sub is box or not _NAME_CLASS.search(sub.get("class") or ""):
            continue
        text = _short_text(sub, _MAX_BYLINE_CHARS)
        if text and _looks_like_name(text) and not _LABEL_ONLY.match(text):
            return text, sub.sourceline, "visible byline class, its name element"
    return None


def _name_beside_date(text: str) -> str | None:
    """'Luke Kim December 17, 2025', 'Sep 01, 2023 Katie Liguori': a byline box that prints
    the name and the date without a 'By' (clean_authors drops a part with digits)."""
    if not (dates := find_dates(text)):
        return None
    rest = normalize_space(strip_time(without_dates(text, dates))).strip(" -–—|·•,/:")
    return rest if _looks_like_name(rest) and clean_authors([rest]) == [rest] else None  # not "TopGear.com Published"


def _named_with_job(text: str, settings: Settings) -> bool:
    """'By Keith Barry Senior Autos Reporter': a name and the job printed after it, unsplit
    (clean_authors drops the whole part for its job words)."""
    from ..text.meta import authors_of

    if not _BY_LABEL.match(text):
        return False  # a product's name in a box classed 'author' ("Birkenstock Arizona Sandal – Unisex")
    names = authors_of(text, settings)
    return bool(names) and all(map(_looks_like_name, names))


def _team_credit(text: str, settings: Settings) -> str | None:
    from ..text.meta import trim_byline

    credit = trim_byline(text, settings)
    name = _BY.sub("", credit).strip(" .:-–—·•")
    return credit if _TEAM.match(name) and (name[:1].isupper() or name.lower().startswith("the ")) else None


# A byline box's label printed without the name ("Author", "Written by", "Topic Author"),
# or the account menu in a box classed 'author' ("Sign In"): the name is in a later element.
_LABEL_ONLY = re.compile(
    r"^(?:(?:(?:the|topic|post|article|about\s+the)\s+)?(?:authors?|by|(?:written|posted|published|reviewed)\s+by|byline|writer)\s*:?"
    r"|sign\s*in|log\s*in|sign\s*up|register)$", re.I)


def _item_name(el: Any, settings: Settings) -> str | None:
    """The name of a schema.org Person item (itemprop=author itemscope): its itemprop=name,
    a <meta content> or the element's text. A forum's or a Q&A site's author box holds the
    name between scores and badges ("Joe 83.4k 20 gold badges"), which read as no name."""
    for sub in el.iter():
        if sub is el or not isinstance(sub.tag, str) or "name" not in (sub.get("itemprop") or "").lower().split():
            continue
        name = normalize_space(sub.get("content") or " ".join(sub.itertext())).lstrip("@")
        if 1 < len(name) <= settings.html_member_name_max_chars and any(c.isalpha() for c in name) and not _URL.match(name):
            return name
    return None


def _first_post_author(page: Elements, item: tuple[str, int | None, str], url: str | None,
                       settings: Settings) -> tuple[str, int | None, str]:
    """A thread's author: the first author item (itemprop=author itemscope) of the page,
    unless the member linked by the headline ("Thread starter X") is one of the page's
    author items too: a forum shows the best answer, and its author, above the first post.
    A Q&A site links the question's last editor there, who is no author item."""
    poster = _first_poster(page, url, settings)
    if poster is None or poster[0] == item[0]:
        return item
    names = {_item_name(el, settings) for el in page.all
             if "author" in (el.get("itemprop") or "").lower().split() and el.get("itemscope") is not None}
    return poster if poster[0] in names else item


# A link to a person's page on the site: /author/jane-roe, /authors/…, /writers/…, /people/….
_AUTHOR_PATH = re.compile(r"/(?:authors?|writers?|contributors?|people|staff|profiles?|producers?|reporters?|columnists?)/[^/?#]+/?(?:[?#]|$)", re.I)
_WRITER_PATH = re.compile(r"/(?:authors?|writers?|contributors?|reporters?|columnists?)/[^/?#]+/?(?:[?#]|$)", re.I)
# "By Jane Roe", "Written by Jane Roe", "Author: Jane Roe" in a short element.
_BY_LABEL = re.compile(r"^(?:(?:written|posted|published|reviewed|words|story|interview)\s+by|by|authors?|contributors?)\b\s*:?\s+(?=\S)", re.I)
_MAX_NAME_LINK_WORDS = 4  # "Jean-Luc de la Croix"; a longer link text is a phrase (initial value)
# Bylines sit by the headline: a byline found only by its wording or its link must be this
# close to the first <h1>, in elements of the page in document order (wcxb-dev: "By Use Case"
# menus and "Log in" links elsewhere on the page were taken for authors without it).
_BYLINE_BEFORE_H1_ELEMENTS = 40
_BYLINE_AFTER_H1_ELEMENTS = 150
_NAME_PARTICLES = frozenset({"de", "da", "del", "della", "der", "den", "van", "von", "la", "le", "di", "du", "bin", "al", "el", "y", "e"})


@dataclass(frozen=True)
class Elements:
    """The body's elements in page order and where its first <h1> is (None without one),
    listed once a page for the byline, poster and date searches by the headline."""

    all: list[Any]
    h1: int | None

    @classmethod
    def of(cls, body: Any) -> Elements:
        elements = list(body.iter(lxml.etree.Element))  # comments and the like left out, in C
        h1 = next(body.iter("h1"), None)  # the first in page order, the body itself included, found in C
        return cls(elements, None if h1 is None else elements.index(h1))

    def by_headline(self, line: int | None) -> bool:
        """Whether a source line is among the elements around the first <h1>."""
        near = self.near_headline()
        return bool(near) and line is not None and (near[0].sourceline or 0) <= line <= (near[-1].sourceline or 0)

    def near_headline(self) -> list[Any]:
        """The elements around the first <h1> (none without one)."""
        if self.h1 is None:
            return []
        return self.all[max(0, self.h1 - _BYLINE_BEFORE_H1_ELEMENTS): self.h1 + _BYLINE_AFTER_H1_ELEMENTS]


def _author_link(elements: list[Any]) -> tuple[str, int | None, str] | None:
    for el in elements:
        if el.tag != "a" or not _AUTHOR_PATH.search(el.get("href") or ""):
            continue
        text = normalize_space(" ".join(el.itertext()))
        if _looks_like_name(text):
            how = "visible link to an author page" if _WRITER_PATH.search(el.get("href") or "") else "visible link to a person's page"
            return _team(el, text) or (text, el.sourceline, how)
    return None


def _team(link: Any, name: str) -> tuple[str, int | None, str] | None:
    """The byline a link to an author's page sits in, when it names more writers
    ("Rui Ma, Heba Ledwon and Suparn Patra", each name a link): all of them."""
    box = link.getparent()
    if box is None or (text := _short_text(box, _MAX_BYLINE_CHARS)) is None:
        return None
    names = clean_authors([text])
    if len(names) > 1 and name in names and all(map(_looks_like_name, names)):
        return re.sub(r"\s+(?=[,;])", "", text), box.sourceline, "visible links to authors' pages"
    return None


def _by_label(elements: list[Any], settings: Settings) -> tuple[str, int | None, str] | None:
    from ..text.meta import authors_of, trim_byline

    team = None  # "By the Marketing Team": the byline when no line names a person
    for el in elements:
        if el.tag not in _BY_LINE_TAGS:
            continue
        # Read only as far as needed: a <div> by the headline may hold the whole article.
        if (text := _short_text(el, _MAX_BYLINE_CHARS)) is None:
            continue
        if name := _name_job_date(text):
            return name, el.sourceline, "visible name, job and date line"
        after_date = not _BY_LABEL.match(text)
        if after_date and not (text := _after_leading_date(text) or ""):
            continue
        # Without the date printed after the names ("By Jane Roe - Mar 27, 2024").
        dated = (trimmed := trim_byline(text, settings)) != text and bool(find_dates(text)) or after_date
        if not (m := _BY_LABEL.match(trimmed)):
            continue
        # clean_authors keeps a part whole or drops it; authors_of cuts a date after
        # "on" off the names ("by ALLIN ONE on Jan 22, 2025").
        names = clean_authors([trimmed[m.end():]]) or authors_of(trimmed, settings)
        # One word ("by Amanda · Dec 20, 2025") is a name only on a line with a date.
        if names and (all(_looks_like_name(n) for n in names) or dated and len(names) == 1 and names[0].isalpha()):
            return trimmed, el.sourceline, "visible 'By' line"
        if team is None and (credit := _team_credit(trimmed, settings)):
            team = credit, el.sourceline, "visible 'By' line, a team credit"
    return team


def _name_job_date(text: str) -> str | None:
    """'Aaron Ricadela | Senior Writer | July 2, 2025': a byline without 'By' whose parts
    are a name, a job and a date."""
    parts = _PART_SPLIT.split(text)
    if not 2 < len(parts) <= 4 or not _looks_like_name(parts[0]):
        return None
    rest = parts[1:]
    dated = [p for p in rest if (dates := find_dates(p)) and not _words_besides_dates(p, dates)]
    jobs = [p for p in rest if p not in dated and _JOB.search(p) and len(p.split()) <= _MAX_NAME_WORDS]
    return parts[0] if len(dated) == 1 and len(dated) + len(jobs) == len(rest) else None


_PART_SPLIT = re.compile(r"\s+[|·•]\s+")


def _after_leading_date(text: str) -> str | None:
    """'Jan 30, 2025 Written by Jane Roe' -> 'Written by Jane Roe': a 'By' line printed
    after the date."""
    if not (label := _BY_INSIDE.search(text)) or not label.start():
        return None
    head = text[: label.start()]
    dates = find_dates(head)
    if not (dates or _YEAR.search(head)) or _words_besides_dates(re.sub(r"\d+", " ", head), dates):
        return None
    return text[label.start():]


_BY_INSIDE = re.compile(r"(?<=\s)(?:(?:written|posted|published|words|story)\s+)?by\s+(?=\S)", re.I)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


_BY_LINE_TAGS = frozenset(("p", "span", "div", "li", "address", "small"))


# A link to a member's profile, as forums and Q&A sites print by each post: /user/jonb,
# /users/447274/user447274, /u/dessalines, /members/samuelmiz.3009205/, phpBB's
# memberlist.php?mode=viewprofile&u=421190, vBulletin's member.php?u=224387. Sign-in and
# sign-up pages under those folders are not members.
_PROFILE_PATH = re.compile(
    r"/(?:users?|u|members?)/(?!(?:log_?in|sign_?in|sign_?up|register|login)\b)[^/?#]+(?:/[^/?#]+)?/?(?:[?#]|$)"
    r"|(?:member|memberlist|profile)\.php\?(?:[^#]*&)?(?:u|id)=\d", re.I)


def _first_poster(page: Elements, url: str | None, settings: Settings) -> tuple[str, int | None, str] | None:
    """On a thread with no author declared, the first post's author: the first link to a
    member's profile on the page's own site (a video site's channel is not a member) by the
    headline (as bylines are looked for), or in the whole page when it has no <h1>."""
    from ..urls import split_address

    own = (split_address(url).hostname or "").removeprefix("www.") if url else ""
    scope = page.all if page.h1 is None else page.near_headline()
    first = None  # the first member linked: an avatar's link names the post's author too
    for el in scope:
        href = el.get("href") or ""
        if el.tag != "a" or not _PROFILE_PATH.search(href) or first not in (None, href):
            continue
        host = (split_address(href).hostname or "").removeprefix("www.") if "//" in href else own
        if host != own or _edited_card(el, settings):
            continue
        first = href
        if _BYLINE_NOT.search(el.get("class") or "") or el.find(".//img") is not None:
            continue  # an avatar ("J Offline") or a social icon, not the name as written
        text = normalize_space(" ".join(el.itertext())).lstrip("@")
        short = 1 < len(text) <= settings.html_member_name_max_chars and len(text.split()) <= _MAX_NAME_LINK_WORDS
        if short and any(c.isalpha() for c in text) and "?" not in text:
            return text, el.sourceline, "visible link to a member's profile"
    return None


_EDITED = re.compile(r"^(?:last\s+)?edited\b", re.I)


def _edited_card(link: Any, settings: Settings) -> bool:
    """Whether the link sits in a card that names a post's last editor ("edited Oct 16,
    2023 at 12:58" over the avatar and name, as a Q&A site prints it), not its author."""
    for level, box in enumerate(link.iterancestors()):
        if level >= settings.html_member_card_max_levels:
            return False
        if (text := _short_text(box, _MAX_BYLINE_CHARS)) and _EDITED.match(text):
            return True
    return False


def _looks_like_name(text: str) -> bool:
    """'Jane Roe', 'Jean-Luc de la Croix': two to four capitalised words (particles aside), letters only."""
    words = text.split()
    return (1 < len(words) <= _MAX_NAME_LINK_WORDS
            and all(w[:1].isupper() or w in _NAME_PARTICLES for w in words)
            and all(c.isalpha() or c in ".'’-" for w in words for c in w))


def visible_date(body: Any) -> tuple[str, int | None, str] | None:
    """<time datetime> or itemprop=datePublished, else a short date-classed element."""
    for el in body.iter("time"):
        value = _iso(el.get("datetime")) or _iso(normalize_space(" ".join(el.itertext()))[:_MAX_DATE_TEXT_CHARS])
        if value:
            return value, el.sourceline, "visible <time>"
    for el in body.iter():
        if isinstance(el.tag, str) and (el.get("itemprop") or "").lower() == "datepublished":
            value = _iso(el.get("content") or el.get("datetime")) or parse_date(normalize_space(" ".join(el.itertext())))
            if value:
                return value, el.sourceline, "visible itemprop=datePublished"
    for el in body.iter("span", "div", "p", "time", "li", "small"):
        marks = f"{el.get('class') or ''} {el.get('id') or ''}"
        if not _DATE_CLASS.search(marks):
            continue
        text = normalize_space(" ".join(el.itertext()))
        if text and len(text) <= _MAX_DATE_TEXT_CHARS and (value := parse_date(text)):
            return value, el.sourceline, "visible date-classed element"
    return None


# Elements that hold no visible text of the page.
_NOT_SHOWN = frozenset({"script", "style", "noscript", "template", "select", "option", "head", "title"})


def _prefer_displayed_date(meta: HtmlMeta, page: Elements, settings: Settings) -> None:
    """The date the page shows with its headline fills an empty date, and replaces a
    declared date (datePublished, article:published_time) that is more than a day later
    and shown nowhere there: a page re-stamped by a migration or an update still shows
    when it was published under its <h1>. Not when the declared date is shown there too
    (a page that shows "Published X" and "Updated Y", a forum thread's first post under
    the dates of the replies)."""
    shown = displayed_dates(page, settings)
    declared = meta.values.get("date")
    lines = [line for line in shown if line.date is not None]
    showing = [line for line in shown if declared in line.dates]
    published = [line for line in lines if line.label == "published" and declared not in line.dates]
    if showing and published and all(line.label == "updated" for line in showing):
        # The declared date is the one the page prints as its update ("Published Apr 26,
        # 2023 · Updated Aug 21, 2025" under a datePublished of Aug 21, 2025): a re-stamp.
        best = published[0]
        meta.values["date"], meta.evidence["date"] = best.date, Evidence(best.how, best.line)
        return
    if not lines or showing:
        return
    if len({d for line in lines for d in line.dates}) > settings.html_date_lines_max_distinct:
        return  # the dates of a list of posts or comments by the headline, not the page's own
    best = lines[0]
    date = best.date or ""  # lines hold a date
    if declared and (best.label == "updated" or _days_between(date, declared) <= settings.html_shown_date_min_days_before_declared):
        # Shown as an update, shown later (an update printed without its label) or a
        # day apart (one moment in two time zones): the declared date is the publication's.
        return
    meta.values["date"], meta.evidence["date"] = date, Evidence(best.how, best.line)


def first_date_line(page: Elements, settings: Settings = DEFAULT) -> DateLine | None:
    """The first short element of the page that is mostly a date, wherever it sits: the
    date of last resort for a page that declares none and shows none by an <h1> (a date
    printed beside the byline further down, a page without an <h1>), as a text capture's
    first date line is (htmldate's extensive search finds the same dates at twenty times the
    cost: wcxb-dev HTML, undated pages, 126 ms a page against 5.6)."""
    from ..text.meta import pick_date

    texts = _short_texts(page.all, settings.date_line_max_chars)
    for el in page.all:
        if el.tag in _NOT_SHOWN or not (text := texts[el]) or not (dates := find_dates(text)):
            continue
        if dates[0].start > settings.date_prefix_chars or _words_besides_dates(text, dates) > settings.html_date_line_max_other_words:
            continue
        if (_NOT_SHOWN | {"table"}) & {a.tag for a in el.iterancestors()}:
            continue
        if picked := pick_date(text, settings):
            d, label = picked
            return DateLine(d.iso, label, tuple(x.iso for x in dates), el.sourceline, "first date line of the page")
    return None


def _days_between(earlier: str, later: str) -> int:
    """Days from one ISO date to another (0 when either does not read as a date)."""
    try:
        return (dt.date.fromisoformat(later[:10]) - dt.date.fromisoformat(earlier[:10])).days
    except ValueError:
        return 0


@dataclass(frozen=True)
class DateLine:
    """A short element by the headline that is mostly a date."""

    date: str | None  # the publication date among its dates (None: a <time> stamp, shown in other words)
    label: str  # 'published', 'updated' or ''
    dates: tuple[str, ...]  # every date it shows
    line: int | None
    how: str


def displayed_dates(page: Elements, settings: Settings = DEFAULT) -> list[DateLine]:
    """The date lines under the first <h1>, in page order, then those above it, closest
    first: short elements that are mostly a date ("Published Apr 26, 2023", "Updated on
    April 19, 2025", "Dec 12, 2025 · 6 min read"), read as printed."""
    from ..text.meta import pick_date

    elements, at = page.all, page.h1
    if at is None:
        return []
    below = elements[at + 1: at + 1 + _BYLINE_AFTER_H1_ELEMENTS]
    above = elements[max(0, at - _BYLINE_BEFORE_H1_ELEMENTS): at][::-1]
    inside = {id(el) for el in elements[at].iter()}
    texts = _short_texts(elements[max(0, at - _BYLINE_BEFORE_H1_ELEMENTS): at + 1 + _BYLINE_AFTER_H1_ELEMENTS],
                         settings.date_line_max_chars)
    found: list[DateLine] = []
    taken: set[int] = set()  # elements read as a date line: their descendants repeat them
    for where, candidates in (("under", below), ("above", above)):
        for el in candidates:
            if el.tag in _NOT_SHOWN or id(el) in inside:
                continue
            if el.tag == "time" and (stamp := _iso(el.get("datetime"))):
                # A stamp the page prints in its own words ("3 days ago", "Jan 14"): shown all the same.
                found.append(DateLine(None, "", (stamp,), el.sourceline, "visible <time>"))
            text = texts[el]
            if not text or not (dates := find_dates(text)) or dates[0].start > settings.date_prefix_chars:
                continue
            if _words_besides_dates(text, dates) > settings.html_date_line_max_other_words:
                continue  # a sentence that mentions a date
            ancestors = {id(a): a.tag for a in el.iterancestors()}
            if taken & ancestors.keys() or (_NOT_SHOWN | {"table"}) & {el.tag, *ancestors.values()}:
                continue  # a table's dates are data
            if not (picked := pick_date(text, settings)):
                continue
            taken.add(id(el))
            d, label = picked
            how = f"visible date line {where} the headline" + (f", labelled {label}" if label else "")
            found.append(DateLine(d.iso, label, tuple(x.iso for x in dates), el.sourceline, how))
    return found


_WEEKDAYS = frozenset("mon monday tue tues tuesday wed wednesday thu thur thurs thursday fri friday sat saturday sun sunday".split())


def _only_a_date(text: str) -> bool:
    """'Sat, 20 Dec, 2025 - 06:36': a byline-classed box that prints the date alone names no
    one (its weekday read as a name gave the author 'Sat')."""
    dates = find_dates(text)
    return bool(dates) and set(_title_words(strip_time(without_dates(text, dates)))) <= _WEEKDAYS


def _words_besides_dates(text: str, dates: list[Any]) -> int:
    """How many words the text holds besides its dates and clock times."""
    return len(_title_words(strip_time(without_dates(text, dates))))


def _short_text(el: Any, limit: int) -> str | None:
    """The element's text with spaces normalised, or None when it is longer than limit
    (read only as far as needed: an element by the headline may hold the whole article)."""
    if not len(el):  # no children: its own text alone (most elements by the headline)
        text = normalize_space(el.text or "")
        return text if len(text) <= limit else None
    parts, size = [], 0
    for piece in el.itertext():
        parts.append(piece)
        size += len(piece)
        if size > 4 * limit and len(normalize_space(" ".join(parts))) > limit:
            return None
    text = normalize_space(" ".join(parts))
    return text if len(text) <= limit else None


def _short_texts(elements: list[Any], limit: int) -> dict[Any, str | None]:
    """_short_text of each of a run of the page's elements (in page order), each read from
    its children's: an element's text is its own, then each child's text and tail, so a
    text node is read once rather than once for each of its ancestors in the run (the date
    lines by the headline read ~180 elements a page this way, 4% of the HTML path)."""
    texts: dict[Any, str | None] = {}
    for el in reversed(elements):  # children before their parents
        texts[el] = _text_of_children(el, texts, limit)
    return texts


def _text_of_children(el: Any, texts: dict[Any, str | None], limit: int) -> str | None:
    own = normalize_space(el.text or "")
    if not len(el):
        return own if len(own) <= limit else None
    parts = [own] if own else []
    size = len(own)  # of " ".join(parts)
    for child in el:
        if child not in texts:
            return _short_text(el, limit)  # a child past the run's end (or not an element)
        if (text := texts[child]) is None:
            return None  # the child alone is longer than limit
        for part in (text, normalize_space(child.tail or "")):
            if part:
                size += len(part) + (1 if parts else 0)
                parts.append(part)
        if size > limit:
            return None
    return " ".join(parts)


def _from_title_element(meta: HtmlMeta, tree: Any, site: str | None) -> None:
    el = tree.find(".//title")
    if el is None:
        return
    title = normalize_space(el.text_content())
    if not title:
        return
    meta.offer("title", strip_site(title, site), "<title>", el.sourceline)


def _prefer_displayed_headline(meta: HtmlMeta, tree: Any, tags: dict[str, list[tuple[str, int | None]]],
                               articles: list[dict[str, Any]], url: str | None, settings: Settings = DEFAULT) -> None:
    """The title is the headline the page displays. The declared titles (JSON-LD, og:title,
    <title>) often carry the site's name or a tagline ("Headline | Site", "Headline - Tagline")
    or an SEO variant of the headline, so a level-1 heading whose words the declared titles
    hold replaces them. Headings that only name the site (a logo in an <h1>) are passed over.
    Without such a heading, the declared title loses its site part. On an article page whose
    declared titles are all SEO titles (each with a site or tagline part), its one <h1> wins
    with a smaller share of its words in them (a reworded headline)."""
    declared = [html.unescape(t) for t in (
        *(_text(o.get("headline")) for o in articles),
        *(c for key in META_TITLE for c, _ in tags.get(key, [])),
        _title_element_text(tree),
    ) if t]
    if not declared:
        return
    hosts: list[str] = []
    if url:
        from ..urls import split_address

        host = (split_address(url).hostname or "").removeprefix("www.")
        hosts = [host, host.split(".")[0]] if host else []
    host_names = {_fold_name(h) for h in hosts if _fold_name(h)}
    known = host_names | ({_fold_name(meta.values["site"])} if meta.values.get("site") else set())
    heads: list[str] = []
    site_parts: set[str] = set()
    all_cut = True  # every declared title has a site or tagline part
    for title in declared:
        head, cut = split_title(title, known)
        heads.append(head)
        all_cut = all_cut and bool(cut)
        # The site's name ends the title (or starts it): a part between two others is the page's
        # own ("Local SEO Software | Local SEO Tools | Try for Free - BrightLocal"), and an <h1>
        # repeating it is no logo.
        parts = [p for p in _TITLE_SPLIT.split(title) if p.strip()]
        ends = [c for c in cut if c in (parts[0], parts[-1])] if len(parts) > 1 else cut
        site_parts.update(_fold_name(c) for c in ends if len(_part_words(c)) <= _TITLE_PART_MAX_WORDS)
        for part in cut:
            if _fold_name(part) in host_names:
                meta.offer("site", part.strip(), "title suffix naming the host")
    body = tree.find("body")
    best: tuple[float, str, int | None] | None = None
    first: tuple[str, int | None] | None = None  # the first <h1> that is not the site's name
    first_in_main = False
    counts: dict[str, Counter[str]] = {}  # the declared titles' words, counted once for all <h1>s
    shown: set[str] = set()  # the texts of the <h1>s (a heading printed twice, for phone and desktop, is one)
    for el in body.iter("h1") if body is not None else ():
        text = normalize_space(" ".join(_heading_text(el))).rstrip(" ¶#")
        if not _title_words(text) or len(text) > _MAX_HEADLINE_CHARS:
            continue
        if _links_home(el, text, url):
            continue  # the heading is a link to the home page: the site's logo, whatever it reads
        folded = _fold_name(text)
        if (folded in known or folded in site_parts) and not any(_fold_name(h) == folded for h in heads):
            continue  # the site's name in an <h1>: a logo, not the headline
        shown.add(text)
        if first is None:
            first = (text, el.sourceline)
            first_in_main = _in_main_content(el)
        share = max(_held_share(text, d, counts) for d in declared)
        if max(_held_share(h, text, counts) for h in (*heads, *declared)) < _HEADLINE_MIN_COVER_SHARE:
            continue  # one word of the headline ("Reviews"): a section heading
        if best is None or share > best[0]:
            best = (share, text, el.sourceline)
    if "title" in meta.values:
        head = split_title(meta.values["title"], known)[0]
        if head:
            meta.values["title"] = head
        elif first is not None:
            # "| Site": the CMS left the page's own title out; the <h1> shows it.
            meta.values["title"], meta.evidence["title"] = first[0], Evidence("visible <h1> under a title naming only the site", first[1])
    title_only = len(declared) == 1 and not any(tags.get(key) for key in META_TITLE) and not any(o.get("headline") for o in articles)
    if (first is not None and len(shown) == 1 and first_in_main and title_only and "title" in meta.values
            and _held_share(first[0], declared[0]) < settings.html_headline_unrelated_max_share):
        # Only a <title>, and next to none of its words in the page's one <h1>, which the main
        # content holds: the <title> is the site's own ("Reddit - The heart of the internet").
        meta.values["title"] = first[0]
        meta.evidence["title"] = Evidence("visible <h1> in the main content, unrelated to the only declared title (<title>)", first[1])
        return
    if best is None or _title_words(best[1]) == _title_words(meta.values.get("title") or ""):
        return
    if best[0] >= _HEADLINE_HELD_MIN_SHARE:
        meta.values["title"], meta.evidence["title"] = best[1], Evidence("visible <h1> matching the declared title", best[2])
    elif (0 < settings.html_headline_reworded_min_share <= best[0] and all_cut and len(shown) == 1
          and (articles or any(c.casefold() == "article" for c, _ in tags.get("og:type", [])))):
        meta.values["title"] = best[1]
        meta.evidence["title"] = Evidence("visible <h1> on an article page, rewording SEO titles that carry a site or tagline part", best[2])


_NOT_HEADLINE_TAGS = frozenset(("time", "h2", "h3", "h4", "h5", "h6"))


def _heading_text(el: Any, parts: list[str] | None = None) -> list[str]:
    """A heading's text pieces without the dates (<time>) and headings (a date line in an <h3>)
    in it: the page's markup put its date line inside the headline's element. A <wbr> is a
    place a long word may break, not a space: the word goes on in the same piece
    ("Staubsaugerzub<wbr>ehör", wcxb-dev w3017)."""
    parts = [] if parts is None else parts
    if el.text:
        parts.append(el.text)
    for child in el:
        if child.tag == "wbr":
            # libxml2 may read what follows a bare <wbr> as its content, up to the parent's end.
            after = _heading_text(child)
            if child.tail:
                after.append(child.tail)
            if parts and after:
                parts[-1] += after.pop(0)
            parts.extend(after)
            continue
        if isinstance(child.tag, str) and child.tag not in _NOT_HEADLINE_TAGS:
            _heading_text(child, parts)
        if child.tail:
            parts.append(child.tail)
    return parts


def _links_home(el: Any, text: str, url: str | None) -> bool:
    """The heading is one link (around it, or holding all its text) to the site's home page."""
    around = list(el.iterancestors("a"))
    links = [a for a in (*around, *el.iter("a")) if a.get("href") is not None]
    if len(links) != 1 or (links[0] not in around and normalize_space(" ".join(links[0].itertext())) != text):
        return False
    href = urlsplit(links[0].get("href").strip())
    host = urlsplit(url or "").netloc.removeprefix("www.")
    if href.query or href.fragment:
        return False
    if not href.netloc:
        return href.path == "/"  # "" and "#" are this page
    return href.netloc.removeprefix("www.") == host and href.path in ("", "/")


_MAIN_CONTENT_TAGS = frozenset(("main", "article"))
_NOT_MAIN_TAGS = frozenset(("header", "nav", "footer", "aside", "a", "form"))


def _in_main_content(el: Any) -> bool:
    """Inside a <main> or <article>, and not in a header, menu, sidebar, footer, form or link there."""
    for up in el.iterancestors():
        if up.tag in _NOT_MAIN_TAGS:
            return False
        if up.tag in _MAIN_CONTENT_TAGS:
            return True
    return False


# A heading is the displayed headline when this share of its words is in a declared title
# (wcxb-dev titles, human-labelled: 0.5 0.844, 0.6 0.847, 0.7 0.845 of 1,497 pages).
_HEADLINE_HELD_MIN_SHARE = 0.6
_MAX_HEADLINE_CHARS = 300  # a longer <h1> is a block of text set in a heading's type (initial value)
# ... and holds this share of a declared title's words (site part cut off) in turn
# (wcxb-dev titles: 1,277 of 1,497 right with it and without; on the news bench a lone
# "Отзывы" ("Reviews") <h1> under a long title was taken without it).
_HEADLINE_MIN_COVER_SHARE = 0.3
# "Headline - Part": a part this short is a site's name or a tagline, not the headline's own.
_TITLE_PART_MAX_WORDS = 4


def split_title(title: str, known: set[str]) -> tuple[str, list[str]]:
    """'Headline | Site' -> ('Headline', ['Site']). After '|' the rest is always the site's;
    after a dash, only short parts are (a long one is the headline's own subtitle). A first
    part that names a known site gives the headline to the last part ('Site | Headline'), as
    does a first word that is the host's name ('example.com Headline'). A part ending in '?'
    after a dash is the headline's own ('Topic – Question?')."""
    if _LEADING_SPLIT.match(title):
        return "", [title[1:].strip()]  # "| Site": no headline part at all
    first, _, rest = title.partition(" ")
    if _HOST_NAME.search(first) and rest[:1].isalnum() and _fold_name(first) in known:
        return rest.strip(), [first]  # "example.com Headline": the host's name before the headline
    parts = [p for p in _TITLE_SPLIT.split(title) if p.strip()]
    if len(parts) < 2:
        return title, []
    head = parts[-1] if _fold_name(parts[0]) in known else parts[0]
    cut = [p for p in parts if p is not head]
    bar = _SITE_BAR.search(title) is not None
    if not bar and any(p.rstrip().endswith("?") for p in cut):
        return title, []  # "Topic – Question?": a site's name or tagline asks nothing
    if bar or all(len(_part_words(p)) <= _TITLE_PART_MAX_WORDS for p in cut):
        return head.strip(f" :{_TITLE_SEPARATORS}"), cut
    return title, []


def _part_words(text: str) -> list[str]:
    """The words that make a title part long: a version ("3.1.x", "2.33.0.dev1") is not one
    ("Quickstart — Flask Documentation (3.1.x)" ends in a site part of two words)."""
    return [w for w in _title_words(text) if not w[0].isdigit() and len(w) > 1]


def _title_words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def _held_share(heading: str, title: str, counts: dict[str, Counter[str]] | None = None) -> float:
    """The share of the heading's words (with repeats) that the title holds. counts: each
    text's words counted, kept by a caller that compares the same texts many times."""
    counts = {} if counts is None else counts
    for text in (heading, title):
        if text not in counts:
            counts[text] = Counter(_title_words(text))
    words = counts[heading].total()
    return sum((counts[heading] & counts[title]).values()) / words if words else 0.0


def _title_element_text(tree: Any) -> str | None:
    el = tree.find(".//title")
    return normalize_space(el.text_content()) or None if el is not None else None


def strip_site(title: str, site: str | None) -> str:
    """'Headline | Site Name' -> 'Headline' when the part cut off is the site's name."""
    parts = _TITLE_SPLIT.split(title)
    if len(parts) < 2 or not site:
        return title
    want = _fold_name(site)
    for cut, keep in ((parts[-1], title[: title.rfind(parts[-1])]), (parts[0], title[len(parts[0]) :])):
        if _fold_name(cut) == want:
            return keep.strip(" |–—·•:-") or title
    return title


_DOMAIN_END = r"\.(?:com|org|net|co\.uk|co|de|fr|it|es|com\.br|co\.kr)$"
_HOST_NAME = re.compile(rf"\w{_DOMAIN_END}", re.I)  # "davidbau.com", not "Node.js"


def _fold_name(name: str) -> str:
    """'The Guardian', 'theguardian.com', 'Guardian' -> 'guardian'."""
    name = re.sub(_DOMAIN_END, "", name.strip().casefold())
    name = re.sub(r"^(?:the|www\.)\s*", "", name)
    return re.sub(r"\W+", "", name)


# ---------------------------------------------------------------- htmldate


def _htmldate(tree: Any, url: str | None) -> str | None:
    try:
        from htmldate import find_date

        return find_date(tree, url=url, original_date=True, extensive_search=False, outputformat="%Y-%m-%d")
    except Exception:  # htmldate raises on odd trees; the date is optional
        return None


# ---------------------------------------------------------------- names


_BY = re.compile(r"^\s*(?:(?:(?:posted|written|words|story|text|reporting|photos?|interview)\s+)?(?:by|von|par|por|di|door|av|przez|oleh)\b"
                 r"|(?:authors?|contributors?)(?=\s*:))\s*:?\s*", re.I)
_NAME_SPLIT = re.compile(r"\s*(?:,|;|\||&|/|\band\b|\bund\b|\bet\b|\by\b)\s*", re.I)
# A part of a byline that names a job or a desk, not a person ("AP Auto Writer", "Staff").
_JOB = re.compile(
    r"\b(?:staff|writers?|reporters?|correspondents?|editors?|contributors?|contributing|columnist|producer|wire|"
    r"service|bureau|chief|senior|special|analyst|desk|team|associated press|updated|published|min read)\b",
    re.I,
)
_MAX_NAME_WORDS = 5


def clean_authors(names: list[str]) -> list[str]:
    """['By TOM KRISHER, AP Auto Writer'] -> ['Tom Krisher']: names only, no 'By', no job titles."""
    out: list[str] = []
    for raw in names:
        if _URL.match(raw.strip()):
            continue
        for part in _NAME_SPLIT.split(_BY.sub("", raw)):
            part = _BY.sub("", part).strip(" .:-–—·•@")
            if not part or _JOB.search(part) or len(part.split()) > _MAX_NAME_WORDS or any(c.isdigit() for c in part):
                continue
            if _URL.match(part):
                continue
            if part.isupper() and len(part) > 3:
                part = " ".join(w.capitalize() for w in part.split())
            if part not in out:
                out.append(part)
    return out


# ---------------------------------------------------------------- onto the Document


def apply(doc: Any, rule_fields: dict[str, tuple[Any, Evidence]], meta: HtmlMeta) -> None:
    """Fill the Document: site rules first (DOM, then text extract rules), then what the
    page declares. Fields a rule set are never overwritten."""
    for name, (value, evidence) in rule_fields.items():
        if name == "date":
            value = _iso(value) or value
        if name == "authors":
            value = clean_authors(value if isinstance(value, list) else [value])
        if value:
            setattr(doc, name, value)
            doc.evidence[name] = evidence
    v, ev = meta.values, meta.evidence
    for name, key in (("site", "site"), ("title", "title"), ("subtitle", "subtitle"), ("byline", "byline_raw"),
                      ("date", "date"), ("description", "description")):
        if getattr(doc, name) in (None, "") and v.get(key):
            setattr(doc, name, v[key])
            doc.evidence[name] = ev[key]
    if doc.title and "title" not in rule_fields:
        _title_without_site(doc)
    if not doc.authors:
        names = v.get("author_names") or ([doc.byline] if doc.byline else [])
        doc.authors = clean_authors(names)
        if doc.authors:
            doc.evidence["authors"] = ev.get("author_names") or doc.evidence["byline"]


def _title_without_site(doc: Any) -> None:
    """Cut the site's name off the title: the known site, else the page's host name."""
    title = strip_site(doc.title, doc.site)
    if title == doc.title and not doc.site and doc.url:
        from ..urls import split_address

        host = split_address(doc.url).hostname or ""
        parts = _TITLE_SPLIT.split(doc.title)
        if len(parts) > 1 and host and _fold_name(parts[-1]) == _fold_name(host.removeprefix("www.")):
            title = strip_site(doc.title, parts[-1])
            doc.site, doc.evidence["site"] = parts[-1].strip(), Evidence("title suffix naming the host")
    doc.title = title
