"""Unit tests for the temporal tagger, one group per kind of expression."""

from __future__ import annotations

from datetime import date

import pytest

from escalate.models import Timex
from escalate.time import TimeTagger, load_tagger

DCT = date(2020, 3, 13)  # a Friday


@pytest.fixture(scope="module")
def tagger() -> TimeTagger:
    return load_tagger()


def one(tagger: TimeTagger, text: str, dct: date | None = DCT) -> Timex:
    found = tagger.tag(text, dct)
    assert len(found) == 1, (text, found)
    tx = found[0]
    assert tx.text == text[tx.start:tx.end]
    return tx


def val(tagger: TimeTagger, text: str, dct: date | None = DCT) -> tuple[str, str, str | None]:
    tx = one(tagger, text, dct)
    return tx.text, tx.value, tx.mod


# ------------------------------------------------------------------ absolute and underspecified dates
@pytest.mark.parametrize(
    "text,expected",
    [
        ("He was killed on March 11.", ("March 11", "2020-03-11", None)),
        ("They met on March 12 in Geneva.", ("March 12", "2020-03-12", None)),
        ("It happened on March 13, 2020.", ("March 13, 2020", "2020-03-13", None)),
        ("On Jan. 3 a drone strike killed him.", ("Jan. 3", "2020-01-03", None)),
        ("The ceasefire was signed May 12.", ("May 12", "2019-05-12", None)),
        ("The base was attacked on April 30.", ("April 30", "2019-04-30", None)),
        ("Fighting resumed in December.", ("December", "2019-12", None)),
        ("Officials will meet in December.", ("December", "2020-12", None)),
        ("The deal was signed on 3 March 2019.", ("3 March 2019", "2019-03-03", None)),
        ("It ended in Dec 2019.", ("Dec 2019", "2019-12", None)),
        ("The document is dated 2019-12-27.", ("2019-12-27", "2019-12-27", None)),
        ("Elections were held in 1998.", ("1998", "1998", None)),
        ("in the summer of 2019", ("the summer of 2019", "2019-SU", None)),
        ("Posted 2020/03/13.", ("2020/03/13", "2020-03-13", None)),
        ("Posted 13.03.2020.", ("13.03.2020", "2020-03-13", None)),
        ("Posted 3/12/2020.", ("3/12/2020", "2020-03-12", None)),
        ("Friday, 13 March 2020", ("Friday, 13 March 2020", "2020-03-13", None)),
        ("on the 13th of March", ("the 13th of March", "2020-03-13", None)),
        ("the 2019/20 budget", ("2019", "2019", None)),
        ("They struck on Christmas Eve.", ("Christmas Eve", "2019-12-24", None)),
        ("the first week of March", ("the first week of March", "2020-W09", None)),
        ("The talks began in nineteen ninety-six.", ("nineteen ninety-six", "1996", None)),
    ],
)
def test_dates(tagger: TimeTagger, text: str, expected: tuple) -> None:
    assert val(tagger, text) == expected


def test_interval_of_month(tagger: TimeTagger) -> None:
    tx = one(tagger, "Fighting resumed in December.")
    assert (tx.earliest, tx.latest) == (date(2019, 12, 1), date(2019, 12, 31))


def test_early_january(tagger: TimeTagger) -> None:
    tx = one(tagger, "Talks collapsed in early January.")
    assert (tx.text, tx.value, tx.mod) == ("early January", "2020-01", "START")
    assert (tx.earliest, tx.latest) == (date(2020, 1, 1), date(2020, 1, 10))


# ------------------------------------------------------------------ modifiers
@pytest.mark.parametrize(
    "text,expected",
    [
        ("in mid-2019", ("mid-2019", "2019", "MID")),
        ("by the end of 2019", ("the end of 2019", "2019", "END")),
        ("in late September 2019", ("late September 2019", "2019-09", "END")),
        ("the beginning of October 2019", ("the beginning of October 2019", "2019-10", "START")),
        ("in the mid-1990s", ("the mid-1990s", "199", "MID")),
        ("about two years ago", ("about two years ago", "2018", "APPROX")),
        ("for more than four hours", ("more than four hours", "PT4H", "MORE_THAN")),
    ],
)
def test_modifiers(tagger: TimeTagger, text: str, expected: tuple) -> None:
    assert val(tagger, text) == expected


