"""The Russian analyser (natasha as a spaCy Doc) and names across Russian and English. Sentences are our own."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from spacy.matcher import DependencyMatcher

from khabar.errors import KhabarError
from khabar.nlp import names, russian


@pytest.fixture(scope="module")
def nlp():
    return russian.load_russian()


ODD = ("\r\n  Глава МИД Киргизии\tпосетил  Ташкент.\r\n\r\nВ   понедельник\u00a0делегация вернулась в Бишкек. \n"
       "«Переговоры прошли успешно», — сказал дипломат.  ")


def test_text_and_offsets_are_exact_with_odd_whitespace(nlp):
    doc = nlp(ODD)
    assert doc.text == ODD
    for token in doc:
        assert ODD[token.idx : token.idx + len(token)] == token.text
    assert "".join(t.text_with_ws for t in doc) == ODD
    assert [t.text for t in doc if not t.is_space][:4] == ["Глава", "МИД", "Киргизии", "посетил"]


def test_every_character_survives_whatever_razdel_skips(nlp):
    text = "Курс: 1$ = 90₽ \u200b и\u2028всё.\x0b"
    assert nlp(text).text == text


def test_sentences_lemmas_pos_morphology_and_heads(nlp):
    doc = nlp("Премьер-министр Казахстана провёл переговоры в Астане. Минск не признал итоги голосования.")
    assert len(list(doc.sents)) == 2
    by_text = {t.text: t for t in doc}
    assert by_text["провёл"].lemma_ == "провести" and by_text["провёл"].pos_ == "VERB"
    assert by_text["переговоры"].dep_ == "dobj" and by_text["переговоры"].head.text == "провёл"
    assert by_text["Премьер-министр"].dep_ == "nsubj"
    assert by_text["не"].dep_ == "neg"  # UD advmod, renamed as the English model names it
    assert by_text["Казахстана"].morph.get("Case") == ["Gen"]
    assert {t.dep_ for t in doc if t.dep_ == "ROOT"} == {"ROOT"} and sum(t.dep_ == "ROOT" for t in doc) == 2
    assert not {"obj", "root", "nsubj:pass"} & {t.dep_ for t in doc}


def test_whitespace_tokens_hang_inside_their_sentence(nlp):
    doc = nlp("Москва ответила.\n\nКиев промолчал.")
    space = next(t for t in doc if t.is_space)
    assert space.pos_ == "SPACE" and space.head.text == "." and space.sent.text.startswith("Москва")


def test_entities_are_labelled_as_the_english_model_labels_them(nlp):
    doc = nlp("Пограничники ГКНБ заметили лодку на реке Пяндж, сообщил Нурсултан Назарбаев в Таджикистане.")
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels["Нурсултан Назарбаев"] == "PERSON"
    assert labels["Таджикистане"] == "GPE"  # a country: GPE
    assert labels["Пяндж"] == "LOC"  # a river: LOC
    assert labels["ГКНБ"] == "ORG"


def test_a_city_is_a_gpe(nlp):
    assert {e.text: e.label_ for e in nlp("Самолёт вылетел из Бишкека.").ents}.get("Бишкека") == "GPE"


def test_pipe_gives_what_calls_give(nlp):
    texts = ["Ташкент закрыл границу.", "", "   ", "Делегация Ирана прибыла в Кабул. Встреча продлилась час."]
    piped = list(nlp.pipe(texts))
    for text, doc in zip(texts, piped, strict=True):
        single = nlp(text)
        assert doc.text == text
        assert [(t.lemma_, t.dep_, t.head.i) for t in doc] == [(t.lemma_, t.dep_, t.head.i) for t in single]
        assert [(e.text, e.label_) for e in doc.ents] == [(e.text, e.label_) for e in single.ents]


def test_dependency_matcher_runs_on_its_docs(nlp):
    """The English components' tool works unchanged: a reporting verb with its subject."""
    doc = nlp("Министр обороны Узбекистана заявил, что учения завершились.")
    matcher = DependencyMatcher(nlp.vocab)
    matcher.add("CUE", [[{"RIGHT_ID": "verb", "RIGHT_ATTRS": {"LEMMA": "заявить"}},
                         {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "who", "RIGHT_ATTRS": {"DEP": "nsubj"}}]])
    (_, (verb, who)), = matcher(doc)
    assert doc[who].text == "Министр"


