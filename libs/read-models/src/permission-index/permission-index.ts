/**
 * In-memory permission index (SPEC §3, §5): every API process holds one, fed from a subscription
 * to the global log in order, and answers checks, permissions and holders for now or any past
 * instant from the full history. Pure: no I/O, no clock (the caller passes `at`).
 */
import type { Catalogue } from '../../../domain/src/catalogue/catalogue.js';
import { decodeDomainEvent } from '../../../domain/src/codec/event-codec.js';
import type { EmployeeProfile, NoticeAcknowledged, NoticeIssued, Terms } from '../../../domain/src/events.js';
import type { Role } from '../../../domain/src/ids.js';
import type { CheckQuery, CheckResult, ContextField, DenyReason, GrantInForce, Holder, Permissions } from './check-result.js';
import { type EndReason, type Ended, type InForce, epochMs, restoreGrantHistory } from '../../../domain/src/authorization/grant-history.js';
import { grantVerdict, termsVerdict } from '../../../domain/src/authorization/grant-verdict.js';
import { DEPARTED, EmployeeTimeline, NOT_REGISTERED } from './employee-timeline.js';
import { IndexedGrant } from './indexed-grant.js';
import { loadNumber, parseSnapshot, PERMISSION_INDEX_SNAPSHOT_FORMAT, type PermissionIndexSnapshot, saveHistory, saveNumber } from './permission-index.snapshot.js';

/** What the index reads of a stored event; `RecordedEvent` of the event-store port fits. */
export interface IndexableEvent {
  readonly type: string;
  readonly data: unknown;
  readonly metadata?: unknown;
  /** Fixed-width global position: positions compare as strings. */
  readonly position: string;
}

export type PermissionIndexPolicy = Pick<Catalogue, 'baselines'> & { readonly authorities: Readonly<Record<string, unknown>> };

const deny = (reason: DenyReason): CheckResult => Object.freeze({ allowed: false, reason });
const UNKNOWN_EMPLOYEE = deny('UNKNOWN_EMPLOYEE');
const UNKNOWN_AUTHORITY = deny('UNKNOWN_AUTHORITY');
const EMPLOYEE_LEFT = deny('EMPLOYEE_LEFT');
const NO_GRANT = deny('NO_GRANT');
const BY_ROLE: CheckResult = Object.freeze({ allowed: true, reason: 'ROLE_BASELINE' });
const MISSING: readonly (readonly ContextField[])[] = ([[], ['amount'], ['channel'], ['amount', 'channel']] as ContextField[][]).map((m) => Object.freeze(m));

// Denials of one grant for one check, best first (SPEC §5 precedence across grants).
const _ALLOW = 0; // documents the scale: an allowing grant wins before denials are compared
const MISSING_CONTEXT = 1;
const OUT_OF_SCOPE = 2;
const NOT_YET_VALID = 3;
const NOT_ACKNOWLEDGED = 4;
const _ENDED = 5; // ended grants are ranked by end time instead (most recent wins)
const NONE = 6;
const OUTCOME_REASON: readonly DenyReason[] = ['NO_GRANT', 'MISSING_CONTEXT', 'OUT_OF_SCOPE', 'NOT_YET_VALID', 'NOT_ACKNOWLEDGED', 'EXPIRED', 'NO_GRANT'];
/** Bits of a verdict's missing fields (amount 1, channel 2), so that several grants' needs unite. */
const missingBits = (missing: readonly ContextField[]): number => (missing.length === 2 ? 3 : missing[0] === 'amount' ? 1 : 2);

interface AuthorizationData {
  readonly authorizationId: string;
  readonly changeId?: string;
}

/** Parses an ISO instant once, at apply time; NaN when absent or malformed. */
const instant = epochMs;
const firstValid = (a: number, b: number): number => (Number.isNaN(a) ? (Number.isNaN(b) ? Number.NEGATIVE_INFINITY : b) : a);

