"""cleaner.classify: the jusText-style block classifier, on small synthetic blocks."""
from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from cleaner.classify import classify
from cleaner.model import Block, BlockKind, Drop, DropSource, Label
from cleaner.settings import DEFAULT, Settings

from .texts import GOOD_1, GOOD_2, GOOD_3

GOOD_4 = (
    "Officials in the north said that the new hospitals were badly needed, since the old ones had been built "
    "more than fifty years ago and could no longer cope with the number of patients who came to them each winter."
)
# A long line of link text (over short_block_chars, so neighbour rules cannot skip it).
NAV = "Home | World | Politics | Business | Sports | Science | Health | Culture | Travel | Opinion"


def para(text: str, line: int, *, link_share: float = 0.0, kind: BlockKind = BlockKind.PARAGRAPH, level: int = 0) -> Block:
    return Block(kind, text, text, line, line, level=level, link_chars=round(len(text) * link_share), links=int(link_share > 0))


def link(text: str, line: int, kind: BlockKind = BlockKind.PARAGRAPH) -> Block:
    return para(text, line, link_share=1.0, kind=kind)


# These tests pin the heuristic passes and their thresholds, so the learned layer, which
# may overrule them, is off here; tests/test_learned.py covers it.
HEURISTICS = replace(DEFAULT, use_learned_model=False)


def run(blocks: list[Block], settings: Settings = HEURISTICS, headline: int | None = None) -> list[Block]:
    classify(blocks, "en", None, replace(settings, use_learned_model=False), headline=headline)
    return blocks


def kept(blocks: list[Block]) -> list[str]:
    return [b.text for b in blocks if b.drop is None]


def reason(b: Block) -> str | None:
    return b.drop.reason if b.drop else None


def test_long_stopword_rich_paragraph_is_good() -> None:
    [block] = run([para(GOOD_1, 1)])
    assert block.label is Label.GOOD
    assert block.drop is None
    assert block.features["stopword_share"] > DEFAULT.stopword_share_high
    assert block.features["chars"] > DEFAULT.long_block_chars


def test_link_only_line_is_dropped_for_link_density() -> None:
    blocks = run([para(GOOD_1, 1), link("Home About Contact Login", 2), para(GOOD_2, 3)])
    assert kept(blocks) == [GOOD_1, GOOD_2]
    assert blocks[1].drop == Drop(DropSource.CLASSIFIER, "link-density")


def test_short_line_between_two_good_paragraphs_is_kept() -> None:
    blocks = run([para(GOOD_1, 1), para("The vote is on Friday.", 2), para(GOOD_2, 3)])
    assert blocks[1].features["chars"] < DEFAULT.short_block_chars
    assert blocks[1].drop is None and blocks[1].label is Label.GOOD


def test_short_line_between_two_bad_blocks_is_dropped() -> None:
    # The main-region step would keep only one of the two paragraphs split by three bad blocks; merge across the gap.
    blocks = run(
        [para(GOOD_1, 1), link(NAV, 2), para("more from this author", 3), link(NAV + " | Video", 4), para(GOOD_2, 5)],
        replace(HEURISTICS, region_merge_gap_blocks=3),
    )
    assert kept(blocks) == [GOOD_1, GOOD_2]
    assert reason(blocks[2]) == "short"


def test_short_title_case_line_between_link_lines_is_dropped() -> None:
    blocks = run([para(GOOD_1, 1), link("Click here", 2), para("Sign Up Today", 3), link("Terms", 4), para(GOOD_2, 5)])
    assert blocks[2].drop is not None


def test_heading_followed_by_a_good_paragraph_is_kept() -> None:
    blocks = run([para(GOOD_1, 1), para("Budget talks continue", 2, kind=BlockKind.HEADING, level=2), para(GOOD_2, 3), para(GOOD_3, 4)])
    assert blocks[1].drop is None and blocks[1].label is Label.GOOD


def test_heading_followed_by_nothing_good_is_dropped() -> None:
    blocks = run([para(GOOD_1, 1), para(GOOD_2, 2), para("More stories", 3, kind=BlockKind.HEADING, level=2), link(NAV, 4), link(NAV + " | Video", 5), link(NAV + " | Audio", 6)])
    assert kept(blocks) == [GOOD_1, GOOD_2]


