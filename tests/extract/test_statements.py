"""Attributed statements: cues, speakers, content (own examples)."""
import pytest


def _one(ext):
    assert len(ext.statements) == 1, [(s.verb, s.cue) for s in ext.statements]
    return ext.statements[0]


def _speaker(ext, st):
    return ext.entities[st.speaker].name if st.speaker else None


@pytest.mark.parametrize(("text", "cue"), [
    ("Kazakhstan said that the border would reopen.", "say"),
    ("The ministry denied that any troops had crossed.", "deny"),
    ("Mongolia promised to send food to the region.", "promise"),
    ("The rebels threatened to attack the capital.", "threaten"),
    ("Iran warned that it would retaliate.", "warn"),
    ("Armenia accused Azerbaijan of shelling villages.", "accuse"),
    ("Japan condemned the missile test.", "criticize"),
    ("The UN called for an immediate ceasefire.", "call"),
    ("Analysts estimate that exports fell sharply.", "estimate"),
    ("Georgia claims that the land is its own.", "claim"),
    ("The agency reported that prices had doubled.", "report"),
    ("Turkey and Greece discussed the maritime dispute.", "discuss"),
])
def test_cues(extract, text, cue):
    assert _one(extract(text)).cue == cue


def test_speaker_through_apposition(extract):
    ext = extract("Mongolia's foreign minister, Battsetseg Batmunkh, said the talks went well.")
    st = _one(ext)
    assert _speaker(ext, st) == "Battsetseg Batmunkh" and "talks went well" in st.content


def test_speaker_of_coordinated_verb(extract):
    ext = extract("On Friday the Chilean government disputed the count but conceded that two fishing boats were missing.")
    cues = {s.cue: _speaker(ext, s) for s in ext.statements}
    assert cues == {"deny": "Chile", "say": "Chile"}


def test_speaker_after_the_quote(extract):
    ext = extract('"We will not give up an inch of land," the president of Azerbaijan said.')
    st = _one(ext)
    assert st.cue == "say" and "president" in st.speaker_text and "inch of land" in st.content


def test_according_to(extract):
    ext = extract("According to Nepal's army chief, the avalanche buried the camp.")
    st = _one(ext)
    assert st.cue == "say" and "avalanche" in st.content and _speaker(ext, st) == "Nepal"


def test_relative_pronoun_speaker(extract):
    ext = extract("Among the lenders, Norway, which pledged last spring to cancel the debt, has been silent since.")
    st = _one(ext)
    assert st.cue == "promise" and _speaker(ext, st) == "Norway" and "cancel the debt" in st.content


def test_infinitive_and_unbalanced_quotes_are_no_statements(extract):
    ext = extract("It is too early to say that the farmers' protest has ended.")
    assert ext.statements == []


@pytest.mark.parametrize(("text", "speaker_text"), [
    ('"The border stays closed." ― Aigerim Bekova', "Aigerim Bekova"),
    ("\nSMITH: We will vote against the budget.\n", "SMITH"),
    ("A new survey shows that most farmers oppose the dam.", "A new survey"),
])
def test_attributions_by_punctuation_naming_and_data(extract, text, speaker_text):
    [st] = extract(text).statements
    assert st.speaker_text == speaker_text
