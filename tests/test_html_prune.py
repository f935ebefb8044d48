"""DOM rules: `selectors` in rule files (loading, examples) and pruning before extraction."""
from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from cleaner import RuleSet, clean
from cleaner.errors import RuleError
from cleaner.html.prune import _plan, check_dom_examples, extract_fields, open_disclosures, prune
from cleaner.ruleset import load_rules
from cleaner.ruleset.engine import check_examples
from cleaner.settings import Settings

GOOD = """\
family: test-dom
why: test
scope:
  kind: html
rules:
  - id: t.share
    why: share bars
    selectors:
      css: [".share-bar", "[role=navigation]"]
      xpath: ["//div[@id='cookie']"]
    examples:
      drop: ['<div class="share-bar"><a href="#">Share</a></div>', '<div id="cookie">We use cookies</div>']
      keep: ['<div class="share-bars-story"><p>x</p></div>']
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "rules.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_dom_rule_loads_and_its_examples_pass(tmp_path: Path) -> None:
    rules = load_rules((str(write(tmp_path, GOOD)),))
    rule = rules.rules[0]
    assert rule.is_dom and rule.selectors is not None
    assert rule.selectors.css == (".share-bar", "[role=navigation]")
    assert check_examples(rule) == []


def test_failing_dom_examples_are_named(tmp_path: Path) -> None:
    text = GOOD.replace("""keep: ['<div class="share-bars-story"><p>x</p></div>']""", """keep: ['<div class="share-bar">oops</div>']""")
    failures = check_dom_examples(load_rules((str(write(tmp_path, text)),)).rules[0])
    assert failures and "t.share" in failures[0] and "oops" in failures[0]


@pytest.mark.parametrize(
    "old, new, word",
    [
        ('css: [".share-bar", "[role=navigation]"]', 'css: ["div[["]', "bad CSS selector"),
        ("""xpath: ["//div[@id='cookie']"]""", 'xpath: ["//div[@id="]', "bad XPath"),
        ("    selectors:\n", "    match:\n      literal: [Share]\n    selectors:\n", "one of 'match'"),
        ('      css: [".share-bar", "[role=navigation]"]\n', '      css: [".share-bar"]\n      tag: [div]\n', "unknown key"),
        ("    why: share bars\n", "    why: share bars\n    action: cut-rest\n", "only drop or extract"),
        ("    why: share bars\n", "    why: share bars\n    until: heading\n", "act on lines of text"),
        ("    why: share bars\n", "    why: share bars\n    action: extract\n    field: title\n    any_share: true\n", "'any_share' only goes"),
        ("    why: share bars\n", "    why: share bars\n    any_share: sometimes\n", "any_share"),
    ],
    ids=["bad-css", "bad-xpath", "match-and-selectors", "unknown-key", "section-action", "until", "any-share-extract", "any-share-not-a-flag"],
)
def test_bad_dom_rules_are_load_errors(tmp_path: Path, old: str, new: str, word: str) -> None:
    assert old in GOOD
    with pytest.raises(RuleError) as err:
        load_rules((str(write(tmp_path, GOOD.replace(old, new))),))
    assert word in str(err.value) and "t.share" in str(err.value)


@pytest.mark.parametrize(
    "xpath, word",
    [
        ("//div[re:test(@class, 'ad')]", "re:test"),
        ("document('x')//p", "document"),
        ("//table[document('x')]", "document()"),  # a predicate no probe page reaches
        ("//table[exsl:node-set(.)]", "exsl:node-set"),
        ("//table[str:tokenize(@class)]", "str:tokenize"),
        ("//svg:g", "svg:g"),
        ("//table[current()]", "current()"),
        ("//p[$v]", "Undefined variable"),
    ],
)
def test_xpath_beyond_1_0_is_a_load_error_not_an_error_on_every_page(tmp_path: Path, xpath: str, word: str) -> None:
    # These compiled, loaded from --rules, and then every HTML document failed with
    # "internal error (XPathEvalError)".
    text = GOOD.replace("""xpath: ["//div[@id='cookie']"]""", f'xpath: ["{xpath}"]')
    with pytest.raises(RuleError) as err:
        load_rules((str(write(tmp_path, text)),))
    message = str(err.value)
    assert word in message and "t.share" in message and "rules.yaml:9" in message


def test_xpath_1_0_functions_strings_and_xml_lang_load(tmp_path: Path) -> None:
    xpaths = (
        "//div[contains(concat(' ', normalize-space(@class), ' '), ' ad ')]", "//p[@xml:lang='en']",
        "//div[count(child::node()) > 3 and position() mod 2 = 0]", "//*[starts-with(name(), 'x-')]",
        "//p[text()='re:test(x) document()']", "//section[last()]/descendant-or-self::text()",
    )
    text = GOOD.replace("""xpath: ["//div[@id='cookie']"]""", "xpath: [" + ", ".join(f'"{x}"' for x in xpaths) + "]")
    text = text.replace(""", '<div id="cookie">We use cookies</div>']""", "]")
    assert load_rules((str(write(tmp_path, text)),)).rules[0].selectors.xpath == xpaths  # type: ignore[union-attr]


def test_bundled_dom_rules_load_and_pass_their_examples() -> None:
    from cleaner import default_rules

    dom = [r for r in default_rules().rules if r.is_dom]
    assert dom, "rules/html-chrome.yaml has DOM rules"
    for rule in dom:
        assert check_examples(rule) == [], rule.id


def test_fast_plan_selects_what_xpath_selects() -> None:
    from cleaner import default_rules
    from cleaner.ruleset.loader import css_selector

    html = (
        "<html><body><header id='site-header'><nav><a href='/'>Home</a></nav></header>"
        "<div class='share share--top'><a>Tweet</a></div><div class='article-share-enabled'><p>Body</p></div>"
        "<div id='div-gpt-ad-1'></div><div role='navigation'>x</div><ul class='nav menu'><li>a</li></ul>"
        "<body><footer>f</footer></body><select><option>o</option></select>"
        "<div id='Footer'>F</div><div class='Share-Bar'>S</div><div class='SHARE'>S</div></body></html>"
    )
    tree = lxml.html.document_fromstring(html)
    rules = tuple(r for r in default_rules().rules if r.is_dom)
    fast = _plan(rules).select(tree)
    for rule, got in zip(rules, fast):
        want = {id(e) for css in rule.selectors.css for e in css_selector(css)(tree)}
        assert {id(e) for e in got} == want, rule.id


def test_classes_and_ids_match_in_any_case(tmp_path: Path) -> None:
    # Old table layouts name their boxes "Footer" and "HeaderNav"; a rule's ".share-bar" or
    # "#cookie" is the same name. Attribute values other than class and id keep their case.
    text = GOOD.replace('"[role=navigation]"', '"#Cookie-Box", "div.Story .Share-Bar", "[data-kind=ad]"')
    rules = load_rules((str(write(tmp_path, text)),)).rules
    body = (
        '<div class="Share-BAR">Share</div><div id="COOKIE-box">We use cookies</div>'
        '<div class="story"><p class="share-bar">Tweet</p></div><div data-kind="AD">Keep</div><p>Story text.</p>'
    )
    pruned = prune(_tree(body), rules, max_text_share=0.9)
    assert sorted(p.text for p in pruned) == ["Share", "Tweet", "We use cookies"]
    assert {e.text_content() for e in rules[0].selectors.compiled(_tree(body))} == {"Share", "Tweet", "We use cookies"}


def _tree(body: str):  # type: ignore[no-untyped-def]
    return lxml.html.document_fromstring(f"<html><body>{body}</body></html>")


def test_prune_removes_and_records(tmp_path: Path) -> None:
    rules = load_rules((str(write(tmp_path, GOOD)),)).rules
    tree = _tree('<p>Story text.</p><div class="share-bar"><a href="#">Share</a></div>tail stays')
    pruned = prune(tree, rules, max_text_share=0.5)
    assert [p.rule_id for p in pruned] == ["t.share"]
    assert "Share" not in tree.text_content() and "tail stays" in tree.text_content()


@pytest.mark.parametrize(("box", "shown"), [
    ('<div class="share-bar"><a href="#">Share</a> on <b>social</b> media<ul><li><a href="/x">X</a></li><li>Mail</li></ul></div>',
     "Share on social media X Mail"),
    ('<div class="share-bar">  Read <a href="/a">the <i>whole</i> story</a><br>to<b>day</b>  </div>', "Read the whole story today"),
    ('<a class="share-bar" href="/s">Share <span>this</span></a>', "Share this"),
])
def test_a_pruned_elements_text_and_link_chars_are_read_as_a_browser_shows_them(tmp_path: Path, box: str, shown: str) -> None:
    from cleaner.html.extract import text_len, text_of

    rules = load_rules((str(write(tmp_path, GOOD)),)).rules
    tree = _tree(f"<p>Story text.</p>{box}")
    el = tree.find_class("share-bar")[0]
    text = " ".join(text_of(el).split())
    prose = max(0, text_len(el) - sum(map(text_len, el.iter("a"))))
    (got,) = prune(tree, rules, max_text_share=0.5)
    assert got.text == text == shown and got.link_chars == len(text) - prose


def test_prune_spares_an_element_holding_most_of_the_page(tmp_path: Path) -> None:
    rules = load_rules((str(write(tmp_path, GOOD)),)).rules
    story = "<p>" + "Real article text that the selector should not take. " * 20 + "</p>"
    tree = _tree(f'<div class="share-bar">{story}</div><p>Short aside.</p>')
    assert prune(tree, rules, max_text_share=0.5) == []
    assert "Real article text" in tree.text_content()


def test_an_any_share_rule_prunes_an_element_holding_most_of_the_page(tmp_path: Path) -> None:
    rules = load_rules((str(write(tmp_path, GOOD.replace("    why: share bars\n", "    why: share bars\n    any_share: true\n"))),)).rules
    panel = "<p>" + "We and our partners process your data to measure content performance. " * 20 + "</p>"
    tree = _tree(f'<div class="share-bar">{panel}</div><p>Short aside.</p>')
    assert [p.rule_id for p in prune(tree, rules, max_text_share=0.5)] == ["t.share"]
    assert "partners" not in tree.text_content()


def _consent_listing(panel: str) -> str:
    cards = "".join(f'<div class="card"><a href="/r/{i}">Easy recipe number {i} with tomato</a></div>' for i in range(12))
    purposes = "".join(
        f"<p>Purpose {i}: we and our {i * 7 + 20} partners store and access information on your device, and use it to "
        "measure how our content performs, to build profiles and to select what you see.</p>" for i in range(8)
    )
    return (
        "<html><body><div class='page'><h1>Tomato sauce recipes</h1><p>Our collection of tomato sauce recipes has something "
        f"for every dish, from pasta to a vegetable tian.</p><div class='grid'>{cards}</div></div>{panel.format(purposes=purposes)}</body></html>"
    )


@pytest.mark.parametrize(
    "panel",
    [
        '<div id="onetrust-consent-sdk"><div role="dialog" aria-modal="true"><h2>Your Privacy</h2>{purposes}</div></div>',
        '<div role="dialog" aria-labelledby="t"><div><h3 id="t">Privacy Settings</h3></div>{purposes}</div>',
        '<div role="dialog" aria-modal="false" aria-labelledby="t"><div><h3 id="t">Privacy Settings</h3></div>{purposes}</div>',
    ],
    ids=["a-known-platform", "a-dialog-named-so", "a-sheet-named-so"],
)
def test_a_consent_panel_larger_than_the_page_is_pruned(panel: str) -> None:
    # The panel holds more prose than the listing of links it covers: the share guard
    # alone would keep it, and the engine would read it as the page's main content.
    text = clean(_consent_listing(panel), kind="html").text
    assert "partners" not in text and "Privacy" not in text
    assert "Our collection of tomato sauce recipes" in text and "Easy recipe number 11" in text


def test_dom_extract_rule_reads_a_field(tmp_path: Path) -> None:
    text = """\
