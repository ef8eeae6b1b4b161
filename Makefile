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
export FIREFOX ?= /usr/bin/firefox-esr
# CI builds once from a clean clone: incremental caches would only take time and disk.
ifdef CI
export CARGO_INCREMENTAL := 0
endif
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# The shipped wasm (the page's, the worker's, the offline copy's) runs on Chromium 86, the kernel
# of 360安全浏览器 13 and many 奇安信 desktops (issue 14): WebAssembly 1.0 plus the features below
# and no later one. rustc >= 1.82 turns reference types on by default (Chromium < 96 cannot compile
# them, and wasm-bindgen then moves JS values through an externref table), and the standard library
# it ships is precompiled that way, so the wasm build rebuilds std with these features
# (-Zbuild-std): a pinned nightly toolchain with its rust-src, installed when missing. Only the
# wasm that trunk builds uses it; the CLI and every test build with the stable toolchain.
# build/wasm-features.mjs checks the result (make check-wasm). The same build drops what only a
# panic's message would use (immediate-abort: a panic traps, as panic = "abort" did, without
# formatting a message; no file and line strings): 20 KB gzip of the reader (BENCHMARKS.md).
WASM_TOOLCHAIN := nightly-2026-05-20
WASM_FEATURES := +sign-ext,+bulk-memory,+nontrapping-fptoint,+mutable-globals,+multivalue,-reference-types
WASM_BUILD_ENV := RUSTUP_TOOLCHAIN=$(WASM_TOOLCHAIN) CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-C target-cpu=mvp -C target-feature=$(WASM_FEATURES) \
  -Zunstable-options -C panic=immediate-abort -Z location-detail=none"
# Old Chromium builds that npm packages ship, unpacked by build/old-chromium.mjs (make test-kernels).
OLD_CHROMIUM := target/old-chromium/86/.unpacked target/old-chromium/109/.unpacked

.PHONY: serve dist check-wasm check-budgets check-core check-vendor test test-native test-wasm test-e2e test-kernels fuzz-smoke fuzz bench bench-inputs bench-native bench-browser bench-sizes bench-profile bench-breakdown bench-breakdown-kernels bench-draft tools build-tools browser clean

serve: dist
	trunk serve --release

# The static bundle, ready to copy onto any web server, and the one-file offline copy.
dist: build-tools
	cargo fetch --locked
	$(WASM_BUILD_ENV) cargo fetch --locked --target wasm32-unknown-unknown
	$(WASM_BUILD_ENV) trunk build --release
	node build/minify.mjs dist
	node build/single-file.mjs dist

