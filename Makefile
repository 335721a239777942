# newsmark: `make serve` builds and serves the page; `make test` sets up and runs every test.
HOST ?= 127.0.0.1
PORT ?= 8080

CARGO_BIN := $(or $(CARGO_HOME),$(HOME)/.cargo)/bin
WASM_BINDGEN := $(CARGO_BIN)/wasm-bindgen
# the wasm-bindgen crate version in Cargo.lock; the CLI must match it exactly
BINDGEN_VERSION := $(shell awk '/^name = "wasm-bindgen"$$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
BROWSER_DIR := tests/browser
NODE_MODULES := $(BROWSER_DIR)/node_modules/.package-lock.json
WASM_OPT := $(BROWSER_DIR)/node_modules/.bin/wasm-opt
WASM_RAW := target/wasm32-unknown-unknown/wasm/newsmark.wasm
PKG := www/pkg

FUZZ_SECONDS ?= 60
FUZZ_TARGETS := annotate jsonl inline

.PHONY: fuzz bench setup setup-build setup-browser build serve size test test-rust rust-setup test-browser check accuracy

# --- setup: idempotent, fast when everything is there -------------------------------
setup: setup-build setup-browser

setup-build: rust-setup $(NODE_MODULES)
	@rustup target list --installed | grep -qx wasm32-unknown-unknown \
	  || rustup target add wasm32-unknown-unknown
	@if [ "$$($(WASM_BINDGEN) --version 2>/dev/null)" != "wasm-bindgen $(BINDGEN_VERSION)" ]; then \
	  echo "installing wasm-bindgen-cli $(BINDGEN_VERSION) (takes a few minutes)"; \
	  cargo install wasm-bindgen-cli --version $(BINDGEN_VERSION) --no-default-features --force; \
	fi

setup-browser:
	@[ -x /usr/bin/chromium ] || { \
	  echo "installing Debian's chromium"; \
	  SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  $$SUDO apt-get update && $$SUDO apt-get install -y chromium; }

# npm packages from the committed lock file; again whenever the lock file changes
$(NODE_MODULES): $(BROWSER_DIR)/package-lock.json $(BROWSER_DIR)/package.json
	cd $(BROWSER_DIR) && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
	@touch $@

# --- build: the core as WebAssembly into www/pkg/ ------------------------------------
build: setup-build
	cargo build --lib --target wasm32-unknown-unknown --profile wasm
	@$(MAKE) -s --no-print-directory $(PKG)/newsmark_core_bg.wasm

# wasm-opt -O1, not -Oz or -O3: about as small (832 KB gzipped against 834 KB), and V8's
# optimizing compiler makes faster code of it (Node 20: 14% fewer instructions than -Oz, 12%
# fewer than -O3; Chromium 156: the same speed). Measurements in the commit that chose it.
$(PKG)/newsmark_core_bg.wasm: $(WASM_RAW) $(NODE_MODULES)
	$(WASM_BINDGEN) --target web --out-name newsmark_core --out-dir $(PKG) $(WASM_RAW)
	$(WASM_OPT) -O1 $@ -o $@
	@printf 'newsmark: %s %s bytes, gzipped %s\n' $@ $$(wc -c < $@) $$(gzip -9c $@ | wc -c)

# raw and gzipped sizes of what the page loads
size: build
	@for f in $(PKG)/newsmark_core_bg.wasm $(PKG)/newsmark_core.js www/app.js www/worker.js www/app.css www/index.html; do \
	  [ -f $$f ] && printf '%-28s %8s bytes %8s gzipped\n' $$f $$(wc -c < $$f) $$(gzip -9c $$f | wc -c); done; true

serve: build
	python3 tests/tools/serve.py --host $(HOST) --port $(PORT) --dir www

# the npm package (widget): target/npm/newsmark/ and its `npm pack` tarball beside it
.PHONY: package
package: build
	node tests/tools/package.mjs

# --- tests ------------------------------------------------------------------------
test: setup test-rust test-browser

# the Rust part of `make test`: installs the toolchain pieces it needs, then checks and tests
test-rust: rust-setup check

rust-setup:
	@command -v cargo >/dev/null || { echo "newsmark: install Rust first: https://rustup.rs"; exit 1; }
	@cargo fmt --version >/dev/null 2>&1 || rustup component add rustfmt
	@cargo clippy --version >/dev/null 2>&1 || rustup component add clippy

check:
	cargo fmt --all -- --check
	cargo clippy --all-targets -- -D warnings
	RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --lib --quiet
	cargo test

# the page's browser tests (headless Debian chromium); builds the wasm first
test-browser: build setup-browser
	cd $(BROWSER_DIR) && node --test

accuracy:
	tests/tools/accuracy.sh

# criterion benchmark of annotate over the shared samples, 1 MB and 8 MB (see README),
# then the linearity check (one 16 MB document against eight of 2 MB, user CPU time)
bench:
	cargo bench --bench annotate

# fuzzes every target for FUZZ_SECONDS each (cargo-fuzz's nightly flags on the stable
# toolchain through RUSTC_BOOTSTRAP=1; the crate has no unsafe code, so no sanitizer).
# A crash lands in fuzz/artifacts/TARGET/: keep it as tests/regressions/TARGET-what.ext
fuzz:
	@cargo fuzz --version >/dev/null 2>&1 || cargo install cargo-fuzz
	@mkdir -p fuzz/corpus/annotate fuzz/corpus/jsonl fuzz/corpus/inline
	@cp tests/data/*.txt tests/specs/*.txt tests/regressions/annotate-* fuzz/corpus/annotate/
	@cp tests/specs/*.txt tests/data/*.marked.txt tests/regressions/inline-* fuzz/corpus/inline/
	@cp tests/regressions/jsonl-* fuzz/corpus/jsonl/
	@for t in $(FUZZ_TARGETS); do \
	  echo "fuzzing $$t for $(FUZZ_SECONDS) s"; \
	  RUSTC_BOOTSTRAP=1 cargo fuzz run -s none -O $$t -- \
	    -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=2048 -print_final_stats=1 || exit 1; \
	done
