"""cleaner.html.meta: JSON-LD, <meta> tags, visible bylines and dates, in order of trust."""
from __future__ import annotations

import json

import pytest

from cleaner import clean
from cleaner.html.meta import clean_authors, collect, strip_site
from cleaner.html.parse import parse

BODY = "<p>" + "The council met on Tuesday and voted on the budget for the coming year. " * 6 + "</p>"


def page(head: str = "", body: str = BODY, lang: str = "en") -> str:
    return f'<!DOCTYPE html><html lang="{lang}"><head><title>Page title | Example News</title>{head}</head><body>{body}</body></html>'


def ld(obj: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(obj)}</script>'


def meta_of(html: str, url: str | None = None):  # type: ignore[no-untyped-def]
    p = parse(html)
    return collect(p.tree, p.json_ld, url)


def test_json_ld_article_fields() -> None:
    html = page(ld({
        "@context": "https://schema.org", "@type": "NewsArticle", "headline": "Budget passes",
        "author": [{"@type": "Person", "name": "Jane Roe"}, {"@type": "Person", "name": "John Doe"}],
        "datePublished": "2019-11-19T23:30:00-05:00", "publisher": {"@type": "Organization", "name": "Example News"},
        "description": "The council voted.", "inLanguage": "en-US",
    }))
    v = meta_of(html).values
    assert v["title"] == "Budget passes"
    assert v["author_names"] == ["Jane Roe", "John Doe"]
    assert v["date"] == "2019-11-19"  # the date as the page prints it, not moved to UTC
    assert v["site"] == "Example News"
    assert v["description"] == "The council voted."


def test_json_ld_graph_and_type_lists() -> None:
    html = page(ld({"@graph": [
        {"@type": "WebPage", "name": "Page name", "datePublished": "2019-01-01"},
        {"@type": ["Article", "NewsArticle"], "headline": "From the graph", "datePublished": "2019-11-19"},
    ]}))
    v = meta_of(html).values
    assert v["title"] == "From the graph"
    assert v["date"] == "2019-11-19"


def test_article_objects_beat_meta_tags_which_beat_page_objects() -> None:
    html = page(
        ld({"@type": "VideoObject", "uploadDate": "2019-10-11", "name": "An embedded clip"})
        + '<meta property="article:published_time" content="2019-11-19T02:34:30Z">'
        + '<meta property="og:title" content="OG title">'
    )
    m = meta_of(html)
    assert m.values["date"] == "2019-11-19"  # not the embedded video's upload date
    assert m.evidence["date"].source == "meta article:published_time"
    assert m.values["title"] == "OG title"


def test_broken_json_ld_is_skipped() -> None:
    html = page('<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script><meta property="og:title" content="Fallback">')
    assert meta_of(html).values["title"] == "Fallback"


def test_author_meta_that_is_a_profile_url_is_no_name() -> None:
    html = page('<meta property="article:author" content="https://www.facebook.com/someone"><meta name="author" content="Jane Roe">')
    assert meta_of(html).values["author_names"] == ["Jane Roe"]


def test_visible_byline_and_time_when_nothing_is_declared() -> None:
    body = '<div class="byline">By <a rel="author" href="/jane">Jane Roe</a></div><time datetime="2020-03-04T10:00">March 4</time>' + BODY
    m = meta_of(page(body=body))
    assert m.values["byline_raw"] == "By Jane Roe"  # as printed
    assert m.values["date"] == "2020-03-04"
    assert m.evidence["date"].source == "visible <time>"


def test_a_byline_box_printing_only_the_date_names_no_one() -> None:
    # The weekday of "Sat, 20 Dec, 2025" was read as a name: authors ['Sat'].
    body = '<h1>Council passes budget</h1><div class="author-date">Sat, 20 Dec, 2025 - 06:36</div>' + BODY
    assert "byline_raw" not in meta_of(page(body=body)).values
    body = '<h1>Council passes budget</h1><div class="author-date">Eliz · Sat, 20 Dec, 2025</div>' + BODY
    assert meta_of(page(body=body)).values["byline_raw"] == "Eliz · Sat, 20 Dec, 2025"


def test_htmldate_is_the_last_resort_for_the_date() -> None:
    m = meta_of(page(), url="https://example.com/2018/07/21/some-story/")
    assert m.values["date"] == "2018-07-21"
    assert m.evidence["date"].source == "htmldate"


def test_declared_language() -> None:
    assert meta_of(page(lang="pt-BR")).values["declared_language"] == "pt"
    no_lang = "<html><head><meta property='og:locale' content='de_DE'></head><body><p>x</p></body></html>"
    assert meta_of(no_lang).values["declared_language"] == "de"


@pytest.mark.parametrize(
    "names, want",
    [
        (["By TOM KRISHER, AP Auto Writer"], ["Tom Krisher"]),
        (["Sarah E. Needleman"], ["Sarah E. Needleman"]),
        (["Jane Roe and John Doe"], ["Jane Roe", "John Doe"]),
        (["Staff Reporter"], []),
        (["Reuters"], ["Reuters"]),
        (["https://www.facebook.com/x", "Jane Roe", "Jane Roe"], ["Jane Roe"]),
    ],
)
def test_clean_authors(names: list[str], want: list[str]) -> None:
    assert clean_authors(names) == want


