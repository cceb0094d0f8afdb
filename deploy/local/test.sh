#!/usr/bin/env bash
# The full test suite: brings up PostgreSQL and Kafka from deploy/local when they are not running,
# runs the unit, integration, end-to-end and browser tiers (jest) and the console's component tests (Vitest), and prints "N passed, N failed" (and skipped).
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
source "$here/env.sh"
# Node.js >= 22.22 (package.json engines): the pinned build under .local/node when the machine's is older.
node_bin=$(bash "$here/node.sh" ensure) || { echo "0 passed, 1 failed"; exit 1; }
if [ -n "$node_bin" ]; then export PATH="$node_bin:$PATH"; fi

bash "$here/postgres.sh" start || { echo "0 passed, 1 failed"; exit 1; }
if [ -x "$here/kafka.sh" ] || [ -f "$here/kafka.sh" ]; then
  bash "$here/kafka.sh" start || { echo "0 passed, 1 failed"; exit 1; }
  export TEST_KAFKA_BROKERS="${TEST_KAFKA_BROKERS:-127.0.0.1:$KAFKA_PORT}"
fi
export TEST_PG_URL="${TEST_PG_URL:-$PG_URL_BASE/authz}"
# Debian's chromium (and a CJK font) for the console's browser tests (test/browser).
bash "$here/chromium.sh" ensure || { echo "0 passed, 1 failed"; exit 1; }
# Schemathesis (pinned, from PyPI into .local/) for test/schemathesis; the test finds it through this.
bash "$here/schemathesis.sh" ensure || { echo "0 passed, 1 failed"; exit 1; }
export SCHEMATHESIS_BIN="${SCHEMATHESIS_BIN:-$(bash "$here/schemathesis.sh" bin)}"

report="$LOCAL_STATE/jest-report.json"
mkdir -p "$LOCAL_STATE"
rm -f "$report"
NODE_OPTIONS=--experimental-vm-modules npx jest --ci --maxWorkers=2 --json --outputFile="$report" "$@"
status=$?
# The console's component tests (Vitest, jsdom), counted with the rest; a run narrowed to some jest paths skips them.
console_report="$LOCAL_STATE/vitest-report.json"
rm -f "$console_report"
if [ "$#" -eq 0 ]; then
  # Node.js 25+ has a Web Storage of its own (undefined without --localstorage-file) that hides jsdom's.
  webstorage=""
  if node -e 'process.exit(process.allowedNodeEnvironmentFlags.has("--webstorage") ? 0 : 1)'; then webstorage="--no-webstorage"; fi
  NODE_OPTIONS="$webstorage" npx vitest run --config apps/console/vite.config.ts --reporter=default --reporter=json --outputFile.json="$console_report" || status=1
fi
if [ -f "$report" ]; then
  node -e '
    const fs = require("fs");
    const reports = process.argv.slice(1).filter((file) => fs.existsSync(file)).map((file) => JSON.parse(fs.readFileSync(file, "utf8")));
    const sum = (key) => reports.reduce((total, r) => total + (r[key] || 0), 0);
    const skipped = sum("numPendingTests") + sum("numTodoTests");
    const broken = sum("numRuntimeErrorTestSuites");
    if (broken > 0) console.log(`(${broken} suite(s) failed to run; counted as failed)`);
    console.log(`${sum("numPassedTests")} passed, ${sum("numFailedTests") + broken} failed, ${skipped} skipped`);
  ' "$report" "$console_report"
else
  echo "0 passed, 1 failed"
fi
exit $status