/**
 * Apply events with `apply` in global order; ask with `check`, `permissions` and `holders`.
 *
 * Semantics chosen where SPEC is silent:
 * - Times: role changes take effect at `metadata.occurredAt`, departure at `data.leftAt` (v1 `at`, upcast by the codec), acknowledgement
 *   at `data.acknowledgedAt`, ends at `expiredAt` / `revokedAt` / `completedAt` / `withdrawnAt`.
 * - Before an employee's registration instant they are UNKNOWN_EMPLOYEE (they did not exist then).
 * - What one grant answers is the domain's `grantVerdict` (its doc lists the choices: NOT_ACKNOWLEDGED
 *   only from the notice, scope failures before missing context, ends at min(validUntil, event));
 *   this index adds the employee's role and employment, and the precedence across grants (SPEC §5):
 *   the covering grant with the latest validUntil, else MISSING_CONTEXT (the union of what the
 *   grants miss), OUT_OF_SCOPE, NOT_YET_VALID, NOT_ACKNOWLEDGED, the most recent end, NO_GRANT.
 */
export class PermissionIndex {
  private readonly employees = new Map<string, EmployeeTimeline>();
  private readonly grantsById = new Map<string, IndexedGrant>();
  private readonly grantsByAuthority = new Map<string, IndexedGrant[]>();
  private readonly membersByRole = new Map<Role, Set<EmployeeTimeline>>();
  private readonly baselineSets = new Map<Role, ReadonlySet<string>>();
  private readonly rolesByAuthority = new Map<string, Role[]>();
  private readonly knownAuthorities: ReadonlySet<string>;
  private readonly internTable = new Map<string, string>();
  private lastPosition: string | null = null;

  constructor(policy: PermissionIndexPolicy) {
    this.knownAuthorities = new Set(Object.keys(policy.authorities));
    for (const [role, authorities] of Object.entries(policy.baselines) as [Role, readonly string[]][]) {
      this.baselineSets.set(role, new Set(authorities));
      for (const authority of authorities) {
        const roles = this.rolesByAuthority.get(authority) ?? [];
        roles.push(role);
        this.rolesByAuthority.set(authority, roles);
      }
    }
  }

  /** Position of the last event applied (null before any): the read side's consistency token. */
  position(): string | null {
    return this.lastPosition;
  }

  /** Numbers for metrics and benchmarks. */
  stats(): { readonly employees: number; readonly grants: number } {
    return { employees: this.employees.size, grants: this.grantsById.size };
  }

  /**
   * Applies one event of the global log. Events at or before `position()` are skipped (a
   * re-delivered event after a resubscription), so applying is idempotent; returns whether applied.
   */
  apply(event: IndexableEvent): boolean {
    if (this.lastPosition !== null && event.position <= this.lastPosition) return false;
    this.lastPosition = event.position;
    // The domain's codec: a table lookup, a version check (v1 EmployeeLeft is upcast), required keys.
    const decoded = decodeDomainEvent(event);
    if (decoded === null) return true;
    const occurredAt = instant(decoded.metadata?.occurredAt);
    switch (decoded.type) {
      case 'EmployeeRegistered':
      case 'EmployeeUpdated':
        this.roleFrom(decoded.data, firstValid(occurredAt, Number.NaN));
        break;
      case 'EmployeeLeft':
        this.employee(String(decoded.data.employeeId)).record(firstValid(instant(decoded.data.leftAt), occurredAt), null);
        break;
      case 'AuthorizationApplied': {
        const { data } = decoded;
        const id = String(data.authorizationId);
        if (!this.grantsById.has(id)) {
          this.grantsById.set(id, new IndexedGrant(id, this.employee(String(data.applicantId)).id, this.intern(String(data.matter))));
        }
        break;
      }
      case 'InitialReviewRejected':
      case 'ManagerRejected':
      case 'ExecutiveRejected':
        this.forgetUnnoticed(decoded.data);
        break;
      case 'NoticeIssued':
        this.noticeIssued(decoded.data, firstValid(occurredAt, Number.NaN));
        break;
      case 'NoticeAcknowledged':
        this.acknowledged(decoded.data, firstValid(instant(decoded.data.acknowledgedAt), occurredAt));
        break;
      case 'AuthorizationExpired':
        this.ended(decoded.data, firstValid(instant(decoded.data.expiredAt), occurredAt), 'EXPIRED');
        break;
      case 'AuthorizationRevoked':
        this.ended(decoded.data, firstValid(instant(decoded.data.revokedAt), occurredAt), 'REVOKED');
        break;
      case 'AuthorizationCompleted':
        this.ended(decoded.data, firstValid(instant(decoded.data.completedAt), occurredAt), 'COMPLETED');
        break;
      case 'ApplicationWithdrawn':
        if (!this.forgetUnnoticed(decoded.data)) {
          this.ended(decoded.data, firstValid(instant(decoded.data.withdrawnAt), occurredAt), null);
        }
        break;
      default:
        break;
    }
    return true;
  }

