/**
 * The verification core of an audit export (SPEC §7, §12), pure: no Node-only import, hashing through
 * an injected SHA-256 (WebCrypto by default), so the CLI and the web console run the same checks.
 *
 * Lines are read once, with one line of look-ahead; the FIRST finding is answered:
 * - `malformed`: not JSON, or a field missing or of the wrong type;
 * - `modified`: the line's hash does not match its own content;
 * - `reordered`: the line is intact but out of place;
 * - `removed_or_inserted`: the line is intact but does not follow the previous line;
 * - `rewritten`: the chain is consistent but disagrees with a signed anchor (named at the anchor's line);
 * - `truncated`: a signed anchor covers entries after the last line (named at last line + 1);
 * - `bad_signature`: an anchor that is not signed by the given key (named where it applies).
 * A first line whose `prevHash` is not 64 zeros is the start of a partial export (`--from`): its
 * predecessor cannot be checked, and anchors before it are skipped.
 */
import { canonicalJson } from '../../../../contracts/src/canonical-json.js';
import type { AuditAnchor } from './audit-anchor.js';
import { asAuditAnchor } from './audit-anchor.js';

export const GENESIS_HASH = '0'.repeat(64);

export type RecordProblem = 'modified' | 'removed_or_inserted' | 'reordered' | 'malformed' | 'rewritten' | 'truncated' | 'bad_signature';

export type RecordVerification =
  | {
      readonly ok: true;
      readonly count: number;
      readonly lastHash: string;
      readonly lastPosition: string | null;
      /** The export does not start at the chain's start (its first prevHash is not 64 zeros). */
      readonly partial: boolean;
      /** Anchors matched against a line; anchors before a partial export's first line are skipped. */
      readonly anchorsChecked: number;
      readonly anchorsSkipped: number;
    }
  | { readonly ok: false; readonly line: number; readonly problem: RecordProblem; readonly detail: string };

export type Sha256Hex = (text: string) => string | Promise<string>;

export interface VerifyRecordOptions {
  /** SHA-256 as lowercase hex; default WebCrypto. */
  readonly sha256Hex?: Sha256Hex;
  /** Signed anchors to hold the chain against (any order). */
  readonly anchors?: readonly AuditAnchor[];
  /** Whether an anchor is signed by the trusted key; required with `anchors`. */
  readonly isGenuine?: (anchor: AuditAnchor) => Promise<boolean>;
}

/** What the chain hashes for an entry without its `hash`: `prevHash + canonicalJson(entry)`. */
export const chainText = (withoutHash: Readonly<Record<string, unknown>>): string => {
  const prevHash = withoutHash['prevHash'];
  return `${typeof prevHash === 'string' ? prevHash : ''}${canonicalJson(withoutHash)}`;
};

export const webSha256Hex: Sha256Hex = async (text) => {
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
};

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

type Finding = { readonly ok: false; readonly line: number; readonly problem: RecordProblem; readonly detail: string };
const finding = (line: number, problem: RecordProblem, detail: string): Finding => ({ ok: false, line, problem, detail });
const short = (hash: string): string => `${hash.slice(0, 12)}…`;

