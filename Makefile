# AVG-borging: the two commands are `make run` and `make test`.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
CARGO ?= cargo
NPM ?= npm
UI := ui

.PHONY: run test deps deps-test ui app lint rust-test ui-test e2e bindings fuzz reliability-long \
	windows windows-test

## Builds and starts the app (installs what is missing first).
run: deps ui
	$(CARGO) run -p avg-borging

## Runs every test: formatting, lints, Rust tests, UI checks and tests, end-to-end tests.
test: deps-test ui lint rust-test ui-test e2e

deps:
	scripts/install-deps.sh run

deps-test:
	scripts/install-deps.sh test

# npm ci only when the lock file changed since the last install.
$(UI)/node_modules/.package-lock.json: $(UI)/package-lock.json
	$(NPM) ci --prefix $(UI) --no-audit --no-fund
	touch $@

## The front end, which the app embeds at compile time.
ui: $(UI)/node_modules/.package-lock.json
	$(NPM) run --prefix $(UI) build

## The app binary the end-to-end tests start (debug, front end embedded).
app: ui
	$(CARGO) build -p avg-borging

lint: ui
	$(CARGO) fmt --all --check
	$(CARGO) clippy --workspace --all-targets --locked -- -D warnings

rust-test: ui
	$(CARGO) test --workspace --exclude e2e --locked

ui-test: $(UI)/node_modules/.package-lock.json
	$(NPM) run --prefix $(UI) check
	$(NPM) run --prefix $(UI) test

## End-to-end tests against the real app under a virtual display.
e2e: app
	dbus-run-session -- xvfb-run --auto-servernum --server-args="-screen 0 1280x800x24" \
		$(CARGO) test -p e2e --test app --locked -- --test-threads=1

## Rewrites the generated files: ui/src/lib/bindings.ts (the wire types), ui/src/lib/commands.ts
## (a function per command) and src-tauri/capabilities/main-window.json.
bindings: ui
	UPDATE_BINDINGS=1 $(CARGO) test -p criteria --lib bindings
	UPDATE_BINDINGS=1 $(CARGO) test -p avg-borging --bin avg-borging contract

## Fuzzes the import for FUZZ_SECONDS (default 1800); see scripts/fuzz.sh and docs/reliability.md.
FUZZ_SECONDS ?= 1800
fuzz:
	scripts/fuzz.sh $(FUZZ_SECONDS)

## The long versions of the fault-injection tests (issue 6): 500 kills per crash test, every
## byte of the damaged-file corpus, and a 400 MB text node. `make test` runs the short ones.
reliability-long:
	CRASH_ROUNDS=500 HOSTILE_STRIDE=1 HOSTILE_TEXT_MB=400 \
		$(CARGO) test -p criteria --test core --locked -- crash hostile --nocapture

## The Windows build, made on Linux (issue 17): dist/ gets a zip (the window, avg-borging-cli.exe,
## WebView2Loader.dll) and a per-user installer, which is then installed and uninstalled under
## Wine. Not part of the test command (a 10-minute release cross-build). See README.
windows:
	scripts/windows/build.sh

## The core's tests and the command line's tests cross-built for Windows and run under Wine, and
## the installer around them; `.ci/run` runs it after `make test`.
windows-test:
	scripts/windows/test.sh