  /** Everything the index folded, as JSON text (see permission-index.snapshot.ts). */
  saveSnapshot(): string {
    const snapshot: PermissionIndexSnapshot = {
      format: PERMISSION_INDEX_SNAPSHOT_FORMAT,
      position: this.lastPosition,
      employees: [...this.employees.values()].map((employee) => {
        const { since, roles } = employee.entries();
        return [employee.id, since.map(saveNumber), roles] as const;
      }),
      grants: [...this.grantsById.values()].map((grant) => [grant.id, grant.employeeId, grant.authority, saveHistory(grant.history)] as const),
      attached: [...this.grantsByAuthority].map(([authority, grants]) => [authority, grants.map((grant) => grant.id)] as const),
    };
    return JSON.stringify(snapshot);
  }

  /**
   * Replaces everything with a saved snapshot; then `apply` goes on from its position. Builds the
   * new state aside and swaps it in, so a snapshot that does not parse leaves the index as it was.
   */
  loadSnapshot(data: string): void {
    const snapshot = parseSnapshot(data);
    const employees = new Map<string, EmployeeTimeline>();
    const membersByRole = new Map<Role, Set<EmployeeTimeline>>();
    for (const [id, since, roles] of snapshot.employees) {
      const employee = new EmployeeTimeline(id);
      employee.restore(since.map(loadNumber), roles);
      employees.set(id, employee);
      for (const role of roles) {
        if (role === null) continue;
        const members = membersByRole.get(role) ?? new Set<EmployeeTimeline>();
        members.add(employee);
        membersByRole.set(role, members);
      }
    }
    const grantsById = new Map<string, IndexedGrant>();
    for (const [id, employeeId, authority, saved] of snapshot.grants) {
      const employee = employees.get(employeeId);
      if (employee === undefined) throw new Error(`snapshot: grant ${id} of an employee it does not hold`);
      const grant = new IndexedGrant(id, employee.id, this.intern(authority));
      const end = saved.e === null ? null : { reason: saved.e[0], endedAt: loadNumber(saved.e[1]) };
      grant.history = restoreGrantHistory(loadNumber(saved.n), loadNumber(saved.p), saved.a.map(([ackAt, terms]) => [loadNumber(ackAt), terms] as const), end);
      grantsById.set(id, grant);
    }
    const grantsByAuthority = new Map<string, IndexedGrant[]>();
    for (const [authority, ids] of snapshot.attached) {
      const list = ids.map((id) => {
        const grant = grantsById.get(id);
        if (grant === undefined) throw new Error(`snapshot: attached grant ${id} missing`);
        return grant;
      });
      grantsByAuthority.set(this.intern(authority), list);
    }
    this.employees.clear();
    this.grantsById.clear();
    this.grantsByAuthority.clear();
    this.membersByRole.clear();
    for (const [id, employee] of employees) this.employees.set(id, employee);
    for (const [id, grant] of grantsById) this.grantsById.set(id, grant);
    for (const [role, members] of membersByRole) this.membersByRole.set(role, members);
    for (const [authority, list] of grantsByAuthority) {
      this.grantsByAuthority.set(authority, list);
      for (const grant of list) (this.employees.get(grant.employeeId) as EmployeeTimeline).addGrant(grant);
    }
    this.lastPosition = snapshot.position;
  }

