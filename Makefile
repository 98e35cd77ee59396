# Persklaar — `make` builds the issue, `make test` runs every test. Both install what is missing.
# `make test-fast` runs the unit tier alone: Node and the npm packages, no browser, no Java.
ISSUE ?= manuscript
OUT   ?= dist
NODE_STAMP := node_modules/.package-lock.json
# The command, compiled from scripts/ (esbuild.config.mjs); `npm ci` compiles it too.
COMMAND := lib/command/cli.cjs
SOURCES := $(shell find scripts bin -type f ! -name '.*' ! -name '*~') \
	esbuild.config.mjs package-lock.json tsconfig.json
export PUPPETEER_SKIP_DOWNLOAD := true
# glibc's malloc gives each thread that encodes photos an arena of its own, and freed memory
# stays in them: with two arenas a cold build's command peaks at about 320 MB instead of 550,
# as fast. Read by glibc when a process starts, so it is set here, for every command make runs.
export MALLOC_ARENA_MAX ?= 2

.PHONY: all build press test test-fast test-e2e lint bench clean deps system-deps standins compile check-code
.DEFAULT_GOAL := all

all: build

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

$(COMMAND): $(SOURCES) | $(NODE_STAMP)
	npm run --silent compile

system-deps:
	@scripts/setup/system-deps.sh

deps: $(NODE_STAMP) $(COMMAND) system-deps

build: deps
	node bin/persklaar.cjs build $(ISSUE) --out $(OUT)

# The press edition (PDF/X-4 with bleed and crop marks) beside the others: dist/<slug>-press.pdf.
press: deps
	node bin/persklaar.cjs build $(ISSUE) --out $(OUT) --only press

# Every test, both tiers (vitest.config.ts).
test: deps
	npx vitest run --reporter=default --reporter=json --outputFile=.cache/test-results.json

# The unit tier: needs neither Chromium nor Java, so not the system packages either.
test-fast: $(NODE_STAMP)
	npx vitest run --project unit --reporter=default --reporter=json --outputFile=.cache/test-results-unit.json

# The end-to-end tier: the command, Chromium and the referees on real issues.
test-e2e: deps
	npx vitest run --project e2e --reporter=default --reporter=json --outputFile=.cache/test-results-e2e.json

# The code itself: types (tsc), then Biome's linter and formatter check, as CI runs them.
check-code: $(NODE_STAMP)
	npm run --silent check:code

lint: deps
	node bin/persklaar.cjs lint $(ISSUE)

bench: deps
	npm run bench

# Regenerates the photography stand-ins in images/ (deterministic; not part of a build).
standins: $(NODE_STAMP)
	npm run standins

compile: $(NODE_STAMP)
	npm run --silent compile

clean:
	rm -rf $(OUT) .cache lib
