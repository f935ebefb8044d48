"""The pipeline's own steps on text captures: the main-run fallback and the headline lines
of pages without prose."""
from __future__ import annotations

from cleaner import RuleSet, clean
from cleaner.model import Block, BlockKind, Document, Drop, DropSource
from cleaner.pipeline import _keep_item_run, _keep_main_run, clean_text
from cleaner.settings import DEFAULT, Settings

ITEMS = [
    "Trail Runner 2 hiking boots, tested on wet rock",
    "Compact travel kettle with a folding handle",
    "Wool socks that kept their shape after fifty washes",
    "A rain jacket for cyclists with taped seams",
    "Insulated bottle that keeps tea hot all day",
    "Headlamp with a red light mode for night walks",
]


def test_a_page_of_items_keeps_its_first_lines_in_the_body() -> None:
    # The reading the settling step makes of a cleaned list: its first item looked like a
    # <title> and the next like a standfirst, so each reading took two items out of the body.
    doc = clean_text("\n\n".join(ITEMS) + "\n", kind="text", rules=RuleSet(), settle=False)
    assert [b.text for b in doc.blocks if b.drop is not None and b.drop.source is DropSource.METADATA] == []
    assert doc.title == ITEMS[0]  # the field is still filled


def _block(text: str, line: int, drop: Drop | None = None) -> Block:
    block = Block(BlockKind.PARAGRAPH, text, text, line, line)
    block.drop = drop
    return block


MENU = Drop(DropSource.CLASSIFIER, "short")
TEASER = Drop(DropSource.CLASSIFIER, "link-density")


def _page(drop_items: Drop | None) -> list[Block]:
    menu = [_block(w, i + 1, MENU) for i, w in enumerate(["Home", "Shop", "Reviews", "About", "Contact", "Help"])]
    items = [_block(item, 10 + i, drop_items) for i, item in enumerate(ITEMS)]
    footer = [_block(w, 30 + i, MENU) for i, w in enumerate(["Privacy", "Terms", "Cookies", "Sitemap"])]
    return menu + items + footer


def test_the_main_run_comes_back_when_the_classifier_keeps_almost_nothing() -> None:
    blocks = _page(TEASER)
    _keep_main_run(blocks, DEFAULT)
    assert [b.text for b in blocks if b.drop is None] == ITEMS  # the menu and the footer stay out


def test_the_main_run_is_left_alone_when_the_classifier_kept_enough() -> None:
    blocks = _page(None)
    blocks[10].drop = TEASER  # one item dropped: the rest is well over the share
    _keep_main_run(blocks, DEFAULT)
    assert blocks[10].drop is TEASER


def test_the_fallback_never_takes_back_a_rule_drop_or_a_fact() -> None:
    blocks = _page(TEASER)
    ruled = Drop(DropSource.RULE, "generic.share")
    blocks[7].drop = ruled
    blocks[8].drop = Drop(DropSource.CLASSIFIER, "duplicate")
    _keep_main_run(blocks, DEFAULT)
    assert blocks[7].drop is ruled and blocks[8].drop.reason == "duplicate"
    assert blocks[6].drop is None and blocks[9].drop is None


def test_a_page_of_short_line_records_comes_back_over_its_one_paragraph() -> None:
    # An awards list or a ranking: records of two or three short lines (a label, a name,
    # a firm) under one intro paragraph, which is all the classifier kept. Each line is
    # shorter than the fallback's old cost of 40 characters a block, so the main run was
    # the intro alone and the records stayed dropped.
    intro = _block("This year's winners were chosen by a jury of designers, architects and editors from over 900 entries.", 5)
    records = []
    for i in range(40):
        line = 10 + 4 * i
        records += [
            _block("Winner", line, MENU),
            _block(f"Harbour Apartment No. {i}", line + 1, MENU),
            _block(f"Studio Number {i}", line + 2, MENU),
        ]
    footer = [_block(w, 300 + i, MENU) for i, w in enumerate(["Privacy", "Terms", "Cookies", "Sitemap"])]
    blocks = [intro, *records, *footer]
    _keep_main_run(blocks, DEFAULT)
    assert all(b.drop is None for b in records)
    assert all(b.drop is MENU for b in footer)


