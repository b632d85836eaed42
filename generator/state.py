"""What the last build wrote: each output file with the fingerprint of its inputs.

Kept in `output/<year>/.build-state.json`. Only files listed here are ever replaced without a copy
or removed by a build.

A file is current when it is there and its inputs have the same fingerprint. A file changed since
the build wrote it (its bytes, by their SHA-256) was edited by hand, in Word say: it is kept while
its inputs stay the same, and copied aside before a build replaces or removes it. `pending` lists
the files a build set out to write, each with its size, time and digest before the build: if the build
was killed, a file that no longer matches them was written by it, not edited.

`inputs` is the digest of every input of the edition as a whole (content, templates, font, code)
at the last complete build: while it is the same and no file changed, there is nothing to do, not
even to read the content.
"""

from __future__ import annotations

import hashlib
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .errors import GeneratorError
from .files import display_path, read_file, safe_relative, system_reason, write_atomic

STATE_FILE = ".build-state.json"
# Where st_ctime is the time of the last change (POSIX); on Windows it is the creation time, so
# every file is read and hashed there.
_UNCHANGED_INODE = sys.platform != "win32"


class StateProblem(GeneratorError):
    """The state file cannot be trusted: unreadable, or naming paths outside the output folder."""


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _valid_snapshot(value: object) -> bool:
    return value is None or (
        isinstance(value, list) and len(value) in (2, 3) and all(isinstance(part, (int, str)) for part in value)
    )


