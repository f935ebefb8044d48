"""cleaner.ruleset: loading rule files (errors name file, line and rule id), the bundled rules'
examples, and the engine's actions on small synthetic Block lists."""
from __future__ import annotations

import textwrap
import time
from pathlib import Path

import pytest

from cleaner.errors import RuleError
from cleaner.model import Block, BlockKind, Drop, DropSource
from cleaner.ruleset import RuleSet, apply_rules, bundled_rules_dir, load_rules
from cleaner.ruleset.engine import Context, _Prefilter, check_examples, match

# --- helpers ----------------------------------------------------------------------------------

PROSE = (
    "The ministers met in Brussels on Thursday, and most of them said that they had not expected the "
    "talks to end so soon, or with so little agreed about the money."
)


def block(text: str, line: int = 1, kind: BlockKind = BlockKind.PARAGRAPH, *, links: bool = False) -> Block:
    return Block(kind, text, text, line, line, link_chars=len(text) if links else 0, links=int(links))


def heading(text: str, line: int, level: int = 2, *, links: bool = False) -> Block:
    return Block(BlockKind.HEADING, text, text, line, line, level=level, link_chars=len(text) if links else 0, links=int(links))


def blocks_of(*specs: str | tuple) -> list[Block]:  # type: ignore[type-arg]
    """'text' is a paragraph; ('text', kind) or ('text', kind, True) for a kind and link-only text."""
    out = []
    for i, spec in enumerate(specs, start=1):
        if isinstance(spec, str):
            out.append(block(spec, i))
        else:
            out.append(block(spec[0], i, spec[1], links=len(spec) > 2 and spec[2]))
    return out


def write(folder: Path, text: str, name: str = "rules.yaml") -> Path:
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def rules_from(folder: Path, text: str) -> RuleSet:
    return load_rules((str(write(folder, text)),))


def run(rules: RuleSet, blocks: list[Block], *, capture: str = "", kind: str = "markdown", url: str | None = None, language: str | None = None):  # type: ignore[no-untyped-def]
    ctx = Context(capture=capture, kind=kind, url=url, language_of=lambda: language)
    return apply_rules(blocks, rules.rules, ctx)


def reasons(blocks: list[Block]) -> list[str | None]:
    return [b.drop.reason if b.drop else None for b in blocks]


# --- the bundled rules ----------------------------------------------------------------------------

BUNDLED = load_rules((str(bundled_rules_dir()),))


def test_bundled_rules_load() -> None:
    assert len(BUNDLED) > 0
    assert {Path(s).name for s in BUNDLED.sources} >= {"generic.yaml", "ap-news.yaml"}
    ids = [r.id for r in BUNDLED]
    assert len(ids) == len(set(ids))
    for rule in BUNDLED:
        assert rule.why.strip(), rule.id
        assert rule.examples, rule.id


@pytest.mark.parametrize("rule", BUNDLED.rules, ids=[r.id for r in BUNDLED.rules])
def test_bundled_rule_examples(rule) -> None:  # type: ignore[no-untyped-def]
    assert check_examples(rule) == []


def test_bundled_discussion_heading_followed_by_prose_is_a_section_not_comments() -> None:
    # A manual's or a paper's DISCUSSION section goes on with a paragraph: nothing is cut.
    blocks = blocks_of(PROSE, PROSE + " Again.", PROSE + " Third.", PROSE + " Fourth.") + [heading("DISCUSSION", 5)] + blocks_of(PROSE + " Fifth.")
    run(BUNDLED, blocks)
    assert reasons(blocks) == [None] * 6


def test_bundled_discussion_heading_followed_by_comment_structure_ends_the_article() -> None:
    # Under a comment section's "Discussion" come a name and a date, then the comments.
    blocks = blocks_of(PROSE, PROSE + " Again.", PROSE + " Third.", PROSE + " Fourth.") + [heading("Discussion", 5)]
    blocks += blocks_of("Jane Doe", "March 3, 2024 at 10:12 am", PROSE + " A comment.")
    run(BUNDLED, blocks)
    assert reasons(blocks)[:4] == [None] * 4
    assert reasons(blocks)[4:] == ["comments.discussion-header"] * 4


def test_bundled_recommended_marker_cuts_the_teasers_under_the_article() -> None:
    blocks = blocks_of(PROSE, PROSE + " Again.", PROSE + " Third.", PROSE + " Fourth.", "Recommended news", "Teaser one", PROSE + " Teaser.")
    run(BUNDLED, blocks)
    assert reasons(blocks) == [None] * 4 + ["tagdiv.recommended"] * 3


def test_bundled_recommended_marker_over_more_of_the_page_only_drops_itself() -> None:
    # A shop's "Recommended for you" carousel, empty in the capture, with the category's
    # buying guide under it: more prose after the marker than before it.
    after = [PROSE + f" Guide {n}." for n in range(6)]
    blocks = blocks_of(PROSE, PROSE + " Again.", PROSE + " Third.", PROSE + " Fourth.", "Recommended for you", *after)
    run(BUNDLED, blocks)
    assert reasons(blocks) == [None] * 4 + ["tagdiv.recommended"] + [None] * 6


def test_bundled_data_note_keeps_a_note_that_ends_like_a_sentence() -> None:
    # MDN-style notes end in "!" or ":" as often as in ".": they are the text, not a widget's note.
    blocks = blocks_of(PROSE, "Note: Do not call this method on a closed stream!", "Note: The following options are deprecated:", "Note: Data from 1997-2024")
    run(BUNDLED, blocks)
    assert reasons(blocks) == [None, None, None, "widget.data-note"]


