"""cleaner.memo: short texts are cached, long ones computed afresh."""
from __future__ import annotations

from cleaner.memo import short_text_cache


def test_short_texts_are_cached_and_long_ones_are_not() -> None:
    calls: list[str] = []

    @short_text_cache(max_chars=5)
    def upper(text: str, suffix: str) -> str:
        calls.append(text)
        return text.upper() + suffix

    assert upper("abc", "!") == upper("abc", "!") == "ABC!"
    assert upper("abc", "?") == "ABC?"  # the other arguments are part of the key
    assert upper("abcdefgh", "!") == upper("abcdefgh", "!") == "ABCDEFGH!"
    assert calls == ["abc", "abc", "abcdefgh", "abcdefgh"]