@dataclass
class BuildState:
    folder: Path  # output/<year>/
    entries: dict[str, dict] = field(
        default_factory=dict
    )  # relative path → fingerprint, size, mtime_ns, sha256, ctime_ns, ino, edited
    inputs: str = ""  # digest of the whole edition's inputs at the last complete build
    pending: dict[str, list | None] = field(
        default_factory=dict
    )  # files being written → [size, mtime_ns, sha256] before, or None
    _seen: dict[str, list | None] = field(default_factory=dict, repr=False)  # files read during this decision
    name: str = STATE_FILE  # another command writing into the folder (diff) keeps a state of its own

    @classmethod
    def load(cls, folder: Path, name: str = STATE_FILE) -> BuildState:
        """The state in `folder`; none there is an empty state. A state that cannot be read, or
        that names a path outside the folder, stops the build: trusting it could remove or
        overwrite the wrong files, and ignoring it would take every file for a hand edit."""
        path = folder / name
        try:
            text = read_file(path).decode("utf-8")
        except FileNotFoundError:
            return cls(folder, name=name)
        except OSError as err:
            raise _corrupt(path, system_reason(err)) from None
        except UnicodeDecodeError:
            raise _corrupt(path, "không phải văn bản UTF-8") from None
        try:
            data = json.loads(text)
        except ValueError:
            raise _corrupt(path, "không phải JSON") from None
        if (
            not isinstance(data, dict)
            or not isinstance(data.get("files"), dict)
            or not isinstance(data.get("pending", {}), dict)
        ):
            raise _corrupt(path, "thiếu danh sách tệp")
        entries, pending = data["files"], data.get("pending", {})
        for relative in [*entries, *pending]:
            if not safe_relative(relative) or relative == name:
                raise _corrupt(path, f"có đường dẫn “{relative}” ra ngoài thư mục kết quả")
        if not all(isinstance(entry, dict) for entry in entries.values()) or not all(
            map(_valid_snapshot, pending.values())
        ):
            raise _corrupt(path, "có mục không đúng dạng")
        return cls(folder, entries, str(data.get("inputs", "")), pending, name=name)

    def unchanged_since(self, inputs: str) -> bool:
        """True when the inputs are those of the last complete build and no output was touched."""
        return (
            bool(self.entries)
            and inputs == self.inputs
            and not self.pending
            and all(self._untouched(r, e) for r, e in self.entries.items())
        )

    def current(self, relative: str) -> list | None:
        """[size, mtime_ns, sha256] of the file as it is now, or None when it is not there."""
        path = self.folder / relative
        try:
            status = path.lstat()
            data = read_file(path)
        except (FileNotFoundError, NotADirectoryError):
            return None
        except OSError:  # a link, or unreadable: never taken for a file a build wrote
            return [-1, -1, ""]
        return [status.st_size, status.st_mtime_ns, digest(data)]

    def stat(self, relative: str) -> list | None:
        """current(), read once for the decisions of one build."""
        if relative not in self._seen:
            self._seen[relative] = self.current(relative)
        return self._seen[relative]

    @staticmethod
    def same(now: list | None, then: list | None) -> bool:
        """The same file as recorded: the same bytes, or the same size and time for a record from
        before the state kept hashes. Size and time alone miss an edit copied with its time kept."""
        if now is None or then is None:
            return now is then
        if len(then) == 3:
            return now[2] == then[2]
        return now[:2] == list(then)

    def _untouched(self, relative: str, entry: dict) -> bool:
        if _UNCHANGED_INODE and "ctime_ns" in entry:
            # The same inode with the same change time has not been written since: no need to read
            # it. Anything that writes a file, or sets its times back (cp -p), moves its ctime.
            try:
                status = (self.folder / relative).lstat()
            except OSError:
                return False
            if [status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino] == [
                entry.get("size"),
                entry.get("mtime_ns"),
                entry["ctime_ns"],
                entry.get("ino"),
            ]:
                return True
        then = [entry.get("size"), entry.get("mtime_ns")] + ([entry["sha256"]] if "sha256" in entry else [])
        return self.same(self.stat(relative), then)

    def _written_by_killed_build(self, relative: str) -> bool:
        return relative in self.pending and not self.same(self.stat(relative), self.pending[relative])

    def is_current(self, relative: str, fingerprint: str) -> bool:
        entry = self.entries.get(relative)
        if entry is None or entry.get("fingerprint") != fingerprint or self.stat(relative) is None:
            return False
        return not self._written_by_killed_build(relative)

    def edited(self, relative: str) -> bool:
        """True when the file is there but not as a build wrote it."""
        if self.stat(relative) is None or self._written_by_killed_build(relative):
            return False
        entry = self.entries.get(relative)
        return entry is None or bool(entry.get("edited")) or not self._untouched(relative, entry)

    def newly_edited(self, relative: str) -> bool:
        """Edited since the last build looked at it (not yet recorded as edited)."""
        entry = self.entries.get(relative)
        return self.edited(relative) and not (entry and entry.get("edited") and self._untouched(relative, entry))

    def record(self, relative: str, fingerprint: str, *, edited: bool = False, sha256: str | None = None) -> None:
        """The file as it is now belongs to the build; `sha256` is its digest when the caller
        wrote it (so it is not read back)."""
        self._seen.pop(relative, None)
        status = (self.folder / relative).lstat()
        sha256 = sha256 or (self.stat(relative) or [0, 0, ""])[2]
        self._seen.pop(relative, None)
        self.entries[relative] = {
            "fingerprint": fingerprint,
            "size": status.st_size,
            "mtime_ns": status.st_mtime_ns,
            "sha256": sha256,
            "ctime_ns": status.st_ctime_ns,
            "ino": status.st_ino,
        }
        if edited:
            self.entries[relative]["edited"] = True
        self.pending.pop(relative, None)

    def forget(self, relative: str) -> None:
        self._seen.pop(relative, None)
        self.entries.pop(relative, None)
        self.pending.pop(relative, None)

    def save(self) -> None:
        data = json.dumps(
            {"inputs": self.inputs, "files": self.entries, "pending": self.pending},
            ensure_ascii=False,
            separators=(",", ":"),
            sort_keys=True,
        )
        write_atomic(self.folder / self.name, data.encode("utf-8"), root=self.folder)


def _corrupt(path: Path, why: str) -> StateProblem:
    return StateProblem(
        f"tệp trạng thái {display_path(path)} bị hỏng ({why}), nên không biết tệp nào do chương trình "
        "tạo, tệp nào đã được sửa tay; xóa tệp đó rồi chạy lại: văn bản sẽ được tạo lại, bản nào khác "
        "với bản tạo ra được chép sang ban-sua-tay/"
    )