# ------------------------------------------------------------------ relative to the DCT
@pytest.mark.parametrize(
    "text,expected",
    [
        ("Last week the talks failed.", ("Last week", "2020-W10", None)),
        ("Wednesday's attack killed two.", ("Wednesday", "2020-03-11", None)),
        ("the attack on Friday", ("Friday", "2020-03-13", None)),
        ("They struck last Friday.", ("last Friday", "2020-03-06", None)),
        ("They will meet next Tuesday.", ("next Tuesday", "2020-03-17", None)),
        ("They will meet on Tuesday.", ("Tuesday", "2020-03-17", None)),
        ("He arrived yesterday.", ("yesterday", "2020-03-12", None)),
        ("He leaves tomorrow.", ("tomorrow", "2020-03-14", None)),
        ("He is here today.", ("today", "2020-03-13", None)),
        ("The strike came two days ago.", ("two days ago", "2020-03-11", None)),
        ("It grew last month.", ("last month", "2020-02", None)),
        ("It grew this year.", ("this year", "2020", None)),
        ("It will grow next year.", ("next year", "2021", None)),
        ("It shrank last year.", ("last year", "2019", None)),
        ("The vote is due early next year.", ("early next year", "2021", "START")),
        ("He resigned last April.", ("last April", "2019-04", None)),
        ("Profit fell in the third quarter.", ("the third quarter", "2020-Q1", None)),
    ],
)
def test_relative(tagger: TimeTagger, text: str, expected: tuple) -> None:
    got = val(tagger, text)
    if text.startswith("Profit"):
        # the third quarter nearest to a March DCT is last year's
        assert got == ("the third quarter", "2019-Q3", None)
    else:
        assert got == expected


@pytest.mark.parametrize(
    "text,values",
    [
        ("The deal signed in November expires in April.", ["2019-11", "2020-04"]),
        ("In June, the base was attacked.", ["2019-06"]),
        ("Elections are expected in June.", ["2020-06"]),
        ("Iran said on Thursday it would retaliate.", ["2020-03-12"]),
        ("He said he will visit the capital on Sunday.", ["2020-03-15"]),
        ("The offer had been due to expire on Friday.", ["2020-03-13"]),
        ("The offer was extended to March 20.", ["2020-03-20"]),
        ("The truce held until the weekend.", ["2020-W10-WE"]),
        # "by" looks ahead, unless the clause is told in the past: a past perfect after it, or a
        # deadline set in a past clause that had passed by the publication date
        ("By Sunday evening, the minister had put the toll at 2,000.", ["2020-03-08TEV"]),
        ("Erdogan had demanded a pull-back by the end of February.", ["2020-02"]),
        ("Troops must leave by the end of February.", ["2021-02"]),
        ("They want a deal by February.", ["2021-02"]),
        # the full stop of an acronym ends no sentence: "wrote" is still the nearest cue
        ("The minister wrote to the U.N. Security Council on Wednesday, calling on it to take action.",
         ["2020-03-11"]),
        # a clause coordinated after a comma has its own tense
        ('He warned an incursion would be "a cause for war", and on Monday Caracas ordered diplomats out.',
         ["2020-03-09"]),
        # a date in the possessive names a thing: no tense cue for the date after it
        ("Iran pulled out of next week's conference on Tuesday.", ["2020-W12", "2020-03-10"]),
    ],
)
def test_tense_cues(tagger: TimeTagger, text: str, values: list[str]) -> None:
    assert [t.value for t in tagger.tag(text, DCT)] == values


def test_quarters_halves_decades_centuries(tagger: TimeTagger) -> None:
    assert val(tagger, "the third quarter of 2019") == ("the third quarter of 2019", "2019-Q3", None)
    assert val(tagger, "third-quarter 2019 profit")[1] == "2019-Q3"
    assert val(tagger, "in the first half of 2019") == ("the first half of 2019", "2019-H1", None)
    assert val(tagger, "during the 1990s") == ("the 1990s", "199", None)
    assert val(tagger, "in the 20th century") == ("the 20th century", "19", None)
    assert val(tagger, "in fiscal 2019")[1] == "2019"
    assert val(tagger, "this summer")[1] == "2020-SU"


