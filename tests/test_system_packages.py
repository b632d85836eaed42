"""Issue 23: the `sudo apt-get install …` line names packages as the clerk's own release calls them
(Ubuntu 24.04, WSL's default, renamed GLib's library libglib2.0-0t64 and ships Liberation 2 as
fonts-liberation), asked of apt itself; without apt, Debian 12's names."""

from __future__ import annotations

import os
import stat

import pytest


def fake_apt_cache(folder, known: set[str]) -> None:
    """An apt-cache on PATH that knows only `known` packages, as a release's lists would."""
    script = folder / "apt-cache"
    cases = "\n".join(f'  {name}) echo "Package: {name}"; exit 0 ;;' for name in sorted(known))
    script.write_text(f'#!/bin/sh\ncase "$2" in\n{cases}\n  *) exit 100 ;;\nesac\n', encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)


@pytest.mark.skipif(os.name == "nt", reason="a shell script stands for apt-cache")
@pytest.mark.parametrize(
    ("known", "glib", "fonts"),
    [
        ({"libglib2.0-0t64", "fonts-liberation", "libpango-1.0-0"}, "libglib2.0-0t64", "fonts-liberation"),  # noble
        ({"libglib2.0-0", "fonts-liberation2", "fonts-liberation"}, "libglib2.0-0", "fonts-liberation2"),  # bookworm
    ],
)
def test_the_install_line_names_the_releases_own_packages(known, glib, fonts, tmp_path, monkeypatch):
    from generator import fonts as font_files
    from generator.writers import fonts as font_module

    fake_apt_cache(tmp_path, known)
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    message = str(font_module._library_problem(["GObject", "Pango"]))
    assert message.endswith(f"sudo apt-get install {glib} libpango-1.0-0"), message
    monkeypatch.setattr(font_files.sys, "platform", "linux")
    assert f"sudo apt-get install {fonts})" in font_files.install_hint()


def test_without_apt_the_first_name_is_given(monkeypatch):
    from generator import fonts as font_files

    monkeypatch.setattr(font_files.shutil, "which", lambda name: None)
    assert font_files.debian_package("libglib2.0-0t64", "libglib2.0-0") == "libglib2.0-0t64"