# --- broken rule files ------------------------------------------------------------------------------

GOOD = """\
rules:
  - id: t.share
    why: Share buttons.
    match:
      literal: ["Share"]
    examples:
      drop: ["Share"]
      keep: ["Share prices fell."]
"""


def test_the_template_loads(tmp_path: Path) -> None:
    rules = rules_from(tmp_path, GOOD)
    assert [r.id for r in rules] == ["t.share"]
    assert check_examples(rules.rules[0]) == []


BROKEN = {
    # name: (file text, line the error names, rule id it names or None, a word of the message)
    "invalid-yaml": ("rules:\n  - id: t.share\n    why: a: b\n", 3, None, "invalid YAML"),
    "unknown-file-key": ("rulez: []\n" + GOOD, 1, None, "rulez"),
    "unknown-file-scope-key": ("scope:\n  domain: example.com\n" + GOOD, 2, None, "domain"),
    "unknown-rule-key": (GOOD.replace("    why: Share buttons.\n", "    why: Share buttons.\n    colour: red\n"), 2, "t.share", "colour"),
    "unknown-match-key": (GOOD.replace('      literal: ["Share"]\n', '      literal: ["Share"]\n      regexp: x\n'), 5, "t.share", "regexp"),
    "unknown-scope-key": (GOOD.replace("    why: Share buttons.\n", "    why: Share buttons.\n    scope:\n      hosts: [a.b]\n"), 5, "t.share", "hosts"),
    "unknown-examples-key": (GOOD.replace('      keep: ["Share prices fell."]\n', '      kept: ["x"]\n'), 7, "t.share", "kept"),
    "duplicate-id-in-file": (GOOD + GOOD.removeprefix("rules:\n"), 9, "t.share", "duplicate rule id"),
    "regex-does-not-compile": (GOOD.replace('literal: ["Share"]', "regex: '(unclosed'"), 5, "t.share", "bad regex"),
    "regex-backreference": (GOOD.replace('literal: ["Share"]', r"regex: '(a)\1'"), 5, "t.share", "bad regex"),
    "regex-lookahead": (GOOD.replace('literal: ["Share"]', "regex: 'a(?=b)'"), 5, "t.share", "bad regex"),
    "host-regex-does-not-compile": (GOOD.replace("    why: Share buttons.\n", "    why: Share buttons.\n    scope:\n      host: '(x'\n"), 5, "t.share", "bad regex"),
    "duplicate-yaml-key": (GOOD.replace("    why: Share buttons.\n", "    why: Share buttons.\n    why: Again.\n"), 4, None, "duplicate key"),
    "missing-id": (GOOD.replace("  - id: t.share\n    why: Share buttons.\n", "  - why: Share buttons.\n"), 2, None, "'id'"),
    "missing-why": (GOOD.replace("    why: Share buttons.\n", ""), 2, "t.share", "'why'"),
    "missing-match": (GOOD.replace('    match:\n      literal: ["Share"]\n', ""), 2, "t.share", "'match'"),
    "empty-match": (GOOD.replace('      literal: ["Share"]\n', "      max_chars: 10\n"), 5, "t.share", "match"),
    "missing-examples": (GOOD.replace('    examples:\n      drop: ["Share"]\n      keep: ["Share prices fell."]\n', ""), 2, "t.share", "examples"),
    "extract-without-field": (GOOD.replace("    why: Share buttons.\n", "    why: Share buttons.\n    action: extract\n"), 2, "t.share", "field"),
    "field-without-extract": (GOOD.replace("    why: Share buttons.\n", "    why: Share buttons.\n    field: title\n"), 2, "t.share", "field"),
    "unknown-action": (GOOD.replace("    why: Share buttons.\n", "    why: Share buttons.\n    action: delete\n"), 2, "t.share", "action"),
    "comment-section-without-cut-rest": (GOOD.replace("    why: Share buttons.\n", "    why: Share buttons.\n    comment_section: true\n"), 2, "t.share", "comment_section"),
    "tail-only-without-cut-rest": (GOOD.replace("    why: Share buttons.\n", "    why: Share buttons.\n    tail_only: true\n"), 2, "t.share", "tail_only"),
    "comment-section-not-a-flag": (GOOD.replace("    why: Share buttons.\n", "    why: Share buttons.\n    action: cut-rest\n    comment_section: 3\n"), 2, "t.share", "comment_section"),
    "unknown-block-kind": (GOOD.replace('      literal: ["Share"]\n', '      literal: ["Share"]\n      kind: headline\n'), 5, "t.share", "kind"),
}


@pytest.mark.parametrize("text, line, rule_id, word", BROKEN.values(), ids=BROKEN.keys())
def test_broken_rule_file(tmp_path: Path, text: str, line: int, rule_id: str | None, word: str) -> None:
    path = write(tmp_path, text, "broken.yaml")
    with pytest.raises(RuleError) as info:
        load_rules((str(path),))
    exc = info.value
    message = str(exc)
    assert message.startswith(f"{path}:{line}:"), message
    assert exc.line == line
    assert word in message
    if rule_id is not None:
        assert exc.rule_id == rule_id
        assert repr(rule_id) in message


