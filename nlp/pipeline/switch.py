"""The on/off state of a rule component, saved with the pipeline.

Rule components switch themselves off at `initialize` when the training data lacks their label,
so that a corpus in another schema gets no invented labels; the switch must survive to_disk.
"""
from __future__ import annotations

import json
from pathlib import Path


class ActiveSwitch:
    active = True

    def to_disk(self, path, *, exclude=tuple()):
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "cfg.json").write_text(json.dumps({"active": self.active}))

    def from_disk(self, path, *, exclude=tuple()):
        cfg = Path(path) / "cfg.json"
        if cfg.exists():
            self.active = bool(json.loads(cfg.read_text()).get("active", True))
        return self
