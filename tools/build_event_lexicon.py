"""Build khabar's event lexicon (``khabar/data/event_lexicon.tsv``) from PETRARCH-2's CAMEO verb dictionary.

    python tools/build_event_lexicon.py [--reference ../shared/reference]

Run by hand when the reference data or the hand-written rows change; the table it writes is
committed and reviewed as data. It reads

- ``petrarch2-cameo-verbs.txt`` (PETRARCH-2, MIT licence, © Open Event Data Alliance): verb blocks of
  synonyms with a default CAMEO code and phrase patterns ("RUSH * AID" → 070) that decide the code;
- ``cameo-to-plover-2021.txt``: the PLOVER type of each CAMEO code;
- ``cameo-event-codes.csv``: the names of CAMEO codes, checked so every code used is a real one;
- ``khabar/data/event_lexicon_extra.tsv``: hand-written rows (nominalisations, senses the dictionary
  lacks, corrections); a hand row replaces a generated row with the same trigger and constraints.

One output row per trigger lemma and pattern: lemma, part of speech, PLOVER type (``-`` = this sense
is no event), CAMEO code, and the constraints (object, preposition, particle, subject, roles).
"""
from __future__ import annotations

import argparse
import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "khabar" / "data"
COLUMNS = ("lemma", "pos", "type", "cameo", "object", "prep", "particle", "subject", "roles", "origin")
PARTICLES = frozenset("up down out off back over away forward aside along around".split())
PREPOSITIONS = frozenset("to from with into in on for against at by of toward towards about over under through".split())
# Markers of the dictionary's patterns: $ source, + target, ^ skip, % compound actor.
MARKERS = frozenset("$+^%")
# Where khabar's annotation guidelines code a CAMEO class differently from the 2021 PLOVER table:
# appeals (CAMEO 02) are requests, sanctions and embargoes (163) are SANCTION.
PLOVER_OVERRIDES = {"02": "REQUEST", "163": "SANCTION"}
# CAMEO codes a pattern takes from whom the act is done to, not from the act: "arrest protesters" is violent
# repression (175, ASSAULT in PLOVER) only because of its object. The guidelines code the act ("arrests ... are
# COERCE"), so a verb whose own type is COERCE keeps it under these patterns; "kill protesters" stays ASSAULT.
BY_OBJECT_CODES = frozenset({"175"})
# CAMEO root classes that are statements, not events (CAMEO 01: comment, deny, ...).
NO_EVENT_ROOTS = frozenset({"01"})


@dataclass
class Block:
    name: str
    code: str | None
    verbs: list[tuple[str, str | None]] = field(default_factory=list)  # (verb as written, own code)
    patterns: list[tuple[str, str, str, set[str]]] = field(default_factory=list)  # (before *, after *, code, verbs noted)


@dataclass(frozen=True)
class Row:
    lemma: str
    pos: str
    type: str
    cameo: str
    object: str = ""
    prep: str = ""
    particle: str = ""
    subject: str = ""
    roles: str = ""
    origin: str = ""

    def key(self) -> tuple[str, ...]:
        return (self.lemma, self.pos, self.object, self.prep, self.particle, self.subject, "negated" in self.roles)

    def hand_key(self) -> tuple[str, ...]:
        """Hand rows may split one key by "intransitive" ("fire" alone is no event, "they opened fire" is)."""
        return (*self.key(), "intransitive" in self.roles)

    def cells(self) -> list[str]:
        return [getattr(self, c) for c in COLUMNS]


def _code(text: str) -> tuple[str | None, bool]:
    """"[042:043]" → ("042", False); "[:173]" → ("173", True: the event runs from object to subject); "[---]" → (None, False)."""
    first, _, second = text.strip("[] ").partition(":")
    if first and first != "---":
        return first, False
    if second and second != "---":
        return second, True
    return None, False


