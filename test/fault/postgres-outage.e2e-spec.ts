/**
 * PostgreSQL goes away under command load (issue 11, parts 1 and 2): stopped with
 * `pg_ctl stop -m immediate`, and separately its backends terminated. The API, projector, relay,
 * scheduler and cascade run as OS processes on a private cluster (never the shared one). Every
 * process survives; meanwhile commands answer 503 problem+json STORE_UNAVAILABLE with Retry-After
 * (never 500) and checks are still answered from the in-memory index; commands are served again
 * within 2 s of PostgreSQL's return; every acknowledged command is in the store afterwards.
 */
import { jest } from '@jest/globals';
import pg from 'pg';
import { DIRECTORY } from '../support/call-center.js';
import { AppProcess, type AppName, ensureBuilt, freePort, SECRET, sleep } from '../production/support/processes.js';
import { FaultLoad, histogram, type Reply, send, timeUntil } from './support/fault-load.js';
import { PrivatePostgres } from './support/private-postgres.js';

jest.setTimeout(240_000);

const KAFKA = process.env['TEST_KAFKA_BROKERS'] ?? '127.0.0.1:59092';
/** Commands are served again this soon after PostgreSQL accepts connections again. */
const RECOVERY_MS = 2_000;

let cluster: PrivatePostgres;
const processes: AppProcess[] = [];
let api: AppProcess;

async function spawnApp(app: AppName, env: Record<string, string>): Promise<AppProcess> {
  const started = new AppProcess(app, app, {
    ...env,
    PORT: String(await freePort()),
  }).start();
  processes.push(started);
  return started;
}

/** A short-lived superuser connection to the private cluster (over loopback, trusted for postgres only). */
async function asAdmin<T>(work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ host: '127.0.0.1', port: cluster.port, user: 'postgres', database: 'authz', application_name: 'fault-admin' });
  admin.on('error', () => undefined);
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end().catch(() => undefined);
  }
}

const problemJson = (reply: Reply): boolean => reply.contentType.startsWith('application/problem+json');

/** Every process is still the one we started (none exited) and answers its liveness probe. */
async function expectAllAlive(): Promise<void> {
  for (const p of processes) {
    expect([p.label, p.running, p.running ? '' : p.tail()]).toEqual([p.label, true, '']);
    const live = await fetch(p.url('/health/live')).then(
      (r) => r.status,
      () => 0,
    );
    expect([p.label, live]).toEqual([p.label, 200]);
  }
}

/** The acknowledged applications, each stored exactly once. */
async function expectAcknowledgedStored(load: FaultLoad): Promise<void> {
  const ids = load.acknowledged.map((a) => a.id);
  const { rows } = await asAdmin((admin) =>
    admin.query<{ stream_id: string; n: string }>(`SELECT stream_id, count(*)::text AS n FROM events WHERE type = 'AuthorizationApplied' AND stream_id = ANY($1::text[]) GROUP BY stream_id`, [
      ids.map((id) => `authorization-${id}`),
    ]),
  );
  const stored = new Map(rows.map((r) => [r.stream_id.replace(/^authorization-/, ''), Number(r.n)]));
  expect(ids.filter((id) => stored.get(id) !== 1)).toEqual([]);
  expect(new Set(ids).size).toBe(ids.length);
}

/** Nothing but 201 and 503 STORE_UNAVAILABLE (problem+json, Retry-After) or a lost connection while the API... never died. */
function expectOnly201Or503(replies: readonly Reply[]): void {
  const unexpected = replies.filter((r) => r.status !== 201 && r.status !== 503);
  expect({
    unexpected: unexpected.slice(0, 3),
    histogram: histogram(replies),
  }).toEqual({ unexpected: [], histogram: expect.anything() });
  for (const reply of replies.filter((r) => r.status === 503)) {
    expect(problemJson(reply)).toBe(true);
    expect(reply.body['code']).toBe('STORE_UNAVAILABLE');
    expect(reply.retryAfter).toMatch(/^[1-9][0-9]*$/);
  }
}

const applied = async (): Promise<boolean> => {
  const reply = await send(api.url(''), 'POST', '/v1/applications', 'E101', {
    matter: 'compensation.issue',
    scope: { maxAmount: 10 },
    reason: 'recovery probe',
    validFrom: new Date(Date.now() - 60_000).toISOString(),
    validUntil: new Date(Date.now() + 86_400_000).toISOString(),
  });
  return reply.status === 201;
};

beforeAll(async () => {
  ensureBuilt(['authorization-service', 'projector', 'notice-relay', 'expiry-scheduler', 'people-cascade']);
  cluster = await PrivatePostgres.create('outage');
  const url = cluster.url();
  const env = {
    EVENT_STORE_URL: url,
    READ_STORE_URL: url,
    AUTH_JWT_SECRET: SECRET,
    KAFKA_BROKERS: KAFKA,
    KAFKA_TOPIC_NOTICES: `test.fault.${Date.now()}`,
    CONSISTENCY_WAIT_MS: '2000',
  };
  api = await spawnApp('authorization-service', env);
  await api.waitReady('/health/ready', 120_000);
  for (const app of ['projector', 'notice-relay', 'expiry-scheduler', 'people-cascade'] as const) await spawnApp(app, env);
  await Promise.all(processes.map((p) => p.waitReady('/health/live', 120_000)));
  for (const employee of DIRECTORY) {
    const res = await send(api.url(''), 'POST', '/v1/employees', 'svc:hr', employee);
    expect([employee.id, res.status]).toEqual([employee.id, 201]);
  }
});

