#!/usr/bin/env bash
# The benchmark: builds the app and a blank Tauri window in release, runs the core's criterion
# benchmarks over ten simulated years, writes a ten-year database, then times both windows under
# Xvfb and prints medians, ratios and targets (scripts/bench.py). Installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
export PATH="$HOME/.cargo/bin:$PATH"

cargo build --release --locked --features bench --bin backstride --bin blank
cargo bench --locked -p backstride-core --bench history -- --quiet
db="$(mktemp -d)/ten-years.sqlite3"
cargo run --release --locked -p backstride-core --example ten_years -- "$db"
xvfb-run -a -s "-screen 0 1280x1024x24" python3 scripts/bench.py "$db"
