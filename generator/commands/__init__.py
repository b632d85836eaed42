"""Commands around editions that do not build documents: `new-year`, `check` and `diff`.

Each module does its work and returns plain results; `generator/cli.py` prints them in Vietnamese.
"""
