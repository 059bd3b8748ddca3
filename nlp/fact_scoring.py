"""Fact-level scores: what an analyst's table holds, gold against predicted, per exhibit.

Both sides go through the same code: a guide record -> nlp.facts.extract_facts -> `record_facts`,
which turns the structured record into a set of hashable tuples (kind, key..., value) with
normalized values (money as Decimal and currency, counts as integers, names and titles folded
for case, spacing and punctuation). Set comparison per exhibit gives tp, fp and fn per fact
kind; each document's micro counts feed the bootstrap like the other evaluation blocks.

`record_facts` is the only function that reads the structure of nlp.facts records.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, Dict, FrozenSet, Iterable, List, NamedTuple, Optional, Sequence, Tuple

from .io.records import ExhibitRecord
from .scoring import macro_scores, prf

Fact = Tuple[Any, ...]
Counts = List[Tuple[int, int, int]]

# Display order of the kinds in reports.
FACT_KINDS = (
    "issuer", "security", "quantity", "price", "exercise_price", "conversion_price",
    "combined_price", "gross_amount", "net_amount", "agent", "officer", "title", "certifies",
)
_PRICE_KINDS = ("price", "exercise_price", "conversion_price")
_JOINING_MARKS = re.compile(r"['’.]")  # "Finder’s", "U.S.", "Jr.": dropped, not a word break
_OTHER_MARKS = re.compile(r"[^\w\s]")


class Money(NamedTuple):
    amount: Decimal
    currency: Optional[str]

    def __str__(self) -> str:
        return f"{self.amount:f} {self.currency}" if self.currency else f"{self.amount:f}"


# --- value normalization ----------------------------------------------------------------------

def fold_name(text: Optional[str]) -> str:
    """'Harriet P. Voss, Jr.' -> 'harriet p voss jr': case, spacing and punctuation folded."""
    text = _JOINING_MARKS.sub("", (text or "").casefold())
    return " ".join(_OTHER_MARKS.sub(" ", text).split())


def fold_security(name: Optional[str]) -> str:
    """A security class: folded like a name, and a plural 's' dropped ('Warrants' = 'warrant')."""
    key = fold_name(name)
    return re.sub(r"(?<=[a-z]{2})(?<!s)s$", "", key)


def to_money(value: Any) -> Optional[Money]:
    """{"amount": "9000000", "currency": "USD"} (any decimal spelling) -> Money; None when unreadable."""
    if not isinstance(value, dict) or value.get("amount") is None:
        return None
    try:
        amount = Decimal(str(value["amount"]).replace(",", "")).normalize()
        # 9000000, 9E+6 and 9000000.00 are one value; quantize keeps plain digits for display
        if amount.is_finite() and amount == amount.to_integral_value():
            amount = amount.quantize(Decimal(1))
    except InvalidOperation:  # not a number, or too many digits to write out
        return None
    if not amount.is_finite():
        return None
    currency = value.get("currency")
    return Money(amount, currency.upper() if isinstance(currency, str) else None)


def to_count(value: Any) -> Optional[int]:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d[\d,]*", value.strip()):
        return int(value.replace(",", ""))
    return None


def _period(period: Any) -> Optional[str]:
    if isinstance(period, dict):
        return period.get("date") or fold_name(period.get("text")) or None
    if isinstance(period, str):
        return fold_name(period) or None
    return None


def _form(form: Any) -> Optional[str]:
    return " ".join(form.upper().split()) if isinstance(form, str) and form.strip() else None


# --- the adapter from nlp.facts records to fact tuples ---------------------------------------

def record_facts(record: Dict[str, Any]) -> FrozenSet[Fact]:
    """The fact tuples of one nlp.facts record (the "record" of extract_facts), deduplicated.

    Reads an offering's fields from its "offering" object or from the record itself, and the
    gross/net amounts from there or from an "amount" object, so the nested and the flat layouts
    of nlp.facts give the same facts.
    """
    facts = set()
    offering = record.get("offering") if isinstance(record.get("offering"), dict) else record
    company = fold_name(offering.get("issuer") or record.get("issuer") or record.get("company"))
    if company and record.get("kind") in ("offering", "certification"):
        facts.add(("issuer", company))
    for security in record.get("securities") or offering.get("securities") or []:
        name = fold_security(security.get("name"))
        if not name:
            continue
        facts.add(("security", name))
        quantity = to_count(security.get("quantity"))
        if quantity is not None:
            facts.add(("quantity", name, quantity))
        for kind in _PRICE_KINDS:
            price = to_money(security.get(kind))
            if price is not None:
                facts.add((kind, name, price))
    combined = to_money(offering.get("combined_price"))
    if combined is not None:  # a price of several securities together, which is none of theirs
        facts.add(("combined_price", combined))
    amount = offering.get("amount") or offering
    for side in ("gross", "net"):
        money = to_money(amount.get(side))
        if money is not None:
            facts.add((f"{side}_amount", money))
    for agent in offering.get("agents") or record.get("agents") or []:
        if fold_name(agent):
            facts.add(("agent", fold_name(agent)))
    report = record.get("report") if record.get("kind") == "certification" else None
    for officer in record.get("officers") or []:
        person = fold_name(officer.get("name"))
        if not person:
            continue
        facts.add(("officer", person, company))
        for title in officer.get("titles") or []:
            if fold_name(title):
                facts.add(("title", person, fold_name(title)))
        if isinstance(report, dict):
            facts.add(("certifies", person, _form(report.get("form")), _period(report.get("period"))))
    return frozenset(facts)


def exhibit_facts(record: ExhibitRecord) -> FrozenSet[Fact]:
    """The facts of a guide record (gold or predicted), built by nlp.facts."""
    from .facts import extract_facts

    return record_facts(extract_facts(record.to_dict())["record"])


# --- comparing and scoring --------------------------------------------------------------------

@dataclass(frozen=True)
class FactComparison:
    """One exhibit's gold and predicted facts."""

    id: str
    gold: FrozenSet[Fact]
    predicted: FrozenSet[Fact]

    @property
    def missed(self) -> List[Fact]:
        return sort_facts(self.gold - self.predicted)

    @property
    def false(self) -> List[Fact]:
        return sort_facts(self.predicted - self.gold)

    def counts(self) -> Tuple[Counter, Counter, Counter]:
        """tp, fp, fn by fact kind."""
        return (Counter(f[0] for f in self.gold & self.predicted),
                Counter(f[0] for f in self.predicted - self.gold),
                Counter(f[0] for f in self.gold - self.predicted))