def test_nav_list_of_short_lines_is_dropped() -> None:
    nav = [para(word, i, kind=BlockKind.LIST_ITEM) for i, word in enumerate(["Home", "World", "Politics", "Business", "Sports"], start=1)]
    blocks = run(nav + [para(GOOD_1, 6), para(GOOD_2, 7), para(GOOD_3, 8)])
    assert kept(blocks) == [GOOD_1, GOOD_2, GOOD_3]
    assert all(b.drop is not None and b.drop.source is DropSource.CLASSIFIER for b in nav)


def test_repeated_short_line_is_dropped() -> None:
    blocks = run([para("Subscribe to our daily briefing", 1), para(GOOD_1, 2), para("Subscribe to our daily briefing", 3), para(GOOD_2, 4)])
    assert kept(blocks) == [GOOD_1, GOOD_2]
    assert reason(blocks[0]) == reason(blocks[2]) == "repeated"


def test_good_text_far_outside_the_main_region_is_dropped() -> None:
    # Eight lines of links (about 750 characters, weighed at 0.5) cost more than one good
    # paragraph earns, so the paragraph after them is not part of the article.
    tail = [link(f"{NAV} | {i}", 4 + i) for i in range(8)]
    blocks = run([para(GOOD_1, 1), para(GOOD_2, 2), para(GOOD_3, 3), *tail, para(GOOD_4, 20)])
    assert kept(blocks) == [GOOD_1, GOOD_2, GOOD_3]
    assert reason(blocks[-1]) == "outside-main-region"


def test_a_threads_posts_far_apart_all_stay_in_the_main_region() -> None:
    # A forum prints a run of post chrome (joined date, message count, controls) between
    # posts, which costs more than one post earns; a quote control under the posts marks
    # the page as a thread, whose posts are all content. Without it the last post goes.
    def chrome(line: int, control: str) -> list[Block]:
        return [para(f"Joined Jun {i}, 2006 | Messages {i}", line + i) for i in range(12)] + [para(control, line + 12)]

    for control, last_kept in (("Quote", True), ("Share", False)):
        blocks = run([
            para(GOOD_1, 1), para(GOOD_2, 2), para(GOOD_3, 3), *chrome(4, control), para(GOOD_1 + " Again.", 20), *chrome(21, control),
            para(GOOD_2 + " Again.", 40), *chrome(41, control), para(GOOD_4, 60),
        ])
        assert (GOOD_4 in kept(blocks)) is last_kept, control


def test_blocks_before_the_headline_are_dropped() -> None:
    blocks = [para(GOOD_3, 1), para("Budget Row Deepens", 3), para(GOOD_1, 5), para(GOOD_2, 6), para(GOOD_4, 7)]
    blocks[1].drop = Drop(DropSource.METADATA, "title")
    run(blocks, headline=3)
    assert reason(blocks[0]) == "before-headline"
    assert [b.drop for b in blocks[2:]] == [None, None, None]


def test_a_list_of_short_items_above_the_headline_stays() -> None:
    # Item lines are too short to be GOOD on their own; they still outweigh the one
    # paragraph under a "headline" found below them, which is then no article's start.
    items = [para(f"The Book Thief, volume {i}, by Markus Zusak: rated 4.39 by readers", 1 + i) for i in range(12)]
    blocks = [*items, para("Budget Row Deepens", 20), para(GOOD_1, 21)]
    blocks[-2].drop = Drop(DropSource.METADATA, "title")
    run(blocks, headline=20)
    assert all(reason(b) != "before-headline" for b in items)


def test_a_menu_of_labels_above_the_headline_goes() -> None:
    # A documentation site's sidebar: a hundred one- and two-word labels, more text in all
    # than the short article under the headline. Labels weigh nothing against its sentences.
    verbs = ["Use", "Reuse", "Share", "Deploy", "Manage", "Secure", "Trigger", "Control", "Review", "Create"]
    nouns = ["workflows", "runners", "secrets", "variables", "artifacts", "caches", "jobs", "actions", "containers", "environments"]
    menu = [para(f"{verb} {noun}", 1 + 10 * i + j) for i, verb in enumerate(verbs) for j, noun in enumerate(nouns)]
    blocks = [*menu, para("Writing Workflows Today", 200), para(GOOD_1, 201), para(GOOD_2, 202)]
    blocks[-3].drop = Drop(DropSource.METADATA, "title")
    assert sum(len(b.text) for b in menu) > len(GOOD_1) + len(GOOD_2)
    run(blocks, headline=200)
    # The last labels read as headings over the article and stay (_promote_headings).
    assert sum(reason(b) == "before-headline" for b in menu) >= 80
    assert kept(blocks)[-2:] == [GOOD_1, GOOD_2]


