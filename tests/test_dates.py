"""cleaner.dates: dates as people print them -> ISO 8601 (YYYY-MM-DD)."""
from __future__ import annotations

import pytest

from cleaner.dates import parse_date


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


@pytest.mark.parametrize("text", ["", "In 2025 the budget grew", "Chapter 12.3 of the report", "Call 555-1234"])
def test_no_date(text: str) -> None:
    assert parse_date(text) is None


def test_leap_day() -> None:
    assert parse_date("2024-02-29") == "2024-02-29"
    assert parse_date("2025-02-29") is None


def test_impossible_date_does_not_hide_a_valid_one_later() -> None:
    assert parse_date("2025-02-30 (corrected: 2025-02-28)") == "2025-02-28"


def test_first_date_in_the_text_wins() -> None:
    assert parse_date("Published March 6, 2025, updated 2025-03-07") == "2025-03-06"