# Every shipped module, those the offline copy inlines too, uses no feature Chromium 86 lacks.
check-wasm: dist
	node --test tests/wasm-features.test.mjs
	node build/wasm-features.mjs dist/*.wasm dist/duibiao-offline.html

# The budgets (build/budgets.mjs): a first check of an .xlsx downloads at most 450 kB gzip, the
# first paint 100 kB, both measured as make bench-sizes measures them; and the light reader, read
# from cargo's wasm before wasm-bindgen strips its names, links neither encoding_rs nor serde_json.
check-budgets: dist browser
	node --test tests/budgets.test.mjs
	node build/budgets.mjs

# vendor/calamine and vendor/crc32fast are their crates.io releases plus vendor/patches/ and
# nothing else (vendor/README.md): regenerated in a temporary folder and compared.
check-vendor:
	build/vendor.sh check

test: tools
	$(MAKE) check-core check-vendor test-native test-32bit test-wasm check-wasm check-budgets test-e2e fuzz-smoke

# The core (crates/core) takes no browser types: none of the browser's crates is among its own
# dependencies, for any target and feature (what its dependencies depend on is theirs: zip pulls
# getrandom, which uses wasm-bindgen on wasm32), and its code never asks which target it runs on.
BROWSER_CRATES := web-sys|js-sys|wasm-bindgen|wasm-bindgen-futures|serde-wasm-bindgen|gloo|yew
check-core:
	@deps=$$(cargo tree --locked -p duibiao-core --target all --all-features -e normal,build --depth 1 --prefix none); \
	  if grep -E '^($(BROWSER_CRATES)) ' <<<"$$deps"; then echo "check-core: the core depends on a browser crate (above)"; exit 1; fi
	@if grep -rnE '\b(web_sys|js_sys|wasm_bindgen|gloo|yew)::|target_arch' crates/core/src crates/core/build.rs; then \
	  echo "check-core: the core names a browser crate or the target (above)"; exit 1; fi
	@echo "check-core: no browser crate in the core"

# The whole workspace, and the core a second time as the page's light reader is built (no
# `legacy-formats`).
test-native:
	cargo test --locked --workspace
	cargo test --locked -p duibiao-core --no-default-features --features own-codecs

# The reader again where usize is 32 bits, as in the browser's wasm32: the library's unit tests,
# the limits (fuzz regressions included) and the corpus. Installs the target and Debian's
# gcc-multilib (the 32-bit C runtime the linker needs) when missing.
.PHONY: test-32bit
test-32bit:
	@rustup target list --installed | grep -qx i686-unknown-linux-gnu \
	  || rustup target add i686-unknown-linux-gnu
	@dpkg-query -W -f='$${Status}' gcc-multilib 2>/dev/null | grep -q "install ok installed" \
	  || { $(SUDO) apt-get update -q && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q gcc-multilib; }
	cargo test --locked --target i686-unknown-linux-gnu -p duibiao-core --lib
	cargo test --locked --target i686-unknown-linux-gnu --test limits --test corpus

# Yew component tests in headless Chromium (runner set in .cargo/config.toml, browser flags in webdriver.json).
test-wasm:
	cargo test --locked --target wasm32-unknown-unknown --test web_components

# User journeys against the built dist/ in headless Chromium: Debian's, and for the main journeys
# (tests/e2e/kernels.test.mjs) Chromium 86 and 109 too.
test-e2e: dist $(OLD_CHROMIUM)
	node --test tests/e2e/

# Only the journeys on each kernel.
test-kernels: dist $(OLD_CHROMIUM)
	node --test tests/e2e/kernels.test.mjs

$(OLD_CHROMIUM) &: build/old-chromium.mjs node_modules/.package-lock.json
	node build/old-chromium.mjs

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

# A township roll-up (150 towns x 41 indicators) in the page: time to the first row, long tasks.
bench-breakdown: dist browser
	node benches/browser/breakdown.mjs

# The same roll-up on Chromium 86 and 109.
bench-breakdown-kernels: dist browser $(OLD_CHROMIUM)
	node benches/browser/breakdown-kernels.mjs

# Drafting a 100,000-character plan in the page's drafter dialog (issue 26).
bench-draft: dist browser
	node benches/browser/draft.mjs

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
	@rustup run $(WASM_TOOLCHAIN) rustc --version >/dev/null 2>&1 \
	  || rustup toolchain install $(WASM_TOOLCHAIN) --profile minimal --component rust-src
	@rustup component list --toolchain $(WASM_TOOLCHAIN) --installed | grep -q '^rust-src' \
	  || rustup component add rust-src --toolchain $(WASM_TOOLCHAIN)
	@trunk --version 2>/dev/null | grep -qF "trunk $(TRUNK_VERSION)" \
	  || cargo install --locked trunk@$(TRUNK_VERSION)
	@wasm-bindgen --version 2>/dev/null | grep -qF "wasm-bindgen $(WASM_BINDGEN_VERSION)" \
	  || cargo install --force wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION)

# wasm-opt (npm binaryen; Debian's is too old for rustc's output), playwright-core, and for the old
# kernels puppeteer-core 5.3.1 and the npm packages that carry Chromium 86 and 109.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund

# Debian's Chromium (and its driver, for the component tests), Firefox ESR for the journeys on each
# kernel (tests/e2e/kernels.test.mjs), and CJK fonts for the screenshots.
browser:
	@[ -x $(CHROMIUM) ] && [ -x $(CHROMEDRIVER) ] && [ -x $(FIREFOX) ] && fc-list 2>/dev/null | grep "Noto Sans CJK" >/dev/null \
	  || { $(SUDO) apt-get update -q && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q chromium chromium-driver firefox-esr fonts-noto-cjk; }

clean:
	cargo clean
	rm -rf dist node_modules tests/e2e/artifacts