# --- thresholds ---------------------------------------------------------------------------------

MENU = "Markets Europe Asia Americas Commodities Currencies Bonds Funds Futures Options"  # no sentence shape


def test_link_share_threshold_for_non_sentences() -> None:
    assert len(MENU) > DEFAULT.short_block_chars
    above = run([para(GOOD_1, 1), para(MENU, 2, link_share=DEFAULT.max_link_share + 0.1), para(GOOD_2, 3)])[1]
    below = run([para(GOOD_1, 1), para(MENU, 2, link_share=DEFAULT.max_link_share - 0.1), para(GOOD_2, 3)])[1]
    assert reason(above) == "link-density"
    assert reason(below) != "link-density"


def test_link_share_threshold_is_read_from_settings() -> None:
    loose = replace(DEFAULT, max_link_share=0.6)
    block = run([para(GOOD_1, 1), para(MENU, 2, link_share=0.4), para(GOOD_2, 3)], loose)[1]
    assert reason(block) != "link-density"


def test_sentences_may_carry_more_link_text() -> None:
    # "In just [one speech](#) by ..." : a real sentence with links in it stays.
    some = run([para(GOOD_1, 1, link_share=0.4), para(GOOD_2, 2)])[0]
    teaser = para(GOOD_1, 1, link_share=DEFAULT.max_link_share_sentence + 0.1)
    teaser.markdown = f"[{GOOD_1}](https://example.com/other-story)"
    most = run([teaser, para(GOOD_2, 2)])[0]
    assert some.drop is None
    assert reason(most) == "link-density"


def test_a_sentence_opening_with_plain_words_may_carry_even_more_links() -> None:
    # "Assange faces [a charge of conspiracy ...](...)." : the article's own reference.
    inline = para(GOOD_1, 1, link_share=DEFAULT.max_link_share_sentence + 0.1)
    inline.markdown = "The minister said [" + GOOD_1[len("The minister said ") :] + "](https://example.com/source)"
    assert run([inline, para(GOOD_2, 2)])[0].drop is None
    inline.link_chars = round(len(GOOD_1) * (DEFAULT.max_link_share_inline + 0.05))
    assert reason(run([inline, para(GOOD_2, 2)])[0]) == "link-density"


@pytest.mark.parametrize("line", ["2 hours ago", "7H ago", "about 3 days ago"])
def test_a_relative_timestamp_alone_is_dropped_whatever_the_model_says(line: str) -> None:
    blocks = run([para(GOOD_1, 1), para(line, 2), para(GOOD_2, 3)], DEFAULT)
    assert reason(blocks[1]) == "timestamp"


def test_a_sentence_about_hours_ago_is_not_a_timestamp() -> None:
    blocks = run([para(GOOD_1, 1), para("Two hours ago the minister resigned.", 2), para(GOOD_2, 3)], DEFAULT)
    assert reason(blocks[1]) != "timestamp"


def test_cohesion_measures_the_article_vocabulary() -> None:
    same = "The parliament will vote on the budget next week, and the minister expects that most of the money for the hospitals will be approved by then, as the parties agreed."
    other = "Shoppers queued outside the bakery before dawn for the famous cinnamon buns, which sell out within an hour every Saturday morning."
    blocks = run([para(GOOD_1, 1), para(same, 2), para(other, 3)])
    assert blocks[0].features["cohesion"] > blocks[2].features["cohesion"]
    assert blocks[2].features["cohesion"] == 0.0


def test_comment_headers_and_vote_counts_are_template_lines() -> None:
    blocks = run([
        para(GOOD_1, 1),
        para("Milan Griffes on September 12, 2018 at 4:47 pm said:", 2),
        para(GOOD_2, 3),
        para("Catherine (GiveWell) on September 13, 2018 at 5:23 pm said:", 4),
        para("Rating: 36 Votes", 5),
        para(GOOD_3, 6),
        para("Alex on September 17, 2018 at 6:34 am said:", 7),
        para("Rating: 25 Votes", 8),
        para("Rating: 7 Votes", 9),
    ])
    templated = [b.text for b in blocks if b.features["templated"]]
    assert templated == [blocks[i].text for i in (1, 3, 4, 6, 7, 8)]


