"""The offering record: the offering (issuer, gross/net amount, currency, agents, combined
price) and its securities with quantity and prices.

Built from the guide's relations (OFFERS, QUANTITY_OF, PRICE_OF, RAISES) plus a few readings
of the words around a mention, because the guide leaves some facts to the text: whether a
price is an exercise or conversion price, whether an amount is gross or net, and which
warrant the "599,333 shares of Common Stock" of "warrants to acquire 599,333 shares of Common
Stock" belong to (the guide links that quantity to the shares, convention 11).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Dict, List, Optional, Tuple

from ..combined_price import AFTER_CHARS, BEFORE_CHARS, states_combined_price
from ..names import fold_key
from .grouping import distinct_companies, pick_company, plain_form
from .money import Figure, exact_amount, figure, offering_currency
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
_CONDITIONAL = re.compile(r"over-?allotment|option (?:is|was|are) exercised|exercise of the [\w’' -]{0,30}option",
                          re.I)
_GROSS_OR_NET_AFTER = re.compile(r"^[(,]?\s*(?:(?:in|of)\s+)?(?:(?:aggregate|total)\s+)?(gross|net)\b")
PRE_FUNDED = re.compile(r"\bpre-?funded\b", re.I)
# A pre-funded warrant's exercise price is nominal ($0.0001, $0.001); its purchase price is
# about the share price.
NOMINAL_EXERCISE_PRICE = Decimal("0.01")
_PRICE_WORDS_AFTER = re.compile(
    r"^(?:per (?:share|ordinary share|warrant share)\s+)?[,(]?\s*(?:which (?:is|equals)\s+)?"
    r"(?:the\s+|its\s+|an?\s+)?(exercise|conversion) price\b")
# what stands between a security and its defined term: ' (each, a “', ' (the "', and inside a
# parenthesis ("(each whole warrant, a “Warrant”)") ', a "'
_DEFINITION = re.compile(
    r"^[’'s]{0,2}(?:\s+(?:of|in the capital of)\s+the\s+(?:company|corporation|issuer|trust))?"
    r"\s*[(,]\s*(?:(?:each|collectively|together)\s*,?\s*)?(?:(?:a|an|the)\s+)?[\"“]$", re.I)
# "issued at a deemed price of $0.46" (shares for debt): a price, but no part of the sale
_DEEMED = re.compile(r"\bdeemed (?:issue |conversion )?price of$")
# shares named for the derivative they come from: what a warrant or note buys, never sold
_ROLE_SHARES = re.compile(r"\b(?:warrant|conversion|underlying|option|broker warrant) shares?\b")
_PER_SHARE = re.compile(r"^per share\b(?! of)")
_TRANCHE = re.compile(r"\btranche\b", re.I)
# "$1.10 per ordinary share", "$1.09999 for each pre-funded warrant": the pricing unit names
# the security the price is for.
_PRICING_UNIT = re.compile(r"^(?:per|for each|for every|for one|a|an)\s+((?:[\w’'-]+\s+){0,5}[\w’'-]+)")


@dataclass
class _Security:
    names: List[str] = field(default_factory=list)
    first: int = 0
    linked: bool = False
    own_quantities: List[int] = field(default_factory=list)
    # whether each own quantity was stated for a tranche ("Tranche two ... 2.5 billion New Shares")
    in_tranche: List[bool] = field(default_factory=list)
    underlying_quantities: List[int] = field(default_factory=list)
    prices: Dict[str, List[Figure]] = field(default_factory=lambda: {k: [] for k in PRICE_KINDS})
    # (quantity, price) stated together for one mention: "1,300,006 shares of common stock at
    # $4.00 ... and 4,474,833 shares of common stock at $3.00"
    pairs: List[Tuple[int, Figure]] = field(default_factory=list)

    def quantity(self) -> Optional[int]:
        """The first count stated; the sum of the tranches when only tranches are counted."""
        own = self.own_quantities
        if len(set(own)) > 1 and all(self.in_tranche) and not any(2 * q == sum(own) for q in own):
            return sum(own)
        quantities = own or self.underlying_quantities
        return quantities[0] if quantities else None

    def to_json(self) -> Dict[str, Any]:
        out: Dict[str, Any] = {"name": plain_form(self.names), "quantity": self.quantity()}
        for kind in PRICE_KINDS:
            out[kind] = self.prices[kind][0].to_json() if self.prices[kind] else None
        tranches: List[Dict[str, Any]] = []
        for quantity, price in self.pairs:
            tranche = {"quantity": quantity, "price": price.to_json()}
            if tranche not in tranches:
                tranches.append(tranche)
        if len(tranches) > 1:  # one security sold in parts at different prices
            out["tranches"] = tranches
        return out


def _group_key(name: str) -> str:
    """The key mentions of one class share, spacing ignored ("OfferShares" of a text that lost
    its line breaks is "Offer Shares")."""
    return security_key(name).replace(" ", "")


def security_key(name: str) -> str:
    """'Finder’s Warrants' and "finder's warrant" are one class: case, quotes and a plural s folded."""
    key = fold_key(name).replace("’", "'")
    return re.sub(r"(?<=[a-z])(?<!s)s$", "", key)


def is_combined_price(view: RecordView, price: Mention) -> bool:
    return states_combined_price(view.before(price, BEFORE_CHARS), view.after(price, AFTER_CHARS))


def price_kind(view: RecordView, price: Mention, security: Optional[Mention]) -> str:
    """price, exercise_price or conversion_price: the nearest telling words before the price
    decide; without any, a price of a warrant is its exercise price and a price of a
    convertible its conversion price."""
    named_after = _PRICE_WORDS_AFTER.match(view.after(price, 60))
    if named_after:  # "$0.0001 per share exercise price", "$0.001, which is the exercise price"
        return f"{named_after.group(1)}_price"
    before = view.before(price, 80)
    found = [(m.end(), kind) for kind, pattern in _PRICE_WORDS.items() for m in pattern.finditer(before)]
    if found:
        return max(found)[1]
    if security is None:
        return "price"
    if _PER_SECURITY_UNIT.match(view.after(price, 40)):
        return "price"
    if PRE_FUNDED.search(security.name):
        # sold for nearly the share price, exercised for a nominal one
        amount = exact_amount((price.value or {}).get("amount")) if isinstance(price.value, dict) else None
        return "exercise_price" if amount is not None and Decimal(amount) <= NOMINAL_EXERCISE_PRICE else "price"
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


def _pricing_unit_owner(view: RecordView, price: Mention, groups: Dict[str, "_Security"],
                        kind: str) -> Optional[str]:
    """The key of the security named by the price's pricing unit ("$1.10 per ordinary
    share"), when the record has that security. The shares of an exercise or conversion price
    ("$5.21 per Common Share") are what the warrant buys, not the price's owner."""
    unit = _PRICING_UNIT.match(view.after(price, 50))
    if unit is None:
        return None
    words = re.sub(r"^shares? of (?:the company’s |the company's |its |our )?", "", unit.group(1)).split()
    for size in range(len(words), 0, -1):  # the longest phrase that names a security
        key = _group_key(" ".join(words[:size]))
        if key in groups:
            return key if kind == "price" or _is_derivative(groups[key].names[0]) else None
    return None


