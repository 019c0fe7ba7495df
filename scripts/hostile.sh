#!/usr/bin/env bash
# Hostile inputs: generates hostile run files and backups (scripts/hostile.py) into a temporary
# folder, feeds each to the core's `feed` example in release under a 120 s timeout, and prints a
# Markdown table of what it answered, its peak memory and time. A script to read, not a timed test.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir "$work/files"

# FEED=path runs another build of the feeder (for a before-and-after table).
feed="${FEED:-}"
if [ -z "$feed" ]; then
  cargo build --release --locked -p backstride-core --example feed
  feed="$PWD/target/release/examples/feed"
fi

mapfile -t generated < <(python3 scripts/hostile.py "$work/files")

# 1234567 bytes -> "1.2 MB"; 970 -> "0.9 KB" (1 KB = 1024 bytes).
human_size() {
  awk -v b="$1" 'BEGIN { if (b >= 1048576) printf "%.1f MB", b / 1048576; else printf "%.1f KB", b / 1024 }'
}

# GNU time's "h:mm:ss" or "m:ss.ss" -> seconds.
seconds() {
  awk -v t="$1" 'BEGIN { n = split(t, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.2f", s }'
}

echo "| file | size | path | outcome | peak memory | time |"
echo "|---|---|---|---|---|---|"
for line in "${generated[@]}"; do
  IFS=$'\t' read -r kind name <<<"$line"
  file="$work/files/$name"
  status=0
  /usr/bin/time -v -o "$work/time.txt" timeout 120 "$feed" "$kind" "$file" \
    >"$work/out.txt" 2>"$work/err.txt" </dev/null || status=$?
  answer="$(head -n 1 "$work/out.txt" | tr -d '\r')"
  if [ "$status" -eq 124 ]; then
    outcome="TIMED OUT"
  elif [ "$status" -ne 0 ]; then
    outcome="CRASHED (status $status)"
  elif [ -z "$answer" ]; then
    outcome="(no answer)"
  else
    outcome="${answer:0:80}"
  fi
  outcome="${outcome//|/\\|}"
  kbytes="$(sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p' "$work/time.txt")"
  elapsed="$(sed -n 's/^[[:space:]]*Elapsed (wall clock) time.*: //p' "$work/time.txt")"
  memory="$(awk -v k="${kbytes:-0}" 'BEGIN { printf "%.1f MiB", k / 1024 }')"
  size="$(human_size "$(stat -c %s "$file")")"
  echo "| $name | $size | $kind | $outcome | $memory | $(seconds "${elapsed:-0}") s |"
  rm -f "$file"
done
