import { act, application, get, seedDirectory } from '../support/call-center.js';
import { freshDatabase, HOOK_TIMEOUT_MS, startTestApp, type TestApp } from '../support/test-app.js';

type Item = { kind: string; subjectId: string; reason?: string; action?: number };

/**
 * The worklist and the read-backs on PostgreSQL (SPEC §11), across two API replicas on one store:
 * each hosts the record projections; an answer from either reflects a write made through the other.
 */
describe('closing the loops on PostgreSQL, two replicas', () => {
  let one: TestApp;
  let two: TestApp;

  beforeAll(async () => {
    const url = await freshDatabase('e2e_loops');
    one = await startTestApp({ EVENT_STORE_URL: url });
    two = await startTestApp({ EVENT_STORE_URL: url }, { projector: false });
    await seedDirectory(one);
  }, HOOK_TIMEOUT_MS);
  afterAll(async () => {
    await two?.close();
    await one?.close();
  }, HOOK_TIMEOUT_MS);

  /** The worklist once the replica's read side has reached `position` (a write through the other replica). */
  const inbox = async (t: TestApp, who: string, position: string): Promise<Item[]> => {
    const res = await get(t, who, '/v1/inbox', { 'x-consistency-token': position });
    expect(res.status).toBe(200);
    return res.body.items as Item[];
  };

  it('shows a duty written through one replica in the worklist read through the other, and its read-back', async () => {
    const applied = await act(one, 'E101', '/v1/applications', application({ matter: 'customer.data.export', scope: {}, validUntil: new Date(Date.now() + 5 * 86_400_000).toISOString() }));
    expect([applied.status, applied.body.code]).toEqual([422, 'TRAINING_REQUIRED']);

    const raised = await act(one, 'E101', '/v1/escalations', { authority: 'fee.waive', context: { amount: 900 }, summary: 'Waive 900 CNY?' });
    expect((await inbox(two, 'S01', raised.body.position)).filter((item) => item.subjectId === raised.body.id)).toMatchObject([{ kind: 'escalation' }]);
    const resolved = await act(two, 'S01', `/v1/escalations/${raised.body.id}/resolution`, { resolution: 'Waived once' });
    await inbox(one, 'E101', resolved.body.position);
    expect((await get(one, 'E101', `/v1/escalations/${raised.body.id}`)).body).toMatchObject({ status: 'resolved', resolution: { resolvedBy: 'S01' } });

    const big = await act(two, 'E102', '/v1/applications', application({ scope: { maxAmount: 3000, channels: ['phone'] } }));
    await act(one, 'S01', `/v1/authorizations/${big.body.id}/review`, { decision: 'pass', opinion: 'ok' });
    const approved = await act(two, 'M01', `/v1/authorizations/${big.body.id}/approval`, { decision: 'approve', opinion: '' });
    expect((await inbox(one, 'X02', approved.body.position)).find((item) => item.subjectId === big.body.id)).toMatchObject({ kind: 'final-approval', reason: 'maxAmount 3000 > 2000' });

    const meeting = await act(one, 'M01', '/v1/meetings', {
      kind: 'manager-supervisors',
      heldAt: '2026-12-01T09:00:00Z',
      attendees: ['M01', 'S01', 'S02'],
      minutes: 'Q1 staffing',
      actions: [{ owner: 'S02', text: 'Draft the Q1 rota', dueAt: '2026-12-10T00:00:00Z' }],
    });
    expect((await inbox(two, 'S02', meeting.body.position)).filter((item) => item.kind === 'meeting-action')).toMatchObject([{ subjectId: meeting.body.id, action: 0 }]);
    expect((await get(two, 'S01', '/v1/meetings')).body.items).toMatchObject([{ id: meeting.body.id }]);
    expect((await get(two, 'E201', '/v1/meetings')).body.items).toEqual([]);

    const assessed = await act(two, 'M02', '/v1/assessments', { employeeId: 'E201', period: '2026-11', teamworkScore: 2, result: 'unsatisfactory', consequences: ['warning', 'training'], notes: 'Late escalations' });
    expect(assessed.status).toBe(201);
    await inbox(one, 'S02', assessed.body.position);
    const record = await get(one, 'S02', '/v1/employees/E201/record');
    expect(record.body).toMatchObject({ warnings: [{ source: { kind: 'assessment', id: 'E201-2026-11' } }], trainings: [{ course: 'assessment-follow-up-2026-11', open: true }], lastAssessment: { period: '2026-11' } });
    const kpis = await get(one, 'M01', '/v1/kpis?period=2026-12&employeeId=E201');
    expect(kpis.status).toBe(200);
    expect(kpis.body.items).toMatchObject([{ employeeId: 'E201', warnings: 1 }]);
    expect((await get(two, 'E201', '/v1/inbox/count', { 'x-consistency-token': assessed.body.position })).body).toMatchObject({ total: 1, byKind: { training: 1 } });
  });
});
