"""Hypothesis properties of the temporal tagger: total, ordered intervals, shift-invariant."""

from __future__ import annotations

import re
from datetime import date, timedelta

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from escalate.time import load_tagger

TAGGER = load_tagger()

PHRASES = [
    "on March 11", "in December", "in early January", "last week", "next Tuesday", "on Friday",
    "two days ago", "a day later", "the previous day", "in 2019", "the third quarter", "this summer",
    "the 1990s", "for three days", "every Friday", "Friday night", "at 5 p.m.", "now", "recently",
    "late last year", "the end of 2019", "May 12", "the first half of 2019", "mid-2018", "tomorrow",
    "Feb. 29", "February 29, 2020", "31 April", "the 20th century", "nineteen ninety-six", "year-end",
    "the following week", "two weeks after the attack", "between 3 and 5 March", "this year's third quarter",
]
WORDS = ["the", "army", "said", "will", "was", "attack", "and", ",", ".", "may", "we", "do", "sun", "107",
         "mm", "63rd", "2-1", "$", "1999", "Sept.", "30", "early", "about", "next", "last", "ago", "days"]

dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))
texts = st.lists(st.sampled_from(PHRASES + WORDS), min_size=1, max_size=12).map(" ".join)

# calendar expressions whose resolution depends on the DCT's year, month and day-of-month only
# (weekdays and day counts shift with the week and with leap days, so they are left out)
CALENDAR = ["on March 11", "in December", "in early January", "the third quarter", "this summer",
            "late last year", "May 12", "last month", "next year", "last April", "this year", "year-end",
            "now", "recently", "for three days", "mid-December", "in the spring", "last summer", "Sept. 30",
            "next month", "the fourth quarter", "early next year", "this month", "in June", "the first half"]
calendar_texts = st.lists(st.sampled_from(CALENDAR + ["the", "army", "said", "will", "was", ",", "."]),
                          min_size=1, max_size=10).map(" ".join)

_ANCHORED = re.compile(r"\s+(?:later|afterwards?|after|thereafter|earlier|before|previously|prior|beforehand|ahead)\b")
_ABS = re.compile(r"^\d{4}(-\d\d(-\d\d)?)?$")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.one_of(texts, st.text(max_size=60)), dct=st.one_of(st.none(), dates))
def test_never_raises_and_intervals_ordered(text: str, dct: date | None) -> None:
    for tx in TAGGER.tag(text, dct):
        assert tx.text == text[tx.start:tx.end]
        assert 0 <= tx.start < tx.end <= len(text)
        if tx.earliest is not None and tx.latest is not None:
            assert tx.earliest <= tx.latest
        if tx.type == "DURATION" and (tx.earliest is not None or tx.latest is not None):
            # only an anchored duration ("three days later", "two weeks after the attack") points
            # at a date; a free one ("for three days") has no interval
            assert _ANCHORED.match(text[tx.end:]), (tx, text)


@settings(max_examples=100, deadline=None)
@given(expr=st.one_of(st.sampled_from(PHRASES), st.text(max_size=30)), dct=st.one_of(st.none(), dates))
def test_parse_when_never_raises(expr: str, dct: date | None) -> None:
    tx = TAGGER.parse_when(expr, dct)
    if tx is not None and tx.earliest is not None and tx.latest is not None:
        assert tx.earliest <= tx.latest


@settings(max_examples=100, deadline=None)
@given(
    text=calendar_texts,
    dct=st.dates(min_value=date(1950, 1, 1), max_value=date(2050, 12, 31)),
    years=st.integers(min_value=-20, max_value=20),
)
# found by hypothesis: "a day just ahead of the DCT" was counted in real days, so 8 Feb 2000 (a leap
# year: 32 days to 11 March) and 8 Feb 2001 (31 days) read "on March 11 said" differently
@example(text="on March 11 said", dct=date(2000, 2, 8), years=1)
def test_shifting_dct_by_years_shifts_results(text: str, dct: date, years: int) -> None:
    """Shifting the DCT by whole years shifts resolved calendar dates by the same number of years."""
    if dct.month == 2 and dct.day == 29:
        dct -= timedelta(days=1)
    shifted = dct.replace(year=dct.year + years)
    a = TAGGER.tag(text, dct)
    b = TAGGER.tag(text, shifted)
    assert [(t.start, t.end, t.type) for t in a] == [(t.start, t.end, t.type) for t in b]
    for x, y in zip(a, b, strict=True):
        if _ABS.match(x.value) and x.value[:4].isdigit():
            assert int(y.value[:4]) - int(x.value[:4]) == years, (text, x, y)
            assert x.value[4:] == y.value[4:]
        if x.earliest is not None and y.earliest is not None and _ABS.match(x.value):
            assert y.earliest.year - x.earliest.year == years


@settings(max_examples=150, deadline=None)
@given(text=st.one_of(texts, st.text(alphabet="aeimnorstAEJMNOST 0123456789-'$.,", max_size=40)))
def test_prefix_index_matches_full_scan(text: str) -> None:
    """The prefix index finds exactly what a scan at every position finds."""
    fast = [(c.start, c.end, c.rule.name) for c in TAGGER._candidates(text, 0, len(text))]
    slow = [(c.start, c.end, c.rule.name) for c in TAGGER._candidates(text, 0, len(text), slow=True)]
    assert fast == slow
    if text.lower() != text and len(text.lower()) == len(text):  # token starts found on the lower-cased text
        low = [(c.start, c.end, c.rule.name) for c in TAGGER._candidates(text, 0, len(text), low=text.lower())]
        assert low == slow
