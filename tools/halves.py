"""Dev script (not shipped): khabar on the full-article gold sets, scored whole and by halves (tuned / kept unseen).

    .venv/bin/python tools/halves.py [../shared]

Runs ``khabar extract`` on news-dev, news-ru-dev and factrueval-dev and scores the export with
``../shared/eval/score.py``: the whole set, then the half rules were tuned on and the half kept unseen while
tuning. news-dev and news-ru-dev: the even lines of corpus.jsonl (first, third, ...) were tuned on, the odd lines
kept unseen; factrueval-dev: the halves of tools/ru_entities.py (urls sorted, taken alternately), so that its
unseen half stays the one phase 1 kept.
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def halves(folder: Path) -> dict[str, set[str]]:
    urls = [json.loads(line)["url"] for line in (folder / "corpus.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    if folder.name == "factrueval-dev":
        urls = sorted(urls)
    return {"tuned": set(urls[0::2]), "unseen": set(urls[1::2])}


def score(gold: dict, export: Path, score_py: Path) -> str:
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as fh:
        json.dump(gold, fh, ensure_ascii=False)
    out = subprocess.run([sys.executable, str(score_py), fh.name, str(export)], capture_output=True, text=True, check=True).stdout
    return "\n".join(line for line in out.splitlines() if "missed:" not in line)


def main(shared: str = str(ROOT.parent / "shared")) -> None:
    fixtures, score_py = Path(shared) / "fixtures", Path(shared) / "eval" / "score.py"
    for folder in (fixtures / "news-dev", fixtures / "news-ru-dev", fixtures / "peers" / "factrueval-dev"):
        with tempfile.NamedTemporaryFile("w", prefix=f"khabar-{folder.name}-", suffix=".jsonl", delete=False) as out:
            subprocess.run([sys.executable, "-m", "khabar.cli", "extract", str(folder / "corpus.jsonl"), "--format", "jsonl"],
                           stdout=out, check=True, cwd=ROOT)
        gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
        print(score(gold, Path(out.name), score_py))
        for label, keep in halves(folder).items():
            part = dict(gold, name=f"{gold['name']} — {label} half", documents=[d for d in gold["documents"] if d["url"] in keep])
            print(score(part, Path(out.name), score_py))


if __name__ == "__main__":
    main(*sys.argv[1:])
