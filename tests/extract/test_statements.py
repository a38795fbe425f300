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


@pytest.mark.parametrize("text", [
    "Peter Lindqvist thanked Maria Gonzalez on Monday. She said the deal was fair.",  # not the subject: he
    "Maria Gonzalez met Peter Lindqvist on Monday. She said the deal was fair.",  # not the last person named
])
def test_she_is_the_woman_named_before(extract, text):
    ext = extract(text)
    st = _one(ext)
    assert st.speaker_text == "She" and _speaker(ext, st) == "Maria Gonzalez"


def test_he_in_someone_elses_quote_is_not_the_quoted_speaker(extract):
    ext = extract('Erik Berg met Tomas Holm in March. In May, Erik Berg said: "He told us the vote was rigged."')
    speakers = {s.verb: _speaker(ext, s) for s in ext.statements}
    assert speakers == {"told": "Tomas Holm", "said": "Erik Berg"}


def test_a_candidates_allies_are_a_group_not_the_candidate(extract):
    ext = extract("Luis Ramos lost the vote. Ramos campaign allies said the audit was flawed.")
    st = _one(ext)
    speaker = ext.entities[st.speaker]
    assert speaker.kind == "group" and speaker.name == "Ramos campaign allies"


def test_a_person_named_like_a_country_is_a_person(extract):
    ext = extract("Chad Morrison said the plant would close.")
    speaker = ext.entities[_one(ext).speaker]
    assert speaker.kind == "person" and speaker.name == "Chad Morrison"


@pytest.mark.parametrize("text", [
    "The factory added 300 jobs last year.",
    "The video shows a man running toward the gate.",
    "A jogger wrote down the licence plate number.",
])
def test_verbs_of_doing_are_no_speech(extract, text):
    assert extract(text).statements == []


@pytest.mark.parametrize(("text", "content"), [
    ("Back in Lima, Mr. Soto said, he decided to run.", "he decided to run"),
    ('Ortega said: "We will rebuild the bridge."', "We will rebuild the bridge"),
    ('"We will rebuild the bridge." The crowd cheered. "Soon," said Ortega.', "Soon"),
    ("The reservoir is nearly empty, as engineers have said.", "The reservoir is nearly empty"),
])
def test_content_is_never_empty(extract, text, content):
    st = next(s for s in extract(text).statements if s.verb.endswith("said"))
    assert st.content == content


def test_a_quote_is_reported_once(extract):
    ext = extract('The bill "has made the city safer," Mayor Ana Kim said in May, citing falling crime rates.')
    contents = [s.content for s in ext.statements]
    assert len(contents) == len(set(contents)) and "falling crime rates" in contents


def test_a_clause_under_a_reporting_verb_is_not_a_statement_of_its_own(extract):
    ext = extract("Chairman Paul Wren said he cannot comment on the letter.")
    assert _one(ext).content == "he cannot comment on the letter"


def test_a_dateline_is_not_the_speaker(extract):
    ext = extract("QUITO (AP) --\n\nPresident Ana Torres said the border would reopen.")
    st = _one(ext)
    assert _speaker(ext, st) == "Ana Torres" and ext.entities[st.speaker].country == "ECU"