afterAll(async () => {
  await Promise.all(processes.map((p) => p.stop(10_000)));
  cluster?.destroy();
});

describe('PostgreSQL stopped (immediate) under command load', () => {
  it('keeps every process alive, answers 503 STORE_UNAVAILABLE meanwhile, serves again within 2 s and loses nothing acknowledged', async () => {
    const load = new FaultLoad(() => api.url(''), {
      writers: 4,
      keyed: true,
      checks: true,
    }).start();
    try {
      await outage(load);
    } finally {
      // Whatever failed, the next test starts with PostgreSQL up and no load of this one.
      if (!cluster.ready()) cluster.start();
      await load.stop();
    }
  });
});

async function outage(load: FaultLoad): Promise<void> {
  await timeUntil(async () => load.acknowledged.length >= 10, 120_000);

  cluster.stopImmediate();
  // Readiness and commands notice the outage (bounded generously; usually the next request).
  await timeUntil(async () => (await send(api.url(''), 'GET', '/health/ready', null)).status === 503, 60_000);
  await timeUntil(async () => load.commandReplies.some((r) => r.status === 503), 60_000);
  const ready = await send(api.url(''), 'GET', '/health/ready', null);
  expect([ready.status, problemJson(ready)]).toEqual([503, true]);
  // Readiness is public: it says the store is down, not where it lives.
  expect(JSON.stringify(ready.body)).not.toContain(`:${cluster.port}`);
  const read = await send(api.url(''), 'GET', '/v1/employees/E101', 'M01');
  expect([read.status, read.body['code'], read.retryAfter]).toEqual([503, 'STORE_UNAVAILABLE', '1']);
  // The first request of an employee token not seen before needs the directory: 503 too, not 500.
  const stranger = await send(api.url(''), 'GET', '/v1/authorizations', 'X02');
  expect([stranger.status, stranger.body['code']]).toEqual([503, 'STORE_UNAVAILABLE']);
  await sleep(1_500);
  await expectAllAlive();
  // A worker that cannot reach the store is not ready, yet live (an outage is no reason to restart it).
  const projector = processes.find((p) => p.app === 'projector') as AppProcess;
  expect(await fetch(projector.url('/health/ready')).then((r) => r.status)).toBe(503);

  cluster.start();
  // The projector's readiness reads the store (its checkpoint and the head): it tells when it works again.
  const projectorReady = timeUntil(
    async () =>
      (await fetch(projector.url('/health/ready')).then(
        (r) => r.status,
        () => 0,
      )) === 200,
    60_000,
    50,
  );
  const recoveryMs = await timeUntil(applied, 60_000, 25);
  const readyMs = await timeUntil(async () => (await send(api.url(''), 'GET', '/health/ready', null)).status === 200, 60_000);
  const projectorMs = await projectorReady;
  process.stdout.write(
    `[fault] pg_ctl stop -m immediate: commands served ${recoveryMs} ms after PostgreSQL's return, API ready after ${recoveryMs + readyMs} ms, projector ready after ${projectorMs} ms\n`,
  );
  await sleep(500);
  await load.stop();

  expect(recoveryMs).toBeLessThanOrEqual(RECOVERY_MS);
  expectOnly201Or503(load.commandReplies);
  expect(load.refused).toEqual([]);
  // Checks are answered from the in-memory permission index all along.
  expect(histogram(load.checkReplies)).toEqual({
    200: load.checkReplies.length,
  });
  await expectAcknowledgedStored(load);
  await expectAllAlive();
  // The workers resume too: the projector catches up with the head again.
  await timeUntil(
    async () =>
      (
        await fetch(processes[1]!.url('/health/ready')).then(
          (r) => r.json() as Promise<{ behind?: boolean }>,
          () => ({ behind: true }),
        )
      ).behind === false,
    60_000,
    100,
  );
}

describe('PostgreSQL backends terminated under command load', () => {
  it('keeps every process alive, never answers 500, serves again within 2 s and loses nothing acknowledged', async () => {
    const load = new FaultLoad(() => api.url(''), {
      writers: 4,
      keyed: true,
      checks: true,
    }).start();
    try {
      await terminations(load);
    } finally {
      await load.stop();
    }
  });
});

async function terminations(load: FaultLoad): Promise<void> {
  const before = load.acknowledged.length;
  await timeUntil(async () => load.acknowledged.length >= before + 5, 120_000);
  let terminated = 0;
  for (let round = 0; round < 8; round++) {
    const { rows } = await asAdmin((admin) => admin.query<{ ok: boolean }>(`SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE application_name = 'callcenter-authz'`));
    terminated += rows.filter((r) => r.ok).length;
    await sleep(250);
  }
  const recoveryMs = await timeUntil(applied, 60_000, 25);
  process.stdout.write(`[fault] ${terminated} backends terminated: commands served ${recoveryMs} ms after the last termination\n`);
  await sleep(500);
  await load.stop();

  expect(terminated).toBeGreaterThan(0);
  expect(recoveryMs).toBeLessThanOrEqual(RECOVERY_MS);
  expectOnly201Or503(load.commandReplies);
  expect(load.refused).toEqual([]);
  expect(histogram(load.checkReplies)).toEqual({
    200: load.checkReplies.length,
  });
  await expectAcknowledgedStored(load);
  await expectAllAlive();
  await timeUntil(async () => (await send(api.url(''), 'GET', '/health/ready', null)).status === 200, 60_000);
}
