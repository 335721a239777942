# newsmark: `make serve` builds and serves the page; `make test` sets up and runs every test.
HOST ?= 127.0.0.1
PORT ?= 8080

.PHONY: serve test check accuracy

serve:
	@echo "newsmark: serving http://$(HOST):$(PORT)/"
	cd www && python3 -m http.server $(PORT) --bind $(HOST)

test: check

check:
	cargo fmt --all -- --check
	cargo clippy --all-targets -- -D warnings
	cargo test

accuracy:
	tests/tools/accuracy.sh