def read_dictionary(path: Path) -> tuple[dict[str, list[str]], list[Block]]:
    synsets: dict[str, list[str]] = {}
    blocks: list[Block] = []
    section, current = "", None
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if raw.startswith("####"):
            section = raw
            continue
        if not line.strip():
            continue
        if "SYNONYM" in section:
            if line.startswith("&"):
                current = synsets.setdefault(line.strip(), [])
            elif line.startswith("+") and current is not None:
                current.append(_word(line[1:]))
        elif "VERB PATTERNS" in section:
            if m := re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---", line):
                code, _ = _code(m.group(2))
                blocks.append(Block(m.group(1), code))
            elif line.startswith("-") and blocks:
                m = re.match(r"^-\s*(.*?)\*(.*?)\[([^\]]*)\]", line)
                noted = set(re.findall(r"[A-Z_]+", raw.split("#", 1)[1])) if "#" in raw else set()
                if m:
                    blocks[-1].patterns.append((m.group(1).strip(), m.group(2).strip(), m.group(3), noted))
            elif blocks and re.match(r"^\+?[A-Z]", line):
                word = line.split()[0]
                own = re.search(r"\[([^\]]*)\]", line)
                blocks[-1].verbs.append((word, own.group(1) if own else None))
    return synsets, blocks


def _word(text: str) -> str:
    """"ARMED_FORCES" → "armed_forces" ("_" joins the words of a phrase); a trailing "_" (no plural) is dropped."""
    return text.strip().strip("_").lower()


def _items(text: str) -> list[str]:
    """A pattern side as items: words, {phrases}, (groups), &synsets; markers dropped."""
    out = re.findall(r"\([^)]*\)|\{[^}]*\}|[^\s(){}]+", text)
    return [i for i in out if i not in MARKERS]


def _alternatives(item: str) -> str | None:
    """The words an item accepts, space-separated: a word, a phrase ("mock_attack": its words joined by "_",
    the last one its head) or a word class ("&weapon", listed in event_classes.tsv); None if unusable."""
    if item.startswith("&"):
        return item.lower()
    if item.startswith("{"):
        words = [w.lower() for w in item.strip("{}").split() if w not in MARKERS]
        if not words or any(not re.fullmatch(r"[a-z][a-z'-]*", w) for w in words):
            return None  # "{&MILITARY OPERATION}": a class inside a phrase is more than a row can say
        return "_".join(words)
    if item.startswith("(") or not re.fullmatch(r"[A-Za-z][A-Za-z'-]*", item):
        return None
    return item.lower()


def _constraints(before: str, after: str) -> dict[str, str] | None:
    """The row constraints of a pattern, or None when it has more than khabar's rows can say."""
    out: dict[str, str] = {}
    subject = _items(before)
    if len(subject) > 1:
        return None
    if subject:
        if not (words := _alternatives(subject[0])):
            return None
        out["subject"] = words
    items = _items(after)
    if items and items[0].lower() in PARTICLES and not items[0].startswith(("(", "{", "&")):
        out["particle"] = items.pop(0).lower()
    # "TO POLICE" written without brackets is a preposition and its object
    if len(items) >= 2 and items[0].lower() in PREPOSITIONS:
        items = [f"({items[0]} {items[1]})", *items[2:]]
    groups = [i for i in items if i.startswith("(")]
    rest = [i for i in items if not i.startswith("(")]
    if len(groups) > 1 or len(rest) > 1:
        return None
    if rest:
        if not (words := _alternatives(rest[0])):
            return None
        out["object"] = words
    if groups:
        inner = [w for w in groups[0].strip("()").split() if w not in MARKERS]
        if not inner or not all(p.lower() in PREPOSITIONS for p in inner[0].split("/")):
            return None
        objects = _alternatives(inner[1] if len(inner) == 2 else "{" + " ".join(inner[1:]) + "}") if len(inner) > 1 else ""
        if objects is None:
            return None
        out["prep"] = " ".join(f"{p.lower()}:{objects.replace(' ', ',')}" if objects else f"{p.lower()}:" for p in inner[0].split("/"))
    return out


def read_plover(path: Path) -> dict[str, str]:
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if m := re.match(r"^(\d+):\s*([A-Z]+)", line):
            out[m.group(1)] = m.group(2)
    return out