# ------------------------------------------------------------------ discourse focus
def test_focus_across_spans(tagger: TimeTagger) -> None:
    text = "Rockets hit the base on March 2. A day later, the militia retaliated. The previous day was calm."
    s1 = text.index("A day")
    s2 = text.index("The previous")
    spans = [(0, s1 - 1), (s1, s2 - 1), (s2, len(text))]
    found = tagger.tag(text, DCT, spans)
    assert [_point(t) for t in found] == ["2020-03-02", "P1D@2020-03-03", "2020-03-02"]
    for t in found:
        assert t.text == text[t.start:t.end]


@pytest.mark.parametrize(
    "text,values",
    [
        ("On May 2, 2015, rebels took the city. A year earlier, they had lost it.", ["2015-05-02", "2014"]),
        ("Rockets hit the base in December. A year ago, the militia was weak.", ["2019-12", "2019"]),
        ("Profit rose in the first quarter, up from a year ago.", ["2020-Q1", "2019-Q1"]),
        ("Rebels took the town on May 2. Three days later, the army retook it.", ["2019-05-02", "P3D@2019-05-05"]),
        ("The vote was on May 10. Two days prior to the vote, rockets fell.", ["2019-05-10", "P2D@2019-05-08"]),
        # hours count as whole days, to the nearest: the same day, or the next after 36 hours
        ("Jets struck on Sunday afternoon. Less than an hour later, rockets fell.", ["2020-03-08TAF", "PT1H@2020-03-08"]),
        ("Jets struck on March 8. Thirty-six hours later, rockets fell.", ["2020-03-08", "PT36H@2020-03-10"]),
    ],
)
def test_focus_relative(tagger: TimeTagger, text: str, values: list[str]) -> None:
    assert [_point(t) for t in tagger.tag(text, DCT)] == values


def _point(t) -> str:
    """A date's value; an anchored duration's value and the day it points at (TimeML keeps
    "three days later" a DURATION, escalate reasons with the day)."""
    if t.type == "DURATION" and t.earliest is not None:
        assert t.earliest == t.latest
        return f"{t.value}@{t.earliest.isoformat()}"
    return t.value


def test_two_weeks_after(tagger: TimeTagger) -> None:
    text = "The attack came on January 3. Two weeks after the attack, the base was hit again."
    found = tagger.tag(text, DCT)
    assert [(t.text, _point(t)) for t in found] == [("January 3", "2020-01-03"), ("Two weeks", "P2W@2020-01-17")]


def test_day_of_month_in_focus(tagger: TimeTagger) -> None:
    found = tagger.tag("The talks began on March 2 and ended on the 5th.", DCT)
    assert [(t.text, t.value) for t in found] == [("March 2", "2020-03-02"), ("the 5th", "2020-03-05")]
    assert tagger.tag("He lives on the 3rd floor.", DCT) == []


def test_spans_restrict(tagger: TimeTagger) -> None:
    text = "Boilerplate 2019. Body text on March 11."
    start = text.index("Body")
    found = tagger.tag(text, DCT, [(start, len(text))])
    assert [(t.text, t.start) for t in found] == [("March 11", text.index("March"))]


# ------------------------------------------------------------------ durations, sets, times, refs
@pytest.mark.parametrize(
    "text,expected",
    [
        ("for three days", ("three days", "P3D", "DURATION")),
        ("for 2 hours", ("2 hours", "PT2H", "DURATION")),
        ("a two-year term", ("two-year", "P2Y", "DURATION")),
        ("the past two months", ("the past two months", "P2M", "DURATION")),
        ("for several years", ("several years", "PXY", "DURATION")),
        ("every Friday", ("every Friday", "XXXX-WXX-5", "SET")),
        ("they meet daily", ("daily", "P1D", "SET")),
        ("each year", ("each year", "P1Y", "SET")),
        ("closed on Fridays", ("Fridays", "XXXX-WXX-5", "SET")),
        ("twice a month", ("twice a month", "P1M", "SET")),
        ("Friday night shelling", ("Friday night", "2020-03-13TNI", "TIME")),
        ("at 5 p.m. Thursday", ("5 p.m. Thursday", "2020-03-12T17:00", "TIME")),
        ("this morning", ("this morning", "2020-03-13TMO", "TIME")),
        ("last night", ("last night", "2020-03-12TNI", "TIME")),
        ("Now the army is retreating.", ("Now", "PRESENT_REF", "DATE")),
        ("It was recently said.", ("recently", "PAST_REF", "DATE")),
        ("in the near future", ("the near future", "FUTURE_REF", "DATE")),
    ],
)
def test_other_types(tagger: TimeTagger, text: str, expected: tuple) -> None:
    tx = one(tagger, text)
    assert (tx.text, tx.value, tx.type) == expected


