"""Dev script (not shipped): the ceiling for Russian entities — natasha's NER plus khabar's names, scored alone.

    .venv/bin/python tools/ru_entities.py [../shared/fixtures/peers/factrueval-dev]

Runs the Russian analyser and ``khabar.nlp.names.entity_names`` on a gold set's corpus, writes the entities
as an export (``/tmp/khabar-ru-entities-*.jsonl``) and scores it with ``../shared/eval/score.py``: the whole
set, then its two halves (documents alternately by url: the first half is the one rules were tuned on, the
second was kept unseen).
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from khabar.nlp.names import entity_names
from khabar.nlp.russian import load_russian

KINDS = {"PERSON": "person", "ORG": "organization", "GPE": "location", "LOC": "location"}


def export(corpus: list[dict]) -> list[dict]:
    nlp = load_russian()
    records = []
    for row, doc in zip(corpus, nlp.pipe(r["text"] for r in corpus), strict=True):
        records.append({"record": "document", "id": row["id"], "url": row["url"], "title": row.get("title"), "text": row["text"]})
        for n, ent in enumerate(entity_names(doc)):
            records.append({"record": "entity", "id": f"{row['id']}:E{n}", "name": ent.name, "kind": KINDS[ent.label],
                            "aliases": ent.aliases, "docs": [row["id"]], "latin": ent.latin, "country": ent.country})
    return records


def score(gold: dict, records: list[dict], label: str, score_py: Path) -> str:
    with tempfile.NamedTemporaryFile("w", prefix=f"khabar-ru-entities-{label}-", suffix=".jsonl", delete=False) as out:
        out.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    with tempfile.NamedTemporaryFile("w", prefix=f"khabar-ru-gold-{label}-", suffix=".json", delete=False) as g:
        json.dump(gold, g, ensure_ascii=False)
    return subprocess.run([sys.executable, str(score_py), g.name, out.name], capture_output=True, text=True, check=True).stdout


def main(folder: str = "../shared/fixtures/peers/factrueval-dev") -> None:
    root = Path(folder)
    gold = json.loads((root / "gold.json").read_text(encoding="utf-8"))
    corpus = [json.loads(line) for line in (root / "corpus.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    records = export(corpus)
    score_py = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "score.py"
    urls = sorted(d["url"] for d in gold["documents"])
    halves = {"tuned": set(urls[0::2]), "unseen": set(urls[1::2])}
    print(score(gold, records, "all", score_py))
    for label, keep in halves.items():
        part = dict(gold, name=f"{gold['name']} — {label} half", documents=[d for d in gold["documents"] if d["url"] in keep])
        print(score(part, records, label, score_py))


if __name__ == "__main__":
    main(*sys.argv[1:])