def plover_of(code: str, table: dict[str, str]) -> str:
    """The PLOVER type of a CAMEO code ("-" when it names no event), with khabar's documented overrides."""
    for prefix in (code, code[:3], code[:2]):
        if prefix in PLOVER_OVERRIDES:
            return PLOVER_OVERRIDES[prefix]
    if code[:2] in NO_EVENT_ROOTS:
        return "-"
    for prefix in (code, code[:3], code[:2]):
        if prefix in table:
            return table[prefix]
    return "-"


def _verb(written: str) -> tuple[str, str, str] | None:
    """"+ASK_FOR" → ("ask", "", "for:"); "+GIVE_UP" → ("give", "up", ""); "MEET" → ("meet", "", ""); None if unusable."""
    words = written.lstrip("+").lower().split("_")
    if len(words) == 1:
        return words[0], "", ""
    if len(words) == 2 and words[1] in PARTICLES:
        return words[0], words[1], ""
    if len(words) == 2 and words[1] in PREPOSITIONS:
        return words[0], "", words[1] + ":"
    return None


def generated_rows(blocks: list[Block], plover: dict[str, str]) -> Iterator[Row]:
    """A row for each verb's default code, and one for each pattern and verb it was written for
    (the dictionary's comment names it; a pattern naming none of the block's verbs applies to them all)."""
    for block in blocks:
        origin = f"petrarch2:{block.name}"
        verbs = [(written, parts) for written, own in block.verbs if (parts := _verb(written))]
        own_codes: dict[str, str] = {}  # lemma -> the verb's own code
        for written, own in block.verbs:
            if not (parts := _verb(written)):
                continue
            code, reverse = _code(own) if own else (block.code, False)
            own_codes.setdefault(parts[0], code or "")
            if code:
                yield Row(parts[0], "VERB", plover_of(code, plover), code, prep=parts[2], particle=parts[1],
                          roles="reverse" if reverse else "", origin=origin)
        for before, after, code_text, noted in block.patterns:
            constraints = _constraints(before, after)
            if constraints is None:
                continue
            code, reverse = _code(code_text)
            kind = plover_of(code, plover) if code else "-"
            named = [(w, p) for w, p in verbs if w.lstrip("+") in noted] or verbs
            for _, (lemma, particle, prep) in named:
                if (particle and constraints.get("particle", particle) != particle) or (prep and "prep" in constraints):
                    continue
                row = {"particle": particle, "prep": prep, **constraints}
                own = own_codes.get(lemma, "")
                if code in BY_OBJECT_CODES and own and plover_of(own, plover) == "COERCE":
                    yield Row(lemma, "VERB", "COERCE", own, roles="reverse" if reverse else "", origin=origin, **row)
                else:
                    yield Row(lemma, "VERB", kind, code or "", roles="reverse" if reverse else "", origin=origin, **row)


def read_extra(path: Path) -> list[Row]:
    rows = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.rstrip("\n").split("\t")
            if cells[0] == "lemma":
                continue
            cells += [""] * (len(COLUMNS) - len(cells))
            rows.append(Row(*cells[: len(COLUMNS) - 1], origin=cells[-1] or "khabar"))
    return rows


def merge(generated: list[Row], extra: list[Row]) -> list[Row]:
    """Every hand row, winning; then generated rows, the first of each trigger-and-constraints key no hand row has."""
    taken = {r.key() for r in extra}
    out: dict[tuple[str, ...], Row] = {}
    for row in generated:
        if row.key() not in taken:
            out.setdefault(row.key(), row)
    rows = [*extra, *out.values()]
    return sorted(rows, key=lambda r: (r.lemma, r.pos, r.prep, r.object, r.particle, r.subject))


