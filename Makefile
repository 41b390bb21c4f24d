# The two commands a newcomer needs: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run test test-backend test-sqlite test-postgres test-frontend schema schema-check \
        lint frontend-install frontend-build bench bench-inprocess clean infra-deps browser-deps \
        cluster-up cluster-down

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

# Each pass has a Redis database of its own (the tests empty theirs), so passes can run at once.
test-sqlite: install
	CRM_TEST_DB=sqlite CRM_TEST_REDIS_URL=redis://127.0.0.1:6379/14 $(BIN)/pytest -q

# The PostgreSQL pass also runs the local cluster's test (tests/infra): it needs Debian's pgbouncer.
test-postgres: install infra-deps
	CRM_TEST_DB=postgres CRM_TEST_REDIS_URL=redis://127.0.0.1:6379/15 $(BIN)/pytest -q

# Installs what infra/local-cluster needs and is missing (a no-op when present).
infra-deps:
	bash infra/ensure-pgbouncer.sh

# Debian's Chromium and CJK fonts for the browser tests (a no-op when present).
browser-deps:
	bash frontend/scripts/ensure-chromium.sh

# The production shape on this machine: primary + replica, pgbouncer, Redis, 2 API processes, proxy.
cluster-up: install infra-deps
	infra/local-cluster up

cluster-down:
	infra/local-cluster down

# The passes run side by side: each waits on its servers, databases and browser much of the
# time, so together they take little more than the longest alone. Each prints its whole output
# when it ends (--output-sync), so that the three never interleave.
PASSES = $(MAKE) --no-print-directory --output-sync=target

test-backend: schema-check lint
	@echo "make: the SQLite and PostgreSQL passes run side by side; each prints when it ends"
	@$(PASSES) -j2 test-sqlite test-postgres

test-frontend: install
	@if [ -f frontend/package.json ]; then $(MAKE) --no-print-directory frontend-install && cd frontend && \
	  npm test && bash scripts/ensure-chromium.sh && npm run build && npm run budget && npm run e2e; fi

# Debian's packages first, one after the other: two apt-get runs at once fight over dpkg's lock.
test: schema-check lint infra-deps browser-deps
	@echo "make: the SQLite, PostgreSQL and browser passes run side by side; each prints when it ends"
	@$(PASSES) -j3 test-sqlite test-postgres test-frontend

# Ours against PostGraphile v4/v5 and the asyncpg floor on PostgreSQL (bench/README.md).
bench: install
	bash infra/ensure-debian-package.sh wrk
	$(BIN)/python bench/compare.py

# The resolver path against one JSON-building statement, in one process (SQLite by default).
bench-inprocess: install
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) var frontend/node_modules frontend/dist
