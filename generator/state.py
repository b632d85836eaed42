"""What the last build wrote: each output file with the fingerprint of its inputs.

Kept in `output/<year>/.build-state.json`. Only files listed here are ever replaced without a copy
or removed by a build.

A file is current when it is there and its inputs have the same fingerprint. A file changed since
the build wrote it (size or modification time) was edited by hand, in Word say: it is kept while
its inputs stay the same, and copied aside before a build replaces or removes it. `pending` lists
the files a build set out to write, each with its size and time before the build: if the build
was killed, a file that no longer matches them was written by it, not edited.

`inputs` is the digest of every input of the edition as a whole (content, templates, font, code)
at the last complete build: while it is the same and no file changed, there is nothing to do, not
even to read the content.
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
    entries: dict[str, dict] = field(default_factory=dict)  # relative path → fingerprint, size, mtime_ns, edited
    inputs: str = ""  # digest of the whole edition's inputs at the last complete build
    pending: dict[str, list | None] = field(default_factory=dict)  # files being written → [size, mtime_ns] before, or None

    @classmethod
    def load(cls, folder: Path) -> "BuildState":
        try:
            data = json.loads((folder / STATE_FILE).read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):
            data = {}
        if not isinstance(data, dict) or not isinstance(data.get("files"), dict):
            return cls(folder)
        pending = data.get("pending", {})
        return cls(folder, data["files"], str(data.get("inputs", "")), pending if isinstance(pending, dict) else {})

    def unchanged_since(self, inputs: str) -> bool:
        """True when the inputs are those of the last complete build and no output was touched."""
        return (bool(self.entries) and inputs == self.inputs and not self.pending
                and all(self._untouched(r, e) for r, e in self.entries.items()))

    def stat(self, relative: str) -> list | None:
        try:
            stat = (self.folder / relative).stat()
        except FileNotFoundError:
            return None
        return [stat.st_size, stat.st_mtime_ns]

    def _untouched(self, relative: str, entry: dict) -> bool:
        return self.stat(relative) == [entry.get("size"), entry.get("mtime_ns")]

    def _written_by_killed_build(self, relative: str) -> bool:
        return relative in self.pending and self.stat(relative) != self.pending[relative]

    def is_current(self, relative: str, fingerprint: str) -> bool:
        entry = self.entries.get(relative)
        if entry is None or entry.get("fingerprint") != fingerprint or not (self.folder / relative).exists():
            return False
        return not self._written_by_killed_build(relative)

    def edited(self, relative: str) -> bool:
        """True when the file is there but not as a build wrote it."""
        if not (self.folder / relative).exists() or self._written_by_killed_build(relative):
            return False
        entry = self.entries.get(relative)
        return entry is None or bool(entry.get("edited")) or not self._untouched(relative, entry)

    def newly_edited(self, relative: str) -> bool:
        """Edited since the last build looked at it (not yet recorded as edited)."""
        entry = self.entries.get(relative)
        return self.edited(relative) and not (entry and entry.get("edited") and self._untouched(relative, entry))

    def record(self, relative: str, fingerprint: str, *, edited: bool = False) -> None:
        stat = (self.folder / relative).stat()
        self.entries[relative] = {"fingerprint": fingerprint, "size": stat.st_size, "mtime_ns": stat.st_mtime_ns}
        if edited:
            self.entries[relative]["edited"] = True
        self.pending.pop(relative, None)

    def forget(self, relative: str) -> None:
        self.entries.pop(relative, None)
        self.pending.pop(relative, None)

    def save(self) -> None:
        data = json.dumps({"inputs": self.inputs, "files": self.entries, "pending": self.pending},
                          ensure_ascii=False, separators=(",", ":"), sort_keys=True)
        write_atomic(self.folder / STATE_FILE, data.encode("utf-8"))
