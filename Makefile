# duibiao — two commands do all set-up on a fresh machine:
#   make serve   install what is missing, build, serve dist/ on http://127.0.0.1:8080
#   make test    install what is missing, run every test
# Tools already installed at the pinned versions are not rebuilt.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c

TRUNK_VERSION := 0.21.14
# The wasm-bindgen CLI must be the exact version Cargo.lock pins for the wasm-bindgen crate.
WASM_BINDGEN_VERSION := $(shell sed -n '/^name = "wasm-bindgen"$$/{n;s/^version = "\(.*\)"/\1/p;}' Cargo.lock)
CARGO_HOME ?= $(HOME)/.cargo
export PATH := $(CURDIR)/node_modules/.bin:$(CARGO_HOME)/bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
export CHROMIUM ?= /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: serve dist test test-native test-wasm test-e2e fuzz-smoke fuzz bench bench-inputs bench-native bench-browser bench-sizes bench-profile tools build-tools browser clean

serve: dist
	trunk serve --release

# The static bundle, ready to copy onto any web server, and the one-file offline copy.
dist: build-tools
	cargo fetch --locked
	trunk build --release
	node build/single-file.mjs dist

test: tools
	$(MAKE) test-native test-32bit test-wasm test-e2e fuzz-smoke

test-native:
	cargo test --locked

# The reader again where usize is 32 bits, as in the browser's wasm32: the library's unit tests,
# the limits (fuzz regressions included) and the corpus. Installs the target and Debian's
# gcc-multilib (the 32-bit C runtime the linker needs) when missing.
.PHONY: test-32bit
test-32bit:
	@rustup target list --installed | grep -qx i686-unknown-linux-gnu \
	  || rustup target add i686-unknown-linux-gnu
	@dpkg-query -W -f='$${Status}' gcc-multilib 2>/dev/null | grep -q "install ok installed" \
	  || { $(SUDO) apt-get update -q && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q gcc-multilib; }
	cargo test --locked --target i686-unknown-linux-gnu --lib --test limits --test corpus

# Yew component tests in headless Chromium (runner set in .cargo/config.toml, browser flags in webdriver.json).
test-wasm:
	cargo test --locked --target wasm32-unknown-unknown --test web_components

# User journeys against the built dist/ in headless Chromium.
test-e2e: dist
	node --test tests/e2e/

# Each fuzz target briefly and repeatably: a fixed seed and number of executions (fuzz/README.md).
fuzz-smoke:
	FUZZ_DETERMINISTIC=1 fuzz/run.sh 20

# A longer run: make fuzz FUZZ_SECONDS=600
FUZZ_SECONDS ?= 300
fuzz:
	FUZZ_KEEP_GOING=1 fuzz/run.sh $(FUZZ_SECONDS)

# Benchmarks, never tests (BENCHMARKS.md records their figures): read + evaluate natively, the
# same files in headless Chromium against SheetJS, and the bundle's sizes.
bench: bench-native bench-browser bench-sizes

# Generated submissions of 20 / 100 / 10,000 / 200,000 rows as .xlsx and GBK .csv, and as .xls
# up to that format's 65,536 rows (xlwt, from PyPI), in target/bench-inputs/.
bench-inputs: target/bench-venv/.installed
	cargo bench --locked --bench read_evaluate -- --write-inputs
	target/bench-venv/bin/python benches/make_xls.py

target/bench-venv/.installed: benches/requirements.txt
	python3 -m venv target/bench-venv
	target/bench-venv/bin/pip install --quiet -r benches/requirements.txt
	touch $@

bench-native: bench-inputs
	cargo bench --locked --profile worker --bench read_evaluate

bench-browser: bench-inputs dist browser
	cargo build --profile worker --locked --bin duibiao
	node benches/browser/run.mjs

bench-sizes: dist browser
	node benches/sizes.mjs

# Where the worker's time goes, by Rust function (not part of make bench): the worker's wasm
# again with its names kept, then V8's profiler in Chromium. make bench-profile FILE=rows-10000.xls
FILE ?= rows-200000.xlsx
bench-profile: bench-inputs dist browser
	rm -rf target/profile-dist && cp -r dist target/profile-dist
	wasm-bindgen --target no-modules --keep-debug --out-dir target/profile-dist --out-name duibiao-worker \
		target/wasm32-unknown-unknown/worker/duibiao-worker.wasm
	node benches/browser/profile.mjs $(FILE)

tools: build-tools browser

build-tools: node_modules/.package-lock.json
	@rustup target list --installed | grep -qx wasm32-unknown-unknown \
	  || rustup target add wasm32-unknown-unknown
	@trunk --version 2>/dev/null | grep -qF "trunk $(TRUNK_VERSION)" \
	  || cargo install --locked trunk@$(TRUNK_VERSION)
	@wasm-bindgen --version 2>/dev/null | grep -qF "wasm-bindgen $(WASM_BINDGEN_VERSION)" \
	  || cargo install --force wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION)

# wasm-opt (npm binaryen; Debian's is too old for rustc's output) and playwright-core.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund

browser:
	@[ -x $(CHROMIUM) ] && [ -x $(CHROMEDRIVER) ] && fc-list 2>/dev/null | grep -q "Noto Sans CJK" \
	  || { $(SUDO) apt-get update -q && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q chromium chromium-driver fonts-noto-cjk; }

clean:
	cargo clean
	rm -rf dist node_modules tests/e2e/artifacts
