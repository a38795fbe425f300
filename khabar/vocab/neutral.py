"""The tables every language shares: codes of SPEC.md and symbols written the same way in any script."""
from __future__ import annotations

# When an actor's words name several sectors, the most specific wins ("intelligence agency officer" is SPY).
SECTOR_PRIORITY: tuple[str, ...] = ("SPY", "REB", "CRM", "PRM", "UAF", "REF", "JUD", "LEG", "PTY", "MIL", "COP", "MED", "EDU",
                                    "JRN", "REL", "AGR", "LAB", "BUS", "OPP", "GOV", "CVL")
# Punctuation that attributes a quote: "“...” ― Jane Doe" and "Jane Doe: “...”".
QUOTE_MARKS: frozenset[str] = frozenset({"―", "—", ":"})
# ISO 4217 codes khabar reads before or after a number ("USD 5", "USD1,700", "5 EUR"), written in capitals.
CURRENCY_CODES: frozenset[str] = frozenset(
    "USD EUR GBP JPY CNY INR RUB AUD CAD HKD NZD SGD CHF SEK NOK DKK ZAR BRL MXN KRW TRY NGN KES EGP PKR BDT IDR "
    "MYR THB PHP VND AED SAR QAR ILS UAH PLN CZK HUF TJS UZS KZT KGS AFN IRR IQD TWD ARS CLP COP DEM FRF ITL".split())  # RMB is written for CNY
# Symbols and prefixes written before a number (case as written) -> ISO 4217.
CURRENCY_SYMBOLS: dict[str, str] = {
    "$": "USD", "US$": "USD", "U.S.$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR", "₽": "RUB", "₩": "KRW",
    "₺": "TRY", "₦": "NGN", "₱": "PHP", "₪": "ILS", "A$": "AUD", "AU$": "AUD", "C$": "CAD", "CA$": "CAD", "HK$": "HKD",
    "NZ$": "NZD", "S$": "SGD", "R$": "BRL", "NT$": "TWD", "RM": "MYR", "Rp": "IDR", "Rs": "INR", "Rs.": "INR",
    "dlrs": "USD", "Dlrs": "USD", "RMB": "CNY", **{code: code for code in CURRENCY_CODES},
}
# The 16 PLOVER event types (Open Event Data Alliance, PLOVER manual 2021) and their quad class.
PLOVER: dict[str, str] = {
    "AGREE": "verbal cooperation", "CONSULT": "verbal cooperation", "SUPPORT": "verbal cooperation",
    "CONCEDE": "verbal cooperation", "COOPERATE": "material cooperation", "AID": "material cooperation",
    "RETREAT": "material cooperation", "REQUEST": "verbal conflict", "ACCUSE": "verbal conflict",
    "REJECT": "verbal conflict", "THREATEN": "verbal conflict", "PROTEST": "material conflict",
    "SANCTION": "material conflict", "MOBILIZE": "material conflict", "COERCE": "material conflict",
    "ASSAULT": "material conflict",
}
# How the text presents an event (SPEC.md), and which mode wins when the words say several.
MODES: tuple[str, ...] = ("asserted", "reported", "denied", "promised", "threatened", "negated", "planned", "hypothetical")
# Types of cooperative and hostile acts: wanting the first is an intent (AGREE), wanting the second a threat.
COOPERATIVE: frozenset[str] = frozenset("AID SUPPORT COOPERATE RETREAT CONCEDE CONSULT".split())
HOSTILE: frozenset[str] = frozenset("ASSAULT COERCE MOBILIZE SANCTION".split())
# Statement cues whose speaker, by telling of a hostile act, accuses its author (CAMEO 112).
ACCUSING_CUES: frozenset[str] = frozenset("say claim report accuse".split())
# Statement cues that keep what they report at a distance (mode "reported").
REPORTING_CUES: frozenset[str] = frozenset("report claim".split())
MODE_ORDER: tuple[str, ...] = ("denied", "negated", "reported", "promised", "threatened", "planned", "hypothetical")