def test_a_capture_that_is_only_its_title_has_no_body() -> None:
    # A text capture of a page its scripts never filled is just its <title>: the line is
    # the title, not the body (which scored it as text the page does not have).
    line = "Beginner Freelance Questions - Career Advice - The Example Forum"
    doc = clean(line + "\n", kind="text")
    assert doc.title == line and doc.text == ""


def test_a_page_worn_down_to_one_line_keeps_it() -> None:
    # Without a site named after a separator, the last line of a page stays its body, else
    # the settling readings would empty a page whose cleaned text is that one line.
    line = "Deep Discounts On Top Brands While Supplies Last In Every Store"
    doc = clean(line + "\n", kind="text")
    assert doc.title == line and doc.text == line


def test_a_lone_paragraph_stays_the_body() -> None:
    # A cleaned page worn down to one paragraph is not read as a title when cleaned again.
    line = (
        "The Southfield Home Improvement Program is a zero percent interest loan that helps "
        "owners of single-family homes in the city repair roofs, furnaces and windows."
    )
    doc = clean(line + "\n", kind="text")
    assert doc.text == line and clean(doc.text, kind="text").text == line


def _records_page(kept: list[str]) -> list[Block]:
    """A menu, then forty short item records with `kept` (what the classifier kept) on top."""
    menu = [_block(w, i + 1, MENU) for i, w in enumerate(["Home", "Shop", "Reviews", "About", "Contact", "Help"])]
    top = [_block(text, 10 + i) for i, text in enumerate(kept)]
    records = [_block(f"{ITEMS[i % len(ITEMS)]}, size {i}", 20 + i, TEASER) for i in range(40)]
    return menu + top + records


def test_a_page_whose_kept_text_is_items_gets_its_main_run_back_under_half() -> None:
    # The classifier kept six item lines, over a tenth of the run but under half: no
    # sentence among them, so the page is a page of items and its other items come back.
    blocks = _records_page(ITEMS)
    _keep_main_run(blocks, DEFAULT)
    assert all(b.drop is None for b in blocks[6:])
    assert all(b.drop is MENU for b in blocks[:6])


def test_an_article_over_a_tenth_of_its_run_keeps_the_items_below_it_out() -> None:
    # The same share kept, but as prose: a short article over a long list of teasers.
    prose = [
        "The council voted on Tuesday to close the old bridge to traffic for the whole summer.",
        "Engineers found that two of its steel cables had rusted through at the anchor points.",
        "Buses will take a longer route through the harbour district until the repairs are done.",
    ]
    blocks = _records_page(prose)
    _keep_main_run(blocks, DEFAULT)
    assert all(b.drop is TEASER for b in blocks[9:])


def test_one_short_promotion_does_not_make_a_page_of_items_an_article() -> None:
    # Six items and a newsletter offer kept: one line in seven is a sentence.
    promo = "Sign up for our weekly letter and get the best new gear in your inbox every Friday morning."
    blocks = _records_page([*ITEMS, promo])
    _keep_main_run(blocks, DEFAULT)
    assert all(b.drop is None for b in blocks[6:])


def test_one_long_paragraph_among_kept_menu_lines_is_an_article() -> None:
    # A settling reading of a short article whose menu the first reading's fallback took
    # back: the classifier keeps menu lines and the one long paragraph, which is the article.
    story = " ".join(
        [
            "The council voted on Tuesday to close the old bridge to traffic for the whole summer.",
            "Engineers found that two of its steel cables had rusted through at the anchor points.",
            "Buses will take a longer route through the harbour district until the repairs are done.",
            "The mayor said the work would cost less than building a new crossing further upstream.",
        ]
    )
    blocks = _records_page([*ITEMS, story])
    _keep_main_run(blocks, DEFAULT)
    assert all(b.drop is TEASER for b in blocks[13:])