def test_two_uses_of_a_shape_are_not_a_template() -> None:
    blocks = run([para(GOOD_1, 1), para("Rating: 36 Votes", 2), para(GOOD_2, 3), para("Rating: 25 Votes", 4)])
    assert not any(b.features["templated"] for b in blocks)
    # The minimum is a setting.
    twice = run([para(GOOD_1, 1), para("Rating: 36 Votes", 2), para(GOOD_2, 3), para("Rating: 25 Votes", 4)], replace(HEURISTICS, template_min_repeats=2))
    assert twice[1].features["templated"] == twice[3].features["templated"] == 1.0


def test_long_lines_and_sentences_are_never_template_lines() -> None:
    lines = ["In favour of giving now:", "In favour of giving later:", "In favour of waiting:"]
    blocks = run([para(GOOD_1, 1), *[para(t, i + 2) for i, t in enumerate(lines)], para(GOOD_2, 9), para(GOOD_2 + " Again.", 10)])
    assert not any(b.features["templated"] for b in blocks)


def test_short_block_threshold() -> None:
    # The same sentence-free line is "short" below short_block_chars and judged on its own above it.
    line = "Markets in Europe and Asia"
    short = run([para(GOOD_1, 1), para(line, 2), link(NAV, 3)])[1]
    assert short.features["chars"] < DEFAULT.short_block_chars
    assert reason(short) == "short"
    wide = replace(DEFAULT, short_block_chars=10)
    judged = run([para(GOOD_1, 1), para(line, 2), link(NAV, 3)], wide)[1]
    assert reason(judged) != "short"


# --- bookkeeping ------------------------------------------------------------------------------------


def test_every_dropped_block_says_why_and_only_good_blocks_stay() -> None:
    blocks = [
        para("Home", 1, kind=BlockKind.LIST_ITEM),
        link(NAV, 2),
        para("", 3, kind=BlockKind.IMAGE),
        para("Budget talks continue", 4, kind=BlockKind.HEADING, level=2),
        para(GOOD_1, 5),
        para("The vote is on Friday.", 6),
        para(GOOD_2, 7),
        para("x = 1", 8, kind=BlockKind.CODE),
        link("Read more", 9),
        para("Advertisement", 10),
        para(GOOD_3, 11),
        link(NAV, 12),
    ]
    run(blocks)
    assert any(b.drop is None for b in blocks) and any(b.drop is not None for b in blocks)
    for b in blocks:
        assert b.label in (Label.GOOD, Label.BAD), b.text
        if b.drop is None:
            assert b.label is Label.GOOD
        else:
            assert b.label is Label.BAD
            assert b.drop.source is DropSource.CLASSIFIER
            assert isinstance(b.drop.reason, str) and b.drop.reason.strip(), b.text


def test_rule_and_metadata_drops_are_left_alone() -> None:
    blocks = [para("NATO Summit Ends", 1), para(GOOD_1, 2), para("Share", 3), para(GOOD_2, 4)]
    blocks[0].drop = Drop(DropSource.METADATA, "title")
    blocks[2].drop = Drop(DropSource.RULE, "generic.share")
    run(blocks)
    assert blocks[0].drop == Drop(DropSource.METADATA, "title")
    assert blocks[2].drop == Drop(DropSource.RULE, "generic.share")
    assert kept(blocks) == [GOOD_1, GOOD_2]


def test_a_second_copy_of_the_article_is_dropped() -> None:
    # Pages that print the article again on one line (a print view, an AMP copy).
    blocks = run([para(GOOD_1, 1), para(GOOD_2, 2), para(GOOD_3, 3), para(" ".join([GOOD_1, GOOD_2, GOOD_3]), 5)])
    assert kept(blocks) == [GOOD_1, GOOD_2, GOOD_3]
    assert reason(blocks[3]) == "duplicate"


def test_the_site_describing_itself_is_dropped() -> None:
    about = "WIRED is where tomorrow is realized. It is the essential source of information and ideas that make sense of a world in constant transformation."
    blocks = [para(GOOD_1, 1), para(GOOD_2, 2), para(GOOD_3, 3), para(about, 4)]
    classify(blocks, "en", None, HEURISTICS, site="WIRED")
    assert kept(blocks) == [GOOD_1, GOOD_2, GOOD_3]
    assert reason(blocks[3]) == "site-self-description"
    untouched = [para(GOOD_1, 1), para(GOOD_2, 2), para(GOOD_3, 3), para(about, 4)]
    classify(untouched, "en", None, HEURISTICS, site="Example News")
    assert reason(untouched[3]) != "site-self-description"


