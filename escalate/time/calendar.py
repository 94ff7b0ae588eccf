"""Calendar arithmetic on granular points: a period of some granularity that starts on a date."""

from __future__ import annotations

import calendar as _cal
from dataclasses import dataclass
from datetime import date, timedelta

# granularities, finest first
GRANS = ("day", "weekend", "week", "month", "quarter", "season", "half", "year", "decade", "century")
RANK = {g: i for i, g in enumerate(GRANS)}

UNIT_GRAN = {
    "D": "day", "W": "week", "WE": "weekend", "F": "week", "M": "month", "Q": "quarter", "H": "half",
    "Y": "year", "DE": "decade", "CE": "century", "ML": "century", "TH": "day", "TM": "day", "TS": "day",
}
SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
MONTH_SEASON = {3: "SP", 6: "SU", 9: "FA", 12: "WI"}

MIN = date(1, 1, 1)
MAX = date(9999, 12, 31)


def clamp_year(y: int) -> int:
    return max(1, min(9998, y))


def add_months(d: date, n: int) -> date:
    m0 = d.year * 12 + (d.month - 1) + n
    y, m = divmod(m0, 12)
    y = clamp_year(y)
    last = _cal.monthrange(y, m + 1)[1]
    return date(y, m + 1, min(d.day, last))


def add_days(d: date, n: int) -> date:
    try:
        return d + timedelta(days=n)
    except OverflowError:
        return MAX if n > 0 else MIN


@dataclass(frozen=True)
class Point:
    gran: str
    start: date

    def end(self) -> date:
        s = self.start
        g = self.gran
        if g == "day":
            return s
        if g == "weekend":
            return add_days(s, 1)
        if g == "week":
            return add_days(s, 6)
        months = {"month": 1, "quarter": 3, "season": 3, "half": 6, "year": 12, "decade": 120, "century": 1200}[g]
        return add_days(add_months(s, months), -1)

    def value(self) -> str:
        s = self.start
        g = self.gran
        if g == "day":
            return f"{s.year:04d}-{s.month:02d}-{s.day:02d}"
        if g in ("week", "weekend"):
            iy, iw, _ = s.isocalendar()
            return f"{iy:04d}-W{iw:02d}" + ("-WE" if g == "weekend" else "")
        if g == "month":
            return f"{s.year:04d}-{s.month:02d}"
        if g == "quarter":
            return f"{s.year:04d}-Q{(s.month - 1) // 3 + 1}"
        if g == "season":
            return f"{s.year:04d}-{MONTH_SEASON.get(s.month, 'XX')}"
        if g == "half":
            return f"{s.year:04d}-H{1 if s.month <= 6 else 2}"
        if g == "year":
            return f"{s.year:04d}"
        if g == "decade":
            return f"{s.year // 10:03d}"
        return f"{s.year // 100:02d}"


def truncate(d: date, gran: str) -> Point:
    """The period of ``gran`` containing ``d``."""
    if gran == "day":
        return Point("day", d)
    if gran == "week":
        return Point("week", add_days(d, -(d.isoweekday() - 1)))
    if gran == "weekend":
        return Point("weekend", add_days(d, 6 - d.isoweekday()))
    if gran == "month":
        return Point("month", d.replace(day=1))
    if gran == "quarter":
        return Point("quarter", date(d.year, (d.month - 1) // 3 * 3 + 1, 1))
    if gran == "season":
        # winter runs Dec-Feb and belongs to the year of its December
        if d.month in (1, 2):
            return Point("season", date(d.year - 1 if d.year > 1 else 1, 12, 1))
        return Point("season", date(d.year, (d.month // 3) * 3, 1))
    if gran == "half":
        return Point("half", date(d.year, 1 if d.month <= 6 else 7, 1))
    if gran == "year":
        return Point("year", date(d.year, 1, 1))
    if gran == "decade":
        return Point("decade", date(max(1, d.year // 10 * 10), 1, 1))
    return Point("century", date(max(1, d.year // 100 * 100), 1, 1))


def shift(p: Point, unit: str, n: int) -> date:
    """Start of ``p`` moved by ``n`` units (D, W, M, Q, H, Y, DE, CE, WE, F)."""
    s = p.start
    if unit == "D":
        return add_days(s, n)
    if unit in ("TH", "TM", "TS"):
        # "less than an hour later", "36 hours later": whole days, to the nearest, from the day in focus
        per_day = {"TH": 24, "TM": 1440, "TS": 86400}[unit]
        return add_days(s, round(n / per_day))
    if unit in ("W", "WE"):
        return add_days(s, 7 * n)
    if unit == "F":
        return add_days(s, 14 * n)
    months = {"M": 1, "Q": 3, "H": 6, "Y": 12, "DE": 120, "CE": 1200, "ML": 12000}.get(unit, 12)
    return add_months(s, months * n)


def mod_interval(p: Point, mod: str | None) -> tuple[date | None, date | None]:
    """earliest..latest of ``p`` under a TIMEX3 ``mod``."""
    lo, hi = p.start, p.end()
    if mod in ("START", "MID", "END") and p.gran != "day":
        span = (hi - lo).days + 1
        third = max(1, span // 3)
        if mod == "START":
            return lo, add_days(lo, third - 1)
        if mod == "MID":
            return add_days(lo, third), add_days(lo, 2 * third - 1)
        return add_days(lo, 2 * third), hi
    if mod in ("BEFORE", "ON_OR_BEFORE"):
        return None, (add_days(lo, -1) if mod == "BEFORE" else hi)
    if mod in ("AFTER", "ON_OR_AFTER"):
        return (add_days(hi, 1) if mod == "AFTER" else lo), None
    return lo, hi
