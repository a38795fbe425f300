"""Russian analysis and extraction against English, per word, in one process.

    python bench/russian_throughput.py [--rounds 3] [--ru ../shared/fixtures/news-ru-dev/corpus.jsonl]

Russian texts: the JSON Lines corpus given (default: the news-ru-dev gold set's, when it is there; else a
few paragraphs written for this script). English texts: sample/articles, cut to about as many words.
For each language: words per second of the bare analyser (natasha: morphology, syntax, NER, lemmas; spaCy's
English model: parse and NER) and of khabar's whole extraction on it (the same components, by name), and
their ratio; then Russian's time per word against English's, for the bare analysis and for the extraction.
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from khabar.config import Settings
from khabar.extract.pipeline import build, build_russian, prepare
from khabar.ingest import read
from khabar.nlp import load_model
from khabar.nlp.russian import load_russian
from khabar.records import Document

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


def _documents(texts: list[str], language: str) -> list[Document]:
    return [Document(id=f"{language}{n}", url=None, title=None, text=t, language=language) for n, t in enumerate(texts)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="passes over the texts (best is kept)")
    parser.add_argument("--ru", type=Path, default=RU_CORPUS, help="JSON Lines with a 'text' per line")
    args = parser.parse_args()
    ru_bare, ru_full = load_russian(), build_russian()
    en_bare, en_full = load_model(Settings().model), build(Settings().model)
    en_names = [n for n in en_full.pipe_names if not n.startswith("khabar_")]
    ru_texts = russian_texts(args.ru)
    ru_words = sum(1 for doc in ru_bare.pipe(ru_texts) for t in doc if not t.is_space)  # also warms natasha up
    en_texts, en_words = [], 0
    english = [d.text for d in read([str(SAMPLE)]) if hasattr(d, "text")]
    with en_bare.select_pipes(enable=en_names):  # the English model is shared with the pipeline that has khabar's components
        while en_words < ru_words:
            for doc in en_bare.pipe(english):
                if en_words >= ru_words:
                    break
                en_texts.append(doc.text)
                en_words += sum(1 for t in doc if not t.is_space)
    ru_docs, en_docs = _documents(ru_texts, "ru"), _documents(en_texts, "en")

    def bare(nlp, texts, names=None):
        def go() -> None:
            with nlp.select_pipes(enable=names or nlp.pipe_names):
                for _ in nlp.pipe(texts, batch_size=16):
                    pass
        return go

    def full(nlp, docs):
        def go() -> None:
            for _ in nlp.pipe((prepare(nlp, d) for d in docs), batch_size=16):
                pass
        return go

    full(ru_full, ru_docs)()  # warm up: lexicons, matchers, gazetteers
    full(en_full, en_docs)()
    t_ru = min(timed(bare(ru_bare, ru_texts)) for _ in range(args.rounds))
    t_ru_full = min(timed(full(ru_full, ru_docs)) for _ in range(args.rounds))
    t_en = min(timed(bare(en_bare, en_texts, en_names)) for _ in range(args.rounds))
    t_en_full = min(timed(full(en_full, en_docs)) for _ in range(args.rounds))
    print(f"Russian: {len(ru_texts)} texts, {ru_words:,} words; English: {len(en_texts)} texts, {en_words:,} words")
    print(f"Russian analysis (natasha)       {ru_words / t_ru:8,.0f} words/s")
    print(f"Russian extraction (khabar)      {ru_words / t_ru_full:8,.0f} words/s  ({t_ru_full / t_ru:.2f}x the analysis)")
    print(f"English analysis ({Settings().model}) {en_words / t_en:8,.0f} words/s")
    print(f"English extraction (khabar)      {en_words / t_en_full:8,.0f} words/s  ({t_en_full / t_en:.2f}x the analysis)")
    per_word = (t_ru / ru_words) / (t_en / en_words)
    per_word_full = (t_ru_full / ru_words) / (t_en_full / en_words)
    print(f"Russian takes {per_word:.2f}x English's time per word to analyse, {per_word_full:.2f}x to extract")


if __name__ == "__main__":
    main()
