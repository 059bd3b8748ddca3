"""The `price_of` step of exhibit_relation_rules: which security a price belongs to, by the guide's reading of price phrases.

"1,000,000 units (each, a “Unit”) at a price of $0.10 per Unit" prices the units; "each Warrant
entitles the holder to purchase one common share at a price of $0.15" prices the warrant (an
exercise or conversion price belongs to the warrant or convertible security); "a combined
price of $0.63" prices no single security. The rule takes the nearest security stated before
the price in its sentence, skipping defined terms ("(each, a “Unit”)") that hold no relations;
it replaces the model's PRICE_OF, which it beats on every split of the corpus.
"""
from __future__ import annotations

import re
from typing import List, Sequence, Tuple

from ..combined_price import states_combined_price
from ..ml.candidates import is_defined_term
from ..pattern_files import alternation, load_patterns
from .relation_rules import Offsets, pair_rule
from ..structure import segment_ranges

# what makes a price the exercise or conversion price of a derivative security
_CUES = load_patterns("offering_cues")
_EXERCISE = re.compile(alternation(_CUES["exercise_cues"]), re.IGNORECASE)
_DERIVATIVE = re.compile(alternation(_CUES["derivative_security_words"]), re.IGNORECASE)


def price_pairs(text: str, prices: Sequence[Offsets], securities: Sequence[Offsets]) -> List[Tuple[Offsets, Offsets]]:
    """(price, security) pairs the price phrases of `text` state."""
    prices = sorted(prices)
    securities = sorted(s for s in securities if not is_defined_term(text, s[0]))
    segments = segment_ranges(text)
    pairs = []
    for price in prices:
        start, end = next(((a, b) for a, b in segments if a <= price[0] < b), (0, len(text)))
        before = [s for s in securities if start <= s[0] and s[1] <= price[0]]
        if not before or states_combined_price(text[start:price[0]], text[price[1]:end]):
            continue
        # another price between a security and this one is that security's price
        free = [s for s in before if not any(s[1] <= other[0] < price[0] for other in prices)]
        derivatives = [s for s in free if _DERIVATIVE.search(text[s[0]:s[1]])]
        if derivatives and _EXERCISE.search(text[derivatives[-1][0]:price[0]]):
            pairs.append((price, derivatives[-1]))
        elif free and free[-1] == before[-1]:
            pairs.append((price, before[-1]))
    return pairs


# replaces the model's PRICE_OF, which it beats on every split of the corpus
make_priced_securities = pair_rule(
    label="PRICE_OF", head_label="PRICE", child_label="SECURITY",
    find=price_pairs, replaces=True,
)