HEADER = """\
# khabar event lexicon: trigger lemma -> PLOVER type and CAMEO code, with the words the trigger needs.
# GENERATED by tools/build_event_lexicon.py: edit khabar/data/event_lexicon_extra.tsv and regenerate.
# Columns: lemma, pos (VERB/NOUN), type (PLOVER; "-" = this sense is no event), cameo, object (lemmas of
# the object; a phrase's words joined by "_", the last one its head), prep ("to:border,frontier"; "to:"
# any object), particle, subject (lemmas of the subject), roles ("reverse": the object acts on the subject;
# "negated": only when refused or negated with "will not"; "intransitive": only without a direct object),
# origin (petrarch2:BLOCK or khabar). A "&name" is a word class of event_classes.tsv; "@actor" is any actor
# (a person, group, organisation or country the text names).
#
# Rows marked petrarch2 are derived from PETRARCH-2's CAMEO verb dictionary (CAMEO.2.0.txt):
# The MIT License (MIT) Copyright (c) 2015 Open Event Data Alliance
# Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
# associated documentation files (the "Software"), to deal in the Software without restriction, including
# without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
# copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the
# following conditions: The above copyright notice and this permission notice shall be included in all
# copies or substantial portions of the Software.
# THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT
# LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO
# EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER
# IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR
# THE USE OR OTHER DEALINGS IN THE SOFTWARE.
# PLOVER types from the CAMEO-to-PLOVER 2021 table (Open Event Data Alliance, CC BY-SA 4.0).
"""


def _classes(row: Row) -> set[str]:
    """The word classes a row names, as the dictionary writes them ("&WEAPON")."""
    words = " ".join((row.object, row.subject, row.prep)).replace(",", " ").replace(":", " ").split()
    return {w.upper() for w in words if w.startswith("&")}  # "@actor" (any actor) is resolved by khabar itself


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference", default=str(ROOT.parent / "shared" / "reference"))
    parser.add_argument("--out", default=str(DATA / "event_lexicon.tsv"))
    args = parser.parse_args(argv)
    ref = Path(args.reference)
    synsets, blocks = read_dictionary(ref / "petrarch2-cameo-verbs.txt")
    plover = read_plover(ref / "cameo-to-plover-2021.txt")
    with (ref / "cameo-event-codes.csv").open(encoding="utf-8") as fh:
        known = {r["cameo_code"] for r in csv.DictReader(fh)}
    generated = [r for r in generated_rows(blocks, plover) if r.cameo in known or not r.cameo]
    extra = read_extra(DATA / "event_lexicon_extra.tsv")
    unknown = sorted({r.cameo for r in extra if r.cameo and r.cameo not in known})
    if unknown:
        raise SystemExit(f"build_event_lexicon: event_lexicon_extra.tsv: unknown CAMEO codes {unknown}")
    keys = [r.hand_key() for r in extra]
    if twice := sorted({k for k in keys if keys.count(k) > 1}):
        raise SystemExit(f"build_event_lexicon: event_lexicon_extra.tsv: two hand rows for one trigger and constraints: {twice[0]}")
    undefined = [r for r in extra if _classes(r) - set(synsets)]
    if undefined:
        raise SystemExit(f"build_event_lexicon: event_lexicon_extra.tsv: undefined word classes in {undefined[0]}")
    rows = merge([r for r in generated if not _classes(r) - set(synsets)], extra)  # a few patterns name classes never defined
    with open(args.out, "w", encoding="utf-8") as fh:
        fh.write(HEADER)
        fh.write("\t".join(COLUMNS) + "\n")
        for row in rows:
            fh.write("\t".join(row.cells()) + "\n")
    used = {c[1:].lower() for r in rows for c in _classes(r)}
    with open(Path(args.out).with_name("event_classes.tsv"), "w", encoding="utf-8") as fh:
        fh.write("# Word classes of the event lexicon (&name), from PETRARCH-2's synonym sets (MIT, see event_lexicon.tsv).\n")
        fh.write("# GENERATED by tools/build_event_lexicon.py. A phrase's words are joined by \"_\".\n")
        for name in sorted(used):
            fh.write(f"{name}\t{' '.join(sorted(set(synsets.get('&' + name.upper(), []))))}\n")
    events = sum(r.type != "-" for r in rows)
    print(f"{args.out}: {len(rows)} rows ({events} events, {len(rows) - events} non-event senses; "
          f"{len(extra)} hand rows, {len(blocks)} dictionary blocks)")


if __name__ == "__main__":
    main()