/** Verifies NDJSON lines (blank lines ignored, a trailing newline is fine) against the chain and the anchors. */
export const verifyRecord = async (lines: AsyncIterable<string> | Iterable<string>, options: VerifyRecordOptions = {}): Promise<RecordVerification> => {
  const sha256Hex = options.sha256Hex ?? webSha256Hex;
  const anchors = [...(options.anchors ?? [])].sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0));
  const isGenuine = options.isGenuine ?? (async () => false);
  let previous: ParsedLine | null = null;
  let first: ParsedLine | null = null;
  let count = 0;
  let nextAnchor = 0;
  let checked = 0;
  let skipped = 0;
  /** Global count of a line = count in the file + offset (0 for a full export, learnt from the first anchor of a partial one). */
  let offset: number | null = null;

  const judge = async (current: ParsedLine, next: Parse | null): Promise<Finding | null> => {
    if ((await sha256Hex(chainText(current.content))) !== current.hash) return finding(current.line, 'modified', `hash does not match the content of position ${current.position}`);
    const swapped = next !== null && 'parsed' in next && next.parsed.hash === current.prevHash;
    if (previous === null) return swapped ? finding(current.line, 'reordered', `position ${current.position} is out of order`) : null;
    if (current.prevHash !== previous.hash) {
      if (swapped || current.position <= previous.position) return finding(current.line, 'reordered', `position ${current.position} is out of order`);
      return finding(current.line, 'removed_or_inserted', `prevHash ${short(current.prevHash)} does not follow the previous line (${short(previous.hash)})`);
    }
    if (current.position <= previous.position) return finding(current.line, 'reordered', `position ${current.position} is not after ${previous.position}`);
    return null;
  };

  const holdAgainstAnchors = async (current: ParsedLine): Promise<Finding | null> => {
    for (let anchor = anchors[nextAnchor]; anchor !== undefined && anchor.position <= current.position; anchor = anchors[++nextAnchor]) {
      if (first === current && anchor.position < current.position && first.prevHash !== GENESIS_HASH) {
        skipped += 1;
        continue;
      }
      if (!(await isGenuine(anchor))) return finding(current.line, 'bad_signature', `the anchor of position ${anchor.position} is not signed by the given key`);
      if (anchor.position < current.position) return finding(current.line, 'rewritten', `a signed anchor covers position ${anchor.position}, which no line has`);
      if (anchor.hash !== current.hash) return finding(current.line, 'rewritten', `chain hash ${short(current.hash)} disagrees with the signed anchor (${short(anchor.hash)})`);
      offset ??= anchor.count - count;
      if (anchor.count !== count + offset) return finding(current.line, 'rewritten', `the signed anchor counts ${anchor.count} entries up to here, the export ${count + offset}`);
      checked += 1;
    }
    return null;
  };

  const settle = async (current: Parse, next: Parse | null): Promise<Finding | null> => {
    if ('error' in current) return finding(current.line, 'malformed', current.error);
    const problem = await judge(current.parsed, next);
    if (problem !== null) return problem;
    first ??= current.parsed;
    if (first === current.parsed && current.parsed.prevHash === GENESIS_HASH) offset = 0;
    previous = current.parsed;
    count += 1;
    return holdAgainstAnchors(current.parsed);
  };

  let pending: Parse | null = null;
  let lineNumber = 0;
  let lastLine = 0;
  for await (const raw of lines) {
    lineNumber += 1;
    if (raw.trim() === '') continue;
    lastLine = lineNumber;
    const parsed = parseLine(raw, lineNumber);
    if (pending !== null) {
      const failure = await settle(pending, parsed);
      if (failure !== null) return failure;
    }
    pending = parsed;
  }
  if (pending !== null) {
    const failure = await settle(pending, null);
    if (failure !== null) return failure;
  }
  const beyond = anchors[nextAnchor];
  if (beyond !== undefined) {
    if (!(await isGenuine(beyond))) return finding(lastLine + 1, 'bad_signature', `the anchor of position ${beyond.position} is not signed by the given key`);
    return finding(lastLine + 1, 'truncated', `a signed anchor covers entries up to position ${beyond.position} (${beyond.count} entries); the export ends before it`);
  }
  const last = previous as ParsedLine | null;
  const start = first as ParsedLine | null;
  return {
    ok: true,
    count,
    lastHash: last === null ? GENESIS_HASH : last.hash,
    lastPosition: last === null ? null : last.position,
    partial: start !== null && start.prevHash !== GENESIS_HASH,
    anchorsChecked: checked,
    anchorsSkipped: skipped,
  };
};

/** Anchors from a JSON array, a saved `{items}` page, or NDJSON (an anchor, or an event with the anchor as `data`, per line). */
export const parseAnchors = (text: string): { readonly anchors: readonly AuditAnchor[] } | { readonly error: string } => {
  const one = (value: unknown): AuditAnchor | null => {
    const data = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)['data'] : undefined;
    return asAuditAnchor(value) ?? asAuditAnchor(data);
  };
  const all = (values: readonly unknown[], where: (i: number) => string): { readonly anchors: readonly AuditAnchor[] } | { readonly error: string } => {
    const anchors: AuditAnchor[] = [];
    for (const [i, value] of values.entries()) {
      const anchor = one(value);
      if (anchor === null) return { error: `${where(i)} is not an anchor {position, count, hash, at, keyId, signature}` };
      anchors.push(anchor);
    }
    return { anchors };
  };
  const trimmed = text.trim();
  if (trimmed === '') return { anchors: [] };
  try {
    const value: unknown = JSON.parse(trimmed);
    if (Array.isArray(value)) return all(value, (i) => `item ${i + 1}`);
    const items = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)['items'] : undefined;
    if (Array.isArray(items)) return all(items, (i) => `item ${i + 1}`);
    return all([value], () => 'the document');
  } catch {
    const rows = trimmed.split(/\r?\n/).map((row, i) => ({ row: row.trim(), i })).filter(({ row }) => row !== '');
    const values: unknown[] = [];
    for (const { row, i } of rows) {
      try {
        values.push(JSON.parse(row));
      } catch {
        return { error: `line ${i + 1} of the anchors is not JSON` };
      }
    }
    return all(values, (i) => `line ${(rows[i]?.i ?? i) + 1} of the anchors`);
  }
};
