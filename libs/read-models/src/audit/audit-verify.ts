/**
 * Offline verifier of an audit export in Node: the pure core (`proof/verify-record.ts`, shared with the
 * web console) with Node's synchronous SHA-256. Without anchors, dropping lines at the END cannot be
 * detected: give the signed anchors (`proof/`) or compare `lastHash` with the one kept at export time.
 */
import { createHash } from 'node:crypto';
import { verifyRecord, type RecordProblem, type RecordVerification, type VerifyRecordOptions } from './proof/verify-record.js';

export type AuditProblem = RecordProblem;
export type AuditVerification = RecordVerification;

export const nodeSha256Hex = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Verifies NDJSON lines (blank lines ignored, a trailing newline is fine), against `options.anchors` when given. */
export const verifyAuditExport = (lines: AsyncIterable<string> | Iterable<string>, options: Omit<VerifyRecordOptions, 'sha256Hex'> = {}): Promise<AuditVerification> =>
  verifyRecord(lines, { ...options, sha256Hex: nodeSha256Hex });
