"""Languages of the region: Russian analysed, Tajik, Uzbek, Kazakh, Kyrgyz, Persian (and Dari) and Pashto detected and
stored with their language, and counted. Sentences are our own."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from khabar.api import ingest
from khabar.ingest.language import detect_language
from khabar.store import Store

REGION = {
    "tg": "Президенти Тоҷикистон рӯзи чоршанбе дар Душанбе бо сафири Чин мулоқот кард. Ҷонибҳо масъалаҳои ҳамкории иқтисодӣ ва "
          "амниятро баррасӣ карданд.",
    "uz": "Oʻzbekiston Prezidenti Toshkentda Xitoy elchisi bilan uchrashdi. Tomonlar iqtisodiy hamkorlik masalalarini muhokama qildi.",
    "kk": "Қазақстан Президенті Астанада Қытай елшісімен кездесті. Тараптар экономикалық ынтымақтастық мәселелерін талқылады.",
    "ky": "Кыргызстандын президенти Бишкекте Кытайдын элчиси менен жолукту. Тараптар экономикалык кызматташтык маселелерин "
          "талкуулашты.",
    "fa": "وزارت امور خارجه افغانستان روز دوشنبه اعلام کرد که هیئتی به تاشکند سفر می‌کند تا درباره تجارت و ترانزیت گفتگو کند.",
    "ps": "د افغانستان د بهرنیو چارو وزارت ویلي چې یو پلاوی به تاشکند ته سفر وکړي او د سوداګرۍ په اړه به خبرې وکړي.",
    "ru": "Президент Таджикистана в среду встретился в Душанбе с послом Китая. Стороны обсудили экономическое сотрудничество.",
}


@pytest.mark.parametrize("language", sorted(REGION))
def test_the_region_s_languages_are_told_apart(language):
    assert detect_language(REGION[language]) == language


def test_an_uzbek_text_in_cyrillic_is_uzbek():
    assert detect_language("Ўзбекистон Президенти Тошкентда Хитой элчиси билан учрашди. Томонлар ҳамкорлик масалаларини "
                           "муҳокама қилди.") == "uz"


def test_a_short_russian_sentence_is_russian():
    assert detect_language("Киргизия закрыла границу.") == "ru"
    assert detect_language("Грузия принесла извинения Армении.") == "ru"  # Bulgarian by a hair for the classifier


@pytest.mark.parametrize(("text", "language"), [
    ("Министерството на външните работи на България осъди нападението.", "bg"),
    ("Влада Србије је осудила напад на амбасаду.", "sr"),
    ("Міністерство закордонних справ України засудило напад.", "uk"),
])
def test_other_short_cyrillic_sentences_keep_their_language(text, language):
    assert detect_language(text) == language


@pytest.fixture
def region(tmp_path):
    path = tmp_path / "region.jsonl"
    path.write_text("".join(json.dumps({"url": f"test:{lang}", "text": text, "published": "2023-03-15"}, ensure_ascii=False) + "\n"
                            for lang, text in REGION.items()), encoding="utf-8")
    return path


def test_russian_is_analysed_the_others_stored_with_their_language(region, tmp_path):
    db = f"sqlite:///{tmp_path / 'k.db'}"
    summary = ingest([str(region)], db=db)
    assert summary.added == 7 and not summary.errors
    assert summary.languages == {lang: 1 for lang in REGION}
    with Store(db) as store:
        docs = {d.language: d for d in store.documents()}
        analysed = {i.doc for kind in ("events", "statements") for i in store.items(_kind(kind))}
    assert set(docs) == set(REGION)
    assert docs["ru"].skipped is None and docs["ru"].id in analysed
    for lang in set(REGION) - {"ru"}:
        assert docs[lang].skipped.startswith(f"language is '{lang}': stored, not analysed")
        assert docs[lang].id not in analysed


def _kind(name: str):
    from khabar.records import Event, Statement

    return {"events": Event, "statements": Statement}[name]


def test_the_summary_and_the_report_count_documents_per_language(region, tmp_path):
    db = tmp_path / "k.db"
    env = {**os.environ, "COLUMNS": "200"}
    res = subprocess.run([sys.executable, "-m", "khabar.cli", "ingest", str(region), "--db", str(db)],
                         capture_output=True, text=True, env=env, check=False)
    assert res.returncode == 0, res.stderr
    assert "by language: ru 1 (analysed); " in res.stderr and "tg 1" in res.stderr and "ps 1" in res.stderr
    assert "(stored, not analysed)" in res.stderr
    report = subprocess.run([sys.executable, "-m", "khabar.cli", "report", "--db", str(db)], capture_output=True, text=True,
                            env=env, check=False)
    assert report.returncode == 0, report.stderr
    line = next(x for x in report.stdout.splitlines() if x.startswith("Documents by language:"))
    assert line.startswith("Documents by language: ru 1 (analysed); ") and all(f"{lang} 1" in line for lang in REGION)


def test_the_russian_analyser_is_loaded_only_when_a_russian_document_arrives():
    code = ("import json, sys; from khabar.extract.pipeline import run, build_russian; from khabar.records import Document; "
            "docs = [Document(id='a', url=None, title=None, text='Kyrgyzstan closed its border.', language='en'), "
            "Document(id='b', url=None, title=None, text='Bu matn o‘zbekcha.', language='uz')]; "
            "out = list(run(docs)); print(json.dumps([build_russian.cache_info().currsize, 'natasha' in sys.modules]))")
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(res.stdout.strip().splitlines()[-1]) == [0, False]
