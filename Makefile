# Demeu — the two commands a newcomer needs are `make run` and `make test` (see README.md).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
APPS := ngos grants evaluations reports
export DATABASE_URL_TEST ?= postgres://postgres@127.0.0.1:5432/demeu
export REDIS_URL_TEST ?= redis://127.0.0.1:6379/1

.PHONY: run test venv deps test-deps system-deps services messages lint demo-reset

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip

venv: $(PY)

deps: venv
	$(PIP) install -q .

test-deps: venv
	$(PIP) install -q ".[test]"

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
	$(PY) manage.py makemessages -l kk -l ru --no-obsolete -i .venv -i tests -i bench -i staticfiles -i templates/account -i templates/mfa -i templates/allauth -i config/allauth_locale $(addprefix -i ,$(APPS))
	for app in $(APPS); do mkdir -p $$app/locale && (cd $$app && ../$(PY) ../manage.py makemessages -l kk -l ru --no-obsolete -i tests); done

lint: venv
	$(VENV)/bin/ruff check .
