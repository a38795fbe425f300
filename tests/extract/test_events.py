"""Events coded in PLOVER: every type and every mode on own sentences."""
import pytest


def _events(ext):
    return [(e.type, e.mode) for e in ext.events]


TYPES = [
    ("Venezuela wants to help Colombia with fuel.", "AGREE"),
    ("The Kenyan president met the Ethiopian prime minister in Nairobi.", "CONSULT"),
    ("Chile praised Argentina for its cooperation.", "SUPPORT"),
    ("The Sudanese army conceded to the protesters after weeks of unrest.", "CONCEDE"),
    ("Vietnam and Laos expanded their cooperation on hydropower.", "COOPERATE"),
    ("Germany delivered weapons to Ukraine.", "AID"),
    ("Russian troops withdrew from the Georgian village.", "RETREAT"),
    ("Nigeria urged Niger to release the detained officials.", "REQUEST"),
    ("India accused Pakistan of sheltering militants.", "ACCUSE"),
    ("Egypt rejected the Ethiopian proposal.", "REJECT"),
    ("North Korea threatened South Korea with retaliation.", "THREATEN"),
    ("Thousands of Chilean students protested against the reform.", "PROTEST"),
    ("Canada imposed sanctions on Belarus.", "SANCTION"),
    ("China deployed warships near Taiwan.", "MOBILIZE"),
    ("Myanmar deported hundreds of Bangladeshi migrants.", "COERCE"),
    ("Houthi rebels attacked a Saudi oil facility.", "ASSAULT"),
]


@pytest.mark.parametrize(("text", "etype"), TYPES)
def test_every_plover_type(extract, text, etype):
    assert etype in [e.type for e in extract(text).events]


MODES = [
    ("Algeria sent troops to the border.", "MOBILIZE", "asserted"),
    ("There are rumors that Qatar is funding the militia.", None, "reported"),
    ("Lebanon allegedly supported the armed group.", "SUPPORT", "reported"),
    ("Serbia denies the reports of its support for the separatists.", "SUPPORT", "denied"),
    ("Peru promised to take in 5,000 refugees.", "AID", "promised"),
    ("Poland threatened to deploy troops to the border.", "THREATEN", "threatened"),
    ("Portugal refrained from severing ties with Angola.", "SANCTION", "negated"),
    ("Spain did not attack the fishing boats.", "ASSAULT", "negated"),
    ("Mali plans to expel the French ambassador.", "COERCE", "planned"),
    ("Chad could deploy troops if the rebels advance.", "MOBILIZE", "hypothetical"),
]


@pytest.mark.parametrize(("text", "etype", "mode"), MODES)
def test_every_mode(extract, text, etype, mode):
    events = extract(text).events
    assert any(e.mode == mode and (etype is None or e.type == etype) for e in events), _events_of(events)


def _events_of(events):
    return [(e.type, e.mode, e.trigger) for e in events]


def test_source_and_target_from_the_parse(extract):
    ext = extract("Uzbekistan's foreign minister met Taliban leaders in Kabul on Thursday.", published="2021-10-08")
    [ev] = [e for e in ext.events if e.type == "CONSULT"]
    names = {k: v.name for k, v in ext.entities.items()}
    assert names[ev.target] == "Taliban" and names[ev.location] == "Kabul" and ev.date.start == "2021-10-07"


def test_passive_source_is_carried_from_the_previous_sentence(extract):
    ext = extract("Kyrgyzstan has put its army on alert. Ten thousand soldiers were sent to the Tajik border.")
    names = {k: v.name for k, v in ext.entities.items()}
    sent = [e for e in ext.events if e.trigger.endswith("sent")][0]
    assert (names[sent.source], names[sent.target]) == ("Kyrgyzstan", "Tajikistan")


def test_a_threat_codes_the_threat_not_the_act_threatened(extract):
    assert [(e.type, e.mode) for e in extract("Poland threatened to deploy troops to the border.").events] == [("THREATEN", "threatened")]


def test_will_not_recognize_is_a_rejection(extract):
    [ev] = extract("Turkmenistan will not recognize the new government.").events
    assert (ev.type, ev.mode) == ("REJECT", "asserted")


def test_speaker_of_a_hostile_act_accuses_its_author(extract):
    ext = extract("Armenia said that Azerbaijan had shelled three villages.")
    names = {k: v.name for k, v in ext.entities.items()}
    [ev] = ext.events
    assert (ev.type, names[ev.source], names[ev.target]) == ("ACCUSE", "Armenia", "Azerbaijan")
