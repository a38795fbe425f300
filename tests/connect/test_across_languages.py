"""Russian and English documents about the same actors: one entity per actor, and links between them. Own texts
(the reference article of ../shared is read, not copied: the Russian article beside this file is our own)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from khabar.api import extract, ingest
from khabar.store import Store, person_key

RUSSIAN_ARTICLE = Path(__file__).with_name("data") / "tajikistan-ru.txt"

DOCS = [
    {"url": "test:en-1", "published": "2023-09-06", "publisher": "Steppe Wire", "language": "en",
     "text": "In early September, 4,000 Afghan refugees were living in Kyrgyzstan, the migration service said. "
             "Kyrgyzstan denied that it had sent weapons to Tajikistan. "
             "On Monday, Kazakhstan's foreign minister met Uzbekistan's foreign minister in Tashkent."},
    {"url": "test:ru-1", "published": "2023-10-20", "publisher": "Вести Азии", "language": "ru",
     "text": "В середине октября в Киргизии находились 6 тысяч афганских беженцев, сообщила миграционная служба. "
             "По данным источников в Бишкеке, Киргизия направила оружие в Таджикистан."},
    {"url": "test:ru-2", "published": "2023-09-05", "publisher": "Вести Азии", "language": "ru",
     "text": "В понедельник министр иностранных дел Казахстана встретился в Ташкенте с министром иностранных дел Узбекистана."},
    {"url": "test:en-2", "published": "2023-10-21", "publisher": "Lake Times", "language": "en",
     "text": "The United Nations said that 12,000 Afghan refugees lived in Kyrgyzstan in mid-October."},
    {"url": "test:ru-3", "published": "2023-11-22", "publisher": "Вести Азии", "language": "ru",
     "text": "В середине ноября в Киргизии находились 9 тысяч афганских беженцев."},
]


@pytest.fixture
def corpus(tmp_path):
    path = tmp_path / "two-languages.jsonl"
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in DOCS), encoding="utf-8")
    return path


def _links(records: list[dict]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for r in records:
        if r["record"] == "link":
            out.setdefault(r["kind"], []).append(r)
    return out


def _languages(records: list[dict], link: dict) -> set[str]:
    docs = {r["id"]: r["language"] for r in records if r["record"] == "document"}
    return {docs[item.split(":")[0]] for item in link["items"]}


def test_each_kind_of_link_joins_a_russian_and_an_english_report(corpus):
    records = list(extract([str(corpus)]))
    links = _links(records)
    for kind in ("same_event", "denial", "series", "contradiction"):
        assert kind in links, kind
        assert any(_languages(records, link) == {"en", "ru"} for link in links[kind]), kind
    (denial,) = links["denial"]
    assert "направила оружие" in denial["note"] and "sent weapons" in denial["note"]
    (contradiction,) = links["contradiction"]
    assert contradiction["evidence"]["values"] == [12000.0, 6000.0] or contradiction["evidence"]["values"] == [6000.0, 12000.0]


def test_the_same_links_in_a_store(corpus, db_url):
    ingest([str(corpus)], db=db_url)
    with Store(db_url) as store:
        kinds = {link.kind for link in store.links()}
    assert {"same_event", "denial", "series", "contradiction"} <= kinds


@pytest.mark.parametrize("english", ["Shavkat Mirziyoyev", "Shavkat Mirziyoev"])  # two transliterations
def test_a_person_named_in_russian_and_in_english_is_one_entity(tmp_path, english):
    path = tmp_path / "people.jsonl"
    path.write_text(
        json.dumps({"url": "test:a", "language": "en", "text": f"{english} met the Chinese ambassador in Tashkent."}) + "\n" +
        json.dumps({"url": "test:b", "language": "ru", "text": "Шавкат Мирзиёев провёл переговоры в Пекине."},
                   ensure_ascii=False) + "\n", encoding="utf-8")
    people = [r for r in extract([str(path)]) if r["record"] == "entity" and r["kind"] == "person"]
    assert len(people) == 1 and len(people[0]["docs"]) == 2
    assert "Шавкат Мирзиёев" in [people[0]["name"], *people[0]["aliases"]]


def test_person_keys_are_one_across_scripts():
    assert person_key("Emomali Rahmon") == person_key("Эмомали Рахмон") == person_key("Emomali Rakhmon")


# Actors of the reference article that our Russian article names too, by the name the English record gives them.
SHARED_ACTORS = ["Emomali Rahmon", "Abdulaziz Kamilov", "Emmanuel Macron", "Ahmad Massoud", "Tajikistan", "Afghanistan",
                 "Russia", "France", "Uzbekistan", "Taliban", "National Resistance Front of Afghanistan", "Dushanbe", "Kabul"]


def test_the_reference_article_and_a_russian_one_give_one_entity_per_actor(shared, tmp_path):
    from tests.conftest import SEED

    db = f"sqlite:///{tmp_path / 'k.db'}"
    summary = ingest([str(SEED), str(RUSSIAN_ARTICLE)], db=db)
    assert summary.added == 2 and summary.languages == {"en": 1, "ru": 1}
    with Store(db) as store:
        docs = {d.language: d.id for d in store.documents()}
        entities = list(store.entities())
    for actor in SHARED_ACTORS:
        named = [e for e in entities if e.name == actor]
        assert len(named) == 1, (actor, [(e.name, e.aliases) for e in named])
        assert set(named[0].docs) == {docs["en"], docs["ru"]}, actor
        assert any(any("\u0400" <= ch <= "\u04ff" for ch in alias) for alias in named[0].aliases), actor  # its Russian name
        assert len(named[0].aliases) == len(set(named[0].aliases)), actor
