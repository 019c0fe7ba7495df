#!/usr/bin/env bash
# Runs every test: formatting, clippy with warnings as errors, core unit and property tests, shell command tests, and the
# end-to-end tests that drive the real debug binary in WebKit under Xvfb. Installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
export PATH="$HOME/.cargo/bin:$PATH"

cargo fmt --all -- --check
cargo clippy --workspace --all-targets --locked -- -D warnings
if cargo tree -p backstride-core --edges normal,build --prefix none --format '{p}' | cut -d' ' -f1 | grep -i tauri; then
  echo "backstride-core must not depend on Tauri" >&2
  exit 1
fi
# One build serves everything: the e2e tests launch the debug binary this same command builds;
# --all-targets also runs each criterion benchmark once, so they keep compiling.
xvfb-run -a -s "-screen 0 1280x1024x24" cargo test --workspace --all-targets --locked
