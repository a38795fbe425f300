# Two commands on a fresh machine: `make demo` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= ../shared
DEMO_DB := out/demo.db

.PHONY: demo test lint eval bench clean install

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

lint: $(VENV)/.installed-test
	$(BIN)/ruff check khabar tests bench

test: $(VENV)/.installed-test lint
	$(BIN)/python -m pytest -q

eval: $(VENV)/.installed
	$(BIN)/python -m tests.quality.gold --shared $(SHARED)

bench: $(VENV)/.installed
	$(BIN)/python bench/throughput.py
	$(BIN)/python bench/links_at_scale.py

clean:
	rm -rf $(VENV) out *.egg-info
