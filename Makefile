# Two commands on a fresh machine: `make demo` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= ../shared
DEMO_DB := out/demo.db

.PHONY: demo test lint eval bench clean install chromium screenshots

$(BIN)/activate:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade "pip==26.3"

$(VENV)/.installed: pyproject.toml | $(BIN)/activate
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

install: $(VENV)/.installed

demo: $(VENV)/.installed
	@mkdir -p out && rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/khabar ingest sample/articles --db $(DEMO_DB)
	$(BIN)/khabar report --db $(DEMO_DB)
	@echo
	@echo "Browse it: $(BIN)/khabar serve --db $(DEMO_DB)   (then open http://127.0.0.1:8000/)"

lint: $(VENV)/.installed-test
	$(BIN)/ruff check khabar tests bench tools

# The browser tests drive Debian's chromium (Playwright cannot download its own browser here).
chromium:
	@test -x /usr/bin/chromium || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium)

test: $(VENV)/.installed-test lint chromium
	$(BIN)/python -m pytest -q

eval: $(VENV)/.installed
	$(BIN)/python -m tests.quality.gold --shared $(SHARED)

# Throughput on real articles when the gold sets are beside the checkout, then on the worst case for linking.
REAL_ARTICLES := $(wildcard $(SHARED)/fixtures/news-dev/corpus.jsonl $(SHARED)/fixtures/peers/polnear-dev/corpus.jsonl $(SHARED)/fixtures/peers/tbaq/corpus.jsonl)

bench: $(VENV)/.installed
	$(if $(REAL_ARTICLES),$(BIN)/python bench/throughput.py --corpus $(REAL_ARTICLES))
	$(BIN)/python bench/throughput.py
	$(BIN)/python bench/links_at_scale.py

# Screenshots of the workbench for the README, from the demo store.
screenshots: $(VENV)/.installed-test chromium demo
	$(BIN)/python bench/screenshots.py --db $(DEMO_DB) --out docs/screenshots

clean:
	rm -rf $(VENV) out *.egg-info
