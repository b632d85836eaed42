"""Issue 21: a command is declared once (generator/commands/table.py). The Makefile's targets, the
program's parser, `make help` and `van-ban` are held to that table here, so that a command added
or renamed in one place and not in the others fails."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from conftest import ROOT

from generator.commands.table import COMMANDS, FILE_ARGUMENT, FLAGS, OPTIONS, PROGRAM_OPTIONS

MAKEFILE = (ROOT / "Makefile").read_text(encoding="utf-8")


def recipes() -> dict[str, str]:
    """Each target of the Makefile that is a plain name → its recipe lines, joined."""
    found: dict[str, list[str]] = {}
    current = None
    for line in MAKEFILE.splitlines():
        target = re.match(r"^([a-z][a-z-]*):(?!=)", line)
        if target:
            current = target.group(1)
            found[current] = []
        elif line.startswith("\t") and current:
            found[current].append(line.strip())
        elif line.strip() and not line.startswith("#"):
            current = None
    return {name: "\n".join(lines) for name, lines in found.items()}


def phony() -> set[str]:
    return {name for line in re.findall(r"^\.PHONY:(.*)$", MAKEFILE, re.M) for name in line.split()}


def test_every_command_is_a_phony_target_of_the_makefile_and_no_other():
    targets = recipes()
    declared = {c.name for c in COMMANDS}
    assert declared <= set(targets), declared - set(targets)
    assert declared <= phony(), declared - phony()
    # Targets the clerk could type that the table (and so `make help`) does not know.
    helpers = {"system"}  # set-up step of other targets, not a command
    assert phony() - declared <= helpers, phony() - declared - helpers


def test_each_make_recipe_runs_its_subcommand_with_exactly_its_variables():
    targets = recipes()
    for command in COMMANDS:
        recipe = targets[command.name]
        if command.program is not None:
            subcommands = re.findall(r"-m generator (?:\$\(OUTPUT_OPTION\) )?([a-z-]+)", recipe)
            assert subcommands == [command.program], (command.name, recipe)
        used = set(re.findall(r"\$\(([A-Z]+)\)", recipe)) - {"PY", "PYTHON", "VENV", "BUNDLE", "INSTALLED"}
        if "$(OUTPUT_OPTION)" in recipe:
            used.add("OUTPUT")
        assert used == set(command.variables), (command.name, used, command.variables)


def test_the_programs_subcommands_are_the_tables():
    from generator.cli import parser

    subparsers = next(a for a in parser()._actions if a.__class__.__name__ == "_SubParsersAction")
    assert set(subparsers.choices) == {c.program for c in COMMANDS if c.program is not None}


def test_van_ban_passes_every_variable_as_an_option_the_subcommand_accepts(tmp_path):
    from generator import van_ban
    from generator.cli import parser

    ways = {**OPTIONS, **FLAGS, **PROGRAM_OPTIONS, FILE_ARGUMENT: None}
    for command in (c for c in COMMANDS if c.program is not None):
        assert set(command.variables) <= set(ways), command.name
        values = {
            "YEAR": "2026",
            "FROM": "2025",
            "TO": "2026",
            "STRICT": "1",
            "OUTPUT": "ket qua",
            "TEP": "a.docx",
            "KY": "2027",
        }
        arguments = van_ban._arguments(command, [f"{v}={values[v]}" for v in command.variables])
        leading = arguments[:2] if arguments[:1] == ["--output"] else []
        args = parser().parse_args([*leading, command.program, *arguments[len(leading) :]])
        assert args.command == command.program
        if "YEAR" in command.variables:
            assert args.year == 2026


def test_help_lists_every_command_with_its_variables():
    from generator.van_ban import help_text

    text = help_text("make")
    for command in COMMANDS:
        line = next(line for line in text.splitlines() if line.strip().startswith(f"make {command.name} "))
        assert all(f"[{v}=" in line for v in command.variables), line
        assert command.help in line


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
def test_make_help_prints_the_table():
    shown = subprocess.run(["make", "-s", "help"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert all(f"make {c.name} " in shown for c in COMMANDS)
