# newsmark: `make serve` builds and serves the page; `make test` sets up and runs every test.
HOST ?= 127.0.0.1
PORT ?= 8080

.PHONY: serve test test-rust rust-setup check accuracy

serve:
	@echo "newsmark: serving http://$(HOST):$(PORT)/"
	cd www && python3 -m http.server $(PORT) --bind $(HOST)

test: test-rust

# the Rust part of `make test`: installs the toolchain pieces it needs, then checks and tests
test-rust: rust-setup check

rust-setup:
	@command -v cargo >/dev/null || { echo "newsmark: install Rust first: https://rustup.rs"; exit 1; }
	@cargo fmt --version >/dev/null 2>&1 || rustup component add rustfmt
	@cargo clippy --version >/dev/null 2>&1 || rustup component add clippy

check:
	cargo fmt --all -- --check
	cargo clippy --all-targets -- -D warnings
	cargo test

accuracy:
	tests/tools/accuracy.sh