def test_khabar_components_can_be_added_after_it(nlp):
    from spacy.language import Language

    if "test_verb_lemmas" not in Language.factories:
        @Language.component("test_verb_lemmas")
        def verbs(doc):
            doc.user_data["verbs"] = [t.lemma_ for t in doc if t.pos_ == "VERB"]
            return doc
    pipeline = russian.load_russian.__wrapped__()
    pipeline.add_pipe("test_verb_lemmas")
    assert pipeline("Армия отступила, а полиция задержала троих.").user_data["verbs"] == ["отступить", "задержать"]


def test_models_come_from_the_installed_wheel():
    import natasha.data

    root = Path(natasha.data.__file__).parent
    for path in (natasha.data.NEWS_EMBEDDING, natasha.data.NEWS_MORPH, natasha.data.NEWS_SYNTAX, natasha.data.NEWS_NER):
        assert Path(path).is_file() and root in Path(path).parents


def test_missing_natasha_is_one_clear_line(monkeypatch):
    russian.models.cache_clear()
    names.morph_vocab.cache_clear()
    monkeypatch.setitem(sys.modules, "natasha", None)
    try:
        with pytest.raises(KhabarError) as err:
            russian.models()
        assert "natasha" in str(err.value) and "\n" not in str(err.value)
    finally:
        monkeypatch.undo()
        russian.models.cache_clear()
        names.morph_vocab.cache_clear()


