/**
 * One employee as the permission index needs them: the role in effect over time (a role change
 * matters for baseline checks at past instants), departure, and their grants by authority.
 */
import type { Role } from '../../../domain/src/ids.js';
import type { IndexedGrant } from './indexed-grant.js';

/** Sentinels of `stateAt`: not yet registered at the instant, or departed at or before it. */
export const NOT_REGISTERED = 0;
export const DEPARTED = 1;

export class EmployeeTimeline {
  /** Ascending instants from which `roles[i]` holds; `null` marks a departure. */
  private readonly since: number[] = [];
  private readonly roles: (Role | null)[] = [];
  /** Copies of the latest entry: checks about now read this object only (no array chase). */
  private latestSince = Number.POSITIVE_INFINITY;
  private latestState: Role | typeof DEPARTED = DEPARTED;
  /** Grants that reached their notice, by authority. */
  readonly grants = new Map<string, IndexedGrant[]>();

  constructor(readonly id: string) {}

  get registered(): boolean {
    return this.roles.length > 0;
  }

  /** The last role held at or before `at`, also after a departure (null before registration). */
  lastRoleBefore(at: number): Role | null {
    for (let i = this.roles.length - 1; i >= 0; i--) {
      const role = this.roles[i];
      if (role !== null && role !== undefined && (this.since[i] as number) <= at) return role;
    }
    return null;
  }

  /** Records a role (or a departure, `null`) from `at` on; returns whether anything changed. */
  record(at: number, role: Role | null): boolean {
    const last = this.roles.length - 1;
    if (last >= 0 && this.roles[last] === role) return false;
    const previousSince = this.since[last] ?? Number.NEGATIVE_INFINITY;
    // Events arrive in global order but their clocks may disagree: keep the timeline sorted.
    const since = Number.isNaN(at) || at < previousSince ? previousSince : at;
    this.since.push(since);
    this.roles.push(role);
    this.latestSince = since;
    this.latestState = role ?? DEPARTED;
    return true;
  }

  /** The role in effect at `at`, or NOT_REGISTERED / DEPARTED. */
  stateAt(at: number): Role | typeof NOT_REGISTERED | typeof DEPARTED {
    if (at >= this.latestSince) return this.latestState;
    for (let i = this.since.length - 1; i >= 0; i--) {
      if ((this.since[i] as number) <= at) return this.roles[i] ?? DEPARTED;
    }
    return NOT_REGISTERED;
  }

  /** The timeline as `record` built it: ascending instants and the role (or departure, null) from each. */
  entries(): { readonly since: readonly number[]; readonly roles: readonly (Role | null)[] } {
    return { since: this.since, roles: this.roles };
  }

  /** Replaces the timeline with saved entries (a snapshot); only on a new timeline. */
  restore(since: readonly number[], roles: readonly (Role | null)[]): void {
    this.since.push(...since);
    this.roles.push(...roles);
    const last = roles.length - 1;
    if (last < 0) return;
    this.latestSince = since[last] as number;
    this.latestState = roles[last] ?? DEPARTED;
  }

  addGrant(grant: IndexedGrant): void {
    const list = this.grants.get(grant.authority);
    if (list === undefined) this.grants.set(grant.authority, [grant]);
    else list.push(grant);
  }
}
