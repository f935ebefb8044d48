"""Dates as people print them -> ISO 8601. Common forms by pattern; month names of
languages the table below lacks come from dateparser's locale data.

A DateMatch keeps the date as printed, and also the date in UTC when the page prints a
time and a time zone next to it ("Nov 18, 2019 at 9:24 pm ET" is 2019-11-19 in UTC).
Which one counts as the publication date is a setting (Settings.date_in_utc).
"""
from __future__ import annotations

import datetime as dt
import functools
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .memo import LINE_CHARS, short_text_cache
from .urls import url_path

_MONTHS = {
    name: i + 1
    for i, names in enumerate(
        [
            "january jan januar janvier enero gennaio janeiro",
            "february feb februar février fevrier febrero febbraio fevereiro",
            "march mar märz maerz mars marzo março",
            "april apr avril abril aprile",
            "may mai mayo maggio maio",
            "june jun juni juin junio giugno junho",
            "july jul juli juillet julio luglio julho",
            "august aug août aout agosto",
            "september sep sept septembre septiembre settembre setembro",
            "october oct oktober octobre octubre ottobre outubro",
            "november nov novembre noviembre novembro",
            "december dec dezember décembre decembre diciembre dicembre dezembro",
        ]
    )
    for name in names.split()
}
_YEAR = r"(?P<year>(?:19|20)\d{2})"
# A month name in any language: resolved by month_number(), so "Chapter 12, 2015" is no date.
_WORD = r"(?P<word>[^\W\d_]{3,12})\.?"
# A word starts where no letter precedes it, or at a capital glued to a small letter.
_GLUED_OR_WORD_START = r"(?:(?<![^\W\d_])|(?<=(?-i:[a-z]))(?=(?-i:[A-Z])))"
# What may follow a date: a time, as in "March 6, 2025, 3:12 PM" (the year may be glued to
# it by flattening: "20255:41 PM"); checked separately so that it never decides the date.
_PATTERNS = [
    # 2025-02-14, 2025-02-14T09:15:00Z, 2025/02/14, 2025-02-14 17:27:46
    re.compile(r"(?<![\d.])" + _YEAR + r"([-/])(?P<mon>\d{1,2})\2(?P<day>\d{1,2})(?![\d/])"),
    # 2025년 3월 4일, 2025年3月4日
    re.compile(_YEAR + r"\s*[년年]\s*(?P<mon>\d{1,2})\s*[월月]\s*(?P<day>\d{1,2})\s*[일日]"),
    # 2025. 2. 14.  /  2025.02.20
    re.compile(r"(?<![\d.])" + _YEAR + r"\.\s?(?P<mon>\d{1,2})\.\s?(?P<day>\d{1,2})\.?(?![\d])"),
    # March 2, 2025  /  Mar. 2 2025  /  Monday, March 3rd, 2025  /  February 27, 20255:41 PM  /
    # Jul. 11. 2025; also glued to the word before it by flattening, where the case changes:
    # "Kathryn GiuffridaMar 5, 2025", "Team SimplyThrilledSeptember 4, 2025"
    re.compile(_GLUED_OR_WORD_START + _WORD + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?[,.]?\s+" + _YEAR, re.I),
    # 2 March 2025  /  12. Februar 2025  /  2 de marzo de 2025  /  24 сентября 2018
    re.compile(r"(?<![\d.])(?P<day>\d{1,2})(?:st|nd|rd|th|er|º)?\.?\s+(?:de\s+)?" + _WORD + r",?\s+(?:de\s+)?" + _YEAR + r"(?!\d)", re.I),
    # 19-Dec-2025, 05-mar-2024
    re.compile(r"(?<![\d.-])(?P<day>\d{1,2})-" + _WORD + r"-" + _YEAR + r"(?!\d)", re.I),
    # 12.02.2025 and 19-11-2019 (day first, as in most of Europe); 27/09/2018 and 11/19/2019
    # (day first unless the second number cannot be a month, or the page's other slashed
    # dates show US order: find_dates(month_first=True))
    re.compile(r"(?<![\d.])(?P<a>\d{1,2})(?P<sep>[./-])(?P<b>\d{1,2})(?P=sep)\s?" + _YEAR + r"(?!\d)"),
    # 11/19/19 06:56 AM: a two-digit year only with a time after it, US order
    re.compile(r"(?<![\d/])(?P<mon>\d{1,2})/(?P<day>\d{1,2})/(?P<yy>\d{2})(?=\s+(?:at\s+)?\d{1,2}:\d{2})"),
]
_RELATIVE = re.compile(r"\b(?:ago|yesterday|today|just now|vor \d|il y a|hace)\b|전$|前$", re.I)
_RELATIVE_STAMP = re.compile(
    r"(?i)(?:about\s+)?(?:an?|\d+)\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|weeks?|months?|years?)\s+ago(?:\s+\d{1,2}:\d{2})?"
)
_DATE_CHARS = re.compile(r"\d")
# Each pattern above but the two-digit-year one holds a four-digit year, and that one a
# slash: most lines with a digit ("3 min read", "Updated 5:41 PM") have neither.
_YEAR_DIGITS = re.compile(_YEAR)
# Relative and clock-only forms: never a date, whatever else the line holds.
_TIME = re.compile(r"(?<!\d)(?:[01]?\d|2[0-3])[:.h][0-5]\d(?::[0-5]\d)?\s*(?:[ap]\.?m\.?)?", re.I)


@dataclass(frozen=True, slots=True)
class DateMatch:
    """One absolute date found in a text: its span, the date as printed and, when a time
    and a time zone are printed next to it, the date in UTC."""

    start: int
    end: int
    date: dt.date
    utc: dt.date | None = None

    @property
    def iso(self) -> str:
        return self.date.isoformat()


# Time zone abbreviations as news pages print them -> a tz database name (daylight saving
# time by date) or a fixed offset in minutes. IST is India's (the bench's Indian sites);
# ambiguous abbreviations (CST in China, BST in Bangladesh) are read the common Western way.
_ZONES: dict[str, str | int] = {
    "et": "America/New_York", "est": -300, "edt": -240, "ct": "America/Chicago", "cst": -360, "cdt": -300,
    "mt": "America/Denver", "mst": -420, "mdt": -360, "pt": "America/Los_Angeles", "pst": -480, "pdt": -420,
    "akst": -540, "akdt": -480, "hst": -600, "gmt": 0, "utc": 0, "z": 0, "bst": 60, "wet": 0, "west": 60,
    "cet": 60, "cest": 120, "mez": 60, "mesz": 120, "eet": 120, "eest": 180, "msk": 180, "ist": 330,
    "wib": 420, "sgt": 480, "hkt": 480, "kst": 540, "jst": 540, "aest": 600, "aedt": 660, "acst": 570,
    "awst": 480, "nzst": 720, "nzdt": 780,
}
_CLOCK = r"(?P<h>[01]?\d|2[0-3])[:.h](?P<mi>[0-5]\d)(?::[0-5]\d(?:\.\d+)?)?\s*(?P<ap>(?i:[ap]))?\.?(?:(?i:m)\b\.?)?"
_ZONE = r"\(?(?P<zone>(?:GMT|UTC)\s?[+-]\s?\d{1,2}(?::?\d{2})?|[+-]\d{2}:?\d{2}|Z\b|[A-Z]{2,5}\b)\)?"
_TIME_AFTER = re.compile(r"\s*(?:,|at|um|à|às|a las|alle|-|--|—|–|\||T|•)?\s*" + _CLOCK + r"\s*" + _ZONE)
_TIME_BEFORE = re.compile(_CLOCK + r"\s*" + _ZONE + r"\s*,?\s*(?:[^\W\d_]{3,9}\.?,?\s*)?$")


def _utc_date(text: str, start: int, end: int, date: dt.date) -> dt.date | None:
    """The date in UTC when a time and a zone are printed right after or right before it."""
    m = _TIME_AFTER.match(text, end) or _TIME_BEFORE.search(text[max(0, start - 40) : start])
    if not m:
        return None
    offset = _offset(m.group("zone"), date)
    if offset is None:
        return None
    hour = int(m.group("h")) % 12 + (12 if (m.group("ap") or "").lower() == "p" else 0) if m.group("ap") else int(m.group("h"))
    moment = dt.datetime.combine(date, dt.time(hour, int(m.group("mi")))) - dt.timedelta(minutes=offset)
    return moment.date()


def _offset(zone: str, date: dt.date) -> int | None:
    """Minutes east of UTC for 'EST', 'ET' (by date), 'GMT+1', '+09:00'."""
    zone = zone.replace(" ", "")
    m = re.fullmatch(r"(?:GMT|UTC)?([+-])(\d{1,2}):?(\d{2})?", zone, re.I)
    if m:
        minutes = int(m.group(2)) * 60 + int(m.group(3) or 0)
        return minutes if m.group(1) == "+" else -minutes
    known = _ZONES.get(zone.lower())
    if isinstance(known, str):
        try:
            from zoneinfo import ZoneInfo

            delta = dt.datetime.combine(date, dt.time(12), ZoneInfo(known)).utcoffset()
            return int(delta.total_seconds() // 60) if delta is not None else None
        except Exception:  # no tz database on this system: standard time
            return {"America/New_York": -300, "America/Chicago": -360, "America/Denver": -420, "America/Los_Angeles": -480}[known]
    return known


# "Posted Nov 19, 6:51 AM": month and day without a year, read only when the caller knows the year.
_YEARLESS = re.compile(r"(?<![^\W\d_])" + _WORD + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?![\d:])(?!,?\s+(?:19|20)\d{2})", re.I)


def find_dates(text: str, year: int | None = None, month_first: bool = False) -> list[DateMatch]:
    """Every absolute date in the text, in reading order, impossible dates skipped. With
    `year`, dates printed without one ("Nov 19") are read as of that year. With
    `month_first`, a slashed date that reads both ways ("8/1/2025") is read in US order."""
    if not text or not _DATE_CHARS.search(text):
        return []
    if not year and "/" not in text and not _YEAR_DIGITS.search(text):
        return []  # no pattern can match: not worth a cache lookup
    return list(_find_dates(text, year, month_first))


@short_text_cache(max_chars=LINE_CHARS)
def _find_dates(text: str, year: int | None, month_first: bool = False) -> tuple[DateMatch, ...]:
    found: list[DateMatch] = []
    for pattern in _PATTERNS + ([_YEARLESS] if year else []):
        pos = 0
        while m := pattern.search(text, pos):
            parts = m.groupdict()
            if pattern is _YEARLESS:
                parts["year"] = str(year)
            date = _date_of(parts, month_first)
            if date is None:
                # Not a date ("GiuffridaMar 5, 2025" is no month): one inside it may be.
                pos = m.start() + 1
                continue
            found.append(DateMatch(m.start(), m.end(), date, _utc_date(text, m.start(), m.end(), date)))
            pos = m.end()
    found.sort(key=lambda d: (d.start, -d.end))
    out: list[DateMatch] = []
    for d in found:
        if not out or d.start >= out[-1].end:
            out.append(d)
    return tuple(out)


# "8/27/2025", "27/08/2025": a slashed date with a four-digit year, for month_first_page().
_SLASHED = re.compile(r"(?<![\d./])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?:19|20)\d{2}(?!\d)")


def month_first_page(texts: Iterable[str]) -> bool:
    """The page's slashed dates are in US order: one of them can only be read month first
    ("8/27/2025") and none only day first ("27/08/2025"). Its "8/1/2025" is then 1 August."""
    us = False
    for text in texts:
        if "/" not in text:
            continue
        for m in _SLASHED.finditer(text):
            a, b = int(m.group("a")), int(m.group("b"))
            if a > 12 >= b:
                return False
            us = us or b > 12 >= a
    return us


def without_dates(text: str, dates: Sequence[DateMatch]) -> str:
    """The text with the found dates (find_dates, in order) cut out: what a date line says
    besides its dates."""
    kept, last = [], 0
    for d in dates:
        kept.append(text[last:d.start])
        last = d.end
    kept.append(text[last:])
    return " ".join(kept)


def parse_date(text: str) -> str | None:
    """The first absolute date in text, as YYYY-MM-DD; None for relative or no date."""
    if not text or _RELATIVE.search(text) and not re.search(r"\d{4}", text):
        return None
    dates = find_dates(text)
    return dates[0].iso if dates else None


def _date_of(parts: dict[str, str | None], month_first: bool = False) -> dt.date | None:
    try:
        if parts.get("yy"):
            year = 2000 + int(parts["yy"] or 0)
        else:
            year = int(parts["year"] or 0)
        if parts.get("a"):
            a, b = int(parts["a"] or 0), int(parts["b"] or 0)
            day, month = (b, a) if b > 12 or month_first and parts.get("sep") == "/" and a <= 12 else (a, b)
        else:
            day = int(parts["day"] or 0)
            mon = parts.get("mon")
            month = int(mon) if mon else month_number(parts.get("word") or "")
        if not month:
            return None
        return dt.date(year, month, day)
    except (ValueError, TypeError):
        return None


def month_number(word: str) -> int:
    """'March', 'mar', 'märz', 'сентября', 'Maret' -> 3, 3, 3, 9, 3; 0 for any other word."""
    word = word.lower().rstrip(".")
    return _MONTHS.get(word) or _locale_months().get(word, 0)


# locale_month_names() written out: deriving it imports about 200 of dateparser's modules,
# 0.4 s that the first document with an unknown month word paid (a tenth of a one-core
# pass over the dev bench's 181 text captures). tests/test_dates.py checks that the file
# still matches the installed dateparser; `make months` writes it again.
MONTH_TABLE = Path(__file__).with_name("months.json")


@functools.lru_cache(maxsize=1)
def _locale_months() -> dict[str, int]:
    """locale_month_names(), as MONTH_TABLE holds it."""
    months: dict[str, int] = json.loads(MONTH_TABLE.read_text(encoding="utf-8"))["months"]
    return months


def locale_month_names() -> dict[str, int]:
    """Month names of every dateparser locale that name one month only (3+ letters).
    Names shared by two months in different languages ("mar", "listopad") are left out."""
    import importlib
    import pkgutil

    try:
        import dateparser.data.date_translation_data as data
    except ImportError:  # dateparser is a dependency; without it only the table above is known
        return {}
    names: dict[str, set[int]] = {}
    keys = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december")
    for module in pkgutil.iter_modules(data.__path__):
        info = getattr(importlib.import_module(f"{data.__name__}.{module.name}"), "info", {})
        for number, key in enumerate(keys, 1):
            for name in info.get(key, []):
                name = name.lower().rstrip(".")
                if len(name) >= 3 and name.isalpha():
                    names.setdefault(name, set()).add(number)
    return {name: next(iter(months)) for name, months in names.items() if len(months) == 1}


def write_month_table() -> None:
    """Write MONTH_TABLE from the installed dateparser (`make months`)."""
    from importlib.metadata import version

    table = {"dateparser": version("dateparser"), "months": dict(sorted(locale_month_names().items()))}
    MONTH_TABLE.write_text(json.dumps(table, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")


_URL_DATE = re.compile(r"/" + _YEAR + r"[/-](?P<mon>\d{1,2})(?:[/-](?P<day>\d{1,2}))?(?=[/-]|$)")
_URL_COMPACT = re.compile(r"[/_-](?P<year>(?:19|20)\d{2})(?P<mon>[01]\d)(?P<day>[0-3]\d)(?=[/_.-]|$)")


def url_date(url: str | None) -> str | None:
    """The date in a URL path such as /2019/11/19/slug or /20191119/, as YYYY-MM-DD (htmldate's idea)."""
    if not url:
        return None
    path = url_path(url)
    for pattern in (_URL_DATE, _URL_COMPACT):
        m = pattern.search(path)
        if m and m.group("day"):
            try:
                return dt.date(int(m.group("year")), int(m.group("mon")), int(m.group("day"))).isoformat()
            except ValueError:
                continue
    return None


_URL_SHORT = re.compile(r"/(?P<yy>\d{2})/(?P<mon>\d{1,2})/(?P<day>\d{1,2})(?=/|$)")


def url_has_day(url: str | None, day: dt.date) -> bool:
    """The URL's path carries this day: /2019/11/19/, /20191119/ or, since the day is
    known already, the two-digit-year form /19/11/19/ that url_date() does not trust alone."""
    if not url:
        return False
    if url_date(url) == day.isoformat():
        return True
    path = url_path(url)
    return any(
        (2000 + int(m.group("yy")), int(m.group("mon")), int(m.group("day"))) == (day.year, day.month, day.day)
        for m in _URL_SHORT.finditer(path)
    )


def url_year_month(url: str | None) -> tuple[int, int | None] | None:
    """(year, month or None) from a URL path such as /2019/11/slug.html."""
    if not url:
        return None
    m = _URL_DATE.search(url_path(url))
    if not m:
        return None
    month = int(m.group("mon"))
    return int(m.group("year")), month if 1 <= month <= 12 else None


def is_relative(text: str) -> bool:
    """'2 hours ago', 'yesterday', '3일 전': a date relative to when the page was read."""
    return bool(_RELATIVE.search(text))


def is_relative_stamp(text: str) -> bool:
    """The whole line is a relative time ("2 hours ago", "7H ago 08:51"): a teaser's or a
    comment's stamp, never article text."""
    return bool(_RELATIVE_STAMP.fullmatch(text.strip()))


# "Monday 5:30PM", "Tue, 09:15": a weekday and a clock without a date, as pages print
# what they published in the last week.
_WEEKDAY_STAMP = re.compile(
    r"(?i)(?<![^\W\d_])(?:mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)(?:day|nesday|urday)?\.?,?\s+(?:at\s+)?(?:[01]?\d|2[0-3]):[0-5]\d(?!\d)"
)


def is_relative_date(text: str) -> bool:
    """The text dates something only relative to when the page was read, and holds no
    absolute date: '2 hours ago', 'Published 1 day ago', 'Today 12:01 AM', 'Monday 5:30PM'."""
    if find_dates(text):
        return False
    return bool(is_relative(text) and _DATE_CHARS.search(text) or _WEEKDAY_STAMP.search(text))


def strip_time(text: str) -> str:
    return _TIME.sub(" ", text)
