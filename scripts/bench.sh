#!/usr/bin/env bash
# The benchmark: builds the app and a blank Tauri window in release, runs the core's criterion
# benchmarks (ten simulated years; a Strava export of 1,000 activities), imports that export as
# the app does for its peak memory, writes a ten-year database, then times both windows under
# Xvfb and prints medians, ratios and targets (scripts/bench.py). Installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
export PATH="$HOME/.cargo/bin:$PATH"

cargo build --release --locked --features bench --bin backstride --bin blank
cargo bench --locked -p backstride-core --bench history -- --quiet
cargo bench --locked -p backstride-core --bench import -- --quiet
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cargo build --release --locked -p backstride-core --example export --example feed
target/release/examples/export "$work/export.zip"
/usr/bin/time -f "%M %e" -o "$work/time.txt" target/release/examples/feed import "$work/export.zip"
read -r peak_kib elapsed < "$work/time.txt"
echo "Importing a Strava export of 1,000 activities ($(du -h "$work/export.zip" | cut -f1)): peak memory $((peak_kib / 1024)) MiB, ${elapsed} s"
db="$work/ten-years.sqlite3"
cargo run --release --locked -p backstride-core --example ten_years -- "$db"
xvfb-run -a -s "-screen 0 1280x1024x24" python3 scripts/bench.py "$db"