rules:
  - id: t.author
    why: the site's author box
    action: extract
    field: authors
    selectors:
      css: [".author-name"]
    examples:
      extract: [{text: '<span class="author-name">Jane Roe</span><span class="author-name">John Doe</span>', value: 'Jane Roe, John Doe'}]
"""
    rule = load_rules((str(write(tmp_path, text)),)).rules[0]
    assert check_examples(rule) == []
    fields = extract_fields(_tree('<span class="author-name">By JANE ROE</span>'), [rule])
    assert fields["authors"][0] == ["By JANE ROE"]


def test_pruned_elements_show_in_explain_and_never_in_text() -> None:
    html = "<html><body><nav><a href='/'>Home</a> <a href='/w'>World</a></nav><article>" + "<p>The council met on Tuesday and voted on the budget for the coming year.</p>" * 4 + "</article></body></html>"
    doc = clean(html, explain=True)
    nav = [b for b in doc.blocks if b.drop is not None and str(b.drop) == "rule:chrome.navigation"]
    assert nav and nav[0].text == "Home World"
    assert "Home" not in doc.text
    bare = clean(html, rules=RuleSet(), explain=True)
    assert not any(b.drop is not None and b.drop.reason.startswith("chrome.") for b in bare.blocks)


def test_pruned_blocks_are_interleaved_by_line_without_reordering_the_body() -> None:
    from cleaner.html import _interleave
    from cleaner.model import Block, BlockKind

    def b(text: str, line: int) -> Block:
        return Block(BlockKind.PARAGRAPH, text, text, line, line)

    body = [b("first", 5), b("second", 3), b("third", 9)]
    pruned = [b("menu", 4), b("footer", 10), b("ad", 6)]
    assert [x.text for x in _interleave(body, pruned)] == ["menu", "first", "second", "ad", "third", "footer"]


@pytest.mark.parametrize(
    "button",
    [
        '<button aria-expanded="false" aria-controls="a1">How long can I rent equipment for?</button>',
        '<h3><button type="button">What does the course include?</button></h3>',
        '<button class="faq-toggle">Can I extend my rental period?</button>',
        '<button><h3>Who is this program for?</h3></button>',
    ],
)
def test_disclosure_buttons_are_unwrapped(button: str) -> None:
    tree = lxml.html.document_fromstring(f"<html><body><div>{button}<div id='a1'>Answer.</div></div></body></html>")
    assert open_disclosures(tree, 3) == 1
    assert not tree.xpath("//button")
    assert "?" in tree.text_content()


@pytest.mark.parametrize(
    "button",
    [
        '<button aria-expanded="false">Menu</button>',  # too short to name a section
        '<button type="submit">Add to your cart now</button>',  # a control, not a disclosure
    ],
)
def test_other_buttons_stay_buttons(button: str) -> None:
    tree = lxml.html.document_fromstring(f"<html><body><div>{button}</div></body></html>")
    assert open_disclosures(tree, 3) == 0
    assert tree.xpath("//button")


def test_a_faq_question_stays_in_the_body() -> None:
    answer = "You may rent any camera or light for as long as a full season, and we deliver it to your set. " * 3
    faq = "".join(
        f'<h3><button aria-expanded="true" aria-controls="q{i}">{q}</button></h3><div id="q{i}"><p>{answer}</p></div>'
        for i, q in enumerate(["How long can I rent equipment for?", "Do you deliver and set up rental equipment?"])
    )
    page = f"<html><head><title>Rentals</title></head><body><main><h1>Rentals</h1><p>{answer}</p>{faq}</main></body></html>"
    text = clean(page).text
    assert "How long can I rent equipment for?" in text
    assert "Do you deliver and set up rental equipment?" in text


_RENT = "You may rent any camera or light for as long as a full season, and we deliver it to your set. "


def _faq_page(panel_attributes: list[str], toggle: str = "button") -> str:
    questions = ["How long can I rent equipment for?", "Do you deliver and set up rental equipment?", "Can I return a light early?"]
    faq = "".join(
        f'<h3><{toggle} aria-expanded="false" aria-controls="q{i}">{q}</{toggle}></h3>'
        f'<div id="q{i}" {attrs}><p>Answer number {i}: the rental runs from the day we deliver it to the day we collect it.</p></div>'
        for i, (q, attrs) in enumerate(zip(questions, panel_attributes))
    )
    return f"<html><head><title>Rentals</title></head><body><main><h1>Rentals</h1><p>{_RENT * 3}</p>{faq}<p>{_RENT * 2}</p></main></body></html>"


@pytest.mark.parametrize("toggle", ["button", "a"])
def test_a_collapsed_faqs_answers_are_read(toggle: str) -> None:
    # A collapsed accordion marks its panels hidden until the reader opens them, and
    # trafilatura drops whatever is marked hidden.
    page = _faq_page(['aria-hidden="true"', 'style="color: red; display: none"', 'class="panel hidden"'], toggle)
    text = clean(page).text
    assert all(f"Answer number {i}" in text for i in range(3))
    shut = clean(page, settings=Settings(html_disclosure_min_words=0)).text
    assert not any(f"Answer number {i}" in shut for i in range(3))


def test_an_faq_in_details_elements_classed_expandable_is_read() -> None:
    # trafilatura discards a box whose class holds "expand"; on a <details> the word only
    # says that the box opens. A nav's <details> menu still goes with the nav.
    faq = "".join(
        f'<div class="faq"><details class="expandable border"><summary>{q}</summary><p>Answer number {i}: the rental runs '
        f'from the day we deliver it to the day we collect it.</p></details></div>'
        for i, q in enumerate(["How long can I rent equipment for?", "Do you deliver and set up rental equipment?", "Can I return a light early?"])
    )
    page = (f"<html><head><title>Rentals</title></head><body><nav><details class='menu-expand'><summary>Menu</summary>"
            f"<a href='/a'>Cameras</a> <a href='/b'>Lights</a></details></nav><main><h1>Rentals</h1><p>{_RENT * 3}</p>"
            f"<h2>Your questions answered</h2>{faq}<p>{_RENT * 2}</p></main></body></html>")
    text = clean(page).text
    assert all(f"Answer number {i}" in text for i in range(3))
    assert "Can I return a light early?" in text
    assert "Cameras" not in text
    tree = lxml.html.document_fromstring(page)
    open_disclosures(tree, 3)
    assert [d.get("class") for d in tree.iter("details")][1:] == ["border"] * 3


def test_boxes_a_style_sheet_never_shows_are_dropped_as_hidden() -> None:
    from cleaner.html.prune import drop_hidden

    page = (f"<html><body><div class='d-none d-lg-block'><p>Shown on wide screens: the desk's story.</p></div>"
            f"<div class='minicart d-none'>Your cart is empty</div><main><h1>Luggage</h1><p>{_RENT * 3}</p>"
            f"<div class='tile d-none'><p>The spinner is available in five colours and two sizes, and it fits under any seat.</p></div>"
            f"<p>{_RENT * 2}</p></main><div class='d-md-none'>Shown on narrow screens only</div></body></html>")
    tree = lxml.html.document_fromstring(page)
    gone = drop_hidden(tree, 0.5)
    assert [p.text for p in gone] == ["Your cart is empty", "The spinner is available in five colours and two sizes, and it fits under any seat."]
    assert {p.rule_id for p in gone} == {"hidden"}
    text = clean(page).text
    assert "You may rent" in text and "five colours" not in text
    assert "five colours" in clean(page, settings=Settings(html_drop_hidden=False)).text
    # A box that holds the page's text stays: a script shows it once it has run.
    whole = lxml.html.document_fromstring(f"<html><body><div class='d-none'><p>{_RENT * 8}</p></div><p>Loading</p></body></html>")
    assert drop_hidden(whole, 0.5) == []
    # A collapsed panel that a toggle opens is shown, not dropped.
    faq = _faq_page(['class="collapse d-none"', "", ""])
    assert "Answer number 0" in clean(faq).text


def test_a_collapsed_panel_of_form_controls_stays_shut() -> None:
    tree = lxml.html.document_fromstring(
        '<html><body><h3><button aria-expanded="false" aria-controls="f">Filter by brand name</button></h3>'
        '<div id="f" aria-hidden="true"><label><input type="checkbox"> Osprey (44)</label></div>'
        '<h3><button aria-expanded="false" aria-controls="g">What is the return policy?</button></h3>'
        '<div id="g" aria-hidden="true"><p>Thirty days.</p></div></body></html>'
    )
    open_disclosures(tree, 3)
    assert tree.get_element_by_id("f").get("aria-hidden") == "true"
    assert tree.get_element_by_id("g").get("aria-hidden") is None


def _thread_text(page: str, post: str, texts: list[str]) -> str:
    """The cleaned text of a forum page: page with {posts} filled by one post (a template of
    {n}, {name} and {text}) for each of texts; every post's text must stay."""
    posts = "".join(post.format(n=n, name=name, text=text) for n, (name, text) in enumerate(zip(["ann", "bo", "cy"], texts), 1))
    text = clean(page.format(posts=posts)).text
    assert all(t in text for t in texts)
    return text


