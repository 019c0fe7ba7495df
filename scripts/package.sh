#!/usr/bin/env bash
# Builds the release Debian package with Tauri's bundler (desktop entry, icons, AppStream
# metainfo, the WebKitGTK runtime as dependencies) and prints its path. Installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
export PATH="$HOME/.cargo/bin:$PATH"

target/tauri-cli/node_modules/.bin/tauri build --bundles deb --ci -- --locked
version="$(sed -n 's/^  "version": "\(.*\)",$/\1/p' tauri.conf.json)"
deb="target/release/bundle/deb/Backstride_${version}_$(dpkg --print-architecture).deb"
test -f "$deb"
echo "Install it with: sudo apt install ./$deb"