def test_duration_has_no_interval(tagger: TimeTagger) -> None:
    tx = one(tagger, "for three days")
    assert tx.earliest is None and tx.latest is None


def test_present_ref_interval(tagger: TimeTagger) -> None:
    tx = one(tagger, "The army is currently retreating.")
    assert tx.earliest == tx.latest == DCT


def test_at_dawn(tagger: TimeTagger) -> None:
    text = "On Thursday the village was shelled at dawn."
    found = tagger.tag(text, DCT)
    assert [(t.text, t.value) for t in found] == [("Thursday", "2020-03-12"), ("dawn", "2020-03-12TMO")]


def test_ranges(tagger: TimeTagger) -> None:
    found = tagger.tag("between 3 and 5 March", DCT)
    assert [(t.text, t.value) for t in found] == [("3", "2020-03-03"), ("5 March", "2020-03-05")]
    found = tagger.tag("from January to March", DCT)
    assert [t.value for t in found] == ["2020-01", "2020-03"]
    found = tagger.tag("Talks ran 3-5 March.", DCT)
    assert [(t.text, t.value) for t in found] == [("3", "2020-03-03"), ("5 March", "2020-03-05")]
    assert val(tagger, "for 2-3 days") == ("2-3 days", "P2D", None)
    found = tagger.tag("Talks were held March 3-5, 2019.", DCT)
    assert [(t.text, t.value) for t in found] == [("March 3", "2019-03-03"), ("5", "2019-03-05")]
    found = tagger.tag("January-March 2019", DCT)
    assert [(t.text, t.value) for t in found] == [("January", "2019-01"), ("March 2019", "2019-03")]
    found = tagger.tag("On March 3 and 4 people died.", DCT)
    assert [t.text for t in found] == ["March 3"]


# ------------------------------------------------------------------ no DCT
def test_without_dct(tagger: TimeTagger) -> None:
    assert val(tagger, "on March 13, 2020", None)[1] == "2020-03-13"
    tx = one(tagger, "in December", None)
    assert tx.value == "XXXX-12" and tx.earliest is None and tx.latest is None
    tx = one(tagger, "last week", None)
    assert tx.value.startswith("XXXX") and tx.earliest is None
    tx = one(tagger, "on Friday", None)
    assert tx.value == "XXXX-WXX-5"


# ------------------------------------------------------------------ false positives
@pytest.mark.parametrize(
    "text",
    [
        "We do not know.",
        "You may go now if you like, but they march on.",
        "The sun rose over the city.",
        "He celebrated his 63rd birthday.",
        "They fired 107 mm rockets.",
        "They fired 122mm rockets at the base.",
        "The home side won 2-1.",
        "The vote was 89-52.",
        "It costs $2,000 or $1999.",
        "Call 555-123-4567.",
        "About 2000 people marched.",
        "Prices rose 15 percent.",
        "The fall of the city shocked them.",
        "May I ask a question?",
        "He sat down.",
    ],
)
def test_false_positives(tagger: TimeTagger, text: str) -> None:
    found = [t for t in tagger.tag(text, DCT) if t.value != "PRESENT_REF"]
    assert found == [], found


