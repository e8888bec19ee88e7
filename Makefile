# Carryover: the two commands a fresh machine needs are `make demo` and `make test`.
SHELL := /bin/bash
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps test-tools demo test bench format lint docs fuzz-sandbox

# liblua5.4-dev (and pkg-config) from Debian's packages, when missing; curl for
# the walkthrough's portal part.
deps:
	@pkg-config --exists lua5.4 2>/dev/null || { \
	  $(SUDO) apt-get update && $(SUDO) apt-get install -y liblua5.4-dev pkg-config; }
	@command -v curl >/dev/null || { $(SUDO) apt-get update && $(SUDO) apt-get install -y curl; }

# The tests' own tools: signify (checks pack signatures with a stock tool) and
# chromium (the portal's browser tests) from Debian's packages, and the Python
# validators and Playwright, pinned, in .venv/ (remade only when
# Tests/python-requirements.txt changes).
VENV := .venv
test-tools: $(VENV)/.installed
	@command -v signify-openbsd >/dev/null || { \
	  $(SUDO) apt-get update && $(SUDO) apt-get install -y signify-openbsd; }
	@command -v chromium >/dev/null || { \
	  $(SUDO) apt-get update && $(SUDO) apt-get install -y chromium; }
$(VENV)/.installed: Tests/python-requirements.txt
	@command -v python3 >/dev/null || { $(SUDO) apt-get update && $(SUDO) apt-get install -y python3 python3-venv; }
	@python3 -m venv --help >/dev/null 2>&1 && python3 -m ensurepip --version >/dev/null 2>&1 || { \
	  $(SUDO) apt-get update && $(SUDO) apt-get install -y python3-venv; }
	rm -rf $(VENV) && python3 -m venv $(VENV)
	$(VENV)/bin/python3 -m pip install --quiet --disable-pip-version-check -r Tests/python-requirements.txt
	touch $@

# A demo of the therapist workflow on a fresh practice (SQLite), kept in demo-output/
demo: deps
	swift build --product carryover
	WALKTHROUGH_KEEP="$(CURDIR)/demo-output" bash Examples/walkthrough.sh "$$(swift build --show-bin-path)/carryover"

# Every test suite, then the walkthrough with its output checked.
test: deps test-tools
	swift build --build-tests
	swift test --skip-build
	bash Examples/walkthrough.sh --check "$$(swift build --show-bin-path)/carryover"

# API docs: the DocC catalogue of every library target (Sources/<Target>/<Target>.docc),
# with DocC's warnings as errors, so a broken symbol link fails CI. Archives land in
# .build/plugins/Swift-DocC/outputs/. The plugin builds with every package trait on, so
# the docs also compile the Postgres code (postgres-nio and SwiftNIO: minutes on a fresh
# machine).
DOC_TARGETS := CarryoverErrors CarryoverCore CarryoverManifest CarryoverLua CarryoverPluginKit \
  CarryoverStore CarryoverSQLite CarryoverPostgres CarryoverPacks CarryoverExport \
  CarryoverModalities CarryoverPractice CarryoverServer
docs:
	swift package generate-documentation $(addprefix --target ,$(DOC_TARGETS)) --warnings-as-errors

# The sandbox fuzzer's long run (Docs/sandbox.md): FUZZ_PROGRAMS generated Lua
# programs from FUZZ_SEED, each checked against the sandbox's promises; the
# summary and any findings go to .build/fuzz-sandbox.txt. `make test` runs
# 1,500 programs from seed 14.
FUZZ_PROGRAMS ?= 100000
FUZZ_SEED ?= 1
fuzz-sandbox: deps
	swift build --build-tests
	CARRYOVER_SANDBOX_FUZZ_PROGRAMS=$(FUZZ_PROGRAMS) CARRYOVER_SANDBOX_FUZZ_SEED=$(FUZZ_SEED) \
	CARRYOVER_SANDBOX_FUZZ_REPORT="$(CURDIR)/.build/fuzz-sandbox.txt" \
	swift test --skip-build --filter "LimitTests/Fuzz/"
	@cat .build/fuzz-sandbox.txt

format:
	swift format -i -r Sources Tests Package.swift

lint:
	swift format lint -r Sources Tests Package.swift

# Benchmarks (Docs/performance.md): each scenario against its bare baseline,
# release build, alternating rounds. bench-smoke: tiny sizes in seconds on the
# debug build, for CI; it fails only on a crash, never on a MISS. Scenario 7
# times the carryover executable, so both products are built.
.PHONY: bench-smoke
bench: deps
	swift build -c release --product carryover
	swift run -c release carryover-bench $(BENCH_ARGS)

bench-smoke: deps
	swift build --product carryover
	swift build --product carryover-bench
	"$$(swift build --show-bin-path)/carryover-bench" --smoke
