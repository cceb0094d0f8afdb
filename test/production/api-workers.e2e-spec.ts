/**
 * API_WORKERS (issue 12): the API as a node:cluster primary with two workers sharing the port, each
 * with its own permission index. A consistency token holds whichever worker answers (each waits for
 * its own index), both workers serve, a worker that dies is replaced, SIGTERM stops them all with
 * exit code 0 (to the primary alone, or to the whole process group as systemd or a container runtime
 * sends it, even while the workers start), a request in flight at the signal is answered, and a
 * wrong value is a configuration error (exit code 78).
 */
import { jest } from '@jest/globals';
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { type ClientRequest, request } from 'node:http';
import { HOOK_TIMEOUT_MS, WAIT_BOUND_MS } from '../support/timeouts.js';
import { AppProcess, ensureBuilt, eventually, type Exit, freePort, freshDatabase, ROOT, SECRET, tokenOf } from './support/processes.js';

jest.setTimeout(HOOK_TIMEOUT_MS);

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

/** The built API with API_WORKERS=2 as the leader of its own process group, as a service manager starts it. */
class ApiGroup {
  readonly output: string[] = [];
  readonly child: ChildProcess;
  readonly exited: Promise<Exit>;

  constructor(
    readonly port: string,
    url: string,
  ) {
    const { NODE_OPTIONS: _ignored, ...inherited } = process.env;
    this.child = spawn(process.execPath, ['dist/apps/authorization-service/src/main.js'], {
      cwd: ROOT,
      detached: true,
      env: { ...inherited, HOST: '127.0.0.1', LOG_LEVEL: 'warn', SEED_DEMO: 'false', EVENT_STORE_URL: url, READ_STORE_URL: url, AUTH_JWT_SECRET: SECRET, PORT: port, API_WORKERS: '2' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout?.on('data', (chunk: Buffer) => this.output.push(chunk.toString()));
    this.child.stderr?.on('data', (chunk: Buffer) => this.output.push(chunk.toString()));
    this.exited = new Promise((resolve) => this.child.once('exit', (code, signal) => resolve({ code, signal })));
  }

  get pid(): number {
    return this.child.pid as number;
  }

  /** SIGTERM to every process of the group at once (`kill -- -PGID`). */
  terminateGroup(): void {
    process.kill(-this.pid, 'SIGTERM');
  }

  /** Ends whatever is left of the group (after a failed test). */
  kill(): void {
    try {
      process.kill(-this.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

/** The group's primary exits 0 (what the processes printed is shown when it does not). */
async function expectCleanExit(group: ApiGroup): Promise<void> {
  const exit = await group.exited;
  expect({ exit, output: exit.code === 0 && exit.signal === null ? '' : group.output.join('') }).toEqual({ exit: { code: 0, signal: null }, output: '' });
}

/** GET /health/ready on a fresh connection: its status, or 0 when refused. */
const readiness = (port: string): Promise<number> =>
  once(port, 'GET', '/health/ready', '').then(
    (answer) => answer.status,
    () => 0,
  );

/** Until both workers answer ready: the cluster hands fresh connections to the workers in turn. */
async function waitBothReady(api: ApiGroup): Promise<void> {
  await eventually(
    async () => {
      if (api.child.exitCode !== null) throw new Error(`exited before ready:\n${api.output.join('').slice(-3000)}`);
      expect([await readiness(api.port), await readiness(api.port), await readiness(api.port)]).toEqual([200, 200, 200]);
    },
    WAIT_BOUND_MS * 2,
    100,
  );
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

  it('replaces a worker that dies while serving, and the replacement serves', async () => {
    const [killed, kept] = childrenOf(api.pid as number) as [number, number];
    process.kill(killed, 'SIGKILL');
    const replacement = await eventually(
      async () => {
        const now = childrenOf(api.pid as number);
        expect(now).toHaveLength(2);
        expect(now).toContain(kept);
        expect(now).not.toContain(killed);
        return now.find((pid) => pid !== kept) as number;
      },
      WAIT_BOUND_MS,
      100,
    );
    expect(api.output.join('')).toContain(`API worker ${killed} ended (SIGKILL); starting another`);
    await eventually(async () => expect(api.output.join('')).toContain(`API worker ${replacement} serves in place of ${killed}`), WAIT_BOUND_MS, 100);
    // Round robin: of fresh connections in a row, the replacement answers every other one.
    const hr = await tokenOf('svc:hr');
    for (let i = 0; i < 4; i++) expect([i, (await once(api.port as string, 'GET', '/v1/employees/W00', hr)).status]).toEqual([i, 200]);
  });

  it('stops every worker on SIGTERM to the primary alone and exits 0', async () => {
    const workers = childrenOf(api.pid as number);
    expect(await api.stop(30_000)).toEqual({ code: 0, signal: null });
    for (const pid of workers) expect(() => process.kill(pid, 0)).toThrow();
  });
});

describe('API_WORKERS=2 stopped as a process group (SIGTERM to the primary and its workers at once)', () => {
  let url: string;
  let group: ApiGroup | undefined;

  beforeAll(async () => {
    ensureBuilt(['authorization-service']);
    url = await freshDatabase('api_workers_group');
  });
  afterEach(() => group?.kill());

  it('answers a request in flight at the signal, then exits 0 with every worker ended', async () => {
    group = new ApiGroup(String(await freePort()), url);
    const { port } = group;
    await waitBothReady(group);
    const workers = childrenOf(group.pid);
    expect(workers).toHaveLength(2);
    const hired = await once(port, 'POST', '/v1/employees', await tokenOf('svc:hr'), { id: 'G01', name: 'Group Test', role: 'agent', team: 'A' });
    expect(hired.status).toBe(201);

    // A check whose headers a worker has read (it answered 100 Continue) and whose body is not sent yet.
    const body = JSON.stringify({ employeeId: 'G01', authority: 'inquiry.answer' });
    const req: ClientRequest = request({
      host: '127.0.0.1',
      port: Number(port),
      method: 'POST',
      path: '/v1/checks',
      agent: false,
      // As of the hire (another worker may have written it): without the token the worker taking the
      // check may not have read G01 yet and answer UNKNOWN_EMPLOYEE.
      headers: {
        authorization: `Bearer ${await tokenOf('svc:crm')}`,
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        expect: '100-continue',
        'x-consistency-token': String(hired.body['position']),
      },
    });
    const answered = new Promise<{ status: number; body: Record<string, unknown> }>((resolve, reject) => {
      req.on('response', (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as Record<string, unknown> }));
      });
      req.on('error', reject);
    });
    await new Promise<void>((resolve) => req.once('continue', resolve));

    group.terminateGroup();
    // Both workers have stopped accepting once the port refuses (the primary closes it after the last one):
    // the request in flight is still open, and is answered when its body arrives.
    await eventually(async () => expect(await readiness(port)).toBe(0), WAIT_BOUND_MS, 50);
    expect(group.child.exitCode).toBeNull();
    req.end(body);
    expect(await answered).toMatchObject({ status: 200, body: { allowed: true, reason: 'ROLE_BASELINE' } });
    await expectCleanExit(group);
    for (const pid of workers) expect(() => process.kill(pid, 0)).toThrow();
  });

  it('exits 0 when the group is stopped while the workers start', async () => {
    const started = (group = new ApiGroup(String(await freePort()), url));
    const workers = await eventually(
      async () => {
        const forked = childrenOf(started.pid);
        expect(forked).toHaveLength(2);
        return forked;
      },
      WAIT_BOUND_MS,
      20,
    );
    started.terminateGroup();
    await expectCleanExit(started);
    for (const pid of workers) expect(() => process.kill(pid, 0)).toThrow();
  });

  it('exits 0 when the group is stopped as soon as a first worker answers', async () => {
    const started = (group = new ApiGroup(String(await freePort()), url));
    await eventually(async () => expect(await readiness(started.port)).toBe(200), WAIT_BOUND_MS * 2, 50);
    const workers = childrenOf(started.pid);
    started.terminateGroup();
    await expectCleanExit(started);
    for (const pid of workers) expect(() => process.kill(pid, 0)).toThrow();
    expect(started.output.join('')).not.toMatch(/ended while stopping/);
  });

  it('stops them all, exit 0, when a worker ends by the stop signal before the primary has one (the order a group stop may arrive in)', async () => {
    const started = (group = new ApiGroup(String(await freePort()), url));
    await waitBothReady(started);
    const [first, second] = childrenOf(started.pid) as [number, number];
    process.kill(first, 'SIGTERM');
    await expectCleanExit(started);
    expect(() => process.kill(second, 0)).toThrow();
    expect(started.output.join('')).not.toMatch(/starting another/);
  });
});

describe('API_WORKERS validated at start', () => {
  it.each(['0', 'two', '1.5', '65'])('refuses API_WORKERS=%s with exit code 78 and a line naming the variable', async (value) => {
    const started = new AppProcess('bad-workers', 'authorization-service', { AUTH_JWT_SECRET: SECRET, PORT: String(await freePort()), API_WORKERS: value }).start();
    expect(await started.exit()).toEqual({ code: 78, signal: null });
    expect(started.output.join('')).toMatch(/^configuration error: API_WORKERS: /m);
  });
});
