/**
 * What `npm start` prints (issue 16): at a terminal (a pseudo-terminal from util-linux `script`)
 * readable lines without Nest's route and module chatter, ending with the banner; through a pipe
 * (production, CI) JSON lines. Neither shows the store's password. Runs the built all-in-one.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, freePort, freshDatabase, ROOT, SECRET, sleep } from './support/processes.js';

const ENTRY = 'dist/apps/all-in-one/src/main.js';
const hasScript = existsSync('/usr/bin/script');

/** The environment a person has: no LOG_LEVEL, no test-runner NODE_OPTIONS. */
function personEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const { NODE_OPTIONS: _n, LOG_LEVEL: _l, LOG_FORMAT: _f, ...inherited } = process.env;
  return { ...inherited, HOST: '127.0.0.1', ...extra };
}

/** Collects a child's output until `done(output)` or the timeout, then stops it by its pid. */
async function runUntil(child: ChildProcess, done: (output: string) => boolean, timeoutMs = 60_000): Promise<string> {
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + timeoutMs;
  while (!done(output) && Date.now() < deadline && child.exitCode === null) await sleep(100);
  if (child.exitCode === null) {
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
  return output;
}

// eslint-disable-next-line no-control-regex
const plain = (text: string): string => text.replace(/\x1b\[[0-9;]*m/g, '').replaceAll('\r', '');

describe('npm start output', () => {
  beforeAll(() => {
    ensureBuilt([]);
    if (!existsSync(join(ROOT, ENTRY))) throw new Error(`${ENTRY} is not built`);
  }, 180_000);

  (hasScript ? it : it.skip)('at a terminal: readable lines, no route or module chatter, then the banner', async () => {
    const data = mkdtempSync(join(tmpdir(), 'authz-start-'));
    try {
      const port = await freePort();
      // `script -qfc CMD /dev/null` runs CMD on a pseudo-terminal and copies what it prints to our pipe.
      const child = spawn('script', ['-qfc', `exec ${process.execPath} ${ENTRY}`, '/dev/null'], {
        cwd: ROOT,
        env: personEnv({ EVENT_STORE_URL: `pglite://${data}/events`, PORT: String(port) }),
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      const output = plain(await runUntil(child, (out) => plain(out).includes('a service: npm run')));
      const lines = output.split('\n').filter((line) => line.trim() !== '');
      expect(lines.some((line) => line.trimStart().startsWith('{'))).toBe(false);
      expect(output).toMatch(/^\[\d\d:\d\d:\d\d\] INFO: \[NestFactory\] Starting Nest application/m);
      expect(output).toMatch(/INFO: \[DemoSeed\] seeded the demo call center/);
      expect(output).not.toMatch(/RoutesResolver|RouterExplorer|Mapped \{|dependencies initialized/);
      expect(lines.length).toBeLessThan(30);
      expect(output).toContain('Call Center Authorization Service is ready');
      expect(output).toContain(`API docs   http://127.0.0.1:${port}/docs`);
      expect(output).toContain(`store      pglite://${data}/events`);
      expect(output).toContain('people     managers M01 M02 · executives X01 · supervisors S01 (A) S02 (B) · agents E101 (A) E102 (A) E201 (B) · tech support T01 · compliance C01');
      expect(output).toContain('a token    npm run -s token -- E101');
    } finally {
      rmSync(data, { recursive: true, force: true });
    }
  }, 90_000);

  it('through a pipe: JSON lines only, and the store URL without its password', async () => {
    const url = await freshDatabase('start_output');
    const password = new URL(url).password;
    expect(password).not.toBe('');
    const port = await freePort();
    const child = spawn(process.execPath, [ENTRY], {
      cwd: ROOT,
      env: personEnv({ EVENT_STORE_URL: url, AUTH_JWT_SECRET: SECRET, PORT: String(port) }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output = await runUntil(child, (out) => out.includes('listening on'));
    const lines = output.split('\n').filter((line) => line.trim() !== '');
    const entries = lines.map((line) => JSON.parse(line) as { level: number; msg: string; context?: string });
    expect(entries.some((e) => e.msg.startsWith(`listening on http://127.0.0.1:${port}`))).toBe(true);
    expect(entries.filter((e) => e.level >= 30 && ['RoutesResolver', 'RouterExplorer', 'InstanceLoader'].includes(e.context ?? ''))).toEqual([]);
    expect(output).not.toContain(`:${password}@`);
    expect(output).toContain(':***@');
  }, 90_000);
});
