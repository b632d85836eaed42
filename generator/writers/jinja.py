"""The one Jinja environment configuration used by both writers: strict and autoescaping."""

from __future__ import annotations

from pathlib import Path

import jinja2
import jinja2.meta


def strict_environment(
    loader: jinja2.BaseLoader | None = None, cls: type[jinja2.Environment] = jinja2.Environment
) -> jinja2.Environment:
    # StrictUndefined: a misspelt variable in a template fails the build instead of printing a blank.
    # Autoescape: `&`, `<`, `>` and quotes in content stay text in XML and HTML.
    return cls(loader=loader, undefined=jinja2.StrictUndefined, autoescape=True, keep_trailing_newline=True)


class CompilingOnceEnvironment(jinja2.Environment):
    """docxtpl compiles the whole XML of its template with `from_string` for every document;
    the XML is the same each time, so it is compiled once per process."""

    def from_string(self, source, globals=None, template_class=None):  # noqa: A002 (Jinja's name)
        if globals is not None or template_class is not None:
            return super().from_string(source, globals, template_class)
        cache = self.__dict__.setdefault("_compiled", {})
        if source not in cache:
            cache[source] = super().from_string(source)
        return cache[source]


def template_files(folder: Path, name: str) -> list[Path]:
    """A template and every template it includes, imports or extends, read from its text: the files
    its output depends on. A name computed at render time cannot be known, so then every file counts."""
    files: list[Path] = []
    pending = [name]
    while pending:
        path = folder / pending.pop()
        if path in files:
            continue
        files.append(path)
        try:
            referenced = list(
                jinja2.meta.find_referenced_templates(jinja2.Environment().parse(path.read_text(encoding="utf-8")))
            )
        except (OSError, jinja2.TemplateSyntaxError):
            continue  # the writer reports a missing or broken template when it renders it
        if None in referenced:
            return sorted(p for p in folder.rglob("*") if p.is_file())
        pending.extend(referenced)
    return sorted(files)