  /** "May employee E do A (with this context) at instant `at`?" — SPEC §5 reasons and precedence. */
  check(query: CheckQuery): CheckResult {
    const employee = this.employees.get(query.employeeId);
    if (employee === undefined) return UNKNOWN_EMPLOYEE;
    const at = query.at;
    const state = employee.stateAt(at);
    if (state === NOT_REGISTERED) return UNKNOWN_EMPLOYEE;
    const authority = query.authority;
    if (!this.knownAuthorities.has(authority)) return UNKNOWN_AUTHORITY;
    if (state === DEPARTED) return EMPLOYEE_LEFT;
    if (this.baselineSets.get(state)?.has(authority) === true) return BY_ROLE;
    const grants = employee.grants.get(authority);
    if (grants === undefined) return NO_GRANT;

    const context = query.context;
    let allowed: InForce | undefined;
    let allowedGrant: IndexedGrant | undefined;
    let best = NONE;
    let bestGrant: IndexedGrant | undefined;
    let missing = 0;
    let endedAt = Number.NEGATIVE_INFINITY;
    let ended: Ended | undefined;
    let endedGrant: IndexedGrant | undefined;
    for (let i = 0; i < grants.length; i++) {
      const grant = grants[i] as IndexedGrant;
      const verdict = grantVerdict(grant.history, at, context);
      if (verdict.inForce) {
        if (allowed === undefined || verdict.validUntil > allowed.validUntil) {
          allowed = verdict;
          allowedGrant = grant;
        }
        continue;
      }
      let outcome = NONE;
      switch (verdict.reason) {
        case 'MISSING_CONTEXT':
          outcome = MISSING_CONTEXT;
          missing |= missingBits(verdict.missing);
          break;
        case 'OUT_OF_SCOPE':
          outcome = OUT_OF_SCOPE;
          break;
        case 'NOT_YET_VALID':
          outcome = NOT_YET_VALID;
          break;
        case 'NOT_ACKNOWLEDGED':
          outcome = NOT_ACKNOWLEDGED;
          break;
        case 'EXPIRED':
        case 'REVOKED':
        case 'COMPLETED':
          if (verdict.endedAt > endedAt) {
            endedAt = verdict.endedAt;
            ended = verdict;
            endedGrant = grant;
          }
          break;
        case 'NO_GRANT':
          break;
        default: {
          const _exhaustive: never = verdict;
          return _exhaustive;
        }
      }
      if (outcome < best) {
        best = outcome;
        bestGrant = grant;
      }
    }
    if (allowed !== undefined) return (allowedGrant as IndexedGrant).allowedResult(allowed);
    if (best === MISSING_CONTEXT) {
      return { allowed: false, reason: 'MISSING_CONTEXT', grantId: (bestGrant as IndexedGrant).id, missingContext: MISSING[missing] as readonly ContextField[] };
    }
    if (best !== NONE) return { allowed: false, reason: OUTCOME_REASON[best] as DenyReason, grantId: (bestGrant as IndexedGrant).id };
    if (ended !== undefined) return { allowed: false, reason: ended.reason, grantId: (endedGrant as IndexedGrant).id };
    return NO_GRANT;
  }

  /** Whether the employee exists and is employed at `at`: cheap, for authenticating every request. */
  employment(employeeId: string, at: number): 'active' | 'left' | 'unknown' {
    const state = this.employees.get(employeeId)?.stateAt(at);
    return state === undefined || state === NOT_REGISTERED ? 'unknown' : state === DEPARTED ? 'left' : 'active';
  }

  /** Role, baseline and grants in force for the employee at `at`; undefined for an unknown employee. */
  permissions(employeeId: string, at: number): Permissions | undefined {
    const employee = this.employees.get(employeeId);
    if (employee === undefined || !employee.registered) return undefined;
    const state = employee.stateAt(at);
    if (state === NOT_REGISTERED || state === DEPARTED) {
      return { employeeId, role: state === DEPARTED ? employee.lastRoleBefore(at) : null, departed: state === DEPARTED, baseline: [], grants: [] };
    }
    const grants: GrantInForce[] = [];
    for (const list of employee.grants.values()) {
      for (const grant of list) {
        const verdict = termsVerdict(grant.history, at);
        if (verdict.inForce) grants.push(grantInForce(grant, verdict));
      }
    }
    grants.sort((a, b) => compare(a.authority, b.authority) || compare(a.grantId, b.grantId));
    return { employeeId, role: state, departed: false, baseline: [...(this.baselineSets.get(state) ?? [])].sort(), grants };
  }