def compare_facts(pairs: Iterable[Tuple[ExhibitRecord, ExhibitRecord]]) -> List[FactComparison]:
    """Each (gold, predicted) pair's facts, in the order of the pairs."""
    return [FactComparison(gold.id, exhibit_facts(gold), exhibit_facts(pred)) for gold, pred in pairs]


def _kind_order(kind: str) -> int:
    return FACT_KINDS.index(kind) if kind in FACT_KINDS else len(FACT_KINDS)


def sort_facts(facts: Iterable[Fact]) -> List[Fact]:
    return sorted(facts, key=lambda f: (_kind_order(f[0]), f[0], [str(part) for part in f[1:]]))


def score_facts(comparisons: Sequence[FactComparison]) -> Tuple[Dict, Counts]:
    """The facts block ({"micro", "macro_f", "macro_p", "macro_r", "per_label"}, per_label keyed by
    fact kind) and each document's micro (tp, fp, fn), which the bootstrap resamples."""
    tp, fp, fn = Counter(), Counter(), Counter()
    per_document = []
    for comparison in comparisons:
        doc_tp, doc_fp, doc_fn = comparison.counts()
        tp.update(doc_tp)
        fp.update(doc_fp)
        fn.update(doc_fn)
        per_document.append((sum(doc_tp.values()), sum(doc_fp.values()), sum(doc_fn.values())))
    kinds = sorted(set(tp) | set(fp) | set(fn), key=lambda k: (_kind_order(k), k))
    per_kind = {kind: prf(tp[kind], fp[kind], fn[kind]) for kind in kinds}
    micro = prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    return {"micro": micro, **macro_scores(per_kind), "per_label": per_kind}, per_document


def kind_document_counts(comparisons: Sequence[FactComparison]) -> Dict[str, Counts]:
    """Each document's (tp, fp, fn) for every fact kind: what per-kind intervals resample."""
    per_document = [comparison.counts() for comparison in comparisons]
    kinds = sorted({kind for counts in per_document for part in counts for kind in part},
                   key=lambda k: (_kind_order(k), k))
    return {kind: [(tp[kind], fp[kind], fn[kind]) for tp, fp, fn in per_document] for kind in kinds}


# --- listing ----------------------------------------------------------------------------------

def fact_parts(fact: Fact) -> List[str]:
    """The key and value of a fact as display strings (the kind left out)."""
    return ["" if part is None else str(part) for part in fact[1:]]


def fact_to_json(fact: Fact) -> Dict[str, Any]:
    return {"kind": fact[0], "fact": " · ".join(fact_parts(fact))}


def fact_errors(comparisons: Sequence[FactComparison], limit: Optional[int] = None) -> Dict:
    """{"counts": {kind: {"missed", "false"}}, "documents": [{"id", "missed", "false"}]}: the gold
    facts not predicted and the predicted facts not in gold, per exhibit in gold order; at most
    `limit` listed per kind and error type over all exhibits (None: all), the counts are full."""
    counts: Dict[str, Dict[str, int]] = {}
    listed: Counter = Counter()
    documents = []
    for comparison in comparisons:
        shown: Dict[str, List[Dict[str, Any]]] = {"missed": [], "false": []}
        for error, facts in (("missed", comparison.missed), ("false", comparison.false)):
            for fact in facts:
                counts.setdefault(fact[0], {"missed": 0, "false": 0})[error] += 1
                if limit is None or listed[(fact[0], error)] < limit:
                    listed[(fact[0], error)] += 1
                    shown[error].append(fact_to_json(fact))
        if shown["missed"] or shown["false"]:
            documents.append({"id": comparison.id, **shown})
    ordered = {kind: counts[kind] for kind in sorted(counts, key=lambda k: (_kind_order(k), k))}
    return {"counts": ordered, "documents": documents}
