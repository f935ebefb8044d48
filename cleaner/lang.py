"""Language identification (py3langid) and per-language stopword lists (jusText's)."""
from __future__ import annotations

import functools
import importlib.util
import re
from pathlib import Path

from .settings import DEFAULT, Settings

_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_LETTER = re.compile(r"[^\W\d_]")

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


@functools.lru_cache(maxsize=None)
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


def _classify(text: str) -> str:
    import py3langid  # lazily: loading its model takes most of a second

    return str(py3langid.classify(text)[0])


def detect_language(text: str, settings: Settings = DEFAULT) -> str | None:
    """ISO 639-1 code of the text, or None when there is too little text to tell."""
    sample = text[: settings.language_sample_chars]
    letters = len(_LETTER.findall(sample))
    if letters < 20:
        return None
    # Scripts that name their language settle it without the model.
    if len(_HANGUL.findall(sample)) > 0.3 * letters:
        return "ko"
    if _KANA.search(sample) and len(_KANA.findall(sample)) > 0.05 * letters:
        return "ja"
    lang = _classify(sample)
    if lang == "ja" and not _KANA.search(sample) and _HAN.search(sample):
        return "zh"
    return lang