def test_on_a_page_of_items_a_line_read_as_metadata_stays_in_the_body() -> None:
    # A cleaned list read again: an item's title read as the page's title and the short
    # date under it as its date. Both stay in the body (their fields are still filled), or
    # each settling reading would peel another item off the list.
    blocks = _records_page(ITEMS)
    title = _block("Procedural gradients and the power of testing", 19, Drop(DropSource.METADATA, "title"))
    date = _block("Mar 7", 19, Drop(DropSource.METADATA, "date"))
    blocks[12:12] = [title, date]
    _keep_main_run(blocks, DEFAULT)
    assert title.drop is None and date.drop is None
    assert all(b.drop is MENU for b in blocks[:6])


def test_a_code_block_between_paragraphs_stays_and_reads_back_as_code() -> None:
    # html2text writes <pre> indented. Its lines once were plain lines: the settling step
    # read "# clone repo" back as a heading, took it for the title, and lost the code.
    from .texts import GOOD_1, GOOD_2

    code = "    # initialize git\n    git init\n    \n    # clone repo\n    git clone <repo url>\n"
    capture = f"# A brief intro to git\n\n{GOOD_1}\n\nCopy\n\n{code}\n{GOOD_2}\n"
    doc = clean(capture, kind="markdown", rules=RuleSet())
    assert doc.title == "A brief intro to git"
    assert "    # initialize git\n    git init\n    # clone repo\n    git clone <repo url>" in doc.text
    assert GOOD_1 in doc.text and GOOD_2 in doc.text
    assert "```\n# initialize git\ngit init\n\n# clone repo\ngit clone <repo url>\n```" in doc.markdown
    assert clean(doc.text, rules=RuleSet()).text == doc.text


def test_a_settling_reading_takes_no_weak_byline() -> None:
    # Read again, the cleaned text opens with the section headings under the headline: the
    # second reads as a name line under the first, taken for a headline.
    body = ("The committee met on Tuesday to discuss the budget for the coming year, and members agreed that spending on roads should rise. " * 3).strip()
    doc = clean(f"# Top nine financial tips for working adults\n\n### Money Matters Most\n\n### Set Goals\n\n{body}\n\n{body}\n", kind="markdown")
    assert doc.byline is None and doc.authors == []


def test_the_author_box_under_an_article_leaves_the_text() -> None:
    article = [
        "The city council voted on Tuesday to extend the tram line to the northern suburbs by 2030.",
        "Supporters said the extension would cut commuting times in half for thousands of residents, and that the line would bring new shops to the old market square.",
        "Opponents argued that the money would be better spent on repairing the existing bus network, which carries more people every day than the trams do.",
        "The project is expected to cost about 400 million and will be funded partly by the region and partly by a loan that the city will repay over thirty years.",
        "Work on the first section is due to start next spring, once the last permits are granted.",
    ]
    bio = "Jane Doe is a reporter who covers transport and city politics for the paper and has lived in the city for twenty years."
    capture = "\n\n".join(["Council approves tram extension", "By Jane Doe", "March 3, 2025", *article, "Jane Doe", bio]) + "\n"
    doc = clean_text(capture, kind="text", rules=RuleSet())
    assert doc.authors == ["Jane Doe"]
    assert doc.text == "\n\n".join(article)
    assert [b.drop.reason for b in doc.blocks if b.text == bio and b.drop] == ["author-box"]


# A page that is a list of cards (pipeline._keep_item_run): a linked name, then a price.
CARDS = [
    ("Trail Runner 2 hiking boots", "/p/trail-runner", "$129.00"),
    ("Compact travel kettle", "/p/kettle", "$39.50"),
    ("Wool hiking socks, three pairs", "/p/socks", "$24.00"),
    ("Rain jacket with taped seams", "/p/jacket", "$189.99"),
    ("Insulated steel bottle", "/p/bottle", "$32.00"),
]
LINKED = Drop(DropSource.CLASSIFIER, "link-density")
SHORT = Drop(DropSource.CLASSIFIER, "short")


def _card_lines(cards: list[tuple[str, str, str]]) -> list[Block]:
    blocks = []
    for name, target, price in cards:
        link = Block(BlockKind.PARAGRAPH, name, f"[{name}]({target})", 0, 0, link_chars=len(name), links=1)
        link.drop = LINKED
        cost = Block(BlockKind.PARAGRAPH, price, price, 0, 0)
        cost.drop = SHORT
        blocks += [link, cost]
    return blocks


