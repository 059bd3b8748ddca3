"""The on/off state of a rule component, saved with the pipeline.

Rule components switch themselves off at `initialize` when the training data lacks their label,
so that a corpus in another schema gets no invented labels; the switch must survive to_disk.
"""
from __future__ import annotations

import json
from pathlib import Path


class ActiveSwitch:
    active = True

    def stay_on_for(self, get_examples, label: str) -> None:
        """At initialize: stay on only if the training data has `label` (a corpus in another
        schema would otherwise get a label it lacks)."""
        if get_examples is not None:
            self.active = any(ent.label_ == label for eg in get_examples() for ent in eg.reference.ents)

    def to_disk(self, path, *, exclude=tuple()):
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "cfg.json").write_text(json.dumps({"active": self.active}))

    def from_disk(self, path, *, exclude=tuple()):
        cfg = Path(path) / "cfg.json"
        if cfg.exists():
            self.active = bool(json.loads(cfg.read_text()).get("active", True))
        return self
