"""What the last build wrote: each output file with the fingerprint of its inputs.

Kept in `output/<year>/.build-state.json`. A file is current when it is still there, unchanged
since it was written (size and modification time), and its inputs have the same fingerprint.
Only files listed here are ever removed by a build.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from .files import write_atomic

STATE_FILE = ".build-state.json"


@dataclass
class BuildState:
    folder: Path  # output/<year>/
    entries: dict[str, dict] = field(default_factory=dict)  # relative path → fingerprint, size, mtime_ns

    @classmethod
    def load(cls, folder: Path) -> "BuildState":
        try:
            entries = json.loads((folder / STATE_FILE).read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):
            entries = {}
        return cls(folder, entries if isinstance(entries, dict) else {})

    def is_current(self, relative: str, fingerprint: str) -> bool:
        entry = self.entries.get(relative)
        if entry is None or entry.get("fingerprint") != fingerprint:
            return False
        try:
            stat = (self.folder / relative).stat()
        except FileNotFoundError:
            return False
        return stat.st_size == entry.get("size") and stat.st_mtime_ns == entry.get("mtime_ns")

    def record(self, relative: str, fingerprint: str) -> None:
        stat = (self.folder / relative).stat()
        self.entries[relative] = {"fingerprint": fingerprint, "size": stat.st_size, "mtime_ns": stat.st_mtime_ns}

    def forget(self, relative: str) -> None:
        self.entries.pop(relative, None)

    def save(self) -> None:
        data = json.dumps(self.entries, ensure_ascii=False, indent=1, sort_keys=True)
        write_atomic(self.folder / STATE_FILE, data.encode("utf-8"))
