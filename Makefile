# Vigie: the two set-up commands are `make run` and `make test` (README.md).
# Every target installs what it needs first (scripts/install-deps).

PRESET ?= release
JOBS ?= $(shell nproc)
BUILD := build/$(PRESET)
VIGIE := $(BUILD)/src/cli/vigie

.PHONY: run test build deps npm web format tidy bench fuzz clean help

help:
	@echo "make run     install, build (release), import the official data, serve on 127.0.0.1:8080"
	@echo "make test    install, build, run every test (PRESET=release|asan|debug|fuzz)"
	@echo "make format  apply clang-format to the project's C++ files"
	@echo "make tidy    run clang-tidy on the project's sources"
	@echo "make bench   build and run the benchmarks (results: docs/BENCHMARKS.md)"
	@echo "make fuzz    build the libFuzzer targets (clang-14) and fuzz each for FUZZ_SECONDS"

deps:
	@scripts/install-deps

# npm packages pinned in package-lock.json; reinstalled only when the lock changes.
npm: deps
	@if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then \
	  npm ci --no-audit --no-fund; \
	fi

# The web UI (TypeScript, no framework) compiled into web/dist, served by `vigie serve`.
web: npm
	@npm run --silent build:web

build: deps
	@cmake --preset $(PRESET) > /dev/null
	@cmake --build $(BUILD) -j $(JOBS)

test: build web
	@ctest --preset $(PRESET) -j $(JOBS)

run:
	@$(MAKE) --no-print-directory build web PRESET=release
	@scripts/run build/release/src/cli/vigie

format:
	@git ls-files '*.cc' '*.h' | xargs clang-format -i
	@echo "clang-format applied"

tidy: build
	@git ls-files 'src/*.cc' | xargs clang-tidy -p $(BUILD) --quiet

bench:
	@$(MAKE) --no-print-directory build PRESET=release
	@scripts/bench build/release

FUZZ_SECONDS ?= 60
fuzz:
	@$(MAKE) --no-print-directory build PRESET=fuzz
	@for f in build/fuzz/fuzz/fuzz_*; do \
	  name=$$(basename $$f | sed 's/^fuzz_//'); \
	  echo "== $$name"; \
	  $$f -max_total_time=$(FUZZ_SECONDS) -artifact_prefix=tests/fuzz/$$name/crash- tests/fuzz/$$name || exit 1; \
	done

clean:
	rm -rf build