  /** Employees (not departed) holding `authority` at `at`, by role baseline or by a grant in force. */
  holders(authority: string, at: number): Holder[] {
    const byRole: Holder[] = [];
    for (const role of this.rolesByAuthority.get(authority) ?? []) {
      for (const employee of this.membersByRole.get(role) ?? []) {
        if (employee.stateAt(at) === role) byRole.push({ employeeId: employee.id, via: 'role', role });
      }
    }
    const byGrant: Holder[] = [];
    for (const grant of this.grantsByAuthority.get(authority) ?? []) {
      const verdict = termsVerdict(grant.history, at);
      if (!verdict.inForce) continue;
      const state = this.employees.get(grant.employeeId)?.stateAt(at);
      if (state === undefined || state === NOT_REGISTERED || state === DEPARTED) continue;
      byGrant.push({ employeeId: grant.employeeId, via: 'grant', grantId: grant.id, scope: verdict.terms.scope, validUntil: verdict.terms.validUntil });
    }
    byRole.sort((a, b) => compare(a.employeeId, b.employeeId));
    byGrant.sort((a, b) => compare(a.employeeId, b.employeeId) || compare(grantIdOf(a), grantIdOf(b)));
    return [...byRole, ...byGrant];
  }

  private employee(id: string): EmployeeTimeline {
    let employee = this.employees.get(id);
    if (employee === undefined) {
      employee = new EmployeeTimeline(id);
      this.employees.set(id, employee);
    }
    return employee;
  }

  /** Shares one string per authority id among all grants instead of one per parsed event. */
  private intern(authority: string): string {
    const shared = this.internTable.get(authority);
    if (shared !== undefined) return shared;
    this.internTable.set(authority, authority);
    return authority;
  }

  private roleFrom(profile: EmployeeProfile, at: number): void {
    const employee = this.employee(profile.employeeId);
    if (!employee.record(at, profile.role)) return;
    let members = this.membersByRole.get(profile.role);
    if (members === undefined) {
      members = new Set();
      this.membersByRole.set(profile.role, members);
    }
    members.add(employee);
  }

  private forgetUnnoticed(data: AuthorizationData): boolean {
    if (data.changeId !== undefined) return false;
    const grant = this.grantsById.get(data.authorizationId);
    if (grant === undefined || grant.attached) return false;
    this.grantsById.delete(data.authorizationId);
    return true;
  }

  private noticeIssued(data: NoticeIssued['data'], at: number): void {
    if (data.changeId !== undefined) return;
    const grant = this.grantsById.get(data.authorizationId);
    if (grant === undefined || grant.attached) return;
    grant.noticeIssued(at, data.terms);
    this.attach(grant);
  }

  private acknowledged(data: NoticeAcknowledged['data'], at: number): void {
    const grant = this.grantsById.get(data.authorizationId);
    if (grant === undefined) return;
    const wasAttached = grant.attached;
    grant.acknowledged(at, data.terms as Terms);
    if (!wasAttached) this.attach(grant);
  }

  private ended(data: AuthorizationData, at: number, reason: EndReason | null): void {
    const id = String(data.authorizationId);
    const grant = this.grantsById.get(id);
    if (grant === undefined) return;
    // An application that ends before its notice never counts for any answer: keep no memory of it.
    if (!grant.attached) this.grantsById.delete(id);
    else grant.ended(at, reason);
  }

  private attach(grant: IndexedGrant): void {
    this.employee(grant.employeeId).addGrant(grant);
    const list = this.grantsByAuthority.get(grant.authority);
    if (list === undefined) this.grantsByAuthority.set(grant.authority, [grant]);
    else list.push(grant);
  }
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const grantIdOf = (holder: Holder): string => (holder.via === 'grant' ? holder.grantId : '');
const grantInForce = (grant: IndexedGrant, verdict: InForce): GrantInForce => ({
  authority: grant.authority,
  grantId: grant.id,
  scope: verdict.terms.scope,
  validFrom: verdict.terms.validFrom,
  validUntil: verdict.terms.validUntil,
});