# ------------------------------------------------------------------ parse_when
@pytest.mark.parametrize(
    "expr,value,earliest,latest",
    [
        ("Dec 2019", "2019-12", date(2019, 12, 1), date(2019, 12, 31)),
        ("2019-12-27", "2019-12-27", date(2019, 12, 27), date(2019, 12, 27)),
        ("early January 2020", "2020-01", date(2020, 1, 1), date(2020, 1, 10)),
        ("March 2020", "2020-03", date(2020, 3, 1), date(2020, 3, 31)),
        ("2020", "2020", date(2020, 1, 1), date(2020, 12, 31)),
        ("last week", "2020-W10", date(2020, 3, 2), date(2020, 3, 8)),
        ("in March 2020", "2020-03", date(2020, 3, 1), date(2020, 3, 31)),
        ("Q4 2019", "2019-Q4", date(2019, 10, 1), date(2019, 12, 31)),
        ("mid-December 2019", "2019-12", date(2019, 12, 11), date(2019, 12, 20)),
    ],
)
def test_parse_when(tagger: TimeTagger, expr: str, value: str, earliest: date, latest: date) -> None:
    tx = tagger.parse_when(expr, DCT)
    assert tx is not None
    assert (tx.value, tx.earliest, tx.latest) == (value, earliest, latest)


def test_parse_when_rejects(tagger: TimeTagger) -> None:
    assert tagger.parse_when("banana") is None
    assert tagger.parse_when("") is None
    assert tagger.parse_when("March 2020 and April 2020") is None
    assert tagger.parse_when("2019-12-27").value == "2019-12-27"  # type: ignore[union-attr]


def test_cached(tagger: TimeTagger) -> None:
    assert load_tagger() is tagger


# ------------------------------------------------------------------ counts are not years
@pytest.mark.parametrize(
    "text",
    [
        "A total of 1052 projectiles were fired.",
        "About 1000 migrant labourers left the camp.",
        "Some 1500 troops arrived on the border.",
        "Officials said 1052 projectiles were fired.",
        "Nearly 2000 protesters marched.",
        "It was the second day of protests.",
        "It was the second day of the strike in the capital.",
    ],
)
def test_counts_and_ordinal_days_are_not_dates(tagger: TimeTagger, text: str) -> None:
    assert tagger.tag(text, DCT) == [], text


@pytest.mark.parametrize(
    "text,expected",
    [
        ("the 1990 elections", ("1990", "1990", None)),
        ("That 1978 resolution calls for a withdrawal.", ("1978", "1978", None)),
        ("He said 1989 results were weak.", ("1989", "1989", None)),
        ("It expects 1990 pretax earnings to rise.", ("1990", "1990", None)),
        ("Sales rose in 1989 after a slump.", ("1989", "1989", None)),
        ("It happened around 1990.", ("around 1990", "1990", "APPROX")),
    ],
)
def test_years_before_nouns(tagger: TimeTagger, text: str, expected: tuple[str, str, str | None]) -> None:
    assert val(tagger, text) == expected


# ------------------------------------------------------------------ reporting periods and focus weekdays
def test_latest_quarter_is_a_reported_one(tagger: TimeTagger) -> None:
    text = ("The quake will cause a fourth-quarter charge. Profit fell 59% in the latest quarter, "
            "compared with $6 million a year ago.")
    found = tagger.tag(text, date(1989, 11, 2))
    assert [(t.text, t.value) for t in found] == [
        ("fourth-quarter", "1989-Q4"), ("the latest quarter", "1989-Q3"), ("a year ago", "1988-Q3")]


def test_full_year_is_the_current_year(tagger: TimeTagger) -> None:
    text = "It aims to reach 40% by 1992. It forecast an earnings increase for the full year."
    found = tagger.tag(text, date(1989, 10, 30))
    assert [(t.text, t.value) for t in found] == [("1992", "1992"), ("the full year", "1989")]


def test_quarter_ended_does_not_take_a_season(tagger: TimeTagger) -> None:
    text = "A strike began last spring. For the quarter ended Sept. 30, Delta posted a profit."
    found = tagger.tag(text, date(1989, 10, 26))
    assert ("the quarter", "1989-Q3") in [(t.text, t.value) for t in found]


def test_previous_weekday_counts_from_the_focus(tagger: TimeTagger) -> None:
    text = "The index closed on Friday down 4.5% from the previous Friday."
    found = tagger.tag(text, date(1989, 10, 30))
    assert [(t.text, t.value) for t in found] == [("Friday", "1989-10-27"), ("the previous Friday", "1989-10-20")]
    text = "They met on March 3, 2020. He left the following Monday."
    assert [t.value for t in tagger.tag(text, DCT)] == ["2020-03-03", "2020-03-09"]


