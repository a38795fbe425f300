"""Russian documents through the whole pipeline: the same components, Russian tables. Sentences are our own."""
from __future__ import annotations

import pytest

from khabar.extract import Extraction
from khabar.extract.pipeline import run
from khabar.records import Document

PUB = "2023-03-15"  # a Wednesday


def extract_ru(text: str, published: str | None = PUB) -> Extraction:
    (_, ext), = run([Document(id="ru", url=None, title=None, text=text, language="ru", published=published)])
    assert ext is not None
    return ext


def named(ext: Extraction, eid: str | None) -> str | None:
    return ext.entities[eid].name if eid in ext.entities else None


# --- statements ----------------------------------------------------------------

@pytest.mark.parametrize(("text", "cue", "speaker", "said"), [
    ("Министр финансов Киргизии Алмаз Баетов заявил, что бюджет будет исполнен.", "say", "Алмаз Баетов", "бюджет"),
    ("Пресс-служба МЧС Казахстана сообщила, что пожар потушен.", "report", "МЧС Казахстана", "пожар"),
    ("По словам Нурлана Абенова, переговоры продолжатся весной.", "say", "Нурлан Абенов", "переговоры"),
    ("По данным ООН, в лагере живут беженцы из трёх стран.", "report", "ООН", "лагере"),
    ("Правительство Монголии опровергло сообщения о закрытии границы.", "deny", "Монголия", "закрытии"),
    ("Мэр Оша пообещал, что новая школа откроется осенью.", "promise", None, "школа"),
    ("Глава МИД Ирана пригрозил, что Тегеран ответит на санкции.", "threaten", "МИД Ирана", "Тегеран"),
    ("Армения обвинила Азербайджан в обстреле приграничных сёл.", "accuse", "Армения", "Азербайджан"),
    ("Генсек ООН призвал стороны прекратить огонь.", "call", "ООН", "прекратить"),
    ("Как сообщает агентство «Кабар», рейс задержан на два часа.", "report", "Кабар", "рейс"),
    ("«Мы не ведём переговоров с похитителями», — сказал Ильхам Мамедов.", "say", "Ильхам Мамедов", "переговоров"),
])
def test_reporting_verbs_and_phrases(text, cue, speaker, said):
    ext = extract_ru(text)
    found = [s for s in ext.statements if s.cue == cue]
    assert found, [(s.cue, s.verb) for s in ext.statements]
    st = found[0]
    assert said in st.content
    if speaker:
        assert speaker in (named(ext, st.speaker) or "") or speaker in (st.speaker_text or "")


def test_a_pronoun_speaker_is_the_person_it_stands_for():
    ext = extract_ru("Айбек Жумабаев прилетел в Алматы. Он заявил, что контракт будет подписан.")
    (st,) = [s for s in ext.statements if s.cue == "say"]
    assert named(ext, st.speaker) == "Айбек Жумабаев"


# --- figures ---------------------------------------------------------------------

@pytest.mark.parametrize(("text", "value", "unit", "approx"), [
    ("На митинг пришли 600 человек.", 600, "count", "exact"),
    ("Долг за газ составил 11 млн долларов.", 11e6, "USD", "exact"),
    ("Явка составила около 20%.", 20, "percent", "about"),
    ("На площади собрались свыше 10 тыс. человек.", 10_000, "count", "over"),
    ("Ущерб оценили в 2,5 млрд рублей.", 2.5e9, "RUB", "exact"),
    ("Кандидат набрал 52,1 % голосов.", 52.1, "percent", "exact"),
    ("Суд назначил ему 20-летний срок.", 20, "year", "exact"),
    ("Разница во времени составит не менее шестичасовой.", None, None, None),
    ("Дефицит превысил более триллиона долларов.", 1e12, "USD", "over"),
    ("В лагерь прибыли восемьсот сорок беженцев.", 840, "count", "exact"),
    ("Оппозиция вывела на улицы тысячи сторонников.", None, "count", "about"),
])
def test_numbers_units_and_qualifiers(text, value, unit, approx):
    ext = extract_ru(text)
    if unit is None:
        return
    (f,) = [f for f in ext.figures if f.unit == unit]
    assert f.value == (pytest.approx(value) if value is not None else None) and f.approx == approx


def test_a_change_gives_both_numbers_the_unit_written_once():
    ext = extract_ru("Разница во времени сократилась с десяти до восьми часов, а в соседнем регионе — с двух часов до одного.")
    assert [(f.value, f.unit) for f in ext.figures] == [(10, "hour"), (8, "hour"), (2, "hour"), (1, "hour")]


