#!/usr/bin/env bash
# A Node.js that package.json's engines accepts (>= 22.22: what nestjs-pino 5, @nestjs/common 12's
# file-type 22, fastify's cookie 2, testcontainers 12 and undici 8 declare). A machine whose Node is
# older (Debian 12 ships 18, NodeSource's 20 is common) gets the pinned official build from the npm
# registry (the `node` package: the nodejs.org binary for this platform) under .local/node (gitignored).
# Idempotent. Usage:
#   node.sh ensure   installs when needed; prints the directory to put first on PATH
#                    (nothing when the machine's own Node will do)
#   node.sh env      the same, as a shell line to eval: eval "$(bash deploy/local/node.sh env)"
#   node.sh version  the pinned version
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

NODE_VERSION="26.10.0"
NODE_MIN="22.22.0"
NODE_DIR="${AUTHZ_NODE_DIR:-$LOCAL_STATE/node}"
NODE_BIN_DIR="$NODE_DIR/node_modules/node/bin"

# exit 0 when the `node` given as $1 is at least $2
at_least() {
  "$1" -e '
    const have = process.versions.node.split(".").map(Number);
    const want = process.argv[1].split(".").map(Number);
    for (let i = 0; i < 3; i++) if (have[i] !== want[i]) process.exit(have[i] > want[i] ? 0 : 1);
  ' "$2" 2>/dev/null
}

ensure() {
  if command -v node >/dev/null 2>&1 && at_least node "$NODE_MIN"; then
    echo "[node] $(node --version) on PATH satisfies >= $NODE_MIN" >&2
    return 0
  fi
  if [ -x "$NODE_BIN_DIR/node" ] && [ "$("$NODE_BIN_DIR/node" --version)" = "v$NODE_VERSION" ]; then
    echo "[node] using v$NODE_VERSION from $NODE_BIN_DIR" >&2
    echo "$NODE_BIN_DIR"
    return 0
  fi
  command -v npm >/dev/null 2>&1 || { echo "[node] no npm to install Node.js $NODE_VERSION with; install Node.js >= $NODE_MIN" >&2; return 1; }
  echo "[node] $(node --version 2>/dev/null || echo 'no node') is older than $NODE_MIN: installing node@$NODE_VERSION from the npm registry into $NODE_DIR" >&2
  mkdir -p "$NODE_DIR"
  [ -f "$NODE_DIR/package.json" ] || echo '{ "private": true }' > "$NODE_DIR/package.json"
  npm install --prefix "$NODE_DIR" --save-exact --no-audit --no-fund --loglevel=error "node@$NODE_VERSION" >&2
  [ "$("$NODE_BIN_DIR/node" --version)" = "v$NODE_VERSION" ] || { echo "[node] install did not produce v$NODE_VERSION" >&2; return 1; }
  echo "$NODE_BIN_DIR"
}

case "${1:-}" in
  ensure) ensure ;;
  env) dir=$(ensure); if [ -n "$dir" ]; then printf 'export PATH=%q:"$PATH"\n' "$dir"; fi ;;
  version) echo "$NODE_VERSION" ;;
  *) echo "usage: $0 ensure|env|version" >&2; exit 2 ;;
esac