def test_a_company_describing_itself_in_its_body_is_no_footer() -> None:
    # A service page's own pitch opens with its name high up the page; the same paragraph
    # in the last quarter of the page is the footer's "About us".
    pitch = "OnePageCRM is a real bargain for small businesses. Pay for one CRM and get the extra tools you need for free."
    blocks = [para(GOOD_1, 1), para(pitch, 2), para(GOOD_2, 3), para(GOOD_3, 4)]
    classify(blocks, "en", None, HEURISTICS, site="OnePageCRM")
    assert reason(blocks[1]) != "site-self-description"
    footer = [para(GOOD_1, 1), para(GOOD_2, 2), para(GOOD_3, 3), para(pitch, 4)]
    classify(footer, "en", None, HEURISTICS, site="OnePageCRM")
    assert reason(footer[3]) == "site-self-description"


def test_word_grams_are_the_runs_of_five_words() -> None:
    from cleaner.classify.passes import _word_grams

    assert _word_grams("One two three four five six") == {hash(("one", "two", "three", "four", "five")), hash(("two", "three", "four", "five", "six"))}
    assert _word_grams("Just three words") == {hash(("just", "three", "words"))}
    assert _word_grams("") == {hash(())}


# A text capture flattens a code listing into one line: few stopwords, no sentence.
CODE = ("flowchart TD A[Slow Query] --> B[Run EXPLAIN ANALYZE] B --> C{Sequential Scan?} C -->|Yes| D[Add Index] "
        "C -->|No| E[Check Joins] E --> F[Rewrite Query] F --> G[Measure Again]")
DATA_ROW = ("Model X200 Black 42mm Aluminium Case GPS Cellular Sport Band Midnight Blue Edition 2025 Release Stock "
            "Ships Today Free Returns Warranty Included")


def test_code_between_paragraphs_is_left_to_its_neighbours() -> None:
    blocks = run([para(GOOD_1, 1), para(CODE, 2), para(GOOD_2, 3)])
    assert blocks[1].features["chars"] >= DEFAULT.short_block_chars
    assert kept(blocks) == [GOOD_1, CODE, GOOD_2]


def test_a_code_block_between_link_lists_stays() -> None:
    # A docs page's example between two lists of links: nothing near it is prose, and it
    # is still the page's content (wcxb-dev md: 97% of the code blocks this rule dropped
    # were in the human body).
    code = "pip install --upgrade example-client"
    blocks = run([para(GOOD_1, 1), link(NAV, 2), para(code, 3, kind=BlockKind.CODE), link(NAV, 4), para(GOOD_2, 5)])
    assert code in kept(blocks)


def test_a_line_of_names_without_code_marks_is_still_dropped() -> None:
    blocks = run([para(GOOD_1, 1), para(DATA_ROW, 2), para(GOOD_2, 3)])
    assert blocks[1].features["chars"] >= DEFAULT.short_block_chars
    assert reason(blocks[1]) == "few-stopwords"


def test_a_reply_quoting_an_earlier_post_keeps_the_quote() -> None:
    # A thread's reply quotes a post in full: a quote repeats text by design, and the
    # human body of a thread keeps both copies. A paragraph copy is still a duplicate.
    for kind, kept_copy in ((BlockKind.QUOTE, True), (BlockKind.PARAGRAPH, False)):
        blocks = run([para(GOOD_1, 1), para(GOOD_2, 2), para(GOOD_1, 3, kind=kind), para(GOOD_3, 4)])
        assert (reason(blocks[2]) != "duplicate") is kept_copy, kind
        assert len(kept(blocks)) == (4 if kept_copy else 3), kind


def test_a_code_block_shown_again_is_no_duplicate() -> None:
    # A manual shows a snippet again with a line changed (the same JSON object before and
    # after a call): the second is its content too, where a paragraph copy would not be.
    snippet = "\n".join(f'  "field_{i}": "value {i} of the charge object",' for i in range(12))
    changed = snippet.replace("value 3 of", "another value of")
    blocks = run([para(GOOD_1, 1), para(snippet, 2, kind=BlockKind.CODE), para(GOOD_2, 3), para(changed, 4, kind=BlockKind.CODE), para(GOOD_3, 5)])
    assert reason(blocks[3]) != "duplicate"
    assert kept(blocks) == [GOOD_1, snippet, GOOD_2, changed, GOOD_3]