def test_what_is_not_a_figure():
    ext = extract_ru("Итоги голосования:\n1. Иван Петров — 40 %\n2. Олег Сидоров — 35 %\nОн несколько раз выступал. "
                     "Один из кандидатов снялся в 2019 году.")
    assert sorted(f.value for f in ext.figures) == [35, 40]


@pytest.mark.parametrize("text", [
    "Его обвинили по статье 212 Уголовного кодекса.", "Заседание началось в 10 часов утра.", "Встреча назначена на 15:30.",
    "65-летний политик вернулся в Бишкек.", "В доме № 12 по улице Ленина начался пожар.", "Первые 10 дней августа прошли спокойно.",
])
def test_articles_clock_times_ages_and_spans_of_time_are_no_figures(text):
    assert extract_ru(text).figures == []


def test_a_figure_counts_a_noun_at_a_place():
    ext = extract_ru("В середине мая в Туркмении находились 3 тысячи иранских паломников.")
    (f,) = ext.figures
    assert f.value == 3000 and f.place == "TKM" and "паломник" in f.measure
    assert f.date.start == "2022-05-11"  # the last May before publication: the verb is in the past


# --- dates -----------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expression", "start", "end"), [
    ("В середине октября граница была закрыта.", "середине октября", "2022-10-11", "2022-10-20"),
    ("В начале сентября начались учения.", "начале сентября", "2022-09-01", "2022-09-10"),
    ("Летом засуха погубила урожай.", "Летом", "2022-06-01", "2022-08-31"),
    ("Накануне делегация прилетела в Баку.", "Накануне", "2023-03-14", "2023-03-14"),
    ("На прошлой неделе парламент принял закон.", "прошлой неделе", "2023-03-06", "2023-03-14"),
    ("Договор подписали 5 апреля 2011 года.", "5 апреля 2011 года", "2011-04-05", "2011-04-05"),
    ("Утром в понедельник в Душанбе прошёл дождь.", "Утром в понедельник", "2023-03-13", "2023-03-13"),
    ("Выборы прошли в ноябре прошлого года.", "ноябре прошлого года", "2022-11-01", "2022-11-30"),
])
def test_time_expressions_resolved_against_the_publication_date(text, expression, start, end):
    ext = extract_ru(text)
    (d,) = ext.dates
    assert d.text == expression and (d.date.start, d.date.end) == (start, end)


def test_an_undated_text_dates_a_day_by_the_year_it_gave_before():
    ext = extract_ru("Соглашение подписали 12 июня 2009 года. Ещё 3 марта стороны обменялись нотами.", published=None)
    assert [(d.text, d.date.start) for d in ext.dates] == [("12 июня 2009 года", "2009-06-12"), ("3 марта", "2009-03-03")]


def test_adjectives_of_months_and_days_are_dates():
    ext = extract_ru("После январских выборов прошёл субботний митинг.")
    assert [d.text for d in ext.dates] == ["январских", "субботний"]


# --- events ----------------------------------------------------------------------

@pytest.mark.parametrize(("text", "type_", "source", "target"), [
    ("Министр иностранных дел Казахстана провёл переговоры с коллегой из Китая.", "CONSULT", "Казахстан", "Китай"),
    ("Президент Узбекистана встретился с послом Японии.", "CONSULT", "Узбекистан", "Япония"),
    ("Премьер-министр Индии посетил Бишкек.", "CONSULT", "Индия", "Бишкек"),
    ("Евросоюз ввёл санкции против Белоруссии.", "SANCTION", "Евросоюз", "Белоруссия"),
    ("Полиция Алматы задержала двух журналистов.", "COERCE", None, "журналистов"),
    ("Боевики нанесли удар по военной базе.", "ASSAULT", "Боевики", None),
    ("Фермеры провели акцию протеста у здания парламента.", "PROTEST", "Фермеры", None),
    ("Мэр Бишкека принёс извинения жителям.", "SUPPORT", None, "жителям"),
    ("Грузия отозвала посла из Москвы.", "SANCTION", "Грузия", None),
    ("Лидер оппозиции был арестован в аэропорту.", "COERCE", None, "Лидер оппозиции"),  # a group named with its genitive
    ("Пограничники открыли огонь по нарушителям.", "ASSAULT", "Пограничники", "нарушителям"),
    ("Власти Таджикистана выслали из страны трёх иностранных журналистов.", "COERCE", "Таджикистан", "журналистов"),
    ("Президенты двух стран договорились о строительстве газопровода.", "AGREE", "Президенты", None),
    ("Правительство Казахстана выразило протест в связи с задержанием граждан.", "ACCUSE", "Казахстан", None),
    ("Казахстан поддержал инициативу Монголии.", "SUPPORT", "Казахстан", "Монголия"),  # whose the thing is
    ("Митингующие потребовали отставки мэра Оша.", "REQUEST", "Митингующие", None),  # a participle as a noun
    ("Протестующие собрались у здания парламента в Бишкеке.", "PROTEST", "Протестующие", None),
    ("Генпрокуратура Казахстана предъявила обвинение бывшему министру.", "COERCE", "Казахстан", None),  # charges brought
    ("Азербайджан предупредил Армению о последствиях.", "THREATEN", "Азербайджан", "Армения"),
])
def test_events_with_their_actors(text, type_, source, target):
    ext = extract_ru(text)
    events = [e for e in ext.events if e.type == type_]
    assert events, [(e.type, e.trigger) for e in ext.events]
    ev = events[0]
    if source:
        assert source in (named(ext, ev.source) or "")
    if target:
        assert target in (named(ext, ev.target) or "")


