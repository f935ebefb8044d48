"""Every threshold in one place. Names carry their unit; comments say where a value came from.

Values marked "jusText" are jusText 3.0's defaults. Values marked "dev bench" were
tuned with `make bench-quality` on ../shared/bench (181 pages); the figures are in
the README. Values marked "seeds" were set by reading the five seed captures.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    # --- input limits ---------------------------------------------------------
    # A news page is rarely above 2 MB of HTML; 50 MB leaves room for inline data
    # while keeping one document's memory bounded.
    max_input_bytes: int = 50 * 1024 * 1024
    # gzip input is inflated at most to this size (a bomb gives a clear error).
    max_decompressed_bytes: int = 100 * 1024 * 1024
    # Lines longer than this are cut for classification features only (5 MB single lines).
    max_line_chars: int = 200_000
    # Share of NUL or control characters above which a capture is called binary.
    max_binary_share: float = 0.05

    # --- classifier pass 1 (context-free), after jusText --------------------------
    # jusText: length_low 70, length_high 200 characters.
    short_block_chars: int = 70
    long_block_chars: int = 200
    # jusText: stopwords_low 0.30, stopwords_high 0.32 (share of words).
    stopword_share_low: float = 0.30
    stopword_share_high: float = 0.32
    # jusText: max_link_density 0.2 (share of characters inside links).
    max_link_share: float = 0.2
    # In-text links are common in article sentences ("led by former [Dutch PM Mark
    # Rutte](#)."): a block shaped like a sentence may carry this much link text. seeds.
    max_link_share_sentence: float = 0.5
    # A sentence with few stopwords (dense in names and numbers) is left to its
    # neighbours rather than dropped outright, if at least this share are stopwords. seeds.
    stopword_share_sentence_floor: float = 0.12
    # CJK text has no spaces: a character counts as this many "words" worth of text.
    cjk_chars_per_word: float = 2.0
    # For length thresholds a Han or kana character counts as this many Latin characters
    # (a Japanese news sentence is 30-60 characters, an English one 100-200), and a
    # Hangul syllable as this many (Korean words average about three syllables).
    cjk_char_weight: float = 3.0
    hangul_char_weight: float = 2.0
    # A block of this many words or more with sentence punctuation is never "short".
    min_sentence_words: int = 8

    # --- classifier pass 2 (neighbours) --------------------------------------------
    # jusText: max_heading_distance 200 characters.
    max_heading_distance_chars: int = 200
    # Blocks further than this many blocks from the main region are dropped even if
    # they look good on their own (teasers, footers). dev bench.
    max_region_gap_blocks: int = 12
    # The main region is the run with the most good text net of bad text; bad text
    # weighs this much per character, so an article survives the ad lines inside it
    # but not a long run of teasers. Initial value.
    region_bad_text_weight: float = 0.5
    # Each bad block also costs this many characters' worth, so a run of short menu lines
    # separates the article from teasers as a long bad paragraph would.
    region_bad_block_chars: float = 0.0

    # --- metadata --------------------------------------------------------------
    # A title is a short line: headlines on the dev bench are under 200 characters.
    max_title_chars: int = 220
    # Only the first lines of a capture can hold the headline and byline (seeds, dev bench).
    meta_window_lines: int = 80
    # Language detection reads at most this much text (py3langid is linear in it).
    language_sample_chars: int = 4000

    # --- rules -------------------------------------------------------------------
    # A cut-rest marker ("Recommended news", "Similar News:") ends the article only after
    # some article: this many characters of paragraph-like text must come before it, or
    # the marker is just dropped. Menus at the top repeat such labels (dev bench: "You may
    # also like" in Gizmodo's header cut whole pages).
    cut_min_prose_chars_before: int = 300
    # A block of at least this many characters, mostly not links, counts as prose for that.
    prose_block_min_chars: int = 80
    # RE2 memory budget per compiled rule regex (bytes); RE2's own default is 8 MiB.
    rule_regex_max_mem_bytes: int = 8 * 1024 * 1024


DEFAULT = Settings()
