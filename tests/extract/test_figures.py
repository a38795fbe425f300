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
    [fig] = extract("Ferries carry as many as 3,000 passengers across the strait each week, the operator says.").figures
    assert (fig.value, fig.approx, fig.per) == (3000, "up_to", "week")
    assert "passengers" in fig.measure
    assert fig.source_text == "the operator"


def test_possessive_calculation_is_the_source(extract):
    [fig] = extract("The central bank's projections show inflation at nearly 9 percent.").figures
    assert "bank" in fig.source_text and fig.approx == "about"


def test_announcing_verb_gives_the_source(extract):
    ext = extract("Mayor Ines Duarte announced on Tuesday a fund of 3 million euros for the harbour.")
    [fig] = ext.figures
    assert (fig.value, fig.unit) == (3e6, "EUR") and "fund" in fig.measure
    assert fig.source and ext.entities[fig.source].name == "Ines Duarte"


@pytest.mark.parametrize("text", [
    "Shares in the DAX 40 index fell.",  # a number inside a name
    "Article 5 of the treaty was invoked.",
    "Voters aged 25 to 40 stayed home.",  # an age band
    "Omar Haddad, 41, was detained.",  # an age in apposition
    "A 63-year-old farmer was injured.",
    "Talks resumed on June 14.",  # the day of a date
    "Police searched a flat at 118 Kestrel Road.",  # a street number
    "The three ministers signed the accord.",  # a determiner, not a count
    "The railway opened three years ago.",  # a point in time
    "Prices doubled over the past six months.",
    "One of the guards fled.",
    "She will one day run the firm.",
])
def test_more_numbers_that_are_not_figures(extract, text):
    assert extract(text).figures == []


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("The fine was NZ$40 per driver.", 40, "NZD"),
    ("Each bond pays EUR250 a year.", 250, "EUR"),
    ("Lunch costs R$12 in Recife.", 12, "BRL"),
    ("The shares closed at 150p.", 1.5, "GBP"),
    ("The tower raised HK$2.4bn.", 2.4e9, "HKD"),
    ("Fuel rose to RM3.10 a litre.", 3.10, "MYR"),
    ("The engine makes 450hp.", 450, "hp"),
    ("The mast is 80ft tall.", 80, "ft"),
    ("Cells of 12 sq m were built.", 12, "m2"),
    ("Methane reached 400 ppm.", 400, "ppm"),
    ("The plant hired 2000 workers.", 2000, "count"),  # four digits without separators, not a year
    ("They donated 50,000 marks.", 50000, "DEM"),
    ("A ticket costs dlrs 15.", 15, "USD"),
])
def test_currencies_and_units_written_against_the_number(extract, text, value, unit):
    [fig] = extract(text).figures
    assert (fig.value, fig.unit) == (pytest.approx(value), unit)


def test_values_are_exact_decimals(extract):
    [fig] = extract("The pipeline cost $12.3bn.").figures
    assert fig.value == 12300000000.0 and repr(fig.value) == "12300000000.0"


def test_cents_are_in_the_currency_of_the_amount_before(extract):
    figs = extract("Profit was $3 million, or 45 cents a share.").figures
    assert [(f.value, f.unit) for f in figs] == [(3e6, "USD"), (0.45, "USD")]
    assert "share" in figs[1].measure


def test_a_range_is_one_figure(extract):
    [fig] = extract("Six or seven boats capsized near the dam.").figures
    assert (fig.value, fig.value_max, fig.approx) == (6, 7, "range")


@pytest.mark.parametrize(("text", "words"), [
    ("The blast killed 14 soldiers and wounded 30 civilians.", ["killed soldiers", "wounded civilians"]),
    ("The court imposed a fine of €2 million.", ["fine"]),
    ("Exports fell to $4 billion in May.", ["Exports fell"]),
    ("Rebels seized 40 square kilometres near the border.", ["seized square kilometres"]),
    ("Stadiums are only forty percent full.", ["Stadiums full"]),
])
def test_measure_says_what_is_counted(extract, text, words):
    assert [f.measure for f in extract(text).figures] == words


def test_reported_speech_gives_the_source(extract):
    ext = extract("Kyrgyzstan's health minister, Alymkadyr Beishenaliev, said that 1,200 doctors had quit.")
    [fig] = ext.figures
    assert fig.source and ext.entities[fig.source].name == "Alymkadyr Beishenaliev"
