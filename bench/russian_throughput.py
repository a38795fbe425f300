"""The Russian analyser (natasha as a spaCy Doc) against the bare English spaCy parse, in one process.

    python bench/russian_throughput.py [--rounds 3] [--ru ../shared/fixtures/news-ru-dev/corpus.jsonl]

Russian texts: the JSON Lines corpus given (default: the news-ru-dev gold set's, when it is there; else a
few paragraphs written for this script). English texts: sample/articles, cut to about as many words.
Prints words per second for each (tokens that are not whitespace) and their ratio.
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from khabar.config import Settings
from khabar.ingest import read
from khabar.nlp import load_model
from khabar.nlp.russian import load_russian

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample" / "articles"
RU_CORPUS = ROOT.parent / "shared" / "fixtures" / "news-ru-dev" / "corpus.jsonl"
OWN_RU = [
    "Министр иностранных дел Киргизии прибыл в Ташкент, где провёл переговоры с узбекским коллегой. Стороны обсудили "
    "строительство железной дороги и поставки электроэнергии. По словам министра, товарооборот вырос на 12% и превысил "
    "1,5 млрд долларов.",
    "В середине октября пограничники задержали около 40 человек, пытавшихся пересечь границу. Пресс-служба ведомства "
    "сообщила, что задержанные переданы следователям. Ранее власти пообещали усилить охрану южных рубежей.",
    "Протестующие вышли на центральную площадь Бишкека в понедельник. Полиция заявила, что акция не была согласована, "
    "однако никого не задержала. Организаторы пригрозили провести новый митинг на следующей неделе.",
]


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def russian_texts(path: Path) -> list[str]:
    if path.is_file():
        return [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return OWN_RU * 20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="passes over the texts (best is kept)")
    parser.add_argument("--ru", type=Path, default=RU_CORPUS, help="JSON Lines with a 'text' per line")
    args = parser.parse_args()
    ru = load_russian()
    en = load_model(Settings().model)
    ru_texts = russian_texts(args.ru)
    ru_words = sum(1 for doc in ru.pipe(ru_texts) for t in doc if not t.is_space)  # also warms natasha up
    en_texts, en_words = [], 0
    english = [d.text for d in read([str(SAMPLE)]) if hasattr(d, "text")]
    while en_words < ru_words:
        for doc in en.pipe(english):
            if en_words >= ru_words:
                break
            en_texts.append(doc.text)
            en_words += sum(1 for t in doc if not t.is_space)

    def run_ru() -> None:
        for _ in ru.pipe(ru_texts, batch_size=16):
            pass

    def run_en() -> None:
        for _ in en.pipe(en_texts, batch_size=16):
            pass

    t_ru = min(timed(run_ru) for _ in range(args.rounds))
    t_en = min(timed(run_en) for _ in range(args.rounds))
    print(f"Russian (natasha: morphology, syntax, NER, lemmas) {len(ru_texts)} texts, {ru_words:,} words: "
          f"{ru_words / t_ru:,.0f} words/s")
    print(f"English (spaCy {Settings().model}: parse + NER)       {len(en_texts)} texts, {en_words:,} words: "
          f"{en_words / t_en:,.0f} words/s")
    print(f"Russian takes {t_ru / t_en * en_words / ru_words:.2f}x the time of the English parse per word")


if __name__ == "__main__":
    main()