def _has_values(group: "_Security") -> bool:
    return bool(group.own_quantities or group.underlying_quantities or any(group.prices.values()))


def _stems(name: str) -> List[str]:
    """Words without plural s and without a maturity ("senior notes due 2013" -> senior note)."""
    return [re.sub(r"(?<=[a-z])(?<!s)s$", "", w) for w in re.sub(r"\s+due\s+\d{4}$", "", name).split()]


def _is_shorthand(short: List[str], full: List[str]) -> bool:
    """'convertible debenture' for 'eighth series convertible unsecured subordinated
    debenture': the same head noun, the words in order."""
    full = _stems(" ".join(full))
    short = _stems(" ".join(short))
    # a name of no words (a span of blanks) is nobody's shorthand
    if not short or len(short) > len(full) or short[-1] != full[-1]:
        return False
    rest = iter(full)
    return all(word in rest for word in short)


def _merge_shorthands(chosen: List["_Security"]) -> List["_Security"]:
    """A headline's shorthand of a security ("Convertible Debenture") with no quantity or price
    of its own is that security, when it can be only one."""
    keys = {id(g): security_key(g.names[0]).split() for g in chosen}
    kept: List["_Security"] = []
    merged: set = set()
    for group in chosen:
        fuller = [g for g in chosen if g is not group and id(g) not in merged
                  and _is_shorthand(keys[id(group)], keys[id(g)])]
        if len(fuller) == 1 and not _has_values(group):
            merged.add(id(group))
            fuller[0].first = min(fuller[0].first, group.first)
            fuller[0].names.extend(group.names)  # its own names first: they name it fully
        else:
            kept.append(group)
    return kept


