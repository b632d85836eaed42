"""The one Jinja environment configuration used by both writers: strict and autoescaping."""

from __future__ import annotations

import jinja2


def strict_environment(loader: jinja2.BaseLoader | None = None) -> jinja2.Environment:
    # StrictUndefined: a misspelt variable in a template fails the build instead of printing a blank.
    # Autoescape: `&`, `<`, `>` and quotes in content stay text in XML and HTML.
    return jinja2.Environment(loader=loader, undefined=jinja2.StrictUndefined, autoescape=True, keep_trailing_newline=True)
