/**
 * Hash-chained NDJSON export of the audit trail (SPEC §7). Each line is an entry plus `prevHash`
 * and `hash = sha256(prevHash + canonicalJson(entry without hash))`; the first `prevHash` is 64
 * zeros. Altering, removing, inserting or reordering a line breaks the chain at that line.
 */
import { createHash } from 'node:crypto';
import type { AuditEntry } from './audit-entry.projection.js';
import { canonicalJson } from '../../../contracts/src/canonical-json.js';
import { chainText, GENESIS_HASH } from './proof/verify-record.js';

export { GENESIS_HASH };

export interface ExportedAuditEntry extends AuditEntry {
  readonly prevHash: string;
  readonly hash: string;
}

export const hashEntry = (withoutHash: Readonly<Record<string, unknown>>): string => createHash('sha256').update(chainText(withoutHash)).digest('hex');

export const chainEntry = (entry: AuditEntry, prevHash: string): ExportedAuditEntry => {
  const withoutHash = { ...entry, prevHash };
  return { ...withoutHash, hash: hashEntry(withoutHash) };
};

/** Lines (without the newline) in the order of `entries`; the caller keeps commit order. */
export async function* exportAuditLines(entries: AsyncIterable<AuditEntry> | Iterable<AuditEntry>): AsyncGenerator<string> {
  let prevHash = GENESIS_HASH;
  for await (const entry of entries) {
    const chained = chainEntry(entry, prevHash);
    prevHash = chained.hash;
    yield canonicalJson(chained);
  }
}

export interface ExportRange {
  /** First `occurredAt` included (ISO-8601). */
  readonly from?: string;
  /** The run ends before the first entry at or after this instant. */
  readonly to?: string;
}

/**
 * Lines of a range of the ONE global chain (SPEC §12: anchors sign it): `entries` is the whole trail
 * in commit order; the lines are the contiguous run from the first entry at or after `from` up to the
 * first entry at or after `to`, each chained on its predecessor in the trail (the first line's
 * `prevHash` is the chain hash before it, 64 zeros only at the start). A contiguous run keeps the
 * chain checkable line by line; filtering each entry by time would leave gaps. `shown` turns an entry
 * into what the reader may see (redaction); the chain inside the run hashes what is shown.
 */
export async function* exportAuditRange(
  entries: AsyncIterable<AuditEntry> | Iterable<AuditEntry>,
  range: ExportRange = {},
  shown: (entry: AuditEntry) => AuditEntry = (entry) => entry,
): AsyncGenerator<string> {
  const from = range.from === undefined ? null : Date.parse(range.from);
  const to = range.to === undefined ? null : Date.parse(range.to);
  let prevHash = GENESIS_HASH;
  let started = from === null;
  for await (const entry of entries) {
    const at = Date.parse(entry.occurredAt);
    if (!started && from !== null && at >= from) started = true;
    if (!started) {
      prevHash = chainEntry(entry, prevHash).hash;
      continue;
    }
    if (to !== null && at >= to) return;
    const chained = chainEntry(shown(entry), prevHash);
    prevHash = chained.hash;
    yield canonicalJson(chained);
  }
}
