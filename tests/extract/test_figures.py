"""Figures: values, units, qualifiers, rates, measures and sources (own examples)."""
import pytest


@pytest.mark.parametrize(("text", "value", "unit", "approx"), [
    ("Officials counted some 4,200 displaced families.", 4200, "count", "about"),
    ("Inflation reached 12.5% in May.", 12.5, "percent", "exact"),
    ("The loan is worth $3.2 billion.", 3.2e9, "USD", "exact"),
    ("Fighters advanced nearly 40 kilometres.", 40, "km", "about"),
    ("Fifteen thousand workers went on strike.", 15000, "count", "exact"),
    ("At least 12 people died in the floods.", 12, "count", "at_least"),
    ("More than 300 houses were destroyed.", 300, "count", "over"),
    ("Less than a third of the wells still work.", 1 / 3, "count", "under"),
    ("The dam holds up to 2 million cubic metres.", 2e6, "count", "up_to"),
    ("It costs €45 a month.", 45, "EUR", "exact"),
    ("Two and a half tonnes of grain arrived.", 2.5, "t", "exact"),
    ("The quota is just 2% of the catch.", 2, "percent", "exact"),
])
def test_value_unit_approx(extract, text, value, unit, approx):
    [fig] = extract(text).figures
    assert (fig.value, fig.unit, fig.approx) == (pytest.approx(value), unit, approx)


def test_vague_quantities_have_no_value(extract):
    [fig] = extract("Tens of thousands of people marched.").figures
    assert fig.value is None and fig.approx == "about" and fig.unit == "count"


@pytest.mark.parametrize("text", [
    "The treaty was signed in 1997.",
    "She finished first in the race.",
    "The Boeing 747 landed at 10:45.",
    "The Su-35 flew over the city.",
    "One of the men was released.",
])
def test_not_figures(extract, text):
    assert extract(text).figures == []


def test_rate_measure_and_source(extract):
    ext = extract("According to the health ministry, up to 250 patients arrive at the clinic every day.")
    [fig] = ext.figures
    assert (fig.value, fig.approx, fig.per) == (250, "up_to", "day")
    assert "patients" in fig.measure
    assert fig.source_text == "the health ministry"


def test_possessive_estimate_is_the_source(extract):
    [fig] = extract("Economists' estimates put growth at around 3 percent.").figures
    assert fig.source_text == "Economists" and fig.approx == "about"


def test_reported_speech_gives_the_source(extract):
    ext = extract("Kyrgyzstan's health minister, Alymkadyr Beishenaliev, said that 1,200 doctors had quit.")
    [fig] = ext.figures
    assert fig.source and ext.entities[fig.source].name == "Alymkadyr Beishenaliev"
