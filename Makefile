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

.PHONY: serve build test lint debian-packages clean

$(BIN)/mkdocs: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

serve: $(BIN)/mkdocs
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(BIN)/mkdocs debian-packages
	$(BIN)/mkdocs build --clean
	$(BIN)/python -m scripts.chapter_pdfs site

debian-packages:
	@missing=""; for p in $(DEBIAN_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

lint: $(BIN)/mkdocs
	$(BIN)/ruff check macros scripts tests

test: $(BIN)/mkdocs debian-packages
	$(BIN)/ruff check macros scripts tests
	$(BIN)/python -m pytest

clean:
	rm -rf site .pytest_cache
