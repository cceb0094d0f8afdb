/**
 * Separation of duties with stand-ins (SPEC §4, §11) over random histories: stand-ins named and
 * ended, the applicant's superior moving, people leaving, random actors and clock steps.
 */
import fc from 'fast-check';
import type { AuthorizationCommand, EmployeeSnapshot, StandInPeriod } from '../commands.js';
import { DomainError } from '../errors.js';
import type { AuthorizationEvent } from '../events.js';
import { catalogue } from '../testing/default-catalogue.js';
import { T0, employee } from '../testing/fixtures.js';
import { mayStandInFor, runsAt } from '../employee/stand-in.js';
import { type AuthorizationState } from './authorization.state.js';
import { decide, evolve, initialState } from './authorization.decider.js';

const HOUR = 3_600_000;
const at = (ms: number): string => new Date(Date.parse(T0) + ms).toISOString();
const PEOPLE: readonly EmployeeSnapshot[] = [
  employee('E1', 'agent', 'S1'),
  employee('E2', 'agent', 'S1'),
  employee('S1', 'supervisor', 'M1'),
  employee('S2', 'supervisor', 'M1'),
  employee('M1', 'manager', null),
  employee('M2', 'manager', null),
  employee('M3', 'manager', null),
  employee('X1', 'executive', null),
  employee('X2', 'executive', null),
];
const SUPERIORS = ['S1', 'S2', 'M1', 'X1', null] as const;

type Kind = 'review' | 'approve' | 'final' | 'notice' | 'ack' | 'change' | 'standIn' | 'endStandIn' | 'move' | 'leave' | 'remind' | 'escalate';
interface Step {
  readonly kind: Kind;
  readonly actor: number;
  readonly other: number;
  readonly superior: number;
  readonly lengthHours: number;
  readonly advanceHours: number;
  readonly yes: boolean;
}
const stepArb: fc.Arbitrary<Step> = fc.record({
  kind: fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom<Kind>('review', 'approve', 'final', 'notice', 'ack') },
    { weight: 4, arbitrary: fc.constantFrom<Kind>('standIn') },
    { weight: 2, arbitrary: fc.constantFrom<Kind>('change', 'move', 'endStandIn', 'remind', 'escalate') },
    { weight: 1, arbitrary: fc.constantFrom<Kind>('leave') },
  ),
  actor: fc.nat({ max: PEOPLE.length - 1 }),
  other: fc.nat({ max: PEOPLE.length - 1 }),
  superior: fc.nat({ max: SUPERIORS.length - 1 }),
  lengthHours: fc.integer({ min: 1, max: 200 }),
  advanceHours: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 30 })),
  yes: fc.boolean(),
});

/** One act as decided, with the directory as it was when it was decided. */
interface Decided {
  readonly event: AuthorizationEvent;
  readonly actor: EmployeeSnapshot;
  readonly reportsTo: string | null;
  readonly directory: ReadonlyMap<string, EmployeeSnapshot>;
  readonly now: string;
}

function run(steps: readonly Step[]): { log: Decided[]; state: AuthorizationState } {
  const directory = new Map(PEOPLE.map((p) => [p.employeeId, p]));
  const set = (id: string, patch: Partial<EmployeeSnapshot>): void => void directory.set(id, { ...directory.get(id)!, ...patch });
  let state = evolve(initialState(), decide({ type: 'ApplyForAuthorization', data: { authorizationId: 'A1', applicant: PEOPLE[0]!, matter: 'compensation.issue', scope: { maxAmount: 3000 }, reason: 'r', validFrom: T0, validUntil: at(90 * 24 * HOUR), catalogue, now: T0 } }, initialState())[0]!);
  const log: Decided[] = [];
  let clock = 0;
  steps.forEach((step, index) => {
    clock += step.advanceHours * HOUR;
    const now = at(clock);
    // Often someone currently named as a stand-in acts, so that stand-ins' acts are common.
    const named = [...directory.values()].flatMap((p) => (p.standIns ?? []).filter((period) => runsAt(period, at(clock))).map((period) => period.standInId));
    const pickedId = step.yes && named.length > 0 ? named[step.actor % named.length]! : PEOPLE[step.actor]!.employeeId;
    const actor = directory.get(pickedId)!;
    const other = PEOPLE[step.other]!.employeeId;
    const applicant = directory.get('E1')!;
    const everyone = [...directory.values()];
    let command: AuthorizationCommand | null = null;
    switch (step.kind) {
      case 'standIn': {
        const period: StandInPeriod = { standInId: actor.employeeId, from: at(clock - HOUR), until: at(clock + step.lengthHours * HOUR), reason: null };
        // Half the time the applicant's superior is the one away, so reviews by stand-ins happen too.
        const absent = step.yes ? (applicant.reportsTo ?? other) : other;
        set(absent, { standIns: [...(directory.get(absent)!.standIns ?? []), period] });
        return;
      }
      case 'endStandIn':
        set(other, { standIns: [] });
        return;
      case 'move':
        set('E1', { reportsTo: SUPERIORS[step.superior] ?? null });
        return;
      case 'leave':
        if (other !== 'E1') set(other, { left: true });
        return;
      case 'review':
        command = { type: 'ReviewAuthorization', data: { actor, applicant, reviewer: applicant.reportsTo ? directory.get(applicant.reportsTo) ?? null : null, decision: step.yes ? 'pass' : 'reject', opinion: 'o', now } };
        break;
      case 'approve':
        command = { type: 'ApproveAuthorization', data: { actor, standingInFor: everyone, decision: 'approve', opinion: '', now } };
        break;
      case 'final':
        command = { type: 'FinalApproveAuthorization', data: { actor, standingInFor: everyone, decision: 'approve', opinion: '', now } };
        break;
      case 'notice':
        command = { type: 'IssueNotice', data: { actor, standingInFor: everyone, designationGrantId: null, copiesTo: [], noticeNumber: `N-${index}`, catalogue, now } } as AuthorizationCommand;
        break;
      case 'ack':
        command = { type: 'AcknowledgeNotice', data: { actor: applicant, now } };
        break;
      case 'change':
        command = { type: 'RequestChange', data: { actor: applicant, changeId: `C${index}`, scope: { maxAmount: step.yes ? 2500 : 900 }, reason: 'r', catalogue, now } };
        break;
      case 'remind':
        command = { type: 'IssueApprovalReminder', data: { stageDueHours: 24, now } };
        break;
      case 'escalate':
        command = { type: 'EscalateApproval', data: { stageDueHours: 24, now } };
        break;
    }
    try {
      for (const event of decide(command, state)) {
        state = evolve(state, event);
        log.push({ event, actor, reportsTo: applicant.reportsTo, directory: new Map(directory), now });
      }
    } catch (error: unknown) {
      if (!(error instanceof DomainError)) throw error;
    }
  });
  return { log, state };
}

