# The two commands a newcomer needs: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run test test-backend test-sqlite test-postgres test-frontend schema schema-check \
        lint frontend-install frontend-build bench bench-inprocess clean infra-deps cluster-up cluster-down

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[dev]"
	touch $(STAMP)

frontend-install:
	@if [ -f frontend/package.json ]; then \
	  cd frontend && if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then npm ci --no-audit --no-fund; fi; \
	fi

frontend-build: frontend-install
	@if [ -f frontend/package.json ]; then cd frontend && npm run build; fi

run: install frontend-build
	$(BIN)/crm migrate
	$(BIN)/crm seed --demo
	$(BIN)/crm serve --host 127.0.0.1 --port 8000

schema: install
	$(BIN)/crm export-schema

schema-check: install
	$(BIN)/crm export-schema --check

lint: install
	$(BIN)/ruff check backend tests
	$(BIN)/mypy

test-sqlite: install
	CRM_TEST_DB=sqlite $(BIN)/pytest -q

# The PostgreSQL pass also runs the local cluster's test (tests/infra): it needs Debian's pgbouncer.
test-postgres: install infra-deps
	CRM_TEST_DB=postgres $(BIN)/pytest -q

# Installs what infra/local-cluster needs and is missing (a no-op when present).
infra-deps:
	bash infra/ensure-pgbouncer.sh

# The production shape on this machine: primary + replica, pgbouncer, Redis, 2 API processes, proxy.
cluster-up: install infra-deps
	infra/local-cluster up

cluster-down:
	infra/local-cluster down

test-backend: schema-check lint test-sqlite test-postgres

test-frontend:
	@if [ -f frontend/package.json ]; then $(MAKE) frontend-install && cd frontend && npm test && \
	  bash scripts/ensure-chromium.sh && npm run build && npm run budget && npm run e2e; fi

test: test-backend test-frontend

# Ours against PostGraphile v4/v5 and the asyncpg floor on PostgreSQL (bench/README.md).
bench: install
	bash infra/ensure-debian-package.sh wrk
	$(BIN)/python bench/compare.py

# The resolver path against one JSON-building statement, in one process (SQLite by default).
bench-inprocess: install
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) var frontend/node_modules frontend/dist
