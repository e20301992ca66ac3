#!/usr/bin/env bash
# Installs whatever is missing to build, serve and test Earnings Explorer on a
# Debian machine with rustup and Node. Safe to run again: each step checks first.
#   scripts/setup.sh            build tools (wasm target, Trunk, wasm-bindgen, wasm-opt, a font)
#   scripts/setup.sh --browser  the same, plus Chromium and ChromeDriver for the tests
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# The CLI must equal the crate version pinned in Cargo.toml.
WASM_BINDGEN_VERSION=$(sed -nE 's/^wasm-bindgen = "=([0-9.]+)"/\1/p' Cargo.toml)
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

step() { printf '\n==> %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "Adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION"; then
  step "Installing Trunk $TRUNK_VERSION (about 10 minutes on 2 cores, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION"; then
  step "Installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 4 minutes, once)"
  # Not --locked: its lock file pins crates that no longer build on current Rust.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

if [[ ! -x node_modules/.bin/wasm-opt || package-lock.json -nt node_modules/.package-lock.json ]]; then
  step "Installing Node tools (binaryen's wasm-opt, playwright-core, axe-core, the Nu Html Checker)"
  npm ci --no-audit --no-fund --loglevel=error
fi

# Debian packages: the font the pre-rendered preview images are drawn in, and
# for the tests (--browser) Chromium with its driver, and nginx with its
# brotli_static module: the end-to-end tests serve dist/ with the shipped
# deploy/nginx/ config, from their own nginx process on a free port (the
# system nginx service is never used; the package may start it on port 80).
packages=()
[[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]] || packages+=(fonts-dejavu-core)
if [[ ${1:-} == --browser ]]; then
  { command -v chromium && command -v chromedriver; } >/dev/null || packages+=(chromium chromium-driver)
  [[ -x /usr/sbin/nginx ]] || command -v nginx >/dev/null || packages+=(nginx)
  [[ -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ]] || packages+=(libnginx-mod-http-brotli-static)
  # Java, for the Nu Html Checker (npm vnu-jar) the tests run over every page.
  command -v java >/dev/null || packages+=(default-jre-headless)
  # PHP, to run WordPress's own oEmbed code in the tests (end2end/wordpress/).
  command -v php >/dev/null || packages+=(php-cli)
fi
if ((${#packages[@]})); then
  step "Installing from Debian: ${packages[*]}"
  sudo=""
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${packages[@]}" >/dev/null
fi

# WordPress's own files for the paste-the-link tests: Debian's `wordpress`
# package, downloaded and unpacked into target/wordpress/, never installed
# (no web server or database of its own; php-cli runs its oEmbed code).
WORDPRESS=target/wordpress/usr/share/wordpress
if [[ ${1:-} == --browser && ! -f $WORDPRESS/wp-includes/js/wp-embed.js ]]; then
  step "Unpacking Debian's wordpress package into target/wordpress (not installed)"
  download=$(mktemp -d)
  if ! (cd "$download" && apt-get download -qq wordpress 2>/dev/null); then
    sudo=""
    [[ $(id -u) -eq 0 ]] || sudo="sudo"
    $sudo apt-get update -qq
    (cd "$download" && apt-get download -qq wordpress 2>/dev/null)
  fi
  mkdir -p target/wordpress
  dpkg -x "$download"/wordpress_*.deb target/wordpress
  rm -rf "$download"
fi
