"""Actors within one document: gazetteer corrections, merging, roles, metonymy (own examples)."""


def _by_name(ext):
    return {e.name: e for e in ext.entities.values()}


def test_countries_demonyms_and_capitals_corrected_by_gazetteer(extract):
    ext = extract("Kyrgyzstan and Kazakh officials met in Bishkek. Kyrgyz troops stayed home.")
    ents = _by_name(ext)
    assert ents["Kyrgyzstan"].kind == "country" and ents["Kyrgyzstan"].country == "KGZ"
    assert "Kyrgyz" in ents["Kyrgyzstan"].aliases
    assert ents["Kazakhstan"].kind == "country"
    assert ents["Bishkek"].kind == "location" and ents["Bishkek"].country == "KGZ"


def test_full_name_and_surname_are_one_person_with_a_role(extract):
    ext = extract("President Shavkat Mirziyoyev of Uzbekistan spoke first. Mirziyoyev then left for Moscow.")
    ents = _by_name(ext)
    person = ents["Shavkat Mirziyoyev"]
    assert person.kind == "person" and "Mirziyoyev" in person.aliases and person.role == "President"
    assert sum(e.kind == "person" for e in ext.entities.values()) == 1


def test_surname_before_full_name_is_merged_into_it(extract):
    ext = extract("Tokayev spoke on Monday. Kassym-Jomart Tokayev is the president of Kazakhstan.")
    persons = [e for e in ext.entities.values() if e.kind == "person"]
    assert len(persons) == 1 and "Tokayev" in persons[0].aliases
    assert {m.entity for m in ext.mentions if "Tokayev" in m.text} == {persons[0].id}


def test_two_people_sharing_a_surname_stay_apart(extract):
    ext = extract("Maria Elena Ortiz chaired the water board for a decade. Her niece, Maria Ortiz, was elected to it in May.")
    persons = {e.name for e in ext.entities.values() if e.kind == "person"}
    assert {"Maria Elena Ortiz", "Maria Ortiz"} <= persons


def test_role_phrase_gives_country_and_actor_code(extract):
    ext = extract("Kazakhstan's foreign minister, Mukhtar Tileuberdi, arrived in Tashkent.")
    person = _by_name(ext)["Mukhtar Tileuberdi"]
    assert person.country == "KAZ" and person.actor_code == "KAZGOV"


def test_capital_as_actor_stands_for_the_country(extract):
    ext = extract("Ottawa warned that the tariffs would hurt farmers on both sides.")
    [st] = ext.statements
    assert ext.entities[st.speaker].name == "Canada"
    assert "Ottawa" in ext.entities[st.speaker].aliases


def test_organisations_from_the_table(extract):
    ents = _by_name(extract("The CSTO and the UN refugee agency sent observers."))
    assert ents["Collective Security Treaty Organization"].actor_code == "IGOCST"
    assert ents["United Nations refugee agency"].kind == "organization"


def test_all_caps_dateline_city_is_named_as_written_in_prose(extract):
    ext = extract("NAIROBI (Reuters) - Kenya's central bank cut its main lending rate on Tuesday.")
    places = [e for e in ext.entities.values() if e.kind == "location"]
    assert [p.name for p in places] == ["Nairobi"] and "NAIROBI" in places[0].aliases


def test_a_surname_alone_is_the_first_person_named_with_it(extract):
    ext = extract("Helena Markovic and her son Jan Markovic arrived. Markovic said the budget was final.")
    [st] = ext.statements
    assert ext.entities[st.speaker].name == "Helena Markovic"


def test_a_middle_initial_does_not_make_another_person(extract):
    ext = extract("Donald J. Quill spoke first. Donald Quill then left for the airport.")
    assert [e.name for e in ext.entities.values() if e.kind == "person"] == ["Donald J. Quill"]


def test_no_country_for_a_person_from_a_country_named_nearby(extract):
    ext = extract("President Alan Moreau arrived in Kyrgyzstan on Monday. Kyrgyz officials greeted him in Bishkek.")
    person = _by_name(ext)["Alan Moreau"]
    assert person.country is None and person.actor_code is None


def test_country_through_whose(extract):
    ext = extract("Talks on Afghanistan were hosted by Kazakhstan, whose foreign minister, Erlan Sadykov, opened them. "
                  "Envoys of Afghanistan's neighbours and Afghanistan's own attended.")
    assert _by_name(ext)["Erlan Sadykov"].actor_code == "KAZGOV"


def test_headline_words_are_not_part_of_a_name(extract):
    ext = extract("Grilling Helena Markovic on Taxes, Rivals Gain Ground\nHelena Markovic faced questions on taxes on Tuesday.")
    assert [e.name for e in ext.entities.values() if e.kind == "person"] == ["Helena Markovic"]


def test_an_acronym_the_text_spells_out_is_the_organisation(extract):
    ext = extract("The Regional Water Authority (RWA) raised prices. The RWA said costs had doubled.")
    [st] = ext.statements
    org = ext.entities[st.speaker]
    assert org.name == "Regional Water Authority" and "RWA" in org.aliases
    assert [e.name for e in ext.entities.values()] == ["Regional Water Authority"]


def test_an_acronym_a_gazetteer_knows(extract):
    ext = extract("The WTO warned that tariffs would rise.")
    assert ext.entities[ext.statements[0].speaker].name == "World Trade Organization"
