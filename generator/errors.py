"""The one exception family of the generator.

The CLI prints a `GeneratorError` as Vietnamese text and exits 1; anything else is a bug and keeps
its traceback.
"""

from __future__ import annotations

from dataclasses import dataclass


class GeneratorError(Exception):
    """A problem the clerk can fix: bad content, a missing font or package, a broken template."""


@dataclass(frozen=True)
class Problem:
    """One problem in a content file, reported as `file:line: field: message`."""

    path: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.field}: {self.message}"


@dataclass(frozen=True)
class Notice(Problem):
    """A warning: content that builds but that a clerk should look at before sending a draft up.

    Reported like a Problem; `kind` names the check that found it (for the summary counts).
    `generator check --strict` treats notices as errors.
    """

    kind: str = ""


class ContentError(GeneratorError):
    """The content of an edition has one or more problems; all are reported together."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.path, p.line, p.field, p.message))
        super().__init__("\n".join(str(p) for p in self.problems))


class EnvironmentProblem(GeneratorError):
    """Something the machine lacks: a font, a system library."""


class TemplateProblem(GeneratorError):
    """A template could not be rendered."""


class EditionExists(GeneratorError):
    """`new-year` was asked to create an edition whose folder already exists."""
