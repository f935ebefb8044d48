"""Properties of clean() over generated text, markdown and HTML captures (hypothesis):
it never raises, is deterministic, invents no text (every body word occurs in the input),
and the body is never longer than the input's text.

Idempotency is about the `text` field: the plain body, without the title or any other
metadata field. Cleaning `doc.text` again (as a capture of its own, no URL) must give
`doc.text` back, on every generated text, markdown and HTML capture (for HTML, once the
body has been through the text path) and on generated articles (menus, headline, byline,
paragraphs). The text path reaches this fixed point by construction (pipeline._settle).
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from cleaner import Document, InputError, RuleSet, clean

# Each example cleans a capture twice; 40 examples per kind keep the file near 15 s.
EXAMPLES = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

WORDS = (
    "the minister said on tuesday that government would not change its plans for budget and it was up to "
    "parliament decide what should happen next with all money set aside new hospitals north country talks "
    "fail both parties agreement year ready changes vote committee weeks reports table Brussels NATO Rutte "
    "café naïve Köln Straße 東京 서울 대한민국 2,000 15% $3.5 U.S. AP e-mail co-operate"
).split()
MENU = ["Share", "Home", "Sign In", "Subscribe", "Advertisement", "Read more", "© 2025 Example News", "Follow us", "Menu"]
URLS = ["https://example.com/a", "/world", "#", "https://news.example/2025/02/14/story-slug"]

word = st.sampled_from(WORDS)


@st.composite
def sentence(draw: st.DrawFn) -> str:
    words = draw(st.lists(word, min_size=3, max_size=25))
    return " ".join(words).capitalize() + draw(st.sampled_from([".", ".", "!", "?", ":", ""]))


@st.composite
def paragraph(draw: st.DrawFn) -> str:
    return " ".join(draw(st.lists(sentence(), min_size=1, max_size=4)))


@dataclass
class Capture:
    raw: str
    text: str  # what a reader sees: the input's text, without markup


@st.composite
def text_capture(draw: st.DrawFn) -> Capture:
    lines = draw(st.lists(st.one_of(paragraph(), st.sampled_from(MENU), sentence()), min_size=0, max_size=14))
    seps = draw(st.lists(st.sampled_from(["\n", "\n\n", "\n\n\n", "\r\n"]), min_size=len(lines), max_size=len(lines)))
    raw = "".join(line + sep for line, sep in zip(lines, seps))
    return Capture(raw, raw)


@st.composite
def markdown_line(draw: st.DrawFn) -> tuple[str, str]:
    """(markdown, its text)."""
    words = draw(st.lists(word, min_size=1, max_size=8))
    text = " ".join(words)
    form = draw(st.sampled_from(["p", "h", "li", "link-li", "quote", "inline-link", "emphasis", "image", "table", "code", "rule", "menu"]))
    if form == "p":
        para = draw(paragraph())
        return para, para
    if form == "h":
        return "#" * draw(st.integers(1, 6)) + " " + text, text
    if form == "li":
        return "- " + text, text
    if form == "link-li":
        return f"* [{text}]({draw(st.sampled_from(URLS))})", text
    if form == "quote":
        return "> " + text, text
    if form == "inline-link":
        para = draw(paragraph())
        return f"{para} See [{text}]({draw(st.sampled_from(URLS))}) now.", f"{para} See {text} now."
    if form == "emphasis":
        para = draw(paragraph())
        return f"**{text}** {para} _{words[0]}_", f"{text} {para} {words[0]}"
    if form == "image":
        return f"![{text}](img.png)", ""
    if form == "table":
        return f"| {words[0]} | {text} |\n|---|---|\n| {text} | {words[-1]} |", f"{words[0]} {text} {text} {words[-1]}"
    if form == "code":
        return f"```\n{text}\n```", text
    if form == "rule":
        return "---", ""
    menu = draw(st.sampled_from(MENU))
    return menu, menu


@st.composite
def markdown_capture(draw: st.DrawFn) -> Capture:
    lines = draw(st.lists(markdown_line(), min_size=0, max_size=14))
    sep = draw(st.sampled_from(["\n", "\n\n"]))
    return Capture(sep.join(md for md, _ in lines) + "\n", "\n".join(text for _, text in lines))


@st.composite
def html_element(draw: st.DrawFn) -> tuple[str, str]:
    words = draw(st.lists(word, min_size=1, max_size=8))
    text = " ".join(words)
    form = draw(st.sampled_from(["p", "p", "h1", "h2", "nav", "ul", "quote", "div", "footer", "script", "table", "inline"]))
    if form == "p":
        para = draw(paragraph())
        return f"<p>{para}</p>", para
    if form in ("h1", "h2"):
        return f"<{form}>{text}</{form}>", text
    if form == "nav":
        items = draw(st.lists(st.sampled_from(MENU), min_size=1, max_size=5))
        return "<nav>" + "".join(f'<a href="/{i}">{m}</a> ' for i, m in enumerate(items)) + "</nav>", " ".join(items)
    if form == "ul":
        items = draw(st.lists(st.lists(word, min_size=1, max_size=5).map(" ".join), min_size=1, max_size=5))
        return "<ul>" + "".join(f'<li><a href="{draw(st.sampled_from(URLS))}">{t}</a></li>' for t in items) + "</ul>", " ".join(items)
    if form == "quote":
        para = draw(paragraph())
        return f"<blockquote><p>{para}</p></blockquote>", para
    if form == "div":
        para = draw(paragraph())
        return f'<div class="content"><div><p>{para}</p></div></div>', para
    if form == "footer":
        return f"<footer><p>{draw(st.sampled_from(MENU))}</p></footer>", ""
    if form == "script":
        return "<script>var words = 'never visible text';</script><style>p { color: red }</style>", ""
    if form == "table":
        return f"<table><tr><td>{words[0]}</td><td>{text}</td></tr></table>", f"{words[0]} {text}"
    para = draw(paragraph())
    return f"<p>{para} <b>{text}</b> <a href='{draw(st.sampled_from(URLS))}'>{words[0]}</a> .</p>", f"{para} {text} {words[0]} ."


@st.composite
def html_capture(draw: st.DrawFn) -> Capture:
    elements = draw(st.lists(html_element(), min_size=0, max_size=12))
    title = " ".join(draw(st.lists(word, min_size=1, max_size=6)))
    body = "\n".join(el for el, _ in elements)
    raw = f"<!DOCTYPE html><html><head><title>{title}</title></head><body>{body}</body></html>"
    return Capture(raw, title + "\n" + "\n".join(text for _, text in elements))


# Realistic articles: menus, a headline, maybe a byline, paragraphs of real sentences.
SENTENCES = [
    "The minister said on Tuesday that the government would not change its plans for the budget.",
    "She added that there was no reason to think that the talks would fail before the end of the year.",
    "It is not clear when the vote will take place, but most members expect it within a few weeks.",
    "Officials in the capital said the new hospitals in the north would open on time next spring.",
    "Both parties have said that they want to reach an agreement before the summer recess begins.",
    "The committee asked for more reports on the cost of the plan, which critics say is too high.",
    "Opposition leaders called the proposal a mistake and promised to vote against it in parliament.",
    "Analysts expect the economy to grow by about two percent this year, slightly less than last year.",
    "The mayor told reporters that the city had already spent most of the money set aside for roads.",
    "Several hundred people gathered outside the building on Monday to protest against the decision.",
    "In a statement, the company said it would cut around 300 jobs at its factory near the border.",
    "Teachers at the school said they had not been told about the changes until last week.",
]
HEADLINES = ["Council Approves New Budget For Northern Hospitals", "Talks on the budget resume in the capital", "Protest against the new plan"]


@st.composite
def article(draw: st.DrawFn) -> Capture:
    head = draw(st.lists(st.sampled_from(MENU), max_size=5))
    byline = draw(st.sampled_from([[], ["By Maria Jansen"], ["By JOHN SMITH and ANNA LEE"]]))
    paras = draw(st.lists(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=4, unique=True).map(" ".join), min_size=2, max_size=8, unique=True))
    tail = draw(st.lists(st.sampled_from(MENU), max_size=5))
    headline = draw(st.sampled_from(HEADLINES))
    if draw(st.booleans()):  # markdown: a heading, and menus as link lists
        lines = [f"- [{m}](/{i})" for i, m in enumerate(head)] + ["# " + headline] + byline + paras + [f"- [{m}](/t{i})" for i, m in enumerate(tail)]
    else:
        lines = head + [headline] + byline + paras + tail
    raw = "\n\n".join(lines) + "\n"
    return Capture(raw, raw)


def _chars(text: str) -> int:
    return len("".join(text.split()))


def check(capture: Capture, kind: str, rules: RuleSet | None = None) -> Document:
    doc = clean(capture.raw, kind=kind, rules=rules)  # never raises
    again = clean(capture.raw, kind=kind, rules=rules)
    assert again.to_dict() == doc.to_dict(), "not deterministic"
    for w in doc.text.split():
        assert w in capture.text, f"invented text: {w!r}"
    assert _chars(doc.text) <= _chars(capture.text), "the body is longer than the input's text"
    return doc


@EXAMPLES
@given(text_capture())
def test_text_captures(capture: Capture) -> None:
    check(capture, "text")


@EXAMPLES
@given(markdown_capture())
def test_markdown_captures(capture: Capture) -> None:
    check(capture, "markdown")


@EXAMPLES
@given(html_capture())
def test_html_captures(capture: Capture) -> None:
    check(capture, "html")


@EXAMPLES
@given(st.one_of(text_capture(), markdown_capture(), html_capture()))
def test_auto_kind_without_rules(capture: Capture) -> None:
    # Detection may read markdown as text ("- the" keeps its dash): check against the raw input.
    check(Capture(capture.raw, capture.raw), "auto", RuleSet())


def idempotent(text: str) -> None:
    again = clean(text).text
    assert again == text, "cleaning the cleaned text changes it:\n" + "\n".join(difflib.unified_diff(text.split("\n"), again.split("\n"), lineterm="", n=0))


@EXAMPLES
@given(text_capture())
# Found by this test: the capture reads as English, the cleaned text as Korean; the
# settling readings kept the capture's guess, so the second cleaning dropped a line more.
@example(
    Capture(
        raw="The the the.\nSaid the 대한민국 minister.\nThe the the the. The the the the 대한민국.\n",
        text="The the the the. The the the the 대한민국.",
    )
)
def test_idempotent_on_text(capture: Capture) -> None:
    idempotent(clean(capture.raw, kind="text").text)


@EXAMPLES
@given(markdown_capture())
def test_idempotent_on_markdown(capture: Capture) -> None:
    idempotent(clean(capture.raw, kind="markdown").text)


@EXAMPLES
@given(html_capture())
# Found by this test: the cleaned text has too few letters to name a language, but the
# settling step's reading kept the capture's Korean and so a short line.
@example(
    Capture(
        raw="<!DOCTYPE html><html><head><title>the</title></head><body><table><tr><td>대한민국</td><td>대한민국 the the</td></tr></table>\n"
        "<table><tr><td>대한민국</td><td>대한민국 the the</td></tr></table></body></html>",
        text="the\n대한민국 대한민국 the the\n대한민국 대한민국 the the",
    )
)
def test_idempotent_on_html(capture: Capture) -> None:
    # An HTML body is judged with its DOM; read as text it goes through the text path once.
    idempotent(clean(clean(capture.raw, kind="html").text).text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(article())
def test_articles_and_idempotency(capture: Capture) -> None:
    doc = check(capture, "auto")
    assert doc.text, "an article came out empty"
    assert clean(doc.text).text == doc.text, "cleaning the cleaned text changes it"


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_any_text_never_raises(raw: str) -> None:
    try:
        clean(raw)
    except InputError:
        pass  # the documented error: text that looks binary


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_never_raise(raw: bytes) -> None:
    try:
        clean(raw)
    except InputError:
        pass


def test_the_settling_step_and_its_bound() -> None:
    # A subheading that opens the body reads as a <title> line once the body is cleaned
    # again, so settling takes it out; with no readings allowed (none, and no lines) it stays, and then
    # cleaning the output again changes it: the step is what makes the text a fixed point.
    from cleaner import Settings

    capture = f"# {HEADLINES[0]}\n\n## What the minister said\n\n" + "\n\n".join(SENTENCES[:6]) + "\n"
    settled = clean(capture, kind="markdown").text
    assert not settled.startswith("What the minister said") and clean(settled).text == settled
    unsettled = clean(capture, kind="markdown", settings=Settings(settle_max_readings=0, settle_max_lines=0)).text
    assert unsettled.startswith("What the minister said") and clean(unsettled).text != unsettled
