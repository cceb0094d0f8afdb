/**
 * Random command histories for property tests of the permission index: commands of up to three
 * authorizations of one applicant (apply, review, approve, final approval, notice, acknowledge,
 * change and its steps, revoke, complete, expire, withdraw) at random instants, decided by the real
 * domain decider; their events stamped and positioned as the event store does.
 */
import fc from 'fast-check';
import { authorizationDecider } from '../../../../domain/src/authorization/authorization.decider.js';
import { type AuthorizationState, type WorkflowStage, openStep } from '../../../../domain/src/authorization/authorization.state.js';
import type { AuthorizationCommand, EmployeeSnapshot, Principal } from '../../../../domain/src/commands.js';
import { DomainError } from '../../../../domain/src/errors.js';
import type { AuthorizationEvent, Scope } from '../../../../domain/src/events.js';
import type { Channel } from '../../../../domain/src/ids.js';
import { catalogue } from '../../../../domain/src/testing/default-catalogue.js';
import { employee } from '../../../../domain/src/testing/fixtures.js';
import type { IndexableEvent } from '../permission-index.js';

export const HOUR = 3_600_000;
export const T0 = Date.parse('2025-01-01T00:00:00.000Z');
export const MATTERS = ['compensation.issue', 'fee.waive'] as const;
export const AUTHORIZATIONS = ['A0', 'A1', 'A2'] as const;
const iso = (ms: number): string => new Date(ms).toISOString();

const applicant = employee('E1', 'agent', 'S1');
const directory: readonly EmployeeSnapshot[] = [applicant, employee('S1', 'supervisor', 'M1'), employee('M1', 'manager', null), employee('M2', 'manager', null), employee('X1', 'executive', null), employee('X2', 'executive', null)];
const byId = (id: string): EmployeeSnapshot => directory.find((e) => e.employeeId === id) as EmployeeSnapshot;

type Kind = 'apply' | 'review' | 'approve' | 'final' | 'notice' | 'ack' | 'change' | 'revoke' | 'complete' | 'withdraw' | 'expire';
export interface Step {
  readonly target: number;
  /** Take the command the target's open step waits for (when it has one) instead of `kind`. */
  readonly follow: boolean;
  readonly kind: Kind;
  readonly pick: number;
  readonly yes: boolean;
  readonly advanceHours: number;
  readonly matter: number;
  readonly amount: number;
  readonly channels: readonly Channel[];
  readonly fromHours: number;
  readonly days: number;
}

const stepArb: fc.Arbitrary<Step> = fc.record({
  target: fc.integer({ min: 0, max: AUTHORIZATIONS.length - 1 }),
  follow: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  kind: fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom<Kind>('review', 'approve', 'final', 'notice', 'ack') },
    { weight: 3, arbitrary: fc.constantFrom<Kind>('apply', 'change', 'expire') },
    { weight: 2, arbitrary: fc.constantFrom<Kind>('revoke', 'complete', 'withdraw') },
  ),
  pick: fc.nat({ max: 99 }),
  yes: fc.oneof({ weight: 15, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  advanceHours: fc.oneof(
    { weight: 3, arbitrary: fc.constant(0) },
    { weight: 6, arbitrary: fc.integer({ min: 1, max: 6 }) },
    { weight: 2, arbitrary: fc.integer({ min: 7, max: 48 }) },
    { weight: 1, arbitrary: fc.integer({ min: 49, max: 400 }) },
  ),
  matter: fc.nat({ max: MATTERS.length - 1 }),
  amount: fc.constantFrom(500, 1000, 1500, 3000),
  channels: fc.oneof(fc.constant([]), fc.uniqueArray(fc.constantFrom<Channel>('phone', 'chat', 'email'), { minLength: 1 })),
  fromHours: fc.integer({ min: -72, max: 120 }),
  days: fc.integer({ min: -3, max: 120 }),
});

export const historyArb: fc.Arbitrary<readonly Step[]> = fc.array(stepArb, { minLength: 20, maxLength: 100, size: 'max' });

const STAGE_COMMAND: Readonly<Record<WorkflowStage, Kind>> = {
  pending_review: 'review',
  pending_approval: 'approve',
  pending_final_approval: 'final',
  pending_notice: 'notice',
  pending_acknowledgement: 'ack',
};

function kindFor(step: Step, state: AuthorizationState): Kind {
  if (!step.follow) return step.kind;
  if (state.status === 'initial') return 'apply';
  const open = openStep(state);
  return open === null ? step.kind : STAGE_COMMAND[open.stage];
}

function plausible(kind: Kind, pick: number): EmployeeSnapshot {
  const among = (...ids: string[]): EmployeeSnapshot => byId(ids[pick % ids.length] as string);
  if (pick % 29 === 0) return directory[pick % directory.length] as EmployeeSnapshot;
  if (kind === 'review') return among('S1');
  if (kind === 'approve' || kind === 'notice' || kind === 'revoke') return among('M1', 'M2');
  if (kind === 'final') return among('X1', 'X2');
  return applicant;
}