def test_python_object_tag_is_refused_and_not_run(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    text = f"rules:\n  - id: t.x\n    why: !!python/object/apply:os.system ['touch {marker}']\n"
    path = write(tmp_path, text, "evil.yaml")
    with pytest.raises(RuleError) as info:
        load_rules((str(path),))
    assert str(info.value).startswith(f"{path}:3:")
    assert "invalid YAML" in str(info.value)
    assert not marker.exists()


def test_duplicate_rule_id_across_two_files(tmp_path: Path) -> None:
    write(tmp_path, GOOD, "a.yaml")
    second = write(tmp_path, "# the same id again\n" + GOOD, "b.yaml")
    with pytest.raises(RuleError) as info:
        load_rules((str(tmp_path),))
    message = str(info.value)
    assert message.startswith(f"{second}:3:"), message
    assert "'t.share'" in message
    assert str(tmp_path / "a.yaml") in message  # and where it was first defined


def test_extra_rules_clashing_with_bundled_ids_are_refused(tmp_path: Path) -> None:
    extra = rules_from(tmp_path, GOOD.replace("t.share", "generic.share"))
    with pytest.raises(RuleError, match="generic.share"):
        BUNDLED.merged(extra)


def test_missing_rule_path(tmp_path: Path) -> None:
    with pytest.raises(RuleError, match="no such"):
        load_rules((str(tmp_path / "nope.yaml"),))


def test_check_examples_names_the_rule_and_the_example(tmp_path: Path) -> None:
    rules = rules_from(tmp_path, GOOD.replace('keep: ["Share prices fell."]', 'keep: ["Share"]').replace('drop: ["Share"]', 'drop: ["Tweet"]'))
    failures = check_examples(rules.rules[0])
    assert len(failures) == 2
    assert all(f.startswith(f"{tmp_path / 'rules.yaml'}:") and ": t.share: " in f for f in failures)
    assert any("'Tweet'" in f for f in failures) and any("'Share'" in f for f in failures)


# --- engine: drop --------------------------------------------------------------------------------


def test_drop_literal_is_case_and_space_insensitive(tmp_path: Path) -> None:
    rules = rules_from(tmp_path, GOOD)
    blocks = blocks_of("Share", "  SHARE ", "Share prices fell.", "share this")
    run(rules, blocks)
    assert reasons(blocks) == ["t.share", "t.share", None, None]
    assert blocks[0].drop is not None and blocks[0].drop.source is DropSource.RULE


def test_first_matching_rule_in_file_order_names_the_drop(tmp_path: Path) -> None:
    # A regex rule and a literal rule both match: file order decides, whichever kind comes first.
    rules = rules_from(
        tmp_path,
        """\
        rules:
          - id: t.literal
            why: w
            match: {literal: ["Share"]}
            examples: {drop: ["Share"]}
          - id: t.regex
            why: w
            match: {regex: '^(?:Share|Tweet)$'}
            examples: {drop: ["Tweet"]}
        """,
    )
    blocks = blocks_of("Share", "Tweet")
    run(rules, blocks)
    assert reasons(blocks) == ["t.literal", "t.regex"]
    reordered = RuleSet(list(reversed(rules.rules)))
    blocks = blocks_of("Share", "Tweet")
    run(reordered, blocks)
    assert reasons(blocks) == ["t.regex", "t.regex"]


def test_prefilter_finds_exactly_the_rules_that_match() -> None:
    # The prefilter must never skip a rule that matches (it would silently keep boilerplate):
    # compare it with trying every bundled rule on lines that hit each kind of matcher.
    rules = [r for r in BUNDLED.rules if not r.is_dom and r.action.value != "rewrite"]
    prefilter = _Prefilter(rules)
    lines = [
        "Share", "  SHARE  this ", "Advertisement", "- Advertisement -", "Read more »", "Related coverage",
        "We use cookies to improve your experience on our site.", "Copyright 2025 The Associated Press. All rights reserved.",
        "Sign up for our daily newsletter", "공유하기", "이 블로그의 인기 게시물", PROSE, "", "Photo: Reuters",
        "This story was contributed to this report by Jane Doe.", "John says:", "Reply", "Terms of Use",
    ]
    for text in lines:
        b = block(text)
        found = {r.id for r in prefilter.candidates(text) if match(r.matcher, b, None) is not None}
        direct = {r.id for r in rules if match(r.matcher, b, None) is not None}
        assert found == direct, text
    assert any(prefilter.candidates(text) for text in lines)


def test_matcher_conditions(tmp_path: Path) -> None:
    rules = rules_from(
        tmp_path,
        """\
        rules:
          - id: t.heading
            why: w
            match: {kind: heading, regex: '^[A-Z ]+$'}
            examples: {drop: [{text: "WORLD NEWS", kind: heading}]}
          - id: t.short
            why: w
            match: {prefix: ["source:"], max_chars: 40, not: '\\.$'}
            examples: {drop: ["Source: AP"]}
          - id: t.links
            why: w
            match: {links_only: true, min_chars: 5}
            examples: {drop: [{text: "Home News", links: true}]}
        """,
    )
    blocks = blocks_of(
        ("WORLD NEWS", BlockKind.HEADING),
        "WORLD NEWS",  # not a heading
        "Source: AP",
        "Source: a senior official told reporters that the plan had been shelved",  # too long
        "Source: AP.",  # the `not` regex
        ("Home News", BlockKind.PARAGRAPH, True),
        ("Home", BlockKind.PARAGRAPH, True),  # below min_chars
        "Home News",  # not links
    )
    run(rules, blocks)
    assert reasons(blocks) == ["t.heading", None, "t.short", None, None, "t.links", None, None]


def test_next_condition_looks_at_the_next_kept_block(tmp_path: Path) -> None:
    rules = rules_from(
        tmp_path,
        """\
        rules:
          - id: t.share
            why: w
            match: {literal: ["Share"]}
            examples: {drop: ["Share"]}
          - id: t.masthead
            why: w
            match: {literal: ["The Associated Press"], next: '^Advancing the Power'}
            examples: {drop: [{text: "The Associated Press", next: "Advancing the Power of Facts"}]}
        """,
    )
    # The empty image block between the two lines is skipped; the condition sees the next text.
    blocks = blocks_of("The Associated Press", ("", BlockKind.IMAGE), "Advancing the Power of Facts", "The Associated Press", "contributed to this report.")
    run(rules, blocks)
    assert reasons(blocks) == ["t.masthead", None, None, None, None]
    # A block already dropped does not count as the next one either.
    blocks = blocks_of("The Associated Press", "Share", "Advancing the Power of Facts")
    blocks[1].drop = Drop(DropSource.METADATA, "byline")
    run(rules, blocks)
    assert reasons(blocks) == ["t.masthead", "byline", None]


# --- engine: drop-section ----------------------------------------------------------------------------

SECTION = """\
rules:
  - id: t.related
    why: w
    action: drop-section
    {extra}
    match: {{literal: ["RELATED COVERAGE"]}}
    examples: {{drop: ["RELATED COVERAGE"]}}
"""


def test_drop_section_stops_at_the_first_non_link_paragraph(tmp_path: Path) -> None:
    rules = rules_from(tmp_path, SECTION.format(extra="until: links"))
    blocks = blocks_of(
        PROSE,
        ("RELATED COVERAGE", BlockKind.HEADING),
        ("Europe quietly works on a plan to send troops", BlockKind.PARAGRAPH, True),
        ("McConnell tests the limits of his power", BlockKind.LIST_ITEM),
        ("", BlockKind.IMAGE),
        "He insisted NATO will not be involved in any future force.",
        ("A link after the section ended", BlockKind.PARAGRAPH, True),
    )
    run(rules, blocks)
    assert reasons(blocks) == [None, "t.related", "t.related", "t.related", "t.related", None, None]


def test_drop_section_stops_at_a_list_item_that_is_a_sentence_with_a_link_in_it(tmp_path: Path) -> None:
    # A docs page's "See also" list: sentences with a link in them, not links. A teaser's
    # item is all link, or a headline without its link (a text capture).
    rules = rules_from(tmp_path, SECTION.format(extra="until: links"))
    sentence = "For more about the contents of the go.mod file, see the go.mod reference."
    blocks = blocks_of(PROSE, ("RELATED COVERAGE", BlockKind.HEADING), ("Europe quietly works on a plan", BlockKind.LIST_ITEM, True),
                       ("McConnell tests the limits of his power.", BlockKind.LIST_ITEM), (sentence, BlockKind.LIST_ITEM))
    blocks[-1].link_chars = len("go.mod reference")
    run(rules, blocks)
    assert reasons(blocks) == [None, "t.related", "t.related", "t.related", None]


def test_drop_section_stops_at_a_plain_heading_but_not_at_a_linked_one(tmp_path: Path) -> None:
    rules = rules_from(tmp_path, SECTION.format(extra="until: links"))
    blocks = blocks_of(
        ("RELATED COVERAGE", BlockKind.HEADING),
        ("Teaser one", BlockKind.PARAGRAPH, True),
        ("Teaser title as a linked heading", BlockKind.HEADING, True),
        ("Teaser two", BlockKind.PARAGRAPH, True),
        ("What happens next", BlockKind.HEADING),
        ("A link under the next heading", BlockKind.PARAGRAPH, True),
    )
    run(rules, blocks)
    assert reasons(blocks) == ["t.related"] * 4 + [None, None]


def test_drop_section_until_heading_takes_paragraphs_too(tmp_path: Path) -> None:
    rules = rules_from(tmp_path, SECTION.format(extra="until: heading"))
    blocks = blocks_of(("RELATED COVERAGE", BlockKind.HEADING), "Plain teaser text.", ("Link", BlockKind.PARAGRAPH, True), ("Next", BlockKind.HEADING), "After.")
    run(rules, blocks)
    assert reasons(blocks) == ["t.related"] * 3 + [None, None]


def test_drop_section_max_blocks(tmp_path: Path) -> None:
    rules = rules_from(tmp_path, SECTION.format(extra="max_blocks: 2"))
    blocks = blocks_of("RELATED COVERAGE", *[(f"Teaser {i}", BlockKind.LIST_ITEM) for i in range(4)])
    run(rules, blocks)
    assert reasons(blocks) == ["t.related"] * 3 + [None, None]


# --- engine: cut-rest ---------------------------------------------------------------------------------

CUT = """\
rules:
  - id: t.similar
    why: w
    action: cut-rest
    match: {regex: '(?i)^similar news\\s*:'}
    examples: {drop: ["Similar News:"]}
"""


def test_cut_rest_after_the_article_drops_everything_after(tmp_path: Path) -> None:
    rules = rules_from(tmp_path, CUT)
    blocks = blocks_of(
        PROSE, PROSE + " Again.", PROSE + " Third.", PROSE + " Fourth.", "Similar News: other stories", PROSE + " Teaser.", ("Heading", BlockKind.HEADING)
    )
    run(rules, blocks)
    assert reasons(blocks) == [None] * 4 + ["t.similar"] * 3


def test_cut_rest_marker_heading_an_empty_section_only_drops_itself(tmp_path: Path) -> None:
    # A "Recommended" box filled by script is empty in the capture: the next heading of the
    # same rank opens the page's next section, which stays. Teaser titles under the marker
    # are link headings, and those still go with the cut.
    rules = rules_from(tmp_path, CUT)
    marker, section = heading("Similar News: for you", 5), heading("Bookcases for every room", 6)
    blocks = blocks_of(PROSE, PROSE + " Again.", PROSE + " Third.", PROSE + " Fourth.") + [marker, section] + blocks_of(PROSE + " More.")
    run(rules, blocks)
    assert reasons(blocks) == [None] * 4 + ["t.similar", None, None]

    marker, teaser = heading("Similar News: for you", 5), heading("Another story", 6, links=True)
    blocks = blocks_of(PROSE, PROSE + " Again.", PROSE + " Third.", PROSE + " Fourth.") + [marker, teaser] + blocks_of(PROSE + " Teaser.")
    run(rules, blocks)
    assert reasons(blocks) == [None] * 4 + ["t.similar"] * 3


def test_cut_rest_marker_under_a_short_post_only_drops_itself(tmp_path: Path) -> None:
    # Two paragraphs (a thread's first post) are not yet an article that a comment
    # section would end: the replies under "76 replies" are the thread.
    rules = rules_from(tmp_path, CUT)
    blocks = blocks_of(PROSE, PROSE + " Again.", "Similar News: 76", PROSE + " Reply.", PROSE + " Another reply.")
    run(rules, blocks)
    assert reasons(blocks) == [None, None, "t.similar", None, None]


def test_cut_rest_marker_before_any_article_only_drops_itself(tmp_path: Path) -> None:
    # A menu at the top repeating the marker must not cut the whole page.
    rules = rules_from(tmp_path, CUT)
    blocks = blocks_of("Similar News: menu", PROSE, PROSE + " Again.")
    run(rules, blocks)
    assert reasons(blocks) == ["t.similar", None, None]


def test_cut_rest_counts_hangul_prose_at_its_weight(tmp_path: Path) -> None:
    # Korean says in one syllable what English says in about two letters: two Korean
    # paragraphs of 230 characters are an article that a related-posts marker ends.
    rules = rules_from(tmp_path, CUT)
    korean = "오후에는 강정천을 지나 월평까지 걸었다. 중간에 자갈 해변이 길게 이어져 발목이 조금 아팠으니, 밑창이 두꺼운 신발을 신는 것이 좋겠다. " * 3
    blocks = blocks_of(korean, korean + " 끝.", "Similar News: other stories", PROSE)
    run(rules, blocks)
    assert reasons(blocks) == [None, None, "t.similar", "t.similar"]


def test_cut_rest_marker_under_long_menu_lines_only_drops_itself(tmp_path: Path) -> None:
    # A text capture has no links: its menu lines are long plain text, but no sentence
    # ends in them, so they are no article before the marker.
    rules = rules_from(tmp_path, CUT)
    menu = "Airlines Hotels Airports Columns All News Destinations Community Help Rules Contact Us Glossary"
    blocks = blocks_of(menu, menu + " Forums", menu + " About", menu + " Terms", "Similar News: menu", PROSE, PROSE + " Again.")
    run(rules, blocks)
    assert reasons(blocks) == [None, None, None, None, "t.similar", None, None]


def test_cut_rest_marker_that_recurs_is_an_item_label_and_cuts_at_its_last_use(tmp_path: Path) -> None:
    # "Similar News: 3" under every item of a thread is each item's label, not the start
    # of the page's tail (numbers and punctuation aside): the posts between its uses stay,
    # the last use cuts.
    rules = rules_from(tmp_path, CUT)
    blocks = blocks_of(
        PROSE, PROSE + " Again.", PROSE + " Third.", PROSE + " Fourth.", "Similar News: 3", PROSE + " Reply.", "Similar News: 12 |", PROSE + " Second reply.", "Similar News: 0", "Footer links"
    )
    run(rules, blocks)
    assert reasons(blocks) == [None] * 4 + ["t.similar", None, "t.similar", None, "t.similar", "t.similar"]
    # A comment section's header and its sub-header differ: the first one cuts.
    blocks = blocks_of(PROSE, PROSE + " Again.", PROSE + " Third.", PROSE + " Fourth.", "Similar News: 167 stories", PROSE + " Teaser.", "Similar news: top rated", PROSE + " More.")
    run(rules, blocks)
    assert reasons(blocks) == [None] * 4 + ["t.similar"] * 4


def test_cut_rest_marker_recurs_in_the_singular_or_the_plural(tmp_path: Path) -> None:
    # A Q&A page heads one answer's comments "1 Similar News story" and the next answer's
    # "2 Similar News stories": one label, so the answer between them stays.
    rules = rules_from(tmp_path, CUT)
    blocks = blocks_of(
        PROSE, PROSE + " Again.", PROSE + " Third.", PROSE + " Fourth.", "Similar News: 1 story", PROSE + " Answer.", "Similar News: 2 stories", "Footer links"
    )
    run(rules, blocks)
    assert reasons(blocks) == [None] * 4 + ["t.similar", None, "t.similar", "t.similar"]


def test_cut_rest_item_label_last_use_waits_for_the_other_labels(tmp_path: Path) -> None:
    # A Q&A page heads each answer's comments "2 comments" and ends each answer with "Add
    # a comment": the last "2 comments" heads the last comments, and the answers after it
    # (with no comments, so no count) stay until the last "Add a comment".
    rules = rules_from(tmp_path, CUT + """\
  - id: t.add
    why: w
    action: cut-rest
    match: {regex: '(?i)^similar tip$'}
    examples: {drop: ["Similar tip"]}
""")
    blocks = blocks_of(
        PROSE, PROSE + " Again.", PROSE + " Third.", PROSE + " Fourth.", "Similar News: 2", PROSE + " Comment.", "Similar tip",
        PROSE + " Answer.", "Similar News: 3", PROSE + " Comment two.", "Similar tip", PROSE + " Last answer.", "Similar tip", "Footer links",
    )
    run(rules, blocks)
    assert reasons(blocks) == [None] * 4 + ["t.similar", None, "t.add", None, "t.similar", None, "t.add", None, "t.add", "t.add"]
    # A header used once after an item label ("Top rated" under a teaser's count) still cuts.
    blocks = blocks_of(
        PROSE, PROSE + " Again.", PROSE + " Third.", PROSE + " Fourth.", "Similar News: 167", "Similar tip", PROSE + " Comment.", "Similar News: 8",
    )
    run(rules, blocks)
    assert reasons(blocks) == [None] * 4 + ["t.similar"] + ["t.add"] * 3


def test_cut_rest_marker_first_in_a_row_of_controls_recurs_as_that_control(tmp_path: Path) -> None:
    # A Q&A page prints "Add a comment | Show 4 more comments" under one answer and "Add a
    # comment" under the others: the same control, so the answers between them stay.
    rules = rules_from(tmp_path, CUT)
    blocks = blocks_of(
        PROSE, PROSE + " Again.", PROSE + " Third.", PROSE + " Fourth.", "Similar News: | Show 4 more", PROSE + " Answer.", "Similar News:", PROSE + " Last answer.", "Similar News: |", "Footer links"
    )
    run(rules, blocks)
    assert reasons(blocks) == [None] * 4 + ["t.similar", None, "t.similar", None, "t.similar", "t.similar"]



def test_cut_rest_item_labels_last_use_over_an_unlabelled_item_drops_itself(tmp_path: Path) -> None:
    # A Q&A page whose last answer lost its "Add a comment" (the reading left it out): what
    # follows the label's last use starts with prose and holds an item's worth of it, and
    # stays. Short lines under the last use are the page's tail, and go.
    rules = rules_from(tmp_path, CUT)
    answers = (PROSE, PROSE + " Again.", PROSE + " Third.", PROSE + " Fourth.", "Similar News: 3", PROSE + " Answer.", "Similar News: 1")
    blocks = blocks_of(*answers, PROSE + " Last answer.", PROSE + " Its second paragraph.", "Footer links")
    run(rules, blocks)
    assert reasons(blocks) == [None] * 4 + ["t.similar", None, "t.similar", None, None, None]
    blocks = blocks_of(*answers, "Footer links", "Privacy")
    run(rules, blocks)
    assert reasons(blocks) == [None] * 4 + ["t.similar", None] + ["t.similar"] * 3
    # Prose further down, past the tail's short lines (related questions as long as a
    # paragraph), is no item under the label: the cut holds.
    tail = ("You must log in to answer", "Ask question", "Related", "Tags", PROSE + " A related question?", PROSE + " Another?")
    blocks = blocks_of(*answers, *tail)
    run(rules, blocks)
    assert reasons(blocks) == [None] * 4 + ["t.similar", None] + ["t.similar"] * 7


COMMENTS = """\
rules:
  - id: t.comments
    why: w
    action: cut-rest
    comment_section: true
    match: {regex: '(?i)^\\d+ comments$'}
    examples: {drop: ["12 Comments"]}
"""


def test_comment_section_marker_over_a_threads_replies_only_drops_itself(tmp_path: Path) -> None:
    # A thread's replies under "22 Comments", each with a "Quote" control: the posts are
    # the thread, not comments that end it.
    rules = rules_from(tmp_path, COMMENTS)
    post = ["2y", PROSE + " Reply.", "Reply", "Quote", "Report"]
    blocks = blocks_of(PROSE, PROSE + " Again.", PROSE + " Third.", PROSE + " Fourth.", "22 Comments", *post, *post, *post)
    run(rules, blocks)
    assert reasons(blocks) == [None] * 4 + ["t.comments"] + [None] * 15


def test_comment_section_marker_under_an_article_still_cuts(tmp_path: Path) -> None:
    # A blog's comments have reply links but no quote control: the article ends there. Two
    # quotes are not yet a pattern.
    rules = rules_from(tmp_path, COMMENTS)
    comment = ["May 2, 2024 at 6:34 am", PROSE + " Comment.", "Reply"]
    blocks = blocks_of(PROSE, PROSE + " Again.", PROSE + " Third.", PROSE + " Fourth.", "12 Comments", *comment, *comment, "Quote", "Quote")
    run(rules, blocks)
    assert reasons(blocks) == [None] * 4 + ["t.comments"] * 9
    # A cut-rest rule that does not open comments cuts a thread's replies too.
    (plain := tmp_path / "plain").mkdir()
    rules = rules_from(plain, COMMENTS.replace("    comment_section: true\n", ""))
    post = ["2y", PROSE + " Reply.", "Quote"]
    blocks = blocks_of(PROSE, PROSE + " Again.", PROSE + " Third.", PROSE + " Fourth.", "22 Comments", *post, *post, *post)
    run(rules, blocks)
    assert reasons(blocks) == [None] * 4 + ["t.comments"] * 10


TAIL = """\
rules:
  - id: t.more
    why: w
    action: cut-rest
    tail_only: true
    match: {regex: '(?i)^more from '}
    examples: {drop: ["More from Jane Doe"]}
"""


def test_tail_only_marker_cuts_under_the_article(tmp_path: Path) -> None:
    # Little prose after the marker: the page's tail, which goes whole.
    rules = rules_from(tmp_path, TAIL)
    blocks = blocks_of(PROSE, PROSE + " Again.", PROSE + " Third.", PROSE + " Fourth.", "More from Jane Doe", "Teaser one", PROSE + " Teaser.")
    run(rules, blocks)
    assert reasons(blocks) == [None] * 4 + ["t.more"] * 3


def test_tail_only_marker_inside_the_article_only_drops_itself(tmp_path: Path) -> None:
    # More prose after the marker than before it: a box inside the article, which goes on.
    rules = rules_from(tmp_path, TAIL)
    blocks = blocks_of(PROSE, PROSE + " Again.", PROSE + " Third.", PROSE + " Fourth.", "More from Jane Doe", PROSE + " Fifth.", PROSE + " Sixth.", PROSE + " Seventh.", PROSE + " Last.", PROSE + " End.")
    run(rules, blocks)
    assert reasons(blocks) == [None] * 4 + ["t.more"] + [None] * 5
    # Without tail_only the same marker cuts the article.
    (plain := tmp_path / "plain").mkdir()
    rules = rules_from(plain, TAIL.replace("    tail_only: true\n", ""))
    blocks = blocks_of(PROSE, PROSE + " Again.", PROSE + " Third.", PROSE + " Fourth.", "More from Jane Doe", PROSE + " Fifth.", PROSE + " Sixth.", PROSE + " Seventh.", PROSE + " Last.", PROSE + " End.")
    run(rules, blocks)
    assert reasons(blocks) == [None] * 4 + ["t.more"] * 6


# --- engine: extract and rewrite ---------------------------------------------------------------------

EXTRACT = """\
rules:
  - id: t.date
    why: w
    action: extract
    field: date
    remove: {remove}
    match: {{regex: '^date\\s+(?P<value>\\d{{4}}-\\d{{2}}-\\d{{2}})\\s*'}}
    examples: {{extract: [{{text: "date 2025-02-14 x", value: "2025-02-14"}}]}}
"""


def test_extract_with_remove_match_keeps_the_rest_of_the_line(tmp_path: Path) -> None:
    rules = rules_from(tmp_path, EXTRACT.format(remove="match"))
    blocks = blocks_of("Intro", "date 2025-02-14 NATO's top civilian official said", "date 2025-03-01 a second one")
    fields = run(rules, blocks)
    value, evidence = fields["date"]
    assert value == "2025-02-14"  # the first extraction wins
    assert evidence.line == 2 and "t.date" in evidence.source
    assert blocks[1].text == "NATO's top civilian official said"
    assert blocks[1].drop is None


def test_extract_remove_match_of_the_whole_line_drops_it(tmp_path: Path) -> None:
    rules = rules_from(tmp_path, EXTRACT.format(remove="match"))
    blocks = blocks_of("date 2025-02-14")
    assert run(rules, blocks)["date"][0] == "2025-02-14"
    assert blocks[0].drop is not None and blocks[0].drop.source is DropSource.METADATA


@pytest.mark.parametrize("remove, dropped, text", [("block", True, "date 2025-02-14 text"), ("none", False, "date 2025-02-14 text")])
def test_extract_remove_block_and_none(tmp_path: Path, remove: str, dropped: bool, text: str) -> None:
    rules = rules_from(tmp_path, EXTRACT.format(remove=remove))
    blocks = blocks_of("date 2025-02-14 text")
    assert run(rules, blocks)["date"][0] == "2025-02-14"
    assert (blocks[0].drop is not None) is dropped
    assert blocks[0].text == text


def test_rewrite_runs_before_the_other_rules(tmp_path: Path) -> None:
    rules = rules_from(
        tmp_path,
        """\
        rules:
          - id: t.unescape
            why: w
            action: rewrite
            match: {regex: '\\\\+(["”])'}
            replace: '\\1'
            examples: {rewrite: [{text: 'he said \\"no\\"', out: 'he said "no"'}]}
          - id: t.quote
            why: w
            match: {literal: ['he said "no"']}
            examples: {drop: ['he said "no"']}
        """,
    )
    assert check_examples(rules.rules[0]) == []
    blocks = blocks_of('he said \\"no\\"', 'she said \\"yes\\"')
    run(rules, blocks)
    assert reasons(blocks) == ["t.quote", None]
    assert blocks[1].text == 'she said "yes"'
    assert blocks[1].markdown == 'she said "yes"'


# --- engine: scope ---------------------------------------------------------------------------------


def test_scope_by_signature_at_file_level(tmp_path: Path) -> None:
    rules = rules_from(tmp_path, 'scope:\n  signature: ["(AP)"]\n' + GOOD)
    on = blocks_of("Share")
    run(rules, on, capture="BRUSSELS (AP) — text\n\nShare\n")
    assert reasons(on) == ["t.share"]
    off = blocks_of("Share")
    run(rules, off, capture="BRUSSELS (Reuters) - text\n\nShare\n")
    assert reasons(off) == [None]



class _WatchedCapture(str):
    """A capture that counts the signature searches made in it."""

    searches = 0

    def __contains__(self, needle: object) -> bool:
        type(self).searches += 1
        return super().__contains__(needle)  # type: ignore[operator]


def test_a_signature_is_looked_for_only_when_a_block_matches_a_rule_it_scopes(tmp_path: Path) -> None:
    # Looking for a signature reads the whole capture: a page none of whose blocks such a
    # rule matches is not read for it, and one that has such blocks is read once.
    rules = rules_from(tmp_path, 'scope:\n  signature: ["(AP)", "Associated Press"]\n' + GOOD)
    _WatchedCapture.searches = 0
    blocks = blocks_of("Prices fell.", "Markets closed.")
    run(rules, blocks, capture=_WatchedCapture("BRUSSELS (AP) — Prices fell.\n\nMarkets closed.\n"))
    assert _WatchedCapture.searches == 0 and reasons(blocks) == [None, None]
    blocks = blocks_of("Share", "Prices fell.", "Share")
    run(rules, blocks, capture=_WatchedCapture("BRUSSELS (AP) — text\n\nShare\n"))
    assert _WatchedCapture.searches == 1 and reasons(blocks) == ["t.share", None, "t.share"]
    blocks = blocks_of("Share", "Share")
    run(rules, blocks, capture=_WatchedCapture("BRUSSELS (Reuters) - text\n\nShare\n"))
    assert reasons(blocks) == [None, None]

@pytest.mark.parametrize(
    "url, dropped",
    [("https://www.example.com/a", True), ("example.com/news", True), ("https://example.org/a", False), ("https://notexample.com/", False), (None, False)],
)
def test_scope_by_host(tmp_path: Path, url: str | None, dropped: bool) -> None:
    rules = rules_from(tmp_path, GOOD.replace("    why: Share buttons.\n", "    why: Share buttons.\n    scope:\n      host: '(?:^|\\.)example\\.com$'\n"))
    blocks = blocks_of("Share")
    run(rules, blocks, url=url)
    assert (blocks[0].drop is not None) is dropped


@pytest.mark.parametrize("kind, dropped", [("markdown", True), ("text", False)])
def test_scope_by_capture_kind(tmp_path: Path, kind: str, dropped: bool) -> None:
    rules = rules_from(tmp_path, GOOD.replace("    why: Share buttons.\n", "    why: Share buttons.\n    scope: {kind: markdown}\n"))
    blocks = blocks_of("Share")
    run(rules, blocks, kind=kind)
    assert (blocks[0].drop is not None) is dropped


@pytest.mark.parametrize("language, dropped", [("ko", True), ("en", False), (None, False)])
def test_scope_by_language(tmp_path: Path, language: str | None, dropped: bool) -> None:
    rules = rules_from(tmp_path, GOOD.replace("    why: Share buttons.\n", "    why: Share buttons.\n    scope: {language: ko}\n"))
    blocks = blocks_of("Share")
    run(rules, blocks, language=language)
    assert (blocks[0].drop is not None) is dropped


LANGUAGE_AND_COMMON = """\
rules:
  - id: t.first
    why: First in file order.
    {first}
    match:
      regex: '(?i)^teilen$'
    examples: {{drop: ["Teilen"], keep: ["Teilen Sie es."]}}
  - id: t.second
    why: Second in file order.
    {second}
    match:
      literal: ["Teilen"]
    examples: {{drop: ["Teilen"], keep: ["Teilen Sie es."]}}
"""


@pytest.mark.parametrize("scoped, language, reason", [
    ("first", "de", "t.first"), ("first", "en", "t.second"),
    ("second", "de", "t.first"), ("second", "en", "t.first"),
])
def test_language_scoped_rules_keep_their_place_in_rule_order(tmp_path: Path, scoped: str, language: str, reason: str) -> None:
    # A rule scoped to a language keeps its place among the rest: the first rule in file
    # order decides a block that both match.
    scope = "scope: {language: de}"
    text = LANGUAGE_AND_COMMON.format(first=scope if scoped == "first" else "", second=scope if scoped == "second" else "")
    rules = rules_from(tmp_path, text)
    blocks = blocks_of("Teilen")
    run(rules, blocks, language=language)
    assert reasons(blocks) == [reason]


# --- engine: adversarial input ------------------------------------------------------------------------


def test_catastrophic_backtracking_regex_is_linear(tmp_path: Path) -> None:
    rules = rules_from(
        tmp_path,
        """\
        rules:
          - id: t.evil
            why: A pattern that backtracks exponentially in a backtracking engine.
            match: {regex: '(a+)+$'}
            examples: {drop: ["aaa"], keep: ["aab"]}
        """,
    )
    blocks = blocks_of("a" * 50_000 + "b", "a" * 50_000)
    started = time.perf_counter()
    run(rules, blocks)
    elapsed = time.perf_counter() - started
    assert reasons(blocks) == [None, "t.evil"]
    assert elapsed < 2.0  # a safety net only: RE2 takes milliseconds
