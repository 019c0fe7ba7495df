#!/usr/bin/env bash
# Installs what building, running and testing Backstride needs on Debian/Ubuntu; idempotent.
set -euo pipefail

APT_PACKAGES=(
  libwebkit2gtk-4.1-dev build-essential curl wget file libxdo-dev libssl-dev
  libayatana-appindicator3-dev librsvg2-dev pkg-config
  xvfb xauth xdotool webkit2gtk-driver dbus-x11 dbus-daemon dbus-bin sqlite3
  python3-dbus python3-gi python3-xlib desktop-file-utils appstream
)

sudo_if_needed() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "deps: installing ${missing[*]}"
  sudo_if_needed apt-get update -qq
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# axe-core, which the accessibility test injects into the webview: fetched from npm at test
# time into target/ (never committed), pinned.
AXE_VERSION=4.14.1
if ! command -v npm >/dev/null 2>&1; then
  echo "deps: installing npm"
  sudo_if_needed apt-get update -qq
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs npm
fi
axe_dir="$(cd "$(dirname "$0")/.." && pwd)/target/axe"
if ! grep -qs "\"version\": \"$AXE_VERSION\"" "$axe_dir/node_modules/axe-core/package.json"; then
  echo "deps: fetching axe-core $AXE_VERSION"
  npm install --silent --no-save --no-audit --no-fund --prefix "$axe_dir" "axe-core@$AXE_VERSION"
fi

# The Tauri CLI, whose bundler builds the .deb (scripts/package.sh, tests/e2e_package.rs): the
# npm package ships it prebuilt (cargo install would compile it for minutes), pinned, into target/.
TAURI_CLI_VERSION=2.12.6
cli_dir="$(cd "$(dirname "$0")/.." && pwd)/target/tauri-cli"
if ! grep -qs "\"version\": \"$TAURI_CLI_VERSION\"" "$cli_dir/node_modules/@tauri-apps/cli/package.json"; then
  echo "deps: fetching the Tauri CLI $TAURI_CLI_VERSION"
  npm install --silent --no-save --no-audit --no-fund --prefix "$cli_dir" "@tauri-apps/cli@$TAURI_CLI_VERSION"
fi

if ! command -v cargo >/dev/null 2>&1 && [ -x "$HOME/.cargo/bin/cargo" ]; then
  export PATH="$HOME/.cargo/bin:$PATH"
fi
if ! command -v cargo >/dev/null 2>&1; then
  echo "deps: installing the Rust toolchain (rustup)"
  curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal
  export PATH="$HOME/.cargo/bin:$PATH"
fi

if ! command -v tauri-driver >/dev/null 2>&1; then
  echo "deps: installing tauri-driver"
  cargo install tauri-driver --locked --version '^2'
fi
