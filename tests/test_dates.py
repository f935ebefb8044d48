"""cleaner.dates: dates as people print them -> ISO 8601 (YYYY-MM-DD)."""
from __future__ import annotations

import datetime as dt

import pytest

from cleaner.dates import find_dates, is_relative_date, is_relative_stamp, month_first_page, parse_date, url_date, url_has_day, url_year_month


@pytest.mark.parametrize(
    "text, iso",
    [
        ("March 2, 2025", "2025-03-02"),
        ("Updated 3:12 PM GMT+1, March 6, 2025", "2025-03-06"),
        # A flattener glued the year to the time: "20255:41" still reads 2025.
        ("February 27, 20255:41 PM GMT+1", "2025-02-27"),
        # German: day first, with a time.
        ("12.02.2025, 14:20 Uhr", "2025-02-12"),
        # Korean forms.
        ("2025. 2. 14.", "2025-02-14"),
        ("2025년 3월 4일", "2025-03-04"),
        ("입력 2025.02.20 09:15", "2025-02-20"),
        ("2025年3月4日", "2025-03-04"),
        # ISO, alone, with a prefix and with a time.
        ("date 2025-02-14", "2025-02-14"),
        ("2025-02-14T09:15:00Z", "2025-02-14"),
        ("2025-02-14T23:59:00+09:00", "2025-02-14"),
        ("2025/2/14", "2025-02-14"),
        # Month names: abbreviated, with a dot, day first, other languages.
        ("Feb. 3, 2025", "2025-02-03"),
        ("Sept. 9, 2024", "2024-09-09"),
        ("Monday, March 3rd, 2025", "2025-03-03"),
        ("Mon, 3 Mar 2025 10:00:00 GMT", "2025-03-03"),
        ("12. Februar 2025", "2025-02-12"),
        ("2 de marzo de 2025", "2025-03-02"),
        ("Published 2 hours ago on March 1, 2025", "2025-03-01"),
        # Day, month abbreviation and year joined by hyphens; a period after the day.
        ("Updated on 19-Dec-2025", "2025-12-19"),
        ("Jul. 11. 2025", "2025-07-11"),
        ("December 19. 2025", "2025-12-19"),
    ],
)
def test_absolute_dates(text: str, iso: str) -> None:
    assert parse_date(text) == iso


@pytest.mark.parametrize("text", ["2 hours ago", "yesterday", "3일 전", "Updated just now"])
def test_relative_dates_are_none(text: str) -> None:
    assert parse_date(text) is None


@pytest.mark.parametrize("text", ["2025-02-30", "February 30, 2025", "30.02.2025", "2025년 2월 30일", "2025-13-01", "2025-00-10"])
def test_impossible_dates_are_none(text: str) -> None:
    assert parse_date(text) is None


@pytest.mark.parametrize("text", ["", "In 2025 the budget grew", "Chapter 12.3 of the report", "Call 555-1234", "Chapter 12. 2015", "Part 3-Tab-2019"])
def test_no_date(text: str) -> None:
    assert parse_date(text) is None


def test_leap_day() -> None:
    assert parse_date("2024-02-29") == "2024-02-29"
    assert parse_date("2025-02-29") is None


def test_impossible_date_does_not_hide_a_valid_one_later() -> None:
    assert parse_date("2025-02-30 (corrected: 2025-02-28)") == "2025-02-28"


def test_first_date_in_the_text_wins() -> None:
    assert parse_date("Published March 6, 2025, updated 2025-03-07") == "2025-03-06"


# --- forms from issue 5 and what the metadata step relies on ---------------------------------------


def test_find_dates_in_reading_order_with_spans() -> None:
    text = "Published March 2, 2025 · Updated 2025-03-06"
    dates = find_dates(text)
    assert [d.iso for d in dates] == ["2025-03-02", "2025-03-06"]
    assert text[dates[0].start : dates[0].end] == "March 2, 2025"


@pytest.mark.parametrize(
    "text, local, utc",
    [
        # A printed time zone gives the date in UTC too: 9:24 pm Eastern is the next day in UTC.
        ("Nov 18, 2019 at 9:24 pm ET", "2019-11-18", "2019-11-19"),
        ("Updated 10:01 pm PST, Tuesday, November 19, 2019", "2019-11-19", "2019-11-20"),
        ("By Justine Coleman - 11/18/19 11:04 PM EST", "2019-11-18", "2019-11-19"),
        ("February 27, 20255:41 PM GMT+1", "2025-02-27", "2025-02-27"),
        ("2025-02-14T23:59:00+09:00", "2025-02-14", "2025-02-14"),
        ("Nov 19, 2019, 7:53pm EST", "2019-11-19", "2019-11-20"),
    ],
)
def test_time_zone_gives_the_utc_date(text: str, local: str, utc: str) -> None:
    d = find_dates(text)[0]
    assert d.iso == local
    assert d.utc is not None and d.utc.isoformat() == utc


@pytest.mark.parametrize("text", ["12.02.2025, 14:20 Uhr", "March 2, 2025", "2025. 2. 14.", "Nov. 18, 2019 7:04 pm"])
def test_without_a_time_zone_there_is_no_utc_date(text: str) -> None:
    assert find_dates(text)[0].utc is None