def defined_terms(view: RecordView) -> Dict[str, str]:
    """{key of a defined term: key of the security it defines}: "common shares (each, a
    “Share”)" makes every "Share" the common shares."""
    securities = view.of("SECURITY")
    aliases: Dict[str, str] = {}
    for defined, term in zip(securities, securities[1:]):
        if _DEFINITION.match(view.text[defined.end:term.start]):
            key = _group_key(defined.name)
            key = aliases.get(key, key)
            if _group_key(term.name) != key:
                aliases[_group_key(term.name)] = key
    return aliases


class _Ledger:
    """The securities of one record as groups of mentions, and the facts posted to them."""

    def __init__(self, view: RecordView):
        self.view = view
        self.aliases = defined_terms(view)
        self.groups: Dict[str, _Security] = {}
        for mention in view.of("SECURITY"):
            group = self.groups.setdefault(self.key_of(mention.name), _Security(first=mention.start))
            group.names.append(mention.name)
        for term, key in self.aliases.items():
            self.groups.setdefault(term, self.groups[key])  # a pricing unit may name the defined term
        self.combined = {p for p in view.of("PRICE") if is_combined_price(view, p)}
        # the securities a relation names: sold in their own right
        self.related = [self.group_of(c) for _, c, label in view.relations
                        if c.label == "SECURITY" and label in ("OFFERS", "QUANTITY_OF", "PRICE_OF")]
        self.linked_prices: set = set()

    def key_of(self, name: str) -> str:
        key = _group_key(name)
        return self.aliases.get(key, key)

    def group_of(self, mention: Mention) -> _Security:
        return self.groups[self.key_of(mention.name)]

    def is_related(self, group: _Security) -> bool:
        return any(g is group for g in self.related)

    def post_relations(self) -> None:
        """OFFERS, QUANTITY_OF and PRICE_OF, in the order of the text."""
        view = self.view
        quantity_at: Dict[Mention, int] = {}
        price_at: Dict[Mention, Figure] = {}
        for head, security, label in sorted(view.relations, key=lambda r: r[0].start):
            if security.label != "SECURITY":
                continue
            if label == "OFFERS":
                self.group_of(security).linked = True
            elif label == "QUANTITY_OF":
                owner = _underlying_of(view, head)
                target = self.group_of(owner if owner is not None else security)
                target.linked = True
                if not isinstance(head.value, int):
                    continue
                if owner is not None:
                    target.underlying_quantities.append(head.value)
                else:
                    target.own_quantities.append(head.value)
                    target.in_tranche.append(bool(_TRANCHE.search(view.sentence(head))))
                    quantity_at.setdefault(security, head.value)
            elif label == "PRICE_OF" and head not in self.combined:
                self.linked_prices.add(head)
                self.group_of(security).linked = True
                value = figure(view, head)
                if value is None:
                    continue
                # The pricing unit names a security sold in its own right ("ordinary shares and
                # pre-funded warrants at $1.10 per ordinary share"): it overrules the link; a
                # warrant's underlying shares ("$0.20 per Warrant Share") do not.
                unit_kind = price_kind(view, head, None)
                unit_key = _pricing_unit_owner(view, head, self.groups, unit_kind)
                if (unit_key is not None and self.groups[unit_key] is not self.group_of(security)
                        and self.is_related(self.groups[unit_key])):
                    self.groups[unit_key].linked = True
                    self.groups[unit_key].prices[unit_kind].append(value)
                    continue
                kind = price_kind(view, head, security)
                self.group_of(security).prices[kind].append(value)
                if kind == "price" and not _DEEMED.search(view.before(head, 40)):
                    price_at.setdefault(security, value)
        for mention in sorted(set(quantity_at) & set(price_at), key=lambda m: m.start):
            self.group_of(mention).pairs.append((quantity_at[mention], price_at[mention]))

    def post_unlinked_prices(self) -> None:
        """A price with no PRICE_OF still belongs to the security its pricing unit names ("$4.17
        per Common Unit"; "$0.011 per share" where one class of shares is sold), else, as an
        exercise or conversion price, to the warrant or convertible named before it."""
        view = self.view
        for price in view.of("PRICE"):
            value = figure(view, price)
            if price in self.linked_prices or price in self.combined or value is None:
                continue
            kind = price_kind(view, price, None)
            unit_key = _pricing_unit_owner(view, price, self.groups, kind)
            if unit_key is None and kind == "price" and _PER_SHARE.match(view.after(price, 20)):
                unit_key = self._only_shares_sold()
            if unit_key is not None and not _ROLE_SHARES.search(security_key(self.groups[unit_key].names[0])):
                self.groups[unit_key].linked = True
                self.groups[unit_key].prices[kind].append(value)
                continue
            owner = _nearest_derivative_before(view, price) if kind != "price" else None
            if owner is not None:
                self.group_of(owner).linked = True
                self.group_of(owner).prices[kind].append(value)

    def _only_shares_sold(self) -> Optional[str]:
        shares = {id(g): g for g in self.related if not _is_derivative(g.names[0])
                  and re.search(r"\b(?:share|stock)$", security_key(g.names[0]))}
        return self.key_of(next(iter(shares.values())).names[0]) if len(shares) == 1 else None

    def chosen(self) -> List[_Security]:
        unique = list({id(g): g for g in self.groups.values()}.values())  # defined terms share a group
        chosen = _merge_shorthands([g for g in unique if g.linked])
        if not chosen:
            # No relation at all (a model that found the securities but no links): list every
            # class, except back-references such as "warrants" for "Common Stock purchase warrants".
            names = [security_key(g.names[0]) for g in unique]
            chosen = [g for g, k in zip(unique, names)
                      if not any(o != k and o.endswith(" " + k) for o in names)]
        return sorted(chosen, key=lambda g: g.first)


