"""The `price_of` step of exhibit_relation_rules: which security a price belongs to, by the guide's reading of price phrases.

"1,000,000 units (each, a “Unit”) at a price of $0.10 per Unit" prices the units; "each Warrant
entitles the holder to purchase one common share at a price of $0.15" prices the warrant (an
exercise or conversion price belongs to the warrant or convertible security); "a combined
price of $0.63" prices no single security. The rule takes the nearest security stated before
the price in its sentence, skipping defined terms ("(each, a “Unit”)") that hold no relations;
it replaces the model's PRICE_OF, which it beats on every split of the corpus. Where the price
names its unit ("ordinary shares and pre-funded warrants at a price of $1.10 per ordinary
share"), the nearest security of that noun is taken; an exercise price may name its security
after it ("$0.001, which is the exercise price of each pre-funded warrant").
"""
from __future__ import annotations

import re
from typing import List, Optional, Sequence, Tuple

from ..combined_price import states_combined_price
from ..ml.candidates import is_defined_term
from ..pattern_files import alternation, load_patterns
from .relation_rules import Offsets, pair_rule
from ..structure import segment_ranges

# what makes a price the exercise or conversion price of a derivative security
_CUES = load_patterns("offering_cues")
_EXERCISE = re.compile(alternation(_CUES["exercise_cues"]), re.IGNORECASE)
_DERIVATIVE = re.compile(alternation(_CUES["derivative_security_words"]), re.IGNORECASE)
# "$1.10 per ordinary share": the unit a price is stated for
_PER_UNIT = re.compile(r"[ \t]+per[ \t]+([A-Za-z-]+(?:[ \t]+[A-Za-z-]+){0,2}?)\b(?=[ \t]*[,.;)]|[ \t]+(?:in|and|or|for|to|which|with|on)\b)")
_PRICE_OF_NAMED_AFTER = re.compile(
    r"(?:[ \t]+per[ \t]+share)?,?[ \t]+(?:which[ \t]+is[ \t]+)?(?:the[ \t]+)?(?:exercise|conversion)[ \t]+price[ \t]+"
    r"(?:of|for)[ \t]+(?:each|the|one)[ \t]+", re.IGNORECASE)


def price_pairs(text: str, prices: Sequence[Offsets], securities: Sequence[Offsets]) -> List[Tuple[Offsets, Offsets]]:
    """(price, security) pairs the price phrases of `text` state."""
    prices = sorted(prices)
    securities = sorted(s for s in securities if not is_defined_term(text, s[0]))
    segments = segment_ranges(text)
    pairs = []
    for price in prices:
        start, end = next(((a, b) for a, b in segments if a <= price[0] < b), (0, len(text)))
        if states_combined_price(text[start:price[0]], text[price[1]:end]):
            continue
        # "$0.001, which is the exercise price of each pre-funded warrant": the security named after
        named_after = _PRICE_OF_NAMED_AFTER.match(text, price[1], end)
        if named_after:
            after = next((s for s in securities if s[0] == named_after.end()), None)
            if after is not None:
                pairs.append((price, after))
                continue
        before = [s for s in securities if start <= s[0] and s[1] <= price[0]]
        if not before:
            continue
        # another price between a security and this one is that security's price
        free = [s for s in before if not any(s[1] <= other[0] < price[0] for other in prices)]
        derivatives = [s for s in free if _DERIVATIVE.search(text[s[0]:s[1]])]
        if derivatives and _EXERCISE.search(text[derivatives[-1][0]:price[0]]):
            pairs.append((price, derivatives[-1]))
        elif free and free[-1] == before[-1]:
            pairs.append((price, _priced_unit(text, price, free) or before[-1]))
    return pairs


# a price "per share" is one of stock, sold in shares ("shares of common stock at $3.00 per share")
_SAME_UNIT = {"stock": "share"}
# a price "per ADS" (singular "ad") is one of the American depositary shares, however written
_DEPOSITARY_SHARES = re.compile(r"depositary\s+shares?$|^ADSs?$", re.IGNORECASE)


def _noun(words: str) -> str:
    """The last word, singular and lower-cased, stock counted in shares: 'Ordinary Shares' ->
    'share', 'common stock' -> 'share'."""
    word = words.split()[-1].lower() if words.split() else ""
    word = word[:-1] if word.endswith("s") and not word.endswith("ss") else word
    return _SAME_UNIT.get(word, word)


def _priced_unit(text: str, price: Offsets, candidates: Sequence[Offsets]) -> Optional[Offsets]:
    """The nearest candidate whose noun the price's unit names ("ordinary shares and pre-funded
    warrants at a price of $1.10 per ordinary share" prices the ordinary shares), if any."""
    unit = _PER_UNIT.match(text, price[1])
    if unit is None:
        return None
    noun = _noun(unit.group(1))
    return next((s for s in reversed(candidates) if _noun(text[s[0]:s[1]]) == noun
                 or noun == "ad" and _DEPOSITARY_SHARES.search(text[s[0]:s[1]])), None)


# replaces the model's PRICE_OF, which it beats on every split of the corpus
make_priced_securities = pair_rule(
    label="PRICE_OF", head_label="PRICE", child_label="SECURITY",
    find=price_pairs, replaces=True,
)
