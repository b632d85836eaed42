"""The checks stage: the rules a bound edition must pass before any document is built.

Loading is bind → checks: `content.edition.bind_edition` reads each YAML file into the schema
(reporting what the binder finds: syntax, unknown or missing fields, wrong types), then the rules
below check what spans fields and files, and what the writers cannot print. `load_edition` is the
one entry point callers use; it raises ContentError with every problem found. content/ never
imports this package (checks stand above content).

How to add a rule:
1. Write it in the module of the noun it checks (agencies.py, letters.py, reporting.py…; a new
   content file or noun gets a new module): a function `rule(edition) -> Iterator[Problem]` of at
   most 60 lines that yields one Problem per finding, made with `common.at(origin, field, key,
   message)` (the field's line, the YAML key path as the clerk sees it, a Vietnamese message).
   Helpers in common.py: `unique`, `check_date`, `check_day_month`, `date_key`.
2. Add a row to RULES: the function, ERROR (the build stops) or NOTICE (reported, the build goes
   on), and `resolved=True` if the rule follows references that other rules check first.
3. Test it on a tiny root copied from tests/roots/, in a new tests/test_<topic>.py.
The order of the rows does not show: ContentError sorts the problems by file, line and field.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from ..content.edition import Edition, bind_edition
from ..errors import ContentError, Problem
from . import (
    agencies,
    appendix,
    assignments,
    catalog,
    deadlines,
    decision,
    files,
    form_rows,
    forms,
    headers,
    issuer,
    kinds,
    letters,
    limits,
    plan,
    recipients,
    reporting,
    text,
    unit_lists,
    years,
)

ERROR = "error"  # the edition cannot be built
NOTICE = "notice"  # it builds; the clerk should look at it before sending a draft up


@dataclass(frozen=True)
class Rule:
    check: Callable[[Edition], Iterable[Problem]]
    severity: str = ERROR
    resolved: bool = False  # runs only once every other error rule passed: it follows references


RULES: tuple[Rule, ...] = (
    Rule(issuer.level_in_force),
    Rule(issuer.header_lines),
    Rule(kinds.headings_without_colon),
    Rule(kinds.unique_ids),
    Rule(kinds.forms),
    Rule(agencies.unique_ids),
    Rule(agencies.unique_indicators),
    Rule(agencies.references),
    Rule(unit_lists.unique_ids),
    Rule(unit_lists.lists),
    Rule(plan.document),
    Rule(plan.action_month),
    Rule(reporting.receiver),
    Rule(reporting.deadlines),
    Rule(reporting.summary_deadline),
    Rule(deadlines.problems),
    Rule(deadlines.fixed_words),
    Rule(assignments.entries),
    Rule(recipients.plan_recipients),
    Rule(decision.decision),
    Rule(letters.numbers),
    Rule(appendix.tables),
    Rule(forms.task_groups),
    Rule(forms.activities),
    Rule(form_rows.problems),
    Rule(headers.problems),
    Rule(text.markup),
    Rule(text.characters),
    Rule(limits.points),
    Rule(limits.deadlines),
    Rule(limits.action_month_order),
    Rule(recipients.letters_reach, resolved=True),
    # What `make check` warns of (each Notice names its kind, counted in its summary line).
    Rule(years.years_in_text, NOTICE),
    Rule(reporting.deadline_years, NOTICE),
    Rule(reporting.deadline_order, NOTICE),
    Rule(catalog.unfilled_indicators, NOTICE),
    Rule(recipients.unassigned_lines, NOTICE),
    Rule(plan.empty_sections, NOTICE),
    Rule(plan.too_deep, NOTICE),
    Rule(plan.unreported_targets, NOTICE),
    Rule(reporting.periods_outside_the_plan, NOTICE),
    Rule(files.unread_files, NOTICE),
    Rule(letters.number_days, NOTICE),
    Rule(files.unconfirmed_guesses, NOTICE),
    Rule(catalog.unconfirmed_numbers, NOTICE),
)


def problems(edition: Edition, severity: str = ERROR) -> list[Problem]:
    """What the rules of `severity` find; the rules that follow references only when the others
    found nothing. Notices are asked of an edition that loaded, so of one without errors."""
    rules = [rule for rule in RULES if rule.severity == severity]
    found = [problem for rule in rules if not rule.resolved for problem in rule.check(edition)]
    if not found:
        found = [problem for rule in rules if rule.resolved for problem in rule.check(edition)]
    return found


def load_edition(folder: Path) -> Edition:
    """Read, bind and check every file of an edition; raise ContentError with all problems found."""
    edition = bind_edition(folder)
    found = problems(edition)
    if found:
        raise ContentError(found)
    return edition
