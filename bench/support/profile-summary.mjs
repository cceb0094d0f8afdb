// Summarises a V8 .cpuprofile (node --cpu-prof): top functions by self time, and self time by
// package / area. Run: node bench/support/profile-summary.mjs <file.cpuprofile> [top=25] [from-s] [to-s]
// (from-s / to-s: only the samples taken that many seconds after the profile started, e.g. to leave
// out the start-up and keep a load run; percentages are then also given of the busy samples).
import { readFileSync } from 'node:fs';

export function summarise(profile, top = 25, { fromSeconds = 0, toSeconds = Infinity } = {}) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const hits = new Map();
  let at = 0;
  let total = 0;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas?.[i] ?? 0;
    const seconds = at / 1e6;
    if (seconds < fromSeconds || seconds > toSeconds) return;
    hits.set(id, (hits.get(id) ?? 0) + 1);
    total += 1;
  });
  const fns = new Map();
  const areas = new Map();
  const areaOf = (url, name) => {
    if (!url) return name === '(garbage collector)' ? 'gc' : name === '(idle)' || name === '(program)' ? name : 'native';
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
    if (m) return m[1];
    if (url.startsWith('node:')) return 'node core';
    const d = /\/dist\/((?:apps|libs)\/[^/]+)/.exec(url);
    return d ? d[1] : url;
  };
  for (const [id, count] of hits) {
    const node = byId.get(id);
    const { functionName, url, lineNumber } = node.callFrame;
    const name = functionName || '(anonymous)';
    const key = `${name} ${url.replace(/^.*\/(node_modules|dist)\//, '$1/')}:${lineNumber + 1}`;
    fns.set(key, (fns.get(key) ?? 0) + count);
    const area = areaOf(url, name);
    areas.set(area, (areas.get(area) ?? 0) + count);
  }
  const busy = total - (areas.get('(idle)') ?? 0);
  const pct = (n) => `${((n / total) * 100).toFixed(1)}% ${`(${((n / busy) * 100).toFixed(1)}% of busy)`.padStart(16)}`;
  return {
    samples: total,
    busyPercent: Number(((busy / total) * 100).toFixed(1)),
    topFunctions: [...fns].sort((a, b) => b[1] - a[1]).slice(0, top).map(([fn, n]) => ({ self: pct(n), fn })),
    areas: [...areas].sort((a, b) => b[1] - a[1]).slice(0, top).map(([area, n]) => ({ self: pct(n), area })),
  };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const file = process.argv[2];
  const result = summarise(JSON.parse(readFileSync(file, 'utf8')), Number(process.argv[3] ?? 25), { fromSeconds: Number(process.argv[4] ?? 0), toSeconds: Number(process.argv[5] ?? Infinity) });
  process.stdout.write(`${file}: ${result.samples} samples, busy ${result.busyPercent}%\n\nself time by area:\n`);
  for (const a of result.areas) process.stdout.write(`  ${a.self.padStart(24)}  ${a.area}\n`);
  process.stdout.write('\ntop functions by self time:\n');
  for (const f of result.topFunctions) process.stdout.write(`  ${f.self.padStart(24)}  ${f.fn}\n`);
}
