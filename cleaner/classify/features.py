"""Per-block features. Every value is a plain float so --explain and the report can show it."""
from __future__ import annotations

import re
from collections import Counter

from ..lang import WORD, Stoplist
from ..memo import PARAGRAPH_CHARS, short_text_cache
from ..model import Block, BlockKind
from ..settings import Settings
from ..text.inline import OTHER_SENTENCE_ENDS, count_bare_urls

# ASCII text (most blocks; str.isascii is a flag) has no Indic vowel signs: the plain pattern is faster.
_ASCII_WORD = re.compile(r"\w+")
_CJK_CHAR = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7a3]")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")


# A post's "quote this post" control, as forum software prints it under every post; blog
# and news comment systems have none, so a few of them mark a thread.
_QUOTE_CONTROL = re.compile(r"(?i)^\W*(?:\+\s*)?(?:quote|reply with quote|multi-?quote)\W*$")
_QUOTE_CONTROL_MAX_CHARS = 24  # "+ Reply With Quote" and some punctuation


def is_quote_control(text: str) -> bool:
    return len(text) <= _QUOTE_CONTROL_MAX_CHARS and _QUOTE_CONTROL.match(text) is not None


def weighted_chars(text: str, settings: Settings) -> float:
    """A text's length in Latin characters: a Han or kana character counts as
    settings.cjk_char_weight, a Hangul syllable as settings.hangul_char_weight."""
    if text.isascii():
        return len(text)
    cjk = len(_CJK_CHAR.findall(text))
    hangul = len(_HANGUL.findall(text)) if cjk else 0
    return len(text) + (cjk - hangul) * (settings.cjk_char_weight - 1) + hangul * (settings.hangul_char_weight - 1)
_TERMINAL = re.compile(rf"[.!?。！？…:;{OTHER_SENTENCE_ENDS}]['\"’”)\]»]*$|[.!?。！？{OTHER_SENTENCE_ENDS}][\"'’”)\]»]*\s")
_DIGIT = re.compile(r"\d")
_ELLIPSIS_END = re.compile(r"(?:\.\.\.|…)\s*$")
_CJK_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]{2,}")
# Words that address the reader or speak for the site: prompts, notices and comment
# forms do, news prose (outside quotes) rarely does.
_READER_WORDS = frozenset(
    "you your yours yourself we our ourselves "
    "vous votre vos nous notre nos dein deine euch unser unsere usted ustedes tu tus nuestro nuestra".split()
)
# A date or time on a line of its own: a teaser's or a comment's timestamp ("2 hours ago",
# "Tuesday November 19, 2019", "19.11.2019 10:48"). Only short lines are searched.
_DATEISH = re.compile(
    r"\b\d+\s*(?:min|mins|minutes?|h|hrs?|hours?|days?|weeks?|months?)\s+ago\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\b\d{1,2}:\d{2}\b"
    r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}\.?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b",
    re.I,
)
_DATEISH_MAX_CHARS = 60  # longer lines are sentences that mention a date

# Photo credits and caption tails: "(Image: GETTY)", "Photo by ...", "| Getty Images", "/ AP".
# The forms that open with a bracket or a bar, and the ones that need one of _CREDIT_WORDS.
_CREDIT_BRACKET = r"\((?:image|photo|photograph|picture|foto|credit|source)s?\s*:"
_CREDIT_BAR = r"[/|]\s*(?:ap|afp|epa|reuters|getty|shutterstock)\b"
_CREDIT = re.compile(
    _CREDIT_BRACKET + r"|\b(?:photo(?:graph)?s?|image|foto)\s+(?:by|credit|courtesy)\b"
    r"|\bcredit\s*:|getty\s*images|\b(?:ap|afp|epa|reuters|xinhua|bloomberg)\s*(?:photo|images)\b|" + _CREDIT_BAR + "|©",
    re.I,
)
_CREDIT_WORDS = ("photo", "image", "foto", "credit", "getty")
_CREDIT_BRACKET_ONLY = re.compile(_CREDIT_BRACKET, re.I)
_CREDIT_BAR_ONLY = re.compile(_CREDIT_BAR, re.I)


# Each form of _CREDIT needs one of these marks or words: most lines have none, and the
# case-blind pattern is slow to rule out. The screen is case-blind too, so it passes every
# line the pattern could match ("İ" and "ı" match "i" under re.I).
_CREDIT_SCREEN = re.compile(r"[(/|©]|photo|image|foto|credit|getty", re.I)


def _credit(text: str) -> bool:
    if text.isascii():
        # ASCII lowers exactly as the case-blind match folds it. Without one of the words
        # only the bracket and bar forms can match, and each opens with its mark: two fast
        # scans in place of the screen's (a third of this function's time on bench md/txt).
        lowered = text.lower()
        if not any(word in lowered for word in _CREDIT_WORDS):
            return ("(" in text and _CREDIT_BRACKET_ONLY.search(text) is not None) or (
                ("/" in text or "|" in text) and _CREDIT_BAR_ONLY.search(text) is not None
            )
    elif _CREDIT_SCREEN.search(text) is None:
        return False
    return _CREDIT.search(text) is not None


