#!/usr/bin/env bash
# Installs Debian's chromium (if missing) for the browser tests (test/browser drives it with playwright-core),
# with a CJK font so the Traditional Chinese pages, screenshots and printed notices show their characters.
# Idempotent: does nothing when /usr/bin/chromium and the font are already there.
# Usage: chromium.sh ensure|bin
set -euo pipefail

CHROMIUM_BIN="${CHROMIUM_BIN:-/usr/bin/chromium}"

has_cjk_font() { fc-list :lang=zh-tw 2>/dev/null | grep -q .; }

ensure() {
  if [ -x "$CHROMIUM_BIN" ] && has_cjk_font; then return 0; fi
  echo "[chromium] installing chromium and fonts-wqy-microhei from Debian's packages" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null
  [ -x "$CHROMIUM_BIN" ] || { echo "[chromium] $CHROMIUM_BIN is missing after the install" >&2; exit 1; }
}

case "${1:-ensure}" in
  ensure) ensure ;;
  bin) echo "$CHROMIUM_BIN" ;;
  *) echo "usage: $0 ensure|bin" >&2; exit 2 ;;
esac
