"""exhibit_entity_rules and exhibit_relation_rules: the rule steps, as two pipeline components.

The rules that refine the recognizer's entities (officer phrases, agent lists, the issuer
resolver, ...) and those that decide a relation label after the relation model run as ordered
steps of two components rather than as fourteen components of their own. The pipeline then reads
as its stages (structure, embedding, entities, entity rules, values, segments, relations,
relation rules), and each step keeps its own settings, its own on/off switch for corpora in another
schema, and its own saved state in a sub-folder named after it.

    [components.exhibit_entity_rules]
    factory = "exhibit_entity_rules"
    steps = ["officers", "issuers"]          # run in this order
    [components.exhibit_entity_rules.settings.issuers]
    threshold = 0.5                          # keyword arguments of that step's builder
"""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, List, Mapping, Sequence, Tuple

from spacy.language import Language
from spacy.tokens import Doc

from ..errors import ConfigError
from .text_cache import cached_text
from . import (
    agents, amounts, appointments, certifications, certified_reports, contact_staff, counted_securities, issuers,
    mentions, offers, officer_titles, officers, price_phrases, prices, proceeds, quantities, registrants,
    sale_context, securities, signature_titles, title_alternatives, titled_officers,
)

# step name -> builder(nlp, name, **settings), in the order the default pipeline runs them
ENTITY_STEPS: Dict[str, Callable] = {
    "officers": officers.make_officer_names,
    "agents": agents.make_agent_names,
    "amounts": amounts.make_amount_spans,
    "prices": price_phrases.make_price_spans,
    "quantities": quantities.make_quantity_spans,
    "securities": securities.make_security_spans,
    "registrants": registrants.make_registrant_names,
    "reports": certified_reports.make_report_names,
    "mentions": mentions.make_mention_propagator,
    "issuers": issuers.make_issuer_resolver,
    "officer_titles": officer_titles.make_officer_titles,
    "contact_staff": contact_staff.make_contact_staff,
    "signature_titles": signature_titles.make_signature_titles,
    "sale_context": sale_context.make_sale_context,
}
RELATION_STEPS: Dict[str, Callable] = {
    "certifies": certifications.make_certifying_statements,
    "certified_issuers": certifications.make_certified_issuers,
    "price_of": prices.make_priced_securities,
    "quantity_of": counted_securities.make_counted_securities,
    "offers": offers.make_offered_securities,
    "raises": proceeds.make_raised_amounts,
    "block_titles": signature_titles.make_block_titles,
    "appointments": appointments.make_appointed_officers,
    "titled_officers": titled_officers.make_titled_officers,
    "title_alternatives": title_alternatives.make_title_alternatives,
}


class RuleStage:
    """Runs its steps in order on each doc; initializes, saves and loads each step on its own."""

    def __init__(self, nlp: Language, name: str, steps: Sequence[str],
                 settings: Mapping[str, Mapping[str, Any]], catalogue: Mapping[str, Callable]):
        self.name = name
        # a stage of entity steps finds entities: a relation measure on gold entities skips it
        self.finds_entities = catalogue is ENTITY_STEPS
        unknown = [step for step in [*steps, *settings] if step not in catalogue]
        if unknown:
            raise ConfigError(
                "E385",
                f"component {name!r}: unknown step {unknown[0]!r}; the steps are {', '.join(catalogue)}",
            )
        self.steps: Dict[str, Any] = {}
        for step in steps:
            try:
                self.steps[step] = catalogue[step](nlp, f"{name}.{step}", **dict(settings.get(step, {})))
            except TypeError as error:  # a setting the step's builder does not take
                raise ConfigError("E386", f"component {name!r}, step {step!r}: {error}") from None

    @property
    def step_names(self) -> List[str]:
        return list(self.steps)

    def step(self, name: str) -> Any:
        """The object that runs step `name` (its settings and state are its attributes)."""
        return self.steps[name]

    @contextmanager
    def skipping(self, names: Sequence[str]) -> Iterator["RuleStage"]:
        """Run without the steps `names` for a while (ablation: a step's worth, measured)."""
        saved = self.steps
        self.steps = {name: step for name, step in saved.items() if name not in set(names)}
        try:
            yield self
        finally:
            self.steps = saved

    def __call__(self, doc: Doc) -> Doc:
        with cached_text(doc):
            for step in self.steps.values():
                doc = step(doc)
        return doc

    def initialize(self, get_examples: Callable, *, nlp: Language | None = None) -> None:
        for step in self.steps.values():
            if hasattr(step, "initialize"):
                step.initialize(get_examples, nlp=nlp)

    def to_disk(self, path, *, exclude=tuple()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        for name, step in self.steps.items():
            if hasattr(step, "to_disk"):
                step.to_disk(path / name)

    def from_disk(self, path, *, exclude=tuple()) -> "RuleStage":
        path = Path(path)
        for name, step in self.steps.items():
            if hasattr(step, "from_disk") and (path / name).exists():
                step.from_disk(path / name)
        return self


def components_and_steps(nlp: Language) -> Iterator[Tuple[str, Any]]:
    """Every component of `nlp` and every step of its rule stages, as (name, object); a step is
    named "STAGE.STEP"."""
    for name, proc in nlp.pipeline:
        yield name, proc
        if isinstance(proc, RuleStage):
            for step_name, step in proc.steps.items():
                yield f"{name}.{step_name}", step


@Language.factory(
    "exhibit_entity_rules",
    default_config={"steps": list(ENTITY_STEPS), "settings": {}},
    requires=["doc.ents"],
    assigns=["doc.ents"],
)
def make_entity_rules(nlp: Language, name: str, steps: List[str],
                      settings: Dict[str, Dict[str, Any]]) -> RuleStage:
    return RuleStage(nlp, name, steps, settings, ENTITY_STEPS)


@Language.factory(
    "exhibit_relation_rules",
    default_config={"steps": list(RELATION_STEPS), "settings": {}},
    requires=["doc.ents", "doc._.relations"],
    assigns=["doc._.relations"],
)
def make_relation_rules(nlp: Language, name: str, steps: List[str],
                        settings: Dict[str, Dict[str, Any]]) -> RuleStage:
    return RuleStage(nlp, name, steps, settings, RELATION_STEPS)
