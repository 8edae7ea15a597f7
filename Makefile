# Demeu — the two commands a newcomer needs are `make run` and `make test` (see README.md).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
export DATABASE_URL_TEST ?= postgres://postgres@127.0.0.1:5432/demeu
export REDIS_URL_TEST ?= redis://127.0.0.1:6379/1

.PHONY: run test venv deps test-deps lock system-deps services messages lint demo-reset

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip

venv: $(PY)

# Installs come from the lock files only (every package pinned with its hashes); the ranges
# in pyproject.toml are what `make lock` resolves from.
deps: venv
	$(PIP) install -q --require-hashes -r requirements.lock

test-deps: venv
	$(PIP) install -q --require-hashes -r requirements-test.lock

## lock: re-resolve every pin to the newest release the ranges in pyproject.toml allow (then run make test)
lock: venv
	$(PIP) install -q uv==0.13.9
	$(VENV)/bin/uv pip compile pyproject.toml --extra test --upgrade --generate-hashes --python-version 3.11 \
		--python-platform x86_64-unknown-linux-gnu -q -o requirements-test.lock
	$(VENV)/bin/uv pip compile pyproject.toml --generate-hashes --python-version 3.11 \
		--python-platform x86_64-unknown-linux-gnu -c requirements-test.lock -q -o requirements.lock

## run: the portal with demo data on SQLite at http://127.0.0.1:8000 (no service needed)
run: deps
	$(PY) manage.py compile_translations
	DJANGO_DEBUG=true $(PY) manage.py migrate --noinput
	DJANGO_DEBUG=true $(PY) manage.py seed_demo
	DJANGO_DEBUG=true $(PY) manage.py runserver 127.0.0.1:8000

## test: the whole suite on PostgreSQL and Redis (installs what it needs, starts the services)
test: system-deps services test-deps
	$(PY) manage.py compile_translations
	bin/test

system-deps:
	bin/system-deps

services:
	bin/services

## messages: extract every translatable string into locale/ (project) and <app>/locale/
messages: venv
	$(PY) manage.py extract_messages

lint: venv
	$(VENV)/bin/ruff check .