function scopeOf(step: Step): Scope {
  return { maxAmount: step.amount, ...(step.channels.length > 0 ? { channels: step.channels } : {}) };
}

function command(step: Step, id: string, now: number, state: AuthorizationState): AuthorizationCommand | null {
  const kind = kindFor(step, state);
  const actor = plausible(kind, step.pick);
  const at = iso(now);
  const system: Principal = { kind: 'system', id: 'system:test' };
  const principal: Principal = step.pick % 4 === 0 ? system : { kind: 'employee', employee: actor };
  switch (kind) {
    case 'apply': {
      const validFrom = now + step.fromHours * HOUR;
      const matter = MATTERS[step.matter] as string;
      const until = iso(validFrom + Math.max(1, step.days) * 24 * HOUR);
      return { type: 'ApplyForAuthorization', data: { authorizationId: id, applicant, matter, scope: scopeOf(step), reason: 'r', validFrom: iso(validFrom), validUntil: until, catalogue, now: at } };
    }
    case 'review':
      return { type: 'ReviewAuthorization', data: { actor, applicant, decision: step.yes ? 'pass' : 'reject', opinion: 'because', now: at } };
    case 'approve':
      return { type: 'ApproveAuthorization', data: { actor, decision: step.yes ? 'approve' : 'reject', opinion: 'because', now: at } };
    case 'final':
      return { type: 'FinalApproveAuthorization', data: { actor, decision: step.yes ? 'approve' : 'reject', opinion: 'because', now: at } };
    case 'notice':
      return { type: 'IssueNotice', data: { actor, designationGrantId: null, copiesTo: ['finance'], noticeNumber: `N-${id}-${now}`, now: at } };
    case 'ack':
      return { type: 'AcknowledgeNotice', data: { actor, now: at } };
    case 'change': {
      if (state.status === 'initial') return null;
      const validUntil = iso(Date.parse(state.terms.validFrom) + Math.max(1, step.days) * 24 * HOUR);
      const change = step.yes ? { scope: scopeOf(step) } : step.pick % 2 === 0 ? { validUntil } : { scope: scopeOf(step), validUntil };
      return { type: 'RequestChange', data: { actor, changeId: `C-${id}-${now}`, ...change, reason: 'r', catalogue, now: at } };
    }
    case 'revoke':
      return { type: 'RevokeAuthorization', data: { actor: principal, grantee: applicant, reason: 'violation', cause: 'manual', now: at } };
    case 'complete':
      return { type: 'CompleteAuthorization', data: { actor, grantee: applicant, note: null, now: at } };
    case 'withdraw':
      return { type: 'WithdrawApplication', data: { actor: principal, reason: null, now: at } };
    case 'expire':
      return { type: 'ExpireAuthorization', data: { now: at } };
    default: {
      const _exhaustive: never = kind;
      return _exhaustive;
    }
  }
}

export interface Run {
  /** The global log: the applicant's registration, then every event decided, in order. */
  readonly log: readonly IndexableEvent[];
  /** Folded decider state of each authorization, by id. */
  readonly states: ReadonlyMap<string, AuthorizationState>;
  /** The instant of the last command. */
  readonly end: number;
}

/** Decides every step with the real decider (a refused command decides nothing) and logs the events. */
export function run(steps: readonly Step[]): Run {
  const log: IndexableEvent[] = [];
  const push = (type: string, data: unknown, occurredAt: number): void => {
    const metadata = { occurredAt: iso(occurredAt), actor: { id: 'test', kind: 'system' }, correlationId: 'c', causationId: 'c', policyVersion: catalogue.version };
    log.push({ type, data, metadata, position: String(log.length + 1).padStart(20, '0') });
  };
  push('EmployeeRegistered', { employeeId: 'E1', name: 'E1', role: 'agent', team: 'team-a', reportsTo: 'S1', department: null }, T0 - 1000 * HOUR);
  const states = new Map<string, AuthorizationState>(AUTHORIZATIONS.map((id) => [id, authorizationDecider.initialState()]));
  let clock = T0;
  for (const step of steps) {
    clock += step.advanceHours * HOUR;
    const id = AUTHORIZATIONS[step.target] as string;
    const state = states.get(id) as AuthorizationState;
    const next = command(step, id, clock, state);
    if (next === null) continue;
    let events: AuthorizationEvent[] = [];
    try {
      events = authorizationDecider.decide(next, state);
    } catch (error: unknown) {
      if (!(error instanceof DomainError)) throw error;
    }
    const stamped = events.map((event): AuthorizationEvent => ({ ...event, metadata: { occurredAt: iso(clock), actor: { id: 'test', kind: 'system' }, correlationId: 'c', causationId: 'c', policyVersion: catalogue.version } }));
    for (const event of stamped) push(event.type, event.data, clock);
    states.set(id, stamped.reduce(authorizationDecider.evolve, state));
  }
  return { log, states, end: clock };
}