def test_a_code_block_left_out_of_the_region_follows_the_prose_around_it() -> None:
    # The learned layer keeps an answer's paragraphs that lay outside the main region but
    # never sees code blocks: the example between them goes with them.
    from cleaner.classify.passes import _code_follows_prose

    code = "import asyncio\nasyncio.run(main())"
    blocks = [para(GOOD_1, 1), para(code, 2, kind=BlockKind.CODE), para(GOOD_2, 3), para(code + "\n", 4, kind=BlockKind.CODE), link(NAV, 5)]
    labels = [Label.GOOD, Label.BAD, Label.GOOD, Label.BAD, Label.BAD]
    for block, label in zip(blocks, labels):
        block.label = label
    reasons = {1: "outside-main-region", 3: "outside-main-region", 4: "link-density"}
    _code_follows_prose(blocks, reasons)
    assert [b.label for b in blocks] == [Label.GOOD, Label.GOOD, Label.GOOD, Label.GOOD, Label.BAD]
    assert reasons == {4: "link-density"}
    blocks[2].label = blocks[0].label = Label.BAD
    blocks[1].label = blocks[3].label = Label.BAD
    reasons = {1: "outside-main-region", 3: "outside-main-region"}
    _code_follows_prose(blocks, reasons)
    assert blocks[1].label is blocks[3].label is Label.BAD


def test_a_threads_numbered_posts_all_stay_in_the_main_region() -> None:
    # No quote control, but each post's chrome ends in its number ('#1', '#2', ...): the
    # numbers counting up mark a thread. Numbers out of order ('#7', '#2', '#9') do not.
    def chrome(line: int, number: str) -> list[Block]:
        return [para(f"Joined Jun {i}, 2006 | Messages {i}", line + i) for i in range(12)] + [para(number, line + 12)]

    for numbers, last_kept in ((("#1", "#2", "#3"), True), (("#7", "#2", "#9"), False)):
        blocks = run([
            *chrome(0, numbers[0]), para(GOOD_1, 13), para(GOOD_2, 14), para(GOOD_3, 15), *chrome(16, numbers[1]),
            para(GOOD_1 + " Again.", 30), *chrome(31, numbers[2]), para(GOOD_4, 50),
        ])
        assert (GOOD_4 in kept(blocks)) is last_kept, numbers


def test_quoted_posts_attributions_mark_a_thread() -> None:
    # A reply quoting a post opens the quote with its author ('jdoe said:'); three mark a
    # thread, as three quote controls do. A sentence ending in 'said:' is no attribution.
    def chrome(line: int, control: str) -> list[Block]:
        return [para(f"Joined Jun {i}, 2006 | Messages {i}", line + i) for i in range(12)] + [para(control, line + 12)]

    for control, last_kept in (("jdoe said:", True), ("Then, after a long pause at the meeting, the minister said:", False)):
        blocks = run([
            para(GOOD_1, 1), para(GOOD_2, 2), para(GOOD_3, 3), *chrome(4, control), para(GOOD_1 + " Again.", 20), *chrome(21, control),
            para(GOOD_2 + " Again.", 40), *chrome(41, control), para(GOOD_4, 60),
        ])
        assert (GOOD_4 in kept(blocks)) is last_kept, control


def test_a_run_of_like_lines_is_pulled_toward_one_verdict() -> None:
    from cleaner.classify.passes import _smoothed

    out = _smoothed(np.array([60.0, 60.0, 60.0]), np.array([0.6, 0.3, 0.6]), DEFAULT)
    assert out[1] > 0.4 > 0.3  # the dip in a run of alike lines crosses the threshold (0.40)
    assert 0.5 < out[0] < 0.6 and out[0] == out[2]  # each edge line has one neighbour


def test_a_long_paragraph_and_a_short_label_keep_their_own_evidence() -> None:
    from cleaner.classify.passes import _smoothed

    out = _smoothed(np.array([20.0, DEFAULT.smooth_alone_chars, 20.0]), np.array([0.05, 0.55, 0.05]), DEFAULT)
    assert out[1] == 0.55  # a paragraph amid menus is not dragged under by them
    # A 20-character label beside a long paragraph moves by a few thousandths at most.
    assert out[0] == out[2] and out[0] - 0.05 < 0.01