@pytest.mark.parametrize(
    "title, site, want",
    [
        ("Budget passes | Example News", "Example News", "Budget passes"),
        ("Budget passes - The Guardian", "The Guardian", "Budget passes"),
        ("The Guardian view on Hong Kong: a city on the brink | Editorial", "The Guardian", "The Guardian view on Hong Kong: a city on the brink | Editorial"),
        ("Budget: what it means", "Example News", "Budget: what it means"),
        ("Example News | Budget passes", "example news", "Budget passes"),
    ],
)
def test_strip_site(title: str, site: str, want: str) -> None:
    assert strip_site(title, site) == want


# --- onto the Document, through the pipeline -----------------------------------------------


def test_trust_order_in_the_document() -> None:
    html = page(
        ld({"@type": "NewsArticle", "headline": "JSON-LD headline", "author": {"name": "By JANE ROE, Staff Writer"}, "datePublished": "2019-11-19"})
        + '<meta property="og:title" content="OG title"><meta property="og:site_name" content="Example News">'
    )
    doc = clean(html, explain=True)
    assert doc.kind == "html"
    assert doc.title == "JSON-LD headline"
    assert doc.byline == "By JANE ROE, Staff Writer"
    assert doc.authors == ["Jane Roe"]
    assert doc.date == "2019-11-19"
    assert doc.site == "Example News"
    assert doc.language == "en"
    assert str(doc.evidence["title"]) == "JSON-LD NewsArticle"


def test_title_suffix_naming_the_host_becomes_the_site() -> None:
    html = "<html><head><title>Why it matters - Entermedia</title></head><body>" + BODY + "</body></html>"
    doc = clean(html, url="http://entermedia.co.kr/news/view?idx=1")
    assert doc.title == "Why it matters"
    assert doc.site == "Entermedia"


def test_the_dateline_opening_the_body_is_read() -> None:
    body = "<article><h1>Budget passes</h1><p>HAYWARD, Calif. (AP) — " + BODY[3:] + "</article>"
    doc = clean(page(body=body), explain=True)
    assert doc.dateline == "HAYWARD, Calif. (AP)"
    assert doc.site == "The Associated Press"  # the page names no site of its own
    assert doc.text.startswith("HAYWARD, Calif. (AP) — The council")  # the dateline stays in the body
    named = clean(page('<meta property="og:site_name" content="Example News">', body=body))
    assert (named.dateline, named.site) == ("HAYWARD, Calif. (AP)", "Example News")
    assert clean(page(body=BODY)).dateline is None


def test_declared_language_is_checked_against_the_body() -> None:
    german = "<p>" + "Der Gemeinderat hat am Dienstag über den Haushalt für das kommende Jahr abgestimmt. " * 8 + "</p>"
    doc = clean(page(body=german, lang="en"), explain=True)
    assert doc.language == "de"
    assert "declares en" in str(doc.evidence["language"])
    short = clean(page(body="<p>Der Rat hat abgestimmt, sagte er.</p>", lang="en"))
    assert short.language == "en"  # too little text to overrule the page


def test_metadata_lines_leave_the_body() -> None:
    body = (
        '<article><h1>Budget passes</h1><p>By Jane Roe</p><p>Nov. 19, 2019</p>'
        + BODY + "<p>Officials said the vote was close, and the mayor thanked the council for its work.</p></article>"
    )
    doc = clean(page(ld({"@type": "NewsArticle", "headline": "Budget passes"}), body=body), explain=True)
    assert doc.text.startswith("The council met on Tuesday")
    reasons = {str(b.drop) for b in doc.blocks if b.drop}
    assert {"metadata:title", "metadata:byline", "metadata:date"} <= reasons


def test_displayed_headline_beats_a_declared_seo_variant() -> None:
    html = page('<meta property="og:title" content="Budget 2026: council passes the budget - Example News">',
                body="<h1>Example News</h1><h1>The council passes the budget</h1>" + BODY)
    m = meta_of(html, "https://example.com/budget")
    assert m.values["title"] == "The council passes the budget"  # not the logo <h1>, not the og:title
    assert m.evidence["title"].source == "visible <h1> matching the declared title"


def test_an_article_h1_rewording_seo_titles_is_the_headline() -> None:
    # Half the <h1>'s words are in the declared titles, which all carry the site's name.
    head = ('<meta property="og:type" content="article">'
            '<meta property="og:title" content="Council budget passes for 2026 | Example News">')
    body = "<h1>The council passes its budget for 2026 at last</h1>" + BODY
    m = meta_of(page(head, body))
    assert m.values["title"] == "The council passes its budget for 2026 at last"
    assert m.evidence["title"].source.startswith("visible <h1> on an article page, rewording SEO titles")


@pytest.mark.parametrize("head, body", [
    # Not an article page: a shop's or a service's <h1> is a slogan beside its declared title.
    ('<meta property="og:title" content="Council budget passes for 2026 | Example News">',
     "<h1>The council passes its budget for 2026 at last</h1>"),
    # A declared title with no site part is the headline the site chose (news bench: usatoday.com).
    ('<meta property="og:type" content="article"><meta property="og:title" content="Council budget passes for 2026">',
     "<h1>The council passes its budget for 2026 at last</h1>"),
    # Two different <h1>s: which one is the headline is not known.
    ('<meta property="og:type" content="article"><meta property="og:title" content="Council budget passes for 2026 | Example News">',
     "<h1>The council passes its budget for 2026 at last</h1><h1>Council vote ends at last tonight</h1>"),
])
def test_a_rewording_h1_stays_unused(head: str, body: str) -> None:
    assert meta_of(page(head, body + BODY)).values["title"] == "Council budget passes for 2026"