def test_a_refusal_written_as_a_negated_perfective_verb():
    ext = extract_ru("Правительство Молдавии не признало итоги референдума.")
    (ev,) = ext.events
    assert ev.type == "REJECT" and named(ext, ev.source) == "Молдавия"


def test_modes():
    promised = extract_ru("Япония пообещала выделить помощь пострадавшим районам.").events
    planned = extract_ru("Министр должен прибыть в Ашхабад в пятницу.").events
    negated = extract_ru("Туркмения не вводила санкций против соседей.").events
    assert any(e.type == "AID" and e.mode == "promised" for e in promised)
    assert any(e.type == "CONSULT" and e.mode == "planned" for e in planned)
    assert not negated or all(e.mode == "negated" for e in negated)


# --- actors ----------------------------------------------------------------------

def test_actors_carry_the_english_records_ids_and_codes():
    from khabar.api import extract_text

    ru = extract_ru("МИД России заявил, что Москва не допустит провокаций. В Душанбе прошли переговоры.")
    en = extract_text("Russia's foreign ministry met officials in Dushanbe.", published=PUB)
    russia = next(e for e in ru.entities.values() if e.kind == "country")
    assert russia.name == "Россия" and russia.id in en.entities and "Russia" in russia.aliases
    dushanbe = next(e for e in ru.entities.values() if e.name == "Душанбе")
    assert dushanbe.kind == "location" and dushanbe.id in en.entities
    ministry = next(e for e in ru.entities.values() if e.name == "МИД России")
    assert ministry.country == "RUS" and ministry.actor_code == "RUSGOV"
    (st,) = ru.statements
    assert st.speaker == ministry.id


def test_a_person_s_role_gives_a_country_and_a_code():
    ext = extract_ru("Министр обороны Киргизии Бекболот Бердибаев прибыл в Москву.")
    person = next(e for e in ext.entities.values() if e.kind == "person")
    assert person.name == "Бекболот Бердибаев" and person.country == "KGZ" and person.actor_code == "KGZGOV"
    assert "Bekbolot Berdibayev" in person.aliases  # the Latin transliteration


def test_a_capital_that_acts_is_its_country():
    ext = extract_ru("Ташкент осудил нападение на пограничников.")
    (ev,) = [e for e in ext.events if e.type == "ACCUSE"]
    assert ext.entities[ev.source].kind == "country" and ext.entities[ev.source].country == "UZB"


def test_a_country_named_only_by_an_adjective_is_an_entity_once_a_record_names_it():
    acting = extract_ru("Пакистанские военные задержали трёх контрабандистов.")
    passing = extract_ru("На пакистанском рынке подорожала мука.")
    assert any(e.country == "PAK" for e in acting.entities.values())
    assert not any(e.country == "PAK" for e in passing.entities.values())


def test_a_surname_the_tagger_missed_is_the_person_named_before():
    ext = extract_ru("Премьер-министр Монголии Лувсаннамсрайн Оюун-Эрдэнэ прилетел в Пекин. Оюун-Эрдэнэ также осудил санкции.")
    people = [e for e in ext.entities.values() if e.kind == "person"]
    assert len(people) == 1
    assert any(e.type == "ACCUSE" and e.source == people[0].id for e in ext.events)


def test_extract_text_reads_a_russian_text_as_russian():
    from khabar.api import extract_text
    assert [e.type for e in extract_text("Казахстан поддержал инициативу Монголии.").events] == ["SUPPORT"]
    assert extract_text("Kazakhstan backed Mongolia's initiative.", language="en").events[0].type == "SUPPORT"
