# Parkline: `make demo` serves the timeline and the admin on SQLite; `make test` runs lint and the suite.
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1:8000
DEMO_PUBLISHED := seeds/news/000_b0261aa5946ba25b.txt seeds/news/002_114833f442edb46f.txt
DEMO_QUEUE := seeds/news/001_d31d04ab9f96990b.txt seeds/news/003_763905b5f85fe3f2.txt seeds/news/004_cbeede84a2c6244c.txt

.PHONY: install demo test lint eval bench browser-deps

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $@

# TimelineJS3, pinned in package.json / package-lock.json, served as our own static files
node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

install: $(VENV)/.installed node_modules/.installed

# The browser tests drive Debian's chromium; install it (and CJK fonts) when it is missing and we can.
browser-deps:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; \
	  else echo "chromium is missing: sudo apt-get install chromium fonts-noto-cjk" >&2; exit 1; fi; }

lint: install
	$(VENV)/bin/ruff check .

test: install browser-deps lint
	$(PY) -m pytest

demo: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_registry
	# two documents published, three left as candidates: the review workbench's queue; the
	# manifest gives each its publication date and publisher
	$(PY) manage.py import_news --manifest seeds/manifest.csv --publish $(DEMO_PUBLISHED)
	$(PY) manage.py import_news --manifest seeds/manifest.csv $(DEMO_QUEUE)
	$(PY) manage.py rebuild_facet_counts
	$(PY) manage.py ensure_admin
	$(PY) manage.py runserver $(HOST)

eval: install
	$(PY) tests/eval/run_eval.py seeds dev test round5

bench: install
	$(PY) -m bench.extract
	$(PY) -m bench.timeline