@pytest.mark.parametrize(
    "text, iso",
    [
        ("24 сентября 2018", "2018-09-24"),  # Russian genitive, from dateparser's locale data
        ("Posted on Maret 30, 2015 by Admin", "2015-03-30"),  # Indonesian
        ("02 Ago 2017", "2017-08-02"),  # Italian abbreviation
        ("sexta-feira, 22 de outubro de 2010 às 20:13", "2010-10-22"),
        ("27/09/2018", "2018-09-27"),  # day first
        ("11/19/2019", "2019-11-19"),  # the second number cannot be a month: US order
        ("2019-11-20 17:27:46", "2019-11-20"),
    ],
)
def test_more_printed_forms(text: str, iso: str) -> None:
    assert parse_date(text) == iso


@pytest.mark.parametrize("text", ["Chapter 12, 2015", "Page 3 of 2019", "Top 10 2019 picks"])
def test_words_that_are_not_months(text: str) -> None:
    assert parse_date(text) is None


@pytest.mark.parametrize(
    "text, iso",
    [
        # Flattening glued the date to the name before it: the capital starts the month.
        ("ByKathryn GiuffridaMar 5, 2025 | 6 comments", "2025-03-05"),
        ("MaziDecember 19, 2025", "2025-12-19"),
        ("Team SimplyThrilledSeptember 4, 2025", "2025-09-04"),
        ("Mental HealthDECEMBER 22, 2022Updated: JANUARY 02, 2026", "2022-12-22"),
    ],
)
def test_a_month_glued_to_the_word_before_it(text: str, iso: str) -> None:
    assert parse_date(text) == iso


@pytest.mark.parametrize("text", ["remarch 3, 2020", "Chapter 12, 2015", "xmar 5, 2020"])
def test_a_month_inside_a_word_is_none(text: str) -> None:
    assert parse_date(text) is None


def test_a_slashed_date_that_reads_both_ways_is_day_first_unless_told() -> None:
    assert [d.iso for d in find_dates("8/1/2025")] == ["2025-01-08"]
    assert [d.iso for d in find_dates("8/1/2025", month_first=True)] == ["2025-08-01"]
    # Dotted and dashed dates stay day first: US order writes slashes.
    assert [d.iso for d in find_dates("8.1.2025", month_first=True)] == ["2025-01-08"]


@pytest.mark.parametrize(
    "texts, us",
    [
        (["8/1/2025", "8/27/2025"], True),  # 27 cannot be a month
        (["8/1/2025"], False),  # nothing proves the order
        (["8/27/2025", "27/08/2025"], False),  # the page writes both: no order proven
        (["1.8.2025", "8.27.2025"], False),  # only slashed dates count
    ],
)
def test_month_first_page(texts: list[str], us: bool) -> None:
    assert month_first_page(texts) is us


def test_yearless_dates_need_a_year() -> None:
    assert find_dates("Posted Nov 19, 6:51 AM") == []
    assert [d.iso for d in find_dates("Posted Nov 19, 6:51 AM", year=2019)] == ["2019-11-19"]


@pytest.mark.parametrize(
    "url, iso",
    [
        ("https://www.twincities.com/2019/11/19/parise-scores/", "2019-11-19"),
        ("https://example.com/news/20191119/story.html", "2019-11-19"),
        ("https://example.com/2019/11/story.html", None),  # no day
        ("https://example.com/story", None),
        (None, None),
    ],
)
def test_url_date(url: str | None, iso: str | None) -> None:
    assert url_date(url) == iso


@pytest.mark.parametrize(
    "url, has",
    [
        ("https://example.com/2019/11/18/story/", True),
        ("https://example.com/news/20191118/story.html", True),
        ("https://example.com/articles/19/11/18/story", True),  # two-digit year: only to confirm a printed day
        ("https://example.com/articles/19/11/19/story", False),
        ("https://example.com/2019/11/story.html", False),
        (None, False),
    ],
)
def test_url_has_day(url: str | None, has: bool) -> None:
    assert url_has_day(url, dt.date(2019, 11, 18)) is has
    assert url_date("https://example.com/articles/19/11/18/story") is None  # not a date source alone


def test_url_year_month() -> None:
    assert url_year_month("https://www.cleveland.com/entertainment/2019/11/doobie.html") == (2019, 11)
    assert url_year_month("https://example.com/story") is None


@pytest.mark.parametrize("text, stamp", [("2 hours ago", True), ("7H ago 08:51", True), ("  an hour ago ", True), ("The deal fell through two years ago.", False), ("Updated 2 hours ago", False)])
def test_a_relative_stamp_is_a_whole_line(text: str, stamp: bool) -> None:
    assert is_relative_stamp(text) is stamp


@pytest.mark.parametrize(
    "text, relative",
    [
        ("Monday 5:30PM", True),
        ("Tue, 09:15", True),
        ("Saturday at 10:30", True),
        ("Published 1 day ago", True),
        ("Today 12:01 AM", True),
        ("Monday, November 18, 2019, 04:05 pm PT", False),  # an absolute date
        ("On Monday 40 people died", False),
        ("Sunday", False),
    ],
)
def test_a_relative_date_holds_no_absolute_one(text: str, relative: bool) -> None:
    assert is_relative_date(text) is relative


def test_the_shipped_month_table_is_the_one_dateparser_gives() -> None:
    """month_number() reads cleaner/months.json, not dateparser's 200 locale modules (0.4 s
    per process): the file must hold what those modules give. If this fails after a
    dateparser upgrade, `make months` writes the file again (read its diff)."""
    from cleaner.dates import _locale_months, locale_month_names

    derived = locale_month_names()
    if not derived:
        pytest.skip("dateparser is not installed")
    assert _locale_months() == derived
