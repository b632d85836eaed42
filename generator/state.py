"""What the last build wrote: each output file with the fingerprint of its inputs.

Kept in `output/<year>/.build-state.json`. A file is current when it is still there, unchanged
since it was written (size and modification time), and its inputs have the same fingerprint.
Only files listed here are ever removed by a build. `inputs` is the digest of every input of the
edition as a whole (content files, templates, font, code) when the last build completed: while it
is the same and every file is unchanged, there is nothing to do, not even to read the content.
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
    inputs: str = ""  # digest of the whole edition's inputs at the last complete build

    @classmethod
    def load(cls, folder: Path) -> "BuildState":
        try:
            data = json.loads((folder / STATE_FILE).read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):
            data = {}
        if not isinstance(data, dict) or not isinstance(data.get("files"), dict):
            return cls(folder)
        return cls(folder, data["files"], str(data.get("inputs", "")))

    def unchanged_since(self, inputs: str) -> bool:
        """True when the inputs are those of the last complete build and no output was touched."""
        return bool(self.entries) and inputs == self.inputs and all(self._untouched(r, e) for r, e in self.entries.items())

    def _untouched(self, relative: str, entry: dict) -> bool:
        try:
            stat = (self.folder / relative).stat()
        except FileNotFoundError:
            return False
        return stat.st_size == entry.get("size") and stat.st_mtime_ns == entry.get("mtime_ns")

    def is_current(self, relative: str, fingerprint: str) -> bool:
        entry = self.entries.get(relative)
        return entry is not None and entry.get("fingerprint") == fingerprint and self._untouched(relative, entry)

    def record(self, relative: str, fingerprint: str) -> None:
        stat = (self.folder / relative).stat()
        self.entries[relative] = {"fingerprint": fingerprint, "size": stat.st_size, "mtime_ns": stat.st_mtime_ns}

    def forget(self, relative: str) -> None:
        self.entries.pop(relative, None)

    def save(self) -> None:
        data = json.dumps({"inputs": self.inputs, "files": self.entries}, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
        write_atomic(self.folder / STATE_FILE, data.encode("utf-8"))
