# The two commands a clerk runs: `make documents` and `make test`. Each sets up what it needs.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed

.PHONY: documents test system templates golden bench

documents: $(INSTALLED) system
	$(PY) -m generator build $(if $(YEAR),--year $(YEAR))

# Drafting next year's plan: `make new-year FROM=2024 TO=2025` (without FROM/TO: from the newest
# edition to the year after it), `make check [YEAR=2025] [STRICT=1]`, `make diff FROM=2024 TO=2025`.
.PHONY: new-year check diff

new-year: $(INSTALLED)
	$(PY) -m generator new-year $(if $(FROM),--from $(FROM)) $(if $(TO),--to $(TO))

check: $(INSTALLED)
	$(PY) -m generator check $(if $(YEAR),--year $(YEAR)) $(if $(STRICT),--strict)

diff: $(INSTALLED)
	$(PY) -m generator diff $(if $(FROM),--from $(FROM)) $(if $(TO),--to $(TO))

# The collecting office: `make tong-hop [YEAR=2024]` reads the returned forms in content/<năm>/bao-cao-nhan/
# and writes the tracking list and the summary report into output/<năm>/tong-hop/.
.PHONY: tong-hop
tong-hop: $(INSTALLED) system
	$(PY) -m generator tong-hop $(if $(YEAR),--year $(YEAR))

test: $(INSTALLED) system
	@sh tools/ensure-system.sh libreoffice-writer-nogui
	$(PY) -m pytest -q

# Python packages, in a virtual environment of the project.
$(INSTALLED): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || { echo "Cần Python 3.11 trở lên (lệnh $(PYTHON)); cài Python 3.11, hoặc chạy: make PYTHON=python3.11 …" >&2; exit 1; }
	@$(PYTHON) -m venv $(VENV) || { echo "Không tạo được môi trường Python: cần mô-đun venv (Debian: sudo apt-get install python3-venv)." >&2; exit 1; }
	@$(VENV)/bin/pip install --quiet --disable-pip-version-check -e '.[test]' || { echo "Không cài được các gói Python (docxtpl, WeasyPrint…): cần kết nối tới PyPI; kiểm tra mạng rồi chạy lại." >&2; exit 1; }
	@touch $@

system:
	@sh tools/ensure-system.sh

# Developers: remake the Word templates from generator/writers/layout.py (overwrites edits made in Word).
templates: $(INSTALLED)
	$(PY) tools/make_docx_templates.py

# Developers: rewrite tests/golden/ (the text of every 2024 document) after an intended change, then
# review `git diff tests/golden` and commit it with the change.
golden: $(INSTALLED) system
	$(PY) -m pytest -q tests/test_golden.py --update-golden

# Developers: build times as medians (full set, no-op, one agency changed, 100 and 500 recipients,
# and the LibreOffice route for comparison).
bench: $(INSTALLED) system
	$(PY) tools/bench.py
