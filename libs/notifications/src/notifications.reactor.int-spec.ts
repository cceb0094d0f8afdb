/**
 * The notifications reactor over recorded events, on PGlite: who is told of what (SPEC §12, Who is
 * told), one notification per person and fact, ids stable across replays, never the actor or a leaver.
 */
import { applyThrough, EventLog, register, seedDirectory, terms } from '../../read-models/src/testing/event-log.js';
import { openSqlClient } from '../../sql/src/open-sql-client.js';
import { createPgliteClient } from '../../sql/src/pglite-client.js';
import { createTestDatabase, type TestDatabase } from '../../sql/src/testing/test-database.js';
import type { SqlClient } from '../../sql/src/sql-client.port.js';
import { catalogue } from '../../domain/src/testing/default-catalogue.js';
import { NotificationStore, ensureNotificationSchema } from './notification.store.js';
import { notificationId } from './notification.js';
import { applyProjection } from '../../processors/src/host.js';
import { ensureCheckpoints } from '../../processors/src/checkpoints.js';
import type { StoredNotification } from './notification.js';
import { notificationsProjection } from './notifications.reactor.js';
import { renderNotification } from './render.js';

/** PGlite (the embedded default) and PostgreSQL (production): the reactor's SQL is one text for both. */
const STORES = {
  pglite: async (): Promise<{ sql: SqlClient; database: TestDatabase | null }> => ({ sql: await createPgliteClient('memory'), database: null }),
  postgres: async (): Promise<{ sql: SqlClient; database: TestDatabase | null }> => {
    const database = await createTestDatabase('notify');
    return { sql: await openSqlClient(database.url), database };
  },
};

