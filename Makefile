# The two commands a clerk runs: `make documents` and `make test`. Each sets up what it needs.
# `make help` lists every command (declared once in generator/commands/table.py; van_ban.py is the
# `van-ban` command for Windows without make, tests/test_commands.py holds this file to the table). Recipes are silent: the clerk reads what the
# commands print, not the commands.
PYTHON ?= python3
VENV := .venv
# Git Bash / MSYS make on Windows: the venv's Python lives in Scripts\.
PY := $(VENV)/$(if $(filter Windows_NT,$(OS)),Scripts/python.exe,bin/python)
INSTALLED := $(VENV)/.installed

.PHONY: documents test system templates golden bench help test-portable lint offline-bundle

# OUTPUT=<thư mục>: another output folder than output/ (documents, xem, diff, tong-hop, nhan-sua).
OUTPUT_OPTION = $(if $(OUTPUT),--output "$(OUTPUT)")

documents: $(INSTALLED) system
	@$(PY) -m generator $(OUTPUT_OPTION) build $(if $(YEAR),--year $(YEAR))

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
	@$(PY) -m generator $(OUTPUT_OPTION) diff $(if $(FROM),--from $(FROM)) $(if $(TO),--to $(TO))

# Starting from a plan typed in Word: `make nhap TEP=ke-hoach.docx [YEAR=2026]` writes content/<năm>/.
.PHONY: nhap
nhap: $(INSTALLED)
	@$(PY) -m generator nhap "$(TEP)" $(if $(YEAR),--year $(YEAR))

# `make xem [YEAR=2024]`: a page at http://127.0.0.1:8030/ that shows the documents, rebuilt on each save.
.PHONY: xem
xem: $(INSTALLED) system
	@$(PY) -m generator $(OUTPUT_OPTION) xem $(if $(YEAR),--year $(YEAR))

# The collecting office: `make tong-hop [YEAR=2024]` reads the returned forms in content/<năm>/bao-cao-nhan/
# and writes the tracking list and the summary report into output/<năm>/tong-hop/ (a multi-year
# plan: `make tong-hop KY=2027`, one period, into output/<năm>/tong-hop/2027/).
.PHONY: tong-hop nhan-sua
tong-hop: $(INSTALLED) system
	@$(PY) -m generator $(OUTPUT_OPTION) tong-hop $(if $(YEAR),--year $(YEAR)) $(if $(KY),--ky $(KY))

# Bringing Word edits of the plan back: `make nhan-sua [YEAR=2024]` (asks before writing content/).
nhan-sua: $(INSTALLED)
	@$(PY) -m generator $(OUTPUT_OPTION) nhan-sua $(if $(YEAR),--year $(YEAR))

# Two test processes (pytest-xdist), a test file each at a time: a file's shared builds stay in
# one process, and the 2024 set is built once for both (tests/conftest.py). TEST_JOBS=0: one process.
TEST_JOBS ?= 2
PYTEST_JOBS = -n $(TEST_JOBS) --dist loadfile

test: $(INSTALLED) system
	@sh tools/ensure-system.sh libreoffice-writer-nogui chromium chromium-driver poppler-utils
	@$(PY) -m pytest -q $(PYTEST_JOBS)

# CI: the whole suite again on the paths Windows takes (spawned workers, the O_EXCL lock file),
# forced on this system by the variables generator/workers.py and generator/files.py read, with
# the POSIX-only calls Windows lacks (fork, killpg, symlink, fcntl…) removed (tests/posix_disabled.py).
test-portable: $(INSTALLED) system
	@sh tools/ensure-system.sh libreoffice-writer-nogui chromium chromium-driver poppler-utils
	@GENERATOR_START_METHOD=spawn GENERATOR_LOCK=file $(PY) -m pytest -q -p tests.posix_disabled $(PYTEST_JOBS)

# Developers (and CI): ruff's rules and formatting, as pyproject.toml configures them.
lint: $(INSTALLED)
	@$(PY) -m ruff check generator tests tools
	@$(PY) -m ruff format --check generator tests tools

# Python packages, in a virtual environment of the project.
$(INSTALLED): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || { echo "Cần Python 3.11 trở lên (lệnh $(PYTHON)); cài Python 3.11, hoặc chạy: make PYTHON=python3.11 …" >&2; exit 1; }
	@$(PYTHON) -m venv $(VENV) || { echo "Không tạo được môi trường Python: cần mô-đun venv (Debian: sudo apt-get install python3-venv)." >&2; exit 1; }
	@sh tools/install-packages.sh $(PY)
	@touch $@

# On a machine with network: every wheel the install needs, in goi-cai-dat/, to copy (USB stick)
# to a machine without network, where `make documents` installs from it (tools/install-packages.sh).
# The wheels are for this machine's system and Python version.
BUNDLE := goi-cai-dat
offline-bundle: $(INSTALLED)
	@echo "Đang tải các gói Python vào thư mục $(BUNDLE)/…"
	@$(PY) -m pip download --disable-pip-version-check --quiet -d $(BUNDLE) '.[test]' 'setuptools>=68' pip >.venv-install.log 2>&1 || { echo "Không tải được các gói Python vào $(BUNDLE)/ (cần mạng tới pypi.org; chi tiết ở tệp .venv-install.log)." >&2; exit 1; }
	@rm -f $(BUNDLE)/generator-*
	@echo "Xong: thư mục $(BUNDLE)/ có $$(ls $(BUNDLE) | wc -l) gói. Chép cả thư mục này vào thư mục chương trình ở máy không có mạng rồi chạy make documents."

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
