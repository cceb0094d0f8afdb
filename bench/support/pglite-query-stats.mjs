// Preload for an app process (node --import ./bench/support/pglite-query-stats.mjs …): counts PGlite
// statements by SQL text with their wall time, and writes them to $BENCH_PGLITE_STATS on exit.
// Benchmark diagnostics only: it wraps PGlite.prototype.query and .transaction.
import { writeFileSync } from 'node:fs';

const out = process.env.BENCH_PGLITE_STATS;
const stats = new Map();
const note = (label, text, ms) => {
  const key = `${label}${String(text).replace(/\s+/g, ' ').trim().slice(0, 400)}`;
  const entry = stats.get(key) ?? { calls: 0, ms: 0 };
  entry.calls += 1;
  entry.ms += ms;
  stats.set(key, entry);
};
const timed = (label, query) =>
  async function (text, ...rest) {
    const started = performance.now();
    try {
      return await query.call(this, text, ...rest);
    } finally {
      note(label, text, performance.now() - started);
    }
  };

const { PGlite } = await import('@electric-sql/pglite');
PGlite.prototype.query = timed('', PGlite.prototype.query);
const transaction = PGlite.prototype.transaction;
PGlite.prototype.transaction = async function (fn) {
  const started = performance.now();
  try {
    return await transaction.call(this, (tx) => fn(new Proxy(tx, { get: (target, key) => (key === 'query' ? timed('  tx: ', target.query.bind(target)) : Reflect.get(target, key)) })));
  } finally {
    note('TRANSACTION (whole)', '', performance.now() - started);
  }
};
if (out) {
  // Written every second as well as on exit: Nest re-raises SIGTERM after closing, which skips 'exit'.
  const dump = () => {
    const rows = [...stats].map(([sql, s]) => ({ sql, calls: s.calls, totalMs: Math.round(s.ms), avgMs: Number((s.ms / s.calls).toFixed(3)) })).sort((a, b) => b.totalMs - a.totalMs);
    writeFileSync(out, `${JSON.stringify(rows, null, 2)}\n`);
  };
  setInterval(dump, 1000).unref();
  process.on('exit', dump);
}
