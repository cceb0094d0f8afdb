#!/usr/bin/env bash
# `npm start`: builds, then runs the all-in-one on the embedded default (PGlite under ./data) on a
# Node.js that package.json's engines accept — the machine's own, or the pinned build that
# deploy/local/node.sh installs into .local/node when the machine's is older.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here/../.."
node_bin=$(bash "$here/node.sh" ensure)
if [ -n "$node_bin" ]; then export PATH="$node_bin:$PATH"; fi
npm run build --silent
exec node dist/apps/all-in-one/src/main.js