def test_an_h1_unrelated_to_the_only_title_replaces_a_site_tagline() -> None:
    html = ("<html><head><title>Example - The heart of the web</title></head><body><main>"
            "<h1>Enameled cast iron pan and metal</h1>" + BODY + "</main></body></html>")
    m = meta_of(html, "https://example.com/r/cooking/1")
    assert m.values["title"] == "Enameled cast iron pan and metal"
    assert m.evidence["title"].source.startswith("visible <h1> in the main content, unrelated")


@pytest.mark.parametrize("head, body", [
    ('<meta property="og:title" content="The heart of the web">', "<main><h1>Enameled cast iron pan and metal</h1>"),  # declared twice
    ("", "<h1>Enameled cast iron pan and metal</h1><main>"),  # not in the main content
    ("", "<main><header><h1>Enameled cast iron pan and metal</h1></header>"),  # the main content's header
])
def test_an_unrelated_h1_outside_the_main_content_or_beside_og_title_stays_unused(head: str, body: str) -> None:
    html = f"<html><head><title>Example - The heart of the web</title>{head}</head><body>{body}{BODY}</main></body></html>"
    assert meta_of(html, "https://example.com/r/cooking/1").values["title"] == "The heart of the web"


@pytest.mark.parametrize("href, want", [
    ("/", "Small adventures with models"),  # the home page: a blog's name, not the headline
    ("https://www.example.com/", "Small adventures with models"),
    ("/blog/small-adventures", "Data Blog"),  # the post's own address: a linked headline
    ("#", "Data Blog"),
])
def test_an_h1_linking_to_the_home_page_is_a_logo(href: str, want: str) -> None:
    html = page('<meta property="og:title" content="Small adventures with models">',
                body=f'<h1><a href="{href}">Data Blog</a></h1>' + BODY)
    html = html.replace("<title>Page title | Example News</title>", "<title>Data Blog: Small adventures with models</title>")
    assert meta_of(html, "https://example.com/2025/12/small-adventures").values["title"] == want


def test_a_date_and_date_line_inside_the_h1_are_not_the_headline() -> None:
    html = page('<meta property="og:title" content="Preparing a transition in the archive">',
                body='<h1><a href="/blog/transition"><time datetime="2025-12-18">Dec 18 2025</time> Preparing a transition'
                     ' in the archive</a></h1>' + BODY)
    assert meta_of(html).values["title"] == "Preparing a transition in the archive"
    p = parse(page('<meta property="og:title" content="Top ways to tune the archive server">',
                   body="<h1>Top ways to tune the archive server for speed<h3>Posted on <time>July 1, 2024</time>"
                        " by admin</h3></h1>" + BODY))
    m = collect(p.tree, p.json_ld, None)
    assert m.values["title"] == "Top ways to tune the archive server for speed"


def test_an_h1_repeating_a_middle_part_of_the_title_is_the_headline() -> None:
    html = page('<meta property="og:title" content="Budget software | Budget tools | Try it - Example News">',
                body="<h1>Budget tools</h1>" + BODY)
    assert meta_of(html, "https://example.com/budget-tools").values["title"] == "Budget tools"
    html = page('<meta property="og:title" content="Budget software | Budget tools">', body="<h1>Budget tools</h1>" + BODY)
    assert meta_of(html, "https://example.com/budget-tools").values["title"] == "Budget software"  # a site's name


def test_an_unrelated_h1_leaves_the_declared_title_without_its_site() -> None:
    html = page('<meta property="og:title" content="Budget passes | Example News">', body="<h1>Menu</h1>" + BODY)
    assert meta_of(html).values["title"] == "Budget passes"


def test_a_title_naming_only_the_site_gives_way_to_the_h1() -> None:
    html = page('<meta property="og:title" content="| Example News">', body="<h1>Electronic gadgets</h1>" + BODY)
    m = meta_of(html)
    assert m.values["title"] == "Electronic gadgets"
    assert m.evidence["title"].source == "visible <h1> under a title naming only the site"


def test_soft_hyphens_leave_the_title() -> None:
    html = page('<meta property="og:title" content="Home Repair Assis\u00adtance Program">')
    assert meta_of(html).values["title"] == "Home Repair Assistance Program"


def test_entities_escaped_twice_are_decoded() -> None:
    html = page('<meta property="og:title" content="The caterer&amp;#8217;s tools &amp;amp; spreadsheets">')
    assert meta_of(html).values["title"] == "The caterer’s tools & spreadsheets"


@pytest.mark.parametrize("title, want", [
    ("Headline | Site Name", "Headline"),
    ("Example News | A long headline about the budget", "A long headline about the budget"),
    ("Budget talks - Opposition walks out of the council chamber for good", "Budget talks - Opposition walks out of the council chamber for good"),
    ("Wedding planning tools - Caterer spreadsheet - Happily Connected", "Wedding planning tools"),
    ("No separator here", "No separator here"),
    ("Why the ISO changed / Distro Discussion / Example Forums", "Why the ISO changed"),
    ("Quickstart — Flask Documentation (3.1.x)", "Quickstart"),  # a version is no word of the site part
    ("Marathon in a year » Take The Step", "Marathon in a year"),
    ("| Example News", ""),  # the CMS left the page's own title out
    ("New to astronomy – Best first telescope?", "New to astronomy – Best first telescope?"),  # no site asks
    ("examplenews.com Vibe coding", "Vibe coding"),  # the host's name before the headline
    ("Examplenews 2 is out", "Examplenews 2 is out"),  # the site's name as the headline's subject
    # Chinese and Japanese sites join the parts without spaces; an underscore elsewhere is a word's.
    ("前三季度经济数据发布_新闻中心_某某网", "前三季度经济数据发布"),
    ("前三季度经济数据发布｜某某网", "前三季度经济数据发布"),
    ("commit_hook - Examplenews", "commit_hook"),
    ("snake_case naming", "snake_case naming"),
])
def test_split_title(title: str, want: str) -> None:
    from cleaner.html.meta import split_title

    assert split_title(title, {"examplenews"})[0] == want


