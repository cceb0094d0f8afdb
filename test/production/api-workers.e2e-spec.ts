/**
 * API_WORKERS (issue 12): the API as a node:cluster primary with two workers sharing the port, each
 * with its own permission index. A consistency token holds whichever worker answers (each waits for
 * its own index), both workers serve, SIGTERM stops them all with exit code 0, and a wrong value is
 * a configuration error (exit code 78).
 */
import { jest } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { AppProcess, ensureBuilt, freePort, freshDatabase, SECRET, tokenOf } from './support/processes.js';

jest.setTimeout(180_000);

/** One request on its own connection (no keep-alive): the cluster hands each connection to a worker in turn. */
function once(port: string, method: string, path: string, token: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: Number(port), method, path, agent: false, headers: { authorization: `Bearer ${token}`, ...(payload === undefined ? {} : { 'content-type': 'application/json' }) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text.startsWith('{') ? (JSON.parse(text) as Record<string, unknown>) : { text } }));
    });
    req.on('error', reject);
    req.end(payload);
  });
}

/** The pids of `pid`'s child processes (Linux /proc). */
function childrenOf(pid: number): number[] {
  const tasks = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8');
  return tasks.split(' ').filter(Boolean).map(Number);
}

describe('API_WORKERS=2', () => {
  let api: AppProcess;

  beforeAll(async () => {
    ensureBuilt(['authorization-service']);
    const url = await freshDatabase('api_workers');
    api = new AppProcess('api', 'authorization-service', { EVENT_STORE_URL: url, READ_STORE_URL: url, AUTH_JWT_SECRET: SECRET, PORT: String(await freePort()), API_WORKERS: '2', CONSISTENCY_WAIT_MS: '10000' }).start();
    await api.waitReady('/health/ready', 120_000);
  });
  afterAll(async () => {
    await api.stop(20_000);
  });

  it('answers checks with a consistency token from either worker as of the write, and runs two workers', async () => {
    const port = api.port as string;
    const hr = await tokenOf('svc:hr');
    const crm = await tokenOf('svc:crm');
    // Both workers are listening once each has answered; the cluster alternates connections between them.
    for (let i = 0; i < 12; i++) {
      const id = `W${String(i).padStart(2, '0')}`;
      const hired = await once(port, 'POST', '/v1/employees', hr, { id, name: `Worker Test ${i}`, role: 'agent', team: 'A' });
      expect([hired.status, id]).toEqual([201, id]);
      const position = hired.body['position'] as string;
      for (let j = 0; j < 2; j++) {
        const checked = await once(port, 'POST', '/v1/checks', crm, { employeeId: id, authority: 'inquiry.answer', consistency: { atLeast: position } });
        expect([id, j, checked.status, checked.body['reason']]).toEqual([id, j, 200, 'ROLE_BASELINE']);
        expect((checked.body['position'] as string) >= position).toBe(true);
      }
    }
    expect(childrenOf(api.pid as number)).toHaveLength(2);
  });

  it('stops every worker on SIGTERM and exits 0', async () => {
    const workers = childrenOf(api.pid as number);
    expect(await api.stop(30_000)).toEqual({ code: 0, signal: null });
    for (const pid of workers) expect(() => process.kill(pid, 0)).toThrow();
  });
});

describe('API_WORKERS validated at start', () => {
  it.each(['0', 'two', '1.5', '65'])('refuses API_WORKERS=%s with exit code 78 and a line naming the variable', async (value) => {
    const started = new AppProcess('bad-workers', 'authorization-service', { AUTH_JWT_SECRET: SECRET, PORT: String(await freePort()), API_WORKERS: value }).start();
    expect(await started.exit()).toEqual({ code: 78, signal: null });
    expect(started.output.join('')).toMatch(/^configuration error: API_WORKERS: /m);
  });
});