def _sentence(text: str) -> Block:
    return Block(BlockKind.PARAGRAPH, text, text, 0, 0)


def test_a_grid_of_cards_comes_back_over_a_short_intro() -> None:
    blocks = [_sentence("Our pick of the season's walking gear, tested on three long trails.")] + _card_lines(CARDS)
    _keep_item_run(blocks, DEFAULT)
    assert all(b.drop is None for b in blocks)


def test_the_cards_of_a_teaser_rail_under_an_article_stay_dropped() -> None:
    article = [_sentence(f"Paragraph {i} of the story says what happened on the trail and who was there that day.") for i in range(12)]
    blocks = article + _card_lines(CARDS)
    _keep_item_run(blocks, DEFAULT)
    assert all(b.drop is not None for b in blocks[len(article) :])


def test_lines_that_all_link_to_one_page_are_no_cards() -> None:
    # A review widget names each reviewer with a link to the same page of reviews.
    blocks = _card_lines([(name, "/reviews", price) for name, _, price in CARDS])
    _keep_item_run(blocks, DEFAULT)
    assert all(b.drop is not None for b in blocks)


def test_sections_of_one_link_menus_are_no_cards() -> None:
    blocks = []
    for section in ("Shop", "Help", "About", "Stories", "Events"):
        heading = Block(BlockKind.PARAGRAPH, section, f"[{section}](/{section})", 0, 0, link_chars=len(section), links=1)
        heading.drop = LINKED
        blocks.append(heading)
        for j in range(3):
            text = f"{section} link {j}"
            item = Block(BlockKind.LIST_ITEM, text, f"- [{text}](/{section}/{j})", 0, 0, link_chars=len(text), links=1)
            item.drop = LINKED
            blocks.append(item)
    _keep_item_run(blocks, DEFAULT)
    assert all(b.drop is not None for b in blocks)


def test_cards_without_links_are_left_to_the_classifier() -> None:
    # A plain-text capture shows no links: a run of names and prices there is not enough.
    blocks = [_sentence("Our pick of the season's walking gear, tested on three long trails.")]
    for name, _, price in CARDS:
        for text in (name, price):
            line = _sentence(text)
            line.drop = SHORT
            blocks.append(line)
    _keep_item_run(blocks, DEFAULT)
    assert all(b.drop is not None for b in blocks[1:])


def test_comments_under_an_article_are_no_cards() -> None:
    blocks = _card_lines(CARDS)
    blocks[3].drop = Drop(DropSource.RULE, "comments.reply-link")
    _keep_item_run(blocks, DEFAULT)
    assert all(b.drop is not None for b in blocks)


def test_each_run_of_cards_on_a_page_comes_back() -> None:
    # A home page: the latest stories, each a linked title over its writer, then a
    # shorter run of products, each a linked name over its price. Only the longest run
    # came back when the page was read for one run alone.
    stories = [
        ("Google previews cross-region SQL queries for its distributed data warehouse", "/news/sql", "Renato Losio"),
        ("How a file storage company uses language models to label its search data", "/news/labels", "Sergio De Simone"),
        ("Nested virtualization arrives on the cloud's general-purpose instances", "/news/nested", "Leela Kumili"),
        ("Standardizing post-quantum IPsec with a hybrid key exchange for every tunnel", "/news/ipsec", "Steef-Jan Wiggers"),
        ("New research reassesses the value of instruction files for coding agents", "/news/agents", "Bruno Couriol"),
    ]
    assert all(len(title) > DEFAULT.item_shape_short_max_chars >= len(name) for title, _, name in stories)
    assert all(len(name) <= DEFAULT.item_shape_short_max_chars for name, _, _ in CARDS)
    blocks = [_sentence("The week's news for software architects, read by our editors.")]
    blocks += _card_lines(stories) + _card_lines(CARDS)
    _keep_item_run(blocks, DEFAULT)
    assert all(b.drop is None for b in blocks)


