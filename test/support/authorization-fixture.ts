/** Builds real authorization streams by running the domain deciders through handleCommand (tests only). */
import {
  authorizationDecider,
  authorizationStream,
  employeeDecider,
  employeeStream,
  type AuthorizationCommand,
  type EmployeeCommand,
  type EmployeeSnapshot,
  type EventMetadata,
} from '../../libs/domain/src/index.js';
import { catalogue } from '../../libs/domain/src/testing/default-catalogue.js';
import { people } from '../../libs/domain/src/testing/fixtures.js';
import { comparePositions, START, type EventStore, type Position, type RecordedEvent } from '../../libs/event-store/src/event-store.port.js';
import { handleCommand } from '../../libs/event-store/src/handle-command.js';
import { WAIT_BOUND_MS } from './timeouts.js';

export type Stage = 'pending_review' | 'pending_approval' | 'pending_notice' | 'pending_acknowledgement' | 'active';
const ORDER: readonly Stage[] = ['pending_review', 'pending_approval', 'pending_notice', 'pending_acknowledgement', 'active'];

export interface GrantSpec {
  readonly id: string;
  readonly stage: Stage;
  readonly validFrom: string;
  readonly validUntil: string;
  /** Instant of the application; later steps follow one minute apart. */
  readonly now: string;
  readonly applicant?: EmployeeSnapshot;
  readonly matter?: string;
}

const meta = (actor: string, now: string): EventMetadata => ({
  occurredAt: now,
  actor: { id: actor, kind: 'employee' },
  correlationId: 'test',
  causationId: 'test',
  policyVersion: catalogue.version,
});

/** Takes an application of `spec.applicant` (default agent E1, reporting to S1) to `spec.stage`. */
/** Resolves to the position of the last event written. */
export async function grant(store: EventStore, spec: GrantSpec): Promise<Position> {
  const applicant = spec.applicant ?? people.agent;
  const at = (step: number): string => new Date(Date.parse(spec.now) + step * 60_000).toISOString();
  const steps: [string, AuthorizationCommand][] = [
    [
      applicant.employeeId,
      {
        type: 'ApplyForAuthorization',
        data: {
          authorizationId: spec.id,
          applicant,
          matter: spec.matter ?? 'compensation.issue',
          scope: (spec.matter ?? 'compensation.issue') === 'compensation.issue' ? { maxAmount: 500 } : {},
          reason: 'test',
          validFrom: spec.validFrom,
          validUntil: spec.validUntil,
          catalogue,
          now: at(0),
        },
      },
    ],
    ['S1', { type: 'ReviewAuthorization', data: { actor: people.supervisor, applicant, decision: 'pass', opinion: 'ok', now: at(1) } }],
    ['M1', { type: 'ApproveAuthorization', data: { actor: people.manager, decision: 'approve', opinion: '', now: at(2) } }],
    ['M2', { type: 'IssueNotice', data: { actor: people.manager2, designationGrantId: null, copiesTo: ['finance'], noticeNumber: `N-${spec.id}`, now: at(3) } }],
    [applicant.employeeId, { type: 'AcknowledgeNotice', data: { actor: applicant, now: at(4) } }],
  ];
  const count = ORDER.indexOf(spec.stage) + 1;
  let position: Position = START;
  for (const [index, [actor, command]] of steps.slice(0, count).entries()) {
    ({ position } = await handleCommand(store, authorizationStream(spec.id), authorizationDecider, command, {
      commandId: `fixture:${spec.id}:${index}`,
      metadata: () => ({ ...meta(actor, at(index)) }),
    }));
  }
  return position;
}

export const eventsOfType = async (store: EventStore, id: string, type: string): Promise<RecordedEvent[]> =>
  (await store.readStream(authorizationStream(id))).filter((e) => e.type === type);

/** Runs a directory command through the employee decider. */
export async function directory(store: EventStore, command: EmployeeCommand, commandId: string, now: string): Promise<Position> {
  const { position } = await handleCommand(store, employeeStream(command.data.employeeId), employeeDecider, command, {
    commandId,
    metadata: () => ({ ...meta('svc:hr', now), actor: { id: 'svc:hr', kind: 'service' }, correlationId: `corr-${commandId}` }),
  });
  return position;
}

export const register = (store: EventStore, employee: EmployeeSnapshot, now: string): Promise<Position> =>
  directory(
    store,
    { type: 'RegisterEmployee', data: { employeeId: employee.employeeId, name: employee.name, role: employee.role, team: employee.team, reportsTo: employee.reportsTo, department: employee.department } },
    `register:${employee.employeeId}`,
    now,
  );

/**
 * Repeats `step` until `position()` reaches `target`. A PostgreSQL reader sees an event only once
 * every older transaction on the server has ended, which parallel suites may delay.
 */
export async function settle(worker: { position(): Promise<Position> }, step: () => Promise<unknown>, target: Position, timeoutMs = WAIT_BOUND_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await step();
    if (comparePositions(await worker.position(), target) >= 0) return;
    if (Date.now() > deadline) throw new Error(`not caught up with ${target} in time`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
