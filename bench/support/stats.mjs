// Small statistics and formatting helpers shared by the HTTP benchmarks.
import { execSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';

/** Percentile (0..100) of an ascending-sorted array, nearest rank. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

/** A growable Float64 buffer of samples (latencies in ms). */
export class Samples {
  constructor(capacity = 1 << 16) {
    this.data = new Float64Array(capacity);
    this.length = 0;
  }
  push(value) {
    if (this.length === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }
  summary() {
    const sorted = this.data.slice(0, this.length).sort();
    return { count: this.length, p50: percentile(sorted, 50), p90: percentile(sorted, 90), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] ?? NaN };
  }
}

export const round = (value, digits = 2) => (Number.isFinite(value) ? Number(value.toFixed(digits)) : null);

/** Prints rows (objects with the same keys) as an aligned text table. */
export function printTable(rows) {
  if (rows.length === 0) return;
  const keys = Object.keys(rows[0]);
  const cells = [keys, ...rows.map((row) => keys.map((key) => String(row[key] ?? '')))];
  const widths = keys.map((_, i) => Math.max(...cells.map((line) => line[i].length)));
  for (const [n, line] of cells.entries()) {
    process.stdout.write(`${line.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ')}\n`);
    if (n === 0) process.stdout.write(`${widths.map((w) => '-'.repeat(w)).join('  ')}\n`);
  }
}

/** The machine the numbers come from. */
export function machine() {
  let postgres;
  try {
    postgres = execSync('psql --version', { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch {
    postgres = null;
  }
  return { nproc: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', memoryGiB: round(totalmem() / 2 ** 30, 1), node: process.version, platform: `${process.platform} ${process.arch}`, postgres };
}
