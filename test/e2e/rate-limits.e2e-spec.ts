import { seedDirectory } from '../support/call-center.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const check = (employeeId: string) => ({ employeeId, authority: 'compensation.issue', context: { amount: 100, channel: 'phone' } });
const batchOf = (employeeId: string, size: number) => ({ checks: Array.from({ length: size }, () => check(employeeId)) });

/**
 * Rate limits by kind of caller under the default configuration (no RATE_LIMIT_* set): services
 * ask for many people, employees for themselves. Counted, not timed: a burst sends a minute's
 * worth of checks at once, which is harder on a token bucket than the same number spread out.
 */
describe('rate limits by kind of caller (default configuration)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await seedDirectory(t);
  });
  afterAll(() => t.close());

  it('lets a service principal ask a minute of 2,000 checks a second (120,000) in one burst without a 429', async () => {
    const crm = await t.token('svc:crm', { scope: 'checks:read' });
    const statuses = new Map<number, number>();
    const count = (status: number): void => void statuses.set(status, (statuses.get(status) ?? 0) + 1);
    // the first second as 2,000 single checks, 50 in flight at a time …
    let last: { headers: Record<string, string> } | null = null;
    for (let sent = 0; sent < 2000; sent += 50) {
      const answers = await Promise.all(Array.from({ length: 50 }, () => t.http.post('/v1/checks').set('authorization', `Bearer ${crm}`).send(check('E101'))));
      for (const answer of answers) count(answer.status);
      last = answers[answers.length - 1]!;
    }
    expect(last?.headers['ratelimit-policy']).toBe('"service";q=600000;w=60');
    expect(last?.headers['ratelimit']).toMatch(/^"service";r=\d+;t=\d+$/);
    // … and the other 59 seconds as batches of 1,000, each counted as its 1,000 checks
    for (let batch = 0; batch < 118; batch += 1) {
      const answer = await t.http.post('/v1/checks/batch').set('authorization', `Bearer ${crm}`).send(batchOf('E102', 1000));
      count(answer.status);
      last = answer;
    }
    expect(Object.fromEntries(statuses)).toEqual({ 200: 2000 + 118 });
    const remaining = Number(/;r=(\d+)/.exec(last?.headers['ratelimit'] ?? '')?.[1]);
    // 600,000 − 120,000 taken, plus what refilled meanwhile (10,000 a second), never above the quota
    expect(remaining).toBeGreaterThanOrEqual(480_000);
    expect(remaining).toBeLessThanOrEqual(600_000);
  });

  it('still holds an employee to the per-person budget (6,000 a minute, a batch counting its checks), with headers and Retry-After', async () => {
    const e101 = await t.token('E101');
    for (let batch = 0; batch < 6; batch += 1) {
      const answer = await t.http.post('/v1/checks/batch').set('authorization', `Bearer ${e101}`).send(batchOf('E101', 1000));
      expect(answer.status).toBe(200);
      expect(answer.headers['ratelimit-policy']).toBe('"employee";q=6000;w=60');
    }
    const refused = await t.http.post('/v1/checks/batch').set('authorization', `Bearer ${e101}`).send(batchOf('E101', 1000));
    expect(refused.status).toBe(429);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(refused.headers['ratelimit-policy']).toBe('"employee";q=6000;w=60');
    expect(refused.headers['ratelimit']).toMatch(/^"employee";r=\d+;t=\d+$/);
    // 1,000 checks at 100 a second come back in about 10 s (less what refilled while the batches ran)
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(10);
    expect(refused.body.retryAfter).toBe(retryAfter);

    // Nest routes share the employee's budget and carry the same headers: the trickle that refilled
    // runs out. Asked 100 at a time: one by one, a loaded machine answers slower than 100 a second
    // refill, and the budget would never run out (a CI run at load 13 saw exactly that).
    const employee = () => t.http.get('/v1/employees/E101').set('authorization', `Bearer ${e101}`);
    let nest = await employee();
    for (let wave = 0; wave < 100 && nest.status === 200; wave += 1) {
      const answers = await Promise.all(Array.from({ length: 100 }, employee));
      nest = answers.find((answer) => answer.status !== 200) ?? nest;
    }
    expect(nest.status).toBe(429);
    expect(nest.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(nest.headers['ratelimit-policy']).toBe('"employee";q=6000;w=60');
    expect(nest.headers['ratelimit']).toMatch(/^"employee";r=0;t=\d+$/);
    expect(Number(nest.headers['retry-after'])).toBeGreaterThanOrEqual(1);

    // another employee and the services are not affected
    const e102 = await t.token('E102');
    const other = await t.http.get('/v1/employees/E102').set('authorization', `Bearer ${e102}`);
    expect(other.status).toBe(200);
    expect(other.headers['ratelimit']).toMatch(/^"employee";r=5999;t=1$/);
    const crm = await t.token('svc:crm', { scope: 'checks:read' });
    expect((await t.http.post('/v1/checks').set('authorization', `Bearer ${crm}`).send(check('E101'))).status).toBe(200);
  });

  it('gives a service named in RATE_LIMIT_SERVICES its own budget', async () => {
    const small = await startTestApp({ RATE_LIMIT_SERVICES: 'svc:batch-job=1000' });
    try {
      const job = await small.token('svc:batch-job', { scope: 'checks:read' });
      const first = await small.http.post('/v1/checks/batch').set('authorization', `Bearer ${job}`).send(batchOf('E101', 1000));
      expect(first.status).toBe(200);
      expect(first.headers['ratelimit-policy']).toBe('"service";q=1000;w=60');
      const second = await small.http.post('/v1/checks/batch').set('authorization', `Bearer ${job}`).send(batchOf('E101', 1000));
      expect(second.status).toBe(429);
      expect(Number(second.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      const crm = await small.token('svc:crm', { scope: 'checks:read' });
      const other = await small.http.post('/v1/checks/batch').set('authorization', `Bearer ${crm}`).send(batchOf('E101', 1000));
      expect(other.headers['ratelimit-policy']).toBe('"service";q=600000;w=60');
    } finally {
      await small.close();
    }
  });
});