def test_a_xenforo_threads_posts_stay_and_their_posters_details_go() -> None:
    post = (
        '<article class="message message--post"><div class="message-inner">'
        '<div class="message-cell message-cell--user"><section class="message-user">'
        '<h4 class="message-name"><a href="/members/{name}.{n}/">{name}</a></h4><h5 class="userTitle">Full Member</h5>'
        '<div class="message-userExtras"><dl><dt>Joined</dt><dd>Jun 29, 2016</dd></dl><dl><dt>Reaction score</dt><dd>10</dd></dl></div>'
        '</section></div><div class="message-cell message-cell--main">'
        '<header class="message-attribution"><time>Jul {n}, 2024</time> <a href="/posts/{n}">#{n}</a></header>'
        '<div class="message-content"><article class="message-body"><div class="bbWrapper">{text}</div></article></div>'
        '<div class="reactionsBar">Reactions: Alice and Bob</div></div></div></article>'
    )
    texts = [
        "I heard that the interviews start next month, and the invitations went out on Friday to most of us.",
        "That is good news. Mine came on Saturday, with a form to book a day and a list of the papers to bring.",
        "Thanks, both of you. I booked the first day they offered and will post here how it went afterwards.",
    ]
    page = (
        "<html><head><title>Interview dates | Forum</title></head><body><div class='p-body'><h1 class='p-title-value'>Interview dates</h1>"
        "<div class='p-description'>Thread starter ann Start date Jul 1, 2024</div>"
        "<div class='block-outer'><a href='?order=reaction_score'>Sort by reaction score</a></div><div class='block-body'>{posts}</div>"
        "</div></body></html>"
    )
    text = _thread_text(page, post, texts)
    for chrome in ("Joined", "Reaction score", "Full Member", "Reactions: Alice", "Thread starter", "Sort by reaction score", "#2"):
        assert chrome not in text


