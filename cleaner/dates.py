"""Dates as people print them -> ISO 8601. Common forms by pattern, the rest by dateparser."""
from __future__ import annotations

import datetime as dt
import re

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
_MONTH = r"(?P<month>" + "|".join(sorted(map(re.escape, _MONTHS), key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_PATTERNS = [
    # 2025-02-14, 2025-02-14T09:15:00Z, 2025/02/14
    re.compile(r"(?<!\d)" + _YEAR + r"[-/](?P<mon>\d{1,2})[-/](?P<day>\d{1,2})(?!\d)"),
    # 2025년 3월 4일, 2025年3月4日
    re.compile(_YEAR + r"\s*[년年]\s*(?P<mon>\d{1,2})\s*[월月]\s*(?P<day>\d{1,2})\s*[일日]"),
    # 2025. 2. 14.  /  2025.02.20
    re.compile(r"(?<!\d)" + _YEAR + r"\.\s?(?P<mon>\d{1,2})\.\s?(?P<day>\d{1,2})\.?(?!\d)"),
    # March 2, 2025  /  Mar. 2 2025; "20255:41" (year glued to a time) still reads 2025
    re.compile(r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+" + _YEAR, re.I),
    # 2 March 2025  /  12. Februar 2025  /  2 de marzo de 2025
    re.compile(r"(?<!\d)(?P<day>\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:de\s+)?" + _MONTH + r"\s+(?:de\s+)?" + _YEAR, re.I),
    # 12.02.2025 (day first, as in German and most of Europe)
    re.compile(r"(?<!\d)(?P<day>\d{1,2})\.(?P<mon>\d{1,2})\.\s?" + _YEAR),
]
_RELATIVE = re.compile(r"\b(?:ago|yesterday|today|just now|vor \d|il y a|hace)\b|전$|前$", re.I)


def parse_date(text: str) -> str | None:
    """The first absolute date in text, as YYYY-MM-DD; None for relative or no date."""
    if not text or _RELATIVE.search(text) and not re.search(r"\d{4}", text):
        return None
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            parts = m.groupdict()
            month = int(parts["mon"]) if parts.get("mon") else _MONTHS.get(parts["month"].lower().rstrip("."), 0)
            try:
                return dt.date(int(parts["year"]), month, int(parts["day"])).isoformat()
            except (ValueError, TypeError):
                continue
    return None
