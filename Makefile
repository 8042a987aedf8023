# Two commands do everything on a fresh Debian machine:
#   make serve   set up, then serve the site on http://127.0.0.1:8000
#   make test    set up (with the Debian packages the tests need), then run every test
# Also: make build (the static site in site/, with the chapter PDFs in site/downloads/), make lint.

PYTHON  ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

# Debian packages for the tests: a browser, spell-checkers, fonts with Kazakh letters, PDF tools.
DEBIAN_PACKAGES := chromium hunspell hunspell-ru hunspell-kk hunspell-en-gb poppler-utils fonts-dejavu-core fonts-noto-core

.PHONY: serve build test lint debian-packages clean bench bench-pdf drift mark-translated bench-build

# The site's packages (requirements.txt); the tests' tools too (requirements-dev.txt) for test and lint.
$(BIN)/mkdocs: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.dev: $(BIN)/mkdocs requirements-dev.txt
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

# Rebuilds and reloads the browser on every change to docs/, data/, overrides/ (mkdocs.yml `watch:`);
# a change to the macros' code (macros/*.py, macros/templates/) restarts the server, as Python keeps code loaded.
# Every rebuild is a whole build: --dirty would leave pages that show changed data or links stale.
# ONLY=kk builds one language (at the root, without the language switcher's targets): reloads three times faster.
serve: $(BIN)/mkdocs
	$(if $(ONLY),HANDBOOK_ONLY_LANGUAGE=$(ONLY)) $(BIN)/watchmedo auto-restart --directory=macros --recursive --patterns='*.py;*.html' --debounce-interval=0.5 \
	  --no-restart-on-command-exit -- $(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

# the site, then its PDFs into site/downloads/: only those whose pages changed are printed again (.cache/pdfs/)
build: $(BIN)/mkdocs debian-packages
	$(BIN)/mkdocs build --clean
	$(BIN)/python -m scripts.chapter_pdfs site

# Every measurement, gathered into bench/README.md: what a phone downloads and Lighthouse against a stock
# Material site (bench/site.md; Lighthouse from tests/bench/package.json, installed here if npm is there),
# the build and reload times (bench/build.md), the PDF printing (bench/pdf.md).
bench: $(BIN)/mkdocs debian-packages
	@if command -v npm >/dev/null; then npm ci --prefix tests/bench --no-audit --no-fund --silent; fi
	$(BIN)/python -m scripts.bench_site bench/site.md
	$(BIN)/python -m scripts.bench_build bench/build.md
	$(BIN)/python -m scripts.bench_pdfs bench/pdf.md
	$(BIN)/python -m scripts.bench_site --gather bench/README.md

# time a build with and without the macros, and the reload under `mkdocs serve`, into bench/build.md
bench-build: $(BIN)/mkdocs
	$(BIN)/python -m scripts.bench_build bench/build.md

# time the PDF printing (full, nothing changed, one page changed) into bench/pdf.md
bench-pdf: $(BIN)/mkdocs debian-packages
	$(BIN)/python -m scripts.bench_pdfs bench/pdf.md

# Translations behind their Russian source (translations.lock): list them; mark some as brought up to date.
# PAGE: a page (docs/kk/manual/01-founding-team.md: that language; docs/ru/… or manual/…: every language),
# a data file (data/manual/step-01.yml), a data entry (checklists/step-01-team) or `all`; ONLY=kk limits it.
drift: $(BIN)/mkdocs
	$(BIN)/python -m scripts.translations drift

mark-translated: $(BIN)/mkdocs
	@test -n "$(PAGE)" || { echo "usage: make mark-translated PAGE=docs/kk/manual/01-founding-team.md [ONLY=kk]"; exit 2; }
	$(BIN)/python -m scripts.translations mark $(PAGE) $(if $(ONLY),--lang $(ONLY))

debian-packages:
	@missing=""; for p in $(DEBIAN_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

lint: $(VENV)/.dev
	$(BIN)/ruff check macros scripts tests

test: $(VENV)/.dev debian-packages
	$(BIN)/ruff check macros scripts tests
	$(BIN)/python -m pytest

clean:
	rm -rf site .pytest_cache
