/**
 * The worklist answers from the read side alone (SPEC §11): GET /v1/inbox and /v1/inbox/count read no
 * stream of the event store (the console polls them every few seconds), yet separation of duties holds
 * as the domain decides it on every act kept in the authorization's row, stand-ins' acts included; a
 * stand-in's task says for whom as a field (`actingForId`), not only as the English `reason`.
 */
import { jest } from '@jest/globals';
import { EVENT_STORE, type EventStore } from '../../libs/event-store/src/event-store.port.js';
import { act, application, DAY, get, iso, seedDirectory } from '../support/call-center.js';
import { startTestApp, type TestApp, WAIT_BOUND_MS } from '../support/test-app.js';

interface Item {
  readonly kind: string;
  readonly authorizationId?: string;
  readonly actingForId?: string;
  readonly reason?: string;
}

describe('the worklist from the read side', () => {
  let t: TestApp;
  const period = (standInId: string) => ({ standInId, from: iso(Date.now() - 60_000), until: iso(Date.now() + 7 * DAY), reason: 'leave' });
  const tasksOn = async (who: string, id: string, token: string): Promise<Item[]> => {
    const inbox = await get(t, who, '/v1/inbox', { 'x-consistency-token': token });
    expect(inbox.status).toBe(200);
    return (inbox.body.items as Item[]).filter((item) => item.authorizationId === id);
  };
  const applied = async (who: string): Promise<{ id: string; position: string }> => {
    const res = await act(t, who, '/v1/applications', application());
    expect(res.status).toBe(201);
    return { id: res.body.id as string, position: res.body.position as string };
  };

  beforeAll(async () => {
    t = await startTestApp();
    await seedDirectory(t);
  }, 4 * WAIT_BOUND_MS);
  afterAll(() => t.close());

  it("gives a stand-in's task the absent person's id as actingForId, and reads no stream to answer either worklist call", async () => {
    expect((await act(t, 'S01', '/v1/employees/S01/stand-ins', period('S02'))).status).toBe(201);
    const a1 = await applied('E101');
    expect(await tasksOn('S02', a1.id, a1.position)).toEqual([expect.objectContaining({ kind: 'review', actingForId: 'S01', reason: 'acting for S01' })]);
    const own = await tasksOn('S01', a1.id, a1.position);
    expect(own).toEqual([expect.objectContaining({ kind: 'review' })]);
    expect(own[0]).not.toHaveProperty('actingForId');

    const store = t.app.get<EventStore>(EVENT_STORE, { strict: false });
    const reads = [jest.spyOn(store, 'readStream'), ...(store.readStreams === undefined ? [] : [jest.spyOn(store as Required<EventStore>, 'readStreams')])];
    const streamReads = (): number => reads.reduce((sum, spy) => sum + spy.mock.calls.length, 0);
    try {
      for (const who of ['S02', 'S01', 'M01', 'E101']) {
        expect((await get(t, who, '/v1/inbox', { 'x-consistency-token': a1.position })).status).toBe(200);
        expect((await get(t, who, '/v1/inbox/count', { 'x-consistency-token': a1.position })).status).toBe(200);
      }
      expect(streamReads()).toBe(0);
      // The counter counts: a command reads its streams.
      expect((await act(t, 'S02', `/v1/authorizations/${a1.id}/review`, { decision: 'pass', opinion: 'for S01' })).status).toBe(200);
      expect(streamReads()).toBeGreaterThan(0);
    } finally {
      for (const spy of reads) spy.mockRestore();
    }
  });

  it('keeps a reviewer from approving the application, also as a stand-in for another manager', async () => {
    // M02 is away; M01 stands in. M01 reviews S02's application in their own right.
    expect((await act(t, 'M02', '/v1/employees/M02/stand-ins', period('M01'))).status).toBe(201);
    const a2 = await applied('S02');
    const reviewed = await act(t, 'M01', `/v1/authorizations/${a2.id}/review`, { decision: 'pass', opinion: 'ok' });
    expect([reviewed.status, reviewed.body.status]).toEqual([200, 'pending_approval']);
    const token = reviewed.body.position as string;
    // The approval is every manager's; not M01's, neither in their own right nor acting for M02.
    expect(await tasksOn('M01', a2.id, token)).toEqual([]);
    expect(await tasksOn('M02', a2.id, token)).toEqual([expect.objectContaining({ kind: 'approval' })]);
    expect(await tasksOn('M03', a2.id, token)).toEqual([expect.objectContaining({ kind: 'approval' })]);
    const refused = await act(t, 'M01', `/v1/authorizations/${a2.id}/approval`, { decision: 'approve', opinion: '' });
    expect([refused.status, refused.body.code]).toEqual([403, 'SEPARATION_OF_DUTIES']);
  });

  it('counts a stand-in’s review as the absent reviewer’s too: they do not get the approval', async () => {
    // M01 is away too; X01 stands in and reviews S01's application (M01's review) acting for M01.
    expect((await act(t, 'M01', '/v1/employees/M01/stand-ins', period('X01'))).status).toBe(201);
    const a3 = await applied('S01');
    expect(await tasksOn('X01', a3.id, a3.position)).toEqual([expect.objectContaining({ kind: 'review', actingForId: 'M01' })]);
    const reviewed = await act(t, 'X01', `/v1/authorizations/${a3.id}/review`, { decision: 'pass', opinion: 'for M01' });
    expect([reviewed.status, reviewed.body.status]).toEqual([200, 'pending_approval']);
    const token = reviewed.body.position as string;
    // The row's `reviewerId` is X01; the act says for M01, so M01 is out (own right and as M02's stand-in).
    expect(await tasksOn('M01', a3.id, token)).toEqual([]);
    expect(await tasksOn('X01', a3.id, token)).toEqual([]);
    expect(await tasksOn('M02', a3.id, token)).toEqual([expect.objectContaining({ kind: 'approval' })]);
    const refused = await act(t, 'M01', `/v1/authorizations/${a3.id}/approval`, { decision: 'approve', opinion: '' });
    expect([refused.status, refused.body.code]).toEqual([403, 'SEPARATION_OF_DUTIES']);
  });
});
