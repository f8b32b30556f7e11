# Two commands matter: `make run` and `make test`. Everything else is what they need.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
DJANGO_SETTINGS_MODULE ?= rodtrad.settings.development
export DJANGO_SETTINGS_MODULE

.PHONY: run dev test install lint format messages e2e-deps clean bench bench-http

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# uv installs in seconds where pip takes half a minute; it comes from PyPI like everything else.
$(VENV)/.installed: requirements-dev.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv
	$(BIN)/uv pip sync --quiet --python $(BIN)/python requirements-dev.txt
	touch $@

install: $(VENV)/.installed

# `make run`: Rödtråd as a unit runs it (rodtrad/settings/unit.py): gunicorn with workers from the
# number of cores (gunicorn.conf.py), DEBUG off, static files by WhiteNoise, the secret key
# generated once into var/. The demo data goes into an empty database (RODTRAD_DEMO_DATA=0: never).
RUN_SETTINGS ?= rodtrad.settings.unit
run: install
	mkdir -p var
	DJANGO_SETTINGS_MODULE=$(RUN_SETTINGS) $(BIN)/python manage.py migrate --noinput
	DJANGO_SETTINGS_MODULE=$(RUN_SETTINGS) $(BIN)/python manage.py collectstatic --noinput --verbosity 0 --skip-checks
	@if [ "$${RODTRAD_DEMO_DATA:-1}" = "1" ]; then DJANGO_SETTINGS_MODULE=$(RUN_SETTINGS) $(BIN)/python manage.py load_demo --skip-checks; fi
	@echo ""
	@echo "Rödtråd: http://127.0.0.1:$(PORT)/   (Ctrl-C stops it)"
	DJANGO_SETTINGS_MODULE=$(RUN_SETTINGS) PORT=$(PORT) RODTRAD_PRELOAD=$${RODTRAD_PRELOAD:-1} $(BIN)/gunicorn --config gunicorn.conf.py rodtrad.wsgi

# `make dev`: for changing Rödtråd, not for using it: Django's runserver reloads the code on every
# change and DEBUG shows tracebacks (rodtrad/settings/development.py). Same database as `make run`.
dev: install
	mkdir -p var
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py createcachetable
	$(BIN)/python manage.py load_demo
	@echo ""
	@echo "Rödtråd (development): http://127.0.0.1:$(PORT)/"
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# axe-core (accessibility checks in the browser tests) comes from npm when npm is present;
# without it, or without /usr/bin/chromium, the browser tests skip locally and fail on CI.
node_modules/axe-core/axe.min.js: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --silent --no-audit --no-fund; else echo "npm not found: browser accessibility checks will be skipped"; fi

# The suite's own settings (pyproject.toml), not the exported development ones: those hash every
# test user's password with Argon2, which made the suite four times slower.
test: install
	@$(MAKE) --no-print-directory node_modules/axe-core/axe.min.js
	DJANGO_SETTINGS_MODULE=rodtrad.settings.test $(BIN)/pytest

lint: install
	$(BIN)/lint-imports --no-cache
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py makemigrations --check --dry-run

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

messages: install
	$(BIN)/python manage.py makemessages --locale sv --no-obsolete --add-location file
	$(BIN)/python manage.py compilemessages --locale sv

# The page benchmark (issue 8): BENCH_CLIENTS, BENCH_ENTRIES and DATABASE_URL choose the data,
# which is seeded when the database is empty; the figures go to var/bench.json. bench/pages.py says more.
bench: install
	DJANGO_SETTINGS_MODULE=rodtrad.settings.bench $(BIN)/python bench/pages.py

# The HTTP benchmark (issue 19): gunicorn with the production settings on the benchmark database
# (seeded as for `make bench`), each page driven by wrk; the figures go to var/bench-http.json.
# bench/http_pages.py says more (BENCH_HTTP_CONNECTIONS, _ROUNDS, _SERVERS, _FILE …).
bench-http: install
	@command -v wrk >/dev/null 2>&1 || apt-get install -y -qq wrk >/dev/null 2>&1 \
		|| { apt-get update -qq && apt-get install -y -qq wrk; }
	DJANGO_SETTINGS_MODULE=rodtrad.settings.bench $(BIN)/python bench/http_pages.py

clean:
	rm -rf $(VENV) node_modules var/static .pytest_cache