type Role = 'review' | 'approval' | 'final-approval' | 'notice';
interface Act {
  readonly role: Role;
  readonly actorId: string;
  readonly actingFor: string | undefined;
  readonly changeId: string | undefined;
  readonly decided: Decided;
}
function actsOf(log: readonly Decided[]): Act[] {
  const acts: Act[] = [];
  for (const decided of log) {
    const e = decided.event;
    if (e.type === 'InitialReviewPassed' || e.type === 'InitialReviewRejected') acts.push({ role: 'review', actorId: e.data.reviewerId, actingFor: e.data.actingFor, changeId: e.data.changeId, decided });
    if (e.type === 'ManagerApproved' || e.type === 'ManagerRejected') acts.push({ role: 'approval', actorId: e.data.approverId, actingFor: e.data.actingFor, changeId: e.data.changeId, decided });
    if (e.type === 'ExecutiveApproved' || e.type === 'ExecutiveRejected') acts.push({ role: 'final-approval', actorId: e.data.executiveId, actingFor: e.data.actingFor, changeId: e.data.changeId, decided });
    if (e.type === 'NoticeIssued') acts.push({ role: 'notice', actorId: e.data.issuerId, actingFor: e.data.actingFor, changeId: e.data.changeId, decided });
  }
  return acts;
}
const persons = (act: Act): string[] => (act.actingFor === undefined ? [act.actorId] : [act.actorId, act.actingFor]);
const historyArb = fc.array(stepArb, { minLength: 10, maxLength: 80 });

describe('stand-in properties', () => {
  it('applicant, reviewer, approver and final approver are four different people in every pass, stand-ins counted', () => {
    fc.assert(
      fc.property(historyArb, (steps) => {
        const acts = actsOf(run(steps).log).filter((act) => act.role !== 'notice');
        for (const pass of new Set(acts.map((act) => act.changeId))) {
          const people = ['E1', ...acts.filter((act) => act.changeId === pass).flatMap(persons)];
          expect(new Set(people).size).toBe(people.length);
        }
      }),
      { numRuns: 250 },
    );
  });

  it('nobody who acted as a stand-in acts twice on one application, its changes included', () => {
    fc.assert(
      fc.property(historyArb, (steps) => {
        const acts = actsOf(run(steps).log);
        for (const standIn of acts.filter((act) => act.actingFor !== undefined)) {
          expect(acts.filter((act) => persons(act).includes(standIn.actorId))).toHaveLength(1);
        }
        expect(acts.every((act) => !persons(act).includes('E1'))).toBe(true);
      }),
      { numRuns: 250 },
    );
  });

  it('every act by someone not entitled in their own right names whom it was for, who had named them then', () => {
    fc.assert(
      fc.property(historyArb, (steps) => {
        for (const act of actsOf(run(steps).log)) {
          const { actor, reportsTo, directory, now } = act.decided;
          const ownRight =
            act.role === 'review'
              ? actor.employeeId === reportsTo || (reportsTo !== null && (directory.get(reportsTo)?.reportsTo === actor.employeeId || (directory.get(reportsTo)?.reportsTo === null && actor.role === 'manager')))
              : actor.role === (act.role === 'final-approval' ? 'executive' : 'manager');
          if (act.actingFor === undefined) {
            expect(ownRight).toBe(true);
            continue;
          }
          const absent = directory.get(act.actingFor)!;
          expect(absent.left).toBe(false);
          expect(mayStandInFor(actor.role, absent.role)).toBe(true);
          expect((absent.standIns ?? []).some((p) => p.standInId === actor.employeeId && runsAt(p, now))).toBe(true);
          if (act.role === 'review') expect(act.actingFor).toBe(reportsTo);
        }
      }),
      { numRuns: 250 },
    );
  });

  it('stand-ins do act in these histories (the properties are not vacuous)', () => {
    const samples = fc.sample(historyArb, { numRuns: 400, seed: 42 });
    const standInActs = samples.flatMap((steps) => actsOf(run(steps).log)).filter((act) => act.actingFor !== undefined);
    expect([...new Set(standInActs.map((act) => act.role))]).toEqual(expect.arrayContaining(['approval', 'review']));
  });
});