def test_a_phpbb_topics_posts_stay_and_their_profiles_go() -> None:
    post = (
        '<div class="post bg{n}" id="p{n}"><div class="inner"><div class="postbody"><div id="post_content{n}">'
        '<h3><a href="#p{n}">Re: Turning off the LEDs</a></h3>'
        '<p class="author">by <a href="./memberlist.php?u={n}">{name}</a> » Sun Dec 17, 2023 11:2{n} am</p>'
        '<div class="content">{text}</div><div id="sig{n}" class="signature">A friend helps you move a sofa, number {n}.</div>'
        '<ul class="post-buttons"><li><a href="./posting.php?mode=quote&amp;p={n}">Quote post {n}</a></li></ul></div></div>'
        '<dl class="postprofile" id="profile{n}"><dt><a href="./memberlist.php?u={n}">{name}</a></dt>'
        "<dd><strong>Posts:</strong> 91{n}</dd><dd><strong>Joined:</strong> Wed Feb 04, 2015 6:38 pm</dd></dl></div></div>"
    )
    texts = [
        "I just got my new board and wanted to turn off both of its lights, but the setting in the manual does nothing.",
        "The firmware from last week changed that setting: update the bootloader first and the lights go off after a reboot.",
        "That worked. After the update both lights stay off, even when the board is under load for an hour.",
    ]
    page = "<html><head><title>Turning off the LEDs</title></head><body><h2 class='topic-title'>Turning off the LEDs</h2>{posts}</body></html>"
    text = _thread_text(page, post, texts)
    for chrome in ("Posts:", "Joined:", "A friend helps you move", "Quote post"):
        assert chrome not in text


