"""Actor coding (country + sector) against NGEC's actor-resolution test table (../shared/fixtures/peers/ngec-actors).

Every case the table runs is scored, including people NGEC resolves through Wikipedia (khabar ships no such
knowledge base, so most of those are misses): the baseline is the number right when it was last raised, so a
regression is a count that falls, never a case quietly dropped from the denominator.
"""
import json

import pytest

from khabar.extract.actors import code_actor

# Right answers over all cases (country of 291, sector of 289), measured 2026-11-30 (country 164 -> 167 with the
# organisation table's WTO, FBI, CIA... rows); raise them as coding improves.
COUNTRY_RIGHT = 167
SECTOR_RIGHT = 133


@pytest.fixture(scope="module")
def cases(shared):
    table = json.loads((shared / "fixtures" / "peers" / "ngec-actors" / "actors.json").read_text())
    return [c for c in table if not c.get("xfail") and not c.get("not_run_by_pytest")]


def test_country_right_over_all_cases(cases):
    checked = [c for c in cases if "country" in c["checked"]]
    right = sum(code_actor(c["text"])[0] == c.get("country") for c in checked)
    assert right >= COUNTRY_RIGHT, f"{right}/{len(checked)} right, baseline {COUNTRY_RIGHT}"


def test_sector_right_over_all_cases(cases):
    checked = [c for c in cases if "sector" in c["checked"]]
    right = sum(code_actor(c["text"])[1] in {c.get("sector"), *(c.get("sector_alternatives") or [])} for c in checked)
    assert right >= SECTOR_RIGHT, f"{right}/{len(checked)} right, baseline {SECTOR_RIGHT}"


@pytest.mark.parametrize(("text", "want"), [
    ("Uzbek border guards", ("UZB", "MIL")),
    ("the Peruvian interior ministry", ("PER", "GOV")),
    ("former Kyrgyz president", ("KGZ", "ELI")),
    ("Afghan refugees", ("AFG", "REF")),
    ("the UN refugee agency", ("UNO", "REF")),
    ("Nairobi", ("KEN", "GOV")),
    ("a retired army colonel", (None, "ELI")),
    ("Kazakh intelligence officers", ("KAZ", "SPY")),
])
def test_own_examples(text, want):
    assert code_actor(text) == want
