/**
 * Offline verifier of an audit export. Streams the lines with one line of look-ahead and reports
 * the FIRST line where the chain breaks:
 * - `malformed`: not JSON, or a field missing or of the wrong type;
 * - `modified`: the line's hash does not match its own content;
 * - `reordered`: the line is intact but out of place (its predecessor comes later, or its
 *   position is not after the previous line's);
 * - `removed_or_inserted`: the line is intact but does not follow the previous line.
 * Without an externally kept head hash, dropping lines at the END cannot be detected: compare
 * the `lastHash` reported with the one recorded at export time.
 */
import { comparePositions } from '../../../event-store/src/event-store.port.js';
import { GENESIS_HASH, hashEntry } from './audit-export.js';

export type AuditProblem = 'modified' | 'removed_or_inserted' | 'reordered' | 'malformed';

export type AuditVerification =
  | { readonly ok: true; readonly count: number; readonly lastHash: string; readonly lastPosition: string | null }
  | { readonly ok: false; readonly line: number; readonly problem: AuditProblem; readonly detail: string };

interface ParsedLine {
  readonly line: number;
  readonly position: string;
  readonly prevHash: string;
  readonly hash: string;
  readonly content: Record<string, unknown>;
}

type Parse = { readonly parsed: ParsedLine } | { readonly error: string; readonly line: number };

const HEX64 = /^[0-9a-f]{64}$/;
const REQUIRED_STRINGS = ['position', 'eventId', 'type', 'streamId', 'occurredAt', 'prevHash', 'hash'] as const;

const parseLine = (text: string, line: number): Parse => {
  const fail = (error: string): Parse => ({ error, line });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error: unknown) {
    return fail(`not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail('not a JSON object');
  const record = value as Record<string, unknown>;
  for (const key of REQUIRED_STRINGS) if (typeof record[key] !== 'string') return fail(`field ${key} missing or not a string`);
  if (typeof record['revision'] !== 'number') return fail('field revision missing or not a number');
  const { hash, ...content } = record;
  const prevHash = record['prevHash'] as string;
  if (!HEX64.test(hash as string) || !HEX64.test(prevHash)) return fail('hash or prevHash is not 64 hex digits');
  return { parsed: { line, position: record['position'] as string, prevHash, hash: hash as string, content } };
};

type Verdict = { readonly problem: AuditProblem; readonly detail: string } | null;

const judge = (current: ParsedLine, previous: ParsedLine | null, next: Parse | null): Verdict => {
  if (hashEntry(current.content) !== current.hash) return { problem: 'modified', detail: `hash does not match the content of position ${current.position}` };
  const expectedPrev = previous === null ? GENESIS_HASH : previous.hash;
  if (current.prevHash !== expectedPrev) {
    const swapped = next !== null && 'parsed' in next && next.parsed.hash === current.prevHash;
    const backwards = previous !== null && comparePositions(current.position, previous.position) <= 0;
    if (swapped || backwards) return { problem: 'reordered', detail: `position ${current.position} is out of order` };
    return { problem: 'removed_or_inserted', detail: `prevHash ${current.prevHash.slice(0, 12)}… does not follow the previous line (${expectedPrev.slice(0, 12)}…)` };
  }
  if (previous !== null && comparePositions(current.position, previous.position) <= 0) return { problem: 'reordered', detail: `position ${current.position} is not after ${previous.position}` };
  return null;
};

/** Verifies NDJSON lines (blank lines ignored, a trailing newline is fine). */
export const verifyAuditExport = async (lines: AsyncIterable<string> | Iterable<string>): Promise<AuditVerification> => {
  let previous: ParsedLine | null = null;
  let pending: Parse | null = null;
  let lineNumber = 0;
  let count = 0;
  const settle = (current: Parse, next: Parse | null): AuditVerification | null => {
    if ('error' in current) return { ok: false, line: current.line, problem: 'malformed', detail: current.error };
    const verdict = judge(current.parsed, previous, next);
    if (verdict !== null) return { ok: false, line: current.parsed.line, ...verdict };
    previous = current.parsed;
    count += 1;
    return null;
  };
  for await (const raw of lines) {
    lineNumber += 1;
    if (raw.trim() === '') continue;
    const parsed = parseLine(raw, lineNumber);
    if (pending !== null) {
      const failure = settle(pending, parsed);
      if (failure !== null) return failure;
    }
    pending = parsed;
  }
  if (pending !== null) {
    const failure = settle(pending, null);
    if (failure !== null) return failure;
  }
  const last = previous as ParsedLine | null;
  return { ok: true, count, lastHash: last === null ? GENESIS_HASH : last.hash, lastPosition: last === null ? null : last.position };
};
