#!/usr/bin/env bash
# Runs every test: formatting, core unit and property tests, shell command tests, and the
# end-to-end tests that drive the real debug binary in WebKit under Xvfb. Installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
export PATH="$HOME/.cargo/bin:$PATH"

cargo fmt --all -- --check
# One build serves everything: the e2e tests launch the debug binary this same command builds.
xvfb-run -a -s "-screen 0 1280x1024x24" cargo test --workspace --locked