def test_an_author_page_link_by_the_headline_is_the_byline() -> None:
    body = '<h1>Budget passes</h1><div><a href="/authors/jane-roe">Jane Roe</a></div>' + BODY
    m = meta_of(page(body=body))
    assert m.values["byline_raw"] == "Jane Roe"
    assert m.evidence["byline_raw"].source == "visible link to an author page"


def test_a_written_by_line_by_the_headline_is_the_byline() -> None:
    body = '<h1>Budget passes</h1><p>Written by Jane Roe</p>' + BODY
    assert meta_of(page(body=body)).values["byline_raw"] == "Written by Jane Roe"


@pytest.mark.parametrize("body", [
    '<h1>Budget passes</h1><a href="/users/login">Log In</a>',  # not an author path, not a name
    '<h1>Budget passes</h1><a href="/authors/">Sign in</a>',
    '<h1>Budget passes</h1><ul><li>By use case</li></ul>',  # a menu, not a name
    '<p>Written by Jane Roe</p>',  # no headline to sit by
    '<h1>Budget passes</h1>' + BODY * 200 + '<p>Written by Jane Roe</p>',  # far from the headline
])
def test_links_and_by_lines_that_are_no_byline(body: str) -> None:
    assert "byline_raw" not in meta_of(page(body=body + BODY)).values


def test_a_section_label_is_not_the_headline() -> None:
    html = page('<meta property="og:title" content="Opinion | Republicans are following the mayor to nowhere">',
                body="<h1>Republicans are following the mayor to nowhere</h1><h1>Opinion</h1>" + BODY)
    assert meta_of(html).values["title"] == "Republicans are following the mayor to nowhere"
    html = page('<meta property="og:title" content="The council votes on the budget for next year - Reviews">',
                body="<h1>Reviews</h1>" + BODY)
    assert meta_of(html).values["title"] == "The council votes on the budget for next year"


def test_the_date_shown_under_the_headline_beats_a_later_declared_one() -> None:
    # The page was re-stamped (a migration): it declares a later date than it shows under its <h1>.
    html = page(ld({"@type": "Article", "headline": "Budget passes", "datePublished": "2025-06-24T19:35:44+00:00"}),
                body='<h1>Budget passes</h1><div class="meta"><span>Jane Roe</span> <span>August 25, 2024</span></div>' + BODY)
    m = meta_of(html)
    assert m.values["date"] == "2024-08-25"
    assert m.evidence["date"].source == "visible date line under the headline"


def test_a_shown_update_fills_no_more_than_an_empty_date() -> None:
    body = '<h1>Budget passes</h1><div class="meta"><span>Updated on</span> <span>April 19, 2025</span></div>' + BODY
    declared = ld({"@type": "Article", "headline": "Budget passes", "datePublished": "2021-08-12T19:35:44+00:00"})
    assert meta_of(page(declared, body=body)).values["date"] == "2021-08-12"  # the publication's, declared
    m = meta_of(page(body=body))
    assert m.values["date"] == "2025-04-19"
    assert m.evidence["date"].source == "visible date line under the headline, labelled updated"


def test_a_date_line_under_the_headline_when_nothing_is_declared() -> None:
    body = '<header><h1>Budget passes</h1><p>Three decades of votes</p><p class="small">Dec 12, 2025 · 6 min read</p></header>' + BODY
    assert meta_of(page(body=body)).values["date"] == "2025-12-12"


@pytest.mark.parametrize("shown", [
    "December 18, 2025",  # a day apart: one moment in two time zones
    "March 3, 2026",  # later: an update shown without its label
])
def test_a_declared_date_stands_against_a_shown_date_a_day_apart_or_later(shown: str) -> None:
    html = page('<meta property="article:published_time" content="2025-12-19T02:10:00+00:00">',
                body=f'<article><h1>Budget passes</h1><p>Posted on {shown} by Jane Roe</p>' + BODY + "</article>")
    assert meta_of(html).values["date"] == "2025-12-19"


@pytest.mark.parametrize("body", [
    '<p>December 18, 2025</p>' + BODY,  # no headline to sit by
    '<h1>Budget passes</h1>' + BODY + '<p>The council first met on December 18, 2025, and again a week later to vote.</p>',  # a sentence
    '<h1>Budget passes</h1><p>Joined: Jul 24, 2017</p>' + BODY,  # a member's date
    '<h1>Budget passes</h1><table><tr><td>1/1/2013</td><td>+13.1%</td></tr></table>' + BODY,  # a table's data
    '<h1>Budget passes</h1>' + BODY + "".join(f'<div><a href="/p{d}">Post {d}</a><p>March {d}, 2025</p></div>' for d in (3, 9, 21)),  # other posts
])
def test_no_date_line_by_the_headline(body: str) -> None:
    assert meta_of(page('<meta property="article:published_time" content="2019-11-19">', body=body)).values["date"] == "2019-11-19"



