"""Score khabar against every gold set in ../shared/fixtures (``make eval``, and the quality gate in tests).

    python -m tests.quality.gold [--shared ../shared] [--json]

Each set's corpus goes through ``khabar extract`` (or, for the region set,
``khabar ingest`` into a fresh database then ``khabar export``); the export is
scored by ``../shared/eval/score.py``, the judge. ``make eval`` prints F1 and
attribute accuracies; ``--json`` prints the counts the quality gate keeps in
``baseline.json``. Nothing here is needed by khabar itself at run time.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
KHABAR = [sys.executable, "-m", "khabar.cli"]
KINDS = ("entities", "figures", "statements", "events", "dates")


def gold_sets(shared: Path) -> dict[str, tuple[Path, list[Path], bool]]:
    """name -> (gold file, inputs, needs a database): the seed, every fixture folder with a corpus, the region."""
    fixtures = shared / "fixtures"
    sets = {"seed": (fixtures / "seed" / "why-tajikistan-is-taking-a-stand.gold.json",
                     [fixtures / "seed" / "why-tajikistan-is-taking-a-stand.md"], False)}
    for folder in sorted([*fixtures.iterdir(), *(fixtures / "peers").iterdir()]):
        if (folder / "gold.json").exists() and (folder / "corpus.jsonl").exists():
            sets[folder.name] = (folder / "gold.json", [folder / "corpus.jsonl"], False)
    region = fixtures / "region"
    if (region / "gold.json").exists():
        sets["region"] = (region / "gold.json", [region / "articles", fixtures / "seed" / "why-tajikistan-is-taking-a-stand.md"], True)
    return sets


class KhabarFailed(AssertionError):
    """khabar itself failed on a gold set: its stderr is the message."""


def _run(cmd: list[str], env: dict, stdout=None) -> None:
    res = subprocess.run(cmd, stdout=stdout or subprocess.PIPE, stderr=subprocess.PIPE, text=True, check=False, env=env, timeout=1800)
    complaints = [line for line in res.stderr.splitlines() if line.startswith("khabar: ") and "stored without extraction" not in line]
    if res.returncode != 0 or complaints or "Traceback" in res.stderr:
        raise KhabarFailed(f"{' '.join(cmd[3:5])} exited {res.returncode}:\n{res.stderr[-4000:]}")


def export_of(inputs: list[Path], with_db: bool, workdir: Path) -> Path:
    out = workdir / "export.jsonl"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    if with_db:
        db = workdir / "gold.db"
        _run([*KHABAR, "ingest", *map(str, inputs), "--db", str(db)], env)
        cmd = [*KHABAR, "export", "--db", str(db)]
    else:
        cmd = [*KHABAR, "extract", *map(str, inputs), "--format", "jsonl"]
    with open(out, "w", encoding="utf-8") as fh:
        _run(cmd, env, stdout=fh)
    return out


def score(shared: Path, name: str) -> dict:
    gold, inputs, with_db = gold_sets(shared)[name]
    with tempfile.TemporaryDirectory() as tmp:
        export = export_of(inputs, with_db, Path(tmp))
        res = subprocess.run([sys.executable, str(shared / "eval" / "score.py"), str(gold), str(export), "--json"],
                             capture_output=True, text=True, check=True, timeout=600)
    return json.loads(res.stdout)


def summary(result: dict) -> dict[str, float]:
    """What the quality gate tracks, as counts so that one lost item shows: per kind the items matched and the
    unexpected ones, and per attribute the matched items that have it right; document fields right; links found."""
    out: dict[str, float] = {}
    for kind in KINDS:
        if kind in result:
            got = result[kind]
            out[f"{kind}.matched"] = got["matched"]
            out[f"{kind}.unexpected"] = got["unexpected"]
            for attr, value in got["attributes"].items():
                if value is not None:
                    out[f"{kind}.{attr}"] = round(value * got["matched"])
    if "document" in result:
        for field, value in result["document"].items():
            out[f"document.{field}"] = value
    if "links" in result and result["links"]["of"]:
        out["links.found"] = result["links"]["found"]
    return out


def regressions(name: str, got: dict[str, float], baseline: dict[str, float]) -> list[str]:
    """What fell below the baseline: fewer matched or right, or more unexpected, than recorded."""
    out = []
    for key, want in baseline.items():
        value = got.get(key, 0)
        worse = value > want if key.endswith(".unexpected") else value < want
        if worse:
            out.append(f"{name}: {key} {value:g} (baseline {want:g})")
    return out


def scores(result: dict) -> dict[str, float]:
    """F1 per kind and attribute accuracies, for people to read."""
    out: dict[str, float] = {}
    for kind in KINDS:
        if kind in result:
            out[f"{kind}.f1"] = result[kind]["f1"]
            out |= {f"{kind}.{a}": v for a, v in result[kind]["attributes"].items() if v is not None}
    if "links" in result and result["links"]["of"]:
        out["links.found"] = result["links"]["found"] / result["links"]["of"]
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument("--json", action="store_true", help="print the summaries as JSON (the baseline format)")
    args = parser.parse_args(argv)
    shared = Path(args.shared)
    if not (shared / "eval" / "score.py").exists():
        sys.exit(f"khabar eval: {shared}: no gold fixtures there (pass --shared)")
    results = {name: score(shared, name) for name in gold_sets(shared)}
    if args.json:
        print(json.dumps({name: summary(r) for name, r in results.items()}, indent=1, sort_keys=True))
        return
    for name, result in results.items():
        print(f"{name:<16}" + "  ".join(f"{k} {v:.2f}" for k, v in scores(result).items()))


if __name__ == "__main__":
    main()
