# Two commands: `make book` builds the site, `make test` runs the tests.
# Both create .venv from requirements.txt when it is missing or out of date.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export SCALING_TRENDS_MIRROR ?= $(abspath ../shared/data)
CHAPTER ?= 03-chinchilla

.PHONY: book test venv bench chapter lint hooks sync clean acknowledge release refresh

book: $(STAMP)
	$(BIN)/jupyter-book build . --warningiserror --nitpick --keep-going

test: $(STAMP)
	$(BIN)/pytest

venv: $(STAMP)

$(STAMP): requirements.txt
	@command -v $(PYTHON) >/dev/null || { echo "$(PYTHON) not found; set PYTHON=/path/to/python3.11"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -c "import sysconfig, pathlib; pathlib.Path(sysconfig.get_paths()['purelib'], 'scaling_trends.pth').write_text('$(CURDIR)\n')"
	touch $(STAMP)

# Execute one chapter on its own (CHAPTER=03-chinchilla); the notebook lands in _build/chapters/.
chapter: $(STAMP)
	$(BIN)/python -m analysis.build.notebooks $(CHAPTER)

bench: $(STAMP)
	$(BIN)/python -m analysis.build.bench

# The checks of .pre-commit-config.yaml on every file; `make hooks` runs them on each commit.
lint: $(STAMP)
	$(BIN)/pre-commit run --all-files

hooks: $(STAMP)
	$(BIN)/pre-commit install

# After editing a chapter's .md or .py, bring its pair up to date.
sync: $(STAMP)
	$(BIN)/jupytext --sync chapters/*.md appendix/*.md

# After a change moves a key number: look at the Changes page, then accept the new numbers.
acknowledge: book
	$(BIN)/python -m analysis.report.releases acknowledge _build/html/key-numbers.csv

# Cut a release: make release VERSION=0.2.0 (the acknowledged numbers become the released ones).
release: book
	$(BIN)/python -m analysis.report.releases release $(VERSION) $$(date +%F)

# A newer Epoch AI snapshot in the mirror: make refresh FILE=epoch_ai_models_YYYYMMDD.zip URL=https://...
# (updates the pin, rebuilds, and writes data-refresh.csv, which the Changes page shows).
refresh: $(STAMP)
	$(BIN)/python -m analysis.build.refresh $(FILE) --url $(URL)

clean:
	rm -rf _build
