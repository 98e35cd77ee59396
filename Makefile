# Persklaar — `make` builds the issue, `make test` runs every test. Both install what is missing.
ISSUE ?= manuscript
OUT   ?= dist
NODE_STAMP := node_modules/.package-lock.json
export PUPPETEER_SKIP_DOWNLOAD := true
# Ace by DAISY (the EPUB accessibility test) pulls in Electron; its binary is never needed here.
export ELECTRON_SKIP_BINARY_DOWNLOAD := 1
# glibc's malloc gives each thread that encodes photos an arena of its own, and freed memory
# stays in them: with two arenas a cold build's command peaks at about 320 MB instead of 550,
# as fast. Read by glibc when a process starts, so it is set here, for every command make runs.
export MALLOC_ARENA_MAX ?= 2

.PHONY: all build press test lint bench clean deps system-deps standins
.DEFAULT_GOAL := all

all: build

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

system-deps:
	@scripts/setup/system-deps.sh

deps: $(NODE_STAMP) system-deps

build: deps
	node bin/persklaar.mjs build $(ISSUE) --out $(OUT)

# The press edition (PDF/X-4 with bleed and crop marks) beside the others: dist/<slug>-press.pdf.
press: deps
	node bin/persklaar.mjs build $(ISSUE) --out $(OUT) --only press

test: deps
	npx vitest run --reporter=default --reporter=json --outputFile=.cache/test-results.json

lint: deps
	node bin/persklaar.mjs lint $(ISSUE)

bench: deps
	npm run bench

# Regenerates the photography stand-ins in images/ (deterministic; not part of a build).
standins: $(NODE_STAMP)
	npm run standins

clean:
	rm -rf $(OUT) .cache
