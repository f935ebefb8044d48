"""cleaner.sitememory: lines a site repeats across captures are dropped, deterministically."""
from __future__ import annotations

from cleaner.batch import Result
from cleaner.model import Block, BlockKind, Document, DropSource
from cleaner.settings import Settings
from cleaner.sitememory import SiteMemory

FOOTER = "Subscribe to the Daily Planet for more stories like this one."
SETTINGS = Settings(site_memory_min_captures=3)


def _result(url: str | None, *lines: str) -> Result:
    blocks = [Block(BlockKind.PARAGRAPH, line, line, i + 1, i + 1) for i, line in enumerate(lines)]
    doc = Document(source=url or "-", url=url, blocks=blocks, text="\n\n".join(lines), markdown="\n\n".join(lines))
    return Result(doc.source, doc=doc)


def _run(memory: SiteMemory, results: list[Result]) -> list[str]:
    for r in results:
        memory.apply(r)
    return [r.doc.text for r in results]  # type: ignore[union-attr]


def test_a_line_repeated_across_captures_of_a_site_is_dropped_from_the_nth_on() -> None:
    results = [_result(f"https://www.planet.example/story-{n}", f"Story number {n} has its own words.", FOOTER) for n in range(5)]
    texts = _run(SiteMemory(SETTINGS), results)
    assert [FOOTER in t for t in texts] == [True, True, False, False, False]
    dropped = [b for b in results[2].doc.blocks if b.drop is not None]  # type: ignore[union-attr]
    assert [(b.text, b.drop.source, str(b.drop)) for b in dropped] == [(FOOTER, DropSource.SITE, "site:repeated-line")]  # type: ignore[union-attr]
    assert results[2].doc.removed == 1 and results[2].removed["site:repeated-line"] == 1  # type: ignore[union-attr]
    assert texts[4] == "Story number 4 has its own words."


def test_other_sites_the_same_page_again_and_pages_without_url_are_left_alone() -> None:
    memory = SiteMemory(SETTINGS)
    same_page = [_result("https://planet.example/a", "Text.", FOOTER) for _ in range(4)]
    assert all(FOOTER in t for t in _run(memory, same_page))  # one page captured four times
    others = [_result(f"https://other.example/{n}", FOOTER) for n in range(2)] + [_result(None, FOOTER) for _ in range(4)]
    assert all(FOOTER in t for t in _run(memory, others))


def test_deterministic_for_a_given_order() -> None:
    def run() -> list[str]:
        results = [_result(f"https://p.example/{n % 7}", f"Line {n % 3}.", FOOTER, f"Unique {n}.") for n in range(20)]
        return _run(SiteMemory(SETTINGS), results)

    assert run() == run()


def test_memory_is_bounded() -> None:
    settings = Settings(site_memory_min_captures=2, site_memory_max_sites=3, site_memory_max_lines_per_site=10)
    memory = SiteMemory(settings)
    for n in range(50):
        memory.apply(_result(f"https://site{n % 5}.example/{n}", *(f"line {n} {k}" for k in range(8)), FOOTER))
    assert len(memory.sites) == 3
    assert all(len(site.lines) <= 10 for site in memory.sites.values())