def test_the_first_poster_of_a_thread_is_the_byline() -> None:
    # The avatar's link comes first ("J Offline" is no name); the name link to the same
    # member follows; a later reply's author is not the thread's.
    body = ('<h1>Which editor do you use?</h1><div class="post"><a href="/user/julian"><img src="a.png">'
            '<span>J</span> Offline</a><a href="/user/julian">julian</a><p>I use vim.</p></div>'
            '<div class="post"><a href="/user/jonb">JonB</a><p>Emacs here.</p></div>') + BODY
    m = meta_of(page(body=body))
    assert m.values["byline_raw"] == "julian"
    assert m.evidence["byline_raw"].source == "visible link to a member's profile"
    phpbb = '<h1>Boot fails</h1><dl class="postprofile"><dt><a href="./memberlist.php?mode=viewprofile&u=421190">b.scherer</a></dt></dl>'
    assert meta_of(page(body=phpbb + BODY)).values["byline_raw"] == "b.scherer"
    # A sign-in page under /user/, another site's member and a social icon's link name no member.
    for other in ('<a href="/user/login">Log in</a>', '<a href="https://video.example/user/channel">Video</a>', '<a class="social-icon" href="https://social.example/profile.php?id=1000">Share</a>'):
        assert meta_of(page(body=phpbb.replace("./memberlist.php?mode=viewprofile&u=421190", "#") + other + BODY)).values.get("byline_raw") is None


def test_the_printed_byline_naming_every_declared_author_is_the_byline() -> None:
    head = ld({"@type": "NewsArticle", "headline": "Budget passes",
               "author": [{"@type": "Person", "name": "Jared Newman"}, {"@type": "Person", "name": "Sam Singleton"}]})
    body = '<h1>Budget passes</h1><p class="byline">By Jared Newman and Sam Singleton | Jan 2, 2025</p>' + BODY
    m = meta_of(page(head, body))
    assert m.values["byline_raw"] == "By Jared Newman and Sam Singleton"
    assert m.values["author_names"] == ["Jared Newman", "Sam Singleton"]
    # A printed line that leaves a declared author out is not the byline.
    body = '<h1>Budget passes</h1><p class="byline">By Jared Newman</p>' + BODY
    assert meta_of(page(head, body)).values["byline_raw"] == "Jared Newman, Sam Singleton"


@pytest.mark.parametrize("marked, found", [
    ('<span class="Post-AUTHOR">Jane Roe</span>', True),  # a class in capitals
    ('<div id="ArticleByline">Jane Roe</div>', True),  # an id
    ('<li class="meta"><a rel="Author" href="/jane">Jane Roe</a></li>', True),  # rel, not a class
    ('<p><span itemprop="author">Jane Roe</span></p>', True),
    ('<section class="author">Jane Roe</section>', False),  # not a byline tag
    ('<div class="author-bio">Jane Roe</div>', False),  # a biography's box
])
def test_the_elements_a_byline_is_read_from(marked: str, found: bool) -> None:
    byline = meta_of(page(body="<h1>Budget passes</h1>" + marked + BODY)).values.get("byline_raw")
    assert (byline == "Jane Roe") is found


def test_short_texts_read_from_children_agree_with_each_elements_own_reading() -> None:
    from cleaner.html.meta import Elements, _short_text, _short_texts

    body = parse(
        "<html><body><div id=a>Top <span>Jan <b>14</b>,</span>\n 2024 <i></i>tail"
        "<div><p>" + "long text " * 20 + "</p><p>short</p></div>"
        "<ul><li>one</li> <li>two <em>2</em></li></ul></div><p>after</p></body></html>"
    ).tree.find("body")
    elements = Elements.of(body).all
    for limit in (5, 20, 80, 400):
        # The whole page, and a run that ends inside <div id=a> (its later children are
        # read from the page).
        for run in (elements, elements[:6]):
            texts = _short_texts(run, limit)
            assert texts == {el: _short_text(el, limit) for el in run}
    assert _short_texts(elements, 80)[elements[1]] is None  # <div id=a> holds the long <p>
    assert _short_texts(elements, 80)[elements[2]] == "Jan 14 ,"


def test_elements_mark_the_first_h1_in_page_order() -> None:
    from cleaner.html.meta import Elements

    body = parse(
        "<html><body><div><p>menu</p><section><h1>First</h1></section></div>"
        "<!-- a comment --><h1>Second</h1></body></html>"
    ).tree.find("body")
    page = Elements.of(body)
    assert page.h1 is not None and page.all[page.h1].text == "First"
    assert Elements.of(parse("<html><body><h2>No h1</h2><p>text</p></body></html>").tree.find("body")).h1 is None
    alone = parse("<html><body><h1>Alone</h1></body></html>").tree.find(".//h1")
    assert Elements.of(alone).h1 == 0  # a reading rooted at the <h1> itself