def words_of(text: str) -> list[str]:
    return (_ASCII_WORD if text.isascii() else WORD).findall(text)


def features_and_terms(
    block: Block, stops: Stoplist, title_words: frozenset[str], repeats: Counter[str], settings: Settings
) -> tuple[dict[str, float], frozenset[str]]:
    """The features, and the block's content terms (words that are not stopwords, or Han
    and kana bigrams), from which classify() measures how closely it sticks to the article."""
    text = block.text
    own, terms, lowered, url_count, url_chars = _text_features(text, stops, settings)
    raw_chars = len(text)
    features = dict(own)
    features["link_share"] = min(1.0, (block.link_chars + url_chars) / raw_chars) if raw_chars else 0.0
    features["links"] = float(block.links + url_count)
    features["images"] = float(block.images)
    features["heading"] = 1.0 if block.kind is BlockKind.HEADING else 0.0
    features["list_item"] = 1.0 if block.kind is BlockKind.LIST_ITEM else 0.0
    features["repeats"] = float(repeats.get(text, 1) - 1) if text else 0.0
    features["title_overlap"] = (len(title_words.intersection(lowered)) / max(1, len(title_words))) if title_words else 0.0
    return features, terms


# What depends on the text alone is cached (memo.PARAGRAPH_CHARS says why).
@short_text_cache(max_chars=PARAGRAPH_CHARS)
def _text_features(text: str, stops: Stoplist, settings: Settings) -> tuple[dict[str, float], frozenset[str], frozenset[str], int, int]:
    """(the features of the text alone, its content terms, its lower-case words, bare URLs
    and their characters)."""
    raw_chars = len(text)
    ascii_text = text.isascii()
    words = (_ASCII_WORD if ascii_text else WORD).findall(text)
    n_words = len(words)
    cjk = len(_CJK_CHAR.findall(text)) if not ascii_text else 0
    hangul = len(_HANGUL.findall(text)) if cjk else 0
    # Length thresholds are in Latin characters; a Han or kana character says as much as
    # several, a Hangul syllable as about two.
    chars = raw_chars + (cjk - hangul) * (settings.cjk_char_weight - 1) + hangul * (settings.hangul_char_weight - 1)
    lowered = [w.lower() for w in words]
    unique = frozenset(lowered)
    if stops.chars is not None and cjk:
        # Chinese and Japanese have no spaces: count characters as words, particles as stopwords.
        effective_words = max(n_words, cjk / settings.cjk_chars_per_word)
        stopchars = stops.chars
        stop_share = sum(1 for c in text if c in stopchars) / max(1, cjk) * 4.0
        runs = _CJK_RUN.findall(text)
        terms = frozenset(r[j : j + 2] for r in runs for j in range(len(r) - 1))
    else:
        effective_words = n_words
        stop_share = sum(map(stops.words.__contains__, lowered)) / max(1, n_words)
        terms = frozenset(w for w in unique - stops.words if len(w) >= settings.term_min_chars and not w.isdigit())
    url_count, url_chars = count_bare_urls(text) if "http" in text or "www." in text else (0, 0)
    # map() over C methods: these three counts were a third of the classifier's time.
    capitalised = sum(map(str.isupper, [w[0] for w in words]))
    upper = sum(map(str.isupper, [w for w in words if len(w) > 1]))
    digits = len(_DIGIT.findall(text))
    own = {
        "chars": float(chars),
        "words": float(effective_words),
        "stopword_share": min(1.0, stop_share),
        "terminal_punct": 1.0 if _TERMINAL.search(text) else 0.0,
        "ellipsis_end": 1.0 if _ELLIPSIS_END.search(text) else 0.0,
        "title_case_share": capitalised / n_words if n_words else 0.0,
        "upper_share": upper / n_words if n_words else 0.0,
        "digit_share": digits / raw_chars if raw_chars else 0.0,
        "reader_address": sum(map(_READER_WORDS.__contains__, lowered)) / n_words if n_words else 0.0,
        "lead_caps": float(_leading_capitalised(words)),
        "credit": 1.0 if _credit(text) else 0.0,
        # Every form of _DATEISH has a digit.
        "dateish": 1.0 if digits and raw_chars <= _DATEISH_MAX_CHARS and _DATEISH.search(text) else 0.0,
    }
    return own, terms, unique, url_count, url_chars


def _leading_capitalised(words: list[str]) -> int:
    """Capitalised words before the first lower-case one (short function words pass):
    a teaser's headline glued to its summary opens with a long Title Case run."""
    run = 0
    for w in words:
        if w[0].isupper() or w[0].isdigit():
            run += 1
        elif len(w) > 3:
            break
    return run