def test_cards_one_after_another_come_back_when_each_is_a_long_link() -> None:
    # A row of cards split into one block a card: each card is a long link, and the next
    # card follows at once. A menu's links follow one another too, but each is short.
    titles = [
        "84 reviews / 5 average Ridiculously Good Air Fryer Salmon with Rice",
        "67 reviews / 5 average Chicken Tacos with Green Sauce and Lime",
        "104 reviews / 4.7 average Crispy Air Fryer Tofu with Peanut Sauce",
        "31 reviews / 4.4 average Marry Me Chicken with Sun-Dried Tomatoes",
        "12 reviews / 4.9 average Honey Chipotle Chicken Skewers on the Grill",
    ]
    assert all(len(t) > DEFAULT.item_shape_short_max_chars for t in titles)

    def linked(text: str, target: str) -> Block:
        block = Block(BlockKind.PARAGRAPH, text, f"[{text}]({target})", 0, 0, link_chars=len(text), links=1)
        block.drop = LINKED
        return block

    blocks = [_sentence("Crispy dinners from the air fryer, our readers' favourites.")]
    blocks += [linked(t, f"/r/{n}") for n, t in enumerate(titles)]
    _keep_item_run(blocks, DEFAULT)
    assert all(b.drop is None for b in blocks)
    menu = [linked(word, f"/{word}") for word in ("Home", "Recipes", "Air fryer", "Dinner", "About")]
    _keep_item_run(menu, DEFAULT)
    assert all(b.drop is not None for b in menu)


def test_a_listing_in_sections_brings_back_each_sections_cards() -> None:
    # A guide's front page: a section of picks, each a linked title over its kept summary,
    # then a section of deals. The first section's summaries are the cards' own text, not
    # an article's paragraphs: counted as prose before the second section, they made it
    # read as a teaser rail under an article (wcxb-dev md, a listing in sections).
    summary = ("We tested {} for months in homes, offices and on the road, and this is the one most people "
               "should buy this year, since it is well made, easy to set up and easy to use every day.")
    picks = [(f"The best {thing} for most people, after three years of testing", f"/review/{i}") for i, thing in enumerate(
        ("monitor arm", "keyboard", "tripod", "speaker", "webcam", "charger", "router"))]
    deals = [(f"{thing} deal", f"/deal/{i}") for i, thing in enumerate(("Kettle", "Socks", "Jacket", "Bottle", "Lamp", "Boots", "Tent"))]
    assert all(len(title) > DEFAULT.item_shape_short_max_chars >= len(name) for (title, _), (name, _) in zip(picks, deals))
    blocks = [_sentence("Our guides to the gear worth buying, read by our editors.")]
    for cards in (picks, deals):
        for name, target in cards:
            link = Block(BlockKind.PARAGRAPH, name, f"[{name}]({target})", 0, 0, link_chars=len(name), links=1)
            link.drop = LINKED
            blocks += [link, _sentence(summary.format(name.lower()))]
    first_section = sum(len(b.text) for b in blocks[1 : 1 + 2 * len(picks)] if b.drop is None)
    assert first_section > DEFAULT.item_run_max_prose_before_chars
    _keep_item_run(blocks, DEFAULT)
    assert all(b.drop is None for b in blocks)


def test_an_article_run_into_its_byline_line_stays_in_the_body() -> None:
    # html2text joins the paragraphs of a table cell into one line: an older page laid out in
    # a table saves its byline, date and whole article as one line (bench, table-wrapped).
    article = " ".join(
        f"The attorney general is looking into the company's finances, part {n} of the report says, and more news is expected." for n in range(12)
    )
    page = (
        "[Home](/) [News](/news) [Sport](/sport)\n\n# Attorney general investigating the company\n\n"
        f"[Jane Reporter](https://example.com/author/jane-reporter/) November 18, 2019 11:03 PM {article}\n"
    )
    doc = clean(page, kind="markdown")
    assert "part 11 of the report says" in doc.text
    assert doc.date == "2019-11-18"
    off = clean(page, kind="markdown", settings=Settings(byline_drop_max_chars=0))
    assert "part 11 of the report says" not in off.text


