/**
 * Start and stop of the separate processes: a SIGTERM drains an API replica (readiness red first,
 * in-flight requests answered, exit 0); a wrong configuration stops an app with exit code 78 and a
 * line naming the variable.
 */
import { jest } from '@jest/globals';
import { DIRECTORY } from '../support/call-center.js';
import { AppProcess, type AppName, call, ensureBuilt, freePort, freshDatabase, SECRET, sleep } from './support/processes.js';

jest.setTimeout(120_000);

const APPS: readonly AppName[] = ['authorization-service', 'notice-relay', 'expiry-scheduler', 'people-cascade'];
const processes: AppProcess[] = [];
let url: string;

async function spawnApp(label: string, app: AppName, env: Record<string, string>): Promise<AppProcess> {
  const started = new AppProcess(label, app, { EVENT_STORE_URL: url, READ_STORE_URL: url, AUTH_JWT_SECRET: SECRET, PORT: String(await freePort()), ...env }).start();
  processes.push(started);
  return started;
}

beforeAll(async () => {
  ensureBuilt([...APPS, 'projector']);
  url = await freshDatabase('shutdown');
});

afterAll(async () => {
  for (const p of processes) p.signal('SIGCONT');
  await Promise.all(processes.map((p) => p.stop(5000)));
});

describe('graceful shutdown', () => {
  it('turns readiness red first, answers the request in flight, then exits 0 on SIGTERM', async () => {
    const api = await spawnApp('api', 'authorization-service', { CONSISTENCY_WAIT_MS: '20000' });
    await api.waitReady('/health/ready', 60_000);
    const projector = await spawnApp('projector', 'projector', {});
    await projector.waitReady('/health/ready', 60_000);
    const base = api.url('');
    for (const employee of DIRECTORY) expect((await call(base, 'POST', '/v1/employees', 'svc:hr', employee)).status).toBe(201);

    // The projector pauses (SIGSTOP): a read with the token of a new write stays in flight until it resumes.
    projector.signal('SIGSTOP');
    const applied = await call(base, 'POST', '/v1/applications', 'E101', {
      matter: 'team.schedule.adjust',
      scope: {},
      reason: 'in flight',
      validFrom: new Date(Date.now() - 60_000).toISOString(),
      validUntil: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    });
    expect(applied.status).toBe(201);
    const events: string[] = [];
    const inFlight = call(base, 'GET', '/v1/authorizations?employeeId=E101', 'M01', undefined, { 'x-consistency-token': String(applied.body['position']) }).then((answer) => {
      events.push(`in-flight:${answer.status}`);
      return answer;
    });
    await sleep(300);

    api.signal('SIGTERM');
    const exit = api.exit().then((e) => {
      events.push(`exit:${e.code}:${e.signal}`);
      return e;
    });
    // Readiness polled on fresh connections until the server stops accepting them.
    for (let i = 0; i < 100 && api.running; i++) {
      const ready = await fetch(api.url('/health/ready'), { headers: { connection: 'close' } }).then((r) => r.status, () => 0);
      if (events.at(-1) !== `ready:${ready}`) events.push(`ready:${ready}`);
      if (ready === 0) break;
      await sleep(50);
    }
    expect(api.running).toBe(true);
    projector.signal('SIGCONT');

    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(answer.body['items']).toEqual([expect.objectContaining({ id: applied.body['id'], status: 'pending_review' })]);
    expect(await exit).toEqual({ code: 0, signal: null });
    // Red before refused, and the request in flight answered before the process exited.
    // (Polls answered before the signal was handled may come first.)
    expect(events.slice(events.findIndex((e) => e !== 'ready:200'))).toEqual(['ready:503', 'ready:0', 'in-flight:200', 'exit:0:null']);
  });

  it.each(['notice-relay', 'expiry-scheduler', 'people-cascade'] as const)('stops the %s on SIGTERM with exit code 0', async (app) => {
    const worker = await spawnApp(app, app, {});
    await worker.waitReady('/health/ready', 60_000);
    expect(worker.running).toBe(true);
    expect(await worker.stop(15_000)).toEqual({ code: 0, signal: null });
  });
});

describe('configuration validated at start', () => {
  const cases: [string, AppName, Record<string, string>, string][] = [
    ...APPS.map((app): [string, AppName, Record<string, string>, string] => [`a mysql:// EVENT_STORE_URL (${app})`, app, { EVENT_STORE_URL: 'mysql://authz@127.0.0.1/authz' }, 'EVENT_STORE_URL']),
    ['an esdb:// EVENT_STORE_URL without READ_STORE_URL (authorization-service)', 'authorization-service', { EVENT_STORE_URL: 'esdb://127.0.0.1:2113?tls=false', READ_STORE_URL: '' }, 'READ_STORE_URL'],
    ['no AUTH_JWT_SECRET outside the embedded mode (authorization-service)', 'authorization-service', { AUTH_JWT_SECRET: '' }, 'AUTH_JWT_SECRET'],
    ['a short AUTH_JWT_SECRET (authorization-service)', 'authorization-service', { AUTH_JWT_SECRET: 'too-short' }, 'AUTH_JWT_SECRET'],
    ['a KAFKA_BROKERS entry without a port (notice-relay)', 'notice-relay', { KAFKA_BROKERS: 'localhost' }, 'KAFKA_BROKERS'],
  ];

  it.each(cases)('refuses %s with exit code 78 and a line naming the variable', async (_name, app, env, variable) => {
    const started = await spawnApp(`bad-${app}`, app, env);
    const exit = await started.exit();
    expect(exit).toEqual({ code: 78, signal: null });
    expect(started.output.join('')).toMatch(new RegExp(`^configuration error: ${variable}: `, 'm'));
  });
});
