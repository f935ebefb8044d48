"""The Python API: clean(), clean_many(), Document, RuleSet."""
from __future__ import annotations

import dataclasses
import inspect
import pickle
import re
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

import cleaner
from cleaner import Capture, Document, RuleSet, batch, clean, clean_many
from tests.test_cli import ARTICLE, BINARY, GOOD_1, MARKDOWN, TITLE
from tests.warcs import ARTICLE_HTML

CAPTURES = [ARTICLE, MARKDOWN, ARTICLE.replace(TITLE, "Another Headline Entirely For This One"), MARKDOWN.encode(), ARTICLE_HTML]


def test_the_public_names() -> None:
    assert {"clean", "clean_many", "Document", "RuleSet", "Capture"} <= set(cleaner.__all__)
    assert dataclasses.is_dataclass(Document)
    assert Document().to_dict()["text"] == ""


def test_every_argument_is_documented() -> None:
    for fn in (clean, clean_many, Capture):
        doc = inspect.getdoc(fn) or ""
        names = [p for p in inspect.signature(fn).parameters if p != "self"]
        missing = [p for p in names if not re.search(rf"^\s*{p}:", doc, re.M)]
        assert not missing, f"{fn.__name__}: {missing}"


def test_results_pickle_with_their_blocks() -> None:
    doc = clean(ARTICLE, explain=True, url="https://news.example.com/a")
    again = pickle.loads(pickle.dumps(doc))
    assert again == doc and again.blocks and again.to_dict() == doc.to_dict()


def test_clean_is_thread_safe() -> None:
    expected = [clean(c).to_dict() for c in CAPTURES]
    with ThreadPoolExecutor(4) as pool:
        got = list(pool.map(lambda c: clean(c).to_dict(), CAPTURES * 6))
    assert got == expected * 6


def test_clean_many_streams_in_order_and_never_raises() -> None:
    pulled = []

    def captures():  # type: ignore[no-untyped-def]
        for n, c in enumerate([*CAPTURES, BINARY, Capture(ARTICLE, url="https://news.example.com/x", source="x")]):
            pulled.append(n)
            yield c

    docs = clean_many(captures(), jobs=1)
    first = next(docs)
    assert pulled == [0, 1]  # it looked one ahead, no more
    rest = list(docs)
    assert first.to_dict() == clean(CAPTURES[0]).to_dict()
    n = len(CAPTURES) - 1
    assert [d.to_dict() for d in rest[:n]] == [clean(c).to_dict() for c in CAPTURES[1:]]
    assert rest[n].error and rest[n].text == ""
    assert rest[n + 1].source == "x" and rest[n + 1].url == "https://news.example.com/x" and GOOD_1 in rest[n + 1].text


def test_clean_many_on_two_workers_gives_the_same_documents() -> None:
    many = CAPTURES * 5
    one = [d.to_dict() for d in clean_many(many, jobs=1)]
    two = [d.to_dict() for d in clean_many(many, jobs=2)]
    assert one == two and len(one) == len(many)


def test_clean_many_options(monkeypatch: pytest.MonkeyPatch) -> None:
    bare = next(clean_many([ARTICLE], rules=RuleSet(), explain=True, jobs=1))
    assert bare.blocks and not any(str(b.drop).startswith("rule:") for b in bare.blocks if b.drop)
    real = batch.clean
    monkeypatch.setattr(batch, "clean", lambda raw, **kw: time.sleep(5) if raw == "SLOW" else real(raw, **kw))
    docs = list(clean_many(["SLOW", ARTICLE], timeout=1, jobs=1))
    assert docs[0].error == "took longer than the 1 s time limit" and GOOD_1 in docs[1].text
