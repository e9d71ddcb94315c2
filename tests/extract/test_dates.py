"""Date expressions resolved against the publication date (extract/dates.py)."""

from __future__ import annotations

import pytest

from eventwatch.extract.dates import days_before, find_date
from eventwatch.records import DatePrecision
from tests.extract.conftest import Extract

CASES = [
    ("On Saturday morning, a gunman shot shoppers", "2019-08-08", "2019-08-03", DatePrecision.DAY),
    ("Yesterday, the minister was stabbed", "2019-10-11", "2019-10-10", DatePrecision.DAY),
    (
        "On Jan. 8, Coalition military forces conducted 34 strikes",
        "2017-01-09",
        "2017-01-08",
        DatePrecision.DAY,
    ),
    ("On Monday 19 December the UN Security Council adopted", "2016-12-23", "2016-12-19", DatePrecision.DAY),
    ("her husband, who was arrested in May", "2020-08-03", "2020-05", DatePrecision.MONTH),
    ("seized the tanks between 11-13 Dec", "2016-12", "2016-12", DatePrecision.MONTH),
    ("On Thursday, Dec. 15, Coalition aircraft destroyed", "2016-12", "2016-12-15", DatePrecision.DAY),
    ("A strike on Dec. 29 hit a depot", "2017-01-05", "2016-12-29", DatePrecision.DAY),
    ("the rally last week", "2020-08-03", "2020-07-27", DatePrecision.WEEK),
    ("clashes overnight in the capital", "2020-08-03", "2020-08-02", DatePrecision.DAY),
    ("the attack on 2020-02-02 in Streatham", None, "2020-02-02", DatePrecision.DAY),
    ("In June 1968 he was shot", "2019-09-03", "1968-06", DatePrecision.MONTH),  # the preposition capitalised
    # a statement dated only by its month: "today" is in that month
    ("the ISIL attack this morning at a crowded market place", "2015-08", "2015-08", DatePrecision.MONTH),
    ("Today, multiple attacks have killed at least 35 more", "2017-01", "2017-01", DatePrecision.MONTH),
]


@pytest.mark.parametrize(("text", "published", "date", "precision"), CASES)
def test_dates_resolved(text: str, published: str | None, date: str, precision: DatePrecision) -> None:
    found = find_date(text, published)
    assert found is not None
    assert (found.date, found.precision) == (date, precision)


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("the coalition in the last 24 hours conducted 10 airstrikes", "2017-01"),
        ("On Tuesday, militants attacked a convoy", "2017-01"),  # weekday against a month-only date
        ("On Tuesday, militants attacked a convoy", None),
        ("Today, militants attacked a convoy", "2017"),  # the year alone
        ("amendments issued by the current president since 1995", "2020-08-03"),  # how long, not when
    ],
)
def test_dates_unresolvable_or_ongoing_is_none(text: str, published: str | None) -> None:
    found = find_date(text, published)
    assert found is None or found.date is None


def test_dates_no_expression_is_none() -> None:
    assert find_date("Police arrested two suspects.", "2019-10-11") is None


def test_dates_weekday_is_strictly_before_publication() -> None:
    found = find_date("on Thursday", "2020-08-06")  # a Thursday
    assert found is not None and found.date == "2020-07-30"


def test_dates_days_before_month_date() -> None:
    assert days_before("2020-05", "2020-08-03") == 94


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Tuesday, October 8, 2019", "2019-10-08", "2019-10-08"),
        ("The speech came approximately one week after an attack", "2019-09-23", "2019-09"),
        ("another one less than thirteen hours later in Dayton", "2019-08-08", None),
        ("four deadly mass shootings in the United States that week", "2019-08-08", None),
    ],
)
def test_find_date_calendar_approximate_and_vague(text: str, published: str, expected: str | None) -> None:
    found = find_date(text, published)
    assert found is not None and found.date == expected


def test_dates_who_a_person_is_takes_no_date_from_the_story(extract_text: Extract) -> None:
    text = (
        "On Thursday, Sviatlana Tsikhanouskaya held a rally in Minsk, Belarus. Maria Kalesnikava spoke, who "
        "headed the campaign of Viktar Babaryka, who was arrested and banned from the election."
    )
    coercions = [m for m in extract_text(text, "2020-08-03").event_mentions if m.plover == "COERCE"]
    assert coercions and all(m.date is None for m in coercions)


def test_dates_history_told_after_an_old_date_is_not_the_news(extract_text: Extract) -> None:
    text = (
        "Officers found an inmate with stab wounds at Donovan prison on Friday, August 30.\n\n"
        "Robert F. Kennedy was killed in June 1968, while seeking the Democratic nomination. Sirhan shot him in "
        "the head just after midnight, while he was walking through a hotel kitchen."
    )
    mentions = extract_text(text, "2019-09-03").event_mentions
    assert not [m for m in mentions if "Sirhan shot him" in m.evidence[0].slice(text)]


@pytest.mark.parametrize(
    "history",
    [
        pytest.param("In 2006, Abqaiq was the target of an Al-Qaeda suicide attack.", id="opens-on-a-year"),
        pytest.param("In June 1968 Sirhan shot Kennedy in a hotel kitchen.", id="opens-on-a-month"),
    ],
)
def test_dates_a_sentence_that_opens_on_an_old_date_tells_history(extract_text: Extract, history: str) -> None:
    text = "Yesterday, oil facilities in Abqaiq were hit by multiple drone strikes in a pre-dawn raid.\n\n" + history
    mentions = extract_text(text, "2019-09-15").event_mentions
    assert [m.date for m in mentions] == ["2019-09-14"]


@pytest.mark.parametrize(
    "text",
    [
        "Sirhan is serving a life sentence for the 1968 assassination of senator Robert F. Kennedy.",
        "Osama bin Laden founded Al-Qaeda and orchestrated the 9/11 attacks on the US of 2001.",
    ],
)
def test_dates_the_year_an_act_noun_names_is_its_date(extract_text: Extract, text: str) -> None:
    assert extract_text(text, "2019-09-03").event_mentions == ()  # more than a year before publication


def test_dates_a_date_after_publication_frames_nothing_that_happened(extract_text: Extract) -> None:
    text = (
        "A gunman killed at least 50 people in a mass shooting at two mosques in Christchurch on Friday. "
        "The judge ordered the accused remain in custody until his next court appearance on April 5. "
        "The second attack reportedly was in Linwood Mosque, killing at least eight people."
    )
    mentions = extract_text(text, "2019-03-17").event_mentions
    assert all(m.date != "2019-04-05" for m in mentions)


def test_dates_how_long_something_has_gone_on_does_not_make_an_act_history(extract_text: Extract) -> None:
    text = (
        "She promised to conduct new completely fair elections and hold a constitutional referendum to cancel all "
        "amendments issued by the current president, Alexander Lukashenko, since 1995."
    )
    assert [m.plover for m in extract_text(text, "2020-08-03").event_mentions] == ["AGREE"]


@pytest.mark.parametrize(("published", "date"), [("2016-12-23", "2016-12-23"), ("2016-12", None)])
def test_dates_a_governments_own_statement_makes_its_demands_the_day_it_is_published(
    extract_text: Extract, published: str, date: str | None
) -> None:
    text = (
        "The Foreign Secretary said:\n\nThe regime and those who back it must immediately deliver on their "
        "obligations to allow humanitarian access to eastern Aleppo, Syria."
    )
    mentions = extract_text(text, published, outlet="GOV.UK (UK Government)").event_mentions
    assert [m.date for m in mentions if m.plover == "REQUEST"] == [date]