def test_two_quarters_of_a_year_are_a_half(tagger: TimeTagger) -> None:
    assert val(tagger, "through the first two quarters of 1990") == (
        "the first two quarters of 1990", "1990-H1", None)


# ------------------------------------------------------------------ tense details
def test_by_weekday_after_past_perfect_is_past(tagger: TimeTagger) -> None:
    # DCT Friday 2020-03-13
    assert val(tagger, "Only two members had filed reports by Wednesday.") == ("Wednesday", "2020-03-11", None)
    assert val(tagger, "The report must be filed by Wednesday.") == ("Wednesday", "2020-03-18", None)


def test_ed_adjective_is_no_past_cue(tagger: TimeTagger) -> None:
    text = "The dividend would be paid on a still unspecified date in January to holders of record."
    assert val(tagger, text, date(1989, 10, 26)) == ("January", "1990-01", None)


def test_latest_fiscal_year_and_year_ago_period(tagger: TimeTagger) -> None:
    assert val(tagger, "It had sales of $6 billion in the latest fiscal year.", date(1989, 10, 26)) == (
        "the latest fiscal year", "1988", None)
    text = ("Losses will continue through the third quarter of 1990. In the year-ago period, "
            "the company earned $101 million.")
    found = tagger.tag(text, date(1989, 10, 26))
    assert [t.value for t in found] == ["1990-Q3", "1988-Q3"]


def test_vague_durations_and_refs(tagger: TimeTagger) -> None:
    assert val(tagger, "They will have to live without it for a while.") == ("a while", "PXX", None)
    assert val(tagger, "Forces could stay in the gulf for some time.") == ("some time", "PXX", None)
    assert val(tagger, "Over the years many patients died.") == ("the years", "PXY", None)
    assert val(tagger, "Islam will one day be the largest religion.") == ("one day", "FUTURE_REF", None)
    assert val(tagger, "He had only been in the job one day.") == ("one day", "P1D", None)
    assert val(tagger, "That was a long time ago.") == ("a long time ago", "PAST_REF", None)


def test_not_timexes_titles_and_comparisons(tagger: TimeTagger) -> None:
    assert tagger.tag('Baker said on ABC\'s "This Week With David Brinkley" that talks failed.', DCT) == []
    assert tagger.tag("The quarter-to-quarter comparison was also enhanced.", DCT) == []
    text = "Women's Day is this coming Sunday, March eighth."
    assert val(tagger, text) == ("this coming Sunday, March eighth", "2020-03-08", None)


def test_year_quarter_without_quarter_in_focus(tagger: TimeTagger) -> None:
    text = "Kirschner earned $376,000 in the 1988 quarter."
    assert val(tagger, text, date(1989, 10, 30)) == ("the 1988 quarter", "1988-Q3", None)


def test_future_modal_earlier_in_the_clause(tagger: TimeTagger) -> None:
    # "will" eleven words before the month: beyond the cue window, but in the same clause
    text = ("Eileen Collins will be named commander of the Space Shuttle Columbia for a mission "
            "in December.")
    assert val(tagger, text, date(1998, 3, 4)) == ("December", "1998-12", None)
    # a comma closes the clause: no modal reading, the nearest December (news looks back)
    text = ("Eileen Collins will be named commander, with a crew of the Space Shuttle Columbia for a "
            "mission in December.")
    assert val(tagger, text, date(1998, 3, 4)) == ("December", "1997-12", None)
    # a past cue met first stops the search
    text = "The agency will say why the crew of the Space Shuttle Columbia was grounded in December."
    assert val(tagger, text, date(1998, 3, 4)) == ("December", "1997-12", None)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("In Saudi Arabia, today is the eighth day of Desert Shield.", ["today", "the eighth day"]),
        ("It's the second day of an offensive by the security forces.", ["the second day"]),
        ("It is the third straight day of protests.", ["the third straight day"]),
    ],
)
def test_today_is_the_nth_day_of_an_event(tagger: TimeTagger, text: str, expected: list[str]) -> None:
    found = tagger.tag(text, DCT)
    assert [t.text for t in found] == expected
    assert {t.value for t in found} == {"2020-03-13"}


