"""bench/train.py's readings of a page: what the learned layer is trained on."""
from __future__ import annotations

import json

from cleaner import default_rules
from tests.bench_scripts import load

train = load("train")

MENU = "Home\n\nNews\n\nSport\n\nLogin"
BODY = [
    "The minister said on Tuesday that the government would not change its plans for the new railway line, despite the protests of the last weeks.",
    "She added that there was no reason to think that the talks would fail, because both of the parties had said that they wanted to reach an agreement.",
    "Critics of the project say that it will cost far more than the budget allows and that the money would be better spent on the existing lines.",
]
FOOTER = "Weather\n\nPodcasts\n\nArchive"  # chrome no bundled rule drops: the classifier judges it


def _corpus(tmp_path, body: list[str] = BODY, page: str | None = None):  # type: ignore[no-untyped-def]
    """One page, the same capture as md and txt, its truth the body's paragraphs."""
    page = "\n\n".join([MENU, *body, FOOTER]) if page is None else page
    for folder in ("md", "txt"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / f"p1.{folder}").write_text(page, encoding="utf-8")
    truth = {"p1": {"articleBody": "\n\n".join(body), "url": "https://example.com/a", "page_type": "article"}}
    (tmp_path / "ground-truth.json").write_text(json.dumps(truth), encoding="utf-8")
    return tmp_path


def test_the_reread_reading_reads_the_cleaned_text_not_the_capture(tmp_path) -> None:  # type: ignore[no-untyped-def]
    data = _corpus(tmp_path)
    capture = train.collect_pages(data, default_rules(), "")
    reread = train.collect_pages(data, default_rules(), train.REREAD)
    assert sorted(p["set"] for p in reread) == ["md_reread", "txt_reread"]
    for first, again in zip(capture, reread):
        assert "Archive" in first["texts"], "the capture's reading has its chrome as candidates"
        # The settling step's input: the cleaner's own output, so the chrome is gone and the
        # body's lines are the candidates, each labelled as part of the body.
        assert not {"Home", "Archive"} & set(again["texts"])
        assert [t for t, y in zip(again["texts"], again["y"]) if y] == BODY



def test_a_cleaned_text_that_reads_as_html_is_not_read_again(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # A page about HTML: its cleaned text opens with a tag and quotes tags on every line, so
    # it detects as HTML, and the settling step does not read it again either (pipeline._settle).
    lines = [
        f'<section> element number {i} goes inside a `<div class="wrap">` when you write the page, '
        "and close it with `</div>` at the end of the block, as the guide explains."
        for i in range(6)
    ]
    data = _corpus(tmp_path, lines, "Home\n\n" + "\n\n".join(lines) + "\n")
    reread = train.collect_pages(data, default_rules(), train.REREAD)
    md = next(p for p in reread if p["set"] == "md_reread")
    assert md["texts"] == [] and len(md["y"]) == 0
