"""A cache for pure functions of one line of text.

The metadata search, the settling step (pipeline._settle) and the classifier ask about the
same short lines many times. Long texts are rarely asked about twice and would make a
cache large, so they are computed afresh.
"""
from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

# The per-block caches (features, word grams, rule candidates) take paragraphs up to this
# long: the settling step reads the body's paragraphs again, and menus repeat lines.
PARAGRAPH_CHARS = 5000
# The per-line caches of the metadata search (words, dates, bylines) take lines up to this
# long: headline, byline and date candidates are short.
LINE_CHARS = 400


def short_text_cache(max_chars: int, maxsize: int = 4096) -> Callable[[F], F]:
    """Cache calls whose first argument, the text, is at most `max_chars` long. The
    function must be pure and its other arguments hashable; its result is shared between
    callers, so it must not be changed (return a tuple, a frozenset or a fresh copy)."""

    def wrap(fn: F) -> F:
        cached = functools.lru_cache(maxsize=maxsize)(fn)
        # One wrapper for each number of arguments: the caches are asked some thousand
        # times a page, and a wrapper that packs *args into a tuple costs nearly twice the
        # cache's own lookup. The functions cached are called with positional arguments only.
        arity = fn.__code__.co_argcount if not fn.__defaults__ else -1

        if arity == 1:
            def call(text: str) -> Any:
                return cached(text) if len(text) <= max_chars else fn(text)
        elif arity == 2:
            def call(text: str, a: Any) -> Any:  # type: ignore[misc]
                return cached(text, a) if len(text) <= max_chars else fn(text, a)
        elif arity == 3:
            def call(text: str, a: Any, b: Any) -> Any:  # type: ignore[misc]
                return cached(text, a, b) if len(text) <= max_chars else fn(text, a, b)
        else:
            def call(text: str, *args: Any) -> Any:  # type: ignore[misc]
                return cached(text, *args) if len(text) <= max_chars else fn(text, *args)

        return functools.wraps(fn)(call)  # type: ignore[return-value]

    return wrap
