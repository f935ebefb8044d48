"""The peer tools the quality bench runs beside the cleaner, per capture form.

Each peer reads the capture as text and returns plain text. A flattened capture (md, txt)
has no markup, so the HTML extractors read it through the only structure it still has:
lines wrapped as paragraphs, or the markdown rendered to HTML.
"""
from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from typing import Any

_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")

# ISO 639-1 -> jusText stoplist name, for the languages a news crawl meets most.
_STOPLISTS = {
    "en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian",
    "pt": "Portuguese", "nl": "Dutch", "ru": "Russian", "uk": "Ukrainian", "pl": "Polish",
    "cs": "Czech", "sv": "Swedish", "da": "Danish", "no": "Norwegian_Bokmal", "fi": "Finnish",
    "tr": "Turkish", "id": "Indonesian", "ko": "Korean", "ro": "Romanian", "hu": "Hungarian",
    "el": "Greek", "vi": "Vietnamese", "ar": "Arabic", "fa": "Persian", "hi": "Hindi",
}


def keep_everything(text: str) -> str:
    return text


def strip_link_urls(markdown: str) -> str:
    # Images first, so a linked image [![alt](src)](href) disappears whole.
    return _LINK.sub(r"\1", _IMAGE.sub("", markdown))


def lines_as_paragraphs(text: str) -> str:
    """Wrap each non-blank line as a <p>: the only structure a flattened capture still has."""
    body = "".join(f"<p>{html.escape(line)}</p>\n" for line in text.splitlines() if line.strip())
    return f"<html><body>\n{body}</body></html>"


def justext_html(page_html: str, language: str = "en") -> str:
    import justext

    stoplist = justext.get_stoplist(_STOPLISTS.get(language, "English"))
    paragraphs = justext.justext(page_html, stoplist)
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def justext_lines(text: str, language: str = "en") -> str:
    return justext_html(lines_as_paragraphs(text), language)


def justext_lines_page_language(text: str) -> str:
    import py3langid

    return justext_lines(text, str(py3langid.classify(text)[0]))


def trafilatura_html(page_html: str) -> str:
    import trafilatura

    return trafilatura.extract(page_html, include_comments=False) or ""


def readability_html(page_html: str) -> str:
    """readability-lxml's article HTML, as text (its text nodes joined by spaces)."""
    import lxml.html
    from readability import Document as ReadabilityDocument

    summary = ReadabilityDocument(page_html).summary(html_partial=True)
    return " ".join(lxml.html.fromstring(summary).itertext())


def resiliparse_html(page_html: str) -> str:
    from resiliparse.extract.html2text import extract_plain_text

    return extract_plain_text(page_html, main_content=True)


def markdown_html(markdown: str) -> str:
    from markdown_it import MarkdownIt

    return MarkdownIt().render(markdown)


def trafilatura_markdown(markdown: str) -> str:
    return trafilatura_html(markdown_html(markdown))


def trafilatura_lines(text: str) -> str:
    return trafilatura_html(lines_as_paragraphs(text))


def trafilatura_metadata(page_html: str, url: str | None) -> dict[str, Any]:
    """trafilatura's metadata (its extract_metadata, as bare_extraction runs it): author goes to
    byline and, split on ';', to authors. It reads the language only from markup
    (<html lang>, og:locale), which a flattened capture no longer has."""
    from trafilatura.metadata import extract_metadata

    found = extract_metadata(page_html, default_url=url)
    author = getattr(found, "author", None) or None
    return {"title": getattr(found, "title", None), "byline": author,
            "authors": [a.strip() for a in (author or "").split(";") if a.strip()],
            "date": getattr(found, "date", None), "site": getattr(found, "sitename", None),
            "language": getattr(found, "language", None)}


@dataclass(frozen=True)
class Peer:
    label: str
    extract: Callable[[str], str]
    packages: tuple[str, ...] = ()  # distributions whose versions key the on-disk cache

    @property
    def cache_key(self) -> str:
        """The peer's name and the versions of what it runs: a new version is a new cache folder."""
        slug = re.sub(r"[^a-z0-9]+", "-", self.label.lower()).strip("-")
        return "-".join([slug, *(f"{p}{package_version(p)}" for p in self.packages)])


def package_version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "missing"


# The reference table in the bench README uses the English stoplist for every page;
# the second jusText row gives jusText the page's own language, as the cleaner has.
JUSTEXT_EN = "jusText on lines"
JUSTEXT_LANG = "jusText on lines, stoplist by py3langid"
KEEP_EVERYTHING = "keep everything"

_TRAF = ("trafilatura",)
PEERS: dict[str, tuple[Peer, ...]] = {
    "html": (
        Peer("trafilatura, include_comments=False", trafilatura_html, _TRAF),
        Peer("readability-lxml", readability_html, ("readability-lxml", "lxml")),
        Peer("resiliparse (main content)", resiliparse_html, ("resiliparse",)),
        Peer("jusText (English stoplist)", justext_html, ("jusText",)),
    ),
    "md": (
        Peer(KEEP_EVERYTHING, keep_everything),
        Peer("keep everything, link URLs stripped", strip_link_urls),
        Peer(JUSTEXT_EN, justext_lines, ("jusText",)),
        Peer(JUSTEXT_LANG, justext_lines_page_language, ("jusText", "py3langid")),
        Peer("trafilatura on the markdown rendered to HTML", trafilatura_markdown, ("trafilatura", "markdown-it-py")),
    ),
    "txt": (
        Peer(KEEP_EVERYTHING, keep_everything),
        Peer(JUSTEXT_EN, justext_lines, ("jusText",)),
        Peer(JUSTEXT_LANG, justext_lines_page_language, ("jusText", "py3langid")),
        Peer("trafilatura on lines wrapped as paragraphs", trafilatura_lines, _TRAF),
    ),
}

# Peers that only restate the capture: they are baselines, and "best peer" columns include them.
TRIVIAL = {KEEP_EVERYTHING, "keep everything, link URLs stripped"}

# capture set -> how its captures become the HTML trafilatura's metadata reads (the same as its text peer)
META_PEER_HTML: dict[str, Callable[[str], str]] = {"html": keep_everything, "md": markdown_html, "txt": lines_as_paragraphs}
META_PEER = Peer("trafilatura metadata", keep_everything, ("trafilatura", "markdown-it-py"))


def peer_by_label(capture: str, label: str) -> Peer:
    if label == META_PEER.label:
        return META_PEER
    for peer in PEERS[capture]:
        if peer.label == label:
            return peer
    raise KeyError(f"no peer {label!r} for {capture}")