def test_english_path_never_imports_natasha(tmp_path):
    code = ("import sys, json; from khabar.api import extract_text; import khabar.nlp.russian, khabar.nlp.names; "
            "ext = extract_text('Kyrgyzstan closed its border with Tajikistan on Monday.', published='2023-03-06'); "
            "print(json.dumps([len(ext.events), sorted(m for m in ('natasha', 'slovnet', 'navec', 'pymorphy2', 'razdel') "
            "if m in sys.modules)]))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=tmp_path)
    assert json.loads(out.stdout.strip().splitlines()[-1])[1] == []


# --- names ------------------------------------------------------------------

def test_names_are_put_in_the_nominative_with_surface_forms_as_aliases(nlp):
    doc = nlp("Вчера Нурсултан Назарбаев встретился с Шавкатом Мирзиёевым. Позже журналисты спросили Назарбаева о Туркмении.")
    found = {e.name: e for e in names.entity_names(doc)}
    assert "Шавкат Мирзиёев" in found and found["Шавкат Мирзиёев"].aliases == ["Шавкатом Мирзиёевым"]
    assert "Назарбаева" in found["Нурсултан Назарбаев"].aliases  # the surname alone joins the full name
    assert found["Туркмения"].country == "TKM"
    assert found["Нурсултан Назарбаев"].latin == "Nursultan Nazarbayev"


def test_organisation_keeps_its_dependents_and_its_capitals(nlp):
    doc = nlp("Представитель ООН встретился с сотрудниками МИДа Казахстана.")
    spans = {e.text: e for e in doc.ents}
    org = next(s for s in spans.values() if s.label_ == "ORG" and s.text.startswith("МИД"))
    assert names.normal_form(org).startswith("МИД")


@pytest.mark.parametrize(("a", "b"), [("Рахмон", "Rahmon"), ("Рахмон", "Rakhmon"), ("Лавров", "Lavrov"),
                                      ("Зеленский", "Zelensky"), ("Зеленский", "Zelenskiy"), ("Сергей", "Sergei"),
                                      ("Ахмад Шах Масуд", "Ahmad Shah Massoud"), ("Мирзиёев", "Mirziyoyev"),
                                      ("Таджикистан", "Tajikistan"), ("Макрон", "Macron")])
def test_one_key_across_scripts_and_transliterations(a, b):
    assert names.name_key(a) == names.name_key(b)


@pytest.mark.parametrize(("a", "b"), [("Рахмон", "Rahman"), ("Лавров", "Lavrin"), ("Ахмад Масуд", "Ahmad Shah Massoud")])
def test_different_names_keep_different_keys(a, b):
    assert names.name_key(a) != names.name_key(b)


def test_transliteration_schemes():
    assert names.transliterate("Зеленский") == "Zelensky"
    assert names.transliterate("Зеленский", "bgn_pcgn") == "Zelenskiy"
    assert names.transliterate("Kabul") == "Kabul"
    with pytest.raises(KhabarError):
        names.transliterate("Кабул", "klingon")


@pytest.mark.parametrize(("text", "code"), [("Россия", "RUS"), ("России", "RUS"), ("Russia", "RUS"), ("российский", "RUS"),
                                            ("российскими", "RUS"), ("россияне", "RUS"), ("Таджикистаном", "TJK"),
                                            ("таджики", "TJK"), ("Tajikistan", "TJK"), ("Соединёнными Штатами", "USA"),
                                            ("США", "USA"), ("Южной Кореи", "KOR"), ("немецкие", "DEU"),
                                            ("Кыргызстана", "KGZ"), ("Киргизией", "KGZ")])
def test_country_names_adjectives_and_peoples_map_to_iso3(text, code):
    assert names.country_code(text) == code


def test_a_city_is_a_place_not_a_country():
    assert names.country_code("Душанбе") is None
    assert names.place_code("Душанбе") == "TJK" and names.place_code("Кабуле") == "AFG"
    assert names.place_code("Памир") is None


def test_a_name_and_its_bracketed_abbreviation_are_two_entities(nlp):
    doc = nlp("Представители Организации Договора о коллективной безопасности (ОДКБ) прибыли в Душанбе.")
    assert [(e.text, e.label_) for e in doc.ents][:2] == [("Организации Договора о коллективной безопасности", "ORG"), ("ОДКБ", "ORG")]


def test_an_organisation_keeps_the_country_it_belongs_to(nlp):
    doc = nlp("Сотрудники МИД Узбекистана и Совета безопасности Киргизии встретились.")
    assert [(e.text, e.label_) for e in doc.ents] == [("МИД Узбекистана", "ORG"), ("Совета безопасности Киргизии", "ORG")]
    found = names.entity_names(doc)
    assert [e.name for e in found] == ["МИД Узбекистана", "Совет безопасности Киргизии"]
    assert [e.country for e in found] == ["UZB", "KGZ"]


def test_a_people_is_not_a_place(nlp):
    doc = nlp("Американцы и таджики проголосовали.")
    assert {e.text: e.label_ for e in doc.ents}.get("Американцы") in {None, "NORP"}
    assert names.demonym_code("американцы") == "USA" and names.demonym_code("Америка") is None


def test_a_russian_report_meets_the_english_names_of_the_same_actors(nlp):
    """Each actor of a Russian text of ours has the key or country of its English name."""
    doc = nlp("Эмомали Рахмон принял в Душанбе Абдулазиза Камилова. Они обсудили движение «Талибан» и Ахмада Масуда.")
    found = {e.key: e for e in names.entity_names(doc)}
    for english in ("Emomali Rahmon", "Abdulaziz Kamilov", "Taliban", "Ahmad Massoud"):
        assert names.name_key(english) in found, english
    assert found[names.name_key("Dushanbe")].country == names.country_code("Tajikistan") == "TJK"


def test_a_man_s_name_the_dictionary_does_not_know_loses_its_case_ending(nlp):
    doc = nlp("Делегация встретилась с Ахмадом Масудом, а позже журналисты писали о Масуде.")
    (entry,) = [e for e in names.entity_names(doc) if e.label == "PERSON"]
    assert entry.name == "Ахмад Масуд" and "Масуде" in entry.aliases


# --- the tree in the English shape ----------------------------------------------

def test_a_preposition_heads_its_noun_as_in_english(nlp):
    doc = nlp("Делегация Ирана провела переговоры в Ашхабаде с представителями Туркмении.")
    by_text = {t.text: t for t in doc}
    assert by_text["в"].dep_ == "prep" and by_text["в"].head.text in {"провела", "переговоры"}
    assert by_text["Ашхабаде"].dep_ == "pobj" and by_text["Ашхабаде"].head.text == "в"
    assert by_text["представителями"].head.text == "с" and by_text["с"].dep_ == "prep"
    assert "case" not in {t.dep_ for t in doc} and "obl" not in {by_text["Ашхабаде"].dep_}


def test_a_preposition_of_a_subject_stays_with_it(nlp):
    doc = nlp("Около 300 человек вышли на площадь.")
    by_text = {t.text: t for t in doc}
    assert by_text["человек"].dep_ == "nsubj" and by_text["Около"].head.text == "человек"


def test_the_agent_of_a_passive_is_its_subject():
    """UD's obl:agent is the noun itself ("одобрено парламентом"), where English has "by" -> pobj."""
    from spacy.tokens import Doc

    from khabar.extract.syntax import subject_of

    vocab = russian.load_russian().vocab
    doc = Doc(vocab, words=["Решение", "одобрено", "парламентом"], heads=[1, 1, 1], deps=["nsubjpass", "ROOT", "agent"],
              pos=["NOUN", "VERB", "NOUN"])
    assert subject_of(doc[1]).text == "парламентом"


def test_loops_and_extra_roots_become_one_tree():
    heads, labels = [1, 2, 0, 3, 3, 5], ["a", "b", "c", "ROOT", "x", "ROOT"]  # 0 -> 1 -> 2 -> 0 and two roots
    russian._one_tree(heads, labels, list(range(6)))
    roots = [i for i, h in enumerate(heads) if h == i]
    assert roots == [3] and labels[3] == "ROOT" and labels[5] == "parataxis" and heads[5] == 3
    for i in range(6):  # every word reaches the root
        seen = set()
        while heads[i] != i:
            assert i not in seen
            seen.add(i)
            i = heads[i]


def test_a_reporting_clause_after_the_news_is_its_parataxis(nlp):
    doc = nlp("В Оше задержали двух человек, сообщила полиция.")
    verb = next(t for t in doc if t.lemma_ == "сообщить")
    assert verb.dep_ in {"parataxis", "ccomp", "conj"} and sum(t.dep_ == "ROOT" for t in doc) == 1


# --- names across languages ---------------------------------------------------------

def test_an_instrumental_surname_puts_the_whole_name_in_the_nominative(nlp):
    doc = nlp("Посол встретился с Абдурахимом Каримовым.")
    (entry,) = [e for e in names.entity_names(doc) if e.label == "PERSON"]
    assert entry.name == "Абдурахим Каримов"


def test_english_names_of_russian_places_and_organisations():
    assert names.english_place("Душанбе") == "Dushanbe" and names.english_place("Москве") == "Moscow"
    assert names.english_organization("талибы") == "Taliban" and names.english_organization("ООН") == "United Nations"
    assert names.english_organization("Газпром") is None
    assert names.country_name("KAZ") == "Казахстан" and names.adjective_code("казахстанский") == "KAZ"


def test_dictionary_forms():
    assert names.dictionary_form("беженцев") == "беженец" and names.dictionary_form("Refugees") == "refugees"


def test_an_adjective_or_participle_standing_as_a_noun_is_a_noun_with_its_own_lemma():
    from khabar.nlp.russian import load_russian
    doc = load_russian()("Бастующие перекрыли дорогу, а рабочие ушли.")
    assert [(t.pos_, t.lemma_) for t in doc if t.lower_ in {"бастующие", "рабочие"}] == [("NOUN", "бастующий"), ("NOUN", "рабочий")]
