# The two commands a clerk runs: `make documents` and `make test`. Each sets up what it needs.
# `make help` lists every command (the list lives in generator/van_ban.py, which is also the
# `van-ban` command for Windows without make). Recipes are silent: the clerk reads what the
# commands print, not the commands.
PYTHON ?= python3
VENV := .venv
# Git Bash / MSYS make on Windows: the venv's Python lives in Scripts\.
PY := $(VENV)/$(if $(filter Windows_NT,$(OS)),Scripts/python.exe,bin/python)
INSTALLED := $(VENV)/.installed

.PHONY: documents test system templates golden bench help test-portable lint

documents: $(INSTALLED) system
	@$(PY) -m generator build $(if $(YEAR),--year $(YEAR))

help:
	@$(PYTHON) -m generator.van_ban help make

# Drafting next year's plan: `make new-year FROM=2024 TO=2025` (without FROM/TO: from the newest
# edition to the year after it), `make check [YEAR=2025] [STRICT=1]`, `make diff FROM=2024 TO=2025`.
.PHONY: new-year check diff

new-year: $(INSTALLED)
	@$(PY) -m generator new-year $(if $(FROM),--from $(FROM)) $(if $(TO),--to $(TO))

check: $(INSTALLED)
	@$(PY) -m generator check $(if $(YEAR),--year $(YEAR)) $(if $(STRICT),--strict)

diff: $(INSTALLED)
	@$(PY) -m generator diff $(if $(FROM),--from $(FROM)) $(if $(TO),--to $(TO))

# The collecting office: `make tong-hop [YEAR=2024]` reads the returned forms in content/<năm>/bao-cao-nhan/
# and writes the tracking list and the summary report into output/<năm>/tong-hop/.
# `make xem [YEAR=2024]`: a page at http://127.0.0.1:8030/ that shows the documents, rebuilt on each save.
.PHONY: xem
xem: $(INSTALLED) system
	@$(PY) -m generator xem $(if $(YEAR),--year $(YEAR))

.PHONY: tong-hop
tong-hop: $(INSTALLED) system
	@$(PY) -m generator tong-hop $(if $(YEAR),--year $(YEAR))

test: $(INSTALLED) system
	@sh tools/ensure-system.sh libreoffice-writer-nogui chromium chromium-driver
	@$(PY) -m pytest -q

# CI: the whole suite again on the paths Windows takes (spawned workers, the O_EXCL lock file),
# forced on this system by the variables generator/workers.py and generator/files.py read.
test-portable: $(INSTALLED) system
	@sh tools/ensure-system.sh libreoffice-writer-nogui chromium chromium-driver
	@GENERATOR_START_METHOD=spawn GENERATOR_LOCK=file $(PY) -m pytest -q

# Developers (and CI): ruff's rules and formatting, as pyproject.toml configures them.
lint: $(INSTALLED)
	@$(PY) -m ruff check generator tests tools
	@$(PY) -m ruff format --check generator tests tools

# Python packages, in a virtual environment of the project.
$(INSTALLED): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || { echo "Cần Python 3.11 trở lên (lệnh $(PYTHON)); cài Python 3.11, hoặc chạy: make PYTHON=python3.11 …" >&2; exit 1; }
	@$(PYTHON) -m venv $(VENV) || { echo "Không tạo được môi trường Python: cần mô-đun venv (Debian: sudo apt-get install python3-venv)." >&2; exit 1; }
	@$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test]' || { echo "Không cài được các gói Python (docxtpl, WeasyPrint…): cần kết nối tới PyPI; kiểm tra mạng rồi chạy lại." >&2; exit 1; }
	@touch $@

system:
	@sh tools/ensure-system.sh

# Developers: remake the Word templates from generator/writers/layout.py (overwrites edits made in Word).
templates: $(INSTALLED)
	@$(PY) tools/make_docx_templates.py

# Developers: rewrite tests/golden/ (the text of every 2024 document) after an intended change, then
# review `git diff tests/golden` and commit it with the change.
golden: $(INSTALLED) system
	@$(PY) -m pytest -q tests/test_golden.py --update-golden

# Developers: build times as medians (full set with fork and with spawn, no-op, one agency changed,
# 100 and 500 recipients, and the LibreOffice route for comparison).
bench: $(INSTALLED) system
	@$(PY) tools/bench.py
