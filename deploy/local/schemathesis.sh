#!/usr/bin/env bash
# Installs the pinned Schemathesis from PyPI into a private virtualenv under .local/ (gitignored).
# Idempotent: `schemathesis.sh ensure` does nothing when the pinned version is already installed.
# Usage: schemathesis.sh ensure|bin|version
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

SCHEMATHESIS_VERSION="4.32.5"
ST_VENV="${AUTHZ_SCHEMATHESIS_VENV:-$LOCAL_STATE/schemathesis}"
ST_BIN="$ST_VENV/bin/st"
ST_STAMP="$ST_VENV/.installed-$SCHEMATHESIS_VERSION"

python_bin() {
  local candidate
  for candidate in python3 python; do
    if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c 'import sys, venv, ensurepip; sys.exit(0 if sys.version_info >= (3, 9) else 1)' 2>/dev/null; then
      command -v "$candidate"
      return 0
    fi
  done
  return 1
}

install_python() {
  python_bin >/dev/null && return 0
  echo "[schemathesis] installing python3 and venv from Debian's packages" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq python3 python3-venv >&2
}

ensure() {
  if [ -f "$ST_STAMP" ] && [ -x "$ST_BIN" ]; then
    echo "[schemathesis] $SCHEMATHESIS_VERSION already installed in $ST_VENV" >&2
    return 0
  fi
  install_python
  local python; python=$(python_bin)
  echo "[schemathesis] installing schemathesis==$SCHEMATHESIS_VERSION from PyPI into $ST_VENV" >&2
  # The stamp is written last, so an interrupted install is never taken for a complete one.
  rm -rf "$ST_VENV"
  mkdir -p "$(dirname "$ST_VENV")"
  "$python" -m venv "$ST_VENV" >&2
  "$ST_VENV/bin/python" -m pip install --disable-pip-version-check -q "schemathesis==$SCHEMATHESIS_VERSION" >&2
  "$ST_BIN" --version >/dev/null
  touch "$ST_STAMP"
  echo "[schemathesis] installed: $("$ST_BIN" --version 2>&1 | head -1)" >&2
}

case "${1:-ensure}" in
  ensure) ensure ;;
  bin) echo "$ST_BIN" ;;
  version) echo "$SCHEMATHESIS_VERSION" ;;
  *) echo "usage: $0 ensure|bin|version" >&2; exit 2 ;;
esac
