/**
 * A retry after a lost answer (issue 11, part 3), made deterministic: each command is sent once
 * with an Idempotency-Key, then its stored answer is deleted — what a process that dies between
 * the append and storing the answer leaves behind — and the same request is sent again. The store
 * is the record: the retry gets the first result (same status, same body including position), not
 * 409 INVALID_TRANSITION / ALREADY_EXISTS, and nothing is written twice.
 */
import { randomUUID } from 'node:crypto';
import { SQL_CLIENT, type SqlClient } from '../../libs/sql/src/sql-client.port.js';
import { act, application, grantActive, seedDirectory } from '../support/call-center.js';
import { freshDatabase, HOOK_TIMEOUT_MS, startTestApp, type TestApp } from '../support/test-app.js';

describe('a retry whose first answer was lost gets the first result', () => {
  let t: TestApp;
  let sql: SqlClient;

  beforeAll(async () => {
    const url = await freshDatabase('lostanswer');
    t = await startTestApp({ EVENT_STORE_URL: url, READ_STORE_URL: url });
    sql = t.app.get<SqlClient>(SQL_CLIENT);
    await seedDirectory(t);
  }, HOOK_TIMEOUT_MS);
  afterAll(() => t?.close(), HOOK_TIMEOUT_MS);

  const eventCount = async (): Promise<number> => Number((await sql.query<{ n: string }>('SELECT count(*)::text AS n FROM events')).rows[0]?.n);

  /** Sends `body` as `who` with a key, forgets the stored answer, sends it again: both answers must be the same. */
  async function lostAndRetried(who: string, path: string, body: object, expected: number): Promise<Record<string, unknown>> {
    const key = randomUUID();
    const first = await act(t, who, path, body, { 'idempotency-key': key });
    expect([path, first.status]).toEqual([path, expected]);
    const written = await eventCount();
    await sql.query('DELETE FROM idempotency_keys');
    const retry = await act(t, who, path, body, { 'idempotency-key': key });
    expect([path, retry.status, retry.body]).toEqual([path, first.status, first.body]);
    expect(await eventCount()).toBe(written);
    return first.body as Record<string, unknown>;
  }

  it('answers the workflow steps and the revocation with their first result', async () => {
    const applied = await lostAndRetried('E101', '/v1/applications', application(), 201);
    const id = String(applied['id']);
    await lostAndRetried('S01', `/v1/authorizations/${id}/review`, { decision: 'pass', opinion: 'ok' }, 200);
    await lostAndRetried('M01', `/v1/authorizations/${id}/approval`, { decision: 'approve', opinion: 'ok' }, 200);
    await lostAndRetried('M02', `/v1/authorizations/${id}/notice`, { copiesTo: ['finance'] }, 200);
    const active = await lostAndRetried('E101', `/v1/authorizations/${id}/acknowledgement`, {}, 200);
    expect(active['status']).toBe('active');
    const revoked = await lostAndRetried('S01', `/v1/authorizations/${id}/revocation`, { reason: 'outside the approved channel' }, 200);
    expect(revoked['status']).toBe('revoked');
  });

  it('answers supervision commands (escalation, report, suggestion) with their first result', async () => {
    const escalation = await lostAndRetried('E102', '/v1/escalations', { authority: 'compensation.issue', context: { amount: 3000, channel: 'phone' }, summary: 'Customer asks for 3000 CNY' }, 201);
    await lostAndRetried('S01', `/v1/escalations/${String(escalation['id'])}/resolution`, { resolution: 'Approved as a one-off' }, 200);
    const grant = await grantActive(t, 'E101');
    const report = await lostAndRetried(
      'E102',
      '/v1/reports',
      { subjectEmployeeId: 'E101', category: 'out_of_scope', description: 'Compensation on chat', reporter: { kind: 'employee' }, authorizationId: grant.id },
      201,
    );
    const reportId = String(report['id']);
    await lostAndRetried('S01', `/v1/reports/${reportId}/investigation`, {}, 200);
    await lostAndRetried('S01', `/v1/reports/${reportId}/conclusion`, { finding: 'dismissed', summary: 'Not confirmed', actions: [] }, 200);
    // A substantiated conclusion also revokes the grant: the retry answers the position of that revocation too.
    const second = await lostAndRetried(
      'E102',
      '/v1/reports',
      { subjectEmployeeId: 'E101', category: 'out_of_scope', description: 'Again on chat', reporter: { kind: 'employee' }, authorizationId: grant.id },
      201,
    );
    await lostAndRetried('S01', `/v1/reports/${String(second['id'])}/investigation`, {}, 200);
    const substantiated = { finding: 'substantiated', summary: 'Confirmed from the chat log', actions: [{ type: 'revoke', authorizationId: grant.id }] };
    await lostAndRetried('S01', `/v1/reports/${String(second['id'])}/conclusion`, substantiated, 200);
    await lostAndRetried('E101', '/v1/suggestions', { text: 'Longer breaks between calls', anonymous: false }, 201);
  });
});
