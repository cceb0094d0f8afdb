/**
 * The worklist knows its caller from the employees read model. Someone hired a moment ago whom that
 * model has not read yet is asked about again once it has read as far as the log's head — not refused
 * at once with 403 EMPLOYEE_REQUIRED (a CI run at load saw exactly that for a new hire's first look).
 * Shown on an API without the projector, whose read model never catches up: the bounded wait ends in
 * 503 CONSISTENCY_TIMEOUT, the outcome that says "retry", where a person who is nobody gets 403 at once.
 */
import { mint, startTestApp, type TestApp, HOOK_TIMEOUT_MS } from '../support/test-app.js';

describe('the worklist of someone the read model has not read yet', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ CONSISTENCY_WAIT_MS: '300' }, { projector: false });
  }, HOOK_TIMEOUT_MS);
  afterAll(() => t?.close());

  it('waits for the read model (503 CONSISTENCY_TIMEOUT when it does not come), and refuses one who is no employee only once it has', async () => {
    const hr = await t.token('svc:hr', { scope: 'directory:write' });
    const hired = await t.http.post('/v1/employees').set('authorization', `Bearer ${hr}`).send({ id: 'N01', name: 'New Hire', role: 'agent', team: 'A' });
    expect(hired.status).toBe(201);
    const inbox = await t.http.get('/v1/inbox').set('authorization', `Bearer ${await mint('N01')}`);
    expect([inbox.status, inbox.body.code]).toEqual([503, 'CONSISTENCY_TIMEOUT']);
    const service = await t.http.get('/v1/inbox').set('authorization', `Bearer ${await mint('svc:crm', { scope: 'checks:read' })}`);
    expect([service.status, service.body.code]).toEqual([403, 'EMPLOYEE_REQUIRED']);
  });
});