def test_a_run_of_one_templates_rows_shares_one_verdict() -> None:
    from cleaner.classify.passes import _smoothed

    # A table's rows printed as lines: the edge row beside a dropped line scored lower, and each
    # reading of the cleaned text peeled the next row off (wcxb-dev w0243). Signs are alike.
    from cleaner.text.inline import row_shape

    rows = [row_shape(row, 80) for row in ("9/1/2014| +4.9%", "10/1/2014| -1.3%", "11/1/2014| +7.4%", "12/1/2014| \u22120.2%")] + [None]
    assert len(set(rows[:4])) == 1
    out = _smoothed(np.full(5, 15.0), np.array([0.35, 0.6, 0.6, 0.6, 0.2]), DEFAULT, rows)
    assert out[0] == out[1] == out[2] == out[3] > 0.4  # the threshold: the edge row stays with the run
    assert out[4] < 0.4
    # Two rows are no run, and lines of different templates keep their own verdicts.
    out = _smoothed(np.full(3, 15.0), np.array([0.35, 0.6, 0.2]), DEFAULT, ["0/0/0000| +0.0%", "0/0/0000| +0.0%", None])
    assert out[0] < out[1]
    out = _smoothed(np.full(3, 15.0), np.array([0.35, 0.6, 0.6]), DEFAULT, ["a 0", "b 0", "c 0"])
    assert out[0] < out[1]


def test_cards_of_two_short_lines_share_one_verdict() -> None:
    from cleaner.classify.passes import _smoothed

    # A shop's grid printed as lines, each product's name over its price: each reading of the
    # cleaned text peeled the edge card off (wcxb-dev w4850.txt). The prices are one template,
    # the names each their own; the cards from the first price to the last share their mean.
    names = ["Walnut cheese board", "Linen tea towel", "Oak serving tray", "Cotton tote bag"]
    rows = [line for name in names for line in (name.lower(), "$0.00")]
    probs = np.array([0.2, 0.3, 0.6, 0.5, 0.6, 0.5, 0.6, 0.5])
    out = _smoothed(np.full(8, 15.0), probs, DEFAULT, rows)
    assert len(set(out[1:].tolist())) == 1 and out[1] > 0.4  # the threshold: the edge price stays with the run
    assert out[0] < 0.4  # the first name is over the run, not in it
    # Two cards are no run; a long line between (code None) breaks the cards, as an
    # "Advertisement" label between an article's paragraphs is no card.
    out = _smoothed(np.full(4, 15.0), probs[:4], DEFAULT, rows[:4])
    assert out[1] != out[3]
    broken = ["$0.00", None, "$0.00", None, "$0.00", None, "$0.00"]
    out = _smoothed(np.full(7, 15.0), np.array([0.2, 0.9, 0.6, 0.9, 0.6, 0.9, 0.6]), DEFAULT, broken)
    assert out[0] < out[2]
    # A line with no number every other line is a button under each teaser ("read more"), not a
    # card's data: the teasers keep their own verdicts.
    teasers = [line for name in names for line in (name.lower(), "read more")]
    out = _smoothed(np.full(8, 15.0), probs, DEFAULT, teasers)
    assert len(set(out[1:].tolist())) > 1


def test_smoothing_one_block_or_none_changes_nothing() -> None:
    from cleaner.classify.passes import _smoothed

    assert _smoothed(np.array([60.0]), np.array([0.3]), DEFAULT).tolist() == [0.3]
    assert _smoothed(np.array([]), np.array([]), DEFAULT).tolist() == []


def _sections(titles: list[str], start: int) -> list[Block]:
    out: list[Block] = []
    for n, title in enumerate(titles):
        out += [para(title, start + 2 * n, kind=BlockKind.HEADING, level=2), para([GOOD_1, GOOD_2, GOOD_3, GOOD_4][n % 4], start + 2 * n + 1)]
    return out


OPENING = "The council spent the whole of Tuesday on the plan for the hospitals, and this is what it agreed, who pays and when the work starts."
TITLES = ["Why the hospitals were built", "What the council decided", "2. Who pays for the wards", "What comes next"]


def test_a_table_of_contents_goes_and_its_headings_stay() -> None:
    # The entries repeat the headings below, numbered or not; one entry ("Summary") lost
    # its section in the capture and goes with the rest of the table.
    entries = ["1 Why the hospitals were built", "What the council decided", "Who pays for the wards", "What comes next", "Summary"]
    toc = [para(text, i, kind=BlockKind.LIST_ITEM) for i, text in enumerate(entries, start=2)]
    body = _sections(TITLES, 10)
    run([para(OPENING, 1), *toc, *body])
    assert all(reason(b) == "table-of-contents" for b in toc)
    assert all(b.drop is None for b in body)