@pytest.mark.parametrize("cls, tag, dropped", [
    ("tooltiptext", "span", True),  # the common pattern: .tooltip .tooltiptext {visibility: hidden}
    ("Term_tooltip__8VNIW", "span", True),  # a CSS module's hashed name
    ("c-tooltip__content", "div", True),  # BEM: the tooltip block's content element
    ("a-tooltip", "div", True),
    ("has-tooltip", "span", False),  # the word the pointer rests on
    ("tooltip-trigger", "span", False),
    ("cui-tooltip__trigger", "span", False),
    ("glossary-tooltip", "a", False),  # a linked term is what the pointer rests on
])
def test_tooltips_are_dropped_and_their_triggers_stay(cls: str, tag: str, dropped: bool) -> None:
    from cleaner.html.prune import drop_tooltips

    tip = f"<{tag} class='{cls}'>A keyword is what users write into a search engine.</{tag}>"
    page = f"<html><body><main><h1>Search</h1><p>{_RENT * 3}</p><p>Organic traffic and the keyword {tip} counts changed.</p><p>{_RENT * 2}</p></main></body></html>"
    tree = lxml.html.document_fromstring(page)
    gone = drop_tooltips(tree, 0.5)
    assert [p.rule_id for p in gone] == (["tooltip"] if dropped else [])
    assert ("what users write" in clean(page).text) is not dropped
    assert "what users write" in clean(page, settings=Settings(html_drop_tooltips=False)).text


def test_the_tooltip_walk_runs_only_where_a_class_names_one() -> None:
    from cleaner.html.prune import names_in_class

    assert names_in_class('<p>A <span data-x="1"\nclass="Term_tooltip__8VNIW">tip</span></p>', "ooltip")
    assert not names_in_class("<script>$('[data-toggle=tooltip]').tooltip()</script><p class='x'>tooltip</p>", "ooltip")
