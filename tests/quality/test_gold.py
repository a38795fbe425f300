"""Quality gate: no gold set in ../shared/fixtures may score below the recorded baseline.

Raising tests/quality/baseline.json is a deliberate commit (regenerate it with
``python -m tests.quality.gold --json``); lowering it needs a reason in the
commit message.
"""
import json
from pathlib import Path

import pytest

from tests.quality.gold import gold_sets, score, summary

BASELINE = json.loads((Path(__file__).with_name("baseline.json")).read_text())
TOLERANCE = 0.001  # scores are deterministic; this only absorbs rounding


@pytest.mark.parametrize("name", sorted(BASELINE))
def test_gold_set_does_not_slide_back(name, shared):
    if name not in gold_sets(shared):
        pytest.fail(f"gold set {name!r} is in the baseline but not in {shared}/fixtures")
    got = summary(score(shared, name))
    drops = [f"{name}: {key} {got.get(key, 0.0):.3f} < baseline {want:.3f}"
             for key, want in BASELINE[name].items() if got.get(key, 0.0) < want - TOLERANCE]
    assert not drops, "; ".join(drops)


def test_every_gold_set_has_a_baseline(shared):
    missing = sorted(set(gold_sets(shared)) - set(BASELINE))
    assert not missing, f"gold sets without a baseline: {missing} (add them: python -m tests.quality.gold --json)"