def test_until_then_is_the_date_in_focus(tagger: TimeTagger) -> None:
    text = "Conversion rights will terminate on Nov. 30. Until then, the stock remains convertible."
    found = tagger.tag(text, date(1989, 10, 30))
    assert [(t.text, t.value) for t in found] == [("Nov. 30", "1989-11-30"), ("then", "1989-11-30")]
    # "then" as a sequencing adverb is no date
    assert tagger.tag("Then the talks collapsed.", DCT) == []


def test_overnight_is_the_night_before_the_day_reported(tagger: TimeTagger) -> None:
    # like "last night": the night before the DCT, or before the day in focus
    assert val(tagger, "London shares were depressed by overnight losses in New York.") == (
        "overnight", "2020-03-12TNI", None)
    text = "On Friday, London shares were depressed by overnight losses in New York."
    found = tagger.tag(text, date(1989, 10, 30))
    assert [(t.text, t.value) for t in found] == [("Friday", "1989-10-27"), ("overnight", "1989-10-26TNI")]
    assert tagger.tag("He booked an overnight stay in the capital.", DCT) == []


def test_in_a_year_or_two_is_the_vague_future(tagger: TimeTagger) -> None:
    assert val(tagger, "You may, in a year or two, save a few more lives.") == (
        "a year or two", "FUTURE_REF", None)
    # "within" keeps the duration reading
    assert val(tagger, "He died within a year of his capture.") == ("a year", "P1Y", None)


def test_the_past_before_a_count_is_not_the_vague_past(tagger: TimeTagger) -> None:
    # not PAST_REF: the counted seasons are a SET (TimeML XXXX-SU)
    assert [t.value for t in tagger.tag("Violence spread in the province for the past three summers.", DCT)] \
        == ["XXXX-SU"]
    assert val(tagger, "In the past, both sides fought.") == ("the past", "PAST_REF", None)
    assert val(tagger, "Prices rose for the past two years.") == ("the past two years", "P2Y", None)


def test_in_units_after_a_future_modal_is_a_date(tagger: TimeTagger) -> None:
    dct = date(1989, 11, 2)
    text = "The stock would be redeemed in five years, subject to terms of the merger."
    assert val(tagger, text, dct) == ("five years", "1994", None)
    assert val(tagger, "He will return in two weeks.", dct) == ("two weeks", "1989-W46", None)
    # no modal: the duration it took
    assert val(tagger, "The plant was completed in five years.", dct) == ("five years", "P5Y", None)
    # an indefinite period with a relative clause is no offset from the DCT
    text = "Tax payments normally would be minimal in a quarter that produced such a loss."
    assert val(tagger, text, dct) == ("a quarter", "P1Q", None)


def test_first_units_are_durations(tagger: TimeTagger) -> None:
    found = tagger.tag("5,500 prisoners were taken in the first hours of the ground war.", DCT)
    assert [(t.text, t.type, t.value) for t in found] == [("the first hours", "DURATION", "PTXH")]
    assert [(t.text, t.value) for t in tagger.tag("the final days of the siege", DCT)] == [("the final days", "PXD")]
    # "the early hours" is a time of day, not a stretch of hours
    assert tagger.tag("in the early hours of Sunday", DCT)[0].type == "TIME"


def test_counted_seasons_are_a_set(tagger: TimeTagger) -> None:
    found = tagger.tag("violence in Northern Ireland for the past three summers", DCT)
    assert [(t.text, t.type, t.value) for t in found] == [("the past three summers", "SET", "XXXX-SU")]


def test_last_month_name_skips_the_month_just_gone(tagger: TimeTagger) -> None:
    dct = date(1998, 3, 1)
    assert [t.value for t in tagger.tag("two helicopters crashed last February", dct)] == ["1997-02"]
    assert [t.value for t in tagger.tag("two helicopters crashed this past February", dct)] == ["1998-02"]
    assert [t.value for t in tagger.tag("they met last January", dct)] == ["1998-01"]


