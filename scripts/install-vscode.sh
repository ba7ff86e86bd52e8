#!/usr/bin/env bash
# Installs what the integration tests and `npm start` need to run the extension in a real VS Code
# on a machine that reaches only the npm registry and Debian's archive: Debian's Chromium and
# ripgrep, and code-server (VS Code 1.100.3's workbench with a Node extension host) from npm into
# .cache/code-server. Idempotent: does nothing that is already done.
set -euo pipefail
cd "$(dirname "$0")/.."
CODE_SERVER_VERSION=4.100.3
RIPGREP_PACKAGE_VERSION=1.15.11   # the @vscode/ripgrep that this code-server pins
PREFIX="$PWD/.cache/code-server"

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v rg >/dev/null 2>&1 || need_apt+=(ripgrep)
[ -f /usr/include/gssapi/gssapi.h ] || [ -f /usr/include/gssapi.h ] || need_apt+=(libkrb5-dev)
# Fonts so that Chinese text and emoji render in the workbench screenshots.
[ -d /usr/share/fonts/truetype/wqy ] || need_apt+=(fonts-wqy-zenhei)
[ -f /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf ] || need_apt+=(fonts-noto-color-emoji)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}"
fi

if [ -x "$PREFIX/node_modules/.bin/code-server" ] && XDG_CONFIG_HOME="$PREFIX/.config" XDG_DATA_HOME="$PREFIX/.data" "$PREFIX/node_modules/.bin/code-server" --version 2>/dev/null | grep -q "^$CODE_SERVER_VERSION"; then
  echo "code-server $CODE_SERVER_VERSION already in $PREFIX"
  exit 0
fi

export TMPDIR="${TMPDIR:-/tmp}"
export npm_config_yes=true        # node-pty's postinstall runs `npx node-gyp`
export npm_config_nodedir=/usr    # Node's headers are in /usr/include/node on Debian
# @vscode/ripgrep downloads rg from GitHub unless its cache already holds the tarball: seed it
# with Debian's rg so the install stays offline.
seed="$TMPDIR/vscode-ripgrep-seed"
cache="$TMPDIR/vscode-ripgrep-cache-$RIPGREP_PACKAGE_VERSION"
mkdir -p "$seed" "$cache"
cp "$(command -v rg)" "$seed/rg"
tar czf "$cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$seed" rg

mkdir -p "$PREFIX"
[ -f "$PREFIX/package.json" ] || echo '{"name":"code-server-host","private":true}' > "$PREFIX/package.json"
(cd "$PREFIX" && npm install --unsafe-perm --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION")
XDG_CONFIG_HOME="$PREFIX/.config" XDG_DATA_HOME="$PREFIX/.data" "$PREFIX/node_modules/.bin/code-server" --version