def test_an_article_run_into_its_teaser_links_is_no_listing() -> None:
    # html2text runs a layout table cell's paragraphs into one line, and the "You may also
    # like" links after the article run on: the line ends in no sentence end. Read as a
    # listing's kept item, it brought the whole menu back as the page's items.
    menu = "\n".join(f"  * [Local section {n} news](https://example.com/section-{n}/)\n    * Back To Main Menu" for n in range(60))
    story = " ".join(
        f"The band will tour again next year with its old singer, part {n} of the report says, and tickets go on sale Friday." for n in range(8)
    )
    teasers = "".join(f"[Another story about the band, number {n}](https://example.com/story-{n}.html)" for n in range(5))
    page = f"[Home](/)\n\n{menu}\n\n# The band reunites for a tour\n\nUpdated Nov 19, 6:55 AM {story}You may also like...{teasers}View Comments\n"
    doc = clean(page, kind="markdown")
    assert "part 7 of the report says" in doc.text
    assert "Back To Main Menu" not in doc.text
    off = clean(page, kind="markdown", settings=Settings(fallback_item_page_glued_prose_min_chars=10**6))
    assert "Back To Main Menu" in off.text


def test_an_articles_numbered_list_stays_whole() -> None:
    # A listicle: a paragraph, then picks numbered in order, each with its shop link under
    # it. The classifier kept some picks and dropped others as short lines.
    intro = "Black Friday is here, and these are the presents we would buy for anyone who grew up in the eighties and nineties this year."
    picks = [f"{n}) {name}" for n, name in enumerate(
        ("Lego Star Wars bomber", "An electric racing track, the one we all wanted under the tree when we were ten years old.",
         "Blade Runner box set", "Ghostbusters collection", "The Indiana Jones films, all four of them, in a steel box that looks like the idol.",
         "Polaroid camera", "Monopoly for travel", "Labyrinth board game"), start=1)]
    lines = [intro, *(f"{pick}\n\n[http://amzn.to/{n}](http://amzn.to/{n})" for n, pick in enumerate(picks))]
    page = "# Presents for the nostalgic\n\n" + "\n\n".join(lines) + "\n"
    doc = clean(page, kind="markdown")
    assert all(pick in doc.text for pick in picks)
    assert "amzn.to" not in doc.text  # the links between them still go
    off = clean(page, kind="markdown", settings=Settings(numbered_run_min_items=0))
    assert not all(pick in off.text for pick in picks)
    # Numbers out of order are no list: each line is judged on its own.
    shuffled = page.replace("1) Lego", "7) Lego")
    assert clean(shuffled, kind="markdown").text == clean(shuffled, kind="markdown", settings=Settings(numbered_run_min_items=0)).text


def _peeling_reading(calls: list[int]):  # type: ignore[no-untyped-def]
    """A settling reading that always takes the first line of what it reads as the title:
    a list whose items each reading took one at a time."""
    def reading(text: str, **_: object) -> Document:
        calls.append(1)
        again = Document(kind="text")
        again.blocks = [_block(text.split("\n", 1)[0], 1, Drop(DropSource.METADATA, "title"))]
        return again
    return reading


def test_settling_reads_a_small_page_past_its_readings_and_a_large_one_not(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import cleaner.pipeline as pipeline

    def settled(lines: int, settings: Settings) -> tuple[int, int]:
        calls: list[int] = []
        monkeypatch.setattr(pipeline, "clean_text", _peeling_reading(calls))
        doc = Document(kind="text")
        doc.blocks = [_block(f"Item number {n} of the list", 2 * n + 1) for n in range(lines)]
        pipeline._settle(doc, RuleSet(), settings)
        return len(calls), sum(1 for b in doc.blocks if b.drop is None)

    # 30 items, one taken a reading: past the 20 readings, the 900 lines read in all are
    # within the line budget, and the page settles (every item is gone: nothing is left to read).
    assert settled(30, DEFAULT) == (30, 0)
    # Without the budget it stops at 20 readings, as it stands.
    assert settled(30, Settings(settle_max_lines=0)) == (20, 10)
    # A page so large that 20 readings pass the budget stops at 20 too.
    assert settled(2_000, DEFAULT)[0] == 20
    # Both bounds at 0: no settling reading at all.
    assert settled(30, Settings(settle_max_readings=0, settle_max_lines=0)) == (0, 30)
