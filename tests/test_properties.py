"""Property-based tests (hypothesis): the cleaner, the date normaliser and the figure reader never crash
and keep their invariants on arbitrary text."""
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from khabar.extract.dates import normalize
from khabar.ingest import decode
from khabar.ingest.text import inline, parse_text

TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400)
MARKDOWN = st.lists(st.sampled_from(["# T", "By A", "May 5, 2021", "**Related article:** [x](#)", "[a](b)", "\\$5",
                                     "*x*", "word", "\n\n", "Original url:", "<http://x.org>", "---", "_y_"]), max_size=40)


PLAIN = st.text(alphabet=st.characters(whitelist_categories=("L", "N"), whitelist_characters=" .,:;'-!?"), max_size=30)
LABEL = PLAIN.filter(lambda t: any(ch.isalnum() for ch in t))
URL = st.from_regex(r"(https?://[a-z0-9.]{1,20}/[a-z0-9/_-]{0,20}|#|)", fullmatch=True)


@given(st.lists(st.tuples(PLAIN, LABEL, URL, st.booleans()), min_size=1, max_size=5))
def test_inline_keeps_link_text_and_drops_link_syntax(parts):
    """[label](url) becomes its label, ![alt](src) disappears, whatever surrounds them."""
    text = " ".join(f"{before} {'!' if image else ''}[{label}]({url})" for before, label, url, image in parts)
    out = inline(text)
    assert "](" not in out
    for _, label, url, image in parts:
        words = " ".join(label.split())
        if not image:
            assert words in out, (text, out)
        if url.startswith("http"):
            assert url not in out


@given(TEXT)
def test_inline_never_crashes(text):
    assert isinstance(inline(text), str)


@given(MARKDOWN.map("\n\n".join))
@settings(deadline=None)  # parse_text runs the date parser: ~200 ms on a slow machine, Hypothesis' default deadline
def test_parse_text_body_is_clean(text):
    parsed = parse_text(text)
    assert "**" not in parsed.body and "Related article" not in parsed.body
    assert isinstance(parsed.authors, list)


@given(TEXT, st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)), st.sampled_from([None, "past", "future"]))
@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
def test_normalize_never_crashes_and_orders_its_range(text, published, tense):
    value = normalize(text, published, tense)
    assert (value.start is None) == (value.end is None)
    if value.start:
        assert value.start <= value.end


@given(st.binary(max_size=300))
def test_decode_returns_text_or_one_clear_error(data):
    from khabar.errors import InputError

    try:
        assert isinstance(decode(data, "x"), str)
    except InputError as exc:
        assert "\n" not in str(exc) and str(exc).startswith("x: ")


@given(st.lists(st.sampled_from(["1e309", "10^100", "12", "twenty", "thousand", "of", "hundreds", "$", "%", "km", "up to",
                                 "a", "half", "and", "1/0", "-", "9" * 40, "2.5", "million", "people"]), max_size=20))
@settings(deadline=None, max_examples=60)
def test_figure_reader_never_crashes(words):
    from khabar.api import extract_text

    for fig in extract_text(" ".join(words) + ".").figures:
        assert fig.value is None or abs(fig.value) < 1e300
        assert 0 <= fig.start < fig.end