describe.each(Object.keys(STORES) as (keyof typeof STORES)[])('the notifications reactor on %s', (storeName) => {
  let sql: SqlClient;
  let database: TestDatabase | null;
  let store: NotificationStore;
  const notified: (readonly StoredNotification[])[] = [];
  const reactor = notificationsProjection({ clock: () => new Date('2026-01-03T00:00:00.000Z'), onNotified: (written) => notified.push(written) });
  /** One batch as the processor host applies it (rows and checkpoint in one transaction). */
  const react = (log: EventLog, from = 0) => applyProjection(sql, reactor, log.events.slice(from));
  const mine = async (id: string) => (await store.list(id, { limit: 100 })).items;
  const kinds = async (id: string) => (await mine(id)).map((n) => n.kind);

  beforeEach(async () => {
    ({ sql, database } = await STORES[storeName]());
    await ensureNotificationSchema(sql);
    await ensureCheckpoints(sql, [reactor.name], reactor.schema);
    notified.length = 0;
    store = new NotificationStore(sql);
  });
  afterEach(async () => {
    await sql.close();
    await database?.drop();
  });

  it('tells each task to everyone whose worklist shows it, and the applicant of every decision', async () => {
    const log = new EventLog();
    seedDirectory(log);
    applyThrough(log, 'A1', 'acknowledged', { maxAmount: 5000 });
    await react(log);
    // review: the applicant's superior; approval: every manager; final approval: every executive;
    // notice: every manager (the executive acted, so the approver M1 is told too)
    expect(await kinds('S1')).toEqual(['review']);
    expect((await kinds('M1')).sort()).toEqual(['approval', 'notice']);
    expect((await kinds('M2')).sort()).toEqual(['approval', 'notice']);
    expect(await kinds('X1')).toEqual(['final-approval']);
    // the applicant: three decisions and the notice to acknowledge, newest first
    expect(await kinds('E1')).toEqual(['acknowledgement', 'decision', 'decision', 'decision']);
    expect((await mine('E1')).map((n) => n.params['outcome'] ?? null)).toEqual([null, 'final-approved', 'approved', 'review-passed']);
    expect(await kinds('E2')).toEqual([]);
  });

  it('never tells the person who acted, nor someone who has left', async () => {
    const log = new EventLog();
    seedDirectory(log);
    log.add({ type: 'EmployeeLeft', data: { employeeId: 'M2', reason: null, leftAt: '2026-01-01T09:00:00.000Z' } }, 'svc:hr');
    applyThrough(log, 'A1', 'noticed', { maxAmount: 800 });
    await react(log);
    // M1 approved and issued the notice: the notice task reached M2 only, who has left
    expect(await kinds('M2')).toEqual([]);
    expect(await kinds('M1')).toEqual(['approval']);
    expect((await mine('M1'))[0]?.params).toMatchObject({ matter: 'compensation.issue', applicant: 'Name E1' });
  });

  it('tells the grantee of expiry reminders and of a revocation', async () => {
    const log = new EventLog();
    seedDirectory(log);
    applyThrough(log, 'A1', 'acknowledged', { maxAmount: 800 });
    const from = log.events.length;
    log.add({ type: 'ExpiryReminderIssued', data: { authorizationId: 'A1', daysAhead: 7, validUntil: terms(800).validUntil } }, 'system:scheduler');
    log.add({ type: 'ExpiryReminderIssued', data: { authorizationId: 'A1', daysAhead: 1, validUntil: terms(800).validUntil } }, 'system:scheduler');
    log.add({ type: 'AuthorizationRevoked', data: { authorizationId: 'A1', revokedBy: 'M1', reason: 'left the team', cause: 'manual', revokedAt: '2026-01-05T00:00:00.000Z' } }, 'M1');
    await react(log);
    const [revoked, oneDay, sevenDays] = await mine('E1');
    expect([revoked?.kind, oneDay?.kind, sevenDays?.kind]).toEqual(['revoked', 'expiry-reminder', 'expiry-reminder']);
    expect([oneDay?.params['days'], sevenDays?.params['days']]).toEqual([1, 7]);
    expect(renderNotification(revoked!, 'zh-Hant', catalogue)).toEqual({ title: '授權已撤銷：發放客戶補償', body: '您的「發放客戶補償」授權已被撤銷：left the team' });
    expect(renderNotification(sevenDays!, 'en', catalogue).title).toBe('Your authorization expires in 7 day(s): Issue goodwill compensation');
    expect(log.events.length - from).toBe(3);
  });

  it('writes nothing twice: a replayed batch, or a batch handed over again, is a no-op with the same ids', async () => {
    const log = new EventLog();
    seedDirectory(log);
    applyThrough(log, 'A1', 'reviewed', { maxAmount: 800 });
    await react(log);
    const before = await mine('S1');
    expect(notified.flat().map((n) => n.id)).toContain(before[0]?.id);
    const wakes = notified.length;
    await react(log);
    await react(log, 3);
    expect(await mine('S1')).toEqual(before);
    // nothing new committed: the dispatcher is not woken again
    expect(notified).toHaveLength(wakes);
    const applied = log.events.find((e) => e.type === 'AuthorizationApplied');
    expect(before[0]?.id).toBe(notificationId(applied!.id, 'S1'));
  });

  it('queues a delivery on the channels the recipient had on when it was created', async () => {
    const log = new EventLog();
    seedDirectory(log);
    register(log, 'E3', 'agent', 'S2', 'T2');
    await store.saveSettings('S1', { email: 's1@callcenter.example', webhook: true, language: 'en' }, new Date());
    applyThrough(log, 'A1', 'applied');
    applyThrough(log, 'A2', 'applied', { applicant: 'E3', reviewer: 'S2' });
    await react(log);
    const { rows } = await sql.query<{ recipient_id: string; channel: string; address: string | null }>(
      'SELECT n.recipient_id, d.channel, d.address FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id ORDER BY d.channel',
    );
    expect(rows).toEqual([
      { recipient_id: 'S1', channel: 'email', address: 's1@callcenter.example' },
      { recipient_id: 'S1', channel: 'webhook', address: null },
    ]);
    expect(await kinds('S2')).toEqual(['review']);
  });

  it('reminds everyone a task reaches at its due time, and at twice it tells the reviewer’s superior the review is overdue', async () => {
    const log = new EventLog();
    seedDirectory(log);
    applyThrough(log, 'A1', 'applied');
    log.add({ type: 'ApprovalReminderIssued', data: { authorizationId: 'A1', stage: 'review', dueAt: '2026-01-03T08:00:00.000Z', remindedAt: '2026-01-03T08:00:00.000Z' } }, 'system:scheduler');
    log.add({ type: 'ApprovalEscalated', data: { authorizationId: 'A1', stage: 'review', dueAt: '2026-01-03T08:00:00.000Z', escalatedAt: '2026-01-05T08:00:00.000Z' } }, 'system:scheduler');
    await react(log);
    const [reminder, task] = await mine('S1');
    expect([reminder?.kind, reminder?.params['deadline'], task?.params['deadline']]).toEqual(['review', 'due', undefined]);
    expect(renderNotification(reminder!, 'en', catalogue).title).toBe('Reminder: To review: Issue goodwill compensation');
    // S1 reports to M1: the escalated review reaches M1, as overdue; not M2
    const [overdue] = await mine('M1');
    expect([overdue?.kind, overdue?.params['deadline']]).toEqual(['review', 'overdue']);
    expect(renderNotification(overdue!, 'zh-Hant', catalogue).title).toBe('逾期：待初審：發放客戶補償');
    expect(await kinds('M2')).toEqual([]);
  });

  it('tells managers of a suggestion to answer, its submitter of the answer, a trainee of a training and owners of meeting actions', async () => {
    const log = new EventLog();
    seedDirectory(log);
    log.addRaw('suggestion-G1', 'SuggestionSubmitted', { suggestionId: 'G1', text: 'More chat agents', anonymous: false, submittedBy: 'E1' }, 'E1');
    log.addRaw('suggestion-G1', 'SuggestionAnswered', { suggestionId: 'G1', response: 'Adopted for Q2', adopted: true, answeredBy: 'M1' }, 'M1');
    log.addRaw('report-R1', 'TrainingAssigned', { employeeId: 'E2', course: 'scope-basics', dueAt: '2026-02-01T00:00:00.000Z', assignedBy: 'S1', source: { kind: 'report', id: 'R1' } }, 'S1');
    log.addRaw('meeting-MT1', 'MeetingRecorded', {
      meetingId: 'MT1', kind: 'supervisor-team', team: 'T1', heldAt: '2026-01-02T00:00:00.000Z', attendees: ['S1', 'E1', 'E2'], minutes: 'm',
      actions: [{ n: 0, owner: 'E1', text: 'Update the script', dueAt: '2026-01-09T00:00:00.000Z' }, { n: 1, owner: 'S1', text: 'Check it', dueAt: '2026-01-09T00:00:00.000Z' }], recordedBy: 'S1',
    }, 'S1');
    await react(log);
    expect(await kinds('M1')).toEqual(['suggestion']);
    expect(await kinds('M2')).toEqual(['suggestion']);
    expect(await kinds('E1')).toEqual(['meeting-action', 'suggestion-answer']);
    expect((await mine('E1'))[1]?.params).toEqual({ message: 'Adopted for Q2' });
    expect(await kinds('E2')).toEqual(['training']);
    // S1 recorded the meeting: nobody is told of their own act
    expect(await kinds('S1')).toEqual([]);
  });

  it('tells the superior of an escalation, the subject’s superior and managers of a report, and the reporting employee of its feedback', async () => {
    const log = new EventLog();
    seedDirectory(log);
    log.addRaw('escalation-X1', 'EscalationRaised', { escalationId: 'X1', employeeId: 'E1', superiorId: 'S1', authority: 'fee.waive', context: null, summary: 'Customer asks to waive 900 CNY' }, 'E1');
    log.addRaw('report-R1', 'ViolationReported', { reportId: 'R1', subjectEmployeeId: 'E1', authorizationId: null, category: 'out_of_scope', description: 'd', reporter: { kind: 'employee', employeeId: 'E2' }, reportedBy: 'E2' }, 'E2');
    log.addRaw('report-R1', 'InvestigationStarted', { reportId: 'R1', investigatorId: 'S1' }, 'S1');
    log.addRaw('report-R1', 'ReporterNotified', { reportId: 'R1', message: 'We looked into it.', notifiedBy: 'S1' }, 'S1');
    await react(log);
    expect(await kinds('S1')).toEqual(['report', 'escalation']);
    expect((await mine('S1'))[1]?.params).toEqual({ applicant: 'Name E1', summary: 'Customer asks to waive 900 CNY' });
    expect(await kinds('M1')).toEqual(['report']);
    expect(await kinds('M2')).toEqual(['report']);
    expect(await kinds('E1')).toEqual([]);
    expect(await kinds('E2')).toEqual(['report-feedback']);
  });

  it('tells a running stand-in of the absent employee’s tasks too, and no longer once the period ended', async () => {
    const log = new EventLog();
    seedDirectory(log);
    log.add({ type: 'StandInAppointed', data: { employeeId: 'S1', standInId: 'S2', from: '2026-01-01T00:00:00.000Z', until: '2026-01-10T00:00:00.000Z', reason: 'leave', appointedBy: 'S1' } }, 'S1');
    applyThrough(log, 'A1', 'applied');
    log.add({ type: 'StandInEnded', data: { employeeId: 'S1', standInId: 'S2', endedAt: '2026-01-01T09:00:00.000Z', endedBy: 'S1', cause: 'withdrawn' } }, 'S1');
    await react(log);
    const from = log.events.length;
    applyThrough(log, 'A2', 'applied');
    await react(log, from);
    expect((await mine('S2')).map((n) => [n.kind, n.subjectId])).toEqual([['review', 'A1']]);
    expect((await mine('S1')).map((n) => n.subjectId)).toEqual(['A2', 'A1']);
  });

  it('tells each reviewer of an access review once, with how many grants wait, never the grantee', async () => {
    const log = new EventLog();
    seedDirectory(log);
    log.addRaw('access-review-R9', 'AccessReviewStarted', {
      accessReviewId: 'R9', title: 'Q1 review', team: null, matters: null, dueAt: '2026-02-01T00:00:00.000Z', defaultDecision: 'revoke', startedBy: 'M1', startedAt: '2026-01-02T00:00:00.000Z',
      items: [
        { authorizationId: 'A1', employeeId: 'E1', matter: 'compensation.issue', reviewerId: 'S1' },
        { authorizationId: 'A2', employeeId: 'E2', matter: 'compensation.issue', reviewerId: 'S1' },
        { authorizationId: 'A3', employeeId: 'M2', matter: 'fee.waive', reviewerId: null },
      ],
    }, 'M1');
    await react(log);
    const [s1] = await mine('S1');
    expect([s1?.kind, s1?.subjectId, s1?.params['count']]).toEqual(['access-review', 'R9', 2]);
    expect(renderNotification(s1!, 'zh-Hant', catalogue).title).toBe('定期檢查授權：Q1 review');
    // the grantee M2 is not their own reviewer; M1 started it
    expect(await kinds('M2')).toEqual([]);
    expect(await kinds('M1')).toEqual([]);
    expect(await kinds('E1')).toEqual([]);
  });
});
