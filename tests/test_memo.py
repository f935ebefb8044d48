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


def test_each_number_of_arguments_caches_alike() -> None:
    # The wrappers differ by arity (speed); each caches short texts by all its arguments,
    # computes long ones afresh, and keeps the function's name and defaults' behaviour.
    calls: list[tuple[object, ...]] = []

    def record(*args: object) -> str:
        calls.append(args)
        return "|".join(map(str, args))

    @short_text_cache(max_chars=5)
    def one(text: str) -> str:
        return record(text)

    @short_text_cache(max_chars=5)
    def three(text: str, a: int, b: int) -> str:
        return record(text, a, b)

    @short_text_cache(max_chars=5)
    def four(text: str, a: int, b: int, c: int) -> str:
        return record(text, a, b, c)

    @short_text_cache(max_chars=5)
    def defaulted(text: str, a: int = 7) -> str:
        return record(text, a)

    for fn, args in ((one, ()), (three, (1, 2)), (four, (1, 2, 3)), (defaulted, (1,))):
        calls.clear()
        assert fn("ab", *args) == fn("ab", *args) == "|".join(map(str, ("ab", *args)))
        assert fn("abcdefg", *args) == fn("abcdefg", *args)
        assert calls == [("ab", *args), ("abcdefg", *args), ("abcdefg", *args)]
    assert defaulted("ab") == "ab|7"
    assert three.__name__ == "three"