def build_securities(view: RecordView) -> Tuple[List[Dict[str, Any]], List[Figure]]:
    """The securities (in order of first mention) and the figures of their prices."""
    ledger = _Ledger(view)
    ledger.post_relations()
    ledger.post_unlinked_prices()
    chosen = ledger.chosen()
    figures = [f for g in chosen for kind in PRICE_KINDS for f in g.prices[kind][:1]]
    return [g.to_json() for g in chosen], figures


def amount_kind(view: RecordView, amount: Mention) -> Optional[str]:
    """'gross' or 'net' when those words stand nearest the amount in its sentence, else None."""
    before = view.before(amount, 100)
    # after the amount only a word that names it counts ("$5 million in gross proceeds"), not
    # the next amount's ("gross proceeds of $5 million and net proceeds of $4.5 million")
    after = _GROSS_OR_NET_AFTER.match(view.after(amount, 40))
    found: List[Tuple[int, str]] = [(len(before) - m.end(), m.group(1)) for m in _GROSS_OR_NET.finditer(before)]
    if after:
        found.append((after.start(1), after.group(1)))
    return min(found)[1] if found else None


def build_amount(view: RecordView) -> Dict[str, Optional[Figure]]:
    """Gross and net proceeds. An amount the text does not call gross or net is the offering's
    size as announced ("raises $9 million"), taken as gross when no amount is called gross;
    the issuer's RAISES amounts first."""
    figures = {a: figure(view, a) for a in view.of("AMOUNT")}
    amounts = [a for a, f in figures.items() if f is not None]
    kinds = {a: amount_kind(view, a) for a in amounts}
    raised = set(view.relation_ends({"RAISES"}, as_head=False))
    # "if the over-allotment option is exercised in full, the gross proceeds will be $86
    # million": what the offering may reach, after what it is
    conditional = {a for a in amounts if _CONDITIONAL.search(view.sentence(a))}
    amounts.sort(key=lambda a: a in conditional)
    gross = sorted((a for a in amounts if kinds[a] in ("gross", None)),
                   key=lambda a: (a in conditional, kinds[a] is None, a not in raised, a.start))
    net = [a for a in amounts if kinds[a] == "net"]
    chosen_gross = (gross or [None])[0]
    return {"gross": figures[chosen_gross] if chosen_gross else None,
            "net": figures[net[0]] if net else None}


def build_offering(view: RecordView) -> Dict[str, Any]:
    securities, price_figures = build_securities(view)
    amount = build_amount(view)
    combined = [f for f in (figure(view, p) for p in view.of("PRICE") if is_combined_price(view, p)) if f]
    currency, assumed = offering_currency([amount["gross"], amount["net"], *combined[:1], *price_figures])
    return {
        "kind": "offering",
        "offering": {
            "issuer": pick_company(view, {"OFFERS", "RAISES"}, as_head=True),
            "gross": amount["gross"].to_json() if amount["gross"] else None,
            "net": amount["net"].to_json() if amount["net"] else None,
            "currency": currency,
            "currency_assumed": assumed,
            # AGENT_OF is rare (agents are seldom named in the issuer's sentence): every agent
            # of the document acts for its offering.
            "agents": distinct_companies(view.of("AGENT")),
            "combined_price": combined[0].to_json() if combined else None,
        },
        "securities": securities,
    }
