#!/usr/bin/env bash
# Scores newsmark on every shared gold set: builds the release CLI, runs each set through
# `newsmark --jsonl --offsets chars`, and prints ../shared/eval/score.py's figures.
# usage: tests/tools/accuracy.sh [names|numbers|quotes ...]   (default: all three)
set -euo pipefail
cd "$(dirname "$0")/../.."
shared=${SHARED:-../shared}
cargo build --release --quiet --bin newsmark
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for kind in "${@:-names numbers quotes}"; do
  for kindset in $kind; do
    for gold in "$shared"/data/"$kindset"/*.jsonl; do
      case "$kindset" in names) k=name ;; numbers) k=number ;; quotes) k=quote ;; esac
      sys="$out/$(basename "$gold")"
      ./target/release/newsmark --jsonl --offsets chars <"$gold" >"$sys"
      printf '%-38s ' "$kindset/$(basename "$gold")"
      python3 "$shared/eval/score.py" "$gold" "$sys" --kinds "$k" | grep -v '^warning' || true
    done
  done
done
