/**
 * Separate OS processes of the production shape (`node dist/apps/<app>/src/main.js`), each with its
 * own environment. Every process is stopped by its pid (TERM, then KILL), never by name.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { SignJWT } from 'jose';
import { createTestDatabase } from '../../../libs/sql/src/testing/test-database.js';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const SECRET = 'production-topology-secret-of-at-least-32-chars';
export const TEST_PG_URL = process.env['TEST_PG_URL'] ?? 'postgres://authz:authz@127.0.0.1:55432/authz';

export type AppName = 'authorization-service' | 'projector' | 'notice-relay' | 'expiry-scheduler' | 'people-cascade';

/**
 * Builds dist/ once when it is missing or older than the sources. tsc emits even when some file
 * elsewhere does not type-check (lint catches that); the apps under test only need their output.
 */
export function ensureBuilt(apps: readonly AppName[]): void {
  try {
    execFileSync(process.execPath, ['scripts/ensure-built.mjs'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], timeout: 170_000 });
  } catch (error: unknown) {
    const missing = apps.filter((app) => !existsSync(`${ROOT}dist/apps/${app}/src/main.js`));
    if (missing.length > 0) throw new Error(`build failed and ${missing.join(', ')} not built`, { cause: error });
  }
}

export async function freshDatabase(prefix: string): Promise<string> {
  return (await createTestDatabase(prefix, TEST_PG_URL)).url;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/** One app process; `start()` again after a kill starts a new process with the same environment. */
export class AppProcess {
  private child: ChildProcess | null = null;
  private exited: Promise<Exit> = Promise.resolve({ code: null, signal: null });
  readonly output: string[] = [];

  constructor(
    readonly label: string,
    readonly app: AppName,
    readonly env: Record<string, string>,
  ) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get port(): string | undefined {
    return this.env['PORT'];
  }

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  start(): this {
    const { NODE_OPTIONS: _ignored, ...inherited } = process.env;
    const child = spawn(process.execPath, [`dist/apps/${this.app}/src/main.js`], {
      cwd: ROOT,
      env: { ...inherited, HOST: '127.0.0.1', LOG_LEVEL: 'warn', SEED_DEMO: 'false', ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer): void => {
      this.output.push(chunk.toString());
      if (this.output.length > 200) this.output.splice(0, this.output.length - 200);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    this.child = child;
    return this;
  }

  /** Resolves with the exit of the current process. */
  exit(): Promise<Exit> {
    return this.exited;
  }

  signal(signal: NodeJS.Signals): void {
    if (this.running) this.child?.kill(signal);
  }

  async kill(): Promise<Exit> {
    this.signal('SIGKILL');
    return this.exited;
  }

  /** TERM, then KILL after `graceMs`. */
  async stop(graceMs = 5000): Promise<Exit | null> {
    if (!this.running) return null;
    this.signal('SIGTERM');
    const timer = setTimeout(() => this.signal('SIGKILL'), graceMs);
    const exit = await this.exited;
    clearTimeout(timer);
    return exit;
  }

  url(path: string): string {
    if (!this.port) throw new Error(`${this.label} has no PORT`);
    return `http://127.0.0.1:${this.port}${path}`;
  }

  /** Waits until GET `path` answers 200 (the process must stay alive meanwhile). */
  async waitReady(path = '/health/ready', timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (!this.running) throw new Error(`${this.label} exited before ready:\n${this.tail()}`);
      try {
        const res = await fetch(this.url(path));
        if (res.status === 200) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`${this.label} not ready after ${timeoutMs} ms:\n${this.tail()}`);
      await sleep(100);
    }
  }

  tail(): string {
    return this.output.join('').slice(-3000);
  }
}

export function mint(sub: string, scope?: string): Promise<string> {
  return new SignJWT(scope ? { scope } : {})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setIssuedAt()
    .setExpirationTime('30m')
    .sign(new TextEncoder().encode(SECRET));
}

const tokens = new Map<string, Promise<string>>();
/** Cached tokens per principal (services get the scopes they need here). */
export function tokenOf(who: string): Promise<string> {
  const scope = who === 'svc:hr' ? 'directory:write' : who.startsWith('svc:') ? 'checks:read audit:read' : undefined;
  let token = tokens.get(who);
  if (!token) tokens.set(who, (token = mint(who, scope)));
  return token;
}

export interface Answer {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

/** One HTTP call as `who`; network failures surface as status 0. */
export async function call(base: string, method: 'GET' | 'POST', path: string, who: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  try {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${await tokenOf(who)}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(15_000),
    });
    const text = await res.text();
    let parsed: Record<string, unknown> = {};
    try {
      parsed = text.startsWith('{') ? (JSON.parse(text) as Record<string, unknown>) : { text };
    } catch {
      parsed = { text };
    }
    return { status: res.status, body: parsed };
  } catch (error: unknown) {
    return { status: 0, body: { error: error instanceof Error ? `${error.message} ${String((error.cause as { code?: string } | undefined)?.code ?? '')}` : String(error) } };
  }
}

/** Retries `check` until it passes or the deadline is reached (then rethrows its last failure). */
export async function eventually<T>(check: () => Promise<T>, timeoutMs: number, intervalMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error: unknown) {
      if (Date.now() > deadline) throw error;
      await sleep(intervalMs);
    }
  }
}
