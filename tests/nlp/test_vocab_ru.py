"""The Russian vocabulary: the English tables' names and shapes, codes of SPEC.md, lemmas as the analyser gives them."""
from __future__ import annotations

from datetime import date

import pycountry
import pytest

from khabar.extract.dates import normalize
from khabar.extract.events import lexicon
from khabar.nlp.russian import load_russian
from khabar.vocab import en as vocab
from khabar.vocab import ru as vocab_ru
from khabar.vocab import tables

CUES = {"say", "claim", "report", "deny", "promise", "threaten", "warn", "accuse", "criticize", "call", "estimate", "discuss"}


def test_every_english_table_has_a_russian_one_of_the_same_shape():
    english = [n for n in dir(vocab) if n.isupper() and not n.startswith("_")]
    assert len(english) > 40
    for name in english:
        assert hasattr(vocab_ru, name), name
        assert isinstance(getattr(vocab_ru, name), type(getattr(vocab, name))), name
    assert tables("ru") is vocab_ru and tables("en") is vocab and tables(None) is vocab


def test_codes_are_the_english_codes():
    assert set(vocab_ru.CUES.values()) | set(vocab_ru.CUES_WITH_PREP.values()) | set(vocab_ru.PHRASE_CUES.values()) <= CUES
    assert set(vocab_ru.APPROX.values()) <= set(vocab.APPROX.values())
    assert set(vocab_ru.PER.values()) <= set(vocab.PER.values())
    assert set(vocab_ru.SECTORS.values()) <= set(vocab.SECTOR_PRIORITY)
    assert set(vocab_ru.MODE_CUES) == set(vocab.MODE_CUES)
    currencies = {c.alpha_3 for c in pycountry.currencies}
    assert all(u in set(vocab.UNITS.values()) | currencies | {"count"} for u in vocab_ru.UNITS.values())


def test_the_russian_event_lexicon_is_compiled_like_the_english_one():
    senses = [s for group in lexicon("ru").values() for s in group]
    assert len(senses) > 300
    assert all(s.type in vocab.PLOVER and s.cameo.isdigit() for s in senses)
    assert {s.type for s in senses} == set(vocab.PLOVER)
    assert any(s.objects for s in senses) and any(s.preps for s in senses) and any("negated" in s.roles for s in senses)
    assert not set(lexicon("ru")) & set(lexicon("en"))  # no English trigger leaks into the Russian table


@pytest.mark.parametrize(("sentence", "table", "word"), [
    ("Власти Узбекистана задержали троих протестующих.", "COERCE", "задержать"),
    ("Делегации провели переговоры в Ашхабаде.", "CONSULT", "переговоры"),
    ("Брюссель ввёл санкции против двух банков.", "SANCTION", "санкция"),
    ("Боевики обстреляли колонну.", "ASSAULT", "обстрелять"),
    ("Мэр принёс извинения жителям.", "SUPPORT", "извинение"),
    ("Правительство выделило помощь пострадавшим.", "AID", "выделить"),
])
def test_event_lemmas_are_what_the_analyser_gives_in_context(sentence, table, word):
    lemmas = {t.lemma_ for t in load_russian()(sentence)}
    assert word in lemmas
    assert any(s.lemma == word or word in s.objects for group in lexicon("ru").values() for s in group if s.type == table)


def test_actor_and_cue_lemmas_in_context():
    doc = load_russian()("Военные и протестующие встретились, а пресс-секретарь пригрозил, что боевики ответят.")
    lemmas = {t.text: t.lemma_ for t in doc}
    assert vocab_ru.SECTORS[lemmas["Военные"]] == "MIL" and vocab_ru.SECTORS[lemmas["протестующие"]] == "CVL"
    assert vocab_ru.SECTORS[lemmas["боевики"]] == "REB" and vocab_ru.CUES[lemmas["пригрозил"]] == "threaten"
    assert "пресс-секретарь" in vocab_ru.TITLES


def test_number_words_in_every_case_and_scales():
    assert vocab_ru.NUMBER_WORDS["шестистах"] == 600 and vocab_ru.NUMBER_WORDS["девяноста"] == 90
    assert vocab_ru.NUMBER_WORDS["троих"] == 3 and vocab_ru.NUMBER_WORDS["полутора"] == 1.5
    assert vocab_ru.SCALE_WORDS["млрд"] == 1e9 and vocab_ru.SCALE_WORDS["тыс."] == 1e3 and vocab_ru.SCALE_WORDS["миллионами"] == 1e6
    assert vocab_ru.UNITS["рублей"] == "RUB" and vocab_ru.UNITS["сомони"] == "TJS" and vocab_ru.UNITS["%"] == "percent"
    assert vocab_ru.APPROX["свыше"] == "over" and vocab_ru.APPROX["не менее"] == "at_least" and vocab_ru.APPROX["до"] == "up_to"


PUB = date(2023, 3, 15)  # a Wednesday


@pytest.mark.parametrize(("text", "start", "end"), [
    ("в середине марта", "2023-03-11", "2023-03-20"),
    ("в начале февраля", "2023-02-01", "2023-02-10"),
    ("в конце 2019 года", "2019-09-01", "2019-12-31"),
    ("зимой", "2022-12-01", "2023-02-28"),
    ("накануне", "2023-03-14", "2023-03-14"),
    ("на прошлой неделе", "2023-03-06", "2023-03-14"),
    ("7 ноября 2018 года", "2018-11-07", "2018-11-07"),
    ("во вторник", "2023-03-14", "2023-03-14"),
    ("три года назад", "2020-01-01", "2020-12-31"),
    ("в восьмидесятые годы", "1980-01-01", "1989-12-31"),
    ("в следующем году", "2024-01-01", "2024-12-31"),
    ("в августе", "2023-08-01", "2023-08-31"),
    ("в последнее время", "2023-03-15", "2023-03-15"),
])
def test_russian_dates_resolve_through_the_english_rules(text, start, end):
    english = vocab_ru.date_to_english(text)
    value = normalize(english, PUB)
    assert (value.start, value.end) == (start, end), english


def test_what_is_not_a_date_has_no_english_expression():
    assert vocab_ru.date_to_english("в Душанбе") is None and vocab_ru.date_to_english("пять человек") is None
