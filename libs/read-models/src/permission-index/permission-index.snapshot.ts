/**
 * The permission index's snapshot format (`PERMISSION_INDEX_SNAPSHOT_FORMAT`): plain JSON of what
 * the index folded — each employee's role timeline, each application and grant with its history as
 * `withNotice` / `withAcknowledgement` / `withEnd` left it, and the attach order per authority (the
 * order checks meet grants in, which breaks ties). Instants are epoch ms; ±Infinity and NaN, which
 * JSON cannot hold, are written as strings. Change the format name whenever the fold changes: a
 * snapshot of another format is ignored and the log replayed.
 */
import type { Terms } from '../../../domain/src/events.js';
import type { EndReason, GrantHistory } from '../../../domain/src/authorization/grant-history.js';
import type { Role } from '../../../domain/src/ids.js';

export const PERMISSION_INDEX_SNAPSHOT_FORMAT = 'permission-index/1';

/** A number as JSON keeps it: finite as is, else its name. */
export type SavedNumber = number | 'Infinity' | '-Infinity' | 'NaN';

export const saveNumber = (value: number): SavedNumber => (Number.isFinite(value) ? value : (String(value) as SavedNumber));
export const loadNumber = (value: SavedNumber): number => (typeof value === 'number' ? value : Number(value));

export interface SavedHistory {
  readonly n: SavedNumber;
  readonly p: SavedNumber;
  readonly a: readonly (readonly [SavedNumber, Terms])[];
  readonly e: readonly [EndReason, SavedNumber] | null;
}

export interface PermissionIndexSnapshot {
  readonly format: typeof PERMISSION_INDEX_SNAPSHOT_FORMAT;
  readonly position: string | null;
  /** id, instants, roles (null: departed). */
  readonly employees: readonly (readonly [string, readonly SavedNumber[], readonly (Role | null)[]])[];
  /** id, employee id, authority, history. */
  readonly grants: readonly (readonly [string, string, string, SavedHistory])[];
  /** Per authority, the ids of its grants in attach order. */
  readonly attached: readonly (readonly [string, readonly string[]])[];
}

export const saveHistory = (history: GrantHistory): SavedHistory => ({
  n: saveNumber(history.noticeAt),
  p: saveNumber(history.pendingUntil),
  a: history.segments.map((segment) => [saveNumber(segment.ackAt), segment.inForce.terms] as const),
  e: history.end === null ? null : [history.end.reason, saveNumber(history.end.endedAt)],
});

/** Parses a saved snapshot, checking its shape enough that a foreign or truncated one throws. */
export const parseSnapshot = (data: string): PermissionIndexSnapshot => {
  const parsed = JSON.parse(data) as Partial<PermissionIndexSnapshot> | null;
  if (parsed?.format !== PERMISSION_INDEX_SNAPSHOT_FORMAT || !Array.isArray(parsed.employees) || !Array.isArray(parsed.grants) || !Array.isArray(parsed.attached)) {
    throw new Error(`not a ${PERMISSION_INDEX_SNAPSHOT_FORMAT} snapshot`);
  }
  return parsed as PermissionIndexSnapshot;
};