def test_a_timeline_tells_past_days_in_order(tagger: TimeTagger) -> None:
    # a February story's "May 5:" entry is last May, whatever tense the entry is in; the heading's
    # second day ("Aug. 29-30") moves with its first
    text = ("Timeline\n\nMay 5: Soldiers brawl on the bank of the lake.\n\nJune 15: The clash kills 20 soldiers.\n\n"
            "Aug. 29-30: Troops seize heights on the south bank.\n\nFeb. 10: Troops start to disengage.\n")
    found = tagger.tag(text, date(2021, 2, 22))
    assert [(t.text, t.value) for t in found] == [("May 5", "2020-05-05"), ("June 15", "2020-06-15"),
                                                  ("Aug. 29", "2020-08-29"), ("30", "2020-08-30"),
                                                  ("Feb. 10", "2021-02-10")]


def test_overnight_after_a_decade_counts_from_the_dct(tagger: TimeTagger) -> None:
    found = tagger.tag("Border clashes began in the 1960s. Overnight, troops fired shots.", DCT)
    assert [(t.text, t.value) for t in found] == [("the 1960s", "196"), ("Overnight", "2020-03-12TNI")]


@pytest.mark.parametrize(
    "text,expected",
    [
        # a part of the day on a named day is one expression: the day's, not the one in focus
        ("In 2015 it began. Then, before dawn last Thursday, a missile hit the drone.", "2020-03-12TMO"),
        ("In 2015 it began. Troops crossed at dawn on March 10.", "2020-03-10TMO"),
        ("In 2015 it began. On the night of 9 March the shelling resumed.", "2020-03-09TNI"),
    ],
)
def test_part_of_day_on_a_named_day(tagger: TimeTagger, text: str, expected: str) -> None:
    assert [t.value for t in tagger.tag(text, DCT)][-1] == expected


def test_a_clock_heading_brings_the_focus_back_to_the_publication_day(tagger: TimeTagger) -> None:
    # a live blog: "09:30 IST" heads an entry of the page's day, whatever day the entry before named
    text = "He said it could respond to Tuesday's strike.\n\n09:30 IST\nTroops opened fire overnight."
    spans = [(0, 45), (47, 56), (57, len(text))]
    found = tagger.tag(text, DCT, spans=spans)
    assert [t.value for t in found] == ["2020-03-10", "2020-03-12TNI"]


@pytest.mark.parametrize("text, expected", [
    ("The front has been active since Oct. 8.", "2023-10-08"),
    ("The war began on Oct. 7 with a surprise attack.", "2023-10-07"),
    # a past-tense day just ahead of the publication date is otherwise the coming one
    ("The ministry extended the offer to Oct. 8.", "2024-10-08"),
])
def test_a_day_after_since_or_began_is_gone(tagger: TimeTagger, text: str, expected: str) -> None:
    assert one(tagger, text, date(2024, 9, 19)).value == expected


def test_a_month_that_year_is_in_the_year_in_focus(tagger):
    text = "In March 2012, troops attacked posts in retaliation for an attack in January that year."
    found = {t.text: t.value for t in tagger.tag(text, date(2016, 6, 15))}
    assert found["January that year"] == "2012-01", found


def test_a_past_auxiliary_far_left_outweighs_a_future_cue_of_the_next_clause(tagger: TimeTagger) -> None:
    # "had warned during his visit ... in late January that X must be taught": the month is gone (the "be"
    # after it is the reported clause's), not the coming January
    text = "The minister had warned during his visit to the United States in late January that the rebels must be punished."
    found = [t for t in tagger.tag(text, date(1979, 3, 6)) if t.text == "late January"]
    assert found and found[0].value == "1979-01", found


def test_a_date_going_back_inside_an_after_phrase_does_not_move_the_focus(tagger: TimeTagger) -> None:
    # "... on Wednesday ... after a July 16 explosion ... That evening": the evening is Wednesday's
    text = ("The crisis escalated on Wednesday, when a mine wounded five soldiers. It was the second blast in a week, "
            "after a July 16 explosion injured three soldiers. That evening the government recalled its ambassador.")
    found = [t for t in tagger.tag(text, date(2025, 7, 27)) if t.text == "That evening"]
    assert found and found[0].value.startswith("2025-07-23"), found
