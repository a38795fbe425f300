"""Time expressions normalised against the publication date (own examples)."""
from datetime import date

import pytest

from khabar.extract.dates import normalize

PUB = date(2022, 3, 10)  # a Thursday


@pytest.mark.parametrize(("text", "start", "end", "precision"), [
    ("mid-February", "2022-02-11", "2022-02-20", "day"),
    ("early January", "2022-01-01", "2022-01-10", "day"),
    ("late November", "2021-11-21", "2021-11-30", "day"),
    ("in the winter", "2021-12-01", "2022-02-28", "season"),
    ("last summer", "2021-06-01", "2021-08-31", "season"),
    ("on Feb. 14", "2022-02-14", "2022-02-14", "day"),
    ("April 2", "2022-04-02", "2022-04-02", "day"),
    ("in 1991", "1991-01-01", "1991-12-31", "year"),
    ("the 1990s", "1990-01-01", "1999-12-31", "year"),
    ("last week", "2022-02-28", "2022-03-09", "day"),
    ("last month", "2022-02-01", "2022-02-28", "month"),
    ("next year", "2023-01-01", "2023-12-31", "year"),
    ("two years ago", "2020-01-01", "2020-12-31", "year"),
    ("three days ago", "2022-03-07", "2022-03-07", "day"),
    ("yesterday", "2022-03-09", "2022-03-09", "day"),
    ("on Monday", "2022-03-07", "2022-03-07", "day"),
    ("December", "2021-12-01", "2021-12-31", "month"),
    ("early next year", "2023-01-01", "2023-04-30", "month"),
    ("currently", "2022-03-10", "2022-03-10", "day"),
    ("March 3, 2019", "2019-03-03", "2019-03-03", "day"),
])
def test_normalize(text, start, end, precision):
    value = normalize(text, PUB)
    assert (value.start, value.end, value.precision) == (start, end, precision)


def test_future_tense_picks_the_next_weekday():
    assert normalize("Monday", PUB, "future").start == "2022-03-14"


@pytest.mark.parametrize("text", ["the last few years", "several months", "every day", "in the near future"])
def test_durations_and_vague_references_keep_no_value(text):
    value = normalize(text, PUB)
    assert value.start is None and value.end is None


def test_without_a_publication_date_only_absolute_years_resolve():
    assert normalize("in 1991", None).start == "1991-01-01"
    assert normalize("last week", None).start is None


def test_component_finds_and_resolves_and_skips_ages(extract):
    ext = extract("The 45-year-old minister arrived in mid-February and left on Feb. 28, officials said.", published="2022-03-10")
    values = {d.text: (d.date.start, d.date.end) for d in ext.dates}
    assert values["mid-February"] == ("2022-02-11", "2022-02-20")
    assert values["Feb. 28"] == ("2022-02-28", "2022-02-28")
    assert not any("45" in t for t in values)


def test_items_carry_the_date_of_their_clause(extract):
    ext = extract("In early January, the ministry reported that 3,000 people had left. Prices rose by 5 percent.",
                  published="2022-03-10")
    by_value = {f.value: f for f in ext.figures}
    assert by_value[3000].date.start == "2022-01-01"
    assert by_value[5].date is None
    assert ext.statements[0].date.end == "2022-01-10"
