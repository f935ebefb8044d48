"""The article's end in a flattened capture: the author box under the article."""
from __future__ import annotations

from ..classify.features import words_of
from ..model import Block, BlockKind, Drop, DropSource, Label
from ..settings import Settings

AUTHOR_BOX = Drop(DropSource.CLASSIFIER, "author-box")
# A box opens with the name: its words are looked for in the paragraph's first characters,
# and a full name in its first words (names of up to four words).
_OPENING_CHARS = 80
_OPENING_WORDS = 4
# An author box's heading: a label of at most this many words before the name (the
# longest wording seen, "À propos de", is three; initial value, not searched), and what may
# follow the name ("About Jane Doe:").
_LABEL_MAX_WORDS = 3
_HEADING_END = " \t.:!?*|-–—"


def _name_keys(authors: list[str]) -> tuple[set[str], tuple[str, ...]]:
    """First names and full names of the page's authors, from names of two words or more
    that each open with a capital (a person, not a desk or "Staff")."""
    firsts: set[str] = set()
    fulls: list[str] = []
    for author in authors:
        words = words_of(author)
        if len(words) < 2 or not all(w[:1].isupper() for w in words):
            continue
        firsts.add(words[0])
        fulls.append(" ".join(words))
    return firsts, tuple(fulls)


def _opening_name(text: str, firsts: set[str], fulls: tuple[str, ...]) -> str | None:
    """The author's first name where the text opens with it or with the full name."""
    words = words_of(text[:_OPENING_CHARS])
    if not words or not text[:1].isalpha():
        return None  # a quote or a dash first: someone speaks to the author, no bio
    if words[0] in firsts or " ".join(words[:_OPENING_WORDS]).startswith(fulls):
        return words[0]
    return None


def _labelled_name(text: str, firsts: set[str], fulls: tuple[str, ...]) -> str | None:
    """The author's first name where a short line is a label of one to
    _LABEL_MAX_WORDS words and then the author's full name: an author box's heading in any
    language ("About Jane Doe", "Über Jane Doe", "Sobre Jane Doe", "Meet Jane Doe")."""
    words = words_of(text)
    for full in fulls:
        size = full.count(" ") + 1
        label = words[:-size]
        if (
            0 < len(label) <= _LABEL_MAX_WORDS
            and " ".join(words[-size:]) == full
            # "About Jane Doe", "À propos de Jane Doe"; a Title Case heading that ends in a
            # brand read as the byline ("Shopping Smart with Acme Deals") is the article's.
            and not any(w[:1].isupper() for w in label[1:])
        ):
            return words[-size]
    return None


def cut_author_box(blocks: list[Block], authors: list[str], settings: Settings) -> None:
    """An author box under the article: a paragraph about the byline's author that opens
    with their name ("Jane Doe is a reporter who ...", "Jane has written for ..."), with at
    least settings.author_box_min_share_before of the kept text before it, and the name
    nowhere in that text but on the box's own name line. An article rarely names its own
    author; a desk, a brand or a product read as the byline opens many of its lines. The
    learned layer keeps such a box: a paragraph of good prose next to the article. The
    box may also open with a label and the full name as its heading ("About Jane Doe",
    "Über Jane Doe") over a paragraph that uses the name (_labelled_name). The
    box goes with the name line over it ("Jane Doe", "Staff Writer"), and so does the rest
    of the page where at most settings.author_box_cut_rest_max_after_share of the text
    before it follows (a box in the middle of a review of several products: the rest stays)."""
    firsts, fulls = _name_keys(authors)
    if not firsts:
        return
    lasts = tuple(full.rsplit(" ", 1)[-1] for full in fulls)  # a box's heading ends with one
    kept = [b for b in blocks if b.drop is None and b.text]
    total = sum(len(b.text) for b in kept)
    before = 0
    used: set[str] = set()
    for at, block in enumerate(kept):
        if before < settings.author_box_min_share_before * total:
            before += len(block.text)
            continue
        name = None
        end = at
        if (
            len(block.text) <= settings.author_box_name_line_max_chars
            and at + 1 < len(kept)
            and block.text.rstrip(_HEADING_END).endswith(lasts)
            and (labelled := _labelled_name(block.text, firsts, fulls))
            and labelled in words_of(kept[at + 1].text)
            and len(kept[at + 1].text.split()) >= settings.min_sentence_words
        ):
            # The box's heading names the author and the paragraph under it is about them
            # ("Über Jane Doe" over "Als Reporterin schreibt Jane Doe ..."): the name
            # need not open the paragraph, and the article may name its author.
            name, end = labelled, at + 1
        elif (
            block.kind is not BlockKind.HEADING
            and len(block.text.split()) >= settings.min_sentence_words
        ):
            name = _opening_name(block.text, firsts, fulls)
        if name:
            # The name line over the box ("Jane Doe"), perhaps with a role line beside it
            # ("Staff Writer"): the furthest of the short lines just above that names her.
            head = at
            for up in range(at - 1, max(at - 1 - settings.author_box_head_max_lines, -1), -1):
                if len(kept[up].text) > settings.author_box_name_line_max_chars:
                    break
                if name in kept[up].text:
                    head = up
            if end == at and (name in used or any(name in words_of(b.text) for b in kept[:head])):
                # The article uses the name, and so does every later paragraph's text before
                # it: one scan a name, not one a paragraph.
                used.add(name)
                before += len(block.text)
                continue
            after = total - before - sum(len(b.text) for b in kept[at : end + 1])
            cut = kept[head:] if after <= settings.author_box_cut_rest_max_after_share * before else kept[head : end + 1]
            for b in cut:
                b.drop, b.label = AUTHOR_BOX, Label.BAD
            return
        before += len(block.text)