def test_the_evidence_names_the_first_listed_json_ld_type_under_any_hash_seed() -> None:
    # Set order follows string hashing, which changes from one Python process to the next.
    import os
    import subprocess
    import sys

    html = page(ld({"@type": ["BlogPosting", "Article"], "headline": "A headline from JSON-LD", "datePublished": "2024-01-02"}))
    script = "import sys, cleaner; print(cleaner.clean(sys.stdin.read(), explain=True).evidence['title'])"
    seen = set()
    for seed in ("0", "1", "2", "3", "4", "5"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        run = subprocess.run([sys.executable, "-c", script], input=html, capture_output=True, text=True, env=env, check=True)
        seen.add(run.stdout.strip())
    assert seen == {"JSON-LD blogposting"}


def test_a_person_items_name_is_the_byline_not_its_scores() -> None:
    # A Q&A site's author box: the name between a reputation score and badge counts.
    body = ('<h1>How do I cater for forty?</h1><div itemprop="author" itemscope itemtype="https://schema.org/Person">'
            '<a href="/users/4818/kumiko">KumikoGoingCrAzY</a><meta itemprop="name" content="KumikoGoingCrAzY">'
            '<span>159</span><span>1 silver badge</span></div>') + BODY
    m = meta_of(page(body=body))
    assert m.values["byline_raw"] == "KumikoGoingCrAzY"
    assert m.evidence["byline_raw"].source == "visible itemprop=author Person, its name"


def test_an_author_referred_to_by_id_is_read_from_the_graph() -> None:
    html = page(ld({"@context": "https://schema.org", "@graph": [
        {"@type": "BlogPosting", "headline": "Budget passes", "author": {"@id": "https://example.com/#/person/1"}},
        {"@type": "Person", "@id": "https://example.com/#/person/1", "name": "Jane Roe"},
    ]}))
    assert meta_of(html).values["author_names"] == ["Jane Roe"]


def test_a_questions_author_is_the_pages() -> None:
    html = page(ld({"@context": "https://schema.org", "@type": "QAPage", "mainEntity": {
        "@type": "Question", "name": "Is consulting worth it?", "author": {"@type": "Person", "name": "AtlanG"}}}))
    assert meta_of(html).values["author_names"] == ["AtlanG"]


@pytest.mark.parametrize("label", ["Author", "The Author", "Topic Author", "Written by", "By:"])
def test_a_label_without_a_name_gives_way_to_the_byline_after_it(label: str) -> None:
    body = f'<h1>Budget passes</h1><div class="author-label">{label}</div><div class="byline">By Jane Roe</div>' + BODY
    assert meta_of(page(body=body)).values["byline_raw"] == "By Jane Roe"


def test_a_later_author_tag_naming_every_author_wins() -> None:
    head = '<meta name="DC.Creator" content="Jane Roe">' + "".join(
        f'<meta name="citation_authors" content="{n}">' for n in ("Jane Roe", "John Doe", "Ann Poe"))
    assert meta_of(page(head)).values["author_names"] == ["Jane Roe", "John Doe", "Ann Poe"]


@pytest.mark.parametrize("account", ["denise.everheart", "deverheart42", "kffeverheart"])
def test_a_declared_account_name_gives_way_to_the_printed_name(account: str) -> None:
    head = f'<meta name="author" content="{account}">'
    body = '<h1>Budget passes</h1><div class="byline">Denise Everheart</div>' + BODY
    m = meta_of(page(head, body))
    assert m.values["byline_raw"] == "Denise Everheart"
    assert m.values["author_names"] == ["Denise Everheart"]


@pytest.mark.parametrize("declared", ["Cleveland Clinic", "AppleInsider"])
def test_a_declared_name_is_not_an_account_name(declared: str) -> None:
    head = f'<meta name="author" content="{declared}">'
    body = '<h1>Budget passes</h1><div class="byline">Denise Everheart</div>' + BODY
    assert meta_of(page(head, body)).values["byline_raw"] == declared


def test_an_account_name_that_spells_no_printed_name_stays() -> None:
    head = '<meta name="author" content="kevin-r">'
    body = '<h1>Budget passes</h1><div class="byline">David Jeans</div>' + BODY
    assert meta_of(page(head, body)).values["author_names"] == ["kevin-r"]


def test_a_team_of_author_links_gives_every_name() -> None:
    body = ('<h1>Budget passes</h1><div><a href="/author/jane-roe">Jane Roe</a>, <a href="/author/john-doe">John Doe</a>'
            ' and <a href="/author/ann-poe">Ann Poe</a></div>') + BODY
    m = meta_of(page('<meta name="author" content="Jane Roe">', body))
    assert m.values["byline_raw"] == "Jane Roe, John Doe and Ann Poe"


@pytest.mark.parametrize(("line", "byline"), [
    ("By Dr. Vahid Osman - Mar 27, 2024", "By Dr. Vahid Osman"),
    ("by Amanda · Dec 20, 2025 at 3:00 am · One comment so far", "by Amanda"),
])
def test_a_by_line_with_its_date_is_the_byline(line: str, byline: str) -> None:
    body = f'<h1>Budget passes</h1><div>{line}</div>' + BODY
    assert meta_of(page(body=body)).values["byline_raw"] == byline


def test_one_word_after_by_without_a_date_is_no_byline() -> None:
    assert "byline_raw" not in meta_of(page(body='<h1>Budget passes</h1><div>By design</div>' + BODY)).values


def test_the_thread_starter_by_the_headline_wins_over_a_best_answer_above_the_first_post() -> None:
    def item(name: str) -> str:
        return (f'<section itemprop="author" itemscope itemtype="https://schema.org/Person">'
                f'<a href="/members/{name.lower()}.1/">{name}</a><meta itemprop="name" content="{name}"></section>')
    body = ('<h1>PC will not boot</h1><p>Thread starter <a href="/members/samuelmiz.2/">SamuelMIz</a></p>'
            + item("Ralston") + "<p>Solution</p>" + item("SamuelMIz") + BODY)
    assert meta_of(page(body=body), "https://forum.example.com/threads/1").values["byline_raw"] == "SamuelMIz"


def test_a_post_editors_card_is_not_the_first_poster() -> None:
    body = ('<h1>DHCP gives no DNS record</h1>' + BODY
            + '<div class="user-info"><div>edited <span>Oct 16, 2023 at 12:58</span></div>'
            '<div class="user-details"><a href="/users/20701/greg-askew">Greg Askew</a></div></div>'
            '<div class="user-info"><div>asked <span>Oct 16, 2023</span></div>'
            '<div class="user-details"><a href="/users/1/eduardo">Eduardo Poças</a></div></div>')
    assert meta_of(page(body=body), "https://serverfault.com/questions/1").values["byline_raw"] == "Eduardo Poças"


def test_an_author_named_in_place_wins_over_one_referred_to() -> None:
    html = page(ld({"@context": "https://schema.org", "@graph": [
        {"@type": "Article", "headline": "Budget passes", "author": {"@id": "#jane"}},
        {"@type": "Person", "@id": "#jane", "name": "Jane Roe"},
    ]}) + ld({"@type": "NewsArticle", "headline": "Budget passes", "author": {"@type": "Person", "name": "jane-r"}}))
    assert meta_of(html).values["author_names"] == ["jane-r"]


@pytest.mark.parametrize("credit", ["Podium Staff", "By the Lavazza Team", "By The Currency editors"])
def test_a_team_credit_is_the_byline_when_no_person_is_named(credit: str) -> None:
    body = f'<h1>Budget passes</h1><div class="author-name">{credit}</div>' + BODY
    assert meta_of(page(body=body)).values["byline_raw"] == credit


def test_a_person_named_after_a_team_credit_wins() -> None:
    body = '<h1>Budget passes</h1><div class="author">Podium Staff</div><p>By Jane Roe</p>' + BODY
    assert meta_of(page(body=body)).values["byline_raw"] == "By Jane Roe"


def test_a_byline_with_a_job_after_the_name() -> None:
    body = '<h1>Budget passes</h1><span class="byline-author">By Keith Barry Senior Autos Reporter</span>' + BODY
    assert meta_of(page(body=body)).values["byline_raw"] == "By Keith Barry Senior Autos Reporter"


def test_a_marked_name_inside_a_byline_box_with_the_date_wins() -> None:
    body = ('<h1>Budget passes</h1><div class="article-author-wrap"><span>by <a rel="author" href="/profile/jane">Jane Roe</a>'
            '</span><time>19 Nov 2019 05:44 GMT</time></div>') + BODY
    m = meta_of(page(ld({"@type": "NewsArticle", "headline": "Budget passes", "author": {"@type": "Person", "name": "Jane Roe"}}), body))
    assert m.values["byline_raw"] == "Jane Roe"


@pytest.mark.parametrize("placeholder", ["page.head.extra.author", "{{ post.author }}", "%author%"])
def test_a_template_placeholder_is_no_author(placeholder: str) -> None:
    body = '<h1>Budget passes</h1><span class="post-author">Jane Roe</span>' + BODY
    m = meta_of(page(f'<meta name="author" content="{placeholder}">', body))
    assert m.values["byline_raw"] == "Jane Roe"
    assert "author_names" not in m.values


def test_a_dotted_account_name_is_no_placeholder() -> None:
    assert meta_of(page('<meta name="author" content="sara.r.peter">')).values["author_names"] == ["sara.r.peter"]


@pytest.mark.parametrize("line", ["Jane Roe December 17, 2025", "Sep 01, 2023 Jane Roe", "2025-12-17 · Jane Roe"])
def test_a_byline_box_printing_the_name_beside_the_date(line: str) -> None:
    body = f'<h1>Budget passes</h1><div class="post-author">{line}</div>' + BODY
    assert meta_of(page(body=body)).values["byline_raw"] == "Jane Roe"


def test_a_site_beside_a_date_label_is_no_name() -> None:
    body = '<h1>Budget passes</h1><div class="post-author">TopGear.com Published: 17 Dec 2025</div>' + BODY
    assert meta_of(page(body=body)).values.get("byline_raw") != "TopGear.com Published"


def test_the_name_element_of_a_byline_box_with_a_job_or_a_biography() -> None:
    bio = "Jane Roe covers the council. " * 8
    for box in ('<div class="author-info"><div class="name">Jane Roe</div><div class="job">Writer</div></div>',
                f'<div class="author-box"><h4 class="author-box__name">Jane Roe</h4><p>{bio}</p></div>'):
        assert meta_of(page(body='<h1>Budget passes</h1>' + box + BODY)).values["byline_raw"] == "Jane Roe"
    label = f'<div class="author-box"><span class="label-name">Written By</span><p>{bio}</p></div>'
    assert "byline_raw" not in meta_of(page(body='<h1>Budget passes</h1>' + label + BODY)).values


@pytest.mark.parametrize(("line", "byline"), [
    ("Jan 30, 2025 Written by Jane Roe", "Written by Jane Roe"),

    ("12/19 — 2025 by ibby", "by ibby"),
    ("by JANE ROE on Jan 22, 2025", "by JANE ROE on Jan 22, 2025"),
])
def test_a_by_line_after_its_date_or_with_on_before_the_date(line: str, byline: str) -> None:
    body = f'<h1>Budget passes</h1><p>{line}</p>' + BODY
    assert meta_of(page(body=body)).values["byline_raw"] == byline


def test_words_before_a_by_are_no_date() -> None:
    assert "byline_raw" not in meta_of(page(body='<h1>Budget passes</h1><p>Sorted by Jane Roe</p>' + BODY)).values


def test_a_printed_writer_joins_the_site_declared_as_the_author() -> None:
    head = '<meta property="og:site_name" content="Glossy"><meta name="author" content="Glossy">'
    body = '<h1>Budget passes</h1><div class="post-author">Jane Roe August 25, 2024</div>' + BODY
    m = meta_of(page(head, body), "https://glossy.example/blog/budget")
    assert m.values["byline_raw"] == "Jane Roe"
    assert m.values["author_names"] == ["Jane Roe", "Glossy"]
    # Not a person's page that the body links to ("/topics/people/…"), nor beside a declared person.
    body = '<h1>Budget passes</h1><p>Said <a href="/topics/people/john-doe">John Doe</a> today.</p>' + BODY
    assert meta_of(page(head, body), "https://glossy.example/blog/budget").values["author_names"] == ["Glossy"]
    body = '<h1>Budget passes</h1><div class="post-author">Jane Roe August 25, 2024</div>' + BODY
    assert meta_of(page('<meta name="author" content="Ann Poe">', body)).values["author_names"] == ["Ann Poe"]


@pytest.mark.parametrize("line", ["Interview by Jane Roe", "Contributors: Jane Roe"])
def test_interview_and_contributor_labels(line: str) -> None:
    m = meta_of(page(body=f'<h1>Budget passes</h1><p>{line}</p>' + BODY))
    assert m.values["byline_raw"] == line
    assert clean_authors([line]) == ["Jane Roe"]


def test_a_by_line_crediting_a_team_when_no_person_is_named() -> None:
    body = '<h1>Budget passes</h1><ul><li><a href="#">by Marketing Team</a></li></ul>' + BODY
    assert meta_of(page(body=body)).values["byline_raw"] == "by Marketing Team"


@pytest.mark.parametrize(("line", "name"), [
    ("Jane Roe | Senior Writer | July 2, 2025", "Jane Roe"),
    ("Budget Office | Home | July 2, 2025", None),  # no job: a trail
    ("Jane Roe | July 2, 2025", None),  # no job: any two capitalised words beside a date
])
def test_a_name_job_and_date_line_without_by(line: str, name: str | None) -> None:
    m = meta_of(page(body=f'<h1>Budget passes</h1><p>{line}</p>' + BODY))
    assert m.values.get("byline_raw") == name


def test_the_one_writer_the_page_links_to_far_from_the_headline() -> None:
    far = "<p>Filler</p>" * 200
    card = '<div><a href="/articles/authors/jane-roe"><img src="j.jpg"></a><p><a href="/articles/authors/jane-roe">Jane Roe</a></p></div>'
    assert meta_of(page(body='<h1>Budget passes</h1>' + BODY + far + card)).values["byline_raw"] == "Jane Roe"
    two = card + '<a href="/articles/authors/john-doe">John Doe</a>'
    assert "byline_raw" not in meta_of(page(body='<h1>Budget passes</h1>' + BODY + far + two)).values


def test_an_aside_classed_as_the_author() -> None:
    body = '<h1>Budget passes</h1><aside class="post-author">Sep 01, 2023 Jane Roe</aside>' + BODY
    assert meta_of(page(body=body)).values["byline_raw"] == "Jane Roe"


def test_a_declared_date_the_page_prints_as_its_update_gives_way_to_the_printed_publication() -> None:
    # datePublished re-stamped with the update: the page prints both, each with its label.
    html = page(ld({"@type": "BlogPosting", "headline": "Budget passes", "datePublished": "2025-08-21T10:00:00+00:00"}),
                body='<h1>Budget passes</h1><div class="meta">Published <span>Apr 26, 2023</span></div>'
                     '<div class="meta">Updated <span>Aug 21, 2025</span></div>' + BODY)
    m = meta_of(html)
    assert m.values["date"] == "2023-04-26"
    assert m.evidence["date"].source == "visible date line under the headline, labelled published"


def test_the_first_date_line_of_the_page_dates_a_page_nothing_else_dates() -> None:
    # No date declared, none by the headline (there is no <h1>): a short element that is
    # mostly a date, wherever it sits. A sentence that mentions a date is none.
    body = BODY + "<p>The council first met on March 2, 2023, and again a week later to vote.</p>" + BODY + "<p>Updated: April 8, 2024</p>"
    m = meta_of(page(body=body))
    assert m.values["date"] == "2024-04-08"
    assert m.evidence["date"].source == "first date line of the page"


def test_a_year_alone_dates_no_page() -> None:
    assert "date" not in meta_of(page(body=BODY + "<footer><p>© 2024 Example News</p></footer>")).values


def test_a_published_meta_tag_dates_the_page() -> None:
    assert meta_of(page('<meta name="published" content="July 17, 2025">')).values["date"] == "2025-07-17"


def test_a_heading_linked_to_an_address_urllib_refuses_is_read_as_any_other() -> None:
    # "http://[bad/" is an invalid IPv6 host to urllib: the logo test once raised on it.
    body = "The ferry service returned to the harbour this spring after a long break. " * 5
    page = f'<html><head><title>Ferries | Site</title></head><body><main><a href="http://[bad/"><h1>Ferries</h1></a><p>{body}</p></main></body></html>'
    assert clean(page, kind="html", url="https://example.com/x").title == "Ferries"
