/**
 * The notifications reactor (SPEC §12): over the log, never on a command's path. On the processor
 * contract it is a SqlProjection: for each batch, in the host's transaction that also moves its
 * checkpoint, it folds what it must remember (people, authorization rows, reports and suggestions),
 * writes one notification per person concerned (id derived from the event id and the recipient, so
 * a replayed batch writes nothing twice), and queues each on the channels its recipient has on at
 * that moment. The effect that leaves the process, delivery, is the dispatcher's
 * (notification-dispatcher.ts), woken once a batch that wrote notifications has committed.
 */
import { accessReviewEvents, decodeSupervisionEvent, loopEvents } from '../../domain/src/codec/event-codec.js';
import type { EmployeeEvent } from '../../domain/src/events.js';
import type { RecordedEvent } from '../../event-store/src/event-store.port.js';
import type { SqlProjection } from '../../processors/src/processor.js';
import { isAuthorizationEvent, evolveAuthorization } from '../../read-models/src/authorization/authorization.projection.js';
import type { AuthorizationRow } from '../../read-models/src/authorization/authorization.row.js';
import { type EmployeeRow, evolveEmployee, isEmployeeEvent } from '../../read-models/src/employee/employee.projection.js';
import { actorOf, occurredAtOf, toProjectedEvent } from '../../read-models/src/recorded.js';
import type { SqlQueryable } from '../../sql/src/sql-client.port.js';
import { notificationId, type NotificationDraft, type StoredNotification } from './notification.js';
import { NOTIFICATION_SCHEMA, reactorState } from './notification.store.js';
import { accessReviewNotifications, authorizationNotifications, loopNotifications, type NotifyFacts, type Person, type StandInPeriod, rememberSubject, subjectKeyOf, supervisionNotifications } from './recipients.js';

export const NOTIFICATIONS_REACTOR = 'notifications';
const DESIGNATION_MATTER = 'authorization.notice.issue';

export interface NotificationsReactorOptions {
  /** The time deliveries are first due (default: system clock). */
  readonly clock?: () => Date;
  /** Called once a batch that wrote notifications has committed: wakes the dispatcher. */
  readonly onNotified?: (written: readonly StoredNotification[]) => void;
}

const personOf = (row: EmployeeRow): Person => ({ id: row.id, name: row.name, role: row.role, reportsTo: row.reportsTo, left: row.leftAt !== null });

const factsOf = (people: ReadonlyMap<string, EmployeeRow>, designees: ReadonlySet<string>, standIns: ReadonlyMap<string, readonly StandInPeriod[]>, at: string): NotifyFacts => ({
  people: new Map([...people.values()].map((row) => [row.id, personOf(row)])),
  designees,
  standIns,
  at,
});

/** Stand-in periods follow the employee stream: appointed adds (or replaces) one, ended removes it. */
function evolveStandIns(standIns: Map<string, readonly StandInPeriod[]>, event: EmployeeEvent): boolean {
  if (event.type !== 'StandInAppointed' && event.type !== 'StandInEnded') return false;
  const { employeeId, standInId } = event.data;
  const others = (standIns.get(employeeId) ?? []).filter((p) => p.standInId !== standInId);
  standIns.set(employeeId, event.type === 'StandInAppointed' ? [...others, { standInId, from: event.data.from, until: event.data.until }] : others);
  return true;
}

/** Folds one batch and returns the notifications it implies (all of them; the insert skips known ids). */
async function foldBatch(tx: SqlQueryable, events: readonly RecordedEvent[]): Promise<StoredNotification[]> {
  const people = await reactorState.people(tx);
  const designees = await reactorState.designees(tx, DESIGNATION_MATTER);
  const standIns = await reactorState.standIns(tx);
  let standInsChanged = false;
  const rows = new Map<string, AuthorizationRow | null>();
  const changedPeople = new Map<string, EmployeeRow>();
  const changedRows = new Map<string, AuthorizationRow>();
  const notifications: StoredNotification[] = [];
  const add = (event: RecordedEvent, occurredAt: string, drafts: readonly NotificationDraft[]): void => {
    for (const draft of drafts) notifications.push({ ...draft, id: notificationId(event.id, draft.recipientId), eventId: event.id, createdAt: occurredAt, readAt: null });
  };
  for (const event of events) {
    const projected = toProjectedEvent(event);
    if (projected !== null && isEmployeeEvent(projected)) {
      standInsChanged = evolveStandIns(standIns, projected.event) || standInsChanged;
      const next = evolveEmployee(people.get(projected.event.data.employeeId) ?? null, projected);
      if (next !== null) {
        people.set(next.id, next);
        changedPeople.set(next.id, next);
      }
      continue;
    }
    if (projected !== null && isAuthorizationEvent(projected)) {
      const id = projected.event.data.authorizationId;
      const before = rows.has(id) ? (rows.get(id) ?? null) : await reactorState.authorization(tx, id);
      const after = evolveAuthorization(before, projected);
      rows.set(id, after);
      if (after === null || after === before) continue;
      changedRows.set(id, after);
      if (after.matter === DESIGNATION_MATTER) {
        if (after.status === 'active') designees.add(after.applicantId);
        else designees.delete(after.applicantId);
      }
      add(event, projected.occurredAt, authorizationNotifications(projected.event, projected.actor?.id ?? null, before, after, factsOf(people, designees, standIns, projected.occurredAt)));
      continue;
    }
    const review = accessReviewEvents.decode(event);
    if (review !== null) {
      add(event, occurredAtOf(event), accessReviewNotifications(review, actorOf(event.metadata)?.id ?? null, factsOf(people, designees, standIns, occurredAtOf(event))));
      continue;
    }
    const loop = loopEvents.decode(event);
    if (loop !== null) {
      add(event, occurredAtOf(event), loopNotifications(loop, actorOf(event.metadata)?.id ?? null, factsOf(people, designees, standIns, occurredAtOf(event))));
      continue;
    }
    const supervision = decodeSupervisionEvent(event);
    if (supervision === null) continue;
    const key = subjectKeyOf(supervision);
    const subject = key === null ? {} : await reactorState.subject(tx, key);
    add(event, occurredAtOf(event), supervisionNotifications(supervision, actorOf(event.metadata)?.id ?? null, subject, factsOf(people, designees, standIns, occurredAtOf(event))));
    const remembered = rememberSubject(supervision, subject);
    if (key !== null && remembered !== null) await reactorState.saveSubject(tx, key, remembered);
  }
  await reactorState.savePeople(tx, [...changedPeople.values()]);
  if (standInsChanged) await reactorState.saveStandIns(tx, standIns);
  await reactorState.saveAuthorizations(tx, [...changedRows.values()]);
  return notifications;
}

/**
 * The reactor as the processor host runs it (libs/processors): a projection, so that its rows and
 * its checkpoint commit together — a batch handed over twice (a host retry, two instances at once)
 * is skipped under the checkpoint's row lock rather than folded twice.
 */
export function notificationsProjection(options: NotificationsReactorOptions = {}): SqlProjection {
  const clock = options.clock ?? (() => new Date());
  /** What the batch in its transaction wrote; handed over once it has committed. */
  let written: StoredNotification[] = [];
  return {
    kind: 'projection',
    name: NOTIFICATIONS_REACTOR,
    schema: NOTIFICATION_SCHEMA,
    apply: async (tx, events) => {
      written = [];
      written = await reactorState.insertNotifications(tx, await foldBatch(tx, events), clock());
    },
    committed: () => {
      const done = written;
      written = [];
      if (done.length > 0) options.onNotified?.(done);
    },
  };
}
