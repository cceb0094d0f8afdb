/**
 * Hash-chained NDJSON export of the audit trail (SPEC §7). Each line is an entry plus `prevHash`
 * and `hash = sha256(prevHash + canonicalJson(entry without hash))`; the first `prevHash` is 64
 * zeros. Altering, removing, inserting or reordering a line breaks the chain at that line.
 */
import { createHash } from 'node:crypto';
import type { AuditEntry } from './audit-entry.projection.js';
import { canonicalJson } from '../../../contracts/src/canonical-json.js';

export const GENESIS_HASH = '0'.repeat(64);

export interface ExportedAuditEntry extends AuditEntry {
  readonly prevHash: string;
  readonly hash: string;
}

export const hashEntry = (withoutHash: Readonly<Record<string, unknown>>): string => {
  const prevHash = withoutHash['prevHash'];
  return createHash('sha256')
    .update(`${typeof prevHash === 'string' ? prevHash : ''}${canonicalJson(withoutHash)}`)
    .digest('hex');
};

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
