"""Every threshold in one place. Names carry their unit; comments say where a value came from.

Values marked "jusText" are jusText 3.0's defaults. Values marked "dev bench" were
tuned with `make bench-quality` on ../shared/bench (181 pages); the figures are in
bench/RESULTS.md. Values marked "seeds" were set by reading the five seed captures.
"""
from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any


@dataclass(frozen=True)
class Settings:
    # --- input limits ---------------------------------------------------------
    # A news page is rarely above 2 MB of HTML; 50 MB leaves room for inline data
    # while keeping one document's memory bounded.
    max_input_bytes: int = 50 * 1024 * 1024
    # gzip input is inflated at most to this size (a bomb gives a clear error): a .gz
    # capture, a gzip or deflate HTTP body in a WARC, and any gzip stream (.warc.gz,
    # .jsonl.gz), which may go past it only at an inflation ratio of real pages (below).
    max_decompressed_bytes: int = 100 * 1024 * 1024
    # A gzip stream past max_decompressed_bytes must inflate less than this many times its
    # compressed size: the dev bench's 181 pages as one JSONL gzip 3.9x (html), 3.7x (md)
    # and 3.1x (txt); a gzip bomb inflates about 1000x (deflate's ceiling is 1032x).
    max_gzip_stream_ratio: int = 100
    # A JSONL line's lists and objects may nest this deep: its fields are kept in the
    # output, and pickling them to a worker and writing them out recurse that deep
    # (Python's recursion limit is 1,000). Records nest a few levels in practice.
    max_jsonl_nesting_levels: int = 100
    # Lines longer than this are read as several paragraphs, cut at sentence ends or spaces
    # (a page flattened onto one 5 MB line); nothing is dropped.
    max_line_chars: int = 200_000
    # Blocks (paragraphs, lines, list items) a capture may have: each costs about 2.6 KB
    # while it is cleaned (its features, its row of the classifier's matrix), so a capture
    # of a million one-word lines needed 1.3 GB. The most among the 3,357 text and
    # markdown captures of bench/ and wcxb-dev/ is 3,346; past the limit the capture is an
    # error (exit 3), never cut short in silence.
    max_blocks: int = 50_000
    # Share of NUL or control characters above which a capture is called binary.
    max_binary_share: float = 0.05

    # --- hard-wrapped captures (text.unwrap) ----------------------------------------
    # html2text wraps at 78 columns unless told not to, text browsers at 72-80. A capture
    # is wrapped at the narrowest width between wrap_min_width and wrap_max_width under
    # which at least wrap_min_lines lines end within wrap_band characters, and past which
    # at most wrap_max_over_lines plus wrap_max_over_share of those run that a wrap could
    # have broken. Both corpora's md captures wrapped as html2text's default does (its
    # optwrap at 78): found wrapped in 180 of 181 (bench) and 1,467 of 1,497 (wcxb-dev);
    # as captured, 4 of the 1,678 md and 11 of the 1,678 txt captures (pages whose own
    # text is wrapped, as wcxb-dev w0086's), which change no md output and three txt ones.
    wrap_min_width: int = 60
    wrap_max_width: int = 100
    wrap_band: int = 12
    wrap_min_lines: int = 8
    wrap_max_over_share: float = 0.02
    wrap_max_over_lines: int = 2

    # --- classifier pass 1 (context-free), after jusText --------------------------
    # jusText: length_low 70, length_high 200 characters.
    short_block_chars: int = 70
    long_block_chars: int = 200
    # jusText: stopwords_low 0.30, stopwords_high 0.32 (share of words).
    stopword_share_low: float = 0.30
    stopword_share_high: float = 0.32
    # jusText: max_link_density 0.2 (share of characters inside links).
    max_link_share: float = 0.2
    # In-text links are common in article sentences ("led by former [Dutch PM Mark
    # Rutte](#)."): a block shaped like a sentence may carry this much link text. seeds.
    max_link_share_sentence: float = 0.5
    # ... and a sentence that opens with plain words before its links this much (a
    # teaser opens with its link). bench-bbc-news lost its last five paragraphs at 0.5.
    max_link_share_inline: float = 0.9
    # A sentence with few stopwords (dense in names and numbers) is left to its
    # neighbours rather than dropped outright, if at least this share are stopwords. seeds.
    stopword_share_sentence_floor: float = 0.12
    # Code flattened into one line (a text capture of a tutorial: "SELECT * FROM t WHERE
    # id = 1;", "A[Start] --> B{Ok?}") has few stopwords too: with this share of its
    # characters code marks ({}[];=<>), it is left to its neighbours as well. wcxb-dev txt,
    # every 2nd page: 0.8050 -> 0.8055 (documentation 0.863 -> 0.868); counting parentheses,
    # as common in prose, emptied a listing of "Title (site.com)" lines.
    code_mark_min_share: float = 0.02
    # CJK text has no spaces: a character counts as this many "words" worth of text.
    cjk_chars_per_word: float = 2.0
    # For length thresholds a Han or kana character counts as this many Latin characters
    # (a Japanese news sentence is 30-60 characters, an English one 100-200), and a
    # Hangul syllable as this many (Korean words average about three syllables).
    cjk_char_weight: float = 3.0
    hangul_char_weight: float = 2.0
    # A block of this many words or more with sentence punctuation is never "short".
    min_sentence_words: int = 8
    # A page in a language jusText has no stoplist for (Georgian, Hindi, Arabic) reads with the
    # English one, which matches none of its words: it would read as all boilerplate. So the
    # English list is topped up with the page's own commonest words (each used at least
    # twice, at most page_stoplist_max_words of them) until it covers page_stoplist_share of
    # the words of the page's sentence-long blocks (page_stoplist_block_words words or
    # more): 0.45, the English list's median cover of English prose (0.36 to 0.53, tenth to
    # ninetieth percentile over both corpora). An English page lid.176 misnames is mostly
    # covered already and takes few or none. Not on a page of fewer than
    # page_stoplist_min_words such words. Measured on both corpora with every letter mapped
    # to Georgian's (bench/other_script.py). The word bound keeps a page of few repeated
    # words from listing them all: on every third mapped txt capture of both corpora a list
    # took 45 words at the median and 68 at the ninetieth percentile, and the bound held
    # 11 of 555 pages back.
    page_stoplist_block_words: int = 8
    page_stoplist_share: float = 0.45
    page_stoplist_max_words: int = 100
    page_stoplist_min_words: int = 40

    # Content terms (for how closely a block sticks to the article's vocabulary) are
    # words of at least this many characters that are not stopwords: shorter ones are
    # mostly function words the stoplists miss. Initial value.
    term_min_chars: int = 4
    # A block's local cohesion: the share of its terms that the blocks this close use.
    # The learned layer's window (context.py) is as wide. Initial value.
    cohesion_window_blocks: int = 3
    # A relative timestamp on its own line ("2 hours ago") is at most this long; longer
    # lines are sentences. Initial value: the stamps seen on the dev bench ("7H ago 08:51",
    # "1 hour ago") are under 15 characters.
    timestamp_max_chars: int = 30
    # A paragraph that opens with the site's name and says what it is ("WIRED is where
    # tomorrow is realized.", a press release's closing "Ascom is a global solutions
    # provider...") is dropped outright only this far down the page (its blocks' share):
    # a service page describes itself in its body ("OnePageCRM is a real bargain for small
    # businesses"). Measured on every page, wcxb-dev md / txt / bench txt: anywhere 0.8156 /
    # 0.8173 / 0.9360; from 0.5 0.8157 / 0.8174 / 0.9367; 0.6 0.8157 / 0.8175 / 0.9367; 0.75
    # 0.8159 / 0.8175 / 0.9367 (bench md 0.9435 at each).
    self_description_min_position: float = 0.75
    # A short line whose shape (digits as 0, or its last word when it ends in a colon)
    # recurs this often in the page is template chrome: comment headers ("x says:",
    # "November 19, 2019 at 6:34 am", "Rating: 36 Votes"), share bars, teaser stamps.
    # Lines up to template_max_chars are compared. Initial values: three is the fewest
    # that makes a pattern; 80 characters holds a comment header with name and date.
    template_min_repeats: int = 3
    template_max_chars: int = 80

    # A long block whose five-word runs mostly appeared earlier in the page is a copy of
    # the article (dev bench: Business Insider pages print it again on one line).
    duplicate_share: float = 0.8
    # A table of contents: a run of list items of which at least contents_min_items, and
    # at least contents_min_share of the run, repeat a heading further down. Its items
    # are the headings again, as links or not (wcxb-dev md: 205 of 1,497 captures hold
    # one; the human bodies keep the headings, not the table). Initial values.
    contents_min_items: int = 3
    contents_min_share: float = 0.5
    # In a text capture, which marks no list or heading, an entry is a line of this many
    # words or fewer (a heading's length). Initial value.
    contents_max_entry_words: int = 12

    # --- classifier pass 2 (neighbours) --------------------------------------------
    # jusText: max_heading_distance 200 characters.
    max_heading_distance_chars: int = 200
    # Good blocks at most this many blocks beyond the main region's edge join it, so an
    # ad or a related-links box inside the article does not cut it in two. Off by default:
    # on the dev bench the learned layer, which sees region distance, does this better.
    region_merge_gap_blocks: int = 0  # dev bench, heuristics only: 0 -> 4 took txt F1 0.878 -> 0.865
    # The main region is the run with the most good text net of bad text; bad text
    # weighs this much per character, so an article survives the ad lines inside it
    # but not a long run of teasers. Initial value.
    region_bad_text_weight: float = 0.5
    # Each bad block also costs this many characters' worth, so a run of short menu lines
    # separates the article from teasers as a long bad paragraph would.
    # dev bench: 0 -> 80 took md F1 0.870 -> 0.879, txt 0.843 -> 0.857.
    region_bad_block_chars: float = 80.0
    # A label: a line of at most this many words with no sentence end ("Tags", "Top
    # stories", "Reuse workflows"). The HTML judge drops one over a dropped list of links
    # (initial value); the text above the headline goes when the text below outweighs it,
    # counted once over every live line and once over the lines longer than a label
    # (classify.passes._before_headline), so a sidebar of hundreds of menu labels no longer
    # outweighs a short page. wcxb-dev txt: 4 -> 0.8173 (3 -> 0.8171, 6 -> 0.8170); md,
    # bench and HTML the same at each.
    label_max_words: int = 4
    # The fallback that keeps a text capture's main run (pipeline._keep_main_run): each
    # block costs this many characters, so a run of one-word menu lines scores below zero
    # and a list of items above it, even items of two or three short lines (a label, a
    # name, a score). When the classifier kept less than fallback_min_kept_share of that
    # run's characters, the run is kept. The cost was measured (score.py, both corpora,
    # md and txt): 40 -> 20 moved little (wcxb-dev txt 0.790 -> 0.791); 40 -> 10 took
    # wcxb-dev txt 0.790 -> 0.792 (listing 0.501 -> 0.516, collection 0.502 -> 0.520) and
    # md 0.792 -> 0.793 (collection 0.525 -> 0.543, listing 0.481 -> 0.488, forum 0.733 ->
    # 0.727), dev bench md 0.944 -> 0.945, txt 0.926 unchanged. The share was measured: 0.1
    # empties no page whose capture holds its body on either corpus, while 0.3 took bench
    # md F1 0.944 -> 0.936 and 0.7 to 0.893; with the cost at 10, 0.2 took bench md 0.945
    # -> 0.932 and txt 0.926 -> 0.918 (short articles under long teaser lists).
    fallback_block_cost_chars: float = 10.0
    fallback_min_kept_share: float = 0.1
    # Where what the classifier kept reads as items, not prose (pipeline._item_page: under
    # fallback_item_page_max_sentence_share of its lines sentences, and no paragraph long
    # enough to start a body alone), the run is kept while the kept text is under
    # fallback_item_page_min_kept_share of it: the classifier keeps a few titles, names or
    # prices of a listing and drops the rest of its items. Measured (score.py, first
    # readings, forcing the run back where the test holds; bench md and txt, every 3rd
    # wcxb-dev txt page): a share of lines (0.2) beat a share of characters (one long
    # promotion outweighs forty item lines), and 0.2 beat 0.15 and 0.25 (0.3 took bench md
    # 0.945 -> 0.938); a kept share of 0.5 beat 0.3 (listing +0.057 against +0.062), while
    # 0.7 and 1.0 took collection pages from +0.044 to +0.023. The long-paragraph test keeps
    # a short article whose menu came back in a settling reading (bench md, one page 1.0 -> 0.14).
    fallback_item_page_max_sentence_share: float = 0.2
    fallback_item_page_min_kept_share: float = 0.5
    # A kept block of fallback_item_page_glued_prose_min_chars or more with three sentence
    # breaks inside is prose too, whatever it ends with: html2text runs a table cell's
    # paragraphs into one line, the teaser links after the article glued on, and read as
    # a listing such a page got its whole menu back (table-wrapped bench md 0.8817 ->
    # 0.8920). 300 (the long-paragraph test's length) took a listing's 374-character intro
    # for an article (wcxb-dev txt w4636 0.84 -> 0.37); at 600 both corpora are unchanged
    # page for page, 1,000 gains less on the table-wrapped pages (0.8900).
    fallback_item_page_glued_prose_min_chars: int = 600
    # An article's numbered list (pipeline._keep_numbered_runs): items numbered from 1 in
    # order, at least numbered_run_min_items, at most numbered_run_max_gap_blocks blocks
    # apart (a picture and a link between picks). 0: off. On: wcxb-dev md 0.8207 -> 0.8209
    # (26 pages, +0.43 in all, none down by 0.01), txt 0.8221 either way (15 pages, +0.02),
    # bench md 0.9468 -> 0.9471 and txt 0.9373 -> 0.9376 (a listicle of 22 picks, 0.55 ->
    # 0.72). 3 or 7 items, a gap of 2 or 8: within 0.0001 of these.
    numbered_run_min_items: int = 5
    numbered_run_max_gap_blocks: int = 4
    # A page that is a list of items (pipeline._keep_item_run, _item_runs, _cards): a line
    # shape opening with a link or a price recurs item_run_min_items times, 2 to
    # item_run_max_gap_blocks blocks apart; the line after it has one shape in
    # item_run_min_same_next_share of the cards, and their links lead to that share of
    # different pages; under item_run_max_menu_share of the run's lines are linked list
    # items (a mega-menu's sections) and its cards average at most item_run_max_item_chars
    # (an article's sections are longer). The run's text must reach item_run_min_prose_ratio
    # times the sentences kept outside it, and at most item_run_max_prose_before_chars of
    # sentences may be kept before it (a teaser rail follows its article). Measured (setq,
    # every 3rd wcxb-dev md page, F1 0.8188 before): the prose outside the run, not on the
    # whole page, 0.8186 -> 0.8202 (a card list's kept blurbs are no rival prose); the
    # item-size cap brought articles from -0.0014 to -0.0006, the menu test to +0.0002;
    # a ratio of 2.0 kept almost no listing (0.8181). The prose-before cap took bench md
    # 0.9369 -> 0.9402 (teaser rails under short articles); the rest of that loss came in
    # settling readings (pipeline.clean_text). Then, every 3rd wcxb-dev md page from
    # 0.8202 and bench md 0.9435: the cap at 1500 gave 0.8205 (service +0.0035, forum
    # -0.0012), bench unchanged; 3000 gave 0.8208 but bench 0.9417; 3 items in place of 4
    # 0.8199; a ratio of 0.5 0.8203 (collection -0.0074). The other values are first
    # guesses that held, not a searched optimum.
    # A card line's shape (pipeline._item_shape): all link from this share of its text in
    # links, a price when at most item_shape_price_max_chars long and holding one, short up
    # to item_shape_short_max_chars. Bins chosen once, not searched.
    item_shape_all_link_min_share: float = 0.9
    item_shape_price_max_chars: int = 40
    item_shape_short_max_chars: int = 60
    item_run_min_items: int = 4
    item_run_max_gap_blocks: int = 10
    item_run_min_prose_ratio: float = 1.0
    item_run_min_same_next_share: float = 0.6
    item_run_max_menu_share: float = 0.5
    item_run_max_item_chars: float = 400.0
    item_run_max_prose_before_chars: float = 1500.0
    # The learned layer (classify/learned.py) re-decides each block from its features,
    # its heuristic labels and its neighbours'. Off: the heuristic passes decide alone.
    use_learned_model: bool = True
    # Its probabilities are smoothed along the page (passes._smoothed): a block's own
    # weight is smooth_own_weight, rising to 1 at smooth_alone_chars, and a neighbour pulls
    # in proportion to how alike the two blocks' lengths are. Every md and txt figure rose
    # (wcxb-dev txt 0.8192 -> 0.8219, md 0.8159 -> 0.8182; bench txt 0.9367 -> 0.9373, md
    # 0.9435 -> 0.9465). Around these values (own weight 0.5 or 0.7; 160 or 1000
    # characters) wcxb-dev txt read 0.8205-0.8221, md 0.8174-0.8182, bench md 0.9433-0.9467.
    # Without the length likeness, short labels beside paragraphs were kept (bench md
    # 0.9440); with its square, wcxb-dev txt 0.8202. A flat own weight (no length term)
    # cost bench md 0.9410: a lone paragraph under menus fell below the threshold.
    smooth_own_weight: float = 0.6
    smooth_alone_chars: float = 400.0
    # A run of this many lines of one template or more (passes._smoothed: numbers blanked,
    # + and - alike), one after another, shares the mean of their probabilities: a table's
    # rows printed as lines. Each reading of the cleaned text peeled the run's edge row off
    # (wcxb-dev w0243.md and w0649.md changed at every cleaning). Against 0: bench no page
    # differs; wcxb-dev md 35 pages (page F1 summed +0.12), txt 30 (+0.03), both means
    # unchanged at four places. Three is the fewest that makes a pattern (template_min_repeats).
    # So many cards of two short lines (a name over a price: every other line of one template
    # that holds a number) share their mean too: wcxb-dev w4850.txt's grid lost a card or two
    # at each reading. Against runs alone: bench md 1 page (summed -0.03), txt 2 (+0.01);
    # wcxb-dev md 29 (-0.29), txt 25 (-0.10), grids kept whole where the labels leave them out.
    run_min_blocks: int = 3

    # --- metadata (cleaner/text/meta.py) ------------------------------------------
    # A title is a short line: headlines on the dev bench are under 200 characters.
    max_title_chars: int = 220
    # The headline is searched in the first lines only. Flattened pages put whole menus
    # above it: on the dev bench the headline sits at line 85 (median), 370 (99th
    # percentile) and 623 at most, in md and txt alike.
    meta_window_lines: int = 700
    # The main body starts at the first prose block: a paragraph of at least this many
    # characters (CJK weighted as in the classifier) with sentence punctuation, followed
    # by another one within `body_run_blocks` blocks. Teaser blurbs are shorter. dev bench.
    meta_prose_min_chars: int = 120
    body_run_blocks: int = 3
    # A prose block at least this many times meta_prose_min_chars starts the body alone.
    body_single_block_factor: float = 2.5
    # Headline candidates are scored (cleaner/text/meta.py, _headline_score); these are
    # the points each signal gives. Set by reading the dev bench's md half (ids 0-7):
    # the <title> line repeated as a line beats every other signal, then the heading
    # level, the URL slug and the distance to the body.
    headline_heading_points: tuple[float, ...] = (3.0, 2.0, 1.5, 1.0, 1.0, 1.0)  # h1..h6
    # The page's first level-1 heading: a page marks one headline with `#`, the later
    # ones are its sections. wcxb-dev md titles (human labels, 1,497 pages): 0 -> 2.0 took
    # 1,054 -> 1,090 right; 1.0, 3.0 and 4.0 gave 1,089, 1,093 and 1,091 (a flat optimum).
    headline_first_h1_points: float = 2.0
    # Those points go to a level-2 heading right under that first `#` line, with at most this
    # many image or link lines between, when the URL slug names the `##` line and not the `#`
    # line: the `#` line names the book, section or site ("# The Rust Programming Language"
    # over "## What Is Ownership?"). wcxb-dev md: +3 titles, none lost; without the slug
    # test, +6 and -16 (a standfirst or first section under the headline). -1 turns it off.
    headline_h2_under_h1_max_between: int = 2
    # "The URL slug names a line": at least this share of the shorter side's words (the line's
    # or the slug's) are in both. Initial value (half), set by hand with the rule; not tuned.
    headline_h2_slug_min_share: float = 0.5
    # A displayed headline printed as a <title>, "Headline | Section | Site", loses the tail
    # parts shown to be the site (the URL's host or a line of their own) when this many words
    # or more are left. wcxb-dev md: +1 title (w4180); initial value, others not tried.
    headline_bar_head_min_words: int = 3
    headline_title_element_points: float = 3.0  # the line repeats the first line (<title>) or its head
    # A displayed headline needs this many points to win over the <title> line of a text capture.
    headline_min_points: float = 2.0
    headline_slug_points: float = 3.0  # times the share of words shared with the URL slug
    headline_near_body_blocks: tuple[int, ...] = (2, 5, 10, 20)  # text blocks between the line and the body
    headline_near_body_points: tuple[float, ...] = (2.0, 1.5, 1.0, 0.5)  # for each of those distances
    headline_byline_after_points: float = 2.0  # a 'By' line right under it (half within 4 blocks)
    headline_date_after_points: float = 1.0  # a date line right under it (half within 4 blocks)
    headline_after_body_points: float = -1.0  # it comes after the body has started
    headline_label_points: float = -2.0  # one to three words in capitals: a section label ("WORLD NEWS")
    headline_sentence_points: float = -2.0  # ends with a period or holds two sentences: a standfirst
    # Text captures: a displayed headline often rewords the <title> line. Points times the
    # share of its words (four letters or more) found in the first line, from this share up.
    # Lifts txt title accuracy on the dev bench (bench/RESULTS.md); 0.25 lets "Мастера вкуса: 23
    # самых крутых фудблогера по версии Wday.ru" beat a contest-rules line above it.
    headline_title_words_points: float = 2.0
    headline_title_words_min_share: float = 0.25
    # A name line over a date line is a byline, however Title Case it looks (issue 5).
    headline_byline_shape_points: float = -3.0
    # A line ending in '!' or '?' with more words than this, not in Title Case, is a sentence
    # (promotional prose, a question to the reader), not a headline.
    headline_max_exclaiming_words: int = 15
    # A heading whose text the capture prints as a heading more than this many times is a
    # widget's label ("Why you're seeing this ad" over each ad, "Related Products" over each
    # carousel), not the headline. wcxb-dev md: titles 1148 -> 1151 of 1497, none lost, bench
    # md/txt unchanged (other values not tried). Counting copies among all lines instead of
    # headings cost 19 titles: a headline is printed again in menus and breadcrumbs.
    headline_max_heading_copies: int = 4
    # On a page of items, with no prose block (meta.body_start finds none) and under this
    # share of its lines sentences (terminal punctuation, min_sentence_words words), the
    # lines read as its title and standfirst stay in the body (pipeline._keep_headlines_in_body);
    # their fields are still filled. 0 turns it off. Initial value: a list of item titles
    # has next to no sentences, an article of short paragraphs has mostly sentences.
    item_page_max_sentence_share: float = 0.5
    # The byline and the date are looked for this many text blocks after the headline
    # (and a few before it: some sites print "By X | date" above). dev bench: 95% of
    # bylines within 8 blocks, dates within 10.
    byline_blocks_after: int = 14
    byline_blocks_before: int = 4
    # A line "right by the headline" is at most this many text blocks from it (meta._near's
    # distance): a name line there is a byline, a team a rule dropped there still names the
    # authors, and a card's credit there may be the page's byline (meta._card_credits, over or
    # under the headline). 2: the line next to the headline, or the one after a standfirst
    # or date line. The value the name-line rule was written with; the credit rule takes it too
    # (with 0 < distance <= 2 only, under it, wcxb-dev w4377.txt lost its byline printed over
    # the headline). Not searched.
    byline_by_headline_blocks: int = 2
    # Past byline_blocks_after, a strong byline ('By X', 'Written by X', an author-page
    # link) still counts this many text blocks below the headline when every strong byline
    # there names one person (meta._far_byline). wcxb-dev md author 442 -> 459 of 739 with
    # no page lost; bench md/txt authors unchanged.
    byline_far_blocks_after: int = 400
    # The same over the headline, where nothing below names an author, for a 'By' line with a
    # full name printed once (meta._far_byline): a blog's "by Eric Ries" under its masthead, a
    # byline over a headline the search took further down. wcxb-dev md author +2 (w4456, w0227),
    # txt +1, dev bench unchanged; 40 reaches both pages and was not tuned further.
    byline_far_blocks_before: int = 40
    # A poster's card (avatar, profile link) under a date line labelled as the publication's
    # ("asked Oct 16, 2023") is looked for in this many text blocks after it (the avatar's
    # alt text and the link: 2; one more for a badge line). With the reading-time, author-box,
    # list-byline and role-credit forms: wcxb-dev md author 467 -> 490 of 739, bench unchanged.
    byline_card_blocks: int = 3
    # A 'By' line this many text blocks over the headline outranks the weak forms under it
    # (a date and byline printed over the headline, a "Filed Under" line under it). Two
    # blocks up took a teaser's "by Andy Westlake" over a breadcrumb (wcxb-dev txt); one
    # gained one wcxb-dev md page and lost none, bench unchanged.
    byline_above_by_blocks: int = 1
    # A block of at least this many characters, mostly not links and of three sentences or
    # more, that the passes before the learned layer kept, stays whatever the layer says
    # (passes._long_prose); 0: off. wcxb-dev md 0.8205 -> 0.8207 (w4130 0.79 -> 0.86, a
    # guide whose paragraphs end with a photo credit; w2923, w3020, w4458 up), txt 0.8222 ->
    # 0.8221 (w2914 0.28 -> 0.00: a maker's 3,400-character comment under a listing, which
    # its label leaves out; w3020 -0.03; w2923, w4458 up); bench md and txt unchanged page for
    # page. Bench md with each body wrapped in a layout table: 0.8643 -> 0.8817. Then 1,500
    # -> 1,000, with Title Case runs left out (a run of headlines, passes._LONG_PROSE_MAX_TITLE_CASE):
    # wcxb-dev md 0.8207 unchanged (w0371, w4130 up), txt 0.8221 unchanged (w2894 -0.08, a
    # customer review its label leaves out; w0042 +0.04), bench md and txt page for page;
    # table-wrapped bench md 0.8920 -> 0.9020 (an AP story run into one line with its tags
    # and its copyright notice, 1,095 characters). 700 moved eleven dev pages either way.
    model_keep_min_chars: int = 1000
    # A byline line is short; longer lines are sentences that happen to start with "By".
    max_byline_chars: int = 160
    # A block a byline was read from stays in the body when it is longer than this
    # (meta._line_of_its_own: the byline opens a paragraph); 0: off. Most byline forms are
    # read only from lines up to max_byline_chars; a 'By' link glued to a paragraph and a
    # post's credit line (an author link before the date) are read from any line. Bench md
    # with each page's body wrapped in a layout table (html2text runs a cell's paragraphs
    # into one line): 0.8499 -> 0.8643. As captured: wcxb-dev md one page up (w0468 0.896 ->
    # 0.899), txt and bench md/txt unchanged page for page.
    byline_drop_max_chars: int = 400
    # A markdown line of this many links or more and nothing else, each of card_min_words
    # words or more, is a row of cards: one block each (segment._card_row). Initial values;
    # 2 words took wcxb-dev md 0.8191 -> 0.8189, 2 links bench md 0.9463 -> 0.9433.
    card_row_min_links: int = 3
    card_min_words: int = 3
    # A byline whose first and last words frame this many different names on the page heads
    # posts or reviews ("by NAME ( 1234 ) writes"), not the page (meta._post_attributions).
    # Initial value: two names would be a byline and one reply; not searched.
    byline_frame_min_names: int = 3
    # A line taken as the date line is mostly the date; a date deeper inside a longer
    # line must sit within the first date_prefix_chars characters ("Updated: ...").
    max_date_line_chars: int = 200
    date_prefix_chars: int = 60
    # A line of its own for a date ("Updated 3:12 PM GMT+1, March 6, 2025") is this short;
    # it leaves the body when it holds at most date_line_drop_extra_chars besides the date.
    date_line_max_chars: int = 80
    date_line_drop_extra_chars: int = 40
    # "Posted Nov 19, 6:51 AM": a date printed without a year counts only when it opens its
    # line, after a label at most (teaser titles end in "... for Nov. 19"). dev bench.
    yearless_date_prefix_chars: int = 25
    # A name in a byline has at most this many words ("Troy L. Smith", "Marcus De Guzman").
    name_max_words: int = 4
    # A prose block (the body's start; long prose the learned layer may not drop) has at most
    # this share of its characters in links.
    prose_max_link_share: float = 0.3
    # Date candidates near the headline are scored: points for a date line just below the
    # headline, losing per_block_below per block of distance (above it: fewer points, lost
    # faster), a 'Published' label, a byline on the same line; minus points for an 'Updated'
    # label, a teaser link and a sentence or caption around the date. Set by reading the
    # dev bench's md half (ids 0-7); the best candidate must stay above 0.
    date_below_points: float = 3.0
    date_below_points_per_block: float = 0.1
    date_above_points: float = 2.0
    date_above_points_per_block: float = 0.2
    date_published_points: float = 1.5
    date_updated_points: float = -1.0
    date_byline_points: float = 0.5
    date_teaser_points: float = -2.0
    # A link counts towards a teaser only with this many words: a story's title. Shorter ones
    # are categories and "Back to posts"; a link that is the date alone is a permalink.
    # wcxb-dev md dates 0.719 -> 0.723 (all links counted -> these two exceptions), bench md
    # unchanged; 3 words took nothing more.
    date_teaser_link_min_words: int = 4
    date_prose_points: float = -3.0
    # When the page prints a time and a time zone next to the date ("Nov 18, 2019 at
    # 9:24 pm ET"), give the date in UTC, as publishers' own structured data and feeds
    # mostly do. dev bench: on the 10 pages where the two differ, the UTC date agrees
    # with the page's datePublished on 7, the printed local date on 3. Without a zone
    # the printed date is kept, and so it is when the page's URL carries the printed
    # day (/2019/11/19/ or /19/11/19/ under "Nov 19, 2019, 7:53pm EST"): the site's own
    # calendar. None of the 7 has a date in its URL; 2 of the 3 do (The Verge,
    # AppleInsider), and they declare that local day.
    date_in_utc: bool = True
    # A date in the page's URL (/2018/10/09/) overrules a printed date further than this
    # from it: that one belongs to a sidebar or a teaser. One day is left for time zones.
    url_date_tolerance_days: int = 1
    # The masthead (a link to the site's front page) is looked for in the first blocks only.
    masthead_blocks: int = 40
    # The dateline opens the first paragraphs of the body: searched this many blocks down.
    dateline_blocks: int = 12
    # Words that label a printed date, byline prefixes and the words that make a name
    # part of a byline a job title instead. Collected from the dev bench, the seeds and
    # the examples; matched case-insensitively as whole words.
    date_published_labels: tuple[str, ...] = (
        "published", "posted", "first published", "created", "asked", "publié", "publicado", "pubblicato",
        "veröffentlicht", "erstellt", "gepubliceerd", "opublikowano", "опубликовано", "입력", "등록", "작성", "公開", "发布",
    )
    date_updated_labels: tuple[str, ...] = (
        "updated", "last updated", "modified", "edited", "mis à jour", "actualizado", "aggiornato",
        "aktualisiert", "bijgewerkt", "zaktualizowano", "обновлено", "수정", "업데이트", "更新",
    )
    # Labels of a date that is a member's, not the page's: forum posts print when their
    # author joined. wcxb-dev forum threads (phpBB, FluxBB, vBulletin profiles under each post).
    date_member_labels: tuple[str, ...] = ("joined", "registered", "member since", "signed up", "join date")
    # Labels of a thread's latest activity, not its start: "23 replies · last post by X Sep 26,
    # 2024" over the first post's "#1 · Jan 3, 2024". wcxb-dev forum threads (XenForo,
    # vBulletin, Mumsnet): the last post's date was taken on 3 of the 21 pages that print one.
    date_last_post_labels: tuple[str, ...] = ("last post", "last reply", "latest reply", "last comment", "last active", "last activity")
    byline_prefixes: tuple[str, ...] = (
        "by", "von", "par", "por", "di", "door", "av", "przez", "oleh", "автор", "текст", "text", "words",
        "written by", "posted by", "story by", "reporting by", "words by", "text by", "analysis by", "opinion by",
        "commentary by", "review by", "column by", "글", "작성자", "started by", "thread starter",
    )
    # ("started by" and "thread starter" open a forum thread's first post: wcxb-dev forum threads.)
    # Labels that name the authors only with a colon after them: "Author: Patrick Smart",
    # "Authors:[A](…), [B](…)" (arXiv), "**Author:** [Name](…)" in a list: 2 wcxb-dev md
    # pages won, 1 page without an author label got a review's "AUTHOR:" name, bench unchanged.
    # Without the colon "Author" is a heading or a button ("Author Posted by X", "About the author").
    byline_labels: tuple[str, ...] = ("author", "authors", "autor", "autoren", "auteur", "auteurs", "autores", "autori")
    # The last word of a newsroom's or a team's byline: "By News Desk", "By The Currency editors",
    # and of a team's name line under the headline that a rule dropped ("InstaTunnel Team").
    # wcxb-dev md author +4 (w0408, w0146, w0439, w4304), txt +5; dev bench unchanged.
    byline_group_words: tuple[str, ...] = ("desk", "newsdesk", "newsroom", "team", "staff", "editors")
    job_words: tuple[str, ...] = (
        "staff", "writer", "writers", "reporter", "reporters", "correspondent", "editor", "editors", "contributor",
        "columnist", "producer", "news", "wire", "service", "associated press", "press", "bureau", "chief",
        "senior", "special", "auto", "business", "political", "science", "analyst", "contributing", "team",
        "desk", "author", "redaktion", "redakteur", "journalist", "photographer",
    )
    # A writer's job after a name under a portrait ("Eli Manikan Contributing Writer", "Mateusz
    # Haberny Founder at Oakywood"): what tells an author card from a hero image over a
    # heading that repeats its alt text ("Lodge Cast Iron", "Interior Design", "ZZ Plant").
    # Without it (any portrait whose alt names the line under it), most of the 20 wcxb-dev
    # md pages without an author label that newly got one got such a heading; with it, the
    # cards won 6 labelled pages (0.713 -> 0.725 with the other byline forms) and none of them.
    card_job_words: tuple[str, ...] = (
        "writer", "editor", "author", "contributor", "contributing", "reporter", "journalist", "columnist",
        "correspondent", "founder", "co-founder", "cofounder", "consultant", "analyst", "blogger",
        "theorist", "strategist", "researcher", "copywriter",
    )
    # News agencies: a line that is only an agency's name, under a headline, is the byline.
    agency_names: tuple[str, ...] = (
        "Reuters", "AP", "The Associated Press", "Associated Press", "AFP", "Agence France-Presse", "dpa", "UPI",
        "Bloomberg", "PTI", "IANS", "ANI", "Yonhap", "Xinhua", "EFE", "ANSA", "Kyodo", "TASS", "Press Association",
    )
    # Link targets whose path names an author page: the link text is an author (markdown).
    # "u" and "member" are forum profiles (/u/name, /member/name): a thread's first post.
    author_url_parts: tuple[str, ...] = (
        "author", "authors", "autor", "auteur", "byline", "people", "person", "profile", "profiles", "staff",
        "contributor", "contributors", "writer", "writers", "reporter", "reporters", "journalist", "columnist",
        "meet-the-team", "team", "user", "users", "members", "member", "u",
    )
    # Last path parts that make a user or member path an account's page, not a person's:
    # "[Start Shopping Now](/user/sign-in)" was a wcxb-dev md page's byline.
    author_url_account_pages: tuple[str, ...] = (
        "login", "log-in", "signin", "sign-in", "logout", "log-out", "register", "signup", "sign-up", "join",
        "account", "my-account", "settings", "orders", "cart", "password", "lost-password", "edit",
    )
    # The author_url_parts that only writers' pages use (not accounts, members, staff or teams):
    # a link there vouches for a name the page also writes in lower case, and is the byline
    # of last resort on a page that shows no other (meta._first_author_link). With the user,
    # people and staff paths too, 30 wcxb-dev md pages without an author label got one
    # ("My Account", "Faculty & Staff", "Order Status"); with these only, 1 did ("Phoebe
    # Sajor" on a listing) and the fallback won 3 labelled pages.
    author_page_url_parts: tuple[str, ...] = (
        "author", "authors", "autor", "auteur", "byline", "contributor", "contributors", "writer", "writers",
        "reporter", "reporters", "journalist", "columnist",
    )
    # Path parts of a site's topic pages: a line of links there is a post's categories or tags
    # ("[Sides](/category/recipes/sides/), [Sourdough](…)"), never its authors, however name-shaped.
    # (wcxb-dev md: 4 such lines were weak bylines under a headline, none of them right.)
    taxonomy_url_parts: tuple[str, ...] = ("category", "categories", "tag", "tags", "topic", "topics")
    # Forum scripts whose query names a member's profile: "script?key" or "script?key=value"
    # (SMF). phpBB's "memberlist.php?mode=viewprofile" won 2 wcxb-dev md authors but took a
    # reply's poster on two threads whose dates and title then moved (-2 dates, -1 title);
    # vBulletin's "member.php?u=" halved a page's body F1; "profile.php?id=" is also Facebook's.
    author_profile_queries: tuple[str, ...] = ("index.php?action=profile",)
    # Language detection reads at most this much text, taken from the longest lines (the
    # model's time is linear in it). With py3langid, 1500 gave the same languages as 4000 on
    # every bench capture, and 800 and 1000 turned one Indonesian page into Malay; fastText's
    # lid.176 then gave the same languages as py3langid on every md, txt and html capture.
    language_sample_chars: int = 1500
    # The body keeps the capture's language when this share of its sample's characters
    # are lines the capture's sample read too (the model would read the same text).
    # Initial value: with it, every md and txt bench capture kept the language it had.
    language_reuse_share: float = 0.8
    # The settling step (pipeline._settle) cleans its own output again until a reading drops
    # nothing; past this many readings it returns what it has (a chain of neighbours, each
    # dropped once the one before it went). Dev bench: 1 reading on 240 of 362 md and txt
    # captures, 2 on 92, at most 11.
    settle_max_readings: int = 20
    # ... and past them, readings go on while all the readings together hold at most this
    # many lines: a small page may need more (a list whose items each reading took as the
    # title one at a time: on every third md and txt capture of both corpora with its letters
    # mapped to Georgian's, 7 of 1,120 ran out of 20 readings, 5 of them not idempotent; each
    # settles within 38, and the longest, 662 lines, within 21), while a page of 100,000 short
    # lines still stops at 20 readings (bench/scale.py --lines). About 1.5 s of text path at
    # most, on the pages that need it.
    settle_max_lines: int = 20_000

    # --- rules -------------------------------------------------------------------
    # A cut-rest marker ("Recommended news", "Similar News:") ends the article only after
    # some article: this many characters of paragraph-like text must come before it, or
    # the marker is just dropped. Menus at the top repeat such labels (dev bench: "You may
    # also like" in Gizmodo's header cut whole pages), and a forum thread's short first
    # post is no article that a comment section ends ("76 Replies" over the thread).
    # 300 -> 600: wcxb-dev txt forum F1 0.706 -> 0.713, html 0.812 -> 0.813; dev bench md,
    # txt and html unchanged; 1000 took dev bench txt 0.926 -> 0.923.
    cut_min_prose_chars_before: int = 600
    # A tail-only cut-rest marker ("More from this author", "Want more stories like
    # this?") cuts only where the prose after it (blocks of prose_block_min_chars with a
    # sentence end, before the classifier) is at most this share of the prose before it;
    # else only the marker goes (a box inside the article, with the article under it).
    # With related.tail (all pages): wcxb-dev txt 0.8046 -> 0.8060 (articles 0.9149 ->
    # 0.9176), md 0.8055 -> 0.8061 (0.9199 -> 0.9216); dev bench txt 0.9305 -> 0.9343, md
    # 0.9427 -> 0.9430. Simulated on the outputs, 0.5 cut fewer tails (wcxb-dev txt +0.0005,
    # bench txt +0.0006) and no limit cut in-article boxes (bench txt -0.0036). Then without
    # the menu labels "Latest", "Trending" and "News", and with generic.article-end-prompt:
    # wcxb-dev txt 0.8061 (articles 0.9178), md 0.8064 (0.9221); bench txt 0.9348, md 0.9431.
    cut_tail_max_prose_after_share: float = 1.0
    # A marker that labels each item ("Add a comment" under every answer) cuts at its last
    # use, unless prose starts within cut_item_start_max_lines kept lines under it (a vote
    # count or a poster's name between) and the prose after it holds at least
    # cut_item_min_share of one item's (the prose before over the item labels' uses): the
    # last item lost its label (a Q&A page's last answer, whose "Add a comment" the reading
    # left out), and stays (engine._item_follows). Initial values (R46): wcxb-dev html w2826
    # word F1 0.70 -> 0.90, md w0567 0.77 -> 0.84, no bench output in any kind. Without the
    # start test a Q&A page's related questions stayed (w2827.txt 0.95 -> 0.66); with 2 lines
    # in place of 3, w0567.md lost its gain (0.84 -> 0.77); 5 gave 3's outputs on those pages.
    cut_item_min_share: float = 0.5
    cut_item_start_max_lines: int = 3
    # An author box under the article (text.tail.cut_author_box): a paragraph that opens
    # with the byline author's name, with at least this share of the kept text before it
    # and the name nowhere in that text. All pages: wcxb-dev txt 0.8061 -> 0.8069
    # (articles 0.9178 -> 0.9192; 43 pages up, 7 down), md 0.8070 -> 0.8077 (0.9223 ->
    # 0.9237; 48 up, 7 down); dev bench txt 0.9348 -> 0.9357, md 0.9431 -> 0.9439.
    # Without the "name nowhere before" test, a desk or a brand read as the byline cut
    # listings and threads: wcxb-dev txt 0.8056 (28 pages down, collection -0.002).
    author_box_min_share_before: float = 0.5
    # The line over an author box that names the author ("Jane Doe, Staff Writer") goes
    # with it when it is at most this long.
    author_box_name_line_max_chars: int = 80
    # ... looked for among this many short lines just over the box (a name line with a
    # role line over or under it: "Technical Writer", "Jane Doe", "Technical Writer").
    # 3 against the line right over the box alone: wcxb-dev txt 0.8069 -> 0.8070 (articles
    # 0.9192 -> 0.9196, 7 pages up, none down), dev bench txt unchanged.
    author_box_head_max_lines: int = 3
    # The rest of the page goes with an author box where at most this share of the text
    # before the box follows it; else the box alone (a box between the products of a
    # review). On the dev txt outputs, 0.5 against cutting the rest always: the article
    # sum of F1 +1.38 against +1.36 (a review's bio mid-page lost the products under it).
    # The share before the box, on the same outputs: 0.3 +1.38, 0.5 +1.38, 0.7 +1.12.
    author_box_cut_rest_max_after_share: float = 0.5
    # A comment section's marker ("22 Comments") cuts nothing on a thread: under it come the
    # replies, which are the thread. A thread shows a "Quote" control (quote this post in a
    # reply) under this many posts after the marker; blog and news comment systems have none.
    # Such a page's main region (classify) also runs from its first good block to its last.
    # wcxb-dev: 3 or more "Quote" lines on 7 of 113 forum pages (md or txt), on none of the
    # 1,384 others nor of the 181 bench news pages. Three is the fewest that makes a pattern.
    thread_min_quote_controls: int = 3
    # A thread also numbers its posts ('#1', '#2', ...): this many numbered in order (each
    # one more than the last) mark one. wcxb-dev md: on 24 of 113 forum pages, on 7 of the
    # 1,384 others (top-ten lists, product option rows). setq, all pages: wcxb-dev md forum
    # 0.7475 -> 0.7572 (overall 0.8101 -> 0.8107), txt forum 0.7228 -> 0.7319 (0.8095 ->
    # 0.8102); bench md and txt: no page changed.
    thread_min_numbered_posts: int = 3
    # A block of at least this many characters, mostly not links, with a sentence ending in
    # it, counts as prose for that (a text capture's long menu lines have no links).
    prose_block_min_chars: int = 80
    # RE2 memory budget per compiled rule regex (bytes); RE2's own default is 8 MiB.
    rule_regex_max_mem_bytes: int = 8 * 1024 * 1024

    # --- HTML captures -------------------------------------------------------------
    # trafilatura's modes, measured on the dev bench (181 pages, trafilatura 2.3.1, its
    # plain text alone): default F1 0.960, fast 0.962, fast + favor_recall 0.963,
    # favor_precision 0.964 (fast + favor_precision 0.946: one page comes out empty).
    # fast skips its readability/jusText comparison, which here costs more than it saves.
    html_engine_fast: bool = True
    html_engine_favor_precision: bool = False
    html_engine_favor_recall: bool = False
    # When the fast reading holds less than this share of the page's visible text (body,
    # after the DOM rules; characters without whitespace), trafilatura's full reading is
    # taken when it holds more (extract._fallback). Measured with the plain outputs of
    # trafilatura 2.3.1 (fast=False against the cleaner's text), share of visible text
    # 0.1 / 0.2 / 0.3: wcxb-dev F1 0.807 / 0.812 / 0.813, dev bench 0.980 / 0.977 / 0.972
    # (cleaner alone: 0.780, 0.983). 0: never. When the full reading is still under this
    # share, the full reading favouring recall is tried too (wcxb-dev, all 1,497 pages:
    # F1 0.811 -> 0.812, articles 0.931 -> 0.933, one empty article filled; bench 0.982).
    # The page's visible text is counted before the DOM rules (a pruned menu as long as
    # the article no longer hides a reading of a tenth of the page): wcxb-dev F1 0.8209 ->
    # 0.8221 (23 pages changed, 7 of them by 0.1-0.5: collections, products, a listing;
    # 3 worse), dev bench 0.9820 -> 0.9819 (one page); engine readings on the dev bench
    # 197 -> 210 for 181 pages.
    html_fallback_max_share: float = 0.2
    # A fast reading whose own extraction came out short takes trafilatura's baseline, which
    # puts each <article> element's whole text (or an ld+json articleBody) in one paragraph:
    # caption, byline and newsletter prompt run into the body, and no block can be judged
    # apart (engine.is_blob: at most html_blob_max_paragraphs paragraphs, each at least
    # html_blob_min_paragraph_chars long and on one line). The full reading, else the fast
    # one favouring recall, replaces it when it keeps its paragraphs apart and holds at
    # least html_blob_min_kept_share of its text (extract._structured); where none does, the
    # article elements' own text, a line per text node, read as a dump is read (an element a
    # Block, chrome lines judged), when it is the blob's text. wcxb-dev: 13 of 1,497 fast
    # readings are such blobs (bench: none); 10 pages change, word F1 summed +0.49 (w4267
    # 0.71 -> 0.99, w4661 0.95 -> 0.99, w0214 0.89 -> 0.96, w0304 0.94 -> 0.98, w0259 0.65 ->
    # 0.70; w4858 0.95 -> 0.88, whose recall reading leaves out a fifth of its prose: it keeps
    # 0.69 of the blob's text, w4267's 0.53, so no share parts them). The article's lines
    # always, never the readings: +0.33 (w4858 0.95, w4267 0.85). The shape's bounds: every
    # blob of both corpora is one paragraph of 602 to 36,906 characters; the other first
    # readings of one to five one-line paragraphs (41, two on bench) are short articles and
    # posts whose shortest paragraph is under 460 characters. Five paragraphs leave room for
    # the several articles of like length that the baseline keeps together.
    html_blob_max_paragraphs: int = 5
    html_blob_min_paragraph_chars: int = 500
    html_blob_min_kept_share: float = 0.5
    # When the main content read holds less than html_fallback_max_share of the page's
    # visible text, a grid of like items may be what the readings passed over (cards whose
    # titles and summaries sit in links): html_grid_min_items or more siblings of one tag
    # and class (of one tag in a box with a class or id), grouped over every box of one tag
    # and class (a listing split in sections),
    # of html_grid_min_item_chars to html_grid_max_item_chars characters each on average,
    # none holding half of the text and most of two lines or more (not a menu, not a
    # page's sections), not named for comments, reviews or testimonials, nor in a nav,
    # header, footer, aside or dialog (extract.card_grid).
    # Their blocks join the reading when they hold html_grid_min_gain times as much and
    # html_grid_min_share of the page, the reading is not one of the items, the page
    # offers no single product, and the reading holds at most html_grid_max_prose
    # paragraphs of prose: more is an article, whose grids are other pages. wcxb-dev html
    # 0.8523 -> 0.8546 (12 pages differ, 11 up: listings, collections, a city guide's
    # venues; a collection whose label leaves out its products -0.80); bench: no page
    # differs. Before unclassed items counted (0.8541), 3 or 6 items, a share of 0.2 or
    # 0.4, a gain of 1.5 or 3, items of 600 or 1,500 characters or 4 paragraphs moved the
    # figure by 0.0005 at most, and bench by nothing. Items of 20 characters rather than
    # 40 took a desk shop's tiles (a name and a price, 30 characters: w0640 0.08 -> 0.63),
    # +0.0003; bench, with and without the bundled rules, unchanged. 0: never.
    html_grid_min_items: int = 4
    # The element a page marks (microdata) as its one product's description, of this many
    # characters (without spaces) or more, joins a reading that lacks half of it or more
    # (extract._read_description): trafilatura settles on the shop's testimonials or the
    # specifications beside it. Measured with the page-scoring script: wcxb-dev HTML
    # 0.8572 -> 0.8575 (3 pages up: w4795 0.59 -> 0.99, w0586 +0.09, w2985 +0.06; none
    # down), dev bench unchanged. Of wcxb-dev's pages with such an element of 200
    # characters, those whose item is not a Product (an article's summary, a review, a
    # forum's blurbs) mostly leave it out of their truth. 0: off. The reading "lacks" the
    # description when html_description_min_missing_share of it is not read (half; not
    # tuned).
    html_description_min_chars: int = 200
    html_description_min_missing_share: float = 0.5
    html_grid_min_share: float = 0.3
    html_grid_min_gain: float = 2.0
    html_grid_min_item_chars: int = 20
    html_grid_max_item_chars: int = 1000
    html_grid_max_prose: int = 2
    # What makes a grid of like items, rather than the words of the comment above: no item
    # holds more than html_grid_max_item_share of the grid's text (a slider of one full
    # footer box and four empty modules took two bench pages without the bundled rules),
    # at least html_grid_min_card_share of the items print two lines or more (a card, not a
    # menu's link), and the names of the box and its html_grid_name_levels nearest
    # ancestors are looked at for comments, reviews and testimonials (a reviews section's
    # carousel: the judge.me widget sat three levels under its "reviews" section). The
    # reading is "one of the items" when more than html_grid_max_reading_in_item_share of
    # it lies in one. Set by reasoning, not tuned: half, and four levels.
    html_grid_max_item_share: float = 0.5
    html_grid_min_card_share: float = 0.5
    html_grid_name_levels: int = 4
    html_grid_max_reading_in_item_share: float = 0.5
    # A fast reading under this larger share of the page's visible text is read again
    # favouring recall (extract._fallback), and that wider reading replaces it only when it
    # keeps html_wider_min_kept_share of the fast reading's words and at least
    # html_wider_min_prose_share of the text it adds is prose met once: paragraphs of
    # html_prose_min_chars or more that end a sentence (extract._extends_with_prose).
    # Without that test, taking any larger reading up to 0.45 of the page gave wcxb-dev F1
    # 0.8399 -> 0.8419 and cost dev bench 0.9829 -> 0.9796 (a page's hidden data
    # records, a list of author names). With it, at 0.5 / 0.75 / 0.5 (initial values, not
    # searched; 0.45 and 0.6 gave the same within 0.0003 on either corpus): wcxb-dev
    # 0.8420 (articles 0.941 -> 0.944), dev bench 0.9826 (two pages keep one more teaser
    # each), for 12% more instructions on the HTML path (the wider reading ran on 81 of the
    # dev bench's 181 pages); trafilatura's full reading as well gave wcxb-dev 0.8422 for
    # 27%, its fast reading favouring recall 0.8416 for 10%. With the test of prose
    # outside the fast reading below: wcxb-dev 0.8419, dev bench 0.9829 (unchanged), for 5%
    # (24.596 -> 25.820 10^9 instructions on the dev bench's HTML pages). 0: never.
    html_wider_max_share: float = 0.5
    html_wider_min_kept_share: float = 0.75
    # A fast reading that skipped subheadings or lists in the box that
    # holds most of its paragraphs, at least this share of its own text, is read again
    # favouring recall (extract._gaps). wcxb-dev: 13 pages up, none down (+0.0010 mean
    # page F1), bench 0 differ; the recall reading ran on 1 of bench's 181 HTML pages and
    # 10 of every third wcxb-dev page's 499. At 0.10, 2 more wcxb-dev pages up (+0.00003).
    # 0: never.
    html_gap_min_share: float = 0.15
    html_wider_min_prose_share: float = 0.5
    # The wider reading is asked for only when the page holds prose the fast reading lacks,
    # at least this share of the fast reading's length (extract._prose_outside; boxes other
    # than <p> count when their own text before their first child is at least
    # html_text_box_min_own_chars). Over the pages where the wider reading would run, the
    # pages where it is taken and what their F1 moved (against the wider reading on every
    # such page): 0 / 0.1 / 0.2: dev bench 62 / 35 / 24 of 81 pages read, wcxb-dev 244 /
    # 204 / 163 of 362, keeping 2.98 / 2.92 / 3.03 of the 3.13 points of page F1 gained on
    # wcxb-dev. At 0.2 neither of the dev bench's two pages that lost is read (measured:
    # dev bench 0.9826 -> 0.9829, wcxb-dev 0.8420 -> 0.8419). 60: a sentence or so; not
    # searched.
    html_wider_min_outside_share: float = 0.2
    html_text_box_min_own_chars: int = 60
    # When even those readings stay under that share, trafilatura's full reading of the
    # page before the DOM rules is taken if it holds at least this many times as much
    # text (pruning can move the engine's choice of region). 0: never. wcxb-dev (1,497):
    # F1 0.8096 -> 0.8105 (forum 0.693 -> 0.697, service 0.753 -> 0.756, listing 0.562 ->
    # 0.564; 7 pages better, 1 worse), dev bench 0.9817 unchanged. Tried under a share of
    # 0.35 instead of 0.2: wcxb-dev 0.8102, dev bench 0.9799. Off (0) by default: the
    # extra parse and full reading fire on 8 of the dev bench's 181 pages without changing
    # them and cost the HTML path about a fifth of its speed there (CPU for cleaning the
    # 181 pages: 2.31 s -> 3.01 s), for +0.001 on wcxb-dev.
    html_unpruned_min_gain: float = 0.0
    # A DOM rule never prunes an element holding more than this share of the page's text
    # outside links: a chrome selector that hits the article's wrapper is wrong there.
    # A safety bound: on the dev bench no pruned element comes near it.
    html_prune_max_text_share: float = 0.5
    # A disclosure button (accordion or FAQ toggle: ARIA aria-expanded or aria-controls, a
    # heading around or inside it, or an accordion/faq/collapse class) with at least this
    # many words is unwrapped before the DOM rules, so its question stays as text
    # (prune.open_disclosures). 0 turns it off. wcxb-dev HTML F1 0.8200 -> 0.8201, word F1
    # 0.8291 -> 0.8294 (35 pages better, 17 worse; service 0.753 -> 0.755, collection
    # 0.549 -> 0.552, product 0.623 -> 0.619 by one page whose engine reading moved); dev
    # bench unchanged. At 2 words "Read more" and "Show all" toggles would stay.
    html_disclosure_min_words: int = 3
    # Boxes a style sheet never shows (Bootstrap's d-none, without a d-{size}-{display}
    # that shows them from some width up) are removed before anything reads the page, as
    # "hidden" (prune.drop_hidden); a disclosure's panel loses the class first. Measured
    # with the page-scoring script: wcxb-dev HTML 0.8575 -> 0.8578 (7 pages up, w4376
    # +0.26 and w4379 0.75 -> 0.99, shops' cards' hidden copies, w4206 +0.22; down, w4211
    # -0.14, w0170 -0.10 and w0586 -0.04, boxes a script shows), without rules 0.8452 ->
    # 0.8462; dev bench unchanged, without rules 0.9773 -> 0.9774. Removing screen-reader
    # text too (sr-only, visually-hidden, screen-reader-text): 0.8571 (truths keep it: a
    # product's name read out); the HTML hidden attribute too: 0.8555 (boxes a script shows).
    html_drop_hidden: bool = True
    # Tooltips, known by a class word naming the tooltip's own box (prune.drop_tooltips),
    # are removed before reading. Measured with the page-scoring script: wcxb-dev HTML
    # 0.8604 -> 0.8605 (w0334, an author's bio card inside the article, 0.84 -> 0.97;
    # w0041, a glossary's definitions inside sentences, +0.04; 7 pages up, w4866 -0.01);
    # dev bench unchanged with and without rules. With role="tooltip" as a sign too:
    # 0.8603 (w2972 0.70 -> 0.37: a blog platform sets it on its bylines' links).
    html_drop_tooltips: bool = True
    # An article body split into several containers of one class (ads between them) is
    # read whole: other containers with the main one's tag and class are added when they
    # hold this much prose, and there are at most this many of them. dev bench: recall
    # 0.976 -> 0.983 (two Wired pages), no page lost precision. Initial values. Past that
    # many, a thread's posts (extract._same_unit: each box in its own copy of the unit that
    # holds the main one) are still read: wcxb-dev F1 0.8204 -> 0.8209 (forum 0.707 ->
    # 0.714; 8 pages better, 2 worse, one a thread whose truth is its first post alone),
    # dev bench unchanged. With no such check and 40 boxes: 0.8207, 13 pages worse (grids
    # of related posts and author boxes of the main box's class).
    html_continuations: bool = True
    html_continuation_min_prose_chars: int = 200
    # ... and a box in its own copy of the main box's unit (a post beside the first) needs
    # this much, when none of its headings links to another page (a teaser row of the
    # article's class): a short reply. wcxb-dev 0.8555 -> 0.8563 (forum 0.788 -> 0.796;
    # 47 pages differ: 37 better, 9 worse, +1.36/-0.13 in page F1), without the bundled rules
    # 0.8435 -> 0.8444; bench with and without them unchanged. At 100 for every box of
    # the class: 0.8562, a sidebar's promo boxes of the class joined articles.
    html_post_min_prose_chars: int = 100
    html_continuation_max_containers: int = 8
    # When the reading and its continuations hold less than this share of the text of the
    # page's one <main> (or role="main") around the main box, the other boxes beside the
    # main box's branch up to <main> that hold prose are read too (extract.sections): a
    # service page's sections, a thread's opening post. 0: never. Forum and service pages
    # of wcxb-dev (281), share 0.3 / 0.5 / 0.7 / always: forum F1 0.747 / 0.747 / 0.744 /
    # 0.744, service 0.759 / 0.766 / 0.769 / 0.769 (from 0.735, 0.755); from 0.7 a Q&A
    # page whose answers were read gains its question's comments and badges. At 0.5, all
    # of wcxb-dev (1,497), with the thread step before it (earlier posts) counted in:
    # F1 0.8227 -> 0.8259 (service 0.754 -> 0.767, forum 0.723 -> 0.747, collection 0.560
    # -> 0.577, article 0.9361 -> 0.9361, but product 0.625 -> 0.606: a product's reviews
    # and rating widgets are a section of its <main>); dev bench 0.9819 unchanged (0.9812
    # before a labelled form's text was left out).
    html_section_max_share: float = 0.5
    # ... and a box beside the main box's branch that the reading draws from in part (the
    # engine took a section's paragraphs and left out its headings and lists: a ranking's
    # pros and cons, a landing page's feature lists) is read whole, less what is read
    # already; when the reading holds html_section_partly_article_prose prose paragraphs
    # or more (an article), only what lies in the box between the elements read (an author's
    # box or a disclaimer after them ended the article). wcxb-dev 0.8546 -> 0.8555 (44
    # pages differ, 21 up and 22 down, the ups larger: +2.82 against -0.74 in page F1;
    # article 0.9489 -> 0.9492, service 0.803 -> 0.810, product 0.663 -> 0.665, forum
    # 0.788 -> 0.788, listing 0.668 -> 0.667, collection 0.643 -> 0.642: the losses are
    # mostly filters and card fields of a shop's grid); without the bundled rules 0.8428 ->
    # 0.8435; bench, with and without them: no page differs. The whole box on every page:
    # 0.8554, article 0.9487 (author boxes under three articles). Not taking such boxes at
    # all when the reading has 3 or more (or 6 or more) prose paragraphs: 0.8550 (0.8549);
    # leaving out boxes repeated three times or more (cards, posts): 0.8552.
    html_section_partly_read: bool = True
    html_section_partly_article_prose: int = 3
    # A section's or a continuation's block of html_copy_min_chars or more whose word
    # triples are html_copy_min_share or more in the reading already is a second copy of
    # the text (a hidden markdown version, wcxb-dev: a 1,133-word block; a quoted post).
    # Characters of the block as printed; a share of its distinct word triples. At 0.5 and
    # any prose size (100) the check also took paragraphs that repeat a sentence or two
    # (wcxb-dev w0562 -0.02, w0692 -0.01); at 400 and 0.8, 5 pages differ, all up.
    html_copy_min_chars: int = 400
    html_copy_min_share: float = 0.8
    # A run of kept blocks that repeats an earlier run word for word, of
    # html_copy_run_min_blocks blocks and html_copy_run_min_chars characters or more, is
    # dropped when the boxes around both runs tell a copy (judge.drop_copies: a layout
    # printed once for each screen width). Without that box test, simulated on the
    # outputs: at 800 characters package tiers that list the same features went too
    # (wcxb-dev: 23 pages differ, 5 down); at 1,000, 16 differ, 2 down (forum replies
    # quoting a long post outside a <blockquote>). With it, at 1,000: 10 differ, all up.
    html_copy_run_min_blocks: int = 2
    html_copy_run_min_chars: int = 1000
    # The headings and lists that sit in the page between two blocks of the reading, in the
    # box around both, are added where they stand (extract.fill_gaps): trafilatura, settled
    # on a small box (with formatting on, a card's bold label counts as a block of its
    # own), rebuilds its reading from the page's <p> elements alone and leaves out every
    # heading and list between them. Lists of 80% or more link text (html_max_link_share)
    # and anything in a nav, aside, form, header or footer stay out. Filled only when the
    # reading's main box holds less than html_fill_gaps_max_main_share of its text: a
    # reading rebuilt from the page's paragraphs is scattered over many boxes (wcxb-dev
    # service pages: 0.08-0.10), and one gathered in one box left out its gallery captions
    # and teaser lists on purpose (dev bench pages that lose without the gate: 0.55-0.97).
    # Measured with setq: without the gate wcxb-dev F1 0.8277 -> 0.8419 but dev bench
    # 0.9820 -> 0.9775 (0.9804 with filters for teaser lists, galleries and linked
    # headings); with the gate dev bench 0.9819, and on every second wcxb-dev page (749)
    # 0.8299 -> 0.8403 (service 0.766 -> 0.795, listing 0.588 -> 0.633, collection 0.570
    # -> 0.612, product 0.614 -> 0.628, article 0.937 -> 0.939, forum 0.760 -> 0.752);
    # those filters as well: 0.8342. All 1,497 pages, as set here: 0.8277 -> 0.8381
    # (article 0.937 -> 0.940, service 0.767 -> 0.795, product 0.625 -> 0.641, collection
    # 0.577 -> 0.604, listing 0.574 -> 0.614, documentation 0.905 -> 0.910, forum 0.750 ->
    # 0.745). Costs under 1% of the HTML path (0.8% of its CPU on 188 wcxb-dev pages).
    # A heading that counts answers or comments ("10 Answers") is not filled: put back, it
    # opened a comment section and cut the thread under it. 0.8381 -> 0.8383 (forum 0.745
    # -> 0.747; 12 pages changed: w0564 +0.20, w4310 +0.11, w0165 -0.014); bench unchanged.
    # The body counts as a box around two blocks too (a page that sets its article straight
    # in it; the page-scoring script): wcxb-dev 0.8578 -> 0.8587 (15 pages up by 0.01 or
    # more, w0620 0.03 -> 0.66, w1054 and w0170 +0.12, a manual w0239 +0.08; 9 down by 0.01),
    # without rules 0.8462 -> 0.8470; dev bench unchanged, with rules and without.
    # A reading gathered in one box that holds no heading at all gets the h2-h6 headings
    # and the tables between its blocks all the same (not the lists): a reading of
    # paragraphs alone left its section headings out, whatever box it settled on (wcxb-dev
    # w0022: 25 colleges' names between their paragraphs). The headings: word F1 0.8767 ->
    # 0.8772 (60 pages moved, page F1 summed +1.46, word +0.70; w4857 0.89 -> 0.99, w4180
    # 0.93 -> 1.00; w2897 -0.05, a collection's product names); bench html 3 pages, page
    # F1 summed +0.14 (one 0.75 -> 0.91, two -0.01). The tables then: 0.8774 -> 0.8776 (7 pages, word summed
    # +0.30; w2890 0.71 -> 0.88 and w0627 0.75 -> 0.89, products' specification tables;
    # w0525 -0.02, a forum's login table), bench unchanged. The lists as well: +0.23 word
    # summed on 39 pages (w4533 0.99 -> 0.67, a book list's sub-lists; w4158 0.95 -> 0.82,
    # a shop's filters).
    html_fill_gaps: bool = True
    html_fill_gaps_max_main_share: float = 0.5
    # trafilatura's wild-text recovery keeps one copy of paragraphs that print the same text
    # (each card of a grid repeating its series' line): extract.restore_repeats puts back the
    # copies that sit in cards the reading took other lines from, lines shorter than
    # html_prose_min_chars only. R46: wcxb-dev html 0.8608 -> 0.8612, word F1 0.8764 -> 0.8766
    # (54 pages), bench one page -0.001; without the length bound 60 pages, word F1 summed
    # +0.20 against +0.29 (a summary paragraph printed twice came back).
    html_restore_repeats: bool = True
    # trafilatura discards a box for a class word alone; page builders put some of those
    # words ("widget", "slide", "expand") on the boxes of an article's text. The boxes with
    # such a word down to html_spare_depth levels under the reading's main box and each of
    # its html_spare_levels_up ancestors (extract._near_boxes) that hold at least
    # html_spare_min_paragraphs paragraphs of html_prose_min_chars (under
    # html_spare_max_link_share link text), beside a paragraph of the reading, lose the
    # word, and the engine reads the page again (extract._spared). That reading is taken
    # when it keeps every block of the first and html_spare_min_share of what it adds is the
    # spared boxes' text. 0 paragraphs: off. Measured with setq, all pages: wcxb-dev F1
    # 0.8383 -> 0.8386 (6 pages changed: w4705 +0.69, an article in "ck-widget" columns;
    # w4261 +0.18; w0174 -0.04, a donation appeal beside the article); dev bench 0.9819,
    # no page changed. Searching the whole box html_spare_levels_up levels up instead: the
    # same pages, but 1.8 ms a page instead of 0.3 (cProfile, dev bench); the whole page:
    # wcxb-dev 0.8388 (+w0594, w4467) for about 5% of the HTML path; 2 levels up: 0.8385.
    # Without the reading check: 0.8362 (sparing a box moves the engine to a wider region).
    html_spare_min_paragraphs: int = 2
    html_spare_max_link_share: float = 0.2
    html_spare_min_share: float = 0.8
    # A box with a loose word (Webflow's "w-embed" among them) holding a table of this many
    # rows of two cells or more, under html_spare_max_link_share link text, is spared as
    # two paragraphs of prose are. 0: off. With "embed" a loose word and this at 3: wcxb-dev
    # 0.8436 -> 0.8439 (5 pages changed: w0061 +0.52, a tipping table; w4688 +0.10; w1821
    # -0.06, a shoe review's product cards, which its truth leaves out); dev bench unchanged.
    html_spare_min_table_rows: int = 3
    html_spare_levels_up: int = 4
    html_spare_depth: int = 3
    # A container holding this many headings that are links is a box of teaser cards
    # (other stories' titles over their excerpts), never a continuation. 0: no check.
    # With it (and a box repeated further down added once): wcxb-dev F1 0.8096 -> 0.8096
    # (3 pages better, none worse: w0001's "More to explore" cards, a repeated keyword
    # box); dev bench unchanged (0.9817).
    html_continuation_teaser_min_linked_headings: int = 2
    # A box with html_excerpts_min_paragraphs prose paragraphs or more cut off mid-sentence
    # ("... on Tuesday, December 1..."), and at least html_excerpts_min_share of its prose
    # paragraphs, is a box of other pages' excerpts, never a continuation or a section.
    # 0 paragraphs: no check. With any 2 paragraphs of a box, a thread whose posts trail off
    # on "…" went too (wcxb-dev w0562 0.64 -> 0.03); prose paragraphs and half of them:
    # 1 page differs (w0392 0.70 -> 1.00), bench none.
    html_excerpts_min_paragraphs: int = 2
    html_excerpts_min_share: float = 0.5
    # The headline, standfirst, byline and date are looked for above the first paragraph
    # of at least html_prose_min_chars, and within the first html_head_max_blocks blocks.
    # Initial values; 10 blocks missed headlines below a sidebar dump (jaraguadosul.com.br).
    html_prose_min_chars: int = 100
    html_head_max_blocks: int = 40
    # A block there repeats the title (or the standfirst) when their word sets overlap
    # this much (F1); a byline or date line is at most this long.
    html_meta_repeat_min_f1: float = 0.8
    html_meta_line_max_chars: int = 120
    # An article page (schema.org article type or og:type article) whose declared titles all
    # carry a site or tagline part ("SEO title | Site"), and whose one <h1> holds at least this
    # share of its words in them (under html/meta.py's _HEADLINE_HELD_MIN_SHARE): the <h1> is
    # the headline as shown, the declared titles an SEO rewording of it. wcxb-dev titles
    # (human labels, 1,497 pages; metadata step only): 0.45 +8 -1, 0.4 +10 -4, 0.35 +11 -4,
    # 0.3 +13 -7; news bench 0 moved at each (its silver labels are og:title: where og:title
    # has no site part, as on usatoday.com, the rule does not apply). Without the article
    # test, 0.4: wcxb-dev +19 -13 (service and shop pages' <h1> is a slogan). 0 turns it off.
    html_headline_reworded_min_share: float = 0.45
    # A page that declares only a <title>, whose one <h1> (in a <main> or <article>, not in its
    # header, menu or a link) has under this share of its words in it: the <title> is the
    # site's ("Reddit - The heart of the internet"), the <h1> the page's headline. wcxb-dev
    # titles: 0 (no word shared) +2, 0.1 +3 ("the"), 0.25 +3 -3 (docs pages whose <h1> reads
    # "Module runtime Copy item path"); news bench 0 moved at each.
    html_headline_unrelated_max_share: float = 0.1
    # The date line shown by the headline (html/meta.py, displayed_dates) is a short element
    # (date_line_max_chars) with at most this many words besides its dates and times:
    # "By Matthew Richardson · Review Editor · Updated November 18, 2025" has 6, a
    # sentence that mentions a date more. Initial value, checked on wcxb-dev HTML.
    html_date_line_max_other_words: int = 6
    # A forum's first poster (html/meta.py, _first_poster) is a member's profile link whose
    # text is at most this many characters ("Outer Armatonisdaristan" has 23). Initial
    # value; with it, wcxb-dev html author 0.779 -> 0.789 before the printed-byline change.
    html_member_name_max_chars: int = 40
    # A member link's card, read for an 'edited …' label (a Q&A post's last editor, not its
    # author), is at most this many ancestors up: the name's box, then the card holding the
    # action, the avatar and the box. With it, wcxb-dev html author on Stack Exchange threads
    # took the asker over the last editor (serverfault: Eduardo Poças over Greg Askew).
    html_member_card_max_levels: int = 2
    # A byline box that also prints a job or a biography (html/meta.py, _named_child) gives
    # the name from an element classed as the name among its first this many elements: the
    # name comes before the biography and the links. Initial value; the boxes that gave
    # wcxb-dev html authors (div.author-info > div.name) hold it within their first ten.
    html_byline_name_element_max_elements: int = 50
    # More distinct dates than this on the date lines by the headline are a list of posts
    # or comments, not the page's stamp: the declared date stands. Initial value, checked
    # on wcxb-dev HTML.
    html_date_lines_max_distinct: int = 2
    # A date shown there replaces a declared one only when it is more than this many days
    # before it: a declared date later than the shown one is a re-stamp (a migration, an
    # update). A shown date that is later (an update printed without its label) or a day
    # apart (one moment in two time zones) leaves the declared date. wcxb-dev HTML, pages
    # where the two differ: shown earlier, 11 right and 1 wrong against the human labels;
    # shown later, 14 right and 13 wrong; a day apart, 4 right and 4 wrong. Bench: the 8
    # pages where they differ (later or a day apart) all have the declared date as label.
    html_shown_date_min_days_before_declared: int = 1
    # A page whose reading holds fewer characters than this once comment boxes are pruned,
    # and whose comment boxes hold this many or more, is read again with them as its posts
    # (wcxb-dev w0575, lobste.rs: a shared link and its discussion, F1 0.00 -> 0.96; no other
    # page of either corpus changes).
    html_discussion_max_chars: int = 200
    # Blocks above the headline (kickers, section labels, teasers) are dropped. dev bench:
    # F1 0.9710 -> 0.9714.
    html_drop_before_headline: bool = True
    # ... unless they hold more than this share of the reading's text: then the content
    # starts above the headline (a shop's grid of products, with its heading after the grid
    # in the page's source). Every page of both corpora, against no bound: 0.5 -> wcxb-dev
    # 0.8396 -> 0.8398 (one listing), 0.3 -> 0.8399 (two listings, 0.29 -> 0.81 and 0.65 ->
    # 0.92, none down), 0.15 -> 0.8399 (seven pages, two collections down); dev bench
    # unchanged at each (0.9829): its kickers and labels are under 15% of a reading.
    html_before_headline_max_share: float = 0.3
    # The page's declared language (<html lang>) stands unless a body this long reads as
    # another language. Initial value.
    html_language_override_min_chars: int = 400
    # The check reads this much of the body (the model's time is linear in it).
    html_language_check_chars: int = 600  # 1500 until fastText: the same languages on the dev bench
    # htmldate, the date's last resort, scans the whole page in regex calls a time limit
    # cannot interrupt: pages above this size (characters) go without it. News pages are
    # under 2 MB; a 30 MB page spent seconds in one such call.
    html_htmldate_max_chars: int = 5_000_000
    # A page is read up to the element where its visible text passes this many characters
    # (0: no limit); the rest is dropped as "html-max-text-chars". trafilatura's time grows
    # faster than linearly in paragraphs: 6 MB of text took 7 s here, a 30 MB page over a
    # minute, past the 30 s time limit. A novel is about 500,000 characters; 2,000,000
    # clean in about 3 s on this machine.
    html_max_text_chars: int = 2_000_000
    # A page showing less than this much text (characters, whitespace left out) without
    # its scripts, with more inside <noscript>, is read with its <noscript> content: a
    # forum served as a JavaScript application puts the thread there. wcxb-dev: 19 forum
    # threads show 0-178 characters outside <noscript> and 1,869-27,307 inside; no bench
    # page and no other wcxb-dev page has more text in <noscript> than outside under 3,700.
    html_noscript_max_visible_chars: int = 500
    # How the HTML judge decides after trafilatura: "gentle" drops only what rules, the
    # DOM around a block or its link share speak against; "classifier" runs the text
    # classifier instead; "none" keeps everything trafilatura chose. dev bench F1:
    # gentle 0.983, none 0.977, classifier 0.959 (P 0.975 but R 0.944).
    html_judge: str = "gentle"
    # After the judge, the block-level arbiter (html/arbiter.py) weighs each of the page's
    # text blocks with the cleaner's, trafilatura's and resiliparse's readings beside it;
    # its thresholds are trained with its weights (arbiter.json). It only adds (drop_below
    # 0), and only where html_arbiter_add_max_share says the cleaner missed content.
    # bench/train_arbiter.py, scored on the text its decisions give, against the cleaner
    # alone (bench 0.9819, wcxb-dev 0.8274): held out (5 folds by host over both corpora)
    # bench 0.9819, wcxb-dev 0.8297; trained on bench, wcxb-dev 0.8275; trained on
    # wcxb-dev, bench 0.9804. Dropping as well (the arbiter as it was): held out bench
    # 0.9804, wcxb-dev 0.8324, but bench-trained wcxb-dev 0.8241, wcxb-trained bench 0.9636.
    # clean() itself with the shipped weights (trained on both corpora, so in sample):
    # bench 0.9819 -> 0.9817, wcxb-dev 0.8274 -> 0.8314 (listing 0.576 -> 0.602, service
    # 0.767 -> 0.777, article 0.936 -> 0.938, forum 0.750 -> 0.750). Cost: some 20-25 ms of
    # CPU a page on bench (setq html bench, JOBS=1: 10.2 -> 14.5 s user for 181 pages).
    # Off again: with it on, tests/test_hostile.py 100,000 nested divs passes its 20 s limit.
    html_arbiter: bool = False
    # The arbiter revives or adds blocks only on a page whose body holds less than this
    # share of the words resiliparse's main-content reading holds (of the page's text
    # blocks): there the cleaner plainly missed content; elsewhere the corpora disagree on
    # what to add (captions, headlines, teasers). Add-only arbiter, held out (5 folds by
    # host) / trained on one corpus and scored on the other, bench/train_arbiter.py
    # --add-only: no share bound: bench 0.9819 -> 0.9805, wcxb-trained scores bench
    # 0.9583; 0.75: bench 0.9815, wcxb-dev 0.8274 -> 0.8338, wcxb-trained bench 0.9776;
    # 0.5: bench 0.9819, wcxb-dev 0.8297, wcxb-trained bench 0.9804, bench-trained
    # wcxb-dev 0.8275.
    html_arbiter_add_max_share: float = 0.5
    # On a product page (extract.one_product: it declares one schema.org Product and no list
    # of them, and extract.offered: an offer, so it is on sale) the main content is the
    # description and specifications; the shoppers' reviews under it are not, and the engine
    # reads them as the page's text. A block whose element or an ancestor has the word
    # "review" or "reviews" in its class, id or data-hook is dropped there
    # (judge.product_reviews). wcxb-dev HTML (1,497 pages): F1 0.8386 -> 0.8392, products
    # 0.641 -> 0.650 (17 pages better: w0628 0.32 -> 0.88, w2947 0.24 -> 0.86; 5 worse by
    # 0.04 at most); dev bench unchanged (no news page declares a Product). Without the
    # offer test 0.8390: a service page that declares a Product for its rating alone lost
    # its testimonials (w2111 0.96 -> 0.55). The same elements are pruned before the
    # engine reads the page (judge.product_review_boxes), unless one holds the <h1> or more
    # than html_prune_max_text_share of the text: left in, a long list of reviews was what
    # the engine read, and dropping it left nothing (w2947 0.00 -> 0.90; wcxb-dev HTML
    # 0.8509 -> 0.8514, 17 pages differ, 8 up, the largest fall 0.04).
    html_product_drop_reviews: bool = True
    # The gentle judge drops a block with at least this share of its text in links.
    # dev bench sweep (before the later steps): 0.5 -> F1 0.9697, 0.7 0.9705 (R 0.973),
    # 0.8 0.9705 (R 0.974), 0.9 0.9695, off 0.9677.
    html_max_link_share: float = 0.8
    # ... unless such blocks hold more than this share of the main content's text: then
    # the main content is a list of links (a listing, a category page, a job board), and
    # the judge leaves the page as the engine read it. Measured with the fallback above on
    # every third wcxb-dev page (499): 0.5 -> F1 0.811 (listing 0.540, collection 0.467),
    # off 0.804 (0.474, 0.409), other page types unchanged; dev bench 0.982 vs 0.983 off.
    html_link_page_min_share: float = 0.5
    # A block of at least this many links is a menu (a filter's options, a tag cloud) even
    # on a listing: it goes, and it does not count towards the share above. Every page of
    # both corpora: dev bench 0.9819 -> 0.9829 (one page, 0.43 -> 0.77), wcxb-dev 0.8394 ->
    # 0.8396 (one listing, GitHub's trending list under its 800-language filter, 0.20 ->
    # 0.61); 20 and 100 change the same pages (20 one more, up), and none goes down.
    html_menu_min_links: int = 40
    # When trafilatura finds no main content it gives the whole page's text (a page whose
    # paragraphs are parted by <br>s has no <p> for it to find); where that text holds running
    # prose, its link lines of at most this many words are navigation and go, whatever share
    # of the page they fill (0: off). As captured, no page of either corpus changes; under the
    # line-break stress test (bench/older_markup.py --breaks) bench 0.9425 -> 0.9449 (two WSJ
    # pages 0.18 -> 0.61 and 0.23 -> 0.73) and wcxb-dev 0.8212 -> 0.8206 (99 pages both ways,
    # the largest a collection 0.73 -> 0.39). Without the word bound every link-dense line of
    # such a dump went: wcxb-dev mean page F1 -0.0002 under the test against -0.00003, listings
    # losing their items. 3: initial value, the length of a menu's labels; not searched.
    html_dump_nav_max_words: int = 3
    # Running prose, for the step above: a paragraph of at least this many characters, under
    # this share of it link text, with at least this many sentence breaks. Initial values, not
    # searched: the WSJ pages' story paragraphs hold 367 and 535 characters with 5 and 7
    # breaks; an Amazon list's select box run into one line, 1,079 characters, has none.
    html_dump_prose_min_chars: int = 200
    html_dump_prose_max_link_share: float = 0.1
    html_dump_prose_min_sentences: int = 3
    # A nested list of this many link items or more, each of html_nav_tree_max_words words
    # or fewer (median), is the site's navigation tree, dropped as a menu (0: off). Measured
    # on every wcxb-dev and bench HTML page as captured, and again with their HTML5 marks
    # taken out (article, main, header, footer, nav, aside, section, figure and the like
    # made <div>s, role and aria attributes, JSON-LD and og: tags removed: a page of older
    # markup): wcxb-dev 0.8605 -> 0.8606 (w0658 +0.04, w2922 +0.02: a shop's filter tree;
    # w2920 -0.02, Amazon's department tree, which its label keeps), bench 0.9830 unchanged
    # (without rules 0.9774 -> 0.9775); older markup wcxb-dev 0.8357 -> 0.8363, bench 0.9717
    # -> 0.9728 (a city's site whose menu tree came in with its article, 0.32 -> 0.74). 10
    # items: the same but one page -0.01; 4 words: the same pages.
    html_nav_tree_min_items: int = 15
    html_nav_tree_max_words: int = 3
    # The tree's other kept blocks go with it: a mega-menu's promotions, a blurb under each
    # section ("With 500+ faculty, staff and students ..."), are the menu's too. wcxb-dev
    # 0.8606 -> 0.8608 (five pages up: w4105 0.81 -> 0.97, w4149 0.75 -> 0.89, w2869, w2922,
    # w2920; none down), bench unchanged page for page.
    html_nav_tree_takes_all: bool = True
    # A heading dropped for its links stays when the block under it stays (not itself
    # mostly links): it is the title of a listing's item or a docs page's section.
    # wcxb-dev (1,497 pages): F1 0.8075 -> 0.8096 (documentation 0.889 -> 0.897, listing
    # 0.551 -> 0.562, article 0.933 -> 0.934); dev bench 0.9818 -> 0.9817.
    html_keep_linked_titles: bool = True
    # Linked lines (not headings) dropped for their links stay when each titles a summary
    # that stays, and the page repeats that unit this many times or more (judge._teaser_titles:
    # the titles' element of one tag and class, not the summary's, each title printed once).
    # wcxb-dev HTML 0.8514 -> 0.8518 (20 pages differ, 9 up: blog.golang.org 0.62 -> 0.77,
    # listings and collections up to +0.25; down, a Google Scholar profile 0.50 -> 0.38 and
    # ten by 0.03 or less); dev bench one page up. 2: 0.8519 (8 pages more differ, 2 of
    # them up); 0 turns it off.
    html_teaser_title_min_runs: int = 3
    # Past the end of an article's box (the box holding most of the kept text, with this
    # many prose paragraphs or more), a kept block in a box beside it with two or more
    # headings that are wholly a link to another page of the site, and at most
    # html_teaser_card_max_chars of text a title, is a teaser card (judge._teasers_after).
    # Measured with the page-scoring script: wcxb-dev HTML 0.8568 -> 0.8572 (w0331 0.60 ->
    # 0.98, a travel story's "more reads" cards; 16 pages up by 0.01 or more, +0.86 page
    # F1; down, w0710 -0.04, an awards box under links, and w0062 -0.01), without rules
    # 0.8449 -> 0.8451; dev bench 0.9829 -> 0.9830, without rules 0.9772 -> 0.9773. Any
    # heading holding a link, to any site: 0.8570 (a garden story's quoted people, linked
    # by name); wholly a link, to any site: 0.8571 (a forum post's link previews). Per
    # title: 300 chars, 0.8571; 400, 0.8572 (+0.80 page F1 up); 800, or no bound, 0.8572
    # (a buying guide's product sections go, -0.06). 2 paragraphs: 0.8571; 5: 0.8571. 0:
    # off.
    html_teasers_after_min_prose: int = 3
    html_teaser_card_max_chars: int = 500
    # A reading under this many characters, every line of it shorter than
    # html_slight_max_line_chars, and under html_slight_max_page_share of the text the
    # page shows, is the chrome of a page whose capture lacks its content (a shell a
    # script fills in; judge.drop_slight_reading): the page comes out empty. Measured with
    # the page-scoring script: wcxb-dev HTML 0.8591 -> 0.8602 (four pages whose label is
    # empty: three shops' search prompt, "I'm shopping for...", and a cart's unrendered
    # template); no page down, no other page changed; dev bench unchanged with and without
    # rules. Without the page share, 0.8605 (a forum shell of 30 characters, all it shows),
    # but a page of one short paragraph came out empty. 0 turns it off.
    # Lengths are in columns: an East Asian wide character counts two (a line of 20 Chinese
    # characters is a sentence). No page of either corpus changed with that.
    # The values, from every wcxb-dev and bench HTML output under 300 characters: 150 and
    # 40 take those four pages and the forum shell and nothing else; 200 and 50 add a
    # shop's banner placeholders (label empty too); 300 and 60 take two pages whose labels
    # are their few short lines (w4410 0.96, w2898). The four pages' readings are 3-8% of
    # what their pages show; a quarter leaves room on either side.
    html_slight_max_chars: int = 150
    html_slight_max_line_chars: int = 40
    html_slight_max_page_share: float = 0.25
    # A list item dropped for its links stays when at least this share of its list's
    # items (the same <ul>/<ol>) stay for their text: a reading list whose titles carry
    # their authors' names in some items and not in others. wcxb-dev (1,497 pages): F1
    # 0.819 -> 0.820 (documentation 0.898 -> 0.900; no type lower); dev bench 0.9817 -> 0.9820.
    html_mixed_list_min_plain_share: float = 0.5
    # ... counting as text only the items with at least this many characters outside
    # their links: a book's contents prints "4.1 " before each linked section, which is
    # no text. wcxb-dev: only the Pro Git page changes, F1 0.876 -> 0.919 (documentation
    # 0.9026 -> 0.9030); dev bench unchanged.
    html_mixed_list_min_text_chars: int = 8
    # A list of links that a kept paragraph of this many words or more announces with a
    # colon, with kept text after it, is the article's own (judge._announced_lists).
    # Measured with the page-scoring script: wcxb-dev HTML 0.8602 -> 0.8604 (w0389, a
    # progress report's lists of patches, 0.78 -> 0.92; 11 pages up; w4444 -0.01 and
    # w1766 -0.00 down); dev bench unchanged with and without rules. 2 words: 0.8604
    # (+0.07 page F1 more, but "Read more:" is two words); 5 or 6: 0.8604 (-0.01). 0: off.
    html_announced_list_min_words: int = 4
    # A list closing the page after its last paragraph, of at least this many items that
    # each have this share of link text, is a list of other stories. dev bench: F1
    # 0.979 -> 0.980, no recall lost. Initial values.
    html_list_min_items: int = 3
    html_list_link_share: float = 0.25

    # --- batches (cleaner/batch.py, cleaner/sitememory.py) ----------------------------
    # Per-document time limit. A news page cleans in 10-100 ms on the dev bench (a 30 MB
    # page in a few seconds), so 30 s only ever stops a pathological page.
    doc_timeout_seconds: float = 30.0
    # A process still cleaning a document this long after its time limit (in C code that
    # never returns to Python, where the limit's signal cannot land) is killed. Wherever
    # Python code runs the signal lands within milliseconds, and C code still running 2 s
    # past the limit (libxml2 on 400,000 attributes: over 10 minutes) does not come back
    # soon: waiting longer only holds up the batch.
    doc_timeout_grace_seconds: float = 2.0
    # The largest --timeout (a day): past it the system's timers overflow (1e308 did).
    max_doc_timeout_seconds: float = 86_400.0
    # Documents sent to a worker at once: big enough that sending costs little next to
    # cleaning (~20 ms a page), small enough to balance the cores. Initial value.
    batch_chunk_docs: int = 8
    # Chunks in flight per worker: bounds the documents held in memory (jobs x 4 x 8).
    batch_window_chunks_per_job: int = 4
    # ... and the bytes of captures in flight per worker, whatever their count: 80 files
    # of 49 MB at -j 2 held 64 of them at once (5 GB). A chunk also ends at
    # batch_chunk_bytes, so that a worker is sent a few large captures, not eight. The
    # dev bench's pages average 130 KB (html) and 20 KB (md), so neither bound changes
    # how its documents are sent; a 50 MB capture (max_input_bytes) goes alone.
    batch_window_bytes_per_job: int = 64 * 1024 * 1024
    batch_chunk_bytes: int = 16 * 1024 * 1024
    # Worker processes at most per core: cleaning is CPU-bound, so more add memory (about
    # 90 MB each) and no speed. -j 64 on 2 cores started 65 processes and 2.7 GB.
    max_jobs_per_core: int = 2
    # How often a worker checks that the main process is still there (it ends itself
    # once the main process is killed, rather than wait forever). Initial value.
    batch_orphan_check_seconds: float = 1.0
    # --site-memory: a line is boilerplate once this many captures (distinct URLs) of
    # the same host carry it. Initial value: the dev bench has no two pages of one site.
    site_memory_min_captures: int = 5
    # Memory bounds: hosts remembered (least recently seen go first) and lines per host
    # (when full, lines seen only once are forgotten). 256 x 4096 lines is ~100 MB at most.
    site_memory_max_sites: int = 256
    site_memory_max_lines_per_site: int = 4096

    def __hash__(self) -> int:
        # The per-line caches (memo.py) hash the settings at every call, and hashing all
        # the fields took longer than most lookups: the hash is kept once worked out.
        known = self.__dict__.get("_hash")
        if known is None:
            known = self.__dict__["_hash"] = hash(tuple(getattr(self, f.name) for f in fields(self)))
        return known

    def __getstate__(self) -> dict[str, Any]:
        # Not the kept hash: a string's hash differs from one process to the next.
        return {k: v for k, v in self.__dict__.items() if k != "_hash"}


DEFAULT = Settings()
