"""Quality gate: no gold set in ../shared/fixtures may lose a single item against the recorded baseline.

The baseline counts, per set and kind, the items matched, the unexpected ones and the matched items with each
attribute right (``tests.quality.gold.summary``): one item lost, one more false item, one attribute gone wrong
fails. Raising it is a deliberate commit (``python -m tests.quality.gold --json > tests/quality/baseline.json``);
lowering a count needs a reason in the commit message. A khabar run that fails or complains on a gold set fails
the gate with its stderr.
"""
import json
from pathlib import Path

import pytest

from tests.quality.gold import gold_sets, regressions, score, summary

BASELINE = json.loads((Path(__file__).with_name("baseline.json")).read_text())


@pytest.mark.parametrize("name", sorted(BASELINE))
def test_gold_set_does_not_slide_back(name, shared):
    if name not in gold_sets(shared):
        pytest.fail(f"gold set {name!r} is in the baseline but not in {shared}/fixtures")
    drops = regressions(name, summary(score(shared, name)), BASELINE[name])
    assert not drops, "; ".join(drops)


def test_every_gold_set_has_a_baseline(shared):
    missing = sorted(set(gold_sets(shared)) - set(BASELINE))
    assert not missing, f"gold sets without a baseline: {missing} (add them: python -m tests.quality.gold --json)"


def test_the_gate_counts_one_lost_item():
    base = {"events.matched": 40, "events.unexpected": 5, "events.source": 30}
    assert regressions("x", {"events.matched": 39, "events.unexpected": 5, "events.source": 30}, base)
    assert regressions("x", {"events.matched": 40, "events.unexpected": 6, "events.source": 30}, base)
    assert regressions("x", {"events.matched": 40, "events.unexpected": 5, "events.source": 29}, base)
    assert not regressions("x", {"events.matched": 41, "events.unexpected": 4, "events.source": 31}, base)
