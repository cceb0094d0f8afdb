/**
 * No secret appears in any log line (issue 11): the database password, the JWT secret and the
 * bearer tokens used are looked for in everything the API, the all-in-one and every worker print
 * at the default log level — start-up lines, request logs, error logs during a PostgreSQL outage,
 * and the one line of a start that fails (wrong password, store down). The processes run on a
 * private cluster whose password is distinctive, so a leak cannot hide behind a common word.
 */
import { jest } from '@jest/globals';
import { type ChildProcess, spawn } from 'node:child_process';
import { type AppName, ensureBuilt, freePort, mint, ROOT, SECRET, sleep } from '../production/support/processes.js';
import { PrivatePostgres } from './support/private-postgres.js';
import { send, timeUntil } from './support/fault-load.js';

jest.setTimeout(240_000);

const KAFKA = process.env['TEST_KAFKA_BROKERS'] ?? '127.0.0.1:59092';

/** A process whose every byte of output is kept (the leak may be in the first line). */
class Logged {
  readonly output: string[] = [];
  private child: ChildProcess | null = null;
  private exited: Promise<number | null> = Promise.resolve(null);

  constructor(
    readonly app: AppName | 'all-in-one',
    readonly env: Record<string, string>,
  ) {}

  start(): this {
    const { NODE_OPTIONS: _ignored, LOG_LEVEL: _level, LOG_FORMAT: _format, ...inherited } = process.env;
    // The default log level: no LOG_LEVEL, output not a terminal (JSON lines).
    const child = spawn(process.execPath, [`dist/apps/${this.app}/src/main.js`], {
      cwd: ROOT,
      env: { ...inherited, HOST: '127.0.0.1', SEED_DEMO: 'false', ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => this.output.push(chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => this.output.push(chunk.toString()));
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    this.child = child;
    return this;
  }

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.env['PORT'] ?? ''}${path}`;
  }

  exit(): Promise<number | null> {
    return this.exited;
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    this.child?.kill('SIGTERM');
    const timer = setTimeout(() => this.child?.kill('SIGKILL'), 10_000);
    await this.exited;
    clearTimeout(timer);
  }
}

let cluster: PrivatePostgres;
const processes: Logged[] = [];

afterAll(async () => {
  await Promise.all(processes.map((p) => p.stop()));
  cluster?.destroy();
});

it('prints no database password, JWT secret or bearer token in any line of any process, at the default log level', async () => {
  ensureBuilt(['authorization-service', 'projector', 'notice-relay', 'expiry-scheduler', 'people-cascade']);
  cluster = await PrivatePostgres.create('secrets');
  const url = cluster.url();
  const base = { EVENT_STORE_URL: url, READ_STORE_URL: url, AUTH_JWT_SECRET: SECRET, KAFKA_BROKERS: KAFKA, KAFKA_TOPIC_NOTICES: `test.secrets.${Date.now()}` };
  const spawnLogged = async (app: Logged['app'], env: Record<string, string> = {}): Promise<Logged> => {
    const started = new Logged(app, { ...base, PORT: String(await freePort()), ...env }).start();
    processes.push(started);
    return started;
  };
  const ready = (p: Logged, path = '/health/ready'): Promise<number> =>
    timeUntil(
      async () =>
        (await fetch(p.url(path)).then(
          (r) => r.status,
          () => 0,
        )) === 200,
      120_000,
      100,
    );

  const api = await spawnLogged('authorization-service');
  await ready(api);
  const workers = [await spawnLogged('projector'), await spawnLogged('notice-relay'), await spawnLogged('expiry-scheduler'), await spawnLogged('people-cascade')];
  const allInOne = await spawnLogged('all-in-one');
  await Promise.all([...workers, allInOne].map((p) => ready(p, '/health/live')));

  // Requests with valid, invalid and foreign tokens, on both HTTP processes.
  const tokens = [await mint('svc:hr', 'directory:write'), await mint('M01'), await mint('svc:crm', 'checks:read')];
  const forged = await mint('M01', undefined).then((t) => `${t.slice(0, -4)}AAAA`);
  for (const http of [api, allInOne]) {
    await fetch(http.url('/v1/employees'), {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens[0]}`, 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'M01', name: 'Manager One', role: 'manager' }),
    });
    await fetch(http.url('/v1/authorizations'), { headers: { authorization: `Bearer ${tokens[1]}` } });
    await fetch(http.url('/v1/checks'), {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens[2]}`, 'content-type': 'application/json' },
      body: JSON.stringify({ employeeId: 'M01', authority: 'compensation.issue' }),
    });
    await fetch(http.url('/v1/authorizations'), { headers: { authorization: `Bearer ${forged}` } });
    await fetch(http.url('/v1/authorizations?cursor=%00'), { headers: { authorization: `Bearer ${tokens[1]}` } });
  }

  // Error logs: every process meets an outage.
  cluster.stopImmediate();
  for (const http of [api, allInOne]) {
    expect((await send(http.url(''), 'GET', '/v1/authorizations', 'M01')).status).toBe(503);
    await fetch(http.url('/v1/employees/M01'), { headers: { authorization: `Bearer ${tokens[1]}` } });
  }
  await sleep(3_000);
  cluster.start();
  await Promise.all([api, ...workers, allInOne].map((p) => ready(p, '/health/live')));
  await sleep(1_500);

  // Start-up failures: a wrong password, and the store down.
  const wrong = await spawnLogged('projector', { EVENT_STORE_URL: cluster.url('not-the-password-but-close'), READ_STORE_URL: cluster.url('not-the-password-but-close') });
  expect(await wrong.exit()).not.toBe(0);
  const downUrl = `postgres://authz:${PrivatePostgres.PASSWORD}@127.0.0.1:${await freePort()}/authz`;
  const down = await spawnLogged('authorization-service', { EVENT_STORE_URL: downUrl, READ_STORE_URL: downUrl });
  expect(await down.exit()).toBe(69);
  const downLines = down.output.join('').trim().split('\n');
  expect(downLines).toEqual([expect.stringMatching(/^failed to start: the store is unavailable: connect ECONNREFUSED 127\.0\.0\.1:\d+$/)]);

  await Promise.all(processes.map((p) => p.stop()));
  const secrets = {
    'database password': PrivatePostgres.PASSWORD,
    'JWT secret': SECRET,
    ...Object.fromEntries([...tokens, forged].map((t, i) => [`bearer token ${i}`, t])),
    ...Object.fromEntries(tokens.map((t, i) => [`token signature ${i}`, t.split('.')[2] ?? t])),
  };
  const leaks: string[] = [];
  for (const p of processes) {
    const lines = p.output.join('').split('\n');
    expect([p.app, lines.length > 1 || p === wrong || p === down]).toEqual([p.app, true]);
    for (const line of lines) {
      for (const [what, secret] of Object.entries(secrets)) if (line.includes(secret)) leaks.push(`${p.app}: ${what} in ${line.slice(0, 300)}`);
    }
  }
  expect(leaks).toEqual([]);
  // The lines examined include the error logs of the outage.
  expect(processes.map((p) => p.output.join('')).join('\n')).toContain('the store is unavailable');
});
