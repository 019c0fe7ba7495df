#!/usr/bin/env bash
# Builds and opens Backstride (debug build). Installs what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
export PATH="$HOME/.cargo/bin:$PATH"
exec cargo run --locked --bin backstride