def test_a_list_that_repeats_few_headings_or_none_stays() -> None:
    # Two entries are too few for a table; a list of points that happen to share words
    # with the headings is no table either; nor are headings that come before the list.
    few = [para(text, i, kind=BlockKind.LIST_ITEM) for i, text in enumerate(["What the council decided", "What comes next", "Beds for ninety patients", "A new roof"], start=2)]
    blocks = run([para(OPENING, 1), *few, *_sections(TITLES, 10)])
    assert not any(reason(b) == "table-of-contents" for b in blocks)
    after = [para(title, 30 + i, kind=BlockKind.LIST_ITEM) for i, title in enumerate(TITLES)]
    blocks = run([*_sections(TITLES, 1), *after])
    assert not any(reason(b) == "table-of-contents" for b in blocks)


def test_the_table_of_contents_thresholds_are_read_from_settings() -> None:
    toc = [para(title, i, kind=BlockKind.LIST_ITEM) for i, title in enumerate(TITLES, start=2)]
    blocks = run([para(OPENING, 1), *toc, *_sections(TITLES, 10)], replace(HEURISTICS, contents_min_items=5))
    assert not any(reason(b) == "table-of-contents" for b in blocks)


def test_a_text_captures_table_of_contents_goes() -> None:
    # Nothing is marked: the entries are short lines, and each heading a short line that a
    # sentence follows. A run of short lines that heads nothing later (a menu) stays.
    menu = [para(word, i) for i, word in enumerate(["Home", "News", "Sport", "Weather"], start=2)]
    toc = [para(title, i) for i, title in enumerate(TITLES, start=6)]
    body = [para(b.text, b.start) for b in _sections(TITLES, 20)]
    intro = "The wards were full again this winter, and the council has now said what it will do about them."
    run([para(OPENING, 1), *menu, para(intro, 5), *toc, *body])
    assert all(reason(b) == "table-of-contents" for b in toc)
    assert not any(reason(b) == "table-of-contents" for b in [*menu, *body])
    # The headings are no "repeated" lines for the table's copies of them. (The first one,
    # a short line between the dropped table and a paragraph, is left to its neighbours.)
    assert all(b.drop is None for b in body[2:])


# English with its letters mapped to Georgian's: a language whose words no stoplist holds.
_GEORGIAN = str.maketrans("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", "".join(chr(0x10D0 + n) for n in range(26)) * 2)


def test_a_language_without_a_stoplist_reads_its_prose_by_the_pages_own_commonest_words() -> None:
    paragraphs = [t.translate(_GEORGIAN) for t in (GOOD_1, GOOD_2, GOOD_3, GOOD_4)]
    menu = NAV.translate(_GEORGIAN)

    def page() -> list[Block]:
        return [link(menu, 1), *(para(t, n) for n, t in enumerate(paragraphs, 2)), link(menu, 6)]

    blocks = page()
    classify(blocks, "ka", None, HEURISTICS)
    assert kept(blocks) == paragraphs
    assert all(b.features["stopword_share"] >= DEFAULT.stopword_share_high for b in blocks[1:5])
    # With the English list standing in, as before the page's own list: every paragraph goes.
    blocks = page()
    classify(blocks, "ka", None, replace(HEURISTICS, page_stoplist_share=0.0))
    assert kept(blocks) == [] and {reason(b) for b in blocks[1:5]} == {"few-stopwords"}


def test_a_page_mixing_such_a_language_with_english_reads_both() -> None:
    # An English consent panel over the article: the English list covers the panel, and the
    # page's own commonest words the article.
    consent = (
        "We and our partners use cookies and similar technologies to store and access information on your device, "
        "and we process your data to show you content and ads that are relevant to you."
    )
    paragraphs = [t.translate(_GEORGIAN) for t in (GOOD_1, GOOD_2, GOOD_3, GOOD_4)]
    blocks = [para(consent, 1), *(para(t, n) for n, t in enumerate(paragraphs, 2))]
    classify(blocks, "ka", None, HEURISTICS)
    assert kept(blocks)[-4:] == paragraphs
    assert blocks[0].features["stopword_share"] >= DEFAULT.stopword_share_high
