"""The offering record: issuer, securities with quantity and prices, gross/net amount, agents.

Built from the guide's relations (OFFERS, QUANTITY_OF, PRICE_OF, RAISES) plus a few readings
of the words around a mention, because the guide leaves some facts to the text: whether a
price is an exercise or conversion price, whether an amount is gross or net, and which
warrant the "599,333 shares of Common Stock" of "warrants to acquire 599,333 shares of Common
Stock" belong to (the guide links that quantity to the shares, convention 11).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Tuple

from .grouping import distinct_companies, fold_key, pick_company, plain_form
from .view import Mention, RecordView

PRICE_KINDS = ("price", "exercise_price", "conversion_price")

WARRANT_LIKE = re.compile(r"\b(?:warrants?|options?|rights?)\b", re.I)
_CONVERTIBLE = re.compile(r"\b(?:convertible|notes?|debentures?|bonds?)\b", re.I)
# Words between a warrant or convertible and a share count that make the count its underlying.
_UNDERLYING = re.compile(
    r"\b(?:to (?:purchase|acquire|buy|subscribe for)|exercisable (?:for|into)|convertible into|"
    r"exchangeable (?:for|into)|underlying)\b"
)
_UNDERLYING_REACH = 100  # characters from the warrant to its share count
# The nearest of these words before a price says what kind of price it is.
_PRICE_WORDS = {
    "exercise_price": re.compile(r"exercise prices?|exercisable at|strike price"),
    "conversion_price": re.compile(r"conversion prices?|convertible at|conversion rate"),
    # not a bare "price of": "each Warrant ... at a price of CAD $0.10" is an exercise price
    "price": re.compile(
        r"(?:purchase|offering|offer|issue|subscription|sale|selling) prices?|price to the public|"
        r"priced at|sold at"
    ),
}
# "$0.999 per pre-funded warrant": what a warrant is sold for, not what it is exercised at.
_PER_SECURITY_UNIT = re.compile(
    r"^per (?:[\w-]+ )*?(?:warrants?|options?|rights?|units?|notes?)\b(?! shares?\b)"
)
_GROSS_OR_NET = re.compile(r"\b(gross|net)\b")


@dataclass
class _Security:
    names: List[str] = field(default_factory=list)
    first: int = 0
    linked: bool = False
    own_quantities: List[int] = field(default_factory=list)
    underlying_quantities: List[int] = field(default_factory=list)
    prices: Dict[str, List[Dict[str, str]]] = field(default_factory=lambda: {k: [] for k in PRICE_KINDS})
    # (quantity, price) stated together for one mention: "1,300,006 shares of common stock at
    # $4.00 ... and 4,474,833 shares of common stock at $3.00"
    pairs: List[Tuple[int, Dict[str, str]]] = field(default_factory=list)

    def to_json(self) -> Dict[str, Any]:
        quantities = self.own_quantities or self.underlying_quantities
        out: Dict[str, Any] = {"name": plain_form(self.names), "quantity": quantities[0] if quantities else None}
        for kind in PRICE_KINDS:
            out[kind] = self.prices[kind][0] if self.prices[kind] else None
        tranches = []
        for quantity, price in self.pairs:
            if {"quantity": quantity, "price": price} not in tranches:
                tranches.append({"quantity": quantity, "price": price})
        if len(tranches) > 1:  # one security sold in parts at different prices
            out["tranches"] = tranches
        return out


def security_key(name: str) -> str:
    """'Finder’s Warrants' and "finder's warrant" are one class: case, quotes and a plural s folded."""
    key = fold_key(name).replace("’", "'")
    return re.sub(r"(?<=[a-z])(?<!s)s$", "", key)


def money(value: Any) -> Optional[Dict[str, str]]:
    """A PRICE/AMOUNT value as {"amount": decimal string, "currency"}; None when unparsed."""
    if isinstance(value, dict) and value.get("amount") is not None:
        return {"amount": str(value["amount"]), "currency": value.get("currency")}
    return None


def price_kind(view: RecordView, price: Mention, security: Optional[Mention]) -> str:
    """price, exercise_price or conversion_price: the nearest telling words before the price
    decide; without any, a price of a warrant is its exercise price and a price of a
    convertible its conversion price."""
    before = view.before(price, 80)
    found = [(m.end(), kind) for kind, pattern in _PRICE_WORDS.items() for m in pattern.finditer(before)]
    if found:
        return max(found)[1]
    if security is None:
        return "price"
    if _PER_SECURITY_UNIT.match(view.after(price, 40)):
        return "price"
    if WARRANT_LIKE.search(security.name):
        return "exercise_price"
    if _CONVERTIBLE.search(security.name):
        return "conversion_price"
    return "price"


def _is_derivative(name: str) -> bool:
    return bool(WARRANT_LIKE.search(name) or _CONVERTIBLE.search(name))


def _underlying_of(view: RecordView, quantity: Mention) -> Optional[Mention]:
    """The warrant or convertible whose shares this count is ("warrants to acquire 599,333 shares")."""
    earlier = [s for s in view.of("SECURITY") if s.end <= quantity.start]
    if not earlier:
        return None
    nearest = earlier[-1]
    if (_is_derivative(nearest.name) and quantity.start - nearest.end <= _UNDERLYING_REACH
            and view.same_sentence(nearest, quantity) and _UNDERLYING.search(view.between(nearest, quantity))):
        return nearest
    return None


def _nearest_derivative_before(view: RecordView, price: Mention) -> Optional[Mention]:
    earlier = [s for s in view.of("SECURITY") if s.end <= price.start and view.same_sentence(s, price)]
    derivatives = [s for s in earlier if _is_derivative(s.name)]
    return derivatives[-1] if derivatives else None


def build_securities(view: RecordView) -> List[Dict[str, Any]]:
    groups: Dict[str, _Security] = {}
    for mention in view.of("SECURITY"):
        group = groups.setdefault(security_key(mention.name), _Security(first=mention.start))
        group.names.append(mention.name)

    def group_of(mention: Mention) -> _Security:
        return groups[security_key(mention.name)]

    for _, security, label in view.relations:
        if label == "OFFERS" and security.label == "SECURITY":
            group_of(security).linked = True
    linked_prices = set()
    quantity_at: Dict[Mention, int] = {}
    price_at: Dict[Mention, Dict[str, str]] = {}
    for head, security, label in sorted(view.relations, key=lambda r: r[0].start):
        if security.label != "SECURITY":
            continue
        if label == "QUANTITY_OF":
            owner = _underlying_of(view, head)
            target = group_of(owner if owner is not None else security)
            target.linked = True
            if isinstance(head.value, int):
                if owner is not None:
                    target.underlying_quantities.append(head.value)
                else:
                    target.own_quantities.append(head.value)
                    quantity_at.setdefault(security, head.value)
        elif label == "PRICE_OF":
            linked_prices.add(head)
            group_of(security).linked = True
            value = money(head.value)
            if value is not None:
                kind = price_kind(view, head, security)
                group_of(security).prices[kind].append(value)
                if kind == "price":
                    price_at.setdefault(security, value)
    for mention in sorted(set(quantity_at) & set(price_at), key=lambda m: m.start):
        group_of(mention).pairs.append((quantity_at[mention], price_at[mention]))
    # A price stated as "an exercise price of $4.00" with no PRICE_OF still belongs to the
    # warrant named before it in the sentence.
    for price in view.of("PRICE"):
        if price in linked_prices or money(price.value) is None:
            continue
        kind = price_kind(view, price, None)
        owner = _nearest_derivative_before(view, price) if kind != "price" else None
        if owner is not None:
            group_of(owner).linked = True
            group_of(owner).prices[kind].append(money(price.value))

    chosen = [g for g in groups.values() if g.linked]
    if not chosen:
        # No relation at all (a model that found the securities but no links): list every
        # class, except back-references such as "warrants" for "Common Stock purchase warrants".
        keys = list(groups)
        chosen = [groups[k] for k in keys
                  if not any(o != k and o.endswith(" " + k) for o in keys)]
    return [g.to_json() for g in sorted(chosen, key=lambda g: g.first)]


def amount_kind(view: RecordView, amount: Mention) -> Optional[str]:
    """'gross' or 'net' when those words stand nearest the amount in its sentence, else None."""
    before = view.before(amount, 100)
    after = view.after(amount, 40)
    found: List[Tuple[int, str]] = [(len(before) - m.end(), m.group(1)) for m in _GROSS_OR_NET.finditer(before)]
    found += [(m.start(), m.group(1)) for m in _GROSS_OR_NET.finditer(after)]
    return min(found)[1] if found else None


def build_amount(view: RecordView) -> Dict[str, Optional[Dict[str, str]]]:
    """Gross and net proceeds. An amount the text does not call gross or net is the offering's
    size as announced ("raises $9 million"), taken as gross when no amount is called gross;
    the issuer's RAISES amounts first."""
    amounts = [a for a in view.of("AMOUNT") if money(a.value) is not None]
    kinds = {a: amount_kind(view, a) for a in amounts}
    raised = set(view.relation_ends({"RAISES"}, as_head=False))
    gross = [a for a in amounts if kinds[a] == "gross"]
    plain = [a for a in amounts if kinds[a] is None]
    plain.sort(key=lambda a: (a not in raised, a.start))
    net = [a for a in amounts if kinds[a] == "net"]
    chosen_gross = (gross or plain or [None])[0]
    return {
        "gross": money(chosen_gross.value) if chosen_gross else None,
        "net": money(net[0].value) if net else None,
    }


def build_offering(view: RecordView) -> Dict[str, Any]:
    return {
        "kind": "offering",
        "issuer": pick_company(view, {"OFFERS", "RAISES"}, as_head=True),
        "securities": build_securities(view),
        "amount": build_amount(view),
        # AGENT_OF is rare (agents are seldom named in the issuer's sentence): every agent
        # of the document acts for its offering.
        "agents": distinct_companies(view.of("AGENT")),
    }
